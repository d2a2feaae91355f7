"""The sma-tui explorer app.

The first frame shows the main screen's panes, painted from the small overview that the
store keeps beside itself (:mod:`sma_tui.core.overview`), or, without one, its loading panel; a
thread worker reads the whole store (:meth:`Store.load`) and posts the corpus back in a
:class:`~sma_tui.tui.messages.CorpusLoaded` message. Drill-downs asked for before then
open once it has arrived. Widgets ask for drill-downs with
``Open*`` messages; the app pushes the screens, so escape always pops one level.

Other processes (``sma-tui add``) may write the store while the app runs. The app polls the
file's stamp (one ``stat``) every :data:`STORE_POLL_SECONDS`; when it changed, it says so
and ``r`` reloads it: the panes refilled with the cursors kept, the screens above them left open.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.widget import Widget

from .. import services
from ..core.corpus import Corpus
from ..core.safety.sanitize import flat
from ..core.search import QuoteMatcher
from ..core.text import plural
from . import bindings
from .commands import DossierCommands
from .correcting import CorrectingApp
from .messages import CorpusFailed, CorpusLoaded, OpenActor, OpenArticle, OpenEvent, OpenFigureGroup, OpenGapChart
from .screens.base import SmaScreen
from .screens.detail import ActorScreen, EventScreen, FigureGroupScreen
from .screens.gap import GapChartScreen
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .screens.reader import ReaderScreen
from .screens.search import SearchScreen
from .widgets.gap_chart import GapChart

HERE = Path(__file__).parent

STORE_POLL_SECONDS = 2.0


class SmaApp(CorrectingApp):  # v, e, x, u: see correcting.py; export, copy, theme: actions.py
    """``SmaApp(db_path).run()``: the CLI's entry point (``sma-tui`` with no subcommand)."""

    TITLE = "SMA dossier"
    SUB_TITLE = "loading…"
    CSS_PATH = [HERE / "app.tcss", HERE / "screens.tcss", HERE / "widgets.tcss"]
    COMMANDS = App.COMMANDS | {DossierCommands}
    BINDINGS = bindings.APP

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.corpus: Corpus | None = None
        self.matcher: QuoteMatcher | None = None
        self.main_screen = MainScreen(self.db_path)
        self.keymap: dict[str, str] = {}
        """The user's remapping in force (binding id -> keys), as :meth:`set_keymap` set it."""

        # The overview the store keeps of this very file (a few KB): the first frame shows
        # the panes from it while the worker reads the whole corpus.
        self._cached_stamp = services.stamp(self.db_path)
        self._cached_overview = services.kept_overview(self.db_path, self._cached_stamp)
        if self._cached_overview is not None:
            self.sub_title = _counts_title(self._cached_overview.counts)
            self.main_screen.show_overview(self._cached_overview)
        self.loaded_stamp: object = None
        """The stamp of the store file the shown corpus was read from."""
        self.store_changed = False
        """The file on disk is no longer the one shown: ``r`` reloads."""
        self._loading = False
        self.load_error: str | None = None
        """Why the store could not be read at start (the CLI prints it once the app closes)."""
        self.startup_warnings: list[str] = []
        """Shown once the app is up (a keymap that could not be used entirely, ...)."""
        self._pending: Callable[[], None] | None = None
        """What the user asked to open before the corpus had loaded."""

    def set_keymap(self, keymap: Mapping[str, str]) -> None:
        self.keymap = dict(keymap)
        super().set_keymap(keymap)

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    def on_mount(self) -> None:
        self.restore_theme()
        for warning in self.startup_warnings:
            self.notify(warning, title="Keymap", severity="warning", timeout=20, markup=False)
        # After the first frame: the worker's parsing would otherwise share the GIL with it.
        self.call_after_refresh(self.start_load)
        self.set_interval(STORE_POLL_SECONDS, self.poll_store, name="store-poll")

    # ------------------------------------------------------------------ loading
    def start_load(self) -> None:
        self._loading = True
        self.load_corpus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="Loading the dossier")
    def load_corpus(self) -> None:
        """Read the store off the UI thread; every failure becomes the error panel.

        A missing or stale overview of the main screen is computed from the corpus and kept
        beside the store for the next start.
        """
        stamp = services.stamp(self.db_path)
        try:
            loaded = services.load(self.db_path, (self._cached_stamp, self._cached_overview))
        except Exception as exc:  # the error panel is the one place a failure may end up
            self.post_message(CorpusFailed(self.db_path, services.describe_error(exc), stamp))
            return
        self.post_message(CorpusLoaded(loaded.corpus, loaded.matcher, loaded.stamp, loaded.overview))

    @on(CorpusLoaded)
    def _loaded(self, message: CorpusLoaded) -> None:
        before = self.corpus
        self.corpus, self.matcher = message.corpus, message.matcher
        self._settle_load(message.stamp)
        self.sub_title = _counts_title(message.overview.counts)
        self.main_screen.show_overview(message.overview)
        if before is not None:
            kept = "" if self.screen is self.main_screen else " Open screens show the store as it was until reopened."
            self.notify(_growth(before, message.corpus) + kept, title="Store reloaded")
            self.call_later(services.release_memory)  # once the old corpus is dropped (issue 10)
        pending, self._pending = self._pending, None
        if pending is not None and self.screen is self.main_screen:
            pending()

    @on(CorpusFailed)
    def _failed(self, message: CorpusFailed) -> None:
        self._settle_load(message.stamp)
        self._pending = None
        if self.corpus is not None:  # a reload failed: keep showing what we have
            self.notify(
                f"{message.error}. Still showing the store as it was.",
                title="Reload failed",
                severity="error",
                markup=False,
            )
            return
        self.load_error = message.error
        self.sub_title = "store unreadable"
        self.main_screen.show_error(message.error)

    def _settle_load(self, stamp: object) -> None:
        self._loading = False
        self.loaded_stamp = stamp
        self.store_changed = False
        self.refresh_bindings()

    def poll_store(self) -> None:
        """Notice another process's write (one ``stat``; the store module is loaded by now)."""
        if self._loading or self.store_changed or self.loaded_stamp is None:
            return
        if services.stamp(self.db_path) in (self.loaded_stamp, None):
            return  # unchanged, or mid-replace / deleted: nothing to reload yet
        self.store_changed = True
        self.refresh_bindings()
        self.notify(
            "Another process changed the store on disk. Press r to reload it.",
            title="Store changed",
            timeout=15,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reload":
            return self.store_changed and not self._loading
        return True

    def action_reload(self) -> None:
        """Read the store again: the main screen's panes are refilled (keeping their cursors)
        and the screens opened above it stay where they are; what is opened next shows the
        new store."""
        if not self.store_changed or self._loading:
            return
        self.clear_notifications()  # the "Store changed" notice has been acted on
        self.start_load()
        self.refresh_bindings()

    # ------------------------------------------------------------------ drill-down
    def _trail(self) -> tuple[str, ...]:
        screen = self.screen
        return screen.trail if isinstance(screen, SmaScreen) else MainScreen.trail

    def _corpus_or_later(self, then: Callable[[], None]) -> Corpus | None:
        """The corpus; while it is still loading, ``then`` runs once it has (the last
        request wins), unless loading failed."""
        if self.corpus is None:
            if self.main_screen.error is None:
                self._pending = then
                self.notify("Still reading the dossier: this opens as soon as it is loaded.", timeout=3)
        return self.corpus

    def open_event(self, event_id: str) -> None:
        if (c := self._corpus_or_later(partial(self.open_event, event_id))) and event_id in c.events:
            self.push_screen(EventScreen(c, self._trail(), event_id))

    def open_actor(self, actor_id: str) -> None:
        if (c := self._corpus_or_later(partial(self.open_actor, actor_id))) and actor_id in c.actors:
            self.push_screen(ActorScreen(c, self._trail(), actor_id))

    def open_article(self, article_id: str, claim_id: str | None = None) -> None:
        if (c := self._corpus_or_later(partial(self.open_article, article_id, claim_id))) is None:
            return
        if article_id not in c.articles:
            self.notify(f"The article {article_id} is not in the store.", severity="error", markup=False)
            return
        self.push_screen(ReaderScreen(c, self._trail(), article_id, claim_id))

    def open_figure_group(self, measure_id: str) -> None:
        c = self._corpus_or_later(partial(self.open_figure_group, measure_id))
        if c is not None and any(g.measure.id == measure_id for g in c.figure_groups()):
            self.push_screen(FigureGroupScreen(c, self._trail(), measure_id))

    def _from_current_screen(self, message: Message) -> bool:
        """False for a request from a screen that is no longer on top: a burst of keys
        (``enter enter`` pasted, or over a slow link) is queued before the first opens its
        screen, and must not open the same screen twice."""
        sender = message._sender
        if isinstance(sender, Widget) and sender.is_attached and isinstance(sender.screen, SmaScreen):
            return sender.screen is self.screen
        return True

    @on(OpenEvent)
    def _open_event(self, message: OpenEvent) -> None:
        if self._from_current_screen(message):
            self.open_event(message.event_id)

    @on(OpenActor)
    def _open_actor(self, message: OpenActor) -> None:
        if self._from_current_screen(message):
            self.open_actor(message.actor_id)

    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        if self._from_current_screen(message):
            self.open_article(message.article_id, message.claim_id)

    @on(OpenFigureGroup)
    def _open_figure_group(self, message: OpenFigureGroup) -> None:
        if self._from_current_screen(message):
            self.open_figure_group(message.measure_id)

    def open_gap_chart(self) -> None:
        if (c := self._corpus_or_later(self.open_gap_chart)) is not None:
            self.push_screen(GapChartScreen(c, self._trail()))

    @on(OpenGapChart)
    def _open_gap_chart(self, message: OpenGapChart) -> None:
        self.open_gap_chart()

    @on(GapChart.PointChosen)
    def _open_position(self, message: GapChart.PointChosen) -> None:
        """A figure's point opens its article at the figure; a dossier position shows its citation."""
        row = message.row
        if row.article:
            self.open_article(row.article, row.id)
        else:
            self.notify(flat(f"{row.citation or row.source} {row.url or ''}"), title="Dossier position",
                        markup=False, timeout=10)  # fmt: skip

    # ------------------------------------------------------------------ actions
    def action_search(self) -> None:
        if isinstance(self.screen, SearchScreen):
            self.screen.query_one("#search-input").focus()
            return
        if (c := self._corpus_or_later(self.action_search)) and self.matcher is not None:
            scope = self.screen.event.id if isinstance(self.screen, EventScreen) else None
            self.push_screen(SearchScreen(c, self._trail(), self.matcher, scope=scope))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))


def _counts_title(n: dict[str, int]) -> str:
    statements = n.get("statements", n["quotes"])  # one remark reported by several outlets counts once
    quotes = (
        plural(n["quotes"], "quote")
        if statements >= n["quotes"]
        else f"{plural(statements, 'statement')} ({plural(n['quotes'], 'quote')})"
    )
    return " · ".join([quotes, *(plural(n[k], k[:-1]) for k in ("figures", "actors", "events", "articles"))])


def _growth(before: Corpus, after: Corpus) -> str:
    """What a reload brought: "+3 articles, +12 quotes, +4 figures", or that nothing did."""
    was, now = before.counts(), after.counts()
    changes = [f"{now[k] - was[k]:+d} {k}" for k in ("articles", "quotes", "figures", "actors") if now[k] != was[k]]
    return ", ".join(changes) if changes else "The store was rewritten; the counts are unchanged."
