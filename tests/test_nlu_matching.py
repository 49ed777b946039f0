"""Free text reaches the right topic, explains why, and falls back rather than guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatbot.nlu import IntentSet, Lexicon, Matcher, normalise
from chatbot.nlu.intents import Intent

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def intents() -> IntentSet:
    return IntentSet.load(ROOT / "intents")


@pytest.fixture(scope="module")
def matcher(intents: IntentSet) -> Matcher:
    return Matcher(intents)


def test_normalise_folds_case_unicode_and_punctuation() -> None:
    assert normalise("  Ｗhat’s   the  SALARY?!  ") == "what s the salary"
    assert normalise("Résumé") == "resume"


def test_normalise_with_lexicon_expands_contractions_spelling_and_abbreviations(intents: IntentSet) -> None:
    lexicon = intents.lexicon
    assert normalise("What's an MLE's salary?", lexicon) == "what is an mle salary"
    assert normalise("I'm practising", lexicon) == normalise("im practicing", lexicon)
    assert normalise("optimise my CV", lexicon) == normalise("optimize my resume", lexicon)
    assert normalise("k8s", lexicon) == normalise("kubernetes", lexicon)
    assert normalise("ML engineer", lexicon) == normalise("machine learning engineer", lexicon)
    assert normalise("£50k", lexicon) == "salary salary"


def test_an_empty_lexicon_leaves_words_alone() -> None:
    assert normalise("practise optimise", Lexicon()) == "practise optimise"


@pytest.mark.parametrize("text", ["MLE?", "what's an MLE", "ML engineer?", "what is an AI engineer", "MLOps?"])
def test_the_role_name_alone_asks_what_the_role_is(matcher: Matcher, text: str) -> None:
    assert matcher.match(text).name == "role_difference"


@pytest.mark.parametrize("text", ["machine learning", "data", "engineer", "learning", "data science", "career"])
def test_domain_words_alone_are_not_enough_for_a_topic(matcher: Matcher, text: str) -> None:
    assert matcher.match(text).name is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how long does it take?", "timeline"),
        ("how lnog does it tkae", "timeline"),
        ("whats the sallary for a junoir MLE", "salary"),
        ("waht skils am i mising", "skill_gaps"),
        ("how do i netwrok", "networking"),
        ("should I learn docker first?", "learn_first"),
        ("tell me about k8s", "skill_info"),
        ("my CV needs reworking for ML engineering roles", "cv"),
        ("how do I optimise my résumé", "cv"),
    ],
)
def test_typos_spelling_variants_and_abbreviations_still_match(matcher: Matcher, text: str, intent: str) -> None:
    assert matcher.match(text).name == intent


@pytest.mark.parametrize(
    "text",
    [
        "what's the weather like in Leeds this weekend",
        "how long should I roast a chicken for",
        "how much does a plumber earn",
        "who won the snooker final",
        "can you help me with my algebra homework",
        "how do I reverse a string in javascript",
        "what's the plan for the weekend",
        "are the trains running today",
    ],
)
def test_messages_about_other_subjects_fall_back(matcher: Matcher, text: str) -> None:
    assert matcher.match(text).name is None


@pytest.mark.parametrize(
    "text",
    [
        "kubectl says connection refused",
        "why does pandas groupby drop my nan rows",
        "how do i fix a docker build error",
        "sklearn pipeline gives a value error",
    ],
)
def test_a_coding_question_naming_a_tool_is_not_read_as_a_question_about_the_move(matcher: Matcher, text: str) -> None:
    """Tool names belong to the move's vocabulary, but alone they do not show the message is about it:
    such a message falls back or is declined honestly as a coding question."""
    name = matcher.match(text).name
    assert name is None or name.startswith("out_of_scope")


def test_a_question_about_a_tool_in_the_move_is_still_answered(matcher: Matcher) -> None:
    assert matcher.match("what does docker do for an ML engineer").name == "skill_info"


@pytest.mark.parametrize("text", ["what about the second one?", "and the third?", "tell me about step 1"])
def test_picking_an_item_from_a_list_names_no_topic(matcher: Matcher, text: str) -> None:
    assert matcher.match(text).name is None


def test_a_match_names_the_words_that_drove_it(matcher: Matcher) -> None:
    match = matcher.match("will I have to take a pay cut?")
    assert match.name == "salary"
    assert "salary" in match.matched_words
    assert 0 < match.confidence <= 1


def test_a_fallback_offers_the_likeliest_topics_when_there_are_any(matcher: Matcher) -> None:
    match = matcher.match("machine learning engineer data scientist")
    assert match.name is None
    assert 0 < len(match.alternatives) <= 3
    assert all(name in matcher.intents.names and 0 < score <= 1 for name, score in match.alternatives)


def test_nonsense_and_empty_text_fall_back_without_error(matcher: Matcher) -> None:
    for text in ["", "   ", "?!", "asdfgh qwerty", "🙂", "a" * 4000]:
        assert matcher.match(text).name is None


def test_an_intent_added_as_data_is_matched_without_code(intents: IntentSet) -> None:
    visa = Intent(
        name="visa",
        kind="topic",
        answer="visa",
        cues=["visa", "sponsorship", "work permit"],
        examples=[
            "do MLE jobs offer visa sponsorship",
            "will I need a work permit",
            "visa rules for ML engineers",
            "can employers sponsor my visa",
            "is sponsorship common for MLE roles",
            "work permit for machine learning engineers",
            "visa?",
            "sponsorship for AI engineer jobs",
        ],
    )
    extended = Matcher(IntentSet.of([*intents.intents, visa], intents.lexicon, intents.entity_words))
    assert extended.match("do ML engineering employers sponsor visas").name == "visa"
    assert Matcher(intents).match("do ML engineering employers sponsor visas").name != "visa"
