"""Cross-file checks pydantic cannot see: every id a file mentions must exist, and ids must be unique."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from chatbot.knowledge.located import Located
from chatbot.knowledge.models import Question, Role, Skill, Transition, Vocabulary


class Identified(Protocol):
    """A top-level content object: roles, skills, transitions, questions and terms all have an id."""

    @property
    def id(self) -> str: ...


class MaybeIdentified(Protocol):
    """A nested content object (plan step, FAQ, talking point), whose id may be left out."""

    @property
    def id(self) -> str | None: ...


I = TypeVar("I", bound=Identified)


def index_unique(items: Sequence[Located[I]]) -> dict[str, Located[I]]:
    """Index objects by id, refusing the second object that reuses one."""
    index: dict[str, Located[I]] = {}
    for item in items:
        key = item.value.id
        if key in index:
            raise item.error("id", f"duplicate id '{key}' (first defined in {index[key].file})")
        index[key] = item
    return index


def check_vocabulary(
    vocabulary: Located[Vocabulary],
    roles: Mapping[str, Located[Role]],
    transitions: Mapping[str, Located[Transition]],
    questions: Mapping[str, Located[Question]],
) -> None:
    """Every category and level the content names must be defined once in the vocabulary."""
    words = vocabulary.value
    _unique_ids(vocabulary, "categories", words.categories)
    _unique_ids(vocabulary, "levels", words.levels)
    categories = {category.id: category for category in words.categories}
    levels = {level.id: level for level in words.levels}
    for question in questions.values():
        _known(question, "category", [question.value.category], categories, "category", indexed=False)
    for role in roles.values():
        _known(role, "salary", role.value.salary.bands, levels, "level")
    for transition in transitions.values():
        for index, stage in enumerate(transition.value.salary.stages):
            _known(transition, f"salary.stages[{index}].band", [stage.band], levels, "level", indexed=False)


def check_default(vocabulary: Located[Vocabulary], transitions: Mapping[str, Located[Transition]]) -> None:
    """The default move, when the vocabulary names one, must be a transition file."""
    default = vocabulary.value.default_transition
    if default is not None:
        _known(vocabulary, "default_transition", [default], transitions, "transition", indexed=False)


def check_references(
    roles: Mapping[str, Located[Role]],
    skills: Mapping[str, Located[Skill]],
    transitions: Mapping[str, Located[Transition]],
    questions: Mapping[str, Located[Question]],
) -> None:
    """Run every cross-reference check; the first failure raises ContentError."""
    for skill in skills.values():
        _known(skill, "usage", skill.value.usage, roles, "role")
    for role in roles.values():
        _unique_list(role, "skills", role.value.skills)
        _known(role, "skills", role.value.skills, skills, "skill")
    for transition in transitions.values():
        _check_transition(transition, roles, skills)
    for question in questions.values():
        _unique_list(question, "skills", question.value.skills)
        _known(question, "skills", question.value.skills, skills, "skill")
        _known(question, "transitions", question.value.transitions, transitions, "transition")
        _unique_ids(question, "talking_points", question.value.talking_points)


def _check_transition(
    item: Located[Transition], roles: Mapping[str, Located[Role]], skills: Mapping[str, Located[Skill]]
) -> None:
    """A transition must join two known roles, and its notes must talk about the skills the roles imply."""
    move = item.value
    _known(item, "from_role", [move.from_role], roles, "role", indexed=False)
    _known(item, "to_role", [move.to_role], roles, "role", indexed=False)
    if move.id != f"{move.from_role}-to-{move.to_role}":
        raise item.error("id", f"must be '{move.from_role}-to-{move.to_role}'")
    source, target = roles[move.from_role].value, roles[move.to_role].value
    transferable = [s for s in target.skills if s in source.skills]
    gaps = [s for s in target.skills if s not in source.skills]
    _known(item, "transfer_notes", move.transfer_notes, dict.fromkeys(transferable), "transferable skill")
    _known(item, "gap_notes", move.gap_notes, dict.fromkeys(gaps), "gap skill")
    _unique_ids(item, "plan", move.plan)
    for index, step in enumerate(move.plan):
        _known(item, f"plan[{index}].skills", step.skills, skills, "skill")
    _unique_ids(item, "faqs", move.faqs)
    for field, advice in (("motivations", move.motivations), ("success_habits", move.success_habits),
                          ("mistakes", move.mistakes)):
        _unique_ids(item, field, advice)
    _unique_ids(item, "cv.tips", move.cv.tips)
    _unique_ids(item, "salary.stages", move.salary.stages)
    for index, stage in enumerate(move.salary.stages):
        field = f"salary.stages[{index}]"
        if stage.role not in (move.from_role, move.to_role):
            raise item.error(f"{field}.role", f"'{stage.role}' is neither from_role nor to_role")
        if roles[stage.role].value.salary.band(stage.band) is None:
            raise item.error(f"{field}.band", f"role '{stage.role}' has no '{stage.band}' salary band")


def _known(
    item: Located[object],
    field: str,
    refs: Iterable[str],
    known: Mapping[str, object],
    kind: str,
    indexed: bool = True,
) -> None:
    """Every id in `refs` must be a key of `known`; dict fields report the offending key."""
    for index, ref in enumerate(refs):
        if ref not in known:
            if isinstance(refs, Mapping):
                where = f"{field}.{ref}"
            else:
                where = f"{field}[{index}]" if indexed else field
            raise item.error(where, f"unknown {kind} '{ref}'")


def _unique_list(item: Located[object], field: str, values: Sequence[str]) -> None:
    """A list of ids that names the same id twice is a copy-paste slip."""
    for index, value in enumerate(values):
        if value in values[:index]:
            raise item.error(f"{field}[{index}]", f"'{value}' is listed twice")


def _unique_ids(item: Located[object], field: str, children: Sequence[MaybeIdentified]) -> None:
    """Ids of nested objects (plan steps, FAQs, talking points) are unique within their parent."""
    seen: set[str] = set()
    for index, child in enumerate(children):
        if child.id is None:
            continue
        if child.id in seen:
            raise item.error(f"{field}[{index}].id", f"duplicate id '{child.id}'")
        seen.add(child.id)
