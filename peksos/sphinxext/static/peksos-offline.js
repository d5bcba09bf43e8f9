// The offline book: registers the service worker (sw.js, written by Workbox at build time), offers
// "Simpan buku untuk dibaca luring" (caches every file of the book, with progress) and shows
// "Versi baru tersedia" when a new build is deployed. Never touches localStorage, so quiz and case
// progress survives every update. From a copy opened from disk (file://) it does nothing.
(() => {
  "use strict";
  const T = {
    title: "Baca tanpa sinyal",
    intro: "Simpan seluruh buku di peramban ini agar semua bab, kuis, dan kasus tetap terbuka tanpa koneksi.",
    save: "Simpan buku untuk dibaca luring",
    again: "Perbarui salinan luring",
    start: "Menyimpan buku…",
    progress: (n, all, mb, total) => `${n} dari ${all} berkas (${mb} dari ${total} MB)`,
    done: (all, total) => `Selesai: ${all} berkas (${total} MB) tersimpan. Buku ini kini bisa dibaca tanpa sinyal.`,
    partly: (bad) => `${bad} berkas belum tersimpan karena koneksi terputus. Tekan tombol sekali lagi saat ada sinyal.`,
    refused: "Penyimpanan ditolak atau penuh: buku belum tersimpan seluruhnya. Kosongkan ruang penyimpanan atau izinkan situs ini menyimpan data, lalu coba lagi.",
    noList: "Daftar berkas buku tidak dapat dimuat. Coba lagi saat ada sinyal.",
    update: "Versi baru tersedia",
    reload: "Muat ulang",
  };
  const PAGES = "peksos-halaman", FILES = "peksos-berkas";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  const root = new URL(document.documentElement.dataset.content_root || "./", location.href);
  const mb = (bytes) => (bytes / 1048576).toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };

  function control() {
    const box = el("section", { class: "pk-offline", "aria-labelledby": "pk-offline-title" });
    const button = el("button", { type: "button", class: "pk-offline-save" }, T.save);
    const bar = el("progress", { class: "pk-offline-bar", max: "1", value: "0", "aria-label": T.save, hidden: "" });
    const count = el("p", { class: "pk-offline-count" });
    const status = el("p", { class: "pk-offline-status", role: "status", "aria-live": "polite" });
    box.append(el("h2", { id: "pk-offline-title", class: "pk-offline-title" }, T.title),
      el("p", { class: "pk-offline-intro" }, T.intro), button, bar, count, status);
    const say = (text) => { status.textContent = ""; setTimeout(() => { status.textContent = text; }, 50); };
    button.addEventListener("click", () => saveAll({ button, bar, count, say }));
    const where = document.querySelector(".bd-footer-content__inner") || document.querySelector("main") || document.body;
    where.prepend(box);
  }

  async function saveAll(ui) {
    ui.button.disabled = true;
    ui.say(T.start);
    try {
      let list;
      try {
        const res = await fetch(new URL("peksos-offline-files.json", root), { cache: "no-cache" });
        list = await res.json();
      } catch (e) { ui.say(T.noList); return; }
      const files = list.files, total = list.bytes;
      if (navigator.storage && navigator.storage.persist) {
        try { await navigator.storage.persist(); } catch (e) { /* the browser decides */ }
      }
      if (navigator.storage && navigator.storage.estimate) {
        const { quota, usage } = await navigator.storage.estimate();
        if (quota && quota - (usage || 0) < total) { ui.say(T.refused); return; }
      }
      const [pages, other] = await Promise.all([caches.open(PAGES), caches.open(FILES)]);
      let n = 0, bytes = 0, bad = 0, refused = false, next = 0;
      ui.bar.hidden = false;
      ui.bar.max = files.length;
      const show = () => { ui.bar.value = n; ui.count.textContent = T.progress(n, files.length, mb(bytes), mb(total)); };
      show();
      const worker = async () => {
        while (next < files.length && !refused) {
          const [path, size] = files[next++];
          const url = new URL(path, root).href;
          try {
            if (!(await caches.match(url, { ignoreSearch: true }))) {
              const res = await fetch(url, { cache: "no-cache" });
              if (!res.ok) throw new Error(String(res.status));
              await (/\.html$/.test(path) ? pages : other).put(url, res);
            }
          } catch (e) {
            if (e && e.name === "QuotaExceededError") refused = true;
            else bad++;
            continue;
          }
          n++; bytes += size; show();
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      if (refused) ui.say(T.refused);
      else if (bad) ui.say(T.partly(bad));
      else { ui.say(T.done(files.length, mb(total))); ui.button.textContent = T.again; }
    } finally {
      ui.button.disabled = false;
    }
  }

  function notice(waiting) {
    if (document.querySelector(".pk-update")) return;
    const box = el("div", { class: "pk-update", role: "status", "aria-live": "polite" });
    const button = el("button", { type: "button", class: "pk-update-reload" }, T.reload);
    box.append(el("span", {}, T.update + " — "), button);
    button.addEventListener("click", () => {
      reloading = true;
      button.disabled = true;
      waiting.postMessage({ type: "SKIP_WAITING" });
    });
    document.body.append(box);
  }

  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => { if (reloading) location.reload(); });
  const ready = () => {
    control();
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href }).then((reg) => {
      if (reg.waiting && navigator.serviceWorker.controller) notice(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const sw = reg.installing;
        if (!sw) return;
        sw.addEventListener("statechange", () => {
          if (sw.state === "installed" && navigator.serviceWorker.controller) notice(sw);
        });
      });
    }).catch((e) => console.warn("peksos: service worker not registered:", e));
  };
  if (document.readyState !== "loading") ready();
  else document.addEventListener("DOMContentLoaded", ready);
})();
