"""Shared fixtures: the project root and a way to make a tiny project with its own data."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def tiny_root(tmp_path, monkeypatch):
    """A copy of data/ in a temporary project root that PEKSOS_ROOT points at; edit it freely."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.setenv("PEKSOS_ROOT", str(tmp_path))
    return tmp_path
