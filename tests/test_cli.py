"""The peksos command."""
from __future__ import annotations

import csv

from peksos import cli


def test_validate_passes_on_the_course_data(capsys):
    assert cli.main(["validate"]) == 0
    assert "valid" in capsys.readouterr().out


def test_validate_fails_and_names_the_file(tiny_root, capsys):
    path = tiny_root / "data" / "timeline.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0]["kind"] = "legenda"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    assert cli.main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "timeline.csv: line 2" in err and "'kind'" in err


def test_table_prints_a_list(capsys):
    assert cli.main(["table", "purposes.zastrow-2017", "--csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "No.,Istilah,Istilah Inggris,Penjelasan"


def test_unknown_list_is_a_clean_error(capsys):
    assert cli.main(["table", "no.such-list"]) == 1
    assert "unknown concept list id" in capsys.readouterr().err
