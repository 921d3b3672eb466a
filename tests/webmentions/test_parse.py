"""Reading a source page: links through href and src (relative ones resolved), the author
from microformats or the title, a plain-text excerpt of at most 300 characters; and nothing a
page holds makes the reader fail."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crossing.web.comments.webmention_parse import read, read_text, same_address, shorten

BASE = "https://blog.example.net/2026/post"
TARGET = "https://crossing.example.org/news/crossing-launches/"


def test_a_link_in_a_or_img_counts_and_one_elsewhere_does_not() -> None:
    assert read(f'<a href="{TARGET}">x</a>', base=BASE, target=TARGET).links
    assert read(f'<img src="{TARGET}" alt="">', base=BASE, target=TARGET).links
    assert not read(f'<link rel="x" href="{TARGET}">', base=BASE, target=TARGET).links
    assert not read(f"<p>{TARGET}</p>", base=BASE, target=TARGET).links
    assert not read(f'<a href="{TARGET}other/">x</a>', base=BASE, target=TARGET).links


def test_addresses_differing_only_in_fragment_or_case_of_host_are_the_same_page() -> None:
    assert same_address(
        "HTTPS://Crossing.Example.org/news/x/#c", "https://crossing.example.org/news/x/"
    )
    assert not same_address(
        "https://crossing.example.org/news/x/?a=1", "https://crossing.example.org/news/x/"
    )
    assert not same_address(
        "http://crossing.example.org/news/x/", "https://crossing.example.org/news/x/"
    )


def test_text_in_scripts_and_styles_is_not_the_excerpt() -> None:
    page = f"<style>p {{}}</style><script>alert(1)</script><p>Said <a href='{TARGET}'>here</a>.</p>"
    reading = read(page, base=BASE, target=TARGET)
    assert reading.excerpt == "Said here."


def test_an_author_h_card_without_p_name_gives_its_text_and_markup_never_comes_out() -> None:
    page = f"""<div class="h-entry"><span class="p-author h-card"><b>Ana</b> Lee</span>
    <p class="p-summary">A <em>short</em> &amp; kind note &lt;script&gt;</p>
    <a href="{TARGET}">link</a></div>"""
    reading = read(page, base=BASE, target=TARGET)
    assert reading.author == "Ana Lee"
    assert reading.excerpt == "A short & kind note <script>"  # plain text; escaped when shown


def test_unclosed_tags_do_not_swallow_the_rest_of_the_page() -> None:
    page = (
        f'<div class="p-author"><span>Ana</div><p class="p-summary">Words<a href="{TARGET}">x</a>'
    )
    reading = read(page, base=BASE, target=TARGET)
    assert reading.author == "Ana" and reading.excerpt == "Wordsx"


def test_plain_text_needs_the_exact_address() -> None:
    assert read_text(f"see {TARGET} now", target=TARGET).links
    assert not read_text("see crossing.example.org/news/crossing-launches/", target=TARGET).links


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("one two three", 9) == "one two…"
    assert shorten("  spaced \n out  ", 50) == "spaced out"


@given(st.text(max_size=3000), st.booleans())
def test_any_page_is_read_without_error_within_the_limits(page: str, with_link: bool) -> None:
    if with_link:
        page += f'<p class="p-author">{page[:500]}</p><a href="{TARGET}">{page}</a>'
    reading = read(page, base=BASE, target=TARGET)
    assert reading.links is with_link or (not with_link and TARGET in page)
    assert len(reading.author) <= 100 and len(reading.excerpt) <= 300
    assert "\n" not in reading.excerpt
