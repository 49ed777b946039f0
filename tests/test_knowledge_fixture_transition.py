"""A second, unrelated career move loads from its own folder and derives its skills with no code changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chatbot.knowledge import load_knowledge

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "knowledge"
MOVE = "data-analyst-to-data-scientist"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(FIXTURE)


def test_the_only_transition_becomes_the_default(kb):
    assert list(kb.transitions) == [MOVE]
    assert kb.default_transition == MOVE


def test_transferable_skills_are_the_target_skills_the_analyst_already_has(kb):
    assert [s.id for s in kb.transferable(MOVE)] == ["sql", "structured-communication"]


def test_gaps_are_the_target_skills_the_analyst_lacks(kb):
    assert [s.id for s in kb.gaps(MOVE)] == ["python-data-stack", "machine-learning"]


def test_skills_only_the_starting_role_has_are_neither(kb):
    derived = {s.id for s in kb.transferable(MOVE)} | {s.id for s in kb.gaps(MOVE)}
    assert "spreadsheets" not in derived


def test_derivation_follows_a_change_to_the_role_file(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, copy)
    analyst = copy / "roles" / "data-analyst.yaml"
    analyst.write_text(
        analyst.read_text(encoding="utf-8").replace(
            "skills: [sql, spreadsheets, structured-communication]",
            "skills: [sql, spreadsheets, structured-communication, python-data-stack]",
        ),
        encoding="utf-8",
    )
    kb = load_knowledge(copy)
    assert [s.id for s in kb.gaps(MOVE)] == ["machine-learning"]
    assert "python-data-stack" in {s.id for s in kb.transferable(MOVE)}


def test_questions_pinned_to_the_transition_and_unpinned_ones_both_fit(kb):
    fitting = {q.id for q in kb.questions_for(transition=MOVE)}
    assert fitting == {"why-data-science", "explain-overfitting", "join-two-tables"}
    assert [q.id for q in kb.questions_for(skill="sql")] == ["join-two-tables"]
    assert [q.id for q in kb.questions_for(category="career-change")] == ["why-data-science"]
