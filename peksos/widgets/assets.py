"""Where the widgets' front-end files are, and which a page of each kind needs."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import bundle

WIDGETS_DIR = Path(__file__).resolve().parent
ENGINE_JS = "engine.js"
ENGINE_CSS = "engine.css"
_IMPORT = re.compile(r"^import\s+\{([^}]*)\}\s+from\s+['\"]\./([a-z]+\.js)['\"];?\s*$", re.M)


def static_files() -> list[Path]:
    """Every readable front-end source file (ES modules and CSS) in ``peksos/widgets/``."""
    return bundle.sources()


def site_files() -> list[Path]:
    """The minified bundles the book copies to ``_static/peksos/`` (see :mod:`peksos.widgets.bundle`)."""
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
        text = re.sub(r"^export\s+(?=(const|function|class|let|async)\b)", "", text, flags=re.M)
        parts.append(re.sub(r"^export\s*\{[^}]*\};?\s*$", "", text, flags=re.M))
    return "\n".join(parts) + "\n" + _IMPORT.sub("", _require(f"{kind}.js").read_text(encoding="utf-8"))


def css(kind: str) -> str:
    return "\n".join((WIDGETS_DIR / f).read_text(encoding="utf-8") for f in source_css_files(kind))


PACKED = "$pk"
_MIN_SHARED = 40  # bytes of JSON below which a repeated object is cheaper than a reference


def _key(obj: dict) -> str:
    import json

    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def pack(data: Any) -> Any:
    """The payload with every object that occurs more than once (a vignette's principles, cited by
    many choices) stored once: ``{"$pk": 1, "t": [shared objects], "d": data}``, each repeat
    replaced by ``{"$r": index}``. The engine's ``unpack`` restores it; data without repeats stays as is."""
    from collections import Counter

    counts: Counter[str] = Counter()

    def count(x: Any) -> None:
        if isinstance(x, dict):
            counts[_key(x)] += 1
            for v in x.values():
                count(v)
        elif isinstance(x, list):
            for v in x:
                count(v)

    count(data)
    index: dict[str, int] = {}
    table: list[Any] = []

    def inner(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: rep(v) for k, v in x.items()}
        if isinstance(x, list):
            return [rep(v) for v in x]
        return x

    def rep(x: Any) -> Any:
        if isinstance(x, dict):
            k = _key(x)
            if counts[k] > 1 and len(k) >= _MIN_SHARED:
                if k not in index:
                    index[k] = len(table)
                    table.append(None)
                    table[index[k]] = inner(x)
                return {"$r": index[k]}
        return inner(x)

    body = inner(data)
    return {PACKED: 1, "t": table, "d": body} if table else data


def unpack(data: Any) -> Any:
    """Inverse of :func:`pack` (the same as the engine's ``unpack`` in engine.js)."""
    if not (isinstance(data, dict) and data.get(PACKED) == 1):
        return data
    table = data["t"]

    def walk(x: Any) -> Any:
        if isinstance(x, dict):
            if set(x) == {"$r"}:
                return walk(table[x["$r"]])
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x

    return walk(data["d"])


def markup(kind: str, data: dict, noscript: str) -> str:
    """The static HTML of a widget: a mount point the engine finds, the payload as inert JSON (no '<', '>'
    or '&' survives, so quiz or case text can never close the script or become markup; repeated objects
    stored once, see :func:`pack`), and a note for readers without JavaScript."""
    import html

    from ..sphinxext.assets import dumps_for_html

    ident = html.escape(str(data.get("id", kind)), quote=True)
    return (f'<div class="peksos-{kind}" data-peksos-engine="{kind}" data-{kind}-id="{ident}">'
            f'<script type="application/json" class="peksos-{kind}-data">{dumps_for_html(pack(data))}</script>'
            f'<noscript><p class="peksos-{kind}-noscript">{html.escape(noscript)}</p></noscript>'
            f'</div>\n')


def _require(name: str) -> Path:
    path = WIDGETS_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"{path}: widget front-end file missing")
    return path
