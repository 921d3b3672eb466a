"""Crossing's settings (which install Django's auth, for the admin), with the `records` app
of every kind of column."""

from crossing.web.settings import *  # noqa: F403
from crossing.web.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "backup_site.records"]
