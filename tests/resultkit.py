"""Results files as the book's widgets write them, built from the real banks and vignettes (``cat`` is
:func:`peksos.results.catalog`), for the tests of the results reader and of each kind's results files."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from peksos import results
from peksos.quiz import scoring
from peksos.vignette import graph
from peksos.vignette.schema import RATING_POINTS

BANK = "pengertian"
VIGNETTE = "casework-lk3"


def items(cat):
    """Three items of the real bank: one answered right, one answered wrong, one never checked."""
    bank = cat.banks[BANK]
    single = [it for it in bank.items if it.type == "pilihan-tunggal"]
    tf = next(it for it in bank.items if it.type == "benar-salah")
    return single[0].model_dump(mode="json"), tf.model_dump(mode="json"), single[1].model_dump(mode="json")


def quiz_doc(cat) -> dict:
    right, tf, skipped = items(cat)
    rows = []
    for it, answer, checked in ((right, scoring.correct_answer(right), True), (tf, not tf["answer"], True),
                                (skipped, None, False)):
        s = scoring.score(it, answer) if checked else scoring.Score(0.0, False)
        rows.append({"id": it["id"], "type": it["type"], "level": it["level"], "tags": it["tags"],
                     "section": it["section"], "answer": answer, "checked": checked, "shown": False,
                     "tries": int(checked), "score": s.score, "correct": s.correct})
    return {"quiz": BANK, "bank": BANK, "title": cat.banks[BANK].title, "seed": 12345,
            "date": "2026-03-02T09:15:00.000Z", "score": sum(r["score"] for r in rows), "max": len(rows), "items": rows}


def quiz_csv(doc: dict, *, header=results.CSV_HEADER, delimiter=",", edit=None) -> str:
    """The quiz's CSV of ``doc``; ``edit(rows)`` may change the data rows before they are written."""
    rows = [[doc["quiz"], x["id"], x["type"], x["level"], ";".join(x["tags"]),
             "" if x["answer"] is None else json.dumps(x["answer"]), "", str(x["checked"]).lower(),
             str(x["shown"]).lower(), x["tries"], x["score"], str(x["correct"]).lower()] for x in doc["items"]]
    if edit:
        edit(rows)
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def play_doc(cat, vid: str = VIGNETTE) -> dict:
    """The expert's play of a real vignette, as the player's download writes it."""
    v = cat.vignettes[vid]
    node, state, steps = v.start, graph.initial_state(v), []
    ratings = {(n.id, c.id): c.rating for n in v.nodes for c in n.choices}
    for n, c in graph.expert_path(v):
        node, state = graph.step(v, n, c, state)
        r = ratings[(n, c)]
        steps.append({"node": n, "choice": c, "rating": r, "points": RATING_POINTS[r], "state_after": dict(state)})
    ending = next(e for e in v.endings if e.id == node)
    return {"vignette": vid, "ended": True, "ending": node, "outcome": ending.outcome, "path": steps,
            "state": dict(state), "score": sum(s["points"] for s in steps), "max_score": 3 * len(steps),
            "expert": [list(p) for p in graph.expert_path(v)]}


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content, indent=2), encoding="utf-8")
    return path
