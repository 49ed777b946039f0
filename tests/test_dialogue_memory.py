"""The bot remembers what users say about themselves within a session, and uses it."""

from __future__ import annotations

import re

import pytest

from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def test_self_description_is_remembered_and_acknowledged(chat):
    reply = chat.say("I'm a data scientist with 3 years of pytorch")
    profile = chat.state["profile"]
    assert profile["current_role"] == "data-scientist"
    assert profile["years"] == 3
    assert "deep-learning-frameworks" in profile["known_skills"]
    assert reply.intent != "fallback"
    assert "Data Scientist" in reply.text


def test_known_skill_is_acknowledged_in_the_gaps_answer(chat, engine):
    docker = engine.knowledge.skills["kubernetes-docker"]
    chat.say("I already know docker")
    text = chat.say(engine.resources.intents.get("skill_gaps").examples[0]).text
    assert "already know" in text and docker.name in text.split("\n")[0]


def test_known_skill_drops_out_of_what_to_learn_first(chat, engine):
    chat.say("I already know docker")
    text = chat.say(engine.resources.intents.get("learn_first").examples[0]).text
    numbered = [line for line in text.splitlines() if line[:1].isdigit()]
    assert numbered and not any("Kubernetes" in line for line in numbered)


@pytest.mark.parametrize(("text", "known", "lacking"), [
    ("I know python but I've never used kubernetes", "python-data-stack", "kubernetes-docker"),
    # what the team built, their own skill said with how well, and a weak spot
    ("fwiw my pipeline side is decent, we built a load of Spark jobs. system design is the weak spot",
     "data-pipelines-etl", "ml-systems-design"),
])
def test_skills_had_and_lacking_are_remembered(chat, text, known, lacking):
    chat.say(text)
    profile = chat.state["profile"]
    assert known in profile["known_skills"]
    assert lacking in profile["lacking_skills"]


def test_a_skill_used_only_a_couple_of_times_is_still_to_build(chat):
    chat.say("I know python and pytorch well, used docker a couple times")
    profile = chat.state["profile"]
    assert "python-data-stack" in profile["known_skills"]
    assert "kubernetes-docker" in profile["lacking_skills"] and "kubernetes-docker" not in profile["known_skills"]


def test_forgetting_keeps_each_sentence_apart(chat):
    chat.say("I'm a data scientist on 52k in Bristol")
    reply = chat.say("forget my salary")
    assert reply.intent == "profile_forget"
    assert not re.search(r"[a-z][.!?][A-Z]", reply.text)


def test_questions_are_not_taken_as_claims(chat):
    chat.say("do I have to learn docker?")
    assert chat.state["profile"]["known_skills"] == []


def test_memory_survives_other_topics(chat, engine):
    chat.say("I already know docker")
    chat.say(engine.resources.intents.get("salary").examples[0])
    chat.say(engine.resources.intents.get("timeline").examples[0])
    assert "kubernetes-docker" in chat.state["profile"]["known_skills"]


def test_ratings_given_in_chat_decide_what_is_known_and_what_is_a_gap(engine):
    chat = MemoryChat(engine)
    reply = chat.say("I rate myself 4 on python, 2 on docker, 1 on kubernetes, 3 on pipelines")
    profile = chat.state["profile"]
    assert reply.intent == "about_me"
    strong = {sid for sid, r in profile["ratings"].items() if r >= 4}
    weak = {sid for sid, r in profile["ratings"].items() if r < 4}
    assert strong and weak
    assert strong <= set(profile["known_skills"]) and not weak & set(profile["known_skills"])
    assert weak <= set(profile["lacking_skills"])


def test_a_background_listing_tools_is_remembered_not_taken_as_a_practice_request(engine):
    chat = MemoryChat(engine)
    reply = chat.say("i'm a DS with 4 yrs exp, mostly python, sql, sklearn, some airflow")
    assert reply.intent == "about_me"
    assert chat.state["mode"] == "chat" and chat.state["profile"]["years"] == 4


def test_a_pasted_job_advert_does_not_become_the_persons_skills(chat):
    chat.say("I'm a data scientist at a bank, here is the advert. ML Engineer, London. You will build pipelines in "
             "Airflow, serve models behind APIs, run them on Kubernetes and work in Python with pandas and "
             "PyTorch. Am I a fit or kidding myself?")
    profile = chat.state["profile"]
    assert not profile["known_skills"] and not profile["ratings"]


def test_forget_that_with_the_fact_forgets_that_fact_only(chat):
    chat.say("I'm a data scientist in London on 60k, 4 years")
    reply = chat.say("forget that I'm in London")
    profile = chat.state["profile"]
    assert reply.intent == "profile_forget"
    assert profile["location"] is None and profile["salary"] == 60000 and profile["years"] == 4


def test_an_interview_answer_that_starts_like_a_forget_request_is_scored(chat):
    chat.say("practice data pipelines")
    said = chat.say("Delete that day's partition first and then reload it, so a rerun of the job always gives the "
                    "same rows instead of doubling them, which is what makes the pipeline idempotent.")
    assert said.feedback is not None


def test_a_list_of_facts_and_a_correction_are_all_remembered(chat):
    chat.say("Some facts about me: Cardiff, 3 years as a DS at a retailer, £44k, about 6 hours a week, good with PyTorch.")
    profile = chat.state["profile"]
    assert (profile["location"], profile["years"], profile["salary"], profile["hours_per_week"]) == \
        ("Cardiff", 3, 44000, 6)
    assert "deep-learning-frameworks" in profile["known_skills"]
    assert profile["current_role"] == "data-scientist"  # "3 years as a DS"
    chat.say("oh actually I got a pay rise, it's 49k now")
    assert chat.state["profile"]["salary"] == 49000


def test_years_in_words_count_and_a_figure_asked_about_is_not_their_pay(chat):
    chat.say("I'm a data scientist at a council in Leeds. Nine years of it now.")
    assert chat.state["profile"]["years"] == 9
    chat.say("how much tax would I pay on 45k?")
    assert chat.state["profile"].get("salary") is None


def test_someone_elses_opinion_of_a_tool_is_not_a_claim_about_the_person(chat):
    chat.say("my manager says docker is overkill for us")
    assert "kubernetes-docker" not in chat.state["profile"]["known_skills"]


@pytest.mark.parametrize(("first", "correction", "field", "value"), [
    ("DS in Oxford, about 3 years in, salary's 60k.", "sorry typo, 66k not 60k", "salary", 66000),
    ("I've been a data scientist for 6 years.", "small correction - it's 7 years not 6", "years", 7),
    ("I can give about 10 hours a week.", "oops 8 hours not 10", "hours_per_week", 8),
    ("I'm a data scientist in Oxford.", "I'm not really in Oxford, I live in Abingdon, just work there.",
     "location", "Abingdon"),
])
def test_a_value_said_to_be_wrong_is_replaced_and_acknowledged(chat, first, correction, field, value):
    chat.say(first)
    reply = chat.say(correction)
    assert chat.state["profile"][field] == value
    assert reply.intent == "about_me"
    assert chat.say("what do you know about me").intent == "profile_recall"


def test_years_listed_among_facts_after_a_greeting_are_kept_and_hours_shape_the_realism_answer(chat):
    reply = chat.say("Evening. DS in Cardiff, 4 years, two small kids so realistically I've got about 4 hours a "
                     "week. Is MLE even doable on that?")
    assert chat.state["profile"]["years"] == 4
    assert reply.intent == "realistic" and "4 hours a week" in reply.text


def test_how_well_in_words_is_not_shown_as_a_rating_they_gave(chat, engine):
    chat.say("my pipeline side is decent tbh")
    profile = chat.state["profile"]
    assert "data-pipelines-etl" in profile["known_skills"] and not profile["ratings"]


def test_a_follow_up_after_new_facts_is_answered_again_with_them(chat):
    chat.say("how long does the switch take?")
    chat.say("I can do 9 hours a week now")
    reply = chat.say("so how long now?")
    assert reply.intent == "timeline" and "9 hours" in reply.text


def test_a_correction_after_a_colon_replaces_the_salary(chat):
    chat.say("I'm a DS in Sheffield with 5 years, on 57k")
    reply = chat.say("Oh, correction: it's £61k now, I got a raise in April.")
    assert chat.state["profile"]["salary"] == 61000
    assert reply.intent != "fallback" and "61,000" in reply.text


@pytest.mark.parametrize("text", ["And where am I based?", "OK. Can you remind me what I told you about my situation?"])
def test_asking_what_was_told_recalls_it(chat, text):
    chat.say("I'm a DS in Sheffield with 5 years, on 57k")
    reply = chat.say(text)
    assert reply.intent == "profile_recall"
    assert "Sheffield" in reply.text and "57,000" in reply.text


def test_forgetting_something_never_held_forgets_nothing(chat):
    chat.say("I'm a data scientist in Birmingham, 5 years, mum of two so maybe 4 hours a week")
    before = chat.state["profile"]
    reply = chat.say("could you forget the bit about my kids? not relevant")
    after = chat.state["profile"]
    assert reply.intent == "profile_forget"
    assert (after["location"], after["years"], after["hours_per_week"]) == \
        (before["location"], before["years"], before["hours_per_week"])


def test_a_skill_claimed_with_an_adverb_is_remembered(chat):
    chat.say("hmm I should say, I actually have used docker quite a lot, our team containerises our batch jobs")
    assert "kubernetes-docker" in chat.state["profile"]["known_skills"]


@pytest.mark.parametrize("asked", ["do you remember where i live?", "what do you have on me now"])
def test_what_the_coach_holds_is_shown_mid_interview(chat, asked):
    chat.say("I live in Bristol and can do 6 hours a week")
    chat.say("practice")
    reply = chat.say(asked)
    assert reply.intent == "profile_recall" and "Bristol" in reply.text
    assert not reply.feedback


def test_forgetting_the_hours_mid_interview_is_not_scored(chat):
    chat.say("I live in Bristol and can do 6 hours a week")
    chat.say("practice")
    chat.replies = ()
    chat.say("forget the hours per week thing, it changes every month")
    assert not any(r.feedback for r in chat.replies)
    assert chat.state["profile"]["hours_per_week"] is None and chat.state["profile"]["location"] == "Bristol"


def test_a_hedge_belongs_to_the_skill_it_stands_by(chat):
    chat.say("I'm a senior data scientist, mostly credit risk models in python and some pytorch for fraud")
    profile = chat.state["profile"]
    assert "python-data-stack" in profile["known_skills"]
    assert "deep-learning-frameworks" in profile["lacking_skills"]
