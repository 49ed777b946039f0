"""Asides people make around the coach's main path: a question opened with "quick q", a request the coach
cannot carry out, a correction of what they told it, "why so low" before anything was scored, and
"what am I missing?" outside a mock interview. Through the conversation service, as the API runs a turn."""

from __future__ import annotations

import pytest

from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def test_a_question_after_a_spoken_lead_in_is_answered_not_scored(chat):
    chat.say("practice model serving")
    reply = chat.say("quick q - is onnx actually something MLE interviewers expect you to know or is that overkill")
    assert reply.feedback is None and reply.intent != "fallback"
    assert chat.state["practice"]["awaiting"]


@pytest.mark.parametrize("text, intent", [
    ("thanks. can you also send my CV to some recruiters in London?", "out_of_scope_job_search"),
    ("please post an open to work update on my LinkedIn saying I'm looking for ML engineer roles",
     "out_of_scope_email"),
    ("could you reply to the recruiter for me and say I'm interested", "out_of_scope_email"),
])
def test_an_action_the_coach_cannot_take_is_declined_by_name(chat, text, intent):
    assert chat.say(text).intent == intent


def test_asking_whether_to_reply_to_a_recruiter_is_not_a_request_to_reply(chat):
    assert not chat.say("should I reply to the recruiter who offered 45k or wait?").intent.startswith("out_of_scope")


def test_a_pay_correction_after_an_apology_replaces_the_figure(chat):
    chat.say("hi, DS in leeds on 62k. would i take a pay cut moving to MLE?")
    reply = chat.say("actually sorry it's 58k, 62 was with bonus")
    assert chat.state["profile"]["salary"] == 58000
    assert "58,000" in reply.text and "62,000" not in reply.text


def test_a_correction_with_a_passing_remark_is_acknowledged_not_misunderstood(chat):
    chat.say("I'm a data scientist with 7 years' experience")
    reply = chat.say("Correction — 8 years as a DS, the first year was analyst work. Doesn't change much I guess?")
    assert reply.intent != "fallback" and "8 years" in reply.text
    assert chat.state["profile"]["years"] == 8


@pytest.mark.parametrize("text", ["Would I lose a lot of money moving? £52k now",
                                  "Will my salary go down if I switch from data science to ML engineering?"])
def test_losing_money_by_moving_is_a_question_about_pay(chat, text):
    reply = chat.say(text)
    assert reply.intent == "salary" and "34,000" in reply.text


def test_why_so_low_before_any_score_says_what_an_answer_needs(chat, engine):
    chat.say("practise data pipelines pls")
    question = engine.knowledge.questions[chat.state["practice"]["question"]]
    chat.say("idk we used airflow i think")
    reply = chat.say("why so low")
    assert reply.feedback is None
    assert all(point.label in reply.text for point in question.talking_points)


@pytest.mark.parametrize("text", ["what am I missing?",
                                  "what carries over from my DS job and what am I actually missing?"])
def test_what_am_i_missing_outside_an_interview_lists_the_gaps(chat, text):
    chat.say(text)
    assert "skill_gaps" in [reply.intent for reply in chat.replies]


def test_how_long_for_the_first_gap_gives_the_plans_time_for_it(chat, engine):
    chat.say("what are the main things i need to learn")
    chat.say("which of those first?")
    reply = chat.say("and how long for that one?")
    labels = [step.timeframe.label for step in engine.knowledge.transitions[chat.state["transition"]].plan]
    assert reply.intent != "fallback" and any(label in reply.text for label in labels)


def test_a_question_that_only_sounds_like_the_skills_check_does_not_restart_it(chat):
    chat.say("assess my skills")
    chat.say("2")
    chat.say("am i even ready for mle interviews lol")
    assessment = chat.state["assessment"]
    assert chat.state["mode"] == "assessment" and len(assessment["answered"]) == 1


def test_a_skill_that_usually_carries_over_but_is_doubted_waits_behind_the_roles_gaps(chat, engine):
    chat.say("hey, ds 3 yrs in manchester on 55k, mostly pandas + sklearn, some pytorch.")
    reply = chat.say("so what should i learn first")
    gaps = [skill.name for skill in engine.knowledge.gaps(chat.state["transition"])]
    doubted = engine.knowledge.skills["deep-learning-frameworks"].name
    assert doubted in reply.text
    assert all(reply.text.index(gap) < reply.text.index(doubted) for gap in gaps)


@pytest.mark.parametrize("text, terms", [
    ("hang on, people keep saying pipelines should be 'idempotent' - what does that mean here?", ["idempotent"]),
    ("my manager talks about canary releases and shadow deployments, what does that mean?",
     ["canary-release", "shadow-deployment"]),
])
def test_a_question_pointing_back_at_a_term_it_names_gets_the_definition(chat, engine, text, terms):
    reply = chat.say(text)
    assert reply.intent == "term_explained"
    assert all(engine.knowledge.terms[term].definition in reply.text for term in terms)


def test_a_rhetorical_what_does_that_mean_inside_an_answer_is_still_scored(chat):
    asked = chat.say("practice model serving").question["id"]
    reply = chat.say("I'd ship it as a canary release. What does that mean for users? Only 5% of traffic sees the "
                     "new model first, and we roll back if errors rise.")
    assert reply.intent != "term_explained" and reply.feedback["question_id"] == asked


def test_which_pays_more_after_the_roles_are_compared_is_about_pay(chat):
    chat.say("whats the diff between DS and MLE")
    reply = chat.say("n which pays more")
    assert reply.intent == "salary" and "55,000" in reply.text


def test_a_short_answer_closed_with_done_is_scored_and_the_interview_goes_on(chat):
    chat.say("practice kubernetes and docker")
    reply = chat.say("Containers. Pods. Done.")
    assert reply.feedback is not None and chat.state["mode"] == "practice"


def test_done_after_small_talk_still_ends_the_interview(chat):
    chat.say("practice kubernetes and docker")
    chat.say("ok thanks. done")
    assert chat.state["mode"] != "practice"


@pytest.mark.parametrize("text", [
    "hang on, career q. i'm 34, 7 yrs DS on 74k in sheffield. will i really have to drop to junior pay?",
    "wait, a question not about the answer — in the interview they will ask why I leave data science. What I "
    "should say?",
])
def test_a_question_that_says_it_steps_aside_is_answered_and_the_question_waits(chat, text):
    chat.say("practice")
    replies_before = chat.state["practice"]["question"]
    reply = chat.say(text)
    assert reply.feedback is None and reply.intent != "fallback"
    assert chat.state["practice"]["awaiting"] and chat.state["practice"]["question"] == replies_before


def test_pay_told_in_an_aside_is_used_in_its_answer(chat):
    chat.say("practice")
    chat.say("hang on, career q. i'm on 74k. will i really have to drop to junior pay?")
    assert chat.state["profile"]["salary"] == 74000
    assert "74,000" in " ".join(r.text for r in chat.replies)


def test_a_request_the_coach_cannot_serve_in_an_aside_is_declined(chat):
    chat.say("practice")
    chat.say("unrelated but can you find me mlops jobs in glasgow that take juniors")
    assert chat.replies[0].intent == "out_of_scope_job_search" and chat.state["practice"]["awaiting"]


@pytest.mark.parametrize("text", ["Understood. Then could you ask me one of the career-change interview questions?",
                                  "alright let me try one of those why are you switching questions"])
def test_asking_for_one_of_a_kind_of_question_starts_practice(chat, text):
    assert chat.say(text).question is not None


def test_a_rating_that_points_back_with_it_rates_the_skill_asked_about(chat):
    chat.say("assess my skills")
    asked = chat.state["assessment"]["current"]
    chat.say("kind of, medium level only, I have done some part of it for our churn model deployment but not full")
    assert asked in chat.state["profile"]["ratings"]


def test_a_years_correction_during_the_assessment_is_noted_and_the_rating_asked_again(chat):
    chat.say("I'm a DS, 5 years")
    chat.say("assess my skills")
    asked = chat.state["assessment"]["current"]
    chat.say("sorry, I said 5 years but really is 6, I forget the internship")
    assert chat.state["profile"]["years"] == 6 and chat.state["assessment"]["current"] == asked


def test_a_pay_correction_with_an_apology_and_no_pay_word_replaces_the_figure(chat):
    chat.say("I'm on 60k, data scientist for 5 years")
    chat.say("Ah, apologies — I got that wrong. It's £57k since the regrading in April.")
    assert chat.state["profile"]["salary"] == 57000


def test_delete_all_of_that_forgets_everything_told(chat):
    chat.say("I'm on 60k and based in Leeds")
    chat.say("Please delete all of that. I'd rather you didn't keep my details.")
    profile = chat.state["profile"]
    assert profile["salary"] is None and profile["location"] is None


@pytest.mark.parametrize("text", ["can i download this chat somehow",
                                  "can u save this convo somewhere so i can come back to it"])
def test_saving_the_conversation_is_explained(chat, text):
    assert chat.say(text).intent == "transcript_help"


def test_a_remark_on_the_marking_is_explained_not_scored(chat):
    chat.say("practice")
    chat.say("I would put the model in a container, deploy it behind an API, watch the latency and errors, "
             "and roll back if it gets worse.")
    reply = chat.say("That's harsh. I have actually used Docker at work. Your marking has no idea about that.")
    assert reply.feedback is None and reply.intent == "score_explained"


def test_a_retry_that_says_same_story_is_scored_with_the_answer_before_it(chat):
    chat.say("practice behavioural")
    first = chat.say("I had to explain why our churn model flagged so many loyal customers to the retention team. I "
                     "showed a one-page chart of ten real customers and what drove each score, and asked them to "
                     "tell it back to me in their own words. They changed the offer rules the following week.")
    retry = chat.say("Let me tighten it a bit, same story, but I'd add that churn among flagged customers fell 8% "
                     "that quarter.")
    assert first.feedback and retry.feedback
    assert retry.feedback["score"] >= first.feedback["score"]


def test_a_question_about_the_maximum_score_is_not_a_request_for_help(chat):
    chat.say("practice")
    chat.say("I'm a data scientist at an insurer, five years in, and I've started deploying my own models with "
             "Docker and FastAPI because I enjoy seeing them used; next I want a role where that is the job.")
    assert chat.say("whats the max").intent != "help"


@pytest.mark.parametrize("text, kind", [
    ("hey! 29, edinburgh, 3 years DS at a healthtech startup, mostly pytorch. id like to practise behavioural "
     "questions for MLE interviews", "behavioural"),
    ("I use pytorch daily. practice kubernetes", "kubernetes-docker"),
])
def test_the_focus_of_practice_is_what_the_request_names_not_the_story_around_it(chat, engine, text, kind):
    asked = chat.say(text).question
    question = engine.knowledge.questions[asked["id"]]
    assert kind in (question.category, *question.skills)
