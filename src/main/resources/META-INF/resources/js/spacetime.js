// Quorum: the entry point the demo pages load (<script type="module" src="/js/spacetime.js">). The viewer lives in
// js/demo/ (viewer.js wires model, diagram, playback, details, panels, guide and downloads); this only starts it on
// every .spacetime container of the page.

import { initAll as initViewers } from "./demo/viewer.js";

/** Enhances every .spacetime container under root (the document by default). Safe to call twice. */
export function initAll(root = document) {
  initViewers(root);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => initAll());
else initAll();
