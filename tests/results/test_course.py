"""peksos.results.course: a class folder of learning records (one file for the whole course), read per
student and per topic; a bad record is refused naming the file and the field."""
from __future__ import annotations

import pytest

from peksos import cli, results
from peksos.quiz import scoring

from .. import recordkit as rk
from ..resultkit import play_doc, quiz_doc, write


@pytest.fixture(scope="module")
def cat():
    return results.catalog()


def course_doc(cat) -> dict:
    """A learning record: two chapters' answers (one item twice, wrong then right) and one ended case."""
    pengertian, tujuan = rk.items_of(("pengertian",))[:2], rk.items_of(("tujuan",))[:1]
    first, second, other = pengertian[0], pengertian[1], tujuan[0]
    attempts = [rk.attempt(first, rk.wrong_answer(first), "2026-03-02T09:00:00.000Z"),
                rk.attempt(first, scoring.correct_answer(first), "2026-03-02T09:05:00.000Z"),
                rk.attempt(second, rk.wrong_answer(second), "2026-03-02T09:06:00.000Z"),
                rk.attempt(other, scoring.correct_answer(other), "2026-03-09T09:00:00.000Z", quiz="latihan-1")]
    play = {k: v for k, v in play_doc(cat).items() if k != "expert"}
    return rk.make(attempts, [{"at": "2026-03-03T10:00:00.000Z", **play}])


def test_a_folder_of_learning_records_is_read_per_student_and_topic(tmp_path, cat):
    root = tmp_path / "kelas"
    write(root / "Citra" / "catatan-belajar-2026-03-09.json", course_doc(cat))
    doc = course_doc(cat)
    doc["attempts"] = doc["attempts"][:1]  # Dewi answered one item, wrong
    write(root / "Dewi" / "catatan-belajar-2026-03-02.json", doc)
    write(root / "Eko" / "hasil-kuis-pengertian-2026-03-02.json", quiz_doc(cat))  # alongside today's formats
    res = results.read(root)
    citra = res.answers[res.answers["student"] == "Citra"].set_index("item")
    assert len(citra) == 3 and set(citra["format"]) == {"catatan"}  # the latest answer per item
    first = course_doc(cat)["attempts"][0]["item"]
    assert citra.loc[first, "score"] == 1 and citra.loc[first, "tries"] == 2
    assert set(citra["bank"]) == {"pengertian", "tujuan"}
    assert res.paths[res.paths["student"] == "Citra"]["file"].unique().tolist() == [
        "Citra/catatan-belajar-2026-03-09.json#1"]
    assert set(res.files["kind"]) == {"catatan", "kuis-json"}
    students = results.per_student(res).set_index("student")
    assert students.loc["Citra", "items"] == 3 and students.loc["Citra", "banks"] == 2
    assert students.loc["Citra", "plays"] == 1 and students.loc["Dewi", "plays"] == 1
    assert students.loc["Dewi", "mean_score"] == 0
    topics = results.per_topic(res).set_index("topic")
    tag = course_doc(cat)["attempts"][3]["tags"][0]
    assert "tujuan" in topics.loc[tag, "banks"]
    assert results.summary(res)["course_files"] == 2


@pytest.mark.parametrize("change, says", [
    (lambda d: d.update(course="kursus-lain"), "another course"),
    (lambda d: d["attempts"][1].update(score=0.5, correct=False), "the file gives score 0.5"),
    (lambda d: d["attempts"][0].update(item="tidak-ada"), "unknown item id 'tidak-ada'"),
    (lambda d: d["attempts"][2].pop("shown"), "attempts[2].shown"),
    (lambda d: d["plays"][0]["path"][0].update(choice="zzz"), "plays[0]: path[0]"),
])
def test_a_bad_learning_record_is_refused_naming_file_and_field(tmp_path, cat, change, says):
    doc = course_doc(cat)
    change(doc)
    path = write(tmp_path / "kelas" / "Citra" / "catatan-belajar.json", doc)
    with pytest.raises(results.ResultsError) as err:
        results.read(tmp_path / "kelas")
    assert str(path) in str(err.value) and says in str(err.value), str(err.value)


def test_an_old_answer_not_yet_scored_is_scored_with_the_banks(tmp_path, cat):
    doc = course_doc(cat)
    doc["attempts"][1].update(score=None, correct=False)
    write(tmp_path / "kelas" / "Citra" / "catatan.json", doc)
    res = results.read(tmp_path / "kelas")
    assert res.answers.set_index("item").loc[doc["attempts"][1]["item"], "score"] == 1
    with pytest.raises(results.ResultsError, match="never scored"):
        results.read(tmp_path / "kelas", check=False)


def test_cli_reports_per_student_and_topic(tmp_path, cat, capsys):
    write(tmp_path / "kelas" / "Citra" / "catatan.json", course_doc(cat))
    assert cli.main(["results", str(tmp_path / "kelas"), "--report"]) == 0
    out = capsys.readouterr().out
    assert "1 course_files" in out and "per student (all chapters)" in out and "per topic" in out and "Citra" in out
