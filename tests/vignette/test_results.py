"""peksos.vignette.results: a vignette play as a pydantic model, the sentence a bad play gets, and the replay
on the vignette's graph."""
from __future__ import annotations

import pytest

from peksos import results
from peksos.resultfile import Bad, validate
from peksos.vignette import graph
from peksos.vignette import results as vr

from ..resultkit import VIGNETTE, play_doc


@pytest.fixture(scope="module")
def cat():
    return results.catalog()


def test_a_bad_play_gets_one_sentence(cat):
    doc = play_doc(cat)
    doc["path"][0]["state_after"] = {"x": "1"}
    with pytest.raises(Bad, match=r"k.json: path\[0\]: field 'state_after': every case variable must be a whole number"):
        validate(vr.VignettePlay, doc, "k.json: ")
    doc = play_doc(cat)
    doc["expert"] = [["a"]]
    with pytest.raises(Bad, match=r"k.json: expert\[0\]: expected a \[node, choice\] pair of texts"):
        validate(vr.VignettePlay, doc, "k.json: ")
    doc = play_doc(cat)
    del doc["path"][1]["rating"]
    with pytest.raises(Bad, match=r"^k.json: path\[1\]: missing field 'rating'$"):  # a step is named by place
        validate(vr.VignettePlay, doc, "k.json: ")


def test_a_play_is_replayed_with_the_vignettes_and_read_alone_without(cat):
    doc = play_doc(cat)
    rows = vr.read_play(doc, "k.json: ", cat)
    assert [(r["node"], r["choice"]) for r in rows] == graph.expert_path(cat.vignettes[VIGNETTE])
    assert all(r["expert_choice"] for r in rows) and rows[-1]["ended"]
    doc["vignette"] = "kasus-lain"
    with pytest.raises(Bad, match="k.json: field 'vignette': unknown vignette 'kasus-lain'"):
        vr.read_play(doc, "k.json: ", cat)
    alone = vr.read_play(doc, "k.json: ", None)  # the file's own expert pairs
    assert [r["vignette"] for r in alone] == ["kasus-lain"] * len(rows) and all(r["expert_choice"] for r in alone)
