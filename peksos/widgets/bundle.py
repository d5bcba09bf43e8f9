"""The widget engine as minified classic scripts in ``peksos/widgets/dist/`` (``peksos bundle``).

The readable sources are ES modules and CSS: the shared engine and the course pages in
``peksos/widgets/*.js|css``, and each content kind's own ``<kind>.js|css`` in its folder (``peksos/quiz/``,
``peksos/vignette/``; the kinds come from :data:`peksos.kinds.KINDS`, :func:`sources`). The static book loads the
bundles that ``peksos/node/bundle.mjs`` (esbuild) writes from them: one IIFE per module registering on
the global ``peksos`` (so it runs from ``file://``), its sibling imports read from that global, and
every CSS file minified; each script with its sourcemap beside it (``dist/<name>.js.map``, :func:`maps`),
which maps the minified code to its sources and holds their text, so that it also works from the site. The
Jupyter host takes one ES module per
widget kind, the widget with all it imports bundled in (``dist/esm/<kind>.js``, :func:`esm_file`). The SCORM packages get one script per kind, the engine, the widget and
the adapter (``peksos/export/scorm/scorm.js``) bundled into ``dist/scorm/peksos-<kind>.js`` with its
sourcemap (every kind with a ``mount``, :func:`package_files`). ``dist/bundle.json`` records each module's
dependencies, the package scripts and a hash of the sources; the build stops with
:class:`StaleBundleError` when the sources changed since.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from ..kind import Kind
from ..kinds import KINDS

WIDGETS_DIR = Path(__file__).resolve().parent
DIST = WIDGETS_DIR / "dist"
MANIFEST = DIST / "bundle.json"
SCRIPT = WIDGETS_DIR.parent / "node" / "bundle.mjs"
# the SCORM adapter, bundled with each kind's widget
ADAPTER = WIDGETS_DIR.parent / "export" / "scorm" / "scorm.js"
_PACKAGE_WIDGETS = WIDGETS_DIR  # the kinds' modules are sources beside this folder's (another folder: its own only)


class StaleBundleError(RuntimeError):
    """The bundles in dist/ were not made from the sources as they are now."""


def kinds(widgets: Path | None = None) -> list[Kind]:
    """The content kinds whose front end is bundled with ``widgets`` (every kind, for the package's folder)."""
    return list(KINDS.values()) if (widgets or WIDGETS_DIR) == _PACKAGE_WIDGETS else []


def sources(widgets: Path | None = None) -> list[Path]:
    """Every front-end source: the files of ``widgets`` and each kind's ``<kind>.js|css``, by name. Two modules
    of one name (a kind named like a file of the engine's folder) stop the bundler."""
    widgets = widgets or WIDGETS_DIR
    found = [p for p in widgets.iterdir() if p.is_file() and p.suffix in {".js", ".css"}]
    found += [f for k in kinds(widgets) for f in (k.module, k.module.with_suffix(".css")) if f.is_file()]
    names = [p.name for p in found]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise RuntimeError(f"front-end modules of the same name in two folders: {', '.join(twice)} "
                           f"({', '.join(str(p) for p in found if p.name in twice)})")
    return sorted(found, key=lambda p: p.name)


def source(name: str, widgets: Path | None = None) -> Path:
    """The readable source of module file ``name`` (``quiz.css``, ``engine.js``)."""
    for path in sources(widgets):
        if path.name == name:
            return path
    raise FileNotFoundError(f"{name}: widget front-end file missing (neither in {widgets or WIDGETS_DIR} nor in a "
                            "content kind's folder)")


def sources_hash(widgets: Path | None = None) -> str:
    """sha256 over every widget source file (name and bytes), the SCORM adapter and the bundler script."""
    digest = hashlib.sha256()
    for path in [*sources(widgets), ADAPTER, SCRIPT]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def node() -> str:
    exe = shutil.which("node")
    if not exe:
        raise RuntimeError("node is not installed: `make install` installs Node.js and the build's npm packages")
    return exe


def run_node(script: Path, *args: str, doing: str) -> str:
    """Run one of the build's Node scripts (peksos/node/); its stdout, or a RuntimeError naming the script,
    what it was ``doing`` and the end of its stderr."""
    proc = subprocess.run([node(), str(script), *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{script}: {doing} failed (exit {proc.returncode}):\n{proc.stderr.strip()[-2000:]}\n"
                           "(run `make install`: the build needs the npm packages)")
    return proc.stdout


def run_node_json(script: Path, *args: str, doing: str):
    """:func:`run_node` for a script that prints its result as JSON on its last line."""
    return json.loads(run_node(script, *args, doing=doing).strip().splitlines()[-1])


def bundle(widgets: Path | None = None, dist: Path | None = None) -> dict:
    """Run esbuild over every module in ``widgets``; returns the new manifest."""
    widgets, dist = widgets or WIDGETS_DIR, dist or DIST
    mounts = _package_kinds(widgets)
    files = json.dumps({p.name: str(p) for p in sources(widgets)})
    packages = json.dumps({"adapter": str(ADAPTER), "kinds": mounts, "widgets": sorted(mounts)})
    run_node(SCRIPT, files, str(dist), sources_hash(widgets), packages, doing="bundling")
    return json.loads((dist / MANIFEST.name).read_text(encoding="utf-8"))


def manifest(dist: Path | None = None) -> dict:
    path = (dist or DIST) / MANIFEST.name
    if not path.exists():
        raise StaleBundleError(f"{path} missing: run `peksos bundle` (or `make bundle`) and commit peksos/widgets/dist/")
    return json.loads(path.read_text(encoding="utf-8"))


def check(widgets: Path | None = None, dist: Path | None = None) -> dict:
    """The manifest, if the bundles match the sources and every module's files exist; else stop."""
    widgets, dist = widgets or WIDGETS_DIR, dist or DIST
    data = manifest(dist)
    if data.get("sources") != sources_hash(widgets):
        raise StaleBundleError(f"{dist}: the bundles are stale (peksos/widgets changed since they were made): "
                               "run `peksos bundle` (or `make bundle`) and commit peksos/widgets/dist/")
    names = {p.stem for p in sources(widgets)}
    if set(data.get("modules", {})) != names:
        raise StaleBundleError(f"{dist}/bundle.json lists modules {sorted(data.get('modules', {}))}, "
                               f"the sources are {sorted(names)}: run `peksos bundle`")
    for name, mod in data["modules"].items():
        for key in ("js", "css"):
            for made in ((mod[key], *([f"{mod[key]}.map"] if key == "js" else [])) if key in mod else ()):
                if not (dist / made).is_file():
                    raise StaleBundleError(f"{dist / made} missing (module {name!r}): run `peksos bundle`")
    if set(data.get("packages", {})) != set(_package_kinds(widgets)):
        raise StaleBundleError(f"{dist}/bundle.json has SCORM scripts for {sorted(data.get('packages', {}))}, "
                               f"expected {sorted(_package_kinds(widgets))}: run `peksos bundle`")
    if set(data.get("esm", {})) != set(_package_kinds(widgets)):
        raise StaleBundleError(f"{dist}/bundle.json has Jupyter modules for {sorted(data.get('esm', {}))}, "
                               f"expected {sorted(_package_kinds(widgets))}: run `peksos bundle`")
    for kind, made in data["esm"].items():
        if not (dist / made).is_file():
            raise StaleBundleError(f"{dist / made} missing (Jupyter module of {kind!r}): run `peksos bundle`")
    for kind, files in data["packages"].items():
        for key in ("js", "map"):
            if not (dist / files[key]).is_file():
                raise StaleBundleError(f"{dist / files[key]} missing (SCORM script of {kind!r}): run `peksos bundle`")
    return data


def load_order(kind: str, dist: Path | None = None) -> list[str]:
    """Module ``kind`` after all its dependencies (depth first), each once."""
    modules = manifest(dist)["modules"]
    if kind not in modules:
        raise FileNotFoundError(f"{dist or DIST}/bundle.json: no widget module {kind!r} (known: {', '.join(sorted(modules))})")
    order: list[str] = []

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in trail:
            raise RuntimeError(f"widget modules import each other in a cycle: {' -> '.join((*trail, name))}")
        if name in order:
            return
        for dep in modules[name].get("deps", []):
            if dep not in modules:
                raise FileNotFoundError(f"widget module {name!r} imports ./{dep}.js, which does not exist")
            visit(dep, (*trail, name))
        order.append(name)

    visit(kind, ())
    return order


def js_files(kind: str, dist: Path | None = None) -> list[str]:
    modules = manifest(dist)["modules"]
    return [modules[n]["js"] for n in load_order(kind, dist) if "js" in modules[n]]


def css_files(kind: str, dist: Path | None = None) -> list[str]:
    modules = manifest(dist)["modules"]
    return [modules[n]["css"] for n in load_order(kind, dist) if "css" in modules[n]]


def files(dist: Path | None = None) -> list[Path]:
    """The site's minified scripts and stylesheets (what pages load)."""
    return sorted(p for p in (dist or DIST).iterdir() if p.suffix in {".js", ".css"})


def maps(dist: Path | None = None) -> list[Path]:
    """The site scripts' sourcemaps (``<name>.js.map``): named only by the last line of their script."""
    return sorted(p for p in (dist or DIST).iterdir() if p.name.endswith(".js.map"))


def _package_kinds(widgets: Path) -> dict[str, str]:
    """kind -> its mount function, for the kinds with a widget (a SCORM script and a Jupyter module each)."""
    return {k.name: k.mount for k in kinds(widgets) if k.mount and k.module.is_file()}


def package_files(kind: str, dist: Path | None = None) -> tuple[Path, Path]:
    """The SCORM script of ``kind`` (engine, widget and adapter in one classic script) and its sourcemap."""
    dist = dist or DIST
    files = manifest(dist).get("packages", {}).get(kind)
    if files is None:
        raise StaleBundleError(f"{dist}/bundle.json: no SCORM script for {kind!r}: run `peksos bundle`")
    return dist / files["js"], dist / files["map"]


def esm_file(kind: str, dist: Path | None = None) -> Path:
    """The Jupyter host's ES module of ``kind``: its widget with the engine and all it imports bundled in."""
    dist = dist or DIST
    made = manifest(dist).get("esm", {}).get(kind)
    if made is None:
        raise StaleBundleError(f"{dist}/bundle.json: no Jupyter module for {kind!r}: run `peksos bundle`")
    return dist / made
