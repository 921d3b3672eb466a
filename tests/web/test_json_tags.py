"""Data for scripts written into pages (crossing/web/json_tags.py)."""

from __future__ import annotations

import json
import re

from crossing.web.json_tags import json_script_text


def test_korean_is_written_as_itself_and_nothing_can_close_the_script() -> None:
    value = {"text": "강을 건넌다 </script><script>alert(1)</script> & <!--"}
    html = str(json_script_text(value, "journey-story"))
    assert html.startswith('<script id="journey-story" type="application/json">')
    assert "강을 건넌다" in html  # 3 bytes a syllable, not a 6-byte \uXXXX escape
    inside = re.fullmatch(r'<script id="journey-story" type="application/json">(.*)</script>', html)
    assert inside is not None and "<" not in inside.group(1) and "&" not in inside.group(1)
    assert json.loads(inside.group(1)) == value
