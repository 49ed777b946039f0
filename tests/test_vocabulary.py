"""Categories and levels are defined once, in data/vocabulary.yaml: what the API accepts, what pages
call them and what the knowledge base holds follow from that file, with no code naming them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from chatbot.dialogue import Engine
from chatbot.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def renamed(tmp_path_factory, engine) -> Engine:
    """The shipped content with the category `technical` renamed `engineering` wherever content names it."""
    root = tmp_path_factory.mktemp("renamed")
    data, intents = root / "data", root / "intents"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "intents", intents)
    vocabulary = yaml.safe_load((data / "vocabulary.yaml").read_text(encoding="utf-8"))
    for category in vocabulary["categories"]:
        if category["id"] == "technical":
            category.update(id="engineering", name="Engineering craft")
    (data / "vocabulary.yaml").write_text(yaml.safe_dump(vocabulary), encoding="utf-8")
    for path in (data / "questions").glob("technical-*.yaml"):
        rewrite(path, "category: technical", "category: engineering")
    rewrite(data / "rubric.yaml", "\n  technical: {", "\n  engineering: {")
    rewrite(intents / "_entities.yaml", "\n  technical: [", "\n  engineering: [")
    return Engine.load(data, intents, engine.resources.encoder)


def test_the_api_filters_by_the_vocabularys_ids(app_factory, renamed, knowledge):
    client = app_factory(ENGINE=renamed).test_client()
    found = client.get("/api/questions?category=engineering")
    assert found.status_code == 200
    technical = {q.id for q in knowledge.questions_for(category="technical")}
    assert {q["id"] for q in found.get_json()["questions"]} == technical
    refused = client.get("/api/questions?category=technical")
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "unknown_category"


def test_pages_name_categories_as_the_vocabulary_does(app_factory, renamed):
    page = app_factory(ENGINE=renamed).test_client().get("/").get_data(as_text=True)
    assert "Engineering craft" in page


def test_the_shipped_ids_are_the_contracts(knowledge):
    assert list(knowledge.categories) == ["career-change", "behavioural", "technical"]
    assert {q.category for q in knowledge.questions.values()} == set(knowledge.categories)


def test_salary_bands_follow_the_vocabularys_levels(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    rewrite(data / "vocabulary.yaml", "  - id: senior\n    name: senior\n",
            "  - id: senior\n    name: senior\n  - id: principal\n    name: principal\n")
    role = data / "roles" / "machine-learning-engineer.yaml"
    rewrite(role, "salary:\n", "salary:\n  principal: {min: 170000, max: 220000}\n")
    kb = load_knowledge(data)
    assert list(kb.levels)[-1] == "principal"
    band = kb.roles["machine-learning-engineer"].salary.band("principal")
    assert band is not None and band.max == 220000
