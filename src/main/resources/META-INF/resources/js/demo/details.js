// Quorum demos: the details of the selected event. What happened (its text), where and when, its message, every value
// it carries under its annotation's label, how many events are in its causal past and future and concurrent with it,
// where its clocks disagree with what happened, and buttons that run the same schedule again with one more fault.

import { html, code, plural } from "./dom.js";
import { eventText, eventValues, faultChoices } from "./model.js";

const SHOWN = new Set(["i", "t", "node", "type", "msg", "values", "text", "past", "violation"]);
const HINT = "Select an event (click it, or press Down arrow in the diagram, move with the arrows and press Enter) to see "
  + "its values and to highlight its causal past, its future and the events concurrent with it.";

/** The hint shown while nothing is selected. */
export function clearDetails(box) {
  box.replaceChildren(html("p", { class: "st-hint" }, HINT));
}

/**
 * Fills box with the details of event pos.
 * @param opts {model, pos, rel (from causality), canInject, onInject(faults), onClose()}
 */
export function showDetails(box, { model, pos, rel, canInject, onInject, onClose }) {
  const e = model.events[pos];
  const dl = html("dl", { class: "st-facts" });
  const row = (k, v, title) => dl.append(html("dt", title ? { title } : {}, k), html("dd", {}, v));
  row("Event", `#${e.i ?? pos}`);
  row("Node", e.node != null ? String(e.node) : "(network)");
  row("Time", `${e.t} ms`);
  row("Type", String(e.type));
  if (e.msg) {
    const mm = e.msg;
    row("Message", `${mm.type ?? "message"} #${mm.id} from ${mm.from} to ${mm.to}`);
    if (mm.body && Object.keys(mm.body).length) row("Body", code(mm.body));
  }
  for (const { annotation, text } of eventValues(model, e)) {
    row(String(annotation.label || annotation.name), html("code", {}, text), annotation.description || null);
  }
  for (const [k, v] of Object.entries(e)) if (!SHOWN.has(k)) row(k, code(v));
  row("Causal past", plural(rel.past.size, "event"));
  row("Causal future", plural(rel.future.size, "event"));
  if (model.laneOf[pos] >= 0 && e.type !== "crash") row("Concurrent", plural(rel.concurrent.size, "event"));
  if (rel.mismatches.size) {
    row("Clock disagrees", `with what happened for ${plural(rel.mismatches.size, "event")}: `
      + [...rel.mismatches].map((q) => "#" + (model.events[q].i ?? q)).join(", "));
  }
  if (model.violations.has(pos)) row("Violates", `first violation of ${model.violations.get(pos).join(", ")}`);
  const close = html("button", { type: "button", "data-action": "deselect" }, "Clear selection");
  close.addEventListener("click", onClose);
  box.replaceChildren(html("h3", {}, `Event #${e.i ?? pos}: ${eventText(e)}`), dl,
    faultButtons(model, pos, canInject, onInject), close);
}

/**
 * Faults by clicking: each button adds one fault to the run's list (every fault the shown run had, so nothing else
 * changes) and runs it again through the form, so the permalink records it and reproduces the run.
 */
function faultButtons(model, pos, canInject, onInject) {
  const box = html("div", { class: "st-inject", role: "group", "aria-label": "Inject a fault" });
  if (!canInject) return box;
  for (const c of faultChoices(model, pos)) {
    const b = html("button", { type: "button", "data-inject": c.action }, c.label);
    b.addEventListener("click", () => onInject(c.faults));
    box.append(b);
  }
  if (box.childElementCount) box.prepend(html("span", { class: "st-inject-label" }, "Break it here:"));
  return box;
}
