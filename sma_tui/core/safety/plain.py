"""Cells for the CSV and Markdown exports: stored text made inert, without Rich.

JSON keeps its own escaping (a control character is written as ``\\u001b`` and never
reaches the terminal raw); CSV and Markdown print text as it is, so every cell goes
through one of these first.
"""

from __future__ import annotations

import re

from .sanitize import UNSAFE_RE, clean


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


def json_text(document: str) -> str:
    """A JSON document (as ``json.dumps(..., ensure_ascii=False)`` writes it) with every
    unsafe character left in it written as a ``\\uXXXX`` escape: lossless for a JSON
    reader, inert in a terminal. ``json`` escapes C0 itself but writes DEL, C1 and the
    bidi controls raw; outside strings a JSON document holds none of them."""
    return UNSAFE_RE.sub(_escape, document)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
