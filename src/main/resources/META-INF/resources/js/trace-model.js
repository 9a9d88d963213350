// Quorum: the pure part of the space-time viewer. No DOM here, so it can be reasoned about (and tested) alone.
//
// A trace is "quorum-trace/1": {format, demo, variant, seed, params, nodes[], events[], history[], checks[], stats}.
// Each event: {i, t, node, type, msg?, clock?: {lamport?, vector?}, ...any other fields (state, groups, ...)}.
// type is one of local send receive drop timer crash recover partition heal invoke complete.
// A receive or a drop names the message of its send by msg.id.

export const NETWORK = "network";

/** Event types that happen on a node's line (program order). Drops happen in the network; partition/heal without a node are global. */
const ON_LANE = new Set(["local", "send", "receive", "timer", "crash", "recover", "invoke", "complete"]);

/**
 * Builds the happens-before structure of a trace.
 * Returns {trace, lanes, events, laneOf[], preds[][], succs[][], sendOf (msg id -> pos), endOf (msg id -> pos),
 *          posOfIndex (event i -> pos), derivedVector[], hasVector, hasLamport}.
 * "pos" is the position in trace.events; the array order is the simulation order.
 */
export function buildModel(trace) {
  const events = Array.isArray(trace.events) ? trace.events : [];
  const lanes = Array.isArray(trace.nodes) ? trace.nodes.map(String) : [];
  const laneIndex = new Map(lanes.map((n, k) => [n, k]));
  // Nodes that appear only in events (clients, say) get a line of their own, in order of appearance.
  for (const e of events) {
    if (e && e.node != null && !laneIndex.has(String(e.node)) && (ON_LANE.has(e.type) || !isGlobal(e))) {
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
  let hasVector = false;
  let hasLamport = false;

  events.forEach((e, pos) => {
    posOfIndex.set(e.i ?? pos, pos);
    if (e.clock && e.clock.vector) hasVector = true;
    if (e.clock && e.clock.lamport != null) hasLamport = true;
    const msgId = e.msg && e.msg.id != null ? String(e.msg.id) : null;
    let lane = -1;
    if (e.type === "drop" || isGlobal(e)) {
      lane = -1;
    } else if (e.node != null && laneIndex.has(String(e.node))) {
      lane = laneIndex.get(String(e.node));
    }
    laneOf.push(lane);
    const link = (p) => { if (p >= 0 && p !== pos && !preds[pos].includes(p)) { preds[pos].push(p); succs[p].push(pos); } };
    if (lane >= 0) {
      link(lastOnLane[lane]);
      lastOnLane[lane] = pos;
    }
    if (e.type === "send" && msgId != null && !sendOf.has(msgId)) sendOf.set(msgId, pos);
    if ((e.type === "receive" || e.type === "drop") && msgId != null) {
      if (sendOf.has(msgId)) link(sendOf.get(msgId));
      if (!endOf.has(msgId)) endOf.set(msgId, pos);
    }
  });

  return { trace, lanes, events, laneOf, preds, succs, sendOf, endOf, posOfIndex,
    derivedVector: deriveVectors(events, lanes, laneOf, preds), hasVector, hasLamport };
}

/** A partition or heal with no node of its own concerns the whole system. */
function isGlobal(e) {
  return (e.type === "partition" || e.type === "heal") && (e.node == null || e.node === "");
}

/**
 * Vector clocks that follow from the happens-before structure alone: each lane event ticks its own entry,
 * a receive (or drop) merges its send's clock. Network events (drops, global partitions) tick the entry NETWORK.
 * Used for the ShiViz log, so a Lamport-only trace, or one whose algorithm under test is wrong, still loads there.
 */
function deriveVectors(events, lanes, laneOf, preds) {
  const out = [];
  const lastNet = { pos: -1 };
  const netName = networkName(lanes);
  events.forEach((e, pos) => {
    const vc = {};
    const merge = (p) => { for (const [k, v] of Object.entries(out[p])) vc[k] = Math.max(vc[k] || 0, v); };
    preds[pos].forEach(merge);
    let host;
    if (laneOf[pos] >= 0) {
      host = lanes[laneOf[pos]];
    } else {
      host = netName;
      if (lastNet.pos >= 0) merge(lastNet.pos);
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

/**
 * The causal neighbourhood of one event: past, future, and the lane events concurrent with it
 * (neither before nor after; network events are left out). If the trace carries vector clocks, mismatches lists
 * the events whose clocks order them differently from what really happened (a bug the demo may be showing).
 */
export function causality(model, pos) {
  const past = reach(model, pos, false);
  const future = reach(model, pos, true);
  const concurrent = new Set();
  const onLane = model.laneOf[pos] >= 0;
  if (onLane) {
    model.events.forEach((_, q) => {
      if (q !== pos && model.laneOf[q] >= 0 && !past.has(q) && !future.has(q)) concurrent.add(q);
    });
  }
  const mismatches = new Set();
  const mine = vectorOf(model.events[pos]);
  if (mine && onLane) {
    model.events.forEach((other, q) => {
      const theirs = vectorOf(other);
      if (q === pos || !theirs || model.laneOf[q] < 0) return;
      const said = compareVectors(theirs, mine); // "before" means other -> selected
      const truth = past.has(q) ? "before" : future.has(q) ? "after" : "concurrent";
      if (said !== truth) mismatches.add(q); // "equal" for two distinct events is always wrong
    });
  }
  return { past, future, concurrent, mismatches };
}

function vectorOf(e) {
  return e && e.clock && e.clock.vector && typeof e.clock.vector === "object" ? e.clock.vector : null;
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

/** A short, plain-language description of an event, for labels, the live region and the ShiViz log. */
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

/**
 * ShiViz log. Format chosen: ShiViz's file upload layout.
 *   line 1: the parsing regex            (?<event>.*)\n(?<host>\S*) (?<clock>{.*})
 *   line 2: the multiple-executions delimiter, left empty (one execution)
 *   then, for every event, two lines:     <description>
 *                                         <host> {"n1":2,"n2":1}
 * The clocks are the ones derived from the happens-before structure (buildModel.derivedVector): ShiViz requires each
 * host's own entry to start at 1 and grow by one per event, which the trace's own clocks need not do (Lamport-only
 * traces, or a buggy variant). The trace's own clock stays in the description. Drops and global partitions are
 * events of a pseudo-host "network", so a drop shows as an edge from its sender that goes nowhere else.
 */
export function shivizLog(model) {
  const lines = ["(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})", ""];
  const net = networkName(model.lanes);
  model.events.forEach((e, pos) => {
    const host = model.laneOf[pos] >= 0 ? model.lanes[model.laneOf[pos]] : net;
    let text = `[${e.i ?? pos}] t=${e.t} ${e.type}: ${describe(e)}`;
    if (e.clock) text += ` clock=${JSON.stringify(e.clock)}`;
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
