from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningsConfig(AppConfig):
    name = "crossing.web.screenings"
    label = "screenings"
    verbose_name = _("Screenings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The outbox's worker finds its jobs by their registration on import (the emails'
        # reminder and daily progress are in notifications).
        from . import jobs, notifications  # noqa: F401
