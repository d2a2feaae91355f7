"""Base screens: the too-small guard, the breadcrumb trail and the back key."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, OptionList

from ...core.corpus import Corpus
from ...core.models import Quote
from .. import bindings
from ..widgets.breadcrumb import Breadcrumb
from ..widgets.lists import SmaTable
from ..widgets.status import MIN_HEIGHT, MIN_WIDTH, TooSmall

ROOT_CRUMB = "Dossier"


@dataclass(frozen=True, slots=True)
class ExportTarget:
    """A list to export: the view (its rows and columns) and the ids in order (``None``: all)."""

    view: str
    ids: list[str] | None

WIDE = 120
"""From this width the main screen shows its three panes side by side (below: Timeline on the
left, Actors and Figures stacked on the right). 140 would give event titles more room at
120-139 columns, but the two-column layout costs more to paint than the bench's 120x40 first
frame allows (bench_startup.py)."""
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

    def export_target(self) -> ExportTarget | None:
        """What ``ctrl+s`` exports: the focused list (else the first one on screen), its
        rows as filtered and sorted."""
        focused = self.focused
        tables = [focused] if isinstance(focused, SmaTable) else []
        tables += [t for t in self.query(SmaTable) if t.display]
        for table in tables:
            if table.export_view:
                return ExportTarget(table.export_view, [r.key for r in table.shown])
        return None

    def highlighted_id(self) -> str | None:
        """The id ``y`` copies: the highlighted row of the focused list."""
        focused = self.focused
        if isinstance(focused, SmaTable):
            return focused.cursor_key()
        if isinstance(focused, OptionList) and focused.highlighted_option is not None:
            return focused.highlighted_option.id
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
