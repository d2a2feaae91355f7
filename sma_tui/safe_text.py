"""Stored text as Rich renderables that can never be read as markup or drive the terminal.

Every piece of text that comes from an article or a store (titles, quotes, names, ids,
file names) reaches Rich through :func:`plain`: a :class:`rich.text.Text` built from the
cleaned string (``Text(...)`` never parses ``[bold]``, ``[link=...]`` or ``[@click=...]``;
passing a ``str`` to ``Table.add_row``, ``Panel(title=...)`` or ``Console.print`` does).
Textual widgets take ``Content(clean(text))`` the same way (never ``Content.from_markup``,
a plain ``str`` to ``Static``/``Label``/``Option`` or ``notify(..., markup=True)``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import StyleType
from rich.text import Text

from .core.safety.sanitize import clean, one_line

if TYPE_CHECKING:
    from textual.content import Content


def plain(text: str, style: StyleType = "", *, end: str = "\n") -> Text:
    """``text`` cleaned of control characters, as literal Rich text (never markup)."""
    return Text(clean(text), style=style, end=end)


def plain_line(text: str, style: StyleType = "") -> Text:
    """``text`` on one line (newlines shown as ``\\n``), for file names and ids."""
    return Text(one_line(text), style=style, end="")


def content(text: str) -> Content:
    """``text`` cleaned, as literal Textual content (for ``Static.update``, hits, toasts)."""
    from textual.content import Content  # here: the CLI (``sma-tui add``) never loads Textual

    return Content(clean(text))


def markup_literal(text: str) -> str:
    """``text`` cleaned and escaped for the few Textual APIs that accept only markup (the
    command palette's help line): every ``[`` written as ``\\[``, so no tag can open.
    ``Content.from_markup(markup_literal(s)).plain == clean(s)`` (tests/unit/test_safety_wiring.py)."""
    return clean(text).replace("[", "\\[")
