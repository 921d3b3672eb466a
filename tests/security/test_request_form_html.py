"""The request form's <select>s (countries, time zones, currencies, films) are written by
ListSelect rather than Django's per-option templates: the HTML is Django's own to the byte,
chosen or not, with a message or not, with payloads sent."""

from __future__ import annotations

import pytest
from django import forms
from django.utils import translation

from crossing.web.screenings.forms import ListSelect
from crossing.web.screenings.organiser_forms import RequestForm

from .payloads import PAYLOADS

SELECTS = ("film", "country", "time_zone", "currency")


def sent(value: str) -> dict[str, str]:
    return dict.fromkeys(SELECTS, value) | {"town": value}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_selects_are_djangos_html(language: str) -> None:
    cases: list[RequestForm] = [RequestForm(), RequestForm(initial={"film": "the-defector"})]
    valid = {"film": "the-defector", "country": "CA", "time_zone": "America/Toronto"}
    cases.append(RequestForm(data=valid | {"currency": "CAD"}))
    cases.append(RequestForm(data={"country": "KR", "time_zone": "UTC", "currency": "KRW"}))
    # A payload is no choice, so none is ever chosen: a few show that (Django's own
    # rendering of the country and time zone lists takes a tenth of a second each).
    cases += [RequestForm(data=sent(p.text)) for p in PAYLOADS[:4]]
    with translation.override(language):
        for form in cases:
            form.is_valid()
            for name in SELECTS:
                field = form[name]
                assert isinstance(field.field.widget, ListSelect)
                django = forms.Select(attrs=field.field.widget.attrs)
                django.choices = field.field.widget.choices
                ours = str(field)
                assert ours == field.as_widget(widget=django), (name, form.data.get(name))
    assert any('aria-invalid="true"' in str(form["country"]) for form in cases)
    assert any(" selected>" in str(form["time_zone"]) for form in cases)
