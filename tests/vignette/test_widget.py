"""The Vignette widget's Python side: payload, results back as path/state/ending, static HTML beside it."""
from __future__ import annotations

from pathlib import Path

import pytest

from peksos.vignette import graph
from peksos.vignette.widget import Vignette

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "vignettes" / "good" / "mini.yml"


def test_payload_carries_parsed_conditions_and_the_expert_path():
    w = Vignette(MINI, links={})
    assert w.payload["start"] == "awal"
    cond = w.payload["nodes"]["lanjut"]["choices"][0]["condition"]
    assert cond == {"any": [{"all": [["rapport", ">=", 2]]}]}
    assert w.payload["expert"] == [["awal", "dengar"], ["lanjut", "rencana"]]


def test_results_from_the_front_end_become_path_state_and_ending():
    w = Vignette(MINI, links={})
    v = w.vignette
    state = graph.initial_state(v)
    steps = []
    for node, choice in graph.walk(v).paths["akhir-buruk"]:
        _, state = graph.step(v, node, choice, state)
        steps.append({"node": node, "choice": choice, "state_after": state})
    w.results = {"path": steps, "state": state, "ending": "akhir-buruk", "ended": True}
    assert w.path["choice"].tolist() == ["ceramah", "tunda"]
    assert w.path["rating"].tolist() == ["merugikan", "berisiko"]
    assert w.state == {"rapport": 0, "risiko": 3}
    assert w.ending == "akhir-buruk"
    assert w.score == (1, 6)


def test_a_path_naming_an_unknown_choice_is_rejected():
    w = Vignette(MINI, links={})
    w.results = {"path": [{"node": "awal", "choice": "teleport"}]}
    with pytest.raises(ValueError, match="has no choice 'teleport'"):
        _ = w.path


def test_mimebundle_has_the_static_player_beside_the_widget_view():
    w = Vignette(MINI, links={})
    bundle = w._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    assert 'data-peksos-engine="vignette"' in data["text/html"]
    assert "<script type=\"application/json\"" in data["text/html"]


def test_the_esm_is_self_contained():
    esm = Vignette._esm
    assert 'from "./engine.js"' not in esm and "vignette_default as default" in esm and "function h(" in esm
