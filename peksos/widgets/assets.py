"""Where the widgets' front-end files are (``peksos/widgets/`` and each content kind's folder), and which a page
of each kind needs."""
from __future__ import annotations

from pathlib import Path

from . import bundle

WIDGETS_DIR = Path(__file__).resolve().parent
ENGINE_JS = "engine.js"
ENGINE_CSS = "engine.css"

def static_files() -> list[Path]:
    """Every readable front-end source file (ES modules and CSS) the book uses: ``peksos/widgets/`` and the
    content kinds' folders."""
    return bundle.sources(WIDGETS_DIR)


def site_files() -> list[Path]:
    """The minified bundles the book copies to ``_static/peksos/`` (see :mod:`peksos.widgets.bundle`; the
    SCORM scripts in ``dist/scorm/`` are not among them)."""
    return bundle.files()


def site_maps() -> list[Path]:
    """The sourcemaps of those scripts, copied beside them; no page loads one (see :func:`bundle.maps`)."""
    return bundle.maps()


def js_files(kind: str) -> list[str]:
    """The classic scripts a page with a ``kind`` widget loads, dependencies (the engine) first."""
    _require(f"{kind}.js")
    return bundle.js_files(kind)


def css_files(kind: str) -> list[str]:
    """The minified stylesheets of ``kind`` and of the modules it uses."""
    _require(f"{kind}.js")
    return bundle.css_files(kind)


def esm(kind: str) -> str:
    """The self-contained ES module anywidget loads for ``kind``, as esbuild bundled it (``peksos bundle``)."""
    _require(f"{kind}.js")
    return bundle.esm_file(kind).read_text(encoding="utf-8")


def css(kind: str) -> str:
    """The stylesheets of ``kind`` and of the modules it uses, in one text (the minified bundles)."""
    return "\n".join((bundle.DIST / f).read_text(encoding="utf-8") for f in css_files(kind))


def _require(name: str) -> Path:
    return bundle.source(name, WIDGETS_DIR)
