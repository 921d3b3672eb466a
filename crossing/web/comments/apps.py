from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "crossing.web.comments"
    label = "comments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The outbox's worker finds the purge of old spam and trash by its registration.
        from . import privacy  # noqa: F401
