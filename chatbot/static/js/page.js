// Every page: reveal the controls that need a script, hide the no-script hints, show local times.

import { localiseAll } from "./time.js";

document.querySelectorAll("[data-js-only]").forEach((node) => { node.hidden = false; });
document.querySelectorAll("[data-no-js]").forEach((node) => { node.hidden = true; });
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
localiseAll();
