"""README.md's layout table ("Susunan repositori") matches the tree: every top-level entry of the
repository and every module of the package is named there, and every path it names exists."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _table() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Susunan repositori", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ", 1) for line in section.splitlines() if line.startswith("| `")]
    return [(left, right) for left, right in rows]


def _tracked_top_level() -> set[str]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {line.split("/")[0] for line in out.splitlines() if line}


def test_every_top_level_entry_is_in_the_table():
    named = {re.sub(r"/.*", "", p) for left, _ in _table() for p in re.findall(r"`([^`]+)`", left)}
    missing = _tracked_top_level() - named - {"README.md"}
    assert not missing, f"README.md, 'Susunan repositori': add {sorted(missing)}"


def test_every_path_the_table_names_exists():
    for left, _ in _table():
        for path in re.findall(r"`([^`]+)`", left):
            assert (ROOT / path).exists(), f"README.md names {path}, which does not exist"


def test_the_package_row_names_every_module():
    row = next(right for left, right in _table() if left == "| `peksos/`")
    named = set(re.findall(r"`([^`]+)`", row))
    for entry in sorted((ROOT / "peksos").iterdir()):
        if entry.name.startswith(("_", ".")):
            continue
        name = f"{entry.name}/" if entry.is_dir() else entry.name
        assert name in named, f"README.md, 'Susunan repositori', row peksos/: {name} is not named"
