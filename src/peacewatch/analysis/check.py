"""Suspect records of a store: what a user should look at before trusting it. Each check is a
rule over stored records that lists, with its reason and evidence, a record that is likely wrong.

- toll-scale: an incident whose killed is far above the typical toll its outlets report;
- old-news: an event dated a year or more before the article that tells it (background read as news);
- country-centroid: an incident placed at its country's centroid (country precision only);
- attacker-not-actor: a violent record whose attacker is a number, a weapon or a count of people.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from functools import cache

from peacewatch.data import DataFile, Word
from peacewatch.data.reading_words import NumberWords
from peacewatch.extract.weapons import load_weapon_lexicon
from peacewatch.records import VIOLENT_TYPES, best_figure
from peacewatch.store import Filters, Store

__all__ = ["CHECKS", "Finding", "check_store"]

CHECKS = ("toll-scale", "old-news", "country-centroid", "attacker-not-actor")
# A toll is suspect from TOLL_FACTOR times the typical (median) toll of the incidents its outlets
# tell, and never below TOLL_FLOOR: a strike killing 40 where an outlet's others kill 2 is news,
# not an error; 2,000 where they kill 10 is a war's total read as a day's.
TOLL_FACTOR = 20.0
TOLL_FLOOR = 100.0
# Fewer tolls than this from an incident's outlets: the store's median is the typical scale instead.
MIN_TYPICAL = 3
OLD_NEWS_DAYS = 365
_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


class CheckWords(DataFile):
    """data/check.yaml: words that show an attacker is not an actor."""

    FILE = "check.yaml"

    people_nouns: list[Word]
    thing_words: list[Word]


@dataclass
class Finding:
    """One suspect record: which check found it, what it is, why, and the sentence behind it."""

    check: str
    record: str  # 'incident' or 'event'
    id: int
    day: str | None
    what: str
    reason: str
    evidence: str | None

    def as_dict(self) -> dict:
        return asdict(self)


def check_store(store: Store, checks: tuple[str, ...] = CHECKS) -> list[Finding]:
    """Run the checks on the store.

    Args:
        store: the open store.
        checks: the names of the checks to run (default: all of CHECKS).
    Returns:
        The findings, by check then day.
    Raises:
        ValueError: an unknown check name.
    """
    unknown = [c for c in checks if c not in CHECKS]
    if unknown:
        raise ValueError(f"unknown check {', '.join(unknown)}: choose from {', '.join(CHECKS)}")
    incidents = store.incidents(Filters())
    runs = {"toll-scale": lambda: check_tolls(incidents),
            "old-news": lambda: check_old_news(store.events(Filters()), _published(store)),
            "country-centroid": lambda: check_centroids(incidents),
            "attacker-not-actor": lambda: check_attackers(incidents)}
    findings: list[Finding] = []
    for name in CHECKS:
        if name in checks:
            findings += sorted(runs[name](), key=lambda f: (f.day or "", f.id))
    return findings


def check_tolls(incidents: list[dict]) -> list[Finding]:
    """Incidents whose killed is TOLL_FACTOR times the typical toll of their outlets, or more."""
    by_outlet: dict[str, list[tuple[int, float]]] = defaultdict(list)
    everyone = []
    for incident in incidents:
        killed = best_figure(incident)
        if not killed:
            continue
        everyone.append(killed)
        for outlet in set(incident.get("outlets") or []):
            by_outlet[outlet].append((incident["id"], killed))
    if not everyone:
        return []
    store_typical = statistics.median(everyone)
    findings = []
    for incident in incidents:
        killed = best_figure(incident)
        if not killed or killed < TOLL_FLOOR:
            continue
        others = [k for outlet in set(incident.get("outlets") or [])
                  for other, k in by_outlet[outlet] if other != incident["id"]]
        typical = statistics.median(others) if len(others) >= MIN_TYPICAL else store_typical
        scale = "its outlets' typical toll" if len(others) >= MIN_TYPICAL else "the store's typical toll"
        if killed >= max(TOLL_FLOOR, TOLL_FACTOR * typical):
            findings.append(_finding("toll-scale", "incident", incident,
                                     f"killed {killed:,g}, {killed / typical:,.0f} times {scale} ({typical:,g})"))
    return findings


def check_old_news(events: list[dict], published: dict[str, str]) -> list[Finding]:
    """Events dated OLD_NEWS_DAYS or more before the publication of their article."""
    findings = []
    for event in events:
        day = event.get("date_end") or event.get("date_start") or event.get("date_value")
        stamp = published.get(event.get("article_id") or "", "")
        if not day or len(stamp) < 10:
            continue
        try:
            gap = (date.fromisoformat(stamp[:10]) - date.fromisoformat(day[:10])).days
        except ValueError:
            continue
        if gap >= OLD_NEWS_DAYS:
            findings.append(_finding("old-news", "event", event,
                                     f"dated {event.get('date_value')}, {gap} days before its article "
                                     f"({stamp[:10]})"))
    return findings


def check_centroids(incidents: list[dict]) -> list[Finding]:
    """Incidents on a map at their country's centroid: the place is only the country."""
    return [_finding("country-centroid", "incident", i,
                     f"placed at the centroid of {i.get('place_name') or i.get('country')} (country precision)")
            for i in incidents if i.get("place_precision") == "country" and i.get("lat") is not None]


def check_attackers(records: list[dict]) -> list[Finding]:
    """Violent records whose attacker's name is a number, a weapon, a count of people or a thing."""
    findings = []
    for record in records:
        if record.get("type") not in VIOLENT_TYPES or not record.get("source_name"):
            continue
        why = not_an_actor(record["source_name"])
        if why:
            coded = f"coded {record['source_country']}" if record.get("source_country") else "no country"
            findings.append(_finding("attacker-not-actor", "incident", record,
                                     f"attacker {record['source_name']!r} {why} ({coded})"))
    return findings


def not_an_actor(name: str) -> str | None:
    """Why a name cannot be an actor ('is a count', 'names a weapon' ...), or None when it may be one."""
    low = name.lower().strip()
    words = _WORD.findall(low)
    lexicon = _words()
    if words and (words[-1] in lexicon["people"] or words[-1] + "s" in lexicon["people"]
                  or words[-1] == "person"):
        return "names people, not who acted"
    if _DIGITS.search(low) or (words and words[0] in lexicon["numbers"]):
        return "starts with a number"
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start:start + size])
            if phrase in lexicon["weapons"]:
                return "names a weapon, not who used it"
            if phrase in lexicon["things"]:
                return "names a thing, not who acted"
    return None


@cache
def _words() -> dict[str, frozenset[str]]:
    """The word sets of the checks, read once: numbers, weapons (with plurals), people, things."""
    numbers = NumberWords.load()
    check = CheckWords.load()
    weapons = load_weapon_lexicon().weapons
    return {"numbers": frozenset([*numbers.units, *numbers.tens, *numbers.scales, *numbers.multipliers]),
            "weapons": frozenset([*weapons, *(w + "s" for w in weapons)]),
            "people": frozenset(check.people_nouns), "things": frozenset(check.thing_words)}


def _published(store: Store) -> dict[str, str]:
    return {a["id"]: a.get("published") or "" for a in store.articles()}


def _finding(check: str, record: str, row: dict, reason: str) -> Finding:
    what = " ".join(str(part) for part in (row.get("type"), row.get("place_name") or "", row.get("source_name") or "")
                    if part).strip()
    return Finding(check, record, int(row["id"]), row.get("date_value"), what, reason,
                   (row.get("evidence") or [None])[0] if isinstance(row.get("evidence"), list) else row.get("evidence"))
