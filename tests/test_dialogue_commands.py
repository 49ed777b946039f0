"""Every command API.md promises works exactly as typed, in every mode of the conversation."""

from __future__ import annotations

import pytest

from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)

API_COMMANDS = ["help", "menu", "restart", "practice", "practise", "practice model serving", "next", "skip",
                "stop", "assess my skills", "summary"]
EXPECTED_IN_CHAT = {
    "help": "help",
    "menu": "menu",
    "restart": "restart",
    "practice": "practice_question",
    "practise": "practice_question",
    "practice model serving": "practice_question",
    "next": "practice_question",
    "skip": "practice_question",
    "stop": "summary",
    "assess my skills": "assessment_question",
    "summary": "summary",
}


def test_opening_turn_greets_and_offers_quick_replies(engine):
    turn = engine.open(None)
    (reply,) = turn.replies
    assert reply.intent == "greeting"
    assert len(reply.quick_replies) >= 2
    assert turn.state["transition"] == engine.knowledge.default_transition


def test_opening_quick_replies_are_all_understood(engine):
    opening = engine.open(None)
    for choice in opening.replies[0].quick_replies:
        assert engine.respond(opening.state, choice).replies[-1].intent != "fallback", choice


def test_unknown_transition_is_refused(engine):
    with pytest.raises(ValueError):
        engine.open("teacher-to-astronaut")


def test_transitions_lists_the_default_move(engine):
    assert engine.knowledge.default_transition in engine.transitions()


@pytest.mark.parametrize("command", API_COMMANDS)
def test_command_works_as_typed_in_chat(chat, command):
    assert chat.say(command).intent == EXPECTED_IN_CHAT[command]


@pytest.mark.parametrize("command", [c.upper() for c in API_COMMANDS] + [f"  {c}!  " for c in API_COMMANDS])
def test_commands_survive_case_and_punctuation(chat, command):
    assert chat.say(command).intent == EXPECTED_IN_CHAT[command.strip(" !").lower()]


def test_practice_skill_name_focuses_the_questions(chat):
    reply = chat.say("practice model serving")
    assert "model-serving" in reply.question["skills"]


@pytest.mark.parametrize(("command", "intent"), [
    ("help", "help"), ("menu", "menu"), ("hint", "hint"), ("model answer", "model_answer"),
    ("next", "practice_question"), ("skip", "practice_question"), ("stop", "summary"),
    ("summary", "summary"), ("restart", "restart"), ("practice", "practice_question"),
    ("assess my skills", "assessment_question"),
])
def test_commands_are_not_taken_for_answers_while_a_question_is_open(chat, command, intent):
    chat.say("practice")
    assert chat.say(command).intent == intent


def test_help_during_practice_keeps_the_question_open(chat):
    asked = chat.say("practice").question
    chat.say("help")
    reply = chat.say("I would start by clarifying the requirements and the latency budget.")
    assert reply.intent == "practice_feedback"
    assert reply.feedback["question_id"] == asked["id"]


def test_stop_during_assessment_gives_the_plan(chat):
    chat.say("assess my skills")
    assert chat.say("stop").intent == "assessment_plan"


def test_skip_during_assessment_moves_to_the_next_skill(chat):
    first = chat.say("assess my skills").text
    second = chat.say("skip")
    assert second.intent == "assessment_question"
    assert second.text != first


def test_restart_forgets_everything_but_the_transition(chat, engine):
    chat.say("I already know docker")
    chat.say("practice")
    chat.say("I would containerise the model and serve it behind an API.")
    reply = chat.say("restart")
    assert reply.intent == "restart"
    assert chat.state == engine.open(chat.state["transition"]).state


@pytest.mark.parametrize("command", ["hint", "try again", "model answer"])
def test_practice_commands_without_a_question_say_so(chat, command):
    reply = chat.say(command)
    assert reply.intent != "fallback"
    assert reply.question is None and reply.feedback is None
    assert "practice" in [choice.lower() for choice in reply.quick_replies]


@pytest.mark.parametrize("opener", ["help", "menu", "summary", "thanks", "restart", "tell me more",
                                    "I already know docker", "what's the weather like on Mars?"])
def test_quick_replies_of_every_kind_of_reply_are_understood(engine, opener):
    first = MemoryChat(engine)
    offered = first.say(opener).quick_replies
    assert offered
    for choice in offered:
        assert engine.respond(first.state, choice).replies[-1].intent != "fallback", (opener, choice)


@pytest.mark.parametrize("text", ["Thanks, that's clear.", "that's clear", "ok clear"])
def test_saying_something_is_clear_never_wipes_the_session(chat, text):
    chat.say("I'm a data scientist on 55k in Leeds")
    reply = chat.say(text)
    assert reply.intent != "restart"
    assert chat.state["profile"]["salary"] == 55000


@pytest.mark.parametrize("text", ["can we start over", "I want a fresh start", "wipe everything and start again"])
def test_asking_to_start_over_in_own_words_still_restarts(chat, text):
    chat.say("I'm a data scientist on 55k in Leeds")
    assert chat.say(text).intent == "restart"
    assert chat.state["profile"]["salary"] is None


def test_a_request_it_cannot_serve_is_not_taken_for_a_command_in_one_of_its_clauses(chat):
    reply = chat.say("can you email me the plan and this summary?")
    assert reply.intent.startswith("out_of_scope")
