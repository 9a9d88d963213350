// Quorum: space-time diagrams of a simulated run, drawn in SVG. An ES module with no dependencies and no build.
//
// Progressive enhancement. The server renders, without any script:
//   <div class="spacetime" id="..." data-demo="vector-clocks"
//        data-trace-url="/api/v1/demos/vector-clocks/run?seed=42&variant=correct&nodes=3"
//        data-permalink-base="/demos/vector-clocks"      (where a permalink points; default: this page's path)
//        data-form="form-id"                              (optional; else the first form in [data-demo-root])
//        data-update-url>                                 (present: submitting the form also updates this page's URL)
//     <script type="application/json">{...quorum-trace/1...}</script>   (optional: saves the first request)
//   </div>
// plus a GET form with the parameters and a table of events. This module turns each such container into an
// interactive diagram: play, pause, step back and forward, a scrubber, a details panel with the causal past and
// future of a selected event, the checks, and downloads of the trace JSON and of a ShiViz log.
//
// For tests: the container carries data-ready, data-step (events revealed) and data-events (events in the trace),
// and the same trace always yields the same SVG markup.
//
// Nothing from a trace goes through innerHTML: text goes in with textContent, SVG with createElementNS.

import { buildModel, causality, describe, shivizLog, fileStem } from "./trace-model.js";

const SVG = "http://www.w3.org/2000/svg";
const LANE_GAP = 64;
const MARGIN = { left: 64, right: 40, top: 40, bottom: 40 };
const SPAN = 640;        // px the whole simulated time would take before spreading out crowded events
const MIN_GAP = 24;      // px between two events on one line
const MIN_HOP = 16;      // px between a send and its receive
const TICK = 6;          // px between events at different times on different lines
const BASE_DELAY = 700;  // ms per step at 1x

const instances = new WeakMap();

/** Enhances every .spacetime container under root (the document by default). Safe to call twice. */
export function initAll(root = document) {
  root.querySelectorAll(".spacetime").forEach((el, k) => {
    if (!instances.has(el)) instances.set(el, new Viewer(el, k));
  });
}

/** Which of its sender's messages this is, from 1: how faults name a message (drop:n1/3 is n1's third). */
function sendOrdinal(trace, msg) {
  let n = 0;
  for (const ev of trace.events || []) {
    if (ev.type === "send" && ev.msg && ev.msg.from === msg.from) {
      n++;
      if (ev.msg.id === msg.id) return n;
    }
  }
  return 0;
}

/** "no faults", "1 fault (skew:n2/-50)", "3 faults (…)": what a shrunk counterexample still needs. */
function faultCount(trace) {
  const faults = trace.faults || [];
  if (!faults.length) return "no faults";
  return `${faults.length} fault${faults.length === 1 ? "" : "s"} (${faults.join(", ")})`;
}

class Viewer {
  constructor(el, index) {
    this.el = el;
    this.uid = el.id || `spacetime-${index}`;
    this.model = null;
    this.step = 0;
    this.selected = -1;
    this.timer = null;
    this.speed = 1;
    this.root = el.closest("[data-demo-root]") || el.parentElement || document.body;
    this.form = (el.dataset.form && document.getElementById(el.dataset.form)) || this.root.querySelector("form");
    this.traceUrl = el.dataset.traceUrl || "";
    this.buildShell();
    this.wireForm();
    this.wireBreak();
    const script = el.querySelector('script[type="application/json"]');
    const embedded = script && script.textContent.trim() ? script : null;
    let first = null;
    if (this.el.hasAttribute("data-update-url") && location.search.length > 1 && this.apiBase()) {
      // The page's own URL is the permalink: it wins over whatever was embedded.
      const fromUrl = this.apiBase() + location.search;
      if (!embedded || !sameQuery(fromUrl, this.traceUrl)) {
        this.traceUrl = fromUrl;
        this.syncFormFrom(new URLSearchParams(location.search));
      } else {
        first = embedded;
      }
    } else if (embedded) {
      first = embedded;
    }
    if (first) {
      let trace = null;
      try { trace = JSON.parse(first.textContent); } catch (err) { this.fail(`The embedded trace is not valid JSON (${err.message}).`); }
      if (trace) this.show(trace);
    } else if (this.traceUrl) {
      this.load(this.traceUrl);
    } else {
      this.fail("No trace to show: the page gives no trace URL.");
    }
  }

  // ---- page structure ----------------------------------------------------------------------------------

  buildShell() {
    const el = this.el;
    el.classList.add("is-enhanced");
    // The server's no-JS view of the checks and links: the script shows its own, with more in them.
    el.querySelectorAll(".st-nojs").forEach((n) => { n.hidden = true; });
    const h = (tag, attrs = {}, ...kids) => html(tag, attrs, ...kids);

    this.btnStart = h("button", { type: "button", "data-action": "start", "aria-label": "Go to start" }, "« Start");
    this.btnBack = h("button", { type: "button", "data-action": "back" }, "◀ Back");
    this.btnPlay = h("button", { type: "button", "data-action": "play" }, "▶ Play");
    this.btnFwd = h("button", { type: "button", "data-action": "forward" }, "Forward ▶");
    this.btnEnd = h("button", { type: "button", "data-action": "end", "aria-label": "Go to end" }, "End »");
    this.scrub = h("input", { type: "range", min: "0", max: "0", value: "0", step: "1", "data-action": "scrub",
      "aria-label": "Step" });
    this.stepOut = h("output", { class: "st-stepcount", "aria-hidden": "true" }, "0 / 0");
    this.speedSel = h("select", { "data-action": "speed" },
      ...[["0.5", "0.5×"], ["1", "1×"], ["2", "2×"], ["4", "4×"]].map(([v, t]) => h("option", { value: v }, t)));
    this.speedSel.value = "1";
    const controls = h("div", { class: "st-controls", role: "group", "aria-label": "Playback" },
      this.btnStart, this.btnBack, this.btnPlay, this.btnFwd, this.btnEnd,
      h("label", { class: "st-scrub" }, h("span", { class: "st-label" }, "Step "), this.scrub), this.stepOut,
      h("label", { class: "st-speed" }, h("span", { class: "st-label" }, "Speed "), this.speedSel));

    this.canvas = h("div", { class: "st-canvas", tabindex: "0", role: "group",
      "aria-roledescription": "space-time diagram",
      "aria-label": "Space-time diagram. Left and right arrows step, space plays or pauses, Home and End jump; "
        + "Down arrow enters the events, where arrows move between them, Enter selects and Escape leaves." });
    this.live = h("p", { class: "st-live", "aria-live": "polite", "aria-atomic": "true" });
    this.error = h("p", { class: "st-error", role: "alert", hidden: "" });
    this.summary = h("p", { class: "st-summary" });
    this.checks = h("ul", { class: "st-checks", "aria-label": "Checks" });
    this.details = h("section", { class: "st-details", "aria-label": "Selected event" },
      h("p", { class: "st-hint" }, "Select an event (click it, or Tab to it and press Enter) to see its clocks and state and to highlight its causal past and future."));
    this.btnJson = h("button", { type: "button", "data-action": "download-json" }, "Download trace (JSON)");
    this.btnShiviz = h("button", { type: "button", "data-action": "download-shiviz" }, "Download ShiViz log");
    this.permalink = h("a", { class: "st-permalink", href: "#" }, "Permalink to this run");
    const tools = h("p", { class: "st-tools" }, this.permalink, " ", this.btnJson, " ", this.btnShiviz);
    const legend = h("ul", { class: "st-legend", "aria-label": "Legend" },
      ...[["send", "send or local event"], ["receive", "receive"], ["timer", "timer"], ["drop", "dropped message"],
        ["crash", "crash / recovery"], ["partition", "partition"], ["past", "causal past"],
        ["future", "causal future"], ["concurrent", "concurrent"], ["violation", "first violation"]]
        .map(([k, t]) => h("li", {}, h("span", { class: `st-key st-key-${k}`, "aria-hidden": "true" }), t)));

    this.scheduleBox = h("div", { class: "st-schedule" });
    el.append(this.error, controls, this.canvas, this.live, legend, this.summary, this.checks, this.scheduleBox, this.details, tools);

    this.btnStart.addEventListener("click", () => { this.pause(); this.go(0); });
    this.btnBack.addEventListener("click", () => { this.pause(); this.go(this.step - 1); });
    this.btnPlay.addEventListener("click", () => this.togglePlay());
    this.btnFwd.addEventListener("click", () => { this.pause(); this.go(this.step + 1); });
    this.btnEnd.addEventListener("click", () => { this.pause(); this.go(this.total()); });
    this.scrub.addEventListener("input", () => { this.pause(); this.go(Number(this.scrub.value)); });
    this.speedSel.addEventListener("change", () => { this.speed = Number(this.speedSel.value) || 1; });
    this.btnJson.addEventListener("click", () => this.downloadJson());
    this.btnShiviz.addEventListener("click", () => this.downloadShiviz());
    this.canvas.addEventListener("keydown", (ev) => this.onKey(ev));
    this.canvas.addEventListener("click", (ev) => {
      const g = ev.target.closest && ev.target.closest(".ev");
      if (g) this.select(Number(g.dataset.pos));
    });
    this.setEnabled(false);
  }

  setEnabled(on) {
    for (const c of [this.btnStart, this.btnBack, this.btnPlay, this.btnFwd, this.btnEnd, this.scrub, this.btnJson, this.btnShiviz]) {
      c.disabled = !on;
    }
  }

  // ---- the form and the URL ------------------------------------------------------------------------------

  apiBase() {
    const u = this.traceUrl || this.el.dataset.traceUrl || "";
    const q = u.indexOf("?");
    return q < 0 ? u : u.slice(0, q);
  }

  formQuery() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(this.form)) {
      // A blank fault list means "drawn from the seed", which is what leaving it out says too.
      if (typeof v === "string" && !(k === "faults" && !v.trim())) params.append(k, v);
    }
    return params.toString();
  }

  wireForm() {
    if (!this.form) return;
    this.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const query = this.formQuery();
      this.load(this.apiBase() + "?" + query, () => {
        if (this.el.hasAttribute("data-update-url")) {
          const next = location.pathname + "?" + query;
          if (next !== location.pathname + location.search) history.pushState({ spacetime: query }, "", next);
        }
      });
    });
    if (this.el.hasAttribute("data-update-url")) {
      window.addEventListener("popstate", () => {
        const params = new URLSearchParams(location.search);
        this.syncFormFrom(params);
        this.load(this.apiBase() + (location.search || "?" + this.formQuery()));
      });
    }
  }

  /**
   * Break-it mode: the server renders a plain GET form to the counterexample API (which works without JavaScript);
   * here it searches with the shown run's parameters, then shows the shrunk failing trace in the diagram. Its
   * permalink carries stop=violation, so the run it names ends where the check failed, exactly as shown.
   */
  wireBreak() {
    const form = this.root.querySelector("form.demo-break");
    if (!form) return;
    const out = form.querySelector("[data-break-result]");
    const button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const params = new URLSearchParams(this.form ? this.formQuery() : "");
      params.delete("variant");
      params.delete("seed");
      params.delete("faults"); // a search draws faults from each seed it tries, then shrinks them
      for (const [k, v] of new FormData(form)) if (typeof v === "string") params.set(k, v);
      button.disabled = true;
      form.setAttribute("aria-busy", "true");
      out.textContent = "Searching…";
      let body = null;
      let response = null;
      try {
        response = await fetch(form.action + "?" + params.toString(), { headers: { Accept: "application/json" } });
        body = await response.json();
      } catch (err) {
        body = body || { message: err.message };
      } finally {
        button.disabled = false;
        form.removeAttribute("aria-busy");
      }
      form.dataset.found = "";
      if (!response || !response.ok || !body || typeof body.found !== "boolean") {
        const why = body && (body.message || body.error);
        out.textContent = `The search could not be made: ${why || (response ? response.status : "no answer")}.`;
        return;
      }
      form.dataset.found = String(body.found);
      if (!body.found || !body.trace) {
        out.textContent = `No counterexample in ${body.tried} seeds${body.exhausted ? " (the search ran out of budget)" : ""}.`;
        return;
      }
      const t = body.trace;
      const q = new URLSearchParams();
      q.set("variant", t.variant);
      q.set("seed", String(t.seed));
      for (const [k, v] of Object.entries(t.params || {})) q.set(k, String(v));
      if (t.schedule === "explicit") q.set("faults", (t.faults || []).length ? t.faults.join(",") : "none");
      q.set("stop", "violation");
      const query = q.toString();
      this.pause();
      this.traceUrl = this.apiBase() + "?" + query;
      this.syncFormFrom(q);
      this.show(t);
      const failed = (t.checks || []).filter((c) => !c.ok).map((c) => c.name).join(", ");
      out.textContent = `Found: seed ${body.seed} fails ${failed || "a check"} after trying ${body.tried} `
        + `seed${body.tried === 1 ? "" : "s"}; shrunk (${body.runs} runs) to ${(t.events || []).length} events and `
        + `${faultCount(t)}, shown above.`;
      if (this.el.hasAttribute("data-update-url")) {
        const next = location.pathname + "?" + query;
        if (next !== location.pathname + location.search) history.pushState({ spacetime: query }, "", next);
      }
    });
  }

  /** Puts the values of a query string back into the form (after back/forward, or a permalink). */
  syncFormFrom(params) {
    if (!this.form) return;
    for (const field of this.form.elements) {
      if (!field.name || !params.has(field.name)) continue;
      const v = params.get(field.name);
      if (field.type === "radio" || field.type === "checkbox") field.checked = params.getAll(field.name).includes(field.value);
      else field.value = v;
    }
  }

  /** Keeps the permalink, and any plain download links the server rendered, pointing at the run shown. */
  syncLinks(query) {
    const base = this.el.dataset.permalinkBase || location.pathname;
    const href = base + (query ? "?" + query : "");
    this.permalink.href = href;
    this.root.querySelectorAll("a[data-permalink]").forEach((a) => { a.href = href; });
    this.root.querySelectorAll("a[data-trace-link]").forEach((a) => { a.href = this.traceUrl; });
    this.root.querySelectorAll("a[data-shiviz-link]").forEach((a) => {
      const u = a.getAttribute("href") || "";
      const q = u.indexOf("?");
      a.href = (q < 0 ? u : u.slice(0, q)) + (query ? "?" + query : "");
    });
  }

  async load(url, onOk) {
    this.pause();
    this.el.setAttribute("aria-busy", "true");
    let response;
    // A busy engine answers 503 with Retry-After: wait and ask again, a few times, before giving up.
    for (let attempt = 0; ; attempt++) {
      try {
        response = await fetch(url, { headers: { Accept: "application/json" } });
      } catch (err) {
        this.el.removeAttribute("aria-busy");
        this.fail(`Could not reach the server (${err.message}).`);
        return;
      }
      if (response.status !== 503 || attempt >= 4) break;
      const after = Math.min(5, Math.max(1, Number(response.headers.get("Retry-After")) || 1));
      this.live.textContent = "The demo engine is busy; retrying…";
      await new Promise((resolve) => setTimeout(resolve, after * 1000));
    }
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    this.el.removeAttribute("aria-busy");
    if (!response.ok || !body || !Array.isArray(body.events)) {
      const why = body && (body.error || body.message || body.detail);
      this.fail(`The run could not be made: ${why || response.status + " " + response.statusText}.`);
      return;
    }
    this.traceUrl = url;
    this.show(body);
    if (onOk) onOk();
  }

  fail(message) {
    this.error.textContent = message;
    this.error.hidden = false;
  }

  // ---- rendering ---------------------------------------------------------------------------------------

  show(trace) {
    this.error.hidden = true;
    this.model = buildModel(trace);
    this.selected = -1;
    const q = this.traceUrl.indexOf("?");
    this.syncLinks(q < 0 ? "" : this.traceUrl.slice(q + 1));
    this.layout();
    this.draw();
    this.drawChecks();
    this.fillTable();
    this.clearDetails();
    const st = trace.stats || {};
    this.summary.textContent = `${trace.demo ?? "demo"} · variant ${trace.variant ?? "?"} · seed ${trace.seed ?? "?"} · `
      + `${this.total()} events, ${st.messages ?? this.model.sendOf.size} messages, ${st.dropped ?? 0} dropped, `
      + `simulated time ${st.simTime ?? "?"}`;
    this.el.dataset.events = String(this.total());
    this.el.dataset.seed = String(trace.seed ?? "");
    this.scrub.max = String(this.total());
    this.setEnabled(true);
    this.go(this.total(), true);
    this.el.dataset.ready = "true";
  }

  total() {
    return this.model ? this.model.events.length : 0;
  }

  /** Positions: y by line; x by simulated time, spread so that events on a line and message hops stay apart. */
  layout() {
    const m = this.model;
    const events = m.events;
    let maxT = 0;
    for (const e of events) maxT = Math.max(maxT, Number(e.t) || 0);
    // Busier runs get more room: the span grows with the number of events, within bounds.
    const span = Math.min(Math.max(SPAN, events.length * 16), 4 * SPAN);
    const perT = span / Math.max(maxT, 1);
    const x = [];
    const lastX = new Array(m.lanes.length).fill(-Infinity);
    let prevT = -Infinity;
    let frontier = MARGIN.left;   // rightmost x so far
    let floorX = MARGIN.left;     // no event at a later time may sit left of this
    events.forEach((e, pos) => {
      const t = Number(e.t) || 0;
      if (t > prevT) { floorX = pos === 0 ? MARGIN.left : frontier + TICK; prevT = t; }
      let px = Math.max(MARGIN.left + 16 + t * perT, floorX);
      const lane = m.laneOf[pos];
      if (lane >= 0) px = Math.max(px, lastX[lane] + MIN_GAP);
      for (const p of m.preds[pos]) if (m.laneOf[p] !== lane) px = Math.max(px, x[p] + MIN_HOP);
      px = round(px);
      x.push(px);
      if (lane >= 0) lastX[lane] = px;
      frontier = Math.max(frontier, px);
    });
    this.x = x;
    this.width = round(frontier + MARGIN.right + 40);
    this.height = MARGIN.top + Math.max(m.lanes.length - 1, 0) * LANE_GAP + MARGIN.bottom + 24;
    this.laneY = m.lanes.map((_, k) => MARGIN.top + k * LANE_GAP);
    // Where each event is drawn. A drop sits in mid-air, two thirds of the way to its addressee.
    this.y = events.map((e, pos) => {
      const lane = m.laneOf[pos];
      if (lane >= 0) return this.laneY[lane];
      if (e.type === "drop") {
        const from = this.yOfNode(e.msg && e.msg.from);
        const to = this.yOfNode(e.msg && e.msg.to);
        if (from != null && to != null) return round(from + (to - from) * 0.66);
        return to ?? from ?? MARGIN.top;
      }
      return MARGIN.top - 22; // global events: above the lines
    });
  }

  yOfNode(name) {
    const k = this.model.lanes.indexOf(String(name));
    return k < 0 ? null : this.laneY[k];
  }

  draw() {
    const m = this.model;
    const svg = s("svg", { xmlns: SVG, class: "st-svg", width: this.width, height: this.height,
      viewBox: `0 0 ${this.width} ${this.height}`, role: "group", "aria-labelledby": `${this.uid}-title` });
    const tr = m.trace;
    svg.append(s("title", { id: `${this.uid}-title` },
      `Space-time diagram of ${tr.demo ?? "a run"} (${tr.variant ?? "?"}, seed ${tr.seed ?? "?"}): `
      + `${m.lanes.length} nodes, ${m.events.length} events`));
    svg.append(this.markers());

    const bands = s("g", { class: "st-bands" });
    const lanes = s("g", { class: "st-lanes" });
    const msgs = s("g", { class: "st-msgs" });
    const evs = s("g", { class: "st-events" });
    const labels = s("g", { class: "st-labels" });
    svg.append(bands, lanes, msgs, evs, labels);

    // One line per node, labelled on the left.
    m.lanes.forEach((name, k) => {
      const y = this.laneY[k];
      lanes.append(s("line", { class: "lane", x1: MARGIN.left - 8, y1: y, x2: this.width - MARGIN.right, y2: y }));
      lanes.append(s("text", { class: "lane-label", x: MARGIN.left - 14, y: y + 4, "text-anchor": "end" }, name));
    });
    // Time axis: labels at the times where events happen, when there is room.
    const axisY = this.height - MARGIN.bottom + 4;
    const axis = s("g", { class: "st-axis", "aria-hidden": "true" });
    axis.append(s("line", { class: "axis", x1: MARGIN.left, y1: axisY, x2: this.width - MARGIN.right, y2: axisY }));
    let lastLabel = -Infinity;
    let lastT = null;
    m.events.forEach((e, pos) => {
      if (e.t === lastT) return;
      lastT = e.t;
      if (this.x[pos] - lastLabel < 36) return;
      lastLabel = this.x[pos];
      axis.append(s("line", { class: "tick", x1: this.x[pos], y1: axisY, x2: this.x[pos], y2: axisY + 4 }));
      axis.append(s("text", { class: "tick-label", x: this.x[pos], y: axisY + 16, "text-anchor": "middle" }, String(e.t)));
    });
    axis.append(s("text", { class: "axis-label", x: this.width - MARGIN.right, y: axisY + 30, "text-anchor": "end" },
      "simulated time →"));
    svg.append(axis);

    // Crashes (line shaded until recovery) and partitions (band across the diagram until healed).
    this.spans = [];
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
      } else if (e.type === "partition") {
        const top = MARGIN.top - 30;
        const rect = s("rect", { class: "partitioned", x: this.x[pos], y: top, width: 0,
          height: this.height - MARGIN.bottom - top - 8 });
        bands.append(rect);
        const span = { kind: "partition", from: pos, to: -1, el: rect };
        this.spans.push(span);
        const label = s("text", { class: "partition-label", x: this.x[pos] + 4, y: this.height - MARGIN.bottom - 12, "data-pos": pos },
          describe(e));
        bands.append(label);
        span.label = label;
        openParts.push(span);
      } else if (e.type === "heal" && openParts.length) {
        openParts.shift().to = pos;
      }
    });

    // Messages: send -> receive (arrow), send -> drop (ends in a cross), or still in flight.
    this.arrows = [];
    const arrow = (from, to) => {
      const send = m.events[from];
      const end = to >= 0 ? m.events[to] : null;
      const dropped = !!end && end.type === "drop";
      const cls = ["msg", dropped ? "msg-dropped" : "", end && end.duplicate ? "msg-duplicate" : ""].filter(Boolean).join(" ");
      const line = s("line", { class: cls, x1: this.x[from], y1: this.y[from], x2: this.x[from], y2: this.y[from] });
      msgs.append(line);
      const tx = end ? this.x[to] : this.width - MARGIN.right;
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

    // Events. Each is a button-like group with a title (tooltip and accessible name). Roving focus: the diagram
    // is one tab stop (the canvas); arrows move between events, so a long run is not a hundred Tab presses.
    this.evEls = m.events.map((e, pos) => {
      const g = s("g", { class: `ev ev-${safeClass(e.type)}`, "data-pos": pos, "data-i": e.i ?? pos, tabindex: "-1",
        role: "button", "aria-label": `${e.i ?? pos}: ${describe(e)} at t=${e.t}` });
      const x = this.x[pos];
      const y = this.y[pos];
      g.append(s("title", {}, `#${e.i ?? pos} t=${e.t}: ${describe(e)}`));
      g.append(s("circle", { class: "ring", cx: x, cy: y, r: 11 }));
      g.append(shape(e.type, x, y));
      evs.append(g);
      return g;
    });

    // The first violation of each failing check, in red, labelled with the check's name.
    this.violations = new Map();
    for (const c of (tr.checks || [])) {
      if (c && c.ok === false && c.firstViolation != null && m.posOfIndex.has(c.firstViolation)) {
        const pos = m.posOfIndex.get(c.firstViolation);
        if (!this.violations.has(pos)) this.violations.set(pos, []);
        this.violations.get(pos).push(String(c.name));
      }
    }
    m.events.forEach((e, pos) => {
      if (e.violation === true && !this.violations.has(pos)) this.violations.set(pos, ["a check"]);
    });
    for (const [pos, names] of this.violations) {
      const g = this.evEls[pos];
      g.classList.add("is-violation");
      g.setAttribute("aria-label", g.getAttribute("aria-label") + `; violates ${names.join(", ")}`);
      const label = s("text", { class: "violation-label", x: this.x[pos], y: this.y[pos] - 16, "text-anchor": "middle",
        "data-pos": pos }, `✗ ${names.join(", ")}`);
      labels.append(label);
    }

    this.cursor = s("line", { class: "cursor", x1: 0, y1: MARGIN.top - 30, x2: 0, y2: this.height - MARGIN.bottom, "aria-hidden": "true" });
    svg.insertBefore(this.cursor, msgs);
    this.labels = labels;
    this.svg = svg;
    this.canvas.replaceChildren(svg);
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

  /** Reveals the first n events (and everything that follows from them) and updates every hook. */
  go(n, quiet) {
    if (!this.model) return;
    const total = this.total();
    n = Math.max(0, Math.min(total, Number.isFinite(n) ? n : total));
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
    this.labels.querySelectorAll("[data-pos]").forEach((t) => t.classList.toggle("is-hidden", !shown(Number(t.dataset.pos))));
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
        const lastFrame = n === total && to < 0;
        const k = lastFrame ? 1 : f;
        x2 = round(x1 + (a.tx - x1) * k);
        y2 = round(y1 + (a.ty - y1) * k);
      }
      set(line, { x2, y2 });
      if (done && !a.dropped) line.setAttribute("marker-end", `url(#${this.uid}-arrow${this.arrowTone(a)})`);
      else line.removeAttribute("marker-end");
    }
    for (const sp of this.spans) {
      const start = this.x[sp.from];
      const end = sp.to >= 0 && shown(sp.to) ? this.x[sp.to] : (n === total ? this.width - MARGIN.right : nowX);
      sp.el.classList.toggle("is-hidden", !shown(sp.from));
      if (sp.label) sp.label.classList.toggle("is-hidden", !shown(sp.from));
      set(sp.el, { width: Math.max(0, round(end - start)) });
    }
    set(this.cursor, { x1: nowX, x2: nowX });
    this.cursor.classList.toggle("is-hidden", n === 0 || n === total);
    this.scrub.value = String(n);
    this.scrub.setAttribute("aria-valuetext", `step ${n} of ${total}`);
    this.stepOut.textContent = `${n} / ${total}`;
    // aria-disabled rather than disabled: a focused button that runs out of steps keeps the focus (a disabled
    // one would drop it to the page), and a press on it does nothing since go() clamps.
    for (const [b, off] of [[this.btnBack, n === 0], [this.btnStart, n === 0], [this.btnFwd, n === total], [this.btnEnd, n === total]]) {
      b.disabled = false;
      b.setAttribute("aria-disabled", off ? "true" : "false");
    }
    this.el.dataset.step = String(n);
    if (this.selected >= 0 && !shown(this.selected)) this.select(-1);
    if (!quiet) {
      const e = n > 0 ? this.model.events[n - 1] : null;
      this.live.textContent = e ? `Step ${n} of ${total}: ${describe(e)} at t=${e.t}.` : `Step 0 of ${total}: nothing has happened yet.`;
    } else {
      this.live.textContent = `${total} events; showing all of them.`;
    }
  }

  arrowTone(a) {
    if (this.selected < 0) return "";
    const inPast = (p) => p === this.selected || this.rel.past.has(p);
    const inFuture = (p) => p === this.selected || this.rel.future.has(p);
    if (inPast(a.from) && inPast(a.to)) return "-past";
    if (inFuture(a.from) && inFuture(a.to)) return "-future";
    return "";
  }

  // ---- playback and keys ----------------------------------------------------------------------------------

  togglePlay() {
    if (this.timer) { this.pause(); return; }
    if (this.step >= this.total()) this.go(0);
    this.btnPlay.textContent = "❚❚ Pause";
    this.btnPlay.setAttribute("aria-pressed", "true");
    const tick = () => {
      if (this.step >= this.total()) { this.pause(); return; }
      this.go(this.step + 1);
      this.timer = setTimeout(tick, BASE_DELAY / this.speed);
    };
    this.timer = setTimeout(tick, BASE_DELAY / this.speed);
  }

  pause() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.btnPlay.textContent = "▶ Play";
    this.btnPlay.setAttribute("aria-pressed", "false");
  }

  onKey(ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const onEvent = ev.target.closest && ev.target.closest(".ev");
    if (onEvent) {
      const pos = Number(onEvent.dataset.pos);
      switch (ev.key) {
        case "ArrowLeft": case "ArrowUp": this.focusEvent(pos - 1); break;
        case "ArrowRight": case "ArrowDown": this.focusEvent(pos + 1); break;
        case "Home": this.focusEvent(0); break;
        case "End": this.focusEvent(this.step - 1); break;
        case "Escape": this.select(-1); this.canvas.focus(); break;
        case "Enter": case " ": this.select(pos); break;
        default: return;
      }
      ev.preventDefault();
      return;
    }
    switch (ev.key) {
      case "ArrowDown": this.focusEvent(this.selected >= 0 && this.selected < this.step ? this.selected : this.step - 1); break;
      case "ArrowLeft": this.pause(); this.go(this.step - 1); break;
      case "ArrowRight": this.pause(); this.go(this.step + 1); break;
      case "Home": this.pause(); this.go(0); break;
      case "End": this.pause(); this.go(this.total()); break;
      case "Escape": this.select(-1); break;
      case "Enter": if (onEvent) this.select(Number(onEvent.dataset.pos)); else return; break;
      case " ": if (onEvent) this.select(Number(onEvent.dataset.pos)); else this.togglePlay(); break;
      default: return;
    }
    ev.preventDefault();
  }

  /** Moves the focus to a revealed event (clamped to those shown); none shown leaves it where it is. */
  focusEvent(pos) {
    if (!this.model || this.step === 0) return;
    const target = this.evEls[Math.max(0, Math.min(this.step - 1, pos))];
    if (target) target.focus();
  }

  // ---- selection, causality, details ----------------------------------------------------------------------

  select(pos) {
    const m = this.model;
    if (!m) return;
    if (pos === this.selected) pos = -1; // a second click deselects
    this.selected = pos;
    this.rel = pos >= 0 ? causality(m, pos) : null;
    this.svg.classList.toggle("has-selection", pos >= 0);
    this.evEls.forEach((g, q) => {
      g.classList.toggle("is-selected", q === pos);
      g.classList.toggle("is-past", !!this.rel && this.rel.past.has(q));
      g.classList.toggle("is-future", !!this.rel && this.rel.future.has(q));
      g.classList.toggle("is-concurrent", !!this.rel && m.hasVector && this.rel.concurrent.has(q));
      g.classList.toggle("is-mismatch", !!this.rel && this.rel.mismatches.has(q));
      g.setAttribute("aria-pressed", q === pos ? "true" : "false");
    });
    for (const a of this.arrows) {
      const tone = this.arrowTone(a);
      a.line.classList.toggle("is-past", tone === "-past");
      a.line.classList.toggle("is-future", tone === "-future");
      if (a.line.hasAttribute("marker-end")) a.line.setAttribute("marker-end", `url(#${this.uid}-arrow${tone})`);
    }
    if (pos < 0) this.clearDetails();
    else this.showDetails(pos);
  }

  clearDetails() {
    this.details.replaceChildren(html("p", { class: "st-hint" },
      "Select an event (click it, or press Down arrow in the diagram, move with the arrows and press Enter) to see its clocks and state and to highlight its causal past and future."));
  }

  showDetails(pos) {
    const m = this.model;
    const e = m.events[pos];
    const dl = html("dl", { class: "st-facts" });
    const row = (k, v) => dl.append(html("dt", {}, k), html("dd", {}, v));
    row("Event", `#${e.i ?? pos}`);
    row("Node", e.node != null ? String(e.node) : "(network)");
    row("Time", String(e.t));
    row("Type", String(e.type));
    if (e.msg) {
      const mm = e.msg;
      row("Message", `${mm.type ?? "message"} #${mm.id} from ${mm.from} to ${mm.to}`);
      if (mm.body && Object.keys(mm.body).length) row("Body", code(mm.body));
    }
    if (e.clock) {
      if (e.clock.lamport != null) row("Lamport clock", String(e.clock.lamport));
      if (e.clock.vector) row("Vector clock", vectorText(e.clock.vector, m.lanes));
      for (const [k, v] of Object.entries(e.clock)) if (k !== "lamport" && k !== "vector") row(`Clock ${k}`, code(v));
    }
    if (e.state !== undefined) row("State", code(e.state));
    for (const [k, v] of Object.entries(e)) {
      if (!["i", "t", "node", "type", "msg", "clock", "state"].includes(k)) row(k, code(v));
    }
    const r = this.rel;
    row("Causal past", `${r.past.size} event${r.past.size === 1 ? "" : "s"}`);
    row("Causal future", `${r.future.size} event${r.future.size === 1 ? "" : "s"}`);
    if (m.hasVector && m.laneOf[pos] >= 0) row("Concurrent", `${r.concurrent.size} event${r.concurrent.size === 1 ? "" : "s"}`);
    if (r.mismatches.size) {
      row("Clock disagrees", `with what happened for ${r.mismatches.size} event${r.mismatches.size === 1 ? "" : "s"}: `
        + [...r.mismatches].map((q) => "#" + (m.events[q].i ?? q)).join(", "));
    }
    if (this.violations.has(pos)) row("Violates", this.violations.get(pos).join(", "));
    const close = html("button", { type: "button", "data-action": "deselect" }, "Clear selection");
    close.addEventListener("click", () => { this.select(-1); this.canvas.focus(); });
    this.details.replaceChildren(html("h3", {}, `Event #${e.i ?? pos}: ${describe(e)}`), dl, this.faultButtons(e), close);
  }

  /**
   * Faults by clicking: each button adds one fault to the run's list (every fault the shown run had, so nothing
   * else changes) and runs it again through the form, so the permalink records it and reproduces the run.
   */
  faultButtons(e) {
    const box = html("div", { class: "st-inject", role: "group", "aria-label": "Inject a fault" });
    if (!this.form || !this.form.elements.namedItem("faults")) return box;
    const add = (label, action, ...faults) => {
      const b = html("button", { type: "button", "data-inject": action }, label);
      b.addEventListener("click", () => this.rerunWith(faults));
      box.append(b);
    };
    const nth = e.msg ? sendOrdinal(this.model.trace, e.msg) : 0;
    if (nth > 0 && (e.type === "send" || e.type === "receive")) {
      const m = `${e.msg.from}/${nth}`;
      add(`Drop this message`, "drop", `drop:${m}`);
      add(`Duplicate it`, "dup", `dup:${m}`);
      add(`Delay it 50 ms`, "delay", `delay:${m}/50`);
    }
    if (e.node != null && e.type !== "crash") {
      add(`Crash ${e.node} here, back 50 ms later`, "crash", `crash:${e.node}@${e.t}`, `recover:${e.node}@${e.t + 50}`);
      add(`Set ${e.node}'s clock 50 ms behind`, "skew", `skew:${e.node}/-50`);
    }
    if (box.childElementCount) box.prepend(html("span", { class: "st-inject-label" }, "Break it here:"));
    return box;
  }

  /** Runs the shown schedule again with more faults, or (with none) another variant on the same schedule. */
  rerunWith(extra, variant) {
    const faults = [...(this.model.trace.faults || []), ...extra];
    // One of each: a clock error is per node, so a new skew replaces the old one.
    const byKey = new Map();
    for (const f of faults) byKey.set(f.startsWith("skew:") || f.startsWith("drift:") ? f.slice(0, f.lastIndexOf("/")) : f, f);
    this.form.elements.namedItem("faults").value = byKey.size ? [...byKey.values()].join(",") : "none";
    const q = new URLSearchParams(this.traceUrl.slice(this.traceUrl.indexOf("?") + 1));
    this.syncFormFrom(new URLSearchParams({ seed: String(this.model.trace.seed) }));
    if (variant) this.syncFormFrom(new URLSearchParams({ variant }));
    else if (q.has("variant")) this.syncFormFrom(new URLSearchParams({ variant: q.get("variant") }));
    this.form.requestSubmit();
  }

  drawChecks() {
    const m = this.model;
    const checks = Array.isArray(m.trace.checks) ? m.trace.checks : [];
    this.checks.replaceChildren(...checks.map((c) => {
      const li = html("li", { class: c.ok ? "ok" : "failed" },
        html("span", { class: "st-verdict" }, c.ok ? "✓ passed" : "✗ failed"), " ",
        html("strong", {}, String(c.name)), c.detail ? `: ${c.detail}` : "");
      if (!c.ok && c.firstViolation != null && m.posOfIndex.has(c.firstViolation)) {
        const pos = m.posOfIndex.get(c.firstViolation);
        const b = html("button", { type: "button", class: "st-goto", "data-action": "goto" }, `Show event #${c.firstViolation}`);
        b.addEventListener("click", () => {
          this.pause();
          if (this.step <= pos) this.go(pos + 1);
          if (this.selected !== pos) this.select(pos);
          this.evEls[pos].focus();
        });
        li.append(" ", b);
      }
      return li;
    }));
    this.drawSchedule();
  }

  /** The run's faults, and the other variants run on exactly the same schedule (same seed, same faults). */
  drawSchedule() {
    const t = this.model.trace;
    const faults = t.faults || [];
    const line = html("p", { class: "st-faults" }, html("strong", {}, "Faults: "),
      faults.length ? faults.join(", ") : "none", t.schedule === "explicit" ? " (as listed)" : " (drawn from the seed)");
    const parts = [line];
    const others = this.form ? [...this.form.querySelectorAll("input[name=variant]")].map((i) => i.value).filter((v) => v !== t.variant) : [];
    if (others.length && this.form.elements.namedItem("faults")) {
      const p = html("p", { class: "st-same-schedule" }, "Same seed and faults, other variant: ");
      for (const v of others) {
        const b = html("button", { type: "button", "data-same-schedule": v }, `Run ${v}`);
        b.addEventListener("click", () => this.rerunWith([], v));
        p.append(b, " ");
      }
      parts.push(p);
    }
    this.scheduleBox.replaceChildren(...parts);
  }

  /**
   * Keeps the server's table of events (the no-JS view, table[data-events-table]) in step with the run shown,
   * after the form has asked for another one. Columns: #, t, node, type, what happened, clock, state.
   */
  fillTable() {
    const table = this.root.querySelector("table[data-events-table]");
    if (!table) return;
    const m = this.model;
    const body = table.tBodies[0] || table.appendChild(html("tbody"));
    const rows = m.events.map((e, pos) => {
      const tr = html("tr", { id: `${this.uid}-ev-${e.i ?? pos}` });
      if (this.violations.has(pos)) tr.className = "violation";
      const clock = e.clock ? [e.clock.lamport != null ? `L=${e.clock.lamport}` : "",
        e.clock.vector ? "V=" + vectorText(e.clock.vector, m.lanes) : ""].filter(Boolean).join(" ") : "";
      const cells = [String(e.i ?? pos), String(e.t), e.node != null ? String(e.node) : "—", String(e.type),
        describe(e) + (this.violations.has(pos) ? ` — violates ${this.violations.get(pos).join(", ")}` : ""), clock,
        e.state !== undefined ? JSON.stringify(e.state) : ""];
      cells.forEach((text, k) => tr.append(k === 0 ? html("th", { scope: "row" }, text) : html("td", {}, k >= 5 && text ? html("code", {}, text) : text)));
      return tr;
    });
    body.replaceChildren(...rows);
    const caption = table.caption;
    if (caption) caption.textContent = `Events of the run (${m.trace.variant ?? "?"}, seed ${m.trace.seed ?? "?"})`;
  }

  // ---- downloads -------------------------------------------------------------------------------------------

  downloadJson() {
    if (!this.model) return;
    save(`${fileStem(this.model.trace)}.json`, JSON.stringify(this.model.trace, null, 2) + "\n", "application/json");
  }

  downloadShiviz() {
    if (!this.model) return;
    save(`${fileStem(this.model.trace)}.shiviz.log`, shivizLog(this.model), "text/plain");
  }
}

// ---- helpers -----------------------------------------------------------------------------------------------

/** Two URLs with the same parameters, in whatever order. */
function sameQuery(a, b) {
  const norm = (u) => {
    const q = u.indexOf("?");
    const params = [...new URLSearchParams(q < 0 ? "" : u.slice(q + 1))].map(([k, v]) => k + "=" + v).sort();
    return (q < 0 ? u : u.slice(0, q)) + "?" + params.join("&");
  };
  return norm(a) === norm(b);
}

function round(v) {
  return Math.round(v * 10) / 10;
}

function set(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
}

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (k !== "xmlns") el.setAttribute(k, String(v));
  if (text != null) el.textContent = text;
  return el;
}

function html(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const kid of kids) if (kid != null) el.append(kid instanceof Node ? kid : String(kid));
  return el;
}

function safeClass(type) {
  return String(type).replace(/[^a-z0-9-]/gi, "") || "other";
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

function code(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 1).replace(/\n\s*/g, " ");
  return html("code", {}, text);
}

function vectorText(vector, lanes) {
  const keys = [...lanes.filter((n) => n in vector), ...Object.keys(vector).filter((k) => !lanes.includes(k)).sort()];
  return "[" + keys.map((k) => `${k}:${vector[k]}`).join(", ") + "]";
}

function save(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = html("a", { href: url, download: name, hidden: "" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => initAll());
else initAll();
