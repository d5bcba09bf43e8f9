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

# Front-end files only the SCORM packages carry (peksos export scorm); the book never loads them.
PACKAGE_ONLY = {"scorm.js"}


def static_files() -> list[Path]:
    """Every readable front-end source file (ES modules and CSS) the book uses from ``peksos/widgets/``."""
    return [p for p in bundle.sources() if p.name not in PACKAGE_ONLY]


def site_files() -> list[Path]:
    """The minified bundles the book copies to ``_static/peksos/`` (see :mod:`peksos.widgets.bundle`)."""
    return [p for p in bundle.files() if p.stem not in {Path(n).stem for n in PACKAGE_ONLY}]


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


def classic(kind: str, extra: list[str] | None = None) -> str:
    """One classic script (no ES modules, so it also runs from ``file://``): the ``kind`` widget, the
    modules it imports (engine, record...) and the ``extra`` modules beside it (e.g. the SCORM adapter),
    dependencies first, in one function scope.

    Imports between these files are dropped (all share the scope), ``export`` keywords stripped and
    the widget's anywidget view (``export default``) kept as a local constant.
    """
    widget = f"{kind}.js"
    names = [*imports(widget), widget]
    for one in extra or []:
        for dep in [*imports(one), one]:
            # another kind's widget module (one with an anywidget view) stays out: one widget per bundle
            if dep not in names and (dep == one or not _is_widget(dep)):
                names.append(dep)
    parts = []
    for name in names:
        text = _require(name).read_text(encoding="utf-8")
        text = _IMPORT.sub("", text)
        text = _EXPORT.sub("", text)
        text = re.sub(r"^export\s+default\s+", f"const anywidget_{kind.replace('-', '_')}_{len(parts)} = ", text,
                      flags=re.M)
        if re.search(r"^\s*(import|export)\b", text, re.M):
            raise ValueError(f"{WIDGETS_DIR / name}: an import or export the classic bundle cannot rewrite")
        parts.append(f"// --- {name} ---\n{text}")
    return "(function () {\n\"use strict\";\n" + "\n".join(parts) + "\n})();\n"


def _is_widget(name: str) -> bool:
    return re.search(r"^export\s+default\b", _require(name).read_text(encoding="utf-8"), re.M) is not None


def css(kind: str) -> str:
    return "\n".join((WIDGETS_DIR / f).read_text(encoding="utf-8") for f in source_css_files(kind))


def _require(name: str) -> Path:
    path = WIDGETS_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"{path}: widget front-end file missing")
    return path
