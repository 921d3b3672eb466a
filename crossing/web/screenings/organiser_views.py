"""The organiser's pages: the request form, the link that confirms their address, the page
that manages their screening (from the signed link in their emails), and the door list.

Nobody signs in and nobody gets a cookie: the forms are csrf_exempt and refuse posts made
by another site (comments.views.cross_site); the signed link is the proof. Every answer is
no-store, as these pages are one person's."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ..comments.views import cross_site
from ..content import site_content
from ..locale_names import territory_name
from . import display, links, organiser_display, services
from .models import WITHDRAWN, Payment, Reservation, ReservationState, Screening, State
from .organiser_forms import CallOffForm, RequestForm, new_key

# After an action on the manage page: which sentence to show (?done=…), as no cookie can.
DONE = {
    "confirmed": gettext_lazy(
        "Thank you: your email address is confirmed. The team reviews your request and "
        "writes to you."
    ),
    "accepted": gettext_lazy("You accepted the proposed date. The team reviews the request again."),
    "on-sale": gettext_lazy("Sales are open: the screening is on the site and people can reserve."),
    "withdrawn": gettext_lazy("Your request is withdrawn."),
    "called-off": gettext_lazy(
        "The screening is called off. Everyone with a ticket is told; nobody pays."
    ),
    "unchanged": gettext_lazy(
        "Nothing changed: the screening had already moved on. Its state is shown below."
    ),
}


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    # The address may hold a signed token: it is never sent to another site. ("no-referrer"
    # would make Chromium send "Origin: null" with the forms, which cross_site refuses.)
    response["Referrer-Policy"] = "same-origin"
    return response


def _see_other(address: str) -> HttpResponse:
    return _private(HttpResponseRedirect(address, status=303))


def _refused_cross_site() -> HttpResponse:
    return _private(
        HttpResponse(
            _("This form can only be sent from this site's own pages.") + "\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    )


# --- The request ---------------------------------------------------------------------------


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def request_form(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        film = request.GET.get("film", "")
        initial: dict[str, Any] = {"key": new_key(), "currency": "USD"}
        if site_content().work("film", film) is not None:
            initial["film"] = film
        return _request_page(request, RequestForm(initial=initial))
    if cross_site(request):
        return _refused_cross_site()
    form = RequestForm(request.POST)
    if not form.is_valid():
        return _request_page(request, _fresh_key_if_bad(form), status=400)
    data = form.cleaned_data
    try:
        services.request_screening(
            key=data["key"],
            film=data["film"],
            organiser_name=data["organiser_name"],
            organiser_email=data["organiser_email"],
            organisation=data["organisation"],
            venue=services.Venue(
                name=data["venue_name"],
                address=data["venue_address"],
                town=data["town"],
                country=data["country"],
                capacity=data["capacity"],
                accessibility=data["accessibility"],
            ),
            starts=data["starts"],
            time_zone=data["time_zone"],
            duration_minutes=data["duration_minutes"],
            deadline=data["deadline"],
            price_minor=data["price_minor"],
            currency=data["currency"],
            threshold=data["threshold"],
            extras=data["extras"],
            licence=data["licence"],
            note_to_staff=data["note_to_staff"],
        )
    except services.Refused as refused:
        field = refused.field if refused.field in form.fields else None
        form.add_error(field, _(refused.message))
        return _request_page(request, form, status=400)
    return _see_other(reverse("screenings-request-sent"))


def _fresh_key_if_bad(form: RequestForm) -> RequestForm:
    """A form sent without a usable key gets a new one, so that sending it again works."""
    if "key" in form.errors:
        data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict
        data["key"] = new_key()
        form.data = data
    return form


def _request_page(request: HttpRequest, form: RequestForm, *, status: int = 200) -> HttpResponse:
    return _private(
        render(request, "screenings/organiser/request.html", {"form": form}, status=status)
    )


@require_safe
def request_sent(request: HttpRequest) -> HttpResponse:
    return _private(render(request, "screenings/organiser/request_sent.html"))


# --- The organiser's links -----------------------------------------------------------------


def _bad_link(request: HttpRequest, problem: links.BadLink) -> HttpResponse:
    return _private(
        render(
            request,
            "screenings/organiser/bad_link.html",
            {"expired": problem.expired},
            status=410 if problem.expired else 404,
        )
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def organiser_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        pk = links.screening_from_organiser_confirm(token)
    except links.BadLink as problem:
        return _bad_link(request, problem)
    screening = Screening.objects.filter(pk=pk).first()
    if screening is None:
        return _bad_link(request, links.BadLink("no such screening"))
    if request.method == "POST":
        if cross_site(request):
            return _refused_cross_site()
        services.confirm_organiser_address(screening)
        return _see_other(_manage_path(screening, "confirmed"))
    context = {
        "screening": screening,
        "film": _film_title(screening),
        "token_manage": links.organiser_token(screening),
    }
    return _private(render(request, "screenings/organiser/confirm.html", context))


def _manage_path(screening: Screening, done: str = "") -> str:
    path = reverse("screenings-manage", args=[links.organiser_token(screening)])
    return f"{path}?done={done}" if done else path


def _screening(token: str) -> Screening | links.BadLink:
    try:
        pk = links.screening_from_organiser(token)
    except links.BadLink as problem:
        return problem
    screening = Screening.objects.filter(pk=pk).first()
    return screening if screening is not None else links.BadLink("no such screening")


def _film_title(screening: Screening) -> str:
    work = site_content().work("film", screening.film)
    return work.title if work is not None else screening.film


@require_safe
def manage(request: HttpRequest, token: str) -> HttpResponse:
    found = _screening(token)
    if isinstance(found, links.BadLink):
        return _bad_link(request, found)
    done = DONE.get(request.GET.get("done", ""), "")
    return _manage_page(request, found, token, done=str(done))


def _manage_page(
    request: HttpRequest,
    screening: Screening,
    token: str,
    *,
    done: str = "",
    refused: str = "",
    call_off_form: CallOffForm | None = None,
    status: int = 200,
) -> HttpResponse:
    history = organiser_display.history(screening)
    context = {
        "screening": screening,
        "film": _film_title(screening),
        "token": token,
        "done": done,
        "refused": refused,
        "withdrawn": WITHDRAWN,
        "call_off_form": call_off_form or CallOffForm(),
        "history": history,
        "reservation_lines": sum(line.reservation for line in history),
        "state_label": organiser_display.state_label(screening.state),
        "starts": display.when_zoned(screening.starts, screening),
        "deadline": display.when_zoned(screening.deadline, screening),
        "price": organiser_display.price(screening),
        "rental_terms": organiser_display.terms(screening),
        "country": territory_name(screening.country),
        "percent": min(100, round(100 * screening.tickets_reserved / screening.threshold)),
        "terms": _terms_key(screening),
        "can_accept": screening.state == State.REQUESTED and screening.proposed_starts,
        "can_open": screening.state == State.APPROVED,
        "can_withdraw": screening.state in (State.REQUESTED, State.APPROVED),
        "can_call_off": screening.state in (State.ON_SALE, State.CONFIRMED, State.SOLD_OUT),
        "has_door_list": screening.state in (State.CONFIRMED, State.SOLD_OUT, State.PAST)
        or screening.tickets_reserved > 0,
        "proposed": display.when_zoned(screening.proposed_starts, screening)
        if screening.proposed_starts
        else "",
        "public": screening.state not in (State.REQUESTED, State.APPROVED, State.REJECTED),
    }
    return _private(render(request, "screenings/organiser/manage.html", context, status=status))


def _terms_key(screening: Screening) -> str:
    """The rental terms as shown: opening sales accepts these, not terms changed since."""
    return f"{screening.fee_flat_minor}:{screening.fee_share_percent}"


@csrf_exempt
@require_POST
def manage_action(request: HttpRequest, token: str, action: str) -> HttpResponse:
    if cross_site(request):
        return _refused_cross_site()
    found = _screening(token)
    if isinstance(found, links.BadLink):
        return _bad_link(request, found)
    screening = found
    try:
        if action == "accept":
            changed, done = services.accept_proposal(screening), "accepted"
        elif action == "open":
            if request.POST.get("terms") != _terms_key(screening) or not request.POST.get(
                "accept_terms"
            ):
                return _manage_page(
                    request,
                    screening,
                    token,
                    refused=_(
                        "To open sales, tick the box to accept the rental terms shown "
                        "(they may have changed since the page was opened)."
                    ),
                    status=400,
                )
            changed, done = services.open_sales(screening), "on-sale"
        elif action == "withdraw":
            changed, done = services.withdraw(screening), "withdrawn"
        elif action == "call-off":
            form = CallOffForm(request.POST)
            if not form.is_valid():
                return _manage_page(request, screening, token, call_off_form=form, status=400)
            changed = services.call_off(
                screening, by=services.ORGANISER, reason=form.cleaned_data["reason"]
            )
            done = "called-off"
        else:
            return _manage_page(
                request, screening, token, refused=_("Choose one of the buttons."), status=400
            )
    except services.Refused as refused:
        screening.refresh_from_db()
        return _manage_page(request, screening, token, refused=_(refused.message), status=409)
    return _see_other(_manage_path(screening, done if changed else "unchanged"))


@require_safe
def door(request: HttpRequest, token: str) -> HttpResponse:
    found = _screening(token)
    if isinstance(found, links.BadLink):
        return _bad_link(request, found)
    screening = found
    reserved = sorted(
        screening.reservations.filter(state=ReservationState.RESERVED),
        key=lambda r: (r.name.casefold(), r.pk),
    )
    paid = [r for r in reserved if r.payment == Payment.CHARGED]
    at_door = [r for r in reserved if r.payment != Payment.CHARGED]
    context = {
        "screening": screening,
        "film": _film_title(screening),
        "token": token,
        "rows": [_door_row(r, screening) for r in reserved],
        "tickets": sum(r.quantity for r in reserved),
        "paid_tickets": sum(r.quantity for r in paid),
        "door_tickets": sum(r.quantity for r in at_door),
        "door_amount": display.money(sum(r.amount_minor for r in at_door), screening.currency),
        "starts": display.when_zoned(screening.starts, screening),
        "state_label": organiser_display.state_label(screening.state),
        "free": screening.is_free,
    }
    return _private(render(request, "screenings/organiser/door.html", context))


def _door_row(reservation: Reservation, screening: Screening) -> dict[str, object]:
    if reservation.payment == Payment.CHARGED:
        payment = _("paid online")
    elif screening.is_free:
        payment = _("free")
    else:
        payment = _("pay at the door: %(amount)s") % {
            "amount": display.money(reservation.amount_minor, screening.currency)
        }
    return {
        "name": reservation.name,
        "quantity": reservation.quantity,
        "code": reservation.code,
        "payment": payment,
        "paid": reservation.payment == Payment.CHARGED,
    }
