"""The ``peksos`` command: check the course's data, write schemas, export the quiz bank, measure the book."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__


def _validate(args: argparse.Namespace) -> int:
    from . import data

    failures = 0
    for name in data.TABLES:
        try:
            df = data.load(name)
        except data.DataError as exc:
            print(f"ERROR {exc}", file=sys.stderr)
            failures += 1
        else:
            if args.verbose:
                print(f"ok   data/{data.TABLES[name].pattern}: {len(df)} rows")
    if not failures:
        for problem in data.check_all():
            print(f"ERROR {problem}", file=sys.stderr)
            failures += 1
    try:  # quizzes need the inventory ids; check them whenever the lists table itself is sound
        lists = set(data.load("lists")["list_id"])
    except data.DataError:
        print("ERROR quizzes not checked: the concept lists table has errors", file=sys.stderr)
    else:
        failures += _validate_quizzes(args, lists)
        failures += _validate_vignettes(args)
    if failures:
        print(f"{failures} problem(s) found", file=sys.stderr)
        return 1
    print("all data, quiz and vignette files are valid")
    return 0


def _validate_quizzes(args: argparse.Namespace, lists: set[str]) -> int:
    """Every bank under quizzes/ (not schema/ or vignettes/); stops at the first bad file."""
    from .paths import book_dir, quizzes_dir
    from .quiz import loader

    labels = loader.book_labels(book_dir(), lists)
    try:
        banks = loader.load_all(quizzes_dir(), lists=lists, labels=labels)
    except loader.QuizError as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 1
    if args.verbose:
        for one in banks:
            print(f"ok   {one.path.relative_to(quizzes_dir().parent)}: {len(one.bank.items)} items")
    return 0


def _validate_vignettes(args: argparse.Namespace) -> int:
    """Every vignette under quizzes/vignettes/: schema, graph, principles, and their book links."""
    from .paths import book_dir, quizzes_dir
    from .quiz.loader import book_labels
    from .vignette import loader

    try:
        vignettes = loader.load_all(quizzes_dir() / "vignettes", lists=loader.known_lists())
    except loader.VignetteError as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 1
    labels = book_labels(book_dir())
    failures = 0
    for one in vignettes:
        missing = loader.principle_labels(one, labels)
        if missing:
            print(f"ERROR {one.path}: the principles cite lists that no page shows with concept-list: "
                  f"{', '.join(missing)}", file=sys.stderr)
            failures += 1
        elif args.verbose:
            print(f"ok   {one.path.relative_to(quizzes_dir().parent)}: {len(one.vignette.nodes)} nodes, "
                  f"{len(one.vignette.endings)} endings")
    return failures


def _schema(args: argparse.Namespace) -> int:
    from . import record
    from .paths import quizzes_dir
    from .quiz import schema
    from .results import schemas
    from .vignette.schema import json_schema

    out = Path(args.out) if args.out else quizzes_dir() / schema.SCHEMA_FILE.parent
    print(f"wrote {schema.write_schema(out)}")
    print(f"wrote {schema.write_json_schema(out / 'vignette.schema.json', json_schema())}")
    for path in schemas.write_schemas(out):
        print(f"wrote {path}")
    print(f"wrote {record.write_schema(out)}")
    return 0


def _table(args: argparse.Namespace) -> int:
    from . import tables

    columns = ("position", "label_id", "label_en", "description", *(("example",) if args.examples else ()))
    df = tables.concept_list(args.list_id, columns)
    print(df.to_csv(index=False) if args.csv else df.to_string(index=False))
    return 0


def _export(args: argparse.Namespace) -> int:
    """Write the bank as GIFT or Moodle XML; report on stderr what each mapped item changed."""
    from .export import export

    result = export(args.format, chapter=args.chapter, base_url=args.base_url,
                    ordering_as_matching=getattr(args, "ordering_as_matching", False))
    for item_id, note in result.notes:
        print(f"note {item_id}: {note}", file=sys.stderr)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(result.text, encoding="utf-8")
        where = str(out)
    else:
        sys.stdout.write(result.text)
        sys.stdout.flush()
        where = "stdout"
    print(f"exported {result.count} questions in {len(result.categories)} categor"
          f"{'y' if len(result.categories) == 1 else 'ies'} as {args.format} to {where}"
          f" ({len(result.notes)} note(s) above)", file=sys.stderr)
    return 0


def _scorm(args: argparse.Namespace) -> int:
    """Write one SCORM package per bank or vignette; report each on stderr."""
    from .export.scorm import export_scorm

    packages = export_scorm(args.id, args.out, version=args.scorm_version, mastery=args.mastery,
                            shuffle=not args.no_shuffle)
    for p in packages:
        what = f"{p.max_score} items" if p.kind == "quiz" else f"{p.max_score} points on the expert path"
        print(f"{p.path}: {p.kind} {p.id!r}, {what}, mastery {p.mastery} %, {p.size} bytes", file=sys.stderr)
    print(f"wrote {len(packages)} SCORM {args.scorm_version} package(s) to {args.out}", file=sys.stderr)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from . import bench

    result = bench.run(Path(args.out) if args.out else None, clean=not args.no_clean)
    print(json.dumps(result, indent=2))
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from . import coverage
    from .paths import project_root

    html = Path(args.html) if args.html else project_root() / "_build" / "html"
    try:
        result = coverage.measure(html)
    except FileNotFoundError as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 1
    print("\n".join(result.lines()))
    return 0 if not (result.unexplained or result.without_examples) else 1


def _bundle(args: argparse.Namespace) -> int:
    from .widgets import bundle

    made = bundle.bundle()
    for name, mod in sorted(made["modules"].items()):
        files = [mod[k] for k in ("js", "css") if k in mod]
        deps = f" (uses {', '.join(mod['deps'])})" if mod.get("deps") else ""
        sizes = ", ".join(f"{f} {(bundle.DIST / f).stat().st_size} B" for f in files)
        print(f"{name}: {sizes}{deps}")
    print(f"wrote {bundle.DIST}; commit it with the sources")
    return 0


def _offline(args: argparse.Namespace) -> int:
    from . import offline

    out = offline.write_zip(Path(args.site), Path(args.out) if args.out else None)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): unpack it and open index.html")
    return 0


def _synthetic(args: argparse.Namespace) -> int:
    from . import synthetic

    def names(text: str | None, default: tuple) -> tuple:
        return tuple(x.strip() for x in text.split(",") if x.strip()) if text else default

    made = synthetic.generate(args.out, students=args.students, seed=args.seed,
                              banks=names(args.banks, synthetic.DEFAULT_BANKS),
                              vignettes=names(args.vignettes, synthetic.DEFAULT_VIGNETTES), force=args.force)
    print(f"wrote a SYNTHETIC class to {made.out}: {made.students} students, {made.quiz_files} quiz files, "
          f"{made.vignette_files} vignette plays, {made.course_files} learning records")
    return 0


def _results(args: argparse.Namespace) -> int:
    from . import results

    res = results.read(args.folder, check=not args.no_check, ignore=args.ignore or ())
    counts = results.summary(res)
    print(f"{args.folder}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    if args.report:
        import pandas as pd

        with pd.option_context("display.width", 160, "display.max_rows", 500):
            print("\nper student (all chapters):")
            print(results.per_student(res).to_string(index=False))
            print("\nper topic (all chapters):")
            print(results.per_topic(res).to_string(index=False))
    return 0


def _depth(args: argparse.Namespace) -> int:
    from . import depth
    from .paths import project_root

    html = Path(args.html) if args.html else project_root() / "_build" / "html"
    findings = depth.check(html, args.chapter)
    print(depth.report(findings))
    return 0 if all(f.ok for f in findings) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="peksos", description=__doc__)
    parser.add_argument("--version", action="version", version=f"peksos {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check every data table (and quiz file) against its schema")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=_validate)
    p = sub.add_parser("schema", help="write the JSON Schemas of quiz banks, vignettes, results files and the learning record "
                                        "(default quizzes/schema/)")
    p.add_argument("--out", help="folder to write quiz.schema.json and vignette.schema.json into")
    p.set_defaults(func=_schema)
    p = sub.add_parser("table", help="print one concept list as a table")
    p.add_argument("list_id")
    p.add_argument("--csv", action="store_true")
    p.add_argument("--examples", action="store_true", help="add the practice examples (column Contoh)")
    p.set_defaults(func=_table)
    p = sub.add_parser("coverage", help="count, in the built book, the items explained and the apply-kind "
                                        "lists with an example for every item; list what is missing")
    p.add_argument("--html", help="the built site (default _build/html)")
    p.set_defaults(func=_coverage)
    p = sub.add_parser("export", help="write the quiz bank for an LMS: GIFT, Moodle XML or SCORM packages")
    formats = p.add_subparsers(dest="format", required=True, metavar="{gift,moodle-xml,scorm}")
    from .data import CHAPTERS

    for name, what in (("gift", "Moodle's GIFT text format"), ("moodle-xml", "Moodle XML")):
        f = formats.add_parser(name, help=f"the bank as {what}, one category per chapter")
        f.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
        f.add_argument("--chapter", choices=CHAPTERS, metavar="CHAPTER",
                       help=f"only this chapter's bank(s): {', '.join(CHAPTERS)}")
        f.add_argument("--base-url", metavar="URL",
                       help="where the book is published (default: html.baseurl in _config.yml); "
                            "makes the reading hint in the general feedback a link")
        if name == "moodle-xml":
            f.add_argument("--ordering-as-matching", action="store_true",
                           help="write ordering items as matching, for Moodle older than 4.4 without the "
                                "ordering question type (qtype_ordering)")
        f.set_defaults(func=_export)
    f = formats.add_parser("scorm", help="one SCORM package (zip) per quiz bank and per vignette, for any LMS")
    f.add_argument("id", help="a quiz bank id or vignette id, or 'all'")
    f.add_argument("-o", "--out", default="scorm", metavar="DIR", help="folder for the zips (default: scorm)")
    f.add_argument("--version", dest="scorm_version", choices=("1.2", "2004"), default="1.2",
                   help="SCORM 1.2 (default; what Moodle supports fully) or SCORM 2004 4th edition")
    f.add_argument("--mastery", type=int, metavar="N",
                   help="percentage of the maximum score that passes (default: the bank's 'mastery', else 80)")
    f.add_argument("--no-shuffle", action="store_true", help="keep the bank's order of items and options")
    f.set_defaults(func=_scorm)
    p = sub.add_parser("depth", help="check the built book against the inventory's definitions, dated events "
                                     "and disagreements; list what is missing, page by page")
    p.add_argument("--chapter", metavar="CHAPTER", help="only this chapter (file name in book/)")
    p.add_argument("--html", metavar="DIR", help="the built site (default _build/html)")
    p.set_defaults(func=_depth)
    p = sub.add_parser("bench", help="measure build times and page weights into bench.json")
    p.add_argument("--out")
    p.add_argument("--no-clean", action="store_true", help="skip the clean build")
    p.set_defaults(func=_bench)
    p = sub.add_parser("bundle", help="minify the widget engine into peksos/widgets/dist/ (esbuild, classic scripts)")
    p.set_defaults(func=_bundle)
    p = sub.add_parser("offline", help="pack the built site as _build/pengantar-peksos.zip, to open from file://")
    p.add_argument("--site", default="_build/html", help="the built site (default _build/html)")
    p.add_argument("--out", help="zip to write (default _build/pengantar-peksos.zip)")
    p.set_defaults(func=_offline)
    p = sub.add_parser("synthetic", help="write a SYNTHETIC class folder of quiz results and vignette plays")
    p.add_argument("--out", default="data/contoh-kelas", help="class folder to write (default data/contoh-kelas)")
    p.add_argument("--students", type=int, default=30)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--banks", help="bank ids, comma-separated (default: pengertian,tujuan,casework,nilai-profesi)")
    p.add_argument("--vignettes", help="vignette ids, comma-separated (default: casework-lk3,kelompok-remaja,"
                                       "komunitas-rw)")
    p.add_argument("--force", action="store_true", help="replace a synthetic sample already in --out")
    p.set_defaults(func=_synthetic)
    p = sub.add_parser("results", help="read and check a class folder of results files (quiz results, case "
                                        "plays, learning records), print counts")
    p.add_argument("folder")
    p.add_argument("--no-check", action="store_true", help="do not check the answers against the banks")
    p.add_argument("--ignore", action="append", metavar="PATTERN", help="file-name pattern to pass over")
    p.add_argument("--report", action="store_true", help="also print the tables per student and per topic")
    p.set_defaults(func=_results)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except Exception as exc:  # a clear one-line message for data errors; tracebacks for bugs
        from .data import DataError
        from .depth import InventoryError
        from .export import ExportError
        from .quiz.loader import QuizError
        from .results import ResultsError
        from .widgets.bundle import StaleBundleError

        if isinstance(exc, (DataError, QuizError, ExportError, ResultsError, InventoryError, StaleBundleError)):
            print(f"ERROR {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    raise SystemExit(main())
