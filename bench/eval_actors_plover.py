"""Measure actor country and sector on the PLOVER gold-standard records (../shared/external/plover_gsr).

For each record's source and target actor, find its words in the sentence, take the noun phrase
they head (as the event extractor would), run describe_actor, and compare with the gold ISO3 code
and sector (CAMEO agent codes mapped to peacewatch sectors). One country of countries coordinated as
adjectives ('Egyptian' in 'French and Egyptian warships') is read as the event readers read it:
one party per country (context.actors_of). Prints accuracies and the misses by
kind; nothing from the data set is written anywhere.

    .venv/bin/python bench/eval_actors_plover.py [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from peacewatch.extract.actors import build_person_index, describe_actor, noun_phrase
from peacewatch.extract.context import actors_of, new_context, split_adjective_coordination
from peacewatch.extract.countries import country_name, country_of
from peacewatch.nlp import get_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "external" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"

# Older CAMEO country codes in the file, and codes that mean 'no country'.
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA"}
NO_COUNTRY = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB"}
# CAMEO agent types -> peacewatch sectors; types with no counterpart (opposition, elites,
# criminals, parties) are left out of the sector figure.
SECTOR_MAP = {
    "GOV": "GOV", "LEG": "GOV", "JUD": "GOV", "SPY": "GOV",
    "MIL": "MIL", "COP": "MIL",
    "REB": "REB", "INS": "REB", "UAF": "REB",
    "CVL": "CVL", "CIV": "CVL", "REF": "CVL", "EDU": "CVL", "LAB": "CVL", "AGR": "CVL", "REL": "CVL",
    "MED": "MED", "JRN": "MED", "BUS": "BUS",
}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "case"}


def gold_of(actor: dict) -> tuple[str | None, bool, str | None]:
    """(gold ISO3 or None, whether the country is gradable, gold sector or None)."""
    code = (actor.get("code") or "").strip().upper()
    raw_sector = (actor.get("sector") or "").strip()
    sector = SECTOR_MAP.get(raw_sector[:3].upper()) if raw_sector else None
    if code in NO_COUNTRY:
        return None, True, sector or NO_COUNTRY[code]
    code = CODE_FIXES.get(code, code)
    gradable = len(code) == 3 and country_name(code) is not None
    return (code if gradable else None), gradable, sector


def phrase_for(doc, start_char: int, end_char: int):
    """The noun phrase the actor's words belong to, climbing from modifiers to their noun."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    # 'Hungarian' in 'Hungarian officials', 'Romanian' in 'Hungarian and Romanian officials'.
    while True:
        if token.dep_ in _MODIFIER_DEPS and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
            token = token.head
        elif token.dep_ == "conj" and token.head.dep_ in _MODIFIER_DEPS and token.head.i < token.i:
            token = token.head
        else:
            break
    return noun_phrase(token)


def coordinated_party(span, start_char: int, end_char: int):
    """The party the event readers make of one country of 'French and Egyptian warships' (one party
    per country, context.actors_of) when the actor's words hold that country alone; else None."""
    parts = split_adjective_coordination(span.root)
    inside = [t for t in parts if start_char <= t.idx < end_char]
    if not parts or len(inside) != 1:
        return None
    code = country_of(inside[0].text)
    found = actors_of([span.root], new_context(span.doc, None), [])
    return next((a for a in found if code and a.country == code), None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="print each miss")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found", file=sys.stderr)
        return 1
    records = [r for r in json.loads(DATA.read_text(encoding="utf-8")) if r.get("text")]
    nlp = get_nlp()
    stats = Counter()
    misses = Counter()
    docs = nlp.pipe([r["text"] for r in records], batch_size=64)
    for record, doc in zip(records, docs, strict=True):
        persons = build_person_index(doc)
        for role in ("source", "target"):
            actors = record.get(role)
            if not isinstance(actors, list):
                continue
            for gold in actors:
                if not isinstance(gold, dict) or not gold.get("actorText"):
                    continue
                text = gold["actorText"]
                at = record["text"].find(text)
                if at < 0:
                    at = record["text"].lower().find(text.lower())
                if at < 0:
                    stats["not_found"] += 1
                    continue
                span = phrase_for(doc, at, at + len(text))
                actor = describe_actor(span, persons=persons) if span is not None else None
                if span is not None:
                    actor = coordinated_party(span, at, at + len(text)) or actor
                country, gradable, sector = gold_of(gold)
                got_country = actor.country if actor else None
                got_sector = actor.sector if actor else None
                stats["actors"] += 1
                if actor is None:
                    stats["none"] += 1
                if gradable:
                    stats["country_n"] += 1
                    if got_country == country:
                        stats["country_ok"] += 1
                    else:
                        kind = "missed" if got_country is None else (
                            "spurious" if country is None else "wrong")
                        misses[f"country {kind}"] += 1
                        if args.show_errors:
                            print(f"COUNTRY gold={country} got={got_country} | {span} | {text}")
                if sector:
                    stats["sector_n"] += 1
                    if got_sector == sector:
                        stats["sector_ok"] += 1
                    else:
                        misses[f"sector {sector}->{got_sector}"] += 1
                        if args.show_errors:
                            print(f"SECTOR gold={sector} got={got_sector} | {span} | {text}")
    print(f"records: {len(records)}  actors: {stats['actors']}  not found in text: {stats['not_found']}  "
          f"no actor returned: {stats['none']}")
    print(f"country accuracy: {stats['country_ok']}/{stats['country_n']} = "
          f"{stats['country_ok'] / max(stats['country_n'], 1):.3f}")
    print(f"sector accuracy:  {stats['sector_ok']}/{stats['sector_n']} = "
          f"{stats['sector_ok'] / max(stats['sector_n'], 1):.3f}")
    print("misses:", ", ".join(f"{k}: {v}" for k, v in misses.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
