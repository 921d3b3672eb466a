"""Image addresses in chapters and works, checked where they are written (E206): Markdown
images (`![alt](src)`) and the `src` of each `[[photos]]` entry. The rule itself, shared
with the journey's `image:` lines, is crossing.story.local_addresses."""

from __future__ import annotations

from crossing.story.diagnostics import Diagnostic, Position
from crossing.story.local_addresses import refusal

IMAGE_OUTSIDE = "E206"


def check_image(address: str, at: Position, diagnostics: list[Diagnostic]) -> bool:
    """Whether a browser would load this image from the site itself; if not, say why."""
    refused = refusal(address)
    if refused is None:
        return True
    diagnostics.append(Diagnostic(IMAGE_OUTSIDE, refused.message, at, refused.hint))
    return False
