"""Correcting from the TUI: the app's ``v`` (Review screen), ``e`` (a quote's speaker, an
actor's side), ``x`` (reject) and ``u`` (undo) keys.

Each fix is one locked write of the store through :mod:`sma_tui.services.corrections`, off
the UI thread; the store is then read again (corrections applied) and every open screen is
shown the new corpus, so the fix appears at once and a toast says what changed. The app's
poll does not mistake our own write for another process's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import work
from textual.app import SystemCommand
from textual.screen import Screen
from textual.widgets import Input

from .. import services
from ..core.corpus import Corpus
from ..core.corrections import correct as build
from ..core.corrections.records import Correction, CorrectionError
from ..core.models import Actor, Figure, Quote
from ..core.overview import Overview
from ..core.safety.sanitize import flat
from ..core.search import QuoteMatcher
from ..services import corrections as fixes
from .actions import AppActions
from .screens.detail import BrowserScreen
from .screens.main import MainScreen
from .screens.picker import NEW, Picker
from .screens.reader import ReaderScreen
from .screens.review import ReviewScreen
from .screens.search import SearchScreen
from .widgets.browser import QuoteBrowser
from .widgets.panes import ActorsPane

SIDES = (("us", "US"), ("rok", "ROK"), ("other", "other"), ("unknown", "unknown: no evidence either way"))


class CorrectingApp(AppActions):
    """The correction actions, mixed into :class:`~sma_tui.tui.app.SmaApp`."""

    db_path: Path
    corpus: Corpus | None
    matcher: QuoteMatcher | None
    loaded_stamp: object

    def _trail(self) -> tuple[str, ...]:  # pragma: no cover - SmaApp's
        raise NotImplementedError

    # ------------------------------------------------------------------ targets
    def _focused(self) -> Quote | Figure | Actor | None:
        screen = self.screen
        if isinstance(screen, ReviewScreen):
            return screen.focused_quote() or screen.focused_figure() or screen.focused_actor()
        if isinstance(screen, MainScreen) and self.corpus is not None:
            for pane in screen.query(ActorsPane):
                if pane.has_focus_within and (key := pane.highlighted_key()):
                    return self.corpus.actors.get(key)
            return None
        focused_quote: Callable[[], Quote | None] | None = getattr(screen, "focused_quote", None)
        return focused_quote() if focused_quote is not None else None

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Review doubtful claims", "The review queue, most doubtful first (v)", self.action_review)
        yield SystemCommand("Undo the latest correction", "Corrections are kept in the store (u)", self.action_undo)

    # ------------------------------------------------------------------ actions
    def action_review(self) -> None:
        if isinstance(self.screen, ReviewScreen):
            return
        if self.corpus is None:
            self.notify("Still reading the dossier: try again in a moment.", timeout=3)
            return
        self.push_screen(ReviewScreen(self.corpus, self._trail()))

    def action_correct(self) -> None:
        target = self._focused()
        if isinstance(target, Quote):
            self._pick_speaker(target)
        elif isinstance(target, Actor):
            self._pick_side(target)
        elif isinstance(target, Figure):
            self.notify(f"Correct a figure from the command line: sma-tui correct figure {target.id} --measure M "
                        "--side S --period P", severity="warning", markup=False)  # fmt: skip
        else:
            self.notify("Highlight a quote (or an actor in the Actors pane) first.", severity="warning")

    def action_reject(self) -> None:
        target = self._focused()
        if isinstance(target, Quote):
            self._write(lambda c: build.reject_quote(c, target.id))
        elif isinstance(target, Figure):
            self._write(lambda c: build.reject_figure(c, target.id))
        else:
            self.notify("Highlight a quote or a figure to reject first.", severity="warning")

    def action_undo(self) -> None:
        self._write(None)

    def _pick_speaker(self, quote: Quote) -> None:
        corpus = self.corpus
        assert corpus is not None
        choices = [(a.id, f"{a.name} · {a.side}{' · ' + a.role if a.role else ''}")
                   for a in sorted(corpus.actors.values(), key=lambda a: a.name)]  # fmt: skip

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            if choice.startswith(NEW):
                name = choice[len(NEW) :]
                self._write(lambda c: build.correct_quote_speaker(c, quote.id, name, new_actor=True))
            else:
                self._write(lambda c: build.correct_quote_speaker(c, quote.id, choice))

        speaker = corpus.speaker_name(quote.speaker)
        self.push_screen(Picker(f"Who said it? (now: {speaker})", choices, allow_new=True), chosen)

    def _pick_side(self, actor: Actor) -> None:
        def chosen(choice: str | None) -> None:
            if choice is not None:
                self._write(lambda c: build.correct_actor(c, actor.id, side=choice))

        self.push_screen(Picker(f"Side of {actor.name} (now: {actor.side})", SIDES), chosen)

    # ------------------------------------------------------------------ writing
    @work(thread=True, exclusive=True, exit_on_error=False, group="correct", description="Saving the correction")
    def _write(self, make: Callable[[Corpus], Correction] | None) -> None:
        """Store the correction ``make`` builds (``None``: undo the latest), then read the
        store again; a bad one is a toast and nothing is stored."""
        try:
            if make is None:
                record, loaded = fixes.undo_and_reload(self.db_path)
                said = f"Undone: {record.summary()}"
            else:
                record, loaded = fixes.make_and_reload(self.db_path, make)
                said = f"Corrected {record.summary()}"
        except (CorrectionError, services.StoreError, OSError) as exc:
            self.call_from_thread(self.notify, flat(str(exc)), title="Not corrected", severity="error",
                                  markup=False)  # fmt: skip
            return
        self.call_from_thread(self._show_corrected, loaded, said)

    def _show_corrected(self, loaded: fixes.Corrected, said: str) -> None:
        corpus = loaded.corpus
        self.corpus, self.matcher, self.loaded_stamp = corpus, QuoteMatcher(corpus), loaded.stamp
        overview = Overview.of(corpus)
        for screen in self.screen_stack:
            refresh_screen(screen, corpus, overview, self.matcher)
        n = corpus.counts()
        self.sub_title = (f"{n['quotes']} quotes · {n['figures']} figures · {n['actors']} actors · "
                          f"{n['events']} events · {n['articles']} articles")  # fmt: skip
        self.notify(flat(said), title="Correction saved", markup=False)


def refresh_screen(screen: object, corpus: Corpus, overview: Overview, matcher: QuoteMatcher) -> None:
    """Show ``screen`` the corrected ``corpus`` (a rejected claim leaves its lists)."""
    if isinstance(screen, MainScreen):
        screen.show_overview(overview)
    elif isinstance(screen, ReviewScreen):
        screen.refill(corpus)
    elif isinstance(screen, SearchScreen):
        screen.corpus, screen.matcher, screen._last = corpus, matcher, None
        screen.query_one(QuoteBrowser).corpus = corpus
        screen.run_search(screen.query_one("#search-input", Input).value)
    elif isinstance(screen, ReaderScreen):
        old, screen.corpus = screen.claim, corpus
        screen.quotes = sorted(corpus.quotes_in_article(screen.article.id), key=lambda q: (q.start, q.end))
        screen.claim = (corpus.quotes.get(old.id) or corpus.figures.get(old.id)) if old is not None else None
        screen._render_body()
    elif isinstance(screen, BrowserScreen):
        screen.corpus = corpus
        _refresh_browsers(screen, corpus)


def _refresh_browsers(screen: BrowserScreen, corpus: Corpus) -> None:
    for browser in screen.query(QuoteBrowser):
        browser.corpus = corpus
        kept = [corpus.quotes[q] for q in browser.items if q in corpus.quotes]
        row = browser.table.cursor_row
        browser.show_quotes(kept, browser.query_, browser.note)
        browser.table.move_cursor(row=min(row, max(0, len(kept) - 1)), animate=False)
