"""The reader's two exceptions."""
from __future__ import annotations


class ResultsError(ValueError):
    """Results files are malformed. ``problems`` holds one line per problem, each naming its file."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class Bad(Exception):
    """One problem in one file (the file is named by the caller)."""
