"""Where the widgets' front-end files are, and which a page of each kind needs."""
from __future__ import annotations

import re
from pathlib import Path

from . import bundle

WIDGETS_DIR = Path(__file__).resolve().parent
ENGINE_JS = "engine.js"
ENGINE_CSS = "engine.css"
_IMPORT = re.compile(r"^import\s+\{([^}]*)\}\s+from\s+['\"]\./([a-z]+\.js)['\"];?\s*$", re.M)
_EXPORT = re.compile(r"^export\s+(?=(const|function|class|let|async)\b)", re.M)

def static_files() -> list[Path]:
    """Every readable front-end source file (ES modules and CSS) the book uses from ``peksos/widgets/``."""
    return bundle.sources()


def site_files() -> list[Path]:
    """The minified bundles the book copies to ``_static/peksos/`` (see :mod:`peksos.widgets.bundle`; the
    SCORM scripts in ``dist/scorm/`` are not among them)."""
    return bundle.files()


def js_files(kind: str) -> list[str]:
    """The classic scripts a page with a ``kind`` widget loads, dependencies (the engine) first."""
    _require(f"{kind}.js")
    return bundle.js_files(kind)


# a page of one kind also shows another kind's widgets (the practice page renders quiz items)
ALSO = {"practice": ("quiz",)}


def css_files(kind: str) -> list[str]:
    """The minified stylesheets of ``kind`` and of the modules it uses."""
    _require(f"{kind}.js")
    return bundle.css_files(kind)


def source_css_files(kind: str) -> list[str]:
    files = [ENGINE_CSS] if (WIDGETS_DIR / ENGINE_CSS).exists() else []
    for one in (*ALSO.get(kind, ()), kind):
        if (WIDGETS_DIR / f"{one}.css").exists():
            files.append(f"{one}.css")
    return files


def imports(name: str) -> list[str]:
    """The modules ``name`` imports, directly or not, dependencies first (``engine.js``, ``record.js``...)."""
    out: list[str] = []

    def visit(one: str) -> None:
        for dep in _IMPORT.findall(_require(one).read_text(encoding="utf-8")):
            if dep[1] not in out:
                visit(dep[1])
                out.append(dep[1])

    visit(name)
    return out


def esm(kind: str) -> str:
    """A self-contained ES module for anywidget: the modules it imports inlined before the widget's module."""
    parts = []
    for dep in imports(f"{kind}.js"):
        text = _IMPORT.sub("", (WIDGETS_DIR / dep).read_text(encoding="utf-8"))
        text = _EXPORT.sub("", text)
        parts.append(re.sub(r"^export\s*\{[^}]*\};?\s*$", "", text, flags=re.M))
    return "\n".join(parts) + "\n" + _IMPORT.sub("", _require(f"{kind}.js").read_text(encoding="utf-8"))


def css(kind: str) -> str:
    return "\n".join((WIDGETS_DIR / f).read_text(encoding="utf-8") for f in source_css_files(kind))


def _require(name: str) -> Path:
    path = WIDGETS_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"{path}: widget front-end file missing")
    return path
