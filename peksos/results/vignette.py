"""Vignette plays (checked as :class:`~peksos.results.formats.VignettePlay`): one row per decision; with
the vignettes, every play is replayed on the case's graph."""
from __future__ import annotations

from ..vignette import graph
from ..vignette.schema import RATING_POINTS
from .catalog import Catalog
from .errors import Bad
from .formats import VignettePlay, show, validate


def read_play(doc: dict, where: str, cat: Catalog | None) -> list[dict]:
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


def _replay(vid: str, rows: list[dict], ending: str | None, outcome: str | None, where: str, cat: Catalog) -> None:
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


