"""Everyday ways of steering the coach: time stretches of the plan, "when should I start ...?", retries and
skips said loosely, a short retry after feedback, and the reason given for fewer hours a week."""

from __future__ import annotations

import pytest

from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def plan_titles(engine):
    return [step.title for step in engine.knowledge.transitions[engine.knowledge.default_transition].plan]


def test_a_stretch_of_months_gets_the_steps_dated_in_it(chat, engine):
    reply = chat.say("What should I be doing around months three to six of moving into ML engineering?")
    plan = engine.knowledge.transitions[engine.knowledge.default_transition].plan
    dated = [s for s in plan if s.timeframe.start is not None and s.timeframe.start <= 6 and s.timeframe.end >= 3
             and s.timeframe.unit == "month"]
    assert dated and all(step.title in reply.text for step in dated[:3])
    first = plan[0].title
    assert first not in reply.text  # the first weeks are not in months three to six


def test_when_to_start_something_is_answered_by_its_step_of_the_plan(chat, engine):
    reply = chat.say("when shoud i start prepring for career changer interveiw questions")
    plan = engine.knowledge.transitions[engine.knowledge.default_transition].plan
    shown = [step for step in plan if step.title in reply.text]
    assert len(shown) == 1 and shown[0].timeframe.unit == "ongoing"  # throughout the applications


def test_a_day_named_with_the_question_still_gets_the_first_step(chat, engine):
    reply = chat.say("ok. what should I do first on Monday for the move?")
    assert reply.intent != "fallback" and plan_titles(engine)[0] in reply.text


def start_practice(chat):
    chat.say("practice model serving")
    return chat.state["practice"]["question"]


def test_skip_said_first_skips_even_with_no_clue_after_it(chat):
    asked = start_practice(chat)
    reply = chat.say("skip, i've no clue about this one")
    assert reply.question is not None and reply.question["id"] != asked


def test_no_clue_on_its_own_gets_the_hint(chat):
    start_practice(chat)
    assert chat.say("no clue tbh").intent == "hint"


def test_go_again_lets_the_person_retry_the_same_question(chat):
    asked = start_practice(chat)
    chat.say("i would put it on a server")
    reply = chat.say("lemme go again")
    assert reply.question is not None and reply.question["id"] == asked and reply.feedback is None


def test_a_short_retry_after_feedback_is_scored_not_lost(chat):
    asked = start_practice(chat)
    chat.say("i would put it on a server")
    reply = chat.say("you'd just recompute it every 5 minutes with a cron job")
    assert reply.feedback is not None and reply.feedback["question_id"] == asked


def test_did_i_cover_everything_explains_the_score(chat):
    start_practice(chat)
    chat.say("i would put it on a server")
    assert chat.say("did I cover everything now?").intent == "score_explained"


def test_a_one_line_answer_is_not_said_to_answer_another_question(chat):
    start_practice(chat)
    reply = chat.say("i would put it on a server")
    assert reply.feedback is not None and "another question" not in reply.text


def test_asking_what_else_besides_practice_does_not_start_practice(chat):
    reply = chat.say("what can I do here besides practice?")
    assert reply.question is None and reply.intent == "help"


def test_fewer_hours_for_a_family_reason_is_a_timeline_question(chat):
    chat.say("I have 10 hours a week")
    reply = chat.say("and if I drop to 4 hours a week because of the baby?")
    assert reply.intent == "timeline" and "4 hours" in reply.text
    assert chat.say("should i break up with my girlfriend over the pay cut?").intent.startswith("out_of_scope")


@pytest.mark.parametrize(("said", "intent"), [
    ("is it legal for a recruiter to ask my current salary?", "out_of_scope_legal"),
    ("can my employer refuse my flexible working request so I can study?", "out_of_scope_legal"),
    ("can my current employer stop me leaving before my 3 month notice ends?", "out_of_scope_legal"),
    ("do MLE employers sponsor foreign workers?", "out_of_scope_visa"),
])
def test_contracts_law_and_sponsorship_get_an_honest_refusal(chat, said, intent):
    reply = chat.say(said)
    assert reply.intent == intent and reply.question is None


@pytest.mark.parametrize("said", [
    "can you help me put three years of fake MLE experience on my CV?",
    "how do I make a forged Kubernetes certificate look real?",
    "help me lie about my current salary to the recruiter",
    "where can I get the leaked answers to their online assessment?",
])
def test_requests_to_deceive_an_employer_are_declined_with_what_it_can_do_instead(chat, said):
    reply = chat.say(said)
    assert reply.intent == "out_of_scope_dishonest" and reply.question is None


@pytest.mark.parametrize("said", ["how do I stop interviewers thinking my projects are fake?",
                                  "how do I put my model work on my CV without lying that I was an MLE?",
                                  "I don't want to lie about my title, how do I word it?"])
def test_worries_about_seeming_fake_are_not_taken_for_deceit(chat, said):
    assert chat.say(said).intent != "out_of_scope_dishonest"


def test_back_to_practice_naming_another_skill_practises_that_skill(chat, engine):
    chat.say("practice")
    reply = chat.say("back to practice please, pipelines again")
    assert reply.question is not None and "data-pipelines-etl" in reply.question["skills"]


def test_back_to_practice_without_a_new_focus_returns_to_the_open_question(chat):
    asked = chat.say("practice").question
    assert asked is not None
    assert chat.say("ok back to the interview").question == asked


@pytest.mark.parametrize("said", ["thanks that's ace", "thanks, food for thought", "cheers, really useful mate"])
def test_thanks_with_a_word_or_two_more_is_thanks(chat, said):
    assert chat.say(said).intent == "thanks"


def test_thanks_before_a_question_still_answers_the_question(chat):
    assert chat.say("thanks but how long does it take").intent == "timeline"


def test_whats_missing_for_me_outside_an_interview_asks_about_the_gaps(chat):
    assert chat.say("ok what's missing for me specifically").intent == "skill_gaps"


@pytest.mark.parametrize(("said", "intent"), [
    ("are you a real person or a bot", "out_of_scope_chat"),
    ("what's the weather like where you are", "out_of_scope_chat"),
    ("ok and will AI tools replace MLE jobs in 5 years?", "out_of_scope_forecasts"),
])
def test_questions_about_the_coach_and_about_the_future_get_an_honest_reply(chat, said, intent):
    assert chat.say(said).intent == intent


def test_one_other_title_asked_about_is_compared_with_the_role(chat, engine):
    target = engine.knowledge.roles["machine-learning-engineer"]
    reply = chat.say("ok but AI engineer is the hot title now, is that the same thing?")
    assert reply.intent == "role_difference"
    assert "AI engineer" in reply.text and target.name in reply.text.split("\n")[0]


def test_remind_me_what_you_know_recalls_the_profile(chat):
    chat.say("I'm on 85k, lead DS in Newcastle")
    reply = chat.say("remind me what you know about my situation")
    assert reply.intent == "profile_recall" and "85,000" in reply.text


@pytest.mark.parametrize("said", ["will you remember me next time?",
                                  "thanks a lot. you keep my details for the next session?"])
def test_asking_whether_the_coach_remembers_next_time_is_answered(chat, said):
    assert chat.say(said).intent == "transcript_help"


@pytest.mark.parametrize(("asked", "skill", "first", "second"), [
    ("Spark or Kafka, which matters more for an MLE?", "data-pipelines-etl", "Spark", "Kafka"),
    ("And for feature stores, Feast or Tecton?", "feature-stores", "Feast", "Tecton"),
])
def test_two_tools_of_one_skill_set_against_each_other_get_an_answer_about_the_choice(chat, engine, asked, skill,
                                                                                     first, second):
    reply = chat.say(asked)
    opening = reply.text.split("\n\n")[0]
    assert reply.intent == "skill_info" and first in opening and second in opening
    assert engine.knowledge.skills[skill].name in opening


def test_one_tool_named_alone_gets_no_choice_between_tools(chat, engine):
    reply = chat.say("tell me about spark")
    assert reply.text.startswith(engine.knowledge.skills["data-pipelines-etl"].name)
