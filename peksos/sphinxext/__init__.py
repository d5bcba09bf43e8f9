"""Sphinx extension of the course: wires directives, nodes and assets. No logic lives here."""
from __future__ import annotations

from sphinx.application import Sphinx

from .. import __version__
from . import assets, directives, language, nodes, offline, weight


def setup(app: Sphinx) -> dict:
    language.register()
    nodes.register(app)
    directives.register(app)
    assets.register(app)
    weight.register(app)
    offline.register(app)
    # env_version: an environment (and doctrees) saved with the nodes of an earlier version is read again
    return {"version": __version__, "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
