// Quorum demos: playback of a run. Start, back, play/pause, forward, end, a scrubber and a speed, and the keys of the
// diagram (arrows step, space plays, Home/End jump; Down enters the events, where arrows move between them).
//
// The host (the viewer) owns the step: playback asks it to go(n) and it calls update() back. A host may hold
// playback before a step (a guided scenario's question): beforeAdvance(step) returning false pauses there.

import { html } from "./dom.js";

const BASE_DELAY = 700;  // ms per step at 1x
const SPEEDS = [["0.5", "0.5×"], ["1", "1×"], ["2", "2×"], ["4", "4×"], ["8", "8×"]];

export class Playback {
  /** @param host {go(n), step, total(), beforeAdvance?(step), onPlaying?(on)} */
  constructor(host) {
    this.host = host;
    this.timer = null;
    this.isPlaying = false;
    this.speed = 1;
    const b = (action, text, label) => html("button", { type: "button", "data-action": action, "aria-label": label }, text);
    this.btnStart = b("start", "« Start", "Go to start");
    this.btnBack = b("back", "◀ Back");
    this.btnPlay = b("play", "▶ Play");
    this.btnFwd = b("forward", "Forward ▶");
    this.btnEnd = b("end", "End »", "Go to end");
    this.scrub = html("input", { type: "range", min: "0", max: "0", value: "0", step: "1", "data-action": "scrub",
      "aria-label": "Step" });
    this.stepOut = html("output", { class: "st-stepcount", "aria-hidden": "true" }, "0 / 0");
    this.speedSel = html("select", { "data-action": "speed" }, ...SPEEDS.map(([v, t]) => html("option", { value: v }, t)));
    this.speedSel.value = "1";
    this.element = html("div", { class: "st-controls", role: "group", "aria-label": "Playback" },
      this.btnStart, this.btnBack, this.btnPlay, this.btnFwd, this.btnEnd,
      html("label", { class: "st-scrub" }, html("span", { class: "st-label" }, "Step "), this.scrub), this.stepOut,
      html("label", { class: "st-speed" }, html("span", { class: "st-label" }, "Speed "), this.speedSel));

    this.btnStart.addEventListener("click", () => { this.pause(); host.go(0); });
    this.btnBack.addEventListener("click", () => { this.pause(); host.go(host.step - 1); });
    this.btnPlay.addEventListener("click", () => this.toggle());
    this.btnFwd.addEventListener("click", () => { this.pause(); host.go(host.step + 1); });
    this.btnEnd.addEventListener("click", () => { this.pause(); host.go(host.total()); });
    this.scrub.addEventListener("input", () => { this.pause(); host.go(Number(this.scrub.value)); });
    this.speedSel.addEventListener("change", () => { this.speed = Number(this.speedSel.value) || 1; });
    this.setEnabled(false);
  }

  get playing() {
    return this.isPlaying;
  }

  setEnabled(on) {
    for (const c of [this.btnStart, this.btnBack, this.btnPlay, this.btnFwd, this.btnEnd, this.scrub]) c.disabled = !on;
  }

  /** Shows step n of total on the controls. */
  update(n, total) {
    this.scrub.max = String(total);
    this.scrub.value = String(n);
    this.scrub.setAttribute("aria-valuetext", `step ${n} of ${total}`);
    this.stepOut.textContent = `${n} / ${total}`;
    // aria-disabled rather than disabled: a focused button that runs out of steps keeps the focus (a disabled one
    // would drop it to the page), and a press on it does nothing since go() clamps.
    for (const [b, off] of [[this.btnBack, n === 0], [this.btnStart, n === 0], [this.btnFwd, n === total], [this.btnEnd, n === total]]) {
      b.disabled = false;
      b.setAttribute("aria-disabled", off ? "true" : "false");
    }
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Plays from the step shown (from the start when at the end), one step per tick. */
  play() {
    const host = this.host;
    if (this.playing) return;
    if (host.step >= host.total()) host.go(0);
    this.isPlaying = true;
    this.btnPlay.textContent = "❚❚ Pause";
    this.btnPlay.setAttribute("aria-pressed", "true");
    const tick = () => {
      this.timer = null;
      if (host.step >= host.total()) { this.pause(); return; }
      if (host.beforeAdvance && !host.beforeAdvance(host.step)) { this.pause(); return; }
      host.go(host.step + 1);
      if (host.step >= host.total()) { this.pause(); return; }
      this.timer = setTimeout(tick, BASE_DELAY / this.speed);
    };
    this.timer = setTimeout(tick, BASE_DELAY / this.speed);
    if (host.onPlaying) host.onPlaying(true);
  }

  pause() {
    const was = this.isPlaying;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.isPlaying = false;
    this.btnPlay.textContent = "▶ Play";
    this.btnPlay.setAttribute("aria-pressed", "false");
    if (was && this.host.onPlaying) this.host.onPlaying(false);
  }
}

/**
 * The diagram's keys. On the canvas: arrows step, space plays or pauses, Home and End jump, Down enters the events.
 * On an event: arrows move between revealed events, Enter or space selects, Escape leaves.
 * @param host {playback, step, total(), go(n), select(pos), selected, focusEvent(pos), focusCanvas()}
 */
export function onDiagramKey(ev, host) {
  if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const onEvent = ev.target.closest && ev.target.closest(".ev");
  const pb = host.playback;
  if (onEvent) {
    const pos = Number(onEvent.dataset.pos);
    switch (ev.key) {
      case "ArrowLeft": case "ArrowUp": host.focusEvent(pos - 1); break;
      case "ArrowRight": case "ArrowDown": host.focusEvent(pos + 1); break;
      case "Home": host.focusEvent(0); break;
      case "End": host.focusEvent(host.step - 1); break;
      case "Escape": host.select(-1); host.focusCanvas(); break;
      case "Enter": case " ": host.select(pos); break;
      default: return;
    }
    ev.preventDefault();
    return;
  }
  switch (ev.key) {
    case "ArrowDown": host.focusEvent(host.selected >= 0 && host.selected < host.step ? host.selected : host.step - 1); break;
    case "ArrowLeft": pb.pause(); host.go(host.step - 1); break;
    case "ArrowRight": pb.pause(); host.go(host.step + 1); break;
    case "Home": pb.pause(); host.go(0); break;
    case "End": pb.pause(); host.go(host.total()); break;
    case "Escape": host.select(-1); break;
    case " ": pb.toggle(); break;
    default: return;
  }
  ev.preventDefault();
}
