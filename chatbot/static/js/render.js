// Messages, question cards and feedback cards for turns that arrive without a reload. Each is cloned
// from a <template> the server rendered with the same partials as the page, then filled with
// textContent, so markup and wording live in the templates and message data is never parsed as HTML.

import { clone, slot } from "./dom.js";
import { feedbackCard } from "./feedback.js";
import { render as renderText } from "./markup.js";
import { localise } from "./time.js";

/** The open practice question after these messages, starting from `current`: the server says which
 * messages leave it as it was (`keeps_question_open`); any other message opens its own question or none. */
export function nextOpenQuestion(current, messages) {
  return messages.reduce((open, m) => (m.keeps_question_open ? open : m.question || null), current);
}

function humanise(slug) {
  const words = String(slug).replace(/[-_]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export class Renderer {
  constructor(root) {
    this.skillNames = JSON.parse(root.dataset.skillNames || "{}");
    this.categories = JSON.parse(root.dataset.categories || "{}");
  }

  chips(list, slugs) {
    list.replaceChildren(...slugs.map((slug) => {
      const chip = document.createElement("li");
      chip.className = "chip";
      chip.textContent = this.skillNames[slug] || humanise(slug);
      return chip;
    }));
  }

  category(slug) {
    return this.categories[slug] || humanise(slug);
  }

  question(question) {
    const card = clone("tpl-question");
    card.dataset.questionId = question.id;
    slot(card, "category").textContent = this.category(question.category);
    slot(card, "text").textContent = question.text;
    this.chips(slot(card, "skills"), question.skills || []);
    return card;
  }

  /** A stored message with the display fields the API adds (`blocks`, `answer_segments`). */
  message(m) {
    const node = clone(m.sender === "user" ? "tpl-message-user" : "tpl-message-bot");
    node.id = `m-${m.seq}`;
    node.dataset.seq = m.seq;
    if (m.intent) node.dataset.intent = m.intent;
    else delete node.dataset.intent;
    node.classList.toggle("message--summary", m.intent === "summary");
    const time = slot(node, "time");
    time.dateTime = m.created_at;
    localise(time);
    this.text(node, m);
    slot(node, "text").hidden = Boolean(m.feedback);
    const bubble = slot(node, "bubble");
    if (m.question) bubble.append(this.question(m.question));
    if (m.feedback) bubble.append(feedbackCard(m.feedback, m.answer_segments));
    return node;
  }

  /** What the user typed, exactly as typed; the bot's text from its parsed blocks. */
  text(node, m) {
    const holder = slot(node, "text");
    if (m.sender === "user") {
      const p = document.createElement("p");
      p.textContent = m.text;
      holder.replaceChildren(p);
    } else {
      holder.replaceChildren(renderText(m.blocks));
    }
  }

  /** The user's message before the server has stored it, with its sending / not-sent state. */
  pending(text) {
    const node = clone("tpl-message-user");
    node.removeAttribute("id");
    delete node.dataset.seq;
    node.classList.add("message--pending");
    const time = slot(node, "time");
    time.dateTime = new Date().toISOString();
    localise(time);
    this.text(node, { sender: "user", text });
    slot(node, "bubble").after(clone("tpl-message-status"));
    return node;
  }

  quickReply(text) {
    const item = clone("tpl-quick-reply");
    const button = item.querySelector("button");
    button.value = text;
    button.textContent = text;
    return item;
  }
}
