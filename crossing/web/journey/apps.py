from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneyConfig(AppConfig):
    name = "crossing.web.journey"
    label = "journey"
    verbose_name = _("The journey")
    default_auto_field = "django.db.models.BigAutoField"
