// peksos learning: mastery and spaced, adaptive practice computed from the learning record alone.
// Pure functions (no page, no storage); the rule is stated on the "Latihan" page and in README.md:
// - Leitner boxes 1..5: an item answered fully right moves up one box, any other answer (or a shown
//   answer) puts it back in box 1. Box 1 is due at once, boxes 2..5 after 1, 3, 7 and 15 days.
// - Mastery of a topic (tag or list id): the mean latest score of the items of that topic already tried.
// - Under DIAGNOSTIC distinct items tried: a balanced diagnostic set, new items taken in turn from each
//   chapter (chapters and items in an order drawn from the reader's seed).
// - After that, candidates are items never tried and items due; each ranks by
//   2 x (1 - mastery of its weakest topic, 0.5 for a topic not tried yet) + 1 if due + 0.5 x a seeded
//   random number. The N best form the session; when fewer than N are candidates, the items due soonest fill it.
import { hash, rng, shuffle } from "./engine.js";

export const DAYS = [0, 0, 1, 3, 7, 15]; // days until an item in box 1..5 is due again
export const DIAGNOSTIC = 10;
const DAY = 864e5;

// Per item id: {box, last (ms), score (latest), n (answers)}. Attempts not yet scored are left out.
export function itemState(attempts) {
  const st = new Map();
  const done = attempts.filter((a) => typeof a.score === "number").sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const a of done) {
    const s = st.get(a.item) || { box: 0, last: 0, score: 0, n: 0 };
    s.box = a.correct && !a.shown ? Math.min(5, s.box + 1) : 1;
    s.last = Date.parse(a.at);
    s.score = a.score;
    s.n++;
    st.set(a.item, s);
  }
  return st;
}

export const dueAt = (s) => s.last + DAYS[s.box] * DAY;
export const topicsOf = (it) => [...it.tags, it.list_id];

// Mastery per group (keyOf(item) -> keys): Map key -> {n items, tried, got (sum of latest scores), pct}.
export function mastery(items, st, keyOf) {
  const m = new Map();
  for (const it of items) {
    for (const k of keyOf(it)) {
      const g = m.get(k) || { n: 0, tried: 0, got: 0, pct: null };
      const s = st.get(it.id);
      g.n++;
      if (s) { g.tried++; g.got += s.score; }
      m.set(k, g);
    }
  }
  for (const g of m.values()) g.pct = g.tried ? g.got / g.tried : null;
  return m;
}

// The ids of a session of n items: {mode: "diagnostik" | "adaptif", ids}.
export function draw(items, attempts, { n = 10, seed = 0, now = Date.now() } = {}) {
  const st = itemState(attempts), rand = rng(hash(`latihan:${seed}`));
  n = Math.min(n, items.length);
  if (st.size < DIAGNOSTIC) {
    const by = new Map();
    for (const it of shuffle(items.filter((x) => !st.has(x.id)), rand)) {
      if (!by.has(it.chapter)) by.set(it.chapter, []);
      by.get(it.chapter).push(it);
    }
    const chapters = shuffle([...by.keys()].sort(), rand), ids = [];
    while (ids.length < n && chapters.some((c) => by.get(c).length)) {
      for (const c of chapters) if (ids.length < n && by.get(c).length) ids.push(by.get(c).shift().id);
    }
    return { mode: "diagnostik", ids };
  }
  const m = mastery(items, st, topicsOf);
  const ranked = items.map((it) => {
    const s = st.get(it.id), due = !!s && now >= dueAt(s);
    const weakest = Math.min(...topicsOf(it).map((t) => m.get(t).pct ?? 0.5));
    return { id: it.id, rank: 2 * (1 - weakest) + (due ? 1 : 0) + 0.5 * rand(), cand: !s || due, soon: s ? dueAt(s) : 0 };
  });
  const picks = ranked.filter((r) => r.cand).sort((a, b) => b.rank - a.rank);
  const rest = ranked.filter((r) => !r.cand).sort((a, b) => a.soon - b.soon);
  return { mode: "adaptif", ids: [...picks, ...rest].slice(0, n).map((r) => r.id) };
}
