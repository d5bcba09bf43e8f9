"""``peksos offline``: the built site as one zip that a lecturer copies to students (USB, WhatsApp).

Unpacked anywhere and opened from ``file://`` (``index.html``), every page reads, and the quizzes and
case players run: the engine is made of classic scripts (see :mod:`peksos.widgets.bundle`), the pages
link to each other by relative ``.html`` paths and the search page loads its index as a script.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .paths import project_root

ZIP_NAME = "pengantar-peksos.zip"
FOLDER = "pengantar-peksos"
# not useful from a folder on disk: the service worker only runs over http(s)
SKIP = {"sw.js", ".buildinfo"}


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
            zf.write(path, f"{FOLDER}/{rel.as_posix()}")
    tmp.replace(out)
    return out
