"""The signed links: each opens what it was made for, and a changed, cut short, too old or
other kind of link is refused (BadLink), whatever it holds."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossing.web.screenings import links, services
from crossing.web.screenings.models import Reservation, Screening

from .factories import on_sale

Reader = Callable[[str], object]
Made = tuple[Screening, Reservation, dict[str, str]]

# Each kind of token: how it is made, how it is read back.
KINDS: dict[str, tuple[str, Reader]] = {
    "organiser-confirm": ("screening", links.screening_from_organiser_confirm),
    "organiser": ("screening", links.screening_from_organiser),
    "reservation-confirm": ("reservation", links.reservation_from_confirm),
    "ticket": ("reservation", links.reservation_from_ticket),
}


def tokens(screening: Screening, reservation: Reservation) -> dict[str, str]:
    return {
        "organiser-confirm": links.organiser_confirm_token(screening),
        "organiser": links.organiser_token(screening),
        "reservation-confirm": links.reservation_confirm_token(reservation),
        "ticket": links.ticket_token(reservation),
    }


@pytest.fixture
def made() -> Made:
    screening = on_sale(capacity=5, threshold=1)
    reservation = services.reserve(
        screening_id=screening.pk, name="Ana", email="ana@example.org", quantity=1
    ).reservation
    return screening, reservation, tokens(screening, reservation)


def test_each_link_opens_what_it_was_made_for(made: Made) -> None:
    screening, reservation, made_tokens = made
    for kind, (subject, read) in KINDS.items():
        expected = screening.pk if subject == "screening" else (reservation.pk, reservation.code)
        assert read(made_tokens[kind]) == expected, kind


def test_a_link_of_another_kind_is_refused(made: Made) -> None:
    """A ticket's token used as a confirmation's, an organiser's as a reader's…"""
    _, _, made_tokens = made
    for kind, token in made_tokens.items():
        for other, (_, read) in KINDS.items():
            if other != kind:
                with pytest.raises(links.BadLink):
                    read(token)


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_changed_or_cut_link_is_refused(kind: str, made: Made) -> None:
    _, _, made_tokens = made
    token, read = made_tokens[kind], KINDS[kind][1]
    value, _, signature = token.rpartition(":")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    changed = [
        f"{value}:{flipped}",  # the signature changed
        "9" + token,  # another id, same signature
        token.replace(".", ".x", 1) if "." in token else token + "x",
    ]
    cut = [token[:-1], token[: len(token) // 2], value, token.partition(":")[0], ""]
    for bad in changed + cut:
        with pytest.raises(links.BadLink) as caught:
            read(bad)
        assert not caught.value.expired


def test_an_organiser_confirmation_older_than_a_week_is_refused_as_expired(
    made: Made, monkeypatch: pytest.MonkeyPatch
) -> None:
    screening, _, _ = made
    eight_days_ago = time.time() - 8 * 24 * 3600
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: eight_days_ago)
        old = links.organiser_confirm_token(screening)
    with pytest.raises(links.BadLink) as caught:
        links.screening_from_organiser_confirm(old)
    assert caught.value.expired
    # The manage link does not expire.
    assert links.screening_from_organiser(links.organiser_token(screening)) == screening.pk


@given(st.text(max_size=120))
def test_any_text_is_a_bad_link_or_a_good_one_never_an_error(text: str) -> None:
    for _, read in KINDS.values():
        with contextlib.suppress(links.BadLink):
            read(text)
