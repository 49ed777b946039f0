"""End-to-end accuracy on phrasings the intents never saw: the right facts come back, strangers are declined
(a fallback, or an honest "I can't do that").

The held-out file belongs to the NLU work and is never tuned against; this test reads it as is.
Each in-domain phrasing is sent as the first message of a fresh conversation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.blind.judge import declined

HELDOUT = Path(__file__).parent / "heldout" / "heldout.yaml"
REQUIRED_SHARE = 0.95


@pytest.fixture(scope="module")
def heldout():
    if not HELDOUT.exists():
        pytest.fail(f"{HELDOUT.name} is missing")
    return yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))


def first_turn(engine, text: str):
    return engine.respond(engine.open(None).state, text).replies


def answered(engine, item) -> bool:
    """Answered: a reply carries the fact, in any case (or, for an item without a fact, is not a fallback)."""
    replies = first_turn(engine, item["text"])
    if item.get("fact"):
        return any(item["fact"].casefold() in reply.text.casefold() for reply in replies)
    return replies[-1].intent != "fallback"


def test_in_domain_phrasings_get_an_answer_with_their_fact(engine, heldout):
    items = heldout["in_domain"]
    misses = [item for item in items if not answered(engine, item)]
    for item in misses:
        print(f"MISS {item['intent']}: {item['text']!r} (fact {item.get('fact')!r}) -> "
              f"{[reply.intent for reply in first_turn(engine, item['text'])]}")
    share = 1 - len(misses) / len(items)
    print(f"in-domain answered: {share:.1%} of {len(items)}")
    assert share >= REQUIRED_SHARE


def test_out_of_domain_phrasings_are_declined(engine, heldout):
    texts = heldout["out_of_domain"]
    misses = [text for text in texts if not all(declined(r.intent) for r in first_turn(engine, text))]
    for text in misses:
        print(f"NOT FALLBACK: {text!r} -> {first_turn(engine, text)[-1].intent}")
    share = 1 - len(misses) / len(texts)
    print(f"out-of-domain fallback: {share:.1%} of {len(texts)}")
    assert share >= REQUIRED_SHARE
