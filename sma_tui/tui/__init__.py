"""The Textual explorer: ``sma-tui`` with no subcommand opens :class:`~sma_tui.tui.app.SmaApp`.

Only this package imports Textual. It reads the store once, in a worker, through
:func:`sma_tui.services.load`, and then works on the in-memory
:class:`~sma_tui.core.corpus.Corpus`.
"""
