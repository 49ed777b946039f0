"""The small Markdown subset bot messages use (paragraphs, lists, pipe tables, bold, code) as plain blocks.

Templates render the blocks with loops, so every piece of text is escaped by Jinja; nothing here
produces HTML. static/js/markup.js mirrors this parser for messages that arrive without a reload.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INLINE = re.compile(r"(\*\*[^*\n]+?\*\*|`[^`\n]+`)")
BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")


@dataclass(frozen=True)
class Inline:
    """A run of text; style is "" (plain), "strong" or "code"."""

    text: str
    style: str = ""


Line = tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    lines: tuple[Line, ...]
    kind: str = "paragraph"


@dataclass(frozen=True)
class Heading:
    line: Line
    kind: str = "heading"


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[Line, ...]
    start: int = 1
    kind: str = "list"


@dataclass(frozen=True)
class Table:
    header: tuple[Line, ...]
    rows: tuple[tuple[Line, ...], ...]
    align: tuple[str, ...]  # "left", "right" or "center" per column
    kind: str = "table"


Block = Paragraph | Heading | ListBlock | Table


def inline(text: str) -> Line:
    """Split **bold** and `code` out of a line; anything else stays literal text."""
    runs = []
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            runs.append(Inline(part[2:-2], "strong"))
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            runs.append(Inline(part[1:-1], "code"))
        else:
            runs.append(Inline(part))
    return tuple(runs)


def split_cells(line: str) -> list[str]:
    """Cells of a pipe-table row; `\\|` is a literal bar inside a cell."""
    body = line.strip()
    body = body.removeprefix("|")
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = re.split(r"(?<!\\)\|", body)
    return [cell.strip().replace("\\|", "|") for cell in cells]


def is_separator(line: str) -> bool:
    cells = split_cells(line)
    return "|" in line and bool(cells) and all(SEPARATOR_CELL.match(cell.replace(" ", "")) for cell in cells)


def alignment(cell: str) -> str:
    cell = cell.replace(" ", "")
    if cell.startswith(":") and cell.endswith(":"):
        return "center"
    return "right" if cell.endswith(":") else "left"


def is_table_start(lines: list[str], index: int) -> bool:
    return (lines[index].lstrip().startswith("|") and index + 1 < len(lines)
            and is_separator(lines[index + 1]))


def read_table(lines: list[str], index: int) -> tuple[Table, int]:
    """A header row, its separator and the rows below; short rows are padded, long ones cut."""
    header = split_cells(lines[index])
    align = [alignment(cell) for cell in split_cells(lines[index + 1])]
    width = len(header)
    align = (align + ["left"] * width)[:width]
    rows, index = [], index + 2
    while index < len(lines) and lines[index].lstrip().startswith("|"):
        cells = (split_cells(lines[index]) + [""] * width)[:width]
        rows.append(tuple(inline(cell) for cell in cells))
        index += 1
    return Table(tuple(inline(cell) for cell in header), tuple(rows), tuple(align)), index


def read_list(lines: list[str], index: int, pattern: re.Pattern[str]) -> tuple[ListBlock, int]:
    ordered = pattern is NUMBERED
    items: list[Line] = []
    start = 1
    while index < len(lines) and (match := pattern.match(lines[index])):
        if ordered and not items:
            start = int(match.group(1))
        items.append(inline(match.group(match.lastindex or 1)))
        index += 1
    return ListBlock(ordered, tuple(items), start), index


def blocks(text: str) -> list[Block]:
    """The blocks of a message in order; unrecognised lines are kept as paragraph text."""
    lines = (text or "").replace("\r\n", "\n").split("\n")
    result: list[Block] = []
    paragraph: list[Line] = []

    def flush() -> None:
        if paragraph:
            result.append(Paragraph(tuple(paragraph)))
            paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            flush()
            index += 1
        elif is_table_start(lines, index):
            flush()
            table, index = read_table(lines, index)
            result.append(table)
        elif BULLET.match(line) or NUMBERED.match(line):
            flush()
            listed, index = read_list(lines, index, BULLET if BULLET.match(line) else NUMBERED)
            result.append(listed)
        elif match := HEADING.match(line):
            flush()
            result.append(Heading(inline(match.group(1))))
            index += 1
        else:
            paragraph.append(inline(line.strip()))
            index += 1
    flush()
    return result
