"""The synthetic class: deterministic, made of files the real quiz and player could have written."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from peksos import cli, results, synthetic
from peksos.quiz import scoring

from .conftest import ROOT

SAMPLE = ROOT / "data" / "contoh-kelas"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_class(tmp_path):
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        synthetic.generate(tmp_path / name / "kelas", students=6, seed=seed)
    a, b, c = (_files(tmp_path / n / "kelas") for n in "abc")
    assert a == b
    assert set(a) != set(c) or any(a[k] != c[k] for k in a if k != "README.md")


def test_generated_files_load_and_score_as_the_quiz_scores(tmp_path):
    out = tmp_path / "kelas"
    made = synthetic.generate(out, students=12, seed=11)
    res = results.read(out)  # every answer rescored against the bank, every play replayed on its graph
    assert res.students == [f"sintetis-{k:02d}" for k in range(1, 13)]
    kinds = res.files["kind"].value_counts()
    assert kinds["kuis-json"] > 0 and kinds["kuis-csv"] > 0 and kinds["kasus"] == made.vignette_files
    assert kinds["kuis-json"] + kinds["kuis-csv"] == made.quiz_files
    assert set(res.answers["bank"]) == set(synthetic.DEFAULT_BANKS)
    assert set(res.paths["vignette"]) == set(synthetic.DEFAULT_VIGNETTES)
    assert res.paths["ended"].all()
    # abilities vary: the students' mean scores spread out
    means = res.answers.groupby("student")["score"].mean()
    assert means.max() - means.min() > 0.2
    # the CSV and JSON of one attempt agree row for row
    both = res.files[res.files["kind"] == "kuis-csv"]["file"].str.replace(".csv", ".json", regex=False)
    twins = [f for f in both if (out / f).exists()]
    assert twins, "some students hand in the JSON and the CSV of the same attempt"
    full = results.read(out, keep="all").answers
    for f in twins[:3]:
        j = full[full["file"] == f].set_index("item")[["score", "correct", "checked", "shown", "tries"]]
        c = full[full["file"] == f[:-5] + ".csv"].set_index("item")[["score", "correct", "checked", "shown", "tries"]]
        assert j.sort_index().equals(c.sort_index())


def test_answers_are_in_the_banks_format_and_scored_by_the_scoring_module(tmp_path):
    out = tmp_path / "kelas"
    synthetic.generate(out, students=3, seed=5, banks=["pengertian"], vignettes=["casework-lk3"])
    cat = results.catalog()
    doc = json.loads(next(out.glob("sintetis-01/hasil-kuis-pengertian-*.json")).read_text(encoding="utf-8"))
    assert doc["quiz"] == doc["bank"] == "pengertian" and doc["max"] == len(cat.banks["pengertian"].items)
    for row in doc["items"]:
        item = cat.items[row["id"]][1]
        expected = scoring.score(item, row["answer"], shown=row["shown"]) if row["checked"] else (0.0, False)
        assert (row["score"], row["correct"]) == tuple(expected)
    assert "--banks pengertian --vignettes casework-lk3" in (out / "README.md").read_text(encoding="utf-8")


def test_csv_is_written_as_the_quiz_writes_it():
    text = synthetic.csv_text([["a", 'ber"kutip', "=SUM(A1)", "-1", True, 0.5, 1.0, None, "x,y"]])
    assert text == 'a,"ber""kutip",\'=SUM(A1),\'-1,true,0.5,1,,"x,y"\r\n'
    item = {"type": "menjodohkan", "pairs": [{"left": "A", "right": "1"}, {"left": "B", "right": "2"}],
            "distractors": [{"text": "3"}]}
    assert synthetic.describe(item, [2, None]) == "A = 3; B = "


def test_refuses_to_overwrite_a_folder_it_did_not_make(tmp_path, capsys):
    out = tmp_path / "kelas"
    synthetic.generate(out, students=2, seed=1)
    with pytest.raises(results.ResultsError, match="not empty; pass --force"):
        synthetic.generate(out, students=2, seed=1)
    synthetic.generate(out, students=1, seed=1, force=True)  # replaces its own sample
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "sintetis-01"]
    (out / "nilai-asli.xlsx").write_text("x", encoding="utf-8")
    assert cli.main(["synthetic", "--out", str(out), "--students", "1", "--force"]) == 1
    assert "refusing to replace it" in capsys.readouterr().err
    assert (out / "nilai-asli.xlsx").exists()


def test_unknown_bank_is_a_clean_error(tmp_path, capsys):
    assert cli.main(["synthetic", "--out", str(tmp_path / "k"), "--banks", "tidak-ada"]) == 1
    assert "unknown bank(s) tidak-ada" in capsys.readouterr().err


def test_committed_sample_is_labelled_synthetic_and_loads():
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    assert "SINTETIS" in readme and "peksos synthetic --out data/contoh-kelas --students 30 --seed 7" in readme
    res = results.read(SAMPLE)
    assert len(res.students) == 30 and all(s.startswith("sintetis-") for s in res.students)
    assert set(res.answers["bank"]) == set(synthetic.DEFAULT_BANKS)
    assert set(res.paths["vignette"]) == set(synthetic.DEFAULT_VIGNETTES)
    assert sum(p.stat().st_size for p in SAMPLE.rglob("*") if p.is_file()) < 3_000_000


def test_committed_sample_is_what_the_documented_command_writes(tmp_path):
    out = tmp_path / "contoh-kelas"
    synthetic.generate(out, students=30, seed=7)
    made, committed = _files(out), _files(SAMPLE)
    readme = committed.pop("README.md").decode()
    assert made.pop("README.md").decode() == readme.replace("--out data/contoh-kelas", "--out contoh-kelas")
    assert sorted(made) == sorted(committed)
    changed = [k for k in made if made[k] != committed[k]]
    assert not changed, f"regenerate the sample (see data/README.md): {changed[:5]}"


def test_every_fourth_student_hands_in_a_learning_record(tmp_path):
    from peksos import record

    made = synthetic.generate(tmp_path / "k", students=8, seed=3)
    assert made.course_files == 2
    for s in ("sintetis-04", "sintetis-08"):
        files = list((tmp_path / "k" / s).iterdir())
        assert len(files) == 1 and files[0].name.startswith("catatan-belajar-")
        rec = record.load(files[0])
        assert rec.attempts and rec.plays and {a.chapter for a in rec.attempts} >= {"pengertian", "tujuan"}
    res = results.read(tmp_path / "k")
    assert set(res.files["kind"]) == {"catatan", "kuis-json", "kuis-csv", "kasus"}
    assert set(res.answers[res.answers["student"] == "sintetis-04"]["format"]) == {"catatan"}
