"""Understanding by meaning, through the engine: questions the word matcher misses, several questions in
one message, passages of the guide for the long tail, and honest refusals."""

from __future__ import annotations


def replies(engine, text):
    return engine.respond(engine.open(None).state, text).replies


def test_the_core_question_in_plain_words_gets_the_answer(engine):
    said = replies(engine, "can a data scientist transition to machine learning engineering?")
    assert said[-1].intent != "fallback"
    assert "6-12 months" in " ".join(r.text for r in said)


def test_two_questions_in_one_line_get_two_answers(engine):
    said = replies(engine, "How long does the switch usually take, and what does an entry-level MLE make?")
    text = " ".join(r.text for r in said)
    assert len(said) == 2
    assert "6-12 months" in text and "£34,000" in text


def test_two_questions_after_a_heading_and_the_second_asked_in_its_own_words_get_two_answers(engine):
    said = replies(engine, "Two things: how long does the switch usually take, and will I need to take a pay cut?")
    assert [r.intent for r in said] == ["timeline", "salary"]


def test_a_question_joined_by_and_with_its_own_question_words_is_answered_too(engine):
    said = replies(engine, "Can I do this while still working full time, and how many hours a week would it need?")
    assert len(said) == 2 and said[0].intent == "work_while_transitioning"


def test_a_long_story_with_the_question_last_is_answered(engine):
    story = ("I've been a data scientist for four years, mostly churn models in pandas and scikit-learn. "
             "My company has no ML engineers and I deploy nothing myself. "
             "I like the idea of owning the whole system though. "
             "so realistically how long would it take me to become an ML engineer??")
    said = replies(engine, story)
    assert said[-1].intent != "fallback"
    assert "6-12 months" in " ".join(r.text for r in said)


def test_a_question_no_intent_covers_is_answered_from_the_guide_with_its_source(engine):
    said = replies(engine, "which course platforms are good for learning model serving?")[-1]
    assert said.intent == "guide_passage"
    assert "Coursera" in said.text and "From the guide" in said.text


def test_a_general_answer_gains_the_detail_the_question_asked_for(engine):
    said = replies(engine, "Can a data scientist transition to machine learning engineering?")[-1]
    assert said.intent == "realistic" and "from the guide" in said.text.casefold()


def test_quitting_before_an_offer_is_told_to_wait_for_one(engine):
    said = replies(engine, "should I hand in my notice before I get an ML engineer offer?")[-1]
    assert said.intent == "work_while_transitioning" and "offer" in said.text.casefold()


def test_a_guide_detail_is_added_only_when_it_says_something_new_on_the_same_topic(engine):
    for text in ("should I ask my employer for a four-day week?", "is an internal move a good first step?"):
        said = replies(engine, text)[-1]
        assert "from the guide" not in said.text.casefold(), text


def test_requests_it_cannot_serve_are_declined_without_destructive_suggestions(engine):
    for text in ("can you email me this conversation", "can you email me a summary of this",
                 "find me ML engineer jobs in Leeds",
                 "do I need a visa to work as an ML engineer in the UK"):
        said = replies(engine, text)[-1]
        assert said.intent.startswith("out_of_scope"), text
        assert not any(q.casefold() == "restart" for q in said.quick_replies)


def test_a_near_miss_with_familiar_words_still_falls_back(engine):
    for text in ("explain backpropagation step by step for my exam",
                 "my pandas merge gives duplicate rows, how do I fix it",
                 "what do ML engineers earn in the United States"):
        intent = replies(engine, text)[-1].intent  # not answered: a fallback or an honest "I can't"
        assert intent == "fallback" or intent.startswith("out_of_scope"), text


def test_a_different_career_move_is_declined_but_a_bridge_to_this_one_is_not(engine):
    for text in ("analyst for 3 years, I want to become a data engineer. how long does it take?",
                 "thinking of switching to product management, is it a pay cut?"):
        said = replies(engine, text)[-1]
        assert said.intent.startswith("out_of_scope"), text
        assert "£" not in said.text
    bridge = replies(engine, "would moving into a data engineer role first help me become an ML engineer later?")
    assert not any(r.intent.startswith("out_of_scope") for r in bridge)


def test_a_pasted_job_advert_is_read_against_the_persons_skills(engine):
    advert = ("ML Engineer, London. You will build pipelines in Airflow, serve models behind APIs, run them on "
              "Kubernetes and work in Python with pandas and PyTorch. Am I a fit or kidding myself?")
    said = replies(engine, advert)[-1]
    assert said.intent == "job_advert_fit" and said.feedback is None
    assert "Python" in said.text and "Kubernetes" in said.text
    assert said.text.index("Python") < said.text.index("Kubernetes")  # what they bring, then what to build


def test_a_pasted_cv_extract_gets_advice_about_that_cv(engine):
    cv = ("Data Scientist, Acme Retail (2019-present). Built churn and demand models in Python and pandas, "
          "ran A/B tests with the product team, wrote weekly dashboards for leadership, and deployed one model "
          "with Docker to a small API that the web team calls. Mentored two juniors and ran our reading group.")
    said = replies(engine, cv)[-1]
    assert said.intent == "cv_review" and "summary" in said.text.casefold()
    assert "Docker" in said.text


def test_asking_the_coach_to_write_something_is_declined_with_what_it_can_do(engine):
    for text in ("write my cover letter for a staff nurse job, I have 3 years on a ward",
                 "can you write me a LinkedIn post about my promotion"):
        said = replies(engine, text)[-1]
        assert said.intent.startswith("out_of_scope"), text
    advice = replies(engine, "how should I write my cover letter for ML engineering jobs?")[-1]
    assert advice.intent == "cover_letter"


def test_a_message_in_another_language_is_answered_honestly_in_english(engine):
    said = replies(engine, "Bonjour, je suis data scientist à Lyon. Est-ce que le salaire d'un ML engineer est plus élevé?")[-1]
    assert said.intent.startswith("out_of_scope")
    borrowed = replies(engine, "sim, I am data scientist in São Paulo, how long the switch take?")[-1]
    assert not borrowed.intent.startswith("out_of_scope")


def test_someone_starting_from_another_role_is_told_plainly_this_coach_covers_one_move(engine):
    for text in ("backend dev, 4 yoe in java. how long would it take me to become an ML engineer?",
                 "devops engineer here, want to be an MLOps engineer. what's different from what i do now?"):
        assert replies(engine, text)[-1].intent == "out_of_scope_other_move", text
    said = replies(engine, "I'm a data scientist, used to be a backend dev. how long until I'm an ML engineer?")
    assert said[-1].intent != "out_of_scope_other_move"
    assert "6-12 months" in " ".join(r.text for r in said)


def test_another_roles_pay_or_a_move_away_from_this_one_is_declined_and_this_moves_pay_is_not(engine):
    for text in ("what does an analytics engineer earn in Manchester?",
                 "sick of on-call as an MLE, thinking of going back to data science. will I lose money?",
                 "QA tester with 5 years experience, how do I become a devops engineer?",
                 "ok forget MLE for a sec, I'm leaning towards ux research, how do I start?"):
        assert replies(engine, text)[-1].intent == "out_of_scope_other_move", text
    for text in ("what do data scientists earn at mid level?", "what does an ML engineer earn at entry level?"):
        said = replies(engine, text)
        assert said[-1].intent == "salary", text
        assert "£" in said[-1].text


def test_a_clear_reading_by_meaning_stands_in_for_words_that_pointed_elsewhere(engine):
    said = replies(engine, "What is the salary of ML engineer with some years of experience, the middle level?")
    assert said[-1].intent == "salary"
    assert "55,000" in said[-1].text


def test_asking_the_coach_to_find_jobs_or_send_alerts_is_declined(engine):
    for text in ("send me links to junior MLE postings please", "is deepmind hiring MLEs this month?",
                 "can you text me when new MLE jobs get posted?"):
        assert all(r.intent.startswith("out_of_scope") for r in replies(engine, text)), text


def test_a_question_on_visas_tax_or_admissions_is_declined_whatever_story_comes_first(engine):
    for text in ("what are the H1B lottery odds this year? my US offer for an MLE role depends on it",
                 "how much tax will i pay on £105k in the UK",
                 "should i apply to UCL's MSc in machine learning with a 2:2 in economics?"):
        said = replies(engine, text)
        assert all(r.intent.startswith("out_of_scope") for r in said), text
        assert not any("£34,000" in r.text for r in said), text


def test_a_story_that_mentions_a_visa_still_gets_its_question_answered(engine):
    said = replies(engine, "I'm on a skilled worker visa as a data scientist in Leeds. "
                           "How long does the move to ML engineering usually take?")
    assert "6-12 months" in " ".join(r.text for r in said)


def test_when_in_the_plan_is_answered_with_that_step_and_its_months(engine):
    said = replies(engine, "at what point in the plan should I start applying for jobs?")[-1]
    assert said.intent == "plan_step"
    assert "Month 7-10" in said.text
    said = replies(engine, "how many weeks should I spend researching roles")[-1]
    assert "Week 2-4" in said.text


def test_a_term_asked_as_the_second_question_is_explained_too(engine):
    said = replies(engine, "what do MLEs earn and whats quantisation")
    assert [r.intent for r in said] == ["salary", "term_explained"]
    assert "£34,000" in said[0].text and "int8" in said[1].text


def test_a_question_pointing_back_to_a_named_employer_in_the_story_is_declined(engine):
    said = replies(engine, "I've got an interview with Ocado Technology for an MLE role. What do they ask?")
    assert all(r.intent.startswith("out_of_scope") for r in said)
    kept = replies(engine, "I've got an interview next week for an MLE role. What do interviewers look for?")
    assert not any(r.intent.startswith("out_of_scope") for r in kept)


def test_a_message_in_another_script_is_answered_honestly_in_english(engine):
    said = replies(engine, "我是一名数据科学家，想转行做机器学习工程师。需要多长时间？")
    assert said[-1].intent == "out_of_scope_language"


def test_a_move_to_another_role_instead_of_this_one_is_declined(engine):
    said = replies(engine, "thinking about becoming a product manager instead of an MLE. how long does that take?")
    assert said[-1].intent == "out_of_scope_other_move"
    kept = replies(engine, "thinking about becoming an MLE instead of a product manager. how long does that take?")
    assert kept[-1].intent != "out_of_scope_other_move"


def test_a_skill_asked_about_twice_in_one_message_is_answered(engine):
    said = replies(engine, "What do feature stores look like in an MLE job, and what tools are used?")
    assert said and all(r.intent != "fallback" for r in said)
