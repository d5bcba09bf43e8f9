"""The vignette's results file, as the class-results reader (:mod:`peksos.results`) takes it: a play
("Unduh jalur saya (JSON)", ``kasus-*.json``, checked as :class:`VignettePlay`), one row per decision; with
the vignettes, every play is replayed on the case's graph (:mod:`.graph`).

``peksos schema`` writes the model as ``vignette-play`` into ``quizzes/schema/``. The catalog the reader
takes (``cat``) is the results reader's, or None to read a file on its own.
"""
from __future__ import annotations

from typing import Any, Optional

from pydantic import Field, StrictBool, StrictInt, StrictStr, ValidationInfo, field_validator

from ..resultfile import Bad, File, one_of, show, some, validate
from . import graph
from .schema import OUTCOMES, RATING_POINTS, RATINGS


class PlayStep(File):
    """One decision of a vignette play."""
    node: StrictStr = Field(description="a node id (text)")
    choice: StrictStr = Field(description="a choice id (text)")
    rating: StrictStr = Field(description="a rating (text)", json_schema_extra={"enum": list(RATINGS)})
    points: StrictInt = Field(description="a whole number")
    state_after: dict[str, int] = Field(description="an object of case variables")

    _rating = field_validator("rating")(one_of(RATINGS, "rating"))

    @field_validator("points")
    @classmethod
    def _points(cls, v: int, info: ValidationInfo) -> int:
        rating = info.data.get("rating")
        if rating in RATING_POINTS and v != RATING_POINTS[rating]:
            raise ValueError(f"field 'points': a {rating!r} choice earns {RATING_POINTS[rating]}, the file says {v}")
        return v

    @field_validator("state_after", mode="before")
    @classmethod
    def _state_after(cls, v: Any) -> Any:
        if isinstance(v, dict) and not all(isinstance(x, int) and not isinstance(x, bool) for x in v.values()):
            raise ValueError(f"field 'state_after': every case variable must be a whole number, got {show(v)}")
        return v


class VignettePlay(File):
    """A vignette play ("Unduh jalur saya (JSON)"): the decisions taken, the state and the ending reached."""
    called = "a vignette play"

    vignette: StrictStr = Field(description="the vignette id (text)")
    ended: StrictBool = Field(description="true or false")
    ending: Optional[StrictStr] = Field(description="an ending id (text) or null")
    outcome: Optional[StrictStr] = Field(description="an outcome (text) or null",
                                         json_schema_extra={"enum": [*OUTCOMES, None]})
    path: list[PlayStep] = Field(description="a list of decision steps")
    state: dict[str, Any] = Field(description="an object of case variables")
    score: StrictInt = Field(description="a whole number")
    max_score: StrictInt = Field(description="a whole number")
    expert: list[list[StrictStr]] = Field(description="a list of [node, choice] pairs")

    @field_validator("outcome")
    @classmethod
    def _outcome(cls, v: str | None, info: ValidationInfo) -> str | None:
        one_of(OUTCOMES, "outcome")(v, info)
        ended, ending = info.data.get("ended"), info.data.get("ending", ...)
        if "ended" in info.data and ending is not ... and (ended != (ending is not None) or ended != (v is not None)):
            raise ValueError("fields 'ended', 'ending' and 'outcome' disagree: an ended play names its ending and "
                             "outcome, an unfinished one has null for both")
        return v

    _path = field_validator("path", mode="before")(some("no decision was taken"))

    @field_validator("expert", mode="before")
    @classmethod
    def _expert(cls, v: Any) -> Any:
        if isinstance(v, list):
            for k, pair in enumerate(v):
                if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
                    raise ValueError(f"expert[{k}]: expected a [node, choice] pair of texts, got {show(pair)}")
        return v


SCHEMAS = {"vignette-play": (VignettePlay, "Jalur kasus simulasi (Unduh jalur saya JSON)")}


def read_play(doc: dict, where: str, cat: Any) -> list[dict]:
    play = validate(VignettePlay, doc, where)
    rows = [{"step": n + 1, "node": st.node, "choice": st.choice, "rating": st.rating, "points": st.points,
             "state_after": dict(st.state_after)} for n, st in enumerate(play.path)]
    if play.score != sum(r["points"] for r in rows):
        raise Bad(f"{where}field 'score': {play.score}, but the steps' points add up to {sum(r['points'] for r in rows)}")
    if play.max_score != 3 * len(rows):
        raise Bad(f"{where}field 'max_score': {play.max_score}, but {len(rows)} step(s) can earn {3 * len(rows)}")
    if play.state != rows[-1]["state_after"]:
        raise Bad(f"{where}field 'state': {show(play.state)} is not the state after the last step")
    if cat is not None:
        _replay(play.vignette, rows, play.ending, play.outcome, where, cat)
    pairs = {tuple(p) for p in play.expert}
    if cat is not None and play.vignette in cat.vignettes:
        pairs = set(graph.expert_path(cat.vignettes[play.vignette]))
    for r in rows:
        r.update(vignette=play.vignette, expert_choice=(r["node"], r["choice"]) in pairs, ended=play.ended,
                 ending=play.ending, outcome=play.outcome, score=play.score, max_score=play.max_score)
    return rows


def _replay(vid: str, rows: list[dict], ending: str | None, outcome: str | None, where: str, cat: Any) -> None:
    """Play the steps again on the vignette's graph: every step must be a move the player allows."""
    if vid not in cat.vignettes:
        raise Bad(f"{where}field 'vignette': unknown vignette {vid!r} (none under quizzes/vignettes/ has this id)")
    v = cat.vignettes[vid]
    nodes = {n.id: n for n in v.nodes}
    endings = {e.id: e for e in v.endings}
    at_node, state = v.start, graph.initial_state(v)
    for r in rows:
        at = f"{where}path[{r['step'] - 1}]: "
        if at_node in endings:
            raise Bad(f"{at}the play already reached ending {at_node!r}; no step can follow it")
        if r["node"] != at_node:
            raise Bad(f"{at}field 'node': the play is at node {at_node!r} here, the file says {r['node']!r}")
        choices = {c.id: c for c in nodes[at_node].choices}
        if r["choice"] not in choices:
            raise Bad(f"{at}field 'choice': node {at_node!r} has no choice {r['choice']!r}")
        if r["choice"] not in graph.offered(v, at_node, state):
            raise Bad(f"{at}field 'choice': choice {r['choice']!r} is not offered in the state {show(state)}")
        c = choices[r["choice"]]
        if r["rating"] != c.rating or r["points"] != RATING_POINTS[c.rating]:
            raise Bad(f"{at}field 'rating': the vignette rates choice {c.id!r} {c.rating!r}, the file says "
                       f"{r['rating']!r}")
        at_node, state = graph.step(v, at_node, r["choice"], state)
        if r["state_after"] != state:
            raise Bad(f"{at}field 'state_after': {show(r['state_after'])}, but the choice leads to {show(state)}")
    reached = at_node if at_node in endings else None
    if ending != reached:
        raise Bad(f"{where}field 'ending': the path leads to "
                   f"{repr(reached) if reached else 'no ending (unfinished)'}, the file says {ending!r}")
    if reached and outcome != endings[reached].outcome:
        raise Bad(f"{where}field 'outcome': ending {reached!r} has outcome {endings[reached].outcome!r}, the file "
                   f"says {outcome!r}")
