"""The role knowledge base: typed, validated, read-only content that every engine package reads from."""

from chatbot.knowledge.base import Knowledge
from chatbot.knowledge.inventory import inventory_lines
from chatbot.knowledge.loader import load_knowledge
from chatbot.knowledge.models import (
    Faq,
    PlanStep,
    Question,
    Role,
    SalaryBand,
    Skill,
    TalkingPoint,
    Transition,
)

__all__ = [
    "Faq",
    "Knowledge",
    "PlanStep",
    "Question",
    "Role",
    "SalaryBand",
    "Skill",
    "TalkingPoint",
    "Transition",
    "inventory_lines",
    "load_knowledge",
]
