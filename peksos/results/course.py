"""The learning record (one file for the whole course, :mod:`peksos.record`): each attempt an answer row,
each play the rows of a vignette play. The record is not a content kind (it is the store every kind writes
to), so its reader lives here and reuses the quiz's answer check and the vignette's play reader."""
from __future__ import annotations

import pandas as pd

from .. import record
from ..quiz import scoring
from ..quiz.results import check_answer
from ..resultfile import Bad
from ..vignette.results import read_play
from .catalog import Catalog

# a .json holding any of these fields is a learning record (tried before every kind's files)
RECORD_MARKS = ("format", "attempts")


def read_record(doc: dict, where: str, cat: Catalog | None) -> tuple[list[dict], list[list[dict]]]:
    """Answer rows (one per attempt) and the step rows of each play of a learning record."""
    try:
        rec = record.validate(doc, where)
    except record.RecordError as exc:
        raise Bad(str(exc)) from None
    rows, tries = [], {}
    for n, a in enumerate(rec.attempts):
        at = f"{where}attempts[{n}] (item {a.item!r}): "
        known = cat.items[a.item][1] if cat is not None and a.item in cat.items else None
        if a.score is None and known is None:
            raise Bad(f"{at}field 'score' is null (an answer kept from an older version of the book and never "
                       "scored); it can only be read with the banks (check=True)")
        if known is None and (a.type is None or a.level is None):
            raise Bad(f"{at}fields 'type' and 'level' are needed to read the record without the banks")
        result = scoring.score(known, a.answer, shown=a.shown) if a.score is None else scoring.Score(a.score, a.correct)
        tries[a.item] = tries.get(a.item, 0) + 1
        row = {"item": a.item, "type": a.type or known["type"], "level": a.level or known["level"],
               "tags": tuple(a.tags), "section": a.section or "", "answer": a.answer, "answer_text": "",
               "checked": True, "shown": a.shown, "tries": tries[a.item], "score": result.score,
               "correct": result.correct}
        row = check_answer(row, at, cat, None)
        row.update(format="catatan", quiz=a.quiz, date=pd.Timestamp(a.at).tz_convert("UTC"), bank=row["bank"] or a.quiz)
        rows.append(row)
    plays = []
    for n, p in enumerate(rec.plays):
        play = p.model_dump(mode="json", exclude={"at"})
        plays.append(read_play({**play, "expert": []}, f"{where}plays[{n}]: ", cat))
    if not rows and not plays:
        raise Bad(f"{where}the learning record holds no attempt and no play")
    return rows, plays
