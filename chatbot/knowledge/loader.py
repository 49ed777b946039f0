"""Reads data/ into validated models: shape first (pydantic), then every reference between files."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from chatbot.knowledge.base import Knowledge
from chatbot.knowledge.located import Located
from chatbot.knowledge.models import Question, Role, Skill, Term, Transition, Vocabulary
from chatbot.knowledge.references import check_default, check_references, check_vocabulary, index_unique
from chatbot.yamlfiles import ContentError, label, load_model, read_yaml, validate, yaml_files

M = TypeVar("M", bound=BaseModel)

VOCABULARY_FILE = "vocabulary.yaml"  # categories, levels and the default move, shared by all content
SKILLS_FILE = "skills.yaml"
ROLES_FOLDER = "roles"
GLOSSARY_FILE = "glossary.yaml"  # optional: terms explained when someone asks what one means


def load_knowledge(data_dir: Path) -> Knowledge:
    """Load and validate the whole knowledge base once; any problem raises ContentError."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise ContentError(data_dir.name, "", "knowledge folder not found")
    vocabulary = Located(load_model(data_dir / VOCABULARY_FILE, Vocabulary, data_dir),
                         label(data_dir / VOCABULARY_FILE, data_dir))
    skills = index_unique(_load_list(data_dir, data_dir / SKILLS_FILE, Skill))
    roles = index_unique(_load_documents(data_dir, ROLES_FOLDER, Role))
    transitions = index_unique(_load_documents(data_dir, "transitions", Transition))
    questions = index_unique(
        [item for path in yaml_files(data_dir / "questions") for item in _load_list(data_dir, path, Question)]
    )
    glossary = data_dir / GLOSSARY_FILE
    terms = index_unique(_load_list(data_dir, glossary, Term)) if glossary.is_file() else {}
    if not transitions:
        raise ContentError(label(data_dir / "transitions", data_dir), "", "at least one transition is needed")
    check_vocabulary(vocabulary, roles, transitions, questions)
    check_references(roles, skills, transitions, questions)
    check_default(vocabulary, transitions)
    words = vocabulary.value
    return Knowledge(
        roles={key: item.value for key, item in roles.items()},
        skills={key: item.value for key, item in skills.items()},
        transitions={key: item.value for key, item in transitions.items()},
        questions={key: item.value for key, item in questions.items()},
        default_transition=words.default_transition or sorted(transitions)[0],
        categories={category.id: category for category in words.categories},
        levels={level.id: level for level in words.levels},
        terms={key: item.value for key, item in terms.items()},
    )


def _load_list(data_dir: Path, path: Path, model: type[M]) -> list[Located[M]]:
    """A file holding a YAML list of objects, each validated on its own so errors carry its index."""
    name = label(path, data_dir)
    raw_items = read_yaml(path, data_dir, list)
    return [Located(validate(model, raw, name, (index,)), name, f"[{index}]")
            for index, raw in enumerate(raw_items)]


def _load_documents(data_dir: Path, folder: str, model: type[M]) -> list[Located[M]]:
    """A folder of one-object files whose `id` must match the file name, so files are easy to find."""
    loaded = []
    for path in yaml_files(data_dir / folder):
        item = Located(load_model(path, model, data_dir), label(path, data_dir))
        found = getattr(item.value, "id")
        if found != path.stem:
            raise item.error("id", f"'{found}' must match the file name '{path.stem}'")
        loaded.append(item)
    return loaded
