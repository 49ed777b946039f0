"""The practice question bank is big enough, covers every skill, and each entry can drive feedback."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from chatbot.knowledge import load_knowledge

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MOVE = "data-scientist-to-machine-learning-engineer"
CATEGORIES = {"career-change", "behavioural", "technical"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(DATA_DIR)


def test_the_bank_holds_at_least_75_questions_spread_over_several_files(kb):
    assert len(kb.questions) >= 75
    assert len(list((DATA_DIR / "questions").glob("*.yaml"))) >= 5


def test_each_gap_skill_has_at_least_seven_questions_and_other_skills_four(kb):
    gaps = {s.id for s in kb.gaps(MOVE)}
    for skill_id in kb.skills:
        wanted = 7 if skill_id in gaps else 4
        assert len(kb.questions_for(skill=skill_id)) >= wanted, skill_id


def test_every_category_is_used_and_no_other(kb):
    counts = Counter(q.category for q in kb.questions.values())
    assert set(counts) == CATEGORIES
    assert counts["career-change"] >= 10 and counts["behavioural"] >= 10


def test_the_documents_interview_questions_are_in_the_bank(kb):
    texts = {q.text for q in kb.questions_for(category="career-change")}
    for asked in ("Why are you leaving data science?", "Why machine learning engineering?",
                  "What makes you think you can do this role?"):
        assert asked in texts


def test_question_and_talking_point_ids_are_slugs_and_unique(kb):
    for question in kb.questions.values():
        assert SLUG.match(question.id)
        point_ids = [p.id for p in question.talking_points]
        assert len(set(point_ids)) == len(point_ids), question.id


def test_every_question_skill_exists(kb):
    for question in kb.questions.values():
        assert set(question.skills) <= set(kb.skills), question.id


def test_each_question_has_three_to_five_talking_points(kb):
    for question in kb.questions.values():
        assert 3 <= len(question.talking_points) <= 5, question.id


def test_each_talking_point_has_four_to_ten_short_cues_and_a_tip(kb):
    for question in kb.questions.values():
        for point in question.talking_points:
            where = f"{question.id}/{point.id}"
            assert 4 <= len(point.cues) <= 10, where
            assert len(set(point.cues)) == len(point.cues), where
            assert all(cue == cue.lower() and len(cue.split()) <= 3 for cue in point.cues), where
            assert point.tip.endswith(".") and len(point.tip.split()) >= 6, where


def test_a_cue_belongs_to_one_talking_point_per_question(kb):
    for question in kb.questions.values():
        cues = [cue for point in question.talking_points for cue in point.cues]
        assert len(set(cues)) == len(cues), question.id


def test_each_question_has_an_outline_a_hint_and_a_follow_up(kb):
    for question in kb.questions.values():
        assert 3 <= len(question.model_answer) <= 6, question.id
        assert question.hint and question.follow_up.endswith("?"), question.id


def test_question_texts_are_not_repeated(kb):
    texts = [q.text.lower() for q in kb.questions.values()]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(
    ("skill", "concepts"),
    [
        ("ml-systems-design", ["training/serving skew", "canary", "drift"]),
        ("data-pipelines-etl", ["idempotent", "backfill", "watermark"]),
        ("feature-stores", ["point-in-time", "online store", "offline store"]),
        ("kubernetes-docker", ["multi-stage", "hpa", "limits"]),
        ("model-serving", ["batch inference", "quantisation", "onnx"]),
    ],
)
def test_technical_questions_teach_core_engineering_concepts(kb, skill, concepts):
    covered = " ".join(
        " ".join([q.text, *q.model_answer, *(c for p in q.talking_points for c in p.cues)]).lower()
        for q in kb.questions_for(skill=skill, category="technical")
    )
    for concept in concepts:
        assert concept in covered, (skill, concept)


def test_cues_include_both_spellings_where_british_and_american_differ(kb):
    all_cues = {cue for q in kb.questions.values() for p in q.talking_points for cue in p.cues}
    for british, american in [("quantisation", "quantization"), ("optimised", "optimized"),
                              ("materialise", "materialize"), ("prioritised", "prioritized"),
                              ("utilisation", "utilization"), ("normalise", "normalize")]:
        assert british in all_cues and american in all_cues, british
