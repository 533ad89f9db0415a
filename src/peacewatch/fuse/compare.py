"""What two tellings of a happening must share to be one happening (place, actors), and which
tellings are background rather than news: pure functions that fusion (fuse/incidents.py) asks.

docs/TOLLS.md states the rules in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from datetime import date

PLACE_RANK = {"city": 0, "region": 1, "sea": 2, "country": 3, "continent": 4, None: 5}
# A place of this rank or coarser says nothing of where in its country a happening was.
PLACED = 1
# Types whose two sides act together (a call, talks, a deal, a joint operation): which side a
# sentence names as the source and which as the target is a matter of wording ('Trump spoke with
# Putin', 'Putin and Trump held a call'), so their parties are compared as a set.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "CONCEDE"})
# Types one diplomatic happening is told as, in different words by different outlets: a call,
# talks or a meeting (CONSULT), what they agreed (AGREE), what a side yielded there (CONCEDE: a
# truce declared, prisoners released). Tellings of these types may be one incident, in this
# order of preference for the incident's type when its tellings are told as many types equally.
DIPLOMACY = ("CONSULT", "AGREE", "CONCEDE")
# What a side says or does at a meeting of two (a demand, an accusation, a refusal, a warning),
# told by some outlets in place of the meeting itself: such an act whose two sides are the
# meeting's two parties, on its day, joins the meeting's incident (GATHERING).
GATHERING_ACTS = ("ACCUSE", "REQUEST", "REJECT", "THREATEN")
# The type of the incident such acts join (talks or a meeting held somewhere, not a call: PHONE
# is the mode of a call).
GATHERING = "CONSULT"
PHONE = "phone"
# The modes of talks held in person: a call and a meeting or visit of the same parties on the same
# days are two happenings (a leaders' call with an absent party during their summit).
IN_PERSON = frozenset({"meeting", "visit"})
# Two reports naming the same numbered instrument ('the 16th package of sanctions') tell one
# decision when their days are this close: agreed on one day, adopted some days later. Only
# decisions and rounds of talks are numbered instruments; a strike's 'second wave' is not one
# happening with another 'second wave' days later.
INSTRUMENT_DAYS = 7
INSTRUMENT_TYPES = frozenset({"SANCTION", "AID", "AGREE", "CONSULT", "CONCEDE"})
# An act dated by its article's day is dated by when it was reported, which may be some days
# after it: one told with no date of its own ('undated' in the date resolver's rule: the last day
# of an exchange of prisoners told as completed), or 'overnight' read as the night into the
# publication day (a page filed or stamped the day after the night it tells). It joins an
# incident of the same two sides up to this many days before, beyond the day of slack any
# telling has.
REPORT_LAG_DAYS = 1
UNDATED_RULE = "undated"
REPORT_DAY_RULES = (UNDATED_RULE, "overnight-into-publication-day")
# Strikes from the air reach many towns of a country in one night: a telling that leads with the
# country as the place struck ('a massive drone attack on X') and names a town only in another
# sentence (where some of the dead were) tells a country-wide attack, and the town is one of its
# sites, not where it happened (wide_place).
WIDE_TYPES = frozenset({"ASSAULT"})
# An event dated this long before its article's publication is background (a summary of the war,
# a recalled past event): it never joins an incident. UCDP and ACLED code events from reports of
# the days after them; a year is far outside any reporting lag.
BACKGROUND_DAYS = 365
# An event dated more than this before its article (a strike recalled weeks later) joins the
# incident it fits, if any, but never makes one: an incident is founded by the news of its days.
RECALL_DAYS = 7
# A toll this high from a sentence that gives no date of its own ('the war has killed thousands'),
# or over a month or a year ('in 2025, 1,654 people were killed'), sums up a war; it is never one
# happening's toll.
SUMMARY_TOLL = 1000
# The date resolver's rules for a date the sentence does not state: taken from the story's other
# sentences ('narrative'), or the publication day of an undated sentence.
UNSTATED_DATE_RULES = ("narrative", "undated", "publication date")
SUMMARY_SPAN_DAYS = 28  # a date spanning this many days or more is a month's or a year's


@dataclass(kw_only=True)
class Told:
    """What a telling and an incident both say: the place, the manner, and who acted on whom."""

    place_name: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: str | None = None
    mode: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    target_sector: str | None = None

    @property
    def place_rank(self) -> int:
        return PLACE_RANK.get(self.place_precision, 5) if self.lat is not None or self.place_name else 5

    @property
    def placed(self) -> bool:
        """Whether it says where in its country it happened (a town or a region)."""
        return self.place_rank <= PLACED


TOLD_FIELDS = tuple(f.name for f in fields(Told))


def family(kind: str) -> str:
    """The kind of happening a type belongs to for fusion: the diplomatic types are one
    (DIPLOMACY), any other type is its own."""
    return "DIPLOMACY" if kind in DIPLOMACY else kind


def family_types(kind: str) -> tuple[str, ...]:
    """The types of a family (family())."""
    return DIPLOMACY if kind == "DIPLOMACY" else (kind,)


def group(kind: str) -> str:
    """The types fused together, as one pass over the store: a family, with the acts told at a
    meeting (GATHERING_ACTS) beside the diplomatic family they may join."""
    return "DIPLOMACY" if kind in GATHERING_ACTS else family(kind)


def group_types(kind: str) -> tuple[str, ...]:
    """The types of a group (group())."""
    return (*DIPLOMACY, *GATHERING_ACTS) if kind == "DIPLOMACY" else family_types(kind)


def two_sides(told: Told) -> frozenset[str] | None:
    """The two countries of an act's sides, when it names both and they differ."""
    sides = frozenset(c for c in (actor(told, "source"), actor(told, "target")) if c)
    return sides if len(sides) == 2 else None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the sphere, by the equirectangular approximation (good to well under 1% at the
    tens of kilometres fusion compares)."""
    r = math.pi / 180
    x = (lon2 - lon1) * r * math.cos((lat1 + lat2) * r / 2)
    y = (lat2 - lat1) * r
    return 6371 * math.hypot(x, y)


def places_agree(one: Told, other: Told, max_km: float) -> bool:
    """Whether two places may be the one place of a happening: the same town, two neighbouring
    towns (a suburb, a district told by its own name), a town and the region that holds it, or
    two names of one region. A place that is not a town or region (none, a country, a sea) agrees
    with any: it does not say where in the country."""
    if not (one.placed and other.placed):
        return True
    if _same_name(one.place_name, other.place_name):
        return True
    if one.place_precision == "city" and other.place_precision == "city":
        # two towns named apart are one place only when they are neighbours, not merely in one region
        return _near(one, other, max_km / 2.5)
    if one.admin1 and other.admin1:
        return one.admin1 == other.admin1  # a region and a town in it, or two names of the region
    return _near(one, other, max_km)


def _same_name(one: str | None, other: str | None) -> bool:
    return bool(one and other and one.lower() == other.lower())


def _near(one: Told, other: Told, limit: float) -> bool:
    if one.lat is None or one.lon is None or other.lat is None or other.lon is None:
        return False
    return km(one.lat, one.lon, other.lat, other.lon) <= limit


def actor(told: Told, role: str) -> str | None:
    """The country of a side (role 'source' or 'target'); a target that is the source itself is
    read as unknown (a strike on one's own side is almost always a misread target)."""
    source = told.source_country
    if role == "source":
        return source
    target = told.target_country
    return None if target == source else target


def own_state_target(kind: str, told: Told) -> bool:
    """Whether a strike's (`kind` ASSAULT) target is its source's own state as a whole (its
    government, or the country named with no sector) and its source that state's government or
    forces: 'X's ministry said its air defences downed 40 drones' read as X's forces striking X.
    No state strikes itself, so the target is a misread, and unknown (a state's forces and its own
    people or rebels, a civil war's sides, are kept; a domestic meeting's are another type's)."""
    return (kind == "ASSAULT" and told.target_country is not None and told.target_country == told.source_country
            and told.target_sector in (None, "GOV") and told.source_sector in ("GOV", "MIL"))


def actors_agree(kind: str, one: Told, other: Told) -> bool:
    """Whether two tellings' sides may be the same: who acted and who was acted on do not
    contradict each other. For symmetric types the sides are a pair, in either order: two
    tellings agree when together they name no more than two parties ('Trump spoke with Putin'
    and 'Putin and Trump talked'; 'the US held talks' and 'the Kremlin held talks')."""
    if kind in SYMMETRIC_TYPES:
        parties = {actor(one, "source"), actor(one, "target"), actor(other, "source"), actor(other, "target")}
        return len(parties - {None}) <= 2
    for role in ("source", "target"):
        a, b = actor(one, role), actor(other, role)
        if a and b and a != b:
            return False
    return True


def parties_overlap(one: Told, other: Told, one_parties: set[str], other_parties: set[str]) -> bool:
    """Whether two tellings of talks among several parties may be one, though their two sides
    differ: each names the other's two sides among all the parties it names (its sides, those also
    present, its host or mediator). Outlets name one summit by different pairs of its leaders ('A
    met D, with B and C present'; 'B visited D, with A and C'); a meeting of only two of them, or
    of one of them with a party not present, is another.

    Args:
        one, other: two tellings (or a telling and an incident) of symmetric types.
        one_parties, other_parties: the countries of every party each names.
    """
    pairs = [{actor(told, "source"), actor(told, "target")} - {None} for told in (one, other)]
    return len(pairs[0]) == len(pairs[1]) == 2 and pairs[0] <= other_parties and pairs[1] <= one_parties


def parties_agree(kind: str, one: Told, other: Told, one_parties: set[str], other_parties: set[str]) -> bool:
    """Whether two tellings' sides may be one happening's (actors_agree), or, for talks among
    several parties, whether each names the other's two sides (parties_overlap).

    Args:
        kind: the type the sides are compared as.
        one, other: two tellings, or a telling and an incident.
        one_parties, other_parties: the countries of every party each names.
    """
    return actors_agree(kind, one, other) or (
        kind in SYMMETRIC_TYPES and parties_overlap(one, other, one_parties, other_parties))


def manners_agree(one: Told, other: Told) -> bool:
    """Whether two tellings of talks may be one happening by their manner: a call (PHONE) is not a
    meeting or visit in person (IN_PERSON); an unknown or other manner agrees with any."""
    modes = {one.mode, other.mode}
    return not (PHONE in modes and modes & IN_PERSON)


def dated_by_report(date_rule: str | None) -> bool:
    """Whether a date is its article's day rather than one its sentences state (REPORT_DAY_RULES)."""
    return any(rule in (date_rule or "") for rule in REPORT_DAY_RULES)


def is_stated(date_rule: str | None) -> bool:
    """Whether a date is one the sentence itself states, not its story's or its article's day
    (UNSTATED_DATE_RULES)."""
    return not any(rule in (date_rule or "") for rule in UNSTATED_DATE_RULES)


def wide_place(kind: str, lead: Told, placed: Told) -> bool:
    """Whether a telling leads (`lead`) with a country as the place of an act of a WIDE_TYPES
    type and takes its town or region (`placed`) from another of its sentences: a country-wide
    attack, one of whose sites the town is."""
    return (kind in WIDE_TYPES and lead.place_precision == "country" and placed is not lead
            and placed.placed)


def share_something(one: Told, other: Told, one_parties: set[str], other_parties: set[str]) -> bool:
    """Whether two tellings share a positive sign of one happening beyond its type and day: both
    name a town or region (places_agree compares them), or they name a party in common (the
    countries of the sides each names, in any of its sentences). Two tellings that agree only
    because neither says where or who are not one happening on that alone."""
    return (one.placed and other.placed) or bool(one_parties & other_parties)


def days_before(end: date, published: str | None) -> int | None:
    """How many days before its article's publication a happening's last possible day is."""
    if not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (day - end).days


def is_background(span: tuple[date, date], published: str | None, toll: int | None, date_rule: str | None) -> bool:
    """Whether a telling is background, not news: dated a year or more before its article, or
    a summary toll (SUMMARY_TOLL or more) in a sentence that gives no date of its own or dates it
    to a month or a year."""
    before = days_before(span[1], published)
    if before is not None and before >= BACKGROUND_DAYS:
        return True
    if toll is None or toll < SUMMARY_TOLL:
        return False
    unstated = any(rule in (date_rule or "") for rule in UNSTATED_DATE_RULES)
    return unstated or (span[1] - span[0]).days >= SUMMARY_SPAN_DAYS


def is_recall(end: date, published: str | None) -> bool:
    """Whether a telling recalls a happening of some days before its article (RECALL_DAYS)."""
    before = days_before(end, published)
    return before is not None and before > RECALL_DAYS

