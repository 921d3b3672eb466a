"""The staff's admin for screenings: requests waiting for review first, every screening's
state, progress and history, and the decisions (approve with the rental terms, reject with
a reason, propose another date, call off), each through services.py, which records it.

Counts and states are never edited here: only the map position (latitude, longitude) is.
Each decision has a page of its own with its fields, so that bad input is shown next to its
field with everything typed kept, as on the site's forms."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from babel.numbers import get_currency_precision
from django import forms
from django.contrib import admin, messages
from django.db.models import Case, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..admin_inlines import ReadOnlyInline
from ..content import site_content
from . import display, organiser_display, services
from .models import Change, Reservation, Screening, State
from .organiser_forms import LocalTimeField
from .organiser_time import aware

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ChangeInline(ReadOnlyInline):
    model = Change
    fields = ("at", "reservation", "before", "after", "by", "cause")
    ordering = ("at", "id")
    verbose_name_plural = gettext_lazy("history")


class ReservationInline(ReadOnlyInline):
    model = Reservation
    fields = ("name", "email", "quantity", "state", "payment", "code", "created", "hold_until")
    ordering = ("created", "id")


# --- The decisions' forms -------------------------------------------------------------------


class ApproveForm(forms.Form):
    fee_flat = forms.DecimalField(
        label=gettext_lazy("Flat fee (in the screening's currency; optional)"),
        required=False,
        min_value=Decimal(0),
        max_digits=9,
        decimal_places=2,
    )
    fee_share = forms.IntegerField(
        label=gettext_lazy("Share of ticket sales, in per cent (optional)"),
        required=False,
        min_value=0,
        max_value=100,
    )

    def __init__(self, *args: Any, currency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.currency = currency

    def clean_fee_flat(self) -> int | None:
        fee: Decimal | None = self.cleaned_data["fee_flat"]
        if fee is None:
            return None
        digits = get_currency_precision(self.currency)
        if fee != fee.quantize(Decimal(1).scaleb(-digits)):
            raise forms.ValidationError(
                _("Give at most %(digits)d digits after the point in %(currency)s.")
                % {"digits": digits, "currency": self.currency}
            )
        return int(fee.scaleb(digits))


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to the organiser, and to everyone with a ticket)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        error_messages={"required": gettext_lazy("Give a reason: it is sent to the people told.")},
    )


class ProposeForm(forms.Form):
    starts = LocalTimeField(
        label=gettext_lazy("Proposed date and time (local time at the venue)"),
        error_messages={"required": gettext_lazy("Give the date and time to propose.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Note to the organiser (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
    )

    def __init__(self, *args: Any, time_zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.time_zone = time_zone

    def clean_starts(self) -> Any:
        return aware(self.cleaned_data["starts"], self.time_zone)


# Which decisions each state allows (services check again, in their transaction).
DECISIONS: dict[str, tuple[StrOrPromise, tuple[str, ...]]] = {
    "approve": (gettext_lazy("Approve"), (State.REQUESTED,)),
    "reject": (gettext_lazy("Reject"), (State.REQUESTED, State.APPROVED)),
    "propose": (gettext_lazy("Propose another date"), (State.REQUESTED,)),
    "call_off": (
        gettext_lazy("Call off"),
        (State.ON_SALE, State.CONFIRMED, State.SOLD_OUT),
    ),
}


def decisions_for(screening: Screening) -> list[tuple[str, StrOrPromise]]:
    return [
        (name, label) for name, (label, states) in DECISIONS.items() if screening.state in states
    ]


@admin.register(Screening)
class ScreeningAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # not subscriptable at run time
    list_display = ("id", "film_title", "venue_name", "town", "country", "date", "state", "tickets")
    list_display_links = ("id", "film_title")
    list_filter = ("state", "country", "licence")
    search_fields = (
        "film",
        "organiser_name",
        "organiser_email",
        "organisation",
        "venue_name",
        "town",
    )
    # The queue first: requests waiting for review; then by date, soonest first.
    ordering = (
        Case(When(state=State.REQUESTED, then=Value(0)), default=Value(1)).asc(),
        "starts",
        "id",
    )
    list_per_page = 50
    date_hierarchy = "starts"
    inlines = (ReservationInline, ChangeInline)
    change_form_template = "admin/screenings/screening/change_form.html"
    fieldsets = (
        (
            gettext_lazy("State"),
            {
                "fields": (
                    "state",
                    "progress",
                    "email_confirmed",
                    "created",
                    "confirmed_at",
                    "called_off_at",
                )
            },
        ),
        (
            gettext_lazy("Request"),
            {
                "fields": (
                    "film",
                    "licence",
                    "organiser_name",
                    "organiser_email",
                    "organisation",
                    "note_to_staff",
                )
            },
        ),
        (
            gettext_lazy("Venue"),
            {
                "fields": (
                    "venue_name",
                    "venue_address",
                    "town",
                    "country",
                    "capacity",
                    "accessibility",
                    "latitude",
                    "longitude",
                ),
                "description": gettext_lazy(
                    "Latitude and longitude place the screening on the site's map; they are "
                    "the only fields edited here."
                ),
            },
        ),
        (
            gettext_lazy("When"),
            {
                "fields": (
                    "local_starts_text",
                    "duration_minutes",
                    "deadline_text",
                    "proposed_text",
                    "proposal_note",
                )
            },
        ),
        (
            gettext_lazy("Tickets and terms"),
            {
                "fields": (
                    "price_text",
                    "threshold",
                    "tickets_reserved",
                    "tickets_held",
                    "extras",
                    "terms_text",
                    "rejection_reason",
                )
            },
        ),
    )
    readonly_fields = (
        "state",
        "progress",
        "email_confirmed",
        "created",
        "confirmed_at",
        "called_off_at",
        "film",
        "licence",
        "organiser_name",
        "organiser_email",
        "organisation",
        "note_to_staff",
        "venue_name",
        "venue_address",
        "town",
        "country",
        "capacity",
        "accessibility",
        "local_starts_text",
        "duration_minutes",
        "deadline_text",
        "proposed_text",
        "proposal_note",
        "price_text",
        "threshold",
        "tickets_reserved",
        "tickets_held",
        "extras",
        "terms_text",
        "rejection_reason",
    )

    @admin.display(description=gettext_lazy("date"), ordering="starts")
    def date(self, screening: Screening) -> str:
        return f"{screening.local_starts:%Y-%m-%d %H:%M} ({screening.time_zone})"

    @admin.display(description=gettext_lazy("film"), ordering="film")
    def film_title(self, screening: Screening) -> str:
        work = site_content().work("film", screening.film)
        return work.title if work is not None else screening.film

    @admin.display(description=gettext_lazy("reserved / needed · seats left"))
    def tickets(self, screening: Screening) -> str:
        return f"{screening.tickets_reserved} / {screening.threshold} · {screening.seats_left}"

    @admin.display(description=gettext_lazy("progress"))
    def progress(self, screening: Screening) -> str:
        return _(
            "%(reserved)s of %(threshold)s needed reserved, %(held)s held, %(left)s of "
            "%(capacity)s seats left"
        ) % {
            "reserved": screening.tickets_reserved,
            "threshold": screening.threshold,
            "held": screening.tickets_held,
            "left": screening.seats_left,
            "capacity": screening.capacity,
        }

    @admin.display(description=gettext_lazy("starts"))
    def local_starts_text(self, screening: Screening) -> str:
        return display.when_zoned(screening.starts, screening)

    @admin.display(description=gettext_lazy("reservation deadline"))
    def deadline_text(self, screening: Screening) -> str:
        return display.when_zoned(screening.deadline, screening)

    @admin.display(description=gettext_lazy("date proposed"))
    def proposed_text(self, screening: Screening) -> str:
        if screening.proposed_starts is None:
            return "—"
        return display.when_zoned(screening.proposed_starts, screening)

    @admin.display(description=gettext_lazy("ticket price"))
    def price_text(self, screening: Screening) -> str:
        return organiser_display.price(screening)

    @admin.display(description=gettext_lazy("rental terms"))
    def terms_text(self, screening: Screening) -> str:
        return organiser_display.terms(screening) or "—"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # organisers request screenings from the site's form

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the history stays: reject or call off instead

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        screening = self.get_object(request, object_id)
        decisions = decisions_for(screening) if screening is not None else []
        context = {**(extra_context or {}), "decisions": decisions}
        return super().change_view(request, object_id, form_url, context)

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "<int:pk>/decide/<slug:decision>/",
                self.admin_site.admin_view(self.decide_view),
                name="screenings_screening_decide",
            )
        ]
        return own + super().get_urls()

    def _change_url(self, screening: Screening) -> str:
        return reverse("admin:screenings_screening_change", args=[screening.pk])

    def _form(self, decision: str, screening: Screening, data: Any = None) -> forms.Form:
        if decision == "approve":
            return ApproveForm(data, currency=screening.currency)
        if decision == "propose":
            return ProposeForm(data, time_zone=screening.time_zone)
        return ReasonForm(data)

    def decide_view(self, request: HttpRequest, pk: int, decision: str) -> HttpResponse:
        """One decision's page: its fields, then the decision through services.py."""
        screening = get_object_or_404(Screening, pk=pk)
        if decision not in DECISIONS or not self.has_change_permission(request, screening):
            return HttpResponseRedirect(self._change_url(screening))
        status = 200
        refused = ""
        form = self._form(decision, screening)
        if request.method == "POST":
            form = self._form(decision, screening, request.POST)
            if form.is_valid():
                try:
                    changed = self._decide(decision, screening, form.cleaned_data, request)
                except services.Refused as problem:
                    if problem.field and problem.field in form.fields:
                        form.add_error(problem.field, problem.message)
                    elif problem.field == "proposed_starts":
                        form.add_error("starts", problem.message)
                    else:
                        refused = problem.message
                    status = 409
                else:
                    screening.refresh_from_db()
                    state = screening.get_state_display()
                    if changed:
                        self.message_user(
                            request,
                            _("Done: screening %(id)s is %(state)s.")
                            % {"id": screening.pk, "state": state},
                            messages.SUCCESS,
                        )
                    else:
                        self.message_user(
                            request,
                            _(
                                "Nothing changed: screening %(id)s is %(state)s, which this does not apply to."
                            )
                            % {"id": screening.pk, "state": state},
                            messages.WARNING,
                        )
                    return HttpResponseRedirect(self._change_url(screening))
            else:
                status = 400
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"{DECISIONS[decision][0]}: {screening}",
            "screening": screening,
            "decision": decision,
            "decision_label": DECISIONS[decision][0],
            "form": form,
            "refused": refused,
            "progress": self.progress(screening),
            "starts": display.when_zoned(screening.starts, screening),
        }
        return render(request, "admin/screenings/screening/decide.html", context, status=status)

    def _decide(
        self, decision: str, screening: Screening, data: dict[str, Any], request: HttpRequest
    ) -> bool:
        by = services.staff(request.user.get_username())
        if decision == "approve":
            return services.approve(
                screening,
                by=by,
                fee_flat_minor=data["fee_flat"],
                fee_share_percent=data["fee_share"],
            )
        if decision == "reject":
            return services.reject(screening, by=by, reason=data["reason"])
        if decision == "propose":
            return services.propose_date(screening, by=by, starts=data["starts"], note=data["note"])
        return services.call_off(screening, by=by, reason=data["reason"])
