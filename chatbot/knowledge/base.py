"""The loaded knowledge base: read-only maps of typed content plus the derived views engines ask for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from chatbot.knowledge.models import Category, Level, Question, Role, Skill, Term, Transition


@dataclass(frozen=True)
class Knowledge:
    """Everything under data/, validated; the maps are read-only so a loaded base can be shared freely."""

    roles: Mapping[str, Role]
    skills: Mapping[str, Skill]
    transitions: Mapping[str, Transition]
    questions: Mapping[str, Question]  # in file order, then order within each file
    default_transition: str
    categories: Mapping[str, Category]  # data/vocabulary.yaml, in its order
    levels: Mapping[str, Level]  # data/vocabulary.yaml, lowest pay first
    terms: Mapping[str, Term] = field(default_factory=dict)  # the glossary, by id

    def __post_init__(self) -> None:
        for name in ("roles", "skills", "transitions", "questions", "categories", "levels", "terms"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def transferable(self, transition_id: str) -> list[Skill]:
        """Skills the target role needs that the starting role already has, in the target role's order."""
        source, target = self._roles_of(transition_id)
        return [self.skills[s] for s in target.skills if s in source.skills]

    def gaps(self, transition_id: str) -> list[Skill]:
        """Skills the target role needs that the starting role lacks: what the career changer must build."""
        source, target = self._roles_of(transition_id)
        return [self.skills[s] for s in target.skills if s not in source.skills]

    def questions_for(
        self, skill: str | None = None, category: str | None = None, transition: str | None = None
    ) -> list[Question]:
        """Practice questions matching every filter given; an unknown skill or category matches nothing."""
        return [
            q
            for q in self.questions.values()
            if (skill is None or skill in q.skills)
            and (category is None or q.category == category)
            and (transition is None or self._fits(q, transition))
        ]

    def _fits(self, question: Question, transition_id: str) -> bool:
        """Pinned questions fit only their transitions; unpinned ones fit if the target role uses a skill."""
        if question.transitions:
            return transition_id in question.transitions
        move = self.transitions.get(transition_id)
        return move is not None and any(s in self.roles[move.to_role].skills for s in question.skills)

    def _roles_of(self, transition_id: str) -> tuple[Role, Role]:
        """Raises KeyError for an unknown transition id, like a dict lookup would."""
        move = self.transitions[transition_id]
        return self.roles[move.from_role], self.roles[move.to_role]
