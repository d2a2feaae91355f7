"""Incremental quote search: results update on every keystroke.

Each keystroke parses the query and filters with :class:`~sma_tui.core.search.QuoteMatcher`
(column arrays, a few list comprehensions); when the new query only narrows the previous
one (typing more letters), the previous hits are the pool, so the scan shrinks as you type.
Only the first :data:`MAX_ROWS` hits are put in the table, with a note saying how many more
there are, so the cost of drawing does not grow with the corpus.

The scan itself runs in a thread worker (exclusive: a newer keystroke cancels an older
scan) so that typing never waits for it: at 100,000 quotes an unnarrowed scan takes
10-20 ms on a slow machine, more than a frame. Results that arrive for a query that is no
longer in the box are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on, work
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from ...core.corpus import Corpus
from ...core.models import Quote
from ...core.safety.sanitize import clean
from ...core.search import Query, QueryError, QuoteMatcher, narrows, parse_query
from ...services import prefs as services_prefs
from .. import bindings
from ..format import event_label
from ..widgets.browser import QuoteBrowser, one_per_statement
from .base import DrillScreen, ExportTarget

MAX_ROWS = 200
HINT = 'words, "exact phrase", speaker:esper side:rok round:3 after:2020-01-01 before:2020-04'


class SearchScreen(DrillScreen):
    BINDINGS = bindings.SEARCH

    def __init__(
        self,
        corpus: Corpus,
        trail: tuple[str, ...],
        matcher: QuoteMatcher,
        query: str = "",
        scope: str | None = None,
    ) -> None:
        super().__init__(corpus, trail, "Search")
        self.matcher = matcher
        self.initial = query
        self.scope = scope
        """An event id: search only its quotes (``ctrl+o`` switches to everywhere and back)."""
        self.scope_on = scope is not None
        self.history = services_prefs.search_history()
        self.history_at: int | None = None  # walking the history with up/down
        self._last: tuple[Query, list[int]] | None = None
        self.hits: list[int] = []
        self.pending: str | None = None  # the query being scanned, if any
        self.open_when_ready = False  # enter was pressed before the results arrived

    def compose_content(self) -> Iterable[Widget]:
        # select_on_focus off: coming back to the box must not let one key wipe the query
        yield Input(self.initial, placeholder="Search quotes: " + HINT, id="search-input", select_on_focus=False)
        yield Static(id="search-status")
        yield QuoteBrowser(self.corpus, ("speaker", "date", "publisher", "text"), empty="", id="results")

    def on_mount(self) -> None:
        self.run_search(self.initial)
        self.query_one(Input).focus()

    def export_target(self) -> ExportTarget | None:
        """Every hit (not only the rows shown), unless the list is filtered."""
        table = self.query_one(QuoteBrowser).table
        if table.filter_text or table.sort_column is not None:
            return ExportTarget("quotes", [r.key for r in table.shown])
        return ExportTarget("quotes", [self.matcher.quotes[i].id for i in self.hits])

    def focused_quote(self) -> Quote | None:
        return self.query_one(QuoteBrowser).current()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in the query box opens the highlighted (first) result."""
        self.history = services_prefs.remember_search(event.value)
        self.history_at = None
        if self.pending is not None:
            self.open_when_ready = True
            return
        self._open_current()

    def _open_current(self) -> None:
        browser = self.query_one(QuoteBrowser)
        if browser.current() is None:
            self.app.bell()
            return
        browser.table.action_select_cursor()

    def action_results(self) -> None:
        if self.history_at is not None:  # walking the history: down is the newer query
            self._recall(self.history_at + 1)
            return
        table = self.query_one(QuoteBrowser).table
        if table.row_count:
            table.focus()

    def action_history_back(self) -> None:
        """``up`` in the query box: the previous query from the history."""
        at = len(self.history) if self.history_at is None else self.history_at
        if at == 0:
            self.app.bell()
            return
        self._recall(at - 1)

    def _recall(self, at: int) -> None:
        box = self.query_one(Input)
        if at >= len(self.history):
            self.history_at = None
            box.value = ""
        else:
            self.history_at = at
            box.value = self.history[at]
        box.cursor_position = len(box.value)

    def action_toggle_scope(self) -> None:
        if self.scope is None:
            self.notify("Open the search from a round or event to search only its quotes.", severity="warning")
            return
        self.scope_on = not self.scope_on
        self._last = None
        self.run_search(self.query_one(Input).value)

    def scope_label(self) -> str:
        if self.scope is None:
            return ""
        event = self.corpus.events.get(self.scope)
        name = event_label(event) if event else self.scope
        return f"only {name} (ctrl+o: everywhere) · " if self.scope_on else f"everywhere (ctrl+o: only {name}) · "

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("results", "history_back"):  # only from the query box; in the table, they move the cursor
            return self.query_one(Input).has_focus
        return True

    def action_back(self) -> None:
        """Leaving a search that found something keeps its query in the history."""
        value = self.query_one(Input).value
        if value.strip() and self.hits:
            self.history = services_prefs.remember_search(value)
        super().action_back()

    def run_search(self, text: str) -> None:
        status = self.query_one("#search-status", Static)
        browser = self.query_one(QuoteBrowser)
        try:
            query = parse_query(text)
        except QueryError as exc:
            self.pending = None
            status.update(Content(clean(f"⚠ {exc}")))
            status.set_class(True, "-error")
            return
        status.set_class(False, "-error")
        if self.scope_on and query.event is None and query.round is None:
            query.event = self.scope
        if query.empty:
            self.workers.cancel_group(self, "search")
            self.pending = None
            self._last = None
            self.hits = []
            status.update(Content(f"{self.scope_label()}{len(self.matcher)} quotes. Type to search: {HINT}"))
            browser.empty = "Results appear here as you type."
            browser.show_quotes([])
            return
        pool = self._last[1] if self._last and narrows(self._last[0], query) else None
        self.pending = text
        self._scan(text, query, pool)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="Searching quotes")
    def _scan(self, text: str, query: Query, pool: list[int] | None) -> None:
        hits = self.matcher.search_indices(query, pool)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_hits, text, query, hits)

    def _show_hits(self, text: str, query: Query, hits: list[int]) -> None:
        if not self.is_attached or text != self.query_one(Input).value:
            return  # a stale scan: a newer one is on its way
        self.pending = None
        self.hits = hits
        self._last = (query, hits)
        status = self.query_one("#search-status", Static)
        browser = self.query_one(QuoteBrowser)
        shown = [self.matcher.quotes[i] for i in hits[:MAX_ROWS]]
        total = len(hits)
        scope = self.scope_label()
        if not total:
            status.update(Content(clean(f"{scope}No quotes match “{text.strip()}”.")))
            browser.empty = "No results. Try fewer words, or check the filters."
        elif total > MAX_ROWS:
            more = f"{total} quotes match; showing the first {MAX_ROWS} — {total - MAX_ROWS} more, refine the query"
            status.update(Content(scope + more))
        else:
            matches = "quotes match" if total != 1 else "quote matches"
            statements = len(one_per_statement(shown))  # rows: one per statement
            grouped = f" ({statements} statements, ×N: reported N times)" if statements < total else ""
            status.update(Content(f"{scope}{total} {matches}{grouped} · enter opens the article at the quote"))
        browser.show_quotes(shown, query, by_statement=True)
        if self.open_when_ready:
            self.open_when_ready = False
            self._open_current()
