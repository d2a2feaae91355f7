"""Cells for the CSV and Markdown exports: stored text made inert, without Rich.

JSON keeps its own escaping (a control character is written as ``\\u001b`` and never
reaches the terminal raw); CSV and Markdown print text as it is, so every cell goes
through one of these first.
"""

from __future__ import annotations

from .sanitize import clean


def csv_cell(text: str) -> str:
    """A CSV field: unsafe characters replaced (newlines and tabs are kept: the csv
    module quotes a field that holds them, and they are inert in a terminal)."""
    return clean(text)


def md_cell(text: str) -> str:
    """A Markdown table cell: unsafe characters replaced, newlines (and CR) turned into
    spaces so the row stays one line, backslashes and pipes escaped so that no text can
    end the cell early or escape the escape (``a\\|b`` stays the three characters)."""
    cell = clean(text.replace("\r", " ").replace("\n", " "))
    return cell.replace("\\", "\\\\").replace("|", "\\|")


def csv_md_cell(text: str, fmt: str) -> str:
    """:func:`md_cell` for ``fmt == "md"``, else :func:`csv_cell`."""
    return md_cell(text) if fmt == "md" else csv_cell(text)
