"""Every question's own model answer is a strong answer by its own rubric, and so is the same answer told
in plain words (tests/fixtures/plain_model_answers.yaml, written from the model answers alone)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chatbot.feedback import assess

PLAIN = Path(__file__).parent / "fixtures" / "plain_model_answers.yaml"
QUESTION_IDS = [item["question_id"] for item in yaml.safe_load(PLAIN.read_text(encoding="utf-8"))["answers"]]


@pytest.fixture(scope="module")
def plain():
    return {item["question_id"]: item["text"] for item in yaml.safe_load(PLAIN.read_text(encoding="utf-8"))["answers"]}


def test_every_question_has_a_plain_paraphrase(engine, plain):
    assert set(plain) == set(engine.knowledge.questions)


@pytest.mark.parametrize("question_id", QUESTION_IDS)
def test_model_answer_and_its_plain_paraphrase_score_well(engine, plain, question_id):
    res = engine.resources
    question = res.knowledge.questions[question_id]
    model = assess(question, " ".join(question.model_answer), res.rubric, meaning=res.meaning)
    assert model.score >= 85, (model.score, model.missed)
    paraphrase = assess(question, plain[question_id], res.rubric, meaning=res.meaning)
    assert paraphrase.score >= 75, (paraphrase.score, paraphrase.missed, [c.comment for c in paraphrase.criteria])
