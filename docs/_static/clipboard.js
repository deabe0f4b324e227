// ClipboardJS, as sphinx-copybutton uses it, on the browser's own clipboard API:
// new ClipboardJS(selector, {text: trigger => text}).on("success" | "error", event => ...).
// It stands in for clipboard.min.js (8.9 KiB), which brings what browsers now have
// (harness/sphinxext/assets.py swaps the files).
window.ClipboardJS = class {
  constructor(selector, options) {
    this.handlers = {};
    document.addEventListener("click", (event) => {
      const trigger = event.target.closest(selector);
      if (!trigger) return;
      navigator.clipboard.writeText(options.text(trigger)).then(
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
