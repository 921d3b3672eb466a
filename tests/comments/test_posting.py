"""A reader posts a comment: held first, then approved authors pass; flood control; the
answer after posting; errors next to their field with everything typed kept."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.comments.models import Comment, Status

from .conftest import fields, other_post_path, post_path, send

pytestmark = pytest.mark.django_db


def approve(comment: Comment) -> None:
    Comment.objects.filter(pk=comment.pk).update(status=Status.APPROVED)


def test_a_first_comment_is_held_and_shown_to_its_author_alone() -> None:
    client = Client()
    answer = send(client, fields())
    assert answer.status_code == 303
    comment = Comment.objects.get()
    assert comment.status == Status.HELD
    assert comment.reason == "first comment from this name and email"
    address = urlsplit(answer["Location"])
    assert address.path == post_path()
    assert address.fragment == f"comment-{comment.pk}"
    query = parse_qs(address.query)
    assert query["unapproved"] == [str(comment.pk)]
    assert not answer.cookies

    shown = client.get(answer["Location"])
    html = shown.content.decode()
    assert shown.status_code == 200 and not shown.cookies
    assert f'id="comment-{comment.pk}"' in html
    assert "Your comment is awaiting moderation." in html
    assert "I had not known about the guards." in html
    # Without the signed hash (another reader), or with a forged one: not shown.
    for other in (post_path(), f"{post_path()}?unapproved={comment.pk}&moderation-hash=x"):
        page = client.get(other).content.decode()
        assert "I had not known about the guards." not in page
        assert "awaiting moderation" not in page


@pytest.mark.usefixtures("no_flood")
def test_an_author_with_an_approved_comment_is_approved_at_once() -> None:
    client = Client()
    send(client, fields())
    approve(Comment.objects.get())
    answer = send(client, fields(page=other_post_path(), comment="And this one too."))
    second = Comment.objects.get(page=other_post_path())
    assert second.status == Status.APPROVED
    assert second.reason == "approved on arrival: this name and email have an approved comment"
    assert answer.status_code == 303
    assert answer["Location"] == f"{other_post_path()}#comment-{second.pk}"
    page = client.get(other_post_path()).content.decode()
    assert f'id="comment-{second.pk}"' in page
    assert "One reply to “" in page


@pytest.mark.usefixtures("no_flood")
def test_the_same_name_with_another_email_is_held(settings: Settings) -> None:
    client = Client()
    send(client, fields())
    approve(Comment.objects.get())
    send(client, fields(page=other_post_path(), email="someone@example.org"), address="192.0.2.99")
    assert Comment.objects.get(page=other_post_path()).status == Status.HELD


def test_first_comments_pass_when_the_setting_is_off(settings: Settings) -> None:
    settings.CROSSING_COMMENTS_FIRST_HELD = False
    send(Client(), fields())
    assert Comment.objects.get().status == Status.APPROVED


@pytest.mark.usefixtures("no_flood")
def test_two_links_hold_even_an_approved_author() -> None:
    client = Client()
    send(client, fields())
    approve(Comment.objects.get())
    text = "See https://example.org/a and https://example.org/b for more."
    send(client, fields(page=other_post_path(), comment=text))
    held = Comment.objects.get(page=other_post_path())
    assert held.status == Status.HELD
    assert "2 links" in held.reason


@pytest.mark.usefixtures("no_flood")
def test_why_a_comment_is_held_reads_in_the_moderators_language(settings: Settings) -> None:
    """The reason is kept in English and as messages with their values: a Korean moderator
    reads it in Korean, the word that matched as typed."""
    from django.utils import translation

    from crossing.web.comments.admin import reason_shown

    client = Client()
    send(client, fields())
    approve(Comment.objects.get())
    settings.CROSSING_MODERATION_WORDS = ["casino"]
    text = "The casino at https://example.org/a and https://example.org/b."
    send(client, fields(page=other_post_path(), comment=text))
    held = Comment.objects.get(page=other_post_path())
    assert held.reason == (
        "the comment contains “casino” (moderation list); "
        "2 links (comments with 2 or more are held)"
    )
    assert reason_shown(held) == held.reason
    with translation.override("ko"):
        assert reason_shown(held) == (
            "댓글에 “casino” 포함(검토어 목록); 링크 2개(링크가 2개 이상인 댓글은 보류됨)"
        )
    first = Comment.objects.order_by("pk").first()
    assert first is not None and first.reason_messages == [
        ["first comment from this name and email", {}]
    ]


@pytest.mark.usefixtures("no_flood")
def test_moderation_words_hold_and_disallowed_words_discard(settings: Settings) -> None:
    client = Client()
    send(client, fields())
    approve(Comment.objects.get())
    settings.CROSSING_MODERATION_WORDS = ["casino"]
    settings.CROSSING_DISALLOWED_WORDS = ["pills"]
    send(client, fields(page=other_post_path(), comment="The casino at the border."))
    assert Comment.objects.get(page=other_post_path()).status == Status.HELD
    answer = send(
        client,
        fields(page=other_post_path(), comment="Cheap pills here."),
        address="192.0.2.50",
        **{"HTTP_USER_AGENT": "x"},
    )
    assert answer.status_code == 200  # answered as received
    assert "awaiting moderation" in answer.content.decode()
    assert not Comment.objects.filter(text__contains="pills").exists()


def test_a_filled_honeypot_stores_nothing() -> None:
    answer = send(Client(), fields(homepage="http://spam.example"))
    assert answer.status_code == 200
    assert not Comment.objects.exists()


def test_a_forged_form_time_goes_to_spam() -> None:
    send(Client(), fields(form_time="forged"))
    assert Comment.objects.get().status == Status.SPAM


def test_flood_control_by_address_and_by_email() -> None:
    client = Client()
    assert send(client, fields()).status_code == 303
    # Another comment from the same address within 15 s: refused, everything kept.
    answer = send(client, fields(name="Other", email="other@example.org", comment="Quick one"))
    assert answer.status_code == 429
    html = answer.content.decode()
    assert "You are posting comments too quickly" in html
    assert 'value="Other"' in html and "Quick one</textarea>" in html
    # The same email from another address: refused too.
    again = send(client, fields(comment="From my phone"), address="198.51.100.7")
    assert again.status_code == 429
    assert Comment.objects.count() == 1
    assert not answer.cookies and not again.cookies


def test_flood_control_counts_an_ipv6_client_by_its_64() -> None:
    client = Client()
    assert send(client, fields(), address="2001:db8:1:2::1").status_code == 303
    other = fields(name="B", email="b@example.org", comment="Hello there")
    assert send(client, other, address="2001:db8:1:2::ffff").status_code == 429
    assert send(client, other, address="2001:db8:1:3::1").status_code == 303


def test_flood_control_ends_after_the_interval(settings: Settings) -> None:
    settings.CROSSING_COMMENTS_FLOOD_SECONDS = 1
    client = Client()
    send(client, fields())
    Comment.objects.update(created=Comment.objects.get().created.replace(year=2020))
    import time

    time.sleep(1.1)
    assert send(client, fields(comment="A second thought.")).status_code == 303


def test_a_double_submit_stores_one_and_is_answered_as_the_first() -> None:
    client = Client()
    first = send(client, fields())
    second = send(client, fields())
    assert Comment.objects.count() == 1
    assert second.status_code == 303
    assert urlsplit(second["Location"]).fragment == urlsplit(first["Location"]).fragment
    # Spaces at the ends and Windows line ends are the same comment.
    third = send(
        client,
        fields(comment="Thank you for writing this.  \r\n\r\nI had not known about the guards.\n"),
    )
    assert third.status_code == 303
    assert Comment.objects.count() == 1


def test_the_address_is_kept_only_as_a_salted_hash() -> None:
    send(Client(), fields())
    comment = Comment.objects.get()
    assert len(comment.address_hash) == 64
    assert "192.0.2.10" not in comment.address_hash
    from crossing.web.comments.addressing import address_hash

    assert comment.address_hash == address_hash("192.0.2.10")
    assert address_hash("2001:db8::1") == address_hash("2001:db8::2")
    assert address_hash("2001:db8::1") != address_hash("2001:db8:0:1::1")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Please give your name"),
        ("name", "x" * 101, "at most 100 characters"),
        ("email", "", "Please give your email address"),
        ("email", "not-an-address", "Please give an email address such as"),
        ("website", "javascript:alert(1)", "Please give a web address"),
        ("website", "ftp://example.org/", "Please give a web address"),
        ("comment", "   ", "Please type your comment."),
        ("comment", "x" * 5001, "A comment has at most 5000 characters"),
    ],
)
def test_a_field_error_is_shown_next_to_it_with_everything_kept(
    field: str, value: str, message: str
) -> None:
    data = fields(**{field: value})
    data.update(
        website=data.get("website") or "https://min-ji.example.org"
    ) if field != "website" else None
    answer = send(Client(), data)
    assert answer.status_code == 400
    html = answer.content.decode()
    assert f'id="error-{field}"' in html
    error_at = html.index(f'id="error-{field}"')
    assert message in html[error_at : error_at + 400]
    assert 'aria-invalid="true"' in html
    # A summary above the form links to the field, for a reader far down a long post.
    summary = html[html.index('class="form-error-summary"') :]
    assert f'href="#id_{field}"' in summary[: summary.index("</div>")]
    # The rest of what was typed is there, and the page is the whole page.
    for kept in ("name", "email", "website"):
        if kept != field and data.get(kept):
            assert f'value="{data[kept]}"' in html
    if field != "comment":
        assert "I had not known about the guards.</textarea>" in html
    assert "<h1>" in html and not answer.cookies
    assert not Comment.objects.exists()


def test_a_website_without_a_scheme_is_taken_as_https() -> None:
    send(Client(), fields(website="min-ji.example.org"))
    assert Comment.objects.get().website == "https://min-ji.example.org"


def test_a_cross_site_post_is_refused() -> None:
    client = Client()
    assert send(client, fields(), HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert send(client, fields(), HTTP_ORIGIN="https://elsewhere.example").status_code == 403
    assert send(client, fields(), HTTP_ORIGIN="null").status_code == 403
    assert not Comment.objects.exists()
    assert send(client, fields(), HTTP_ORIGIN="http://testserver").status_code == 303


def test_a_page_that_takes_no_comments_is_refused() -> None:
    answer = send(Client(), fields(page="/sources/"))
    assert answer.status_code == 404
    assert not Comment.objects.exists()


def test_posting_needs_post() -> None:
    assert Client().get("/comments/post/").status_code == 405


def test_nul_characters_and_a_bad_parent_give_messages_not_errors() -> None:
    client = Client()
    answer = send(client, fields(name="A\x00B"), HTTP_USER_AGENT="Robot\x00/1.0")
    assert answer.status_code == 400
    assert 'id="error-name"' in answer.content.decode()
    answer = send(client, fields(parent="x1"))
    assert answer.status_code == 400
    assert "The comment you reply to is not known." in answer.content.decode()
    assert send(client, fields(), HTTP_USER_AGENT="Robot\x00/1.0").status_code == 303
    assert Comment.objects.get().user_agent == "Robot/1.0"


def test_flood_control_holds_on_the_database_when_the_shared_cache_is_down(
    settings: Settings,
) -> None:
    working = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    client = Client()
    assert send(client, fields()).status_code == 303
    other = fields(name="Other", email="other@example.org", comment="Another comment.")
    assert send(client, other).status_code == 429
    assert send(client, fields(comment="Mine again."), address="198.51.100.9").status_code == 429
    assert Comment.objects.count() == 1
    settings.CACHES = working  # for the teardown's clearing
