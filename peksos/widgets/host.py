"""The Jupyter host of every content kind: one anywidget class per kind on the same base.

A kind's widget names its kind and render module (``class Quiz(ContentWidget, kind="quiz",
render=quiz.render)``): the base gives it the engine's ES module and CSS for that kind, the synced
``payload``, the file lookup (a path or an id) and its static HTML for pages without a kernel.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import anywidget
import traitlets

from . import assets
from .static import StaticHTML


class ContentWidget(StaticHTML, anywidget.AnyWidget):
    kind = ""
    render: ModuleType
    payload = traitlets.Dict().tag(sync=True)

    def __init_subclass__(cls, kind: str = "", render: ModuleType | None = None, **kwargs) -> None:
        if kind:
            cls.kind, cls.render = kind, render
            cls._esm, cls._css = assets.esm(kind), assets.css(kind)
        super().__init_subclass__(**kwargs)

    @staticmethod
    def locate(ref: str | Path, folder: Path, find: Callable[[str, Path], Path]) -> Path:
        """``ref`` when it is a file, else the file ``find`` names by ``ref`` in ``folder``."""
        path = Path(ref)
        return path if path.is_file() else find(str(ref), folder)

    def static_html(self) -> str:
        return self.render.markup(self.payload)
