"""Save and restore a :class:`.statements.StatementIndex` without regrouping.

A batch build tokenises and compares every quote (seconds at 100k quotes); a restore
only reads back the nodes, their edges and the statements, and rebuilds the bigram
postings, so ``sma-tui add`` can load the index, add one article and save it again.
The state is JSON-ready (lists, strings, numbers, booleans). Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from .data import NodeKey, QuoteLike, Report, Statement, explicit_speaker
from .index import StatementIndex, _bigrams, _eligible, _Node
from .wording import MatchKind

STATE_VERSION = 2


class StaleState(ValueError):
    """The saved state does not describe these quotes: rebuild with ``build``."""


def snapshot(index: StatementIndex) -> dict[str, Any]:
    """The index as JSON-ready data (see :func:`restore`)."""
    keys = sorted(index._nodes)
    pos = {k: i for i, k in enumerate(keys)}
    nodes = [
        [k[0], k[1], list(n.toks), n.reports, index._stmt_of[k], _eligible(n.toks)]
        for k, n in ((k, index._nodes[k]) for k in keys)
    ]
    edges = [[pos[a], pos[b], s] for a in keys for b, s in index._adj[a].items() if a < b]
    near = [[pos[a], pos[b], how] for a in keys for b, how in index._near.get(a, {}).items() if a < b]
    statements = [
        [s.id, s.text, s.text_quote, s.speaker_id, list(s.reports), s.variants, s.substantive]
        + [list(s.conflicting_speakers)]
        for s in index._statements.values()
    ]
    return {"version": STATE_VERSION, "nodes": nodes, "edges": edges, "near": near, "statements": statements}


def restore(state: dict[str, Any], quotes: Iterable[QuoteLike]) -> StatementIndex:
    """Rebuild the index saved by :func:`snapshot` for exactly these ``quotes``;
    raises :class:`StaleState` when they are not the quotes it was saved with."""
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        raise StaleState("statement index: unknown state version")
    try:
        return _restore(state, {q.id: q for q in quotes})
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise StaleState(f"statement index: saved state does not match the quotes ({exc})") from exc


def _restore(state: dict[str, Any], quotes: dict[str, QuoteLike]) -> StatementIndex:
    index = StatementIndex()
    keys: list[NodeKey] = []
    for joined, speaker, toks, reports, sid, eligible in state["nodes"]:
        key: NodeKey = (str(joined), str(speaker))
        node = index._nodes[key] = _Node(key, tuple(toks), speaker or None, list(reports))
        keys.append(key)
        index._adj[key] = {}
        index._stmt_of[key] = str(sid)
        index._by_key.setdefault(key[0], []).append(key)
        if eligible:
            postings = index._postings
            for bigram in _bigrams(node.toks):
                postings.setdefault(bigram, []).append(key)
        for qid in reports:
            q = quotes[qid]
            index._reports[qid] = Report(qid, q.text, q.date, q.speaker, explicit_speaker(q), key)
    if len(index._reports) != len(quotes):
        raise ValueError(f"{len(quotes) - len(index._reports)} quotes are not in it")
    for i, j, score in state["edges"]:
        index._adj[keys[i]][keys[j]] = index._adj[keys[j]][keys[i]] = float(score)
    for i, j, how in state["near"]:
        index._near.setdefault(keys[i], {})[keys[j]] = cast(MatchKind, how)
        index._near.setdefault(keys[j], {})[keys[i]] = cast(MatchKind, how)
    for sid, text, text_quote, speaker, reports, variants, substantive, conflicts in state["statements"]:
        index._statements[sid] = Statement(
            sid, text, text_quote, speaker, tuple(reports), bool(variants), bool(substantive), tuple(conflicts)
        )
    return index
