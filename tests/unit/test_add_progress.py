"""The progress display of a long ``add``: only on a terminal, labels as plain text."""

from __future__ import annotations

import io

from sma_tui.cli.progress import MIN_FILES, add_progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_unless_stderr_is_a_terminal() -> None:
    pipe = io.StringIO()
    with add_progress(urls=5, inputs=50, stream=pipe) as progress:
        progress.fetched("http://a.test/x")
        progress.read("a.txt")
    assert pipe.getvalue() == ""


def test_a_short_add_draws_nothing_even_on_a_terminal() -> None:
    tty = _Tty()
    with add_progress(urls=1, inputs=MIN_FILES - 1, stream=tty) as progress:
        progress.read("a.txt")
    assert tty.getvalue() == ""


def test_a_long_add_draws_and_labels_are_not_markup_or_control_codes() -> None:
    tty = _Tty()
    with add_progress(urls=2, inputs=MIN_FILES, stream=tty) as progress:
        progress.fetched("http://a.test/[bold red]x[/]")
        progress.read("b\x1b]0;title\x07.txt")
    drawn = tty.getvalue()
    assert "fetched http://a.test/[bold red]x[/]" in drawn  # printed literally, not as markup
    assert "read b\\x1b]0;title\\x07.txt" in drawn and "\x07" not in drawn and "\x1b]" not in drawn
