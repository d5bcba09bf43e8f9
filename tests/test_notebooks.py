"""The notebooks lecturers hand out: one per chapter, committed clean, and each runs in a fresh kernel."""
from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from peksos import data

from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
TOC = (ROOT / "_toc.yml").read_text(encoding="utf-8")
ALL = sorted(NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("chapter", data.CHAPTERS)
def test_every_chapter_has_a_notebook_in_the_book_with_its_quiz(chapter):
    path = NOTEBOOKS / f"{chapter}.ipynb"
    assert path.exists(), path
    assert f"notebooks/{chapter}" in TOC
    code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    assert f'Quiz("{chapter}"' in code and ".results" in code
    book = (ROOT / "book" / f"{chapter}.md").read_text(encoding="utf-8")
    if "{vignette}" in book:
        assert "Vignette(" in code


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert dirty == [], f"{path.name}: cells with outputs: {dirty}"
    assert any(c.cell_type == "markdown" and "Jawaban Anda" in c.source for c in nb.cells) or path.stem == "analisis-kelas"


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_notebook_runs_top_to_bottom_in_a_fresh_kernel(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
