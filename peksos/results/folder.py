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

from ..kind import ResultReader
from ..kinds import KINDS
from ..resultfile import Bad, ResultsError, kind
from .catalog import Catalog, catalog
from .course import RECORD_MARKS, read_record

ANSWER_COLUMNS = ["student", "file", "format", "quiz", "bank", "date", "item", "type", "level", "tags", "section",
                  "answer", "answer_text", "checked", "shown", "tries", "score", "correct"]
PATH_COLUMNS = ["student", "file", "vignette", "step", "node", "choice", "rating", "points", "state_after",
                "expert_choice", "ended", "ending", "outcome", "score", "max_score"]
FILE_COLUMNS = ["student", "file", "kind", "rows", "rows_kept"]
README_NAMES = ("readme", "readme.md", "readme.txt")
_MOODLE = re.compile(r"_\d+_assign(?:submission|feedback)_[a-z]+_?$", re.I)


@dataclass
class ClassResults:
    """What :func:`read` found in a class folder (see the module docstring for the columns).

    ``used``: the catalog's entries the frames name, by table (each kind's ``results.used``), also read as
    attributes: ``banks`` (bank id -> peksos.quiz.schema.Bank) and ``vignettes`` (id ->
    peksos.vignette.schema.Vignette), empty with ``check=False``."""

    folder: Path
    answers: pd.DataFrame
    paths: pd.DataFrame
    files: pd.DataFrame
    students: list[str]
    used: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> dict[str, Any]:
        used = self.__dict__.get("used", {})
        if name not in used:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return used[name]


def readers() -> list[ResultReader]:
    """Every kind's results files, in the order of KINDS (the order a .json is tried in)."""
    return [r for k in KINDS.values() if k.results for r in k.results.readers]


def _student_name(folder_name: str) -> str:
    return _MOODLE.sub("", folder_name).strip() or folder_name


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in rel.parts)


def _read_file(path: Path, cat: Catalog | None) -> tuple[str, str, list[dict], int]:
    """(the file's kind, the frame of its rows, the rows, their ``prefer``); a learning record gives the
    frame "catatan" and its (answer rows, plays)."""
    where = f"{path}: "
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise Bad(f"{where}not UTF-8 text (is it a results file?)") from None
    except OSError as exc:
        raise Bad(f"{where}cannot read ({exc.strerror})") from None
    suffix = path.suffix.lower()
    every = readers()
    for r in every:
        if r.suffix != ".json" and suffix == r.suffix:
            return r.name, r.frame, r.read(text, path.name, where, cat), r.prefer
    if suffix != ".json":
        suffixes: dict[str, list[str]] = {}
        for r in every:
            suffixes.setdefault(r.title, []).append(r.suffix)
        expected = " or ".join(f"{title} {'/'.join(dict.fromkeys(s))}" for title, s in suffixes.items())
        raise Bad(f"{where}not a results file (expected {expected}; remove it or pass ignore=[...])")
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise Bad(f"{where}not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise Bad(f"{where}expected a JSON object, got {kind(doc)}")
    if any(f in doc for f in RECORD_MARKS):
        return "catatan", "catatan", read_record(doc, where, cat), 0
    marked = [r for r in every if r.suffix == ".json"]
    for r in marked:
        if any(f in doc for f in r.marks):
            return r.name, r.frame, r.read(doc, path.name, where, cat), r.prefer
    raise Bad(f"{where}neither " + " nor ".join(f"{r.title} (fields {', '.join(r.marks)}, ...)" for r in marked))


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
                name, frame, rows, prefer = _read_file(path, cat)
            except Bad as exc:
                problems.append(str(exc))
                continue
            if frame == "catatan":
                (rows, plays), frame = rows, "answers"
                for n, play_rows in enumerate(plays, 1):
                    for r in play_rows:
                        r.update(student=student, file=f"{rel.as_posix()}#{n}")
                    steps.extend(play_rows)
            for r in rows:
                r.update(student=student, file=rel.as_posix(), _prefer=prefer)
            (steps if frame == "paths" else answers).extend(rows)
            files.append({"student": student, "file": rel.as_posix(), "kind": name, "rows": len(rows),
                          "rows_kept": len(rows), "frame": frame})
    if problems:
        head = f"{len(problems)} problem(s) in the results under {folder}:"
        raise ResultsError(head + "\n" + "\n".join(problems), problems)
    ans = pd.DataFrame(answers, columns=[*ANSWER_COLUMNS, "_prefer"])
    ans["date"] = pd.to_datetime(ans["date"], utc=True)
    if keep == "latest" and len(ans):
        ans = ans.sort_values(["student", "item", "date", "_prefer", "file"], na_position="first", kind="stable")
        ans = ans.drop_duplicates(["student", "item"], keep="last")
        kept = ans["file"].value_counts()
        for f in files:
            if f.get("frame") == "answers":
                f["rows_kept"] = int(kept.get(f["file"], 0))
    ans = ans.drop(columns="_prefer").sort_values(["student", "bank", "quiz", "item"], na_position="last", kind="stable")
    ans = ans.reset_index(drop=True).astype({"checked": bool, "shown": bool, "correct": bool, "tries": int,
                                             "score": float})
    paths = pd.DataFrame(steps, columns=PATH_COLUMNS).sort_values(["student", "vignette", "file", "step"],
                                                                  kind="stable").reset_index(drop=True)
    frames = {"answers": ans, "paths": paths}
    used = {}
    for k in KINDS.values():
        if k.results:
            table, frame, column = k.results.used
            names = set(frames[frame][column].dropna())
            used[table] = {n: v for n, v in getattr(cat, table).items() if n in names} if cat else {}
    return ClassResults(folder=folder, answers=ans, paths=paths, files=pd.DataFrame(files, columns=FILE_COLUMNS),
                        students=students, used=used)


def load(folder: Path | str, **options: Any) -> pd.DataFrame:
    """The quiz answers of a class folder: one row per student x item (columns :data:`ANSWER_COLUMNS`).

    Every file in the folder is read and checked, vignette plays included. Options as :func:`read`.
    """
    return read(folder, **options).answers


def load_vignettes(folder: Path | str, **options: Any) -> pd.DataFrame:
    """The vignette plays of a class folder: one row per student x play x step (:data:`PATH_COLUMNS`)."""
    return read(folder, **options).paths


