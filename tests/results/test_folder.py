"""peksos.results.folder: reading a class folder, the files students download checked against the real banks
and vignettes; every bad file named with its problem."""
from __future__ import annotations

import copy

import pandas as pd
import pytest

from peksos import cli, results
from peksos.vignette import graph

from ..resultkit import BANK, VIGNETTE, items, play_doc, quiz_csv, quiz_doc, write


@pytest.fixture(scope="module")
def cat():
    return results.catalog()


@pytest.fixture
def klass(tmp_path, cat):
    """A class of two students: one with a quiz JSON and a vignette play, one with a quiz CSV."""
    root = tmp_path / "kelas"
    doc = quiz_doc(cat)
    write(root / "Ani" / "hasil-kuis-pengertian-2026-03-02.json", doc)
    write(root / "Ani" / f"kasus-{VIGNETTE}.json", play_doc(cat))
    write(root / "Budi" / "hasil-kuis-pengertian-2026-03-03.csv", quiz_csv(doc))
    return root


# --- good files -----------------------------------------------------------------------------------------
def test_reads_json_csv_and_vignette_plays(klass, cat):
    res = results.read(klass)
    assert res.students == ["Ani", "Budi"]
    a = res.answers
    assert list(a.columns) == results.ANSWER_COLUMNS
    assert len(a) == 6 and sorted(a["format"].unique()) == ["csv", "json"]
    assert set(a["bank"]) == {BANK}  # from the item ids, even for the CSV which names only the quiz
    right, tf, skipped = items(cat)
    ani = a[a["student"] == "Ani"].set_index("item")
    assert ani.loc[right["id"], "correct"] and ani.loc[right["id"], "score"] == 1.0
    assert not ani.loc[tf["id"], "correct"] and ani.loc[tf["id"], "answer"] == (not tf["answer"])
    assert not ani.loc[skipped["id"], "checked"] and ani.loc[skipped["id"], "score"] == 0.0
    assert ani.loc[right["id"], "tags"] == tuple(right["tags"])
    assert ani.loc[right["id"], "section"] == right["section"]
    assert ani.loc[right["id"], "date"] == pd.Timestamp("2026-03-02T09:15:00Z")
    budi = a[a["student"] == "Budi"].set_index("item")
    assert budi.loc[right["id"], "date"] == pd.Timestamp("2026-03-03", tz="UTC")  # from the file name
    assert budi.loc[tf["id"], "answer"] == (not tf["answer"])
    assert (budi["score"].sort_index() == ani["score"].sort_index()).all()

    p = res.paths
    expert = graph.expert_path(cat.vignettes[VIGNETTE])
    assert list(p.columns) == results.PATH_COLUMNS
    assert list(zip(p["node"], p["choice"])) == expert
    assert list(p["step"]) == list(range(1, len(expert) + 1))
    assert p["expert_choice"].all() and (p["rating"] == "tepat").all()
    assert p["outcome"].iloc[0] == "baik" and p["student"].iloc[0] == "Ani"
    assert set(res.vignettes) == {VIGNETTE} and set(res.banks) == {BANK}
    assert sorted(res.files["kind"]) == ["kasus", "kuis-csv", "kuis-json"]


def test_load_and_load_vignettes_are_the_two_frames(klass):
    assert len(results.load(klass)) == 6
    assert len(results.load_vignettes(klass)) == len(results.read(klass).paths)


def test_moodle_folder_names_become_student_names(tmp_path, cat):
    write(tmp_path / "Citra Dewi_123456_assignsubmission_file_" / "h.json", quiz_doc(cat))
    assert results.read(tmp_path).students == ["Citra Dewi"]


def test_same_quiz_twice_keeps_the_latest_answers(tmp_path, cat):
    old = quiz_doc(cat)
    new = copy.deepcopy(old)
    new["date"] = "2026-03-09T10:00:00.000Z"
    tf = new["items"][1]
    tf.update(answer=not tf["answer"], score=1.0, correct=True)
    new["score"] += 1
    write(tmp_path / "Ani" / "hasil-kuis-pengertian-2026-03-02.json", old)
    write(tmp_path / "Ani" / "hasil-kuis-pengertian-2026-03-09.json", new)
    write(tmp_path / "Ani" / "hasil-kuis-pengertian-2026-03-09.csv", quiz_csv(new))  # same attempt as CSV
    res = results.read(tmp_path)
    assert len(res.answers) == 3
    assert set(res.answers["file"]) == {"Ani/hasil-kuis-pengertian-2026-03-09.json"}  # JSON before CSV, same day
    assert res.answers.set_index("item").loc[tf["id"], "correct"]
    kept = dict(zip(res.files["file"], res.files["rows_kept"]))
    assert kept == {"Ani/hasil-kuis-pengertian-2026-03-02.json": 0, "Ani/hasil-kuis-pengertian-2026-03-09.csv": 0,
                    "Ani/hasil-kuis-pengertian-2026-03-09.json": 3}
    assert len(results.read(tmp_path, keep="all").answers) == 9


def test_ignored_files_are_listed_not_read(klass):
    write(klass / "Ani" / "catatan.txt", "bukan hasil")
    res = results.read(klass, ignore=["*.txt"])
    assert res.files.set_index("file").loc["Ani/catatan.txt", "kind"] == "diabaikan"
    write(klass / ".DS_Store", "x")
    write(klass / "README.md", "kelas")
    write(klass / "Budi" / ".~lock.csv#", "x")
    assert len(results.read(klass, ignore=["*.txt"]).files) == 4


def test_a_student_without_files_is_still_a_student(klass):
    (klass / "Dedi").mkdir()
    assert results.read(klass).students == ["Ani", "Budi", "Dedi"]


def test_check_false_reads_files_the_banks_do_not_know(tmp_path, cat):
    doc = quiz_doc(cat)
    doc["items"][0]["id"] = "item-dari-bank-lain"
    write(tmp_path / "Ani" / "a.json", doc)
    with pytest.raises(results.ResultsError, match="unknown item id 'item-dari-bank-lain'"):
        results.read(tmp_path)
    a = results.read(tmp_path, check=False).answers
    assert "item-dari-bank-lain" in set(a["item"]) and set(a["bank"]) == {BANK}


# --- malformed files, each with its message ---------------------------------------------------------------
def _quiz(mutate):
    def make(cat):
        doc = quiz_doc(cat)
        mutate(doc)
        return "hasil-kuis-pengertian-2026-03-02.json", doc
    return make


def _set(path, value):
    def mutate(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


def _del(path):
    def mutate(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return mutate


def _wrong_type(doc):
    doc["items"][0]["type"] = "isian"


def _claims_full_score(doc):
    doc["items"][1].update(score=1.0, correct=True)
    doc["score"] += 1


def _csv(text_of):
    def make(cat):
        return "hasil-kuis-pengertian-2026-03-02.csv", text_of(quiz_doc(cat))
    return make


def _play(mutate):
    def make(cat):
        doc = play_doc(cat)
        mutate(doc)
        return f"kasus-{VIGNETTE}.json", doc
    return make


def _other_choice(doc):
    doc["path"][0]["choice"] = "tidak-ada"


def _wrong_ending(doc):
    doc["ending"] = "akhir-putus"


def _wrong_state(doc):
    doc["path"][0]["state_after"] = {k: v + 1 for k, v in doc["path"][0]["state_after"].items()}


def _bad_points(doc):
    doc["path"][0]["points"] = 2


MALFORMED = {
    "bad-json": (lambda cat: ("h.json", '{"quiz": "pengertian", '), "not valid JSON"),
    "json-list": (lambda cat: ("h.json", "[1, 2]"), "expected a JSON object, got list"),
    "neither": (lambda cat: ("h.json", {"nama": "Ani"}), "neither a quiz result"),
    "missing-date": (_quiz(_del(["date"])), "missing field 'date'"),
    "missing-item-score": (_quiz(_del(["items", 0, "score"])), "items[0] (item '{i0}'): missing field 'score'"),
    "checked-not-bool": (_quiz(_set(["items", 0, "checked"], "ya")),
                         "field 'checked': expected true or false, got text 'ya'"),
    "tries-bool": (_quiz(_set(["items", 0, "tries"], True)), "field 'tries': expected a whole number, got true/false"),
    "tags-empty": (_quiz(_set(["items", 0, "tags"], [])), "field 'tags': expected a non-empty list"),
    "bad-date": (_quiz(_set(["date"], "kemarin")), "field 'date': not an ISO date and time: 'kemarin'"),
    "unknown-level": (_quiz(_set(["items", 0, "level"], "hafal")), "unknown level 'hafal'"),
    "unknown-item": (_quiz(_set(["items", 0, "id"], "pengertian-tidak-ada")),
                     "unknown item id 'pengertian-tidak-ada': no bank under quizzes/ has it"),
    "other-bank": (_quiz(_set(["bank"], "tujuan")), "belongs to bank 'pengertian', not to bank 'tujuan'"),
    "type-differs": (_quiz(_wrong_type), "the bank has item '{i0}' as 'pilihan-tunggal', the file says 'isian'"),
    "score-not-earned": (_quiz(_claims_full_score), "the file gives score 1 but the answer"),
    "total-differs": (_quiz(_set(["score"], 3)), "field 'score': 3, but the items' scores add up to 1"),
    "max-differs": (_quiz(_set(["max"], 10)), "field 'max': 10, but the file holds 3 items"),
    "correct-disagrees": (_quiz(_set(["items", 0, "correct"], False)), "fields 'score' and 'correct' disagree"),
    "items-empty": (_quiz(_set(["items"], [])), "field 'items' is empty"),
    "csv-header": (_csv(lambda d: quiz_csv(d, header=[h for h in results.CSV_HEADER if h != "skor"] + ["nilai"])),
                   "line 1: wrong header (missing column(s): skor; unknown column(s): nilai)"),
    "csv-semicolons": (_csv(lambda d: quiz_csv(d, delimiter=";")), "the columns are separated by ';'"),
    "csv-empty": (_csv(lambda d: ""), "the file is empty"),
    "csv-only-header": (_csv(lambda d: quiz_csv(d).splitlines()[0] + "\r\n"), "has a header but no rows"),
    "csv-bool": (_csv(lambda d: quiz_csv(d, edit=_cell(0, 11, "ya"))),
                 "line 2 (item '{i0}'): column 'benar': expected true or false, got 'ya'"),
    "csv-cells": (_csv(lambda d: quiz_csv(d, edit=lambda rows: rows[1].pop())), "line 3: expected 12 cells, found 11"),
    "csv-answer-json": (_csv(lambda d: quiz_csv(d, edit=_cell(0, 5, "{x"))),
                        "column 'jawaban': not a JSON value: '{{x'"),
    "csv-score-comma": (_csv(lambda d: quiz_csv(d, edit=_cell(0, 10, "1,0"))),
                        "column 'skor': expected a number (with a decimal point), got '1,0'"),
    "csv-two-quizzes": (_csv(lambda d: quiz_csv(d, edit=_cell(2, 0, "tujuan"))),
                        "line 4: column 'kuis': 'tujuan', but earlier rows are of quiz 'pengertian'"),
    "play-choice": (_play(_other_choice), "path[0]: field 'choice': node"),
    "play-ending": (_play(_wrong_ending), "field 'ending': the path leads to"),
    "play-state": (_play(_wrong_state), "path[0]: field 'state_after'"),
    "play-points": (_play(_bad_points), "path[0]: field 'points': a 'tepat' choice earns 3, the file says 2"),
    "play-unknown": (_play(_set(["vignette"], "kasus-lain")), "unknown vignette 'kasus-lain'"),
    "play-missing": (_play(_del(["expert"])), "missing field 'expert'"),
    "play-empty": (_play(_set(["path"], [])), "field 'path' is empty"),
    "play-ended-null": (_play(_set(["ending"], None)), "fields 'ended', 'ending' and 'outcome' disagree"),
    "not-results": (lambda cat: ("tugas.docx", "isi"), "not a results file"),
}


def _cell(row, column, value):
    def edit(rows):
        rows[row][column] = value
    return edit


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_file_is_rejected_with_its_name_and_problem(tmp_path, cat, case):
    make, message = MALFORMED[case]
    name, content = make(cat)
    path = write(tmp_path / "Ani" / name, content)
    write(tmp_path / "Budi" / "hasil-kuis-pengertian-2026-03-02.json", quiz_doc(cat))  # a good file beside it
    with pytest.raises(results.ResultsError) as err:
        results.read(tmp_path)
    assert len(err.value.problems) == 1
    problem = err.value.problems[0]
    assert problem.startswith(f"{path}: "), problem
    assert message.format(i0=quiz_doc(cat)["items"][0]["id"]) in problem, problem


def test_every_bad_file_is_reported_at_once(tmp_path, cat):
    a = write(tmp_path / "Ani" / "a.json", "{")
    b = write(tmp_path / "Budi" / "b.csv", "nama,nilai\r\nBudi,80\r\n")
    c = write(tmp_path / "catatan.txt", "x")
    with pytest.raises(results.ResultsError) as err:
        results.read(tmp_path)
    assert str(err.value).startswith(f"3 problem(s) in the results under {tmp_path}:")
    assert [p.split(": ")[0] for p in err.value.problems] == [str(c), str(a), str(b)]
    assert "a file at the top of the class folder" in err.value.problems[0]


def test_no_folder_or_no_students_is_an_error(tmp_path):
    with pytest.raises(results.ResultsError, match="no such folder"):
        results.read(tmp_path / "tidak-ada")
    with pytest.raises(results.ResultsError, match="no student folders"):
        results.read(tmp_path)


def test_banks_missing_is_an_error_unless_unchecked(klass, tmp_path):
    with pytest.raises(results.ResultsError, match="no quiz banks to check the results against"):
        results.read(klass, quizzes=tmp_path / "kosong")
    assert len(results.read(klass, check=False).answers) == 6


def test_cli_reads_a_class_folder(klass, capsys):
    assert cli.main(["results", str(klass)]) == 0
    assert "2 students" in capsys.readouterr().out
    write(klass / "Budi" / "x.json", "{")
    assert cli.main(["results", str(klass)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ERROR 1 problem(s)") and "x.json: not valid JSON" in err
