"""How readers fared: a count per ending and story version, and nothing about the readers."""

from __future__ import annotations

from django.db import models


class EndingCount(models.Model):
    """How many readers reached one ending of one version of a story.

    Deliberately only a number: no time, no address, no identifier of any kind."""

    story = models.CharField(max_length=100)
    version = models.CharField(max_length=50)
    ending = models.CharField(max_length=200)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["story", "version", "ending"], name="one_count_per_ending"
            )
        ]

    def __str__(self) -> str:
        return f"{self.story} {self.version} {self.ending}: {self.count}"
