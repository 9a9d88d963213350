// Quorum: the demo viewer. Progressive enhancement: the server renders, without any script,
//   <div class="spacetime" id="..." data-demo="vector-clocks"
//        data-trace-url="/api/v1/demos/vector-clocks/run?seed=42&variant=correct&nodes=3"
//        data-permalink-base="/demos/vector-clocks"      (where a permalink points; default: this page's path)
//        data-form="form-id"                              (optional; else the first form in [data-demo-root])
//        data-update-url>                                 (present: submitting the form also updates this page's URL)
//     <script type="application/json">{...quorum-trace/2 (or /1)...}</script>   (optional: saves the first request)
//   </div>
// plus a GET form with the parameters, a table of events and, for a guided scenario, its narration
// (section.demo-guide[data-guide-for=id]). A Viewer turns one such container into an interactive diagram and wires
// the parts: diagram.js draws, playback.js steps, details.js shows the selected event, panels.js the trace's panels,
// guide.js the scenario, downloads.js the files.
//
// For tests: the container carries data-ready, data-step (events revealed) and data-events (events in the trace),
// and the same trace always yields the same SVG markup.

import { html } from "./dom.js";
import { buildModel, causality, eventText, formatValue, faultCount, mergeFaults } from "./model.js";
import { Diagram } from "./diagram.js";
import { Playback, onDiagramKey } from "./playback.js";
import { clearDetails, showDetails } from "./details.js";
import { downloadJson, downloadShiviz } from "./downloads.js";
import { createPanels } from "./panels.js";
import { Guide } from "./guide.js";

const instances = new WeakMap();

/** Enhances every .spacetime container under root (the document by default). Safe to call twice. */
export function initAll(root = document) {
  root.querySelectorAll(".spacetime").forEach((el, k) => {
    if (!instances.has(el)) instances.set(el, new Viewer(el, k));
  });
}

export class Viewer {
  constructor(el, index) {
    this.el = el;
    this.uid = el.id || `spacetime-${index}`;
    this.model = null;
    this.step = 0;
    this.selected = -1;
    this.rel = null;
    this.panels = [];
    this.initial = null;
    this.root = el.closest("[data-demo-root]") || el.parentElement || document.body;
    this.form = (el.dataset.form && document.getElementById(el.dataset.form)) || this.root.querySelector("form.demo-params")
      || this.root.querySelector("form:not(.demo-break)");
    this.traceUrl = el.dataset.traceUrl || "";
    this.buildShell();
    const section = document.querySelector(`.demo-guide[data-guide-for="${CSS.escape(this.uid)}"]`);
    this.guide = section ? new Guide(section, this) : null;
    this.wireForm();
    this.wireBreak();
    this.start();
  }

  /** The first run: the page's own URL when it is a permalink to another run, else the embedded trace. */
  start() {
    const script = this.el.querySelector('script[type="application/json"]');
    const embedded = script && script.textContent.trim() ? script : null;
    let first = null;
    const search = new URLSearchParams(location.search);
    if (this.el.hasAttribute("data-update-url") && location.search.length > 1 && this.apiBase() && !search.has("guide")) {
      // The page's own URL is the permalink: it wins over whatever was embedded.
      const fromUrl = this.apiBase() + location.search;
      if (!embedded || !sameQuery(fromUrl, this.traceUrl)) {
        this.traceUrl = fromUrl;
        this.syncFormFrom(search);
      } else {
        first = embedded;
      }
    } else if (embedded) {
      first = embedded; // a scenario's page (?guide=…) names its run by the scenario: the embedded trace is it
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

    this.playback = new Playback(this);
    this.valuesToggle = html("input", { type: "checkbox", "data-action": "show-values", checked: "" });
    this.valuesLabel = html("label", { class: "st-toggle", hidden: "" }, this.valuesToggle, " Show values");
    this.valuesToggle.addEventListener("change", () => this.diagram.showValues(this.valuesToggle.checked));
    const toolbar = html("div", { class: "st-toolbar" }, this.playback.element, this.valuesLabel);

    this.canvas = html("div", { class: "st-canvas", tabindex: "0", role: "group",
      "aria-roledescription": "space-time diagram",
      "aria-label": "Space-time diagram. Left and right arrows step, space plays or pauses, Home and End jump; "
        + "Down arrow enters the events, where arrows move between them, Enter selects and Escape leaves." });
    this.diagram = new Diagram(this.uid, this.canvas);
    this.live = html("p", { class: "st-live", "aria-live": "polite", "aria-atomic": "true" });
    this.error = html("p", { class: "st-error", role: "alert", hidden: "" });
    this.summary = html("p", { class: "st-summary" });
    this.checks = html("ul", { class: "st-checks", "aria-label": "Checks" });
    this.details = html("section", { class: "st-details", "aria-label": "Selected event" });
    clearDetails(this.details);
    this.panelBox = html("div", { class: "st-panels" });
    this.btnJson = html("button", { type: "button", "data-action": "download-json" }, "Download trace (JSON)");
    this.btnShiviz = html("button", { type: "button", "data-action": "download-shiviz" }, "Download ShiViz log");
    this.permalink = html("a", { class: "st-permalink", href: "#" }, "Permalink to this run");
    // The client history as Jepsen EDN comes from the server, whose writer the checker reads back.
    this.ednLink = html("a", { class: "st-edn", href: "#", hidden: "", "data-action": "download-edn" }, "Download history (EDN)");
    const tools = html("p", { class: "st-tools" }, this.permalink, " ", this.btnJson, " ", this.btnShiviz, " ", this.ednLink);
    const legend = html("ul", { class: "st-legend", "aria-label": "Legend" },
      ...[["send", "send or local event"], ["receive", "receive"], ["timer", "timer"], ["drop", "dropped message"],
        ["crash", "crash / recovery"], ["partition", "partition / cut link"], ["past", "causal past"],
        ["future", "causal future"], ["concurrent", "concurrent"], ["violation", "first violation"]]
        .map(([k, t]) => html("li", {}, html("span", { class: `st-key st-key-${k}`, "aria-hidden": "true" }), t)));
    this.scheduleBox = html("div", { class: "st-schedule" });
    el.append(this.error, toolbar, this.canvas, this.live, legend, this.summary, this.checks, this.scheduleBox,
      this.details, this.panelBox, tools);

    this.btnJson.addEventListener("click", () => { if (this.model) downloadJson(this.model); });
    this.btnShiviz.addEventListener("click", () => { if (this.model) downloadShiviz(this.model); });
    this.canvas.addEventListener("keydown", (ev) => onDiagramKey(ev, this));
    this.canvas.addEventListener("click", (ev) => {
      const g = ev.target.closest && ev.target.closest(".ev");
      if (g) this.select(Number(g.dataset.pos));
    });
    this.setEnabled(false);
  }

  setEnabled(on) {
    this.playback.setEnabled(on);
    this.btnJson.disabled = !on;
    this.btnShiviz.disabled = !on;
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

  pushUrl(query) {
    if (!this.el.hasAttribute("data-update-url")) return;
    const next = location.pathname + "?" + query;
    if (next !== location.pathname + location.search) history.pushState({ spacetime: query }, "", next);
  }

  wireForm() {
    if (!this.form) return;
    this.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const query = this.formQuery();
      this.load(this.apiBase() + "?" + query, () => this.pushUrl(query));
    });
    if (this.el.hasAttribute("data-update-url")) {
      window.addEventListener("popstate", () => {
        const init = this.initial;
        if (init && location.search === init.search) {
          // Back to where the page started (a scenario, say): that run, as it was first shown.
          this.pause();
          this.traceUrl = init.traceUrl;
          this.syncFormFrom(new URLSearchParams(queryOf(init.traceUrl)));
          this.show(init.trace);
          return;
        }
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
      this.pushUrl(query);
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

  /** Offers the run's history as EDN when it has one and came from the run API (not from a saved file). */
  syncHistoryLink(trace) {
    const base = this.apiBase();
    const query = queryOf(this.traceUrl);
    const offered = Array.isArray(trace.history) && trace.history.length > 0 && base.endsWith("/run");
    this.ednLink.hidden = !offered;
    this.ednLink.href = offered ? base.slice(0, -"/run".length) + "/history.edn" + (query ? "?" + query : "") : "#";
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
    this.pause();
    this.error.hidden = true;
    this.model = buildModel(trace);
    const m = this.model;
    if (!this.initial) this.initial = { search: location.search, traceUrl: this.traceUrl, trace };
    this.selected = -1;
    this.rel = null;
    this.syncLinks(queryOf(this.traceUrl));
    this.syncHistoryLink(trace);
    this.diagram.render(m);
    this.valuesLabel.hidden = !m.annotations.some((a) => a.diagram === true && a.kind !== "role");
    this.diagram.showValues(this.valuesToggle.checked);
    this.panels = createPanels(m, this.uid);
    this.panelBox.replaceChildren(...this.panels.map((p) => p.element));
    this.panelBox.hidden = !this.panels.length;
    this.drawChecks();
    this.drawSchedule();
    this.fillTable();
    clearDetails(this.details);
    const st = m.trace.stats || {};
    this.summary.textContent = `${m.trace.demo ?? "demo"} · variant ${m.trace.variant ?? "?"} · seed ${m.trace.seed ?? "?"} · `
      + `${this.total()} events, ${st.messages ?? m.sendOf.size} messages, ${st.dropped ?? 0} dropped, `
      + `simulated time ${st.simTime ?? "?"}`;
    this.el.dataset.events = String(this.total());
    this.el.dataset.seed = String(m.trace.seed ?? "");
    this.setEnabled(true);
    // A guided scenario starts before its first event, to be played; any other run is shown whole.
    const scenario = this.guide ? this.guide.onShow(m.trace) : false;
    if (scenario) this.go(0);
    else this.go(this.total(), true);
    this.el.dataset.ready = "true";
  }

  total() {
    return this.model ? this.model.events.length : 0;
  }

  /** Reveals the first n events (and everything that follows from them) and updates every part that follows playback. */
  go(n, quiet) {
    if (!this.model) return;
    const total = this.total();
    n = Math.max(0, Math.min(total, Number.isFinite(n) ? n : total));
    this.step = n;
    this.diagram.reveal(n);
    this.playback.update(n, total);
    this.el.dataset.step = String(n);
    if (this.selected >= n) this.select(-1);
    if (!quiet) {
      const e = n > 0 ? this.model.events[n - 1] : null;
      this.live.textContent = e ? `Step ${n} of ${total}: ${eventText(e)} at t=${e.t}.` : `Step 0 of ${total}: nothing has happened yet.`;
    } else {
      this.live.textContent = `${total} events; showing all of them.`;
    }
    for (const p of this.panels) p.update(n);
    if (this.guide) this.guide.onStep(n);
  }

  pause() {
    this.playback.pause();
  }

  /** Called by playback before each step it plays: a scenario may hold it before its question. */
  beforeAdvance(step) {
    return this.guide ? this.guide.beforeAdvance(step) : true;
  }

  onPlaying(on) {
    if (this.guide) this.guide.onPlaying(on);
  }

  indexToPos(i) {
    return this.model && this.model.posOfIndex.has(i) ? this.model.posOfIndex.get(i) : -1;
  }

  focusEvent(pos) {
    this.diagram.focusEvent(pos);
  }

  focusCanvas() {
    this.canvas.focus();
  }

  flash(pos) {
    this.diagram.flash(pos);
  }

  // ---- selection ------------------------------------------------------------------------------------------

  /** Selects an event (a second select of the same one deselects, unless toggle is false); -1 clears. */
  select(pos, { toggle = true } = {}) {
    const m = this.model;
    if (!m) return;
    if (pos === this.selected && toggle) pos = -1;
    this.selected = pos;
    this.rel = pos >= 0 ? causality(m, pos) : null;
    this.diagram.highlight(pos, this.rel);
    if (pos < 0) {
      clearDetails(this.details);
      return;
    }
    showDetails(this.details, { model: m, pos, rel: this.rel,
      canInject: !!(this.form && this.form.elements.namedItem("faults")),
      onInject: (faults) => this.rerunWith(faults),
      onClose: () => { this.select(-1); this.canvas.focus(); } });
  }

  /** Shows an event: reveals it if need be, selects it, scrolls it into view and focuses it. */
  jumpTo(pos) {
    this.pause();
    if (this.step <= pos) this.go(pos + 1);
    this.select(pos, { toggle: false });
    this.diagram.scrollTo(pos);
    this.diagram.evEls[pos].focus();
  }

  /** Runs the shown schedule again with more faults, or (with none) another variant on the same schedule. */
  rerunWith(extra, variant) {
    const faults = mergeFaults(this.model.trace.faults || [], extra);
    this.form.elements.namedItem("faults").value = faults.length ? faults.join(",") : "none";
    const q = new URLSearchParams(queryOf(this.traceUrl));
    this.syncFormFrom(new URLSearchParams({ seed: String(this.model.trace.seed) }));
    if (variant) this.syncFormFrom(new URLSearchParams({ variant }));
    else if (q.has("variant")) this.syncFormFrom(new URLSearchParams({ variant: q.get("variant") }));
    this.form.requestSubmit();
  }

  // ---- checks, schedule, table ----------------------------------------------------------------------------

  drawChecks() {
    const m = this.model;
    this.checks.replaceChildren(...m.trace.checks.map((c) => {
      const li = html("li", { class: c.ok ? "ok" : "failed" },
        html("span", { class: "st-verdict" }, c.ok ? "✓ passed" : "✗ failed"), " ",
        html("strong", {}, String(c.name)), c.detail ? `: ${c.detail}` : "");
      if (!c.ok && c.firstViolation != null && m.posOfIndex.has(c.firstViolation)) {
        const pos = m.posOfIndex.get(c.firstViolation);
        const b = html("button", { type: "button", class: "st-goto", "data-action": "goto", "data-pos": pos },
          `Show event #${c.firstViolation}, its first violation`);
        b.addEventListener("click", () => this.jumpTo(pos));
        li.append(" ", b);
      }
      return li;
    }));
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
   * Keeps the server's table of events (the no-JS view, table[data-events-table]) in step with the run shown, after
   * the form has asked for another one. Columns: #, t, node, type, what happened, then one per annotation, headed by
   * its label and unit (another variant may declare other values, so the header is rewritten too).
   */
  fillTable() {
    const table = this.root.querySelector("table[data-events-table]");
    if (!table) return;
    const m = this.model;
    const headRow = table.tHead && table.tHead.rows[0];
    if (headRow) {
      while (headRow.cells.length > 5) headRow.deleteCell(5);
      for (const a of m.annotations) {
        headRow.append(html("th", { scope: "col" }, String(a.label || a.name) + (a.unit ? ` (${a.unit})` : "")));
      }
    }
    // The unit is in the header, so a cell holds the bare value.
    const bare = m.annotations.map((a) => ({ ...a, unit: "" }));
    const body = table.tBodies[0] || table.appendChild(html("tbody"));
    const rows = m.events.map((e, pos) => {
      const tr = html("tr", { id: `${this.uid}-ev-${e.i ?? pos}` });
      const bad = m.violations.get(pos);
      if (bad) tr.className = "violation";
      const v = e.values || {};
      const cells = [String(e.i ?? pos), String(e.t), e.node != null ? String(e.node) : "—", String(e.type),
        eventText(e) + (bad ? ` — violates ${bad.join(", ")}` : ""),
        ...bare.map((a) => (v[a.name] === undefined ? "" : formatValue(a, v[a.name], m.lanes)))];
      cells.forEach((text, k) => tr.append(k === 0 ? html("th", { scope: "row" }, text)
        : html("td", {}, k >= 5 && text ? html("code", {}, text) : text)));
      return tr;
    });
    body.replaceChildren(...rows);
    const caption = table.caption;
    if (caption) caption.textContent = `Events of the run (${m.trace.variant ?? "?"}, seed ${m.trace.seed ?? "?"})`;
  }
}

// ---- helpers -----------------------------------------------------------------------------------------------

function queryOf(url) {
  const q = (url || "").indexOf("?");
  return q < 0 ? "" : url.slice(q + 1);
}

/** Two URLs with the same parameters, in whatever order. */
function sameQuery(a, b) {
  const norm = (u) => {
    const q = u.indexOf("?");
    const params = [...new URLSearchParams(q < 0 ? "" : u.slice(q + 1))].map(([k, v]) => k + "=" + v).sort();
    return (q < 0 ? u : u.slice(0, q)) + "?" + params.join("&");
  };
  return norm(a) === norm(b);
}
