"""CROSSING_EMAIL_URL read into Django's email settings, and refused with a clear message."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossing.web.outbox.email_url import SMTP, EmailURLError, email_settings

MAIL = Path("/data/mail")


def test_empty_saves_emails_as_files_in_the_data_folder() -> None:
    found = email_settings("", mail_folder=MAIL)
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert found["EMAIL_FILE_PATH"] == "/data/mail"


@pytest.mark.parametrize(
    ("url", "host", "port", "tls", "ssl"),
    [
        ("smtp://mail.example.org:587?tls=1", "mail.example.org", 587, True, False),
        ("smtp://mail.example.org?tls=1", "mail.example.org", 587, True, False),
        ("smtps://mail.example.org", "mail.example.org", 465, False, True),
        ("smtp://127.0.0.1", "127.0.0.1", 25, False, False),
        ("smtp://127.0.0.1:2525", "127.0.0.1", 2525, False, False),
    ],
)
def test_smtp_addresses(url: str, host: str, port: int, tls: bool, ssl: bool) -> None:
    found = email_settings(url, mail_folder=MAIL)
    assert found["EMAIL_BACKEND"] == SMTP
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"]) == (host, port)
    assert (found["EMAIL_USE_TLS"], found["EMAIL_USE_SSL"]) == (tls, ssl)


def test_console_prints_emails() -> None:
    found = email_settings("console:", mail_folder=MAIL)
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://mail.example.org", "the scheme 'http' is not smtp, smtps or console"),
        ("smtp://mail.example.org:99999", "the port is not a number from 1 to 65535"),
        ("smtp://:587", "the address names no host"),
        ("smtp://h?tls=maybe", "tls='maybe' is neither 1 nor 0"),
        ("smtp://h?starttls=1", "unknown option 'starttls'"),
        ("smtps://h?tls=1", "exclude each other"),
    ],
)
def test_a_wrong_address_is_refused_saying_what_and_how(url: str, says: str) -> None:
    with pytest.raises(EmailURLError) as raised:
        email_settings(url, mail_folder=MAIL)
    assert str(raised.value).startswith("CROSSING_EMAIL_URL: ")
    assert says in str(raised.value) and "smtp://USER:PASSWORD@HOST:587?tls=1" in str(raised.value)


def test_the_password_is_never_in_the_message() -> None:
    with pytest.raises(EmailURLError) as raised:
        email_settings("smtp://me:s3cret@h?tls=2", mail_folder=MAIL)
    assert "s3cret" not in str(raised.value)


@given(
    user=st.text(min_size=1, max_size=30),
    password=st.text(max_size=30),
    host=st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,6}){0,2}", fullmatch=True),
    port=st.integers(1, 65535),
    tls=st.booleans(),
)
def test_any_user_password_host_and_port_written_encoded_are_read_back(
    user: str, password: str, host: str, port: int, tls: bool
) -> None:
    url = f"smtp://{quote(user, safe='')}:{quote(password, safe='')}@{host}:{port}?tls={int(tls)}"
    found = email_settings(url, mail_folder=MAIL)
    assert found["EMAIL_HOST_USER"] == user and found["EMAIL_HOST_PASSWORD"] == password
    assert found["EMAIL_HOST"] == host and found["EMAIL_PORT"] == port
    assert found["EMAIL_USE_TLS"] is tls
