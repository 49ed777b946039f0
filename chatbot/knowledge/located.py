"""Content objects paired with where they were written, so a cross-reference error can point at its line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from chatbot.yamlfiles import ContentError

T = TypeVar("T")


@dataclass(frozen=True)
class Located(Generic[T]):
    """A validated model plus its file label and the field path of the object inside that file."""

    value: T
    file: str
    path: str = ""

    def error(self, field: str, problem: str) -> ContentError:
        """An error about one field of this object, e.g. `[4].skills[1]`."""
        joined = f"{self.path}.{field}" if self.path and not field.startswith("[") else self.path + field
        return ContentError(self.file, joined, problem)
