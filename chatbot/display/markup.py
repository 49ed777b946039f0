"""The small Markdown subset bot messages use (paragraphs, lists, pipe tables, bold, code) as plain blocks.

The blocks are JSON values: the API sends them with each bot message and the templates loop over the
very same values, so a reply looks the same whether the page was reloaded or the script added it.
Nothing here produces HTML; every run of text is escaped by Jinja or set with textContent.
"""

from __future__ import annotations

import re
from typing import Literal, TypedDict

INLINE = re.compile(r"(\*\*[^*\n]+?\*\*|`[^`\n]+`)")
BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")

Style = Literal["", "strong", "code"]
Align = Literal["left", "right", "center"]


class Run(TypedDict):
    """A run of text; style is "" (plain), "strong" or "code"."""

    text: str
    style: Style


Line = list[Run]


class Paragraph(TypedDict):
    kind: Literal["paragraph"]
    lines: list[Line]  # shown with a line break between them


class Heading(TypedDict):
    kind: Literal["heading"]
    line: Line


class ListBlock(TypedDict):
    kind: Literal["list"]
    ordered: bool
    start: int
    items: list[Line]


class Table(TypedDict):
    kind: Literal["table"]
    header: list[Line]
    rows: list[list[Line]]  # every row has as many cells as the header
    align: list[Align]  # one per column


Block = Paragraph | Heading | ListBlock | Table


def inline(text: str) -> Line:
    """Split **bold** and `code` out of a line; anything else stays literal text."""
    runs: Line = []
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            runs.append(Run(text=part[2:-2], style="strong"))
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            runs.append(Run(text=part[1:-1], style="code"))
        else:
            runs.append(Run(text=part, style=""))
    return runs


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


def alignment(cell: str) -> Align:
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
    width = len(header)
    align: list[Align] = [alignment(cell) for cell in split_cells(lines[index + 1])]
    align = (align + ["left"] * width)[:width]
    rows, index = [], index + 2
    while index < len(lines) and lines[index].lstrip().startswith("|"):
        cells = (split_cells(lines[index]) + [""] * width)[:width]
        rows.append([inline(cell) for cell in cells])
        index += 1
    return Table(kind="table", header=[inline(cell) for cell in header], rows=rows, align=align), index


def read_list(lines: list[str], index: int, pattern: re.Pattern[str]) -> tuple[ListBlock, int]:
    ordered = pattern is NUMBERED
    items: list[Line] = []
    start = 1
    while index < len(lines) and (match := pattern.match(lines[index])):
        if ordered and not items:
            start = int(match.group(1))
        items.append(inline(match.group(match.lastindex or 1)))
        index += 1
    return ListBlock(kind="list", ordered=ordered, start=start, items=items), index


def blocks(text: str) -> list[Block]:
    """The blocks of a message in order; unrecognised lines are kept as paragraph text."""
    lines = (text or "").replace("\r\n", "\n").split("\n")
    result: list[Block] = []
    paragraph: list[Line] = []

    def flush() -> None:
        if paragraph:
            result.append(Paragraph(kind="paragraph", lines=list(paragraph)))
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
            result.append(Heading(kind="heading", line=inline(match.group(1))))
            index += 1
        else:
            paragraph.append(inline(line.strip()))
            index += 1
    flush()
    return result
