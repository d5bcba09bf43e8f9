// peksos engine: the shared core of the quiz and the vignette player. Plain ES module; esbuild bundles
// it for the static book, the SCORM packages and the Jupyter host (`peksos bundle`, peksos/node/bundle.mjs).

// Every UI string, in one place (Indonesian). Translate here.
export const T = {
  check: "Periksa", retry: "Coba lagi", show: "Tampilkan jawaban", reset: "Hapus jawaban saya",
  resetConfirm: "Tekan sekali lagi untuk menghapus", resetDone: "Semua jawaban dihapus. Kuis dimulai dari awal.",
  review: "Lihat ringkasan", reviewTitle: "Ringkasan hasil", dlJson: "Unduh hasil (JSON)", dlCsv: "Unduh hasil (CSV)",
  item: "Soal", of: "dari", score: "Skor", unchecked: "belum diperiksa",
  right: "Benar.", partly: "Sebagian benar.", wrong: "Belum tepat.", revealed: "Jawaban ditampilkan (tidak dinilai).",
  needAnswer: "Pilih atau isi jawaban terlebih dahulu.", tryAgain: "Silakan coba lagi.",
  yours: "pilihan Anda", correctOpt: "jawaban benar", missed: "terlewat: ini juga benar",
  tBenar: "Benar", tSalah: "Salah", choose: "— pilih —", chooseGroup: "— pilih kelompok —",
  matchFor: "Pasangan untuk", groupFor: "Kelompok untuk", answerLabel: "Jawaban Anda",
  accepted: "Jawaban yang diterima", up: "Naik", down: "Turun",
  nowAt: "sekarang di urutan ke-", inPlace: "Sudah di tempatnya.", notInPlace: "Belum di tempatnya.",
  matchOk: "Tepat.", matchNo: "Kurang tepat.", noChoice: "Belum dipilih.", orderHint: "Susun dengan tombol Naik dan Turun.",
  learnMore: "Baca bagian buku yang membahasnya", explanation: "Penjelasan",
  topic: "Topik", mastery: "Penguasaan", mastered: "dikuasai", almost: "hampir dikuasai", again: "perlu diulang",
  revisit: "Soal yang perlu diulang", allDone: "Semua soal sudah diperiksa.",
  storageOff: "Penyimpanan peramban tidak tersedia: jawaban Anda tidak disimpan setelah halaman ditutup.",
  storageBad: "Catatan belajar yang tersimpan di peramban ini rusak. Catatan itu tidak diubah, dan jawaban kali ini tidak disimpan. Buka halaman “Kemajuan saya” untuk mengunduh data yang rusak atau memulai catatan baru.",
  storageFull: "Penyimpanan peramban penuh: jawaban terakhir tidak tersimpan. Catatan yang sudah tersimpan tetap utuh; unduh catatan belajar Anda di halaman “Kemajuan saya”.",
  rForeign: "Berkas ini bukan catatan belajar kursus ini. Tidak ada yang diubah.",
  rOtherCourse: "Berkas ini catatan belajar dari kursus lain. Tidak ada yang diubah.",
  rVersion: "Berkas ini dibuat oleh versi buku yang tidak dikenal. Tidak ada yang diubah.",
  rDamaged: "Berkas catatan belajar ini rusak atau tidak lengkap. Tidak ada yang diubah.",
  broken: "Kuis ini tidak dapat dimuat.", poolNote: "Soal diambil acak", quiz: "Kuis",
  // the vignette player
  vCase: "Kasus simulasi", vSetting: "Tempat", vState: "Keadaan kasus saat ini", vStep: "Keputusan",
  vAsk: "Apa yang Anda lakukan sebagai pekerja sosial?", vChoices: "Pilihan tindakan", vRecord: "Cuplikan catatan kasus",
  vFeedback: "Umpan balik atas keputusan Anda", vEffects: "Dampak", vContinue: "Lanjutkan", vSeeEnd: "Lihat akhir kasus",
  vApplies: "Prinsip yang diterapkan:", vViolates: "Prinsip yang dilanggar:", vBack: "Kembali satu langkah",
  vRestart: "Mulai ulang kasus", vBackDone: "Keputusan terakhir dibatalkan; keadaan kasus dipulihkan.",
  vRestarted: "Kasus dimulai ulang dari awal.", vNote: "Catatan isi", vNoteOk: "Saya mengerti, mulai kasus",
  vEnd: "Akhir kasus", vOutGood: "Hasil: baik", vOutPart: "Hasil: sebagian tercapai", vOutBad: "Hasil: buruk",
  vScore: "Skor pertimbangan", vYourPath: "Jalur Anda", vExpertPath: "Jalur yang disarankan",
  vApplied: "Prinsip yang Anda terapkan", vViolated: "Prinsip yang Anda langgar", vNone: "Tidak ada.",
  vDebrief: "Pembahasan", vDownload: "Unduh jalur saya (JSON)", vBroken: "Kasus ini tidak dapat dimuat.",
  vTepat: "Tepat", vDiterima: "Dapat diterima", vBerisiko: "Berisiko", vMerugikan: "Merugikan",
  // the SCORM package (peksos export scorm)
  scoLms: "Terhubung ke LMS: skor dan jawaban Anda dikirim ke LMS.",
  scoLocal: "Tidak terhubung ke LMS: jawaban disimpan di peramban ini saja dan tidak masuk ke buku nilai.",
  scoFull: "Jawaban terlalu banyak untuk disimpan LMS; skor tetap dikirim, tetapi kemajuan tidak dapat dilanjutkan nanti.",
};

// h("button", {class: "x", type: "button", onclick: fn}, "text", node, ...): DOM without innerHTML.
export function h(tag, attrs, ...kids) {
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

// A URL the book may link to: relative, or absolute on this very origin, over http(s) (or file: in a
// copy opened from disk). Else null.
export function safeUrl(url) {
  if (typeof url !== "string" || !url || /[\u0000-\u001f\s]/.test(url)) return null;
  try {
    const u = new URL(url, location.href);
    if ((u.protocol === "http:" || u.protocol === "https:") && u.origin === location.origin) return u.href;
    // the downloaded copy opened from disk: links stay inside that copy
    if (u.protocol === "file:" && location.protocol === "file:") return u.href;
  } catch (e) { /* not a URL */ }
  return null;
}

const MD = /\*\*([^*]+)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|`([^`]+)`|\[([^\]]+)\]\(([^()\s]+)\)/g;

// Safe mini-Markdown: **bold**, *italic*, `code`, [text](link into the book). Everything else is text.
export function md(text) {
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

// A widget payload as peksos.markup.pack wrote it: objects shared by reference ({"$r": i} into
// the table "t") are restored; an unpacked payload (the Jupyter host sends one) is returned as is.
export function unpack(d) {
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

// The payload of the static widget `el`: its <script type="application/json" class="cls">.
export function readPayload(el, cls) {
  return unpack(JSON.parse(el.querySelector(`script.${cls}`).textContent));
}

// Comparison key of a typed answer: no case, no diacritics, single spaces (as peksos.quiz.schema.normalise).
export function norm(s) {
  return String(s ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

// FNV-1a hash of a string, and a seeded generator (mulberry32) in [0, 1).
export function hash(s) {
  let x = 2166136261;
  for (const c of String(s)) { x ^= c.codePointAt(0); x = Math.imul(x, 16777619) >>> 0; }
  return x >>> 0;
}

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(arr, rand) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// Mount every `.peksos-<kind>` widget of the static page once: mountFn(el, its JSON payload).
export function mountEach(kind, mountFn) {
  const run = () => {
    for (const el of document.querySelectorAll(`.peksos-${kind}[data-peksos-engine="${kind}"]`)) {
      if (el.dataset.pkMounted) continue;
      el.dataset.pkMounted = "1";
      try { mountFn(el, readPayload(el, `peksos-${kind}-data`)); }
      catch (e) { el.append(h("p", { class: "pk-notice", role: "alert", text: T.broken })); console.warn(`peksos ${kind}:`, e); }
    }
  };
  if (typeof document === "undefined" || !document.querySelector) return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
}

// A polite live region inside `root`; say(text) announces it.
export function announcer(root) {
  const r = h("div", { class: "pk-sr", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  root.append(r);
  let timer = 0;
  return (msg) => {
    r.textContent = "";
    clearTimeout(timer);
    timer = setTimeout(() => { r.textContent = msg; }, 50);
  };
}

export function num(x) {
  return (Math.round(x * 100) / 100).toLocaleString("id-ID");
}

export function download(name, text, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4000);
}

// RFC 4180 CSV; text cells that a spreadsheet would run as a formula get a leading apostrophe.
export function csv(rows) {
  const cell = (c) => {
    if (c == null) return "";
    let s = String(c);
    if (typeof c === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
