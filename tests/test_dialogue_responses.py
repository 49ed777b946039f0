"""Wordings load safely: figures are formatted one way, templates are sandboxed, gaps fail at start-up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from chatbot.audit import checked_engine
from chatbot.dialogue.formatting import duration, money
from chatbot.dialogue.responses import Responses
from chatbot.knowledge.models import Range, SalaryBand
from chatbot.yamlfiles import ContentError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("band", "expected"), [
    (SalaryBand(min=34000, max=48000), "£34,000–£48,000"),
    (SalaryBand(min=90000, max=160000, open_ended=True), "£90,000–£160,000+"),
    (SalaryBand(min=50000, max=50000), "£50,000"),
])
def test_money_reads_like_a_person_writes_it(band, expected):
    assert money(band) == expected


@pytest.mark.parametrize(("span", "expected"), [
    (Range(min=6, max=12, unit="months"), "6-12 months"),
    (Range(min=2, max=4, unit="years"), "2-4 years"),
    (Range(min=2, max=3, unit="times"), "2-3x"),
    (Range(min=1, max=1, unit="months"), "1 month"),
])
def test_durations_read_like_a_person_writes_them(span, expected):
    assert duration(span) == expected


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "extra.yaml").write_text(text, encoding="utf-8")
    return folder


def test_templates_cannot_reach_python_internals(tmp_path):
    responses = Responses.load(write(tmp_path, 'probe:\n  text: "{{ \'\'.__class__.__mro__ }}"\n'))
    with pytest.raises(SecurityError):
        responses.text("probe", {})


def test_a_broken_template_names_its_file_and_key(tmp_path):
    with pytest.raises(ContentError, match=r"extra\.yaml: probe"):
        Responses.load(write(tmp_path, 'probe:\n  text: "{% if %}"\n'))


def test_an_intent_without_a_wording_stops_the_checked_load_the_service_uses(tmp_path):
    data, intents = tmp_path / "data", tmp_path / "intents"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "intents", intents)
    examples = "\n".join(f"      - unheard-of topic number {n}" for n in range(10))
    (intents / "orphan.yaml").write_text(
        "intents:\n  - name: orphan\n    kind: topic\n    answer: nowhere\n    cues: [orphan]\n"
        f"    examples:\n{examples}\n", encoding="utf-8")
    with pytest.raises(ContentError, match="nowhere"):
        checked_engine(data, intents)
