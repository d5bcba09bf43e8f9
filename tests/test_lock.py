"""The Python lock files: every package pinned with hashes, the inputs' pins kept, the test lock a
superset of the book's, the environment installed from them, and every third-party module the
package or the tests import named directly in an input file."""
from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def entries(path: Path) -> list[str]:
    """The requirement lines of a pip requirements file (continuations joined, comments dropped)."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    return [line.split(" #")[0].strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def pins(path: Path) -> dict[str, str]:
    out = {}
    for line in entries(path):
        m = _PIN.match(line)
        if m:
            out[norm(m[1])] = m[2]
    return out


def inputs(path: Path) -> dict[str, str]:
    """The pins of an input file and of the input files it includes with ``-r``."""
    out: dict[str, str] = {}
    for line in entries(path):
        if line.startswith("-r "):
            out |= inputs(path.parent / line.split()[1])
        elif line.startswith("-"):
            continue
        else:
            m = _PIN.match(line)
            assert m, f"{path.name}: {line!r} is not pinned with =="
            out[norm(m[1])] = m[2]
    return out


@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-test.txt"])
def test_every_locked_line_is_pinned_with_a_hash(lock):
    lines = entries(ROOT / lock)
    assert lines, f"{lock} is empty"
    for line in lines:
        assert _PIN.match(line), f"{lock}: {line!r} is not an exact pin"
        assert "--hash=sha256:" in line, f"{lock}: {line.split()[0]} has no hash"


@pytest.mark.parametrize("source,lock", [("requirements.in", "requirements.txt"),
                                         ("requirements-test.in", "requirements-test.txt")])
def test_the_lock_keeps_every_pin_of_its_input(source, lock):
    locked = pins(ROOT / lock)
    for name, version in inputs(ROOT / source).items():
        assert locked.get(name) == version, f"{lock}: {name} is {locked.get(name)}, {source} pins {version} (run `make lock`)"


def test_the_test_lock_has_the_books_versions():
    book, test = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-test.txt")
    assert {n: test.get(n) for n in book} == book


def test_the_environment_is_installed_from_the_lock():
    for name, version in pins(ROOT / "requirements-test.txt").items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            pytest.fail(f"{name}=={version} is locked but not installed: run `make install-test`")
        assert installed == version, f"{name}: installed {installed}, locked {version}: run `make install-test`"


def _top_level_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_imported_distribution_is_pinned_directly():
    """A package the code imports must be named in an input file, not arrive as someone's dependency."""
    direct = set(inputs(ROOT / "requirements-test.in"))
    dists = metadata.packages_distributions()
    missing = {}
    for path in [*sorted((ROOT / "peksos").rglob("*.py")), *sorted((ROOT / "tests").rglob("*.py"))]:
        for module in _top_level_imports(path):
            if module in sys.stdlib_module_names or module in ("peksos", "tests"):
                continue
            for dist in dists.get(module, []):
                if norm(dist) not in direct and norm(dist) != "peksos":
                    missing.setdefault(norm(dist), path.relative_to(ROOT).as_posix())
    assert not missing, f"imported but not pinned in requirements*.in: {missing}"
