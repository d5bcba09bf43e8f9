// peksos vignette player: a branching client simulation with state, back, restart, saved progress
// and a debrief. Plain ES module on the engine; mounts every .peksos-vignette on the static page and
// runs live in Jupyter through anywidget (export default { render }).
import { T, h, md, announcer, download, readPayload } from "../widgets/engine.js";
import { openStore, putPlay } from "../widgets/record.js";

const RATING_CLASS = { "tepat": "pk-r-ok", "dapat-diterima": "pk-r-fair", "berisiko": "pk-r-risk", "merugikan": "pk-r-harm" };
const OUTCOME = { baik: () => T.vOutGood, sebagian: () => T.vOutPart, buruk: () => T.vOutBad };

function holds(ast, state) {
  if (!ast) return true;
  const ops = { ">=": (a, b) => a >= b, "<=": (a, b) => a <= b, ">": (a, b) => a > b, "<": (a, b) => a < b,
    "==": (a, b) => a === b, "!=": (a, b) => a !== b };
  return ast.any.some((alt) => alt.all.every(([name, op, n]) => ops[op](state[name], n)));
}

function ratingLabel(r) {
  return { "tepat": T.vTepat, "dapat-diterima": T.vDiterima, "berisiko": T.vBerisiko, "merugikan": T.vMerugikan }[r] || r;
}

// `host.changed(result)` hears every decision; `host.store` replaces the browser's storage (SCORM).
export function mountVignette(root, data, host = {}) {
  const vars = Object.fromEntries(data.variables.map((v) => [v.name, v]));
  const initial = () => Object.fromEntries(data.variables.map((v) => [v.name, v.initial]));
  const store = host.store || openStore("vignette:" + data.id, (d) => Array.isArray(d.path) && typeof d.node === "string"
    && (d.node in data.nodes || d.node in data.endings) && d.state && typeof d.state === "object");
  let s = store.data
    ? { node: store.data.node, state: store.data.state, path: store.data.path, noteOk: !!store.data.noteOk, pending: null,
      play: typeof store.data.play === "string" ? store.data.play : null }
    : { node: data.start, state: initial(), path: [], noteOk: false, pending: null, play: null };

  root.replaceChildren();
  root.classList.add("pk-engine", "pk-vignette");
  const say = announcer(root);
  const head = h("div", { class: "pk-v-head" },
    h("p", { class: "pk-v-kicker", text: T.vCase }), h("p", { class: "pk-v-title" }, md(data.title)),
    h("p", { class: "pk-v-setting" }, h("strong", { text: T.vSetting + ": " }), md(data.setting)),
    h("p", { class: "pk-v-summary" }, md(data.summary)));
  const notice = h("p", { class: "pk-notice", role: "note", hidden: !store.notice, text: store.notice });
  const status = h("dl", { class: "pk-v-state", "aria-label": T.vState });
  const stage = h("div", { class: "pk-v-stage" });
  const tools = h("div", { class: "pk-v-tools" });
  root.append(head, notice, status, stage, tools);

  // every play goes into the learning record too, from its first decision (a restart begins a new one)
  function save() {
    if (s.path.length && !s.play) s.play = new Date().toISOString();
    store.save({ node: s.node, state: s.state, path: s.path, noteOk: s.noteOk, play: s.play });
    if (s.play) {
      const { expert, ...play } = result();
      putPlay({ at: s.play, ...play });
      if (!s.path.length) s.play = null;
    }
    notice.hidden = !store.notice;
    notice.textContent = store.notice;
    if (host.changed) host.changed(result());
  }

  function choiceOf(step) {
    return data.nodes[step.node].choices.find((c) => c.id === step.choice);
  }

  function result() {
    const steps = s.path.map((st) => {
      const c = choiceOf(st);
      return { node: st.node, choice: st.choice, rating: c.rating, points: c.points, state_after: st.after };
    });
    const points = steps.reduce((a, st) => a + st.points, 0);
    return { vignette: data.id, ended: s.node in data.endings, ending: s.node in data.endings ? s.node : null,
      outcome: s.node in data.endings ? data.endings[s.node].outcome : null, path: steps, state: s.state,
      score: points, max_score: 3 * steps.length, expert: data.expert };
  }

  function renderState() {
    status.replaceChildren(...data.variables.flatMap((v) => [h("dt", { text: v.label }),
      h("dd", { text: `${s.state[v.name]}`, "data-var": v.name })]));
    status.hidden = data.variables.length === 0;
  }

  function focusHeading(el) {
    el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: false });
  }

  function principles(list, kind) {
    if (!list.length) return null;
    return h("div", { class: "pk-v-principles" }, h("p", { text: kind === "applies" ? T.vApplies : T.vViolates }),
      h("ul", {}, ...list.map((p) => h("li", {}, p.url ? h("a", { href: p.url, text: p.label }) : p.label))));
  }

  function effectsText(effects) {
    return Object.entries(effects || {}).map(([k, d]) => `${vars[k].label} ${d > 0 ? "+" : ""}${d}`).join(", ");
  }

  function go(choice) {
    const before = { ...s.state };
    const after = { ...before };
    for (const [k, d] of Object.entries(choice.effects || {})) {
      after[k] = Math.max(vars[k].min, Math.min(vars[k].max, after[k] + d));
    }
    let to = choice.next;
    if (!to) to = choice.branches.find((b) => holds(b.if, after)).to;
    s.path.push({ node: s.node, choice: choice.id, before, after });
    s.pending = { from: s.node, choice, to };
    s.state = after;
    s.node = to;
    save();
    draw();
  }

  function back() {
    const last = s.path.pop();
    if (!last) return;
    s.node = last.node;
    s.state = last.before;
    s.pending = null;
    save();
    draw();
    say(T.vBackDone);
  }

  function restart() {
    s = { node: data.start, state: initial(), path: [], noteOk: s.noteOk, pending: null, play: null };
    store.clear();
    save();
    draw();
    say(T.vRestarted);
  }

  function drawTools() {
    const btns = [];
    if (s.path.length) btns.push(h("button", { type: "button", class: "pk-btn", onclick: back, text: T.vBack }));
    if (s.path.length) btns.push(h("button", { type: "button", class: "pk-btn", onclick: restart, text: T.vRestart }));
    tools.replaceChildren(...btns);
  }

  function drawNote() {
    const title = h("p", { class: "pk-v-note-title", text: T.vNote });
    stage.replaceChildren(h("div", { class: "pk-v-note", role: "note" }, title, h("p", {}, md(data.content_note)),
      h("button", { type: "button", class: "pk-btn pk-primary", text: T.vNoteOk,
        onclick: () => { s.noteOk = true; save(); draw(); } })));
    focusHeading(title);
  }

  function drawFeedback() {
    const { choice, to } = s.pending;
    const title = h("p", { class: "pk-v-step-title", text: T.vFeedback });
    const eff = effectsText(choice.effects);
    const box = h("div", { class: "pk-v-feedback" }, title,
      h("p", {}, h("span", { class: "pk-v-rating " + RATING_CLASS[choice.rating], text: ratingLabel(choice.rating) }),
        " ", md(choice.text)),
      h("p", {}, md(choice.feedback)),
      eff ? h("p", { class: "pk-v-effects", text: T.vEffects + ": " + eff }) : null,
      principles(choice.applies, "applies"), principles(choice.violates, "violates"),
      h("button", { type: "button", class: "pk-btn pk-primary", text: to in data.endings ? T.vSeeEnd : T.vContinue,
        onclick: () => { s.pending = null; draw(); } }));
    stage.replaceChildren(box);
    focusHeading(title);
    say(`${ratingLabel(choice.rating)}. ${eff ? T.vEffects + ": " + eff : ""}`);
  }

  function drawNode() {
    const node = data.nodes[s.node];
    const n = s.path.length + 1;
    const title = h("p", { class: "pk-v-step-title" }, `${T.vStep} ${n}: `, md(node.title));
    const offered = node.choices.filter((c) => holds(c.condition, s.state));
    const list = h("ul", { class: "pk-v-choices", "aria-label": T.vChoices },
      ...offered.map((c) => h("li", {}, h("button", { type: "button", class: "pk-btn pk-v-choice", "data-choice": c.id,
        onclick: () => go(c) }, md(c.text)))));
    stage.replaceChildren(h("div", { class: "pk-v-node" }, title, h("div", { class: "pk-v-narrative" }, md(node.narrative)),
      node.record ? h("blockquote", { class: "pk-v-record" }, h("p", { class: "pk-v-record-title", text: T.vRecord }),
        h("p", {}, md(node.record))) : null,
      h("p", { class: "pk-v-ask", text: T.vAsk }), list));
    focusHeading(title);
  }

  function pathList(steps) {
    return h("ol", { class: "pk-v-path" }, ...steps.map(([nodeId, choiceId]) => {
      const c = data.nodes[nodeId].choices.find((x) => x.id === choiceId);
      return h("li", {}, md(data.nodes[nodeId].title), ": ", md(c.text), " ",
        h("span", { class: "pk-v-rating " + RATING_CLASS[c.rating], text: ratingLabel(c.rating) }));
    }));
  }

  function drawEnd() {
    const end = data.endings[s.node];
    const r = result();
    const title = h("p", { class: "pk-v-step-title" }, `${T.vEnd}: `, md(end.title));
    const applied = new Map(), violated = new Map();
    for (const st of s.path) {
      const c = choiceOf(st);
      for (const p of c.applies) applied.set(p.ref, p);
      for (const p of c.violates) violated.set(p.ref, p);
    }
    const plist = (m) => m.size ? h("ul", {}, ...[...m.values()].map((p) =>
      h("li", {}, p.url ? h("a", { href: p.url, text: p.label }) : p.label))) : h("p", { text: T.vNone });
    const pct = r.max_score ? Math.round((100 * r.score) / r.max_score) : 0;
    stage.replaceChildren(h("div", { class: "pk-v-end" }, title,
      h("p", { class: "pk-v-outcome pk-o-" + end.outcome, text: OUTCOME[end.outcome]() }),
      h("div", {}, md(end.narrative)),
      h("p", { class: "pk-v-score", text: `${T.vScore}: ${r.score} ${T.of} ${r.max_score} (${pct}%)` }),
      h("div", { class: "pk-v-compare" },
        h("div", {}, h("p", { class: "pk-v-sub", text: T.vYourPath }), pathList(s.path.map((st) => [st.node, st.choice]))),
        h("div", {}, h("p", { class: "pk-v-sub", text: T.vExpertPath }), pathList(data.expert))),
      h("div", { class: "pk-v-compare" },
        h("div", {}, h("p", { class: "pk-v-sub", text: T.vApplied }), plist(applied)),
        h("div", {}, h("p", { class: "pk-v-sub", text: T.vViolated }), plist(violated))),
      h("div", { class: "pk-v-debrief" }, h("p", { class: "pk-v-sub", text: T.vDebrief }), md(data.debrief)),
      h("button", { type: "button", class: "pk-btn", text: T.vDownload,
        onclick: () => download(`kasus-${data.id}.json`, JSON.stringify(result(), null, 2), "application/json") })));
    focusHeading(title);
    say(`${T.vEnd}: ${end.title}. ${OUTCOME[end.outcome]()}. ${T.vScore} ${r.score} ${T.of} ${r.max_score}.`);
  }

  function draw() {
    renderState();
    drawTools();
    if (data.content_note && !s.noteOk) return drawNote();
    if (s.pending) return drawFeedback();
    if (s.node in data.endings) return drawEnd();
    return drawNode();
  }

  if (s.path.length && !s.play) save(); // a case begun before the learning record existed
  draw();
  return { result, back, restart };
}

function mountAll() {
  for (const el of document.querySelectorAll('.peksos-vignette[data-peksos-engine="vignette"]')) {
    if (el.dataset.mounted) continue;
    el.dataset.mounted = "1";
    try {
      mountVignette(el, readPayload(el, "peksos-vignette-data"));
    } catch (e) {
      el.replaceChildren(h("p", { class: "pk-notice", role: "alert", text: T.vBroken }));
      console.warn("peksos vignette:", e);
    }
  }
}

if (typeof document !== "undefined" && document.querySelector) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
}

export default {
  render({ model, el }) {
    const send = (r) => { model.set("results", r); model.save_changes(); };
    const api = mountVignette(el, model.get("payload"), { changed: send });
    send(api.result());
  },
};
