"""`peksos export gift|moodle-xml`: stdout or --out, --chapter, --base-url, notes on stderr, clean errors;
and the whole path from YAML files to Moodle's formats on a small project full of hostile text."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
import yaml

from peksos import cli
from peksos.export import export

from .conftest import HOSTILE_HTML, HOSTILE_PLAIN, hostile_bank, parse_gift

MAPPED = ("menjodohkan", "mengelompokkan", "mengurutkan")


def test_gift_to_stdout(capsys, tmp_path, real_banks):
    assert cli.main(["export", "gift"]) == 0
    out, err = capsys.readouterr()
    total = sum(len(b.items) for b in real_banks)
    parsed = parse_gift(out, tmp_path)
    assert len([q for q in parsed if q["type"] != "Category"]) == total
    assert f"exported {total} questions in 12 categories as gift to stdout" in err


def test_out_writes_the_file_and_nothing_to_stdout(capsys, tmp_path, xml_export):
    target = tmp_path / "keluaran" / "bank.xml"
    assert cli.main(["export", "moodle-xml", "--out", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert target.read_text(encoding="utf-8") == xml_export.text
    assert f"to {target}" in err


def test_chapter_narrows_to_one_category(capsys, real_banks):
    assert cli.main(["export", "moodle-xml", "--chapter", "casework"]) == 0
    quiz = ET.fromstring(capsys.readouterr().out)
    cats = [q for q in quiz.findall("question") if q.get("type") == "category"]
    assert len(cats) == 1
    assert cats[0].findtext("category/text").endswith("/07 Social casework: pertolongan kepada perorangan")
    ids = [q.findtext("idnumber") for q in quiz.findall("question") if q.get("type") != "category"]
    assert sorted(ids) == sorted(it.id for b in real_banks if b.chapter == "casework" for it in b.items)


def test_chapter_narrows_gift_too(capsys, tmp_path, real_banks):
    assert cli.main(["export", "gift", "--chapter", "tujuan"]) == 0
    parsed = parse_gift(capsys.readouterr().out, tmp_path)
    assert [q["type"] for q in parsed].count("Category") == 1
    assert sorted(q["id"] for q in parsed if q["type"] != "Category") == \
        sorted(it.id for b in real_banks if b.chapter == "tujuan" for it in b.items)


def test_unknown_chapter_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["export", "gift", "--chapter", "bab-asing"])
    assert exc.value.code == 2
    assert "invalid choice: 'bab-asing'" in capsys.readouterr().err


def test_every_mapped_item_is_reported_on_stderr(capsys, real_items):
    assert cli.main(["export", "gift", "--out", "/dev/null"]) == 0
    err = capsys.readouterr().err
    reported = set(re.findall(r"^note ([a-z0-9-]+): ", err, re.M))
    mapped = {i for i, it in real_items.items() if it.type in MAPPED}
    assert mapped and reported == mapped  # every changed item, and only those (all weights are exact)
    for item_id in mapped:
        kind = real_items[item_id].type
        assert re.search(rf"^note {item_id}: {kind} -> match: .*general feedback", err, re.M)
    assert re.search(r"^note \S+: mengurutkan -> match: .*\"Urutan ke-1\"", err, re.M)
    distracted = [i for i in mapped if getattr(real_items[i], "distractors", None)]
    assert distracted and all(re.search(rf"^note {i}: .*distractor", err, re.M) for i in distracted)


# --- a small project with hostile text, from the YAML file to both formats -------------------------------
@pytest.fixture
def hostile_project(tiny_root):
    (tiny_root / "book").mkdir()
    (tiny_root / "book" / "pengertian.md").write_text(
        "# Bab uji: <b>tebal</b> & lainnya\n\n(uji-bagian)=\n## Bagian *uji*\n\nTeks.\n", encoding="utf-8")
    (tiny_root / "quizzes").mkdir()
    (tiny_root / "quizzes" / "uji.yml").write_text(yaml.safe_dump(hostile_bank(), allow_unicode=True),
                                                   encoding="utf-8")
    (tiny_root / "_config.yml").write_text("title: Buku Uji\n", encoding="utf-8")
    return tiny_root


def test_hostile_project_through_the_command(hostile_project, capsys, tmp_path):
    gift_file, xml_file = tmp_path / "uji.gift", tmp_path / "uji.xml"
    assert cli.main(["export", "gift", "--out", str(gift_file), "--base-url", "https://contoh.id/buku/"]) == 0
    assert cli.main(["export", "moodle-xml", "--out", str(xml_file)]) == 0
    err = capsys.readouterr().err
    for item_id in ("h-jodoh", "h-urut", "h-kelompok"):
        assert f"note {item_id}: " in err
    assert "note h-kelompok: mengelompokkan -> match: group(s) without an entry exported as extra answers: Meso" in err

    parsed = parse_gift(gift_file.read_text(encoding="utf-8"), tmp_path)
    assert parsed[0] == {"type": "Category", "title": "$course$/top/Buku Uji/01 Bab uji: tebal & lainnya"}
    qs = {q["id"]: q for q in parsed[1:]}
    assert len(qs) == 7
    link = ('<a href="https://contoh.id/buku/book/pengertian.html#uji-bagian">'
            'Bab uji: tebal &amp; lainnya › Bagian uji</a>')
    for q in qs.values():
        assert q["stem"]["text"].endswith(HOSTILE_HTML + "</p>")
        assert link in q["globalFeedback"]["text"]

    quiz = ET.fromstring(xml_file.read_text(encoding="utf-8"))
    xq = {q.findtext("idnumber"): q for q in quiz.findall("question") if q.get("type") != "category"}
    assert set(xq) == set(qs)
    assert xq["h-jodoh"].findall("subquestion")[0].findtext("answer/text") == "kanan satu " + HOSTILE_PLAIN
    assert "bab <em>Bab uji: tebal &amp; lainnya</em>, bagian <em>Bagian uji</em>" in \
        xq["h-isian"].findtext("generalfeedback/text")


def test_python_api_matches_the_command(hostile_project, capsys):
    result = export("gift")
    assert cli.main(["export", "gift"]) == 0
    assert capsys.readouterr().out == result.text
    assert result.count == 7 and len(result.notes) == 5


def test_a_bad_bank_is_a_clean_error_naming_the_file(hostile_project, capsys):
    bank = hostile_bank()
    bank["items"][0]["section"] = "bagian-tidak-ada"
    (hostile_project / "quizzes" / "uji.yml").write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    assert cli.main(["export", "moodle-xml"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("ERROR ") and "uji.yml" in err and "'bagian-tidak-ada'" in err


def test_a_chapter_without_bank_and_a_bad_base_url_are_clean_errors(hostile_project, capsys):
    assert cli.main(["export", "gift", "--chapter", "tujuan"]) == 1
    assert "no quiz bank under quizzes/ has chapter 'tujuan'" in capsys.readouterr().err
    assert cli.main(["export", "gift", "--base-url", "javascript:alert(1)"]) == 1
    assert "must start with http:// or https://" in capsys.readouterr().err
    shutil.rmtree(hostile_project / "quizzes")
    (hostile_project / "quizzes").mkdir()
    assert cli.main(["export", "gift"]) == 1
    assert "no quiz bank to export" in capsys.readouterr().err


def test_ordering_type_by_default_and_matching_on_request(capsys, real_items):
    ordering = {i for i, it in real_items.items() if it.type == "mengurutkan"}
    assert ordering
    assert cli.main(["export", "moodle-xml", "--chapter", "casework"]) == 0
    out, err = capsys.readouterr()
    types = {q.findtext("idnumber"): q.get("type") for q in ET.fromstring(out).findall("question")}
    here = ordering & set(types)
    assert here and all(types[i] == "ordering" for i in here)
    assert all(re.search(rf"^note {i}: mengurutkan -> ordering: .*Moodle 4\.4", err, re.M) for i in here)
    assert cli.main(["export", "moodle-xml", "--chapter", "casework", "--ordering-as-matching"]) == 0
    out, err = capsys.readouterr()
    types = {q.findtext("idnumber"): q.get("type") for q in ET.fromstring(out).findall("question")}
    assert all(types[i] == "match" for i in here)
    with pytest.raises(SystemExit):
        cli.main(["export", "gift", "--ordering-as-matching"])  # GIFT always writes matching
    capsys.readouterr()
