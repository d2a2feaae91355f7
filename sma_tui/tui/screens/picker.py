"""A fuzzy picker: an Input that filters an OptionList (Textual's own fuzzy matcher, as the
command palette uses). ``e`` on a quote picks its speaker among the actors, or "new
actor…" named by what was typed; ``e`` on an actor picks its side.

It dismisses with the chosen option's id (``None`` when escaped); ids that start with
:data:`NEW` carry the typed name of a new actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.safety.sanitize import flat
from .. import bindings

NEW = "new:"
"""Prefix of the id of the "new actor…" option: ``new:<the typed name>``."""

MAX_SHOWN = 200


class Picker(ModalScreen[str | None]):
    """``Picker(title, [(id, label), ...], allow_new=True)``; type to filter, ↑/↓ to move,
    enter to choose, escape to cancel."""

    BINDINGS = bindings.PICKER

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], *, allow_new: bool = False) -> None:
        super().__init__()
        self.title_text = flat(title)
        self.choices = [(cid, flat(label)) for cid, label in choices]
        self.allow_new = allow_new

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog") as dialog:
            dialog.border_title = self.title_text
            dialog.border_subtitle = "type to filter · enter chooses · escape cancels"
            yield Input(placeholder="type a name…" if self.allow_new else "type to filter…", id="picker-input")
            yield OptionList(id="picker-options")
            yield Static(id="picker-hint", markup=False)

    def on_mount(self) -> None:
        self.refill("")
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.refill(event.value)

    def refill(self, typed: str) -> None:
        """The choices matching ``typed`` (best first), then "new actor…" when allowed."""
        options = self.query_one(OptionList)
        options.clear_options()
        typed = " ".join(typed.split())
        if typed:
            matcher = Matcher(typed)
            scored = [(_rank(typed, label, matcher.match(label)), cid, label) for cid, label in self.choices]
            scored.sort(key=lambda x: x[0], reverse=True)
            ranked = [(cid, label, matcher.highlight(label)) for rank, cid, label in scored if rank[-1] > 0]
        else:
            ranked = [(cid, label, Content(label)) for cid, label in self.choices]
        options.add_options([Option(shown, id=cid) for cid, _, shown in ranked[:MAX_SHOWN]])
        if self.allow_new and typed:
            options.add_option(Option(Content.assemble(("new actor… ", "italic"), typed), id=NEW + typed))
        if options.option_count:
            options.highlighted = 0
        more = len(ranked) - MAX_SHOWN
        self.query_one("#picker-hint", Static).update(f"{more} more: type to narrow" if more > 0 else "")

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _rank(typed: str, label: str, score: float) -> tuple[bool, bool, bool, float]:
    """Best first: the typed text in the name (what comes before the first " · "), then all
    its words there, then anywhere in the label, then the fuzzy score (which alone may
    prefer a long label with the letters spread out)."""
    folded, words = label.casefold(), typed.casefold().split()
    name = folded.split(" · ", 1)[0]
    return " ".join(words) in name, all(w in name for w in words), " ".join(words) in folded, score
