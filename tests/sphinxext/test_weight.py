"""peksos.sphinxext.weight: the page-weight steps at the end of the build, on small inputs."""
from __future__ import annotations

import re

import yaml

from peksos.paths import project_root
from peksos.sphinxext import weight


def test_every_image_gets_lazy_loading_once():
    page = '<img src="a.png" alt="a"/><img loading="eager" src="b.png"/>'
    lazy = weight.lazy_images(page)
    assert lazy.count('loading="lazy"') == 1 and 'loading="eager" src="b.png"' in lazy
    assert lazy.startswith('<img src="a.png" alt="a" loading="lazy" decoding="async"/>')  # attributes kept in order
    assert weight.lazy_images(lazy) == lazy


def test_svg_figures_lose_metadata_and_digits_but_keep_colours_and_references():
    svg = ('<svg>\n  <metadata><rdf:RDF/></metadata>\n  <g id="patch_1">\n    <path d="M 0.123456 1.987654 L 2 3" '
           'style="fill: #1d5c63; font-family: \'DejaVu Sans\', Arial, sans-serif"/>\n  </g>\n'
           '  <use xlink:href="#m0a" x="10.555555"/>\n</svg>')
    small = weight.shrink_svg(svg)
    assert "<metadata>" not in small and "0.12 1.98" in small and 'x="10.55"' in small
    assert "#1d5c63" in small and 'xlink:href="#m0a"' in small and "font-family: sans-serif" in small
    assert len(small) < len(svg)


def test_the_books_scripts_are_minified_by_esbuild(tmp_path):
    script = tmp_path / "_static" / "peksos-x.js"
    script.parent.mkdir()
    script.write_text("// note\nfunction tambah(angka, lagi) {\n  return angka + lagi;\n}\nconsole.log(tambah(1, 2));\n")
    assert weight.own_scripts(tmp_path) == [script]
    sizes = weight.minify_scripts([script])
    text = script.read_text()
    assert "// note" not in text and "console.log" in text and sizes[str(script)][1] == len(text.encode()) < sizes[str(script)][0]


def test_the_blocklisted_theme_features_are_not_turned_on_and_their_rules_are_gone():
    config = yaml.safe_load((project_root() / "_config.yml").read_text(encoding="utf-8"))
    options = (config.get("sphinx", {}).get("config", {}) or {}).get("html_theme_options", {}) or {}
    assert not options.get("switcher") and not options.get("announcement") and \
        not options.get("show_version_warning_banner") and not (config.get("html") or {}).get("announcement")
    css = project_root() / "_build" / "html" / "_static" / "styles" / "pydata-sphinx-theme.css"
    if css.is_file():
        text = css.read_text(encoding="utf-8")
        assert text.startswith(weight.MARKER)
        for pattern in weight.BLOCKLIST:
            name = pattern.strip("^$")
            assert not re.search(r"[.#]" + re.escape(name), text), name
        assert ".bd-header" in text  # the rest of the theme is still there
