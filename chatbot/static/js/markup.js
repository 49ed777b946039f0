// A bot message's text as DOM nodes, from the parsed blocks the API sends with it (`blocks`, built by
// chatbot/display/markup.py and rendered by templates/partials/text.html alike). Nothing is parsed
// here: every run is set with textContent, so whatever a message contains is shown as text.

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

/** The nodes for a message's blocks, in a fragment ready to append. */
export function render(blocks) {
  const fragment = document.createDocumentFragment();
  for (const block of blocks || []) fragment.append(blockNode(block));
  return fragment;
}
