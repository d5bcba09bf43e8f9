"""The package's import graph has no cycle: every import counts, also one inside a function, and
importing ``a.b.c`` counts as importing the package ``a.b`` too (its ``__init__`` runs first)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "peksos"


def modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return out


def graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports anywhere in its source."""
    mods = modules()
    edges: dict[str, set[str]] = {}
    for name, (path, is_package) in mods.items():
        here = name.split(".") if is_package else name.split(".")[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(here[:len(here) - node.level + 1] + [node.module] if node.module else
                                here[:len(here) - node.level + 1]) if node.level else node.module
                subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in mods]
                targets = subs + ([base] if len(subs) < len(node.names) else [])
            else:
                continue
            for target in targets:
                parts = target.split(".")
                for k in range(2, len(parts) + 1):
                    one = ".".join(parts[:k])
                    if one in mods and one != name and not name.startswith(one + "."):
                        found.add(one)
        edges[name] = found
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_the_graph_sees_function_level_imports():
    edges = graph()
    assert "peksos.quiz.loader" in edges["peksos.cli"]            # imported inside a function of cli.py
    assert "peksos.widgets" in edges["peksos.sphinxext.assets"]   # the package of widgets.assets


def test_a_cycle_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_package_has_no_import_cycle():
    assert cycles(graph()) == []


def test_markup_is_at_the_bottom():
    assert graph()["peksos.markup"] == set()


def test_the_results_files_base_is_at_the_bottom_and_the_kinds_read_their_own():
    edges = graph()
    assert edges["peksos.resultfile"] == set()
    for kind in ("quiz", "vignette"):
        own = edges[f"peksos.{kind}.results"]
        assert "peksos.resultfile" in own and not {m for m in own if m.split(".")[:2] == ["peksos", "results"]}
    # the reader takes the kinds from the registry, not by name
    assert "peksos.kinds" in edges["peksos.results.folder"] and "peksos.kinds" in edges["peksos.results.catalog"]
    assert not {m for m in edges["peksos.results.folder"] | edges["peksos.results.catalog"]
                if m.split(".")[1] in ("quiz", "vignette")}
