// The message box: Enter sends, Shift+Enter starts a new line, the box grows with its text and a
// counter tracks the length limit. Text over the limit is never cut: it stays in the box as typed or
// pasted, a warning says how much to remove, and the page refuses to send it until it fits.

const NEAR_LIMIT = 0.9;
// What the server trims before it counts (Python's str.strip(): str.isspace() characters), so the
// counter and the warning agree with the server about where the limit falls.
const EDGE_SPACE = /^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const NUMBER = new Intl.NumberFormat("en-GB");

/** The text as the server will see it: trimmed at both ends. */
export function trimmed(text) {
  return text.replace(EDGE_SPACE, "");
}

/** Characters as the server counts them (code points), so an emoji counts once. */
export function characters(text) {
  return text.length - (text.match(PAIR) || []).length;
}

/** Fill "{name}" placeholders of a sentence the template wrote. */
function say(sentence, values) {
  return sentence.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

export class Composer {
  /** `onchange(over)` hears when the text crosses the limit, either way. */
  constructor(form, input, counter, warning, announce, onchange = () => {}) {
    this.form = form;
    this.input = input;
    this.counter = counter;
    this.warning = warning;
    this.announce = announce;
    this.onchange = onchange;
    this.limit = Number(form.closest("[data-max-text]").dataset.maxText);
    this.state = "fits";
    this.grows = !(window.CSS && CSS.supports("field-sizing", "content"));
    input.addEventListener("keydown", (event) => this.keydown(event));
    input.addEventListener("input", () => this.update());
    this.update();
  }

  get length() {
    return characters(trimmed(this.input.value));
  }

  /** True while the text is longer than the limit: it must not be sent. */
  get over() {
    return this.state === "over";
  }

  keydown(event) {
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.form.requestSubmit();
  }

  /** The warning for the text now in the box ("" when it fits). */
  warningText() {
    const length = this.length;
    if (length <= this.limit) return "";
    return say(this.warning.dataset.sayOver, {
      length: NUMBER.format(length), limit: NUMBER.format(this.limit), excess: NUMBER.format(length - this.limit),
    });
  }

  update() {
    const length = this.length;
    const previous = this.state;
    this.state = length > this.limit ? "over" : length >= this.limit * NEAR_LIMIT ? "near" : "fits";
    this.counter.textContent = NUMBER.format(length);
    const holder = this.counter.parentElement;
    holder.classList.toggle("counter--near", this.state === "near");
    holder.classList.toggle("counter--over", this.state === "over");
    this.warning.textContent = this.warningText();
    this.warning.hidden = !this.over;
    if (this.over) this.input.setAttribute("aria-invalid", "true");
    else if (previous === "over") this.input.removeAttribute("aria-invalid");
    if (this.state !== previous) {
      if (this.over) this.announce(this.warning.textContent);
      else if (previous === "over") this.announce(this.warning.dataset.sayFits, holder.textContent.trim());
      else if (this.state === "near") this.announce(holder.textContent.trim());
      if (this.over || previous === "over") this.onchange(this.over);
    }
    if (this.grows) {
      this.input.style.height = "auto";
      this.input.style.height = `${this.input.scrollHeight}px`;
    }
  }

  /** Say again why the text cannot be sent, and put the cursor back in it. */
  refuse() {
    this.input.focus({ preventScroll: true });
    this.announce(this.warning.textContent);
  }

  take() {
    const text = trimmed(this.input.value);
    this.input.value = "";
    this.update();
    return text;
  }
}
