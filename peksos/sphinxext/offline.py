"""The book as an installable, offline-first web app.

- Every page links a web app manifest (``manifest.webmanifest``: Indonesian name and short name,
  icons of 192 and 512 px drawn at build time from the emblem of ``html_logo`` (a plain emblem for a
  book without one), theme colour,
  ``start_url`` = the book's first page, ``display: standalone``).
- Every local file a page or stylesheet loads is asked for as ``file?v=<12 hex digits of its md5>``
  (:func:`version_urls`, in place of Sphinx's ``?v=`` and the theme's ``?digest=``): the URL changes
  exactly when the file does, so the service worker can answer such a URL as lasting
  (``Cache-Control: immutable``) and the browser reuses the file from memory on the next page
  instead of asking the worker again for every stylesheet and script.
- At the end of the build ``sw.js`` is made from ``peksos/node/sw.js`` (Workbox modules bundled by
  esbuild, the precache list put in by ``workbox-build`` injectManifest, via
  ``peksos/node/offline.mjs``): it precaches the app shell (every ``_static`` file the pages load, the fonts,
  the search index) and every page outside ``notebooks/`` with its figures, each with a revision
  hash, so a rebuild replaces exactly what changed; notebook pages (stale-while-revalidate) and
  their plots (cache-first) are cached on first use. ``peksos-offline.js`` registers the worker,
  shows the "Simpan buku untuk dibaca luring" control (it caches every file listed in
  ``peksos-offline-files.json``, with progress) and the "versi baru tersedia" notice.
- The service worker never touches localStorage: quiz and case progress survives every update.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..widgets import bundle as widget_bundle
from . import course

APP_NAME = "Pengantar Pekerjaan Sosial"
SHORT_NAME = "Peksos"
DESCRIPTION = "Buku ajar terbuka pengantar pekerjaan sosial, dengan kuis dan kasus simulasi; bisa dibaca tanpa sinyal."
THEME_COLOUR = "#1d5c63"
BACKGROUND = "#ffffff"
MANIFEST = "manifest.webmanifest"
SW = "sw.js"
FILES = "peksos-offline-files.json"
ICONS_DIR = "_static/icons"
OFFLINE_JS = "peksos-offline.js"
OFFLINE_CSS = "peksos-offline.css"
CACHE_ID = "peksos"
PAGES_CACHE = "peksos-halaman"
FILES_CACHE = "peksos-berkas"
SCRIPT = Path(__file__).resolve().parents[1] / "node" / "offline.mjs"
RUNTIME_ONLY = ("notebooks/",)  # pages cached on first use (and by the save control), not precached
NOT_LISTED = ("_sources/", ".doctrees/", ".buildinfo", SW, "objects.inv")
_REF = re.compile(r'(?:src|href)="([^"#?:]+)(?:[?#][^"]*)?"')
_CSS_REF = r'(?:url\(\s*["\']?|@import\s*["\'])'  # where a stylesheet names another file
_CSS_URL = re.compile(_CSS_REF + r'([^"\')?#:]+)')
# what version_urls marks, as (before the path)(path)(after its query): files a tag or a sheet loads, not
# links to pages or downloads
_EXT = r"(?:css|js|mjs|png|svg|jpe?g|gif|webp|ico|woff2?|ttf|eot)"
_PAGE_FILE = re.compile(r'(<(?:link|script|img|source)\b[^>]*?\s(?:href|src)=")([^"#?:]+\.' + _EXT + r')(?:\?[^"#]*)?(")')
_CSS_FILE = re.compile("(" + _CSS_REF + r')([^"\')?#:]+\.' + _EXT + r')(?:\?[^"\')#]*)?()(?=[#"\')])')


def register(app: Sphinx) -> None:
    app.connect("builder-inited", _add_assets)
    app.connect("html-page-context", _link_manifest)
    app.connect("build-finished", _write_offline_files, priority=900)


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


def _add_assets(app: Sphinx) -> None:
    if not _is_html(app):
        return
    app.add_css_file(OFFLINE_CSS)
    app.add_js_file(OFFLINE_JS, defer="defer")


def _link_manifest(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if not _is_html(app) or "pathto" not in context:
        return
    pathto = context["pathto"]
    icon = pathto(ICONS_DIR + "/icon-192.png", 1)
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="manifest" href="{pathto(MANIFEST, 1)}"/>'
        f'\n<meta name="theme-color" content="{THEME_COLOUR}"/>'
        f'\n<link rel="apple-touch-icon" href="{icon}"/>'
        # a book without html_favicon: the app icon, so that the browser asks for no /favicon.ico
        + ("" if app.config.html_favicon else f'\n<link rel="icon" href="{icon}"/>'))


def manifest(start_url: str) -> dict:
    return {
        "name": APP_NAME, "short_name": SHORT_NAME, "description": DESCRIPTION, "lang": "id", "dir": "ltr",
        "start_url": start_url, "scope": "./", "id": "./", "display": "standalone",
        "theme_color": THEME_COLOUR, "background_color": BACKGROUND,
        "icons": [{"src": f"{ICONS_DIR}/icon-{n}.png", "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any"}
                  for n in (192, 512)],
    }


def emblem(svg: str) -> str:
    """The logo's square emblem: its viewBox cut to the left square (the text beside it is dropped)."""
    m = re.search(r'viewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)\s*"', svg)
    if not m:
        raise ValueError("the logo SVG has no viewBox to draw the app icons from")
    x, y, w, h = (float(v) for v in m.groups())
    side = min(w, h)
    return svg.replace(m.group(0), f'viewBox="{x:g} {y:g} {side:g} {side:g}"', 1)




# for a book without html_logo (the small test books): a disc of the theme colour with an open book
PLAIN_EMBLEM = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="48" '
                f'fill="{THEME_COLOUR}"/><path d="M20 32c12-4 22-2 30 4 8-6 18-8 30-4v38c-12-4-22-2-30 4-8-6-18-8-30-4z" '
                f'fill="#ffffff"/><path d="M50 36v38" stroke="{THEME_COLOUR}" stroke-width="2"/></svg>')


def write_icons(logo: Path | None, out: Path) -> None:
    """icon-192.png and icon-512.png from the logo's emblem (or :data:`PLAIN_EMBLEM`), redrawn only when it changed."""
    target = out / ICONS_DIR
    target.mkdir(parents=True, exist_ok=True)
    svg = emblem(logo.read_text(encoding="utf-8")) if logo else PLAIN_EMBLEM
    stamp = target / ".source"
    key = hashlib.sha256((svg + BACKGROUND).encode()).hexdigest()
    if stamp.is_file() and stamp.read_text() == key and all((target / f"icon-{n}.png").is_file() for n in (192, 512)):
        return
    with tempfile.TemporaryDirectory(prefix="peksos-icon-") as tmp:
        src = Path(tmp) / "emblem.svg"
        src.write_text(svg, encoding="utf-8")
        widget_bundle.run_node(SCRIPT, "icons", str(src), str(target), BACKGROUND, doing="drawing the app icons")
    stamp.write_text(key)


def site_pages(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")
                  if not any(part.startswith(("_", ".")) for part in p.relative_to(out).parts[:-1]))


def referenced(out: Path, pages: list[str]) -> set[str]:
    """Every file of the site that some page (or a stylesheet it loads) refers to, relative to ``out``."""
    found: set[str] = set()
    for rel in pages:
        page = out / rel
        for ref in _REF.findall(page.read_text(encoding="utf-8", errors="replace")):
            path = (page.parent / ref).resolve()
            if path.is_file() and path.is_relative_to(out.resolve()):
                found.add(path.relative_to(out.resolve()).as_posix())
    sheets = [f for f in found if f.endswith(".css")]
    while sheets:  # stylesheets bring fonts, images and the sheets they @import
        sheet = out / sheets.pop()
        for ref in _CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace")):
            path = (sheet.parent / ref).resolve()
            if path.is_file() and path.is_relative_to(out.resolve()):
                rel = path.relative_to(out.resolve()).as_posix()
                if rel not in found and rel.endswith(".css"):
                    sheets.append(rel)
                found.add(rel)
    return found


def version_urls(out: Path) -> int:
    """Ask for every local file a page (``<link>``, ``<script>``, ``<img>``, ``<source>``) or a stylesheet
    (``url()``, ``@import``) loads as ``file?v=<12 hex digits of its md5>``; a stylesheet's own digest is
    taken after its references are marked. Run again on its own output it changes nothing. Returns the
    number of pages and stylesheets rewritten."""
    root = out.resolve()
    digests: dict[Path, str] = {}

    def digest(path: Path) -> str:
        if path not in digests:
            if path.suffix == ".css":
                mark(path, _CSS_FILE)
            digests[path] = hashlib.md5(path.read_bytes()).hexdigest()[:12]
        return digests[path]

    changed = 0

    def mark(path: Path, pattern: re.Pattern) -> None:
        nonlocal changed
        text = path.read_text(encoding="utf-8", errors="surrogateescape")

        def versioned(m: re.Match) -> str:
            target = (path.parent / m.group(2)).resolve()
            if not target.is_file() or not target.is_relative_to(root):
                return m.group(0)
            return f"{m.group(1)}{m.group(2)}?v={digest(target)}{m.group(3)}"

        new = pattern.sub(versioned, text)
        if new != text:
            path.write_text(new, encoding="utf-8", errors="surrogateescape")
            changed += 1

    for rel in site_pages(out):
        mark(out / rel, _PAGE_FILE)
    return changed


def plan(out: Path) -> tuple[list[str], list[list]]:
    """(files to precache, [[file, bytes], ...] the save control caches: the whole readable book)."""
    pages = site_pages(out)
    chapters = [p for p in pages if not p.startswith(RUNTIME_ONLY)]
    shell = {MANIFEST, "searchindex.js"} | {f"{ICONS_DIR}/icon-{n}.png" for n in (192, 512)}
    # what scripts load, not tags: the practice page's items
    shell |= {p.relative_to(out).as_posix() for p in sorted((out / course.ITEMS_DIR).glob("*.js"))}
    listed_files = referenced(out, pages) | set(pages) | shell
    # the chapters with their figures (the figures are small SVGs); notebook pages and their plots on first use
    chapter_files = referenced(out, chapters) | set(chapters) | shell
    files = {f for f in listed_files if (out / f).is_file() and not f.startswith(NOT_LISTED)}
    precache = sorted(f for f in files if f in chapter_files and not f.startswith(RUNTIME_ONLY))
    listed = [[f, (out / f).stat().st_size] for f in sorted(files)]
    return precache, listed


def write_service_worker(out: Path) -> dict:
    """Write the file list and ``sw.js`` for the built site in ``out`` (also used by the tests)."""
    precache, listed = plan(out)
    (out / FILES).write_text(json.dumps({"files": listed, "bytes": sum(b for _, b in listed)},
                                        separators=(",", ":")), encoding="utf-8")
    precache.append(FILES)
    with tempfile.TemporaryDirectory(prefix="peksos-sw-") as tmp:
        job = Path(tmp) / "job.json"
        job.write_text(json.dumps({"site": str(out), "precache": precache, "cacheId": CACHE_ID,
                                   "pages": PAGES_CACHE, "files": FILES_CACHE, "tmp": tmp}), encoding="utf-8")
        result = widget_bundle.run_node_json(SCRIPT, "sw", str(job), doing="writing the service worker")
    return result


_REDIRECT = re.compile(r'^\s*<meta http-equiv="Refresh" content="0; url=([^"]+)"\s*/>\s*$')


def root_page(text: str, *, favicon: str | None) -> str | None:
    """Jupyter Book's root ``index.html`` is one ``<meta>`` redirect; as a page of its own it gets a language,
    a title, the book's icon and manifest (so the browser asks for no ``/favicon.ico`` the site lacks) and a
    link for a reader whose browser does not follow the redirect. None for any other page."""
    m = _REDIRECT.match(text)
    if not m:
        return None
    target = html.escape(m.group(1), quote=True)
    icon = f'<link rel="icon" href="{html.escape(favicon, quote=True)}"/>' if favicon else ""
    return (f'<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"/>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"/>'
            f'<meta http-equiv="Refresh" content="0; url={target}"/><title>{html.escape(APP_NAME)}</title>{icon}'
            f'<link rel="manifest" href="{MANIFEST}"/><meta name="theme-color" content="{THEME_COLOUR}"/></head>'
            f'<body><p><a href="{target}">Buka {html.escape(APP_NAME)}</a></p></body></html>\n')


def _write_offline_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _is_html(app):
        return
    out = Path(app.outdir)
    logo = Path(app.confdir) / app.config.html_logo if app.config.html_logo else None
    if logo and not logo.is_file():
        raise RuntimeError(f"html_logo {logo} is missing: the app icons are drawn from it")
    write_icons(logo, out)
    start = app.config.root_doc + ".html"
    index = out / "index.html"
    if index.is_file():
        favicon = f"_static/{Path(app.config.html_favicon).name}" if app.config.html_favicon else \
            f"{ICONS_DIR}/icon-192.png"
        page = root_page(index.read_text(encoding="utf-8"), favicon=favicon)
        if page is not None:
            index.write_text(page, encoding="utf-8")
    (out / MANIFEST).write_text(json.dumps(manifest(start), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    version_urls(out)
    write_service_worker(out)
