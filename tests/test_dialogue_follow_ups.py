"""Turns a demanding user takes for granted: rough ratings, taking the assessment again, facts in a terse
list or a correction, questions about the practice question and its score, and requests the coach must
decline by their words rather than answer from the guide."""

from __future__ import annotations

import pytest

from tests.memory_chat import MemoryChat

ANSWER = ("I would package the model in a Docker image with pinned dependencies, run it as a Deployment "
          "behind a Service with requests and limits, add readiness and liveness probes and an autoscaler, "
          "and roll out new versions gradually so I can roll back quickly if errors rise.")


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)


def first_gap(engine):
    return engine.knowledge.gaps(engine.knowledge.default_transition)[0]


@pytest.mark.parametrize(("said", "rating"), [("3ish", 3), ("2-ish", 2), ("four-ish", 4)])
def test_a_rough_rating_is_a_rating(chat, engine, said, rating):
    chat.say("assess my skills")
    chat.say(said)
    assert chat.state["profile"]["ratings"][first_gap(engine).id] == rating


def test_hard_to_say_is_a_hedge_not_a_question_about_difficulty(chat, engine):
    chat.say("assess my skills")
    chat.say("hard to say")
    assert [r.intent for r in chat.replies] == ["assessment_question"]
    assert chat.state["profile"]["ratings"][first_gap(engine).id] < 3


def test_asking_to_redo_the_assessment_mid_way_starts_it_again(chat, engine):
    for said in ("assess my skills", "2", "4"):
        chat.say(said)
    reply = chat.say("can I redo it from the start?")
    assert reply.intent == "assessment_question"
    assert first_gap(engine).name in reply.text and "1/" in reply.text


def test_the_weakest_area_mid_assessment_comes_from_the_ratings_given(chat, engine):
    chat.say("assess my skills")
    chat.say("4")
    chat.say("1")
    weakest = engine.knowledge.gaps(engine.knowledge.default_transition)[1]
    back = chat.say("what's my weakest area?")
    answer = chat.replies[0]
    assert weakest.name in answer.text.split("\n")[0]
    assert back.intent == "assessment_question" and "didn't catch" not in back.text


def test_a_terse_list_about_oneself_is_remembered(chat):
    reply = chat.say("senior DS, 8 yoe, 45k, london, no degree")
    profile = chat.state["profile"]
    assert (profile["current_role"], profile["years"], profile["salary"], profile["location"]) == \
        ("data-scientist", 8, 45000, "London")
    assert reply.intent == "about_me"
    assert chat.say("what do you remember?").intent == "profile_recall"


@pytest.mark.parametrize("correction", ["make that 12 hours", "update: now only 12 hrs a week",
                                        "change my hours to 12"])
def test_a_correction_of_the_hours_replaces_them(chat, correction):
    chat.say("I can study 8 hours a week")
    chat.say(correction)
    assert chat.state["profile"]["hours_per_week"] == 12
    assert "12 hours" in chat.say("what do you know about me").text


def test_questions_about_the_practice_question_and_its_score_are_answered_not_scored(chat, engine):
    chat.say("practice kubernetes")
    scored = chat.say(ANSWER)
    assert scored.feedback is not None
    attempts = dict(chat.state["practice"]["attempts"])
    assert chat.say("what would raise it?").intent == "score_explained"
    assert chat.say("y only 40 bruh").intent == "score_explained"
    explained = chat.say("what is this question even asking?")
    assert explained.intent == "explain_question"
    question = engine.knowledge.questions[scored.feedback["question_id"]]
    assert engine.knowledge.skills[question.skills[0]].name in explained.text
    assert chat.state["practice"]["attempts"] == attempts  # none of these was scored


@pytest.mark.parametrize("request_", ["ask me something on system design", "let's do a systems design one",
                                      "next one should be about system design"])
def test_asking_for_a_question_on_a_skill_in_ones_own_words_starts_practice(chat, request_):
    reply = chat.say(request_)
    assert reply.question is not None and "systems design" in reply.text.lower()


def test_what_to_do_this_week_is_the_first_step_of_the_plan(chat, engine):
    first = engine.knowledge.transitions[engine.knowledge.default_transition].plan[0]
    chat.say("show me the plan")
    assert first.title in chat.say("what first, this week?").text


def test_asked_how_to_learn_a_gap_the_answer_gives_the_ways_to_build_it(chat, engine):
    skill = engine.knowledge.skills["kubernetes-docker"]
    how = chat.say("best way to get good at kubernetes?").text
    what = chat.say("what is kubernetes?").text
    assert skill.build_evidence[1] in how and skill.build_evidence[1] not in what
    assert skill.interview_bar in what  # a gap: what interviews expect of it, either way


def test_a_level_the_guide_has_no_figure_for_is_said_plainly(chat, engine):
    data_scientist = engine.knowledge.roles["data-scientist"]
    assert data_scientist.salary.band("senior") is None
    text = chat.say("senior DS or senior MLE, who earns more?").text
    assert "no senior figure" in text.lower()


@pytest.mark.parametrize("text", [
    "Is Monzo's ML platform team hiring at the moment?",
    "What does the interview process at Meta London look like for MLEs?",
    "My dad says data science isn't a real job. How do I deal with him?",
    "Should we have a second child before or after I switch to ML engineering?",
    "Thinking of moving from data science into product management. How long does that usually take?",
    "book me a mock interview with a real person",
    "What levels does Revolut use for ML engineers, and what's the salary band at each?",
    "Is Wayve's ML team as intense as people say, anyone know?",
])
def test_what_the_guide_cannot_answer_is_declined_by_its_words(chat, text):
    assert chat.say(text).intent.startswith("out_of_scope")


def test_assessment_says_how_many_questions_remain_and_asks_the_same_skill_again(chat, engine):
    chat.say("assess my skills")
    chat.say("a bit")
    remaining = len(chat.state["assessment"]["pending"])
    asked = chat.say("how many more of these are there?")
    assert asked.intent == "assessment_question" and f" {remaining} " in asked.text
    rated = chat.state["profile"]["ratings"]
    assert len(rated) == 1  # the question about progress is no rating
    assert chat.say("3").intent == "assessment_question" and len(chat.state["profile"]["ratings"]) == 2


def test_a_story_naming_an_employer_is_still_answered(chat):
    assert chat.say("I work at Tesco as a DS. How much would I earn as an MLE?").intent == "salary"


def test_facts_given_as_a_labelled_list_are_remembered_skill_by_skill(chat):
    reply = chat.say("hey. quick facts: 2 yoe, junior DS in London, 45k, know python + a bit of pytorch, no docker")
    profile = chat.state["profile"]
    assert reply.intent == "about_me"
    assert (profile["years"], profile["salary"], profile["location"]) == (2, 45000, "London")
    assert "python-data-stack" in profile["known_skills"]
    assert {"deep-learning-frameworks", "kubernetes-docker"} <= set(profile["lacking_skills"])
    assert "London" in chat.say("what do you remember about my situation?").text


@pytest.mark.parametrize("text", ["can you look at my GitHub https://github.com/sam/projects",
                                  "Can you rewrite the bullets for me, please?"])
def test_what_the_coach_cannot_do_is_said_plainly(chat, text):
    assert chat.say(text).intent.startswith("out_of_scope")


def test_a_greeting_before_a_request_does_not_hide_it(chat):
    assert chat.say("yo wat can u do").intent == "help"
    assert chat.say("ok no wahala. Give me the step by step plan abeg").intent == "plan"


def test_a_message_that_ends_on_a_step_takes_it(chat):
    chat.say("assess my skills")
    chat.say("3")
    assert chat.say("ok thx, stop for now").intent == "assessment_plan"


def test_asked_for_a_question_on_a_skill_in_a_longer_request_practice_starts(chat):
    reply = chat.say("give me a question on ml systems design and tell me what it tests")
    assert reply.question is not None


@pytest.mark.parametrize(("text", "band"), [("is the advert's £70-85k realistic for me?", "mid"),
                                            ("recruiter says the role pays 40k to 45k, is that fair?", "entry")])
def test_a_quoted_pay_range_is_set_against_the_bands_it_falls_in(chat, engine, text, band):
    from chatbot.dialogue.formatting import money

    target = engine.knowledge.roles["machine-learning-engineer"]
    reply = chat.say(text)
    assert reply.intent in {"salary", "negotiation"}
    assert money(getattr(target.salary, band)) in reply.text.split("\n")[0]


def test_a_one_word_self_rating_is_a_rating_even_when_it_sounds_like_a_question_about_the_score(chat, engine):
    chat.say("assess my skills")
    assert chat.say("good").intent == "assessment_question"
    assert first_gap(engine).id in chat.state["profile"]["ratings"]


def test_asking_to_end_the_assessment_in_any_words_gives_the_plan(chat):
    chat.say("assess my skills")
    chat.say("2")
    assert chat.say("stop the assessment and show the plan").intent == "assessment_plan"


def test_a_place_someone_is_only_moving_to_is_not_where_they_are(chat):
    chat.say("I live in Warsaw and move to London next year")
    assert chat.state["profile"]["location"] is None


def test_how_scoring_works_is_explained_before_any_answer(chat, engine):
    text = chat.say("how do you score me?").text
    labels = [getattr(engine.resources.rubric.spec, cid).label for cid in ("relevance", "structure", "clarity")]
    assert all(label in text for label in labels)


def test_asking_for_the_skills_check_mid_practice_starts_it_and_ratings_follow(chat, engine):
    chat.say("practice data pipelines")
    assert chat.say("hang on, before this, can I do the skills check thing first?").intent == "assessment_question"
    reply = chat.say("I'd put myself around a 3, I'm comfortable but not an expert")
    assert reply.intent == "assessment_question" and reply.feedback is None
    assert chat.state["profile"]["ratings"][first_gap(engine).id] == 3


def test_a_figure_of_hours_after_feedback_is_a_question_not_about_the_score(chat):
    chat.say("practice pipelines")
    chat.say("Batch is fine when the model only needs daily features, it's simpler and cheaper. I'd go "
             "streaming with Kafka when decisions need fresh data within seconds.")
    assert chat.say("how long will it take with 7 hours a week?").intent == "timeline"


def test_stop_and_a_request_in_one_line_takes_the_request(chat):
    chat.say("aight lemme practis k8s then")
    assert chat.state["mode"] == "practice"
    assert chat.say("stop and give me a summary").intent == "summary"


def test_my_plan_after_the_assessment_is_the_one_built_from_the_ratings(chat):
    assert chat.say("what's my plan?").intent == "plan"  # nothing rated yet: the guide's plan
    for said in ("assess my skills", "2", "4", "1", "stop"):
        chat.say(said)
    assert chat.say("what's my plan?").intent == "assessment_plan"


def test_two_questions_about_two_skills_get_an_answer_each(chat, engine):
    chat.say("Do I need to know Kubernetes for MLE jobs? And which feature store tools should I know about?")
    names = [engine.knowledge.skills[s].name for s in ("kubernetes-docker", "feature-stores")]
    assert [r.intent for r in chat.replies] == ["skill_info", "skill_info"]
    assert all(any(name in r.text.split("\n")[0] for r in chat.replies) for name in names)


def test_two_questions_about_two_pay_levels_get_an_answer_each(chat, engine):
    from chatbot.dialogue.formatting import money

    bands = engine.knowledge.roles["machine-learning-engineer"].salary
    chat.say("what would i earn starting out as an mle, and what do senior mles make?")
    said = " ".join(r.text for r in chat.replies)
    assert money(bands.entry) in said and money(bands.senior) in said


@pytest.mark.parametrize("said", ["how long the switch take and i will earn less at first??",
                                  "how much time it takes and the salary will drop at first??",
                                  "how long the change take and the pay will be less at start??"])
def test_a_second_question_joined_by_and_without_a_question_word_gets_its_own_answer(chat, said):
    chat.say(said)
    assert [r.intent for r in chat.replies] == ["timeline", "salary"]


@pytest.mark.parametrize("said", ["can you phone the recruiter for me and ask about the salary?",
                                  "What should I focus on between months 3 and 6 of the plan?"])
def test_a_request_or_a_range_joined_by_and_stays_one_question(chat, said):
    chat.say(said)
    assert len(chat.replies) == 1


def test_a_question_about_roles_between_two_named_roles_stays_one_question(chat):
    chat.say("are there roles between DS and MLOps I could aim for first?")
    assert [r.intent for r in chat.replies] == ["bridging_roles"]
