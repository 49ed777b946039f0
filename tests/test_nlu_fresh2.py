"""Understanding is judged on a third unseen set, written before the second tuning round.

fresh2.yaml speaks in voices none of the other sets use: a nervous junior, a senior with years
behind them, non-native English, phone typing without punctuation, a greeting before the question,
questions naming both roles, and the role's short names ("ML Eng", "MLE role", "AI eng"). Its
strangers are near misses: other career changes, pay in unrelated jobs, Python errors, Kaggle,
admissions and visas. Prints the misses.

The product target is 95% in-domain and 95% fallback. This set measured 90.7% in-domain and 87.7%
fallback when it was written, and 91.5% (118/129) in-domain and 98.8% (80/81) fallback after the
round it judged; the in-domain bar is a regression floor just below that measurement, not the target.
The fallback bar is the 97% every set is held to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from chatbot.nlu import IntentSet, Matcher, normalise

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "tests" / "heldout"
FRESH2 = SETS / "fresh2.yaml"
OTHER_SETS = [SETS / "heldout.yaml", SETS / "dev.yaml", SETS / "fresh.yaml"]
MIN_IN_DOMAIN, MIN_OUT_OF_DOMAIN = 120, 80
REQUIRED_ACCURACY = 0.91  # regression floor: measured 91.5% (118/129); the target is 95%
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
def fresh2() -> dict[str, Any]:
    return _load(FRESH2)


def test_fresh2_file_has_the_agreed_shape_and_size(fresh2: dict[str, Any], intents: IntentSet) -> None:
    cases = fresh2["in_domain"]
    assert len(cases) >= MIN_IN_DOMAIN
    assert len(fresh2["out_of_domain"]) >= MIN_OUT_OF_DOMAIN
    assert all(set(case) == {"text", "intent", "fact"} and isinstance(case["fact"], str) for case in cases)
    assert {case["intent"] for case in cases} <= set(intents.names)
    assert all(case["fact"] for case in cases if intents.get(case["intent"]).kind == "topic")
    assert all(isinstance(text, str) and text.strip() for text in fresh2["out_of_domain"])


def test_no_fresh2_phrasing_is_copied_into_intents_or_the_other_sets(
    fresh2: dict[str, Any], intents: IntentSet
) -> None:
    lexicon = intents.lexicon
    seen = {normalise(example, lexicon) for intent in intents for example in [*intent.examples, *intent.commands]}
    for path in OTHER_SETS:
        other = _load(path)
        seen |= {normalise(case["text"], lexicon) for case in other["in_domain"]}
        seen |= {normalise(text, lexicon) for text in other["out_of_domain"]}
    topics = [case["text"] for case in fresh2["in_domain"] if intents.get(case["intent"]).kind == "topic"]
    copied = [text for text in [*topics, *fresh2["out_of_domain"]] if normalise(text, lexicon) in seen]
    assert copied == []


def test_python_coding_questions_fall_back(matcher: Matcher, fresh2: dict[str, Any]) -> None:
    """A coding question names the same tools as the move ("pandas"), so a tool name is not enough."""
    near = [text for text in fresh2["out_of_domain"] if any(w in text.lower() for w in ("python", "pandas", "numpy"))]
    assert near
    assert [text for text in near if matcher.match(text).name is not None] == []


def test_fresh2_intent_accuracy_and_fallback_rate(matcher: Matcher, fresh2: dict[str, Any]) -> None:
    cases = fresh2["in_domain"]
    misses = [(case["text"], case["intent"], matcher.match(case["text"])) for case in cases]
    misses = [(text, expected, got) for text, expected, got in misses if got.name != expected]
    answered = [(text, matcher.match(text)) for text in fresh2["out_of_domain"]]
    answered = [(text, got) for text, got in answered if got.name is not None]
    accuracy = 1 - len(misses) / len(cases)
    fallback = 1 - len(answered) / len(fresh2["out_of_domain"])
    outside = len(fresh2["out_of_domain"])
    print(f"\nin-domain accuracy {accuracy:.1%} ({len(cases) - len(misses)}/{len(cases)}); ", end="")
    print(f"out-of-domain fallback {fallback:.1%} ({outside - len(answered)}/{outside})")
    print(f"{'message':70} {'expected':24} {'got':24} confidence")
    for text, expected, got in misses:
        print(f"{text[:70]:70} {expected:24} {got.name or '-':24} {got.confidence:.2f}")
    for text, got in answered:
        print(f"{text[:70]:70} {'(fallback)':24} {got.name or '-':24} {got.confidence:.2f}")
    assert accuracy >= REQUIRED_ACCURACY
    assert fallback >= REQUIRED_FALLBACK
