"""The course is written in its own words: no run of 10+ words shared with a source text."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SHARED

TOOL = SHARED / "tools" / "seed_overlap.py"


def test_no_passage_repeats_a_source():
    if not TOOL.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{TOOL} missing: CI must run with shared/ beside the project")
        pytest.skip(f"{TOOL} not beside the project")
    proc = subprocess.run([sys.executable, str(TOOL)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
