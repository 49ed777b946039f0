"""Causes found by reading the profiles of missed targets, kept in findings.yaml with their evidence.

A finding is printed under its target only while this run still shows its evidence (a package's or
function's share of the profile, an import's cost, a figure from the results), so a fixed cause drops
out by itself and a stale note can never pass for a current one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from bench import BENCH_DIR

FINDINGS_FILE = BENCH_DIR / "findings.yaml"
KINDS = ("package", "file", "function", "import", "result")


@dataclass(frozen=True)
class Finding:
    owner: str
    cause: str
    evidence: dict[str, Any]

    def measured(self, hotspots: dict[str, Any], results: dict[str, Any]) -> float:
        """The figure the evidence names, from this run's profile or results (0 when it is absent)."""
        kind, name = next((k, v) for k, v in self.evidence.items() if k in KINDS)
        if kind == "result":
            node: Any = results
            for step in name.split("."):
                node = node.get(step, {}) if isinstance(node, dict) else {}
            return float(node) if isinstance(node, (int, float)) else 0.0
        if kind == "import":
            return sum(ms for module, ms in hotspots.get("imports", []) if module == name)
        table = {"package": "by_package", "file": "by_file", "function": "by_function"}[kind]
        rows = hotspots.get(table, [])
        return sum(share for key, share in rows if key == name or key.startswith(name + ":"))

    def holds(self, hotspots: dict[str, Any], results: dict[str, Any]) -> bool:
        return self.measured(hotspots, results) >= self.evidence.get("at_least", 0)


def load() -> dict[str, list[Finding]]:
    if not FINDINGS_FILE.exists():
        return {}
    raw = yaml.safe_load(FINDINGS_FILE.read_text(encoding="utf-8")) or {}
    return {key: [Finding(**item) for item in items] for key, items in raw.items()}


def confirmed(key: str, hotspots: dict[str, Any], results: dict[str, Any]) -> list[tuple[Finding, float]]:
    """The findings for `key` whose evidence this run shows, with the figure it showed."""
    return [(f, f.measured(hotspots, results)) for f in load().get(key, []) if f.holds(hotspots, results)]
