// peksos progress: the "Kemajuan saya" page. Mastery per chapter, topic and concept list from the
// learning record, items never tried, the cases and the endings reached, a chart in inline SVG, and the
// record out (JSON, CSV of attempts, xAPI) and back in (merged, without duplicates). Plain ES module.
import { T, h, mountEach, announcer, num, download, csv } from "./engine.js";
import { open, update, replace, problem, fresh, rescore } from "./record.js";
import { itemState, mastery } from "./learning.js";
import { statements } from "./xapi.js";
import { score } from "../quiz/quiz.js";

const P = {
  summary: (tried, n, pct, plays, ends) => `Anda sudah mencoba ${tried} dari ${n} soal. ` +
    (pct == null ? "Penguasaan belum dapat dihitung. " : `Penguasaan rata-rata ${pct}%. `) +
    `${n - tried} soal belum pernah dicoba. ${plays} permainan kasus, ${ends} akhir kasus berbeda tercapai.`,
  chapters: "Penguasaan per bab", topics: "Penguasaan per topik", lists: "Penguasaan per daftar konsep (yang sudah dicoba)",
  cases: "Kasus simulasi", chapter: "Bab", topic: "Topik", list: "Daftar konsep", tried: "Soal dicoba", never: "Belum dicoba",
  mastery: "Penguasaan", study: "Pelajari lagi", read: "Baca bagiannya", none: "—", caseT: "Kasus", plays: "Dimainkan",
  ends: "Akhir yang tercapai", chart: "Grafik penguasaan per bab (persen dari soal yang sudah dicoba)",
  file: "Catatan belajar dalam berkas", fileNote: "Unduh catatan Anda untuk dosen, untuk pindah ke perangkat lain, atau sebagai cadangan. Berkas yang sama dapat dipulihkan di peramban lain; percobaan yang sudah ada tidak digandakan.",
  json: "Unduh catatan belajar (JSON)", csv: "Unduh percobaan (CSV)", xapi: "Unduh pernyataan xAPI (JSON)",
  alias: "Nama samaran untuk xAPI (bukan nama asli Anda)", aliasNeed: "Isi nama samaran terlebih dahulu (huruf, angka, titik, garis bawah atau tanda hubung).",
  restore: "Pulihkan dari berkas", restored: (a, p) => `Catatan dipulihkan: ${a} percobaan dan ${p} permainan kasus baru digabungkan.`,
  notJson: "Berkas ini bukan JSON yang dapat dibaca. Tidak ada yang diubah.", cannot: "Catatan tidak dapat disimpan di peramban ini. Tidak ada yang diubah.",
  badRaw: "Unduh data yang rusak", newRec: "Mulai catatan baru", newConfirm: "Tekan sekali lagi: catatan yang rusak dihapus",
  newDone: "Catatan baru dimulai.", pending: "Jawaban dari versi buku sebelumnya belum dinilai ulang.",
};
const pct = (g) => (g.pct == null ? null : Math.round(100 * g.pct));
const label = (p) => (p == null ? P.none : `${p}% (${p >= 80 ? T.mastered : p >= 50 ? T.almost : T.again})`);

// The merge of two records: every attempt and play once (same time, quiz and item / same time and case).
export function merge(into, from) {
  const keyA = (a) => `${a.at}|${a.quiz}|${a.item}`, keyP = (p) => `${p.at}|${p.vignette}`;
  const seenA = new Set(into.attempts.map(keyA)), seenP = new Map(into.plays.map((p, i) => [keyP(p), i]));
  let na = 0, np = 0;
  for (const a of from.attempts) if (!seenA.has(keyA(a))) { seenA.add(keyA(a)); into.attempts.push(a); na++; }
  for (const p of from.plays) {
    const i = seenP.get(keyP(p));
    if (i === undefined) { seenP.set(keyP(p), into.plays.length); into.plays.push(p); np++; }
    else if (p.path.length > into.plays[i].path.length) into.plays[i] = p;
  }
  for (const [k, v] of Object.entries(from.ui)) if (!(k in into.ui)) into.ui[k] = v;
  into.attempts.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return [na, np];
}

function table(caption, head, rows) {
  return h("div", { class: "pk-p-wrap", tabindex: "0", role: "region", "aria-label": caption }, h("table", { class: "pk-p-table" }, h("caption", { text: caption }),
    h("thead", {}, h("tr", {}, ...head.map((c) => h("th", { scope: "col", text: c })))),
    h("tbody", {}, ...rows.map(([first, ...cells]) => h("tr", {}, h("th", { scope: "row" }, first), ...cells.map((c) => h("td", {}, c)))))));
}

// Horizontal bars, one per chapter; the numbers are in the table beside it and in the summary.
function chart(rows) {
  const W = 320, bar = 18, gap = 6, left = 120, ns = "http://www.w3.org/2000/svg";
  const s = (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    return e;
  };
  const svg = s("svg", { viewBox: `0 0 ${W + 40} ${rows.length * (bar + gap) + 4}`, role: "img", class: "pk-p-chart", "aria-label": P.chart });
  svg.append(s("title", {}, P.chart));
  rows.forEach(([name, p], i) => {
    const y = i * (bar + gap) + 2;
    svg.append(s("text", { x: left - 6, y: y + bar - 5, "text-anchor": "end", class: "pk-p-name" }, name.length > 18 ? name.slice(0, 17) + "…" : name),
      s("rect", { x: left, y, width: W - left, height: bar, class: "pk-p-track" }),
      s("rect", { x: left, y, width: p == null ? 0 : ((W - left) * p) / 100, height: bar, class: "pk-p-bar" }),
      s("text", { x: W + 4, y: y + bar - 5, class: "pk-p-val" }, p == null ? "–" : `${p}%`));
  });
  return svg;
}

export function mountProgress(root, data) {
  const t0 = performance.now(), byId = Object.fromEntries(data.items.map((it) => [it.id, it]));
  if (open().rec.attempts.some((a) => a.score === null && byId[a.item])) update((rec) => rescore(rec, byId, score));
  root.replaceChildren();
  root.classList.add("pk-engine", "pk-progress");
  const say = announcer(root);
  const body = h("div", {}), status = h("p", { class: "pk-p-status", role: "status", "aria-live": "polite" });
  root.append(body, tools(), status);

  function draw(announce) {
    const o = open(), rec = o.rec, st = itemState(rec.attempts), items = data.items;
    const all = mastery(items, st, () => ["*"]).get("*") || { n: 0, tried: 0, pct: null };
    const byChapter = mastery(items, st, (it) => [it.chapter]), byTag = mastery(items, st, (it) => it.tags);
    const byList = mastery(items, st, (it) => [it.list_id]);
    const endings = new Map(data.vignettes.map((v) => [v.id, new Set()]));
    for (const p of rec.plays) if (p.ended && endings.has(p.vignette)) endings.get(p.vignette).add(p.ending);
    const ends = [...endings.values()].reduce((x, s) => x + s.size, 0);
    const summary = P.summary(all.tried, all.n, pct(all), rec.plays.length, ends);
    const notes = [];
    if (o.notice) notes.push(h("p", { class: "pk-notice", role: "note", text: o.notice }));
    if (o.bad != null) notes.push(damaged(o.bad));
    if (rec.attempts.some((a) => a.score === null)) notes.push(h("p", { class: "pk-notice", text: P.pending }));
    // the section that teaches a topic: the one most of its items point to
    const where = (keyOf, key) => {
      const c = new Map();
      for (const it of items) if (keyOf(it).includes(key) && it.section_url) c.set(it.section_url, (c.get(it.section_url) || 0) + 1);
      return [...c].sort((a, b) => b[1] - a[1])[0]?.[0];
    };
    const study = (keyOf, key, g) => {
      const url = pct(g) != null && pct(g) < 50 && where(keyOf, key);
      return url ? h("a", { href: url, text: P.read }) : P.none;
    };
    const chapterRows = data.chapters.filter((c) => byChapter.has(c.id)).map((c) => {
      const g = byChapter.get(c.id);
      return [c.url ? h("a", { href: c.url, text: c.title }) : c.title, `${g.tried} ${T.of} ${g.n}`, label(pct(g)), String(g.n - g.tried)];
    });
    const tagRows = [...byTag].sort((a, b) => (a[1].pct ?? 2) - (b[1].pct ?? 2) || a[0].localeCompare(b[0])).map(([t, g]) =>
      [t, `${g.tried} ${T.of} ${g.n}`, label(pct(g)), String(g.n - g.tried), study((it) => it.tags, t, g)]);
    const listRows = [...byList].filter(([, g]) => g.tried).sort((a, b) => a[1].pct - b[1].pct).map(([l, g]) =>
      [l, `${g.tried} ${T.of} ${g.n}`, label(pct(g)), study((it) => [it.list_id], l, g)]);
    const caseRows = data.vignettes.map((v) => {
      const got = endings.get(v.id), names = Object.entries(v.endings).filter(([e]) => got.has(e)).map(([, e]) => e.title);
      return [v.title, String(rec.plays.filter((p) => p.vignette === v.id).length),
        `${got.size} ${T.of} ${Object.keys(v.endings).length}` + (names.length ? `: ${names.join("; ")}` : "")];
    });
    body.replaceChildren(...notes, h("p", { class: "pk-p-summary", text: summary }),
      h("figure", { class: "pk-p-figure" }, chart(data.chapters.filter((c) => byChapter.has(c.id)).map((c) => [c.title, pct(byChapter.get(c.id))]))),
      table(P.chapters, [P.chapter, P.tried, P.mastery, P.never], chapterRows),
      table(P.topics, [P.topic, P.tried, P.mastery, P.never, P.study], tagRows),
      listRows.length ? table(P.lists, [P.list, P.tried, P.mastery, P.study], listRows) : null,
      table(P.cases, [P.caseT, P.plays, P.ends], caseRows));
    if (announce) say(summary);
  }

  function damaged(raw) {
    let armed = 0;
    const b = h("button", { type: "button", class: "pk-btn pk-danger", text: P.newRec, onclick: () => {
      if (!armed) { b.textContent = P.newConfirm; armed = 1; return; }
      if (replace(fresh())) { draw(); say(P.newDone); } else status.textContent = P.cannot;
    } });
    return h("p", { class: "pk-actions" }, h("button", { type: "button", class: "pk-btn", text: P.badRaw,
      onclick: () => download("catatan-belajar-rusak.txt", raw, "text/plain") }), " ", b);
  }

  function tools() {
    const stamp = () => new Date().toISOString().slice(0, 10);
    const alias = h("input", { type: "text", id: "pk-alias", class: "pk-input", autocomplete: "off", spellcheck: "false" });
    const file = h("input", { type: "file", id: "pk-restore", accept: ".json,application/json", class: "pk-file", onchange: () => {
      const f = file.files[0];
      if (!f) return;
      f.text().then((text) => {
        file.value = "";
        let doc;
        try { doc = JSON.parse(text); } catch (e) { return tell(P.notJson); }
        const why = problem(doc);
        if (why) return tell(why);
        const o = open();
        if (!o.ok) return tell(P.cannot);
        const rec = o.rec, counts = merge(rec, doc);
        if (!replace(rec)) return tell(P.cannot);
        draw();
        tell(P.restored(...counts));
      });
    } });
    const tell = (msg) => { status.textContent = msg; say(msg); };
    const attemptsCsv = () => csv([["waktu", "kuis", "soal", "jenis", "tingkat", "bab", "topik", "daftar", "bagian", "jawaban", "ditampilkan", "skor", "benar"],
      ...open().rec.attempts.map((a) => [a.at, a.quiz, a.item, a.type, a.level, a.chapter, (a.tags || []).join(";"), a.list_id, a.section,
        JSON.stringify(a.answer ?? null), a.shown, a.score, a.correct])]);
    return h("section", { class: "pk-p-tools", "aria-label": P.file }, h("p", { class: "pk-title", text: P.file }), h("p", { text: P.fileNote }),
      h("div", { class: "pk-actions" },
        h("button", { type: "button", class: "pk-btn pk-primary", text: P.json,
          onclick: () => download(`catatan-belajar-${stamp()}.json`, JSON.stringify(open().rec), "application/json") }),
        h("button", { type: "button", class: "pk-btn", text: P.csv,
          onclick: () => download(`catatan-belajar-${stamp()}.csv`, attemptsCsv(), "text/csv;charset=utf-8") })),
      h("p", { class: "pk-p-alias" }, h("label", { for: "pk-alias", text: P.alias }), " ", alias, " ",
        h("button", { type: "button", class: "pk-btn", text: P.xapi, onclick: () => {
          const name = alias.value.trim();
          if (!/^[\p{L}\p{N}._-]{2,60}$/u.test(name)) { tell(P.aliasNeed); alias.focus(); return; }
          download(`xapi-${stamp()}.json`, JSON.stringify(statements(open().rec, name, data.base), null, 1), "application/json");
        } })),
      h("p", {}, h("label", { for: "pk-restore", text: P.restore + ": " }), file));
  }

  draw(true);
  performance.measure?.("peksos-progress", { start: t0 }); // make bench reads it
  return { draw };
}

mountEach("progress", mountProgress);
