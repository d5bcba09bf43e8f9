// peksos practice: the "Latihan" page. A session of N items from the whole bank, drawn by learning.js
// from the learning record and the reader's seed, shown by the quiz engine itself (quiz.js mount: the same
// rendering, feedback and saving as the chapter quizzes). The page carries what draws and scores every
// item; the items of a session load then, each from its own small classic script (data.soal + id + ".js",
// registering on globalThis.peksosSoal), which also works from a copy opened from disk. Plain ES module.
import { T, h, mountEach, announcer } from "./engine.js";
import { open, update, rescore } from "./record.js";
import { draw } from "./learning.js";
import { mount, score } from "../quiz/quiz.js";

const L = {
  diagnostik: (n) => `Sesi diagnostik: ${n} soal baru, bergiliran dari tiap bab, untuk mengenal titik awal Anda.`,
  adaptif: (n) => `Sesi adaptif: ${n} soal, terutama dari topik dengan penguasaan terendah dan soal yang jatuh tempo untuk diulang.`,
  size: "Jumlah soal per sesi", start: "Mulai sesi baru", title: (k) => `Latihan, sesi ${k}`,
  empty: "Tidak ada soal untuk dilatih.", started: (k) => `Sesi ${k} dimulai.`,
  loading: "Memuat soal…", failed: "Soal sesi ini belum bisa dimuat. Periksa koneksi, lalu muat ulang halaman ini.",
};

// The full items of `ids`, each loaded once by a script tag; rejects when one does not load.
export function loadItems(ids, base, root) {
  const store = globalThis.peksosSoal || (globalThis.peksosSoal = {});
  const one = (id) => store[id] ? Promise.resolve() : new Promise((done, fail) => {
    const tag = document.createElement("script");
    tag.src = base + encodeURIComponent(id) + ".js";
    tag.onload = () => (store[id] ? done() : fail(new Error(`item ${id}: not in its file`)));
    tag.onerror = () => { tag.remove(); fail(new Error(`item ${id}: file not loaded`)); };
    document.head.append(tag);
  });
  return Promise.all(ids.map(one)).then(() => ids.map((id) => ({ ...store[id], section_url: root + store[id].section_url })));
}

export function mountPractice(root, data) {
  const byId = Object.fromEntries(data.items.map((it) => [it.id, it]));
  // answers kept without a score (an imported record): scored once their items have loaded
  const pending = [...new Set(open().rec.attempts.filter((a) => a.score === null && byId[a.item]).map((a) => a.item))];
  const scored = pending.length ? loadItems(pending, data.soal, data.root).then((items) =>
    update((rec) => rescore(rec, Object.fromEntries(items.map((it) => [it.id, it])), score)), () => null) : Promise.resolve();
  root.replaceChildren();
  root.classList.add("pk-engine", "pk-practice");
  const say = announcer(root);
  const mode = h("p", { class: "pk-pr-mode" }), host = h("div", { class: "pk-pr-host" });
  const size = h("select", { id: "pk-pr-size", class: "pk-select" },
    ...[5, 10, 20].map((n) => h("option", { value: n, text: String(n) })));
  const bar = h("div", { class: "pk-actions pk-pr-bar" }, h("label", { for: "pk-pr-size", text: L.size + " " }), size,
    h("button", { type: "button", class: "pk-btn pk-primary", text: L.start, onclick: () => { begin(); say(L.started(session.k)); } }));
  root.append(bar, mode, host);
  let session = open().rec.ui.latihan;

  // a new session: k + 1, drawn from the record as it stands now; the previous session's page state goes
  function begin() {
    const rec = open().rec, k = (rec.ui.latihan?.k || 0) + 1, n = +size.value || 10;
    const got = draw(data.items, rec.attempts, { n, seed: `${rec.seed}:${k}` });
    session = { k, n, mode: got.mode, ids: got.ids };
    update((r) => { if (r.ui.latihan) delete r.ui[`quiz:latihan-${r.ui.latihan.k}`]; r.ui.latihan = session; });
    show();
  }

  let shown = 0;
  function show() {
    size.value = String(session.n);
    const ids = session.ids.filter((id) => byId[id]), now = ++shown;
    host.replaceChildren();
    if (!ids.length) { mode.textContent = L.empty; return; }
    mode.textContent = L.loading;
    loadItems(ids, data.soal, data.root).then((items) => {
      if (now !== shown) return; // a newer session began while these loaded
      mode.textContent = L[session.mode](items.length);
      mount(host, { id: `latihan-${session.k}`, title: L.title(session.k), shuffle: true, pool: null, items });
    }, () => { if (now === shown) { mode.textContent = L.failed; say(L.failed); } });
  }

  const ok = session && Array.isArray(session.ids) && session.ids.every((id) => id in byId) && Number.isInteger(session.k);
  scored.then(() => { if (ok) show(); else { size.value = "10"; begin(); } });
  return { begin };
}

mountEach("practice", mountPractice);
