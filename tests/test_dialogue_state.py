"""Stored state keeps working: JSON round trips, old versions, corrupt values, arbitrary text."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatbot.dialogue.state import STATE_VERSION

DEFAULT = "data-scientist-to-machine-learning-engineer"


def test_state_is_versioned_json(engine):
    state = engine.open(None).state
    assert state["v"] == STATE_VERSION
    assert json.loads(json.dumps(state)) == state


def test_respond_does_not_touch_the_state_it_was_given(engine):
    state = engine.open(None).state
    before = copy.deepcopy(state)
    engine.respond(state, "practice")
    assert state == before


def test_version_one_state_is_upgraded_keeping_the_transition(engine):
    turn = engine.respond({"v": 1, "transition": DEFAULT}, "practice")
    assert turn.state["v"] == STATE_VERSION
    assert turn.state["transition"] == DEFAULT
    assert turn.replies[-1].intent == "practice_question"


def test_version_two_practice_keeps_its_scores_and_retry_comparison(engine):
    """Version 2 stored each attempt's whole feedback; after the upgrade a retry still shows the change."""
    question = "idempotent-pipelines"
    old_feedback = {"question_id": question, "score": 12, "criteria": [], "tips": [],
                    "talking_points": {"covered": [], "missed": ["x"]}}
    stored = {"v": 2, "transition": DEFAULT, "mode": "practice",
              "practice": {"question": question, "awaiting": True, "retrying": True, "asked": [question],
                           "attempts": {question: [{"score": 12, "feedback": old_feedback}]}}}
    answer = ("An idempotent pipeline gives the same result however many times it runs, so I write each "
              "daily partition with an overwrite keyed on the run date instead of appending rows. In my last "
              "job that let us rerun a failed Airflow task safely and backfill a month of data without duplicates.")
    turn = engine.respond(stored, answer)
    change = turn.replies[-1].feedback["change"]
    assert change["previous_score"] == 12 and change["delta"] == turn.replies[-1].feedback["score"] - 12
    attempts = turn.state["practice"]["attempts"][question]
    assert [a["score"] for a in attempts][0] == 12 and "feedback" not in attempts[-1]
    assert turn.state["v"] == STATE_VERSION


@pytest.mark.parametrize("stored", [
    None, [], "state", 42, {}, {"v": 99, "transition": DEFAULT}, {"v": "2"},
    {"v": STATE_VERSION, "transition": "no-such-move"},
    {"v": STATE_VERSION, "transition": DEFAULT, "mode": "dancing"},
    {"v": STATE_VERSION, "transition": DEFAULT, "practice": "junk", "assessment": [1, 2]},
    {"v": STATE_VERSION, "transition": DEFAULT, "practice": {"question": "gone", "awaiting": True}},
    {"v": STATE_VERSION, "transition": DEFAULT, "mode": "assessment", "assessment": {"current": "no-skill"}},
    {"v": STATE_VERSION, "transition": DEFAULT, "profile": {"ratings": {"model-serving": 40, "nope": 2}}},
])
def test_unreadable_state_is_reset_or_repaired_without_raising(engine, stored):
    turn = engine.respond(stored, "help")
    assert turn.state["v"] == STATE_VERSION
    assert turn.state["transition"] in engine.transitions()
    assert turn.replies[-1].intent == "help"
    assert all(1 <= r <= 5 for r in turn.state["profile"]["ratings"].values())


def test_a_broken_section_does_not_lose_the_others(engine):
    stored = {"v": STATE_VERSION, "transition": DEFAULT, "practice": "junk",
              "profile": {"known_skills": ["kubernetes-docker"]}}
    turn = engine.respond(stored, "menu")
    assert turn.state["profile"]["known_skills"] == ["kubernetes-docker"]


def test_an_open_question_that_no_longer_exists_is_dropped(engine):
    stored = {"v": STATE_VERSION, "transition": DEFAULT, "mode": "practice",
              "practice": {"question": "retired-question", "awaiting": True}}
    turn = engine.respond(stored, "what does an ML engineer earn?")
    assert turn.replies[-1].intent != "practice_feedback"
    assert turn.state["practice"]["question"] is None


MODES = ["chat", "practice", "assess my skills"]


@pytest.fixture(scope="module")
def states(engine):
    """A state in each mode, for the property tests below."""
    opened = engine.open(None).state
    return {
        "chat": opened,
        "practice": engine.respond(opened, "practice").state,
        "assess my skills": engine.respond(opened, "assess my skills").state,
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), mode=st.sampled_from(MODES))
def test_any_text_in_any_mode_gives_a_reply_and_json_state(engine, states, text, mode):
    turn = engine.respond(states[mode], text)
    assert turn.replies
    assert all(reply.text and reply.intent for reply in turn.replies)
    assert json.loads(json.dumps(turn.state)) == turn.state


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stored=st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["v", "transition", "mode", "practice", "profile", "assessment", "last_list",
                         "question", "ratings", "attempts", "pending", "current"]), inner, max_size=4),
    max_leaves=12))
def test_any_stored_value_is_accepted(engine, stored):
    turn = engine.respond(stored, "next")
    assert turn.replies and turn.state["v"] == STATE_VERSION
