// Quorum demos: the panels beside the diagram, drawn from the trace's `panels` declarations and following playback.
//
// A registry: register(kind, factory) adds a kind. A factory is called once per panel of that kind in a trace with
//   {model, panel (the declaration: {kind, values}), annotations (its values' declarations, in its order), uid}
// and returns null (nothing to show) or {title, body (a node), update(step)}; update is called with the number of
// events revealed whenever playback moves. Kinds without a factory are skipped quietly: a newer server may ask for
// panels this viewer does not know. Built in: state, chart, history.

import { html, svg as s, setAttrs, round, plural } from "./dom.js";
import { formatValue, valuesAt, series, historyOps, opLabel } from "./model.js";

const registry = new Map();

/** Adds (or replaces) the factory for a panel kind. */
export function register(kind, factory) {
  if (typeof kind !== "string" || typeof factory !== "function") throw new TypeError("register(kind: string, factory: function)");
  registry.set(kind, factory);
}

export function registeredKinds() {
  return [...registry.keys()];
}

/**
 * The panels a model asks for, in its order, each built by its kind's factory: [{kind, element, update(step)}].
 * uid makes the ids inside the panels unique in the page.
 */
export function createPanels(model, uid) {
  const out = [];
  model.trace.panels.forEach((panel, k) => {
    const factory = registry.get(panel.kind);
    if (!factory) return;
    const names = Array.isArray(panel.values) ? panel.values : [];
    const annotations = names.map((n) => model.annotation.get(n)).filter(Boolean);
    const made = factory({ model, panel, annotations, uid: `${uid}-p${k}` });
    if (!made) return;
    const headingId = `${uid}-p${k}-title`;
    const element = html("section", { class: `st-panel st-panel-${panel.kind}`, "data-panel": panel.kind,
      "aria-labelledby": headingId }, html("h3", { id: headingId }, made.title), made.body);
    out.push({ kind: panel.kind, element, update: made.update });
  });
  return out;
}

// ---- state ---------------------------------------------------------------------------------------------------

register("state", ({ model, annotations }) => {
  if (!annotations.length) return null;
  const cells = new Map();
  const caption = html("caption", {}, "");
  const head = html("tr", {}, html("th", { scope: "col" }, "Node"),
    ...annotations.map((a) => html("th", { scope: "col", title: a.description || null }, String(a.label || a.name))));
  const rows = model.lanes.map((node) => {
    const tr = html("tr", { "data-node": node }, html("th", { scope: "row" }, node));
    for (const a of annotations) {
      const td = html("td", { "data-value": a.name }, "—");
      cells.set(node + "\u0000" + a.name, td);
      tr.append(td);
    }
    return tr;
  });
  const table = html("table", { class: "st-state" }, caption, html("thead", {}, head), html("tbody", {}, ...rows));
  const update = (step) => {
    const now = valuesAt(model, step);
    const last = step > 0 ? model.events[step - 1] : null;
    caption.textContent = step > 0 ? `After event #${last.i ?? step - 1} (step ${step} of ${model.events.length})`
      : `Before the first event (step 0 of ${model.events.length})`;
    for (const node of model.lanes) {
      const row = now.get(node) || {};
      for (const a of annotations) {
        const td = cells.get(node + "\u0000" + a.name);
        td.textContent = row[a.name] === undefined ? "—" : formatValue(a, row[a.name], model.lanes);
        const changed = !!last && String(last.node) === node && !!last.values && last.values[a.name] !== undefined;
        td.classList.toggle("is-changed", changed);
      }
    }
  };
  return { title: "State", body: html("div", { class: "st-panel-scroll" }, table), update };
});

// ---- chart ---------------------------------------------------------------------------------------------------

const CHART = { width: 640, height: 200, left: 52, right: 96, top: 12, bottom: 30 };
const DASHES = ["none", "7 3", "2 3", "9 3 2 3", "1 3", "12 4"];

register("chart", ({ model, annotations, uid }) => {
  const plotted = annotations.filter((a) => a.kind === "scalar" || a.kind === "interval");
  if (!plotted.length) return null;
  const lines = [];
  for (const a of plotted) {
    const byNode = series(model, a.name);
    model.lanes.forEach((node, k) => {
      const points = (byNode.get(node) || []).filter((p) => a.kind === "scalar" ? Number.isFinite(Number(p.value))
        : p.value && Number.isFinite(Number(p.value.lo)) && Number.isFinite(Number(p.value.hi)));
      if (points.length) lines.push({ a, node, k, points });
    });
  }
  const lo = (p, a) => Number(a.kind === "scalar" ? p.value : p.value.lo);
  const hi = (p, a) => Number(a.kind === "scalar" ? p.value : p.value.hi);
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const l of lines) for (const p of l.points) { yMin = Math.min(yMin, lo(p, l.a)); yMax = Math.max(yMax, hi(p, l.a)); }
  if (!lines.length) { yMin = 0; yMax = 1; }
  const yTicks = niceTicks(yMin, yMax, 4);
  yMin = Math.min(yMin, yTicks[0]);
  yMax = Math.max(yMax, yTicks[yTicks.length - 1]);
  if (yMax === yMin) yMax = yMin + 1;
  const tMax = Math.max(model.maxT, 1);
  const many = plotted.length > 1;
  const name = (l) => many ? `${l.node} ${l.a.label}` : l.node;
  // Room on the right for the labels at the lines' ends.
  const right = Math.min(200, Math.max(CHART.right, 12 + 6.5 * Math.max(0, ...lines.map((l) => name(l).length))));
  const W = CHART.width + Math.max(0, right - CHART.right);
  const H = CHART.height;
  const plotR = W - right;
  const plotB = H - CHART.bottom;
  const X = (t) => round(CHART.left + (t / tMax) * (plotR - CHART.left));
  const Y = (v) => round(plotB - ((v - yMin) / (yMax - yMin)) * (plotB - CHART.top));
  const unit = (a) => (a.unit ? ` (${a.unit})` : "");

  const summary = lines.map((l) => {
    const values = l.points.flatMap((p) => [lo(p, l.a), hi(p, l.a)]);
    return `${name(l)} from ${Math.min(...values)} to ${Math.max(...values)}${l.a.unit ? " " + l.a.unit : ""}`;
  });
  const title = plotted.map((a) => a.label + unit(a)).join(", ") + " over simulated time";
  const root = s("svg", { class: "st-chart", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `${title}: ${summary.join("; ") || "no values"}` });
  const grid = s("g", { class: "chart-grid", "aria-hidden": "true" });
  for (const v of yTicks) {
    grid.append(s("line", { class: "chart-gridline", x1: CHART.left, y1: Y(v), x2: plotR, y2: Y(v) }));
    grid.append(s("text", { class: "chart-tick", x: CHART.left - 6, y: Y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  for (const t of niceTicks(0, tMax, 6).filter((t) => t <= tMax)) {
    grid.append(s("line", { class: "chart-tickmark", x1: X(t), y1: plotB, x2: X(t), y2: plotB + 4 }));
    grid.append(s("text", { class: "chart-tick", x: X(t), y: plotB + 16, "text-anchor": "middle" }, String(t)));
  }
  grid.append(s("line", { class: "chart-axis", x1: CHART.left, y1: plotB, x2: plotR, y2: plotB }));
  grid.append(s("line", { class: "chart-axis", x1: CHART.left, y1: CHART.top, x2: CHART.left, y2: plotB }));
  grid.append(s("text", { class: "chart-axis-label", x: plotR, y: H - 2, "text-anchor": "end" }, "simulated time (ms) →"));
  root.append(grid);

  // A value holds until the next event sets it, so each line is a staircase, out to the end of the run.
  const stairs = (points, value) => {
    const out = [];
    points.forEach((p, j) => {
      if (j > 0) out.push([X(p.t), Y(value(points[j - 1]))]);
      out.push([X(p.t), Y(value(p))]);
    });
    out.push([X(tMax), Y(value(points[points.length - 1]))]);
    return out;
  };
  const plot = s("g", { class: "chart-series" });
  const ends = [];
  for (const l of lines) {
    const attrs = { class: `chart-node-${l.k % 6}`, "data-node": l.node, "data-value": l.a.name,
      "stroke-dasharray": DASHES[l.k % DASHES.length] };
    if (l.a.kind === "interval") {
      const top = stairs(l.points, (p) => hi(p, l.a));
      const bottom = stairs(l.points, (p) => lo(p, l.a)).reverse();
      plot.append(s("polygon", { ...attrs, class: `chart-band ${attrs.class}`,
        points: [...top, ...bottom].map((xy) => xy.join(",")).join(" ") }, null));
      ends.push({ l, y: Y((hi(l.points[l.points.length - 1], l.a) + lo(l.points[l.points.length - 1], l.a)) / 2) });
    } else {
      plot.append(s("polyline", { ...attrs, class: `chart-line ${attrs.class}`,
        points: stairs(l.points, (p) => lo(p, l.a)).map((xy) => xy.join(",")).join(" ") }));
      ends.push({ l, y: Y(lo(l.points[l.points.length - 1], l.a)) });
    }
  }
  // Labels at the lines' ends say which line is which without colour; nudged apart when lines end together.
  ends.sort((p, q) => p.y - q.y || p.l.k - q.l.k);
  let lastY = -Infinity;
  for (const e of ends) {
    const y = Math.max(e.y + 4, lastY + 11);
    lastY = y;
    plot.append(s("text", { class: `chart-end chart-node-${e.l.k % 6}`, x: plotR + 6, y: round(y) }, name(e.l)));
  }
  root.append(plot);
  const future = s("rect", { class: "chart-future", x: CHART.left, y: CHART.top, width: 0, height: plotB - CHART.top,
    "aria-hidden": "true" });
  const cursor = s("line", { class: "chart-cursor", x1: CHART.left, y1: CHART.top - 4, x2: CHART.left, y2: plotB,
    "aria-hidden": "true" });
  root.append(future, cursor);

  const legend = html("ul", { class: "st-chart-legend", "aria-label": "Legend" }, ...lines.map((l) => {
    const key = s("svg", { class: "chart-key", width: 28, height: 10, "aria-hidden": "true" });
    key.append(s(l.a.kind === "interval" ? "rect" : "line", l.a.kind === "interval"
      ? { class: `chart-band chart-node-${l.k % 6}`, x: 1, y: 1, width: 26, height: 8, "stroke-dasharray": DASHES[l.k % DASHES.length] }
      : { class: `chart-line chart-node-${l.k % 6}`, x1: 0, y1: 5, x2: 28, y2: 5, "stroke-dasharray": DASHES[l.k % DASHES.length] }));
    return html("li", {}, key, `${l.node} · ${l.a.label}${unit(l.a)}${l.a.kind === "interval" ? " (band)" : ""}`);
  }));

  // The text alternative: each line's range, and its value at the step shown.
  const nowCells = [];
  const table = html("table", { class: "st-chart-data" },
    html("thead", {}, html("tr", {}, ...["Node", "Value", "Lowest", "Highest", "At the step shown"].map((h) => html("th", { scope: "col" }, h)))),
    html("tbody", {}, ...lines.map((l) => {
      const values = l.points.flatMap((p) => [lo(p, l.a), hi(p, l.a)]);
      const now = html("td", {}, "—");
      nowCells.push({ l, td: now });
      return html("tr", {}, html("th", { scope: "row" }, l.node), html("td", {}, String(l.a.label)),
        html("td", {}, withUnit(Math.min(...values), l.a)), html("td", {}, withUnit(Math.max(...values), l.a)), now);
    })));
  const data = html("details", { class: "st-chart-text" }, html("summary", {}, "The chart as a table"), table);

  const update = (step) => {
    const t = step > 0 ? Number(model.events[step - 1].t) || 0 : 0;
    const x = X(Math.min(t, tMax));
    setAttrs(cursor, { x1: x, x2: x });
    setAttrs(future, { x, width: Math.max(0, round(plotR - x)) });
    future.classList.toggle("is-hidden", step >= model.events.length);
    for (const { l, td } of nowCells) {
      let v;
      for (const p of l.points) if (p.pos < step) v = p.value;
      td.textContent = v === undefined ? "—" : formatValue(l.a, v, model.lanes);
    }
  };
  return { title: plotted.map((a) => a.label).join(", ") + " over time",
    body: html("div", { class: "st-panel-scroll", id: `${uid}-chart` }, root, legend, data), update };
});

function withUnit(v, a) {
  return a.unit ? `${v} ${a.unit}` : String(v);
}

/** Round tick values covering [lo, hi], about n of them: steps of 1, 2 or 5 times a power of ten. */
function niceTicks(lo, hi, n) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) { lo -= 1; hi += 1; }
  const raw = (hi - lo) / Math.max(n, 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((k) => k >= raw) || 10 * mag;
  const out = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(round(v));
  if (out[out.length - 1] < hi) out.push(round(out[out.length - 1] + step));
  return out;
}

// ---- history -------------------------------------------------------------------------------------------------

const HIST = { width: 640, left: 52, right: 24, row: 36, top: 6, bottom: 26 };

register("history", ({ model, uid }) => {
  const ops = historyOps(model);
  if (!ops.length) {
    return { title: "Client history", body: html("p", { class: "st-hint" }, "No client operations in this run."), update() {} };
  }
  const processes = [...new Set(ops.map((o) => o.process))];
  const tMax = Math.max(model.maxT, 1);
  const W = HIST.width;
  const H = HIST.top + processes.length * HIST.row + HIST.bottom;
  const plotR = W - HIST.right;
  const X = (t) => round(HIST.left + (Math.min(t, tMax) / tMax) * (plotR - HIST.left));
  const counts = { ok: 0, fail: 0, info: 0, none: 0 };
  for (const o of ops) counts[o.outcome || "none"]++;
  const root = s("svg", { class: "st-history", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": `Client history: ${plural(processes.length, "process")}, ${plural(ops.length, "operation")}: `
      + `${counts.ok} ok, ${counts.fail} failed, ${counts.info + counts.none} with unknown outcome` });
  const defs = s("defs");
  const hatch = s("pattern", { id: `${uid}-hatch`, width: 6, height: 6, patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)" });
  hatch.append(s("rect", { class: "hatch-bg", width: 6, height: 6 }), s("line", { class: "hatch-line", x1: 0, y1: 0, x2: 0, y2: 6 }));
  defs.append(hatch);
  root.append(defs);
  processes.forEach((p, k) => {
    const y = HIST.top + k * HIST.row;
    root.append(s("line", { class: "hist-row", x1: HIST.left, y1: y + HIST.row - 4, x2: plotR, y2: y + HIST.row - 4 }));
    root.append(s("text", { class: "hist-process", x: HIST.left - 8, y: y + 26, "text-anchor": "end" }, p));
  });
  const axisY = H - HIST.bottom + 4;
  root.append(s("line", { class: "chart-axis", x1: HIST.left, y1: axisY, x2: plotR, y2: axisY }));
  for (const t of niceTicks(0, tMax, 6).filter((t) => t <= tMax)) {
    root.append(s("text", { class: "chart-tick", x: X(t), y: axisY + 14, "text-anchor": "middle" }, String(t)));
  }
  const bars = ops.map((o) => {
    const y = HIST.top + processes.indexOf(o.process) * HIST.row;
    const g = s("g", { class: "hist-op", "data-process": o.process, role: "img" });
    const rect = s("rect", { class: "op", x: X(o.invokeT), y: y + 16, width: 0, height: 12, rx: 2 });
    const label = s("text", { class: "op-label", x: X(o.invokeT), y: y + 12 }, "");
    const title = s("title", {}, "");
    g.append(title, rect, label);
    root.append(g);
    return { o, g, rect, label, title };
  });
  const cursor = s("line", { class: "chart-cursor", x1: HIST.left, y1: HIST.top, x2: HIST.left, y2: axisY, "aria-hidden": "true" });
  root.append(cursor);

  const update = (step) => {
    const total = model.events.length;
    const t = step > 0 ? Number(model.events[step - 1].t) || 0 : 0;
    const now = step >= total ? tMax : t;
    setAttrs(cursor, { x1: X(now), x2: X(now) });
    for (const { o, g, rect, label, title } of bars) {
      const shown = step > o.invokePos;
      g.classList.toggle("is-hidden", !shown);
      if (!shown) continue;
      const done = o.outcome != null && step > o.completePos;
      // An operation whose outcome is unknown (info, or never completed) stays open to the end of the run.
      const open = !done || o.outcome === "info";
      const end = done && o.outcome !== "info" ? o.completeT : now;
      const outcome = done ? o.outcome : "pending";
      rect.setAttribute("class", `op op-${outcome}${open ? " is-open" : ""}`);
      g.setAttribute("data-outcome", outcome);
      if (outcome === "fail") rect.setAttribute("fill", `url(#${uid}-hatch)`); else rect.removeAttribute("fill");
      setAttrs(rect, { width: Math.max(4, round(X(end) - X(o.invokeT))) });
      const text = done ? opLabel(o) : opLabel({ ...o, outcome: null }).replace(/\?$/, "…");
      label.textContent = text;
      const when = done && o.outcome !== "info" ? `from ${o.invokeT} to ${o.completeT} ms`
        : `invoked at ${o.invokeT} ms, ${done ? "outcome unknown" : "not yet complete"}`;
      title.textContent = `${o.process}: ${text}, ${when}`;
      g.setAttribute("aria-label", title.textContent);
    }
  };
  const legend = html("ul", { class: "st-chart-legend", "aria-label": "Legend" },
    html("li", {}, html("span", { class: "hist-key hist-key-ok", "aria-hidden": "true" }), "ok"),
    html("li", {}, html("span", { class: "hist-key hist-key-fail", "aria-hidden": "true" }), "failed (hatched)"),
    html("li", {}, html("span", { class: "hist-key hist-key-info", "aria-hidden": "true" }), "outcome unknown (open to the end)"));
  return { title: "Client history", body: html("div", { class: "st-panel-scroll" }, root, legend), update };
});
