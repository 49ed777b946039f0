// The chat page with a script: turns go through the JSON API (cookie + X-CSRFToken) instead of a
// full-page form post. A failed send keeps the message on screen, marked "not sent", and its retry
// reuses the same client_message_id, so the server stores it once however often it is retried.

import { Composer } from "./composer.js";
import { Renderer, nextOpenQuestion } from "./render.js";
import { Timer } from "./timer.js";

const root = document.getElementById("main");
const form = document.getElementById("chat-form");
const input = document.getElementById("chat-input");
const list = document.getElementById("messages");
const typing = document.getElementById("typing");
const quick = document.getElementById("quick-replies");
const banner = document.getElementById("practice-banner");
const status = document.getElementById("send-status");
const live = document.getElementById("live");
const sendButton = document.getElementById("send-button");
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

let busy = false;
let unsent = null; // {text, id, node} of a message that failed to send
let openQuestion = JSON.parse(banner.dataset.question || "null");

/** Send is off while a turn is in flight, and while the text is too long to send. */
function refreshSend(over = composer.over) {
  sendButton.disabled = busy || over;
}

const renderer = new Renderer(root);
const composer = new Composer(form, input, document.getElementById("chat-counter"),
  document.getElementById("chat-limit"), announce, (over) => refreshSend(over));
const timer = new Timer(banner.querySelector("[data-timer]"), announce);

function announce(...texts) {
  live.replaceChildren();
  window.setTimeout(() => {
    live.replaceChildren(...texts.filter(Boolean).map((text) => {
      const p = document.createElement("p");
      p.textContent = text;
      return p;
    }));
  }, 50);
}

function newId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function scrollTo(top) {
  window.scrollTo({ top, behavior: reducedMotion.matches ? "auto" : "smooth" });
}

function scrollToEnd() {
  scrollTo(document.scrollingElement.scrollHeight);
}

/** Show a turn from its start: a long feedback card is read from the top, a short reply ends in view. */
function scrollToTurn(node) {
  scrollTo(node.getBoundingClientRect().top + window.scrollY - 16);
}

function setBusy(value) {
  busy = value;
  refreshSend();
  typing.hidden = !value;
  list.setAttribute("aria-busy", String(value));
  quick.querySelectorAll("button").forEach((button) => { button.disabled = value; });
}

function showQuickReplies(replies) {
  const holder = quick.querySelector('[data-slot="list"]');
  holder.replaceChildren(...replies.map((text) => renderer.quickReply(text)));
  quick.hidden = replies.length === 0;
}

function showQuestion(question) {
  const changed = (question && question.id) !== (openQuestion && openQuestion.id);
  openQuestion = question;
  banner.hidden = !question;
  input.placeholder = question ? input.dataset.placeholderAnswer : input.dataset.placeholderChat;
  if (!question) {
    timer.stop(false);
    return;
  }
  banner.querySelector('[data-slot="category"]').textContent = renderer.category(question.category);
  banner.querySelector('[data-slot="text"]').textContent = question.text;
  renderer.chips(banner.querySelector('[data-slot="skills"]'), question.skills || []);
  if (changed) timer.stop(false);
}

const squash = (node) => (node && !node.hidden ? node.textContent.replace(/\s+/g, " ").trim() : "");

/** What a screen reader hears for a new bot message: its text, or the heart of its feedback card. */
function spoken(node) {
  const who = squash(node.querySelector(".message__who"));
  const parts = [squash(node.querySelector('[data-slot="text"]')), squash(node.querySelector(".question-card__text")),
    squash(node.querySelector(".score")), squash(node.querySelector('[data-slot="summary"]'))];
  return `${who}: ${parts.filter(Boolean).join(" ")}`;
}

function showTurn(messages) {
  let first = null;
  const spokenTexts = [];
  for (const m of messages) {
    // A retry whose first attempt was stored (only its answer was lost) may already be on the page.
    if (document.getElementById(`m-${m.seq}`)) continue;
    const node = renderer.message(m);
    list.append(node);
    first = first || node;
    if (m.sender === "bot") spokenTexts.push(spoken(node));
  }
  const last = messages[messages.length - 1];
  showQuickReplies(last && last.sender === "bot" ? last.quick_replies || [] : []);
  showQuestion(nextOpenQuestion(openQuestion, messages));
  announce(...spokenTexts);
  if (first) scrollToTurn(first);
}

async function failure(response) {
  let error = {};
  try {
    error = (await response.json()).error || {};
  } catch {
    error = {};
  }
  if (response.status === 404) return form.dataset.sayGone;
  if (error.code === "bad_request") return form.dataset.sayReload;
  return error.message || form.dataset.sayOffline;
}

const unsentKey = `unsent:${root.dataset.sessionId}`;

function remember(pending) {
  try {
    if (pending) window.sessionStorage.setItem(unsentKey, JSON.stringify({ text: pending.text, id: pending.id }));
    else window.sessionStorage.removeItem(unsentKey);
  } catch {
    // Storage may be unavailable (private mode); the message is still on screen.
  }
}

function markFailed(pending, reason) {
  remember(pending);
  pending.node.classList.remove("message--pending");
  pending.node.classList.add("message--failed");
  pending.node.querySelector('[data-state="sending"]').hidden = true;
  pending.node.querySelector('[data-state="failed"]').hidden = false;
  pending.node.querySelector('[data-slot="reason"]').textContent = reason;
  const retry = pending.node.querySelector('[data-slot="retry"]');
  retry.onclick = () => deliver(pending);
  unsent = pending;
  announce(pending.node.querySelector('[data-state="failed"]').textContent.replace(/\s+/g, " ").trim());
}

function markSending(pending) {
  pending.node.classList.remove("message--failed");
  pending.node.classList.add("message--pending");
  pending.node.querySelector('[data-state="sending"]').hidden = false;
  pending.node.querySelector('[data-state="failed"]').hidden = true;
}

async function deliver(pending) {
  if (busy) return;
  setBusy(true);
  markSending(pending);
  status.textContent = "";
  scrollToEnd();
  try {
    const response = await fetch(root.dataset.messagesUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken },
      body: JSON.stringify({ text: pending.text, client_message_id: pending.id }),
    });
    if (!response.ok) {
      markFailed(pending, await failure(response));
      return;
    }
    const body = await response.json();
    unsent = null;
    remember(null);
    const hadFocus = pending.node.contains(document.activeElement);
    pending.node.remove();
    if (hadFocus) input.focus({ preventScroll: true });
    setBusy(false);
    showTurn(body.messages);
  } catch {
    markFailed(pending, form.dataset.sayOffline);
  } finally {
    setBusy(false);
  }
}

function send(text) {
  if (busy || !text) return;
  if (unsent) {
    status.textContent = form.dataset.sayBlocked;
    unsent.node.querySelector('[data-slot="retry"]').focus();
    return;
  }
  const pending = { text, id: newId(), node: renderer.pending(text) };
  list.append(pending.node);
  deliver(pending);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (busy) return;
  if (composer.over) { // never cut: the text stays in the box until the user shortens it
    composer.refuse();
    return;
  }
  if (unsent) {
    send(input.value.trim());
    return;
  }
  send(composer.take());
});

quick.addEventListener("click", (event) => {
  const button = event.target.closest("button.quick-reply");
  if (!button) return;
  event.preventDefault();
  send(button.value);
  input.focus({ preventScroll: true });
});

/** A message that failed before a reload comes back, not sent, with its original id. */
function restoreUnsent() {
  let saved = null;
  try {
    saved = JSON.parse(window.sessionStorage.getItem(unsentKey) || "null");
  } catch {
    saved = null;
  }
  if (!saved || !saved.text || !saved.id) return;
  const pending = { text: saved.text, id: saved.id, node: renderer.pending(saved.text) };
  list.append(pending.node);
  markFailed(pending, "");
}

restoreUnsent();
form.dataset.enhanced = "true";
if (window.location.hash === "") window.scrollTo(0, document.scrollingElement.scrollHeight);
