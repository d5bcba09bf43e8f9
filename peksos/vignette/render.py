"""What the vignette player needs, as a JSON payload, and the HTML that carries it.

Conditions travel as parsed trees (``{"any": [{"all": [[name, op, n], ...]}]}``), so the
player evaluates them without a parser of its own; the expert path is computed here from
the graph. Principles carry the URL of the book section that teaches them when the host
can resolve it (the Sphinx build; the widget links to the published book).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .. import data
from ..markup import list_label, widget_markup
from . import graph
from .schema import RATING_POINTS, Vignette, parse_condition

PAYLOAD_VERSION = 1
NOSCRIPT = ("Kasus simulasi ini interaktif dan membutuhkan JavaScript. Aktifkan JavaScript di peramban Anda "
            "untuk menjalankannya; seluruh isi buku lainnya tetap dapat dibaca.")


def _principles(refs, titles: Mapping[str, str], resolve) -> list[dict]:
    out = []
    for ref in refs:
        label = list_label(ref.list_id)
        out.append({"ref": str(ref), "list_id": ref.list_id, "item": ref.item, "section": label,
                    "label": titles.get(str(ref)) or titles.get(ref.list_id) or str(ref),
                    "url": resolve(label) or None})
    return out


def principle_titles(v: Vignette) -> dict[str, str]:
    """Readable names for the principles a vignette cites: 'List title: item label'."""
    lists = data.load("lists").set_index("list_id")
    items = data.load("items").set_index(["list_id", "position"])
    names: dict[str, str] = {}
    for node in v.nodes:
        for choice in node.choices:
            for ref in (*choice.applies, *choice.violates):
                if ref.list_id not in lists.index:
                    continue
                title = lists.loc[ref.list_id, "title_id"]
                if ref.item and (ref.list_id, ref.item) in items.index:
                    names[str(ref)] = f"{items.loc[(ref.list_id, ref.item), 'label_id']} ({title})"
                else:
                    names[str(ref)] = title
    return names


def payload(v: Vignette, *, links: Mapping[str, str] | Callable[[str], str | None] | None = None) -> dict[str, Any]:
    resolve = links.get if isinstance(links, Mapping) else (links or (lambda label: None))
    titles = principle_titles(v)
    nodes = {}
    for node in v.nodes:
        nodes[node.id] = {
            "title": node.title, "narrative": node.narrative, "record": node.record,
            "choices": [{
                "id": c.id, "text": c.text, "rating": c.rating, "points": RATING_POINTS[c.rating],
                "feedback": c.feedback, "effects": c.effects,
                "condition": parse_condition(c.condition) if c.condition else None,
                "next": c.next,
                "branches": [{"if": parse_condition(b.if_) if b.if_ else None, "to": b.to} for b in c.branches]
                if c.branches else None,
                "applies": _principles(c.applies, titles, resolve),
                "violates": _principles(c.violates, titles, resolve),
            } for c in node.choices],
        }
    return {
        "v": PAYLOAD_VERSION,
        "id": v.id, "title": v.title, "method": v.method, "setting": v.setting, "summary": v.summary,
        "content_note": v.content_note, "debrief": v.debrief,
        "variables": [var.model_dump() for var in v.variables],
        "start": v.start,
        "nodes": nodes,
        "endings": {e.id: {"title": e.title, "outcome": e.outcome, "narrative": e.narrative} for e in v.endings},
        "expert": [[n, c] for n, c in graph.expert_path(v)],
        "max_points": 3 * len(graph.expert_path(v)),
    }


def markup(data: dict[str, Any]) -> str:
    """The static HTML of a vignette: a mount point with the payload and a note for readers without JS."""
    return widget_markup("vignette", data, NOSCRIPT)
