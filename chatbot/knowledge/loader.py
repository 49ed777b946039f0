"""Reads data/ into validated models: shape first (pydantic), then every reference between files."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from chatbot.knowledge.base import Knowledge
from chatbot.knowledge.errors import KnowledgeError, from_validation
from chatbot.knowledge.files import label, read_yaml, yaml_files
from chatbot.knowledge.located import Located
from chatbot.knowledge.models import Question, Role, Skill, Term, Transition
from chatbot.knowledge.references import check_references, index_unique

M = TypeVar("M", bound=BaseModel)

GLOSSARY_FILE = "glossary.yaml"  # optional: terms explained when someone asks what one means
PREFERRED_TRANSITION = "data-scientist-to-machine-learning-engineer"


def load_knowledge(data_dir: Path) -> Knowledge:
    """Load and validate the whole knowledge base once; any problem raises KnowledgeError."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise KnowledgeError(data_dir.name, "", "knowledge folder not found")
    skills = index_unique(_load_list(data_dir, data_dir / "skills.yaml", Skill))
    roles = index_unique(_load_documents(data_dir, "roles", Role))
    transitions = index_unique(_load_documents(data_dir, "transitions", Transition))
    questions = index_unique(
        [item for path in yaml_files(data_dir / "questions") for item in _load_list(data_dir, path, Question)]
    )
    glossary = data_dir / GLOSSARY_FILE
    terms = index_unique(_load_list(data_dir, glossary, Term)) if glossary.is_file() else {}
    if not transitions:
        folder = label(data_dir, data_dir / "transitions")
        raise KnowledgeError(folder, "", "at least one transition is needed")
    check_references(roles, skills, transitions, questions)
    return Knowledge(
        roles={key: item.value for key, item in roles.items()},
        skills={key: item.value for key, item in skills.items()},
        transitions={key: item.value for key, item in transitions.items()},
        questions={key: item.value for key, item in questions.items()},
        default_transition=_default_transition(list(transitions)),
        terms={key: item.value for key, item in terms.items()},
    )


def _load_list(data_dir: Path, path: Path, model: type[M]) -> list[Located[M]]:
    """A file holding a YAML list of objects, each validated on its own so errors carry its index."""
    name = label(data_dir, path)
    if not path.is_file():
        raise KnowledgeError(name, "", "file not found")
    raw_items = read_yaml(data_dir, path, list)
    return [_validate(model, raw, name, f"[{index}]") for index, raw in enumerate(raw_items)]


def _load_documents(data_dir: Path, folder: str, model: type[M]) -> list[Located[M]]:
    """A folder of one-object files whose `id` must match the file name, so files are easy to find."""
    loaded = []
    for path in yaml_files(data_dir / folder):
        item = _validate(model, read_yaml(data_dir, path, dict), label(data_dir, path), "")
        found = getattr(item.value, "id")
        if found != path.stem:
            raise item.error("id", f"'{found}' must match the file name '{path.stem}'")
        loaded.append(item)
    return loaded


def _validate(model: type[M], raw: object, name: str, path: str) -> Located[M]:
    """Validate one object; a list item's error also names its id, easier to search for than an index."""
    try:
        return Located(model.model_validate(raw), name, path)
    except ValidationError as error:
        problem = from_validation(name, error, path)
        known_id = raw.get("id") if isinstance(raw, dict) and path else None
        if isinstance(known_id, str):
            detail = f"{problem.problem} (in '{known_id}')"
            raise KnowledgeError(problem.file, problem.field, detail) from error
        raise problem from error


def _default_transition(ids: list[str]) -> str:
    """The product's own move when present; otherwise the first one, so any data folder has a default."""
    return PREFERRED_TRANSITION if PREFERRED_TRANSITION in ids else sorted(ids)[0]
