"""A scene's `image:` and `audio:` are files of the site, by the rule the site's content
follows (crossing.story.local_addresses): anything else is E013 at the address."""

from __future__ import annotations

import pytest

from .conftest import Compile, Load
from .helpers import at

SCENE = "title: T\n## s\n{media}\n  alt: The river\n-> e\n## e\nending: safety\n"


@pytest.mark.parametrize(
    ("media", "because"),
    [
        ("image: https://example.org/ice.jpg", "an image from another site"),
        ("image: //example.org/ice.jpg", "an image from another site"),
        ("image: JavaScript:alert(1)", "not 'JavaScript:…'"),
        ("image: data:image/png;base64,iVBORw0KGgo=", "written as data"),
        ("image: /\\example.org/ice.jpg", "a backslash"),
        ("audio: http://example.org/wind.ogg", "an audio file from another site"),
    ],
)
def test_media_from_outside_the_site_is_reported_at_its_address(
    load: Load, media: str, because: str
) -> None:
    loaded = load(SCENE.format(media=media))
    problem = at(loaded, "E013", "main.story:3:8")
    assert because in problem.message
    assert problem.hint
    assert loaded.story is None


def test_media_on_the_site_compiles(compile_story: Compile) -> None:
    story = compile_story(SCENE.format(media="image: images/ice.jpg"))
    assert [m.src for m in story.scenes[0].media] == ["images/ice.jpg"]
