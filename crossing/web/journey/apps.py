from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "crossing.web.journey"
    label = "journey"
    verbose_name = "The journey"
    default_auto_field = "django.db.models.BigAutoField"
