// peksos practice: the "Latihan" page. A session of N items from the whole bank, drawn by learning.js
// from the learning record and the reader's seed, shown by the quiz engine itself (quiz.js mount: the same
// rendering, feedback and saving as the chapter quizzes). Plain ES module.
import { T, h, mountEach, announcer } from "./engine.js";
import { open, update, rescore } from "./record.js";
import { draw } from "./learning.js";
import { mount, score } from "./quiz.js";

const L = {
  diagnostik: (n) => `Sesi diagnostik: ${n} soal baru, bergiliran dari tiap bab, untuk mengenal titik awal Anda.`,
  adaptif: (n) => `Sesi adaptif: ${n} soal, terutama dari topik dengan penguasaan terendah dan soal yang jatuh tempo untuk diulang.`,
  size: "Jumlah soal per sesi", start: "Mulai sesi baru", title: (k) => `Latihan, sesi ${k}`,
  empty: "Tidak ada soal untuk dilatih.", started: (k) => `Sesi ${k} dimulai.`,
};

export function mountPractice(root, data) {
  const byId = Object.fromEntries(data.items.map((it) => [it.id, it]));
  if (open().rec.attempts.some((a) => a.score === null && byId[a.item])) update((rec) => rescore(rec, byId, score));
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

  function show() {
    size.value = String(session.n);
    const items = session.ids.map((id) => byId[id]).filter(Boolean);
    mode.textContent = items.length ? L[session.mode](items.length) : L.empty;
    host.replaceChildren();
    if (items.length) mount(host, { id: `latihan-${session.k}`, title: L.title(session.k), shuffle: true, pool: null, items });
  }

  const ok = session && Array.isArray(session.ids) && session.ids.every((id) => id in byId) && Number.isInteger(session.k);
  if (ok) show(); else { size.value = "10"; begin(); }
  return { begin };
}

mountEach("practice", mountPractice);
