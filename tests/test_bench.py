"""The benchmark's pure parts (the timed parts run only under `make bench`)."""
from __future__ import annotations

from peksos import bench
from peksos.widgets import assets


def test_engine_bytes_add_up_per_widget_kind():
    sizes = bench.engine_bytes()
    files = {p.name for p in assets.static_files()}
    assert {"engine.js", "quiz.js", "vignette.js"} <= files
    assert sizes["quiz_page_total"] == sum(sizes[f] for f in ("engine.js", "engine.css", "quiz.js", "quiz.css"))
    assert sizes["vignette_page_total"] > sizes["vignette.js"]
