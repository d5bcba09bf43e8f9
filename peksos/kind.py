"""What the shared code needs to know of one content kind (:class:`Kind`); the kinds themselves are listed
in :mod:`peksos.kinds`.

A content kind (a quiz bank, a case vignette) is one folder of the package: its schema, loader, render, its
front end (``<name>.js``, ``<name>.css``), its widget class, the files students download from it with their
readers (``results.py``) and a ``kind.py`` that describes it with a :class:`Kind`. The directive, the Sphinx
node and its HTML visitor, the page tracking, the widget host, the bundler, the SCORM export and the
class-results reader (:mod:`peksos.results`, with the JSON Schema of the results files) read a kind only
through these fields; nothing here imports Sphinx.

A kind whose widget lets a student download something declares it in :class:`Results`: one
:class:`ResultReader` per kind of file, the pydantic models written as JSON Schema, and how its own files
(banks, vignettes) are loaded to check the downloads against.
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
class ResultReader:
    """One kind of file a student downloads, as the class-results reader takes it."""
    name: str                                    # its name in the reader's ``files`` frame ("kuis-json")
    title: str                                   # how messages name such a file ("a quiz result")
    frame: str                                   # where its rows go: "answers" or "paths"
    # (the JSON object, or the text for another suffix; the file's name; "<path>: "; the catalog or None)
    # -> the rows; a problem raises peksos.resultfile.Bad
    read: Callable[[Any, str, str, Any], list[dict]]
    marks: tuple[str, ...] = ()                  # a .json holding any of these fields is such a file
    suffix: str = ".json"                        # another suffix: every file with it is such a file
    prefer: int = 0                              # on the same date, the answer of the higher ``prefer`` is kept


@dataclass(frozen=True, eq=False)  # compared and hashed as itself (``schemas`` is a dict), so a Kind stays hashable
class Results:
    """What the class-results reader needs of a kind: the files students download from it, and its own files
    to check them against (the catalog, :func:`peksos.results.catalog`)."""
    readers: tuple[ResultReader, ...]
    schemas: dict[str, tuple[type, str]]         # <name>.schema.json in quizzes/schema/ -> (pydantic model, title)
    files: Callable[[Path], list[Path]]          # (a quizzes folder) -> its own files there
    load: Callable[[Path], Any]                  # one of them, checked by its loader (which raises Kind.error)
    tables: Callable[[list], dict[str, dict]]    # the loaded files -> the catalog's tables ({"banks": {id: ...}})
    # (table, frame, column): ClassResults.<table> keeps the entries named in that column of that frame; the
    # table also names the files in messages ("cannot check results against the banks")
    used: tuple[str, str, str]
    model: type | None = None                    # a file as a pydantic model: the fast path before ``load``
    required: bool = False                       # none of its files under the folder stops a checked read


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
    results: Results | None = None               # the files students download from it, for the results reader

    @property
    def module(self) -> Path:
        """Its front-end ES module."""
        return self.static / f"{self.name}.js"
