from django.apps import AppConfig


class SpamConfig(AppConfig):
    name = "crossing.web.spam"
    label = "spam"
    default_auto_field = "django.db.models.BigAutoField"
