"""Follow-ups refer back to the last answer: another level, more detail, the reason, an item of a list."""

from __future__ import annotations

import pytest

from chatbot.dialogue.formatting import money
from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def ask_topic(chat, engine, name):
    return chat.say(engine.resources.intents.get(name).examples[0])


def test_level_follow_up_after_salary_gives_that_level(chat, engine):
    to_role = engine.knowledge.roles["machine-learning-engineer"]
    ask_topic(chat, engine, "salary")
    reply = chat.say("and for senior roles?")
    assert reply.intent == "salary"
    assert money(to_role.salary.senior) in reply.text
    assert money(to_role.salary.entry) not in reply.text


def test_entry_level_follow_up(chat, engine):
    to_role = engine.knowledge.roles["machine-learning-engineer"]
    ask_topic(chat, engine, "salary")
    assert money(to_role.salary.entry) in chat.say("what about entry level?").text


def test_tell_me_more_deepens_the_last_topic(chat, engine):
    transition = engine.knowledge.transitions[engine.knowledge.default_transition]
    first = ask_topic(chat, engine, "realistic")
    deeper = chat.say("tell me more")
    assert deeper.intent == "realistic"
    assert deeper.text != first.text
    assert transition.realism.biggest_risk.split()[0].lower() in deeper.text.lower()


def test_why_gives_the_reason_behind_the_last_answer(chat, engine):
    transition = engine.knowledge.transitions[engine.knowledge.default_transition]
    ask_topic(chat, engine, "salary")
    reply = chat.say("why?")
    assert reply.intent == "salary"
    assert transition.salary.why_dip in reply.text


def test_more_before_any_topic_asks_which_one(chat):
    reply = chat.say("tell me more")
    assert reply.intent != "fallback"
    assert len(reply.quick_replies) >= 2


def test_ordinal_picks_an_item_of_the_last_list(chat, engine):
    gaps = engine.knowledge.gaps(engine.knowledge.default_transition)
    ask_topic(chat, engine, "skill_gaps")
    reply = chat.say("what about the second one?")
    assert reply.text.startswith(gaps[1].name)
    assert gaps[1].build_evidence[0] in reply.text


def test_step_number_after_the_plan_gives_that_step(chat, engine):
    step = engine.knowledge.transitions[engine.knowledge.default_transition].plan[2]
    ask_topic(chat, engine, "plan")
    reply = chat.say("tell me about step 3")
    assert step.title in reply.text
    assert step.actions[0] in reply.text


def test_ordinal_out_of_range_says_how_long_the_list_was(chat, engine):
    gaps = engine.knowledge.gaps(engine.knowledge.default_transition)
    ask_topic(chat, engine, "skill_gaps")
    reply = chat.say(f"what about number {len(gaps) + 3}?")
    assert str(len(gaps)) in reply.text


def test_list_item_then_why_explains_that_topic(chat, engine):
    ask_topic(chat, engine, "mistakes")
    chat.say("tell me about the first one")
    assert chat.say("why?").intent == "mistakes"


def test_more_after_a_skill_stays_on_that_skill(chat, engine):
    skill = engine.knowledge.skills["kubernetes-docker"]
    chat.say("tell me about kubernetes")
    assert skill.build_evidence[0] in chat.say("tell me more").text


def test_ordinal_after_a_list_item_still_means_the_list_on_screen(chat, engine):
    gaps = engine.knowledge.gaps(engine.knowledge.default_transition)
    ask_topic(chat, engine, "skill_gaps")
    chat.say("what about the second one?")
    assert chat.say("and the third one?").text.startswith(gaps[2].name)


def test_how_long_after_the_cv_advice_is_about_the_cv_not_an_interview_answer(engine):
    chat = MemoryChat(engine)
    chat.say("how should I structure my CV")
    said = chat.say("how long should it be, mine's 3 pages")
    assert said.intent != "answer_length" and "two pages" in said.text.casefold()


@pytest.mark.parametrize("text, intent", [
    ("thanks, that's all for today", "goodbye"),
    ("how do I delete this session", "transcript_help"),
])
def test_remarks_about_the_chat_itself_are_understood_after_a_topic_too(engine, text, intent):
    cold, after = MemoryChat(engine), MemoryChat(engine)
    after.say("how should I structure my CV")
    assert cold.say(text).intent == intent and after.say(text).intent == intent


def test_a_qualification_question_opens_on_the_thing_it_asks_about(engine):
    summary = engine.knowledge.transitions[engine.knowledge.default_transition].qualifications.summary
    replies = {text: MemoryChat(engine).say(text) for text in
               ("is an AWS cert worth it for MLE?", "do I need a masters or is that overkill", "do I need qualifications")}
    assert {r.intent for r in replies.values()} == {"qualifications"}
    openings = {text: r.text.split(summary)[0].strip() for text, r in replies.items()}
    assert all(summary in r.text for r in replies.values())
    cert, degree, plain = openings.values()
    assert cert and degree and cert != degree and not plain
    assert "certificate" in cert.casefold() and "degree" in degree.casefold()


def test_a_degree_they_hold_is_not_answered_as_one_they_might_take(engine):
    summary = engine.knowledge.transitions[engine.knowledge.default_transition].qualifications.summary
    held = MemoryChat(engine).say("I've got an MSc in data science and 3 yrs as a DS. Is the degree enough to land an MLE job?")
    needed = MemoryChat(engine).say("do I need a masters or is that overkill")
    assert held.intent == needed.intent == "qualifications"
    assert held.text.split(summary)[0].strip() != needed.text.split(summary)[0].strip()
    assert "not required" not in held.text.split(summary)[0]


@pytest.mark.parametrize("text, intent", [
    ("alright thanks", "thanks"),
    ("nice. what does p95 actually mean btw", "term_explained"),
])
def test_a_word_of_acknowledgement_in_front_changes_nothing(engine, text, intent):
    assert MemoryChat(engine).say(text).intent == intent


def test_a_summary_before_any_practice_names_the_topics_covered(engine):
    chat = MemoryChat(engine)
    timeline = chat.say("how long does the switch take?")
    pay = chat.say("and what's the pay at entry level?")
    summary = chat.say("can I get a summary of what we covered")
    assert summary.intent == "summary"
    labels = [engine.resources.responses.get(key).label for key in ("timeline", "salary")]
    assert {timeline.intent, pay.intent} == {"timeline", "salary"}
    assert all(label in summary.text for label in labels)


def test_how_long_after_is_it_realistic_is_the_timeline_not_the_same_answer_again(chat, engine):
    # (after pay "how long" may ask when pay catches up, after the CV how long it should be)
    ask_topic(chat, engine, "realistic")
    reply = chat.say("how long")
    assert reply.intent == "timeline"


@pytest.mark.parametrize(("asked", "tip"), [("2 pages or 1 page?", "two-pages"),
                                             ("chronological or skills based?", "functional-or-chronological")])
def test_a_narrow_question_in_a_broad_topic_is_answered_first(chat, engine, asked, tip):
    cv = engine.knowledge.transitions[engine.knowledge.default_transition].cv
    wanted = next(t for t in cv.tips if t.id == tip)
    ask_topic(chat, engine, "cv")
    reply = chat.say(asked)
    opening = reply.text.split("\n\n")[0]
    assert reply.intent == "cv" and wanted.detail in opening and cv.summary[:40] not in opening


def test_a_broad_question_keeps_the_answer_in_its_order(chat, engine):
    cv = engine.knowledge.transitions[engine.knowledge.default_transition].cv
    reply = ask_topic(chat, engine, "cv")
    assert reply.text.startswith(cv.summary[:40])


def test_a_question_the_answer_only_lists_is_never_put_first_as_its_answer(chat, engine):
    interview = engine.knowledge.transitions[engine.knowledge.default_transition].interview
    reply = chat.say(f"What would I even say when they ask {interview.recurring_questions[0].casefold().rstrip('?')} "
                     "at this stage of my career?")
    opening = reply.text.split("\n\n")[0]
    assert not any(question in opening for question in interview.recurring_questions)
