"""The JSON Schema of every results file a student downloads, as each kind declares its models
(``Kind.results.schemas``); ``peksos schema`` writes them into ``quizzes/schema/``. The learning record has
its own (:func:`peksos.record.write_schema`)."""
from __future__ import annotations

from pathlib import Path

from ..kinds import KINDS
from ..quiz.schema import write_json_schema
from ..resultfile import json_schema as model_schema


def schemas() -> dict[str, tuple[type, str]]:
    """File name (``<name>.schema.json``) -> (pydantic model, title), over every kind."""
    out: dict[str, tuple[type, str]] = {}
    for k in KINDS.values():
        for name, entry in (k.results.schemas if k.results else {}).items():
            if name in out:
                raise ValueError(f"kind {k.name!r}: a results schema named {name!r} is declared twice")
            out[name] = entry
    return out


def json_schema(name: str) -> dict:
    model, title = schemas()[name]
    return model_schema(model, title)


def write_schemas(out_dir: Path) -> list[Path]:
    return [write_json_schema(Path(out_dir) / f"{name}.schema.json", json_schema(name)) for name in schemas()]
