"""Matching goes through an index whose work per message is bounded, however many intents there are.

No timers here (speed is measured in bench/): the test counts the postings a message touches and the
intents scored in full, which is what the time per call follows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chatbot.nlu import IntentSet, Matcher
from chatbot.nlu.index import MAX_EXAMPLE_POSTINGS, MAX_INTENT_POSTINGS
from chatbot.nlu.scoring import CANDIDATE_SLACK

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = [
    "how long does it take to become an MLE",
    "what's the salary for a junior ML engineer",
    "should I learn docker first",
    "I keep getting rejected from machine learning engineer jobs, what should I do",
    "how do I explain my career change in an interview",
    "waht skils am i mising",
]
GROWTH = 100


@pytest.fixture(scope="module")
def base() -> IntentSet:
    return IntentSet.load(ROOT / "intents")


def _multiplied(intents: IntentSet, times: int) -> IntentSet:
    copies = [i.model_copy(update={"name": f"{i.name}_{n}"}) for n in range(times) for i in intents]
    return IntentSet.of(copies, intents.lexicon, intents.entity_words)


def _postings_touched(matcher: Matcher, text: str) -> int:
    reading, _ = matcher.explain(text)
    index = matcher.index
    return sum(
        len(index.term_intents.get(t.stem, ())) + len(index.examples.term_examples.get(t.stem, ()))
        for t in reading.known
    )


@pytest.fixture(scope="module")
def small(base: IntentSet) -> Matcher:
    return Matcher(base)


@pytest.fixture(scope="module")
def large(base: IntentSet) -> Matcher:
    return Matcher(_multiplied(base, GROWTH))


def test_postings_touched_grow_far_slower_than_the_intent_set(small: Matcher, large: Matcher) -> None:
    before = sum(_postings_touched(small, text) for text in MESSAGES)
    after = sum(_postings_touched(large, text) for text in MESSAGES)
    assert before > 0
    assert after < before * GROWTH / 10


def test_each_stem_keeps_a_bounded_list_of_postings(large: Matcher) -> None:
    index = large.index
    assert max(len(postings) for postings in index.term_intents.values()) <= MAX_INTENT_POSTINGS
    assert max(len(postings) for postings in index.examples.term_examples.values()) <= MAX_EXAMPLE_POSTINGS


def test_only_a_handful_of_intents_are_scored_in_full(small: Matcher, large: Matcher) -> None:
    settings = small.settings
    leaders = settings.alternatives + CANDIDATE_SLACK
    limit = leaders * (1 + settings.neighbours) + 1  # coverage leaders, owners of the nearest examples, exact hit
    for matcher in (small, large):
        assert all(len(matcher.explain(text)[1]) <= limit for text in MESSAGES)


def test_a_multiplied_set_still_points_at_the_right_topic(base: IntentSet) -> None:
    match = Matcher(_multiplied(base, 3)).match("what's the salary for a junior ML engineer")
    assert match.name is None or match.name.startswith("salary_")
    assert all(name.startswith("salary_") for name, _ in match.alternatives[:3])
