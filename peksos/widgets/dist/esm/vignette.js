// peksos/widgets/engine.js
var T = {
  check: "Periksa",
  retry: "Coba lagi",
  show: "Tampilkan jawaban",
  reset: "Hapus jawaban saya",
  resetConfirm: "Tekan sekali lagi untuk menghapus",
  resetDone: "Semua jawaban dihapus. Kuis dimulai dari awal.",
  review: "Lihat ringkasan",
  reviewTitle: "Ringkasan hasil",
  dlJson: "Unduh hasil (JSON)",
  dlCsv: "Unduh hasil (CSV)",
  item: "Soal",
  of: "dari",
  score: "Skor",
  unchecked: "belum diperiksa",
  right: "Benar.",
  partly: "Sebagian benar.",
  wrong: "Belum tepat.",
  revealed: "Jawaban ditampilkan (tidak dinilai).",
  needAnswer: "Pilih atau isi jawaban terlebih dahulu.",
  tryAgain: "Silakan coba lagi.",
  yours: "pilihan Anda",
  correctOpt: "jawaban benar",
  missed: "terlewat: ini juga benar",
  tBenar: "Benar",
  tSalah: "Salah",
  choose: "— pilih —",
  chooseGroup: "— pilih kelompok —",
  matchFor: "Pasangan untuk",
  groupFor: "Kelompok untuk",
  answerLabel: "Jawaban Anda",
  accepted: "Jawaban yang diterima",
  up: "Naik",
  down: "Turun",
  nowAt: "sekarang di urutan ke-",
  inPlace: "Sudah di tempatnya.",
  notInPlace: "Belum di tempatnya.",
  matchOk: "Tepat.",
  matchNo: "Kurang tepat.",
  noChoice: "Belum dipilih.",
  orderHint: "Susun dengan tombol Naik dan Turun.",
  learnMore: "Baca bagian buku yang membahasnya",
  explanation: "Penjelasan",
  topic: "Topik",
  mastery: "Penguasaan",
  mastered: "dikuasai",
  almost: "hampir dikuasai",
  again: "perlu diulang",
  revisit: "Soal yang perlu diulang",
  allDone: "Semua soal sudah diperiksa.",
  storageOff: "Penyimpanan peramban tidak tersedia: jawaban Anda tidak disimpan setelah halaman ditutup.",
  storageBad: "Catatan belajar yang tersimpan di peramban ini rusak. Catatan itu tidak diubah, dan jawaban kali ini tidak disimpan. Buka halaman “Kemajuan saya” untuk mengunduh data yang rusak atau memulai catatan baru.",
  storageFull: "Penyimpanan peramban penuh: jawaban terakhir tidak tersimpan. Catatan yang sudah tersimpan tetap utuh; unduh catatan belajar Anda di halaman “Kemajuan saya”.",
  rForeign: "Berkas ini bukan catatan belajar kursus ini. Tidak ada yang diubah.",
  rOtherCourse: "Berkas ini catatan belajar dari kursus lain. Tidak ada yang diubah.",
  rVersion: "Berkas ini dibuat oleh versi buku yang tidak dikenal. Tidak ada yang diubah.",
  rDamaged: "Berkas catatan belajar ini rusak atau tidak lengkap. Tidak ada yang diubah.",
  broken: "Kuis ini tidak dapat dimuat.",
  poolNote: "Soal diambil acak",
  quiz: "Kuis",
  // the vignette player
  vCase: "Kasus simulasi",
  vSetting: "Tempat",
  vState: "Keadaan kasus saat ini",
  vStep: "Keputusan",
  vAsk: "Apa yang Anda lakukan sebagai pekerja sosial?",
  vChoices: "Pilihan tindakan",
  vRecord: "Cuplikan catatan kasus",
  vFeedback: "Umpan balik atas keputusan Anda",
  vEffects: "Dampak",
  vContinue: "Lanjutkan",
  vSeeEnd: "Lihat akhir kasus",
  vApplies: "Prinsip yang diterapkan:",
  vViolates: "Prinsip yang dilanggar:",
  vBack: "Kembali satu langkah",
  vRestart: "Mulai ulang kasus",
  vBackDone: "Keputusan terakhir dibatalkan; keadaan kasus dipulihkan.",
  vRestarted: "Kasus dimulai ulang dari awal.",
  vNote: "Catatan isi",
  vNoteOk: "Saya mengerti, mulai kasus",
  vEnd: "Akhir kasus",
  vOutGood: "Hasil: baik",
  vOutPart: "Hasil: sebagian tercapai",
  vOutBad: "Hasil: buruk",
  vScore: "Skor pertimbangan",
  vYourPath: "Jalur Anda",
  vExpertPath: "Jalur yang disarankan",
  vApplied: "Prinsip yang Anda terapkan",
  vViolated: "Prinsip yang Anda langgar",
  vNone: "Tidak ada.",
  vDebrief: "Pembahasan",
  vDownload: "Unduh jalur saya (JSON)",
  vBroken: "Kasus ini tidak dapat dimuat.",
  vTepat: "Tepat",
  vDiterima: "Dapat diterima",
  vBerisiko: "Berisiko",
  vMerugikan: "Merugikan",
  // the SCORM package (peksos export scorm)
  scoLms: "Terhubung ke LMS: skor dan jawaban Anda dikirim ke LMS.",
  scoLocal: "Tidak terhubung ke LMS: jawaban disimpan di peramban ini saja dan tidak masuk ke buku nilai.",
  scoFull: "Jawaban terlalu banyak untuk disimpan LMS; skor tetap dikirim, tetapi kemajuan tidak dapat dilanjutkan nanti."
};
function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of kids) if (c != null && c !== false) e.append(c);
  return e;
}
function safeUrl(url) {
  if (typeof url !== "string" || !url || /[\u0000-\u001f\s]/.test(url)) return null;
  try {
    const u = new URL(url, location.href);
    if ((u.protocol === "http:" || u.protocol === "https:") && u.origin === location.origin) return u.href;
    if (u.protocol === "file:" && location.protocol === "file:") return u.href;
  } catch (e) {
  }
  return null;
}
var MD = /\*\*([^*]+)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|`([^`]+)`|\[([^\]]+)\]\(([^()\s]+)\)/g;
function md(text) {
  const f = document.createDocumentFragment();
  const s = String(text ?? "");
  let pos = 0;
  for (const m of s.matchAll(MD)) {
    if (m.index > pos) f.append(s.slice(pos, m.index));
    if (m[1] != null) f.append(h("strong", { text: m[1] }));
    else if (m[2] != null) f.append(h("em", { text: m[2] }));
    else if (m[3] != null) f.append(h("code", { text: m[3] }));
    else {
      const href = safeUrl(m[5]);
      f.append(href ? h("a", { href, text: m[4] }) : m[0]);
    }
    pos = m.index + m[0].length;
  }
  if (pos < s.length) f.append(s.slice(pos));
  return f;
}
function unpack(d) {
  if (!d || typeof d !== "object" || d.$pk !== 1) return d;
  const walk = (x) => {
    if (Array.isArray(x)) return x.map(walk);
    if (!x || typeof x !== "object") return x;
    const keys = Object.keys(x);
    if (keys.length === 1 && keys[0] === "$r") return walk(d.t[x.$r]);
    return Object.fromEntries(keys.map((k) => [k, walk(x[k])]));
  };
  return walk(d.d);
}
function readPayload(el, cls) {
  return unpack(JSON.parse(el.querySelector(`script.${cls}`).textContent));
}
function announcer(root) {
  const r = h("div", { class: "pk-sr", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  root.append(r);
  let timer = 0;
  return (msg) => {
    r.textContent = "";
    clearTimeout(timer);
    timer = setTimeout(() => {
      r.textContent = msg;
    }, 50);
  };
}
function download(name, text, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4e3);
}

// peksos/widgets/record.js
var KEY = "peksos:v2:catatan";
var FORMAT = "peksos-catatan";
var VERSION = 2;
var COURSE = "peksos-pengantar";
var OLD = "peksos:v1:";
var memory = null;
function storage() {
  try {
    const ls = window.localStorage, k = KEY + ":probe";
    ls.setItem(k, "1");
    ls.removeItem(k);
    return ls;
  } catch (e) {
    return null;
  }
}
function fresh(seed) {
  return {
    format: FORMAT,
    v: VERSION,
    course: COURSE,
    seed: seed ?? crypto.getRandomValues(new Uint32Array(1))[0],
    created: (/* @__PURE__ */ new Date()).toISOString(),
    attempts: [],
    plays: [],
    ui: {}
  };
}
var isObj = (x) => !!x && typeof x === "object" && !Array.isArray(x);
function problem(r) {
  if (!isObj(r) || r.format !== FORMAT) return T.rForeign;
  if (r.course !== COURSE) return T.rOtherCourse;
  if (r.v !== VERSION) return T.rVersion;
  if (!Number.isInteger(r.seed) || !Array.isArray(r.attempts) || !Array.isArray(r.plays) || !isObj(r.ui)) return T.rDamaged;
  const okA = (a) => isObj(a) && typeof a.at === "string" && !isNaN(Date.parse(a.at)) && typeof a.quiz === "string" && typeof a.item === "string" && (a.score === null || typeof a.score === "number" && a.score >= 0 && a.score <= 1);
  const okP = (p) => isObj(p) && typeof p.at === "string" && !isNaN(Date.parse(p.at)) && typeof p.vignette === "string" && Array.isArray(p.path);
  return r.attempts.every(okA) && r.plays.every(okP) ? "" : T.rDamaged;
}
function migrate(ls) {
  const old = /^\d{1,10}$/.test(ls.getItem(OLD + "seed") || "") ? +ls.getItem(OLD + "seed") : void 0;
  const rec = fresh(old !== void 0 && old < 4294967296 ? old : void 0), moved = [OLD + "seed"];
  const now = (/* @__PURE__ */ new Date()).toISOString();
  for (let i = 0; i < ls.length; i++) {
    const k = ls.key(i), m = /^peksos:v1:(quiz|vignette):(.+)$/.exec(k || "");
    if (!m) continue;
    let d;
    try {
      d = JSON.parse(ls.getItem(k));
    } catch (e) {
      continue;
    }
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
  } catch (e) {
  }
  return rec;
}
function open() {
  const ls = storage();
  if (!ls) return { rec: memory || (memory = fresh()), ok: false, notice: T.storageOff, bad: null };
  const raw = ls.getItem(KEY);
  if (raw === null) return { rec: migrate(ls), ok: true, notice: "", bad: null };
  try {
    const rec = JSON.parse(raw);
    if (problem(rec)) throw new Error("shape");
    return { rec, ok: true, notice: "", bad: null };
  } catch (e) {
    return { rec: memory || (memory = fresh()), ok: false, notice: T.storageBad, bad: raw };
  }
}
function update(fn) {
  const s = open();
  fn(s.rec);
  if (!s.ok) return s;
  try {
    localStorage.setItem(KEY, JSON.stringify(s.rec));
  } catch (e) {
    s.ok = false;
    s.notice = T.storageFull;
  }
  return s;
}
function openStore(name, valid) {
  const o = open(), d = o.rec.ui[name];
  const s = { ok: o.ok, notice: o.notice, data: isObj(d) && (!valid || valid(d)) ? d : null };
  s.save = (data) => {
    const r = update((rec) => {
      rec.ui[name] = data;
    });
    s.ok = r.ok;
    s.notice = r.notice;
    return r.ok;
  };
  s.clear = () => {
    s.data = null;
    update((rec) => {
      delete rec.ui[name];
    });
  };
  return s;
}
function putPlay(play) {
  return update((rec) => {
    const i = rec.plays.findIndex((p) => p.at === play.at && p.vignette === play.vignette);
    if (!play.path.length) {
      if (i >= 0) rec.plays.splice(i, 1);
    } else if (i < 0) rec.plays.push(play);
    else rec.plays[i] = play;
  });
}

// peksos/widgets/vignette.js
var RATING_CLASS = { "tepat": "pk-r-ok", "dapat-diterima": "pk-r-fair", "berisiko": "pk-r-risk", "merugikan": "pk-r-harm" };
var OUTCOME = { baik: () => T.vOutGood, sebagian: () => T.vOutPart, buruk: () => T.vOutBad };
function holds(ast, state) {
  if (!ast) return true;
  const ops = {
    ">=": (a, b) => a >= b,
    "<=": (a, b) => a <= b,
    ">": (a, b) => a > b,
    "<": (a, b) => a < b,
    "==": (a, b) => a === b,
    "!=": (a, b) => a !== b
  };
  return ast.any.some((alt) => alt.all.every(([name, op, n]) => ops[op](state[name], n)));
}
function ratingLabel(r) {
  return { "tepat": T.vTepat, "dapat-diterima": T.vDiterima, "berisiko": T.vBerisiko, "merugikan": T.vMerugikan }[r] || r;
}
function mountVignette(root, data, host = {}) {
  const vars = Object.fromEntries(data.variables.map((v) => [v.name, v]));
  const initial = () => Object.fromEntries(data.variables.map((v) => [v.name, v.initial]));
  const store = host.store || openStore("vignette:" + data.id, (d) => Array.isArray(d.path) && typeof d.node === "string" && (d.node in data.nodes || d.node in data.endings) && d.state && typeof d.state === "object");
  let s = store.data ? {
    node: store.data.node,
    state: store.data.state,
    path: store.data.path,
    noteOk: !!store.data.noteOk,
    pending: null,
    play: typeof store.data.play === "string" ? store.data.play : null
  } : { node: data.start, state: initial(), path: [], noteOk: false, pending: null, play: null };
  root.replaceChildren();
  root.classList.add("pk-engine", "pk-vignette");
  const say = announcer(root);
  const head = h(
    "div",
    { class: "pk-v-head" },
    h("p", { class: "pk-v-kicker", text: T.vCase }),
    h("p", { class: "pk-v-title" }, md(data.title)),
    h("p", { class: "pk-v-setting" }, h("strong", { text: T.vSetting + ": " }), md(data.setting)),
    h("p", { class: "pk-v-summary" }, md(data.summary))
  );
  const notice = h("p", { class: "pk-notice", role: "note", hidden: !store.notice, text: store.notice });
  const status = h("dl", { class: "pk-v-state", "aria-label": T.vState });
  const stage = h("div", { class: "pk-v-stage" });
  const tools = h("div", { class: "pk-v-tools" });
  root.append(head, notice, status, stage, tools);
  function save() {
    if (s.path.length && !s.play) s.play = (/* @__PURE__ */ new Date()).toISOString();
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
    return {
      vignette: data.id,
      ended: s.node in data.endings,
      ending: s.node in data.endings ? s.node : null,
      outcome: s.node in data.endings ? data.endings[s.node].outcome : null,
      path: steps,
      state: s.state,
      score: points,
      max_score: 3 * steps.length,
      expert: data.expert
    };
  }
  function renderState() {
    status.replaceChildren(...data.variables.flatMap((v) => [
      h("dt", { text: v.label }),
      h("dd", { text: `${s.state[v.name]}`, "data-var": v.name })
    ]));
    status.hidden = data.variables.length === 0;
  }
  function focusHeading(el) {
    el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: false });
  }
  function principles(list, kind) {
    if (!list.length) return null;
    return h(
      "div",
      { class: "pk-v-principles" },
      h("p", { text: kind === "applies" ? T.vApplies : T.vViolates }),
      h("ul", {}, ...list.map((p) => h("li", {}, p.url ? h("a", { href: p.url, text: p.label }) : p.label)))
    );
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
    stage.replaceChildren(h(
      "div",
      { class: "pk-v-note", role: "note" },
      title,
      h("p", {}, md(data.content_note)),
      h("button", {
        type: "button",
        class: "pk-btn pk-primary",
        text: T.vNoteOk,
        onclick: () => {
          s.noteOk = true;
          save();
          draw();
        }
      })
    ));
    focusHeading(title);
  }
  function drawFeedback() {
    const { choice, to } = s.pending;
    const title = h("p", { class: "pk-v-step-title", text: T.vFeedback });
    const eff = effectsText(choice.effects);
    const box = h(
      "div",
      { class: "pk-v-feedback" },
      title,
      h(
        "p",
        {},
        h("span", { class: "pk-v-rating " + RATING_CLASS[choice.rating], text: ratingLabel(choice.rating) }),
        " ",
        md(choice.text)
      ),
      h("p", {}, md(choice.feedback)),
      eff ? h("p", { class: "pk-v-effects", text: T.vEffects + ": " + eff }) : null,
      principles(choice.applies, "applies"),
      principles(choice.violates, "violates"),
      h("button", {
        type: "button",
        class: "pk-btn pk-primary",
        text: to in data.endings ? T.vSeeEnd : T.vContinue,
        onclick: () => {
          s.pending = null;
          draw();
        }
      })
    );
    stage.replaceChildren(box);
    focusHeading(title);
    say(`${ratingLabel(choice.rating)}. ${eff ? T.vEffects + ": " + eff : ""}`);
  }
  function drawNode() {
    const node = data.nodes[s.node];
    const n = s.path.length + 1;
    const title = h("p", { class: "pk-v-step-title" }, `${T.vStep} ${n}: `, md(node.title));
    const offered = node.choices.filter((c) => holds(c.condition, s.state));
    const list = h(
      "ul",
      { class: "pk-v-choices", "aria-label": T.vChoices },
      ...offered.map((c) => h("li", {}, h("button", {
        type: "button",
        class: "pk-btn pk-v-choice",
        "data-choice": c.id,
        onclick: () => go(c)
      }, md(c.text))))
    );
    stage.replaceChildren(h(
      "div",
      { class: "pk-v-node" },
      title,
      h("div", { class: "pk-v-narrative" }, md(node.narrative)),
      node.record ? h(
        "blockquote",
        { class: "pk-v-record" },
        h("p", { class: "pk-v-record-title", text: T.vRecord }),
        h("p", {}, md(node.record))
      ) : null,
      h("p", { class: "pk-v-ask", text: T.vAsk }),
      list
    ));
    focusHeading(title);
  }
  function pathList(steps) {
    return h("ol", { class: "pk-v-path" }, ...steps.map(([nodeId, choiceId]) => {
      const c = data.nodes[nodeId].choices.find((x) => x.id === choiceId);
      return h(
        "li",
        {},
        md(data.nodes[nodeId].title),
        ": ",
        md(c.text),
        " ",
        h("span", { class: "pk-v-rating " + RATING_CLASS[c.rating], text: ratingLabel(c.rating) })
      );
    }));
  }
  function drawEnd() {
    const end = data.endings[s.node];
    const r = result();
    const title = h("p", { class: "pk-v-step-title" }, `${T.vEnd}: `, md(end.title));
    const applied = /* @__PURE__ */ new Map(), violated = /* @__PURE__ */ new Map();
    for (const st of s.path) {
      const c = choiceOf(st);
      for (const p of c.applies) applied.set(p.ref, p);
      for (const p of c.violates) violated.set(p.ref, p);
    }
    const plist = (m) => m.size ? h("ul", {}, ...[...m.values()].map((p) => h("li", {}, p.url ? h("a", { href: p.url, text: p.label }) : p.label))) : h("p", { text: T.vNone });
    const pct = r.max_score ? Math.round(100 * r.score / r.max_score) : 0;
    stage.replaceChildren(h(
      "div",
      { class: "pk-v-end" },
      title,
      h("p", { class: "pk-v-outcome pk-o-" + end.outcome, text: OUTCOME[end.outcome]() }),
      h("div", {}, md(end.narrative)),
      h("p", { class: "pk-v-score", text: `${T.vScore}: ${r.score} ${T.of} ${r.max_score} (${pct}%)` }),
      h(
        "div",
        { class: "pk-v-compare" },
        h("div", {}, h("p", { class: "pk-v-sub", text: T.vYourPath }), pathList(s.path.map((st) => [st.node, st.choice]))),
        h("div", {}, h("p", { class: "pk-v-sub", text: T.vExpertPath }), pathList(data.expert))
      ),
      h(
        "div",
        { class: "pk-v-compare" },
        h("div", {}, h("p", { class: "pk-v-sub", text: T.vApplied }), plist(applied)),
        h("div", {}, h("p", { class: "pk-v-sub", text: T.vViolated }), plist(violated))
      ),
      h("div", { class: "pk-v-debrief" }, h("p", { class: "pk-v-sub", text: T.vDebrief }), md(data.debrief)),
      h("button", {
        type: "button",
        class: "pk-btn",
        text: T.vDownload,
        onclick: () => download(`kasus-${data.id}.json`, JSON.stringify(result(), null, 2), "application/json")
      })
    ));
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
  if (s.path.length && !s.play) save();
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
var vignette_default = {
  render({ model, el }) {
    const send = (r) => {
      model.set("results", r);
      model.save_changes();
    };
    const api = mountVignette(el, model.get("payload"), { changed: send });
    send(api.result());
  }
};
export {
  vignette_default as default,
  mountVignette
};
