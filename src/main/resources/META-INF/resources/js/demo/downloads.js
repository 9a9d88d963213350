// Quorum demos: downloads of the run shown, made in the browser: the trace exactly as the server sent it, and a log
// ShiViz (https://bestchai.bitbucket.io/shiviz/) reads.

import { html } from "./dom.js";
import { fileStem, shivizLog } from "./model.js";

/** The trace as given (a /1 trace stays /1: the viewer's reading of it is not what was saved). */
export function downloadJson(model) {
  save(`${fileStem(model.trace)}.json`, JSON.stringify(model.source, null, 2) + "\n", "application/json");
}

export function downloadShiviz(model) {
  save(`${fileStem(model.trace)}.shiviz.log`, shivizLog(model), "text/plain");
}

function save(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = html("a", { href: url, download: name, hidden: "" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
