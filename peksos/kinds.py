"""The content kinds of the book, one line each: adding a kind is its folder in the package (with a
``kind.py``, see :mod:`peksos.kind`) and one line here. The directive and node (:mod:`peksos.sphinxext.content`,
:mod:`peksos.sphinxext.nodes`), the page tracking, the widget host (:mod:`peksos.widgets.host`), the bundler's
modules and SCORM scripts (:mod:`peksos.widgets.bundle`) and the class-results reader (:mod:`peksos.results`: the
files of a class folder, the catalog to check them against, the results files' JSON Schema) all read the kinds
from :data:`KINDS`. Its order is the order a results ``.json`` is tried in.
"""
from __future__ import annotations

from .kind import Kind
from .quiz.kind import KIND as quiz
from .vignette.kind import KIND as vignette

KINDS: dict[str, Kind] = {k.name: k for k in (quiz, vignette)}
