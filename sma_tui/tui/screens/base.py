"""Base screens: the too-small guard, the breadcrumb trail and the back key."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Header

from ...core.corpus import Corpus
from ...core.models import Quote
from .. import bindings
from ..widgets.breadcrumb import Breadcrumb
from ..widgets.status import MIN_HEIGHT, MIN_WIDTH, TooSmall

ROOT_CRUMB = "Dossier"

WIDE = 120
HORIZONTAL = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (WIDE, "-wide")]
VERTICAL = [(0, "-too-short"), (MIN_HEIGHT, "-cramped"), (20, "-short"), (32, "-tall")]


class SmaScreen(Screen[None]):
    """Every screen of the app: breakpoint classes drive the "terminal too small" panel
    (see ``app.tcss``), and :meth:`focused_quote` tells the app what ``c`` copies."""

    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL
    BINDINGS = bindings.FOCUS

    trail: tuple[str, ...] = (ROOT_CRUMB,)

    def compose(self) -> ComposeResult:
        yield from self.compose_body()
        yield TooSmall()

    def compose_body(self) -> Iterable[Widget]:  # pragma: no cover - overridden
        return ()

    def focused_quote(self) -> Quote | None:
        """The quote ``c`` would copy, if any."""
        return None


class DrillScreen(SmaScreen):
    """A drill-down level: header, breadcrumb, body, footer; ``escape`` goes back."""

    BINDINGS = bindings.DRILL

    def __init__(self, corpus: Corpus, trail: Sequence[str], crumb: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.trail = (*trail, crumb)

    def compose_body(self) -> Iterable[Widget]:
        yield Header()
        yield Breadcrumb(self.trail, id="breadcrumb")
        yield from self.compose_content()
        yield Footer()

    def compose_content(self) -> Iterable[Widget]:  # pragma: no cover - overridden
        return ()

    def action_back(self) -> None:
        self.dismiss()


class SmaModal(ModalScreen[None]):
    """A modal with the same too-small guard."""

    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL
