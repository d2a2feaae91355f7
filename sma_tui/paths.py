"""Where things live: the bundled corpus and the user's store."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "SMA_TUI_DB"
APP_NAME = "sma-tui"


def corpus_dir() -> Path:
    """The bundled corpus: inside the installed package, or ``data/`` of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / "articles.json").is_file():
            return candidate
    raise FileNotFoundError(f"the bundled corpus is missing (looked in {here / 'data'})")


def default_db_path() -> Path:
    """``$SMA_TUI_DB`` if set, else ``sma-tui.json`` in the user data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "sma-tui.json"
