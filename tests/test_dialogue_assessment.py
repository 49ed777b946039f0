"""Self-assessment: one skill at a time, natural answers, early stop, then a personal plan."""

from __future__ import annotations

import pytest

from chatbot.dialogue.formatting import duration
from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def gaps(engine):
    return engine.knowledge.gaps(engine.knowledge.default_transition)


def test_assessment_asks_about_one_skill_at_a_time_with_quick_answers(chat, engine):
    reply = chat.say("assess my skills")
    assert reply.intent == "assessment_question"
    assert gaps(engine)[0].name in reply.text
    assert {"Yes, regularly", "A bit", "Never used it", "1", "5"} <= set(reply.quick_replies)


def test_natural_answers_are_understood_and_move_on(chat, engine):
    chat.say("assess my skills")
    answers = ["never used it", "a bit", "yes, regularly", "2", "I'd say 4/5"]
    for answer, skill in zip(answers, gaps(engine), strict=True):
        reply = chat.say(answer)
        assert reply.intent in {"assessment_question", "assessment_plan"}, answer
        assert skill.id in chat.state["profile"]["ratings"], answer
    ratings = chat.state["profile"]["ratings"]
    assert ratings[gaps(engine)[3].id] == 2 and ratings[gaps(engine)[4].id] == 4
    assert ratings[gaps(engine)[0].id] < ratings[gaps(engine)[1].id] < ratings[gaps(engine)[2].id]


def test_every_quick_answer_counts_as_a_rating(chat):
    offered = chat.say("assess my skills").quick_replies
    for choice in offered:
        if choice.lower() == "stop":
            continue
        before = dict(chat.state["profile"]["ratings"])
        chat.say(choice)
        assert len(chat.state["profile"]["ratings"]) == len(before) + 1, choice


def test_unclear_answer_asks_the_same_skill_again(chat, engine):
    chat.say("assess my skills")
    reply = chat.say("hmm purple")
    assert reply.intent == "assessment_question"
    assert gaps(engine)[0].name in reply.text
    assert chat.state["profile"]["ratings"] == {}


def test_a_topic_question_mid_assessment_is_answered_then_the_skill_asked_again(chat, engine):
    chat.say("assess my skills")
    chat.say(engine.resources.intents.get("salary").examples[0])
    intents = [reply.intent for reply in chat.replies]
    assert intents == ["salary", "assessment_question"]


def test_stopping_early_gives_a_plan_weakest_gap_first(chat, engine):
    gap = gaps(engine)
    chat.say("assess my skills")
    chat.say("4")
    chat.say("1")
    chat.say("3")
    plan = chat.say("stop")
    assert plan.intent == "assessment_plan"
    numbered = [line for line in plan.text.splitlines() if line[:1].isdigit()]
    assert gap[1].name in numbered[0]
    assert not any(gap[0].name in line for line in numbered)
    assert plan.quick_replies[0] == f"Practice {gap[1].name.lower()}"


def test_plan_timeline_is_scaled_and_states_its_basis(chat, engine):
    transition = engine.knowledge.transitions[engine.knowledge.default_transition]
    chat.say("assess my skills")
    for _ in gaps(engine)[:3]:
        chat.say("5")
    text = chat.say("stop").text
    assert duration(transition.timeline.duration) in text
    listed = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(listed) == 2 and f"you have {len(listed)} to build" in text  # the count states what is listed


def test_plan_counts_and_timeline_agree_when_every_skill_is_rated_middling(chat, engine):
    reply = chat.say("assess my skills")
    while reply.intent != "assessment_plan":
        reply = chat.say("3")
    listed = [line for line in reply.text.splitlines() if line[:1].isdigit()]
    assert len(listed) == len(engine.knowledge.skills)
    assert f"you have {len(listed)} skills to build" in reply.text
    steps = [line for line in reply.text.splitlines() if line.startswith("- ")]
    first = engine.knowledge.transitions[engine.knowledge.default_transition].plan[0]
    assert first.timeframe.label in steps[0]  # the plan starts at its beginning


def test_plan_offers_practice_on_the_weakest_skill_and_it_works(chat, engine):
    gap = gaps(engine)
    chat.say("assess my skills")
    chat.say("3")
    chat.say("1")
    offer = chat.say("stop").quick_replies[0]
    question = chat.say(offer).question
    assert gap[1].id in question["skills"]


def test_plain_practice_after_assessment_favours_the_weakest_skill(chat, engine):
    gap = gaps(engine)
    chat.say("assess my skills")
    for skill in gap:
        chat.say("1" if skill == gap[3] else "5")
    chat.say("stop")
    assert gap[3].id in chat.say("practice").question["skills"]


def test_starting_an_assessment_mid_practice_closes_the_question(chat, engine):
    chat.say("practice")
    chat.say("assess my skills")
    reply = chat.say("3")
    assert reply.intent == "assessment_question"
    assert chat.state["profile"]["ratings"] == {gaps(engine)[0].id: 3}


def test_assessing_again_asks_every_skill_again(chat, engine):
    chat.say("assess my skills")
    chat.say("2")
    chat.say("stop")
    again = chat.say("assess my skills")
    assert gaps(engine)[0].name in again.text
    chat.say("5")
    assert chat.state["profile"]["ratings"][gaps(engine)[0].id] == 5


def test_the_assessment_can_be_retaken_and_shows_what_changed(chat, engine):
    reply = chat.say("assess my skills")
    while reply.intent != "assessment_plan":
        reply = chat.say("2")
    reply = chat.say("ok I did a docker course last month, assess my skills again")
    assert reply.intent == "assessment_question"
    while reply.intent != "assessment_plan":
        reply = chat.say("4")
    skill = engine.knowledge.skills["kubernetes-docker"]
    assert f"{skill.name} 2/5 → 4/5" in reply.text


def test_a_rating_said_as_a_question_still_counts(engine):
    chat = MemoryChat(engine)
    first = chat.say("assess my skills")
    second = chat.say("not sure, maybe 2 out of 5?")
    third = chat.say("i think yes?")
    assert first.text != second.text != third.text
    assert second.intent == third.intent == "assessment_question"


@pytest.mark.parametrize("hedged", ["not sure, maybe a little?", "kind of", "once, long ago"])
def test_a_hedged_answer_is_a_low_rating_not_a_question(chat, engine, hedged):
    chat.say("assess my skills")
    chat.say(hedged)
    assert chat.state["profile"]["ratings"][gaps(engine)[0].id] < 3


def test_the_counter_keeps_counting_after_a_skip_and_a_hedged_dont_know_is_a_low_rating(chat, engine):
    total = chat.say("assess my skills").text.split("1/")[1].split(":")[0]
    assert f"2/{total}:" in chat.say("skip").text
    assert f"3/{total}:" in chat.say("idk, maybe a little").text
    assert chat.state["profile"]["ratings"][gaps(engine)[1].id] <= 3
    assert f"4/{total}:" in chat.say("a bit").text


def test_a_question_in_the_middle_is_answered_and_the_rating_asked_again(chat, engine):
    chat.say("assess my skills")
    chat.say("never used it")
    chat.say("ok and what do entry level MLEs earn? asking for a friend who is on 50k")
    assert [r.intent for r in chat.replies] == ["salary", "assessment_question"]


def test_what_to_do_first_mid_assessment_gets_the_plan_from_the_ratings_so_far(chat, engine):
    chat.say("assess my skills")
    chat.say("never used it")
    plan = chat.say("ok what i should do first? i have maybe 8 hours per week after work")
    assert plan.intent == "assessment_plan" and gaps(engine)[0].name in plan.text
    assert "8 hours" in plan.text
    started = chat.say("ok practise my weakest skill")
    assert started.question is not None and started.feedback is None


def test_several_skills_rated_in_one_line_are_all_recorded_and_the_assessment_goes_on(chat, engine):
    chat.say("assess my skills")
    first = chat.state["assessment"]["current"]
    reply = chat.say("python 4, docker 2, kubernetes 1, pipelines 3")
    ratings = chat.state["profile"]["ratings"]
    skills = engine.knowledge.skills
    by_name = {s.id: s for s in skills.values()}
    rated = {sid for sid in ratings}
    assert len(rated) >= 3  # python, containers (docker and kubernetes are one skill) and pipelines
    containers = next(sid for sid in rated if "docker" in by_name[sid].name.lower())
    assert ratings[containers] == 1  # the lower of the two ratings given for that skill
    assert reply.intent == "assessment_question"
    assert all(by_name[sid].name in reply.text for sid in rated)  # each rating acknowledged
    assert chat.state["assessment"]["current"] == first  # the skill asked about is still to rate
    assert not rated & set(chat.state["assessment"]["pending"])  # and rated skills are not asked again


def test_a_plan_asked_for_with_a_fact_mid_assessment_ends_it_and_uses_the_fact(chat):
    chat.say("assess my skills")
    chat.say("2")
    reply = chat.say("make me a plan, i have 7 hours a week")
    assert reply.intent == "assessment_plan"
    assert chat.state["profile"]["hours_per_week"] == 7 and "7 hours" in reply.text
    assert len(chat.state["profile"]["ratings"]) == 1  # the 7 was hours, not a rating


def test_a_zero_and_words_of_how_well_count_as_ratings_in_a_one_line_dump(chat, engine):
    chat.say("assess my skills")
    chat.say("python 5, systems design 2, feature stores 0")
    ratings = chat.state["profile"]["ratings"]
    assert ratings["feature-stores"] == 1  # none at all is the bottom of the scale, not dropped
    reply = chat.say("communication is fine, analytical strong")
    ratings = chat.state["profile"]["ratings"]
    assert ratings["structured-communication"] >= 3 and ratings["analytical-thinking"] >= 3
    assert reply.intent in {"assessment_question", "assessment_plan"}


@pytest.mark.parametrize("asked", ["can I see my plan now", "ok can we stop there and get my plan?"])
def test_asking_for_the_plan_in_own_words_ends_the_assessment_with_it(chat, asked):
    chat.say("assess my skills")
    chat.say("2")
    assert chat.say(asked).intent == "assessment_plan"


def test_asking_what_is_remembered_mid_assessment_shows_it_then_asks_the_skill_again(chat, engine):
    chat.say("I'm a DS in Brighton, 6 years in, and I can spare 5 hours a week")
    chat.say("assess my skills")
    chat.say("3")
    chat.say("what do you remember about my situation?")
    recalled, again = chat.replies
    assert "Brighton" in recalled.text and "5" in recalled.text
    assert again.intent == "assessment_question" and gaps(engine)[1].name in again.text


@pytest.mark.parametrize(("text", "skill", "rating"), [
    ("docker yes a bit, kubernetes never", "kubernetes-docker", None),
    ("pipelines... maybe? another team runs our airflow", "data-pipelines-etl", 2),  # a hedge, said of another
])
def test_an_answer_rating_another_skill_rates_that_skill_and_asks_the_same_again(chat, engine, text, skill, rating):
    chat.say("assess my skills")
    asked = chat.state["assessment"]["current"]
    assert asked != skill
    reply = chat.say(text)
    ratings = chat.state["profile"]["ratings"]
    assert skill in ratings and asked not in ratings and rating in (None, ratings[skill])
    assert engine.knowledge.skills[skill].name in reply.text  # acknowledged
    assert chat.state["assessment"]["current"] == asked and engine.knowledge.skills[asked].name in reply.text


def test_not_knowing_what_a_skill_is_rates_it_lowest_and_every_rating_is_acknowledged(chat, engine):
    chat.say("assess my skills")
    asked = chat.state["assessment"]["current"]
    reply = chat.say("I don't know what that is")
    assert chat.state["profile"]["ratings"][asked] == 1
    assert engine.knowledge.skills[asked].name in reply.text and "1/5" in reply.text


def test_a_summary_before_any_practice_gives_the_assessments_gaps_weakest_first(chat, engine):
    chat.say("assess my skills")
    first, second = gaps(engine)[0], gaps(engine)[1]
    chat.say("a bit")
    chat.say("never")
    chat.say("stop the assessment and show the plan")
    text = chat.say("summary").text
    assert second.name in text and first.name in text
    assert text.index(second.name) < text.index(first.name)  # rated lower, so it comes first


@pytest.mark.parametrize(("answer", "confident"), [("Used it loads at uni and at work, fine", True),
                                                    ("only at uni", False), ("alright I guess", False)])
def test_a_place_learned_hedges_only_when_nothing_says_more(chat, engine, answer, confident):
    chat.say("assess my skills")
    chat.say(answer)
    rating = chat.state["profile"]["ratings"][gaps(engine)[0].id]
    assert (rating >= 4) == confident


def test_skills_rated_as_labels_in_one_message_are_all_recorded(chat, engine):
    chat.say("assess my skills")
    reply = chat.say("can i just dump it all? pytorch: solid. docker and kubernetes: use them every day. "
                     "ML systems design: kind of weak tbh. feature stores: never touched one.")
    ratings = chat.state["profile"]["ratings"]
    assert ratings["feature-stores"] == 1
    assert ratings["kubernetes-docker"] >= 3 and ratings["deep-learning-frameworks"] >= 3
    assert ratings["ml-systems-design"] < 3
    assert reply.intent == "assessment_question"


def test_a_rating_contradicted_later_in_words_is_not_kept(chat, engine):
    chat.say("assess my skills")
    chat.say("feature stores: never touched one. ML systems design: 2")
    chat.say("stop")
    chat.say("actually wait, scratch what I said about feature stores, we used feast for months. I'd call it decent")
    profile = chat.state["profile"]
    assert "feature-stores" in profile["known_skills"] and "feature-stores" not in profile["ratings"]
    weakest = chat.say("so what's my weakest now").text.split("\n")[0]
    assert engine.knowledge.skills["ml-systems-design"].name in weakest
    assert engine.knowledge.skills["feature-stores"].name not in weakest


def test_what_to_do_first_right_after_the_plan_says_how_to_build_its_first_gap(chat, engine):
    chat.say("assess my skills")
    chat.say("feature stores: never touched one. ML systems design: 2")
    plan = chat.say("stop")
    first_gap = next(line for line in plan.text.splitlines() if line[:1].isdigit())
    reply = chat.say("what should i do first, concretely")
    assert reply.intent != "assessment_plan"
    assert engine.knowledge.skills["feature-stores"].name in first_gap
    assert engine.knowledge.skills["feature-stores"].name in reply.text.split("\n")[0]
    assert any(way in reply.text for way in engine.knowledge.skills["feature-stores"].build_evidence)


def test_a_rating_opening_with_words_like_from_scratch_is_no_restart(chat, engine):
    chat.say("assess my skills")
    reply = chat.say("kind of, never built one myself from scratch")
    assert chat.state["profile"]["ratings"][gaps(engine)[0].id] < 3
    assert "2/" in reply.text


@pytest.mark.parametrize("word, low", [("competent", False), ("Medium", True)])
def test_words_of_how_well_are_ratings(chat, engine, word, low):
    chat.say("assess my skills")
    chat.say(word)
    assert (chat.state["profile"]["ratings"][gaps(engine)[0].id] < 3) == low


def test_a_low_rating_in_the_assessment_overrides_a_skill_claimed_earlier(chat, engine):
    chat.say("I actually have used docker quite a lot, our team containerises all our batch jobs")
    chat.say("assess my skills")
    skill = "kubernetes-docker"
    while engine.knowledge.skills[skill].name not in chat.replies[-1].text.split("\n")[-1]:
        chat.say("3")
    chat.say("no idea tbh")
    profile = chat.state["profile"]
    assert profile["ratings"][skill] == 1 and skill not in profile["known_skills"]
