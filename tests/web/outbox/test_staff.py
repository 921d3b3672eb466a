"""`crossing staff add`: a staff account that signs in to /admin/, with a clear error for
a name taken, an address that is not one or a weak password."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..test_settings_and_serve import ROOT

CROSSING = str(Path(sys.executable).parent / "crossing")

SIGN_IN = """
import os
os.environ["DJANGO_SETTINGS_MODULE"] = "crossing.web.settings"
import django
django.setup()
from django.test import Client
client = Client()
print(client.login(username="editor", password="a long passphrase 4 staff"))
print(client.get("/admin/outbox/message/", HTTP_HOST="127.0.0.1").status_code)
"""


def run(data: Path, *arguments: str, typed: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)  # SQLite in this test's own data folder
    return subprocess.run(
        arguments,
        input=typed,
        env={**env, "CROSSING_DATA_DIR": str(data)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_staff_add_creates_an_account_that_signs_in_to_the_admin(tmp_path: Path) -> None:
    assert (
        run(
            tmp_path, sys.executable, "-m", "django", "migrate", "--settings=crossing.web.settings"
        ).returncode
        == 0
    )
    password = "a long passphrase 4 staff"
    added = run(
        tmp_path,
        CROSSING,
        "staff",
        "add",
        "editor",
        "e@example.org",
        typed=f"{password}\n{password}\n",
    )
    assert added.returncode == 0, added.stderr
    assert "created staff account 'editor': sign in at /admin/" in added.stderr
    signed_in = run(tmp_path, sys.executable, "-c", SIGN_IN)
    assert signed_in.stdout.split() == ["True", "200"], signed_in.stderr

    again = run(
        tmp_path, CROSSING, "staff", "add", "editor", "e@example.org", "--password", password
    )
    assert again.returncode == 1
    assert again.stderr == "error: a staff account named 'editor' exists already\n"
    weak = run(tmp_path, CROSSING, "staff", "add", "other", "o@example.org", "--password", "123")
    assert weak.returncode == 1 and "This password is too short" in weak.stderr
    bad = run(tmp_path, CROSSING, "staff", "add", "other", "nowhere", "--password", password)
    assert bad.stderr == "error: 'nowhere' is not an email address\n"
