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


def test_validate_stops_on_a_bad_example(tiny_root, capsys):
    path = tiny_root / "data" / "examples" / "groupwork.csv"
    path.write_text("list_id,position,example_id,setting\ntechniques.group-work,7,Contoh singkat.,RW\n",
                    encoding="utf-8")
    assert cli.main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "groupwork.csv: line 2" in err and "'position'" in err


def test_table_prints_the_examples_on_request(capsys):
    assert cli.main(["table", "techniques.group-work", "--csv", "--examples"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "No.,Istilah,Istilah Inggris,Penjelasan,Contoh"
    assert "**Panti sosial:**" in out
