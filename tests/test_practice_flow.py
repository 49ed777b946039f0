"""A whole mock interview through the engine: ask, hint, answer, retry, model answer, move on, summary."""

from __future__ import annotations

import pytest

from tests.memory_chat import MemoryChat


@pytest.fixture
def chat(engine):
    return MemoryChat(engine)

WEAK_ANSWER = "I am not sure, I would probably just use some tools for it and see what happens."


def strong_answer(engine, question_id: str) -> str:
    """The question's own model outline, which a fair scorer must rate above a vague answer."""
    return " ".join(engine.knowledge.questions[question_id].model_answer)


def test_practice_asks_a_question_in_the_api_shape(chat, engine):
    reply = chat.say("practice")
    assert reply.intent == "practice_question"
    assert set(reply.question) == {"id", "text", "category", "skills"}
    question = engine.knowledge.questions[reply.question["id"]]
    assert reply.question["text"] == question.text and question.text in reply.text
    assert reply.feedback is None


def test_the_whole_practice_flow(chat, engine):
    asked = chat.say("practice model serving").question
    question = engine.knowledge.questions[asked["id"]]

    hint = chat.say("hint")
    assert hint.intent == "hint" and question.hint in hint.text

    first = chat.say(WEAK_ANSWER)
    assert first.intent == "practice_feedback"
    assert first.feedback["question_id"] == question.id
    assert {"score", "criteria", "talking_points", "tips"} <= set(first.feedback)
    assert str(first.feedback["score"]) in first.text
    assert list(first.quick_replies) == ["Try again", "Model answer", "Next question", "Summary"]

    again = chat.say("try again")
    assert again.intent == "practice_question" and again.question["id"] == question.id

    second = chat.say(strong_answer(engine, question.id))
    change = second.feedback["change"]
    assert change["previous_score"] == first.feedback["score"]
    assert change["delta"] == second.feedback["score"] - first.feedback["score"] > 0
    # the reply says how far it moved and from where
    assert str(change["delta"]) in second.text and f"({change['previous_score']})" in second.text

    outline = chat.say("model answer")
    assert outline.intent == "model_answer"
    assert all(beat in outline.text for beat in question.model_answer)

    following = chat.say("next question")
    assert following.intent == "practice_question" and following.question["id"] != question.id

    summary = chat.say("summary")
    assert summary.intent == "summary" and summary.feedback is None
    assert question.text in summary.text
    assert f"{second.feedback['score']}/100" in summary.text


def test_feedback_is_only_on_feedback_replies(chat, engine):
    replies = [chat.say(text) for text in ("practice", WEAK_ANSWER, "model answer", "next", "stop")]
    assert [reply.feedback is not None for reply in replies] == [False, True, False, False, False]


def test_questions_do_not_repeat_until_the_pool_is_used_up(chat, engine):
    pool = engine.knowledge.questions_for("feature-stores", None, engine.knowledge.default_transition)
    seen = [chat.say("practice feature stores").question["id"]]
    seen += [chat.say("skip").question["id"] for _ in range(len(pool) - 1)]
    assert sorted(seen) == sorted(q.id for q in pool)
    assert chat.say("skip").question["id"] in seen


@pytest.mark.parametrize("category", ["behavioural", "technical", "career-change"])
def test_practice_a_category(chat, category):
    spoken = category.replace("-", " ")
    assert chat.say(f"practice {spoken} questions").question["category"] == category


def test_a_career_question_mid_interview_is_answered_and_the_question_kept_open(chat, engine):
    asked = chat.say("practice").question
    detour = chat.say("wait, what is the salary of a machine learning engineer?")
    assert detour.feedback is None and detour.intent == "salary"
    assert asked["text"] in detour.text  # the open question is offered again
    back = chat.say("ok back to the interview")
    assert back.question == asked
    answer = chat.say(strong_answer(engine, asked["id"]))
    assert answer.feedback["question_id"] == asked["id"]


def test_a_question_about_the_method_is_explained_not_scored(chat):
    chat.say("practice behavioural")
    star = chat.say("what is mean STAR?")
    assert star.feedback is None and "Situation" in star.text


def test_a_new_answer_after_feedback_is_another_attempt(chat, engine):
    asked = chat.say("practice model serving").question
    first = chat.say(WEAK_ANSWER)
    second = chat.say(strong_answer(engine, asked["id"]))
    assert second.feedback["question_id"] == asked["id"]
    assert second.feedback["change"]["previous_score"] == first.feedback["score"]
    assert second.feedback["score"] > first.feedback["score"]


def test_a_star_answer_after_feedback_is_another_attempt_not_a_request_for_the_summary(chat):
    asked = chat.say("practice behavioural").question
    chat.say(WEAK_ANSWER)
    again = chat.say("Situation: our forecast was ignored by the ops team. Task: I had to get it used. "
                     "Action: I showed one chart of errors against their own guesses and ran a trial week. "
                     "Result: they adopted it and overtime fell by 15 percent.")
    assert again.feedback is not None and again.feedback["question_id"] == asked["id"]


@pytest.mark.parametrize("asking", ["sorry, what does dynamic batching mean?",
                                    "wait what does dynamic batching even mean"])
def test_a_term_asked_mid_interview_is_explained_and_the_question_kept_open(chat, engine, asking):
    asked = chat.say("practice model serving").question
    term = chat.say(asking)
    assert term.feedback is None and term.intent == "term_explained"
    assert "dynamic batching" in term.text.casefold() and asked["text"] in term.text
    scored = chat.say(strong_answer(engine, asked["id"]))
    assert scored.feedback["question_id"] == asked["id"]


def test_a_term_from_a_job_advert_or_two_compared_are_explained_from_the_glossary(chat, engine):
    asked = chat.say("practice model serving").question
    term = chat.say("what is canary release exactly, my lead used this word")
    assert term.feedback is None and term.intent == "term_explained"
    assert "traffic" in term.text and asked["text"] in term.text
    both = chat.say("quick one, is shadow deployment the same as canary?")
    assert both.feedback is None and "shadow" in both.text.casefold() and "canary" in both.text.casefold()
    assert chat.say(strong_answer(engine, asked["id"])).feedback["question_id"] == asked["id"]


def test_asking_about_the_score_explains_it_instead_of_scoring(chat, engine):
    asked = chat.say("practice model serving").question
    scored = chat.say(WEAK_ANSWER).feedback
    explained = chat.say("is that a good score?")
    assert explained.feedback is None and f"{scored['score']}/100" in explained.text
    missed = scored["talking_points"]["missed"]
    assert missed and missed[0] in explained.text
    assert engine.knowledge.questions[asked["id"]].text in explained.text


def test_a_loosely_worded_command_does_not_start_an_interview(chat):
    reply = chat.say("hi, I'm a data scientist with 4 years experience, thinking about moving to ML "
                     "engineering. is that a dumb idea?")
    assert reply.question is None and reply.intent != "practice_question"


def test_an_answer_opening_with_practice_is_scored(chat):
    chat.say("practice")
    reply = chat.say("Practice matters here: I would first agree the latency budget with the product team, "
                     "then design the pipeline and monitoring around it.")
    assert reply.intent == "practice_feedback"


def test_an_empty_answer_keeps_the_question_open(chat):
    asked = chat.say("practice").question
    nudge = chat.say("ok")
    assert nudge.intent == "practice_feedback" and nudge.feedback["needs_answer"]
    follow = chat.say(WEAK_ANSWER)
    assert follow.intent == "practice_feedback" and follow.feedback["question_id"] == asked["id"]


def test_summary_names_weakest_area_and_plan_steps(chat, engine):
    transition = engine.knowledge.transitions[engine.knowledge.default_transition]
    chat.say("practice model serving")
    chat.say(WEAK_ANSWER)
    text = chat.say("stop").text
    assert "model serving" in text.lower()
    assert any(step.title in text for step in transition.plan)


def test_a_single_good_answer_is_not_summarised_as_needing_most_work(chat, engine):
    transition = engine.knowledge.transitions[engine.knowledge.default_transition]
    asked = chat.say("practice model serving").question
    assert asked is not None
    question = engine.knowledge.questions[asked["id"]]
    scored = chat.say(" ".join(question.model_answer)).feedback
    assert scored is not None and scored["score"] >= engine.resources.rules.summary_work_below
    text = chat.say("stop").text
    assert f"{scored['score']}/100" in text
    assert not any(step.title in text for step in transition.plan)  # no plan steps for work not needed


def test_summary_without_answers_says_there_is_nothing_yet(chat):
    reply = chat.say("summary")
    assert reply.intent == "summary"
    assert "|" not in reply.text


@pytest.mark.parametrize("text", ["hello, I want practise kubernetes and docker please",
                                  "ok can we practise how i explain the switch",
                                  "can you give me one interview question to try"])
def test_a_request_to_practise_in_plain_words_starts_an_interview(chat, text):
    reply = chat.say(text)
    assert reply.question is not None and reply.feedback is None


def test_a_hedged_claim_does_not_count_as_knowing_the_skill(chat):
    chat.say("I used docker one time for a container of my notebook, kubernetes I only know the name")
    remembered = chat.say("what do you know about me")
    assert "already know Kubernetes" not in remembered.text


def test_why_in_an_interview_asks_about_the_score_not_the_topic_before_it(chat):
    chat.say("whats the pay like")
    chat.say("practice model serving")
    chat.say(WEAK_ANSWER)
    why = chat.say("why did that go up")
    assert why.intent == "score_explained" and why.feedback is None


def test_asking_for_another_kind_of_question_mid_interview_switches_to_it(chat):
    chat.say("practice data pipelines")
    technical = chat.say("can i get a technical one instead").question
    career = chat.say("now a career change one").question
    behavioural = chat.say("fine give me an easy one, behavioural").question
    assert technical["category"] == "technical" and career["category"] == "career-change"
    assert behavioural["category"] == "behavioural"


def test_a_request_the_coach_cannot_serve_mid_interview_is_not_scored(chat):
    chat.say("practice model serving")
    said = chat.say("remind me in a week to practise again")
    assert said.feedback is None and said.intent.startswith("out_of_scope")


def test_practising_the_weakest_skill_after_the_assessment(chat, engine):
    chat.say("assess my skills")
    for _ in range(10):
        reply = chat.say("yes, every day")
    chat.say("assess my skills again")
    answers = ["yes", "yes", "yes", "never used it", "yes", "yes", "yes", "yes", "yes", "yes"]
    for answer in answers:
        reply = chat.say(answer)
    weakest = chat.say("ok let's practise the weakest one").question
    assert weakest is not None and "feature-stores" in weakest["skills"]


def test_a_step_said_with_a_few_more_words_is_taken_but_an_answer_starting_with_one_is_scored(chat):
    first = chat.say("practice model serving").question
    moved = chat.say("skip this one abeg, i no understand am")
    assert moved.question is not None and moved.question["id"] != first["id"]
    scored = chat.say("Stop the rollout if latency rises")
    assert scored.feedback is not None


def test_a_question_about_the_score_mid_interview_explains_it(chat):
    chat.say("practice model serving")
    chat.say(WEAK_ANSWER)
    for text in ("is that score good for a junior?", "whats the max, and is that good enough for a senior loop"):
        assert chat.say(text).intent == "score_explained", text


def test_an_answer_offered_with_a_question_mark_is_scored(chat):
    asked = chat.say("practice kubernetes").question
    said = chat.say("no lo sé... i think you use docker to put the model and then run it?")
    assert said.feedback is not None and said.feedback["question_id"] == asked["id"]
    doubt_first = chat.say("honestly no idea, never used k8s at work. maybe you just run docker run on a server?")
    assert doubt_first.feedback is not None and doubt_first.feedback["question_id"] == asked["id"]
    missed = chat.say("what i missed? explain simple please")
    assert missed.feedback is None and missed.intent == "score_explained"


def test_a_memory_request_mid_interview_is_not_scored(chat):
    chat.say("I'm a data scientist on 62k in Leeds")
    chat.say("practice model serving")
    said = chat.say("Please forget my salary. I should not have typed it.")
    assert said.feedback is None
    assert "salary" not in chat.state["profile"] or not chat.state["profile"].get("salary")


def test_a_point_added_after_feedback_is_scored_with_the_answer_it_extends(chat, engine):
    asked = chat.say("practice model serving").question
    outline = engine.knowledge.questions[asked["id"]].model_answer
    first = chat.say(" ".join(outline[:2]))
    added = chat.say("i forgot to say, " + " ".join(outline[2:]))
    assert added.feedback is not None and added.feedback["question_id"] == asked["id"]
    assert not added.feedback["needs_answer"]
    assert added.feedback["score"] >= first.feedback["score"]


def test_asking_for_the_answer_in_passing_shows_the_model_answer(chat, engine):
    asked = chat.say("practice model serving").question
    chat.say("no clue honestly")
    reply = chat.say("ok what's the answer then")
    assert reply.intent == "model_answer"
    assert engine.knowledge.questions[asked["id"]].model_answer[0] in reply.text


def test_how_long_an_answer_should_be_is_said_with_the_length_feedback_uses(chat, engine):
    chat.say("practice behavioural")
    reply = chat.say("how long should my answer be in the real interview")
    clarity = engine.resources.rubric.spec.clarity
    assert reply.feedback is None and reply.intent == "answer_length"
    assert f"{clarity.ideal_min_words}-{clarity.ideal_max_words}" in reply.text


def test_a_term_contrasted_with_its_plain_kind_is_explained(chat, engine):
    chat.say("practice model serving")
    reply = chat.say("whats the difference between dynamic batching and just normal batching? never used it tbh")
    entry = next(t for t in engine.knowledge.terms.values() if t.name == "dynamic batching")
    assert reply.feedback is None and entry.definition in reply.text


def test_a_short_aside_ending_in_a_step_or_a_request_is_not_scored(chat):
    chat.say("practice career change")
    chat.say("i want more money lol, thats the main reason honestly")
    summary = chat.say("this is pointless, give me the summary")
    assert summary.feedback is None and summary.intent == "summary"
    chat.say("practice")
    moved = chat.say("thank you. e se. next")
    assert moved.feedback is None and moved.question is not None


def test_a_long_attempt_that_misses_the_points_is_scored_and_counted(chat):
    chat.say("practice data pipelines")
    said = chat.say("For this one I go first check the data, make sure the pipeline dey validate the schema and "
                    "null values before training, then I go use Docker so the environment is same for training "
                    "and serving, and I go monitor the model after deployment so if something change we retrain am.")
    assert said.feedback is not None and not said.feedback["needs_answer"]
    assert chat.state["practice"]["attempts"].get(said.feedback["question_id"])  # counted in the summary


def test_asking_whether_a_retry_improved_or_how_things_stand_is_not_scored(chat, engine):
    asked = chat.say("practice model serving").question
    chat.say(WEAK_ANSWER)
    chat.say(strong_answer(engine, asked["id"]))
    improved = chat.say("did it improve?")
    assert improved.feedback is None and improved.intent == "score_explained"
    assert chat.say("compare with before").intent == "score_explained"
    assert chat.say("too long?").intent == "answer_length"
    assert chat.say("where do I stand overall").intent == "summary"


@pytest.mark.parametrize("asked", ["one more shot at it, please", "let me do that answer over again",
                                   "ok let me redo it with numbers"])
def test_after_feedback_a_retry_asked_in_own_words_asks_the_same_question_again(chat, asked):
    question = chat.say("practice model serving").question
    chat.say(WEAK_ANSWER)
    retry = chat.say(asked)
    assert retry.intent == "practice_question" and retry.question["id"] == question["id"]
    assert retry.feedback is None


@pytest.mark.parametrize("asked", ["so what was I meant to say there?", "which bits were good and which were bad?",
                                   "I not understand the second tip, can you say it more easy?"])
def test_after_feedback_asking_what_was_missing_shows_it_instead_of_scoring_it(chat, asked):
    chat.say("practice model serving")
    chat.say(WEAK_ANSWER)
    explained = chat.say(asked)
    assert explained.intent in ("score_explained", "model_answer") and explained.feedback is None


@pytest.mark.parametrize("asking", ["let me have another crack at that one", "I'll give it another shot"])
def test_asking_for_another_go_in_ones_own_words_keeps_the_same_question(chat, asking):
    first = chat.say("practice model serving")
    chat.say("I would put it in docker and use flask.")
    again = chat.say(asking)
    assert again.feedback is None and again.question is not None
    assert again.question["id"] == first.question["id"]


def test_a_step_said_after_thanks_is_taken(chat):
    asked = chat.say("practice model serving")
    chat.say("before I answer, how much does an entry level MLE earn?")
    back = chat.say("OK thank you. Now go back to the question please")
    assert back.feedback is None and back.question is not None and back.question["id"] == asked.question["id"]


def test_what_the_coach_remembers_is_shown_mid_interview_not_the_score(chat):
    chat.say("I'm a data scientist in Leeds on 52k")
    chat.say("practice")
    chat.say("I'd build a pipeline with airflow and docker and monitor it.")
    recalled = chat.say("what do you remember about my situation?")
    assert recalled.intent == "profile_recall" and "£52,000" in recalled.text and recalled.feedback is None


def test_the_score_explained_says_what_each_criterion_is_worth(chat, engine):
    question = engine.knowledge.questions[chat.say("practice model serving").question["id"]]
    chat.say(WEAK_ANSWER)
    explained = chat.say("what's the max for each of the criteria?")
    weights = engine.resources.rubric.spec.weights[question.category]
    assert explained.feedback is None
    assert all(f"up to {points}" in explained.text for points in weights.values() if points > 0)


@pytest.mark.parametrize(("asked", "wording"), [("ok let's practise the why-are-you-switching question", "why are you"),
                                               ("can we practise the biggest weakness question", "weakness")])
def test_a_question_asked_for_by_a_name_of_its_own_is_the_one_asked(chat, engine, asked, wording):
    reply = chat.say(asked)
    assert wording in engine.knowledge.questions[reply.question["id"]].text.casefold()


def test_the_summary_judges_technical_skills_only_by_technical_questions(chat, engine):
    chat.say("practice")
    asked = chat.replies[-1].question
    assert asked is not None
    chat.say(WEAK_ANSWER)
    summary = chat.say("stop").text
    question = engine.knowledge.questions[asked["id"]]
    technical = [engine.knowledge.skills[s] for s in question.skills if engine.knowledge.skills[s].kind == "technical"]
    # the opener ("tell me about yourself") draws on technical skills but does not test them
    assert question.category != "technical" and technical
    assert not any(skill.name in summary for skill in technical)


@pytest.mark.parametrize("named", ["kubernetes", "docker"])
def test_practising_one_name_of_a_skill_asks_questions_that_use_that_name(chat, named):
    question = chat.say(f"practice {named}").question
    assert question is not None and named in question["text"].casefold()


def test_explaining_a_score_names_what_was_made_and_the_other_answers_scores(chat, engine):
    first = chat.say("practice model serving").question
    chat.say(strong_answer(engine, first["id"]))
    second = chat.say("next").question
    chat.say(strong_answer(engine, second["id"]))
    reply = chat.say("which talking points did I cover, and did that one score lower than my first?")
    made = chat.state["practice"]["attempts"][second["id"]][-1]["covered"]
    assert reply.intent == "score_explained"
    assert made and all(label in reply.text for label in made)
    assert first["text"] in reply.text


def test_same_as_before_after_a_lead_in_is_scored_with_the_last_answer(chat):
    chat.say("practice model serving")
    first = chat.say("Dynamic batching means the server waits a few milliseconds to group incoming requests into "
                     "one batch so the GPU does more work per call. You get much higher throughput.").feedback
    second = chat.say("Let me have another go at that one. Same as before, but I'd add that each request may wait "
                      "a bit longer, so you cap the wait time and batch size to keep latency under budget.").feedback
    assert set(first["talking_points"]["covered"]) <= set(second["talking_points"]["covered"])
    assert second["score"] > first["score"]


def test_a_question_that_names_a_kind_of_interview_question_is_answered_not_a_new_interview(chat):
    chat.say("practice")
    asked = chat.state["practice"]["question"]
    reply = chat.say("do behavioural questions count much in MLE interviews vs the technical ones?")
    assert reply.intent != "practice_question" and chat.state["practice"]["question"] == asked
    assert chat.say("could we do some behavioural questions?").intent == "practice_question"


@pytest.mark.parametrize("text", ["nah skip that one too", "ok skip this", "yeah next one"])
def test_a_step_after_a_word_of_reluctance_moves_on_without_scoring(chat, text):
    first = chat.say("practice").question
    reply = chat.say(text)
    assert reply.feedback is None
    assert reply.question is not None and reply.question["id"] != first["id"]


def test_a_kind_of_question_asked_for_mid_interview_starts_that_kind(chat):
    chat.say("practice")
    reply = chat.say("can you give me a behavioural one now")
    assert reply.feedback is None and reply.question["category"] == "behavioural"


def test_a_practice_question_asked_for_in_chat_shorthand_names_its_skill(chat, engine):
    reply = chat.say("gimme a practice q on k8s")
    assert reply.feedback is None
    assert "kubernetes-docker" in engine.knowledge.questions[reply.question["id"]].skills


@pytest.mark.parametrize("text", ["ok i'm going to stop there, i'm a bit tired", "I think I'll leave it there for tonight"])
def test_leaving_in_own_words_while_a_question_waits_is_not_scored(chat, text):
    chat.say("practice")
    reply = chat.say(text)
    assert reply.feedback is None and reply.question is None
    assert chat.state["mode"] != "practice"


@pytest.mark.parametrize("asking, said", [
    ("before I answer - what does canary mean? I keep seeing it in job ads", "traffic"),
    ("What is the meaning of 'readiness probe'? An interviewer asked me once and I went blank", "ready"),
])
def test_a_term_asked_first_in_a_longer_message_is_explained_not_scored(chat, asking, said):
    asked = chat.say("practice model serving").question
    term = chat.say(asking)
    assert term.feedback is None and term.intent == "term_explained"
    assert said in term.text and asked["text"] in term.text


def test_a_question_inside_a_later_sentence_of_an_answer_is_part_of_the_answer(chat):
    asked = chat.say("practice model serving").question
    reply = chat.say("I would group requests that arrive close together. Then I'd ask: what is a readiness probe "
                     "doing while the model loads, and how long can a request wait?")
    assert reply.feedback is not None and reply.feedback["question_id"] == asked["id"]


def test_asking_for_the_weakest_part_of_an_answer_explains_the_score(chat):
    chat.say("practice model serving")
    scored = chat.say(WEAK_ANSWER).feedback
    reply = chat.say("what's the weakest part of my answer?")
    assert reply.intent == "score_explained" and f"{scored['score']}/100" in reply.text
