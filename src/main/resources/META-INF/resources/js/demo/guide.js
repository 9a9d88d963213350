// Quorum demos: a guided scenario, told alongside its run. The server renders the narration so that it reads without
// any script (block.html):
//   <section class="demo-guide" data-guide-for="{domId}">  picker, title, intro, what to look for,
//     <ol class="guide-steps"><li data-at="3">…</li><li data-at="9" data-predict>…</li></ol>
//     <div class="guide-predict" data-answer="1"> question, <ul class="guide-choices"><li>…</li></ul>,
//       <details class="guide-reveal">explanation</details></div>
//   </section>
// `data-at` is an event index: a step is reached once that event is revealed (step > at). Here the narration follows
// playback: a "Play the scenario" control, each step shown (and announced, and its event selected) as it is reached,
// a pause before the event the question is about until the reader answers, and a "scenario complete" state
// (data-guide-done="true"). A run other than the scenario's (the reader changed the form) hides the narration and
// offers the way back.

import { html } from "./dom.js";
import { runKey } from "./model.js";

export class Guide {
  /**
   * @param section the .demo-guide element
   * @param host the viewer: {step, total(), go(n), playback, select(pos, {toggle}), flash(pos), jumpTo(pos), indexToPos(i)}
   */
  constructor(section, host) {
    this.section = section;
    this.host = host;
    this.key = null;
    this.left = false;
    this.answered = null;
    this.reachedCount = 0;
    this.done = false;
    // The scenario's own address: its picker entry, else the link in its title, else this page.
    const current = section.querySelector('.guide-picker a[aria-current="page"]') || section.querySelector("h3 a[href]");
    this.home = current ? current.href : location.href;
    this.steps = [...section.querySelectorAll(".guide-steps > li[data-at]")]
      .map((li) => ({ li, at: Number(li.dataset.at), predict: li.hasAttribute("data-predict") }))
      .filter((st) => Number.isInteger(st.at) && st.at >= 0);
    const predicted = this.steps.find((st) => st.predict);
    this.predictAt = predicted ? predicted.at : -1;
    this.enhance();
  }

  enhance() {
    const sec = this.section;
    sec.classList.add("is-enhanced");
    this.btnPlay = html("button", { type: "button", "data-guide-action": "play", "aria-pressed": "false" }, "▶ Play the scenario");
    this.btnPlay.addEventListener("click", () => this.togglePlay());
    this.controls = html("p", { class: "guide-controls" }, this.btnPlay);
    this.live = html("p", { class: "guide-live visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
    this.doneNote = html("p", { class: "guide-done", role: "status", hidden: "" }, "Scenario complete. ");
    const again = html("button", { type: "button", "data-guide-action": "again" }, "Play it again");
    again.addEventListener("click", () => { this.host.go(0); this.host.playback.play(); });
    this.doneNote.append(again);
    const back = html("a", { href: this.home, class: "guide-back" }, "back to it");
    this.leftNote = html("p", { class: "guide-left", hidden: "" }, "You left the scenario — ", back);
    const steps = sec.querySelector(".guide-steps");
    const anchor = steps || sec.lastChild;
    sec.insertBefore(this.controls, anchor);
    sec.append(this.doneNote, this.leftNote, this.live);
    for (const st of this.steps) st.li.hidden = true;
    // "Event #3" in a step points at the table's row; with the diagram here, it shows the event in the diagram.
    sec.querySelectorAll(".guide-steps a.guide-event").forEach((a) => {
      const li = a.closest("li[data-at]");
      a.addEventListener("click", (ev) => {
        const pos = this.host.indexToPos(Number(li.dataset.at));
        if (pos < 0 || this.left) return;
        ev.preventDefault();
        this.host.jumpTo(pos);
      });
    });

    this.predict = sec.querySelector(".guide-predict");
    if (this.predict) {
      this.answer = Number(this.predict.dataset.answer);
      this.choices = [...this.predict.querySelectorAll(".guide-choices > li")].map((li, k) => {
        const b = html("button", { type: "button", class: "guide-choice", "data-choice": k, "aria-pressed": "false" },
          li.textContent.trim());
        b.addEventListener("click", () => this.choose(k));
        li.replaceChildren(b);
        return b;
      });
      this.reveal = this.predict.querySelector(".guide-reveal");
      if (this.reveal) this.reveal.hidden = true;
      this.verdict = html("p", { class: "guide-verdict", role: "status", hidden: "" });
      this.btnContinue = html("button", { type: "button", "data-guide-action": "continue", hidden: "" }, "Continue the scenario ▶");
      this.btnContinue.addEventListener("click", () => this.host.playback.play());
      this.predict.insertBefore(this.verdict, this.reveal || null);
      this.predict.append(html("p", { class: "guide-continue" }, this.btnContinue));
      this.predict.hidden = true;
    }
  }

  /** A run is shown: whether it is the scenario's (the first one shown is). Returns true when it is. */
  onShow(trace) {
    const key = runKey(trace);
    if (this.key == null) this.key = key;
    this.left = key !== this.key;
    this.section.dataset.guideLeft = String(this.left);
    this.leftNote.hidden = !this.left;
    const steps = this.section.querySelector(".guide-steps");
    for (const el of [this.controls, steps]) if (el) el.hidden = this.left;
    if (this.predict) this.predict.hidden = true;
    this.doneNote.hidden = true;
    this.reachedCount = 0;
    this.done = false;
    delete this.section.dataset.guideDone;
    return !this.left;
  }

  /** Playback moved to step n: show the steps reached, the question once it is due, and the end. */
  onStep(n) {
    if (this.left) return;
    const reached = this.steps.filter((st) => n > st.at);
    this.steps.forEach((st) => {
      const on = n > st.at;
      st.li.hidden = !on;
      const current = on && st === reached[reached.length - 1];
      st.li.classList.toggle("is-current", current);
      if (current) st.li.setAttribute("aria-current", "step"); else st.li.removeAttribute("aria-current");
    });
    if (reached.length > this.reachedCount) {
      const st = reached[reached.length - 1];
      this.live.textContent = st.li.textContent.trim();
      const pos = this.host.indexToPos(st.at);
      if (pos >= 0) { this.host.select(pos, { toggle: false }); this.host.flash(pos); }
    }
    this.reachedCount = reached.length;
    if (this.predict) this.predict.hidden = !(this.predictAt >= 0 && n >= this.predictAt);
    const done = n >= this.host.total() && this.host.total() > 0;
    if (done && !this.done) this.live.textContent = "Scenario complete.";
    this.done = done;
    this.doneNote.hidden = !done;
    if (this.btnContinue && this.answered != null) this.btnContinue.hidden = done || this.host.playback.playing;
    if (done) this.section.dataset.guideDone = "true"; else delete this.section.dataset.guideDone;
  }

  /** Playback asks before revealing event `step`: the question comes first, until it is answered. */
  beforeAdvance(step) {
    if (this.left || !this.predict || this.answered != null || step !== this.predictAt) return true;
    this.ask();
    return false;
  }

  ask() {
    this.predict.hidden = false;
    const q = this.predict.querySelector(".guide-question");
    this.live.textContent = "Before the next event: " + (q ? q.textContent.trim() : "a question.");
    if (this.choices.length) {
      this.choices[0].focus();
      this.predict.scrollIntoView({ block: "nearest" });
    }
  }

  choose(k) {
    if (this.answered != null) return;
    this.answered = k;
    const right = k === this.answer;
    this.choices.forEach((b, j) => {
      b.setAttribute("aria-pressed", j === k ? "true" : "false");
      b.classList.toggle("is-answer", j === this.answer);
      b.classList.toggle("is-chosen", j === k);
      b.setAttribute("aria-disabled", "true");
    });
    this.predict.dataset.answered = right ? "right" : "wrong";
    this.verdict.textContent = right ? "Right." : `Not quite: the answer is “${this.choices[this.answer] ? this.choices[this.answer].textContent : "another"}”.`;
    this.verdict.hidden = false;
    if (this.reveal) { this.reveal.hidden = false; this.reveal.open = true; }
    this.btnContinue.hidden = false;
    this.btnContinue.focus();
  }

  togglePlay() {
    const pb = this.host.playback;
    if (pb.playing) pb.pause();
    else pb.play();
  }

  /** Keeps the control's words in step with playback, however it was started. */
  onPlaying(on) {
    this.btnPlay.textContent = on ? "❚❚ Pause the scenario" : "▶ Play the scenario";
    this.btnPlay.setAttribute("aria-pressed", String(on));
    // Continuing is for a paused scenario; while it plays, or once it is over, the control above says it all.
    if (this.btnContinue && this.answered != null) this.btnContinue.hidden = on || this.done;
  }
}
