"""The static export: the list and each public screening's page as they were when exported,
saying so, with no form that cannot work there."""

from __future__ import annotations

from pathlib import Path

from crossing.web.export import build_site, file_for
from crossing.web.screenings.models import Screening, State

from .helpers import on_sale, reserved


def test_the_export_holds_screenings_as_of_its_date(tmp_path: Path) -> None:
    shown = on_sale(capacity=10, threshold=5)
    reserved(shown, quantity=2)
    hidden = on_sale()
    Screening.objects.filter(pk=hidden.pk).update(state=State.REJECTED)
    out = tmp_path / "site"
    build_site(out, base_url="https://crossing.example.org")
    listing = (out / file_for("/screenings/")).read_text(encoding="utf-8")
    page = (out / file_for(shown.path)).read_text(encoding="utf-8")
    assert (out / file_for("/screenings/past/")).is_file()
    assert not (out / file_for(hidden.path)).exists()
    for html in (listing, page):
        assert "This copy of the site shows screenings as of" in html
        assert "Reserve on the live site, https://crossing.example.org." in html
        assert "<form" not in html
        assert "@example.org" not in html
    assert "2 of the 5 tickets needed reserved so far" in page
    assert "Reservations are taken on the live site" in page
    assert ".ics" not in page and "/screenings/request/" not in page
    assert 'href="../static/crossing/screenings-world.svg"' in listing or "<circle" not in listing
    xml = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>https://crossing.example.org{shown.path}</loc>" in xml
    assert hidden.path not in xml
