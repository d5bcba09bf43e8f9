"""Page weight: what a reader on a metered phone connection downloads.

At the end of an HTML build:

- :func:`purge_css` runs PurgeCSS (``peksos/node/purge.mjs``) over the theme's and extensions'
  stylesheets: every rule that no built page and no script the pages load can use is dropped,
  then esbuild minifies the rest. Each build purges from the originals (kept beside the output,
  since Sphinx copies most but not all of them again) against the pages as they are now.
  Classes that scripts build from pieces are kept by :data:`SAFELIST`.
- :func:`shrink_png` stores notebook figures (matplotlib PNG) with a 256-colour palette when
  that saves at least a fifth: the charts have few colours and look the same. :func:`shrink_svg`
  drops the metadata, indentation and sub-0.01 digits of the data figures' SVG.
- The book's own scripts (``_static/peksos-*.js``) are minified by esbuild after the purge.
- Every image of a page gets ``loading="lazy"``: a reader downloads a figure when scrolling near it.

The engine's own CSS (``_static/peksos/``) is minified by ``peksos bundle`` and never purged.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..widgets import bundle as widget_bundle

logger = logging.getLogger(__name__)
PURGE_SCRIPT = Path(__file__).resolve().parents[1] / "node" / "purge.mjs"
MARKER = "/*peksos:purged*/"
# stylesheets not purged: the engine's (minified by peksos bundle, classes made at run time)
KEEP = ("peksos/",)
SAFELIST = {
    # Classes that scripts add at run time and no page or loaded script spells out whole: Bootstrap's
    # states (`show`, `collapsing`), the theme's dark dropdowns, and Sphinx's search results. The
    # engine's `pk-` classes are built from pieces. Everything else is found in the pages and scripts.
    "standard": ["show", "collapsing", "dropdown-menu-dark", "highlighted", "search-summary", "context"],
    "patterns": [r"^pk-", r"^peksos-", r"^kind-", r"^copybtn", r"^o-tooltip"],
    "deep": [],
    # attribute states set by scripts: colour mode, the dropdown placement flag, opened <details>
    "greedy": [r"data-theme", r"data-mode", r"data-bs-popper", r"\[open"],
}
# Theme features this book does not configure (no `switcher`, no `announcement` in html_theme_options):
# the theme's script names their classes and its pages carry a hidden version-warning <aside>, so only
# this list lets PurgeCSS drop their rules. tests/sphinxext/test_weight.py checks the options stay unset.
BLOCKLIST = [r"^version-switcher", r"^bd-header-version-warning$", r"^pst-button-link-to-stable-version$",
             r"^bd-header-announcement"]
_SCRIPT_SRC = re.compile(r'<script[^>]*\bsrc="([^"?#]+)')


def register(app: Sphinx) -> None:
    app.connect("build-finished", _lazy_images, priority=650)
    app.connect("build-finished", _purge_css, priority=700)
    app.connect("build-finished", _shrink_images, priority=700)
    app.connect("build-finished", _minify_scripts, priority=710)


def _html_built(app: Sphinx, exception: Exception | None) -> bool:
    """A build-finished step runs only after an HTML build that succeeded."""
    return exception is None and app.builder.format == "html"


_IMG = re.compile(r"<img\b(?![^>]*\bloading=)([^>]*?)(\s*/?)>")


def lazy_images(text: str) -> str:
    """Every ``<img>`` without a loading attribute gets ``loading="lazy"``: a figure in the text loads
    when the reader scrolls near it, a logo in a closed header menu not at all."""
    return _IMG.sub(r'<img\1 loading="lazy" decoding="async"\2>', text)


def _lazy_images(app: Sphinx, exception: Exception | None) -> None:
    if not _html_built(app, exception):
        return
    for page in _pages(Path(app.outdir)):
        text = page.read_text(encoding="utf-8")
        lazy = lazy_images(text)
        if lazy != text:
            page.write_text(lazy, encoding="utf-8")


_SVG_NUMBER = re.compile(r"(?<![\w#.])(-?\d+\.\d{2})\d+")


def shrink_svg(text: str) -> str:
    """A matplotlib SVG without its metadata block, indentation, sub-0.01 coordinate digits, group
    ids nothing refers to, and the long font fallback list in every label (phones have none of those
    fonts: the label is drawn in the system sans-serif either way)."""
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r"font-family: [^;\"]*sans-serif", "font-family: sans-serif", text)
    text = re.sub(r'<g id="[^"]*">', "<g>", text)
    text = re.sub(r">\s+<", "><", text)
    text = re.sub(r'd="([^"]*)"', lambda m: 'd="' + re.sub(r"\s+", " ", m.group(1)).strip() + '"', text)
    return _SVG_NUMBER.sub(r"\1", text)


def shrink_svg_file(path: Path) -> bool:
    """Rewrite ``path`` with :func:`shrink_svg` if that is smaller."""
    text = path.read_text(encoding="utf-8")
    small = shrink_svg(text)
    if len(small) >= len(text):
        return False
    path.write_text(small, encoding="utf-8")
    return True


def _pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "_static" not in p.relative_to(out).parts)


def loaded_scripts(out: Path, pages: list[Path]) -> list[Path]:
    """Every same-site script file that some page loads (their class names count as used)."""
    found: set[Path] = set()
    for page in pages:
        for src in _SCRIPT_SRC.findall(page.read_text(encoding="utf-8", errors="replace")):
            if "://" in src:
                continue
            path = (page.parent / src).resolve()
            if path.is_file() and path.name != "searchindex.js":
                found.add(path)
    return sorted(found)


def stylesheets(out: Path) -> list[Path]:
    static = out / "_static"
    return sorted(p for p in static.rglob("*.css")
                  if not p.relative_to(static).as_posix().startswith(KEEP))


def _pristine(out: Path, path: Path, store: Path) -> Path:
    """The stylesheet as Sphinx copied it: the file itself when fresh (kept in ``store``), else the copy
    kept by an earlier build (Sphinx does not copy every file again on every build)."""
    kept = store / path.relative_to(out)
    text = path.read_text(encoding="utf-8")
    if not text.startswith(MARKER):
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(text, encoding="utf-8")
    elif not kept.is_file():
        raise RuntimeError(f"{path}: already purged and its original is not in {store}; "
                           "delete the build folder and build again")
    return kept


def purge_css(out: Path, store: Path | None = None) -> dict[str, tuple[int, int]]:
    """Purge and minify every stylesheet under ``out/_static`` (see the module docs); returns sizes.
    ``store`` keeps the originals between builds (default: ``peksos-css`` beside ``out``)."""
    pages = _pages(out)
    css = stylesheets(out)
    if not pages or not css:
        return {}
    store = store or out.parent / "peksos-css"
    with tempfile.TemporaryDirectory(prefix="peksos-purge-") as tmp:
        pairs = [[str(_pristine(out, path, store)), str(path)] for path in css]
        content = [str(p) for p in pages] + [str(p) for p in loaded_scripts(out, pages)]
        stamp = store / ".purged"
        key = _inputs_key([Path(p) for p in content] + [Path(a) for a, _ in pairs] + [PURGE_SCRIPT])
        if stamp.is_file() and stamp.read_text(encoding="utf-8") == key and \
                all(path.read_text(encoding="utf-8").startswith(MARKER) for path in css):
            return {}  # nothing changed since the last purge (a no-change rebuild)
        job = Path(tmp) / "job.json"
        job.write_text(json.dumps({"css": pairs, "content": content, "safelist": SAFELIST,
                                          "blocklist": BLOCKLIST}), encoding="utf-8")
        sizes = widget_bundle.run_node_json(PURGE_SCRIPT, str(job), doing="purging the theme CSS")
    stamp.write_text(key, encoding="utf-8")
    return {k: tuple(v) for k, v in sizes.items()}


def _inputs_key(paths: list[Path]) -> str:
    import hashlib

    digest = hashlib.sha256(json.dumps([SAFELIST, BLOCKLIST], sort_keys=True).encode())
    for path in sorted(paths):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _purge_css(app: Sphinx, exception: Exception | None) -> None:
    if not _html_built(app, exception):
        return
    sizes = purge_css(Path(app.outdir))
    before, after = sum(b for b, _ in sizes.values()), sum(a for _, a in sizes.values())
    logger.info(f"peksos: theme CSS purged and minified, {before} -> {after} bytes in {len(sizes)} files")


MINIFY_SCRIPT = PURGE_SCRIPT.with_name("minify.mjs")


def own_scripts(out: Path) -> list[Path]:
    """The book's own scripts beside the theme's (``_static/peksos-*.js``, from peksos/sphinxext/static)."""
    return sorted((out / "_static").glob("peksos-*.js"))


def minify_scripts(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Minify ``paths`` in place with esbuild; returns {path: (bytes before, bytes after)}."""
    if not paths:
        return {}
    sizes = widget_bundle.run_node_json(MINIFY_SCRIPT, *map(str, paths), doing=f"minifying {len(paths)} scripts")
    return {k: tuple(v) for k, v in sizes.items()}


def _minify_scripts(app: Sphinx, exception: Exception | None) -> None:
    """After the purge (which reads these scripts for class names) : Sphinx copies the readable sources
    again on the next build, so a no-change rebuild purges nothing again."""
    if _html_built(app, exception):
        minify_scripts(own_scripts(Path(app.outdir)))


def shrink_png(path: Path, *, min_gain: float = 0.2) -> bool:
    """Re-save ``path`` with a 256-colour palette if that is at least ``min_gain`` smaller."""
    import io

    from PIL import Image

    with Image.open(path) as img:
        if img.mode == "P":
            return False
        rgba = img.convert("RGBA")
    has_alpha = rgba.getextrema()[3][0] < 255
    quant = rgba.quantize(256, method=Image.Quantize.FASTOCTREE) if has_alpha else \
        rgba.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    buf = io.BytesIO()
    quant.save(buf, format="PNG", optimize=True)
    data = buf.getvalue()
    if len(data) > (1 - min_gain) * path.stat().st_size:
        return False
    path.write_bytes(data)
    return True


SHRINK = {".png": shrink_png, ".svg": shrink_svg_file}  # figure files in _images/, by suffix


def _shrink_images(app: Sphinx, exception: Exception | None) -> None:
    images = Path(app.outdir) / "_images"
    if _html_built(app, exception) and images.is_dir():
        for path in sorted(images.iterdir()):
            if path.suffix in SHRINK:
                SHRINK[path.suffix](path)
