"""The admin is for staff on the running site: the static export carries none of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossing.web.export import build_site


@pytest.mark.django_db
def test_the_export_has_no_admin_pages_nor_admin_static_files(tmp_path: Path) -> None:
    build_site(tmp_path / "site")
    files = [path.relative_to(tmp_path / "site") for path in (tmp_path / "site").rglob("*")]
    assert files, "the site was exported"
    assert not [path for path in files if "admin" in path.parts]
