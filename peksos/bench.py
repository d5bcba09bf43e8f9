"""``make bench``: build times and the bytes every page loads, written to bench.json.

Measures, on this machine: a clean build (fresh output folder, notebook cache kept
out of it), a no-change rebuild, and for every page of the built site the
same-origin bytes Chromium loads (median and maximum), and what the built book teaches of the
data ("content": items explained, apply-kind lists with examples). Figures, not assertions.
"""
from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import site
from .paths import project_root


def _build(root: Path) -> float:
    start = time.perf_counter()
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    proc = subprocess.run([str(jupyter_book), "build", str(root), "-W", "-n", "--keep-going"],
                          cwd=root, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 or not (root / "_build" / "html" / "index.html").exists():
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"build failed (exit {proc.returncode}); bench aborted")
    return round(elapsed, 2)


def _gzip_size(path: Path) -> int:
    import gzip

    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def _local_file(html_root: Path, base: str, url: str) -> Path | None:
    from urllib.parse import unquote, urlsplit

    rel = unquote(urlsplit(url[len(base):]).path).lstrip("/")
    path = html_root / (rel or "index.html")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def page_weights(html_root: Path) -> dict[str, dict[str, int]]:
    """Per page: the same-origin bytes Chromium loads (uncompressed) and the same files gzipped."""
    from playwright.sync_api import sync_playwright

    weights: dict[str, dict[str, int]] = {}
    with site.serve(html_root) as base, sync_playwright() as p:
        browser = site.launch(p)
        for path in site.pages(html_root):
            ctx = browser.new_context()
            page = ctx.new_page()
            log = site.PageLog(origin=base)
            log.attach(page)
            page.goto(f"{base}/{path}", wait_until="networkidle")
            page.wait_for_timeout(300)
            loaded = site.loaded_bytes(page)
            files = [f for f in (_local_file(html_root, base, url) for url in loaded) if f is not None]
            weights[path] = {"bytes": sum(loaded.values()), "gzip": sum(_gzip_size(f) for f in files),
                             "requests": len(loaded)}
            ctx.close()
        browser.close()
    return weights


OFFLINE_CHAPTER = "book/pengertian.html"


def offline_open_ms(html_root: Path, chapter: str = OFFLINE_CHAPTER, repeats: int = 7) -> dict:
    """Open ``chapter`` with no network from the service worker's cache: the service worker installed
    and warm (the reader visited the book before), the browser offline; navigation start to the load
    event, from Chromium's Navigation Timing, ``repeats`` times (the first, warming, open not counted)."""
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    with site.serve(html_root) as base, sync_playwright() as p:
        browser = site.launch(p)
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(f"{base}/book/intro.html", wait_until="load")
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30000)
        ctx.set_offline(True)
        for n in range(repeats + 1):
            page.goto(f"{base}/{chapter}", wait_until="load")
            took = page.evaluate("() => { const e = performance.getEntriesByType('navigation')[0];"
                                 " return e.loadEventEnd - e.startTime; }")
            if n:
                times.append(round(float(took), 1))
        ctx.close()
        browser.close()
    return {"chapter": chapter, "median_ms": statistics.median(times), "runs_ms": times}


def engine_bytes() -> dict[str, int]:
    """Bytes of the minified JS+CSS (peksos/widgets/dist) a page with each kind of widget loads, the
    shared engine included, and the same gzipped; ``quiz_vignette_total`` is a page with both."""
    from .widgets import assets, bundle

    sizes = {p.name: p.stat().st_size for p in assets.site_files()}
    zipped = {p.name: _gzip_size(p) for p in assets.site_files()}
    out: dict[str, int] = dict(sizes)
    kinds = {"quiz": ("quiz",), "vignette": ("vignette",), "progress": ("progress",), "practice": ("practice",),
             "quiz_vignette": ("quiz", "vignette")}
    for label, names in kinds.items():
        files = list(dict.fromkeys(f for k in names for f in [*bundle.js_files(k), *bundle.css_files(k)]))
        out[f"{label}_page_total"] = sum(sizes[f] for f in files)
        out[f"{label}_page_total_gzip"] = sum(zipped[f] for f in files)
    out["sources_total"] = sum(p.stat().st_size for p in assets.static_files())
    return out


def content(html_root: Path) -> dict:
    """The "content" section: what of the inventory and the data a reader finds in the built book.

    Definitions, events and disagreements found vs total (:mod:`peksos.depth`); items explained and
    apply-kind lists with examples (:mod:`peksos.coverage`).
    """
    from . import coverage, depth

    section: dict = {}
    section.update(depth.counts(depth.check(html_root)))
    measured = coverage.measure(html_root)
    section.update({"items_explained": measured.items_explained, "items_total": measured.items_total,
                    "lists_with_examples": measured.lists_with_examples, "apply_lists": measured.apply_lists})
    return section


def scorm_bytes(root: Path | None = None) -> dict:
    """Bytes of every SCORM 1.2 package (``peksos export scorm all``), with the total and the largest."""
    import tempfile

    from .export.scorm import export_scorm

    with tempfile.TemporaryDirectory() as tmp:
        sizes = {p.path.name: p.size for p in export_scorm("all", tmp, root=root or project_root())}
    return {"packages": sizes, "count": len(sizes), "total": sum(sizes.values()),
            "max": max(sizes.values(), default=0)}


def full_record() -> dict:
    """A learning record after every item of every bank was answered once (right), as the book stores it:
    one attempt per item and each quiz's page state."""
    from . import record
    from .quiz import scoring
    from .results import catalog

    attempts, ui = [], {}
    for bank in catalog().banks.values():
        state = {}
        for n, it in enumerate(bank.items):
            item = it.model_dump(mode="json")
            answer = scoring.correct_answer(item)
            attempts.append({"at": f"2026-03-02T09:{n % 60:02d}:00.000Z", "quiz": bank.id, "item": it.id,
                             "type": it.type, "level": it.level, "chapter": bank.chapter, "tags": it.tags,
                             "list_id": it.list_id, "section": it.section, "answer": answer, "shown": False,
                             "score": 1, "correct": True})
            state[it.id] = {"a": answer, "c": True, "s": False, "t": 1}
        ui[f"quiz:{bank.id}"] = {"items": state}
    return {"format": record.FORMAT, "v": record.VERSION, "course": record.COURSE, "seed": 123456789,
            "created": "2026-03-01T08:00:00.000Z", "attempts": attempts, "plays": [], "ui": ui}


def progress_render_ms(html_root: Path, rec: dict, runs: int = 5) -> float:
    """Median time (ms) the "Kemajuan saya" page takes to draw ``rec`` in Chromium (performance.measure)."""
    from playwright.sync_api import sync_playwright

    times = []
    with site.serve(html_root) as base, sync_playwright() as p:
        browser = site.launch(p)
        for _ in range(runs):
            ctx = browser.new_context()
            page = ctx.new_page()
            page.add_init_script("localStorage.setItem('peksos:v2:catatan', %s)" % json.dumps(json.dumps(rec)))
            page.goto(f"{base}/book/kemajuan.html", wait_until="load")
            page.wait_for_selector(".pk-p-summary")
            times.append(page.evaluate("() => performance.getEntriesByName('peksos-progress')[0].duration"))
            ctx.close()
        browser.close()
    return round(statistics.median(times), 1)


def run(out: Path | None = None, *, clean: bool = True) -> dict:
    root = project_root()
    build_dir = root / "_build"
    result: dict = {"machine": {"cores": __import__("os").cpu_count(), "python": sys.version.split()[0]}}
    if clean:
        html = build_dir / "html"
        shutil.rmtree(html, ignore_errors=True)
        shutil.rmtree(build_dir / ".doctrees", ignore_errors=True)
        shutil.rmtree(build_dir / "jupyter_execute", ignore_errors=True)
        shutil.rmtree(build_dir / ".jupyter_cache", ignore_errors=True)
        result["clean_build_s"] = _build(root)
    result["no_change_rebuild_s"] = _build(root)
    weights = page_weights(build_dir / "html")
    values = sorted(w["bytes"] for w in weights.values())
    zipped = sorted(w["gzip"] for w in weights.values())
    result["pages"] = len(values)
    result["page_bytes_median"] = int(statistics.median(values)) if values else 0
    result["page_bytes_max"] = values[-1] if values else 0
    result["page_gzip_median"] = int(statistics.median(zipped)) if zipped else 0
    result["page_gzip_max"] = zipped[-1] if zipped else 0
    result["heaviest_pages"] = {k: v for k, v in sorted(weights.items(), key=lambda kv: -kv[1]["bytes"])[:5]}
    result["engine_bytes"] = engine_bytes()
    result["quiz_engine_bytes"] = result["engine_bytes"]["quiz_page_total"]
    result["scorm_bytes"] = scorm_bytes(root)
    result["quiz_vignette_engine_bytes"] = result["engine_bytes"]["quiz_vignette_page_total"]
    result["quiz_vignette_engine_gzip"] = result["engine_bytes"]["quiz_vignette_page_total_gzip"]
    result["page_weights"] = weights
    result["offline_open"] = offline_open_ms(build_dir / "html")
    result["offline_open_s_median"] = round(result["offline_open"]["median_ms"] / 1000, 3)
    rec = full_record()
    result["record_items_answered"] = len(rec["attempts"])
    result["record_bytes_all_items"] = len(json.dumps(rec, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    result["progress_render_ms"] = progress_render_ms(build_dir / "html", rec)
    result["content"] = content(build_dir / "html")
    target = out or root / "bench.json"
    target.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result
