/*
 * Accessibility fixes the theme leaves to us (tests/site/ checks them with axe-core).
 *
 * - A code block or a table that scrolls takes keyboard focus (tabindex="0"), so
 *   a keyboard can scroll it; one that fits adds no stop to the Tab order. A
 *   ResizeObserver tracks each, so a narrow window or a tab that shows a hidden
 *   block updates it.
 * - The two sidebars and the page's tools are landmarks with names.
 * - A block that is all output (Pygments' .go lines, no .gp prompt) has nothing
 *   to copy: its copy button is removed.
 */
"use strict";

(() => {
  const name = (selector, label, role) => {
    for (const element of document.querySelectorAll(selector)) {
      if (role) element.setAttribute("role", role);
      if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", label);
    }
  };

  const focusIfScrolling = (box) => {
    if (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight) {
      box.setAttribute("tabindex", "0");
    } else {
      box.removeAttribute("tabindex");
    }
  };

  const start = () => {
    name("aside.sidebar-drawer", "Site navigation");
    name("aside.toc-drawer", "On this page");
    name(".content-icon-container", "Page tools", "region");
    name("header.mobile-header", "Site header");

    const scrollers = document.querySelectorAll("div.highlight pre, div.table-wrapper");
    const observer = new ResizeObserver((entries) =>
      entries.forEach((entry) => focusIfScrolling(entry.target)),
    );
    scrollers.forEach((box) => {
      focusIfScrolling(box);
      observer.observe(box);
    });

    for (const block of document.querySelectorAll("div.highlight")) {
      if (block.querySelector(".go") && !block.querySelector(".gp")) {
        block.querySelector("button.copybtn")?.remove();
      }
    }
  };

  // After sphinx-copybutton, which adds its buttons when the document has loaded.
  const later = () => setTimeout(start, 0);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", later);
  } else {
    later();
  }
})();
