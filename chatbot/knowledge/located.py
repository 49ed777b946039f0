"""Content objects paired with where they were written, so a cross-reference error can point at its line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from chatbot.yamlfiles import ContentError

T_co = TypeVar("T_co", covariant=True)  # read-only: a Located[Role] is a Located[object]


@dataclass(frozen=True)
class Located(Generic[T_co]):
    """A validated model plus its file label and the field path of the object inside that file."""

    value: T_co
    file: str
    path: str = ""

    def error(self, field: str, problem: str) -> ContentError:
        """An error about one field of this object, e.g. `[4].skills[1]`."""
        joined = f"{self.path}.{field}" if self.path and not field.startswith("[") else self.path + field
        return ContentError(self.file, joined, problem)
