"""A keyed seal over the bytes of a store file that has been validated and found clean.

Validating every record (:mod:`sma_tui.core.schema`) and scanning for control characters
(:mod:`sma_tui.core.sanitize`) costs a fifth to a third of loading a 10,000-article store.
Every store that sma-tui writes has been validated (it refuses to write into a store that
does not load cleanly, and the records it adds are its own), so the writer seals the exact
bytes it wrote, and a later load that finds the seal matching skips both passes: it pays
one HMAC over the bytes it has read anyway, and one SHA-256 per body file to prove that
each body is still the one its sealed ``body_sha`` names (about 5 % of the load in all;
scanning the bodies for control characters instead costs three times that).

The seal is an HMAC-SHA256 with a per-user random key kept outside the store's folder: a
store shipped with a forged seal file does not match, because the sender does not have the
receiver's key; a file edited by hand no longer matches its seal and is validated again.
Seal only a store whose every record and body needed no cleaning (a body file is never
rewritten, so a store with a dirty body is cleaned in memory on every load instead).
``SEAL_VERSION`` is part of the seal: change it whenever the schema or the cleaning rules
change, so that stores sealed under the old rules are checked under the new ones.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SEAL_VERSION = b"sma-tui seal 1\n"
KEY_BYTES = 32


def new_key() -> bytes:
    """A fresh random key (store it with mode 0600 in the user's state folder)."""
    return secrets.token_bytes(KEY_BYTES)


def seal(key: bytes, data: bytes) -> str:
    """The seal of ``data`` under ``key``: 64 hex digits."""
    mac = hmac.new(key, SEAL_VERSION, hashlib.sha256)
    mac.update(data)
    return mac.hexdigest()


def is_sealed(key: bytes, data: bytes, tag: str) -> bool:
    """Whether ``tag`` is the seal of ``data`` under ``key`` (constant-time compare)."""
    if len(key) < 16:
        return False  # an empty or truncated key file must not make every seal trivial
    return hmac.compare_digest(seal(key, data), tag)


def body_matches(data: bytes, body_sha: str) -> bool:
    """Whether the bytes of a body file are the body that ``body_sha`` names (a sealed
    store vouches for its ``body_sha`` values, this for the files beside it)."""
    return hmac.compare_digest(hashlib.sha256(data).hexdigest(), body_sha)
