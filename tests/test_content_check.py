"""`flask kb check` fails on content used but never defined, and on content defined but never used,
naming the file and the field each time; the engine refuses the first kind and serves despite the second."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result
from flask import Flask

from chatbot.cli import kb_cli
from chatbot.dialogue.content import Content
from chatbot.audit import audit, checked_engine
from chatbot.yamlfiles import ContentError, Finding

ROOT = Path(__file__).resolve().parent.parent
Edit = Callable[[Path, Path], None]


@pytest.fixture
def content(tmp_path: Path) -> tuple[Path, Path]:
    """Private copies of data/ and intents/, safe to break."""
    data, intents = tmp_path / "data", tmp_path / "intents"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "intents", intents)
    return data, intents


def check(data: Path, intents: Path) -> Result:
    app = Flask("content-check-test")
    app.config.update(DATA_DIR=str(data), INTENTS_DIR=str(intents))
    app.cli.add_command(kb_cli)
    return app.test_cli_runner().invoke(args=["kb", "check"])


def change(path: Path, edit: Callable[[Any], object]) -> None:
    """Load a YAML file, change it in place, and write it back."""
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(loaded)
    path.write_text(yaml.safe_dump(loaded, sort_keys=False, allow_unicode=True), encoding="utf-8")


def add_intent(intents: Path, **fields: Any) -> None:
    (intents / "extra.yaml").write_text(yaml.safe_dump({"intents": [fields]}), encoding="utf-8")


def salary_twin(data: Path, intents: Path) -> None:
    """An intent whose every example is another intent's: no message can ever reach it."""
    money = yaml.safe_load((intents / "money.yaml").read_text(encoding="utf-8"))["intents"]
    salary = next(intent for intent in money if intent["name"] == "salary")
    add_intent(intents, name="pay_twin", kind="topic", answer="salary", cues=["pay"],
               examples=salary["examples"][:8])


def extra_skill(data: Path, intents: Path) -> None:
    change(data / "skills.yaml", lambda skills: skills.append(
        {**skills[0], "id": "juggling", "name": "Juggling", "aliases": [], "usage": {}}))


def lone_role(data: Path, intents: Path) -> None:
    role = yaml.safe_load((data / "roles" / "data-scientist.yaml").read_text(encoding="utf-8"))
    role.update(id="statistician", name="Statistician")
    (data / "roles" / "statistician.yaml").write_text(yaml.safe_dump(role), encoding="utf-8")


def extra_level(data: Path, intents: Path) -> None:
    new_level = {"id": "principal", "name": "principal"}
    change(data / "vocabulary.yaml", lambda words: words["levels"].append(new_level))


def extra_wording(data: Path, intents: Path) -> None:
    (data / "responses" / "extra.yaml").write_text("orphan_wording:\n  text: Nobody asks for this.\n",
                                                   encoding="utf-8")


UNUSED: dict[str, tuple[Edit, str, str]] = {
    "a skill nothing names": (extra_skill, "data/skills.yaml", "[10]"),
    "a role no transition joins": (lone_role, "data/roles/statistician.yaml", "id"),
    "a level no salary band is set at": (extra_level, "data/vocabulary.yaml", "levels[3]"),
    "a wording nothing asks for": (extra_wording, "data/responses/extra.yaml", "orphan_wording"),
    "an intent no message reaches": (salary_twin, "intents/extra.yaml", "intents[0]"),
}


def findings(data: Path, intents: Path) -> list[Finding]:
    return audit(Content.load(data, intents)).findings()


@pytest.mark.parametrize("case", UNUSED)
def test_content_defined_but_never_used_fails_the_check(content, case):
    data, intents = content
    edit, file, field = UNUSED[case]
    edit(data, intents)
    assert [(f.kind, f.file, f.field) for f in findings(data, intents)] == [("unused", file, field)]
    result = check(data, intents)
    assert result.exit_code == 1 and f"{file}: {field}:" in result.output, result.output


def dialogue_rules(**update: Any) -> Edit:
    """A case that sets fields of data/responses/cues/dialogue.yaml."""
    return lambda data, intents: change(data / "responses" / "cues" / "dialogue.yaml", lambda rules: rules.update(update))


UNDEFINED: dict[str, tuple[Edit, str]] = {
    "entity words for an unknown level": (
        lambda data, intents: change(intents / "_entities.yaml",
                                     lambda words: words["levels"].update(expert=["guru"])),
        "intents/_entities.yaml: levels.expert"),
    "entity words for an unknown category": (
        lambda data, intents: change(intents / "_entities.yaml",
                                     lambda words: words["categories"].update(coding=["leetcode"])),
        "intents/_entities.yaml: categories.coding"),
    "a category the rubric has no weights for": (
        lambda data, intents: change(data / "rubric.yaml",
                                     lambda rubric: rubric["weights"].pop("behavioural")),
        "data/rubric.yaml: weights"),
    "a story category the vocabulary lacks": (
        lambda data, intents: change(data / "rubric.yaml",
                                     lambda rubric: rubric["structure"]["story_categories"].append("x")),
        "data/rubric.yaml: structure.story_categories[2]"),
    "a cue naming an unknown intent": (
        dialogue_rules(offer_intent="haggling"), "data/responses/cues/dialogue.yaml: offer_intent"),
    "an opening question that does not exist": (
        dialogue_rules(practice_opener="no-such-question"), "data/responses/cues/dialogue.yaml: practice_opener"),
    "a guide section no guide has": (
        lambda data, intents: change(data / "responses" / "cues" / "guide_sections.yaml",
                                     lambda sections: sections.update(horoscope="what the stars say")),
        "data/responses/cues/guide_sections.yaml: horoscope"),
    "an intent answered by no wording": (
        lambda data, intents: add_intent(intents, name="orphan", kind="topic", answer="nowhere",
                                         cues=["orphan"],
                                         examples=[f"unheard-of topic number {n}" for n in range(8)]),
        "intents/extra.yaml: intents[0].answer"),
    "a neighbour that is no intent": (
        lambda data, intents: change(intents / "feasibility.yaml",
                                     lambda file: file["intents"][0]["neighbours"].append("ghost")),
        "intents/feasibility.yaml: intents[0].neighbours[1]"),
    "a question in no category of the vocabulary": (
        lambda data, intents: change(data / "questions" / "behavioural.yaml",
                                     lambda questions: questions[0].update(category="anecdotal")),
        "data/questions/behavioural.yaml: [0].category"),
    "a default transition that does not exist": (
        lambda data, intents: change(data / "vocabulary.yaml",
                                     lambda words: words.update(default_transition="nurse-to-pilot")),
        "data/vocabulary.yaml: default_transition"),
}


@pytest.mark.parametrize("case", UNDEFINED)
def test_content_used_but_never_defined_fails_the_check_naming_file_and_field(content, case):
    data, intents = content
    edit, where = UNDEFINED[case]
    edit(data, intents)
    result = check(data, intents)
    assert result.exit_code == 1, result.output
    assert where in result.output


def test_each_finding_is_reported_not_only_the_first(content):
    data, intents = content
    extra_wording(data, intents)
    UNDEFINED["a cue naming an unknown intent"][0](data, intents)
    UNDEFINED["entity words for an unknown level"][0](data, intents)
    output = check(data, intents).output
    assert "orphan_wording" in output and "offer_intent" in output and "levels.expert" in output


def test_the_engine_refuses_what_is_undefined_and_serves_despite_what_is_unused(content, engine):
    data, intents = content
    extra_wording(data, intents)
    loaded = checked_engine(data, intents, engine.resources.encoder)
    assert loaded.open(None).replies
    UNDEFINED["entity words for an unknown level"][0](data, intents)
    with pytest.raises(ContentError) as caught:
        checked_engine(data, intents, engine.resources.encoder)
    assert (caught.value.file, caught.value.field) == ("intents/_entities.yaml", "levels.expert")
