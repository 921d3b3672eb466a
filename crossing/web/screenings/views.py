"""The readers' pages of screenings (contract: docs in the module of each view).

Every page is read from the database at each request (a few indexed rows): the progress, the
seats left and the time left are never served stale, so no page here is cached. Readers get
no cookie: the forms are csrf_exempt and refuse a post another site made (as the comments'
form does). The pages reached by a signed link (check your email, confirm, the ticket) carry
Cache-Control: no-store."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ..comments.views import cross_site
from ..locale_names import territory_name
from ..metadata import absolute_url, page_meta
from . import calendar, display, links, payment_views, selectors, services, structured
from .forms import FilterForm, ReservationForm
from .map import unmapped_by_country, world_map
from .models import Payment, Reservation, ReservationState, Screening, State
from .payments import PaymentError
from .tickets import qr_svg

_SENT = "crossing.screenings.sent"


# --- Signed addresses of this module ---------------------------------------------------------


def sent_token(reservation: Reservation) -> str:
    """The "check your email" page's token. Not the ticket's: the same reservation sent again
    (by anyone who knows the address and the number) is answered with this page, which must
    not open the ticket or its cancel button."""
    return signing.Signer(salt=_SENT).sign(f"{reservation.pk}.{reservation.code}")


def _from_sent(token: str) -> Reservation | None:
    try:
        pk, _dot, code = signing.Signer(salt=_SENT).unsign(token).partition(".")
    except signing.BadSignature:
        return None
    if not (pk.isascii() and pk.isdigit()) or not code:
        return None
    return selectors.reservation(int(pk), code)


# --- Answers -----------------------------------------------------------------------------------


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def _fresh(response: HttpResponse) -> HttpResponse:
    # A public page, but always asked for again: its counts and time left change.
    response["Cache-Control"] = "no-cache"
    return response


def _see_other(address: str) -> HttpResponse:
    return _private(HttpResponseRedirect(address, status=303))


def _films() -> dict[str, str]:
    return selectors.film_titles()


def _live_note() -> dict[str, Any]:
    """In a static export: when the copy was made, and where to reserve."""
    return {
        "exported_on": display.when(timezone.now(), timezone.get_current_timezone()),
        "site_url": settings.CROSSING_SITE_URL,
    }


# --- The list, the archive, the map ----------------------------------------------------------


def _row(screening: Screening, titles: dict[str, str]) -> dict[str, Any]:
    return {
        "screening": screening,
        "film": titles.get(screening.film, screening.film),
        "when": display.when(screening.starts, screening.zone),
        "zone": screening.time_zone,
        "place": display.place(screening),
        "price": display.price(screening),
        "progress": display.progress(screening),
        "state": display.state_label(screening),
        "open": display.taking_reservations(screening),
    }


@require_safe
def screening_list(request: HttpRequest) -> HttpResponse:
    """GET /screenings/?country=CA&town=Toronto: upcoming screenings, soonest first."""
    form = FilterForm(request.GET)
    form.is_valid()
    country = form.cleaned_data.get("country", "") if form.is_valid() else ""
    town = form.cleaned_data.get("town", "") if form.is_valid() else ""
    found = selectors.upcoming(country=country, town=town)
    titles = _films()
    places = selectors.places()
    chosen = bool(country or town)
    heading = _("Screenings")
    if chosen:
        where = ", ".join(x for x in (town, territory_name(country) if country else "") if x)
        heading = _("Screenings in %(place)s") % {"place": where}
    context = {
        "rows": [_row(s, titles) for s in found],
        "map": world_map(found),
        "unmapped": [
            (territory_name(code), [_row(s, titles) for s in group])
            for code, group in unmapped_by_country(found).items()
        ],
        "countries": [(p.country, territory_name(p.country), p.towns) for p in places],
        "country": country,
        "town": town,
        "chosen": chosen,
        "heading": heading,
        "meta": page_meta(
            request,
            title=heading,
            description=_(
                "Screenings of the films near you: each takes place if enough tickets are "
                "reserved in time; if not, it is called off and nobody pays."
            ),
            kind="website",
        ),
        **_live_note(),
    }
    return _fresh(render(request, "screenings/list.html", context))


@require_safe
def past(request: HttpRequest) -> HttpResponse:
    """GET /screenings/past/: the archive, latest first."""
    titles = _films()
    context = {
        "rows": [_row(s, titles) for s in selectors.past()],
        "meta": page_meta(
            request,
            title=_("Past screenings"),
            description=_("Screenings of the films that have taken place or were called off."),
            kind="website",
        ),
        **_live_note(),
    }
    return _fresh(render(request, "screenings/past.html", context))


# --- A screening ------------------------------------------------------------------------------


def _screening_page(
    request: HttpRequest,
    screening: Screening,
    *,
    form: ReservationForm | None = None,
    refused: str = "",
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    title = selectors.film_title(screening.film)
    film_url = selectors.film_url(screening.film)
    page_url = absolute_url(request)
    film_absolute = urljoin(page_url, film_url) if film_url and page_url else None
    heading = _("%(film)s at %(venue)s, %(town)s") % {
        "film": title,
        "venue": screening.venue_name,
        "town": screening.town,
    }
    schema = structured.screening_event(
        screening, film_title=title, film_url=film_absolute, page_url=page_url
    )
    deadline_open = screening.deadline > now
    context = {
        "screening": screening,
        "film": title,
        "film_url": film_url,
        "heading": heading,
        "when": display.when(screening.starts, screening.zone),
        "ends": display.when(screening.ends, screening.zone),
        "zone": display.zone_name(screening),
        "place": display.place(screening),
        "price": display.price(screening),
        "progress": display.progress(screening),
        "state": display.state_words(screening, now),
        "deadline": display.when(screening.deadline, screening.zone),
        "time_left": display.duration(screening.deadline - now) if deadline_open else "",
        "open": display.taking_reservations(screening, now),
        "upcoming": screening.starts > now and screening.state != State.PAST,
        "called_off": screening.state == State.CALLED_OFF,
        "has_ics": screening.state in (State.CONFIRMED, State.SOLD_OUT)
        or (screening.state == State.CALLED_OFF and screening.confirmed_at is not None),
        "licence": screening.get_licence_display(),
        "pays_online": screening.price_minor > 0
        and settings.CROSSING_SCREENINGS_PAYMENTS != "venue",
        "form": form or ReservationForm(),
        "refused": refused,
        "max_tickets": settings.CROSSING_SCREENINGS_MAX_TICKETS,
        "meta": page_meta(
            request,
            title=heading,
            description=display.state_words(screening, now),
            kind="website",
            schema=schema,
        ),
        **_live_note(),
    }
    response = render(request, "screenings/detail.html", context, status=status)
    return _fresh(response) if status == 200 else _private(response)


def _public_or_404(pk: int) -> Screening:
    screening = selectors.screening(pk)
    if screening is None:
        raise Http404("no such screening")
    return screening


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """GET /screenings/<id>/: the screening, its progress and the reservation form."""
    return _screening_page(request, _public_or_404(pk))


def _refused(
    request: HttpRequest,
    screening: Screening | None,
    form: ReservationForm,
    *,
    status: int,
    code: str,
    message: str = "",
) -> HttpResponse:
    if screening is None:
        response = render(
            request,
            "screenings/missing.html",
            {"message": message or _("There is no such screening.")},
            status=404,
        )
    else:
        response = _screening_page(request, screening, form=form, refused=message, status=status)
    response["X-Crossing-Refused"] = code
    return _private(response)


@csrf_exempt
@require_POST
def reserve(request: HttpRequest, pk: int) -> HttpResponse:
    """POST /screenings/<id>/reserve/ (name, email, quantity): seats held until the reader
    follows the link in the email; 303 to the "check your email" page."""
    if cross_site(request):
        response = HttpResponse(
            _("Tickets can only be reserved from this site's own pages.") + "\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
        return _private(response)
    screening = selectors.screening(pk)
    form = ReservationForm(request.POST)
    if screening is None:
        return _refused(request, None, form, status=404, code="missing")
    if not form.is_valid():
        return _refused(request, screening, form, status=400, code="invalid")
    data = form.cleaned_data
    try:
        made = services.reserve(
            screening_id=screening.pk,
            name=data["name"],
            email=data["email"],
            quantity=data["quantity"],
        )
    except services.Refused as refused:
        if refused.code == "missing":
            return _refused(request, None, form, status=404, code="missing")
        screening.refresh_from_db()
        message = refused.message
        if refused.field in form.fields:
            form.add_error(refused.field, message)
            message = ""
        status = 409 if refused.code else 400
        return _refused(
            request, screening, form, status=status, code=refused.code or "invalid", message=message
        )
    return _see_other(reverse("screenings-reservation-sent", args=[sent_token(made.reservation)]))


@require_safe
def reservation_sent(request: HttpRequest, token: str) -> HttpResponse:
    """GET /screenings/reservations/<token>/sent/: check your email."""
    reservation = _from_sent(token)
    if reservation is None:
        return _bad_link(request)
    screening = reservation.screening
    context = {
        "reservation": reservation,
        "screening": screening,
        "film": selectors.film_title(screening.film),
        "when": display.when(screening.starts, screening.zone),
        "hold_until": display.when(reservation.hold_until, screening.zone),
        "zone": screening.time_zone,
        "meta": page_meta(
            request,
            title=_("Check your email"),
            description=_("Confirm your reservation from the link in the email."),
            kind="website",
        ),
    }
    return _private(render(request, "screenings/sent.html", context))


def _bad_link(request: HttpRequest) -> HttpResponse:
    message = _(
        "This link is not complete or was changed. Open it again from your email, copying "
        "the whole address."
    )
    response = render(request, "screenings/missing.html", {"message": message}, status=404)
    return _private(response)


# --- Confirmation, ticket, cancellation ------------------------------------------------------


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def reservation_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button (a mail scanner that follows the link confirms nothing); the
    POST confirms, then 303 to the ticket page, or to the card page when a card is needed."""
    reservation = selectors.reservation_from(token, confirm=True)
    if reservation is None:
        return _bad_link(request)
    ticket = reverse("screenings-ticket", args=[links.ticket_token(reservation)])
    refused = ""
    if request.method == "POST":
        if cross_site(request):
            return _private(HttpResponse(status=403))
        try:
            confirmed = services.confirm_reservation(
                reservation,
                setup_return_url=links.payment_return_url(reservation),
            )
        except services.Refused as error:
            refused = error.message
        except PaymentError:
            refused = _(
                "The payment service could not be reached to save your card. Nothing was "
                "charged and your seats are still held: please try again in a minute."
            )
        else:
            if confirmed.card_needed_at:
                return _see_other(confirmed.card_needed_at)
            return _see_other(ticket)
        reservation.refresh_from_db()
    elif reservation.state != ReservationState.HELD or (
        reservation.confirmed_at is not None and reservation.payment != Payment.SETUP
    ):
        # Confirmed before (or gone): the ticket page says where it stands. With a card
        # still to save, this page stays, to try again.
        return _see_other(ticket)
    screening = reservation.screening
    context = {
        "reservation": reservation,
        "screening": screening,
        "film": selectors.film_title(screening.film),
        "when": display.when(screening.starts, screening.zone),
        "zone": screening.time_zone,
        "refused": refused,
        "ticket": ticket,
        "pays_online": reservation.payment == Payment.SETUP,
        "meta": page_meta(
            request,
            title=_("Confirm your reservation"),
            description=_("Confirm your reservation."),
            kind="website",
        ),
    }
    status = 409 if refused else 200
    response = render(request, "screenings/confirm.html", context, status=status)
    if reservation.payment == Payment.SETUP:
        # Its button ends on the payment service's page: the policy must let the form go there.
        response = payment_views.allow_checkout(response)
    return _private(response)


def _ticket_page(
    request: HttpRequest,
    reservation: Reservation,
    token: str,
    *,
    refused: str = "",
    status: int = 200,
) -> HttpResponse:
    screening = reservation.screening
    now = timezone.now()
    issued = display.tickets_issued(reservation)
    film = selectors.film_title(screening.film)
    cancellable = (
        reservation.state in (ReservationState.HELD, ReservationState.RESERVED)
        and screening.deadline > now
        and screening.state in (State.ON_SALE, State.CONFIRMED, State.SOLD_OUT)
    )
    context = {
        "reservation": reservation,
        "screening": screening,
        "film": film,
        "film_url": selectors.film_url(screening.film),
        "when": display.when(screening.starts, screening.zone),
        "zone": display.zone_name(screening),
        "place": display.place(screening),
        "words": display.ticket_words(reservation),
        "state": display.state_words(screening, now),
        "issued": issued,
        "qr": qr_svg(
            links.ticket_url(reservation),
            title=_("QR code of the ticket %(code)s") % {"code": reservation.code},
        )
        if issued
        else None,
        "amount": display.money(reservation.amount_minor, screening.currency)
        if reservation.amount_minor
        else _("Free"),
        "payment": reservation.get_payment_display(),
        "cancellable": cancellable,
        "deadline": display.when(screening.deadline, screening.zone),
        "pay_url": links.pay_url(reservation)
        if reservation.payment == Payment.FAILED and reservation.state == ReservationState.RESERVED
        else "",
        "pay_by": display.when(reservation.pay_by, screening.zone) if reservation.pay_by else "",
        "cancel_url": reverse("screenings-ticket-cancel", args=[token]),
        "refused": refused,
        "has_ics": screening.state in (State.CONFIRMED, State.SOLD_OUT),
        "meta": page_meta(
            request,
            title=_("Your reservation"),
            description=_("Your reservation for a screening."),
            kind="website",
        ),
    }
    return _private(render(request, "screenings/ticket.html", context, status=status))


@require_safe
def ticket(request: HttpRequest, token: str) -> HttpResponse:
    """GET /screenings/tickets/<token>/: what was reserved, its state, the QR code once the
    tickets are issued, and the cancel button before the deadline."""
    reservation = selectors.reservation_from(token)
    if reservation is None:
        return _bad_link(request)
    return _ticket_page(request, reservation, token)


@csrf_exempt
@require_POST
def ticket_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """POST /screenings/tickets/<token>/cancel/: cancel, then back to the ticket page."""
    if cross_site(request):
        return _private(HttpResponse(status=403))
    reservation = selectors.reservation_from(token)
    if reservation is None:
        return _bad_link(request)
    try:
        services.cancel_reservation(reservation)
    except services.Refused as refused:
        reservation.refresh_from_db()
        return _ticket_page(request, reservation, token, refused=refused.message, status=409)
    return _see_other(reverse("screenings-ticket", args=[token]))


# --- iCalendar ----------------------------------------------------------------------------------


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return _fresh(response)


@require_safe
def screening_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """GET /screenings/<id>.ics: one confirmed screening (or one called off after it was)."""
    found = selectors.calendar_screenings(pk)
    if not found:
        raise Http404("no calendar file for this screening")
    name = selectors.film_title(found[0].film)
    body = calendar.calendar(found, film_titles=_films(), name=name)
    return _ics(body, f"screening-{pk}.ics")


@require_safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """GET /screenings/calendar.ics: the confirmed screenings, for a calendar to subscribe to."""
    body = calendar.calendar(
        selectors.calendar_screenings(), film_titles=_films(), name=_("Crossing: screenings")
    )
    return _ics(body, "screenings.ics")
