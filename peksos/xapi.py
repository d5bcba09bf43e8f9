"""A check of xAPI 1.0.3 statements (actor, verb, object, result, context, timestamp), as a learning-record
store applies it before it stores them. Statements come from the "Kemajuan saya" page
(``peksos/widgets/xapi.js``); :func:`check` returns every problem, each naming its statement and field.

Follows the xAPI 1.0.3 specification, part 2 (Statement Data): an Agent is identified by exactly one
inverse functional identifier (mbox, mbox_sha1sum, openid or account with homePage and name); verb and
activity ids are IRIs; a verb's display and an activity's name are language maps; ``result.score.scaled``
lies in [-1, 1] and ``raw`` between ``min`` and ``max``; ``id`` is a UUID; ``timestamp`` is ISO 8601;
``context.contextActivities`` holds lists of Activities; unknown properties are not allowed.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.I)
IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", re.I)
LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", re.I)
STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
                  "version", "attachments"}
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
CONTEXT_KEYS = {"registration", "instructor", "team", "contextActivities", "revision", "platform", "language",
                "statement", "extensions"}
IFI = ("mbox", "mbox_sha1sum", "openid", "account")


def _shape(value: Any, where: str, problems: list[str], allowed: set[str]) -> bool:
    """An object with no property outside ``allowed`` (each unknown one is a problem); False if no object."""
    if not isinstance(value, dict):
        problems.append(f"{where}: must be an object")
        return False
    extra = set(value) - allowed
    if extra:
        problems.append(f"{where}: unknown properties {sorted(extra)}")
    return True


def _lang_map(value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, dict) or not value:
        problems.append(f"{where}: must be a language map (e.g. {{'en-US': '...'}})")
        return
    for k, v in value.items():
        if not LANG.match(k) or not isinstance(v, str):
            problems.append(f"{where}: {k!r} is not a language tag with a text")


def _iri(value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, str) or not IRI.match(value):
        problems.append(f"{where}: must be an IRI, got {value!r}")


def _actor(a: Any, where: str, problems: list[str]) -> None:
    if not isinstance(a, dict):
        problems.append(f"{where}: must be an object")
        return
    if a.get("objectType", "Agent") not in ("Agent", "Group"):
        problems.append(f"{where}.objectType: must be Agent or Group")
    ids = [k for k in IFI if k in a]
    if len(ids) != 1:
        problems.append(f"{where}: an Agent has exactly one identifier of {', '.join(IFI)}, got {ids or 'none'}")
    if "account" in a:
        acc = a["account"]
        if not isinstance(acc, dict) or set(acc) != {"homePage", "name"}:
            problems.append(f"{where}.account: must have exactly homePage and name")
        else:
            _iri(acc["homePage"], f"{where}.account.homePage", problems)
            if not isinstance(acc["name"], str) or not acc["name"].strip():
                problems.append(f"{where}.account.name: must be a non-empty text")
    if "mbox" in a and not (isinstance(a["mbox"], str) and a["mbox"].startswith("mailto:")):
        problems.append(f"{where}.mbox: must be a mailto: IRI")


def _activity(o: Any, where: str, problems: list[str]) -> None:
    if not _shape(o, where, problems, {"objectType", "id", "definition"}):
        return
    if o.get("objectType", "Activity") != "Activity":
        problems.append(f"{where}.objectType: must be Activity")
    _iri(o.get("id"), f"{where}.id", problems)
    d = o.get("definition")
    if d is not None:
        if not isinstance(d, dict):
            problems.append(f"{where}.definition: must be an object")
            return
        for key in ("name", "description"):
            if key in d:
                _lang_map(d[key], f"{where}.definition.{key}", problems)
        if "type" in d:
            _iri(d["type"], f"{where}.definition.type", problems)


def _timestamp(value: Any, where: str, problems: list[str]) -> None:
    try:
        datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        problems.append(f"{where}: not an ISO 8601 time: {value!r}")


def _result(r: Any, where: str, problems: list[str]) -> None:
    if not _shape(r, where, problems, RESULT_KEYS):
        return
    for key in ("success", "completion"):
        if key in r and not isinstance(r[key], bool):
            problems.append(f"{where}.{key}: must be true or false")
    if "response" in r and not isinstance(r["response"], str):
        problems.append(f"{where}.response: must be a text")
    s = r.get("score")
    if s is None:
        return
    if not isinstance(s, dict) or set(s) - {"scaled", "raw", "min", "max"}:
        problems.append(f"{where}.score: an object of scaled, raw, min, max")
        return
    num = dict(s)
    for k, v in num.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            problems.append(f"{where}.score.{k}: must be a number")
            return
    if "scaled" in num and not -1 <= num["scaled"] <= 1:
        problems.append(f"{where}.score.scaled: must lie in [-1, 1], got {num['scaled']}")
    if "min" in num and "max" in num and num["min"] > num["max"]:
        problems.append(f"{where}.score: min {num['min']} is above max {num['max']}")
    if "raw" in num and ("min" in num and num["raw"] < num["min"] or "max" in num and num["raw"] > num["max"]):
        problems.append(f"{where}.score.raw: {num['raw']} is outside [min, max]")


def _context(c: Any, where: str, problems: list[str]) -> None:
    if not _shape(c, where, problems, CONTEXT_KEYS):
        return
    acts = c.get("contextActivities", {})
    if not isinstance(acts, dict) or set(acts) - {"parent", "grouping", "category", "other"}:
        problems.append(f"{where}.contextActivities: keys parent, grouping, category, other")
        return
    for key, value in acts.items():
        for n, act in enumerate(value if isinstance(value, list) else [value]):
            _activity(act, f"{where}.contextActivities.{key}[{n}]", problems)
    for key, value in (c.get("extensions") or {}).items():
        _iri(key, f"{where}.extensions key", problems)


def check(statements: Any) -> list[str]:
    """Every problem of a list of statements (empty: an LRS would accept them)."""
    if not isinstance(statements, list) or not statements:
        return ["statements: expected a non-empty list"]
    problems: list[str] = []
    ids: set[str] = set()
    for n, st in enumerate(statements):
        where = f"statements[{n}]"
        if not _shape(st, where, problems, STATEMENT_KEYS):
            continue
        for key in ("actor", "verb", "object"):
            if key not in st:
                problems.append(f"{where}: missing {key}")
        if "id" in st:
            if not isinstance(st["id"], str) or not UUID.match(st["id"]):
                problems.append(f"{where}.id: not a UUID: {st['id']!r}")
            elif st["id"] in ids:
                problems.append(f"{where}.id: {st['id']} appears twice")
            else:
                ids.add(st["id"])
        if "actor" in st:
            _actor(st["actor"], f"{where}.actor", problems)
        verb = st.get("verb")
        if isinstance(verb, dict):
            _iri(verb.get("id"), f"{where}.verb.id", problems)
            if "display" in verb:
                _lang_map(verb["display"], f"{where}.verb.display", problems)
        elif "verb" in st:
            problems.append(f"{where}.verb: must be an object")
        if "object" in st:
            _activity(st["object"], f"{where}.object", problems)
        if "result" in st:
            _result(st["result"], f"{where}.result", problems)
        if "context" in st:
            _context(st["context"], f"{where}.context", problems)
        if "timestamp" in st:
            _timestamp(st["timestamp"], f"{where}.timestamp", problems)
    return problems
