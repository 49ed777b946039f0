"""Feedback by meaning, through the engine's resources and the API: plain words earn credit, the credited
span is quoted, and pasting the coach's own words back earns nothing."""

from __future__ import annotations

import pytest

from chatbot.feedback import assess


@pytest.fixture(scope="module")
def res(engine):
    return engine.resources


def score(res, question_id, answer):
    return assess(res.knowledge.questions[question_id], answer, res.rubric, meaning=res.meaning)


PLAIN_LATENCY = (
    "On a fraud model I looked first at where the time actually went, and most of it was the model itself. "
    "I made the model smaller by storing its numbers with less precision, which made each answer come back "
    "about twice as fast with almost no loss in accuracy. I also grouped requests that arrived together so "
    "the machine handled them in one go, and I kept the slow feature lookups in memory between calls."
)


def by_meaning_and_by_cues(res, question_id, answer):
    """The same answer judged with the encoder and by cue phrases alone."""
    question = res.knowledge.questions[question_id]
    return assess(question, answer, res.rubric, meaning=res.meaning), assess(question, answer, res.rubric)


def test_plain_words_earn_points_that_cue_phrases_alone_would_miss(res):
    by_meaning, by_cues = by_meaning_and_by_cues(res, "reduce-inference-latency", PLAIN_LATENCY)
    assert len(by_meaning.covered) > len(by_cues.covered)
    assert by_meaning.score > by_cues.score


def test_every_credited_point_quotes_a_span_of_the_answer(res):
    feedback = score(res, "reduce-inference-latency", PLAIN_LATENCY)
    assert feedback.highlights
    for h in feedback.highlights:
        assert PLAIN_LATENCY[h.start:h.end] == h.text
    assert len(feedback.highlights) >= len(feedback.covered)
    assert not set(feedback.covered) & set(feedback.missed)


def test_the_coachs_own_tips_and_labels_pasted_back_earn_little(res):
    for question in res.knowledge.questions.values():
        tips = " ".join(f"I {p.tip[0].lower()}{p.tip[1:]}" for p in question.talking_points)
        labels = " ".join(f"I {p.label[0].lower()}{p.label[1:]}." for p in question.talking_points)
        assert score(res, question.id, tips).score <= 20, question.id
        assert score(res, question.id, labels).score <= 20, question.id


def test_the_question_repeated_back_earns_little(res):
    for question in res.knowledge.questions.values():
        assert score(res, question.id, f"{question.text} {question.text}").score <= 20, question.id


def test_the_api_scores_by_meaning(client):
    plain = client.post("/api/feedback", json={"question_id": "reduce-inference-latency", "answer": PLAIN_LATENCY})
    assert plain.status_code == 200
    points = plain.get_json()["feedback"]["talking_points"]
    assert points["covered"] and not set(points["covered"]) & set(points["missed"])


def test_a_known_misconception_earns_nothing_and_is_named(res):
    feedback = score(res, "what-a-feature-store-solves",
                     "Honestly a feature store is basically just a cache that sits in front of the database so "
                     "lookups are quick. We used one at work and it was fine.")
    relevance = feedback.criteria[0].comment
    assert "misconception" in relevance and "feature store is basically" in relevance
    assert "Serves features online and offline" not in feedback.covered


def test_saying_the_opposite_of_a_misconception_is_not_taken_for_it(res):
    feedback = score(res, "avoid-data-leakage",
                     "With time series I never shuffle before splitting: I train on the past and test on the "
                     "most recent months, so the model cannot peek at the future.")
    assert "misconception" not in feedback.criteria[0].comment
    assert feedback.covered


def _words(text):
    import re as _re

    return _re.findall(r"[A-Za-z][A-Za-z'-]+", text)


@pytest.mark.parametrize("times", [1, 4])
def test_keyword_lists_shuffled_words_and_filler_earn_little_at_any_length(res, times):
    import random

    rng = random.Random(5)
    filler = ("I am a passionate, hard-working team player who always goes the extra mile. "
              "I believe in doing things properly and I learn fast. ")
    worst = {}
    for question in res.knowledge.questions.values():
        words = _words(" ".join(question.model_answer)) * times
        shuffled = words[:]
        rng.shuffle(shuffled)
        gamed = {
            "keywords": ", ".join(w for w in words if len(w) > 5),
            "shuffled": " ".join(shuffled) + ".",
            "filler": filler * times,
        }
        for kind, text in gamed.items():
            worst[kind] = max(worst.get(kind, 0), score(res, question.id, text).score)
    assert all(value <= 20 for value in worst.values()), worst


def test_i_dont_know_gets_a_nudge_and_the_hint_not_a_zero_with_the_whole_rubric(res):
    question = res.knowledge.questions["batch-versus-online-inference"]
    feedback = score(res, question.id, "not sure what to say here, never done this")
    assert feedback.needs_answer
    assert question.hint in " ".join(feedback.tips)


def test_an_answer_to_another_question_says_which_one_and_asks_for_no_more_substance(res):
    questions = res.knowledge.questions
    other = questions["deploy-a-model-on-kubernetes"]
    feedback = assess(questions["tight-deadline"], " ".join(other.model_answer), res.rubric, meaning=res.meaning)
    assert feedback.score <= 25
    assert other.text in feedback.summary
    assert not any("substance" in tip for tip in feedback.tips)


def test_a_strong_answer_to_a_neighbouring_question_the_bank_does_not_ask_earns_little_and_is_named(res):
    """Running out of GPU memory, answered where a loss turning to NaN was asked: the bank asks no question
    on memory, but the question's neighbours hold it, so the answer is judged one to that question."""
    answer = ("When training kept crashing because the graphics card ran out of memory, I halved the batch and "
              "added up gradients over two steps before each update. I switched to half precision and recomputed "
              "activations during the backward pass instead of keeping them all. That let a single 24 gigabyte "
              "card fine-tune our text model with an effective batch of 32, with no new hardware.")
    question = res.knowledge.questions["loss-becomes-nan"]
    assert not any("memory" in q.text for q in res.knowledge.questions.values())
    feedback = score(res, question.id, answer)
    assert feedback.score <= 25
    assert any(n.text in feedback.summary for n in question.neighbours)


@pytest.mark.parametrize("answered, asked", [("reduce-inference-latency", "dynamic-batching"),
                                            ("cut-serving-cost", "reduce-inference-latency")])
def test_an_answer_to_a_neighbouring_question_is_not_told_it_made_every_point(res, answered, asked):
    """Each point it is told it made still earns at least the floor of credit once the answer is judged
    one to another question, so the covered list never contradicts a low score."""
    questions = res.knowledge.questions
    feedback = assess(questions[asked], " ".join(questions[answered].model_answer), res.rubric, meaning=res.meaning)
    relevance = {c.id: c for c in feedback.criteria}["relevance"]
    assert questions[answered].text in feedback.summary
    assert len(feedback.covered) < len(questions[asked].talking_points)
    floor = res.rubric.spec.matching.covered_floor
    assert relevance.score >= len(feedback.covered) * floor * relevance.max / len(questions[asked].talking_points) - 1


def test_a_sentence_that_takes_the_answer_back_earns_nothing_and_is_quoted_as_such(res):
    done = ("I cut the latency of our pricing model by grouping requests that arrived together so the machine "
            "handled them in one go. I also made the model smaller by storing its numbers with less precision.")
    undone = ("I cut the latency of our pricing model by grouping requests that arrived together so the machine "
              "handled them in one go. I haven't tried making the model smaller by storing its numbers with "
              "less precision.")
    claimed, taken_back = score(res, "reduce-inference-latency", done), score(res, "reduce-inference-latency", undone)
    assert taken_back.score < claimed.score
    assert len(taken_back.covered) < len(claimed.covered)
    back = undone.index("I haven't")
    assert all(h.end <= back for h in taken_back.highlights)
    relevance = next(c for c in taken_back.criteria if c.id == "relevance")
    assert "I haven't tried" in relevance.comment
    clarity = next(c for c in taken_back.criteria if c.id == "clarity")
    assert "I haven't tried" not in clarity.comment  # a full sentence, not called a fragment


def test_a_numbered_list_of_full_sentences_is_not_called_fragments(res):
    answer = ("Three things matter here.\n1. Profile first: I measure where the time goes before changing anything.\n"
              "2. Then I make the model smaller with quantisation, which halved latency on our fraud model.\n"
              "3. Finally I batch requests that arrive together so the hardware stays busy.")
    clarity = next(c for c in score(res, "reduce-inference-latency", answer).criteria if c.id == "clarity")
    assert "4 of 4 sentences" in clarity.comment and "‘1’" not in clarity.comment


PLAIN_FRAMING = (
    "Nothing at work pleases me more than a model of mine still doing its job for people months after the "
    "analysis ended, and that is the work I'd like to fill my week with now. Years of testing models against "
    "messy real data mean I already spot the problems that take live systems down, since I have caused and "
    "fixed plenty of them."
)


def test_career_change_framing_said_in_plain_words_is_recognised_and_quoted(res):
    by_meaning, by_cues = by_meaning_and_by_cues(res, "why-machine-learning-engineering", PLAIN_FRAMING)
    framing = {c.id: c for c in by_meaning.criteria}["framing"]
    assert framing.score > {c.id: c for c in by_cues.criteria}["framing"].score
    assert "Missing" not in framing.comment
    assert "Years of testing models" in framing.comment  # the sentence that makes the link, quoted


SCENE_IN_PLAIN_WORDS = (
    "At a furniture retailer I'd built a model that guessed which sofas would sell out each week. The warehouse "
    "team had to trust it before they would order stock from it, and they kept asking what happens when it is "
    "wrong. I sat with them for two weeks, showed them the misses next to the hits, and we agreed a simple rule "
    "for when a person double-checks the number. After that they ordered from it every Monday and stock-outs "
    "fell by a fifth over the quarter."
)
SCENE_IN_STOCK_PHRASES = SCENE_IN_PLAIN_WORDS.replace("At a furniture retailer I'd built", "In my last role I built")


def test_a_story_set_in_plain_words_earns_the_structure_and_example_of_a_stock_opening(res):
    """ "At a retailer I'd built..." sets the scene and gives a concrete example as much as "In my last role"."""
    plain = score(res, "handing-a-model-to-engineering", SCENE_IN_PLAIN_WORDS)
    stock = score(res, "handing-a-model-to-engineering", SCENE_IN_STOCK_PHRASES)
    unset = score(res, "handing-a-model-to-engineering", SCENE_IN_PLAIN_WORDS.replace(
        "At a furniture retailer I'd built", "I built"))
    by_id = {c.id: c.score for c in plain.criteria}
    assert by_id == {c.id: c.score for c in stock.criteria}
    assert by_id["structure"] > next(c.score for c in unset.criteria if c.id == "structure")



def test_a_point_made_too_faintly_is_neither_credited_nor_listed_as_covered(res, engine):
    import yaml

    from chatbot.feedback import Rubric
    from tests.conftest import DATA_DIR

    data = yaml.safe_load((DATA_DIR / "rubric.yaml").read_text(encoding="utf-8"))
    question = engine.knowledge.questions["reduce-inference-latency"]
    said = "You could run it on better hardware I suppose."  # a point touched on: part credit

    def judged(floor: float):
        data["matching"]["covered_floor"] = floor
        return assess(question, said, Rubric.from_mapping(data), meaning=res.meaning)

    loose, strict = judged(0.0), judged(0.99)
    assert loose.covered and not strict.covered
    assert strict.score < loose.score


def test_a_short_answer_is_too_short_to_be_an_answer_to_another_question(res, engine):
    question = engine.knowledge.questions["tell-me-about-yourself"]
    said = ("Mostly I am leaving data science because models I build sit in notebooks; I want to be the person "
            "who ships them and keeps them running in production.")
    feedback = assess(question, said, res.rubric, meaning=res.meaning)
    others = [q.text for q in engine.knowledge.questions.values() if q.id != question.id]
    assert not any(text in c.comment for c in feedback.criteria for text in others)
    assert feedback.covered


def test_a_short_answer_that_shares_a_technique_with_another_question_still_makes_its_point(res):
    # overwriting date partitions is also how a backfill is done, yet here it is how reruns stay safe
    feedback = score(res, "idempotent-pipelines", "I would make each step idempotent by overwriting partitions by "
                                                   "date so reruns give the same result, and use upserts with keys")
    assert feedback.score > 0 and feedback.to_dict()["talking_points"]["covered"]
