"""What the app does from where you are, without the CLI: export the list in view, copy an
id or a citation, save a screenshot, and keep the theme between runs.

:class:`AppActions` is the base of :class:`~sma_tui.tui.app.SmaApp`; the palette offers
each action (:meth:`get_system_commands`), and keys reach the common ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from ..core.cite import STYLES, cite
from ..core.corpus import Corpus
from ..core.safety.sanitize import clean
from ..services import exports
from ..services import prefs as user_prefs
from .screens.base import ExportTarget, SmaScreen
from .screens.export import ExportScreen

STYLE_NAMES = {"plain": "plain text", "markdown": "Markdown", "bibtex": "BibTeX-like"}
NOUNS = {"timeline": "events", "actors": "actors", "articles": "articles", "quotes": "quotes", "figures": "figures"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class AppActions(App[None]):
    corpus: Corpus | None

    # ------------------------------------------------------------------ theme
    def restore_theme(self) -> None:
        """The theme chosen last time (``prefs.json`` in the config dir), then keep watching."""
        saved = user_prefs.theme()
        if saved and saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, lambda theme: self._save_theme(theme.name))

    def _save_theme(self, name: str) -> None:
        if name != user_prefs.theme() and (error := user_prefs.save_pref("theme", name)) is not None:
            self.notify(error, severity="warning", markup=False)

    # ------------------------------------------------------------------ export
    def _target(self) -> ExportTarget | None:
        screen = self.screen
        return screen.export_target() if isinstance(screen, SmaScreen) else None

    def action_export(self, suffix: str = ".csv") -> None:
        target = self._target()
        if target is None or self.corpus is None:
            self.notify("Nothing to export here: focus a list first.", severity="warning")
            return
        screen = self.screen
        trail = screen.trail[1:] if isinstance(screen, SmaScreen) else ()
        name = "-".join(_slug(t) for t in (*trail, target.view) if _slug(t)) or target.view
        count = len(target.ids) if target.ids is not None else None
        what = f"{count} {NOUNS[target.view]}" if count is not None else f"all {NOUNS[target.view]}"
        default = exports.output_dir() / f"sma-{name}{suffix}"
        self.push_screen(ExportScreen(what, default, partial(self._save_export, target)))

    def _save_export(self, target: ExportTarget, path: Path) -> str | None:
        if self.corpus is None:
            return "The dossier is still loading."
        rows = exports.export_rows(self.corpus, target.view, target.ids)
        try:
            saved = exports.write_export(path, rows, target.view)
        except ValueError as exc:
            return str(exc)
        except OSError as exc:
            return f"Cannot write {path}: {exc.strerror or exc}"
        noun = NOUNS[target.view] if len(rows) != 1 else NOUNS[target.view].rstrip("s")
        self.notify(f"{len(rows)} {noun} → {saved}", title="Exported", markup=False, timeout=8)
        return None

    # ------------------------------------------------------------------ copy
    def action_copy_id(self) -> None:
        screen = self.screen
        key = screen.highlighted_id() if isinstance(screen, SmaScreen) else None
        if not key:
            self.notify("Highlight an item in a list first.", severity="warning")
            return
        self.copy_to_clipboard(key)
        self.notify(key, title="Id copied", markup=False)

    def copy_citation(self, style: str = "plain") -> None:
        screen = self.screen
        quote = screen.focused_quote() if isinstance(screen, SmaScreen) else None
        if quote is None or self.corpus is None:
            self.notify("Highlight a quote first (in a round, an actor, search or the reader).", severity="warning")
            return
        text = clean(cite(self.corpus, quote, style))  # the corpus is cleaned on load; this is the last line
        self.copy_to_clipboard(text)
        self.notify(text, title=f"Citation copied ({STYLE_NAMES[style]})", markup=False)

    def action_copy_quote(self) -> None:
        self.copy_citation("plain")

    # ------------------------------------------------------------------ screenshot
    def save_screenshot_here(self) -> None:
        folder = exports.output_dir()
        try:
            path = self.save_screenshot(path=str(folder))
        except OSError as exc:
            self.notify(
                f"Cannot save the screenshot in {folder}: {exc.strerror or exc}", severity="error", markup=False
            )
            return
        self.notify(f"Saved to {path}", title="Screenshot", markup=False, timeout=8)

    # ------------------------------------------------------------------ palette
    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                where = exports.output_dir()
                yield SystemCommand(
                    "Screenshot", f"Save an SVG screenshot of this screen in {where}", self.save_screenshot_here
                )
            elif command.title == "Theme":
                yield SystemCommand("Theme", "Pick one of Textual's themes (kept for next time)", command.callback)
            else:
                yield command
        if isinstance(screen, SmaScreen) and screen.export_target() is not None:
            for suffix, label in ((".csv", "CSV"), (".json", "JSON"), (".md", "Markdown")):
                yield SystemCommand(
                    f"Export this list to {label}",
                    "The rows in view, as filtered and sorted (ctrl+s)",
                    partial(self.action_export, suffix),
                )
        if isinstance(screen, SmaScreen) and screen.highlighted_id():
            yield SystemCommand("Copy id", "Copy the id of the highlighted item (y)", self.action_copy_id)
        if isinstance(screen, SmaScreen) and screen.focused_quote() is not None:
            for style in STYLES:
                yield SystemCommand(
                    f"Copy citation: {STYLE_NAMES[style]}",
                    "The highlighted quote with speaker, title, publisher and date",
                    partial(self.copy_citation, style),
                )
