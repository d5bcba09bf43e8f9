// What the theme used Bootstrap's 81 KB bundle for, in a few lines: header dropdowns (click,
// Escape, click outside), the back-to-top button, and a `bootstrap.Tooltip` stand-in for the
// theme's own script (tooltips stay the browser's native `title`). Also: the theme's scripts wire
// only the first sidebar toggle (in a navbar this layout hides); the visible toggles in the
// article header pass their click on to it, so the menu opens on a phone.
(() => {
  "use strict";
  class Tooltip {
    constructor(el) { this.el = el; }
    show() {} hide() {} dispose() {} update() {} setContent() {}
    static getOrCreateInstance(el) { return new Tooltip(el); }
    static getInstance() { return null; }
  }
  const menus = () => document.querySelectorAll('[data-bs-toggle="dropdown"]');
  const menuOf = (btn) => btn.parentElement && btn.parentElement.querySelector(".dropdown-menu");
  function setOpen(btn, open) {
    const menu = menuOf(btn);
    btn.classList.toggle("show", open);
    btn.setAttribute("aria-expanded", String(open));
    if (menu) {
      menu.classList.toggle("show", open);
      menu.setAttribute("data-bs-popper", "static");
    }
  }
  function closeAll(except) {
    for (const b of menus()) if (b !== except && b.classList.contains("show")) setOpen(b, false);
  }
  class Dropdown {
    constructor(el) { this.el = el; }
    toggle() { const open = !this.el.classList.contains("show"); closeAll(this.el); setOpen(this.el, open); }
    show() { closeAll(this.el); setOpen(this.el, true); }
    hide() { setOpen(this.el, false); }
    static getOrCreateInstance(el) { return new Dropdown(el); }
  }
  window.bootstrap = window.bootstrap || { Tooltip, Dropdown };

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }
  ready(() => {
    document.addEventListener("click", (e) => {
      const btn = e.target.closest && e.target.closest('[data-bs-toggle="dropdown"]');
      if (btn) { e.preventDefault(); new Dropdown(btn).toggle(); return; }
      if (!(e.target.closest && e.target.closest(".dropdown-menu"))) closeAll(null);
    });
    document.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      for (const b of menus()) {
        if (b.classList.contains("show")) { setOpen(b, false); b.focus(); }
      }
    });
    for (const kind of ["primary", "secondary"]) {
      const toggles = [...document.querySelectorAll(`.${kind}-toggle`)];
      for (const other of toggles.slice(1)) {
        other.addEventListener("click", (e) => { e.preventDefault(); toggles[0].click(); });
      }
    }
    const top = document.getElementById("pst-back-to-top");
    const header = document.querySelector(".bd-header");
    if (top) {
      top.addEventListener("click", () => { document.body.scrollTop = 0; document.documentElement.scrollTop = 0; });
      let last = 0; // not window.scrollY: reading it here would lay the page out before it is shown
      window.addEventListener("scroll", () => {
        const limit = header ? header.getBoundingClientRect().bottom : 0;
        top.style.display = last > window.scrollY && window.scrollY > limit ? "block" : "none";
        last = window.scrollY;
      }, { passive: true });
    }
  });
})();
