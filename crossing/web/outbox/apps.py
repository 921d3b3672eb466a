from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "crossing.web.outbox"
    verbose_name = _("Outbox")
    default_auto_field = "django.db.models.BigAutoField"
