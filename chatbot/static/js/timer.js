// An optional two-minute answer timer: a real interview answer should fit in about two minutes.
// The clock is a role="timer" (not announced every second); milestones go to the live region.

function clock(seconds) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

export class Timer {
  constructor(root, announce) {
    this.root = root;
    this.announce = announce;
    this.total = Number(root.dataset.seconds) || 120;
    this.clock = root.querySelector('[data-slot="clock"]');
    this.toggle = root.querySelector('[data-slot="toggle"]');
    this.handle = null;
    this.toggle.addEventListener("click", () => (this.handle ? this.stop(true) : this.start()));
    this.reset();
  }

  start() {
    this.deadline = Date.now() + this.total * 1000;
    this.said = new Set();
    this.root.classList.remove("timer--done", "timer--low");
    this.root.classList.add("timer--running");
    this.toggle.textContent = this.root.dataset.labelStop;
    this.announce(this.root.dataset.sayStart);
    this.handle = window.setInterval(() => this.tick(), 250);
    this.tick();
  }

  tick() {
    const left = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
    this.clock.textContent = clock(left);
    this.root.classList.toggle("timer--low", left <= 30 && left > 0);
    for (const [at, key] of [[60, "sayMinute"], [30, "sayLast"]]) {
      if (left <= at && left > 0 && !this.said.has(key)) {
        this.said.add(key);
        this.announce(this.root.dataset[key]);
      }
    }
    if (left === 0) this.finish();
  }

  finish() {
    window.clearInterval(this.handle);
    this.handle = null;
    this.root.classList.remove("timer--running", "timer--low");
    this.root.classList.add("timer--done");
    this.toggle.textContent = this.root.dataset.labelRestart;
    this.announce(this.root.dataset.sayEnd);
  }

  stop(spoken) {
    if (this.handle) window.clearInterval(this.handle);
    const wasRunning = this.handle !== null;
    this.handle = null;
    this.reset();
    if (spoken && wasRunning) this.announce(this.root.dataset.sayStop);
  }

  reset() {
    this.root.classList.remove("timer--running", "timer--low", "timer--done");
    this.clock.textContent = clock(this.total);
    this.toggle.textContent = this.root.dataset.labelStart;
  }
}
