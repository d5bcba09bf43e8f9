// peksos SCORM adapter: one quiz or one vignette as a SCO, on the same engine as the book.
// `peksos bundle` (esbuild, peksos/node/bundle.mjs) bundles this file with the engine and one widget
// (quiz.js or vignette.js, whose mount function it passes to scoStart) into one classic script with its
// sourcemap, peksos/widgets/dist/scorm/peksos-<kind>.js (no ES modules: Chromium refuses them on file://);
// `peksos export scorm` puts that script into each package. On load it looks for the LMS's API up the
// window.parent chain and then the opener's (the standard search), reports status, score, one
// interaction per item (or decision) and suspend_data, and commits and finishes on pagehide.
// Without an API the page still runs, saving in localStorage as the book does.
import { T, h } from "../../widgets/engine.js";

// The element names and vocabularies of each SCORM version.
const SCORM = {
  "1.2": {
    api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
    status: "cmi.core.lesson_status", raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
    exit: "cmi.core.exit", time: "cmi.core.session_time", response: "student_response", when: "time",
    wrong: "wrong", sep: ",", pair: ".", tf: ["t", "f"], other: "performance", suspendMax: 4096,
  },
  "2004": {
    api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
    raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max", scaled: "cmi.score.scaled",
    exit: "cmi.exit", time: "cmi.session_time", response: "learner_response", when: "timestamp",
    wrong: "incorrect", sep: "[,]", pair: "[.]", tf: ["true", "false"], other: "other", suspendMax: 64000,
  },
};
const KEYS = "abcdefghijklmnopqrstuvwxyz0123456789";
const key = (i) => KEYS[i] ?? String(i);

function apiIn(win, name) {
  try { return win && win[name] ? win[name] : null; } catch (e) { return null; }  // another origin
}

function parentOf(win) {
  try { return win.parent && win.parent !== win ? win.parent : null; } catch (e) { return null; }
}

// The standard search: this window and its parents (at most 500 levels), then the opener's chain.
export function findApi(name, win = window) {
  const climb = (w) => {
    for (let n = 0; w && n < 500; n++, w = parentOf(w)) {
      const api = apiIn(w, name);
      if (api) return api;
    }
    return null;
  };
  let found = climb(win);
  if (!found) {
    let opener = null;
    try { opener = (win.top || win).opener; } catch (e) { opener = null; }
    if (opener) found = climb(opener);
  }
  return found;
}

// An initialised LMS session, or null (no API, or the LMS refused to start).
export function connect(version, win = window) {
  const v = SCORM[version] ? version : "1.2";
  const s = SCORM[v];
  const api = findApi(s.api, win);
  if (!api || String(api[s.init](""))  !== "true") return null;
  let done = false;
  const failed = [];
  return {
    version: v, names: s, failed,
    get: (el) => String(api[s.get](el) ?? ""),
    set(el, value) {
      const ok = String(api[s.set](el, String(value))) === "true";
      if (!ok) failed.push(`${el}=${value}`);  // kept for the tests and for a look in the console
      return ok;
    },
    commit: () => String(api[s.commit]("")) === "true",
    finish() {
      if (done) return false;
      done = true;
      return String(api[s.finish]("")) === "true";
    },
  };
}

const round = (x) => Math.round(x * 100) / 100;

function sessionTime(ms, version) {
  const sec = Math.max(0, Math.round(ms / 1000));
  const hh = Math.floor(sec / 3600), mm = Math.floor((sec % 3600) / 60), ss = sec % 60;
  if (version === "2004") return `PT${hh}H${mm}M${ss}S`;
  const two = (n) => String(n).padStart(2, "0");
  return `${two(Math.min(hh, 9999))}:${two(mm)}:${two(ss)}`;
}

function clock(version) {
  const d = new Date(), two = (n) => String(n).padStart(2, "0");
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  return version === "2004" ? `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${time}` : time;
}

// One quiz item as a SCORM interaction: type, the learner's response and the right one in SCORM's format.
export function itemInteraction(it, answer, version) {
  const s = SCORM[version] || SCORM["1.2"];
  const list = (xs) => xs.join(s.sep);
  const pairs = (xs) => xs.map(([a, b]) => `${key(a)}${s.pair}${key(b)}`).join(s.sep);
  const ints = (v) => (Array.isArray(v) ? v : []);
  switch (it.type) {
    case "pilihan-tunggal":
      return { type: "choice", response: Number.isInteger(answer) ? key(answer) : "",
        pattern: key(it.options.findIndex((o) => o.correct)) };
    case "pilihan-ganda":
      return { type: "choice", response: list(ints(answer).map(key)),
        pattern: list(it.options.flatMap((o, i) => (o.correct ? [key(i)] : []))) };
    case "benar-salah":
      return { type: "true-false", response: typeof answer === "boolean" ? s.tf[answer ? 0 : 1] : "",
        pattern: s.tf[it.answer ? 0 : 1] };
    case "menjodohkan":
      return { type: "matching", response: pairs(ints(answer).flatMap((r, i) => (r == null ? [] : [[i, r]]))),
        pattern: pairs(it.pairs.map((p, i) => [i, i])) };
    case "mengelompokkan":
      return { type: "matching", response: pairs(ints(answer).flatMap((g, i) => (g == null ? [] : [[i, g]]))),
        pattern: pairs(it.entries.map((e, i) => [i, it.groups.indexOf(e.group)])) };
    case "mengurutkan":
      return { type: "sequencing", response: list(ints(answer).map(key)), pattern: list(it.steps.map((x, i) => key(i))) };
    case "isian":
      return { type: "fill-in", response: String(answer ?? "").replace(/\s+/g, " ").trim().slice(0, 250),
        pattern: String(it.accepted[0]).slice(0, 250) };
  }
  return { type: s.other, response: String(answer ?? "").slice(0, 250), pattern: "" };
}

// Interactions keep their index across launches: ix maps a key (item id, step) to n.
function recorder(lms, ix) {
  const last = {};
  return (k, rec) => {
    const sig = JSON.stringify(rec);
    if (last[k] === sig) return false;
    last[k] = sig;
    if (!(k in ix)) ix[k] = Object.keys(ix).length;
    const n = `cmi.interactions.${ix[k]}.`, s = lms.names;
    lms.set(n + "id", rec.id);
    lms.set(n + "type", rec.type);
    if (rec.pattern) lms.set(n + "correct_responses.0.pattern", rec.pattern);
    lms.set(n + "weighting", "1");
    lms.set(n + s.when, clock(lms.version));
    lms.set(n + s.response, rec.response);
    lms.set(n + "result", rec.result);
    return true;
  };
}

function report(lms, score, max, done, mastery) {
  const s = lms.names, pct = max ? (100 * score) / max : 0;
  const passed = pct >= mastery;
  lms.set(s.min, 0);
  lms.set(s.max, max);
  lms.set(s.raw, round(score));
  if (lms.version === "2004") {
    lms.set(s.scaled, max ? round(score / max) : 0);
    lms.set("cmi.completion_status", done ? "completed" : "incomplete");
    lms.set("cmi.success_status", done ? (passed ? "passed" : "failed") : "unknown");
    lms.set("cmi.progress_measure", done ? 1 : 0);
  } else {
    lms.set(s.status, done ? (passed ? "passed" : "failed") : "incomplete");
  }
  return done ? (passed ? "passed" : "failed") : "incomplete";
}

// A store with the engine's shape (openStore) kept in cmi.suspend_data instead of localStorage.
function suspendStore(initial, valid, write) {
  const ok = initial && typeof initial === "object" && (!valid || valid(initial));
  const s = { key: "scorm", ok: true, notice: "", data: ok ? initial : null };
  s.save = (d) => write(d);
  s.clear = () => { s.data = null; write(null); };
  return s;
}

function readSuspend(lms) {
  const raw = lms.get("cmi.suspend_data");
  if (!raw) return {};
  try {
    const d = JSON.parse(raw);
    return d && typeof d === "object" && d.v === 1 ? d : {};
  } catch (e) { return {}; }
}

// Run the package's quiz or vignette in `root` with the widget's mount function `opts.mount`
// (quiz.js `mount`, vignette.js `mountVignette`); returns what the page needs for its tests and exit.
export function runSco(root, data, opts = {}) {
  const mount = opts.mount;
  const version = opts.version === "2004" ? "2004" : "1.2";
  const mastery = Number.isFinite(opts.mastery) ? opts.mastery : 80;
  const line = h("p", { class: "pk-sco-status", role: "note" });
  const host = h("div", { class: "pk-sco-host" });
  root.append(line, host);
  const lms = connect(version, opts.window || window);
  if (!lms) {
    line.textContent = T.scoLocal;
    mount(host, data);
    return { lms: null, results: null };
  }
  line.textContent = T.scoLms;
  const started = Date.now();
  const sco = { lms, results: null };
  const saved = readSuspend(lms);
  const ix = saved.ix && typeof saved.ix === "object" ? saved.ix : {};
  const seed = Number.isInteger(saved.seed) ? saved.seed : crypto.getRandomValues(new Uint32Array(1))[0];
  const record = recorder(lms, ix);
  let play = saved.play ?? null, status = "incomplete", dirty = false;
  if (version === "1.2" && lms.get("cmi.core.lesson_status") === "not attempted") lms.set("cmi.core.lesson_status", "incomplete");

  const writeSuspend = () => {
    const text = JSON.stringify({ v: 1, seed, ix, play });
    if (text.length > lms.names.suspendMax) { line.textContent = T.scoFull; return false; }
    return lms.set("cmi.suspend_data", text);
  };
  const flush = () => { if (dirty) { lms.commit(); dirty = false; } };

  if (opts.kind === "vignette") {
    const valid = (d) => Array.isArray(d.path) && typeof d.node === "string" && (d.node in data.nodes || d.node in data.endings)
      && d.state && typeof d.state === "object";
    const store = suspendStore(play, valid, (d) => { play = d; writeSuspend(); return true; });
    const onChange = (r) => {
      let changed = false;
      sco.results = r;
      r.path.forEach((step, i) => {
        const node = data.nodes[step.node], c = node.choices.findIndex((x) => x.id === step.choice);
        const expert = data.expert.find(([n]) => n === step.node);
        const pattern = expert ? key(node.choices.findIndex((x) => x.id === expert[1])) : "";
        const result = { "tepat": "correct", "dapat-diterima": "neutral" }[step.rating] || lms.names.wrong;
        changed = record(`langkah-${i + 1}`, { id: `langkah-${i + 1}-${step.node}`, type: "choice", response: key(c),
          pattern, result }) || changed;
      });
      if (r.ended) {
        const result = { baik: "correct", sebagian: "neutral" }[r.outcome] || lms.names.wrong;
        changed = record("akhir", { id: `akhir-${data.id}`, type: lms.names.other, response: r.ending, pattern: "", result })
          || changed;
      }
      const now = report(lms, r.score, r.max_score || data.max_points, r.ended, mastery);
      if (now !== status || changed) dirty = true;
      status = now;
      writeSuspend();
      flush();
    };
    const api = mount(host, data, { store, changed: onChange });
    onChange(api.result());
  } else {
    // Answers kept compact (SCORM 1.2 allows 4096 characters): item index -> [answer, checked, shown, tries].
    const ids = data.items.map((it) => it.id), pos = Object.fromEntries(ids.map((id, i) => [id, i]));
    const decode = (q) => (q && typeof q === "object" ? { items: Object.fromEntries(Object.entries(q)
      .filter(([k, t]) => ids[k] && Array.isArray(t))
      .map(([k, [a, c, sh, t]]) => [ids[k], { a: a ?? null, c: !!c, s: !!sh, t: Number.isInteger(t) ? t : 0 }])) } : null);
    const encode = (d) => Object.fromEntries(Object.entries(d?.items || {})
      .filter(([id, st]) => id in pos && (st.a != null || st.c || st.t))
      .map(([id, st]) => [pos[id], [st.a, st.c ? 1 : 0, st.s ? 1 : 0, st.t]]));
    const store = suspendStore(decode(play), null, (d) => { play = d ? encode(d) : null; writeSuspend(); return true; });
    const onResults = (r) => {
      let changed = false;
      sco.results = r;
      // Known interactions first, in their order: a fresh LMS session accepts index n only after n - 1.
      const order = (row) => ix[pos[row.id]] ?? Infinity;
      for (const row of r.items.filter((x) => x.checked).sort((a, b) => order(a) - order(b))) {
        const rec = itemInteraction(data.items[pos[row.id]], row.answer, version);
        changed = record(String(pos[row.id]), { id: row.id, ...rec, result: row.correct ? "correct" : lms.names.wrong })
          || changed;
      }
      const now = report(lms, r.score, r.max, r.items.length > 0 && r.items.every((x) => x.checked), mastery);
      if (now !== status || changed) dirty = true;
      status = now;
      writeSuspend();
      flush();
    };
    mount(host, data, onResults, { store, seed });
  }

  const exit = () => {
    lms.set(lms.names.exit, status === "incomplete" ? "suspend" : (version === "2004" ? "normal" : ""));
    lms.set(lms.names.time, sessionTime(Date.now() - started, version));
    lms.commit();
    lms.finish();
  };
  (opts.window || window).addEventListener("pagehide", exit);
  return Object.assign(sco, { exit, status: () => status });
}

// Start the SCO of this page (#peksos-sco) once the document is ready, with the widget's mount function.
export function scoStart(mount) {
  const start = () => {
    const root = document.getElementById("peksos-sco");
    if (!root || root.dataset.started) return;
    root.dataset.started = "1";
    let data;
    try { data = JSON.parse(document.getElementById("peksos-sco-data").textContent); }
    catch (e) { root.append(h("p", { class: "pk-notice", role: "alert", text: T.broken })); return; }
    window.peksosSco = runSco(root, data, { kind: root.dataset.kind, version: root.dataset.scorm,
      mastery: Number(root.dataset.mastery), mount });
  };
  if (typeof document === "undefined" || !document.getElementById) return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
