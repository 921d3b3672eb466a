"""What the learning filter keeps: counts per token, never the text of a comment."""

from __future__ import annotations

from django.db import models


class TokenCount(models.Model):
    """In how many spam and how many ham (not spam) comments a token has appeared."""

    token = models.CharField(max_length=100, unique=True)
    spam = models.PositiveIntegerField(default=0)
    ham = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.token}: {self.spam} spam, {self.ham} ham"
