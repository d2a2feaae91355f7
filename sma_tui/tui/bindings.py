"""Every key binding of the app, as data: each has an id that a user's keymap remaps
(``keymap.toml``: ``"sma.focus-actors" = "a"``), and the help screen lists them by where
they apply. The screens and widgets take their ``BINDINGS`` from here."""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP: list[BindingType] = [
    Binding("q", "quit", "Quit", id="sma.quit", tooltip="Quit sma-tui"),
    Binding("question_mark,f1", "help", "Help", id="sma.help", tooltip="Show every key binding"),
    Binding("slash", "search", "Search", id="sma.search", tooltip="Search all quotes"),
    Binding(
        "c",
        "copy_quote",
        "Copy",
        id="sma.copy",
        tooltip="Copy the highlighted quote as a citation: “…” — Speaker, “Title”, Publisher, Date",
    ),
    Binding(
        "ctrl+p",
        "command_palette",
        "Palette",
        show=False,
        priority=True,
        id="sma.palette",
        tooltip="Command palette: jump to a round, event, actor, article or figure group; change theme",
    ),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="sma.force-quit", tooltip="Quit sma-tui"),
    Binding(
        "r",
        "reload",
        "Reload",
        id="sma.reload",
        tooltip="Reload the store another process changed (shown only when it has changed)",
    ),
    Binding("v", "review", "Review", id="sma.review", tooltip="Review doubtful claims, most doubtful first"),
    Binding(
        "e",
        "correct",
        "Correct",
        show=False,
        id="sma.correct",
        tooltip="Correct the highlighted quote's speaker (a picker over actors, or a new actor), or an actor's side",
    ),
    Binding("x", "reject", "Reject", show=False, id="sma.reject", tooltip="Reject the highlighted quote or figure"),
    Binding("u", "undo", "Undo", show=False, id="sma.undo", tooltip="Undo the latest correction"),
]

FOCUS: list[BindingType] = [
    Binding(
        "tab", "app.focus_next", "Next pane", show=False, id="sma.focus-next", tooltip="Focus the next pane or list"
    ),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous pane",
        show=False,
        id="sma.focus-previous",
        tooltip="Focus the previous pane or list",
    ),
]

MAIN: list[BindingType] = [
    Binding("1", "focus_pane('timeline')", "Timeline", id="sma.focus-timeline", tooltip="Focus the Timeline pane"),
    Binding("2", "focus_pane('actors')", "Actors", id="sma.focus-actors", tooltip="Focus the Actors pane"),
    Binding("3", "focus_pane('figures')", "Figures", id="sma.focus-figures", tooltip="Focus the Figures pane"),
]


def list_bindings(select: str, first: str, last: str, noun: str) -> list[BindingType]:
    """The same keys (and ids, so one keymap entry remaps both) for tables and option lists."""
    return [
        Binding("enter", select, "Open", id="sma.open", tooltip=f"Open the highlighted {noun}"),
        Binding("j", "cursor_down", "Down", show=False, id="sma.list-down", tooltip=f"Next {noun}"),
        Binding("k", "cursor_up", "Up", show=False, id="sma.list-up", tooltip=f"Previous {noun}"),
        Binding("g", first, "First", show=False, id="sma.list-first", tooltip=f"First {noun}"),
        Binding("G", last, "Last", show=False, id="sma.list-last", tooltip=f"Last {noun}"),
    ]


TABLE = list_bindings("select_cursor", "scroll_top", "scroll_bottom", "row")
OPTIONS = list_bindings("select", "first", "last", "entry")

DRILL: list[BindingType] = [Binding("escape", "back", "Back", id="sma.back", tooltip="Back to the previous screen")]

READER: list[BindingType] = [
    Binding("n", "next_quote", "Next quote", id="sma.next-quote", tooltip="Next quote in this article"),
    Binding("N", "previous_quote", "Prev quote", id="sma.previous-quote", tooltip="Previous quote in this article"),
    Binding("o", "open_url", "Open URL", id="sma.open-url", tooltip="Open the article's web page in the browser"),
    Binding(
        "s",
        "compare_reports",
        "Compare",
        id="sma.compare-reports",
        tooltip="Compare the other outlets' reports of the current quote, word by word",
    ),
]
READER_BODY: list[BindingType] = [
    Binding("j", "scroll_down", "Down", show=False, id="sma.reader-down", tooltip="Scroll down"),
    Binding("k", "scroll_up", "Up", show=False, id="sma.reader-up", tooltip="Scroll up"),
]

SEARCH: list[BindingType] = [
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

HELP: list[BindingType] = [
    Binding("escape,question_mark,f1", "dismiss", "Close help", id="sma.close-help", tooltip="Close this help")
]

REVIEW: list[BindingType] = [  # the app's fix keys, shown in the Review screen's footer
    Binding("e", "app.correct", "Correct", id="sma.correct", tooltip="Correct the speaker (quote) or side (actor)"),
    Binding("x", "app.reject", "Reject", id="sma.reject", tooltip="Reject the quote or figure"),
    Binding("u", "app.undo", "Undo", id="sma.undo", tooltip="Undo the latest correction"),
]

PICKER: list[BindingType] = [
    Binding("escape", "cancel", "Cancel", id="sma.picker-cancel", tooltip="Close the picker, change nothing"),
    Binding("down", "move(1)", "Down", show=False, id="sma.picker-down", tooltip="Next choice"),
    Binding("up", "move(-1)", "Up", show=False, id="sma.picker-up", tooltip="Previous choice"),
]

GAP_CHART: list[BindingType] = [
    Binding("t", "toggle_mode", "$ / %", id="sma.gap-toggle", tooltip="Gap chart axis: dollars a year or % over 2019"),
    Binding("down,j", "move(1)", "Next point", show=False, id="sma.gap-down", tooltip="Next point of the gap chart"),
    Binding("up,k", "move(-1)", "Prev point", show=False, id="sma.gap-up", tooltip="Previous point of the gap chart"),
    Binding("home,g", "move(-100000)", "First", show=False, id="sma.gap-first", tooltip="First point"),
    Binding("end,G", "move(100000)", "Last", show=False, id="sma.gap-last", tooltip="Last point"),
    Binding("enter", "choose", "Open", id="sma.gap-open", tooltip="Open the point's article at its sentence"),
]

SECTIONS: list[tuple[str, list[BindingType]]] = [
    ("everywhere", [*APP, *FOCUS]),
    ("main screen", MAIN),
    ("lists", TABLE),
    ("drill-down", DRILL),
    ("reader", [*READER, *READER_BODY]),
    ("search", SEARCH),
    ("help", HELP),
    ("review", [*REVIEW, *DRILL]),
    ("picker", PICKER),
    ("gap chart", GAP_CHART),
]
"""Every binding of the app, by where it applies (the help screen lists these)."""


def binding_ids() -> set[str]:
    """The ids a user's keymap may remap."""
    return {b.id for _, bindings in SECTIONS for b in bindings if isinstance(b, Binding) and b.id}

# ------------------------------------------------------------------ issue 15: lists, export
TABLE_TOOLS: list[BindingType] = [
    Binding("s", "sort_next", "Sort", show=False, id="sma.sort", tooltip="Sort by the next column (again: the next)"),
    Binding("S", "sort_reverse", "Reverse", show=False, id="sma.sort-reverse", tooltip="Reverse the sort"),
    Binding("f", "filter", "Filter", id="sma.filter", tooltip="Filter this list as you type"),
]

FILTER: list[BindingType] = [
    Binding("escape", "close", "Clear filter", id="sma.filter-close", tooltip="Clear the filter and close the box"),
]

SECTIONS += [("lists", TABLE_TOOLS), ("filter box", FILTER)]

SEARCH += [
    Binding("up", "history_back", "History", show=False, id="sma.search-history", tooltip="The previous query"),
    Binding(
        "ctrl+o",
        "toggle_scope",
        "Scope",
        id="sma.search-scope",
        tooltip="Search only the round or event you came from, or everywhere",
    ),
]

APP += [
    Binding(
        "ctrl+s",
        "export",
        "Export",
        show=False,
        id="sma.export",
        tooltip="Export the list in view (as filtered and sorted) to CSV, JSON or Markdown",
    ),
    Binding("y", "copy_id", "Copy id", show=False, id="sma.copy-id", tooltip="Copy the id of the highlighted item"),
]

EXPORT: list[BindingType] = [
    Binding("escape", "cancel", "Cancel", id="sma.export-cancel", tooltip="Close the export prompt, saving nothing"),
]
SECTIONS += [("export prompt", EXPORT)]
