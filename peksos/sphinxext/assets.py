"""Page assets: every HTML page loads only files of the site itself, and stays light.

- Sphinx 7.4 registers a body-only script added after the builder starts once with
  filename ``None`` and again with ``""`` when writing begins, so inline scripts
  such as sphinx-thebe's ``const THEBE_JS_URL`` end up twice on every page and throw
  "Identifier has already been declared". :func:`_normalise_js_filenames` makes the
  builder treat both as the same asset.
- The theme loads ``fontawesome.js`` (1.5 MB) on every page to draw about twenty
  icons. The theme's asset macro is overridden without it, and the icons the built
  pages really use are written as CSS masks into ``_static/peksos-icons.css``.
- Math is rendered at build time to MathML (docutils' LaTeX converter), which the
  browser draws natively: no MathJax, no CDN.
- The quiz and vignette engine is added to the pages that embed one, for HTML
  builders only.
- Sphinx's own head scripts (documentation options, doctools, highlighting, the book theme's
  script, translations) are deferred (:func:`deferred`): they keep their order and run before
  ``DOMContentLoaded`` as before, but no longer stop the parser while the page is read. The search
  page keeps its scripts as Sphinx wrote them (its search index calls into them as it loads).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes as dnodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..widgets import assets as widget_assets
from ..widgets import bundle as widget_bundle

logger = logging.getLogger(__name__)

ICONS_CSS = "peksos-icons.css"
SITE_CSS = "peksos-site.css"
THEME_JS = "peksos-theme.js"
_STATIC = Path(__file__).parent / "static"
_TEMPLATES = Path(__file__).parent / "templates"
_FA_RULE = re.compile(r'"?([a-z0-9-]+)"?:\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","([^"]+)"\]')
_FA_CLASS = re.compile(r'class="[^"]*?\b(fa-(?:solid|brands|regular)|fas|fab|far)\b[^"]*"')
_FA_NAME = re.compile(r"\bfa-([a-z0-9-]+)\b")
_NOT_ICONS = {"solid", "brands", "regular", "lg", "fw", "xs", "sm", "2x", "3x", "spin"}


def register(app: Sphinx) -> None:
    app.connect("config-inited", _override_theme_macros)
    app.connect("builder-inited", _normalise_js_filenames, priority=100)
    app.connect("builder-inited", _add_site_assets)
    app.add_html_math_renderer("peksos_mathml", (_visit_math, None), (_visit_displaymath, None))
    app.connect("env-get-outdated", _outdated_when_bundle_changed)
    app.connect("html-page-context", _add_engine_assets)
    app.connect("html-page-context", _fix_citation_list_role)
    app.connect("html-page-context", _drop_unused_css)
    app.connect("html-page-context", _drop_widget_state, priority=900)
    app.connect("html-page-context", _defer_page_scripts, priority=950)
    app.connect("build-finished", _strip_icon_glyph_rules)
    app.connect("build-finished", _subset_icon_fonts)
    app.connect("build-finished", _write_icon_css)
    app.connect("build-finished", _copy_engine_files)


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


# --- the theme without fontawesome.js --------------------------------------------------
def _theme_macros() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "webpack-macros.html"


def without_fontawesome_js(macros: str) -> str:
    """The theme's asset macros without ``fontawesome.js`` (1.5 MB on every page; the icons the pages
    use are CSS masks in ``peksos-icons.css`` instead)."""
    stripped = re.sub(r"\s*<script[^>]*scripts/fontawesome\.js[^>]*></script>", "", macros)
    if stripped == macros:
        raise RuntimeError(f"{_theme_macros()}: no fontawesome.js script found to remove; "
                           "the pinned pydata-sphinx-theme changed")
    return stripped


def without_bootstrap_js(macros: str) -> str:
    """The theme's asset macros without Bootstrap's JS bundle (81 KB; ``peksos-theme.js`` does the
    dropdowns, back-to-top and the sidebar toggle)."""
    stripped = re.sub(r"\s*<(?:script|link)[^>]*scripts/bootstrap\.js[^>]*>(?:</script>)?", "", macros)
    if stripped.count("bootstrap.js") or stripped == macros:
        raise RuntimeError(f"{_theme_macros()}: the bootstrap.js tags were not found as expected; "
                           "the pinned pydata-sphinx-theme changed")
    return stripped


# The theme offers no option for either file: its ``webpack-macros.html`` is overridden, patched once each.
MACRO_PATCHES = (without_fontawesome_js, without_bootstrap_js)


def _override_theme_macros(app: Sphinx, config: Any) -> None:
    patched = _theme_macros().read_text(encoding="utf-8")
    for patch in MACRO_PATCHES:
        patched = patch(patched)
    folder = Path(app.doctreedir).parent / "peksos-templates"
    target = folder / "static" / "webpack-macros.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != patched:
        target.write_text(patched, encoding="utf-8")
    config.templates_path = [str(folder), str(_TEMPLATES), *config.templates_path]


def _fontawesome_js() -> Path:
    return _theme_macros().parent / "scripts" / "fontawesome.js"


def icon_paths() -> dict[str, tuple[int, int, str]]:
    """Font Awesome's icons as ``name -> (width, height, svg path)``, read from the theme's copy."""
    text = _fontawesome_js().read_text(encoding="utf-8")
    icons: dict[str, tuple[int, int, str]] = {}
    for name, w, h, d in _FA_RULE.findall(text):
        icons.setdefault(name, (int(w), int(h), d))
    return icons


def icon_css(names: set[str], icons: dict[str, tuple[int, int, str]]) -> str:
    rules = [
        "/* Generated by peksos from the Font Awesome Free icons (CC BY 4.0) the pages use. */",
        ".fa-solid,.fa-brands,.fa-regular,.fas,.fab,.far{display:inline-block;width:1em;height:1em;"
        "vertical-align:-.125em;background-color:currentColor;-webkit-mask:var(--pk-icon) center/contain no-repeat;"
        "mask:var(--pk-icon) center/contain no-repeat}",
        ".fa-lg{font-size:1.25em;vertical-align:-.2em}",
        # the theme's CSS draws icons as webfont glyphs in ::before; with masks they are not
        # needed, and suppressing them keeps the browser from downloading 270 KB of fonts
        ".fa-solid::before,.fa-brands::before,.fa-regular::before,.fas::before,.fab::before,.far::before"
        "{content:none!important}",
    ]
    for name in sorted(names):
        if name not in icons:
            continue
        w, h, d = icons[name]
        svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {w} {h}'><path d='{d}'/></svg>"
        rules.append(f'.fa-{name}{{--pk-icon:url("data:image/svg+xml,{_url_escape(svg)}")}}')
    return "\n".join(rules) + "\n"


def _url_escape(svg: str) -> str:
    return svg.replace("%", "%25").replace("#", "%23").replace('"', "'").replace("<", "%3C").replace(">", "%3E")


def _write_icon_css(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _is_html(app):
        return
    out = Path(app.outdir)
    used: set[str] = set()
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8", errors="replace")
        for cls in re.findall(r'class="([^"]*\bfa[-a-z]*\b[^"]*)"', html):
            used.update(n for n in _FA_NAME.findall(cls) if n not in _NOT_ICONS)
    # icons the theme's own scripts insert at run time
    used.update({"sun", "moon", "circle-half-stroke", "magnifying-glass", "arrow-up", "bars", "list"})
    css = icon_css(used, icon_paths())
    target = out / "_static" / ICONS_CSS
    if not target.exists() or target.read_text(encoding="utf-8") != css:
        target.write_text(css, encoding="utf-8")


# --- Sphinx's None/"" duplicate of inline scripts -----------------------------------
def _normalise_js_filenames(app: Sphinx) -> None:
    if not _is_html(app) or not hasattr(app.builder, "add_js_file"):
        return
    builder = app.builder
    original = builder.add_js_file

    def add_js_file(filename: str | None, **kwargs: Any) -> None:
        original(filename or "", **kwargs)

    builder.add_js_file = add_js_file  # type: ignore[method-assign]


def _add_site_assets(app: Sphinx) -> None:
    if not _is_html(app):
        return
    widget_bundle.check()  # stops the build when peksos/widgets/dist is older than its sources
    app.config.html_static_path.append(str(_STATIC))
    app.add_css_file(ICONS_CSS)
    app.add_css_file(SITE_CSS)
    app.add_js_file(THEME_JS, defer="defer")


# --- math as MathML ------------------------------------------------------------------
def _visit_math(self: Any, node: dnodes.Element) -> None:
    latex = node.astext()
    try:
        from docutils.utils.math import latex2mathml

        markup = latex2mathml.tex2mathml(latex)
    except Exception as exc:
        logger.warning("cannot render math %r: %s", latex, exc, location=node)
        raise dnodes.SkipNode from exc
    self.body.append(f'<span class="math peksos-math">{markup}</span>')
    raise dnodes.SkipNode


def _visit_displaymath(self: Any, node: dnodes.Element) -> None:
    from docutils.utils.math import latex2mathml

    latex = node.astext()
    parts = [latex] if node.get("nowrap") else [p for p in latex.split("\n\n") if p.strip()]
    self.body.append(self.starttag(node, "div", CLASS="math peksos-math"))
    for part in parts:
        try:
            self.body.append(latex2mathml.tex2mathml(part, as_block=True))
        except Exception as exc:
            logger.warning("cannot render math %r: %s", part, exc, location=node)
    self.body.append("</div>\n")
    raise dnodes.SkipNode


# --- stylesheets and scripts a page does not need ----------------------------------------
def _page_needs(doctree: Any) -> set[str]:
    needs: set[str] = set()
    if doctree is None:  # search and index pages: none of the optional assets
        return needs
    for node in doctree.findall(dnodes.Element):
        if isinstance(node, dnodes.literal_block):
            needs.add("code")
        classes = node.get("classes", [])
        if any(c.startswith("sd-") for c in classes):
            needs.add("design")
        if any(c in ("cell", "cell_output", "cell_input") for c in classes) or node.tagname.startswith("Cell"):
            needs.add("mystnb")
        if "toggle" in classes or ("dropdown" in classes and isinstance(node, dnodes.Admonition)):
            needs.add("toggle")
    return needs


# kind -> (file name prefixes, words of the inline scripts that configure them)
_OPTIONAL_ASSETS = {
    "code": (("pygments.css", "copybutton", "clipboard.min.js"), ()),
    "design": (("sphinx-design", "design-tabs.js"), ()),
    "mystnb": (("mystnb.",), ()),
    "toggle": (("togglebutton",), ("toggleHint", "toggleOpenOnPrint", "togglebuttonSelector")),
    # launch_buttons.thebe is off: sphinx-thebe's files and its CDN address are never used
    "thebe": (("sphinx-thebe",), ("THEBE_JS_URL",)),
}


def _drop_unused_css(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Load code, sphinx-design, myst-nb and toggle assets only on pages with code, design elements,
    cells or toggles; thebe's never (the book does not launch live kernels in the page)."""
    if not _is_html(app):
        return
    needs = _page_needs(doctree)
    drop = tuple(p for kind, (prefixes, _) in _OPTIONAL_ASSETS.items() if kind not in needs for p in prefixes)
    words = tuple(w for kind, (_, inline) in _OPTIONAL_ASSETS.items() if kind not in needs for w in inline)
    name = lambda asset: Path(str(getattr(asset, "filename", asset) or "")).name  # noqa: E731
    body = lambda asset: str(getattr(asset, "attributes", {}).get("body", ""))  # noqa: E731
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [a for a in context[key] if not (name(a) and name(a).startswith(drop))
                            and not (words and any(w in body(a) for w in words))]


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _drop_widget_state(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """myst-nb embeds the notebook's saved widget state (every widget's payload and ES module again,
    150 KB on a notebook page) for the CDN widget manager. This book loads no widget manager
    (``nb_ipywidgets_js: {}``): its widgets carry their own static HTML, so the state is dead weight."""
    if getattr(app.config, "nb_ipywidgets_js", None) or "script_files" not in context:
        return
    context["script_files"] = [js for js in context["script_files"]
                               if getattr(js, "attributes", {}).get("type") != WIDGET_STATE]


def deferred(scripts: list) -> list:
    """``scripts`` (Sphinx's script assets) with ``defer`` on every file script that is neither async,
    deferred already, nor a module or data block; inline scripts are left as they are."""
    def defer(js: Any) -> Any:
        attrs = dict(getattr(js, "attributes", {}))
        if not getattr(js, "filename", None) or attrs.get("body") or {"async", "defer"} & set(attrs) \
                or attrs.get("type", "text/javascript") not in ("text/javascript", "application/javascript"):
            return js
        return type(js)(js.filename, priority=js.priority, **attrs, defer="defer")
    return [defer(js) for js in scripts]


def _defer_page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if not _is_html(app) or "script_files" not in context or templatename == "search.html":
        return
    context["script_files"] = deferred(context["script_files"])


_GLYPH_RULE = re.compile(r'(?:\.fa-[a-z0-9-]+:(?:before|after),?)+\{content:"[^"]*"\}')


def strip_glyph_rules(css: str) -> str:
    """The theme's CSS without its ~1900 Font Awesome glyph rules (86 KB); icons here are CSS masks."""
    return _GLYPH_RULE.sub("", css)


def _strip_icon_glyph_rules(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _is_html(app):
        return
    css = Path(app.outdir) / "_static" / "styles" / "pydata-sphinx-theme.css"
    if css.exists():
        text = css.read_text(encoding="utf-8")
        stripped = strip_glyph_rules(text)
        if stripped != text:
            css.write_text(stripped, encoding="utf-8")


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")  # Font Awesome's glyphs live in the Private Use Area


def glyph_codepoints(css: str) -> set[int]:
    """The Font Awesome codepoints a stylesheet still names (``content:"\\f0eb"`` written as the character)."""
    return {ord(c) for c in _PRIVATE_USE.findall(css)}


def subset_font(path: Path, codepoints: set[int]) -> None:
    """Keep only ``codepoints`` in a font file (woff2/ttf), in place."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []
    options.notdef_outline = True
    font = TTFont(str(path))
    flavor = font.flavor
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    font.flavor = flavor
    font.save(str(path))


def _subset_icon_fonts(app: Sphinx, exception: Exception | None) -> None:
    """The theme still draws a few icons (admonition titles, external links) as Font Awesome glyphs
    from CSS. Cut its webfonts down to exactly the codepoints its stylesheet names: 270 KB -> ~10 KB."""
    if exception is not None or not _is_html(app):
        return
    static = Path(app.outdir) / "_static"
    css = static / "styles" / "pydata-sphinx-theme.css"
    fonts = static / "vendor" / "fontawesome" / "webfonts"
    if not css.exists() or not fonts.is_dir():
        return
    codepoints = glyph_codepoints(css.read_text(encoding="utf-8"))
    if not codepoints:
        raise RuntimeError(f"{css}: no icon glyphs found; the pinned theme changed, not subsetting its fonts")
    # Sphinx copies the full fonts again on a rebuild: the stamp records the subset's sizes too
    stamp = fonts / ".peksos-subset"
    key = ",".join(map(str, sorted(codepoints)))
    fonts_now = lambda: ";".join(f"{f.name}={f.stat().st_size}" for f in sorted(fonts.iterdir())  # noqa: E731
                                 if f.suffix in {".woff2", ".ttf"})
    if stamp.exists() and stamp.read_text(encoding="utf-8") == f"{key}|{fonts_now()}":
        return
    for font in sorted(fonts.iterdir()):
        if font.suffix in {".woff2", ".ttf"}:
            subset_font(font, codepoints)
    stamp.write_text(f"{key}|{fonts_now()}", encoding="utf-8")


# --- docutils' citation list ------------------------------------------------------------
def _fix_citation_list_role(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """docutils wraps citations in ``role="list"`` whose children are ``doc-biblioentry``, not
    list items, which ARIA forbids (axe: aria-required-children). Drop the list role."""
    if context.get("body"):
        context["body"] = without_citation_list_role(context["body"])


def without_citation_list_role(body: str) -> str:
    return body.replace('<div role="list" class="citation-list">', '<div class="citation-list">')


# --- the engine on pages that use it -------------------------------------------------
ENGINE_MARKER = "data-peksos-engine"


def _outdated_when_bundle_changed(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Pages list the engine's scripts in dependency order (dist/bundle.json): when the bundles change,
    every page is written again, or an old page would miss a module added since."""
    current = widget_bundle.manifest().get("sources")
    if getattr(env, "peksos_bundle_sources", None) == current:
        return []
    env.peksos_bundle_sources = current
    return sorted(set(env.found_docs) - set(added) - set(changed))


def _add_engine_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if doctree is None or not _is_html(app):
        return
    kinds: set[str] = set()
    for node in doctree.findall(dnodes.raw):
        if ENGINE_MARKER in node.astext():
            kinds.update(re.findall(r'data-peksos-engine="([a-z]+)"', node.astext()))
    for kind in sorted(kinds):
        for css in widget_assets.css_files(kind):
            app.add_css_file(f"peksos/{css}")
        for js in widget_assets.js_files(kind):
            # classic deferred scripts: they run in order (engine first) and from file:// as well
            app.add_js_file(f"peksos/{js}", defer="defer")


def _copy_engine_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _is_html(app):
        return
    target = Path(app.outdir) / "_static" / "peksos"
    target.mkdir(parents=True, exist_ok=True)
    # the maps beside their scripts, for the browser's developer tools: no tag names them, so the service
    # worker's precache list and the page weight (both read from what pages load) leave them out
    for path in [*widget_assets.site_files(), *widget_assets.site_maps()]:
        data = path.read_bytes()
        dest = target / path.name
        if not dest.exists() or dest.read_bytes() != data:
            dest.write_bytes(data)
