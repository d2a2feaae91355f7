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


ENV_KEYMAP = "SMA_TUI_KEYMAP"


def keymap_path() -> Path:
    """``$SMA_TUI_KEYMAP`` if set, else ``keymap.toml`` in the user config directory."""
    env = os.environ.get(ENV_KEYMAP)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "keymap.toml"


def read_keymap(path: Path) -> dict[str, str]:
    """The user's key remapping: a TOML table of binding id → keys, e.g.
    ``"sma.focus-actors" = "a"`` or ``"sma.help" = "h,f1"``. No file: no remapping.
    Raises ``ValueError`` with a one-line reason for a file that is not such a table."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read the keymap {path}: {getattr(exc, 'strerror', None) or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"the keymap {path} is not valid TOML ({exc})") from None
    bad = [k for k, v in data.items() if not isinstance(v, str) or not v.strip()]
    if bad:
        raise ValueError(f'the keymap {path}: {bad[0]!r} must be keys in quotes, like "a" or "h,f1"')
    return {k: "".join(v.split()) for k, v in data.items()}


ENV_CONFIG = "SMA_TUI_CONFIG"


def config_dir() -> Path:
    """``$SMA_TUI_CONFIG`` if set, else the user config directory: where the preferences
    (theme, search history) are kept."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)
