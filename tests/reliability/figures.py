"""The load test's figures, written into docs/reliability.md between markers, one row per backend."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"
BEGIN = "<!-- load-figures:begin -->"
END = "<!-- load-figures:end -->"
HEADER = ("| backend | run (UTC) | sessions × turns | clients | workers | turns/s | p50 ms | p99 ms "
          "| max ms | errors |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")


@dataclass(frozen=True)
class LoadFigures:
    backend: str
    run_at: str
    sessions: int
    turns_each: int
    clients: int
    workers: int
    turns_per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int

    def row(self) -> str:
        return (f"| {self.backend} | {self.run_at} | {self.sessions} × {self.turns_each} | {self.clients} "
                f"| {self.workers} | {self.turns_per_second:.0f} | {self.p50_ms:.0f} | {self.p99_ms:.0f} "
                f"| {self.max_ms:.0f} | {self.errors} |")


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest value at or above `fraction` of the sample."""
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def record(figures: LoadFigures, doc: Path = DOC) -> None:
    """Replace this backend's row (keeping the others) in the marked table of the document."""
    text = doc.read_text(encoding="utf-8")
    block = re.search(re.escape(BEGIN) + r"(.*?)" + re.escape(END), text, re.DOTALL)
    if block is None:
        raise ValueError(f"{doc.name} has no {BEGIN} … {END} block for the load figures")
    rows = [line for line in block.group(1).splitlines()
            if line.startswith("| ") and not line.startswith(("| backend", "| ---"))
            and not line.startswith(f"| {figures.backend} |")]
    rows = sorted([*rows, figures.row()])
    new_block = "\n".join([BEGIN, HEADER, *rows, END])
    doc.write_text(text[: block.start()] + new_block + text[block.end():], encoding="utf-8")
