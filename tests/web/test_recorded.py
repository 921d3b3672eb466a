"""Recorded words read in the reader's language (crossing.web.recorded): the English
sentence as it happened, the message translated where it is shown."""

from __future__ import annotations

import pytest
from django.utils import translation

from crossing.web import recorded
from crossing.web.recorded import Cause, shown, shown_all, stored_all


def test_a_cause_is_its_english_sentence_and_a_translatable_message() -> None:
    cause = Cause("called off: %(reason)s", {"reason": "The hall flooded."})
    assert str(cause) == "called off: The hall flooded."
    assert cause.stored() == ["called off: %(reason)s", {"reason": "The hall flooded."}]
    with translation.override("ko"):
        assert shown(*cause.stored()) == "취소됨: The hall flooded."  # typed words as typed
    assert shown(*cause.stored()) == "called off: The hall flooded."


def test_values_that_are_messages_are_translated_with_them() -> None:
    given_back = Cause("a seat was given back (%(cause)s)", {"cause": "cancelled"})
    with translation.override("ko"):
        assert shown(*given_back.stored()) == "좌석이 반환됨(취소됨)"


def test_records_without_messages_read_as_recorded() -> None:
    assert shown_all([], "first comment from this name and email") == (
        "first comment from this name and email"
    )
    both = stored_all(
        [
            Cause("Akismet: spam"),
            Cause(
                "%(count)s links (comments with %(hold_at)s or more are held)",
                {"count": 3, "hold_at": 2},
            ),
        ]
    )
    assert shown_all(both) == "Akismet: spam; 3 links (comments with 2 or more are held)"


def test_a_translation_that_does_not_fit_its_values_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The catalogue test refuses such a translation; were one to slip through, the record
    is read in English, not as an error on the admin page or in an email."""
    monkeypatch.setattr(recorded, "_", lambda message: "%(missing)s")
    assert shown("rejected: %(reason)s", {"reason": "x"}) == "rejected: x"
