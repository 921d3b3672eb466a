"""The organiser's forms: the screening request, and calling a screening off.

The request form checks each field on its own (and the local times against their zone);
the rules that tie fields together (deadline before the screening, threshold within the
seats, the educational licence) are services._check_request's, whose Refused names the
field its message goes next to."""

from __future__ import annotations

import datetime
import re
import secrets
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name, get_currency_precision
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ..content import site_content
from .forms import ListSelect
from .models import Licence
from .organiser_time import all_zones, aware, parse_local, zone_choices

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MAX_CAPACITY = 100_000
# The currencies offered; Babel gives their names and their minor units (JPY has none).
CURRENCIES = (
    "USD", "CAD", "EUR", "GBP", "KRW", "JPY", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK",
    "PLN", "CZK", "HUF", "MXN", "BRL", "ZAR", "INR", "SGD", "HKD", "TWD", "THB", "CNY",
)  # fmt: skip
# Babel's territories that are not countries (regions, groupings, "unknown").
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def _locale() -> Locale:
    try:
        return Locale.parse((get_language() or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def new_key() -> str:
    """The idempotency key of one rendered request form."""
    return secrets.token_urlsafe(24)


def country_choices() -> list[tuple[str, str]]:
    territories = _locale().territories
    countries = [
        (code, str(name))
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]
    return [("", _("Choose a country")), *sorted(countries, key=lambda c: c[1].casefold())]


def currency_choices() -> list[tuple[str, str]]:
    locale = _locale()
    return [(c, f"{c} — {get_currency_name(c, locale=locale)}") for c in CURRENCIES]


def film_choices() -> list[tuple[str, str]]:
    films = site_content().works_of("film")
    return [("", _("Choose a film"))] + [(w.slug, w.title) for w in films]


def _required(message: StrOrPromise) -> dict[str, Any]:
    return {"required": message}


class LocalTimeField(forms.CharField):
    """A local date and time as typed (kept as text: the zone is another field)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        if not text:
            return None
        return parse_local(text)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, datetime.datetime):
            return value.strftime("%Y-%m-%dT%H:%M")
        return value


class RequestForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, required=False)
    film = forms.ChoiceField(
        widget=ListSelect,
        label=gettext_lazy("Film"),
        error_messages={
            "required": gettext_lazy("Choose the film to show."),
            "invalid_choice": gettext_lazy("Choose one of the films in the list."),
        },
    )
    organiser_name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=100,
        error_messages=_required(gettext_lazy("Give your name: the team writes to you by it.")),
    )
    organiser_email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        help_text=gettext_lazy(
            "We send a link to it to confirm your request; it is not shown to anyone."
        ),
        error_messages={
            "required": gettext_lazy(
                "Give your email address: the links to manage the screening go to it."
            ),
            "invalid": gettext_lazy("Give an email address such as name@example.org."),
        },
    )
    organisation = forms.CharField(
        label=gettext_lazy("Organisation (optional)"),
        max_length=150,
        required=False,
        help_text=gettext_lazy(
            "A school, a society, a cinema; leave empty if you ask for yourself."
        ),
    )
    venue_name = forms.CharField(
        label=gettext_lazy("Venue"),
        max_length=150,
        error_messages=_required(gettext_lazy("Give the venue's name.")),
    )
    venue_address = forms.CharField(
        label=gettext_lazy("Street address"),
        max_length=300,
        error_messages=_required(gettext_lazy("Give the venue's street address.")),
    )
    town = forms.CharField(
        label=gettext_lazy("Town or city"),
        max_length=100,
        error_messages=_required(gettext_lazy("Give the town or city.")),
    )
    country = forms.ChoiceField(
        widget=ListSelect,
        label=gettext_lazy("Country"),
        error_messages={
            "required": gettext_lazy("Choose the country."),
            "invalid_choice": gettext_lazy("Choose a country in the list."),
        },
    )
    capacity = forms.IntegerField(
        label=gettext_lazy("Seats"),
        min_value=1,
        max_value=MAX_CAPACITY,
        help_text=gettext_lazy("The seats you can offer: never more are reserved."),
        error_messages={
            "required": gettext_lazy("Give the number of seats."),
            "invalid": gettext_lazy("Give the number of seats as a whole number, such as 120."),
            "min_value": gettext_lazy("The venue must have at least one seat."),
            "max_value": gettext_lazy("Give at most %(limit_value)s seats."),
        },
    )
    accessibility = forms.CharField(
        label=gettext_lazy("Accessibility (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Step-free access, a hearing loop, captions, seats for wheelchair users: "
            "what people need to know before they come."
        ),
    )
    starts = LocalTimeField(
        label=gettext_lazy("Date and time"),
        help_text=gettext_lazy("The local time at the venue."),
        error_messages=_required(gettext_lazy("Give the date and time of the screening.")),
    )
    time_zone = forms.ChoiceField(
        widget=ListSelect,
        label=gettext_lazy("Time zone of the venue"),
        error_messages={
            "required": gettext_lazy("Choose the venue's time zone."),
            "invalid_choice": gettext_lazy("Choose a time zone in the list."),
        },
    )
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("Duration in minutes"),
        min_value=30,
        max_value=12 * 60,
        initial=120,
        help_text=gettext_lazy("The film and the extras."),
        error_messages={
            "required": gettext_lazy("Give how long the screening lasts, in minutes."),
            "invalid": gettext_lazy("Give the duration in whole minutes, such as 120."),
            "min_value": gettext_lazy("Give at least %(limit_value)s minutes."),
            "max_value": gettext_lazy("Give at most %(limit_value)s minutes."),
        },
    )
    price = forms.DecimalField(
        label=gettext_lazy("Ticket price"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(10_000),
        max_digits=9,
        decimal_places=2,
        help_text=gettext_lazy("0 or empty: free to attend."),
        error_messages={
            "invalid": gettext_lazy("Give the price as a number, such as 8.50, or 0 for free."),
            "min_value": gettext_lazy("The price cannot be below 0."),
            "max_value": gettext_lazy("Give a price of at most %(limit_value)s."),
            "max_decimal_places": gettext_lazy("Give at most %(max)s digits after the point."),
            "max_digits": gettext_lazy("Give a shorter price."),
        },
    )
    currency = forms.ChoiceField(
        widget=ListSelect,
        label=gettext_lazy("Currency"),
        error_messages={
            "required": gettext_lazy("Choose the currency."),
            "invalid_choice": gettext_lazy("Choose a currency in the list."),
        },
    )
    threshold = forms.IntegerField(
        label=gettext_lazy("Tickets needed"),
        min_value=1,
        max_value=MAX_CAPACITY,
        help_text=gettext_lazy(
            "The screening happens if this many tickets are reserved by the deadline; "
            "otherwise it is called off and nobody pays."
        ),
        error_messages={
            "required": gettext_lazy("Give the number of tickets needed."),
            "invalid": gettext_lazy("Give the tickets needed as a whole number, such as 60."),
            "min_value": gettext_lazy("At least one ticket is needed."),
            "max_value": gettext_lazy("Give at most %(limit_value)s tickets."),
        },
    )
    deadline = LocalTimeField(
        label=gettext_lazy("Reservation deadline (optional)"),
        required=False,
        help_text=gettext_lazy(
            "Local time at the venue. Leave empty for a week before the screening."
        ),
    )
    extras = forms.CharField(
        label=gettext_lazy("Extras (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("A Q&A, a speaker, a discussion after the film."),
    )
    licence = forms.ChoiceField(
        label=gettext_lazy("Kind of screening"),
        choices=Licence.choices,
        initial=Licence.PUBLIC,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Educational screenings (school, library, university) are free to attend, held "
            "on site, for audiences under 250."
        ),
        error_messages={
            "required": gettext_lazy("Choose the kind of screening."),
            "invalid_choice": gettext_lazy("Choose one of the kinds listed."),
        },
    )
    note_to_staff = forms.CharField(
        label=gettext_lazy("Note to the team (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["film"].choices = film_choices()  # type: ignore[attr-defined]
        self.fields["country"].choices = country_choices()  # type: ignore[attr-defined]
        self.fields["time_zone"].choices = [("", _("Choose a time zone")), *zone_choices()]  # type: ignore[attr-defined]
        self.fields["currency"].choices = currency_choices()  # type: ignore[attr-defined]

    def clean_key(self) -> str:
        key: str = self.cleaned_data["key"]
        if not KEY.match(key):
            raise ValidationError(
                _("The form was incomplete: check it and send it again."), code="key"
            )
        return key

    def clean_time_zone(self) -> str:
        zone: str = self.cleaned_data["time_zone"]
        if zone not in all_zones():  # the choices hold it too; zoneinfo must know it
            raise ValidationError(_("Choose a time zone in the list."))
        return zone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone = data.get("time_zone")
        for name in ("starts", "deadline"):
            local = data.get(name)
            if zone and isinstance(local, datetime.datetime):
                try:
                    data[name] = aware(local, zone)
                except ValidationError as problem:
                    self.add_error(name, problem)
        currency, price = data.get("currency"), data.get("price")
        if currency and price is not None:
            digits = get_currency_precision(currency)
            if price != price.quantize(Decimal(1).scaleb(-digits)):
                message = (
                    _("Prices in %(currency)s have no smaller unit: give a whole number.")
                    if digits == 0
                    else _("Give at most %(digits)d digits after the point in %(currency)s.")
                )
                self.add_error("price", message % {"currency": currency, "digits": digits})
            else:
                data["price_minor"] = int(price.scaleb(digits))
        elif currency:
            data["price_minor"] = 0
        return data


class CallOffForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is it called off?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Everyone with a ticket is told this; nobody pays."),
        error_messages={
            "required": gettext_lazy("Say why it is called off: everyone with a ticket is told."),
        },
    )
