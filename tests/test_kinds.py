"""peksos.kinds: a content kind is one folder plus one registry entry. A tiny kind ("uji": a text file that
links to a section of the book) is written to a temporary folder (its kind.py, uji.js, uji.css) and added to
KINDS; with nothing else changed, the shared code gives it a directive, a node whose HTML visitor resolves
its label, page tracking, a bundle (and a SCORM script and a Jupyter module), a widget class, and a results
file (uji-*.json, its reader and JSON Schema) that peksos.results reads from a class folder."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import textwrap
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

from peksos import kinds, results
from peksos.results import schemas
from peksos.widgets import bundle

from .sphinxext.conftest import make_book  # noqa: F401 - the tiny books of the extension's tests

REAL_QUIZZES = Path(__file__).resolve().parents[1] / "quizzes"  # the project's banks (tiny_root has none)

KIND_PY = '''
from pathlib import Path

from pydantic import Field, StrictStr

from peksos.kind import Kind, ResultReader, Results
from peksos.markup import widget_markup
from peksos.resultfile import Bad, File, validate


class UjiError(ValueError):
    pass


def files(folder):
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def find(ref, folder):
    path = folder / f"{ref}.txt"
    if not path.is_file():
        raise UjiError(f"{folder}: no uji {ref!r}")
    return path


class Loaded:
    def __init__(self, path):
        self.path = path
        self.label, self.text = path.read_text(encoding="utf-8").split("\\n", 1)


def link(payload, url, context):
    payload["url"] = url(payload["label"], f"line 1: field 'label' ({context['file']})")


class UjiAnswer(File):
    """What a student downloads from an uji: the label they think it links to."""
    called = "an uji answer"
    uji: StrictStr = Field(description="the uji id (text)")
    jawaban: StrictStr = Field(description="a section label (text)")


def read_answer(doc, name, where, cat):
    answer = validate(UjiAnswer, doc, where)
    label = None
    if cat is not None:
        if answer.uji not in cat.ujis:
            raise Bad(f"{where}field 'uji': no uji {answer.uji!r}")
        label = cat.ujis[answer.uji].label
    score = float(answer.jawaban == label) if label else 0.0
    return [{"item": f"uji-{answer.uji}", "type": "uji", "level": "paham", "tags": ("uji",),
             "section": label or "", "answer": answer.jawaban, "answer_text": "", "checked": label is not None,
             "shown": False, "tries": 1, "score": score, "correct": score == 1.0, "format": "uji",
             "quiz": answer.uji, "date": None, "bank": answer.uji}]


RESULTS = Results(
    readers=(ResultReader("uji", "an uji answer", "answers", marks=("uji",), read=read_answer),),
    schemas={"uji-answer": (UjiAnswer, "Jawaban uji")}, files=lambda quizzes: files(Path(FOLDER)),
    load=Loaded, tables=lambda loaded: {"ujis": {one.path.stem: one for one in loaded}},
    used=("ujis", "answers", "bank"))


KIND = Kind(
    name="uji", what="uji files", static=Path(__file__).resolve().parent, folder=lambda: Path(FOLDER),
    files=files, error=UjiError, load_all=lambda folder, any_files: [Loaded(p) for p in files(folder)],
    find=find, not_one="not an uji file", options=("tone",),
    embed=lambda one, options, where: ({"id": one.path.stem, "label": one.label, "text": one.text.strip(),
                                        "tone": options.get("tone", "")}, {"file": one.path.name}),
    link=link, markup=lambda payload: widget_markup("uji", payload, "Aktifkan JavaScript."),
    missing_labels=lambda one, resolves: None if resolves(one.label) else f"{one.path}: {one.label} missing",
    mount="mountUji", results=RESULTS)
'''


@pytest.fixture
def uji(tmp_path, tiny_root, monkeypatch):
    """The kind's folder (kind.py, uji.js, uji.css), its files under the project, and its ONE registry entry."""
    folder = tmp_path / "ujikind"
    folder.mkdir()
    engine = os.path.relpath(bundle.WIDGETS_DIR / "engine.js", folder).replace(os.sep, "/")
    (folder / "kind.py").write_text(KIND_PY.replace("FOLDER", repr(str(tiny_root / "uji"))), encoding="utf-8")
    (folder / "uji.js").write_text(textwrap.dedent(f'''\
        import {{ h, mountEach }} from "{engine}";
        export function mountUji(el, data) {{ el.append(h("a", {{ href: data.url, text: data.text }})); }}
        mountEach("uji", mountUji);
        export default {{ render({{ model, el }}) {{ mountUji(el, model.get("payload")); }} }};
        '''), encoding="utf-8")
    (folder / "uji.css").write_text(".peksos-uji a { font-weight: bold; }\n", encoding="utf-8")
    (tiny_root / "uji").mkdir()
    (tiny_root / "uji" / "salam.txt").write_text("bab-satu\nHalo dari <b>uji</b>\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("ujikind_kind", folder / "kind.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setitem(kinds.KINDS, "uji", module.KIND)  # the registry line
    dist = tmp_path / "dist"
    bundle.bundle(dist=dist)
    monkeypatch.setattr(bundle, "DIST", dist)
    return module.KIND


def test_the_registry_holds_every_kind_once():
    assert set(kinds.KINDS) == {"quiz", "vignette"}
    assert len({*kinds.KINDS.values()}) == 2  # a kind is a value: hashable, with its results files too
    for name, kind in kinds.KINDS.items():
        assert kind.name == name and kind.module.is_file() and kind.module.parent.name == name
        assert kind.folder().is_dir() and kind.files(kind.folder())


def test_a_new_kind_is_bundled_from_its_own_folder(uji):
    data = bundle.check()
    assert data["modules"]["uji"] == {"deps": ["engine"], "js": "uji.js", "css": "uji.css"}
    assert bundle.js_files("uji") == ["engine.js", "uji.js"] and bundle.css_files("uji") == ["engine.css", "uji.css"]
    assert bundle.source("uji.css") == uji.static / "uji.css"
    js, _ = bundle.package_files("uji")  # a SCORM script, as every kind with a mount function
    assert "function mountUji(" in js.read_text(encoding="utf-8")
    assert re.search(r"\bas default\b", bundle.esm_file("uji").read_text(encoding="utf-8"))


def test_a_new_kind_gets_the_directive_node_and_page_tracking(uji, make_book):
    book = make_book({"index": "# Uji\n", "satu": "(bab-satu)=\n# Satu\n",
                      "catat": "# Catat\n\n```{uji} salam\n:tone: ramah\n```\n"})
    html = book.page("catat")
    m = re.search(r'<script type="application/json" class="peksos-uji-data">(.*?)</script>', html, re.S)
    from peksos import markup

    payload = markup.unpack(json.loads(m.group(1)))
    assert payload == {"id": "salam", "label": "bab-satu", "text": "Halo dari <b>uji</b>", "tone": "ramah",
                       "url": "satu.html#bab-satu"}
    assert "<b>uji</b>" not in html  # the file's text stays inert
    assert html.index("_static/peksos/engine.js") < html.index('src="_static/peksos/uji.js')
    assert "_static/peksos/uji.css" in html and (book.out / "_static" / "peksos" / "uji.js").is_file()
    assert book.warnings.getvalue() == ""


def test_a_new_kind_stops_the_build_as_every_kind_does(uji, make_book):
    with pytest.raises(ExtensionError, match=r"catat\.md:3: uji directive: unknown option\(s\) :warna:; allowed: :tone:"):
        make_book({"index": "# Uji\n", "satu": "(bab-satu)=\n# Satu\n",
                   "catat": "# Catat\n\n```{uji} salam\n:warna: merah\n```\n"})
    (uji.folder() / "salam.txt").write_text("bab-dua\nHalo\n", encoding="utf-8")
    with pytest.raises(ExtensionError, match=r"uji files: .*salam\.txt: bab-dua missing"):
        make_book({"index": "# Uji\n", "catat": "# Catat\n\n```{uji} salam\n```\n"})


def test_a_new_kind_gets_a_widget_class_on_the_shared_host(uji):
    from peksos.widgets.host import ContentWidget

    class Uji(ContentWidget, kind="uji"):
        pass

    widget = Uji(payload={"id": "x", "label": "l", "text": "t", "url": "#"})
    assert "mountUji" in Uji._esm and ".peksos-uji a" in Uji._css
    assert widget.static_html().startswith('<div class="peksos-uji" data-peksos-engine="uji"')
    assert Uji.locate("salam") == uji.folder() / "salam.txt"


def test_a_new_kind_s_results_are_read_from_a_class_folder(uji, tmp_path):
    klass = tmp_path / "kelas"
    (klass / "Ani").mkdir(parents=True)
    (klass / "Ani" / "uji-salam.json").write_text(json.dumps({"uji": "salam", "jawaban": "bab-satu"}),
                                                  encoding="utf-8")
    res = results.read(klass, quizzes=REAL_QUIZZES)
    assert res.files[["file", "kind", "rows"]].values.tolist() == [["Ani/uji-salam.json", "uji", 1]]
    row = res.answers.iloc[0]
    assert (row["item"], row["section"], row["score"], row["correct"], row["bank"]) == (
        "uji-salam", "bab-satu", 1.0, True, "salam")
    assert list(res.ujis) == ["salam"] and res.banks == {}  # the catalog's entries the answers name
    assert results.summary(res)["quiz_files"] == 1  # its rows are answers
    assert "uji-answer" in schemas.schemas() and schemas.json_schema("uji-answer")["title"] == "Jawaban uji"

    (klass / "Ani" / "uji-salam.json").write_text(json.dumps({"uji": "lain", "jawaban": "x"}), encoding="utf-8")
    (klass / "Ani" / "catatan.json").write_text(json.dumps({"nama": "Ani"}), encoding="utf-8")
    with pytest.raises(results.ResultsError) as err:
        results.read(klass, quizzes=REAL_QUIZZES)
    assert err.value.problems == [
        f"{klass / 'Ani' / 'catatan.json'}: neither a quiz result (fields quiz, items, ...) nor a vignette play "
        "(fields vignette, path, ...) nor an uji answer (fields uji, ...)",
        f"{klass / 'Ani' / 'uji-salam.json'}: field 'uji': no uji 'lain'"]
    (klass / "Ani" / "catatan.json").unlink()
    (klass / "Ani" / "uji-salam.json").write_text(json.dumps({"uji": "salam"}), encoding="utf-8")
    with pytest.raises(results.ResultsError, match=r"uji-salam\.json: missing field 'jawaban' \(an uji answer has "
                                                   r"uji, jawaban\)"):
        results.read(klass, check=False)
