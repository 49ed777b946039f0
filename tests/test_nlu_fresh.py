"""Understanding is judged again on a second unseen set, written in other voices than the first.

fresh.yaml holds terse, chatty, typo-ridden, slang and story-first phrasings plus near-subject
strangers (other careers and countries, visas, coding help, maths). Prints the misses.

The product target (95% in-domain, 95% fallback) is judged on heldout.yaml. This harder set was
written after tuning, in voices the intents were never shaped around; it measured 92% in-domain
when it was added and 93.4% (128/137) after the second round, so its in-domain bar is a regression
floor below that, not the target. Its fallback bar is the 97% every set is held to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from chatbot.nlu import IntentSet, Matcher, normalise

ROOT = Path(__file__).resolve().parents[1]
FRESH = ROOT / "tests" / "heldout" / "fresh.yaml"
OTHER_SETS = [ROOT / "tests" / "heldout" / "heldout.yaml", ROOT / "tests" / "heldout" / "dev.yaml"]
MIN_IN_DOMAIN, MIN_OUT_OF_DOMAIN = 120, 80
REQUIRED_ACCURACY = 0.93  # regression floor: measured 93.4% (128/137) after the second round
REQUIRED_FALLBACK = 0.97


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def intents() -> IntentSet:
    return IntentSet.load(ROOT / "intents")


@pytest.fixture(scope="module")
def matcher(intents: IntentSet) -> Matcher:
    return Matcher(intents)


@pytest.fixture(scope="module")
def fresh() -> dict[str, Any]:
    return _load(FRESH)


def test_fresh_file_has_the_agreed_shape_and_size(fresh: dict[str, Any], intents: IntentSet) -> None:
    cases = fresh["in_domain"]
    assert len(cases) >= MIN_IN_DOMAIN
    assert len(fresh["out_of_domain"]) >= MIN_OUT_OF_DOMAIN
    assert all(set(case) == {"text", "intent", "fact"} and isinstance(case["fact"], str) for case in cases)
    assert {case["intent"] for case in cases} <= set(intents.names)
    assert all(case["fact"] for case in cases if intents.get(case["intent"]).kind == "topic")
    assert all(isinstance(text, str) and text.strip() for text in fresh["out_of_domain"])


def test_no_fresh_phrasing_is_copied_into_intents_or_the_other_sets(fresh: dict[str, Any], intents: IntentSet) -> None:
    lexicon = intents.lexicon
    seen = {normalise(example, lexicon) for intent in intents for example in [*intent.examples, *intent.commands]}
    for path in OTHER_SETS:
        other = _load(path)
        seen |= {normalise(case["text"], lexicon) for case in other["in_domain"]}
        seen |= {normalise(text, lexicon) for text in other["out_of_domain"]}
    topics = [case["text"] for case in fresh["in_domain"] if intents.get(case["intent"]).kind == "topic"]
    copied = [text for text in [*topics, *fresh["out_of_domain"]] if normalise(text, lexicon) in seen]
    assert copied == []


def test_fresh_intent_accuracy_and_fallback_rate(matcher: Matcher, fresh: dict[str, Any]) -> None:
    cases = fresh["in_domain"]
    misses = [(case["text"], case["intent"], matcher.match(case["text"])) for case in cases]
    misses = [(text, expected, got) for text, expected, got in misses if got.name != expected]
    answered = [(text, matcher.match(text)) for text in fresh["out_of_domain"]]
    answered = [(text, got) for text, got in answered if got.name is not None]
    accuracy = 1 - len(misses) / len(cases)
    fallback = 1 - len(answered) / len(fresh["out_of_domain"])
    outside = len(fresh["out_of_domain"])
    print(f"\nin-domain accuracy {accuracy:.1%} ({len(cases) - len(misses)}/{len(cases)}); ", end="")
    print(f"out-of-domain fallback {fallback:.1%} ({outside - len(answered)}/{outside})")
    print(f"{'message':70} {'expected':24} {'got':24} confidence")
    for text, expected, got in misses:
        print(f"{text[:70]:70} {expected:24} {got.name or '-':24} {got.confidence:.2f}")
    for text, got in answered:
        print(f"{text[:70]:70} {'(fallback)':24} {got.name or '-':24} {got.confidence:.2f}")
    assert accuracy >= REQUIRED_ACCURACY
    assert fallback >= REQUIRED_FALLBACK
