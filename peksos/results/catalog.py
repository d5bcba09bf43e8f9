"""The banks and vignettes the answers are checked against, read once per version of their files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..paths import quizzes_dir
from ..quiz import loader as qloader
from ..quiz.schema import Bank
from ..vignette import loader as vloader
from ..vignette.schema import Vignette
from .errors import ResultsError


# --- the banks and vignettes the answers are checked against ---------------------------------------
@dataclass
class Catalog:
    """Item id -> (bank id, item as a dict); vignette id -> Vignette."""

    items: dict[str, tuple[str, dict]]
    banks: dict[str, Any]
    vignettes: dict[str, Any]


_CATALOGS: dict[tuple, Catalog] = {}


def catalog(quizzes: Path | str | None = None) -> Catalog:
    """The banks and vignettes under ``quizzes`` (default: the project's ``quizzes/``), cached per version."""
    folder = Path(quizzes) if quizzes is not None else quizzes_dir()
    bank_paths = qloader.bank_files(folder)
    vig_paths = vloader.vignette_files(folder / "vignettes")
    if not bank_paths:
        raise ResultsError(f"{folder}: no quiz banks to check the results against (pass check=False to read "
                           "the files without the banks)")
    key = (str(folder.resolve()),) + tuple((str(p), p.stat().st_mtime_ns) for p in bank_paths + vig_paths)
    if key in _CATALOGS:
        return _CATALOGS[key]
    items: dict[str, tuple[str, dict]] = {}
    banks: dict[str, Any] = {}
    for path in bank_paths:
        bank = _read(path, Bank, lambda p: qloader.load_bank(p).bank, qloader.QuizError, "banks")
        banks[bank.id] = bank
        for it in bank.items:
            items[it.id] = (bank.id, it.model_dump(mode="json"))
    vignettes: dict[str, Any] = {}
    for path in vig_paths:
        vig = _read(path, Vignette, lambda p: vloader.load_vignette(p).vignette, vloader.VignetteError, "vignettes")
        vignettes[vig.id] = vig
    _CATALOGS[key] = Catalog(items, banks, vignettes)
    return _CATALOGS[key]


_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path, model, careful, error: type[Exception], what: str):
    """The file as ``model`` by the fast path; when that fails, the careful loader gives the message."""
    try:
        return model.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML))
    except (ValidationError, yaml.YAMLError, UnicodeDecodeError, TypeError):
        try:
            return careful(path)
        except error as exc:
            raise ResultsError(f"cannot check results against the {what}: {exc}") from None
