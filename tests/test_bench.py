"""The benchmark's pure parts (the timed parts run only under `make bench`)."""
from __future__ import annotations

import pytest

from peksos import bench
from peksos.widgets import assets


def test_engine_bytes_add_up_per_widget_kind():
    sizes = bench.engine_bytes()
    files = {p.name for p in assets.site_files()}
    assert {"engine.js", "quiz.js", "vignette.js"} <= files
    assert sizes["quiz_page_total"] == sum(sizes[f] for f in ("engine.js", "record.js", "engine.css", "quiz.js",
                                                              "quiz.css"))
    assert sizes["practice_page_total"] > sizes["quiz_page_total"] + sizes["practice.js"]
    assert sizes["vignette_page_total"] > sizes["vignette.js"]
    both = ("engine.js", "engine.css", "record.js", "quiz.js", "quiz.css", "vignette.js", "vignette.css")
    assert sizes["quiz_vignette_page_total"] == sum(sizes[f] for f in both)  # the engine counted once
    assert 0 < sizes["quiz_vignette_page_total_gzip"] < sizes["quiz_vignette_page_total"]
    # the minified bundles, not the readable sources
    assert sizes["quiz_vignette_page_total"] < sizes["sources_total"]


def test_local_file_maps_a_url_to_the_built_file(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "a.html").write_text("x")
    (tmp_path / "index.html").write_text("y")
    base = "http://127.0.0.1:8000"
    assert bench._local_file(tmp_path, base, base + "/book/a.html?v=1#top") == tmp_path / "book" / "a.html"
    assert bench._local_file(tmp_path, base, base + "/") == tmp_path / "index.html"
    assert bench._local_file(tmp_path, base, base + "/missing.css") is None


def test_the_benchmark_builds_with_the_real_jupyter_book_command():
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "jupyter-book"
    assert exe.exists(), "bench._build calls the jupyter-book executable of this environment"
    import inspect

    assert '"jupyter-book"' in inspect.getsource(bench._build)


def test_content_section_reports_the_coverage_of_the_built_site():
    from peksos import coverage
    from peksos.paths import project_root

    site = project_root() / "_build" / "html"
    if not (site / "index.html").exists():
        pytest.fail(f"{site}: build the book first (`make book`); the content section is measured on it")
    content = bench.content(site)
    measured = coverage.measure(site)
    assert content["items_explained"] == measured.items_explained and content["items_total"] == 579
    assert content["lists_with_examples"] == measured.lists_with_examples
    assert content["apply_lists"] == measured.apply_lists > 0
    assert content["definitions"]["total"] == 30


def test_scorm_package_sizes():
    sizes = bench.scorm_bytes()
    assert sizes["count"] == len(sizes["packages"]) >= 18
    assert sizes["total"] == sum(sizes["packages"].values()) and 0 < sizes["max"] <= sizes["total"]
    assert all(name.endswith("-scorm12.zip") for name in sizes["packages"])
