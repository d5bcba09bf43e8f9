"""notebooks/analisis-kelas.ipynb: committed without outputs, runs top to bottom on the synthetic class."""
from __future__ import annotations

import json
import os

import nbformat
from nbclient import NotebookClient

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "analisis-kelas.ipynb"


def test_committed_without_outputs_and_says_the_data_are_synthetic():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(not c["outputs"] and c["execution_count"] is None for c in code)
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "SINTETIS" in text and "FOLDER" in text


def test_runs_top_to_bottom_in_a_fresh_kernel(monkeypatch):
    monkeypatch.setenv("PEKSOS_ROOT", str(ROOT))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = {c.id: c.outputs for c in nb.cells if c.cell_type == "code"}
    errors = [o for outs in outputs.values() for o in outs if o.output_type == "error"]
    assert not errors
    images = [c for c, outs in outputs.items() if any("image/png" in o.get("data", {}) for o in outs)]
    assert images == ["gambar-soal", "peta-panas", "gambar-akhir"]
    summary = outputs["muat"][0]["data"]["text/plain"]
    assert "'students': 30" in summary
