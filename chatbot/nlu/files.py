"""Reading intent files: safe YAML only, and every failure names the file and the field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from chatbot.yamlfiles import parse_yaml
from pydantic import ValidationError


class IntentError(ValueError):
    """Invalid intent content; `str()` reads "<folder>/<file>: <field path>: <problem>"."""


def label(path: Path) -> str:
    """A file's name as an author knows it: the folder it sits in, then the file."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning read and syntax errors into IntentError with the file name."""
    try:
        with path.open(encoding="utf-8") as handle:
            return parse_yaml(handle)
    except OSError as error:
        raise IntentError(f"{label(path)}: cannot be read ({error.strerror})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(document)"
        raise IntentError(f"{label(path)}: {where}: not valid YAML ({getattr(error, 'problem', error)})") from error


def field_path(loc: Iterable[str | int]) -> str:
    """Render a pydantic location as a readable path, e.g. `intents[3].examples`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(document)"


def _intent_name(raw: Any, loc: tuple[str | int, ...]) -> str:
    """The `name` of the intent an error sits in, so the author can find it without counting."""
    if len(loc) >= 2 and loc[0] == "intents" and isinstance(loc[1], int) and isinstance(raw, Mapping):
        items = raw.get("intents")
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], Mapping):
            name = items[loc[1]].get("name")
            if isinstance(name, str):
                return f" (intent {name!r})"
    return ""


def validation_message(path: Path, error: ValidationError, raw: Any) -> str:
    """The first problem pydantic found, as "<file>: <field>: <problem>", plus how many more."""
    first = error.errors()[0]
    loc = tuple(first["loc"])
    count = error.error_count()
    more = f" (and {count - 1} more)" if count > 1 else ""
    return f"{label(path)}: {field_path(loc)}{_intent_name(raw, loc)}: {first['msg']}{more}"
