"""Every kind of column a backup must carry exactly, and every kind of table: a self
reference, foreign keys to Django's tables, a many-to-many table, multi-table inheritance."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)


class Note(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    edited = models.DateTimeField(auto_now=True)
    happened = models.DateTimeField(null=True)
    day = models.DateField(null=True)
    at = models.TimeField(null=True)
    amount = models.DecimalField(max_digits=14, decimal_places=6, null=True)
    ratio = models.FloatField(null=True)
    done = models.BooleanField(default=False)
    blob = models.BinaryField(null=True)
    data = models.JSONField(null=True)
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    wait = models.DurationField(null=True)
    address = models.GenericIPAddressField(null=True)
    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE, related_name="+")
    kind = models.ForeignKey(ContentType, null=True, on_delete=models.PROTECT)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    tags = models.ManyToManyField(Tag)


class Screening(Note):
    seats = models.PositiveIntegerField()
    seats_left = models.PositiveIntegerField(default=0)  # migration 0002, filled from seats
