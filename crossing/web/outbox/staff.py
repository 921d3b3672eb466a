"""`crossing staff add`: an account that signs in to the admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction


class StaffError(ValueError):
    pass


def add_staff(*, username: str, email: str, password: str) -> None:
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise StaffError(f"a staff account named {username!r} exists already")
    try:
        validate_email(email)
    except ValidationError:
        raise StaffError(f"{email!r} is not an email address") from None
    candidate = User(username=username, email=email)
    try:
        candidate.full_clean(exclude=["password"])
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise StaffError(" ".join(error.messages)) from None
    with transaction.atomic():
        User.objects.create_superuser(username=username, email=email, password=password)
