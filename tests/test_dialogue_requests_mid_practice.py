"""Requests people type in the middle of a mock interview, and around what the coach remembers: a question on
a named topic, a step followed by a question, a passing "I keep forgetting", and asking to forget or to pass
the transcript on. Through the conversation service, as the API runs a turn."""

from __future__ import annotations

import pytest

from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def _asked(engine, reply):
    assert reply.feedback is None and reply.question is not None
    return engine.knowledge.questions[reply.question["id"]]


@pytest.mark.parametrize("text, skill", [
    ("Good. Now give me question about docker and kubernetes", "kubernetes-docker"),
    ("ok give me one about model serving", "model-serving"),
    ("one on project coordination now", "project-coordination"),
])
def test_a_request_for_a_question_on_a_topic_asks_one_instead_of_scoring_it(chat, engine, text, skill):
    chat.say("practice")
    question = _asked(engine, chat.say(text))
    assert any(skill in s for s in question.skills)


def test_a_request_about_non_technical_people_is_not_read_as_asking_for_a_technical_question(chat, engine):
    chat.say("practice")
    question = _asked(engine, chat.say("give me one about explaining stuff to non-technical people"))
    assert question.category != "technical"


@pytest.mark.parametrize("text", ["stop please. Can we talk in Polish? My English is not so good",
                                  "stop please. Can we talk in Polish?"])
def test_a_step_then_a_question_takes_the_step_and_answers_the_question(chat, text):
    chat.say("practice")
    chat.say("skip")
    chat.say(text)
    intents = [r.intent for r in chat.replies]
    assert not any(r.feedback for r in chat.replies)
    assert chat.state["mode"] != "practice"
    assert "out_of_scope_language" in intents


def test_ask_me_again_repeats_the_open_question(chat, engine):
    first = _asked(engine, chat.say("practice"))
    again = chat.say("ok nvm ask me again")
    assert again.feedback is None and first.text in again.text


def test_keep_forgetting_in_a_question_forgets_nothing(chat):
    chat.say("I'm on 57k in Leeds")
    chat.say("give me a technical question on ML system design")
    chat.say("I'd start with the requirements: batch or real time, the latency budget and how often data changes.")
    reply = chat.say("wait how long does the move usually take btw, I keep forgetting")
    assert reply.intent != "profile_forget" and "6-12" in " ".join(r.text for r in chat.replies)
    assert chat.state["profile"].get("salary")


@pytest.mark.parametrize("text", ["can you forget all that pls, dont love it being stored",
                                  "ok, delete everything you have on me"])
def test_asking_to_forget_in_other_words_forgets(chat, text):
    chat.say("I'm on 57k in Leeds")
    assert chat.say(text).intent == "profile_forget"
    assert not chat.state["profile"].get("salary")


@pytest.mark.parametrize("text, intent", [
    ("send the transcript to my gmail", "out_of_scope_email"),
    ("forward this chat to my manager please", "out_of_scope_email"),
    ("how do I save the transcript of all this?", "transcript_help"),
    ("can I get the transcript as markdown?", "transcript_help"),
    ("ok. can I upload my CV so you check it?", "out_of_scope_upload"),
])
def test_transcript_requests_are_told_what_the_coach_can_and_cannot_do(chat, text, intent):
    assert chat.say(text).intent == intent


def test_a_wish_in_a_story_does_not_start_the_skills_check(chat):
    reply = chat.say("Been a DS for 3 yrs at an insurer, mostly xgboost and sql. My manager says the platform "
                     "team might open an MLE role next year and I'd like to be ready. Realistically how long "
                     "would it take me to get there?")
    assert reply.intent == "timeline" and chat.state["mode"] == "chat"


def test_a_story_naming_skills_the_person_has_is_answered_by_its_question(chat):
    reply = chat.say("I already use Docker and Kubernetes daily - our team runs its own models on k8s. "
                     "So what should I focus on?")
    assert reply.intent == "learn_first"


def test_a_skill_asked_about_after_a_story_is_not_claimed(chat):
    chat.say("hiya. been a DS for 3 yrs at an insurer in leeds, mostly xgboost and sql. ive started looking at MLE "
             "jobs. so realisticaly how long would it take me to switch and do i actualy need kubernetes??")
    profile = chat.state["profile"]
    assert profile["years"] == 3 and not profile["known_skills"]


def test_years_told_as_ds_for_n_years_are_remembered(chat):
    chat.say("hey, DS for 3 years at a travel tech company in Edinburgh, on about 52k. mostly want interview prep")
    assert chat.state["profile"]["years"] == 3


def test_weak_is_a_rating_in_the_assessment(chat):
    chat.say("assess my skills")
    reply = chat.say("weak, honestly")
    assert reply.intent == "assessment_question" and chat.state["profile"]["ratings"]


def test_a_request_in_portuguese_is_declined_honestly(chat):
    assert chat.say("podemos conversar em português? seria mais fácil pra mim").intent == "out_of_scope_language"


def test_hours_offered_beside_a_question_about_hours_shape_the_answer(chat):
    reply = chat.say("how many hours a week would I need? I can maybe do 5 around shifts")
    assert chat.state["profile"]["hours_per_week"] == 5
    assert "5 hours" in reply.text


def test_asking_whether_a_score_is_a_pass_explains_it_and_keeps_the_question(chat):
    chat.say("practice")
    asked = chat.say("I am a data scientist at a bank and I built churn models, now I want to move into ML "
                     "engineering because I like building systems")
    question_id = asked.feedback["question_id"]
    reply = chat.say("is 60 a pass?")
    assert reply.intent == "score_explained" and reply.question is None
    assert chat.state["practice"]["question"] == question_id


def test_a_phrase_like_in_practice_inside_a_question_is_no_request_to_practise(chat):
    chat.say("practice")
    open_question = chat.state["practice"]["question"]
    reply = chat.say("What is a bridging role, in practice, for someone at an insurer?")
    assert reply.question is None or reply.question["id"] == open_question
    assert all(r.intent != "practice_question" for r in chat.replies)
    assert chat.state["practice"]["question"] == open_question


def test_a_clipped_answer_is_taken_as_an_attempt_not_a_question(chat):
    chat.say("practice")
    reply = chat.say("Would use pandas.")
    assert reply.feedback is not None


def test_continue_after_a_side_question_goes_back_to_the_waiting_question(chat):
    chat.say("practice")
    waiting = chat.state["practice"]["question"]
    chat.say("Side question. How many applications before an offer, realistically?")
    reply = chat.say("continue")
    assert reply.question is not None and reply.question["id"] == waiting


def test_asked_which_part_was_weakest_the_score_explanation_names_it(chat):
    chat.say("practice")
    scored = chat.say("I am a data scientist at a bank and I built churn models for years and now I want to move "
                      "into ML engineering because I love building systems")
    criteria = scored.feedback["criteria"]
    weakest = min(criteria, key=lambda c: c["score"] / c["max"])
    reply = chat.say("which criterion was the worst?")
    assert reply.intent == "score_explained"
    assert f"{weakest['label']}, {weakest['score']} of {weakest['max']}" in reply.text
