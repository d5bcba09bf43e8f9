"""peksos.widgets.assets: the files each page loads."""
from __future__ import annotations

from peksos.widgets import assets, bundle


def test_the_book_does_not_copy_the_scorm_adapter():
    names = {p.name for p in assets.static_files()}
    assert {"engine.js", "quiz.js", "vignette.js"} <= names and "scorm.js" not in names
    site = {p.name for p in assets.site_files()}
    assert {"engine.js", "quiz.js"} <= site and not any(n.startswith(("scorm", "peksos-")) for n in site)
    assert bundle.ADAPTER.is_file()


