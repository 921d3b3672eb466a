"""What a translation must keep: conditions and their branches, values, variations,
citations and markup — in any order, since word order differs between languages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crossing.story.translation.markup import differences

SOURCE = "{if who == chol: You owe {debt as USD}.[^a] | You owe nothing.} *Go* [now].[^b]"


def test_a_faithful_translation_keeps_everything_in_its_own_order() -> None:
    korean = "[지금] *간다*.[^b] {if who==chol: {debt as USD}를 빚졌다.[^a] | 빚은 없다.}"
    assert differences(SOURCE, korean) == []


def test_each_loss_is_named_where_it_happens() -> None:
    assert differences(SOURCE, "{if who == chol: 빚. | 없다.} *간다* [지금].[^b]") == [
        "{if who == chol: …}, branch 1: the translation lacks [^a]",
        "{if who == chol: …}, branch 1: the translation lacks {debt as USD}",
    ]
    assert differences(SOURCE, "{if who == chol: 빚 {debt as USD}.[^a]} *간다* [지금].[^b]") == [
        "{if who == chol: …} has 2 branch(es) in the source, 1 in the translation"
    ]
    assert differences(SOURCE, "{if who == mi_ok: a {debt as USD}[^a] | b} *c* [d].[^b]") == [
        "the translation adds {if who == mi_ok: …}",
        "the translation lacks {if who == chol: …}",
    ]
    assert differences("Go.[^a]", "가라.[^a][^c]") == ["the translation adds [^c]"]
    assert differences("*Go*", "가라") == ["the translation lacks '*' (2×)"]


def test_escaped_braces_are_words() -> None:
    assert differences("a \\{b\\} c", "가 나") == []


words = st.text(alphabet="가나다라 abc.,", max_size=8)
element = st.sampled_from(["{x}", "{n as USD}", "[^s1]", "[^s2]", "*", "{once: a | b}"])


@given(st.lists(st.tuples(words, element), max_size=6), st.randoms())
def test_moving_elements_and_changing_words_is_never_a_mismatch(
    parts: list[tuple[str, str]], random: object
) -> None:
    source = "".join(w + e for w, e in parts)
    shuffled = [e for _w, e in parts]
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    translation = " 말 ".join(shuffled)
    assert differences(source, translation) == []


@given(st.lists(st.tuples(words, element), min_size=1, max_size=6), st.data())
def test_dropping_any_element_is_a_mismatch(
    parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    source = "".join(w + e for w, e in parts)
    drop = data.draw(st.integers(0, len(parts) - 1))
    translation = "".join(e for n, (_w, e) in enumerate(parts) if n != drop)
    assert differences(source, translation) != []


def test_a_space_the_runtime_would_drop_is_reported() -> None:
    source = "You run {if companion: with Kwang-il} to the bank."
    assert differences(source, "{if companion: 광일과 함께} 강둑으로 달린다.") == []
    assert differences(source, "{if companion: 광일과 함께 }강둑으로 달린다.") == [
        "a space before '}' is dropped when the story is read (branches are trimmed), so "
        "two words run together: put the space after the '}'"
    ]
