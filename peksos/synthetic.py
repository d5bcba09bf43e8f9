"""A SYNTHETIC class: made-up students answering the real quiz banks and playing the real vignettes.

    peksos synthetic --out data/contoh-kelas --students 30 --seed 7

writes a class folder in the layout :mod:`peksos.results` reads (``<out>/<student>/<files>``), with
the very files the book's download buttons give: quiz results as JSON and, for some students, as CSV
(some students hand in both), and vignette plays as ``kasus-<id>.json``. No real student is in it:
the students are named ``sintetis-01``, ``sintetis-02``, ... and ``<out>/README.md`` says so.

How the students are simulated (everything drawn from one ``numpy`` generator seeded with ``seed``,
so the same arguments give the same bytes):

- Each student has an ability ``theta ~ N(0, 1)`` plus a small strength or weakness per topic tag.
- Each item has a discrimination ``a`` and a difficulty ``b`` (two-parameter logistic model): the
  chance of getting the item (or one part of it: a pair, an entry, a step) right is
  ``1 / (1 + exp(-a (theta - b)))``. About one item in twelve gets a flat or negative ``a``: a flawed
  item, so that the analysis has something to find.
- The answer is built in the bank's own answer format (an option index, a list of indices, a text)
  and scored with :func:`peksos.quiz.scoring.score`, so the file's scores are what the quiz gives.
  A few items are left unchecked, a few answers revealed ("Tampilkan jawaban", score 0), and a
  wrong first answer is sometimes checked again.
- A vignette is played from its start with :mod:`peksos.vignette.graph` (only choices offered in
  the current state, effects and branches as the player applies them): at each node a choice is
  drawn with weight ``exp(beta * points)``, ``beta`` growing with the student's ability. Some
  students skip a case, a few play one twice (``kasus-<id> (1).json``, as a browser names a second
  download).
- Every fourth student (``sintetis-04``, ``-08``, ...) hands in the whole learning record instead
  (``catatan-belajar-<date>.json``, the "Kemajuan saya" download, :mod:`peksos.record`): the same answers
  and plays, each checked answer an attempt (a retried item twice, the first time wrong), each play dated.
  Answers and plays are drawn exactly as for the others, so only the files differ.
"""
from __future__ import annotations

import json
import math
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .results import CSV_HEADER, ResultsError, catalog

DEFAULT_BANKS = ("pengertian", "tujuan", "casework", "nilai-profesi")
DEFAULT_VIGNETTES = ("casework-lk3", "kelompok-remaja", "komunitas-rw")
STUDENT = "sintetis-{:02d}"
_STUDENT_DIR = re.compile(r"^sintetis-\d+$")
FIRST_DAY = np.datetime64("2026-02-16T08:00:00")
README = """# Contoh kelas SINTETIS (bukan data mahasiswa sungguhan)

Folder ini berisi hasil kuis dan jalur kasus dari **{students} mahasiswa rekaan**
(`sintetis-01` sampai `sintetis-{students:02d}`). Tidak ada satu pun baris yang berasal dari
mahasiswa nyata. Data ini dibuat oleh program `peksos/synthetic.py` dengan perintah

```bash
peksos synthetic --out {out} --students {students} --seed {seed}{extra}
```

dan dipakai oleh `notebooks/analisis-kelas.ipynb` serta oleh uji otomatis. Menjalankan perintah
yang sama menghasilkan berkas yang persis sama.

Isinya:

- kuis dari bank {banks}: berkas `hasil-kuis-<kuis>-<tanggal>.json`, dan bagi sebagian mahasiswa
  `.csv` (ada yang mengunggah keduanya), sama dengan yang diberikan tombol "Unduh hasil";
- kasus {vignettes}: berkas `kasus-<id>.json` dari tombol "Unduh jalur saya (JSON)";
- setiap mahasiswa keempat (`sintetis-04`, `sintetis-08`, ...) menyerahkan satu berkas
  `catatan-belajar-<tanggal>.json` saja, yaitu catatan belajar seluruh kursus dari halaman "Kemajuan saya",
  berisi jawaban dan jalur kasus yang sama.

Kemampuan tiap mahasiswa rekaan diundi, lalu jawabannya disusun dalam format bank soal dan
dinilai dengan aturan penilaian kuis yang sama. Jalur kasus dimainkan pada graf kasus yang asli,
sehingga setiap jalur memang dapat ditempuh di pemutar kasus. Beberapa soal sengaja dibuat
"cacat" (daya bedanya rendah) agar analisis punya temuan untuk dibahas.

Untuk menganalisis kelas sungguhan, unduh semua kiriman tugas dari LMS ke satu folder
(satu subfolder per mahasiswa) dan arahkan buku catatan ke folder itu.
"""


@dataclass
class Generated:
    out: Path
    students: int
    quiz_files: int
    vignette_files: int
    course_files: int = 0


# --- what the quiz's JavaScript writes, byte for byte -------------------------------------------------
def _js(value: Any) -> Any:
    """Floats that JavaScript prints as integers become ints, so json.dumps prints them the same way."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_js(v) for v in value]
    if isinstance(value, dict):
        return {k: _js(v) for k, v in value.items()}
    return value


def _js_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def csv_text(rows: list[list[Any]]) -> str:
    """RFC 4180 CSV as ``csv`` in ``peksos/widgets/engine.js`` writes it (formula cells get an apostrophe)."""
    def cell(c: Any) -> str:
        if c is None:
            return ""
        s = _js_text(c)
        if isinstance(c, str) and s[:1] in ("=", "+", "-", "@", "\t", "\r"):
            s = "'" + s
        return '"' + s.replace('"', '""') + '"' if re.search(r'[",\n\r]', s) else s
    return "".join(",".join(cell(c) for c in row) + "\r\n" for row in rows)


def describe(item: dict, answer: Any) -> str:
    """The answer in words (the CSV's ``jawaban_teks``), as ``describe`` in ``peksos/quiz/quiz.js``."""
    if answer is None:
        return ""
    kind = item["type"]

    def ints(v: Any) -> list:
        return [x if isinstance(x, int) and not isinstance(x, bool) else None for x in v] if isinstance(v, list) else []

    def pick(seq: list, i: Any) -> str:
        return seq[i] if isinstance(i, int) and 0 <= i < len(seq) else ""

    if kind == "pilihan-tunggal":
        return pick([o["text"] for o in item["options"]], answer)
    if kind == "pilihan-ganda":
        return "; ".join(pick([o["text"] for o in item["options"]], i) for i in ints(answer))
    if kind == "benar-salah":
        return "Benar" if answer else "Salah"
    if kind == "menjodohkan":
        rights = [p["right"] for p in item["pairs"]] + [d["text"] for d in item.get("distractors") or []]
        lefts = [p["left"] for p in item["pairs"]]
        return "; ".join(f"{pick(lefts, i)} = {'' if r is None else pick(rights, r)}" for i, r in enumerate(ints(answer)))
    if kind == "mengurutkan":
        return "; ".join(pick([s["text"] for s in item["steps"]], i) for i in ints(answer))
    if kind == "mengelompokkan":
        texts = [e["text"] for e in item["entries"]]
        return "; ".join(f"{pick(texts, i)} = {'' if g is None else pick(item['groups'], g)}"
                         for i, g in enumerate(ints(answer)))
    return str(answer)


# --- simulated answers ------------------------------------------------------------------------------------
def _chance(a: float, b: float, theta: float) -> float:
    return 1.0 / (1.0 + math.exp(-a * (theta - b)))


def _other(rng: np.random.Generator, n: int, right: int) -> int:
    pool = [i for i in range(n) if i != right]
    return int(pool[rng.integers(len(pool))])


def _attempt(rng: np.random.Generator, item: dict, p: float, wrong_texts: list[str]) -> Any:
    """One answer in the bank's answer format; each part is right with probability ``p``."""
    kind = item["type"]
    if kind == "pilihan-tunggal":
        right = next(i for i, o in enumerate(item["options"]) if o["correct"])
        return right if rng.random() < p else _other(rng, len(item["options"]), right)
    if kind == "pilihan-ganda":
        chosen = [i for i, o in enumerate(item["options"])
                  if rng.random() < (p if o["correct"] else (1 - p) * 0.4)]
        return chosen or [int(rng.integers(len(item["options"])))]
    if kind == "benar-salah":
        return bool(item["answer"]) if rng.random() < p else not item["answer"]
    if kind == "menjodohkan":
        n = len(item["pairs"]) + len(item.get("distractors") or [])
        return [i if rng.random() < p else _other(rng, n, i) for i in range(len(item["pairs"]))]
    if kind == "mengurutkan":
        order = list(range(len(item["steps"])))
        for i in range(len(order) - 1):
            if rng.random() > p:
                order[i], order[i + 1] = order[i + 1], order[i]
        return order
    if kind == "mengelompokkan":
        groups = item["groups"]
        out = []
        for e in item["entries"]:
            g = groups.index(e["group"])
            out.append(g if rng.random() < p else _other(rng, len(groups), g))
        return out
    if kind == "isian":
        if rng.random() < p:
            text = item["accepted"][int(rng.integers(len(item["accepted"])))]
            return text.lower() if rng.random() < 0.3 else text
        misses = [m["text"] for m in item.get("near_misses") or []] or wrong_texts or ["tidak tahu"]
        return misses[int(rng.integers(len(misses)))]
    raise ValueError(f"unknown item type {kind!r}")


def _quiz_file(rng: np.random.Generator, bank, params: dict, theta: float, tag_skill: dict, when: np.datetime64,
               seed: int) -> dict:
    from .quiz import scoring

    items = [it.model_dump(mode="json") for it in bank.items]
    cloze = [a for it in items if it["type"] == "isian" for a in it["accepted"]]
    order = rng.permutation(len(items))
    rows = []
    for k in order:
        it = items[int(k)]
        a, b = params[it["id"]]
        ability = theta + float(np.mean([tag_skill[t] for t in it["tags"]]))
        p = _chance(a, b, ability)
        wrong = [x for x in cloze if x not in it.get("accepted", [])]
        luck = rng.random() / (2 * (1 - _chance(1.0, 0.0, theta)))  # weaker students skip and peek more
        if luck < 0.04:  # never checked
            answer, checked, shown, tries = None, False, False, 0
        elif luck < 0.07:  # answer revealed
            answer, checked, shown, tries = scoring.correct_answer(it), True, True, int(rng.integers(0, 2))
        else:
            answer, checked, shown, tries = _attempt(rng, it, p, wrong), True, False, 1
            if not scoring.score(it, answer).correct and rng.random() < 0.35:  # "Coba lagi"
                answer, tries = _attempt(rng, it, p + (1 - p) * 0.5, wrong), 2
        result = scoring.score(it, answer, shown=shown) if checked else scoring.Score(0.0, False)
        rows.append({"id": it["id"], "type": it["type"], "level": it["level"], "tags": it["tags"],
                     "section": it["section"], "answer": answer, "checked": checked, "shown": shown, "tries": tries,
                     "score": result.score, "correct": result.correct})
    stamp = str(when) + ".000Z"
    return {"quiz": bank.id, "bank": bank.id, "title": bank.title, "seed": seed, "date": stamp,
            "score": sum(r["score"] for r in rows), "max": len(rows), "items": rows}


def _quiz_csv(result: dict, bank) -> str:
    by_id = {it.id: it.model_dump(mode="json") for it in bank.items}
    rows = [list(CSV_HEADER)]
    for x in result["items"]:
        rows.append([result["quiz"], x["id"], x["type"], x["level"], ";".join(x["tags"]),
                     "" if x["answer"] is None else json.dumps(_js(x["answer"]), ensure_ascii=False, separators=(",", ":")),
                     describe(by_id[x["id"]], x["answer"]), x["checked"], x["shown"], x["tries"], x["score"],
                     x["correct"]])
    return csv_text(rows)


def _attempts(result: dict, bank, when: np.datetime64) -> list[dict]:
    """The attempts a learning record holds for one quiz: every checked item, a retried one twice."""
    from .quiz import scoring

    by_id = {it.id: it.model_dump(mode="json") for it in bank.items}
    out, t = [], when
    for x in result["items"]:
        if not x["checked"]:
            continue
        it = by_id[x["id"]]
        facts = {"quiz": bank.id, "item": x["id"], "type": x["type"], "level": x["level"], "chapter": bank.chapter,
                 "tags": x["tags"], "list_id": it["list_id"], "section": x["section"]}
        if x["tries"] == 2:  # "Coba lagi": a first answer that was not right
            first = [] if it["type"] == "pilihan-ganda" else None
            out.append({"at": str(t) + ".000Z", **facts, "answer": first, "shown": False, "score": 0.0, "correct": False})
            t = t + np.timedelta64(20, "s")
        r = scoring.score(it, x["answer"], shown=x["shown"])
        out.append({"at": str(t) + ".000Z", **facts, "answer": x["answer"], "shown": x["shown"], "score": r.score,
                    "correct": r.correct})
        t = t + np.timedelta64(40, "s")
    return out


def course_record(seed: int, attempts: list[dict], plays: list[dict]) -> dict:
    """A learning record as the book writes it (see peksos.record)."""
    from . import record

    return {"format": record.FORMAT, "v": record.VERSION, "course": record.COURSE, "seed": seed,
            "created": str(FIRST_DAY) + ".000Z", "attempts": sorted(attempts, key=lambda a: a["at"]),
            "plays": plays, "ui": {}}


def play(rng: np.random.Generator, vignette, beta: float, max_steps: int = 200) -> dict:
    """One play of a vignette as the player records it; choices weighted ``exp(beta * points)``."""
    from .vignette import graph
    from .vignette.schema import RATING_POINTS

    endings = {e.id: e for e in vignette.endings}
    ratings = {(n.id, c.id): c.rating for n in vignette.nodes for c in n.choices}
    for _ in range(20):  # a rare play that wanders in a loop is played again
        node, state, steps = vignette.start, graph.initial_state(vignette), []
        while node not in endings and len(steps) < max_steps:
            offered = graph.offered(vignette, node, state)
            points = np.array([RATING_POINTS[ratings[(node, c)]] for c in offered], dtype=float)
            weights = np.exp(beta * (points - points.max()))
            choice = offered[int(rng.choice(len(offered), p=weights / weights.sum()))]
            target, state = graph.step(vignette, node, choice, state)
            rating = ratings[(node, choice)]
            steps.append({"node": node, "choice": choice, "rating": rating, "points": RATING_POINTS[rating],
                          "state_after": dict(state)})
            node = target
        if node in endings:
            break
    else:
        raise RuntimeError(f"vignette {vignette.id!r}: no play reached an ending in {max_steps} steps")
    score = sum(s["points"] for s in steps)
    return {"vignette": vignette.id, "ended": True, "ending": node, "outcome": endings[node].outcome,
            "path": steps, "state": dict(state), "score": score, "max_score": 3 * len(steps),
            "expert": [[n, c] for n, c in graph.expert_path(vignette)]}


# --- the folder -------------------------------------------------------------------------------------------
def _prepare(out: Path, force: bool) -> None:
    if not out.exists():
        out.mkdir(parents=True)
        return
    entries = [e for e in out.iterdir()]
    if not entries:
        return
    if not force:
        raise ResultsError(f"{out}: the folder is not empty; pass --force to replace a synthetic sample there")
    foreign = [e.name for e in entries if not (e.name == "README.md" or (e.is_dir() and _STUDENT_DIR.match(e.name)))]
    if foreign:
        raise ResultsError(f"{out}: holds files that a synthetic sample does not make ({', '.join(sorted(foreign))}); "
                           "refusing to replace it")
    for e in entries:
        shutil.rmtree(e) if e.is_dir() else e.unlink()


def _dump(path: Path, obj: dict) -> None:
    path.write_bytes(json.dumps(_js(obj), ensure_ascii=False, indent=2).encode("utf-8"))


def generate(out: Path | str, *, students: int = 30, seed: int = 7, banks: Sequence[str] = DEFAULT_BANKS,
             vignettes: Sequence[str] = DEFAULT_VIGNETTES, quizzes: Path | str | None = None,
             force: bool = False) -> Generated:
    """Write a synthetic class folder to ``out`` (see the module docstring). Deterministic in ``seed``."""
    if not 1 <= students <= 999:
        raise ResultsError(f"--students must be between 1 and 999, not {students}")
    cat = catalog(quizzes)
    unknown = [b for b in banks if b not in cat.banks]
    if unknown:
        raise ResultsError(f"unknown bank(s) {', '.join(unknown)}; known: {', '.join(sorted(cat.banks))}")
    unknown = [v for v in vignettes if v not in cat.vignettes]
    if unknown:
        raise ResultsError(f"unknown vignette(s) {', '.join(unknown)}; known: {', '.join(sorted(cat.vignettes))}")
    out = Path(out)
    _prepare(out, force)
    rng = np.random.default_rng(seed)
    bank_objs = [cat.banks[b] for b in banks]
    params: dict[str, tuple[float, float]] = {}
    for bank in bank_objs:
        for it in bank.items:
            a = float(rng.lognormal(0.6, 0.25))
            if rng.random() < 1 / 12:
                a = float(rng.uniform(-0.6, 0.15))  # a flawed item
            params[it.id] = (a, float(rng.normal(-0.7, 0.9)))
    tags = sorted({t for bank in bank_objs for it in bank.items for t in it.tags})
    quiz_files = vignette_files = course_files = 0
    for s in range(1, students + 1):
        folder = out / STUDENT.format(s)
        folder.mkdir()
        whole = s % 4 == 0  # hands in the learning record instead
        attempts: list[dict] = []
        plays_done: list[dict] = []
        theta = float(rng.normal(0, 1))
        tag_skill = {t: float(rng.normal(0, 0.35)) for t in tags}
        reader_seed = int(rng.integers(0, 2**32))
        for week, bank in enumerate(bank_objs):
            if rng.random() < 0.08:
                continue  # did not hand this quiz in
            when = FIRST_DAY + np.timedelta64(7 * week, "D") + np.timedelta64(int(rng.integers(0, 5 * 24 * 3600)), "s")
            result = _quiz_file(rng, bank, params, theta, tag_skill, when, reader_seed)
            base = folder / f"hasil-kuis-{bank.id}-{str(when)[:10]}"
            form = rng.random()
            if whole:
                attempts.extend(_attempts(result, bank, when))
                continue
            if form < 0.85:
                _dump(base.with_suffix(".json"), result)
                quiz_files += 1
            if form >= 0.6:
                base.with_suffix(".csv").write_bytes(_quiz_csv(result, bank).encode("utf-8"))
                quiz_files += 1
        for vid in vignettes:
            if rng.random() < 0.1:
                continue  # did not play this case
            beta = max(0.05, 0.9 + 0.8 * theta)
            plays = 2 if rng.random() < 0.1 else 1
            for k in range(plays):
                name = f"kasus-{vid}.json" if k == 0 else f"kasus-{vid} ({k}).json"
                one = play(rng, cat.vignettes[vid], beta + 0.5 * k)
                if whole:
                    one.pop("expert")
                    at = FIRST_DAY + np.timedelta64(3 + 7 * len(plays_done), "D")
                    plays_done.append({"at": str(at) + ".000Z", **one})
                    continue
                _dump(folder / name, one)
                vignette_files += 1
        if whole and (attempts or plays_done):
            last = max([a["at"] for a in attempts] + [p["at"] for p in plays_done])
            _dump(folder / f"catatan-belajar-{last[:10]}.json", course_record(reader_seed, attempts, plays_done))
            course_files += 1
    extra = ""
    if tuple(banks) != DEFAULT_BANKS:
        extra += " --banks " + ",".join(banks)
    if tuple(vignettes) != DEFAULT_VIGNETTES:
        extra += " --vignettes " + ",".join(vignettes)
    try:  # the command as run from the project root; else the folder's own name (same bytes anywhere)
        from .paths import project_root

        shown_out = out.resolve().relative_to(project_root()).as_posix()
    except ValueError:
        shown_out = out.name
    (out / "README.md").write_text(README.format(
        students=students, seed=seed, out=shown_out, extra=extra,
        banks=", ".join(f"`{b}`" for b in banks), vignettes=", ".join(f"`{v}`" for v in vignettes)),
        encoding="utf-8")
    return Generated(out, students, quiz_files, vignette_files, course_files)
