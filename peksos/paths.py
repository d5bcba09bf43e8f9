"""Where the course's files are.

The package is installed in editable mode from the repository, so the project
root is the folder above the package. ``PEKSOS_ROOT`` overrides it (used by the
tests' tiny books).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    env = os.environ.get("PEKSOS_ROOT")
    if env:
        return Path(env).resolve()
    return PACKAGE_DIR.parent


def data_dir() -> Path:
    return project_root() / "data"


def quizzes_dir() -> Path:
    return project_root() / "quizzes"


def book_dir() -> Path:
    return project_root() / "book"
