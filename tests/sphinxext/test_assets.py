"""What the built pages load: no duplicate inline scripts, no fontawesome.js, MathML, engine where needed."""
from __future__ import annotations

import re

import pytest

from peksos.sphinxext import assets, offline


def test_inline_scripts_added_after_builder_init_appear_once(make_book):
    book = make_book({"index": "# Uji\n\n```{toggle}\nIsi yang dilipat.\n```\n", "lain": "# Lain\n"},
                     extensions=("sphinx_togglebutton", "sphinx_thebe"), conf="thebe_config = {}")
    html = book.page("index")
    assert html.count("togglebuttonSelector") == 1
    assert html.count("togglebutton.js") == 1
    # a page without a toggle loads neither togglebutton's script nor its settings
    other = book.page("lain")
    assert "togglebutton" not in other and "toggleHint" not in other


def test_thebe_and_code_assets_only_where_used(make_book):
    book = make_book({"index": "# Uji\n\nTeks saja.\n", "kode": "# Kode\n\n```python\nx = 1\n```\n"},
                     extensions=("sphinx_thebe", "sphinx_copybutton"), conf="thebe_config = {}")
    html = book.page("index")
    assert "THEBE_JS_URL" not in html and "sphinx-thebe" not in html  # launching kernels is off
    assert "copybutton" not in html and "pygments.css" not in html
    code = book.page("kode")
    assert "copybutton.js" in code and "pygments.css" in code and "THEBE_JS_URL" not in code


def test_theme_pages_load_icon_css_instead_of_fontawesome_js(make_book):
    book = make_book({"index": "# Uji\n"}, theme="sphinx_book_theme")
    html = book.page("index")
    assert "fontawesome.js" not in html
    assert "peksos-icons.css" in html
    css = (book.out / "_static" / "peksos-icons.css").read_text(encoding="utf-8")
    assert ".fa-magnifying-glass{--pk-icon:url(\"data:image/svg+xml," in css
    # the text search button is named by its visible text (the icon-only one keeps its aria-label)
    field = re.search(r'<button class="btn search-button-field[^>]*>', html)
    assert field and "aria-label" not in field.group(0)


def test_icon_css_only_for_known_icons():
    icons = {"bars": (448, 512, "M0 0h448v64H0z")}
    css = assets.icon_css({"bars", "not-an-icon"}, icons)
    assert ".fa-bars{" in css and "not-an-icon" not in css
    assert "%3Csvg" in css and "<svg" not in css


def test_math_is_rendered_as_mathml_without_mathjax(make_book):
    book = make_book({"index": "# Uji\n\nInline $a^2 + b^2 = c^2$.\n\n$$\\frac{1}{2}$$\n"})
    html = book.page("index")
    assert html.count("<math") == 2
    assert not re.findall(r'<script[^>]*mathjax', html, flags=re.I)


def _fake_widgets(tmp_path, monkeypatch):
    """A widgets folder with an engine and one 'demo' module, bundled into its own dist/."""
    from peksos.widgets import assets as widget_assets
    from peksos.widgets import bundle as widget_bundle

    front = tmp_path / "front"
    front.mkdir()
    (front / "engine.js").write_text('export function hi() { return "hai"; }\n', encoding="utf-8")
    (front / "demo.js").write_text('import { hi } from "./engine.js";\nexport const said = hi();\n', encoding="utf-8")
    for name in ("engine.css", "demo.css"):
        (front / name).write_text(f".{name[:-4]} {{ color: red; }}\n", encoding="utf-8")
    monkeypatch.setattr(widget_assets, "WIDGETS_DIR", front)
    monkeypatch.setattr(widget_bundle, "WIDGETS_DIR", front)
    monkeypatch.setattr(widget_bundle, "DIST", front / "dist")
    widget_bundle.bundle()
    return front


def test_engine_assets_only_on_pages_that_embed_a_widget(make_book, tmp_path, monkeypatch):
    _fake_widgets(tmp_path, monkeypatch)
    book = make_book({"index": "# Uji\n", "kuis": '# Kuis\n\n<div class="peksos-demo" data-peksos-engine="demo"></div>\n'})
    kuis = book.page("kuis")
    # classic deferred scripts (they also run from file://), the engine before the module using it
    engine = kuis.index('<script defer="defer" src="_static/peksos/engine.js')
    assert engine < kuis.index('<script defer="defer" src="_static/peksos/demo.js')
    assert 'type="module"' not in kuis
    assert "_static/peksos/engine.css" in kuis and "_static/peksos/demo.css" in kuis
    assert "_static/peksos/" not in book.page("index")
    assert sorted(p.name for p in (book.out / "_static" / "peksos").iterdir()) == [
        "demo.css", "demo.js", "demo.js.map", "engine.css", "engine.js", "engine.js.map"]
    # each map beside its script (named by the script's last line only): not precached, not listed to save
    assert (book.out / "_static" / "peksos" / "demo.js").read_text(encoding="utf-8").rstrip().endswith(
        "//# sourceMappingURL=demo.js.map")
    precache, listed = offline.plan(book.out)
    assert "_static/peksos/demo.js" in precache and "_static/peksos/engine.js" in precache
    assert not [f for f in precache + [name for name, _ in listed] if f.endswith(".map")]


def test_a_stale_bundle_stops_the_build(make_book, tmp_path, monkeypatch):
    import pytest

    front = _fake_widgets(tmp_path, monkeypatch)
    (front / "demo.js").write_text('import { hi } from "./engine.js";\nexport const said = hi() + "!";\n',
                                   encoding="utf-8")
    with pytest.raises(Exception, match="bundles are stale.*run `peksos bundle`"):
        make_book({"index": "# Uji\n"})


def test_a_page_asking_for_a_missing_widget_stops_the_build(make_book):
    import pytest
    from sphinx.errors import ExtensionError

    with pytest.raises(ExtensionError, match="nosuchwidget.js: widget front-end file missing"):
        make_book({"index": '# Uji\n\n<div data-peksos-engine="nosuchwidget"></div>\n'})


def test_citation_list_has_no_list_role(make_book):
    book = make_book({"index": "# Uji\n\n{cite:p}`zastrow2017`\n"})
    assert 'role="list" class="citation-list"' not in book.page("sumber")
    assert 'class="citation-list"' in book.page("sumber")


def test_docutils_speaks_indonesian_so_no_language_warning(make_book):
    import docutils.languages

    book = make_book({"index": "# Uji\n\n:::{note}\nCatatan kecil.\n:::\n"})
    assert "not supported" not in book.warnings.getvalue()
    assert docutils.languages.get_language("id").labels["note"] == "Catatan"


def test_saved_widget_state_is_dropped_only_without_a_widget_manager():
    from types import SimpleNamespace

    from sphinx.builders.html._assets import _JavaScript

    def page(manager):
        app = SimpleNamespace(config=SimpleNamespace(nb_ipywidgets_js=manager))
        context = {"script_files": [_JavaScript("", type=assets.WIDGET_STATE, body="{}"), _JavaScript("_static/a.js")]}
        assets._drop_widget_state(app, "p", "page.html", context, None)
        return [js.attributes.get("type") for js in context["script_files"]]

    assert page({}) == [None]
    assert page({"manager.js": {}}) == [assets.WIDGET_STATE, None]


# --- the theme patches, one test each ------------------------------------------------------------------------
def test_the_theme_macros_lose_fontawesome_js_and_nothing_else():
    macros = assets._theme_macros().read_text(encoding="utf-8")
    patched = assets.without_fontawesome_js(macros)
    assert "fontawesome.js" in macros and "fontawesome.js" not in patched
    assert patched.count("<script") == macros.count("<script") - 1
    with pytest.raises(RuntimeError, match="no fontawesome.js script"):
        assets.without_fontawesome_js(patched)


def test_the_theme_macros_lose_bootstrap_js_and_nothing_else():
    macros = assets._theme_macros().read_text(encoding="utf-8")
    patched = assets.without_bootstrap_js(macros)
    assert "bootstrap.js" in macros and "bootstrap.js" not in patched and "fontawesome.js" in patched
    with pytest.raises(RuntimeError, match="bootstrap.js tags"):
        assets.without_bootstrap_js(patched)


def test_the_theme_macros_get_every_patch():
    assert assets.MACRO_PATCHES == (assets.without_fontawesome_js, assets.without_bootstrap_js)


def test_glyph_rules_go_and_other_rules_stay():
    css = '.a{color:red}.fa-sun:before,.fa-moon:before{content:"\\f185"}.b:before{content:"x"}'
    assert assets.strip_glyph_rules(css) == '.a{color:red}.b:before{content:"x"}'


def test_the_icon_fonts_keep_exactly_the_glyphs_the_css_names(tmp_path):
    from fontTools.ttLib import TTFont

    assert assets.glyph_codepoints('.x:before{content:"\uf0eb"} .y{content:"a"}') == {0xF0EB}
    fonts = assets._theme_macros().parent / "vendor" / "fontawesome" / "webfonts"
    source = next(p for p in sorted(fonts.glob("fa-solid-900.woff2")))
    font = tmp_path / source.name
    font.write_bytes(source.read_bytes())
    keep = {0xF0EB, 0xF185}
    assets.subset_font(font, keep)
    assert set(TTFont(str(font)).getBestCmap()) == keep
    assert font.stat().st_size < source.stat().st_size / 5


def test_the_citation_list_loses_only_its_list_role():
    body = '<div role="list" class="citation-list"><div role="doc-biblioentry">x</div></div>'
    assert assets.without_citation_list_role(body) == '<div class="citation-list"><div role="doc-biblioentry">x</div></div>'


def test_file_scripts_are_deferred_in_order_and_inline_ones_left_alone(make_book):
    book = make_book({"index": "# Uji\n\n```{toggle}\nIsi yang dilipat.\n```\n"}, extensions=("sphinx_togglebutton",))
    html = book.page("index")
    tags = re.findall(r"<script\b[^>]*>", html)
    files = [t for t in tags if " src=" in t]
    assert files and all("defer" in t for t in files), files
    names = [re.search(r'src="[^"]*?([\w.-]+\.js)', t).group(1) for t in files]
    assert names.index("documentation_options.js") < names.index("doctools.js")  # Sphinx's order kept
    inline = re.search(r"<script\b([^>]*)>[^<]*togglebuttonSelector", html)  # an inline script cannot be deferred
    assert inline and "defer" not in inline.group(1)


def test_deferring_keeps_async_modules_and_data_as_they_are():
    from sphinx.builders.html._assets import _JavaScript

    given = [_JavaScript("a.js"), _JavaScript("b.js", **{"async": "async"}), _JavaScript("c.js", type="module"),
             _JavaScript("", body="var x = 1;"), _JavaScript("d.js", defer="")]
    out = assets.deferred(given)
    assert out[0].attributes == {"defer": "defer"} and out[0].filename == "a.js" and out[0].priority == 500
    assert out[1:] == given[1:]
