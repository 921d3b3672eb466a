"""Crossing's settings, with Django's auth and the `records` app of every kind of column."""

from crossing.web.settings import *  # noqa: F403
from crossing.web.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.auth", "backup_site.records"]
