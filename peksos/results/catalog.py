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
    loader_yaml = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    items: dict[str, tuple[str, dict]] = {}
    banks: dict[str, Any] = {}
    for path in bank_paths:
        try:  # fast path; the careful loader gives the message when a bank is broken
            bank = Bank.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=loader_yaml))
        except (ValidationError, yaml.YAMLError, UnicodeDecodeError, TypeError):
            try:
                bank = qloader.load_bank(path).bank
            except qloader.QuizError as exc:
                raise ResultsError(f"cannot check results against the banks: {exc}") from None
        banks[bank.id] = bank
        for it in bank.items:
            items[it.id] = (bank.id, it.model_dump(mode="json"))
    vignettes: dict[str, Any] = {}
    for path in vig_paths:
        try:
            vig = Vignette.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=loader_yaml))
        except (ValidationError, yaml.YAMLError, UnicodeDecodeError, TypeError):
            try:
                vig = vloader.load_vignette(path).vignette
            except vloader.VignetteError as exc:
                raise ResultsError(f"cannot check results against the vignettes: {exc}") from None
        vignettes[vig.id] = vig
    _CATALOGS[key] = Catalog(items, banks, vignettes)
    return _CATALOGS[key]
