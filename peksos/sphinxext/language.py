"""Indonesian for docutils.

Docutils ships no Indonesian module, so a book with ``language: id`` gets the warning
'Language "id" not supported: Docutils-generated text will be in English' the first time
a page needs one of docutils' own labels. This module is that missing language: the labels
docutils writes itself, and the reStructuredText directive and role names (the English ones
stay valid, as docutils' own fallback would allow).
"""
from __future__ import annotations

import types

LABELS = {
    "author": "Penulis", "authors": "Para penulis", "organization": "Organisasi", "address": "Alamat",
    "contact": "Kontak", "version": "Versi", "revision": "Revisi", "status": "Status", "date": "Tanggal",
    "copyright": "Hak cipta", "dedication": "Persembahan", "abstract": "Abstrak", "attention": "Perhatian!",
    "caution": "Hati-hati!", "danger": "BAHAYA!", "error": "Galat", "hint": "Petunjuk", "important": "Penting",
    "note": "Catatan", "tip": "Tips", "warning": "Peringatan", "contents": "Daftar isi",
}
BIBLIOGRAPHIC_FIELDS = {v.lower(): k for k, v in LABELS.items()
                        if k in {"author", "authors", "organization", "address", "contact", "version", "revision",
                                 "status", "date", "copyright", "dedication", "abstract"}}


def _module(name: str, **attrs) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(attrs)
    return module


def register() -> None:
    """Make docutils find Indonesian for ``language_code = 'id'`` (idempotent).

    Docutils imports ``docutils.languages.<code>`` (and the rst parser's counterpart); registering
    the modules under those names works whether or not Sphinx has wrapped ``get_language``."""
    import sys

    from docutils.parsers.rst.languages import en as rst_en

    sys.modules.setdefault("docutils.languages.id", _module(
        "docutils.languages.id", labels=LABELS, bibliographic_fields=BIBLIOGRAPHIC_FIELDS,
        author_separators=[";", ","]))
    sys.modules.setdefault("docutils.parsers.rst.languages.id", _module(
        "docutils.parsers.rst.languages.id", directives=dict(rst_en.directives), roles=dict(rst_en.roles)))
