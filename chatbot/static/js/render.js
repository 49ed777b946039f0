// Messages, question cards and feedback cards for turns that arrive without a reload. Each is cloned
// from a <template> the server rendered with the same partials as the page, then filled with
// textContent, so markup and wording live in the templates and message data is never parsed as HTML.

import { render as renderText } from "./markup.js";
import { localise } from "./time.js";

// Bot replies that leave the practice question open (mirrors chatbot/web/views.py).
const KEEPS_QUESTION_OPEN = new Set(["hint", "model_answer"]);

/** The open practice question after these messages, starting from `current`. */
export function nextOpenQuestion(current, messages) {
  let open = current;
  for (const m of messages) {
    if (m.sender !== "bot") continue;
    if (m.question) open = m.question;
    else if (m.feedback && m.feedback.needs_answer) continue;
    else if (KEEPS_QUESTION_OPEN.has(m.intent)) continue;
    else open = null;
  }
  return open;
}

function locate(answer, chars, highlight) {
  const { start, end } = highlight;
  const text = highlight.text || "";
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= chars.length) {
    const slice = chars.slice(start, end).join("");
    if (!text || slice.toLowerCase() === text.toLowerCase()) return [start, end];
  }
  if (text && answer.toLowerCase().length === answer.length) {
    const found = answer.toLowerCase().indexOf(text.toLowerCase());
    if (found >= 0) {
      const from = Array.from(answer.slice(0, found)).length;
      return [from, from + Array.from(text).length];
    }
  }
  return null;
}

/** The answer cut around credited phrases. Offsets count characters (code points), as the server does. */
export function answerSegments(answer, highlights) {
  const chars = Array.from(answer);
  const spans = [];
  for (const highlight of highlights || []) {
    const located = locate(answer, chars, highlight);
    if (located) spans.push([...located, String(highlight.point || "")]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const segments = [];
  let cursor = 0;
  for (const [start, end, point] of spans) {
    if (start < cursor) continue;
    if (start > cursor) segments.push({ text: chars.slice(cursor, start).join(""), point: null });
    segments.push({ text: chars.slice(start, end).join(""), point });
    cursor = end;
  }
  if (cursor < chars.length || !segments.length) segments.push({ text: chars.slice(cursor).join(""), point: null });
  return segments;
}

function slot(scope, name) {
  return scope.querySelector(`[data-slot="${name}"]`);
}

function signed(number) {
  if (number > 0) return `+${number}`;
  if (number < 0) return `−${-number}`;
  return "±0";
}

function humanise(slug) {
  const words = String(slug).replace(/[-_]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fillList(list, items, make) {
  const prototype = list.firstElementChild;
  list.replaceChildren(...items.map((item) => {
    const node = prototype ? prototype.cloneNode(true) : document.createElement("li");
    make(node, item);
    return node;
  }));
  list.hidden = items.length === 0;
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

export class Renderer {
  constructor(root) {
    this.skillNames = JSON.parse(root.dataset.skillNames || "{}");
    this.categories = JSON.parse(root.dataset.categories || "{}");
  }

  clone(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  chips(list, slugs) {
    fillList(list, slugs, (node, slug) => { node.textContent = this.skillNames[slug] || humanise(slug); });
    list.hidden = false;
  }

  category(slug) {
    return this.categories[slug] || humanise(slug);
  }

  question(question) {
    const card = this.clone("tpl-question");
    card.dataset.questionId = question.id;
    slot(card, "category").textContent = this.category(question.category);
    slot(card, "text").textContent = question.text;
    this.chips(slot(card, "skills"), question.skills || []);
    return card;
  }

  feedback(fb, answer) {
    const card = this.clone("tpl-feedback");
    const needsAnswer = Boolean(fb.needs_answer);
    card.classList.toggle("feedback--needs-answer", needsAnswer);
    slot(card, "score").textContent = fb.score;
    setMeter(slot(card, "meter"), fb.score, 100);

    const change = fb.change;
    const changeNode = slot(card, "change");
    changeNode.hidden = !change;
    if (change) {
      changeNode.classList.add(change.delta > 0 ? "change--up" : change.delta < 0 ? "change--down" : "change--same");
      slot(card, "delta").textContent = signed(change.delta);
      slot(card, "previous").textContent = change.previous_score;
    }
    const newly = (change && change.newly_covered) || [];
    slot(card, "newly").hidden = newly.length === 0;
    slot(card, "newly-list").textContent = newly.join("; ");
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
      slot(card, `${side}-empty`).hidden = items.length > 0;
    }

    const quote = slot(card, "answer");
    quote.replaceChildren(...answerSegments(answer || "", fb.highlights).map((segment) => {
      if (segment.point === null) return document.createTextNode(segment.text);
      const mark = document.createElement("mark");
      mark.dataset.point = segment.point;
      mark.textContent = segment.text;
      return mark;
    }));
    card.querySelector('[data-section="answer"]').hidden = needsAnswer || !answer;

    const tips = fb.tips || [];
    card.querySelector('[data-section="tips"]').hidden = tips.length === 0;
    fillList(slot(card, "tips"), tips, (node, tip) => { node.textContent = tip; });
    return card;
  }

  /** A stored message; `answer` is the user's text the feedback (if any) is about. */
  message(m, answer) {
    const node = this.clone(m.sender === "user" ? "tpl-message-user" : "tpl-message-bot");
    node.id = `m-${m.seq}`;
    node.dataset.seq = m.seq;
    if (m.intent) node.dataset.intent = m.intent;
    else delete node.dataset.intent;
    node.classList.toggle("message--summary", m.intent === "summary");
    const time = slot(node, "time");
    time.dateTime = m.created_at;
    localise(time);
    this.text(node, m.sender, m.text);
    const bubble = slot(node, "bubble");
    if (m.question) bubble.append(this.question(m.question));
    if (m.feedback) bubble.append(this.feedback(m.feedback, answer));
    return node;
  }

  text(node, sender, text) {
    const holder = slot(node, "text");
    if (sender === "user") {
      const p = document.createElement("p");
      p.textContent = text;
      holder.replaceChildren(p);
    } else {
      holder.replaceChildren(renderText(text));
    }
  }

  /** The user's message before the server has stored it, with its sending / not-sent state. */
  pending(text) {
    const node = this.clone("tpl-message-user");
    node.removeAttribute("id");
    delete node.dataset.seq;
    node.classList.add("message--pending");
    const time = slot(node, "time");
    time.dateTime = new Date().toISOString();
    localise(time);
    this.text(node, "user", text);
    slot(node, "bubble").after(this.clone("tpl-message-status"));
    return node;
  }

  quickReply(text) {
    const item = this.clone("tpl-quick-reply");
    const button = item.querySelector("button");
    button.value = text;
    button.textContent = text;
    return item;
  }
}
