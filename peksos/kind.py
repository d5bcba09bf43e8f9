"""What the shared code needs to know of one content kind (:class:`Kind`); the kinds themselves are listed
in :mod:`peksos.kinds`.

A content kind (a quiz bank, a case vignette) is one folder of the package: its schema, loader, render, its
front end (``<name>.js``, ``<name>.css``), its widget class and a ``kind.py`` that describes it with a
:class:`Kind`. The directive, the Sphinx node and its HTML visitor, the page tracking, the widget host,
the bundler and the SCORM export read a kind only through these fields; nothing here imports Sphinx.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# url(label, what) -> the URL of a book label as seen from the page being written; it stops the build when the
# label does not resolve, naming ``what`` (e.g. "line 12: item 'x': field 'section'")
Url = Callable[[str, str], str]


@dataclass(frozen=True)
class Kind:
    name: str                                    # the directive's name, its node's and its front-end module's
    what: str                                    # how messages name its files ("quiz banks")
    static: Path                                 # the folder holding <name>.js and <name>.css (the kind's own)
    folder: Callable[[], Path]                   # where its files live in the project
    files: Callable[[Path], list[Path]]
    error: type[Exception]                       # what its loader (and embed) raise; the message names the file
    load_all: Callable[[Path, bool], list]       # (folder, any files) -> loaded files, checked
    find: Callable[[str, Path], Path]            # (file or id, folder) -> its file
    not_one: str                                 # "<path>: not a ... file (...)"
    options: tuple[str, ...]                     # the directive's options
    embed: Callable[[Any, dict, str], tuple[dict, dict]]  # (loaded, options, where) -> (payload, context)
    link: Callable[[dict, Url, dict], None]      # (payload, url, context): resolve its book labels in place
    markup: Callable[[dict], str]                # the static HTML the engine mounts on
    missing_labels: Callable[[Any, Callable[[str], bool]], str | None]  # the problem, or None
    check_unused: bool = False                   # check the labels of files no page embeds too
    mount: str | None = None                     # the mount function its module exports, for a SCORM package

    @property
    def module(self) -> Path:
        """Its front-end ES module."""
        return self.static / f"{self.name}.js"
