"""sma-tui: a keyboard-first terminal explorer of the 2019-2021 US-South Korea SMA talks."""

__version__ = "0.1.0"
