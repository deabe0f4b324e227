// Run it here: a Run button under every block the test suite executes, and the
// example's apps to open live. This part only draws the controls; the first click
// loads the part that runs (runner.mjs), so a page that is only read stays light.
(() => {
  "use strict";
  const data = document.getElementById("run-here-program");
  if (!data) return;
  const program = JSON.parse(data.textContent);
  const root = new URL(document.documentElement.dataset.content_root || "./", location.href);
  const base = new URL("_static/run-here/", root);

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  }

  // Each shown block: [its step in the program, its number on the page, its line, why not].
  for (const [step, block, line, reason] of program.blocks) {
    const host = document.querySelector(`.run-here-${block}`);
    if (!host) continue;
    if (reason) {
      host.after(element("p", { class: "run-here-not" }, `Runs on your machine, not here: it ${reason}.`));
      continue;
    }
    const bar = element("div", { class: "run-here-bar", role: "group", "aria-label": `Run the block at line ${line}`, "data-step": step });
    bar.append(
      element("button", { type: "button", class: "run-here-run" }, "Run"),
      element("button", { type: "button", class: "run-here-edit", "aria-pressed": "false" }, "Edit"),
      element("button", { type: "button", class: "run-here-reset" }, "Reset"),
    );
    const output = element("div", { class: "run-here-output", role: "status", "aria-live": "polite" });
    output.hidden = true;
    host.after(bar, output);
  }

  const note = document.querySelector(".example-folder");
  if (note && program.apps.length) {
    const group = element("div", { class: "run-here-live", role: "group", "aria-label": "The example's apps, live in this page" });
    program.apps.forEach((app, index) => {
      group.append(element("button", { type: "button", class: "run-here-open", "data-app": index }, `Open ${app.module}.py's app here`));
    });
    note.after(group, element("p", { class: "run-here-status", role: "status", "aria-live": "polite" }));
  }

  // Where a click's answer goes until the runner shows its own.
  function say(button, text) {
    const bar = button.closest(".run-here-bar");
    const place = bar ? bar.nextElementSibling : button.closest(".run-here-live").nextElementSibling;
    place.hidden = false;
    place.replaceChildren(element("p", { class: "run-here-status" }, text));
  }

  let runner = null;
  document.addEventListener("click", async (event) => {
    const button = event.target.closest(".run-here-bar button, .run-here-open");
    if (!button) return;
    if (location.protocol === "file:") {
      say(button, "This page was opened from a file. Serve the site to run its code here: make serve, then open http://127.0.0.1:8000/.");
      return;
    }
    runner ||= import(new URL("runner.mjs", base).href).then((module) =>
      module.start(new URL(program.program, root), root, base),
    );
    try {
      (await runner)(button);
    } catch (error) {
      runner = null;
      say(button, `The runner did not load: ${error.message}`);
    }
  });
})();
