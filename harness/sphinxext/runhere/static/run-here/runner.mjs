// Run it here, the part that runs (loaded by run-here.js on the first click).
// The page's program (harness/sphinxext/runhere/__init__.py) lists its steps:
// blocks in page order (visible ones are read from the page, invisible ones carry
// their code) and skip comments. Running a block first runs the steps before it,
// in order, in one Python (worker.mjs), as the test suite does.
export async function start(address, root, base) {
  const answer = await fetch(address);
  if (!answer.ok) throw new Error(`${address}: ${answer.status}`);
  const program = await answer.json();
  const state = { worker: null, starting: null, next: 0, calls: new Map(), id: 0 };
  const timings = (window.runHere = { program, timings: [], ready: null });

  // --- the worker ----------------------------------------------------------------------

  function call(message) {
    const id = ++state.id;
    return new Promise((resolve, reject) => {
      state.calls.set(id, { resolve, reject });
      state.worker.postMessage({ ...message, id });
    });
  }

  function startPython(report) {
    if (state.starting) return state.starting;
    state.starting = (async () => {
      const manifest = await fetch(new URL("pyodide/manifest.json", base));
      if (!manifest.ok) {
        throw new Error(
          "This build of the site has no runner: it is built where Node.js is installed " +
            "and npm ci has run. Run the block on your machine instead.",
        );
      }
      await serviceWorker();
      report("Starting Python (the first time, about 18 MB to download)…");
      state.worker = new Worker(new URL("worker.mjs", base), { type: "module" });
      const ready = new Promise((resolve, reject) => {
        state.worker.onmessage = ({ data }) => {
          if (data.type === "progress") report(data.text);
          else if (data.type === "ready") {
            timings.startup = data.parts;
            resolve(data.seconds);
          }
          else if (data.type === "failed" && !data.id) reject(new Error(data.error));
          else {
            const pending = state.calls.get(data.id);
            state.calls.delete(data.id);
            if (!pending) return;
            if (data.type === "failed") pending.reject(new Error(data.error));
            else pending.resolve(data.result);
          }
        };
        state.worker.onerror = (event) => reject(new Error(event.message || "the worker failed"));
      });
      const examples = program.examples.map((slug) => ({
        slug,
        url: new URL(`_examples/${slug}.zip`, root).href,
      }));
      state.worker.postMessage({ type: "start", module: program.module, page: program.page, examples });
      timings.ready = await ready;
    })();
    state.starting.catch(() => {
      state.starting = null;
    });
    return state.starting;
  }

  // The site's service worker keeps the runtime for later visits and serves the live
  // apps. This page's requests (its worker's too) go through it once it controls the
  // page, which it claims at once; a browser without one still runs the blocks.
  async function serviceWorker() {
    if (!("serviceWorker" in navigator) || navigator.serviceWorker.controller) return;
    try {
      await navigator.serviceWorker.register(new URL("run-here-sw.js", root), { scope: root.pathname });
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true });
        setTimeout(resolve, 3000);
      });
    } catch (error) {
      console.warn("run here: no service worker:", error);
    }
  }

  function stopPython() {
    if (state.worker) state.worker.terminate();
    for (const pending of state.calls.values()) pending.reject(new Error("Python was restarted"));
    Object.assign(state, { worker: null, starting: null, next: 0, calls: new Map() });
    for (const block of blocks) block.clear();
  }

  // --- the blocks ----------------------------------------------------------------------

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  }

  function transcript(result) {
    if (result.skipped) return `(not run: ${result.skipped})`;
    return result.items
      .map((item) => {
        let text = "";
        if (item.source !== null) {
          const lines = item.source.replace(/\n$/, "").split("\n");
          text += lines.map((line, n) => (n ? "... " : ">>> ") + line).join("\n") + "\n";
        }
        text += item.output;
        if (!item.ok && item.want !== null) text += `# ✗ the page shows:\n${item.want}`;
        return text;
      })
      .join("");
  }

  class Block {
    constructor(step, bar) {
      this.step = step;
      this.bar = bar;
      this.host = bar.previousElementSibling;
      // The page's text, or the program's where Sphinx trimmed the shown text.
      this.original = step.code || this.host.querySelector("pre").textContent;
      this.editor = null;
      [this.run, this.edit, this.reset] = bar.querySelectorAll("button");
      this.output = bar.nextElementSibling;
    }

    code() {
      return this.editor ? this.editor.value : this.original;
    }

    toggleEditor() {
      if (this.editor) return this.closeEditor(true);
      const rows = Math.min(30, this.original.split("\n").length + 1);
      this.editor = element("textarea", {
        class: "run-here-editor",
        rows: String(rows),
        spellcheck: "false",
        "aria-label": `Code of the block at line ${this.step.line}, editable`,
      });
      this.editor.value = this.original;
      this.host.hidden = true;
      this.host.after(this.editor);
      this.edit.setAttribute("aria-pressed", "true");
      this.editor.focus();
    }

    closeEditor(keep = false) {
      // Closing keeps the edited code shown (read-only) until Reset.
      if (keep && this.editor.value !== this.original) {
        this.editor.readOnly = !this.editor.readOnly;
        this.edit.setAttribute("aria-pressed", String(!this.editor.readOnly));
        if (!this.editor.readOnly) this.editor.focus();
        return;
      }
      this.editor.remove();
      this.editor = null;
      this.host.hidden = false;
      this.edit.setAttribute("aria-pressed", "false");
    }

    show(text, status, ok = true) {
      this.output.hidden = false;
      this.output.replaceChildren();
      this.output.classList.toggle("run-here-failed", !ok);
      this.output.append(element("p", { class: "run-here-status" }, status));
      if (text) this.output.append(element("pre", { tabindex: "0" }, text));
    }

    clear() {
      this.output.hidden = true;
      this.output.replaceChildren();
      this.ran = false;
    }

    result(result, seconds) {
      this.ran = true;
      const time = seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(1)} s`;
      let status;
      if (result.skipped) status = "Not run here, as in the test suite";
      else if (result.ok) status = `Ran in ${time}: the same output as the page shows.`;
      else if (result.items.some((item) => item.want !== null)) status = `Ran in ${time}: the output differs from the page.`;
      else status = `Ran in ${time}: it raised an exception.`;
      const text = transcript(result);
      this.show(text || "(no output)", status, result.ok);
    }
  }

  async function runTo(target) {
    const position = program.steps.indexOf(target.step);
    target.run.disabled = true;
    const clicked = performance.now();
    try {
      await startPython((text) => target.show("", text));
      // The steps before the block, in order, as the suite runs them; then the block.
      const first = Math.min(state.next, position);
      for (let index = first; index <= position; index++) {
        const step = program.steps[index];
        if (index < state.next && step !== target.step) continue;
        if (step.skip) {
          // A skip whose condition reads what can't run here covers only such blocks.
          if (!step.reason) await call({ type: "skip", action: step.skip, rest: step.arguments });
        } else if (step.reason) {
          // Runs on the reader's machine only (nothing here depends on it); a skip: next
          // above it is used up.
          await call({ type: "skip", action: "over", rest: null });
        } else if (step.invisible) {
          const result = await call({ type: "run", code: step.code, line: step.line });
          if (!result.ok) {
            target.show(transcript(result), `The page's setup at line ${step.line} failed here.`, false);
            return;
          }
        } else {
          const block = byStep.get(step);
          const started = performance.now();
          const result = await call({ type: "run", code: block.code(), line: step.line });
          block.result(result, (performance.now() - started) / 1000);
          if (block === target) {
            timings.timings.push({ line: step.line, clickToOutput: (performance.now() - clicked) / 1000, run: result.seconds });
          }
        }
        state.next = Math.max(state.next, index + 1);
      }
    } catch (error) {
      target.show("", error.message, false);
    } finally {
      target.run.disabled = false;
    }
  }

  // --- live apps -------------------------------------------------------------------------

  const live = crypto.randomUUID().slice(0, 8); // this page's share of _live/
  const channel = new BroadcastChannel("run-here-live");
  channel.onmessage = async ({ data }) => {
    if (data.page !== live || !state.worker) return;
    try {
      const app = program.apps.find((app) => app.module === data.request.module);
      const request = { ...data.request, slug: app ? app.slug : null };
      const result = await call({ type: "app", request });
      channel.postMessage({ reply: data.id, ...result });
    } catch (error) {
      channel.postMessage({ reply: data.id, error: error.message });
    }
  };

  async function openApp(app, bar, status, button) {
    button.disabled = true;
    try {
      await startPython((text) => (status.textContent = text));
      if (!navigator.serviceWorker || !navigator.serviceWorker.controller) {
        throw new Error("This browser has no service worker for this page: the live app needs one.");
      }
      const address = `_live/${live}/${app.module}/`;
      let frame = bar.parentElement.querySelector(".run-here-frame");
      if (!frame) {
        frame = element("div", { class: "run-here-frame" });
        const where = element("p", { class: "run-here-where" });
        const close = element("button", { type: "button", class: "run-here-close" }, "Close the app");
        const iframe = element("iframe", { title: `${app.module}.py's app, running in this page` });
        iframe.addEventListener("load", () => {
          const shown = iframe.contentWindow.location.href.slice(new URL(address, root).href.length);
          where.textContent = `${app.module}.py: /${shown}`;
        });
        close.addEventListener("click", () => frame.remove());
        frame.append(where, iframe, close);
        status.after(frame);
      }
      frame.querySelector("iframe").src = new URL(address, root).href;
      status.textContent = `${app.module}.py's app runs in this page's Python: its links and forms stay in the frame.`;
    } catch (error) {
      status.textContent = error.message;
    } finally {
      button.disabled = false;
    }
  }

  // --- the page ------------------------------------------------------------------------

  const byStep = new Map();
  const blocks = [];
  for (const bar of document.querySelectorAll(".run-here-bar")) {
    const step = program.steps[Number(bar.dataset.step)];
    const block = new Block(step, bar);
    byStep.set(step, block);
    blocks.push(block);
  }
  const styles = document.createElement("link");
  styles.rel = "stylesheet";
  styles.href = new URL("runner.css", base).href;
  document.head.append(styles);

  // The bootstrap hands over each click on a control.
  return (button) => {
    const bar = button.closest(".run-here-bar");
    if (bar) {
      const block = blocks.find((block) => block.bar === bar);
      if (button.classList.contains("run-here-run")) runTo(block);
      else if (button.classList.contains("run-here-edit")) block.toggleEditor();
      else if (button.classList.contains("run-here-reset")) {
        if (block.editor) block.closeEditor();
        stopPython();
      }
    } else if (button.classList.contains("run-here-open")) {
      const group = button.closest(".run-here-live");
      openApp(program.apps[Number(button.dataset.app)], group, group.nextElementSibling, button);
    }
  };
}
