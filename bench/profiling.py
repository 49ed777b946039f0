"""Where the time goes when a target is missed: a pyinstrument profile, condensed to modules and functions.

The condensed table names the file (and function) that holds the time, so the owner of that module
knows what to fix; the full profile is written to bench/out/ for reading.
"""

from __future__ import annotations

import itertools
import sysconfig
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import OUT_DIR, ROOT

INTERVAL_S = 0.0005
STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()


@dataclass(frozen=True)
class Hotspots:
    """Self time by file and by function, as shares of the profiled time."""

    label: str
    calls: int
    seconds: float
    by_file: list[tuple[str, float]]
    by_function: list[tuple[str, float]]
    by_package: list[tuple[str, float]]  # time inside chatbot/<package> or a library, callees included
    full_profile: str  # path of the text profile

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _where(file_path: str | None) -> str:
    """A short, stable name for a source file: project-relative, a package name, or stdlib module."""
    if not file_path or file_path.startswith("<"):
        return file_path or "<unknown>"
    path = Path(file_path)
    parts = path.parts
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1:])
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        pass
    try:
        return "stdlib/" + str(path.resolve().relative_to(STDLIB))
    except ValueError:
        return path.name


def _package(file_path: str | None) -> str | None:
    """chatbot/<package> for project code, the distribution's top-level name for libraries."""
    where = _where(file_path)
    parts = where.split("/")
    if parts[0] == "chatbot":
        return "/".join(parts[:2]) if len(parts) > 2 else parts[0]
    if file_path and "site-packages" in Path(file_path).parts:
        return parts[0].removesuffix(".py")
    return None


def _walk(frame, owner: tuple[str | None, str], counters: tuple[Counter, Counter, Counter],
          inside: frozenset) -> None:
    """Add each frame's own time to its file and function.

    Frames with no source of their own (pyinstrument's "[self]" leaves, dataclass `__init__`s compiled
    from a string, built-ins) are charged to the nearest caller that has one, as a reader would.
    """
    by_file, by_function, by_package = counters
    children = list(frame.children)
    self_time = max(0.0, frame.time - sum(child.time for child in children))
    has_source = bool(frame.file_path) and not frame.file_path.startswith("<")
    if has_source and not frame.identifier.startswith("[self]"):
        owner = (frame.file_path, f"{frame.function}:{frame.line_no}")
    where = _where(owner[0])
    by_file[where] += self_time
    by_function[f"{where}:{owner[1]}"] += self_time
    package = _package(frame.file_path) if has_source else None
    if package and package not in inside:
        by_package[package] += frame.time  # counted once per outermost entry into the package
        inside = inside | {package}
    for child in children:
        _walk(child, owner, counters, inside)


def _shares(counter: Counter, total: float, top: int) -> list[tuple[str, float]]:
    return [(name, round(100 * t / total, 1)) for name, t in counter.most_common(top) if t > 0]


def profile(label: str, call: Callable[[Any], object], inputs: Sequence[Any], calls: int,
            top: int = 8) -> Hotspots:
    """Profile `calls` calls of `call` over `inputs` and condense the result."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=INTERVAL_S)
    items = list(itertools.islice(itertools.cycle(inputs), calls))
    profiler.start()
    for item in items:
        call(item)
    session = profiler.stop()
    root = session.root_frame()
    by_file: Counter = Counter()
    by_function: Counter = Counter()
    by_package: Counter = Counter()
    if root is not None:
        _walk(root, (None, "<root>"), (by_file, by_function, by_package), frozenset())
    total = session.duration or 1e-9
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    text_path = OUT_DIR / f"profile-{label}.txt"
    text_path.write_text(profiler.output_text(unicode=False, color=False, show_all=False))
    return Hotspots(label, calls, round(total, 3), _shares(by_file, total, top),
                    _shares(by_function, total, top), _shares(by_package, total, top + 4),
                    str(text_path.relative_to(ROOT)))
