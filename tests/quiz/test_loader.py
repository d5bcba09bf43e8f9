"""The validator against a catalogue of bad files: each message names file, line, item and field."""
from __future__ import annotations

import shutil

import pytest

from peksos import data
from peksos.quiz import loader

from ..conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "quizzes"
BAD = FIXTURES / "bad"
LABELS = {"pengertian-definisi", "pengertian-sejarah"}

# file -> fragments its error message must contain (besides the file name)
CATALOGUE = {
    "yaml-syntax.yml": ["line 9, column 1", "YAML syntax error"],
    "unknown-type.yml": ["line 6", "item 'asing-1'", "field 'type'", "unknown item type 'esai'"],
    "missing-id.yml": ["line 5", "items[0] (no id)", "field 'id'", "missing field"],
    "duplicate-id.yml": ["line 15", "item 'kembar'", "field 'id'", "duplicate id (also at line 5)"],
    "no-correct.yml": ["line 8", "item 'tanpa-kunci-1'", "field 'options'", "no correct answer"],
    "answer-not-option.yml": ["line 11", "item 'kunci-asing-1'", "field 'entries[1].group'",
                              "'Meso' is not one of the groups"],
    "empty-options.yml": ["line 8", "item 'kosong-1'", "field 'options'", "empty or too few options"],
    "unequal-matching.yml": ["line 10", "item 'timpang-1'", "field 'pairs[1].right'",
                             "matching sides are unequal"],
    "unknown-list.yml": ["line 12", "item 'daftar-asing-1'", "field 'list_id'",
                         "unknown inventory id 'methods.four-basic.tidak-ada'"],
    "bad-label.yml": ["line 12", "item 'label-asing-1'", "field 'section'", "'bab-yang-tidak-ada' does not resolve"],
    "duplicate-key.yml": ["line 9", "field 'items[0].answer'", "duplicate key (first at line 8)"],
    "several-errors.yml": ["4 error(s)", "line 4: bank: field 'chapter'", "line 15: item 'galat-1': field 'level'",
                           "field 'options[0].feedback': missing field",
                           "field 'options[0].feedbak': unknown field"],
}


@pytest.fixture(scope="module")
def lists():
    return set(data.load("lists")["list_id"])


def test_the_catalogue_covers_every_bad_file():
    assert sorted(CATALOGUE) == sorted(p.name for p in BAD.glob("*.yml"))


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_bad_file_is_rejected_with_a_precise_message(name, lists):
    path = BAD / name
    with pytest.raises(loader.QuizError) as info:
        loader.load_bank(path, lists=lists, labels=LABELS)
    message = str(info.value)
    assert str(path) in message
    for fragment in CATALOGUE[name]:
        assert fragment in message, f"{name}: {fragment!r} not in:\n{message}"


def test_every_error_line_names_the_file(lists):
    with pytest.raises(loader.QuizError) as info:
        loader.load_bank(BAD / "several-errors.yml", lists=lists, labels=LABELS)
    lines = str(info.value).splitlines()[1:]
    assert len(lines) == 4 and all(line.startswith(f"{BAD / 'several-errors.yml'}: line ") for line in lines)


def test_duplicate_ids_across_files(lists):
    with pytest.raises(loader.QuizError) as info:
        loader.load_all(FIXTURES / "cross", lists=lists)
    message = str(info.value)
    assert "b.yml: line 5: item 'sama-di-dua-berkas': field 'id': duplicate id" in message
    assert "a.yml, line 5" in message


def test_load_all_stops_at_the_first_bad_file_and_skips_schema_and_vignettes(tmp_path, lists):
    for sub in ("schema", "vignettes"):
        (tmp_path / sub).mkdir()
        shutil.copy(BAD / "unknown-type.yml", tmp_path / sub / "x.yml")
    shutil.copy(FIXTURES / "cross" / "a.yml", tmp_path / "a.yml")
    assert [b.bank.id for b in loader.load_all(tmp_path, lists=lists)] == ["silang-a"]
    shutil.copy(BAD / "no-correct.yml", tmp_path / "b.yml")
    shutil.copy(BAD / "unknown-type.yml", tmp_path / "c.yml")
    with pytest.raises(loader.QuizError) as info:
        loader.load_all(tmp_path, lists=lists)
    assert "b.yml" in str(info.value) and "c.yml" not in str(info.value)


def test_the_course_bank_is_valid_against_the_book():
    lists = set(data.load("lists")["list_id"])
    labels = loader.book_labels(ROOT / "book", lists)
    banks = loader.load_all(ROOT / "quizzes", lists=lists, labels=labels)
    bank = {b.bank.id: b.bank for b in banks}["pengertian"]
    assert len(bank.items) >= 15
    assert {it.type for it in bank.items} == {"pilihan-tunggal", "pilihan-ganda", "benar-salah", "menjodohkan",
                                              "mengurutkan", "mengelompokkan", "isian"}


def test_book_labels_reads_targets_and_shown_concept_lists(tmp_path):
    (tmp_path / "a.md").write_text("(bab-a)=\n# A\n\n```{concept-list} methods.three-basic.003\n```\n",
                                   encoding="utf-8")
    labels = loader.book_labels(tmp_path, {"methods.three-basic.003"})
    assert labels == {"bab-a", "daftar-methods-three-basic-003"}


def test_find_bank_by_file_or_id(tmp_path):
    shutil.copy(FIXTURES / "cross" / "a.yml", tmp_path / "satu.yml")
    assert loader.find_bank("satu.yml", tmp_path).name == "satu.yml"
    assert loader.find_bank("satu", tmp_path).name == "satu.yml"
    assert loader.find_bank("silang-a", tmp_path).name == "satu.yml"
    with pytest.raises(loader.QuizError, match="no quiz bank 'tidak-ada'"):
        loader.find_bank("tidak-ada", tmp_path)
