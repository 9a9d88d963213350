// Quorum demos: the few DOM helpers every module of the viewer shares. Text always goes in as text nodes or
// attributes, never through innerHTML, so nothing from a trace can become markup.

export const SVG = "http://www.w3.org/2000/svg";

/** An HTML element with attributes and children (nodes, or strings that become text). */
export function html(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  for (const kid of kids) if (kid != null) el.append(kid instanceof Node ? kid : String(kid));
  return el;
}

/** An SVG element with attributes and, optionally, its text. */
export function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null && k !== "xmlns") el.setAttribute(k, String(v));
  if (text != null) el.textContent = text;
  return el;
}

export function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
}

/** A value shown as code: strings as they are, anything else as one-line JSON. */
export function code(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 1).replace(/\n\s*/g, " ");
  return html("code", {}, text);
}

/** A string safe to put in a class name. */
export function safeClass(text) {
  return String(text).replace(/[^a-z0-9-]/gi, "") || "other";
}

export function round(v) {
  return Math.round(v * 10) / 10;
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
