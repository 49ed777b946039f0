"""The one error a content author sees: it names the file and the field so the fix is a single edit."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import ValidationError


class KnowledgeError(ValueError):
    """Invalid knowledge content; `str()` reads "<file>: <field path>: <problem>"."""

    def __init__(self, file: str, field: str, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        super().__init__(f"{file}: {field}: {problem}" if field else f"{file}: {problem}")


def field_path(loc: Iterable[str | int], prefix: str = "") -> str:
    """Render a pydantic location as a readable path, e.g. `[3].talking_points[0].cues`."""
    path = prefix
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def from_validation(file: str, error: ValidationError, prefix: str = "") -> KnowledgeError:
    """Turn pydantic's report into a KnowledgeError about its first problem, the one to fix first."""
    first = error.errors()[0]
    count = error.error_count()
    more = f" (and {count - 1} more)" if count > 1 else ""
    return KnowledgeError(file, field_path(first["loc"], prefix) or "(document)", first["msg"] + more)
