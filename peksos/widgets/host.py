"""The Jupyter host of every content kind: one anywidget class per kind on the same base.

A kind's widget class lives in the kind's folder and names its kind (``class Quiz(ContentWidget,
kind="quiz")``): the base reads the kind from :data:`peksos.kinds.KINDS` and gives the class the kind's ES
module (``dist/esm/<kind>.js``, bundled by esbuild) and CSS, the synced ``payload``, the file lookup (a path
or an id), the links to the built book and its static HTML (the kind's markup) for pages without a kernel.
"""
from __future__ import annotations

import os
from pathlib import Path

import anywidget
import traitlets

from ..book import book_sections
from ..kind import Kind
from ..kinds import KINDS
from ..paths import book_dir
from . import assets
from .static import StaticHTML


def book_links(relative_to: str = "notebooks") -> dict[str, str]:
    """Section label -> URL of the built page, seen from a page in folder ``relative_to``."""
    root = book_dir().parent
    out: dict[str, str] = {}
    for label, section in book_sections(book_dir()).items():
        page = (book_dir() / section.page).with_suffix(".html")
        out[label] = os.path.relpath(page, root / relative_to).replace(os.sep, "/") + f"#{label}"
    return out


class ContentWidget(StaticHTML, anywidget.AnyWidget):
    kind: Kind
    payload = traitlets.Dict().tag(sync=True)

    def __init_subclass__(cls, kind: str = "", **kwargs) -> None:
        if kind:
            cls.kind = KINDS[kind]
            cls._esm, cls._css = assets.esm(kind), assets.css(kind)
        super().__init_subclass__(**kwargs)

    @classmethod
    def locate(cls, ref: str | Path) -> Path:
        """``ref`` when it is a file, else the file of the kind named by ``ref`` (a file or an id) in its folder."""
        path = Path(ref)
        return path if path.is_file() else cls.kind.find(str(ref), cls.kind.folder())

    def static_html(self) -> str:
        return self.kind.markup(self.payload)
