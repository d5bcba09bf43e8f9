"""Tables built from data/ with pandas, used by the book's directives and by the notebooks.

Every function returns a DataFrame whose column names are the Indonesian headers
shown to readers. Unknown ids raise :class:`peksos.data.DataError`.
"""
from __future__ import annotations

import pandas as pd

from . import data
from .data import DataError


def authority_label(authority: str, year) -> str:
    """'Zastrow (2017)', or the authority alone when undated; 'tidak disebutkan' reads as such."""
    if authority.strip().lower() in {"tidak disebutkan", "-", ""}:
        return "tanpa rujukan ahli"
    if year is None or pd.isna(year) or str(int(year)) in authority:
        return authority
    return f"{authority} ({int(year)})"


def example_text(example: str, setting: str) -> str:
    """An example as a table cell shows it: its setting in bold, then the situation."""
    return f"**{setting[:1].upper()}{setting[1:]}:** {example}"


def concept_list(list_id: str, columns: tuple[str, ...] = ("position", "label_id", "label_en", "description")) -> pd.DataFrame:
    """The items of one list, in order, with Indonesian headers.

    Column ``example`` ("Contoh") holds the item's practice example from data/examples/ (empty for an
    item without one)."""
    _, items = data.concept_list(list_id)
    headers = {"position": "No.", "label_id": "Istilah", "label_en": "Istilah Inggris",
               "description": "Penjelasan", "example": "Contoh", "authority": "Rujukan", "year": "Tahun",
               "seed": "Sumber"}
    unknown = [c for c in columns if c not in headers]
    if unknown:
        raise DataError(f"concept list {list_id!r}: unknown column(s) {', '.join(unknown)}; "
                        f"choose from {', '.join(headers)}")
    if "example" in columns:
        found = data.examples_of(list_id)
        items = items.assign(example=[example_text(*found[p]) if p in found else ""
                                      for p in items["position"]])
    return items[list(columns)].rename(columns=headers)


def list_heading(list_id: str) -> str:
    meta, _ = data.concept_list(list_id)
    return meta["title_id"]


def compare_lists(list_ids: list[str], *, with_english: bool = True) -> pd.DataFrame:
    """Lists side by side: one column per list (headed by its authority), one row per position."""
    if len(list_ids) < 2:
        raise DataError("a comparison needs at least two list ids")
    columns: dict[str, list[str]] = {}
    for list_id in list_ids:
        meta, items = data.concept_list(list_id)
        head = authority_label(meta["authority"], meta["year"])
        if head in columns:
            head = f"{head}: {meta['title_id']}"
        labels = [
            f"{r.label_id} (*{r.label_en}*)" if with_english and r.label_en.lower() != r.label_id.lower() else r.label_id
            for r in items.itertuples()
        ]
        columns[head] = labels
    depth = max(len(v) for v in columns.values())
    frame = pd.DataFrame({k: v + [""] * (depth - len(v)) for k, v in columns.items()})
    frame.index = range(1, depth + 1)
    frame.index.name = "No."
    return frame.reset_index()


def lists_overview(list_ids: list[str]) -> pd.DataFrame:
    """One row per list: title, authority, number of items, source."""
    lists = data.load("lists").set_index("list_id")
    missing = [i for i in list_ids if i not in lists.index]
    if missing:
        raise DataError(f"unknown concept list id(s): {', '.join(missing)}")
    rows = []
    for list_id in list_ids:
        r = lists.loc[list_id]
        rows.append({"Daftar": r["title_id"], "Rujukan": authority_label(r["authority"], r["year"]),
                     "Jumlah butir": int(r["item_count"]), "Sumber": f"naskah {r['seed']}"})
    return pd.DataFrame(rows)


def definitions(term_contains: str | None = None, def_ids: list[str] | None = None,
                chapter: str | None = None) -> pd.DataFrame:
    """Expert and working definitions, narrowed by chapter, by English term or by id (chapter rows first).

    Columns: Ahli, Istilah, Inti definisi, Sumber (the year as the source gives it, the seed and its lines).
    """
    df = data.load("definitions")
    if chapter is not None:
        if chapter not in data.CHAPTERS:
            raise DataError(f"unknown chapter {chapter!r}; chapters: {', '.join(data.CHAPTERS)}")
        if df[df["chapter"] == chapter].empty:
            raise DataError(f"no definition has chapter {chapter!r} in data/definitions.csv; "
                            "say in the chapter's text that the sources give none")
    if def_ids:
        missing = [d for d in def_ids if d not in set(df["def_id"])]
        if missing:
            raise DataError(f"unknown definition id(s): {', '.join(missing)} (data/definitions.csv)")
    if chapter is not None:
        ids = df.loc[df["chapter"] == chapter, "def_id"].tolist()
        df = df.set_index("def_id").loc[ids + [d for d in def_ids or [] if d not in ids]].reset_index()
    elif def_ids:
        df = df.set_index("def_id").loc[def_ids].reset_index()
    if term_contains:
        df = df[df["term_en"].str.contains(term_contains, case=False, regex=False)]
        if df.empty:
            raise DataError(f"no definition whose term_en contains {term_contains!r} (data/definitions.csv)")
    return pd.DataFrame({
        "Ahli": [authority_label(w, y) for w, y in zip(df["who"], df["year"])],
        "Istilah": [f"{t} (*{e}*)" for t, e in zip(df["term_id"], df["term_en"])],
        "Inti definisi": df["definition_id"],
        "Sumber": [source_label(y, s, ln) for y, s, ln in zip(df["year"], df["seed"], df["lines"])],
    })


def source_label(year, seed: str, lines: str) -> str:
    """'1975; naskah 001, baris 6-7', or 'tanpa tahun; ...' when the source gives no year."""
    when = "tanpa tahun" if year is None or pd.isna(year) else str(int(year))
    where = ", ".join(f"naskah {s}" for s in seed.split(";"))
    return f"{when}; {where}, baris {lines}"


def timeline() -> pd.DataFrame:
    df = data.load("timeline").sort_values(["year_start", "year_end"], kind="stable")
    return pd.DataFrame({"Waktu": df["when"], "Peristiwa atau karya": df["label_id"],
                         "Keterangan": df["description_id"]})


def institutions(scope: str | None = None) -> pd.DataFrame:
    df = data.load("institutions")
    if scope:
        if scope not in {"indonesia", "internasional"}:
            raise DataError(f"scope must be 'indonesia' or 'internasional', not {scope!r}")
        df = df[df["scope"] == scope]
    names = [f"{n} ({e})" if e and e != n else n for n, e in zip(df["name"], df["expansion"])]
    return pd.DataFrame({"Nama": names, "Keterangan": df["description_id"]})


def disagreements(dis_ids: list[str] | None = None) -> pd.DataFrame:
    df = data.load("disagreements")
    if dis_ids:
        missing = [d for d in dis_ids if d not in set(df["dis_id"])]
        if missing:
            raise DataError(f"unknown disagreement id(s): {', '.join(missing)} (data/disagreements.csv)")
        df = df.set_index("dis_id").loc[dis_ids].reset_index()
    return pd.DataFrame({"Topik": df["topic_id"], "Apa yang berbeda": df["summary_id"]})


def sources() -> pd.DataFrame:
    df = data.load("sources").sort_values("seed")
    return pd.DataFrame({"Kode": df["seed"], "Judul": df["title"],
                         "Penulis dan tanggal": [", ".join(x for x in (a, d) if x) or "—"
                                                 for a, d in zip(df["author"], df["date"])],
                         "Isi dan yang dilewati": df["note_id"]})


def lists_of_chapter(chapter: str) -> list[str]:
    lists = data.load("lists")
    if chapter not in data.CHAPTERS:
        raise DataError(f"unknown chapter {chapter!r}; chapters: {', '.join(data.CHAPTERS)}")
    return lists.loc[lists["chapter"] == chapter].sort_values("code")["list_id"].tolist()
