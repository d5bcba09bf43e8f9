"""SCORM packages: each quiz bank and each vignette as one zip an LMS (Moodle: *SCORM package*) runs.

    from peksos.export.scorm import export_scorm
    packages = export_scorm("all", "dist/scorm")             # SCORM 1.2, one zip per bank and vignette
    export_scorm("casework", "dist", version="2004", mastery=70)

One package holds one SCO: ``index.html``, a small page that runs the book's own engine (the
engine and the widget from ``peksos/widgets`` with the SCORM adapter ``scorm.js`` beside this file,
bundled by esbuild (``peksos bundle``) into one classic script with its sourcemap, since Chromium
refuses ES modules on ``file://``; see :func:`peksos.widgets.bundle.package_files`), the engine's
CSS without any theme, the bank or vignette as inert JSON, and ``imsmanifest.xml``. SCORM 1.2 packages carry the schema files the manifest names
(``schemas12/``: IMS CP 1.1.2, IMS MD 1.2.1, ADL CP 1.2 and the XML namespace schema).
SCORM 2004 4th edition packages carry the manifest only (see README, "Ekspor ke LMS").

Every package is built in memory first; nothing is written unless all of them could be built.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from ... import data
from ...markup import dumps_for_html, to_plain
from ...paths import project_root
from ...quiz import loader as quiz_loader
from ...quiz import render as quiz_render
from ...vignette import loader as vig_loader
from ...vignette import render as vig_render
from ...widgets import assets, bundle
from ..common import ExportError, book_settings

VERSIONS = ("1.2", "2004")
DEFAULT_MASTERY = 80
SCHEMAS_12 = Path(__file__).resolve().parent / "schemas12"
SCHEMA_FILES_12 = ("imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")
NS_12 = {"": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
         "imsmd": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"}
NS_2004 = {"": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
           "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3", "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
           "imsss": "http://www.imsglobal.org/xsd/imsss"}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# The page around the engine: no theme, only a readable column (the engine's CSS does the rest).
PAGE_CSS = ("body{margin:0;font-family:system-ui,sans-serif}.pk-sco{max-width:48rem;margin:0 auto;padding:1rem}"
            ".pk-sco-book,.pk-sco-status{color:var(--pk-muted);font-size:.95rem;margin:.25rem 0}")
# Zip entries get a fixed date, so the same bank always gives the same bytes.
_STAMP = (2024, 1, 1, 0, 0, 0)


@dataclass
class Target:
    id: str
    kind: str          # "quiz" or "vignette"
    title: str
    payload: dict
    source: Path
    mastery: int | None = None   # from the bank, when it sets one


@dataclass
class Package:
    id: str
    kind: str
    title: str
    version: str
    mastery: int
    max_score: int     # quiz: number of items; vignette: points of the expert path
    path: Path
    files: dict[str, bytes]

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def targets(root: Path, *, shuffle: bool = True) -> dict[str, Target]:
    """Every quiz bank and vignette under ``<root>/quizzes``, checked, by id."""
    quizzes = root / "quizzes"
    try:
        list_ids = set(data.load("lists")["list_id"])
    except Exception:  # noqa: BLE001 - a project without the data tables exports without list checks
        list_ids = None
    out: dict[str, Target] = {}
    for one in quiz_loader.load_all(quizzes, lists=list_ids):
        b = one.bank
        out[b.id] = Target(b.id, "quiz", b.title, quiz_render.payload(b, shuffle=shuffle, links={}), one.path,
                           b.mastery)
    vig_dir = quizzes / "vignettes"
    if vig_dir.is_dir():
        lists = vig_loader.known_lists() if list_ids is not None else None
        for one in vig_loader.load_all(vig_dir, lists=lists):
            v = one.vignette
            if v.id in out:
                raise ExportError(f"{one.path}: vignette id {v.id!r} is also the id of the quiz bank in "
                                  f"{out[v.id].source}; a package id must name one of them")
            out[v.id] = Target(v.id, "vignette", v.title, vig_render.payload(v, links={}), one.path)
    return out


def _title(text: str) -> str:
    text = " ".join(to_plain(text).split())
    return text if len(text) <= 200 else text[:199].rstrip() + "…"


def _ident(prefix: str, ident: str) -> str:
    """An xsd:ID (an NCName): letters, digits, '-', '_', '.', starting with a letter."""
    return prefix + re.sub(r"[^A-Za-z0-9._-]", "_", ident)


def sco_page(t: Target, version: str, mastery: int, css: list[str], script: str, book_title: str) -> str:
    esc = html.escape
    links = "".join(f'<link rel="stylesheet" href="{esc(c)}">' for c in css)
    return ("<!DOCTYPE html>\n"
            f'<html lang="id"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(_title(t.title))}</title>{links}<style>{PAGE_CSS}</style></head>\n"
            f'<body><main id="peksos-sco" class="pk-engine pk-sco" data-kind="{t.kind}" data-scorm="{version}" '
            f'data-mastery="{mastery}">'
            f'<p class="pk-sco-book">{esc(book_title)}</p>'
            f'<script type="application/json" id="peksos-sco-data" class="peksos-{t.kind}-data">'
            f'{dumps_for_html(t.payload)}</script>'
            f'<noscript><p>Halaman ini memerlukan JavaScript.</p></noscript></main>\n'
            f'<script src="{esc(script)}"></script></body></html>\n')


def manifest(t: Target, version: str, files: list[str]) -> str:
    ns = NS_12 if version == "1.2" else NS_2004
    for prefix, uri in ns.items():
        ET.register_namespace(prefix, uri)
    ET.register_namespace("xsi", XSI)
    q = lambda tag, p="": f"{{{ns[p]}}}{tag}"  # noqa: E731
    root = ET.Element(q("manifest"), {"identifier": _ident("peksos-", t.id), "version": "1"})
    if version == "1.2":
        loc = [ns[""], "imscp_rootv1p1p2.xsd", ns["imsmd"], "imsmd_rootv1p2p1.xsd", ns["adlcp"], "adlcp_rootv1p2.xsd"]
        schemaversion = "1.2"
    else:
        loc = [ns[""], "imscp_v1p1.xsd", ns["adlcp"], "adlcp_v1p3.xsd", ns["adlseq"], "adlseq_v1p3.xsd",
               ns["adlnav"], "adlnav_v1p3.xsd", ns["imsss"], "imsss_v1p0.xsd"]
        schemaversion = "2004 4th Edition"
    root.set(f"{{{XSI}}}schemaLocation", " ".join(loc))
    meta = ET.SubElement(root, q("metadata"))
    ET.SubElement(meta, q("schema")).text = "ADL SCORM"
    ET.SubElement(meta, q("schemaversion")).text = schemaversion
    org_id = _ident("org-", t.id)
    orgs = ET.SubElement(root, q("organizations"), {"default": org_id})
    org = ET.SubElement(orgs, q("organization"), {"identifier": org_id})
    ET.SubElement(org, q("title")).text = _title(t.title)
    item = ET.SubElement(org, q("item"), {"identifier": _ident("item-", t.id),
                                          "identifierref": _ident("res-", t.id), "isvisible": "true"})
    ET.SubElement(item, q("title")).text = _title(t.title)
    res_attrs = {"identifier": _ident("res-", t.id), "type": "webcontent", "href": "index.html"}
    res_attrs[q("scormtype" if version == "1.2" else "scormType", "adlcp")] = "sco"
    res = ET.SubElement(ET.SubElement(root, q("resources")), q("resource"), res_attrs)
    for f in files:
        ET.SubElement(res, q("file"), {"href": f})
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def build(t: Target, version: str, mastery: int, book_title: str) -> dict[str, bytes]:
    """The files of one package, by name (``imsmanifest.xml`` first)."""
    script = f"peksos-{t.kind}.js"
    css = assets.css_files(t.kind)
    files: dict[str, bytes] = {}
    files["index.html"] = sco_page(t, version, mastery, css, script, book_title).encode("utf-8")
    js, sourcemap = bundle.package_files(t.kind)
    files[script] = js.read_bytes()
    files[sourcemap.name] = sourcemap.read_bytes()
    for c in css:
        files[c] = bundle.source(c).read_bytes()
    content = list(files)
    if version == "1.2":
        for name in SCHEMA_FILES_12:
            files[name] = (SCHEMAS_12 / name).read_bytes()
    return {"imsmanifest.xml": manifest(t, version, content).encode("utf-8"), **files}


def zipped(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, blob in files.items():
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, blob)
    return buf.getvalue()


def package_name(ident: str, version: str) -> str:
    return f"{ident}-scorm{version.replace('.', '')}.zip"


def export_scorm(ref: str, out_dir: Path | str = "scorm", *, version: str = "1.2", mastery: int | None = None,
                 shuffle: bool = True, root: Path | str | None = None) -> list[Package]:
    """Write the package of ``ref`` (a bank or vignette id) or of every one (``"all"``) into ``out_dir``.

    ``mastery``: the percentage of the maximum score that passes (default: the bank's own
    ``mastery``, else 80). ``shuffle``: items and options in a new order for each learner, as in the
    book (off: the bank's order). Raises :class:`ExportError` (or the loaders' errors, naming file, line and
    field) before anything is written.
    """

    if version not in VERSIONS:
        raise ExportError(f"SCORM version {version!r}: one of {', '.join(VERSIONS)}")
    if mastery is not None and (isinstance(mastery, bool) or not isinstance(mastery, int) or not 0 <= mastery <= 100):
        raise ExportError(f"mastery {mastery!r}: a whole percentage from 0 to 100")
    out = Path(out_dir)
    for parent in (out, *out.parents):
        if parent.exists() and not parent.is_dir():
            raise ExportError(f"{parent}: exists and is not a folder; choose another output folder (-o)")
        if parent.exists():
            break
    root = Path(root) if root is not None else project_root()
    known = targets(root, shuffle=shuffle)
    if ref == "all":
        chosen = list(known.values())
        if not chosen:
            raise ExportError(f"{root / 'quizzes'}: no quiz bank and no vignette to package")
    elif ref in known:
        chosen = [known[ref]]
    else:
        raise ExportError(f"no quiz bank or vignette with id {ref!r} under {root / 'quizzes'}; ids: "
                          f"{', '.join(sorted(known)) or '(none)'}, or 'all'")
    book_title, _ = book_settings(root)
    built = []
    for t in chosen:
        m = mastery if mastery is not None else (t.mastery if t.mastery is not None else DEFAULT_MASTERY)
        files = build(t, version, m, book_title)
        top = len(t.payload["items"]) if t.kind == "quiz" else t.payload["max_points"]
        built.append((t, m, top, files, zipped(files)))
    out.mkdir(parents=True, exist_ok=True)
    packages = []
    for t, m, top, files, blob in built:
        path = out / package_name(t.id, version)
        path.write_bytes(blob)
        packages.append(Package(t.id, t.kind, t.title, version, m, top, path, files))
    return packages


__all__ = ["DEFAULT_MASTERY", "Package", "VERSIONS", "build", "export_scorm", "manifest", "package_name", "targets"]
