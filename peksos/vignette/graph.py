"""The vignette as a graph: structural checks, and play-throughs over the real state space.

Static checks read the graph as written: every target and variable exists, every
condition parses, every node is reachable from the start, and from every node
some ending can be reached. The state-space walk then plays the vignette as the
player does (effects clamped to each variable's range, choices and branches only
where their conditions hold) and finds, for every ending, the shortest sequence
of choices that reaches it; an ending or node that no play can reach is an error.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .schema import RATING_POINTS, ConditionError, Vignette, condition_names, holds, parse_condition

MAX_STATES = 200_000
MAX_EXPERT_STEPS = 200


@dataclass
class Problem:
    where: tuple  # path into the YAML, e.g. ("nodes", 2, "choices", 0, "next")
    node: str | None
    message: str


@dataclass
class Walk:
    """What the state-space walk found."""

    paths: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # ending -> [(node, choice), ...]
    reached_nodes: set[str] = field(default_factory=set)
    states: int = 0


def conditions(v: Vignette) -> dict[tuple[str, str], dict | None]:
    """Parsed condition of every choice, keyed (node id, choice id)."""
    return {(n.id, c.id): parse_condition(c.condition) if c.condition else None for n in v.nodes for c in n.choices}


def static_problems(v: Vignette) -> list[Problem]:
    problems: list[Problem] = []
    node_ids = [n.id for n in v.nodes]
    ending_ids = [e.id for e in v.endings]
    targets = set(node_ids) | set(ending_ids)
    names = {var.name for var in v.variables}
    seen: dict[str, str] = {}
    for kind, ids in (("node", node_ids), ("ending", ending_ids)):
        for k, ident in enumerate(ids):
            where = ("nodes" if kind == "node" else "endings", k, "id")
            if ident in seen:
                problems.append(Problem(where, ident, f"id {ident!r} is used twice (also a {seen[ident]})"))
            seen[ident] = kind
    if len({var.name for var in v.variables}) != len(v.variables):
        problems.append(Problem(("variables",), None, "a variable name is declared twice"))
    if v.start not in node_ids:
        problems.append(Problem(("start",), None, f"start node {v.start!r} does not exist"))

    def check_condition(text: str | None, where: tuple, node: str) -> None:
        if text is None:
            return
        try:
            ast = parse_condition(text)
        except ConditionError as exc:
            problems.append(Problem(where, node, f"condition does not parse: {exc}"))
            return
        for name in sorted(condition_names(ast) - names):
            problems.append(Problem(where, node, f"condition uses undeclared variable {name!r}"))

    for i, node in enumerate(v.nodes):
        choice_ids = [c.id for c in node.choices]
        if len(set(choice_ids)) != len(choice_ids):
            problems.append(Problem(("nodes", i, "choices"), node.id, "two choices share an id"))
        if all(c.condition for c in node.choices):
            problems.append(Problem(("nodes", i, "choices"), node.id,
                                    "every choice has a condition: in some states no choice is offered (a dead end); "
                                    "give at least one choice no condition"))
        for j, choice in enumerate(node.choices):
            base = ("nodes", i, "choices", j)
            check_condition(choice.condition, base + ("condition",), node.id)
            for name in sorted(set(choice.effects) - names):
                problems.append(Problem(base + ("effects", name), node.id,
                                        f"choice {choice.id!r} changes undeclared variable {name!r}"))
            if choice.next is not None and choice.next not in targets:
                problems.append(Problem(base + ("next",), node.id,
                                        f"choice {choice.id!r} leads to {choice.next!r}, which is neither a node nor an ending"))
            for k, branch in enumerate(choice.branches or []):
                check_condition(branch.if_, base + ("branches", k, "if"), node.id)
                if branch.to not in targets:
                    problems.append(Problem(base + ("branches", k, "to"), node.id,
                                            f"branch leads to {branch.to!r}, which is neither a node nor an ending"))
    if problems:
        return problems
    # reachability on the graph as written
    edges = {n.id: {t for c in n.choices for t in ([c.next] if c.next else [b.to for b in c.branches])}
             for n in v.nodes}
    reach, todo = {v.start}, [v.start]
    while todo:
        for t in edges.get(todo.pop(), ()):
            if t not in reach:
                reach.add(t)
                todo.append(t)
    for i, node in enumerate(v.nodes):
        if node.id not in reach:
            problems.append(Problem(("nodes", i, "id"), node.id, f"node {node.id!r} cannot be reached from the start"))
    for k, ending in enumerate(v.endings):
        if ending.id not in reach:
            problems.append(Problem(("endings", k, "id"), ending.id, f"ending {ending.id!r} cannot be reached from the start"))
    # from every node an ending must be reachable (no loop without an exit)
    can_end = set(ending_ids)
    changed = True
    while changed:
        changed = False
        for nid, outs in edges.items():
            if nid not in can_end and outs & can_end:
                can_end.add(nid)
                changed = True
    for i, node in enumerate(v.nodes):
        if node.id in reach and node.id not in can_end:
            problems.append(Problem(("nodes", i, "id"), node.id,
                                    f"from node {node.id!r} no ending can be reached (a loop without an exit)"))
    return problems


def _clamp(v: Vignette, state: dict[str, int], effects: dict[str, int]) -> dict[str, int]:
    out = dict(state)
    ranges = {var.name: (var.min, var.max) for var in v.variables}
    for name, delta in effects.items():
        lo, hi = ranges[name]
        out[name] = max(lo, min(hi, out[name] + delta))
    return out


def initial_state(v: Vignette) -> dict[str, int]:
    return {var.name: var.initial for var in v.variables}


def step(v: Vignette, node_id: str, choice_id: str, state: dict[str, int]) -> tuple[str, dict[str, int]]:
    """Where a choice leads and the state after it (the player's rule)."""
    node = next(n for n in v.nodes if n.id == node_id)
    choice = next(c for c in node.choices if c.id == choice_id)
    new_state = _clamp(v, state, choice.effects)
    if choice.next:
        return choice.next, new_state
    for branch in choice.branches:
        if branch.if_ is None or holds(parse_condition(branch.if_), new_state):
            return branch.to, new_state
    raise AssertionError("the last branch has no condition")


def offered(v: Vignette, node_id: str, state: dict[str, int]) -> list[str]:
    node = next(n for n in v.nodes if n.id == node_id)
    return [c.id for c in node.choices if c.condition is None or holds(parse_condition(c.condition), state)]


def walk(v: Vignette) -> Walk:
    """Breadth-first over (node, state): the shortest choice sequence to every ending."""
    endings = {e.id for e in v.endings}
    names = [var.name for var in v.variables]
    start = (v.start, tuple(initial_state(v)[n] for n in names))
    parent: dict[tuple, tuple | None] = {start: None}
    queue = deque([start])
    result = Walk()
    while queue:
        key = queue.popleft()
        node_id, values = key
        result.reached_nodes.add(node_id)
        state = dict(zip(names, values))
        for choice_id in offered(v, node_id, state):
            target, new_state = step(v, node_id, choice_id, state)
            if target in endings:
                if target not in result.paths:
                    path = [(node_id, choice_id)]
                    back = parent[key]
                    while back is not None:
                        path.append(back[1])
                        back = parent[back[0]]
                    result.paths[target] = list(reversed(path))
                continue
            nxt = (target, tuple(new_state[n] for n in names))
            if nxt not in parent:
                parent[nxt] = (key, (node_id, choice_id))
                queue.append(nxt)
                if len(parent) > MAX_STATES:
                    raise RuntimeError(f"vignette {v.id!r}: more than {MAX_STATES} states; narrow variable ranges")
    result.states = len(parent)
    return result


def expert_path(v: Vignette) -> list[tuple[str, str]]:
    """The path of best-rated choices (first among equals) from the start, as the player shows it."""
    endings = {e.id for e in v.endings}
    node_id, state, path = v.start, initial_state(v), []
    ratings = {(n.id, c.id): RATING_POINTS[c.rating] for n in v.nodes for c in n.choices}
    while node_id not in endings:
        if len(path) >= MAX_EXPERT_STEPS:
            raise RuntimeError(f"vignette {v.id!r}: the best-rated choices loop without reaching an ending")
        choices = offered(v, node_id, state)
        best = max(choices, key=lambda c: ratings[(node_id, c)])
        path.append((node_id, best))
        node_id, state = step(v, node_id, best, state)
    return path


def dynamic_problems(v: Vignette) -> list[Problem]:
    problems: list[Problem] = []
    try:
        found = walk(v)
        expert = expert_path(v)
    except RuntimeError as exc:
        return [Problem(("nodes",), None, str(exc))]
    for k, ending in enumerate(v.endings):
        if ending.id not in found.paths:
            problems.append(Problem(("endings", k, "id"), ending.id,
                                    f"ending {ending.id!r} cannot be reached by any play (the conditions rule it out)"))
    for i, node in enumerate(v.nodes):
        if node.id not in found.reached_nodes:
            problems.append(Problem(("nodes", i, "id"), node.id,
                                    f"node {node.id!r} cannot be reached by any play (the conditions rule it out)"))
    best = {e.id: e.outcome for e in v.endings}
    if expert and best.get(step(v, *expert[-1], _state_after(v, expert[:-1]))[0]) != "baik":
        problems.append(Problem(("endings",), None, "the path of best-rated choices does not end in a 'baik' outcome"))
    return problems


def _state_after(v: Vignette, path: list[tuple[str, str]]) -> dict[str, int]:
    state = initial_state(v)
    for node_id, choice_id in path:
        _, state = step(v, node_id, choice_id, state)
    return state
