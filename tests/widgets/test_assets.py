"""peksos.widgets.assets: the files each page loads, the classic bundle the SCORM packages run."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from peksos.widgets import assets


@pytest.mark.parametrize("kind", ["quiz", "vignette"])
def test_classic_bundle_is_one_scope_without_modules(kind, tmp_path):
    text = assets.classic(kind, extra=["scorm.js"])
    assert text.startswith("(function () {\n\"use strict\";") and text.rstrip().endswith("})();")
    assert not re.search(r"^\s*(import|export)\b", text, re.M)
    for name in ("engine.js", "record.js", f"{kind}.js", "scorm.js"):
        assert f"// --- {name} ---" in text
    other = "vignette.js" if kind == "quiz" else "quiz.js"
    assert f"// --- {other} ---" not in text  # one widget per bundle
    assert "function runSco(" in text and "const T = {" in text
    if shutil.which("node"):
        (tmp_path / "b.js").write_text(text, encoding="utf-8")
        run = subprocess.run(["node", "--check", str(tmp_path / "b.js")], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


def test_the_book_does_not_copy_the_scorm_adapter():
    names = {p.name for p in assets.static_files()}
    assert {"engine.js", "quiz.js", "vignette.js"} <= names and "scorm.js" not in names
    assert (assets.WIDGETS_DIR / "scorm.js").is_file()


def test_an_export_the_bundle_cannot_rewrite_is_refused(tmp_path, monkeypatch):
    for path in assets.WIDGETS_DIR.glob("*.js"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "aneh.js").write_text("export { a as b };\n", encoding="utf-8")
    monkeypatch.setattr(assets, "WIDGETS_DIR", tmp_path)
    with pytest.raises(ValueError, match="aneh.js"):
        assets.classic("quiz", extra=["aneh.js"])
