"""Misspelt words are read as the words they stand for, and only those: a message full of slips gets the
same answer as the same message spelt well, while tool names, slang and ordinary English stay as typed."""

from __future__ import annotations

import pytest

from chatbot.nlu.slips import SlipCorrector


def intents_of(engine, text: str) -> list[str]:
    return [reply.intent for reply in engine.respond(engine.open(None).state, text).replies]


@pytest.mark.parametrize(("slipped", "spelt"), [
    ("how do i lern system desing for ML intervews", "how do I learn system design for ML interviews"),
    ("whats the diffrence in pay betwen data scientsts and ML enginers",
     "whats the difference in pay between data scientists and ML engineers"),
    ("best way to lern model servng and infrence optimisaton as a data scientst?",
     "best way to learn model serving and inference optimisation as a data scientist?"),
    ("how long dose the transiton from DS to machien lerning engineer take",
     "how long does the transition from DS to machine learning engineer take"),
])
def test_a_message_with_slips_is_answered_like_the_same_message_spelt_well(engine, slipped, spelt):
    assert intents_of(engine, slipped) == intents_of(engine, spelt)
    assert "fallback" not in intents_of(engine, slipped)


def test_only_clear_slips_of_content_words_are_mended():
    corrector = SlipCorrector.build(["learn", "design", "engineers", "engines", "haggle", "many"],
                                    ["kaggle"], frozenset({"weather", "the"}))
    assert corrector.correct("How do I lern Desing, tho?") == "How do I learn design, tho?"
    assert corrector.correct("the weather") == "the weather"  # English words are never mended
    assert corrector.correct("is kaggle worth it") == "is kaggle worth it"  # nor words the lexicon knows
    assert corrector.correct("from manc") == "from manc"  # a four-letter word only towards a longer one
    assert corrector.correct("enginers") == "engineers"  # of two equally close, the one keeping its letters
