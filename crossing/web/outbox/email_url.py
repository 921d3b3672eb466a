"""CROSSING_EMAIL_URL, the mail server as one address, read into Django's email settings.

    smtp://USER:PASSWORD@HOST:587?tls=1   SMTP with STARTTLS (port 587 by default with tls=1)
    smtps://USER:PASSWORD@HOST            SMTP over TLS (port 465 by default)
    smtp://HOST:25                        plain SMTP (a relay on the same machine)
    console:                              print emails to the worker's output
    (empty)                               save each email as a file in DATA/mail/

Characters such as @ or : in the user or password are written %-encoded (%40, %3A)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from crossing.web.setup_error import SetupError

VARIABLE = "CROSSING_EMAIL_URL"
SMTP = "django.core.mail.backends.smtp.EmailBackend"
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


class EmailURLError(SetupError):
    """CROSSING_EMAIL_URL cannot be read; the message says which part and how to write it."""


def _problem(what: str) -> EmailURLError:
    return EmailURLError(
        f"{VARIABLE}: {what}; write it as smtp://USER:PASSWORD@HOST:587?tls=1, "
        "smtps://USER:PASSWORD@HOST, console: or leave it empty (docs/deployment.md)"
    )


def _flag(query: dict[str, list[str]], name: str) -> bool:
    value = query.get(name, [""])[-1].lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise _problem(f"{name}={value!r} is neither 1 nor 0")


def email_settings(url: str, *, mail_folder: Path) -> dict[str, Any]:
    """Django's EMAIL_* settings for this address (never echoing its password)."""
    # Django's defaults, for the settings a backend does not use.
    unused = {
        "EMAIL_FILE_PATH": str(mail_folder),
        "EMAIL_HOST": "localhost",
        "EMAIL_PORT": 25,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
    }
    url = url.strip()
    if not url:
        return {**unused, "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend"}
    scheme, _, rest = url.partition(":")
    if scheme == "console" and rest.strip("/") == "":
        return {**unused, "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme not in {"smtp", "smtps"}:
        raise _problem(f"the scheme {scheme!r} is not smtp, smtps or console")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _problem("the port is not a number from 1 to 65535") from None
    if not parts.hostname:
        raise _problem("the address names no host")
    query = parse_qs(parts.query, keep_blank_values=True)
    unknown = sorted(set(query) - {"tls", "ssl"})
    if unknown:
        raise _problem(f"unknown option {unknown[0]!r} (only tls and ssl)")
    ssl = scheme == "smtps" or _flag(query, "ssl")
    tls = _flag(query, "tls")
    if ssl and tls:
        raise _problem("tls=1 (STARTTLS) and ssl (smtps) exclude each other")
    return {
        **unused,
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if ssl else 587 if tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": ssl,
    }
