"""Incremental quote search: results update on every keystroke.

Each keystroke parses the query and filters with :class:`~sma_tui.search.QuoteMatcher`
(column arrays, a few list comprehensions); when the new query only narrows the previous
one (typing more letters), the previous hits are the pool, so the scan shrinks as you type.
Only the first :data:`MAX_ROWS` hits are put in the table, with a note saying how many more
there are, so the cost of a keystroke does not grow with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, Static

from ...corpus import Corpus
from ...models import Quote
from ...search import Query, QueryError, QuoteMatcher, narrows, parse_query
from ..widgets.browser import QuoteBrowser
from .base import DrillScreen

MAX_ROWS = 200
HINT = 'words, "exact phrase", speaker:esper side:rok round:3 after:2020-01-01 before:2020-04'


class SearchScreen(DrillScreen):
    BINDINGS = [
        Binding("escape", "back", "Close search", id="sma.back", tooltip="Close the search"),
        Binding(
            "down",
            "results",
            "Results",
            show=False,
            id="sma.search-results",
            tooltip="Move from the query to the results",
        ),
    ]

    def __init__(self, corpus: Corpus, trail: tuple[str, ...], matcher: QuoteMatcher, query: str = "") -> None:
        super().__init__(corpus, trail, "Search")
        self.matcher = matcher
        self.initial = query
        self._last: tuple[Query, list[int]] | None = None
        self.hits: list[int] = []

    def compose_content(self) -> Iterable[Widget]:
        yield Input(self.initial, placeholder="Search quotes: " + HINT, id="search-input")
        yield Static(id="search-status")
        yield QuoteBrowser(self.corpus, ("speaker", "date", "publisher", "text"), empty="", id="results")

    def on_mount(self) -> None:
        self.run_search(self.initial)
        self.query_one(Input).focus()

    def focused_quote(self) -> Quote | None:
        return self.query_one(QuoteBrowser).current()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        """Enter in the query box opens the highlighted (first) result."""
        browser = self.query_one(QuoteBrowser)
        quote = browser.current()
        if quote is None:
            self.app.bell()
            return
        browser.table.action_select_cursor()

    def action_results(self) -> None:
        table = self.query_one(QuoteBrowser).table
        if table.row_count:
            table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "results":  # only from the query box; in the table, down moves the cursor
            return self.query_one(Input).has_focus
        return True

    def run_search(self, text: str) -> None:
        status = self.query_one("#search-status", Static)
        browser = self.query_one(QuoteBrowser)
        try:
            query = parse_query(text)
        except QueryError as exc:
            status.update(f"⚠ {exc}")
            status.set_class(True, "-error")
            return
        status.set_class(False, "-error")
        if query.empty:
            self._last = None
            self.hits = []
            status.update(f"{len(self.matcher)} quotes. Type to search: {HINT}")
            browser.empty = "Results appear here as you type."
            browser.show_quotes([])
            return
        pool = self._last[1] if self._last and narrows(self._last[0], query) else None
        self.hits = self.matcher.search_indices(query, pool)
        self._last = (query, self.hits)
        shown = [self.matcher.quotes[i] for i in self.hits[:MAX_ROWS]]
        total = len(self.hits)
        if not total:
            status.update(f"No quotes match “{text.strip()}”.")
            browser.empty = "No results. Try fewer words, or check the filters."
        elif total > MAX_ROWS:
            status.update(
                f"{total} quotes match; showing the first {MAX_ROWS} — {total - MAX_ROWS} more, refine the query"
            )
        else:
            status.update(
                f"{total} {'quotes match' if total != 1 else 'quote matches'} · enter opens the article at the quote"
            )
        browser.show_quotes(shown, query)
