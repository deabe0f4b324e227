// ClipboardJS, as sphinx-copybutton uses it, on the browser's own clipboard API:
// new ClipboardJS(selector, {text: trigger => text}).on("success" | "error", event => ...).
// It stands in for clipboard.min.js (8.9 KiB), which brings what browsers now have
// (harness/sphinxext/assets.py swaps the files).
//
// sphinx-copybutton strips one list of prompts from every block. Its script tag
// carries each language's own (data-prompts, from assets.py's COPY_PROMPTS): a
// console block copies its "$ " lines only, even where its output shows ">>> ",
// and a block of another language is copied as shown.
(() => {
  const prompts = JSON.parse(document.currentScript?.dataset.prompts ?? "null");

  // What conf.py asks of sphinx-copybutton, per language: the lines that start with
  // the block's prompt, without it; if none does, or the language has no prompt, the
  // block as shown. The last newline never (pasting would run the command).
  const ownText = (trigger, copybuttonText) => {
    if (!prompts) return copybuttonText(trigger);
    const box = trigger.closest("div[class*='highlight-']");
    const language = [...(box?.classList ?? [])]
      .find((name) => name.startsWith("highlight-"))
      ?.slice("highlight-".length);
    const shown = document.querySelector(trigger.dataset.clipboardTarget).cloneNode(true);
    shown.querySelectorAll(".linenos").forEach((number) => number.remove());
    const text = shown.innerText;
    const prompt = prompts[language];
    const commands = [];
    if (prompt !== undefined) {
      const line = new RegExp(`^(?:${prompt})(.*)`);
      for (const each of text.split("\n")) {
        const found = each.match(line);
        if (found) commands.push(found[1]);
      }
    }
    return (commands.length ? commands.join("\n") : text).replace(/\n$/, "");
  };

  window.ClipboardJS = class {
    constructor(selector, options) {
      this.handlers = {};
      document.addEventListener("click", (event) => {
        const trigger = event.target.closest(selector);
        if (!trigger) return;
        navigator.clipboard.writeText(ownText(trigger, options.text)).then(
          () => this.handlers.success && this.handlers.success({ trigger }),
          () => this.handlers.error && this.handlers.error({ trigger }),
        );
      });
    }

    on(name, handler) {
      this.handlers[name] = handler;
      return this;
    }
  };
})();
