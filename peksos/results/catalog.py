"""The course's own files the answers are checked against (each kind's banks, vignettes, ...), read once per
version of their files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..kinds import KINDS
from ..paths import quizzes_dir
from ..resultfile import ResultsError


@dataclass
class Catalog:
    """Named tables, each from one kind (``Kind.results.tables``), read as attributes: ``items`` (item id ->
    (bank id, item as a dict)) and ``banks`` (bank id -> Bank) from the quiz banks, ``vignettes`` (id ->
    Vignette) from the vignettes."""

    tables: dict[str, dict[str, Any]]

    def __getattr__(self, name: str) -> dict[str, Any]:
        tables = self.__dict__.get("tables", {})
        if name not in tables:
            raise AttributeError(f"the catalog has no table {name!r} (it has {', '.join(tables) or 'none'})")
        return tables[name]


_CATALOGS: dict[tuple, Catalog] = {}


def catalog(quizzes: Path | str | None = None) -> Catalog:
    """Every kind's files under ``quizzes`` (default: the project's ``quizzes/``), cached per version."""
    folder = Path(quizzes) if quizzes is not None else quizzes_dir()
    kinds = [k for k in KINDS.values() if k.results]
    paths = {k.name: k.results.files(folder) for k in kinds}
    for k in kinds:
        if k.results.required and not paths[k.name]:
            raise ResultsError(f"{folder}: no {k.what} to check the results against (pass check=False to read "
                               "the files without the banks)")
    key = (str(folder.resolve()),) + tuple((str(p), p.stat().st_mtime_ns) for k in kinds for p in paths[k.name])
    if key in _CATALOGS:
        return _CATALOGS[key]
    tables: dict[str, dict[str, Any]] = {}
    for k in kinds:
        loaded = [_read(path, k.results.model, k.results.load, k.error, k.results.used[0]) for path in paths[k.name]]
        tables.update(k.results.tables(loaded))
    _CATALOGS[key] = Catalog(tables)
    return _CATALOGS[key]


_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path, model, careful, error: type[Exception], what: str):
    """The file as ``model`` by the fast path; when that fails (or there is no model), the careful loader
    gives the message."""
    if model is not None:
        try:
            return model.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML))
        except (ValidationError, yaml.YAMLError, UnicodeDecodeError, TypeError):
            pass
    try:
        return careful(path)
    except error as exc:
        raise ResultsError(f"cannot check results against the {what}: {exc}") from None
