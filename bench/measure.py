"""What the benchmarks share: repeated timing, result tables, the JSON report."""

from __future__ import annotations

import gc
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass(slots=True)
class Timing:
    """Seconds for each repeat."""

    runs: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def timed(repeat: int, action: Callable[[], object], *, collect: bool = True) -> Timing:
    """Run `action` `repeat` times; with collect=False the cyclic garbage collector is off."""
    timing = Timing()
    for _ in range(repeat):
        gc.collect()
        if not collect:
            gc.disable()
        try:
            start = time.perf_counter()
            action()
            timing.runs.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return timing


def result_json(result: Any) -> dict[str, Any]:
    """A result dataclass as JSON, each Timing with its best and median added."""
    data: dict[str, Any] = asdict(result)
    for value in data.values():
        if isinstance(value, dict) and "runs" in value:
            runs = value["runs"]
            value.update(best=min(runs), median=statistics.median(runs))
    return data


def rich_table(header: list[str], rows: list[list[str]], title: str, labels: int = 1) -> Table:
    """A terminal table: the first `labels` columns left-aligned, the numbers right."""
    grid = Table(title=title)
    for index, name in enumerate(header):
        grid.add_column(name, justify="left" if index < labels else "right", no_wrap=True)
    for row in rows:
        grid.add_row(*row)
    return grid


def markdown_table(header: list[str], rows: list[list[str]], labels: int = 1) -> str:
    """The same table, to paste into docs/performance.md."""
    rule = "| " + " | ".join(["---"] * labels + ["---:"] * (len(header) - labels)) + " |"
    lines = ["| " + " | ".join(header) + " |", rule]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def write_report(
    path: Path, settings: dict[str, Any], results: list[Any], console: Console
) -> None:
    """The machine, the settings and every result (with its to_json()) as JSON."""
    report = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        **settings,
        "results": [result.to_json() for result in results],
    }
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    console.print(f"[dim]wrote {path}[/dim]")
