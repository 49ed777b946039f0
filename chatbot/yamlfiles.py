"""The one way content is read: every YAML file under data/ and intents/ loads through here.

Parsing is safe (plain data only) with libyaml's C loader where PyYAML has it, ten times faster at
start-up; validation is pydantic's. Whatever goes wrong, the author sees one error shape naming the
file and the field, "data/questions/x.yaml: [1].hint: Field required (in 'some-question')", so the fix
is a single edit whichever part of the content it is in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Annotated, Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
M = TypeVar("M", bound=BaseModel)
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """The base of every content model: unknown fields are typos in content, so they are refused
    rather than ignored, and loaded content is read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ContentError(ValueError):
    """Invalid content; `str()` reads "<file>: <field>: <problem>" ("<file>: <problem>" for a whole file)."""

    def __init__(self, file: str, field: str, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        super().__init__(f"{file}: {field}: {problem}" if field else f"{file}: {problem}")


@dataclass(frozen=True)
class Finding:
    """What the content check found: something used but never defined, or defined but never used."""

    kind: Literal["undefined", "unused"]
    file: str
    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.problem}" if self.field else f"{self.file}: {self.problem}"


def parse_yaml(stream: str | bytes | IO[str]) -> Any:
    return yaml.load(stream, Loader=SAFE_LOADER)


def label(path: Path, root: Path | None = None) -> str:
    """A file's name as an author knows it: from the content folder's own name down, e.g.
    `data/questions/behavioural.yaml`; without a root, the file's own folder is taken as one."""
    root = Path(root) if root is not None else path.parent
    try:
        return (Path(root.name) / path.relative_to(root)).as_posix()
    except ValueError:
        return path.name


def read_yaml(path: Path, root: Path | None = None, expect: type | None = None) -> Any:
    """Parse one file; with `expect`, insist on the top-level shape the caller needs (list or mapping)."""
    name = label(path, root)
    try:
        with path.open(encoding="utf-8") as handle:
            content = parse_yaml(handle)
    except FileNotFoundError as error:
        raise ContentError(name, "", "file not found") from error
    except OSError as error:
        raise ContentError(name, "", f"cannot be read ({error.strerror})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(document)"
        reason = getattr(error, "problem", None) or error
        raise ContentError(name, where, f"is not valid YAML ({reason})") from error
    if expect is not None and not isinstance(content, expect):
        wanted = "mapping" if expect is dict else expect.__name__
        raise ContentError(name, "(document)", f"must be a YAML {wanted}, got {type(content).__name__}")
    return content


def load_model(path: Path, model: type[M], root: Path | None = None) -> M:
    """A file holding one mapping, validated as `model`."""
    return validate(model, read_yaml(path, root, dict), label(path, root))


def validate(model: type[M], raw: object, file: str, at: tuple[str | int, ...] = ()) -> M:
    """Validate one object of `file`, found at field path `at` within it; pydantic's report becomes a
    ContentError about its first problem, the one to fix first, with how many more there are."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        count = error.error_count()
        loc = tuple(first["loc"])
        more = f" (and {count - 1} more)" if count > 1 else ""
        named = _listed_name(raw, loc, listed=bool(at) and isinstance(at[-1], int))
        within = f" (in '{named}')" if named else ""
        where = field_path(at + loc) or "(document)"
        raise ContentError(file, where, first["msg"] + more + within) from error


def field_path(loc: Iterable[str | int]) -> str:
    """A location as an author reads it, e.g. `[3].talking_points[0].cues` or `intents[2].examples`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _listed_name(raw: object, loc: tuple[str | int, ...], listed: bool) -> str | None:
    """The `id` (or `name`) of the innermost list item the problem sits in: easier to search for than an
    index. `listed`: `raw` is itself an item of a list."""
    found = _ident(raw) if listed else None
    node: Any = raw
    for part in loc:
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            found = _ident(node) or found
        else:
            break
    return found


def _ident(node: object) -> str | None:
    if not isinstance(node, Mapping):
        return None
    ident = node.get("id", node.get("name"))
    return ident if isinstance(ident, str) else None


def yaml_files(folder: Path) -> list[Path]:
    """The .yaml/.yml files of a folder in a stable order, so content order never depends on the disk."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in {".yaml", ".yml"})
