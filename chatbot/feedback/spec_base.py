"""Shared pieces of the rubric schema: shares, criterion ids and template checks (strict models and text
come from the content layer, chatbot.yamlfiles)."""

from __future__ import annotations

from string import Formatter
from typing import Annotated, Literal

from pydantic import Field

from chatbot.yamlfiles import Strict, Text

Share = Annotated[float, Field(ge=0, le=1)]
CriterionId = Literal["relevance", "structure", "evidence", "framing", "clarity"]


def placeholders(template: str) -> set[str]:
    """The {names} a template fills in."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def check_template(template: str, allowed: set[str], where: str) -> None:
    """A template naming a value the code does not supply would fail at feedback time; fail at load."""
    unknown = placeholders(template) - allowed
    if unknown:
        raise ValueError(f"{where}: unknown placeholder(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
