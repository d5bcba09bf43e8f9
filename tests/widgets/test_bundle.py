"""peksos.widgets.bundle: the engine as minified classic scripts in peksos/widgets/dist/."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from peksos.widgets import bundle


def test_committed_bundles_match_the_sources():
    data = bundle.check()  # raises StaleBundleError when someone forgot `peksos bundle`
    assert {"engine", "quiz", "vignette"} <= set(data["modules"])
    assert data["esbuild"] == json.loads((bundle.WIDGETS_DIR.parents[1] / "package.json").read_text())[
        "dependencies"]["esbuild"]


def test_every_bundle_is_a_classic_script_without_imports():
    for name in ("engine.js", "quiz.js", "vignette.js"):
        code = (bundle.DIST / name).read_text(encoding="utf-8")
        assert code.startswith("(()=>{") and "import " not in code.split("\n")[0][:200]
        assert "\nexport " not in code and not code.startswith("export")


@pytest.mark.parametrize("kind", ["quiz", "vignette"])
def test_the_scorm_script_bundles_engine_widget_and_adapter_with_its_sourcemap(kind, tmp_path):
    js, sourcemap = bundle.package_files(kind)
    code = js.read_text(encoding="utf-8")
    assert code.startswith("(()=>{") and not re.search(r"^\s*(import|export)\b", code, re.M)
    assert "globalThis.peksos" not in code  # everything bundled in, nothing read from another script
    assert "function runSco(" in code and "function scoStart(" in code and '"Periksa"' in code
    mapped = json.loads(sourcemap.read_text(encoding="utf-8"))
    sources = {(sourcemap.parent / s).resolve() for s in mapped["sources"] if not s.startswith("<")}
    assert {bundle.source(f"{n}.js") for n in ("engine", "record", kind)} | {bundle.ADAPTER} <= sources
    assert bundle.source(f"{'vignette' if kind == 'quiz' else 'quiz'}.js") not in sources  # one widget each
    assert code.rstrip().endswith(f"//# sourceMappingURL={sourcemap.name}") and mapped["sourcesContent"]
    if shutil.which("node"):
        run = subprocess.run(["node", "--check", str(js)], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


_MAP_BACK = """
const { SourceMap } = require("node:module");
const [code, map, needle] = JSON.parse(process.argv[1]);
const at = code.indexOf(needle), before = code.slice(0, at).split("\\n");
const found = new SourceMap(map).findEntry(before.length - 1, before[before.length - 1].length);
console.log(JSON.stringify([found.originalSource, found.originalLine]));
"""


@pytest.mark.parametrize("name, needle", [("engine", '"Periksa"'), ("quiz", '"change:payload"'),
                                          ("vignette", "state_after")])
def test_every_site_script_maps_to_its_readable_source(name, needle):
    """dist/<name>.js links its sourcemap beside it, and a place in the minified code maps back to the line of
    the source in peksos/widgets that wrote it; the map holds the sources' text, so it works without the repo
    (the book copies it to _static/peksos/, where the relative source paths lead nowhere)."""
    js = bundle.DIST / f"{name}.js"
    code = js.read_text(encoding="utf-8")
    assert code.rstrip().endswith(f"//# sourceMappingURL={name}.js.map")
    mapped = json.loads((bundle.DIST / f"{name}.js.map").read_text(encoding="utf-8"))
    source = bundle.source(f"{name}.js")
    paths = [(bundle.DIST / s).resolve() for s in mapped["sources"]]
    assert source in paths and len(mapped["sourcesContent"]) == len(mapped["sources"])
    assert mapped["sourcesContent"][paths.index(source)] == source.read_text(encoding="utf-8")
    out = subprocess.run([bundle.node(), "-e", _MAP_BACK, json.dumps([code, mapped, needle])], capture_output=True,
                         text=True, check=True)
    original, line = json.loads(out.stdout)
    assert (bundle.DIST / original.removeprefix("file://")).resolve() == source
    text = mapped["sourcesContent"][paths.index(source)]  # the line read from the map, not from the repo
    assert needle in text.splitlines()[line]


def test_no_map_names_a_folder_of_this_machine():
    """The wrappers' text is in the maps too: they import by relative paths, so dist/ is the same in every
    checkout."""
    root = str(bundle.WIDGETS_DIR.parents[1])
    maps = bundle.maps() + sorted((bundle.DIST / "scorm").glob("*.map"))
    assert len(maps) >= 5 and [m.name for m in bundle.maps()] == [f"{p.name}.map" for p in bundle.files()
                                                                     if p.suffix == ".js"]
    for path in maps:
        assert root not in path.read_text(encoding="utf-8"), path


def test_every_module_with_a_map_is_checked(tmp_path):
    front = _fake(tmp_path, {"engine.js": "export const a = 1;\n"})
    bundle.bundle(front, front / "dist")
    (front / "dist" / "engine.js.map").unlink()
    with pytest.raises(bundle.StaleBundleError, match=r"engine\.js\.map missing"):
        bundle.check(front, front / "dist")


@pytest.mark.parametrize("kind", ["quiz", "vignette"])
def test_the_jupyter_module_is_esbuilds_self_contained_es_module(kind, tmp_path):
    """dist/esm/<kind>.js imports nothing and its default export is the anywidget object (render)."""
    code = bundle.esm_file(kind).read_text(encoding="utf-8")
    assert not re.search(r"^\s*import\b", code, re.M) and "globalThis.peksos" not in code
    copy = tmp_path / f"{kind}.mjs"
    copy.write_text(code, encoding="utf-8")
    out = subprocess.run([bundle.node(), "--input-type=module", "-e",
                          f"const m = await import({json.dumps(copy.as_uri())}); console.log(typeof m.default.render);"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "function"


def test_load_order_puts_dependencies_first():
    quiz = bundle.js_files("quiz")
    assert quiz[0] == "engine.js" and quiz[-1] == "quiz.js" and len(set(quiz)) == len(quiz)
    for name in quiz[1:-1]:  # every module quiz.js imports comes before it
        assert any(f'/{name}"' in bundle.source(other).read_text(encoding="utf-8") for other in quiz)
    css = bundle.css_files("vignette")
    assert css[0] == "engine.css" and css[-1] == "vignette.css"
    with pytest.raises(FileNotFoundError, match="no widget module 'nosuch'"):
        bundle.load_order("nosuch")


def _fake(tmp_path, files: dict[str, str]):
    front = tmp_path / "w"
    front.mkdir()
    for name, text in files.items():
        (front / name).write_text(text, encoding="utf-8")
    return front


def test_a_changed_source_makes_the_bundle_stale(tmp_path):
    front = _fake(tmp_path, {"engine.js": "export const a = 1;\n", "x.js": 'import { a } from "./engine.js";\nexport const b = a + 1;\n'})
    bundle.bundle(front, front / "dist")
    assert bundle.check(front, front / "dist")["modules"]["x"]["deps"] == ["engine"]
    (front / "x.js").write_text('import { a } from "./engine.js";\nexport const b = a + 2;\n', encoding="utf-8")
    with pytest.raises(bundle.StaleBundleError, match="stale.*peksos bundle"):
        bundle.check(front, front / "dist")
    (front / "new.css").write_text(".n{color:red}\n", encoding="utf-8")
    with pytest.raises(bundle.StaleBundleError):
        bundle.check(front, front / "dist")


def test_bundles_share_the_engine_through_the_global_at_run_time(tmp_path):
    front = _fake(tmp_path, {"engine.js": "export const greet = (n) => `halo ${n}`;\nexport const unused = 1;\n",
                             "x.js": 'import { greet } from "./engine.js";\nexport const said = greet("dunia");\n'})
    bundle.bundle(front, front / "dist")
    dist = front / "dist"
    script = "globalThis.window = globalThis;\n" + (dist / "engine.js").read_text() + "\n" + (dist / "x.js").read_text() \
        + "\nconsole.log(globalThis.peksos.x.said);"
    out = subprocess.run([bundle.node(), "-e", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "halo dunia"
    # without the engine loaded first the module says which file is missing
    alone = subprocess.run([bundle.node(), "-e", (dist / "x.js").read_text()], capture_output=True, text=True)
    assert alone.returncode != 0 and "peksos: engine.js first" in alone.stderr
    # a module reads from the global only what it imports, and registers a plain object
    assert "unused" not in (dist / "x.js").read_text() and "defineProperty" not in (dist / "x.js").read_text()
