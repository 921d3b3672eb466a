"""A site with more than Crossing's tables today, for the backup tests: Django's auth (users,
groups, permissions, many-to-many tables) and `records`, a model of every kind of column.
Used in subprocesses: DJANGO_SETTINGS_MODULE=backup_site.settings, PYTHONPATH=tests/web."""
