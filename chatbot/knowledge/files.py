"""Reading content files: safe YAML only, and every failure names the file it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from chatbot.yamlfiles import parse_yaml

from chatbot.knowledge.errors import KnowledgeError


def label(data_dir: Path, path: Path) -> str:
    """A file's name as an author knows it: relative to the data folder, prefixed by that folder's name."""
    try:
        return (Path(data_dir.name) / path.relative_to(data_dir)).as_posix()
    except ValueError:
        return path.name


def read_yaml(data_dir: Path, path: Path, expect: type) -> Any:
    """Parse one YAML file and insist on the top-level shape the loader needs (a list or a mapping)."""
    name = label(data_dir, path)
    try:
        with path.open(encoding="utf-8") as handle:
            content = parse_yaml(handle)
    except OSError as error:
        raise KnowledgeError(name, "", f"cannot be read ({error.strerror})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(document)"
        reason = getattr(error, "problem", None) or error
        raise KnowledgeError(name, where, f"is not valid YAML ({reason})") from error
    if not isinstance(content, expect):
        found = type(content).__name__
        raise KnowledgeError(name, "(document)", f"must be a YAML {expect.__name__}, got {found}")
    return content


def yaml_files(folder: Path) -> list[Path]:
    """The .yaml/.yml files of a folder in a stable order, so question order never depends on the disk."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in {".yaml", ".yml"})
