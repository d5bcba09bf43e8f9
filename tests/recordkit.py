"""Learning records made for tests: every attempt scored with the course's own scoring."""
from __future__ import annotations

from peksos import record
from peksos.quiz import scoring
from peksos.results import catalog


def items_of(chapters: tuple[str, ...] | None = None) -> list[dict]:
    """Every item of the banks (as the practice page carries them), optionally only some chapters'."""
    cat = catalog()
    out = []
    for bank in cat.banks.values():
        if chapters is None or bank.chapter in chapters:
            for it in bank.items:
                out.append({**it.model_dump(mode="json"), "chapter": bank.chapter})
    return out


def attempt(it: dict, answer, at: str, quiz: str | None = None, shown: bool = False) -> dict:
    r = scoring.score(it, answer, shown=shown)
    return {"at": at, "quiz": quiz or it["chapter"], "item": it["id"], "type": it["type"], "level": it["level"],
            "chapter": it["chapter"], "tags": it["tags"], "list_id": it["list_id"], "section": it["section"],
            "answer": answer, "shown": shown, "score": r.score, "correct": r.correct}


def wrong_answer(it: dict):
    """An answer that scores 0 (a true/false turned round, a wrong option, a typed non-answer...)."""
    t = it["type"]
    if t == "pilihan-tunggal":
        return next(i for i, o in enumerate(it["options"]) if not o["correct"])
    if t == "pilihan-ganda":
        wrong = [i for i, o in enumerate(it["options"]) if not o["correct"]]
        return wrong or []
    if t == "benar-salah":
        return not it["answer"]
    if t == "isian":
        return "bukan jawaban"
    n = len(it.get("pairs") or it.get("steps") or it.get("entries"))
    if t == "mengelompokkan":
        return [None] * n
    if t == "menjodohkan":
        return [None] * n
    return [None] * n


def make(attempts: list[dict], plays: list[dict] | None = None, seed: int = 4242) -> dict:
    return {"format": record.FORMAT, "v": record.VERSION, "course": record.COURSE, "seed": seed,
            "created": "2026-03-01T08:00:00.000Z", "attempts": attempts, "plays": plays or [], "ui": {}}
