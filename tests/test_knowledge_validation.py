"""Broken content is refused at load with a ContentError that names the file and the field to fix."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from chatbot.knowledge import load_knowledge
from chatbot.yamlfiles import ContentError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MOVE_FILE = "transitions/data-scientist-to-machine-learning-engineer.yaml"
DS_FILE = "roles/data-scientist.yaml"
SERVING_FILE = "questions/technical-model-serving.yaml"


@pytest.fixture
def data(tmp_path) -> Path:
    """A private copy of the shipped knowledge, safe to break."""
    target = tmp_path / "data"
    target.mkdir()
    for part in ("roles", "transitions", "questions"):
        shutil.copytree(DATA_DIR / part, target / part)
    shutil.copy(DATA_DIR / "skills.yaml", target / "skills.yaml")
    shutil.copy(DATA_DIR / "vocabulary.yaml", target / "vocabulary.yaml")
    return target


def edit(data: Path, relative: str, change: Callable[[Any], None]) -> None:
    path = data / relative
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


def load_error(data: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_knowledge(data)
    return str(caught.value)


def test_the_copy_itself_is_valid(data):
    assert load_knowledge(data).default_transition


def test_yaml_syntax_error_names_file_and_line(data):
    (data / SERVING_FILE).write_text("- id: broken\n  text: [unclosed\n", encoding="utf-8")
    message = load_error(data)
    assert "data/questions/technical-model-serving.yaml" in message and "line" in message


def test_missing_required_field_names_the_field_path(data):
    edit(data, SERVING_FILE, lambda qs: qs[1].pop("hint"))
    message = load_error(data)
    assert message.startswith("data/questions/technical-model-serving.yaml: [1].hint:")
    assert "reduce-inference-latency" in message


def test_misspelt_field_is_refused(data):
    edit(data, DS_FILE, lambda role: role.update(summery=role["summary"]))
    assert load_error(data).startswith("data/roles/data-scientist.yaml: summery:")


def test_salary_band_upside_down_is_refused(data):
    edit(data, DS_FILE, lambda role: role["salary"]["mid"].update(min=90000))
    assert load_error(data).startswith("data/roles/data-scientist.yaml: salary.mid:")


def test_too_few_cues_names_the_nested_path(data):
    edit(data, SERVING_FILE, lambda qs: qs[0]["talking_points"][2].update(cues=["latency"]))
    expected = "data/questions/technical-model-serving.yaml: [0].talking_points[2].cues:"
    assert load_error(data).startswith(expected)


def test_unknown_skill_in_a_role(data):
    edit(data, DS_FILE, lambda role: role["skills"].insert(1, "juggling"))
    message = load_error(data)
    assert message.startswith("data/roles/data-scientist.yaml: skills[1]:") and "juggling" in message


def test_unknown_skill_in_a_question(data):
    edit(data, SERVING_FILE, lambda qs: qs[2]["skills"].append("juggling"))
    message = load_error(data)
    assert message.startswith("data/questions/technical-model-serving.yaml: [2].skills[")
    assert "juggling" in message


def test_unknown_skill_in_a_plan_step(data):
    edit(data, MOVE_FILE, lambda move: move["plan"][2]["skills"].append("juggling"))
    message = load_error(data)
    assert f"data/{MOVE_FILE}: plan[2].skills[5]:" in message and "juggling" in message


def test_unknown_role_in_a_transition(data):
    edit(data, MOVE_FILE, lambda move: move.update(to_role="astronaut"))
    message = load_error(data)
    assert message.startswith(f"data/{MOVE_FILE}: to_role:") and "astronaut" in message


def test_transition_id_must_match_its_roles(data):
    move_path = data / MOVE_FILE
    move_path.rename(move_path.with_name("data-scientist-to-astronaut.yaml"))
    renamed = "data-scientist-to-astronaut"
    edit(data, f"transitions/{renamed}.yaml", lambda move: move.update(id=renamed))
    assert load_error(data).startswith("data/transitions/data-scientist-to-astronaut.yaml: id:")


def test_file_name_must_match_the_id(data):
    edit(data, DS_FILE, lambda role: role.update(id="data-wizard"))
    assert load_error(data).startswith("data/roles/data-scientist.yaml: id:")


def test_duplicate_question_id_across_files(data):
    first_career_id = yaml.safe_load((data / "questions/career-change.yaml").read_text())[0]["id"]
    edit(data, SERVING_FILE, lambda qs: qs[3].update(id=first_career_id))
    message = load_error(data)
    assert "data/questions/technical-model-serving.yaml: [3].id:" in message and "duplicate" in message


def test_duplicate_skill_id(data):
    edit(data, "skills.yaml", lambda skills: skills[4].update(id=skills[0]["id"]))
    message = load_error(data)
    assert message.startswith("data/skills.yaml: [4].id:") and "duplicate" in message


def test_usage_keyed_by_an_unknown_role(data):
    edit(data, "skills.yaml", lambda skills: skills[0]["usage"].update({"astronaut": "In orbit."}))
    assert load_error(data).startswith("data/skills.yaml: [0].usage.astronaut:")


def test_gap_note_for_a_skill_that_is_not_a_gap(data):
    edit(data, MOVE_FILE, lambda move: move["gap_notes"].update({"python-data-stack": "Not a gap here."}))
    assert load_error(data).startswith(f"data/{MOVE_FILE}: gap_notes.python-data-stack:")


def test_question_pinned_to_an_unknown_transition(data):
    edit(data, SERVING_FILE, lambda qs: qs[0].update(transitions=["astronaut-to-chef"]))
    assert load_error(data).startswith("data/questions/technical-model-serving.yaml: [0].transitions[0]:")


def test_duplicate_advice_ids_within_a_list(data):
    edit(data, MOVE_FILE, lambda move: move["mistakes"][1].update(id=move["mistakes"][0]["id"]))
    assert load_error(data).startswith(f"data/{MOVE_FILE}: mistakes[1].id:")


def test_salary_stage_for_a_band_the_role_does_not_have(data):
    edit(data, MOVE_FILE, lambda move: move["salary"]["stages"][0].update(band="senior"))
    assert load_error(data).startswith(f"data/{MOVE_FILE}: salary.stages[0].band:")


def test_question_file_that_is_not_a_list(data):
    (data / SERVING_FILE).write_text("id: lonely\n", encoding="utf-8")
    assert load_error(data).startswith("data/questions/technical-model-serving.yaml: (document):")


def test_yaml_booleans_are_not_taken_as_cues(data):
    edit(data, SERVING_FILE, lambda qs: qs[0]["talking_points"][0]["cues"].append(True))
    assert "[0].talking_points[0].cues[" in load_error(data)


def test_missing_skills_file(data):
    (data / "skills.yaml").unlink()
    assert load_error(data).startswith("data/skills.yaml:")


def test_missing_folder(tmp_path):
    assert "nowhere" in load_error(tmp_path / "nowhere")
