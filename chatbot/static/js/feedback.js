// The feedback card of a practice answer, cloned from the server's <template> and filled with
// textContent: the score meter, criteria bars, talking points, the highlighted answer and tips. The
// answer arrives already cut around its credited phrases (the message's `answer_segments`).

import { clone, slot } from "./dom.js";

function signed(number) {
  if (number > 0) return `+${number}`;
  if (number < 0) return `−${-number}`;
  return "±0";
}

function fillList(list, items, make) {
  const prototype = list.firstElementChild;
  list.replaceChildren(...items.map((item) => {
    const node = prototype ? prototype.cloneNode(true) : document.createElement("li");
    make(node, item);
    return node;
  }));
}

function setMeter(meter, value, max) {
  meter.min = 0;
  meter.max = max;
  meter.low = max * 0.5;
  meter.high = max * 0.75;
  meter.optimum = max;
  meter.value = value;
  meter.textContent = `${value}/${max}`;
}

/** The card for a Feedback object; `segments` is the answer it scored, cut around credited phrases. */
export function feedbackCard(fb, segments) {
  const card = clone("tpl-feedback");
  const needsAnswer = Boolean(fb.needs_answer);
  card.classList.toggle("feedback--needs-answer", needsAnswer);
  card.querySelector('[data-section="score"]').hidden = needsAnswer;
  slot(card, "score").textContent = fb.score;
  setMeter(slot(card, "meter"), fb.score, 100);

  const change = needsAnswer ? null : fb.change;
  const changeNode = slot(card, "change");
  changeNode.hidden = !change;
  changeNode.classList.remove("change--up", "change--down", "change--same");
  if (change) {
    changeNode.classList.add(change.delta > 0 ? "change--up" : change.delta < 0 ? "change--down" : "change--same");
    slot(card, "delta").textContent = signed(change.delta);
    slot(card, "previous").textContent = change.previous_score;
  }
  for (const [name, items] of [["newly", change && change.newly_covered], ["lost", change && change.no_longer_covered]]) {
    slot(card, name).hidden = !(items && items.length);
    slot(card, `${name}-list`).textContent = (items || []).join("; ");
  }
  slot(card, "summary").textContent = fb.summary || "";
  slot(card, "summary").hidden = !fb.summary;

  const criteria = fb.criteria || [];
  card.querySelector('[data-section="criteria"]').hidden = needsAnswer || criteria.length === 0;
  fillList(slot(card, "criteria"), criteria, (node, c) => {
    slot(node, "label").textContent = c.label;
    slot(node, "value").textContent = c.score;
    slot(node, "max").textContent = c.max;
    const meter = slot(node, "meter");
    setMeter(meter, c.score, c.max);
    meter.setAttribute("aria-label", `${c.label}: ${c.score}/${c.max}`);
    slot(node, "comment").textContent = c.comment || "";
    slot(node, "comment").hidden = !c.comment;
  });

  const talking = fb.talking_points || {};
  card.querySelector('[data-section="points"]').hidden = needsAnswer;
  for (const side of ["covered", "missed"]) {
    const items = talking[side] || [];
    fillList(slot(card, side), items, (node, label) => { node.textContent = label; });
    slot(card, side).hidden = items.length === 0;
    slot(card, `${side}-empty`).hidden = items.length > 0;
  }

  const quote = slot(card, "answer");
  const answer = segments || [];
  quote.replaceChildren(...answer.map((segment) => {
    if (segment.point === null) return document.createTextNode(segment.text);
    const mark = document.createElement("mark");
    mark.dataset.point = segment.point;
    mark.textContent = segment.text;
    return mark;
  }));
  card.querySelector('[data-section="answer"]').hidden = needsAnswer || answer.length === 0;

  const tips = fb.tips || [];
  card.querySelector('[data-section="tips"]').hidden = tips.length === 0;
  fillList(slot(card, "tips"), tips, (node, tip) => { node.textContent = tip; });
  return card;
}
