"""Checking a user's keymap (``keymap.toml``: binding id = keys) before the app uses it.

A key name must be one a keyboard sends (``banana`` is a Unicode character name, not a
key); an id must be one of the app's bindings; a remapped key that hides another binding
where both apply (``q`` for Actors hides Quit) is reported. Whatever is wrong is left out
and said once, in a warning the app shows: the app always starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType
from textual.keys import Keys, _character_to_key

from . import bindings

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
EVERYWHERE = "everywhere"
OVERLAYS = {"help", "export prompt", "filter box"}
"""Where a key is meant to take over the app's own while the overlay is open (f1 closes help)."""


def _key_names() -> frozenset[str]:
    names = {k.value.rpartition("+")[2] for k in Keys}
    names |= {_character_to_key(chr(i)) for i in range(33, 127)}
    names |= {"space", "enter", "escape", "tab", "backspace", "delete", "insert"}
    names |= {f"f{n}" for n in range(1, 25)}
    return frozenset(names)


KEY_NAMES = _key_names()


def bad_key(key: str) -> str | None:
    """Why ``key`` (one key, maybe with modifiers, e.g. ``ctrl+a``) is not a key, or ``None``."""
    *mods, base = key.strip().split("+")
    unknown = [m for m in mods if m.lower() not in MODIFIERS]
    if unknown:
        return f"{unknown[0]!r} is not a modifier (ctrl, shift, alt, meta, super, hyper)"
    if len(base) == 1 and base.isprintable() and not base.isspace():
        return None
    if base in KEY_NAMES:
        return None
    return f"{base!r} is not a key name (use a character, or names like enter, escape, f1, slash, question_mark)"


def _binding_sections() -> list[tuple[str, Binding]]:
    out: list[tuple[str, Binding]] = []
    for where, listed in bindings.SECTIONS:
        out += [(where, b) for b in listed if isinstance(b, Binding) and b.id]
    return out


def check_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The entries that can be used, and one warning for each problem."""
    known = {b.id for _, b in _binding_sections()}
    accepted: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            warnings.append(f"no binding {binding_id!r} (press ? in the app for the ids); ignored")
            continue
        good = []
        for key in (k.strip() for k in keys.split(",") if k.strip()):
            if (why := bad_key(key)) is None:
                good.append(key)
            else:
                warnings.append(f"{binding_id}: {why}; ignored")
        if good:
            accepted[binding_id] = ",".join(good)
    warnings += shadowed(accepted, _binding_sections())
    return accepted, warnings


def shadowed(keymap: Mapping[str, str], sections: Iterable[tuple[str, BindingType]]) -> list[str]:
    """One warning per remapped key that another binding also uses where both apply."""
    entries = [(where, b) for where, b in sections if isinstance(b, Binding) and b.id]
    keys_of = {(where, b.id): {k.strip() for k in keymap.get(b.id or "", b.key).split(",")} for where, b in entries}
    warnings: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for where, b in entries:
        if b.id not in keymap:
            continue
        for other_where, other in entries:
            if other.id == b.id or not (where == other_where or EVERYWHERE in (where, other_where)):
                continue
            if where != other_where and OVERLAYS & {where, other_where}:
                continue
            for key in keys_of[(where, b.id)] & keys_of[(other_where, other.id)]:
                pair = (key, *sorted((b.id or "", other.id or "")))
                if pair in seen:
                    continue
                seen.add(pair)  # type: ignore[arg-type]
                warnings.append(
                    f"{key!r} for {b.id} also belongs to {other.id} ({other.description}): "
                    "one of them will not work; remap one"
                )
    return warnings
