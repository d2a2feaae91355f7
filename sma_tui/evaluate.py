"""Accuracy of the extractor against hand labels.

``python -m sma_tui.evaluate [--fixtures DIR] [--styles DIR ...]`` prints, split by split:
the bundled articles (the raw pipeline, before ``data/corrections.json``), the labelled
articles of ``DIR`` (``articles/*.txt`` + ``gold/*.json``), and every ``styles/dev`` and
``styles/test`` folder found under ``DIR`` (``styles/``, ``styles2/``) or given with ``--styles``. For each split:
quote-span precision/recall/F1 (a predicted quote matches a gold one when they overlap by
at least half of the longer span), speaker accuracy on the matched quotes, the accuracy of
the attribution label (explicit | pronoun | context | unknown), the side of new speakers,
and figure precision/recall/F1 (same overlap rule, same value and unit) with the share of
distinct extracted values that are right.

It works from any directory; without labelled articles it says so in one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .bundled.build import bundled_corpus, bundled_sources, read_body
from .core.corpus import Corpus
from .core.models import Actor, Figure, Quote
from .ingest import extract
from .ingest.names import norm

_CHECKOUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
FIXTURES = _CHECKOUT  # kept for callers that read it


P = TypeVar("P", Quote, Figure)


class NoFixtures(Exception):
    """The labelled articles are not where we were told (an installed package has none)."""


@dataclass
class Score:
    gold_quotes: int = 0
    pred_quotes: int = 0
    matched_quotes: int = 0
    right_speakers: int = 0
    labelled_attr: int = 0
    right_attr: int = 0
    new_sides: int = 0
    right_sides: int = 0
    wrong_sides: int = 0  # a side that is neither right nor "unknown"
    gold_figures: int = 0
    pred_figures: int = 0
    matched_figures: int = 0
    distinct_values: int = 0
    right_values: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name != "errors":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors

    @staticmethod
    def _prf(matched: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = matched / pred if pred else 1.0
        r = matched / gold if gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def quote_prf(self) -> tuple[float, float, float]:
        return self._prf(self.matched_quotes, self.pred_quotes, self.gold_quotes)

    @property
    def figure_prf(self) -> tuple[float, float, float]:
        return self._prf(self.matched_figures, self.pred_figures, self.gold_figures)

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speakers / self.matched_quotes if self.matched_quotes else 1.0

    @property
    def attribution_accuracy(self) -> float:
        return self.right_attr / self.labelled_attr if self.labelled_attr else 1.0

    @property
    def side_accuracy(self) -> float:
        return self.right_sides / self.new_sides if self.new_sides else 1.0

    @property
    def value_precision(self) -> float:
        return self.right_values / self.distinct_values if self.distinct_values else 1.0

    def as_dict(self) -> dict[str, Any]:
        qp, qr, qf = self.quote_prf
        fp, fr, ff = self.figure_prf
        return {
            "quotes": {"gold": self.gold_quotes, "predicted": self.pred_quotes, "matched": self.matched_quotes,
                       "precision": qp, "recall": qr, "f1": qf},
            "speaker_accuracy": self.speaker_accuracy,
            "attribution_accuracy": self.attribution_accuracy,
            "new_speaker_sides": {"scored": self.new_sides, "right": self.right_sides, "wrong": self.wrong_sides},
            "figures": {"gold": self.gold_figures, "predicted": self.pred_figures, "matched": self.matched_figures,
                        "precision": fp, "recall": fr, "f1": ff, "distinct_values_right": self.value_precision},
        }  # fmt: skip


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """At least half of the longer span is shared."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * max(a[1] - a[0], b[1] - b[0])


def _match(
    gold: list[dict[str, Any]], pred: Sequence[P], same: Callable[[dict[str, Any], P], bool]
) -> list[tuple[dict[str, Any], P]]:
    """Greedy one-to-one matching in text order."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        for k, p in enumerate(pred):
            if k not in used and overlaps((g["start"], g["end"]), (p.start, p.end)) and same(g, p):
                used.add(k)
                pairs.append((g, p))
                break
    return pairs


def _same_figure(g: dict[str, Any], p: Figure) -> bool:
    return bool(g["unit"] == p.unit and abs(g["value"] - p.value) < 1e-6 * max(1, abs(g["value"])))


def score_article(
    label: str, gold: dict[str, Any], quotes: list[Quote], figures: list[Figure], actors: dict[str, Actor],
    known: set[str],
) -> Score:  # fmt: skip
    s = Score(gold_quotes=len(gold["quotes"]), pred_quotes=len(quotes))
    pairs = _match(gold["quotes"], quotes, lambda g, p: True)
    s.matched_quotes = len(pairs)
    for g, p in pairs:
        _score_speaker(s, label, g, p, actors, known)
    matched = {id(p) for _, p in pairs}
    s.errors += [f"{label}: extra quote {p.text[:50]!r}" for p in quotes if id(p) not in matched]
    got = {id(g) for g, _ in pairs}
    s.errors += [f"{label}: missed quote {g['text'][:50]!r}" for g in gold["quotes"] if id(g) not in got]
    _score_figures(s, label, gold["figures"], figures)
    return s


def _score_speaker(
    s: Score, label: str, g: dict[str, Any], p: Quote, actors: dict[str, Actor], known: set[str]
) -> None:
    ok = _speaker_ok(g, p.speaker, actors, known)
    if ok:
        s.right_speakers += 1
    else:
        want = g.get("speaker") or g.get("speaker_new")
        s.errors.append(f"{label}: speaker of {p.text[:40]!r}: {p.speaker} ≠ {want}")
    if g.get("attribution"):
        s.labelled_attr += 1
        got = getattr(p, "attribution", None)
        if got == g["attribution"]:
            s.right_attr += 1
        elif ok:
            s.errors.append(f"{label}: attribution of {p.text[:40]!r}: {got} ≠ {g['attribution']}")
    if ok and g.get("speaker_new") and g.get("side") and p.speaker in actors and p.speaker not in known:
        side = actors[p.speaker].side
        s.new_sides += 1
        if side.lower() == str(g["side"]).lower():
            s.right_sides += 1
        else:
            s.wrong_sides += side.lower() != "unknown"
            s.errors.append(f"{label}: side of {p.speaker}: {side} ≠ {g['side']}")


def _score_figures(s: Score, label: str, gold: list[dict[str, Any]], figures: list[Figure]) -> None:
    s.gold_figures, s.pred_figures = len(gold), len(figures)
    pairs = _match(gold, figures, _same_figure)
    s.matched_figures = len(pairs)
    fm = {id(p) for _, p in pairs}
    s.errors += [f"{label}: extra figure {p.text!r}" for p in figures if id(p) not in fm]
    fg = {id(g) for g, _ in pairs}
    s.errors += [f"{label}: missed figure {g['text']!r}" for g in gold if id(g) not in fg]
    truth = {(g["unit"], round(float(g["value"]), 4)) for g in gold}
    values = {(f.unit, round(f.value, 4)) for f in figures}
    s.distinct_values, s.right_values = len(values), len(values & truth)


def _names(actor: Actor) -> set[str]:
    return {norm(actor.name), *(norm(a) for a in actor.aliases)}


def _speaker_ok(gold: dict[str, Any], speaker: str | None, actors: dict[str, Actor], known: set[str]) -> bool:
    """A gold dossier id must be that id; a gold ``speaker_new`` (a surface name) may be a
    new actor or a dossier actor (the dossier grows) whose name or alias matches it."""
    if gold.get("speaker_new"):
        actor = actors.get(speaker) if speaker else None
        if actor is None:
            return False
        want = norm(gold["speaker_new"])
        names = _names(actor)
        if any(want == n or want in n or (n in want and len(n) > 3) for n in names):
            return True
        return actor.kind == "person" and want.split()[-1:] == norm(actor.name).split()[-1:]
    return gold.get("speaker") == speaker


# ------------------------------------------------------------------ splits
def evaluate_bundled(root: Path | None = None, fixtures: Path | None = None) -> Score:
    """The raw pipeline (no corrections) on the five bundled articles, against the gold."""
    path = (fixtures or find_fixtures(None)) / "gold" / "bundled.json"
    if not path.is_file():
        raise NoFixtures(f"no gold for the bundled articles at {path}")
    gold = json.loads(path.read_text(encoding="utf-8"))
    base = bundled_corpus(root, extractor=False)
    total = Score()
    for meta, body in bundled_sources(root):
        x = extract(body, corpus=base, source=meta.get("source"), overrides=meta)
        g = {
            "quotes": [q for q in gold["quotes"] if q["article"] == meta["id"]],
            "figures": [f for f in gold["figures"] if f["article"] == meta["id"]],
        }
        actors = {**base.actors, **{a.id: a for a in x.actors}}
        total.add(score_article(meta["id"], g, x.quotes, x.figures, actors, set(base.actors)))
    return total


def evaluate_fixtures(folder: Path | None = None, corpus: Corpus | None = None) -> Score:
    """The pipeline on labelled articles: ``folder/articles/*.txt`` + ``folder/gold/*.json``."""
    folder = folder or find_fixtures(None)
    if not (folder / "articles").is_dir():
        raise NoFixtures(f"no labelled articles in {folder / 'articles'}")
    base = corpus or bundled_corpus(extractor=False)
    total = Score()
    for path in sorted((folder / "articles").glob("*.txt")):
        gold_path = folder / "gold" / f"{path.stem}.json"
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        x = extract(read_body(path), corpus=base, source=path.name)
        actors = {**base.actors, **{a.id: a for a in x.actors}}
        total.add(score_article(path.stem, gold, x.quotes, x.figures, actors, set(base.actors)))
    return total


def find_fixtures(given: Path | None) -> Path:
    """The fixtures folder: the one given, else ``./tests/fixtures``, else the checkout's."""
    for folder in [given] if given else [Path.cwd() / "tests" / "fixtures", _CHECKOUT]:
        if (folder / "articles").is_dir() or (folder / "styles").is_dir():
            return folder
    where = given or Path.cwd() / "tests" / "fixtures"
    raise NoFixtures(f"no labelled articles at {where} (run from a checkout or pass --fixtures DIR)")


def splits(fixtures: Path, styles: list[Path]) -> dict[str, Callable[[], Score]]:
    out: dict[str, Callable[[], Score]] = {}
    if (fixtures / "gold" / "bundled.json").is_file():
        out["bundled (raw pipeline)"] = lambda: evaluate_bundled(fixtures=fixtures)
    if (fixtures / "articles").is_dir():
        out["test articles"] = lambda: evaluate_fixtures(fixtures)
    found = sorted(p for p in fixtures.glob("styles*") if p.is_dir())  # styles/ (sets A, B), styles2/ (C, D)
    for root in dict.fromkeys([*found, *styles]):
        for part in ("dev", "test"):
            folder = root / part
            if (folder / "articles").is_dir():
                name = f"{root.name} {part}" if root.parent == fixtures else f"{root} {part}"
                out[name] = lambda folder=folder: evaluate_fixtures(folder)  # type: ignore[misc]
    return out


def _line(name: str, s: Score) -> str:
    qp, qr, qf = s.quote_prf
    fp, fr, ff = s.figure_prf
    return (
        f"{name:<24} quotes P {qp:.3f} R {qr:.3f} F1 {qf:.3f} ({s.matched_quotes}/{s.gold_quotes} gold, "
        f"{s.pred_quotes} found) | speakers {s.speaker_accuracy:.3f} ({s.right_speakers}/{s.matched_quotes}) | "
        f"attribution {s.attribution_accuracy:.3f} ({s.right_attr}/{s.labelled_attr}) | "
        f"new sides {s.side_accuracy:.3f} ({s.right_sides}/{s.new_sides}, {s.wrong_sides} wrong) | "
        f"figures P {fp:.3f} R {fr:.3f} F1 {ff:.3f} ({s.matched_figures}/{s.gold_figures} gold, {s.pred_figures} "
        f"found; distinct values right {s.value_precision:.3f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sma_tui.evaluate", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--fixtures", type=Path, help="the labelled articles (default: ./tests/fixtures)")
    parser.add_argument("--styles", type=Path, action="append", default=[],
                        help="another folder with dev/ and test/ splits (repeatable)")  # fmt: skip
    parser.add_argument("--only", help="run only the splits whose name contains this")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list every miss, extra and wrong speaker (not for test splits: never tune on them)",
    )
    parser.add_argument("--test-errors", action="store_true", help="list the errors of the test splits too")
    args = parser.parse_args(argv)
    try:
        todo = splits(find_fixtures(args.fixtures), args.styles)
        results = {k: run() for k, run in todo.items() if not args.only or args.only in k}
    except (NoFixtures, OSError, ValueError, KeyError) as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({k: v.as_dict() for k, v in results.items()}, indent=2))
    else:
        for name, s in results.items():
            print(_line(name, s))
    if args.errors or args.test_errors:
        for name, s in results.items():
            if name.endswith(" test") and not args.test_errors:
                continue
            for e in s.errors:
                print("  " + e, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
