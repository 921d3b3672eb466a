"""The endpoint: what it refuses at once (400 with a reason), what it accepts (202, stored as
being verified, the job enqueued with it), the rate limit, and discovery on post pages."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from crossing.web.comments.models import Comment, Kind, Status
from crossing.web.comments.webmentions import Invalid, address_hash, check
from crossing.web.content import site_content
from crossing.web.outbox.models import Message

ENDPOINT = "/webmention/"


def a_post() -> str:
    return f"/news/{site_content().news.posts[0].slug}/"


def target() -> str:
    return f"http://testserver{a_post()}"


def send(client: Client, source: str, target: str, **extra: str) -> tuple[int, str]:
    response = client.post(ENDPOINT, {"source": source, "target": target}, **extra)
    return response.status_code, response.content.decode()


@pytest.mark.django_db
def test_a_post_page_names_the_endpoint_in_a_link_header_and_a_link_element(
    client: Client,
) -> None:
    response = client.get(a_post())
    assert response["Link"] == '</webmention/>; rel="webmention"'
    assert '<link rel="webmention" href="/webmention/">' in response.content.decode()


@pytest.mark.django_db
def test_under_a_site_url_the_endpoint_is_named_absolutely(
    client: Client, settings: Settings
) -> None:
    settings.CROSSING_SITE_URL = "https://crossing.example.org"
    response = client.get(a_post())
    assert response["Link"] == '<https://crossing.example.org/webmention/>; rel="webmention"'


@pytest.mark.django_db
def test_other_pages_name_no_endpoint(client: Client) -> None:
    assert "Link" not in client.get("/news/")


@pytest.mark.django_db
def test_a_valid_mention_is_accepted_stored_as_being_verified_and_its_job_enqueued(
    client: Client,
) -> None:
    status, body = send(client, "https://blog.example.net/a-post", target())
    assert status == 202 and "Accepted" in body
    comment = Comment.objects.get()
    assert comment.kind == Kind.WEBMENTION and comment.status == Status.VERIFYING
    assert comment.page == a_post() and comment.source == "https://blog.example.net/a-post"
    assert comment.name == "blog.example.net" and comment.email == ""
    assert comment.address_hash == address_hash("127.0.0.1") != "127.0.0.1"
    [job] = Message.objects.all()
    assert job.kind == "webmention.verify" and job.key == f"webmention-{comment.pk}-1"
    assert job.payload == {"id": comment.pk, "target": target()}


@pytest.mark.django_db
def test_the_same_source_and_target_again_is_the_same_reference_verified_again(
    client: Client,
) -> None:
    for _ in range(2):
        assert send(client, "https://blog.example.net/a-post", target())[0] == 202
    comment = Comment.objects.get()
    keys = sorted(Message.objects.values_list("key", flat=True))
    assert keys == [f"webmention-{comment.pk}-1", f"webmention-{comment.pk}-2"]


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("", "TARGET", "source is missing"),
        ("https://blog.example.net/", "", "target is missing"),
        ("ftp://blog.example.net/post", "TARGET", "source must be an http or https URL"),
        ("javascript:alert(1)", "TARGET", "source must be an http or https URL"),
        ("https:///no-host", "TARGET", "source must be an http or https URL"),
        ("https://blog.example.net:99999/", "TARGET", "source is not a valid URL"),
        ("https://me:secret@blog.example.net/", "TARGET", "must not hold a user name"),
        ("https://blog.example.net/" + "a" * 600, "TARGET", "longer than 500"),
        ("TARGET", "TARGET", "source and target are the same URL"),
        ("TARGET#comments", "TARGET", "source and target are the same URL"),
        ("https://blog.example.net/", "https://elsewhere.example.com/news/x/", "not on this site"),
        ("https://blog.example.net/", "http://testserver/news/", "not a news post"),
        ("https://blog.example.net/", "http://testserver/journey/", "not a news post"),
        ("https://blog.example.net/", "http://testserver/news/no-such-post/", "not a news post"),
    ],
)
@pytest.mark.django_db
def test_a_bad_source_or_target_gets_400_with_the_reason_and_nothing_is_stored(
    client: Client, source: str, target: str, message: str
) -> None:
    real = globals()["target"]()
    status, body = send(client, source.replace("TARGET", real), target.replace("TARGET", real))
    assert status == 400 and message in body
    assert not Comment.objects.exists() and not Message.objects.exists()


@pytest.mark.django_db
def test_the_target_may_name_the_public_site_url(client: Client, settings: Settings) -> None:
    settings.CROSSING_SITE_URL = "https://crossing.example.org"
    status, _ = send(client, "https://blog.example.net/", f"https://crossing.example.org{a_post()}")
    assert status == 202


@pytest.mark.django_db
def test_only_post_is_answered(client: Client) -> None:
    assert client.get(ENDPOINT).status_code == 405


@pytest.mark.django_db
def test_one_address_sending_too_many_gets_429_and_others_are_not_held_up(
    client: Client, settings: Settings
) -> None:
    settings.CROSSING_WEBMENTION_RATE = 2
    # Addresses of their own: the counts live in the shared cache across tests.
    busy = f"2001:db8:{uuid.uuid4().int % 0xFFFF:x}::1"
    other = f"2001:db8:{uuid.uuid4().int % 0xFFFF:x}:1::1"
    answers = [
        send(client, f"https://blog.example.net/{n}", target(), REMOTE_ADDR=busy)[0]
        for n in range(3)
    ]
    assert answers == [202, 202, 429]
    assert send(client, "https://blog.example.net/x", target(), REMOTE_ADDR=other)[0] == 202
    # Another address in the same /64 is the same client.
    same_64 = busy.replace("::1", "::2")
    assert send(client, "https://blog.example.net/y", target(), REMOTE_ADDR=same_64)[0] == 429
    assert Comment.objects.count() == 3


@pytest.mark.django_db
def test_a_source_with_a_very_long_host_is_stored_with_its_name_cut_to_fit(client: Client) -> None:
    host = ".".join(["a" * 60] * 4) + ".example"
    assert send(client, f"https://{host}/post", target())[0] == 202
    assert Comment.objects.get().name == host[:100]


URLS = st.one_of(
    st.text(max_size=80),
    st.builds(
        lambda scheme, host, path: f"{scheme}://{host}/{path}",
        st.sampled_from(["http", "https", "HTTP", "ftp", "javascript", ""]),
        st.sampled_from(["testserver", "blog.example.net", "[::1]", "a:b@c", "x:99999", ""]),
        st.text(max_size=40),
    ),
)


@pytest.mark.django_db
@given(source=URLS, target=URLS)
@hypothesis_settings(max_examples=300, deadline=None)
def test_any_source_and_target_are_either_a_mention_of_a_post_or_refused_with_a_reason(
    source: str, target: str
) -> None:
    try:
        mention = check(source=source, target=target, hosts={"testserver"})
    except Invalid as error:
        assert str(error)
    else:
        assert mention.page.startswith("/news/") and mention.source != mention.target
        assert urlsplit(mention.target).hostname == "testserver"


@pytest.mark.django_db
@given(data=st.data())
@hypothesis_settings(max_examples=100, deadline=None)
def test_every_post_of_the_site_takes_references_with_any_source_page_elsewhere(
    data: st.DataObject,
) -> None:
    slug = data.draw(st.sampled_from([post.slug for post in site_content().news.posts]))
    path = data.draw(st.text(alphabet="abc-/._~%20", max_size=30))
    fragment = data.draw(st.sampled_from(["", "#comments"]))
    target = f"https://testserver/news/{slug}/{fragment}"
    mention = check(source=f"https://blog.example.net/{path}", target=target, hosts={"testserver"})
    assert mention.page == f"/news/{slug}/" and mention.target == target
