"""peksos: the logic of the interactive Indonesian social-work course.

Data tables and their schemas (:mod:`peksos.data`), generated tables and
figures (:mod:`peksos.tables`, :mod:`peksos.figures`), the Sphinx extension
(:mod:`peksos.sphinxext`), the widgets (:mod:`peksos.widgets`) and the
``peksos`` command (:mod:`peksos.cli`).
"""
from __future__ import annotations

__version__ = "0.1.0"
