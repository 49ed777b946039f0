// The message box: Enter sends, Shift+Enter starts a new line, the box grows with its text and a
// counter tracks the length limit.

const NEAR_LIMIT = 0.9;

export class Composer {
  constructor(form, input, counter, announce) {
    this.form = form;
    this.input = input;
    this.counter = counter;
    this.announce = announce;
    this.limit = Number(input.maxLength > 0 ? input.maxLength : form.closest("[data-max-text]").dataset.maxText);
    this.wasNear = false;
    this.grows = !(window.CSS && CSS.supports("field-sizing", "content"));
    input.addEventListener("keydown", (event) => this.keydown(event));
    input.addEventListener("input", () => this.update());
    this.update();
  }

  keydown(event) {
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.form.requestSubmit();
  }

  update() {
    const length = this.input.value.length;
    const near = length >= this.limit * NEAR_LIMIT;
    this.counter.textContent = length.toLocaleString();
    const holder = this.counter.parentElement;
    holder.classList.toggle("counter--near", near && length < this.limit);
    holder.classList.toggle("counter--over", length >= this.limit);
    if (near && !this.wasNear) this.announce(holder.textContent.trim());
    this.wasNear = near;
    if (this.grows) {
      this.input.style.height = "auto";
      this.input.style.height = `${this.input.scrollHeight}px`;
    }
  }

  take() {
    const text = this.input.value.trim();
    this.input.value = "";
    this.update();
    return text;
  }
}
