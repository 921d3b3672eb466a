"""Small news posts of the tests' own, written into a copy of content/ (the real posts are
the editors' and change): twelve posts over five months, so that the index has two pages."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

AUTHORS = """\
[crossing-editors]
name = "The Crossing editors"
bio = "The people who make this site."

[jane-doe]
name = "Jane Doe"
bio = "Writes about the films."
link = "https://jane.example.org/"
"""

# The newest post: two authors, three tags, an image, a citation and a link.
FEATURED = """\
+++
title = "The Defector wins two awards"
date = 2014-06-20
authors = ["jane-doe", "crossing-editors"]
tags = ["The Defector", "Awards", "China"]
summary = "The film is honoured twice."

[image]
src = "/static/crossing/favicon.svg"
alt = "The site's mark"
caption = "A caption"
credit = "The Crossing editors"
+++
The film[^flyer] is [on its page](/films/the-defector/).

## What the jury said

Read [the chapters](/on-the-border/) too.
"""

FIRST_DAY = date(2014, 2, 1)


def plain(number: int) -> str:
    """Post `number` (1 the oldest): one every ten days from February 2014."""
    day = FIRST_DAY + timedelta(days=10 * (number - 1))
    tags = '["China"]' if number % 2 else '["Awards"]'
    return f"""\
+++
title = "News number {number}"
date = {day.isoformat()}
authors = ["crossing-editors"]
tags = {tags}
summary = "Summary of post {number}."
+++
Body of post {number}.
"""


def write_news(content: Path, count: int = 11) -> Path:
    """content/news with the authors, `count` plain posts and the featured one."""
    folder = content / "news"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "authors.toml").write_text(AUTHORS, encoding="utf-8")
    for number in range(1, count + 1):
        day = FIRST_DAY + timedelta(days=10 * (number - 1))
        name = f"{day.isoformat()}-news-{number}.md"
        (folder / name).write_text(plain(number), encoding="utf-8")
    (folder / "2014-06-20-two-awards.md").write_text(FEATURED, encoding="utf-8")
    return folder
