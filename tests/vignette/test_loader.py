"""The vignette validator against a catalogue of broken vignettes: each names file, line, node and field."""
from __future__ import annotations

from pathlib import Path

import pytest

from peksos.vignette import VignetteError, load_all, load_vignette
from peksos.vignette.loader import known_lists

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vignettes"

CATALOGUE = {
    "yaml-syntax": ["line 3, column 1", "YAML syntax error"],
    "unknown-target": ["node 'awal'", "field 'choices[0].next'", "'tidak-ada', which is neither a node nor an ending"],
    "unknown-start": ["field 'start'", "start node 'entah' does not exist"],
    "undeclared-variable-effect": ["node 'awal'", "changes undeclared variable 'kepercayaan'"],
    "undeclared-variable-condition": ["node 'lanjut'", "field 'choices[0].condition'", "undeclared variable 'kepercayaan'"],
    "condition-does-not-parse": ["node 'lanjut'", "condition does not parse", "rapport lebih dari 2"],
    "unreachable-node": ["node 'yatim'", "cannot be reached from the start"],
    "dead-end-all-conditional": ["node 'lanjut'", "no choice is offered (a dead end)"],
    "loop-without-exit": ["node 'putar'", "no ending can be reached (a loop without an exit)"],
    "ending-ruled-out-by-conditions": ["ending 'akhir-buruk'", "cannot be reached by any play"],
    "branch-default-missing": ["node 'lanjut'", "field 'choices[0].branches'".replace("[0]", "[1]"), "last branch must have no 'if'"],
    "next-and-branches": ["node 'awal'", "field 'choices[0].next'", "exactly one of 'next' or 'branches'"],
    "bad-rating": ["node 'awal'", "field 'choices[0].rating'", "tepat"],
    "duplicate-id": ["'lanjut' is used twice"],
    "unknown-principle-list": ["node 'awal'", "field 'choices[0].applies[0]'", "unknown inventory list id 'prinsip.tidak-ada'"],
    "principle-item-out-of-range": ["node 'awal'", "has no item 99"],
    "initial-out-of-range": ["field 'variables[0]'", "initial value 7 is outside"],
    "unknown-field": ["node 'awal'", "field 'choices[0].efek'", "unknown field"],
    "expert-path-ends-badly": ["best-rated choices does not end in a 'baik' outcome"],
}


def test_the_catalogue_covers_every_fixture():
    assert {p.stem for p in (FIXTURES / "bad").glob("*.yml")} == set(CATALOGUE)


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_broken_vignette_is_rejected_with_a_precise_message(name):
    path = FIXTURES / "bad" / f"{name}.yml"
    with pytest.raises(VignetteError) as err:
        load_vignette(path, lists=known_lists())
    msg = str(err.value)
    assert str(path) in msg and "line " in msg
    for fragment in CATALOGUE[name]:
        assert fragment in msg, f"{name}: {fragment!r} not in:\n{msg}"


def test_good_vignette_loads():
    loaded = load_vignette(FIXTURES / "good" / "mini.yml", lists=known_lists())
    assert loaded.vignette.id == "mini-kasus"
    assert loaded.line_of("nodes", 1, "choices", 0, "condition") is not None


def test_ids_must_be_unique_across_files(tmp_path):
    text = (FIXTURES / "good" / "mini.yml").read_text(encoding="utf-8")
    (tmp_path / "a.yml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yml").write_text(text, encoding="utf-8")
    with pytest.raises(VignetteError, match="is also used by"):
        load_all(tmp_path, lists=known_lists())
