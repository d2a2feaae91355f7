"""Accuracy of the extractor against hand labels.

``python -m sma_tui.evaluate`` prints, for the bundled articles (the raw pipeline, before
``data/corrections.json``) and for the labelled test articles in ``tests/fixtures``:
quote-span precision/recall/F1 (a predicted quote matches a gold one when they overlap by at
least half of the longer span), speaker accuracy on the matched quotes, and figure
precision/recall/F1 (same overlap rule and the same value and unit).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bundled.build import bundled_corpus, bundled_sources, read_body
from .ingest import extract
from .ingest.speakers import norm

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


@dataclass
class Score:
    gold_quotes: int = 0
    pred_quotes: int = 0
    matched_quotes: int = 0
    right_speakers: int = 0
    gold_figures: int = 0
    pred_figures: int = 0
    matched_figures: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold_quotes", "pred_quotes", "matched_quotes", "right_speakers"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("gold_figures", "pred_figures", "matched_figures"):
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

    def as_dict(self) -> dict[str, Any]:
        qp, qr, qf = self.quote_prf
        fp, fr, ff = self.figure_prf
        return {
            "quotes": {"gold": self.gold_quotes, "predicted": self.pred_quotes, "matched": self.matched_quotes,
                       "precision": qp, "recall": qr, "f1": qf},
            "speaker_accuracy": self.speaker_accuracy,
            "figures": {"gold": self.gold_figures, "predicted": self.pred_figures, "matched": self.matched_figures,
                        "precision": fp, "recall": fr, "f1": ff},
        }  # fmt: skip


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """At least half of the longer span is shared."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * max(a[1] - a[0], b[1] - b[0])


def _match(gold: list[dict[str, Any]], pred: list[Any], same: Any) -> list[tuple[dict[str, Any], Any]]:
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


def score_article(label: str, gold: dict[str, Any], quotes: list[Any], figures: list[Any], actors: dict[str, Any],
                  known: set[str]) -> Score:  # fmt: skip
    s = Score(len(gold["quotes"]), len(quotes), 0, 0, len(gold["figures"]), len(figures), 0)
    pairs = _match(gold["quotes"], quotes, lambda g, p: True)
    s.matched_quotes = len(pairs)
    for g, p in pairs:
        if _speaker_ok(g, p.speaker, actors, known):
            s.right_speakers += 1
        else:
            s.errors.append(
                f"{label}: speaker of {p.text[:40]!r}: {p.speaker} ≠ {g.get('speaker') or g.get('speaker_new')}"
            )
    matched = {id(p) for _, p in pairs}
    s.errors += [f"{label}: extra quote {p.text[:50]!r}" for p in quotes if id(p) not in matched]
    got = {id(g) for g, _ in pairs}
    s.errors += [f"{label}: missed quote {g['text'][:50]!r}" for g in gold["quotes"] if id(g) not in got]
    fpairs = _match(
        gold["figures"],
        figures,
        lambda g, p: g["unit"] == p.unit and abs(g["value"] - p.value) < 1e-6 * max(1, abs(g["value"])),
    )
    s.matched_figures = len(fpairs)
    fm = {id(p) for _, p in fpairs}
    s.errors += [f"{label}: extra figure {p.text!r}" for p in figures if id(p) not in fm]
    fg = {id(g) for g, _ in fpairs}
    s.errors += [f"{label}: missed figure {g['text']!r}" for g in gold["figures"] if id(g) not in fg]
    return s


def _speaker_ok(gold: dict[str, Any], speaker: str | None, actors: dict[str, Any], known: set[str]) -> bool:
    if "speaker_new" in gold:
        actor = actors.get(speaker) if speaker else None
        if actor is None or speaker in known:
            return False
        want = norm(gold["speaker_new"])
        names = {norm(actor.name), *(norm(a) for a in actor.aliases)}
        return any(want == n or want in n for n in names)
    return gold.get("speaker") == speaker


def evaluate_bundled(root: Path | None = None) -> Score:
    """The raw pipeline (no corrections) on the five bundled articles, against the gold."""
    gold = json.loads((FIXTURES / "gold" / "bundled.json").read_text(encoding="utf-8"))
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


def evaluate_fixtures(folder: Path = FIXTURES) -> Score:
    """The pipeline on the labelled test articles (``articles/*.txt`` + ``gold/*.json``)."""
    base = bundled_corpus(extractor=False)
    total = Score()
    for path in sorted((folder / "articles").glob("*.txt")):
        gold_path = folder / "gold" / f"{path.stem}.json"
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        body = read_body(path)
        x = extract(body, corpus=base, source=path.name)
        actors = {**base.actors, **{a.id: a for a in x.actors}}
        total.add(score_article(path.stem, gold, x.quotes, x.figures, actors, set(base.actors)))
    return total


def _line(name: str, s: Score) -> str:
    qp, qr, qf = s.quote_prf
    fp, fr, ff = s.figure_prf
    return (
        f"{name:<28} quotes P {qp:.3f} R {qr:.3f} F1 {qf:.3f} ({s.matched_quotes}/{s.gold_quotes} gold, "
        f"{s.pred_quotes} found) | speakers {s.speaker_accuracy:.3f} ({s.right_speakers}/{s.matched_quotes}) | "
        f"figures P {fp:.3f} R {fr:.3f} F1 {ff:.3f} ({s.matched_figures}/{s.gold_figures} gold, {s.pred_figures} found)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sma_tui.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and wrong speaker")
    args = parser.parse_args(argv)
    results = {"bundled (raw pipeline)": evaluate_bundled(), "test articles": evaluate_fixtures()}
    if args.json:
        print(json.dumps({k: v.as_dict() for k, v in results.items()}, indent=2))
    else:
        for name, s in results.items():
            print(_line(name, s))
    if args.errors:
        for s in results.values():
            for e in s.errors:
                print("  " + e, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
