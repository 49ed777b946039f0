"""Requests, remarks and corrections worded loosely: a mock interview asked for in passing, a remark after
feedback that is not another attempt, a pay figure corrected after an apology, and answers that carry the
guide's advice for the question asked. Through the conversation service, as the API runs a turn."""

from __future__ import annotations

import pytest

from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def practise(chat, request="practice model serving"):
    chat.say(request)
    return chat.state["practice"]["question"]


@pytest.mark.parametrize("text, category", [
    ("I've got a final-round interview next week and the behavioural part scares me. Can you give me a "
     "behavioural question?", "behavioural"),
    ("Right, let's try an interview question. Something on the career change please.", "career-change"),
])
def test_a_question_asked_for_in_passing_starts_a_mock_interview(chat, text, category):
    reply = chat.say(text)
    assert reply.question is not None and reply.question["category"] == category and reply.feedback is None


def test_one_more_on_the_same_theme_asks_a_new_question_of_that_kind(chat):
    first = practise(chat, "give me a career change question")
    chat.say("I'm moving toward ML engineering because I enjoy shipping models more than building reports, "
             "and at my bank I already put our churn model behind an API.")
    reply = chat.say("ok good. give me one more on the same theme")
    assert reply.question is not None and reply.question["id"] != first and reply.feedback is None
    assert reply.question["category"] == "career-change"


def test_a_skill_named_loosely_switches_the_question_to_it(chat):
    practise(chat)
    reply = chat.say("actualy giv me a docker one")
    assert reply.feedback is None and reply.question is not None
    assert "kubernetes-docker" in reply.question["skills"]


def test_a_question_to_ask_the_interviewer_is_not_a_request_for_practice(chat):
    reply = chat.say("can you give me a question to ask the interviewer at the end?")
    assert reply.question is None and reply.feedback is None


@pytest.mark.parametrize("request_, question, intent", [
    ("practice kubernetes", "wait wtf is a pod lol, like before i answer", "term_explained"),
    ("give me a behavioural question", "Before I answer: people keep telling me to 'use STAR'. What does STAR mean?",
     "explain_star"),
])
def test_a_question_put_before_the_answer_is_answered_not_scored(chat, request_, question, intent):
    asked = practise(chat, request_)
    reply = chat.say(question)
    assert reply.feedback is None and reply.intent == intent
    assert chat.state["practice"]["question"] == asked and not chat.state["practice"]["attempts"]


def test_a_remark_after_feedback_is_not_scored_and_changes_nothing(chat):
    practise(chat)
    chat.say("i would put it on a server")
    attempts = chat.state["practice"]["attempts"]
    for remark in ("Thanks. Genuinely helpful. I'll hold off on the notice.", "lmao that one is legit tho right"):
        reply = chat.say(remark)
        assert reply.feedback is None and reply.intent != "fallback", remark
        assert chat.state["practice"]["attempts"] == attempts


def test_a_career_question_after_feedback_that_says_better_is_answered_not_taken_for_the_score(chat):
    practise(chat)
    chat.say("i would put it on a server")
    reply = chat.say("Better than I feared. Last one: given everything I've told you, which mistake am I most "
                     "at risk of making?")
    assert reply.intent == "mistakes"


def test_a_pay_figure_corrected_after_an_apology_replaces_the_old_one(chat):
    chat.say("I'm on 58k")
    reply = chat.say("Oh wait, sorry, I got that wrong. It's £68k, I had a raise in April. Does that change "
                     "the picture?")
    assert chat.state["profile"]["salary"] == 68000
    assert reply.intent == "salary" and "68,000" in reply.text


@pytest.mark.parametrize("text", ["What have I told you about myself so far? I want to check you've got it right.",
                                  "What do you have on file about my skills right now?"])
def test_asking_what_the_coach_holds_shows_it(chat, text):
    chat.say("I'm a data scientist on £61k in Leeds")
    reply = chat.say(text)
    assert reply.intent == "profile_recall" and "61,000" in reply.text and "Leeds" in reply.text


def test_kaggle_comps_are_competitions_not_pay(chat):
    reply = chat.say("Does doing Kaggle comps help for MLE applications, or is that more of a DS thing?")
    assert reply.intent == "portfolio"


def test_quitting_is_answered_with_the_guides_advice_on_keeping_finances_stable(chat, engine):
    transition = next(iter(engine.knowledge.transitions.values()))
    stable = next(h for h in transition.success_habits if h.id == "financial-stability")
    reply = chat.say("I hate my job, should I just quit and retrain as an ML engineer full time?")
    assert stable.detail in reply.text


def test_how_many_applications_to_send_gets_how_to_apply(chat, engine):
    transition = next(iter(engine.knowledge.transitions.values()))
    reply = chat.say("should I apply to lots of jobs or just a few good ones?")
    assert transition.application_approach and transition.application_approach in reply.text


def test_a_cv_described_in_a_story_is_told_to_give_training_its_own_section(chat, engine):
    transition = next(iter(engine.knowledge.transitions.values()))
    training = next(t for t in transition.cv.tips if t.id == "training-section")
    reply = chat.say("My CV is a two-page chronological list of data science jobs and my courses and a small "
                     "deployment project sit at the bottom. How should I reorganise my CV?")
    assert training.title in reply.text


def test_asking_the_coach_to_send_a_cv_is_declined_honestly(chat):
    reply = chat.say("Can you email my CV to a couple of ML engineering recruiters? I'll paste it in.")
    assert reply.intent.startswith("out_of_scope")


def test_asking_whether_to_send_a_cv_is_still_answered(chat):
    reply = chat.say("should I send my CV to recruiters or apply directly?")
    assert not reply.intent.startswith("out_of_scope")


def test_a_job_search_question_mid_interview_is_declined_and_the_question_kept(chat):
    asked = practise(chat, "practice feature stores")
    reply = chat.say("Can you tell me also which companies in Swindon hire MLE?")
    assert reply.intent.startswith("out_of_scope") and reply.feedback is None
    assert chat.state["practice"]["question"] == asked


def test_what_else_is_missing_after_naming_a_skill_they_have_lists_the_rest(chat, engine):
    reply = chat.say("I'm aiming for an MLOps role. I already deploy our models on k8s with Docker and Helm, so "
                     "skip that bit. What else am I missing?")
    others = [s.name for s in engine.knowledge.skills.values() if s.id != "kubernetes-docker"]
    assert sum(name in reply.text for name in others) >= 3


def test_a_story_that_mentions_the_cv_but_asks_another_topic_is_answered_on_that_topic(chat):
    reply = chat.say("I'm quite shy and meeting strangers at events drains me. I'd much rather send applications "
                     "through job boards and let my CV speak for itself. I've got four years as a DS and some "
                     "PyTorch under my belt. Do I really have to network before applying, or are cold "
                     "applications fine?")
    assert reply.intent == "networking"


def test_thanks_before_asking_to_answer_again_is_not_an_attempt(chat):
    practise(chat)
    chat.say("i would put it on a server")
    attempts = chat.state["practice"]["attempts"]
    reply = chat.say("Thank you very much. I want to answer the same question again with better structure.")
    assert reply.feedback is None and chat.state["practice"]["attempts"] == attempts


def test_two_stretches_of_the_plan_named_beside_the_question_get_the_steps_of_each(chat, engine):
    plan = next(iter(engine.knowledge.transitions.values())).plan
    reply = chat.say("You keep saying a timeline, but what actually happens in those months? I'd like a feel for "
                     "what month 3 looks like versus month 9.")
    dated = [s for s in plan if s.timeframe.unit == "month" and s.timeframe.start is not None]
    early = [s for s in dated if s.timeframe.start <= 3 <= s.timeframe.end]
    late = [s for s in dated if s.timeframe.start <= 9 <= s.timeframe.end]
    assert early and late
    assert any(s.title in reply.text for s in early) and any(s.title in reply.text for s in late)


def test_an_assessment_answer_that_sounds_like_a_topic_still_rates_the_skill(chat):
    chat.say("assess my skills")
    first = chat.state["assessment"]["current"]
    reply = chat.say("yes, that's most of my job")
    assert reply.intent == "assessment_question"
    assert chat.state["profile"]["ratings"].get(first, 0) >= 4 and chat.state["assessment"]["current"] != first


def test_another_question_of_the_same_kind_keeps_the_focus(chat):
    practise(chat, "practice data pipelines")
    chat.say("I would make every step idempotent, overwrite partitions by date and keep raw data unchanged.")
    reply = chat.say("I see. Please let me return to the interview. Another question of the same kind, please.")
    assert reply.feedback is None and reply.question is not None
    assert "data-pipelines-etl" in reply.question["skills"]


def test_a_question_on_another_skill_asked_for_in_broken_english_switches_to_it(chat):
    practise(chat, "practice data pipelines")
    reply = chat.say("Can be a question about Python? I am more comfortable there.")
    assert reply.question is not None and "python-data-stack" in reply.question["skills"]


@pytest.mark.parametrize("answer", ["kind of? I use it every day but not sure I'm 'advanced'",
                                    "probably? depends what you count",
                                    "a little. I've read about it more than done it"])
def test_a_doubtful_assessment_answer_is_a_rating_and_the_assessment_goes_on(chat, answer):
    chat.say("assess my skills")
    first = chat.state["assessment"]["current"]
    reply = chat.say(answer)
    assert reply.intent == "assessment_question" and first in chat.state["profile"]["ratings"]
    assert chat.state["profile"]["ratings"][first] < 4


def test_the_focus_of_a_practice_request_may_sit_in_its_next_sentence(chat):
    reply = chat.say("Ok, I want practise. A technical question about design of ML systems, please.")
    assert reply.question is not None and "ml-systems-design" in reply.question["skills"]


def test_now_a_kind_of_question_after_feedback_asks_one_of_that_kind(chat):
    practise(chat)
    chat.say("dynamic batching queues requests for a few milliseconds and runs them together on the GPU, which "
             "raises throughput but adds latency; tune max batch size and max wait")
    reply = chat.say("Good. Now a system design one, something end to end.")
    assert reply.feedback is None and reply.question is not None
    assert "ml-systems-design" in reply.question["skills"]


def test_another_one_on_the_same_skill_is_a_new_question(chat):
    asked = practise(chat)
    chat.say("dynamic batching queues requests and runs them together, raising throughput but adding latency")
    reply = chat.say("ok back to the interview, another serving one please")
    assert reply.question is not None and reply.question["id"] != asked
    assert "model-serving" in reply.question["skills"]


def test_pay_given_in_thousands_with_a_scene_setting_clause_is_used(chat):
    reply = chat.say("My salary now is 61 thousand. When I change, I will lose money?")
    assert chat.state["profile"]["salary"] == 61000
    assert reply.intent == "salary" and "61,000" in reply.text


def test_a_harder_one_keeps_the_skill_of_the_interview(chat):
    practise(chat, "practice kubernetes")
    chat.say("id containerise the model w docker first, slim base image, pin versions, then a k8s deployment")
    reply = chat.say("gimme a harder one")
    assert reply.question is not None and "kubernetes-docker" in reply.question["skills"]


def test_thanks_after_feedback_is_answered_as_thanks(chat):
    practise(chat)
    chat.say("i would put it on a server")
    reply = chat.say("Thanks. Genuinely helpful. I'll hold off on the notice.")
    assert reply.intent == "thanks" and reply.feedback is None


def test_the_most_common_mistake_is_named_first_when_asked_for(chat, engine):
    plan = next(iter(engine.knowledge.transitions.values())).plan
    practical = next(s for s in plan if s.id == "gain-practical-experience")
    reply = chat.say("ok last thing, which mistake do you see most often?")
    assert reply.intent == "mistakes" and practical.timeframe.label in reply.text.split("\n\n")[0]


def test_thanks_mid_interview_is_answered_for_the_interview_under_way(chat, engine):
    outside = MemoryChat(engine).say("thanks")
    practise(chat)
    inside = chat.say("thanks")
    assert inside.intent == outside.intent == "thanks"
    assert inside.text.split("\n")[0] != outside.text.split("\n")[0]  # not the offer to start practising


def test_not_knowing_what_a_skill_is_rates_it_lowest(chat):
    chat.say("assess my skills")
    first = chat.state["assessment"]["current"]
    chat.say("idk what that even is tbh")
    assert chat.state["profile"]["ratings"][first] == 1
