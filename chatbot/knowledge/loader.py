"""Reads data/ into validated models: shape first (pydantic), then every reference between files."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from chatbot.knowledge.base import Knowledge
from chatbot.knowledge.errors import KnowledgeError, from_validation
from chatbot.knowledge.files import label, read_yaml, yaml_files
from chatbot.knowledge.located import Located
from chatbot.knowledge.models import Question, Role, Skill, Transition
from chatbot.knowledge.references import check_references, index_unique

M = TypeVar("M", bound=BaseModel)

PREFERRED_TRANSITION = "data-scientist-to-machine-learning-engineer"


def load_knowledge(data_dir: Path) -> Knowledge:
    """Load and validate the whole knowledge base once; any problem raises KnowledgeError."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise KnowledgeError(data_dir.name, "", "knowledge folder not found")
    skills = _load_list(data_dir, data_dir / "skills.yaml", Skill)
    roles = _load_documents(data_dir, data_dir / "roles", Role)
    transitions = _load_documents(data_dir, data_dir / "transitions", Transition)
    questions = [q for path in yaml_files(data_dir / "questions") for q in _load_list(data_dir, path, Question)]
    if not transitions:
        raise KnowledgeError(label(data_dir, data_dir / "transitions"), "", "at least one transition is needed")
    by_id = {
        "skills": index_unique(skills),
        "roles": index_unique(roles),
        "transitions": index_unique(transitions),
        "questions": index_unique(questions),
    }
    check_references(by_id["roles"], by_id["skills"], by_id["transitions"], by_id["questions"])
    return Knowledge(
        roles={key: item.value for key, item in by_id["roles"].items()},
        skills={key: item.value for key, item in by_id["skills"].items()},
        transitions={key: item.value for key, item in by_id["transitions"].items()},
        questions={key: item.value for key, item in by_id["questions"].items()},
        default_transition=_default_transition(list(by_id["transitions"])),
    )


def _load_list(data_dir: Path, path: Path, model: type[M]) -> list[Located[M]]:
    """A file holding a YAML list of objects, each validated on its own so errors carry its index."""
    if not path.is_file():
        raise KnowledgeError(label(data_dir, path), "", "file not found")
    name = label(data_dir, path)
    return [_validate(model, raw, name, f"[{index}]") for index, raw in enumerate(read_yaml(data_dir, path, list))]


def _load_documents(data_dir: Path, folder: Path, model: type[M]) -> list[Located[M]]:
    """A folder of one-object files whose `id` must match the file name, so files are easy to find."""
    loaded = []
    for path in yaml_files(folder):
        item = _validate(model, read_yaml(data_dir, path, dict), label(data_dir, path), "")
        if item.value.id != path.stem:  # type: ignore[attr-defined]
            raise item.error("id", f"'{item.value.id}' must match the file name '{path.stem}'")  # type: ignore[attr-defined]
        loaded.append(item)
    return loaded


def _validate(model: type[M], raw: object, name: str, path: str) -> Located[M]:
    try:
        return Located(model.model_validate(raw), name, path)
    except ValidationError as error:
        raise from_validation(name, error, path) from error


def _default_transition(ids: list[str]) -> str:
    """The product's own move when present; otherwise the first one, so any data folder has a default."""
    return PREFERRED_TRANSITION if PREFERRED_TRANSITION in ids else sorted(ids)[0]
