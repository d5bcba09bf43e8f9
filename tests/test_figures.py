"""peksos.figures: every figure draws from data/ and describes itself."""
from __future__ import annotations

import pytest

from peksos import data, figures


@pytest.mark.parametrize("name", list(figures.FIGURES))
def test_figure_saves_as_svg_with_alt_text(name, tmp_path):
    target = tmp_path / f"{name}.svg"
    alt = figures.save_svg(name, target)
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    assert len(alt) > 60 and "*" not in alt


def test_timeline_alt_text_names_every_event():
    _, alt = figures.timeline()
    for label in data.load("timeline")["label_id"]:
        assert figures.plain(label) in alt


def test_svg_text_stays_text_and_is_reproducible(tmp_path):
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    figures.save_svg("practice-levels", a)
    figures.save_svg("practice-levels", b)
    assert a.read_bytes() == b.read_bytes()
    assert "Mikro" in a.read_text(encoding="utf-8")


def test_unknown_figure():
    with pytest.raises(data.DataError, match="unknown figure"):
        figures.figure("pie")
