// Quorum demos: the space-time diagram itself, in SVG. One line per node, events as marks on it (x by simulated
// time, spread so that nothing overlaps), messages as arrows, crashes and partitions as shaded spans, `role` values as
// shading along a node's line, `diagram: true` values as small text beside each event, and the first violation of a
// failing check in red. The same model always gives the same markup; reveal() and highlight() only toggle classes
// and move a few coordinates.

import { svg as s, setAttrs, safeClass, round } from "./dom.js";
import { eventText, compactValue, formatValue, roleSpans } from "./model.js";

const LANE_GAP = 64;
const MARGIN = { left: 64, right: 40, top: 48, bottom: 40 };
const SPAN = 640;        // px the whole simulated time would take before spreading out crowded events
const MIN_GAP = 24;      // px between two events on one line
const MIN_HOP = 16;      // px between a send and its receive
const TICK = 6;          // px between events at different times on different lines
const CHAR_PX = 6;       // px per character of a value label, a bound good enough to keep labels apart
const ROLE_TONES = 4;    // role shades, by order of first appearance; the label says which role it is

export class Diagram {
  /** @param uid a prefix for the ids inside the SVG, unique in the page */
  constructor(uid, canvas) {
    this.uid = uid;
    this.canvas = canvas;
    this.valuesShown = true;
  }

  render(model) {
    this.model = model;
    this.valueText = model.events.map((e) => this.diagramValues(e));
    this.layout();
    this.draw();
  }

  /** The values drawn beside an event: its `diagram: true` annotations (not roles, which shade the line). */
  diagramValues(e) {
    if (!e.values) return "";
    const m = this.model;
    return m.annotations.filter((a) => a.diagram === true && a.kind !== "role" && e.values[a.name] !== undefined)
      .map((a) => compactValue(a, e.values[a.name], m.lanes)).join(" · ");
  }

  /** Positions: y by line; x by simulated time, spread so that events, message hops and value labels stay apart. */
  layout() {
    const m = this.model;
    const events = m.events;
    const span = Math.min(Math.max(SPAN, events.length * 16), 4 * SPAN);
    const perT = span / Math.max(m.maxT, 1);
    const x = [];
    const lastX = new Array(m.lanes.length).fill(-Infinity);
    // Value labels alternate above and below their line; labels on one side must not run into each other.
    const lastLabel = m.lanes.map(() => [null, null]);
    const laneCount = new Array(m.lanes.length).fill(0);
    this.labelSide = [];
    let prevT = -Infinity;
    let frontier = MARGIN.left;
    let floorX = MARGIN.left;     // no event at a later time may sit left of this
    events.forEach((e, pos) => {
      const t = Number(e.t) || 0;
      if (t > prevT) { floorX = pos === 0 ? MARGIN.left : frontier + TICK; prevT = t; }
      let px = Math.max(MARGIN.left + 16 + t * perT, floorX);
      const lane = m.laneOf[pos];
      const width = this.valueText[pos].length * CHAR_PX;
      let side = 0;
      if (lane >= 0) {
        px = Math.max(px, lastX[lane] + MIN_GAP);
        side = laneCount[lane]++ % 2;
        const before = lastLabel[lane][side];
        if (width && before) px = Math.max(px, before.x + (before.width + width) / 2 + 6);
      }
      for (const p of m.preds[pos]) if (m.laneOf[p] !== lane) px = Math.max(px, x[p] + MIN_HOP);
      px = round(px);
      x.push(px);
      this.labelSide.push(side);
      if (lane >= 0) {
        lastX[lane] = px;
        if (width) lastLabel[lane][side] = { x: px, width };
      }
      frontier = Math.max(frontier, px + (width ? width / 2 : 0));
    });
    this.x = x;
    this.width = round(frontier + MARGIN.right + 40);
    this.height = MARGIN.top + Math.max(m.lanes.length - 1, 0) * LANE_GAP + MARGIN.bottom + 24;
    this.laneY = m.lanes.map((_, k) => MARGIN.top + k * LANE_GAP);
    // A drop sits in mid-air, two thirds of the way to its addressee; global events sit above the lines.
    this.y = events.map((e, pos) => {
      const lane = m.laneOf[pos];
      if (lane >= 0) return this.laneY[lane];
      if (e.type === "drop") {
        const from = this.yOfNode(e.msg && e.msg.from);
        const to = this.yOfNode(e.msg && e.msg.to);
        if (from != null && to != null) return round(from + (to - from) * 0.66);
        return to ?? from ?? MARGIN.top;
      }
      return MARGIN.top - 30;
    });
  }

  yOfNode(name) {
    const k = this.model.lanes.indexOf(String(name));
    return k < 0 ? null : this.laneY[k];
  }

  get right() {
    return this.width - MARGIN.right;
  }

  draw() {
    const m = this.model;
    const tr = m.trace;
    const root = s("svg", { xmlns: "http://www.w3.org/2000/svg", class: "st-svg", width: this.width, height: this.height,
      viewBox: `0 0 ${this.width} ${this.height}`, role: "group", "aria-labelledby": `${this.uid}-title` });
    root.append(s("title", { id: `${this.uid}-title` },
      `Space-time diagram of ${tr.demo ?? "a run"} (${tr.variant ?? "?"}, seed ${tr.seed ?? "?"}): `
      + `${m.lanes.length} nodes, ${m.events.length} events`));
    root.append(this.markers());
    root.classList.toggle("hide-values", !this.valuesShown);

    const bands = s("g", { class: "st-bands" });
    const lanes = s("g", { class: "st-lanes" });
    const msgs = s("g", { class: "st-msgs" });
    const evs = s("g", { class: "st-events" });
    const values = s("g", { class: "st-values", "aria-hidden": "true" });
    const labels = s("g", { class: "st-labels" });
    root.append(bands, lanes, msgs, evs, values, labels);

    m.lanes.forEach((name, k) => {
      const y = this.laneY[k];
      lanes.append(s("line", { class: "lane", x1: MARGIN.left - 8, y1: y, x2: this.right, y2: y }));
      lanes.append(s("text", { class: "lane-label", x: MARGIN.left - 14, y: y + 4, "text-anchor": "end" }, name));
    });
    root.append(this.axis());

    this.spans = [];
    this.drawRoles(bands);
    this.drawFaultSpans(bands);
    this.arrows = [];
    this.drawMessages(msgs);

    // Each event is a button-like group with a title (tooltip and accessible name). Roving focus: the diagram is one
    // tab stop (the canvas); arrows move between events, so a long run is not a hundred Tab presses.
    this.evEls = m.events.map((e, pos) => {
      const own = m.annotations.filter((a) => e.values && e.values[a.name] !== undefined)
        .map((a) => `${a.label}: ${formatValue(a, e.values[a.name], m.lanes)}`);
      const said = `${eventText(e)} at t=${e.t}` + (own.length ? `; ${own.join("; ")}` : "");
      const g = s("g", { class: `ev ev-${safeClass(e.type)}`, "data-pos": pos, "data-i": e.i ?? pos,
        "data-node": e.node != null ? String(e.node) : null, tabindex: "-1",
        role: "button", "aria-label": `${e.i ?? pos}: ${said}` });
      const x = this.x[pos];
      const y = this.y[pos];
      g.append(s("title", {}, `#${e.i ?? pos} t=${e.t}: ${eventText(e)}` + (own.length ? "\n" + own.join("\n") : "")));
      g.append(s("circle", { class: "ring", cx: x, cy: y, r: 11 }));
      g.append(shape(e.type, x, y));
      evs.append(g);
      if (this.valueText[pos]) {
        const below = this.labelSide[pos] === 1;
        values.append(s("text", { class: "ev-value", x, y: below ? y + 24 : y - 15, "text-anchor": "middle",
          "data-pos": pos }, this.valueText[pos]));
      }
      return g;
    });

    // The first violation of each failing check: a red ring with its own title, and the check's name above it.
    for (const [pos, names] of m.violations) {
      const g = this.evEls[pos];
      const what = `first violation of ${names.join(", ")}`;
      g.classList.add("is-violation");
      g.setAttribute("aria-label", g.getAttribute("aria-label") + `; ${what}`);
      const mark = s("g", { class: "violation-mark", "data-pos": pos, role: "img", "aria-label": what });
      mark.append(s("title", {}, what));
      mark.append(s("circle", { cx: this.x[pos], cy: this.y[pos], r: 16 }));
      mark.append(s("text", { class: "violation-label", x: this.x[pos], y: this.y[pos] - 30, "text-anchor": "middle" },
        `✗ ${names.join(", ")}`));
      labels.append(mark);
    }

    this.cursor = s("line", { class: "cursor", x1: 0, y1: MARGIN.top - 38, x2: 0, y2: this.height - MARGIN.bottom,
      "aria-hidden": "true" });
    root.insertBefore(this.cursor, msgs);
    this.values = values;
    this.labels = labels;
    this.svg = root;
    this.canvas.replaceChildren(root);
  }

  /** Time axis: labels at the times where events happen, when there is room. */
  axis() {
    const axisY = this.height - MARGIN.bottom + 4;
    const axis = s("g", { class: "st-axis", "aria-hidden": "true" });
    axis.append(s("line", { class: "axis", x1: MARGIN.left, y1: axisY, x2: this.right, y2: axisY }));
    let lastLabel = -Infinity;
    let lastT = null;
    this.model.events.forEach((e, pos) => {
      if (e.t === lastT) return;
      lastT = e.t;
      if (this.x[pos] - lastLabel < 36) return;
      lastLabel = this.x[pos];
      axis.append(s("line", { class: "tick", x1: this.x[pos], y1: axisY, x2: this.x[pos], y2: axisY + 4 }));
      axis.append(s("text", { class: "tick-label", x: this.x[pos], y: axisY + 16, "text-anchor": "middle" }, String(e.t)));
    });
    axis.append(s("text", { class: "axis-label", x: this.right, y: axisY + 30, "text-anchor": "end" }, "simulated time →"));
    return axis;
  }

  /** `role` values: the node's line shaded from the event that set the role until it changes, with the role named. */
  drawRoles(bands) {
    const m = this.model;
    for (const a of m.annotations.filter((x) => x.kind === "role")) {
      const tones = new Map();
      for (const sp of roleSpans(m, a.name)) {
        if (!tones.has(sp.value)) tones.set(sp.value, tones.size % ROLE_TONES);
        const y = this.laneY[sp.lane];
        const rect = s("rect", { class: `role-band role-tone-${tones.get(sp.value)}`, x: this.x[sp.from], y: y - 7,
          width: 0, height: 14, rx: 7, "data-role": sp.value, "data-node": sp.node });
        rect.append(s("title", {}, `${sp.node}: ${a.label} ${sp.value}`));
        const label = s("text", { class: "role-label", x: this.x[sp.from] + 12, y: y + 19, "data-pos": sp.from }, sp.value);
        bands.append(rect, label);
        this.spans.push({ kind: "role", from: sp.from, to: sp.to, el: rect, label });
      }
    }
  }

  /** Crashes (line shaded until recovery), partitions and cut links (band across the diagram until healed). */
  drawFaultSpans(bands) {
    const m = this.model;
    const openCrash = new Map();
    const openParts = [];
    m.events.forEach((e, pos) => {
      if (e.type === "crash" && m.laneOf[pos] >= 0) {
        const y = this.laneY[m.laneOf[pos]];
        const rect = s("rect", { class: "crashed", x: this.x[pos], y: y - 9, width: 0, height: 18, rx: 3 });
        bands.append(rect);
        const span = { kind: "crash", from: pos, to: -1, el: rect };
        this.spans.push(span);
        openCrash.set(m.laneOf[pos], span);
      } else if (e.type === "recover" && openCrash.has(m.laneOf[pos])) {
        openCrash.get(m.laneOf[pos]).to = pos;
        openCrash.delete(m.laneOf[pos]);
      } else if (e.type === "partition" || e.type === "cut") {
        const top = MARGIN.top - 38;
        const rect = s("rect", { class: "partitioned", x: this.x[pos], y: top, width: 0,
          height: this.height - MARGIN.bottom - top - 8 });
        const label = s("text", { class: "partition-label", x: this.x[pos] + 4, y: this.height - MARGIN.bottom - 12,
          "data-pos": pos }, eventText(e));
        bands.append(rect, label);
        const span = { kind: e.type, from: pos, to: -1, el: rect, label };
        this.spans.push(span);
        openParts.push(span);
      } else if (e.type === "heal" && openParts.length) {
        // A heal ends every partition and every cut link.
        openParts.splice(0).forEach((span) => { span.to = pos; });
      }
    });
  }

  /** Messages: send -> receive (arrow), send -> drop (ends in a cross), or still in flight. */
  drawMessages(msgs) {
    const m = this.model;
    const arrow = (from, to) => {
      const send = m.events[from];
      const end = to >= 0 ? m.events[to] : null;
      const dropped = !!end && end.type === "drop";
      const cls = ["msg", dropped ? "msg-dropped" : "", end && end.duplicate ? "msg-duplicate" : ""].filter(Boolean).join(" ");
      const line = s("line", { class: cls, x1: this.x[from], y1: this.y[from], x2: this.x[from], y2: this.y[from] });
      msgs.append(line);
      const tx = end ? this.x[to] : this.right;
      const ty = end ? this.y[to] : (this.yOfNode(send.msg && send.msg.to) ?? this.y[from]);
      this.arrows.push({ from, to, dropped, line, tx, ty });
    };
    // One arrow per receive or drop (a duplicated message has two), and one per message never delivered.
    m.events.forEach((e, pos) => {
      if ((e.type === "receive" || e.type === "drop") && e.msg && m.sendOf.has(String(e.msg.id))) {
        arrow(m.sendOf.get(String(e.msg.id)), pos);
      }
    });
    for (const [id, from] of m.sendOf) if (!m.endOf.has(id)) arrow(from, -1);
  }

  markers() {
    const defs = s("defs");
    for (const kind of ["", "-past", "-future"]) {
      const mk = s("marker", { id: `${this.uid}-arrow${kind}`, class: `arrowhead${kind}`, viewBox: "0 0 10 10",
        refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
      mk.append(s("path", { d: "M0,0 L10,5 L0,10 z" }));
      defs.append(mk);
    }
    return defs;
  }

  /** Whether the values beside events are drawn (the "Show values" toggle). */
  showValues(on) {
    this.valuesShown = on;
    if (this.svg) this.svg.classList.toggle("hide-values", !on);
  }

  /** Shows the first n events and what follows from them; `selected` keeps arrow tones while stepping. */
  reveal(n) {
    const m = this.model;
    const total = m.events.length;
    this.step = n;
    const shown = (pos) => pos >= 0 && pos < n;
    const nowX = n > 0 ? this.x[n - 1] : MARGIN.left;
    const focused = document.activeElement;
    this.evEls.forEach((g, pos) => {
      // Stepping back past the focused event keeps the focus in the diagram.
      if (g === focused && !shown(pos)) this.canvas.focus();
      g.classList.toggle("is-hidden", !shown(pos));
      g.classList.toggle("is-current", pos === n - 1 && n < total);
      if (!shown(pos)) g.removeAttribute("tabindex"); else g.setAttribute("tabindex", "-1");
    });
    for (const layer of [this.values, this.labels]) {
      layer.querySelectorAll("[data-pos]").forEach((t) => t.classList.toggle("is-hidden", !shown(Number(t.dataset.pos))));
    }
    for (const a of this.arrows) {
      const { line, from, to } = a;
      const x1 = this.x[from];
      const y1 = this.y[from];
      line.classList.toggle("is-hidden", !shown(from));
      const done = to >= 0 && shown(to);
      line.classList.toggle("in-flight", shown(from) && !done);
      let x2 = a.tx;
      let y2 = a.ty;
      if (done && !a.dropped) {
        // Stop short of the receive's mark, so the arrowhead shows.
        const len = Math.hypot(a.tx - x1, a.ty - y1);
        if (len > 12) { x2 = round(a.tx - (a.tx - x1) * 7 / len); y2 = round(a.ty - (a.ty - y1) * 7 / len); }
      } else if (!done) {
        const f = a.tx > x1 ? Math.max(0, Math.min(1, (nowX - x1) / (a.tx - x1))) : 1;
        const k = n === total && to < 0 ? 1 : f;
        x2 = round(x1 + (a.tx - x1) * k);
        y2 = round(y1 + (a.ty - y1) * k);
      }
      setAttrs(line, { x2, y2 });
      if (done && !a.dropped) line.setAttribute("marker-end", `url(#${this.uid}-arrow${this.arrowTone(a)})`);
      else line.removeAttribute("marker-end");
    }
    for (const sp of this.spans) {
      const start = this.x[sp.from];
      const end = sp.to >= 0 && shown(sp.to) ? this.x[sp.to] : (n === total ? this.right : nowX);
      sp.el.classList.toggle("is-hidden", !shown(sp.from));
      if (sp.label) sp.label.classList.toggle("is-hidden", !shown(sp.from));
      setAttrs(sp.el, { width: Math.max(0, round(end - start)) });
    }
    setAttrs(this.cursor, { x1: nowX, x2: nowX });
    this.cursor.classList.toggle("is-hidden", n === 0 || n === total);
  }

  /** Marks the selected event, its causal past and future, the events concurrent with it, and clock mismatches. */
  highlight(selected, rel) {
    this.selected = selected;
    this.rel = rel;
    this.svg.classList.toggle("has-selection", selected >= 0);
    this.evEls.forEach((g, q) => {
      g.classList.toggle("is-selected", q === selected);
      g.classList.toggle("is-past", !!rel && rel.past.has(q));
      g.classList.toggle("is-future", !!rel && rel.future.has(q));
      g.classList.toggle("is-concurrent", !!rel && rel.concurrent.has(q));
      g.classList.toggle("is-mismatch", !!rel && rel.mismatches.has(q));
      g.setAttribute("aria-pressed", q === selected ? "true" : "false");
    });
    for (const a of this.arrows) {
      const tone = this.arrowTone(a);
      a.line.classList.toggle("is-past", tone === "-past");
      a.line.classList.toggle("is-future", tone === "-future");
      if (a.line.hasAttribute("marker-end")) a.line.setAttribute("marker-end", `url(#${this.uid}-arrow${tone})`);
    }
  }

  arrowTone(a) {
    if (this.selected == null || this.selected < 0 || !this.rel) return "";
    const inPast = (p) => p === this.selected || this.rel.past.has(p);
    const inFuture = (p) => p === this.selected || this.rel.future.has(p);
    if (inPast(a.from) && inPast(a.to)) return "-past";
    if (inFuture(a.from) && inFuture(a.to)) return "-future";
    return "";
  }

  /** Draws the eye to one event for a moment (a guide's step). */
  flash(pos) {
    const g = this.evEls[pos];
    if (!g) return;
    g.classList.remove("is-flashing");
    // Restarting a CSS animation needs a style flush between removing and adding the class.
    void g.getBoundingClientRect();
    g.classList.add("is-flashing");
    g.addEventListener("animationend", () => g.classList.remove("is-flashing"), { once: true });
  }

  /** Scrolls the canvas so that an event is in view. */
  scrollTo(pos) {
    const g = this.evEls[pos];
    if (g && g.scrollIntoView) g.scrollIntoView({ block: "nearest", inline: "center" });
  }

  /** Moves the focus to a revealed event (clamped to those shown); none shown leaves it where it is. */
  focusEvent(pos) {
    if (!this.model || !this.step) return;
    const target = this.evEls[Math.max(0, Math.min(this.step - 1, pos))];
    if (target) target.focus();
  }
}

/** The mark for an event of a given type, centred on (x, y). */
function shape(type, x, y) {
  const r = 5.5;
  switch (type) {
    case "drop":
      return s("path", { class: "mark", d: `M${x - 6},${y - 6} L${x + 6},${y + 6} M${x + 6},${y - 6} L${x - 6},${y + 6}` });
    case "crash":
      return s("path", { class: "mark", d: `M${x - 7},${y - 7} L${x + 7},${y + 7} M${x + 7},${y - 7} L${x - 7},${y + 7}` });
    case "recover":
      return s("path", { class: "mark", d: `M${x},${y - 8} L${x + 7},${y + 5} L${x - 7},${y + 5} z` });
    case "partition":
    case "cut":
    case "heal":
      return s("rect", { class: "mark", x: x - 4, y: y - 8, width: 8, height: 16, rx: 1 });
    case "timer":
      return s("path", { class: "mark", d: `M${x},${y - 7} L${x + 7},${y} L${x},${y + 7} L${x - 7},${y} z` });
    case "invoke":
    case "complete":
      return s("rect", { class: "mark", x: x - r, y: y - r, width: 2 * r, height: 2 * r, rx: 1.5 });
    default:
      return s("circle", { class: "mark", cx: x, cy: y, r });
  }
}
