// Messages, question cards and feedback cards for turns that arrive without a reload. Each is cloned
// from a <template> the server rendered with the same partials as the page, then filled with
// textContent, so markup and wording live in the templates and message data is never parsed as HTML.

import { clone, slot } from "./dom.js";
import { feedbackCard } from "./feedback.js";
import { render as renderText } from "./markup.js";
import { localise } from "./time.js";

// Bot replies that leave the practice question open (mirrors chatbot/web/views.py).
const KEEPS_QUESTION_OPEN = new Set(["hint", "model_answer", "help", "menu"]);

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

/** The text minus lines that restate the question, which its card already shows (as views.py). */
function withoutQuestion(text, question) {
  const wording = (question && question.text) || "";
  if (!wording) return text;
  return text.split("\n").filter((line) => !line.includes(wording)).join("\n");
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

  /** A stored message; `answer` is the user's text the feedback (if any) is about. */
  message(m, answer) {
    const node = clone(m.sender === "user" ? "tpl-message-user" : "tpl-message-bot");
    node.id = `m-${m.seq}`;
    node.dataset.seq = m.seq;
    if (m.intent) node.dataset.intent = m.intent;
    else delete node.dataset.intent;
    node.classList.toggle("message--summary", m.intent === "summary");
    const time = slot(node, "time");
    time.dateTime = m.created_at;
    localise(time);
    this.text(node, m.sender, withoutQuestion(m.text, m.question));
    slot(node, "text").hidden = Boolean(m.feedback);
    const bubble = slot(node, "bubble");
    if (m.question) bubble.append(this.question(m.question));
    if (m.feedback) bubble.append(feedbackCard(m.feedback, answer));
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
    const node = clone("tpl-message-user");
    node.removeAttribute("id");
    delete node.dataset.seq;
    node.classList.add("message--pending");
    const time = slot(node, "time");
    time.dateTime = new Date().toISOString();
    localise(time);
    this.text(node, "user", text);
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
