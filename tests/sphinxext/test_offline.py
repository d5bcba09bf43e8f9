"""peksos.sphinxext.offline: the manifest, the app icons' emblem, the root page, and what the service
worker precaches, on a small site written here (the built book's worker is exercised in
tests/browser/test_offline.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from peksos.sphinxext import course, offline


def test_manifest_has_what_chromium_needs_to_install_the_book():
    data = offline.manifest("book/intro.html")
    assert data["lang"] == "id" and data["name"] == offline.APP_NAME and len(data["short_name"]) <= 12
    assert data["start_url"] == "book/intro.html" and data["display"] == "standalone"
    assert {i["sizes"] for i in data["icons"]} == {"192x192", "512x512"}
    assert all(i["src"].startswith(offline.ICONS_DIR) and i["type"] == "image/png" for i in data["icons"])


def test_emblem_keeps_the_left_square_of_the_logo():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><circle r="40"/></svg>'
    assert 'viewBox="0 0 100 100"' in offline.emblem(svg)
    with pytest.raises(ValueError, match="viewBox"):
        offline.emblem('<svg xmlns="http://www.w3.org/2000/svg"/>')


def test_the_root_redirect_becomes_a_page_with_a_language_an_icon_and_a_link():
    page = offline.root_page('<meta http-equiv="Refresh" content="0; url=book/intro.html" />\n',
                             favicon="_static/favicon.png")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="id">' in page
    assert 'content="0; url=book/intro.html"' in page and '<a href="book/intro.html">' in page
    assert '<link rel="icon" href="_static/favicon.png"/>' in page and offline.MANIFEST in page
    assert offline.root_page("<!DOCTYPE html><html><body>bab</body></html>", favicon=None) is None


def _site(root: Path) -> Path:
    """A small built site: two chapters, a notebook page, a sheet that @imports another and uses a font."""
    files = {
        "book/a.html": '<link href="../_static/theme.css?v=1" rel="stylesheet"/><img src="../_images/fig.svg"/>'
                       '<a href="../notebooks/n.html">nb</a><script src="../_static/app.js?v=2"></script>',
        "book/b.html": '<a href="a.html#x">a</a>',
        "notebooks/n.html": '<img src="../_images/plot.png"/><link href="../_static/nb.css" rel="stylesheet"/>',
        "index.html": '<meta http-equiv="Refresh" content="0; url=book/a.html" />',
        "search.html": "<p>cari</p>", "searchindex.js": "Search.setIndex({})",
        "manifest.webmanifest": "{}",
        "_static/theme.css": '@import"base.css";', "_static/base.css": 'body{background:url("bg.png")}',
        "_static/bg.png": "png", "_static/app.js": "1", "_static/nb.css": "p{}", "_static/unused.css": "p{}",
        "_static/icons/icon-192.png": "i", "_static/icons/icon-512.png": "i",
        "_images/fig.svg": "<svg/>", "_images/plot.png": "png",
        f"{course.ITEMS_DIR}/soal-1.js": "1",
        "_sources/book/a.md": "# a", ".buildinfo": "x",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_precache_is_the_shell_and_the_chapters_the_rest_is_listed_for_the_save_control(tmp_path):
    site = _site(tmp_path)
    precache, listed = offline.plan(site)
    assert {"book/a.html", "book/b.html", "index.html", "search.html", "searchindex.js", "_static/theme.css",
            "_static/base.css", "_static/bg.png", "_static/app.js", "_images/fig.svg", offline.MANIFEST,
            f"{course.ITEMS_DIR}/soal-1.js", "_static/icons/icon-512.png"} <= set(precache)
    # a notebook page, its plot and its sheet: cached on first use, or by the save control
    assert not {"notebooks/n.html", "_images/plot.png", "_static/nb.css"} & set(precache)
    names = {name for name, _ in listed}
    assert {"notebooks/n.html", "_images/plot.png", "_static/nb.css"} <= names and set(precache) <= names
    assert not {"_static/unused.css", "_sources/book/a.md", ".buildinfo"} & names
    assert dict(listed)["book/a.html"] == (site / "book/a.html").stat().st_size


def _revisions(sw: str) -> dict[str, str]:
    """url -> revision of the precache list workbox-build's injectManifest wrote into ``sw.js``."""
    return {e["url"]: e["revision"] for e in map(json.loads, re.findall(r'\{"revision":"[^"]*","url":"[^"]*"\}', sw))}


def test_workbox_writes_a_worker_with_a_revision_for_every_precached_file(tmp_path):
    site = _site(tmp_path)
    result = offline.write_service_worker(site)
    sw = (site / offline.SW).read_text(encoding="utf-8")
    precache, listed = offline.plan(site)
    urls = _revisions(sw)
    assert set(urls) == set(precache) | {offline.FILES} and result["count"] == len(urls)
    assert all(len(rev) == 12 for rev in urls.values())
    saved = json.loads((site / offline.FILES).read_text(encoding="utf-8"))
    assert saved["bytes"] == sum(b for _, b in listed) and len(saved["files"]) == len(listed)
    # a changed chapter changes its revision, and only its own
    before = urls
    (site / "book/b.html").write_text('<a href="a.html">a</a><p>baru</p>', encoding="utf-8")
    offline.write_service_worker(site)
    after = _revisions((site / offline.SW).read_text(encoding="utf-8"))
    changed = {u for u in after if after[u] != before.get(u)}
    assert changed == {"book/b.html", offline.FILES}


def test_the_worker_is_the_bundled_source_with_the_cache_names_of_the_build(tmp_path):
    site = _site(tmp_path)
    offline.write_service_worker(site)
    sw = (site / offline.SW).read_text(encoding="utf-8")
    # no import left for the browser to resolve, no placeholder left unfilled
    assert "import " not in sw and "__WB_MANIFEST" not in sw and "PEKSOS_" not in sw
    assert f'"{offline.PAGES_CACHE}"' in sw and f'"{offline.FILES_CACHE}"' in sw and "SKIP_WAITING" in sw
    assert "immutable" in sw


def test_every_file_a_page_or_sheet_loads_gets_the_hash_of_its_content(tmp_path):
    import hashlib

    site = _site(tmp_path)
    digest = lambda rel: hashlib.md5((site / rel).read_bytes()).hexdigest()[:12]  # noqa: E731
    assert offline.version_urls(site) > 0
    page = (site / "book/a.html").read_text(encoding="utf-8")
    # the sheet's digest is taken after its own references are marked
    base = (site / "_static/base.css").read_text(encoding="utf-8")
    assert base == f'body{{background:url("bg.png?v={digest("_static/bg.png")}")}}'
    theme = (site / "_static/theme.css").read_text(encoding="utf-8")
    assert theme == f'@import"base.css?v={digest("_static/base.css")}";'
    assert f'href="../_static/theme.css?v={digest("_static/theme.css")}"' in page
    assert f'src="../_static/app.js?v={digest("_static/app.js")}"' in page  # Sphinx's ?v=2 replaced
    assert f'src="../_images/fig.svg?v={digest("_images/fig.svg")}"' in page
    assert 'href="../notebooks/n.html"' in page  # links to pages are not files a page loads
    # a second run changes nothing; a changed file changes its URL, and the sheets that import it
    before = {rel: (site / rel).read_text(encoding="utf-8") for rel in ("book/a.html", "_static/theme.css")}
    assert offline.version_urls(site) == 0
    (site / "_static/bg.png").write_text("png2", encoding="utf-8")
    offline.version_urls(site)
    assert (site / "_static/theme.css").read_text(encoding="utf-8") != before["_static/theme.css"]
    assert (site / "book/a.html").read_text(encoding="utf-8") != before["book/a.html"]
    assert f'bg.png?v={digest("_static/bg.png")}' in (site / "_static/base.css").read_text(encoding="utf-8")


def test_icons_are_drawn_at_both_sizes_also_for_a_book_without_a_logo(tmp_path):
    import struct

    offline.write_icons(None, tmp_path)
    for n in (192, 512):
        head = (tmp_path / offline.ICONS_DIR / f"icon-{n}.png").read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (n, n)
