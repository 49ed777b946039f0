"""A new career move is only data: add a role and a transition file, and the whole engine serves it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from chatbot.dialogue import Engine

ROOT = Path(__file__).resolve().parent.parent
NEW_ROLE = {
    "id": "data-analyst",
    "name": "Data Analyst",
    "aliases": ["data analyst", "analyst"],
    "sector": "Technology",
    "summary": "Answers business questions with data: queries, dashboards and clear reports.",
    "skills": ["python-data-stack", "analytical-thinking", "structured-communication"],
    "salary": {"currency": "GBP", "mid": {"min": 35000, "max": 50000}},
    "day_to_day": [{"title": "Querying and reporting", "detail": "Pulls data together and explains it."}],
    "rhythm": "Weekly reporting cycles with requests from around the business.",
}
NEW_TRANSITION = "data-analyst-to-machine-learning-engineer"


@pytest.fixture(scope="module")
def grown_engine(tmp_path_factory) -> Engine:
    """The shipped content plus one role and one transition, written as files: no code changes."""
    data = tmp_path_factory.mktemp("grown") / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "roles" / "data-analyst.yaml").write_text(yaml.safe_dump(NEW_ROLE), encoding="utf-8")
    source = data / "transitions" / "data-scientist-to-machine-learning-engineer.yaml"
    move = yaml.safe_load(source.read_text(encoding="utf-8"))
    move.update(id=NEW_TRANSITION, from_role="data-analyst", transfer_notes={}, gap_notes={})
    for stage in move["salary"]["stages"]:
        stage["role"] = "data-analyst" if stage["role"] == "data-scientist" else stage["role"]
    (data / "transitions" / f"{NEW_TRANSITION}.yaml").write_text(yaml.safe_dump(move), encoding="utf-8")
    return Engine.load(data, ROOT / "intents")


def chat(engine: Engine, transition: str, *texts: str) -> list[str]:
    turn = engine.open(transition)
    state, answers = turn.state, []
    for text in texts:
        turn = engine.respond(json.loads(json.dumps(state)), text)
        state = turn.state
        answers.append("\n".join(reply.text for reply in turn.replies))
    return answers


def test_the_new_transition_is_offered_and_its_gaps_follow_from_the_roles(grown_engine):
    assert NEW_TRANSITION in grown_engine.transitions()
    gaps = {skill.id for skill in grown_engine.knowledge.gaps(NEW_TRANSITION)}
    assert {"deep-learning-frameworks", "project-coordination", "model-serving"} <= gaps
    assert "python-data-stack" not in gaps


def test_a_conversation_on_the_new_transition_answers_from_its_own_roles(grown_engine):
    greeting = grown_engine.open(NEW_TRANSITION).replies[0].text
    assert "Data Analyst" in greeting
    gaps_answer, = chat(grown_engine, NEW_TRANSITION, "which skills am I missing?")
    assert "Deep learning frameworks" in gaps_answer
    original, = chat(grown_engine, None, "which skills am I missing?")
    assert "Deep learning frameworks" not in original.split("\n")[0]


def test_the_original_transition_is_unchanged(grown_engine):
    default = grown_engine.knowledge.default_transition
    assert default == "data-scientist-to-machine-learning-engineer"
    assert len(grown_engine.knowledge.gaps(default)) == 5
