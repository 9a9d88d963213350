// Quorum: the pure part of the space-time viewer. No DOM here, so it can be reasoned about (and tested) alone.
//
// A trace is "quorum-trace/2" (docs/trace-format.md): {format, demo, variant, seed, params, schedule, faults, nodes[],
// annotations[], panels[], events[], history[], checks[], stats}. It describes itself: annotations declare the values
// events carry ({name, kind, label, unit, diagram, description}), each event says what happened in `text` and
// carries `values` by annotation name, and `past` gives its causal past from the run's structure alone.
// A "quorum-trace/1" trace (events with clock: {lamport?, vector?} and state: {...}) is read as /2 by normalize().
//
// "pos" is an event's position in trace.events; the array order is the simulation order.

export const FORMAT = "quorum-trace/2";
export const NETWORK = "network";

/** Event types that happen on a node's line. Drops happen in the network; partition/cut/heal without a node are global. */
const ON_LANE = new Set(["local", "send", "receive", "timer", "crash", "recover", "invoke", "complete"]);

const V1_CLOCKS = {
  lamport: { kind: "scalar", label: "Lamport time", description: "The node's Lamport clock after this event" },
  vector: { kind: "vector", label: "Vector clock",
    description: "The node's vector clock after this event: for each node, how many of its events this one knows of" },
};

// ---- reading a trace -------------------------------------------------------------------------------------------

/**
 * The trace in the /2 shape, whatever its format: a /2 trace with every optional part filled in (annotations and
 * panels default to none, an event without text gets the engine's plain one), or a /1 trace translated as
 * docs/trace-format.md says ("Reading quorum-trace/1"). The input is not changed.
 */
export function normalize(trace) {
  const t = trace && typeof trace === "object" ? trace : {};
  const events = Array.isArray(t.events) ? t.events.filter((e) => e && typeof e === "object") : [];
  const v1 = t.format === "quorum-trace/1"
    || (!Array.isArray(t.annotations) && events.some((e) => e.clock !== undefined || e.state !== undefined));
  if (v1) return fromV1(t, events);
  return {
    ...t,
    nodes: Array.isArray(t.nodes) ? t.nodes.map(String) : [],
    annotations: Array.isArray(t.annotations) ? t.annotations.filter(validAnnotation) : [],
    panels: Array.isArray(t.panels) ? t.panels.filter((p) => p && typeof p.kind === "string") : [],
    events: events.map((e) => (typeof e.text === "string" && e.text ? e : { ...e, text: describe(e) })),
    history: Array.isArray(t.history) ? t.history : [],
    checks: Array.isArray(t.checks) ? t.checks : [],
  };
}

function validAnnotation(a) {
  return a && typeof a.name === "string" && typeof a.kind === "string";
}

function fromV1(t, events) {
  const annotations = [];
  const byName = new Map();
  const declare = (name, kind, label, diagram, description) => {
    let a = byName.get(name);
    if (!a) {
      a = { name, kind, label, unit: "", diagram, description };
      byName.set(name, a);
      annotations.push(a);
    } else if (a.kind === "scalar" && kind !== "scalar") {
      a.kind = kind; // a state entry that is sometimes not a number is a register
    }
    return a;
  };
  const out = events.map((e) => {
    const { clock, state, ...rest } = e;
    const values = {};
    if (clock && typeof clock === "object") {
      for (const [k, v] of Object.entries(clock)) {
        const known = V1_CLOCKS[k];
        if (known) declare(k, known.kind, known.label, true, known.description);
        else declare(k, typeof v === "number" ? "scalar" : "register", k, false, `The clock entry "${k}"`);
        values[k] = v;
      }
    }
    if (state && typeof state === "object" && !Array.isArray(state)) {
      for (const [k, v] of Object.entries(state)) {
        declare(k, typeof v === "number" ? "scalar" : "register", k, false, `The state entry "${k}"`);
        values[k] = v;
      }
    }
    const next = { ...rest, text: describe(e) };
    if (Object.keys(values).length) next.values = values;
    return next;
  });
  return {
    ...t,
    format: FORMAT,
    readFrom: t.format || "quorum-trace/1",
    nodes: Array.isArray(t.nodes) ? t.nodes.map(String) : [],
    annotations,
    panels: [{ kind: "state", values: annotations.map((a) => a.name) }],
    events: out,
    history: Array.isArray(t.history) ? t.history : [],
    checks: Array.isArray(t.checks) ? t.checks : [],
  };
}

/**
 * Builds the structure a viewer needs from a trace (of either format):
 * {source (the trace as given), trace (normalised), lanes, events, laneOf[], preds[][], succs[][], sendOf (msg id -> pos),
 *  endOf (msg id -> pos), posOfIndex (event i -> pos), annotations, annotation (name -> declaration), vectorNames,
 *  hasVector, hasPast, derivedVector[], violations (pos -> check names), maxT}.
 */
export function buildModel(source) {
  const trace = normalize(source);
  const events = trace.events;
  const lanes = [...trace.nodes];
  const laneIndex = new Map(lanes.map((n, k) => [n, k]));
  // Nodes that appear only in events (clients, say) get a line of their own, in order of appearance.
  for (const e of events) {
    if (e.node != null && !laneIndex.has(String(e.node)) && (ON_LANE.has(e.type) || !isGlobal(e)) && e.type !== "drop") {
      laneIndex.set(String(e.node), lanes.length);
      lanes.push(String(e.node));
    }
  }
  const laneOf = [];
  const preds = events.map(() => []);
  const succs = events.map(() => []);
  const sendOf = new Map();
  const endOf = new Map();
  const posOfIndex = new Map();
  const lastOnLane = new Array(lanes.length).fill(-1);
  let maxT = 0;

  events.forEach((e, pos) => {
    posOfIndex.set(e.i ?? pos, pos);
    maxT = Math.max(maxT, Number(e.t) || 0);
    const msgId = e.msg && e.msg.id != null ? String(e.msg.id) : null;
    const lane = e.type === "drop" || isGlobal(e) || e.node == null ? -1 : (laneIndex.get(String(e.node)) ?? -1);
    laneOf.push(lane);
    const link = (p) => { if (p >= 0 && p !== pos && !preds[pos].includes(p)) { preds[pos].push(p); succs[p].push(pos); } };
    if (lane >= 0) {
      link(lastOnLane[lane]);
      // A crashed node runs no code: its crash follows its last step but is in no later event's past.
      if (e.type !== "crash") lastOnLane[lane] = pos;
    }
    if (e.type === "send" && msgId != null && !sendOf.has(msgId)) sendOf.set(msgId, pos);
    if ((e.type === "receive" || e.type === "drop") && msgId != null) {
      if (sendOf.has(msgId)) link(sendOf.get(msgId));
      if (!endOf.has(msgId)) endOf.set(msgId, pos);
    }
  });

  const annotations = trace.annotations;
  const annotation = new Map(annotations.map((a) => [a.name, a]));
  const vectorNames = annotations.filter((a) => a.kind === "vector").map((a) => a.name);
  const model = { source, trace, lanes, events, laneOf, preds, succs, sendOf, endOf, posOfIndex, maxT,
    annotations, annotation, vectorNames,
    hasVector: events.some((e) => e.values && vectorNames.some((n) => isVector(e.values[n]))),
    hasPast: events.some((e) => pastOf(e) != null),
    derivedVector: deriveVectors(events, lanes, laneOf, preds) };
  model.violations = violations(model);
  return model;
}

/** A partition, cut link or heal with no node of its own concerns the whole system. */
function isGlobal(e) {
  return (e.type === "partition" || e.type === "cut" || e.type === "heal") && (e.node == null || e.node === "");
}

function isVector(v) {
  return v != null && typeof v === "object" && !Array.isArray(v);
}

function pastOf(e) {
  return e && e.node != null && isVector(e.past) ? e.past : null;
}

/**
 * Vector clocks that follow from the structure alone: each lane event ticks its own entry and follows the one before
 * it on its line, a receive (or drop) merges its send's clock. Network events tick the entry NETWORK. Used for the
 * ShiViz log, which needs each host's entry to grow by one per event, whatever the clock under test does.
 */
function deriveVectors(events, lanes, laneOf, preds) {
  const out = [];
  const lastNet = { pos: -1 };
  const lastLane = new Array(lanes.length).fill(-1);
  const netName = networkName(lanes);
  events.forEach((e, pos) => {
    const vc = {};
    const merge = (p) => { if (p >= 0) for (const [k, v] of Object.entries(out[p])) vc[k] = Math.max(vc[k] || 0, v); };
    preds[pos].forEach(merge);
    let host;
    if (laneOf[pos] >= 0) {
      host = lanes[laneOf[pos]];
      merge(lastLane[laneOf[pos]]);
      lastLane[laneOf[pos]] = pos;
    } else {
      host = netName;
      merge(lastNet.pos);
      lastNet.pos = pos;
    }
    vc[host] = (vc[host] || 0) + 1;
    out.push(vc);
  });
  return out;
}

function networkName(lanes) {
  let name = NETWORK;
  while (lanes.includes(name)) name = "~" + name;
  return name;
}

/** The first violation of each failing check (and any event marked "violation"), by position: pos -> check names. */
function violations(model) {
  const out = new Map();
  for (const c of model.trace.checks) {
    if (c && c.ok === false && c.firstViolation != null && model.posOfIndex.has(c.firstViolation)) {
      const pos = model.posOfIndex.get(c.firstViolation);
      if (!out.has(pos)) out.set(pos, []);
      out.get(pos).push(String(c.name));
    }
  }
  model.events.forEach((e, pos) => {
    if (e.violation === true && !out.has(pos)) out.set(pos, ["a check"]);
  });
  return out;
}

// ---- causality -----------------------------------------------------------------------------------------------

/** All positions reachable backwards (causal past) or forwards (causal future) from pos, not including pos. */
export function reach(model, pos, forward) {
  const edges = forward ? model.succs : model.preds;
  const seen = new Set();
  const stack = [...edges[pos]];
  while (stack.length) {
    const p = stack.pop();
    if (seen.has(p)) continue;
    seen.add(p);
    for (const q of edges[p]) if (!seen.has(q)) stack.push(q);
  }
  return seen;
}

/** Whether a happens before b, from their causal pasts (docs/trace-format.md, `past`). Both must carry one. */
export function happensBefore(a, b) {
  const pa = pastOf(a);
  const pb = pastOf(b);
  if (!pa || !pb || a === b) return false;
  const own = Number(pa[a.node]);
  return Number.isFinite(own) && Number(pb[a.node] ?? 0) >= own;
}

/**
 * The causal neighbourhood of one event: past, future, and the events concurrent with it (neither before nor after),
 * from each event's `past` where both carry one, else from the structure (program order, send before receive).
 * Network events (drops, partitions) and crashes are never concurrent with anything. mismatches: for every `vector`
 * annotation, the events whose vectors order them otherwise than what happened (a bug the demo may be showing).
 */
export function causality(model, pos) {
  const events = model.events;
  const e = events[pos];
  const structPast = reach(model, pos, false);
  const structFuture = reach(model, pos, true);
  const past = new Set();
  const future = new Set();
  const concurrent = new Set();
  const mine = pastOf(e);
  const onLane = model.laneOf[pos] >= 0 && e.type !== "crash";
  events.forEach((o, q) => {
    if (q === pos) return;
    if (mine && pastOf(o)) {
      if (happensBefore(o, e)) past.add(q);
      else if (happensBefore(e, o)) future.add(q);
      else concurrent.add(q);
    } else if (structPast.has(q)) {
      past.add(q);
    } else if (structFuture.has(q)) {
      future.add(q);
    } else if (!model.hasPast && onLane && model.laneOf[q] >= 0 && o.type !== "crash") {
      concurrent.add(q); // a trace without `past`: what the structure leaves unordered
    }
  });
  const mismatches = new Set();
  if (onLane) {
    for (const name of model.vectorNames) {
      const vMine = vectorValue(e, name);
      if (!vMine) continue;
      events.forEach((o, q) => {
        const vTheirs = vectorValue(o, name);
        if (q === pos || !vTheirs || model.laneOf[q] < 0) return;
        if (!past.has(q) && !future.has(q) && !concurrent.has(q)) return;
        const said = compareVectors(vTheirs, vMine); // "before" means other -> selected
        const truth = past.has(q) ? "before" : future.has(q) ? "after" : "concurrent";
        if (said !== truth) mismatches.add(q); // "equal" for two distinct events is always wrong
      });
    }
  }
  return { past, future, concurrent, mismatches };
}

function vectorValue(e, name) {
  const v = e && e.values ? e.values[name] : null;
  return isVector(v) ? v : null;
}

/** "before" if a < b, "after" if a > b, "equal", or "concurrent". Missing entries count as 0. */
export function compareVectors(a, b) {
  let less = false;
  let greater = false;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = Number(a[k] || 0);
    const y = Number(b[k] || 0);
    if (x < y) less = true;
    if (x > y) greater = true;
  }
  if (less && greater) return "concurrent";
  if (less) return "before";
  if (greater) return "after";
  return "equal";
}

// ---- values --------------------------------------------------------------------------------------------------

/** A value as a reader sees it, by its annotation's kind: "5 ms", "[n1:2, n2:0]", "[95, 105]", "nil", "leader". */
export function formatValue(annotation, value, nodes = []) {
  if (value === undefined) return "";
  const unit = annotation && annotation.unit ? String(annotation.unit) : "";
  switch (annotation && annotation.kind) {
    case "scalar": return withUnit(plain(value), unit);
    case "vector": return isVector(value) ? vectorText(value, nodes) : plain(value);
    case "interval": return isVector(value) ? withUnit(`[${plain(value.lo)}, ${plain(value.hi)}]`, unit) : plain(value);
    case "log": return Array.isArray(value) ? "[" + value.map(plain).join(", ") + "]" : plain(value);
    default: return plain(value); // register, role, and kinds this viewer does not know
  }
}

/**
 * The short form drawn beside an event: a number without its unit (the details and the tooltip give it), a vector's
 * entries in node order, a log's length, a long string cut.
 */
export function compactValue(annotation, value, nodes = []) {
  if (value === undefined) return "";
  switch (annotation && annotation.kind) {
    case "scalar": return plain(value);
    case "vector":
      return isVector(value) ? "[" + orderedKeys(value, nodes).map((k) => plain(value[k])).join(",") + "]" : plain(value);
    case "interval": return isVector(value) ? `[${plain(value.lo)},${plain(value.hi)}]` : plain(value);
    case "log": return Array.isArray(value) ? `${value.length} entr${value.length === 1 ? "y" : "ies"}` : plain(value);
    default: {
      const text = formatValue(annotation, value, nodes);
      return text.length > 18 ? text.slice(0, 17) + "…" : text;
    }
  }
}

function withUnit(text, unit) {
  return unit ? `${text} ${unit}` : text;
}

function plain(v) {
  if (v === null) return "nil";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

function orderedKeys(vector, nodes) {
  return [...nodes.filter((n) => n in vector), ...Object.keys(vector).filter((k) => !nodes.includes(k)).sort()];
}

/** "[n1:2, n2:0, n3:1]": entries in node order, then any others by name. */
export function vectorText(vector, nodes = []) {
  return "[" + orderedKeys(vector, nodes).map((k) => `${k}:${plain(vector[k])}`).join(", ") + "]";
}

/** An event's values, in declaration order: [{annotation, value, text}]. */
export function eventValues(model, e) {
  if (!e || !e.values) return [];
  return model.annotations.filter((a) => e.values[a.name] !== undefined)
    .map((a) => ({ annotation: a, value: e.values[a.name], text: formatValue(a, e.values[a.name], model.lanes) }));
}

/** Every node's latest value of each annotation once the first `step` events have happened: node -> {name: value}. */
export function valuesAt(model, step) {
  const out = new Map(model.lanes.map((n) => [n, {}]));
  const end = Math.min(step, model.events.length);
  for (let pos = 0; pos < end; pos++) {
    const e = model.events[pos];
    if (e.node == null || !e.values) continue;
    if (!out.has(String(e.node))) out.set(String(e.node), {});
    Object.assign(out.get(String(e.node)), e.values);
  }
  return out;
}

/** One annotation over time, per node: node -> [{pos, t, value}], for the events that set it. */
export function series(model, name) {
  const out = new Map();
  model.events.forEach((e, pos) => {
    if (e.node == null || !e.values || e.values[name] === undefined) return;
    const node = String(e.node);
    if (!out.has(node)) out.set(node, []);
    out.get(node).push({ pos, t: Number(e.t) || 0, value: e.values[name] });
  });
  return out;
}

/**
 * Stretches of a node's line in one role: [{lane, node, from, to, value}], `from` the event that set it, `to` the
 * event that changed it (-1: until the end). A value of null ends a role.
 */
export function roleSpans(model, name) {
  const spans = [];
  const open = new Map();
  model.events.forEach((e, pos) => {
    const lane = model.laneOf[pos];
    if (lane < 0 || !e.values || e.values[name] === undefined) return;
    const value = e.values[name];
    const current = open.get(lane);
    if (current && current.value === value) return;
    if (current) { current.to = pos; open.delete(lane); }
    if (value != null && value !== "") {
      const span = { lane, node: model.lanes[lane], from: pos, to: -1, value: String(value) };
      spans.push(span);
      open.set(lane, span);
    }
  });
  return spans;
}

// ---- history -------------------------------------------------------------------------------------------------

/**
 * The client history as operations: [{process, f, value, outcome ("ok", "fail", "info", or null: no completion),
 * result, invokeT, completeT, invokePos, completePos}], in invocation order. Positions are the events that show
 * them (the history's `i`), so a viewer reveals an operation as playback reaches it.
 */
export function historyOps(model) {
  const ops = [];
  const open = new Map();
  const posFor = (h) => {
    if (h.i != null && model.posOfIndex.has(h.i)) return model.posOfIndex.get(h.i);
    let pos = 0; // no event of its own: the last event at or before its time
    model.events.forEach((e, q) => { if ((Number(e.t) || 0) <= Number(h.t)) pos = q; });
    return pos;
  };
  for (const h of model.trace.history) {
    if (!h || h.process == null) continue;
    const process = String(h.process);
    if (h.type === "invoke") {
      const op = { process, f: h.f != null ? String(h.f) : "op", value: h.value, outcome: null, result: undefined,
        invokeT: Number(h.t) || 0, completeT: null, invokePos: posFor(h), completePos: -1 };
      ops.push(op);
      open.set(process, op);
    } else if (open.has(process)) {
      const op = open.get(process);
      open.delete(process);
      op.outcome = ["ok", "fail", "info"].includes(h.type) ? h.type : "info";
      op.result = h.value;
      op.completeT = Number(h.t) || 0;
      op.completePos = posFor(h);
    }
  }
  return ops;
}

/** "write 3 → ok", "read → 3", "cas [1,2] → fail", "write 4 → ?" (outcome unknown). */
export function opLabel(op) {
  const value = op.value !== undefined && op.value !== null ? " " + plain(op.value) : "";
  let result;
  if (op.outcome === "ok") {
    // A write answers with what it wrote, which says nothing new; a read (sent no value) answers with what it read.
    const asked = op.value !== undefined && op.value !== null;
    const same = op.result === undefined || (asked && (op.result === null || plain(op.result) === plain(op.value)));
    result = same ? "ok" : plain(op.result);
  } else if (op.outcome === "fail") {
    result = "fail";
  } else {
    result = "?";
  }
  return `${op.f}${value} → ${result}`;
}

// ---- text ----------------------------------------------------------------------------------------------------

/** What happened at an event, in one line: the trace's own text, or the engine's plain one. */
export function eventText(e) {
  return e && typeof e.text === "string" && e.text ? e.text : describe(e || {});
}

/** The engine's plain description of an event (what a /1 trace, which has no text, is shown with). */
export function describe(e) {
  const m = e.msg || {};
  const what = m.type ? `${m.type} #${m.id}` : `#${m.id}`;
  const where = e.node != null ? String(e.node) : "network";
  const dup = e.duplicate ? " (duplicate)" : "";
  switch (e.type) {
    case "send": return `${where} sends ${what} to ${m.to}`;
    case "receive": return `${where} receives ${what} from ${m.from}${dup}`;
    case "drop": return `${what} from ${m.from} to ${m.to} is dropped${e.reason ? " (" + e.reason + ")" : ""}${dup}`;
    case "crash": return `${where} crashes`;
    case "recover": return `${where} recovers`;
    case "partition": return `partition${e.node != null ? " at " + where : ""}${groupsText(e)}`;
    case "cut": return `link ${Array.isArray(e.link) ? e.link.join("–") : ""} cut`;
    case "heal": return `partition heals${e.node != null ? " at " + where : ""}`;
    case "timer": {
      const name = (e.timer && e.timer.type) || e.name;
      return `${where} timer fires${name ? " (" + name + ")" : ""}`;
    }
    case "invoke": return `${where} invokes ${opText(e)}`;
    case "complete": return `${where} completes ${opText(e)}`;
    case "local": return `${where} ${e.label ? e.label : "local event"}`;
    default: return `${where} ${e.type}`;
  }
}

function opText(e) {
  const op = e.op && typeof e.op === "object" ? e.op : e;
  const f = op.f != null ? String(op.f) : "operation";
  const value = op.value !== undefined && op.value !== null ? ` ${JSON.stringify(op.value)}` : "";
  const outcome = e.type === "complete" && op.type && op.type !== "complete" ? ` → ${op.type}` : "";
  const who = op.process && String(op.process) !== String(e.node) ? ` for ${op.process}` : "";
  return f + value + outcome + who;
}

function groupsText(e) {
  const g = e.groups || e.sides || e.between;
  if (!Array.isArray(g)) return "";
  return " " + g.map((side) => (Array.isArray(side) ? "{" + side.join(", ") + "}" : String(side))).join(" | ");
}

// ---- faults --------------------------------------------------------------------------------------------------

/** Which of its sender's messages this is, from 1: how faults name a message (drop:n1/3 is n1's third). */
export function sendOrdinal(model, msg) {
  let n = 0;
  for (const ev of model.events) {
    if (ev.type === "send" && ev.msg && ev.msg.from === msg.from) {
      n++;
      if (ev.msg.id === msg.id) return n;
    }
  }
  return 0;
}

/** The faults one can add at an event: [{label, action, faults}], each a list of fault texts. */
export function faultChoices(model, pos) {
  const e = model.events[pos];
  const out = [];
  const nth = e.msg ? sendOrdinal(model, e.msg) : 0;
  if (nth > 0 && (e.type === "send" || e.type === "receive")) {
    const m = `${e.msg.from}/${nth}`;
    out.push({ label: "Drop this message", action: "drop", faults: [`drop:${m}`] });
    out.push({ label: "Duplicate it", action: "dup", faults: [`dup:${m}`] });
    out.push({ label: "Delay it 50 ms", action: "delay", faults: [`delay:${m}/50`] });
    out.push({ label: `Cut the link ${e.msg.from}–${e.msg.to} from here`, action: "cut",
      faults: [`cut:${e.msg.from}-${e.msg.to}@${e.t}`] });
  }
  if (e.node != null && e.type !== "crash" && model.laneOf[pos] >= 0) {
    out.push({ label: `Crash ${e.node} here, back 50 ms later`, action: "crash",
      faults: [`crash:${e.node}@${e.t}`, `recover:${e.node}@${Number(e.t) + 50}`] });
    out.push({ label: `Cut ${e.node} off for 50 ms from here`, action: "partition",
      faults: [`partition:${e.node}@${e.t}`, `heal@${Number(e.t) + 50}`] });
    out.push({ label: `Set ${e.node}'s clock 50 ms behind`, action: "skew", faults: [`skew:${e.node}/-50`] });
    out.push({ label: `Set ${e.node}'s clock 50 ms ahead`, action: "skew-ahead", faults: [`skew:${e.node}/50`] });
  }
  return out;
}

/** A run's faults with more added: one of each, and a clock error is per node, so a new skew replaces the old. */
export function mergeFaults(faults, extra) {
  const byKey = new Map();
  for (const f of [...faults, ...extra]) {
    byKey.set(f.startsWith("skew:") || f.startsWith("drift:") ? f.slice(0, f.lastIndexOf("/")) : f, f);
  }
  return [...byKey.values()];
}

/** "no faults", "1 fault (skew:n2/-50)", "3 faults (…)": what a shrunk counterexample still needs. */
export function faultCount(trace) {
  const faults = trace.faults || [];
  if (!faults.length) return "no faults";
  return `${faults.length} fault${faults.length === 1 ? "" : "s"} (${faults.join(", ")})`;
}

/** What makes two traces the same run: demo, variant, seed, parameters and faults. */
export function runKey(trace) {
  const t = trace || {};
  return JSON.stringify([t.demo, t.variant, t.seed, t.params || {}, t.schedule || "", t.faults || []]);
}

// ---- downloads -----------------------------------------------------------------------------------------------

/**
 * ShiViz log. Format chosen: ShiViz's file upload layout.
 *   line 1: the parsing regex            (?<event>.*)\n(?<host>\S*) (?<clock>{.*})
 *   line 2: the multiple-executions delimiter, left empty (one execution)
 *   then, for every event, two lines:     <description>
 *                                         <host> {"n1":2,"n2":1}
 * The clocks are the ones derived from the structure (buildModel.derivedVector): ShiViz requires each host's own entry
 * to start at 1 and grow by one per event, which the trace's own clocks need not do (Lamport-only traces, or a buggy
 * variant). The trace's own values stay in the description. Drops and global partitions are events of a pseudo-host
 * "network", so a drop shows as an edge from its sender that goes nowhere else.
 */
export function shivizLog(model) {
  const lines = ["(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})", ""];
  const net = networkName(model.lanes);
  model.events.forEach((e, pos) => {
    const host = model.laneOf[pos] >= 0 ? model.lanes[model.laneOf[pos]] : net;
    let text = `[${e.i ?? pos}] t=${e.t} ${e.type}: ${eventText(e)}`;
    if (e.values && Object.keys(e.values).length) text += ` values=${JSON.stringify(e.values)}`;
    lines.push(text.replace(/[\r\n]+/g, " "));
    lines.push(`${host} ${JSON.stringify(model.derivedVector[pos])}`);
  });
  return lines.join("\n") + "\n";
}

/** File name stem for downloads: <demo>-<variant>-seed<seed>. */
export function fileStem(trace) {
  const safe = (s) => String(s ?? "").replace(/[^A-Za-z0-9._-]+/g, "_") || "x";
  return `${safe(trace.demo)}-${safe(trace.variant)}-seed${safe(trace.seed)}`;
}
