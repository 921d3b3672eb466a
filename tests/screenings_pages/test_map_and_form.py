"""The map's framing and the reservation form's parsing, over many inputs (hypothesis), and
markup typed into every field, shown back escaped."""

from __future__ import annotations

from django.test import Client, override_settings
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.web.screenings.forms import ReservationForm
from crossing.web.screenings.map import HEIGHT, WIDTH, Point, frame, project
from crossing.web.screenings.models import Screening

from .helpers import on_sale

coordinates = st.tuples(
    st.floats(min_value=-56, max_value=84, allow_nan=False),
    st.floats(min_value=-180, max_value=180, allow_nan=False),
)


@settings(deadline=None)
@given(st.lists(coordinates, min_size=1, max_size=12))
def test_every_point_is_in_the_view_and_the_view_in_the_world(
    places: list[tuple[float, float]],
) -> None:
    points = [Point(Screening(), *project(lat, lon)) for lat, lon in places]
    x, y, width, height = frame(points)
    assert x >= 0 and y >= 0 and x + width <= WIDTH + 1e-6 and y + height <= HEIGHT + 1e-6
    for point in points:
        assert x - 1e-6 <= point.x <= x + width + 1e-6
        assert y - 1e-6 <= point.y <= y + height + 1e-6


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12))
def test_the_quantity_is_a_whole_number_in_range_or_a_message(typed: str) -> None:
    with override_settings(CROSSING_SCREENINGS_MAX_TICKETS=10):
        form = ReservationForm({"name": "Ana", "email": "ana@example.org", "quantity": typed})
        if form.is_valid():
            assert 1 <= form.cleaned_data["quantity"] <= 10
        else:
            assert form.errors["quantity"] == ["Reserve from 1 to 10 tickets."]


PAYLOADS = [
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    '" autofocus onfocus="alert(1)',
    "</textarea><script>alert(1)</script>",
]


def test_markup_typed_in_any_field_comes_back_escaped(client: Client) -> None:
    screening = on_sale()
    for payload in PAYLOADS:
        for field in ("name", "email", "quantity"):
            data = {"name": "Ana", "email": "ana@example.org", "quantity": "1", field: payload}
            if field == "name":
                data["quantity"] = "x"  # keep the form invalid, so it comes back
            response = client.post(f"/screenings/{screening.pk}/reserve/", data)
            assert response.status_code == 400
            page = response.content.decode()
            if escape(payload) != payload:
                assert payload not in page  # never as markup
            assert f'name="{field}" id="id_{field}" value="{escape(payload)}"' in page  # kept
