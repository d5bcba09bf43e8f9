"""YAML with line numbers, for every hand-written content file (quiz banks, vignettes).

:func:`read` parses one file and records the line of every mapping key and sequence item, keyed by
its path (``("items", 3, "options", 0)``), so that a checker can name the line of any field;
duplicate keys, syntax errors and unreadable files raise :class:`YamlError` naming the file and line.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml


class YamlError(ValueError):
    """A content file is not readable YAML; the message names file and line."""


class _Loader(yaml.SafeLoader):
    pass


def read(path: Path) -> tuple[object, dict[tuple, int]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(f"{path}: not valid UTF-8 ({exc})") from None
    except OSError as exc:
        raise YamlError(f"{path}: cannot read ({exc.strerror})") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlError(f"{path}: line 1: the file is empty")
        problems: list[str] = []
        lines: dict[tuple, int] = {}
        _walk(node, (), lines, problems, path)
        if problems:
            raise YamlError(f"{len(problems)} error(s) in {path}:\n" + "\n".join(problems))
        value = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "line ?"
        raise YamlError(f"{path}: {where}: YAML syntax error: {exc.problem or exc}"
                        + (f" ({exc.context})" if exc.context else "")) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{path}: YAML error: {exc}") from None
    finally:
        loader.dispose()
    return value, lines


def _walk(node: yaml.Node, path: tuple, lines: dict, problems: list[str], file: Path) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            line = key.start_mark.line + 1
            if k in seen:
                problems.append(f"{file}: line {line}: field {dotted(path + (k,))!r}: duplicate key "
                                f"(first at line {seen[k]})")
            seen[k] = line
            _walk(value, path + (k,), lines, problems, file)
            lines[path + (k,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for n, child in enumerate(node.value):
            _walk(child, path + (n,), lines, problems, file)


def line_of(lines: dict[tuple, int], path: tuple) -> int | None:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


def dotted(path: Iterable) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(file)"


class Located:
    """Mixin of a loaded file: ``lines`` maps a path inside the YAML to its line (see :func:`line_of`)."""
    lines: dict[tuple, int]

    def line_of(self, *path) -> int | None:
        return line_of(self.lines, tuple(path))


def find(ref: str, folder: Path, files: Iterable[Path], *, stems: bool = False) -> Path | None:
    """The file ``ref`` names: ``folder/ref`` (with or without .yml/.yaml), else (``stems``) a file of
    ``files`` whose name without suffix is ``ref``, else the file whose top-level ``id`` is ``ref``."""
    for cand in (folder / ref, folder / f"{ref}.yml", folder / f"{ref}.yaml"):
        if cand.is_file():
            return cand
    for path in files:
        if stems and path.stem == ref:
            return path
        try:
            head = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, OSError, UnicodeDecodeError):
            continue
        if isinstance(head, dict) and head.get("id") == ref:
            return path
    return None
