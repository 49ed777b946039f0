"""Phrasings for the meaning tier, harvested from the development message sets.

Each development-set question is filed under the intent that answers it: the coach's own reading when
its reply carried every fact the question must get, otherwise the first intent (the meaning tier's
nearest, then the word matcher's candidates) whose answer does. Every near miss of those sets is kept as
a near miss. The result, intents/_phrasings.yaml, is read by the meaning tier only; it is harvested by
the coach as it stands without that file. Sets still measuring (never tuned on) must not be named.

    python -m tests.blind.harvest dev final final2 ... > intents/_phrasings.yaml
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from tests.blind import judge

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = 6  # intents tried per message, nearest in meaning first
PHRASINGS = "_phrasings.yaml"


def _candidates(res: Any, text: str) -> list[str]:
    from chatbot.dialogue.understanding import TOPIC, readings

    parts = readings(res, res.slips.correct(text))
    ranked: dict[str, float] = {}
    for vector in res.reader.encode(parts):
        for name, score in res.semantic.ranking(vector):
            ranked[name] = max(score, ranked.get(name, 0.0))
    by_meaning = sorted(ranked, key=lambda name: -ranked[name])
    by_words = [name for name, _ in res.matcher.match(res.slips.correct(text)).alternatives]
    names = list(dict.fromkeys([*by_meaning[:CANDIDATES], *by_words]))
    return [name for name in names if name in res.intents.names and res.intents.get(name).kind == TOPIC]


def _answers_with(engine: Any, text: str, name: str, facts: list[list[str]]) -> bool:
    from chatbot.dialogue.answering import answer_topic
    from chatbot.dialogue.state import restore
    from chatbot.dialogue.understanding import as_request, understand

    res = engine.resources
    state = restore(engine.open(None).state, engine.knowledge.transitions, engine.knowledge.default_transition)
    heard = as_request(res, understand(res, res.slips.correct(text)), name)
    said = judge.fold(answer_topic(res, state, heard).text)
    return all(any(judge.fold(v) in said for v in variants) for variants in facts)


def _intent_of(engine: Any, item: dict[str, Any]) -> str | None:
    """The topic that answers this question with its facts, if any does."""
    res = engine.resources
    verdict = judge.judge_in_domain(engine, item)
    if verdict.ok:
        single = verdict.intents[0] if len(verdict.intents) == 1 else None
        return single if single in res.intents.names and res.intents.get(single).kind == "topic" else None
    return next((name for name in _candidates(res, item["text"])
                 if _answers_with(engine, item["text"], name, item["facts"])), None)


def harvest(engine: Any, sets: list[str]) -> dict[str, Any]:
    phrasings: dict[str, list[str]] = {}
    near_misses: list[str] = []
    for which in sets:
        for item in judge.load(f"messages_{which}_in.yaml")["in_domain"]:
            name = _intent_of(engine, item)
            if name is not None:
                phrasings.setdefault(name, []).append(item["text"].strip())
        near_misses += [item["text"].strip() for item in judge.load(f"messages_{which}_oos.yaml")["out_of_scope"]]
    return {"phrasings": {name: list(dict.fromkeys(phrasings[name])) for name in sorted(phrasings)},
            "near_misses": list(dict.fromkeys(near_misses))}


def main(sets: list[str]) -> None:
    from chatbot.dialogue import Engine

    with tempfile.TemporaryDirectory() as scratch:
        intents = Path(scratch) / "intents"
        shutil.copytree(ROOT / "intents", intents, ignore=shutil.ignore_patterns(PHRASINGS))
        engine = Engine.load(ROOT / "data", intents)
        found = harvest(engine, sets)
    header = ("# Messages people wrote, from the development sets, each filed under the intent whose answer\n"
              "# carries its facts, and the near misses they sent. Only the meaning tier reads this file.\n"
              f"# Written by tests/blind/harvest.py from: {' '.join(sets)}. Do not edit by hand.\n")
    sys.stdout.write(header + yaml.safe_dump(found, sort_keys=False, allow_unicode=True, width=1000))


if __name__ == "__main__":
    main(sys.argv[1:])
