"""Deterministic synthetic corpus in the style of the bundled articles.

    python benchmarks/synth.py --articles 10000 --out /tmp/synth.json    # a store file
    python benchmarks/synth.py --articles 200 --texts /tmp/synth-texts   # article files

Each article is ~4 KB of wire copy (dateline, lede, quotes with attributions, figures),
and the generator records every quote and figure span as it writes, so the store it
produces passes ``sma-tui check``. Defaults give 10,000 articles, ~100,000 quotes and
~50,000 figures by ~600 speakers over 2019-09 .. 2021-03.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sma_tui.bundled.build import bundled_corpus, corpus_records, link_events, write_corpus  # noqa: E402
from sma_tui.core.corpus import Corpus  # noqa: E402
from sma_tui.core.models import Actor, Article, Figure, PublicSource, Quote  # noqa: E402

PUBLISHERS = [
    ("Yonhap News Agency", "SEOUL", "(Yonhap) --"),
    ("Yonhap News Agency", "WASHINGTON", "(Yonhap) --"),
    ("Reuters", "SEOUL", "(Reuters) -"),
    ("Associated Press", "WASHINGTON", "(AP) —"),
    ("The Korea Herald", "SEOUL", "--"),
    ("Sputnik", "MOSCOW", "(Sputnik) -"),
]
TITLES_US = [
    "U.S. Defense Secretary",
    "Secretary of State",
    "U.S. chief negotiator",
    "State Department spokesperson",
    "U.S. Ambassador",
    "Pentagon press secretary",
    "USFK commander",
    "Senator",
]
TITLES_ROK = [
    "Defense Minister",
    "Foreign Minister",
    "chief negotiator",
    "presidential spokesperson",
    "lawmaker",
    "Unification Minister",
    "vice foreign minister",
    "ruling party floor leader",
]
FIRST = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin"]
GIVEN = ["Min-soo", "Ji-hoon", "Seo-yeon", "Hyun-woo", "Eun-ji", "Sung-min", "Ha-eun", "Dong-hyun", "Yu-na", "Jae-won"]
US_FIRST = ["John", "Mary", "Robert", "Linda", "James", "Susan", "Michael", "Karen", "David", "Nancy", "Mark", "Lisa"]
US_LAST = [
    "Smith",
    "Johnson",
    "Brown",
    "Miller",
    "Davis",
    "Wilson",
    "Moore",
    "Taylor",
    "Clark",
    "Hall",
    "Young",
    "King",
]

QUOTES = [
    "We will continue to strive with patience to make sure the sharing comes in mutually acceptable terms.",
    "The alliance remains ironclad, and we expect a fair and equitable agreement.",
    "It is critical that we get a fair, balanced, and comprehensive agreement signed quickly.",
    "Our side maintains the increase should be within the range that is mutually acceptable.",
    "We have shown significant flexibility in recent weeks in order to reach a mutually acceptable agreement.",
    "The proposals put forward were not responsive to our request for fair and equitable burden-sharing.",
    "There is a significant difference between the overall proposal and our position in principle.",
    "We cut short our participation in the talks today to give the other side some time to reconsider.",
    "South Korea can and should contribute more of its fair share.",
    "The workers' salaries should not be held hostage to the negotiations.",
    "We are looking for further compromise as well.",
    "Both sides narrowed their differences but a gap remains on the total amount.",
]
PARTIALS = [
    "ironclad",
    "fair and equitable",
    "further compromise",
    "increase drastically",
    "mutually acceptable",
    "comprehensive",
    "stalwart",
    "unreasonable",
]
FILLER = [
    "The two sides have been negotiating a new Special Measures Agreement on defense cost-sharing amid U.S. "
    "demands for a significant hike in Seoul's contribution.",
    "The previous one-year deal lapsed at the end of last year, leaving the salaries of Korean workers "
    "on U.S. bases without funding.",
    "Officials said working-level consultations would continue by video link ahead of the next formal round.",
    "Analysts in Seoul said the gap between the two sides remained wide despite the latest meeting.",
    "The talks were intended to last two days but ended early, according to people familiar with the matter.",
    "The United States stations troops in South Korea as a legacy of the 1950-53 Korean War.",
]
MEASURES = [
    (
        "us-demand",
        "USD",
        [5_000_000_000, 4_700_000_000, 4_000_000_000, 1_300_000_000],
        "Washington demanded {t} a year",
    ),
    ("seoul-payment-2019", "USD", [870_000_000, 923_000_000, 990_000_000], "Seoul paid {t} under the previous deal"),
    ("seoul-offer", "percent", [13, 10, 8, 13.9], "Seoul offered an increase of {t}"),
    ("usfk-troops", "troops", [28_500], "the {t} stationed in the country"),
    ("workers-on-leave", "people", [4_000, 4_500, 8_700], "{t} were placed on unpaid leave"),
]


def money(value: float) -> str:
    if value >= 1e9:
        return f"${value / 1e9:g} billion"
    return f"${value / 1e6:g} million"


def render_figure(unit: str, value: float) -> str:
    if unit == "USD":
        return money(value)
    if unit == "percent":
        return f"{value:g} percent"
    if unit == "troops":
        return f"{value:,.0f} American troops"
    return f"{value:,.0f} South Korean workers"


@dataclass
class Writer:
    """Appends text and remembers spans of quotes and figures as it goes."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    @property
    def body(self) -> str:
        return "".join(self.parts)


SYNTHETIC = PublicSource("benchmarks/synth.py", "synthetic speaker", "2020-01", "https://example.invalid/synthetic")
"""A made-up speaker's citation: well-formed, so that ``check`` passes the synthetic corpus."""


def make_actors(rng: random.Random, n: int) -> list[Actor]:
    actors = []
    for i in range(n):
        if i % 2:
            name = f"{rng.choice(US_FIRST)} {rng.choice(US_LAST)}"
            side, role = "US", rng.choice(TITLES_US)
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(GIVEN)}"
            side, role = "ROK", rng.choice(TITLES_ROK)
        aid = f"synth-{i:04d}"
        actors.append(Actor(aid, f"{name} ({i})", side, "person", role, "", [f"{name} ({i})"], [SYNTHETIC]))
    return actors


def generate(
    n_articles: int = 10_000, seed: int = 20191119, quotes_per: int = 10, figures_per: int = 5, n_speakers: int = 600
) -> tuple[Corpus, list[tuple[str, dict[str, str]]]]:
    """A corpus (bundled dossier + synthetic articles) and the article texts with metadata."""
    rng = random.Random(seed)
    base = bundled_corpus()
    actors = make_actors(rng, n_speakers)
    day0, span = date(2019, 9, 1), (date(2021, 3, 31) - date(2019, 9, 1)).days
    articles: list[Article] = []
    quotes: list[Quote] = []
    figures: list[Figure] = []
    texts: list[tuple[str, dict[str, str]]] = []
    for n in range(n_articles):
        day = (day0 + timedelta(days=rng.randrange(span))).isoformat()
        publisher, city, agency = rng.choice(PUBLISHERS)
        aid = f"synth-{n:05d}"
        w = Writer()
        title = f"Defense cost talks: {rng.choice(PARTIALS)} deal sought as round {rng.randint(1, 9)} ends"
        w.add(f"{title}\n\n{city}, {date.fromisoformat(day):%B} {int(day[8:])} {agency} ")
        a_quotes: list[Quote] = []
        a_figs: list[Figure] = []
        qn = fn = 0
        while qn < quotes_per or fn < figures_per or w.length < 3600:
            speaker = rng.choice(actors)
            roll = rng.random()
            if qn < quotes_per and roll < 0.55:
                text = rng.choice(QUOTES)
                w.add("“")
                s, e = w.add(text)
                w.add(f"” {speaker.role} {speaker.name} told reporters.\n\n")
                qn += 1
                a_quotes.append(Quote(f"{aid}/q{qn}", aid, s, e, text, speaker.id, "full", day))
            elif qn < quotes_per and roll < 0.7:
                text = rng.choice(PARTIALS)
                w.add(f'{speaker.name} called the proposal "')
                s, e = w.add(text)
                w.add('" in a statement.\n\n')
                qn += 1
                a_quotes.append(Quote(f"{aid}/q{qn}", aid, s, e, text, speaker.id, "partial", day))
            elif fn < figures_per and roll < 0.95:
                measure, unit, values, frame = rng.choice(MEASURES)
                value = rng.choice(values)
                fig = render_figure(unit, value)
                head, tail = frame.split("{t}")
                w.add(f"According to {speaker.name}, {head}")
                s, e = w.add(fig)
                w.add(f"{tail}.\n\n")
                fn += 1
                a_figs.append(
                    Figure(f"{aid}/f{fn}", aid, s, e, fig, float(value), unit, measure, None, speaker.id, day)
                )
            else:
                w.add(rng.choice(FILLER) + "\n\n")
        body = w.body
        articles.append(Article(aid, title, publisher, body, day, source="synthetic"))
        quotes += a_quotes
        figures += a_figs
        texts.append((body, {"publisher": publisher, "date": day, "title": title}))
    records = corpus_records(base)
    records["articles"] += articles
    records["actors"] += actors
    records["quotes"] += quotes
    records["figures"] += figures
    corpus = Corpus.from_records(records, {"corpus": "synthetic"})
    link_events(corpus)
    return corpus, texts


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=20191119)
    p.add_argument("--out", type=Path, help="write a store file here")
    p.add_argument("--texts", type=Path, help="write the article texts as .txt files into this folder")
    args = p.parse_args()
    corpus, texts = generate(args.articles, args.seed)
    if args.out:
        from sma_tui.storage.store import Store

        write_corpus(Store(args.out), corpus, {"corpus": "synthetic"})
        print(f"wrote {args.out}: {corpus.counts()}")
    if args.texts:
        args.texts.mkdir(parents=True, exist_ok=True)
        for i, (body, _meta) in enumerate(texts):
            (args.texts / f"synth-{i:05d}.txt").write_text(body, encoding="utf-8")
        print(f"wrote {len(texts)} articles to {args.texts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
