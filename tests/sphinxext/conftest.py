"""Tiny test books, built in-process with Sphinx and the course's extension."""
from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

BIB = """
@book{zastrow2017, author = {Zastrow, Charles}, title = {Introduction to Social Work and Social Welfare},
  publisher = {Cengage Learning}, year = {2017}}
@book{pincus1973, author = {Pincus, Allen and Minahan, Anne}, title = {Social Work Practice: Model and Method},
  publisher = {F. E. Peacock}, year = {1973}}
@misc{cswe1959, author = {{Council on Social Work Education}}, title = {Definition}, year = {1959}}
@book{siporin1975, author = {Siporin, Max}, title = {Introduction to Social Work Practice}, publisher = {Macmillan}, year = {1975}}
@book{deguzman1983, author = {Serafica-de Guzman, Leonora}, title = {Fundamentals of Social Work}, publisher = {SSWAP}, year = {1983}}
@book{dubois2014, author = {DuBois, Brenda and Miley, Karla Krogsrud}, title = {Social Work}, publisher = {Pearson}, year = {2014}}
@misc{permensos2017, author = {{Kementerian Sosial RI}}, title = {Permensos 12/2017}, year = {2017}}
"""

SUMBER = "(sumber-naskah)=\n# Sumber\n\n```{bibliography}\n:all:\n```\n"


class Book:
    def __init__(self, root: Path):
        self.root = root
        self.src = root / "src"
        self.out = root / "src" / "_build" / "html"
        self.warnings = io.StringIO()

    def page(self, name: str) -> str:
        return (self.out / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture
def make_book(tmp_path, tiny_root):
    """make_book({"index": "...markdown..."}, extensions=[...]) -> Book, built; raises what the build raises.

    The book runs in ``tiny_root`` (a copy of data/, no quizzes/ unless a test adds some), so the
    project's own banks and vignettes never leak into a tiny book."""

    def _make(pages: dict[str, str], *, extensions: tuple[str, ...] = (), theme: str = "alabaster",
              conf: str = "", notebooks: dict[str, str] | None = None) -> Book:
        book = Book(tmp_path / f"book{len(list(tmp_path.iterdir()))}")
        book.src.mkdir(parents=True)
        names = [n for n in pages if n != "index"] + list(notebooks or {})
        toc = "\n".join(names)
        pages = {k: textwrap.dedent(v).lstrip("\n") for k, v in pages.items()}
        index = pages.get("index", "# Uji\n")
        pages = {**pages, "index": index + f"\n\n```{{toctree}}\n{toc}\nsumber\n```\n", "sumber": SUMBER}
        for name, text in pages.items():
            (book.src / f"{name}.md").write_text(textwrap.dedent(text), encoding="utf-8")
        for name, text in (notebooks or {}).items():
            (book.src / f"{name}.ipynb").write_text(text, encoding="utf-8")
        (book.src / "refs.bib").write_text(BIB, encoding="utf-8")
        exts = ["myst_parser", "sphinxcontrib.bibtex", *extensions, "peksos.sphinxext"]
        (book.src / "conf.py").write_text(
            f"extensions = {exts!r}\nbibtex_bibfiles = ['refs.bib']\nbibtex_reference_style = 'author_year'\n"
            f"language = 'id'\nhtml_theme = {theme!r}\nhtml_math_renderer = 'peksos_mathml'\n"
            f"myst_enable_extensions = ['dollarmath', 'colon_fence']\n{conf}\n", encoding="utf-8")
        app = SphinxTestApp("html", srcdir=book.src, status=io.StringIO(), warning=book.warnings, freshenv=True)
        try:
            app.build()
        finally:
            app.cleanup()
        return book

    return _make
