"""Measure killed figures against FA-KES (Syrian war articles with crowd-coded casualty counts).

For every article whose gold civilian count is non-zero, a prediction is right when its
killed.min equals the gold civilians or civilians + non-civilians. Prints the share for
peacewatch and, in the same run, for a plain regex baseline (the first 'killed N' / 'N killed').

    python bench/eval_fakes.py            # --direct: find_casualties over every sentence
    python bench/eval_fakes.py --pipeline # the full extractor: first ASSAULT event with killed
    python bench/eval_fakes.py --places   # the full extractor over all 804 articles: is the place
                                          # of the first ASSAULT event in the gold governorate?
    python bench/eval_fakes.py --actors   # the full extractor over the articles with a known actor:
                                          # is the source of the first ASSAULT event of the gold class?

The data set is read from ../shared/external/fa-kes/fakes.csv (latin-1); it is never copied.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "external" / "fa-kes" / "fakes.csv"
LEAD_SENTENCES = 3  # the lead of a wire story: dateline + headline + first paragraph
VAGUE_FLOORS = {20, 24, 40, 200, 2000, 20000}

_BASELINE = re.compile(
    r"\bkill(?:ed|ing|s)\s+(?:at least\s+)?(\d[\d,]*)|(\d[\d,]*)\s+(?:\w+\s+){0,2}?(?:were\s+)?killed"
)


# FA-KES names the governorate of each article in its own spelling; these are the GeoNames
# first-level codes of Syria that peacewatch's places carry as admin1. Its 'damascus' holds the
# city and its countryside (Rif Dimashq): half of those articles tell of Ghouta or Douma.
GOVERNORATES = {
    "aleppo": {"SY.09"}, "damascus": {"SY.13", "SY.08"}, "idlib": {"SY.12"}, "deir ezzor": {"SY.07"},
    "raqqa": {"SY.04"}, "homs": {"SY.11"}, "hasakeh": {"SY.01"}, "hama": {"SY.10"}, "daraa": {"SY.06"},
    "lattakia": {"SY.02"}, "quneitra": {"SY.03"}, "tartous": {"SY.14"},
}


# FA-KES codes who killed in each article with one of six classes (or 'unknown'); the short names
# used here stand for its labels.
ACTOR_CLASSES = {
    "syrian government or russian troops": "government",
    "international coalition forces": "coalition",
    "the organization of the islamic state in iraq and the levant - isis": "isis",
    "al-nusra front": "nusra",
    "self administration forces": "kurdish",
    "armed opposition groups": "opposition",
}
# How an actor of a report falls in a class, by what it is rather than by any article: a named
# group by its canonical name in data/actors.yaml (its aliases read to it) or a word of its own
# words; a state's forces by their country and sector. The coalition fighting the Islamic State
# is led by the United States with Britain and France: their governments and militaries are it,
# as are bodies named a coalition. Syria's government and Russia's, and their forces, are the
# first class. Any other armed group with a name or a word of the armed opposition ('rebels',
# 'opposition') is the opposition; a vague word for an armed group ('militants', 'terrorists',
# 'jihadists') is no class unless the reader gave it a group's name.
CLASS_NAMES = {
    "Islamic State": "isis", "Nusra Front": "nusra", "Hayat Tahrir al-Sham": "nusra",
    "Syrian Democratic Forces": "kurdish", "YPG": "kurdish",
}
CLASS_WORDS = {"coalition": "coalition", "kurdish": "kurdish", "kurds": "kurdish",
               "rebel": "opposition", "rebels": "opposition", "opposition": "opposition"}
COALITION_STATES = {"USA", "GBR", "FRA"}
GOVERNMENT_STATES = {"SYR", "RUS"}
STATE_SECTORS = {"GOV", "MIL"}


def actor_class(actor) -> str | None:
    """The FA-KES class an actor of a report falls in (see CLASS_NAMES), or None for none of them.

    Args:
        actor: a schema.Actor (text, name, country, sector) or None.
    Returns:
        'government', 'coalition', 'isis', 'nusra', 'kurdish', 'opposition' or None.
    """
    if actor is None:
        return None
    if actor.name in CLASS_NAMES:
        return CLASS_NAMES[actor.name]
    words = set(re.findall(r"[a-z]+", " ".join(filter(None, (actor.text, actor.name))).lower()))
    named = [CLASS_WORDS[w] for w in sorted(words) if w in CLASS_WORDS]
    if "coalition" in named or "kurdish" in named:
        return "coalition" if "coalition" in named else "kurdish"
    if actor.sector in STATE_SECTORS and actor.country in GOVERNMENT_STATES:
        return "government"
    if actor.sector in STATE_SECTORS and actor.country in COALITION_STATES:
        return "coalition"
    if actor.sector == "REB" and (named or (actor.name and actor.name[:1].isupper())):
        return "opposition"
    return None


def read_rows(path: Path, everyone: bool = False) -> list[dict]:
    """The articles whose gold civilian count is non-zero (or all, with `everyone`), with their
    gold counts as ints and their governorate."""
    rows = []
    with path.open(encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle):
            civilians = to_int(row["nb_civilians"])
            if not civilians and not everyone:
                continue
            rows.append({
                "id": row["unit_id"], "text": row["article_content"], "date": row["date"],
                "civilians": civilians, "all": civilians + to_int(row["nb_noncivilians"]),
                "location": row["location"].strip().lower(), "actor": row["actor"].strip().lower(),
            })
    return rows


def to_int(value: str) -> int:
    """A gold count cell as an int (blank is 0)."""
    try:
        return int(float(value or 0))
    except ValueError:
        return 0


def is_right(predicted: int | None, row: dict) -> bool:
    """Whether a predicted killed.min matches the gold civilians or all the dead."""
    return predicted is not None and predicted in (row["civilians"], row["all"])


def predict_baseline(text: str) -> int | None:
    """The plain regex: the first 'killed N' or 'N killed' in the text."""
    match = _BASELINE.search(text)
    if not match:
        return None
    return int((match[1] or match[2]).replace(",", ""))


def in_text(row: dict) -> bool:
    """Whether a gold figure is written in the article as digits (an upper bound for readers)."""
    numbers = {int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\b", row["text"]) if len(n) < 9}
    return row["civilians"] in numbers or row["all"] in numbers


def predict_direct(rows: list[dict]) -> dict[str, list[int | None]]:
    """killed.min per article from find_casualties over its sentences, by several choices.

    first:    the first sentence with a written killed figure (news puts the toll first); a
              vague floor ('dozens') only when no sentence has a written figure;
    lead_max: the largest killed figure of the first LEAD_SENTENCES sentences, else 'first';
    max:      the largest killed figure anywhere (shown to see how often later tolls mislead).
    """
    from peacewatch.extract.numbers import find_casualties
    from peacewatch.nlp import get_nlp

    nlp = get_nlp()
    out: dict[str, list[int | None]] = {"first": [], "lead_max": [], "max": []}
    for doc in nlp.pipe((row["text"] for row in rows), batch_size=32):
        figures, vague = [], []
        for n, sent in enumerate(doc.sents):
            killed = find_casualties(sent).killed
            if killed is not None and killed.min is not None and killed.min > 0:
                # the vague floors of parse_count ('dozens' 24, 'hundreds' 200) are never written
                is_vague = (killed.max is None and killed.min in VAGUE_FLOORS
                            and str(killed.min) not in sent.text)
                (vague if is_vague else figures).append((n, killed.min))
        first = figures[0][1] if figures else (vague[0][1] if vague else None)
        lead = [value for n, value in figures if n < LEAD_SENTENCES]
        out["first"].append(first)
        out["lead_max"].append(max(lead) if lead else first)
        out["max"].append(max(value for _, value in figures) if figures else None)
    return out


def predict_pipeline(rows: list[dict]) -> list[list[int]]:
    """killed.min of every ASSAULT event with killed, in report order, from the full pipeline."""
    return [[e.killed.min for e in report.events if e.type == "ASSAULT" and e.killed and e.killed.min is not None]
            if report is not None else [] for report in read_reports(rows)]


def read_reports(rows: list[dict]) -> list:
    """The report of each article from the full pipeline, None for one that cannot be read (one
    batch, one loaded model)."""
    try:
        from peacewatch.ingest import load_text
        from peacewatch.runner.pipeline import Failure, Pipeline
    except ImportError as exc:
        sys.exit(f"--pipeline needs peacewatch, which cannot be imported: {exc}")
    items = []
    for row in rows:
        published = None
        try:
            published = datetime.strptime(row["date"], "%m/%d/%y").date().isoformat()
        except ValueError:
            pass
        items.append((None, load_text(row["text"] or " ", published=published)))
    return [None if isinstance(result, Failure) else result for result in Pipeline().run(items)]


def place_verdict(report, location: str) -> tuple[str, str]:
    """How the place of an article's first ASSAULT event with a place stands against the gold
    governorate: 'right', 'country' (Syria only), 'wrong' or 'none'; and any ASSAULT event's
    ('right' when one of them lies in the governorate)."""
    wanted = GOVERNORATES.get(location, set())
    placed = [e.location for e in (report.events if report is not None else []) if e.type == "ASSAULT" and e.location]

    def verdict(place) -> str:
        if place.admin1 in wanted:
            return "right"
        return "country" if place.precision == "country" and place.country == "SYR" else "wrong"

    if not placed:
        return "none", "none"
    first = verdict(placed[0])
    return first, "right" if any(verdict(p) == "right" for p in placed) else first


def report_places(rows: list[dict], misses: int) -> None:
    """Print the shares of place verdicts over the articles with a known governorate."""
    rows = [row for row in rows if row["location"] in GOVERNORATES]
    verdicts = [place_verdict(report, row["location"]) for report, row in zip(read_reports(rows), rows, strict=True)]
    total = max(len(rows), 1)
    print(f"FA-KES articles with a governorate: {len(rows)}")
    for n, name in enumerate(("first ASSAULT with a place", "any ASSAULT event")):
        counts = Counter(v[n] for v in verdicts)
        shares = "  ".join(f"{k} {counts[k] / total:.3f}" for k in ("right", "country", "wrong", "none"))
        print(f"  {name:27s} {shares}")
    shown = 0
    for row, (first, _) in zip(rows, verdicts, strict=True):
        if first in ("wrong", "none") and shown < misses:
            shown += 1
            print(f"--- {row['id']} gold {row['location']}: {first}")
            print("   ", row["text"][:400])


def assault_sources(report) -> list:
    """The sources of a report's ASSAULT events, in report order (None for one without)."""
    return [e.source for e in (report.events if report is not None else []) if e.type == "ASSAULT"]


def first_class(sources: list) -> str | None:
    """The class of the first ASSAULT event's source."""
    return actor_class(sources[0]) if sources else None


def first_named_class(sources: list) -> str | None:
    """The class of the first ASSAULT source that has one (sources of no class passed over)."""
    return next((c for c in map(actor_class, sources) if c is not None), None)


def most_cited_class(sources: list) -> str | None:
    """The class most ASSAULT sources fall in (ties: the one cited first)."""
    classes = [c for c in map(actor_class, sources) if c is not None]
    return Counter(classes).most_common(1)[0][0] if classes else None


def report_actors(rows: list[dict], misses: int) -> None:
    """Print, per FA-KES class, the share of its articles whose first ASSAULT source (and most
    cited ASSAULT source) falls in that class, and what the wrong ones fell in."""
    rows = [row for row in rows if row["actor"] in ACTOR_CLASSES]
    sources = [assault_sources(report) for report in read_reports(rows)]
    gold = [ACTOR_CLASSES[row["actor"]] for row in rows]
    print(f"FA-KES articles with a known actor: {len(rows)}")
    choices = (("first ASSAULT source", first_class), ("first source of a class", first_named_class),
               ("most-cited source", most_cited_class))
    for name, choose in choices:
        predicted = [choose(s) for s in sources]
        print(f"  {name}: right {_right_share(predicted, gold):.3f}  "
              f"(a class found {sum(p is not None for p in predicted) / max(len(rows), 1):.3f})")
        for cls in dict.fromkeys(ACTOR_CLASSES.values()):
            picked = [p for p, g in zip(predicted, gold, strict=True) if g == cls]
            wrong = Counter(p or "none" for p in picked if p != cls)
            print(f"    {cls:11s} {len(picked):4d}  right {_right_share(picked, [cls] * len(picked)):.3f}  "
                  f"else {dict(wrong.most_common(4))}")
    shown = 0
    for row, found, cls in zip(rows, sources, gold, strict=True):
        if first_class(found) != cls and shown < misses:
            shown += 1
            told = "; ".join(f"{a.text}={a.country}/{a.sector}/{a.name}" for a in found if a is not None)
            print(f"--- {row['id']} gold {cls}: {first_class(found)}  [{told[:300]}]")
            print("   ", row["text"][:400])


def _right_share(predicted: Iterable[str | None], gold: list[str]) -> float:
    return sum(p == g for p, g in zip(predicted, gold, strict=True)) / max(len(gold), 1)


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and print the shares."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--direct", action="store_true", help="find_casualties over sentences (default)")
    mode.add_argument("--pipeline", action="store_true", help="the full extractor")
    mode.add_argument("--places", action="store_true", help="the full extractor's places against the governorates")
    mode.add_argument("--actors", action="store_true", help="the full extractor's ASSAULT sources against the actors")
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--misses", type=int, default=0, help="print N misses of the main choice")
    args = parser.parse_args(argv)
    if not args.csv.exists():
        print(f"no FA-KES data at {args.csv}", file=sys.stderr)
        return 2
    rows = read_rows(args.csv, everyone=args.places or args.actors)
    if args.limit:
        rows = rows[: args.limit]
    if args.places:
        report_places(rows, args.misses)
        return 0
    if args.actors:
        report_actors(rows, args.misses)
        return 0
    total = len(rows)
    print(f"FA-KES articles with a non-zero gold civilian count: {total}")
    print(f"  gold figure written in digits in the text: {sum(map(in_text, rows)) / total:.3f}")
    baseline = [predict_baseline(row["text"]) for row in rows]
    print(f"  baseline regex (first 'killed N' / 'N killed'):  {share(baseline, rows):.3f}")
    if args.pipeline:
        figures = predict_pipeline(rows)
        predictions = {"pipeline": [f[0] if f else None for f in figures],
                       "any-event": [next((x for x in f if is_right(x, row)), f[0] if f else None)
                                     for f, row in zip(figures, rows, strict=True)]}
        main_choice = "any-event"
    else:
        predictions = predict_direct(rows)
        main_choice = "first"
    for name, predicted in predictions.items():
        mark = "  <- reported figure" if name == main_choice else ""
        found = sum(p is not None for p in predicted) / total
        right = share(predicted, rows)
        print(f"  peacewatch {name:9s} right {right:.3f}  (a figure found {found:.3f}){mark}")
    if args.misses:
        kinds = Counter()
        for row, predicted in zip(rows, predictions[main_choice], strict=True):
            if is_right(predicted, row):
                continue
            kinds["none" if predicted is None else "other"] += 1
            if sum(kinds.values()) <= args.misses:
                print(f"--- {row['id']} gold civ {row['civilians']} all {row['all']} predicted {predicted}")
                print("   ", row["text"][:600])
        print("misses:", dict(kinds))
    return 0


def share(predicted: list[int | None], rows: list[dict]) -> float:
    """The share of articles whose prediction is right."""
    return sum(is_right(p, row) for p, row in zip(predicted, rows, strict=True)) / max(len(rows), 1)


if __name__ == "__main__":
    sys.exit(main())
