// The Markdown subset of bot messages (mirrors chatbot/web/markup.py), built as DOM nodes with
// textContent only: whatever a message contains is shown as text, never parsed as HTML.

const INLINE = /(\*\*[^*\n]+?\*\*|`[^`\n]+`)/;
const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/;
const HEADING = /^\s*#{1,6}\s+(.*)$/;
const SEPARATOR_CELL = /^:?-{3,}:?$/;

export function inline(text) {
  const runs = [];
  for (const part of text.split(INLINE)) {
    if (!part) continue;
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4) {
      runs.push({ text: part.slice(2, -2), style: "strong" });
    } else if (part.startsWith("`") && part.endsWith("`") && part.length > 2) {
      runs.push({ text: part.slice(1, -1), style: "code" });
    } else {
      runs.push({ text: part, style: "" });
    }
  }
  return runs;
}

function splitCells(line) {
  let body = line.trim();
  if (body.startsWith("|")) body = body.slice(1);
  if (body.endsWith("|") && !body.endsWith("\\|")) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((cell) => cell.trim().replaceAll("\\|", "|"));
}

function isSeparator(line) {
  const cells = splitCells(line);
  return line.includes("|") && cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c.replaceAll(" ", "")));
}

function alignment(cell) {
  const c = cell.replaceAll(" ", "");
  if (c.startsWith(":") && c.endsWith(":")) return "center";
  return c.endsWith(":") ? "right" : "left";
}

function readTable(lines, index) {
  const header = splitCells(lines[index]);
  const width = header.length;
  const align = splitCells(lines[index + 1]).map(alignment).concat(Array(width).fill("left")).slice(0, width);
  const rows = [];
  let i = index + 2;
  while (i < lines.length && lines[i].trimStart().startsWith("|")) {
    const cells = splitCells(lines[i]).concat(Array(width).fill("")).slice(0, width);
    rows.push(cells.map(inline));
    i += 1;
  }
  return [{ kind: "table", header: header.map(inline), rows, align }, i];
}

function readList(lines, index, pattern) {
  const ordered = pattern === NUMBERED;
  const items = [];
  let start = 1;
  let i = index;
  let match;
  while (i < lines.length && (match = pattern.exec(lines[i]))) {
    if (ordered && items.length === 0) start = Number(match[1]);
    items.push(inline(match[match.length - 1]));
    i += 1;
  }
  return [{ kind: "list", ordered, items, start }, i];
}

export function blocks(text) {
  const lines = (text || "").replaceAll("\r\n", "\n").split("\n");
  const result = [];
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) result.push({ kind: "paragraph", lines: paragraph });
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    let match;
    if (!line.trim()) {
      flush();
      i += 1;
    } else if (line.trimStart().startsWith("|") && i + 1 < lines.length && isSeparator(lines[i + 1])) {
      flush();
      let table;
      [table, i] = readTable(lines, i);
      result.push(table);
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      flush();
      let list;
      [list, i] = readList(lines, i, BULLET.test(line) ? BULLET : NUMBERED);
      result.push(list);
    } else if ((match = HEADING.exec(line))) {
      flush();
      result.push({ kind: "heading", line: inline(match[1]) });
      i += 1;
    } else {
      paragraph.push(inline(line.trim()));
      i += 1;
    }
  }
  flush();
  return result;
}

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function appendRuns(parent, runs) {
  for (const run of runs) {
    if (run.style) {
      const node = element(run.style === "strong" ? "strong" : "code");
      node.textContent = run.text;
      parent.append(node);
    } else {
      parent.append(document.createTextNode(run.text));
    }
  }
  return parent;
}

function plain(runs) {
  return runs.map((run) => run.text).join("");
}

function tableNode(block) {
  const wrap = element("div", "table-wrap");
  wrap.setAttribute("role", "region");
  wrap.tabIndex = 0;
  wrap.setAttribute("aria-label", `Table: ${block.header.map(plain).join(", ")}`);
  const table = element("table", "md-table");
  const headRow = table.createTHead().insertRow();
  block.header.forEach((cell, column) => {
    const th = element("th", `align-${block.align[column]}`);
    th.scope = "col";
    headRow.append(appendRuns(th, cell));
  });
  const body = table.createTBody();
  for (const row of block.rows) {
    const tr = body.insertRow();
    row.forEach((cell, column) => {
      const node = element(column === 0 ? "th" : "td", `align-${block.align[column]}`);
      if (column === 0) node.scope = "row";
      tr.append(appendRuns(node, cell));
    });
  }
  wrap.append(table);
  return wrap;
}

function blockNode(block) {
  if (block.kind === "table") return tableNode(block);
  if (block.kind === "heading") return appendRuns(element("p", "md-heading"), block.line);
  if (block.kind === "list") {
    const list = element(block.ordered ? "ol" : "ul");
    if (block.ordered && block.start !== 1) list.start = block.start;
    for (const item of block.items) list.append(appendRuns(element("li"), item));
    return list;
  }
  const p = element("p");
  block.lines.forEach((line, index) => {
    if (index) p.append(element("br"));
    appendRuns(p, line);
  });
  return p;
}

/** The nodes for a message's text, in a fragment ready to append. */
export function render(text) {
  const fragment = document.createDocumentFragment();
  for (const block of blocks(text)) fragment.append(blockNode(block));
  return fragment;
}
