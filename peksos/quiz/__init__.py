"""Quizzes: the bank schema (:mod:`.schema`), loading and checking (:mod:`.loader`), scoring
(:mod:`.scoring`) and the payload/markup the front end reads (:mod:`.render`)."""
from __future__ import annotations

from .loader import QuizError, load_all, load_bank
from .schema import Bank

__all__ = ["Bank", "QuizError", "load_all", "load_bank"]
