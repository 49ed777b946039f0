"""What people say about themselves is used where it matters, can be seen, and can be forgotten."""

from __future__ import annotations

import re

import pytest

from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def test_current_salary_is_set_against_the_entry_band(chat, engine):
    reply = chat.say("oh and im on 62k, would I have to take a pay cut?")
    entry = engine.knowledge.roles["machine-learning-engineer"].salary.entry
    assert "£62,000" in reply.text
    assert f"£{62000 - entry.max:,}" in reply.text and f"£{62000 - entry.min:,}" in reply.text


def test_pay_asked_again_with_their_salary_is_not_the_whole_table_again(chat, engine):
    bands = engine.knowledge.roles["machine-learning-engineer"].salary
    first = chat.say("what do ML engineers earn in the UK?")
    again = chat.say("im on 62k, would I take a cut?")
    table_line = next(line for line in first.text.splitlines() if line.startswith("1. "))
    assert table_line not in again.text and "£62,000" in again.text
    assert f"£{bands.entry.min:,}" in again.text and f"£{bands.mid.min:,}" in again.text


def test_an_offer_quoted_in_passing_is_not_taken_for_their_salary(chat):
    chat.say("I have an offer at £42k and I'm on £60k right now")
    assert "£60,000" in chat.say("what do you know about me").text


def test_location_is_acknowledged_as_outside_the_uk_wide_figures(chat):
    chat.say("I'm a data scientist based in Glasgow")
    assert "Glasgow" in chat.say("what do ML engineers earn?").text


def test_hours_a_week_shape_the_timeline(chat):
    chat.say("I can only do about 5 hours a week")
    assert "5 hours a week" in chat.say("how long will the move take?").text


def test_the_person_can_see_and_correct_what_is_remembered(chat):
    chat.say("I'm a data scientist in Leeds on 58k")
    recalled = chat.say("what do you know about me").text
    assert "£58,000" in recalled and "Leeds" in recalled
    assert chat.say("please forget my salary").intent == "profile_forget"
    after = chat.say("what do you know about me").text
    assert "£58,000" not in after and "Leeds" in after
    chat.say("forget everything you know about me")
    assert "Leeds" not in chat.say("what do you know about me").text


def test_forget_that_forgets_the_last_thing_said(chat):
    chat.say("I'm in Bristol")
    chat.say("I can do 12 hours a week")
    chat.say("actually forget that")
    text = chat.say("what do you know about me").text
    assert "12 hours" not in text and "Bristol" in text


def test_asking_whether_to_learn_a_skill_is_not_a_claim_to_know_it(chat, engine):
    chat.say("should I learn kubernetes first?")
    gaps = chat.say("what are my skill gaps?").text
    assert "you already know" not in gaps.casefold()
    assert engine.knowledge.skills["kubernetes-docker"].name in gaps


def test_pay_said_in_passing_is_remembered_and_used_when_asking_if_the_move_is_realistic(engine):
    chat = MemoryChat(engine)
    said = chat.say("I lead a team of 4 data scientists at a bank, on 85k. Would moving to MLE be a step back for me?")
    assert "£85,000" in said.text
    assert "£85,000" in chat.say("what do you know about me").text


def test_someone_moving_to_the_uk_gets_uk_pay_but_pay_abroad_is_declined(engine):
    coming = MemoryChat(engine).say("I'm a data scientist in Paris, now I move to London. What is the MLE salary?")
    assert "£34,000" in coming.text
    leaving = MemoryChat(engine).say("what do ML engineers earn in Berlin compared to London?")
    assert leaving.intent.startswith("out_of_scope")


@pytest.mark.parametrize("text", [
    "How much do ML engineers earn in Germany? I got a DS offer there for 70k euro and want to compare",
    "I'm a DS in Lagos on 12m naira a year. What would an ML engineer earn at a fintech?",
    "what do MLEs make in Germany or the US?",
])
def test_pay_asked_about_abroad_is_declined_in_every_part_of_the_message(engine, text):
    chat = MemoryChat(engine)
    chat.say(text)
    assert all(r.intent.startswith("out_of_scope") and "£34,000" not in r.text for r in chat.replies)


def test_pay_in_another_currency_with_a_uk_question_gets_the_uk_band(engine):
    said = MemoryChat(engine).say("my current salary is 38k euros, in the UK would entry MLE pay be more or less?")
    assert "£34,000" in said.text


def test_a_term_in_a_short_message_mid_interview_is_not_scored(engine):
    chat = MemoryChat(engine)
    chat.say("practice feature stores")
    said = chat.say("wait whats a feature store again")
    assert said.feedback is None and "feature store" in said.text.casefold()


@pytest.mark.parametrize("text", [
    "got an offer of {k}k for a junior MLE role in london, is that fair?",
    "i think im being lowballed, offer is {k}k for junior MLE",
    "is {k}k a good offer for a first ML engineer job?",
])
def test_an_offer_is_weighed_against_the_entry_band(engine, text):
    entry = engine.knowledge.roles["machine-learning-engineer"].salary.entry
    below, inside = MemoryChat(engine), MemoryChat(engine)
    low = below.say(text.format(k=(entry.min - 4000) // 1000)).text
    fair = inside.say(text.format(k=(entry.max - 1000) // 1000)).text
    band = f"£{entry.min:,}–£{entry.max:,}"
    assert f"£{entry.min - 4000:,}" in low and band in low
    assert f"£{entry.max - 1000:,}" in fair and band in fair
    assert low.split(band)[0] != fair.split(band)[0]  # below the band is not said like inside it
    assert inside.state["profile"]["salary"] is None  # an offer is not their pay


@pytest.mark.parametrize("text", ["are these london numbers? im in leeds not moving",
                                  "The salary you are quoting, is it for Nigeria or abroad?"])
def test_where_the_pay_figures_apply_is_said_with_the_uk_bands(chat, engine, text):
    entry = engine.knowledge.roles["machine-learning-engineer"].salary.entry
    reply = chat.say(text)
    assert reply.intent == "figures_scope"
    assert "UK" in reply.text and f"£{entry.min:,}" in reply.text


def test_a_plain_pay_question_is_answered(chat, engine):
    entry = engine.knowledge.roles["machine-learning-engineer"].salary.entry
    assert f"£{entry.min:,}" in chat.say("what do ML engineers earn").text


def test_pay_named_as_their_current_figure_inside_the_question_is_used(chat):
    reply = chat.say("would i earn less than my current 38k?")
    assert "£38,000" in reply.text


def test_a_pasted_cv_with_a_summary_heading_is_not_a_request_for_the_practice_summary(chat):
    reply = chat.say("Here's the top of my CV:\n\nJO SMITH - Data Scientist\nSummary: Data scientist with 5 years "
                     "in insurance pricing, building GLMs and gradient boosted models in Python.\nExperience:\n"
                     "- Data Scientist, Acme Insurance (2021-now): built a claims model used by 40 underwriters.")
    assert reply.intent != "summary"


def test_pay_told_first_is_set_against_the_bands_when_asking_what_the_move_pays(engine):
    said = MemoryChat(engine).say("I'm on 58k at the moment. what kind of money would I be on if I made the jump?")
    assert said.intent == "salary" and "£58,000" in said.text


def test_their_own_pay_is_answered_first_with_the_time_back_to_it(chat, engine):
    catch_up = engine.knowledge.transitions["data-scientist-to-machine-learning-engineer"].salary.catch_up
    reply = chat.say("Bristol insurer, 6 yrs, £66k. how does that compare with where I'd land?")
    assert "£66,000" in reply.text
    mid = engine.knowledge.roles["machine-learning-engineer"].salary.mid
    # the comparison with their figure comes before the general table of bands
    assert reply.text.index("£66,000") < reply.text.index(f"£{mid.min:,}–£{mid.max:,}")
    assert f"{catch_up.min}-{catch_up.max}" in reply.text.split("\n")[0]


def test_the_plan_says_what_its_training_step_is_for_once_a_gap_is_known(chat, engine):
    chat.say("I already run our kubernetes cluster and write all the Dockerfiles")
    reply = chat.say("ok what's my plan look like, given k8s is sorted")
    containers = engine.knowledge.skills["kubernetes-docker"]
    others = [s for s in engine.knowledge.gaps(engine.knowledge.default_transition) if s.id != containers.id]
    assert reply.intent == "plan"
    assert all(s.name in reply.text for s in others)
    # the only mention of the known skill is that they have it: no advice to build it
    assert reply.text.count(containers.name) == 1


def test_a_message_of_facts_with_no_question_is_acknowledged_not_fallen_back_on(chat):
    reply = chat.say("DS at a logistics firm in Leeds, 5 yrs. I already run our k8s cluster so you can skip that bit.")
    assert reply.intent == "about_me"
    assert "Leeds" in reply.text and "Kubernetes" in reply.text


def test_is_it_realistic_names_what_is_left_to_build_for_this_person(chat, engine):
    gaps = engine.knowledge.gaps(engine.knowledge.default_transition)
    before = chat.say("is python alone enough to get hired as an MLE?")
    assert before.intent == "realistic" and all(s.name in before.text for s in gaps)
    chat.say("I already know docker and kubernetes well")
    after = chat.say("is the move realistic for me?")
    containers = engine.knowledge.skills["kubernetes-docker"]
    assert all(s.name in after.text for s in gaps if s.id != containers.id)
    assert containers.name not in after.text


def test_years_said_in_passing_make_the_pay_beside_them_theirs(chat):
    reply = chat.say("1 year in as a junior DS in Nottingham, on £36k. too early to switch to MLE?")
    assert chat.state["profile"]["salary"] == 36000 and "£36,000" in reply.text


@pytest.mark.parametrize("asked", ["I want to be an MLE in 3 months. Tell me how.",
                                   "can I make the switch within 2 months if I go hard?"])
def test_a_pace_quicker_than_the_timeline_is_told_what_the_guide_says_about_rushing(chat, engine, asked):
    transition = engine.knowledge.transitions[engine.knowledge.default_transition]
    risk = transition.realism.biggest_risk[:30].casefold()
    assert risk in chat.say(asked).text.casefold()
    assert risk not in chat.say("show me the plan").text.casefold()


@pytest.mark.parametrize("text", ["I've got 6 years in and earn 71k - is the drop worth it?",
                                  "I can't take a big pay cut with two kids. I'm on 63k. What are my options?"])
def test_a_vague_question_asked_while_telling_pay_is_answered_with_that_pay(chat, text):
    reply = chat.say(text)
    figure = re.search(r"(\d\d)k", text).group(1)
    assert reply.intent == "salary" and f"£{figure},000" in reply.text


def test_asking_for_options_against_a_pay_cut_gets_the_ways_to_soften_it(chat, engine):
    softeners = engine.knowledge.transitions[engine.knowledge.default_transition].salary.softeners
    reply = chat.say("I can't take a big pay cut with two kids. I'm on 63k. What are my options?")
    assert "£63,000" in reply.text and softeners and all(way.title in reply.text for way in softeners)


def test_a_plain_pay_question_keeps_to_the_figures(chat, engine):
    softeners = engine.knowledge.transitions[engine.knowledge.default_transition].salary.softeners
    reply = chat.say("what do ML engineers earn at first?")
    assert not any(way.title in reply.text for way in softeners)


def test_working_while_changing_uses_the_hours_they_have(chat):
    reply = chat.say("Realistically I have 4 hours a week. Can I still make the move while working full time?")
    assert reply.intent == "work_while_transitioning" and "4 hours a week" in reply.text


def test_options_against_a_cut_asked_loosely_lead_with_the_ways_to_soften_it(chat, engine):
    softeners = engine.knowledge.transitions[engine.knowledge.default_transition].salary.softeners
    chat.say("I'm a DS on 58k")
    reply = chat.say("I can't really take a big cut, any way round that?")
    assert reply.intent == "salary"
    assert reply.text.index(softeners[0].title) < reply.text.index("£58,000")


def test_a_first_something_is_not_the_first_item_of_the_list_shown(chat):
    chat.say("what do ML engineers earn?")
    reply = chat.say("First offer. Negotiate or accept?")
    assert reply.intent == "negotiation"


def test_pay_listed_among_facts_with_base_is_their_salary(chat):
    reply = chat.say("DS, 6 yoe, investment bank, London. 85k base. Target MLE. How big is the pay cut?")
    assert chat.state["profile"]["salary"] == 85000 and "£85,000" in reply.text
