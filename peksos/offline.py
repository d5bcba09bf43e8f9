"""``peksos offline``: the built site as one zip that a lecturer copies to students (USB, WhatsApp).

Unpacked anywhere and opened from ``file://`` (``index.html``), every page reads, and the quizzes and
case players run: the engine is made of classic scripts (see :mod:`peksos.widgets.bundle`), the pages
link to each other by relative ``.html`` paths and the search page loads its index as a script. The
copy's search lists its results without the excerpt under each: Sphinx fetches the result pages for
it, and a page opened from disk may not fetch.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .paths import project_root

ZIP_NAME = "pengantar-peksos.zip"
FOLDER = "pengantar-peksos"
# not useful from a folder on disk: the service worker only runs over http(s)
SKIP = {"sw.js", ".buildinfo"}
OPTIONS = "_static/documentation_options.js"
SUMMARY_ON = "SHOW_SEARCH_SUMMARY: true"


def _for_disk(rel: str, data: bytes) -> bytes:
    """A file as the copy on disk needs it (only the search options differ from the site)."""
    if rel != OPTIONS:
        return data
    text = data.decode("utf-8")
    if SUMMARY_ON not in text:
        raise ValueError(f"{OPTIONS}: no `{SUMMARY_ON}` to turn off for the copy on disk")
    return text.replace(SUMMARY_ON, "SHOW_SEARCH_SUMMARY: false").encode("utf-8")


def write_zip(site: Path | None = None, out: Path | None = None) -> Path:
    site = Path(site or project_root() / "_build" / "html")
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}: no built site here (run `make book` first)")
    out = Path(out or site.parent / ZIP_NAME)
    tmp = out.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site)
            if path.is_dir() or rel.name in SKIP or rel.parts[0] == ".doctrees":
                continue
            zf.writestr(zipfile.ZipInfo.from_file(path, f"{FOLDER}/{rel.as_posix()}"),
                        _for_disk(rel.as_posix(), path.read_bytes()), compress_type=zipfile.ZIP_DEFLATED)
    tmp.replace(out)
    return out
