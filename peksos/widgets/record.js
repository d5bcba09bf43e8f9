// peksos record: the student's one learning record for the whole course, under ONE localStorage key.
// Every checked quiz answer is an attempt, every vignette play a play; what each quiz and case shows
// on its page lives in `ui`. Today's keys (peksos:v1:quiz:<id>, peksos:v1:vignette:<id>, peksos:v1:seed)
// are moved in once and removed. A damaged record is never overwritten; a full storage loses only the
// last write. Schema: peksos/record.py (quizzes/schema/record.schema.json). Plain ES module.
import { T } from "./engine.js";

export const KEY = "peksos:v2:catatan", FORMAT = "peksos-catatan", VERSION = 2, COURSE = "peksos-pengantar";
const OLD = "peksos:v1:";
let memory = null; // the record of this page view when storage is unavailable or damaged

function storage() {
  try {
    const ls = window.localStorage, k = KEY + ":probe";
    ls.setItem(k, "1"); ls.removeItem(k);
    return ls;
  } catch (e) { return null; }
}

export function fresh(seed) {
  return { format: FORMAT, v: VERSION, course: COURSE, seed: seed ?? crypto.getRandomValues(new Uint32Array(1))[0],
    created: new Date().toISOString(), attempts: [], plays: [], ui: {} };
}

const isObj = (x) => !!x && typeof x === "object" && !Array.isArray(x);

// Why `r` is not a record of this course ("" when it is one). Used for storage and imported files.
export function problem(r) {
  if (!isObj(r) || r.format !== FORMAT) return T.rForeign;
  if (r.course !== COURSE) return T.rOtherCourse;
  if (r.v !== VERSION) return T.rVersion;
  if (!Number.isInteger(r.seed) || !Array.isArray(r.attempts) || !Array.isArray(r.plays) || !isObj(r.ui)) return T.rDamaged;
  const okA = (a) => isObj(a) && typeof a.at === "string" && !isNaN(Date.parse(a.at)) && typeof a.quiz === "string"
    && typeof a.item === "string" && (a.score === null || (typeof a.score === "number" && a.score >= 0 && a.score <= 1));
  const okP = (p) => isObj(p) && typeof p.at === "string" && !isNaN(Date.parse(p.at)) && typeof p.vignette === "string"
    && Array.isArray(p.path);
  return r.attempts.every(okA) && r.plays.every(okP) ? "" : T.rDamaged;
}

// Today's per-quiz and per-vignette keys, once: quiz answers that were checked become attempts
// (score null until a page with the item scores them), vignette states come back as they were.
function migrate(ls) {
  const old = /^\d{1,10}$/.test(ls.getItem(OLD + "seed") || "") ? +ls.getItem(OLD + "seed") : undefined;
  const rec = fresh(old !== undefined && old < 4294967296 ? old : undefined), moved = [OLD + "seed"];
  const now = new Date().toISOString();
  for (let i = 0; i < ls.length; i++) {
    const k = ls.key(i), m = /^peksos:v1:(quiz|vignette):(.+)$/.exec(k || "");
    if (!m) continue;
    let d;
    try { d = JSON.parse(ls.getItem(k)); } catch (e) { continue; } // unreadable: left where it is
    if (!isObj(d)) continue;
    delete d.v;
    rec.ui[`${m[1]}:${m[2]}`] = d;
    if (m[1] === "quiz" && isObj(d.items)) {
      for (const [item, s] of Object.entries(d.items)) {
        if (isObj(s) && s.c) rec.attempts.push({ at: now, quiz: m[2], item, answer: s.a ?? null, shown: !!s.s, score: null });
      }
    }
    moved.push(k);
  }
  try {
    ls.setItem(KEY, JSON.stringify(rec));
    for (const k of moved) ls.removeItem(k);
  } catch (e) { /* full: the old keys stay until a write succeeds */ }
  return rec;
}

// The record as stored now: {rec, ok, notice, bad} (bad: the damaged text, kept as it is).
export function open() {
  const ls = storage();
  if (!ls) return { rec: (memory ||= fresh()), ok: false, notice: T.storageOff, bad: null };
  const raw = ls.getItem(KEY);
  if (raw === null) return { rec: migrate(ls), ok: true, notice: "", bad: null };
  try {
    const rec = JSON.parse(raw);
    if (problem(rec)) throw new Error("shape");
    return { rec, ok: true, notice: "", bad: null };
  } catch (e) {
    return { rec: (memory ||= fresh()), ok: false, notice: T.storageBad, bad: raw };
  }
}

// Change the record: read what is stored (another tab may have written), apply fn, write it back.
export function update(fn) {
  const s = open();
  fn(s.rec);
  if (!s.ok) return s;
  try { localStorage.setItem(KEY, JSON.stringify(s.rec)); } catch (e) { s.ok = false; s.notice = T.storageFull; }
  return s;
}

// Replace the whole record (import, or a new one after damage). false when it cannot be written.
export function replace(rec) {
  memory = null;
  try { localStorage.setItem(KEY, JSON.stringify(rec)); return true; } catch (e) { return false; }
}

export function readerSeed() {
  return open().rec.seed;
}

// What one quiz or case shows on its page, as before: {ok, notice, data, save(d), clear()}.
export function openStore(name, valid) {
  const o = open(), d = o.rec.ui[name];
  const s = { ok: o.ok, notice: o.notice, data: isObj(d) && (!valid || valid(d)) ? d : null };
  s.save = (data) => {
    const r = update((rec) => { rec.ui[name] = data; });
    s.ok = r.ok; s.notice = r.notice;
    return r.ok;
  };
  s.clear = () => { s.data = null; update((rec) => { delete rec.ui[name]; }); };
  return s;
}

// Fill in what a migrated attempt lacks (score, type, topics...) from the items a page carries.
export function rescore(rec, byId, score) {
  let n = 0;
  for (const a of rec.attempts) {
    const it = a.score === null && byId[a.item];
    if (!it) continue;
    Object.assign(a, itemFacts(it), score(it, a.answer, a.shown));
    n++;
  }
  return n;
}

// The same, written back, when the stored record has such attempts for the items in `byId`.
export function rescoreStored(byId, score) {
  if (open().rec.attempts.some((a) => a.score === null && byId[a.item])) update((rec) => rescore(rec, byId, score));
}

export function itemFacts(it) {
  return { type: it.type, level: it.level, chapter: it.chapter ?? null, tags: it.tags, list_id: it.list_id,
    section: it.section };
}

// One checked answer into the record (quiz pages and the practice page).
export function addAttempt(quiz, it, answer, shown, r) {
  return update((rec) => {
    rec.attempts.push({ at: new Date().toISOString(), quiz, item: it.id, ...itemFacts(it), answer, shown, ...r });
  });
}

// One vignette play, kept up to date as it goes on (a restart begins a new play; none without a decision).
export function putPlay(play) {
  return update((rec) => {
    const i = rec.plays.findIndex((p) => p.at === play.at && p.vignette === play.vignette);
    if (!play.path.length) { if (i >= 0) rec.plays.splice(i, 1); } // every decision taken back
    else if (i < 0) rec.plays.push(play);
    else rec.plays[i] = play;
  });
}
