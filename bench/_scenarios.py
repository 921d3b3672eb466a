"""The writes a load test can send (see Scenario in _load.py). One class each; load.py's
SCENARIOS names them for --scenario.

Not a benchmark: imported by load.py (the script's folder is on sys.path when it runs)."""

from __future__ import annotations

import json
import re

from _load import Request
from _server import Database, HarnessError
from _site import get


class EndingReports:
    """What the player sends when a reader reaches an ending: `POST /journey/endings/` with
    {story, version, ending} as JSON. Stored as one added to that ending's EndingCount, so
    what is stored is the sum of the counts. The n-th report names the n-th ending in turn,
    so that new rows are created and existing ones updated by concurrent requests."""

    name = "endings"
    description = "ending reports (POST /journey/endings/)"

    def __init__(self) -> None:
        self.path = "/journey/endings/"
        self.bodies: list[bytes] = []

    def prepare(self, base_url: str) -> None:
        """Read the story's id, version and endings from the journey page's compiled story,
        as the player does."""
        page = get(base_url + "/journey/").text
        story_path = re.search(r'data-story="([^"]+)"', page)
        endings_path = re.search(r'data-endings="([^"]+)"', page)
        if story_path is None or endings_path is None:
            raise HarnessError(f"{base_url}/journey/ names no story or no endings address")
        self.path = endings_path.group(1)
        story = json.loads(get(base_url + story_path.group(1)).text)
        endings = [scene["id"] for scene in story["scenes"] if scene.get("ending")]
        if not endings:
            raise HarnessError(f"the story {story['id']!r} has no ending to report")
        self.bodies = [
            json.dumps(
                {"story": story["id"], "version": story["version"], "ending": ending}
            ).encode()
            for ending in endings
        ]

    def request(self, number: int) -> Request:
        body = self.bodies[number % len(self.bodies)]
        return Request("POST", self.path, body, {"Content-Type": "application/json"})

    def stored(self, database: Database) -> int:
        return database.scalar("SELECT COALESCE(SUM(count), 0) FROM journey_endingcount")
