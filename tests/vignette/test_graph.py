"""peksos.vignette.graph: conditions, steps, play-throughs to every ending, the expert path."""
from __future__ import annotations

from pathlib import Path

import pytest

from peksos.vignette import graph, load_vignette
from peksos.vignette.schema import ConditionError, holds, parse_condition

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "vignettes" / "good" / "mini.yml"


def test_conditions_parse_and_evaluate():
    ast = parse_condition("rapport >= 2 and risiko < 3 or rapport == 0")
    assert ast == {"any": [{"all": [["rapport", ">=", 2], ["risiko", "<", 3]]}, {"all": [["rapport", "==", 0]]}]}
    assert holds(ast, {"rapport": 2, "risiko": 1})
    assert not holds(ast, {"rapport": 1, "risiko": 1})
    assert holds(ast, {"rapport": 0, "risiko": 9})
    for bad in ("rapport >= two", "rapport => 2", "", "rapport >= 2 and"):
        with pytest.raises(ConditionError):
            parse_condition(bad)


def test_walk_finds_a_path_to_every_ending_respecting_state():
    v = load_vignette(GOOD).vignette
    found = graph.walk(v)
    assert set(found.paths) == {"akhir-baik", "akhir-sedang", "akhir-buruk"}
    assert found.paths["akhir-baik"] == [("awal", "dengar"), ("lanjut", "rencana")]
    # the bad ending needs risiko >= 3, i.e. the harmful first choice
    assert found.paths["akhir-buruk"] == [("awal", "ceramah"), ("lanjut", "tunda")]


def test_effects_are_clamped_and_conditions_gate_choices():
    v = load_vignette(GOOD).vignette
    state = graph.initial_state(v)
    assert graph.offered(v, "lanjut", state) == ["tunda"]
    nxt, state = graph.step(v, "awal", "dengar", state)
    assert nxt == "lanjut" and state["rapport"] == 2
    assert graph.offered(v, "lanjut", state) == ["rencana", "tunda"]
    _, clamped = graph.step(v, "awal", "ceramah", {"rapport": 0, "risiko": 3})
    assert clamped["risiko"] == 3


def test_expert_path_takes_the_best_rated_choices():
    v = load_vignette(GOOD).vignette
    assert graph.expert_path(v) == [("awal", "dengar"), ("lanjut", "rencana")]
