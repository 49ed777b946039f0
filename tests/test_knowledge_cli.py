"""`flask kb check` prints the content inventory, and fails with the loader's message on bad content."""

from __future__ import annotations

import shutil
from pathlib import Path

from flask import Flask

from chatbot.knowledge import load_knowledge
from chatbot.cli import kb_cli
from chatbot.knowledge.inventory import inventory_lines, question_counts

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "knowledge"


def make_app(data_dir: Path, intents_dir: Path = ROOT / "intents") -> Flask:
    app = Flask("kb-check-test")
    app.config["DATA_DIR"] = str(data_dir)
    app.config["INTENTS_DIR"] = str(intents_dir)
    app.cli.add_command(kb_cli)
    return app


def test_inventory_counts_questions_per_skill_and_category():
    kb = load_knowledge(FIXTURE)
    per_skill, per_category = question_counts(kb)
    assert per_skill == {"sql": 1, "spreadsheets": 0, "python-data-stack": 1, "machine-learning": 1,
                         "structured-communication": 1}
    assert per_category == {"career-change": 1, "technical": 2}


def test_inventory_lists_roles_skills_and_derived_skills_per_transition():
    lines = inventory_lines(load_knowledge(FIXTURE))
    assert "roles: 2" in lines and "skills: 5" in lines and "questions: 3" in lines
    assert "    transferable: sql, structured-communication" in lines
    assert "    gaps: python-data-stack, machine-learning" in lines
    assert "    spreadsheets: 0" in lines


def test_check_command_prints_the_inventory_of_the_shipped_data():
    result = make_app(ROOT / "data").test_cli_runner().invoke(args=["kb", "check"])
    assert result.exit_code == 0, result.output
    assert "roles: 2" in result.output and "skills: 10" in result.output
    gaps = "gaps: ml-systems-design, data-pipelines-etl, model-serving, feature-stores, kubernetes-docker"
    assert gaps in result.output


def test_check_command_fails_with_the_file_and_field_on_bad_content(tmp_path):
    broken = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, broken)
    role = broken / "roles" / "data-analyst.yaml"
    broken_text = role.read_text(encoding="utf-8").replace("[sql, spreadsheets", "[sql, abacus")
    role.write_text(broken_text, encoding="utf-8")
    result = make_app(broken).test_cli_runner().invoke(args=["kb", "check"])
    assert result.exit_code == 1
    assert "knowledge/roles/data-analyst.yaml: skills[1]" in result.output
    assert "abacus" in result.output
    assert "roles:" not in result.output


def test_check_command_fails_on_a_missing_folder(tmp_path):
    result = make_app(tmp_path / "nowhere").test_cli_runner().invoke(args=["kb", "check"])
    assert result.exit_code == 1 and "nowhere" in result.output


def test_the_service_registers_the_check_command(runner):
    result = runner.invoke(args=["kb", "check"])
    assert result.exit_code == 0, result.output
    assert "transitions: 1 (default: data-scientist-to-machine-learning-engineer)" in result.output
