"""Understanding is judged on phrasings the matcher has never seen: three sets, written at different times.

- heldout.yaml: written with the intents and never tuned on. It carries the product target:
  95% of in-domain phrasings understood, 95% of out-of-domain ones falling back.
- fresh.yaml: terse, chatty, typo-ridden, slang and story-first phrasings, plus near-subject strangers
  (other careers and countries, visas, coding help, maths), written after the first tuning round.
  It measured 88.3% in-domain when written and 93.4% (128/137) after the second round.
- fresh2.yaml: a nervous junior, a senior with years behind them, non-native English, phone typing,
  greetings before the question, the role's short names; strangers are near misses (other career
  changes, Python errors, Kaggle, admissions, visas). Written before the second round: 90.7% then,
  91.5% (118/129) after it.

The two later sets' in-domain bars are regression floors just below what they measured, not the
target; every set's fallback bar is at least the target. Each test prints its misses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from chatbot.nlu import IntentSet, Matcher, normalise

SETS = Path(__file__).resolve().parent / "heldout"
INTENTS = Path(__file__).resolve().parents[1] / "intents"


@dataclass(frozen=True)
class UnseenSet:
    file: str
    min_in_domain: int
    min_out_of_domain: int
    accuracy: float
    fallback: float
    disjoint_from: tuple[str, ...]  # sets written before it, which it must not repeat


UNSEEN = {
    "heldout": UnseenSet("heldout.yaml", 170, 120, 0.95, 0.95, ("dev.yaml",)),
    "fresh": UnseenSet("fresh.yaml", 120, 80, 0.93, 0.97, ("heldout.yaml", "dev.yaml")),
    "fresh2": UnseenSet("fresh2.yaml", 120, 80, 0.91, 0.97, ("heldout.yaml", "dev.yaml", "fresh.yaml")),
}


def _load(name: str) -> dict[str, Any]:
    with (SETS / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def intents() -> IntentSet:
    return IntentSet.load(INTENTS)


@pytest.fixture(scope="module")
def matcher(intents: IntentSet) -> Matcher:
    return Matcher(intents)


@pytest.mark.parametrize("name", UNSEEN)
def test_each_set_has_the_agreed_shape_and_size(name: str, intents: IntentSet) -> None:
    spec, data = UNSEEN[name], _load(UNSEEN[name].file)
    cases = data["in_domain"]
    assert len(cases) >= spec.min_in_domain
    assert len(data["out_of_domain"]) >= spec.min_out_of_domain
    assert all(set(case) == {"text", "intent", "fact"} and isinstance(case["fact"], str) for case in cases)
    assert {case["intent"] for case in cases} <= set(intents.names)
    assert all(case["fact"] for case in cases if intents.get(case["intent"]).kind == "topic")
    assert all(isinstance(text, str) and text.strip() for text in data["out_of_domain"])


@pytest.mark.parametrize("name", UNSEEN)
def test_no_phrasing_is_copied_into_intents_or_an_earlier_set(name: str, intents: IntentSet) -> None:
    spec, data = UNSEEN[name], _load(UNSEEN[name].file)
    lexicon = intents.lexicon
    seen = {normalise(example, lexicon) for intent in intents for example in [*intent.examples, *intent.commands]}
    for earlier in map(_load, spec.disjoint_from):
        seen |= {normalise(case["text"], lexicon) for case in earlier["in_domain"]}
        seen |= {normalise(text, lexicon) for text in earlier["out_of_domain"]}
    topics = [case["text"] for case in data["in_domain"] if intents.get(case["intent"]).kind == "topic"]
    assert [text for text in [*topics, *data["out_of_domain"]] if normalise(text, lexicon) in seen] == []


@pytest.mark.parametrize("name", UNSEEN)
def test_intent_accuracy_and_fallback_rate(name: str, matcher: Matcher) -> None:
    spec, data = UNSEEN[name], _load(UNSEEN[name].file)
    cases, outside = data["in_domain"], data["out_of_domain"]
    misses = [(case["text"], case["intent"], matcher.match(case["text"])) for case in cases]
    misses = [(text, expected, got) for text, expected, got in misses if got.name != expected]
    answered = [(text, got) for text, got in ((text, matcher.match(text)) for text in outside) if got.name]
    accuracy = 1 - len(misses) / len(cases)
    fallback = 1 - len(answered) / len(outside)
    print(f"\n{name}: in-domain accuracy {accuracy:.1%} ({len(cases) - len(misses)}/{len(cases)}); "
          f"out-of-domain fallback {fallback:.1%} ({len(outside) - len(answered)}/{len(outside)})")
    for text, expected, got in misses:
        print(f"{text[:70]:70} {expected:24} {got.name or '-':24} {got.confidence:.2f}")
    for text, got in answered:
        print(f"{text[:70]:70} {'(fallback)':24} {got.name or '-':24} {got.confidence:.2f}")
    assert accuracy >= spec.accuracy
    assert fallback >= spec.fallback


def test_python_coding_questions_fall_back(matcher: Matcher) -> None:
    """A coding question names the same tools as the move ("pandas"), so a tool name is not enough."""
    outside = _load(UNSEEN["fresh2"].file)["out_of_domain"]
    near = [text for text in outside if any(w in text.lower() for w in ("python", "pandas", "numpy"))]
    assert near
    assert [text for text in near if matcher.match(text).name is not None] == []
