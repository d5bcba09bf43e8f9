"""Where the widgets' front-end files are, and which a page of each kind needs."""
from __future__ import annotations

import re
from pathlib import Path

WIDGETS_DIR = Path(__file__).resolve().parent
ENGINE_JS = "engine.js"
ENGINE_CSS = "engine.css"
_IMPORT = re.compile(r"^import\s+\{([^}]*)\}\s+from\s+['\"]\./engine\.js['\"];?\s*$", re.M)
_ANY_IMPORT = re.compile(r"^import\s+\{[^}]*\}\s+from\s+['\"]\./[a-z0-9-]+\.js['\"];?\s*$", re.M)
_EXPORT = re.compile(r"^export\s+(?=(const|function|class|let|async)\b)", re.M)


# Front-end files only the SCORM packages carry (peksos export scorm); the book never loads them.
PACKAGE_ONLY = {"scorm.js"}


def static_files() -> list[Path]:
    """Every front-end file the book copies to ``_static/peksos/``."""
    return sorted(p for p in WIDGETS_DIR.iterdir() if p.suffix in {".js", ".css"} and p.name not in PACKAGE_ONLY)


def js_files(kind: str) -> list[str]:
    """The ES module a page with a ``kind`` widget loads (it imports the engine itself)."""
    _require(f"{kind}.js")
    return [f"{kind}.js"]


def css_files(kind: str) -> list[str]:
    files = [ENGINE_CSS] if (WIDGETS_DIR / ENGINE_CSS).exists() else []
    if (WIDGETS_DIR / f"{kind}.css").exists():
        files.append(f"{kind}.css")
    return files


def esm(kind: str) -> str:
    """A self-contained ES module for anywidget: the engine inlined before the widget's module."""
    engine = (WIDGETS_DIR / ENGINE_JS).read_text(encoding="utf-8")
    module = _require(f"{kind}.js").read_text(encoding="utf-8")
    engine = _EXPORT.sub("", engine)
    engine = re.sub(r"^export\s*\{[^}]*\};?\s*$", "", engine, flags=re.M)
    return engine + "\n" + _IMPORT.sub("", module)


def classic(kind: str, extra: list[str] | None = None) -> str:
    """One classic script (no ES modules, so it also runs from ``file://``): the engine, the ``kind``
    widget and the ``extra`` modules beside it (e.g. the SCORM adapter), in one function scope.

    Imports between these files are dropped (all share the scope), ``export`` keywords stripped and
    the widget's anywidget view (``export default``) kept as a local constant.
    """
    names = [ENGINE_JS, f"{kind}.js", *(extra or [])]
    parts = []
    for name in names:
        text = _require(name).read_text(encoding="utf-8")
        text = _ANY_IMPORT.sub("", text)
        text = _EXPORT.sub("", text)
        text = re.sub(r"^export\s+default\s+", f"const anywidget_{kind.replace('-', '_')}_{len(parts)} = ", text,
                      flags=re.M)
        if re.search(r"^\s*(import|export)\b", text, re.M):
            raise ValueError(f"{WIDGETS_DIR / name}: an import or export the classic bundle cannot rewrite")
        parts.append(f"// --- {name} ---\n{text}")
    return "(function () {\n\"use strict\";\n" + "\n".join(parts) + "\n})();\n"


def css(kind: str) -> str:
    return "\n".join((WIDGETS_DIR / f).read_text(encoding="utf-8") for f in css_files(kind))


def markup(kind: str, data: dict, noscript: str) -> str:
    """The static HTML of a widget: a mount point the engine finds, the payload as inert JSON (no '<', '>'
    or '&' survives, so quiz or case text can never close the script or become markup), and a note for
    readers without JavaScript."""
    import html

    from ..sphinxext.assets import dumps_for_html

    ident = html.escape(str(data.get("id", kind)), quote=True)
    return (f'<div class="peksos-{kind}" data-peksos-engine="{kind}" data-{kind}-id="{ident}">'
            f'<script type="application/json" class="peksos-{kind}-data">{dumps_for_html(data)}</script>'
            f'<noscript><p class="peksos-{kind}-noscript">{html.escape(noscript)}</p></noscript>'
            f'</div>\n')


def _require(name: str) -> Path:
    path = WIDGETS_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"{path}: widget front-end file missing")
    return path
