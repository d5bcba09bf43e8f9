"""Tables over a whole class: per student, per topic, and a few counts."""
from __future__ import annotations

import pandas as pd

from ..kinds import KINDS
from .folder import ClassResults


def per_student(res: ClassResults) -> pd.DataFrame:
    """One row per student across all chapters: items answered, mean score, chapters (banks), plays, endings."""
    ans, paths = res.answers, res.paths
    out = pd.DataFrame(index=pd.Index(res.students, name="student"))
    checked = ans[ans["checked"]]
    out["items"] = checked.groupby("student")["item"].nunique()
    out["mean_score"] = checked.groupby("student")["score"].mean().round(3)
    out["banks"] = checked.groupby("student")["bank"].nunique()
    out["plays"] = paths.groupby("student")["file"].nunique()
    out["endings"] = paths[paths["ended"]].groupby("student")["ending"].nunique()
    return out.fillna({"items": 0, "banks": 0, "plays": 0, "endings": 0}).astype(
        {"items": int, "banks": int, "plays": int, "endings": int}).reset_index()


def per_topic(res: ClassResults) -> pd.DataFrame:
    """One row per topic tag across all chapters: students, answers, mean score, banks it appears in."""
    checked = res.answers[res.answers["checked"]].explode("tags").rename(columns={"tags": "topic"})
    if checked.empty:
        return pd.DataFrame(columns=["topic", "students", "answers", "mean_score", "banks"])
    grouped = checked.groupby("topic")
    return pd.DataFrame({"students": grouped["student"].nunique(), "answers": grouped.size(),
                         "mean_score": grouped["score"].mean().round(3),
                         "banks": grouped["bank"].apply(lambda b: ",".join(sorted(set(b))))}).reset_index().sort_values(
        ["mean_score", "topic"], kind="stable").reset_index(drop=True)


def _answer_files() -> list[str]:
    """The kinds of file (in the ``files`` frame) whose rows are quiz answers, the learning record aside."""
    return [r.name for k in KINDS.values() if k.results for r in k.results.readers if r.frame == "answers"]


def summary(res: ClassResults) -> dict[str, int]:
    """Counts for a quick look: students, files, quiz answers, vignette plays."""
    return {"students": len(res.students), "files": len(res.files),
            "quiz_files": int(res.files["kind"].isin(_answer_files()).sum()),
            "course_files": int((res.files["kind"] == "catatan").sum()),
            "answers": len(res.answers), "plays": int(res.paths["file"].nunique()),
            "ignored": int((res.files["kind"] == "diabaikan").sum())}
