"""The ``sma-tui`` command line: parser, thin commands over :mod:`sma_tui.services`, output."""
