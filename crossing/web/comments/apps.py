from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "crossing.web.comments"
    label = "comments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The outbox's worker finds its jobs by their registration on import: verifying a
        # Webmention, and purging old spam and trash.
        from . import privacy, webmention_jobs  # noqa: F401
