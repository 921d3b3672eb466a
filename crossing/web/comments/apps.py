from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "crossing.web.comments"
    label = "comments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The outbox's worker finds the Webmention job by its registration on import.
        from . import webmention_jobs  # noqa: F401
