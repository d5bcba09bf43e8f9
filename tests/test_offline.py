"""peksos.offline: the zip a lecturer shares, checked on a small site (the built book's zip is opened
from file:// in tests/browser/test_offline.py)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from peksos import offline

OPTIONS = "const DOCUMENTATION_OPTIONS = {\n    LANGUAGE: 'id',\n    SHOW_SEARCH_SUMMARY: true,\n};"


def _site(root: Path, options: str = OPTIONS) -> Path:
    for rel, text in {"index.html": "<p>x</p>", "book/a.html": "<p>a</p>", "sw.js": "self", ".buildinfo": "b",
                      ".doctrees/a.doctree": "d", offline.OPTIONS: options}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_the_zip_holds_the_site_in_one_folder_without_the_service_worker(tmp_path):
    made = offline.write_zip(_site(tmp_path / "html"), tmp_path / "buku.zip")
    with zipfile.ZipFile(made) as zf:
        names = set(zf.namelist())
        assert {f"{offline.FOLDER}/index.html", f"{offline.FOLDER}/book/a.html"} <= names
        assert not any(n.endswith(("sw.js", ".buildinfo")) or ".doctrees" in n for n in names)
        assert all(n.startswith(offline.FOLDER + "/") for n in names)
        options = zf.read(f"{offline.FOLDER}/{offline.OPTIONS}").decode("utf-8")
    # a page opened from disk may not fetch the result pages whose excerpts the search shows
    assert "SHOW_SEARCH_SUMMARY: false" in options and "LANGUAGE: 'id'" in options
    assert not (tmp_path / "buku.zip.part").exists()


def test_the_default_zip_lands_beside_the_site(tmp_path):
    made = offline.write_zip(_site(tmp_path / "html"))
    assert made == tmp_path / offline.ZIP_NAME and made.is_file()


def test_no_site_or_unknown_search_options_stop_with_the_file_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no built site"):
        offline.write_zip(tmp_path / "kosong", tmp_path / "x.zip")
    with pytest.raises(ValueError, match="documentation_options.js"):
        offline.write_zip(_site(tmp_path / "html", "const DOCUMENTATION_OPTIONS = {};"), tmp_path / "y.zip")
