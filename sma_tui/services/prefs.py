"""The user's preferences, kept between runs in ``prefs.json`` in the config directory: the
theme and the last search queries. A convenience, never a source of truth: a missing or
damaged file reads as no preferences, and a failed write is reported, not fatal."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..paths import config_dir

HISTORY_SIZE = 50


def prefs_path() -> Path:
    return config_dir() / "prefs.json"


def load_prefs() -> dict[str, Any]:
    try:
        data = json.loads(prefs_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_pref(key: str, value: Any) -> str | None:
    """Store one preference; returns why it could not be written, or ``None``."""
    prefs = load_prefs()
    prefs[key] = value
    path = prefs_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: keeps it off the start path

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".prefs-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(prefs, f, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except OSError as exc:
        return f"cannot save preferences to {path}: {exc.strerror or exc}"
    return None


def theme() -> str | None:
    value = load_prefs().get("theme")
    return value if isinstance(value, str) else None


def search_history() -> list[str]:
    """The last queries, most recent last."""
    value = load_prefs().get("search_history")
    return [q for q in value if isinstance(q, str)][-HISTORY_SIZE:] if isinstance(value, list) else []


def remember_search(query: str) -> list[str]:
    """Add a query to the history (moved to the end if already there); returns the history."""
    query = query.strip()
    history = search_history()
    if query:
        history = [q for q in history if q != query] + [query]
        save_pref("search_history", history[-HISTORY_SIZE:])
    return history
