"""Topic answers are composed from the knowledge base, for every topic the NLU knows."""

from __future__ import annotations

import pytest

from chatbot.dialogue.formatting import duration, money
from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def topic_intents(engine):
    return [intent for intent in engine.resources.intents if intent.kind == "topic"]


def ask_topic(chat, engine, name):
    """Ask with the intent's own first example: this tests answering, not matching."""
    return chat.say(engine.resources.intents.get(name).examples[0])


@pytest.fixture
def move(engine):
    kb = engine.knowledge
    transition = kb.transitions[kb.default_transition]
    return transition, kb.roles[transition.from_role], kb.roles[transition.to_role]


def test_every_topic_intent_is_answered_with_two_to_four_quick_replies(engine, chat):
    for intent in topic_intents(engine):
        reply = ask_topic(chat, engine, intent.name)
        assert reply.intent == intent.name, intent.name
        assert reply.text.strip(), intent.name
        assert 2 <= len(reply.quick_replies) <= 4, (intent.name, reply.quick_replies)
        assert reply.question is None and reply.feedback is None


def test_quick_replies_offered_after_topics_are_understood(engine, chat):
    offered = {choice for intent in topic_intents(engine)
               for choice in ask_topic(chat, engine, intent.name).quick_replies}
    not_understood = [choice for choice in sorted(offered) if chat.say(choice).intent == "fallback"]
    assert not not_understood


def test_salary_quotes_every_stage_of_the_pay_picture(engine, chat, move):
    transition, _, to_role = move
    text = ask_topic(chat, engine, "salary").text
    assert "£34,000–£48,000" in text and "£90,000–£160,000+" in text
    for stage in transition.salary.stages:
        role = engine.knowledge.roles[stage.role]
        assert money(getattr(role.salary, stage.band)) in text
    assert duration(transition.salary.dip_duration) in text
    assert duration(transition.salary.catch_up) in text


def test_salary_says_who_earns_more_at_mid_career(engine, chat, move):
    _, from_role, to_role = move
    text = ask_topic(chat, engine, "salary").text
    assert money(to_role.salary.mid) in text and money(from_role.salary.mid) in text


def test_timeline_quotes_the_duration(engine, chat, move):
    transition, _, _ = move
    assert "6-12 months" in ask_topic(chat, engine, "timeline").text
    assert duration(transition.timeline.duration) == "6-12 months"


def test_plan_lists_every_step_with_its_time_frame(engine, chat, move):
    transition, _, _ = move
    text = ask_topic(chat, engine, "plan").text
    for step in transition.plan:
        assert step.title in text and step.timeframe.label in text


def test_transferable_skills_say_why_they_transfer(engine, chat, move):
    transition, _, _ = move
    text = ask_topic(chat, engine, "transferable_skills").text
    for skill in engine.knowledge.transferable(transition.id):
        assert skill.name in text
        assert transition.transfer_notes[skill.id] in text


def test_gaps_name_every_gap_and_more_says_how_to_build_evidence(engine, chat, move):
    transition, _, _ = move
    gaps = engine.knowledge.gaps(transition.id)
    text = ask_topic(chat, engine, "skill_gaps").text
    assert all(skill.name in text for skill in gaps)
    deeper = chat.say("tell me more").text
    assert gaps[0].build_evidence[0] in deeper


def test_learn_first_orders_gaps_by_the_users_own_ratings(engine, chat, move):
    transition, _, _ = move
    gaps = engine.knowledge.gaps(transition.id)
    weakest = gaps[-1]
    chat.say("assess my skills")
    for skill in gaps:
        chat.say("1" if skill == weakest else "3")
    chat.say("stop")
    text = ask_topic(chat, engine, "learn_first").text
    first_line = next(line for line in text.splitlines() if line.startswith("1."))
    assert weakest.name in first_line


def test_skill_info_describes_the_named_skill(chat, engine):
    skill = engine.knowledge.skills["kubernetes-docker"]
    reply = chat.say("tell me about kubernetes")
    assert reply.intent == "skill_info"
    assert skill.description in reply.text


def test_cv_advice_keeps_the_page_limit(engine, chat, move):
    transition, _, _ = move
    chat.say(engine.resources.intents.get("cv").examples[0])
    assert f"{transition.cv.max_pages} pages" in chat.say("why?").text


def test_out_of_domain_gets_fallback_with_closest_topics(chat):
    reply = chat.say("what's the best recipe for banana bread")
    assert reply.intent == "fallback"
    assert "didn't understand" in reply.text
    assert 2 <= len(reply.quick_replies) <= 4


def test_learn_first_compares_the_skills_named(chat, engine):
    skills = engine.knowledge.skills
    docker, python = skills["kubernetes-docker"], skills["python-data-stack"]
    text = chat.say("which first, python or docker?").text
    assert f"start with {docker.name}" in text
    assert f"already have {python.name}" in text


def test_first_in_a_learn_first_question_is_not_a_list_pick(chat, engine):
    gaps = engine.knowledge.gaps(engine.knowledge.default_transition)
    text = chat.say("what should I learn first?").text
    assert all(skill.name in text for skill in gaps)


@pytest.mark.parametrize("text, weeks", [
    ("what should i do in my first 2 weeks", (0, 2)),
    ("what should I be focusing on in month 3", (2 * 52 / 12, 3 * 52 / 12)),
    ("what should i be doing after 4 months", (4 * 52 / 12, 5 * 52 / 12)),
])
def test_a_window_of_the_plan_gets_the_steps_dated_in_it(chat, move, text, weeks):
    transition, _, _ = move
    reply = chat.say(text)
    per = {"week": 1.0, "month": 52 / 12}
    dated = [s for s in transition.plan if s.timeframe.start is not None]
    inside = [s for s in dated
              if (s.timeframe.start - 1) * per[s.timeframe.unit] < weeks[1]
              and s.timeframe.end * per[s.timeframe.unit] > weeks[0]]
    assert inside
    assert all(s.title in reply.text for s in inside)
    assert not any(s.title in reply.text for s in transition.plan if s not in inside)


@pytest.mark.parametrize("text", ["what's the difference between mlops engineer and ml engineer",
                                  "is an AI engineer the same as an ML engineer?"])
def test_two_titles_of_the_target_role_are_said_to_be_one_role_here(chat, move, text):
    _, source, target = move
    reply = chat.say(text)
    assert reply.intent == "role_difference"
    assert target.summary in reply.text and source.summary not in reply.text


def test_a_question_followed_by_facts_about_the_asker_is_answered(chat, engine):
    reply = chat.say("what I need to learn, I am good with sklearn and tensorflow but never deploy nothing")
    assert reply.intent in {"learn_first", "skill_gaps"}
    assert engine.knowledge.skills["model-serving"].name in reply.text


def test_portfolio_ideas_follow_the_skills_still_to_build(chat, engine):
    reply = chat.say("give me project ideas for the portfolio")
    gaps = engine.knowledge.gaps(engine.knowledge.default_transition)
    assert sum(skill.name in reply.text for skill in gaps) >= 2


@pytest.mark.parametrize("text", ["I lead a team of 6 DS now, would I have to go back to being an individual contributor?",
                                  "is 41 too old to switch to MLE?"])
def test_whether_seniority_carries_over_is_answered_with_the_entry_band(engine, text):
    reply = MemoryChat(engine).say(text)
    entry = engine.knowledge.roles["machine-learning-engineer"].salary.entry
    assert reply.intent == "seniority"
    assert f"£{entry.min:,}" in reply.text
