"""Class results: the files students download from the quizzes and the case vignettes, as DataFrames.

A class folder holds one sub-folder per student, as an LMS "download all submissions" gives it::

    <folder>/<student>/hasil-kuis-<quiz>-<date>.json   quiz results ("Unduh hasil (JSON)")
    <folder>/<student>/hasil-kuis-<quiz>-<date>.csv    the same as CSV ("Unduh hasil (CSV)")
    <folder>/<student>/kasus-<vignette>.json           a vignette play ("Unduh jalur saya (JSON)")
    <folder>/<student>/catatan-belajar-<date>.json     the whole learning record ("Kemajuan saya":
                                                       "Unduh catatan belajar"), every chapter at once

Files are recognised by their content, not their name (students rename files): a ``.json`` with
``quiz`` and ``items`` is a quiz result, one with ``vignette`` and ``path`` a vignette play, and a
``.csv`` must carry the quiz CSV header. A ``.json`` with ``format: "peksos-catatan"`` is a learning record
(:mod:`peksos.record`, checked with its pydantic models): each attempt is a quiz answer row (``format``
``catatan``, dated by the attempt, ``tries`` counting the attempts at that item so far), each vignette play
a play (its ``file`` is ``<file>#<n>``).

Each content kind brings its own results files (:class:`peksos.kind.Results` in its ``kind.py``): the
files as pydantic models and their readers live in the kind's folder (:mod:`peksos.quiz.results`,
:mod:`peksos.vignette.results`), on the shared base :mod:`peksos.resultfile` (the model base, the
validators, the messages, :class:`ResultsError`). This package reads them only through
:data:`peksos.kinds.KINDS`, so a new kind with its own downloads needs no change here. By concern:
:mod:`.catalog` (every kind's files to check against), :mod:`.course` (the learning record, course-wide
and not a kind), :mod:`.folder` (the class folder), :mod:`.schemas` (the JSON Schema of every results
file, for ``quizzes/schema/``) and :mod:`.tables` (per student, per topic).

Design: the folder is read and checked once, as a whole, by :func:`read`, which returns
:class:`ClassResults` with two tidy frames, because a quiz answer and a vignette decision are
different units:

- ``answers`` (also :func:`load`): ONE row per student x quiz item. Columns :data:`ANSWER_COLUMNS`.
- ``paths`` (also :func:`load_vignettes`): one row per decision step of each vignette play
  (student x play x step). Columns :data:`PATH_COLUMNS`. Every file is one play; a student who
  played a case twice has two plays (the files carry no time, so neither is preferred).
- ``files``: one row per file found, with what was read from it; ``students``: every student folder,
  including those that handed in nothing.

Rules:

- Nothing is skipped silently. Every malformed file is rejected with a :class:`ResultsError` naming
  the file and what is wrong (bad JSON, missing field, wrong type, a CSV with the wrong header, an
  item id the bank does not know, a score the answer does not earn, a path the vignette does not
  allow). All bad files are reported at once. A file that is neither a quiz result nor a vignette
  play is an error too, unless its name matches one of the ``ignore`` patterns (then it is listed
  in ``files`` as ``diabaikan``). Only hidden files (``.DS_Store``), ``__MACOSX`` folders and a
  ``README`` at the top of the class folder are passed over.
- With ``check=True`` (the default) every answer is checked against the course's banks and
  vignettes (``quizzes/``, or the folder given): the item must exist, and its score is computed
  again with :mod:`peksos.quiz.scoring` and must equal the score in the file; a vignette play is
  replayed with :mod:`peksos.vignette.graph`. Item metadata (type, level, tags, section, bank) then
  come from the bank. ``check=False`` reads the files on their own (``bank`` is then the file's
  ``bank`` field, or its quiz id when there is none, as for a CSV).
- A student who downloaded the same quiz twice (or as JSON and as CSV) has one row per item: the
  answer from the latest file (JSON ``date``; for a CSV the date in its file name; on the same
  date JSON before CSV). ``keep="all"`` keeps every row. ``files.rows_kept`` shows what was used.
- Unchecked items are kept with score 0 (the quiz gives them 0); items a pool did not draw for a
  student are simply absent.
- The student is the folder name; Moodle's suffix (``_123456_assignsubmission_file_``) is removed.
"""
from __future__ import annotations

from ..quiz.results import CSV_HEADER
from ..resultfile import ResultsError
from .catalog import Catalog, catalog
from .folder import ANSWER_COLUMNS, FILE_COLUMNS, PATH_COLUMNS, ClassResults, load, load_vignettes, read
from .tables import per_student, per_topic, summary

__all__ = ["ANSWER_COLUMNS", "CSV_HEADER", "FILE_COLUMNS", "PATH_COLUMNS", "Catalog", "ClassResults", "ResultsError",
           "catalog", "load", "load_vignettes", "per_student", "per_topic", "read", "summary"]
