"""A class folder, read and checked as a whole (see :mod:`peksos.results`)."""
from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .catalog import Catalog, catalog
from .course import read_record
from .errors import Bad, ResultsError
from .formats import kind
from .quiz import read_csv, read_json
from .vignette import read_play

ANSWER_COLUMNS = ["student", "file", "format", "quiz", "bank", "date", "item", "type", "level", "tags", "section",
                  "answer", "answer_text", "checked", "shown", "tries", "score", "correct"]
PATH_COLUMNS = ["student", "file", "vignette", "step", "node", "choice", "rating", "points", "state_after",
                "expert_choice", "ended", "ending", "outcome", "score", "max_score"]
FILE_COLUMNS = ["student", "file", "kind", "rows", "rows_kept"]
README_NAMES = ("readme", "readme.md", "readme.txt")
# The JSON files by the fields that mark them, tried in this order: (kind of file, fields, reader).
JSON_KINDS = (("catatan", ("format", "attempts"), read_record),
              ("kuis-json", ("quiz", "items"), read_json),
              ("kasus", ("vignette", "path"), read_play))
_MOODLE = re.compile(r"_\d+_assign(?:submission|feedback)_[a-z]+_?$", re.I)


@dataclass
class ClassResults:
    """What :func:`read` found in a class folder (see the module docstring for the columns)."""

    folder: Path
    answers: pd.DataFrame
    paths: pd.DataFrame
    files: pd.DataFrame
    students: list[str]
    banks: dict[str, Any] = field(default_factory=dict)  # bank id -> peksos.quiz.schema.Bank (those used)
    vignettes: dict[str, Any] = field(default_factory=dict)  # id -> peksos.vignette.schema.Vignette (those used)


def _student_name(folder_name: str) -> str:
    return _MOODLE.sub("", folder_name).strip() or folder_name


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in rel.parts)


def _read_file(path: Path, cat: Catalog | None) -> tuple[str, list[dict]]:
    where = f"{path}: "
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise Bad(f"{where}not UTF-8 text (is it a results file?)") from None
    except OSError as exc:
        raise Bad(f"{where}cannot read ({exc.strerror})") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "kuis-csv", read_csv(text, path.name, where, cat)
    if suffix != ".json":
        raise Bad(f"{where}not a results file (expected a quiz result .json/.csv or a vignette play .json; "
                   "remove it or pass ignore=[...])")
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise Bad(f"{where}not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise Bad(f"{where}expected a JSON object, got {kind(doc)}")
    for name, fields, reader in JSON_KINDS:
        if any(f in doc for f in fields):
            return name, reader(doc, where, cat)
    raise Bad(f"{where}neither a quiz result (fields quiz, items, ...) nor a vignette play (fields vignette, "
               "path, ...)")


def read(folder: Path | str, *, check: bool = True, quizzes: Path | str | None = None,
         keep: str = "latest", ignore: Iterable[str] = ()) -> ClassResults:
    """Read and check every results file of a class folder (see the module docstring).

    ``check``: check answers and plays against the banks and vignettes under ``quizzes`` (default the
    project's). ``keep``: ``"latest"`` (one row per student x item) or ``"all"``. ``ignore``: file-name
    patterns (``"*.pdf"``) of files that are not results and should be passed over (listed in ``files``).
    """
    folder = Path(folder)
    if keep not in ("latest", "all"):
        raise ValueError(f"keep must be 'latest' or 'all', not {keep!r}")
    if not folder.is_dir():
        raise ResultsError(f"{folder}: no such folder")
    ignore = tuple(ignore)
    cat = catalog(quizzes) if check else None
    problems: list[str] = []
    answers: list[dict] = []
    steps: list[dict] = []
    files: list[dict] = []
    student_dirs = []
    for entry in sorted(folder.iterdir()):
        if _hidden(entry.relative_to(folder)):
            continue
        if entry.is_dir():
            student_dirs.append(entry)
        elif entry.name.lower() not in README_NAMES:
            problems.append(f"{entry}: a file at the top of the class folder; results belong in a student's "
                            "folder (<folder>/<student>/<file>)")
    if not student_dirs and not problems:
        raise ResultsError(f"{folder}: no student folders (expected <folder>/<student>/<results files>)")
    names = {d: _student_name(d.name) for d in student_dirs}
    clash = {n for n in names.values() if list(names.values()).count(n) > 1}
    students = []
    for d in student_dirs:
        student = d.name if names[d] in clash else names[d]
        students.append(student)
        for path in sorted(p for p in d.rglob("*") if p.is_file()):
            rel = path.relative_to(folder)
            if _hidden(rel):
                continue
            if any(fnmatch.fnmatch(path.name, pat) for pat in ignore):
                files.append({"student": student, "file": rel.as_posix(), "kind": "diabaikan", "rows": 0,
                              "rows_kept": 0})
                continue
            try:
                kind, rows = _read_file(path, cat)
            except Bad as exc:
                problems.append(str(exc))
                continue
            if kind == "catatan":
                rows, plays = rows
                for n, play_rows in enumerate(plays, 1):
                    for r in play_rows:
                        r.update(student=student, file=f"{rel.as_posix()}#{n}")
                    steps.extend(play_rows)
            for r in rows:
                r.update(student=student, file=rel.as_posix())
            (steps if kind == "kasus" else answers).extend(rows)
            files.append({"student": student, "file": rel.as_posix(), "kind": kind, "rows": len(rows),
                          "rows_kept": len(rows)})
    if problems:
        head = f"{len(problems)} problem(s) in the results under {folder}:"
        raise ResultsError(head + "\n" + "\n".join(problems), problems)
    ans = pd.DataFrame(answers, columns=ANSWER_COLUMNS)
    ans["date"] = pd.to_datetime(ans["date"], utc=True)
    if keep == "latest" and len(ans):
        ans["_rank"] = (ans["format"] == "json").astype(int)
        ans = ans.sort_values(["student", "item", "date", "_rank", "file"], na_position="first", kind="stable")
        ans = ans.drop_duplicates(["student", "item"], keep="last").drop(columns="_rank")
        kept = ans["file"].value_counts()
        for f in files:
            if f["kind"] in ("kuis-json", "kuis-csv", "catatan"):
                f["rows_kept"] = int(kept.get(f["file"], 0))
    ans = ans.sort_values(["student", "bank", "quiz", "item"], na_position="last", kind="stable")
    ans = ans.reset_index(drop=True).astype({"checked": bool, "shown": bool, "correct": bool, "tries": int,
                                             "score": float})
    paths = pd.DataFrame(steps, columns=PATH_COLUMNS).sort_values(["student", "vignette", "file", "step"],
                                                                  kind="stable").reset_index(drop=True)
    used_banks = set(ans["bank"].dropna())
    used_vigs = set(paths["vignette"])
    return ClassResults(
        folder=folder, answers=ans, paths=paths, files=pd.DataFrame(files, columns=FILE_COLUMNS),
        students=students,
        banks={k: v for k, v in cat.banks.items() if k in used_banks} if cat else {},
        vignettes={k: v for k, v in cat.vignettes.items() if k in used_vigs} if cat else {},
    )


def load(folder: Path | str, **options: Any) -> pd.DataFrame:
    """The quiz answers of a class folder: one row per student x item (columns :data:`ANSWER_COLUMNS`).

    Every file in the folder is read and checked, vignette plays included. Options as :func:`read`.
    """
    return read(folder, **options).answers


def load_vignettes(folder: Path | str, **options: Any) -> pd.DataFrame:
    """The vignette plays of a class folder: one row per student x play x step (:data:`PATH_COLUMNS`)."""
    return read(folder, **options).paths


