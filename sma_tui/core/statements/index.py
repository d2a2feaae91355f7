"""Statements: the quotes of many reports grouped by the remark they report.

A *report* is one quote in one article; a *statement* is every report of the same
words by the same speaker: near-same wording (see :func:`.wording.match`) or a partial
quote contained in a fuller one. Two rules are never broken:

* reports whose **explicit** speakers differ are never in one statement (such
  near-misses are kept as :class:`Disagreement` for the review queue);
* **distinct sentences** of one speaker never merge: a group only takes a report or
  a group whose fullest wording matches its own fullest wording, so a short partial
  contained in two different sentences cannot bridge them.

How grouping works. Reports with the same token key and the same explicit speaker
(or none) share a *node*. Nodes that match are joined by an edge, found through an
inverted index of token bigrams (a bigram shared by more than :data:`CAP` nodes is
not looked up: it is boilerplate, and identical wordings are found by their key).
The statements of a connected component of that graph are then decided by a
deterministic Kruskal pass: edges strongest first (ties by node key), each union
allowed only when the two groups' speakers agree and their fullest nodes match.
Since that result depends only on the component, :meth:`StatementIndex.add` recomputes
just the components the added quotes touch, and adding quotes one by one, in any
order, gives the same statements as one batch (up to the :data:`CAP` cut-off).
Statement ids derive from the earliest report (date, then quote id), so they are
stable across rebuilds. Pure Python; no Textual, Rich or TinyDB.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .data import (
    AddResult,
    Disagreement,
    Inheritance,
    Join,
    NodeKey,
    QuoteLike,
    Report,
    Statement,
    build_statement,
    explicit_speaker,
    sid_quote,
    statement_id,
)
from .wording import MIN_CONTENT, MIN_PARTIAL, MatchKind, content_count, match, tokens

__all__ = [
    "AddResult",
    "Disagreement",
    "Inheritance",
    "Join",
    "QuoteLike",
    "Report",
    "Statement",
    "StatementIndex",
    "explicit_speaker",
    "statement_id",
]

CAP = 256
"""Bigrams (and identical wordings) shared by more nodes than this are not used to
find candidates: the cost of one add stays bounded whatever the corpus holds."""
MAX_TOKENS = 400
"""Matching reads at most this many tokens of a quote (difflib is quadratic in the
worst case); longer block quotes still group by their identical full wording."""
MAX_NEAR_MISSES = 8
"""A wording matched by more than this many other speakers is a stock phrase, not a
disagreement about who said it: its near-misses are not listed."""


@dataclass(slots=True)
class _Node:
    key: NodeKey
    toks: tuple[str, ...]
    speaker: str | None
    reports: list[str] = field(default_factory=list)


def _bigrams(toks: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(zip(toks, toks[1:], strict=False))


def _floor(mine: int, other: tuple[str, ...]) -> int:
    """Fewest shared bigrams worth a difflib comparison."""
    return max(1, min(mine, len(other) - 1) // 4)


def _eligible(toks: tuple[str, ...]) -> bool:
    return len(toks) >= MIN_PARTIAL and content_count(toks) >= MIN_CONTENT


class StatementIndex:
    """Incremental grouping of quotes into statements (see the module docstring)."""

    def __init__(self) -> None:
        self._reports: dict[str, Report] = {}
        self._nodes: dict[NodeKey, _Node] = {}
        self._adj: dict[NodeKey, dict[NodeKey, float]] = {}
        self._postings: dict[tuple[str, str], list[NodeKey]] = {}
        self._by_key: dict[str, list[NodeKey]] = {}
        self._near: dict[NodeKey, dict[NodeKey, MatchKind]] = {}  # near-misses, both ways
        self._stmt_of: dict[NodeKey, str] = {}
        self._statements: dict[str, Statement] = {}

    @classmethod
    def build(cls, quotes: Iterable[QuoteLike]) -> StatementIndex:
        index = cls()
        index.add(quotes)
        return index

    # ------------------------------------------------------------------ reading
    def __len__(self) -> int:
        return len(self._statements)

    def __contains__(self, quote_id: object) -> bool:
        return quote_id in self._reports

    def statements(self) -> list[Statement]:
        """Every statement, earliest first reported first."""
        return sorted(self._statements.values(), key=lambda s: self._reports[s.reports[0]].order)

    def get(self, statement_id: str) -> Statement:
        return self._statements[statement_id]

    def statement_of(self, quote_id: str) -> Statement:
        return self._statements[self._stmt_of[self._reports[quote_id].node]]

    def report(self, quote_id: str) -> Report:
        return self._reports[quote_id]

    def disagreements(self) -> list[Disagreement]:
        """Near-misses: statements that match but name different explicit speakers."""
        keys = set(self._near) | {k for same in self._by_key.values() if len(same) > 1 for k in same}
        out = {self._disagreement(a, b) for a in keys for b in self._misses(a) if a < b and self._listed(a, b)}
        return sorted(out, key=lambda d: (d.statement_a, d.statement_b, d.quote_a, d.quote_b))

    def inherit(self, statement: Statement) -> list[Inheritance]:
        """Speakers for the statement's weakly attributed reports (no speaker, or an
        attribution other than explicit), taken from its earliest explicit report."""
        explicit = [r for r in map(self._reports.__getitem__, statement.reports) if r.explicit]
        if not explicit or statement.speaker_id is None:
            return []
        evidence = explicit[0].quote
        return [
            Inheritance(q, statement.speaker_id, evidence)
            for q in statement.reports
            if self._reports[q].explicit is None
        ]

    # ------------------------------------------------------------------ adding
    def add(self, quotes: Iterable[QuoteLike]) -> AddResult:
        """Index ``quotes`` (ids already indexed are skipped) and regroup what they touch."""
        added: list[Report] = []
        new_nodes: list[NodeKey] = []
        for q in quotes:
            if q.id in self._reports:
                continue
            report, created = self._register(q)
            added.append(report)
            if created:
                new_nodes.append(report.node)
        near: list[tuple[NodeKey, NodeKey]] = []
        for key in new_nodes:
            near += self._link(key)
        touched = {r.node for r in added} | {k for pair in near for k in pair} | self._siblings(new_nodes)
        old_ids = {self._stmt_of[k] for k in self._component(touched) if k in self._stmt_of}
        new_ids = self._regroup(touched)
        replaced = self._replacements(old_ids, new_ids)
        joins = tuple(self._join(r.quote) for r in added)
        found = {self._disagreement(a, b) for a, b in near if self._listed(a, b)}
        return AddResult(joins, replaced, tuple(sorted(found, key=lambda d: (d.quote_a, d.quote_b))))

    def _register(self, q: QuoteLike) -> tuple[Report, bool]:
        toks = tokens(q.text)
        explicit = explicit_speaker(q)
        # a short wording with no explicit speaker ("ironclad") says nothing about who
        # said it or when: it stays a statement of its own
        alone = not toks or (explicit is None and not _eligible(toks))
        joined = "\0" + q.id if alone else " ".join(toks)
        key: NodeKey = (joined, explicit or "")
        report = Report(q.id, q.text, q.date, q.speaker, explicit, key)
        self._reports[q.id] = report
        node = self._nodes.get(key)
        created = node is None
        if node is None:
            node = self._nodes[key] = _Node(key, toks[:MAX_TOKENS], explicit)
            self._adj[key] = {}
            self._by_key.setdefault(joined, []).append(key)
            if _eligible(node.toks):
                for bigram in _bigrams(node.toks):
                    self._postings.setdefault(bigram, []).append(key)
        node.reports.append(q.id)
        return report, created

    def _candidates(self, node: _Node) -> list[NodeKey]:
        found: Counter[NodeKey] = Counter()
        same = self._by_key[node.key[0]]
        if node.speaker is None and len(same) <= CAP:
            found.update(same)
        elif (node.key[0], "") in self._nodes:  # other speakers' identical wordings: see _misses
            found[(node.key[0], "")] += 1
        if _eligible(node.toks):
            for bigram in _bigrams(node.toks):
                posting = self._postings[bigram]
                if len(posting) <= CAP:
                    found.update(posting)
        found.pop(node.key, None)
        if not found:
            return []
        # two wordings that match share at least ~40 % of the shorter one's bigrams
        # (fewer only if their differences are scattered); a quarter is a safe floor
        mine = max(1, len(node.toks) - 1)
        return sorted(
            k for k, shared in found.items() if k[0] == node.key[0] or shared >= _floor(mine, self._nodes[k].toks)
        )

    def _link(self, key: NodeKey) -> list[tuple[NodeKey, NodeKey]]:
        """Edges from a new node to the nodes it matches; returns new near-misses."""
        node = self._nodes[key]
        misses: list[tuple[NodeKey, MatchKind]] = []
        for other_key in self._candidates(node):
            other = self._nodes[other_key]
            result = match(node.toks, other.toks)
            if result is None:
                continue
            how, score = result
            if node.speaker and other.speaker and node.speaker != other.speaker:
                if _eligible(node.toks) and _eligible(other.toks):
                    misses.append((other_key, how))
                continue
            self._adj[key][other_key] = score
            self._adj[other_key][key] = score
        pairs = []
        for other_key, how in misses:
            self._near.setdefault(key, {})[other_key] = how
            self._near.setdefault(other_key, {})[key] = how
            pairs.append((min(key, other_key), max(key, other_key)))
        return pairs

    def _misses(self, key: NodeKey) -> dict[NodeKey, MatchKind]:
        """Nodes of other explicit speakers matching ``key``'s wording: identical ones
        (implied by the key, not stored) and the stored near-misses."""
        out = dict(self._near.get(key, {}))
        same = self._by_key.get(key[0], [])
        if key[1] and 1 < len(same) <= CAP and _eligible(self._nodes[key].toks):
            out.update((k, "same") for k in same if k[1] and k != key)
        return out

    def _siblings(self, keys: list[NodeKey]) -> set[NodeKey]:
        """Other speakers' nodes of the same wordings, while few enough for their
        conflicting_speakers to change (beyond that they are stock phrases)."""
        out: set[NodeKey] = set()
        for key in keys:
            same = self._by_key[key[0]]
            if key[1] and len(same) <= MAX_NEAR_MISSES + 3:
                out.update(same)
        return out

    def _stock(self, key: NodeKey) -> bool:
        """A wording more than :data:`MAX_NEAR_MISSES` other speakers are credited with."""
        if len(self._by_key.get(key[0], ())) > MAX_NEAR_MISSES + 2:
            return True
        return len({k[1] for k in self._misses(key)}) > MAX_NEAR_MISSES

    def _listed(self, a: NodeKey, b: NodeKey) -> bool:
        return not (self._stock(a) or self._stock(b))

    def _component(self, seeds: Iterable[NodeKey]) -> set[NodeKey]:
        seen = set(seeds)
        stack = list(seen)
        while stack:
            for nxt in self._adj[stack.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    def _regroup(self, touched: set[NodeKey]) -> set[str]:
        """Recompute the statements of the components holding ``touched``."""
        component = self._component(touched)
        for key in component:
            self._statements.pop(self._stmt_of.pop(key, ""), None)
        new_ids: set[str] = set()
        for group in self._partition(component):
            statement = self._make(group)
            self._statements[statement.id] = statement
            new_ids.add(statement.id)
            for key in group:
                self._stmt_of[key] = statement.id
        return new_ids

    def _partition(self, component: set[NodeKey]) -> list[list[NodeKey]]:
        """Deterministic Kruskal pass over the component's edges (see module doc)."""
        ambiguous = self._ambiguous(component)
        edges = sorted(
            {(a, b) if a < b else (b, a): s for a in component for b, s in self._adj[a].items()}.items(),
            key=lambda e: (-e[1], e[0]),
        )
        edges = [e for e in edges if not (e[0][0] in ambiguous or e[0][1] in ambiguous)]
        parent = {k: k for k in component}
        speaker = {k: self._nodes[k].speaker for k in component}
        head = {k: k for k in component}

        def find(k: NodeKey) -> NodeKey:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for (a, b), _score in edges:
            ra, rb = find(a), find(b)
            if ra == rb:
                continue
            sa, sb = speaker[ra], speaker[rb]
            if sa and sb and sa != sb:
                continue
            ha, hb = head[ra], head[rb]
            if hb not in self._adj[ha]:
                continue  # their fullest wordings differ: distinct sentences
            root, child = (ra, rb) if ra < rb else (rb, ra)
            parent[child] = root
            speaker[root] = sa or sb
            head[root] = min(ha, hb, key=lambda k: (-len(self._nodes[k].toks), k))
        groups: dict[NodeKey, list[NodeKey]] = {}
        for k in sorted(component):
            groups.setdefault(find(k), []).append(k)
        return list(groups.values())

    def _ambiguous(self, component: set[NodeKey]) -> set[NodeKey]:
        """Weak nodes whose wording matches reports of two or more explicit speakers:
        they join nobody's statement (and inherit no speaker)."""
        out = set()
        for key in component:
            if self._nodes[key].speaker is None:
                speakers = {self._nodes[n].speaker for n in self._adj[key]} - {None}
                if len(speakers) > 1:
                    out.add(key)
        return out

    def _make(self, group: list[NodeKey]) -> Statement:
        nodes = [self._nodes[k] for k in group]
        reports = sorted((self._reports[q] for n in nodes for q in n.reports), key=lambda r: r.order)
        conflicts = {b[1] for a in group if not self._stock(a) for b in self._misses(a) if self._listed(a, b)}
        return build_statement(reports, {n.key: n.toks for n in nodes}, tuple(sorted(conflicts)))

    # ----------------------------------------------------------------- results
    def _replacements(self, old_ids: set[str], new_ids: set[str]) -> dict[str, str]:
        gone = old_ids - new_ids
        return {sid: self._statements[self._stmt_of[self._reports[sid_quote(sid)].node]].id for sid in sorted(gone)}

    def _join(self, quote_id: str) -> Join:
        statement = self.statement_of(quote_id)
        return Join(quote_id, statement.id, tuple(q for q in statement.reports if q != quote_id))

    def _disagreement(self, a: NodeKey, b: NodeKey) -> Disagreement:
        first_a = min((self._reports[q] for q in self._nodes[a].reports), key=lambda r: r.order)
        first_b = min((self._reports[q] for q in self._nodes[b].reports), key=lambda r: r.order)
        return Disagreement(
            self._stmt_of[a],
            self._stmt_of[b],
            first_a.quote,
            first_b.quote,
            first_a.explicit or "",
            first_b.explicit or "",
            self._misses(a)[b],
        )
