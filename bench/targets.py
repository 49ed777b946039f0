"""The targets this machine should meet, each checked against a run's results: met, missed or not measured."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MET, MISSED, UNMEASURED = "met", "missed", "not measured"


@dataclass(frozen=True)
class Verdict:
    key: str  # which profile explains a miss
    target: str
    measured: str
    status: str


def _dig(results: dict[str, Any], *path: Any) -> Any:
    node: Any = results
    for step in path:
        if isinstance(node, dict) and step not in node and str(step) in node:
            step = str(step)  # keys read back from results.json are strings
        if not isinstance(node, dict) or step not in node:
            return None
        node = node[step]
    return node


def _check(key: str, target: str, value: float | None, limit: float, fmt: Callable[[float], str],
           lower_is_better: bool = True) -> Verdict:
    if value is None:
        return Verdict(key, target, "-", UNMEASURED)
    ok = value < limit if lower_is_better else value >= limit
    return Verdict(key, target, fmt(value), MET if ok else MISSED)


def _ms(us: float) -> str:
    return f"{us / 1000:.3f} ms"


def evaluate(results: dict[str, Any]) -> list[Verdict]:
    verdicts = [
        _check("engine_turn", "Engine turn, transition question (encoder used), median < 20 ms",
               _dig(results, "engine", "transition", "stats", "median_us"), 20000, _ms),
        _check("engine_turn", "Engine turn, typed command (word matcher alone), median < 2 ms",
               _dig(results, "engine", "commands", "stats", "median_us"), 2000, _ms),
        _check("feedback_300", "Feedback on a 300-word answer (practice turn, encoder included), median < 100 ms",
               _dig(results, "engine", "feedback", "by_words", 300, "median_us"), 100000, _ms),
        _check("startup", "Start-up with cached encoder files (import + Engine.load, fresh process) < 3 s",
               _dig(results, "startup", "total_ms"), 3000, lambda v: f"{v:.0f} ms"),
        _check("memory", "One worker after warm-up < 300 MB resident",
               _dig(results, "memory", "rss_after_turns_mb"), 300, lambda v: f"{v:.1f} MB"),
        _check("intents_x100", "Intents x100 costs < 3x the time of x1 (median match)",
               _dig(results, "scaling", "intents", "ratios", "x100"), 3, lambda v: f"{v:.2f}x"),
    ]
    for backend in ("sqlite", "postgresql"):
        summaries = _dig(results, "http", backend, "summary") or []
        by_conns = {s["connections"]: s for s in summaries}
        for conns in sorted(by_conns) or [16, 64]:
            ratio = _dig(by_conns, conns, "throughput_ratio")
            verdicts.append(_check(f"http_{backend}",
                                   f"HTTP throughput >= 80% of floor, {backend}, {conns} connections",
                                   ratio, 0.8, lambda v: f"{100 * v:.0f}%", lower_is_better=False))
        p99 = _dig(by_conns, 16, "service", "p99_ms")
        verdicts.append(_check(f"http_{backend}", f"HTTP p99 < 50 ms at 16 connections, {backend}",
                               p99, 50, lambda v: f"{v:.1f} ms"))
    return verdicts
