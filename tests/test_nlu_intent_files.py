"""The intents folder is valid content, and broken content is refused with the file and field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatbot.nlu import IntentSet
from chatbot.nlu.intents import MIN_EXAMPLES
from chatbot.yamlfiles import ContentError

ROOT = Path(__file__).resolve().parents[1]
TOPICS = {
    "realistic", "difficulty", "timeline", "motivations", "transferable_skills", "skill_gaps",
    "learn_first", "skill_info", "plan", "qualifications", "work_while_transitioning",
    "bridging_roles", "success_habits", "mistakes", "salary", "negotiation", "cv",
    "interview_framing", "interviewers_look_for", "networking", "rejections", "role_difference",
    "day_to_day",
}
COMMANDS = {
    "help", "menu", "restart", "practice", "next", "skip", "stop", "summary", "hint", "try_again",
    "model_answer", "assess", "more", "why",
}
GOOD_INTENT = """
intents:
  - name: sample
    kind: topic
    answer: sample
    cues: [sample]
    examples: [one a, two b, three c, four d, five e, six f, seven g, eight h]
"""


@pytest.fixture(scope="module")
def intents() -> IntentSet:
    return IntentSet.load(ROOT / "intents")


def test_every_intent_has_at_least_eight_distinct_examples(intents: IntentSet) -> None:
    short = {i.name: len(i.examples) for i in intents if len(i.examples) < MIN_EXAMPLES}
    assert MIN_EXAMPLES == 8
    assert short == {}


def test_every_topic_and_command_of_the_brief_is_defined(intents: IntentSet) -> None:
    kinds = {i.name: i.kind for i in intents}
    assert TOPICS <= {name for name, kind in kinds.items() if kind == "topic"}
    assert COMMANDS <= {name for name, kind in kinds.items() if kind == "command"}
    assert {"greeting", "thanks", "goodbye"} <= {name for name, kind in kinds.items() if kind == "smalltalk"}


def test_every_intent_names_an_answer(intents: IntentSet) -> None:
    assert all(i.answer for i in intents)
    assert intents.get("salary").answer == "salary"
    assert intents.get("skill_gaps").answer == "gaps"


def test_get_unknown_intent_raises_key_error(intents: IntentSet) -> None:
    with pytest.raises(KeyError):
        intents.get("no_such_intent")


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_valid_minimal_folder_loads(tmp_path: Path) -> None:
    loaded = IntentSet.load(_folder(tmp_path, {"sample.yaml": GOOD_INTENT}))
    assert loaded.names == ("sample",)


@pytest.mark.parametrize(
    ("broken", "field"),
    [
        (GOOD_INTENT.replace("one a, two b, ", ""), "intents[0].examples"),
        (GOOD_INTENT.replace("kind: topic", "kind: chitchat"), "intents[0].kind"),
        (GOOD_INTENT.replace("    answer: sample\n", ""), "intents[0].answer"),
        (GOOD_INTENT.replace("    cues: [sample]\n", "    cues: [sample]\n    colour: blue\n"), "intents[0].colour"),
        (GOOD_INTENT.replace("name: sample", "name: Not A Name"), "intents[0].name"),
        (GOOD_INTENT.replace("cues: [sample]", "cues: []"), "intents[0].cues"),
    ],
)
def test_bad_intent_file_is_refused_naming_file_and_field(tmp_path: Path, broken: str, field: str) -> None:
    folder = _folder(tmp_path, {"good.yaml": GOOD_INTENT.replace("sample", "other"), "broken.yaml": broken})
    with pytest.raises(ContentError) as caught:
        IntentSet.load(folder)
    message = str(caught.value)
    assert f"{folder.name}/broken.yaml" in message
    assert field in message


def test_repeated_example_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"dup.yaml": GOOD_INTENT.replace("two b", "One A")})
    with pytest.raises(ContentError, match=r"dup\.yaml: intents\[0\].*repeated"):
        IntentSet.load(folder)


def test_invalid_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"bad.yaml": "intents:\n  - name: [unclosed\n"})
    with pytest.raises(ContentError, match=r"bad\.yaml: line \d+"):
        IntentSet.load(folder)


def test_duplicate_intent_names_across_files_are_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"a.yaml": GOOD_INTENT, "b.yaml": GOOD_INTENT})
    with pytest.raises(ContentError, match="sample"):
        IntentSet.load(folder)


def test_bad_lexicon_is_refused_naming_file_and_field(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {"sample.yaml": GOOD_INTENT, "_lexicon.yaml": "patterns:\n  - pattern: '(unclosed'\n    replace: x\n"},
    )
    with pytest.raises(ContentError, match=r"_lexicon\.yaml: patterns\[0\]\.pattern"):
        IntentSet.load(folder)


def test_bad_entity_words_are_refused_naming_file_and_field(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"sample.yaml": GOOD_INTENT, "_entities.yaml": "levels:\n  entry: guru\n"})
    with pytest.raises(ContentError, match=r"_entities\.yaml: levels\.entry"):
        IntentSet.load(folder)


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="not found"):
        IntentSet.load(tmp_path / "absent")


def test_phrasings_and_near_misses_people_sent_are_kept_apart_from_the_written_ones(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {
        "sample.yaml": GOOD_INTENT,
        "_negatives.yaml": "negatives: [a written near miss]\n",
        "_phrasings.yaml": "phrasings:\n  sample: [as someone typed it]\nnear_misses: [a near miss someone sent]\n",
    })
    loaded = IntentSet.load(folder)
    assert loaded.phrasings == {"sample": ("as someone typed it",)}
    assert loaded.negatives == ("a written near miss",) and loaded.near_misses == ("a near miss someone sent",)
    assert "as someone typed it" not in loaded.get("sample").examples  # the word matcher never sees them


def test_phrasings_for_an_unknown_intent_are_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"sample.yaml": GOOD_INTENT, "_phrasings.yaml": "phrasings:\n  absent: [hello there]\n"})
    with pytest.raises(ContentError, match=r"_phrasings\.yaml: phrasings.*absent"):
        IntentSet.load(folder)
