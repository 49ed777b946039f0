"""Commands work exactly as typed, with small slips, whatever the scores of topic intents say."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatbot.nlu import IntentSet, Matcher

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(IntentSet.load(ROOT / "intents"))


@pytest.mark.parametrize(
    ("typed", "intent"),
    [
        ("help", "help"),
        ("menu", "menu"),
        ("restart", "restart"),
        ("practice", "practice"),
        ("practise", "practice"),
        ("practice model serving", "practice"),
        ("practise behavioural", "practice"),
        ("practice technical questions", "practice"),
        ("next", "next"),
        ("skip", "skip"),
        ("stop", "stop"),
        ("assess my skills", "assess"),
        ("summary", "summary"),
        ("try again", "try_again"),
        ("hint", "hint"),
        ("model answer", "model_answer"),
        ("tell me more", "more"),
        ("why?", "why"),
    ],
)
def test_command_typed_as_listed_always_matches(matcher: Matcher, typed: str, intent: str) -> None:
    match = matcher.match(typed)
    assert (match.name, match.confidence) == (intent, 1.0)


@pytest.mark.parametrize(
    ("typed", "intent"),
    [
        ("HELP", "help"),
        ("Help!", "help"),
        ("help please", "help"),
        ("  Next.  ", "next"),
        ("Practise Model Serving", "practice"),
        ("hlep", "help"),
        ("sumary", "summary"),
        ("practse docker", "practice"),
        ("try agian", "try_again"),
        ("Assess my skils", "assess"),
    ],
)
def test_command_survives_case_punctuation_politeness_and_slips(matcher: Matcher, typed: str, intent: str) -> None:
    assert matcher.match(typed).name == intent


def test_command_explains_itself_with_the_words_that_matched(matcher: Matcher) -> None:
    assert matcher.match("practice model serving").matched_words == ("practice",)
    assert matcher.match("try again").matched_words == ("try", "again")


def test_a_command_word_inside_a_question_does_not_force_the_command(matcher: Matcher) -> None:
    assert matcher.match("should I stop applying to data science jobs while I retrain?").name != "stop"
    assert matcher.match("what's the next step in the plan to become an MLE").name != "next"
