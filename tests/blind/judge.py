"""Judging the blind sets through the engine's public API: shared by the tests and the evaluation command.

A message is answered when a reply carries every fact it must contain (any listed variant, compared
after folding case, dashes, spaces and thousands separators); an out-of-scope message is handled when the
coach does not answer it from the guide (a fallback or an honest "I can't do that").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent

def declined(intent: str) -> bool:
    return intent == "fallback" or intent.startswith("out_of_scope")



def load(name: str) -> dict[str, Any]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text)


def first_turn(engine: Any, text: str) -> tuple[Any, ...]:
    return tuple(engine.respond(engine.open(None).state, text).replies)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    intents: tuple[str, ...]
    missing: tuple[str, ...] = ()


def judge_in_domain(engine: Any, item: dict[str, Any]) -> Verdict:
    replies = first_turn(engine, item["text"])
    said = fold(" ".join(reply.text for reply in replies))
    missing = tuple(variants[0] for variants in item["facts"] if not any(fold(v) in said for v in variants))
    return Verdict(not missing, tuple(reply.intent for reply in replies), missing)


def judge_out_of_scope(engine: Any, item: dict[str, Any]) -> Verdict:
    replies = first_turn(engine, item["text"])
    intents = tuple(reply.intent for reply in replies)
    return Verdict(all(declined(intent) for intent in intents), intents)


# Practice answers -------------------------------------------------------------------------------------

KINDS = ("strong", "plain", "adequate", "weak", "other_question", "non_native")


def answers(*names: str) -> list[dict[str, Any]]:
    return [item for name in names for item in load(name)["answers"]]


def spearman(xs: list[float], ys: list[float]) -> float:
    """Rank correlation with average ranks for ties."""

    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=lambda i: values[i])
        out = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2
            i = j + 1
        return out

    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return cov / var if var else 0.0


@dataclass(frozen=True)
class AnswerFigures:
    """The issue's targets, measured on one set of scored answers."""

    count: int
    spearman: float
    strong_and_plain_ok: float  # both >= 60 and within 12 points
    ordered: float  # weak < adequate < strong
    other_question_max: int
    mean_by_kind: dict[str, float]


def answer_figures(scored: list[tuple[dict[str, Any], int]]) -> AnswerFigures:
    by_question: dict[str, dict[str, int]] = {}
    for item, score in scored:
        if item["kind"] != "non_native":
            by_question.setdefault(item["question_id"], {})[item["kind"]] = score
    full = [q for q in by_question.values() if all(k in q for k in KINDS[:5])]
    pair_ok = [q["strong"] >= 60 and q["plain"] >= 60 and abs(q["strong"] - q["plain"]) <= 12 for q in full]
    ordered = [q["weak"] < q["adequate"] < q["strong"] for q in full]
    means = {
        kind: sum(s for i, s in scored if i["kind"] == kind) / max(1, sum(1 for i, _ in scored if i["kind"] == kind))
        for kind in KINDS
    }
    return AnswerFigures(
        count=len(scored),
        spearman=spearman([float(i["grade"]) for i, _ in scored], [float(s) for _, s in scored]),
        strong_and_plain_ok=sum(pair_ok) / max(1, len(pair_ok)),
        ordered=sum(ordered) / max(1, len(ordered)),
        other_question_max=max((s for i, s in scored if i["kind"] == "other_question"), default=0),
        mean_by_kind=means,
    )
