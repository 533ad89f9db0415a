"""Fusion: events that tell one happening become one incident.

First, an article's events of one happening (its lead sentence, the toll given two paragraphs
down, a caption) become one telling: an article is one source. Then tellings from different
articles join when they have the same type, their dates overlap within their precision (a day's
date may be one day off: 'yesterday' in a report filed after midnight), their places may be one
place (fuse/compare.py: the same town, a neighbour, a town in the region another names) and
their actors do not contradict each other. A strike told as country-wide (led by the country
struck, a town named only in another sentence) is one with a strike on any town of that country
on its days, and a telling dated only by its article's day may tell what happened a day before
its slack. A telling without a place joins the one incident it fits (among those that may be one,
the most told, then the one whose toll is nearest its own). Background (an event dated a year or
more before its article, a war's summary toll) joins nothing. The incident keeps every source's
own figures; its best toll is its latest reports' (docs/TOLLS.md).

Candidates are found through an index of incidents by (type, day), so each telling is compared
with the few incidents of its type and days: fusion grows with n log n, not n^2.
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from peacewatch.fuse.compare import (
    DIPLOMACY,
    GATHERING,
    GATHERING_ACTS,
    INSTRUMENT_DAYS,
    INSTRUMENT_TYPES,
    PHONE,
    PLACE_RANK,
    REPORT_LAG_DAYS,
    SYMMETRIC_TYPES,
    TOLD_FIELDS,
    Told,
    actor,
    dated_by_report,
    family,
    group,
    group_types,
    is_background,
    is_recall,
    is_stated,
    km,
    manners_agree,
    own_state_target,
    parties_agree,
    places_agree,
    share_something,
    two_sides,
    wide_place,
)
from peacewatch.fuse.instruments import instruments
from peacewatch.records import (
    INCIDENT_FIELDS,
    TELLING_COLUMNS,
    EventRecord,
    IncidentRecord,
    check_fields,
    date_span,
)

if TYPE_CHECKING:
    from peacewatch.store import BatchWriter

_TYPE_RANK = {kind: rank for rank, kind in enumerate(DIPLOMACY)}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
# Incidents spanning more days than this (month or year precision) are kept apart from the day index.
SHORT_SPAN_DAYS = 8
# A telling dated more vaguely than a month ('this year', '2025') is too vague to join any incident.
JOIN_SPAN_DAYS = 31


@dataclass
class Telling(Told):
    """One article's telling of a happening, as fusion needs it: an event, with the article's other
    events of the same happening in `also`."""

    event_id: int
    article_id: str
    root: str  # the original article when this one is a copy, else itself
    type: str
    country: str | None
    date_value: str | None
    date_precision: str | None
    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    evidence: str | None = None
    place_country: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # the article's publication day, to order the tellings' figures
    date_rule: str | None = None  # how the date was resolved ('narrative': from the story, not the sentence)
    killed_vague: bool = False  # the toll was read from a vague word ('dozens'): a floor, not a count
    injured_vague: bool = False
    position: int = 0  # the event's place among its article's events
    others: tuple[str, ...] = ()  # the countries of a meeting's parties beyond its two sides (Event.others)
    wide: bool = False  # a country-wide attack: its town is one of its sites (compare.wide_place)
    also: list[Telling] = field(default_factory=list)

    def figure(self) -> dict:
        figure = {"event_id": self.event_id, "article_id": self.article_id, "root": self.root,
                  "copy": self.root != self.article_id, "outlet": self.outlet, "url": self.url,
                  "published": self.published, "killed_min": self.killed_min, "killed_max": self.killed_max,
                  "injured_min": self.injured_min, "injured_max": self.injured_max, "evidence": self.evidence,
                  "type": self.type}
        for what in ("killed", "injured"):
            if getattr(self, f"{what}_vague"):
                figure[f"{what}_vague"] = True
        figure["parties"] = sorted(self.parties())
        if self.wide:
            figure["wide"] = True
        if self.also:
            figure["also_evidence"] = list(dict.fromkeys(t.evidence for t in self.also if t.evidence))
        return figure

    def parties(self) -> set[str]:
        """The countries of the sides its sentences name, and of those they name present beside them."""
        return {country for t in (self, *self.also) for country in (t.source_country, t.target_country, *t.others)
                if country}

    def span(self) -> tuple[date, date] | None:
        return date_span(self.date_value, self.date_precision)

    def instruments(self) -> frozenset[str]:
        """The numbered instruments its sentences name ('16 package': fuse/instruments.py)."""
        return instruments(t.evidence for t in (self, *self.also))

    def toll(self) -> int | None:
        return figure_of({"killed_min": self.killed_min, "killed_max": self.killed_max}, "killed")

    def told(self, what: str) -> tuple[bool, int] | None:
        """Its figure for 'killed' or 'injured', ranked: a written count above a vague one, then
        the higher (None when it gives none)."""
        value = figure_of({f"{what}_min": getattr(self, f"{what}_min"), f"{what}_max": getattr(self, f"{what}_max")},
                          what)
        return None if value is None else (not getattr(self, f"{what}_vague"), value)

    def order(self) -> tuple[str, int]:
        """Where it stands among all tellings whatever the order they were stored in: its article
        (a hash of the text) and its first event's place in the article."""
        return self.article_id, self.position

    def is_background(self) -> bool:
        span = self.span()
        return span is not None and is_background(span, self.published, self.toll(), self.date_rule)

    def is_recall(self) -> bool:
        span = self.span()
        return span is not None and is_recall(span[1], self.published)


@dataclass
class Incident(Told):
    """An incident being built: its best date and place, and every telling's figures."""

    type: str
    country: str | None
    date_value: str | None
    date_precision: str | None
    start: date
    end: date
    id: int | None = None
    figures: list[dict] = field(default_factory=list)
    new_members: list[Telling] = field(default_factory=list)
    changed: bool = True

    @property
    def articles(self) -> set[str]:
        return {f["article_id"] for f in self.figures}

    @property
    def wide(self) -> bool:
        """Whether a telling of it tells a country-wide attack (compare.wide_place)."""
        return any(f.get("wide") for f in self.figures)

    def anchor(self) -> tuple[str, str]:
        """What tells it apart from another whatever the order it was stored in: its first
        telling's article and sentence."""
        first = self.figures[0] if self.figures else {}
        return first.get("article_id") or "", first.get("evidence") or ""

    def parties(self) -> set[str]:
        """The countries of the sides its tellings name."""
        named = {country for f in self.figures for country in f.get("parties", ())}
        return named | {country for country in (self.source_country, self.target_country) if country}

    def instruments(self) -> frozenset[str]:
        """The numbered instruments its tellings' sentences name (fuse/instruments.py)."""
        return instruments(sentence for f in self.figures
                           for sentence in (f.get("evidence"), *f.get("also_evidence", ())))

    def summary(self) -> dict:
        """The figures of the incident: the best estimate (what its latest independent reports
        tell), the median over independent sources, and the lowest and highest any report tells."""
        by_root: dict[str, dict] = {}
        for figure in self.figures:
            chosen = by_root.get(figure["root"])
            if chosen is None or _stands_for_root(figure, chosen):
                by_root[figure["root"]] = figure
        out: dict[str, int | float | None] = {"sources": len(by_root), "reports": len(self.figures)}
        for what in ("killed", "injured"):
            out[f"{what}_best"] = best_figure(list(by_root.values()), what)
            independent = [f[f"{what}_min"] for f in by_root.values() if f[f"{what}_min"] is not None]
            lows = [f[f"{what}_min"] for f in self.figures if f[f"{what}_min"] is not None]
            highs = [f[f"{what}_max"] if f[f"{what}_max"] is not None else f[f"{what}_min"] for f in self.figures
                     if f[f"{what}_min"] is not None or f[f"{what}_max"] is not None]
            out[f"{what}_median"] = float(statistics.median(independent)) if independent else None
            out[f"{what}_min"] = min(lows) if lows else None
            out[f"{what}_max"] = max(highs) if highs else None
        return out

    def absorb(self, telling: Telling) -> None:
        """Add a telling; its date and place replace the incident's when they are more precise."""
        self.figures.append(telling.figure())
        self.new_members.append(telling)
        self.changed = True
        # told as several types of one family (talks, what was agreed): the type most tellings give;
        # what a side said at a meeting (GATHERING_ACTS) does not make the meeting a saying
        types = Counter(kind for f in self.figures if family(kind := f.get("type", self.type)) == family(self.type))
        self.type = max(types, key=lambda kind: (types[kind], -_TYPE_RANK.get(kind, 0)))
        span = telling.span()
        if span and PRECISION_RANK[telling.date_precision] < PRECISION_RANK[self.date_precision]:
            self.date_value, self.date_precision = telling.date_value, telling.date_precision
            self.start, self.end = span
        if telling.place_rank < self.place_rank:
            self.place_name, self.admin1, self.lat, self.lon, self.place_precision = (
                telling.place_name, telling.admin1, telling.lat, telling.lon, telling.place_precision)
            self.country = telling.place_country or self.country
        for role in ("source", "target"):
            # a side not named yet, or a target that is the source itself (read as unknown: actor())
            if actor(self, role) is None and actor(telling, role) and (
                    role == "source" or telling.target_country != self.source_country):
                for part in ("name", "country", "sector"):
                    setattr(self, f"{role}_{part}", getattr(telling, f"{role}_{part}"))
        self.mode = self.mode or telling.mode


def _stands_for_root(figure: dict, chosen: dict) -> bool:
    """Whether a figure rather than the one chosen so far stands for their original and its
    copies: the original's own figure, unless the same outlet published the other version
    later (an outlet's update of its own story, its toll risen, is found a copy of the first
    version when stored after it, and the first a copy of the update when stored before it:
    either way the outlet's latest version speaks)."""
    if not figure.get("outlet") or figure.get("outlet") != chosen.get("outlet"):
        return chosen["copy"] and not figure["copy"]
    told, other = figure.get("published") or "", chosen.get("published") or ""
    return told > other if figure["copy"] or not chosen["copy"] else told >= other


def figure_of(figure: dict, what: str) -> int | None:
    """A source's own figure for 'killed' or 'injured': its lower bound ('at least 9' is 9), else
    its upper one ('up to 30' is 30)."""
    low = figure.get(f"{what}_min")
    return low if low is not None else figure.get(f"{what}_max")


def best_figure(independent: list[dict], what: str) -> int | None:
    """The best estimate of a toll over independent sources' figures: what the reports of the
    latest publication day that give a figure tell (their median, the higher of the middle two
    when they are even: a toll rises through the day). A toll only rises as the dead are found,
    so the latest count is the best one; earlier ones stay as the low estimate (docs/TOLLS.md)."""
    given = [(f.get("published") or "", value, bool(f.get(f"{what}_vague")))
             for f in independent if (value := figure_of(f, what)) is not None]
    # a written count outweighs a vague word's floor ('dozens' read as 24): those count only alone
    told = [(day, value) for day, value, vague in given if not vague] or [(day, value) for day, value, _ in given]
    if not told:
        return None
    latest = max(day for day, _ in told)
    return statistics.median_high(value for day, value in told if day == latest)


# Fusion's working copies of the records: a column they share is typed as the record declares it;
# these are their own fields.
TELLING_OWN = ("root", "event_id", "country", "outlet", "url", "published", "date_rule", "killed_vague",
               "injured_vague", "position", "others", "wide", "also")
INCIDENT_OWN = ("start", "end", "new_members", "changed")
check_fields(Telling, EventRecord, own=TELLING_OWN)
check_fields(Incident, IncidentRecord, own=INCIDENT_OWN)


def incident_from(telling: Telling) -> Incident | None:
    span = telling.span()
    if span is None:
        return None
    incident = Incident(type=telling.type, country=telling.country, date_value=telling.date_value,
                        date_precision=telling.date_precision, start=span[0], end=span[1])
    incident.absorb(telling)
    for part in TOLD_FIELDS:
        setattr(incident, part, getattr(telling, part))
    for part, value in merge_sides(telling.type, [telling]).items():
        setattr(incident, part, value)
    return incident


def merge_sides(kind: str, group: Sequence[Telling]) -> dict[str, str | None]:
    """The sides tellings of one happening give it, as Told's fields: of each role, the first
    telling's that names one apart from the source (actor()), else the first telling's. A target
    that is the source's own state tells no side (own_state_target): its forces downing drones over
    it did not strike it, and its people another sentence names ('people are bombed') are not what
    they struck. One rule for an article's events gathered into one telling (merge) and for the
    incident a telling founds (incident_from)."""
    values: dict[str, str | None] = {}
    for role in ("source", "target"):
        named = next((t for t in group if actor(t, role)), group[0])
        unknown = role == "target" and own_state_target(kind, named)
        values.update({f"{role}_{part}": None if unknown else getattr(named, f"{role}_{part}")
                       for part in ("name", "country", "sector")})
    return values


def _days_apart(one: tuple[date, date], other: tuple[date, date]) -> int:
    """Days between two spans (0 when they overlap)."""
    return max((one[0] - other[1]).days, (other[0] - one[1]).days, 0)


# ------------------------------------------------------------ one article's tellings of a happening


def gather(tellings: list[Telling], slack_days: int = 1, max_km: float = 50.0) -> list[Telling]:
    """Each article's events of one happening as one telling (the first, with the others in
    `also`): the same type, dates within `slack_days`, places and actors that agree with every
    event of the group. An event without a place joins the first group of its article it fits
    (an article leads with its main happening)."""
    by_article: dict[str, list[Telling]] = defaultdict(list)
    for telling in sorted(tellings, key=Telling.order):
        by_article[telling.article_id].append(telling)
    out: list[Telling] = []
    for own in by_article.values():
        groups: list[list[Telling]] = []
        for telling in own:
            group = next((g for g in groups if all(_one_happening(m, telling, slack_days, max_km) for m in g)), None)
            if group is None:
                groups.append([telling])
            else:
                group.append(telling)
        out.extend(merge(group) for group in groups)
    return out


def _one_happening(one: Telling, other: Telling, slack_days: int, max_km: float) -> bool:
    one_span, other_span = one.span(), other.span()
    if family(one.type) != family(other.type) or one_span is None or other_span is None:
        return False
    if _days_apart(one_span, other_span) > slack_days:
        return False
    # a sentence naming several parties of one act (four leaders met) may be read as one event per party
    sides_agree = (one.type in SYMMETRIC_TYPES and one.evidence == other.evidence) or parties_agree(
        one.type, one, other, one.parties(), other.parties())
    return places_agree(one, other, max_km) and sides_agree and _countries_agree(one, other)


def merge(group: list[Telling]) -> Telling:
    """One telling of a group of an article's events: the most precise place and date, the first
    actors named, and the highest toll any of them gives (a later paragraph's updated count)."""
    lead = group[0]
    if len(group) == 1:
        return lead
    values: dict[str, Any] = {"also": group[1:]}
    placed = min(group, key=lambda t: t.place_rank)
    values.update({name: getattr(placed, name) for name in (
        "place_name", "admin1", "lat", "lon", "place_precision", "place_country")})
    values["country"] = placed.place_country or lead.country
    values["wide"] = wide_place(lead.type, lead, placed)
    best = min(PRECISION_RANK[t.date_precision] for t in group)
    precise = [t for t in group if PRECISION_RANK[t.date_precision] == best]
    # a day a sentence states ('on Sunday') outweighs the article's day given to its undated ones
    stated = [t for t in precise if is_stated(t.date_rule)] or precise
    days = Counter(t.date_value for t in stated)
    dated = next(t for t in stated if t.date_value == days.most_common(1)[0][0])
    values.update(date_value=dated.date_value, date_precision=dated.date_precision, date_rule=dated.date_rule)
    values.update(merge_sides(lead.type, group))
    values["mode"] = next((t.mode for t in group if t.mode), None)
    for what in ("killed", "injured"):
        # the highest written count (a later paragraph's update) outweighs a vague word ('dozens')
        told = [t for t in group if t.told(what) is not None]
        if told:
            top = max(told, key=lambda t: t.told(what) or (False, 0))
            values.update({f"{what}_{part}": getattr(top, f"{what}_{part}") for part in ("min", "max", "vague")})
    return replace(lead, **values)


def _sites_agree(one: Telling | Incident, other: Telling | Incident, max_km: float) -> bool:
    """Whether two places may be one happening's (compare.places_agree), or one is a site of a
    country-wide attack the other tells (compare.wide_place) in the same country."""
    if places_agree(one, other, max_km):
        return True
    return (one.wide or other.wide) and _place_country(one) is not None and _place_country(one) == _place_country(other)


def _toll_gap(telling: Telling, incident: Incident) -> float:
    """How far a telling's toll of the dead lies from an incident's best one: among incidents told
    as often, one giving a toll near its own is likelier its happening than one giving none
    (infinite when either gives none)."""
    mine, theirs = telling.toll(), incident.summary()["killed_best"]
    return math.inf if mine is None or theirs is None else abs(mine - theirs)


def _countries_agree(one: Telling | Incident, other: Telling | Incident) -> bool:
    """Two places named in different countries are different places (a sea or none says nothing)."""
    mine, theirs = _place_country(one), _place_country(other)
    return not (mine and theirs and mine != theirs)


def _place_country(told: Telling | Incident) -> str | None:
    if told.place_rank == PLACE_RANK["country"] and (family(told.type) == "DIPLOMACY" or told.type in GATHERING_ACTS):
        # a country named beside talks or words is often what they were about ('talks on Ukraine',
        # 'warned of a truce in Ukraine'), not where they were held or said
        return None
    if isinstance(told, Telling):
        return told.place_country if told.place_rank <= PLACE_RANK["country"] else None
    if isinstance(told, Incident):
        return told.country if told.place_rank <= PLACE_RANK["country"] else None
    return None


class Fuser:
    """Assigns tellings to incidents through an index by (type, day).

    Args:
        slack_days: how far apart two day-precision dates may be and still be one happening.
        max_km: how far apart two places may be.
        one_fit: a telling that names no town or region joins an incident only when it fits that
            one alone (else it stays apart); when False, it joins the nearest in time.
    """

    def __init__(self, slack_days: int = 1, max_km: float = 50.0, one_fit: bool = True):
        self.slack = slack_days
        self.max_km = max_km
        self.one_fit = one_fit
        self.incidents: list[Incident] = []
        self._days: dict[tuple[str, int], list[Incident]] = defaultdict(list)
        self._long: dict[str, list[Incident]] = defaultdict(list)
        self._gone: set[int] = set()  # incidents taken apart (their index entries stay: skipped)
        # the tellings an incident took from another since last asked (event id -> its incident now)
        self.moved: dict[int, Incident] = {}

    def fresh(self) -> Fuser:
        """A fuser of the same class and settings, holding no incidents."""
        return type(self)(self.slack, self.max_km, self.one_fit)

    def add(self, incident: Incident) -> None:
        """Index an incident (one read from the store, or a new one)."""
        self.incidents.append(incident)
        self._index(incident)

    def _index(self, incident: Incident) -> None:
        if incident.country is None and not incident.placed:
            return  # nothing says where or among whom it happened: nothing can be matched to it
        if (incident.end - incident.start).days >= JOIN_SPAN_DAYS:
            return  # dated to a year: nothing can be matched to it either
        if (incident.end - incident.start).days < SHORT_SPAN_DAYS:
            first = incident.start.toordinal() - self.slack
            for day in range(first, incident.end.toordinal() + self.slack + 1):
                self._days[(family(incident.type), day)].append(incident)  # met twice, it is compared once (match)
        else:
            self._long[family(incident.type)].append(incident)

    def fuse(self, telling: Telling) -> Incident | None:
        """The incident a telling joins (made new when none fits). None when it has no date, is
        background, or recalls a happening of weeks before that no incident holds."""
        if telling.is_background():
            return None
        best = self.match(telling)
        if best is None:
            if telling.is_recall():
                return None
            incident = incident_from(telling)
            if incident is not None:
                self.add(incident)
                self._take_acts(incident)
            return incident
        self._take(best, telling)
        return best

    def _take(self, incident: Incident, telling: Telling) -> None:
        """Add a telling to an incident; a meeting then takes up the acts said at it that fusion
        took up before it."""
        self._absorb(incident, telling)
        self._take_acts(incident)

    def _absorb(self, incident: Incident, telling: Telling) -> None:
        before = (incident.start, incident.end)
        incident.absorb(telling)
        if (incident.start, incident.end) != before:
            self._index(incident)  # a more precise date: index it under its new days too

    def _take_acts(self, meeting: Incident) -> None:
        """Make what fusion makes of a meeting whatever the order its tellings and the acts said
        at it come in: once a meeting names its two sides and its place (or gains a telling that
        may change which acts fit it), the acts of its sides said at it (GATHERING_ACTS) that were
        taken up before and made incidents of their own join it, as they would have had they come
        after it (_meeting_of). Only incidents made here, whose tellings fusion holds, are taken
        apart: the rest of an act's incident is made again of its other tellings."""
        if meeting.type != GATHERING or not meeting.placed or meeting.mode == PHONE or two_sides(meeting) is None:
            return
        for kind in GATHERING_ACTS:
            for act in self._near(kind, meeting.start, meeting.end, 0):
                if act.id is not None:
                    continue  # a stored incident: its tellings are not all at hand (the remake reads them)
                moving = [t for t in act.new_members if self._meeting_of(t) is meeting]
                if moving:
                    self._part(act, moving, meeting)

    def _part(self, act: Incident, moving: list[Telling], meeting: Incident) -> None:
        """Move an act incident's tellings `moving` to `meeting`; the others make it again."""
        self._gone.add(id(act))
        self.incidents.remove(act)
        for telling in moving:
            self._absorb(meeting, telling)
            self.moved[telling.event_id] = meeting
        gone = {telling.event_id for telling in moving}
        rest = [t for t in act.new_members if t.event_id not in gone]
        remade = incident_from(rest[0]) if rest else None
        if remade is None:
            return
        for telling in rest[1:]:
            remade.absorb(telling)
        self.add(remade)
        self.moved.update((telling.event_id, remade) for telling in rest)

    def match(self, telling: Telling) -> Incident | None:
        span = telling.span()
        if span is None or (span[1] - span[0]).days >= JOIN_SPAN_DAYS:
            return None
        start, end = span
        meeting = self._meeting_of(telling)
        if meeting is not None:  # what a side said at a meeting of the two joins the meeting
            return meeting
        seen = self._near(family(telling.type), start, end, 0)
        fitting = [i for i in seen if self._fits(telling, i, start, end)]
        fitting += self._same_instrument(telling, start, end, fitting)
        # one dated by its article's day tells late only what nothing of its own days fits
        fitting = fitting or self._reported_late(telling, start, end)
        if not fitting:
            return None
        if len(fitting) > 1 and (end - start).days >= SHORT_SPAN_DAYS:
            return None  # a month-precision telling joins only an incident it cannot be confused with
        if len(fitting) > 1 and not telling.placed:
            # one that names no town or region joins the one incident it fits: when those it fits
            # are placed apart, it cannot say which; when they may be one, the most told
            if self.one_fit and self._apart(fitting):
                return None
            return min(fitting, key=lambda i: (-len(i.figures), _toll_gap(telling, i),
                                               *self._distance(telling, i, start), i.anchor()))
        return min(fitting, key=lambda i: (*self._distance(telling, i, start), i.anchor()))

    def _near(self, kind: str, start: date, end: date, days: int) -> list[Incident]:
        """The indexed incidents of a family met from `days` before `start` to `days` after `end`
        (give or take the slack they are indexed with)."""
        seen: dict[int, Incident] = {}
        for day in range(start.toordinal() - days, end.toordinal() + days + 1):
            for incident in self._days.get((kind, day), ()):
                seen[id(incident)] = incident
        reach = timedelta(days=days)
        for incident in self._long.get(kind, ()):
            if incident.start <= end + reach and incident.end >= start - reach:
                seen[id(incident)] = incident
        return [incident for key, incident in seen.items() if key not in self._gone]

    def _meeting_of(self, telling: Telling) -> Incident | None:
        """The meeting an act told at one joins (_meetings): the nearest."""
        span = telling.span()
        if span is None or (span[1] - span[0]).days >= JOIN_SPAN_DAYS:
            return None
        meetings = self._meetings(telling, *span)
        return min(meetings, key=lambda i: (*self._distance(telling, i, span[0]), i.anchor()), default=None)

    def _meetings(self, telling: Telling, start: date, end: date) -> list[Incident]:
        """The meetings (GATHERING) of the same two parties that an act told at one
        (GATHERING_ACTS: a demand, an accusation) may join: held in a town or region named (not a
        call), on the same days, at a place the act's agrees with."""
        sides = two_sides(telling) if telling.type in GATHERING_ACTS else None
        if sides is None:
            return []
        return [i for i in self._near(family(GATHERING), start, end, 0)
                if i.type == GATHERING and i.placed and i.mode != PHONE and two_sides(i) == sides
                and self._fits(telling, i, start, end, kind=GATHERING)]

    def _same_instrument(self, telling: Telling, start: date, end: date, found: list[Incident]) -> list[Incident]:
        """The incidents of its family that name the same numbered instrument ('the 16th package
        of sanctions') up to INSTRUMENT_DAYS apart: one decision agreed one day, adopted another."""
        named = telling.instruments() if telling.type in INSTRUMENT_TYPES else frozenset()
        if not named:
            return []
        return [i for i in self._near(family(telling.type), start, end, INSTRUMENT_DAYS)
                if i not in found and named & i.instruments()
                and self._fits(telling, i, start, end, slack_days=INSTRUMENT_DAYS)]

    def _reported_late(self, telling: Telling, start: date, end: date) -> list[Incident]:
        """The incidents of the same two sides up to REPORT_LAG_DAYS before the slack allows,
        that one dated only by its article's day (compare.dated_by_report) may join: it may tell
        them late."""
        sides = two_sides(telling)
        if sides is None or not dated_by_report(telling.date_rule):
            return []
        # both name their two sides, which agree (_fits: the same pair, or one meeting's parties)
        return [i for i in self._near(family(telling.type), start, end, REPORT_LAG_DAYS)
                if i.end < start and two_sides(i) is not None
                and self._fits(telling, i, start, end, slack_days=self.slack + REPORT_LAG_DAYS)]

    def _apart(self, incidents: list[Incident]) -> bool:
        """Whether some of these incidents are placed where the others cannot be."""
        placed = [i for i in incidents if i.placed]
        return any(not _sites_agree(one, other, self.max_km) or not _countries_agree(one, other)
                   for n, one in enumerate(placed) for other in placed[n + 1:])

    def _fits(self, telling: Telling, incident: Incident, start: date, end: date, slack_days: int | None = None,
              kind: str | None = None) -> bool:
        """Whether a telling may be the incident's happening: days within the slack (or
        `slack_days`), sides, countries and places agreeing (sides compared as those of `kind`,
        by default the telling's type)."""
        if telling.article_id in incident.articles:
            return False  # an article's events of one happening were gathered into one telling
        slack = timedelta(days=self.slack if slack_days is None else slack_days)
        if not (incident.start - slack <= end and incident.end + slack >= start):
            return False
        parties = telling.parties(), incident.parties()
        if telling.type == incident.type == GATHERING and not manners_agree(telling, incident):
            return False
        return (parties_agree(kind or telling.type, telling, incident, *parties) and _countries_agree(telling, incident)
                and _sites_agree(telling, incident, self.max_km) and share_something(telling, incident, *parties))

    def _distance(self, telling: Telling, incident: Incident, start: date) -> tuple[float, float]:
        days = abs((incident.start - start).days)
        if telling.lat is not None and telling.lon is not None and incident.lat is not None \
                and incident.lon is not None:
            return days, km(telling.lat, telling.lon, incident.lat, incident.lon)
        return days, self.max_km

    def changed(self) -> list[Incident]:
        return [i for i in self.incidents if i.changed]


# ------------------------------------------------------------ records in and out of the store
#
# Fusion reads and writes plain rows: the store persists them and knows nothing of fusion.


def telling_of(event: dict[str, Any]) -> Telling:
    """A stored event row (with its event_id, root article and outlet) as fusion needs it."""
    data = event.get("data")  # the whole event, or what fusion reads of it in columns of their own
    if data is not None:
        read = {"date_rule": (data.get("date") or {}).get("rule"),
                **{f"{what}_vague": (data.get(what) or {}).get("vague") for what in ("killed", "injured")}}
    else:
        read = {name: event.get(name) for name in ("date_rule", "killed_vague", "injured_vague")}
    others = (data.get("others") if data is not None else event.get("others")) or []
    return Telling(
        event_id=event["event_id"], article_id=event["article_id"], root=event["root"], type=event["type"],
        others=tuple(dict.fromkeys(c for actor in others if (c := (actor or {}).get("country")))),
        country=event["place_country"] or event["target_country"] or event["source_country"],
        outlet=event["outlet"], url=event.get("url"), published=event.get("published"),
        date_rule=read["date_rule"], position=event.get("position") or 0,
        killed_vague=bool(read["killed_vague"]), injured_vague=bool(read["injured_vague"]),
        **{name: event[name] for name in TELLING_COLUMNS})


def incident_of(row: Any) -> Incident:
    """A stored incident row (any object with the incident's columns as attributes) as fusion needs it."""
    incident = Incident(type=row.type, country=row.country, date_value=row.date_value,
                        date_precision=row.date_precision, start=datetime.fromisoformat(row.date_start).date(),
                        end=datetime.fromisoformat(row.date_end).date(), id=row.id, figures=list(row.figures or []))
    for name in INCIDENT_FIELDS:
        setattr(incident, name, getattr(row, name))
    incident.changed = False
    return incident


def incident_values(incident: Incident) -> dict[str, Any]:
    """An incident's columns as it is now (all but its id and origin)."""
    return {**{name: getattr(incident, name) for name in INCIDENT_FIELDS},
            "date_start": incident.start.isoformat(), "date_end": incident.end.isoformat(), **incident.summary(),
            "figures": list(incident.figures),
            "evidence": list(dict.fromkeys(sentence for f in incident.figures
                                           for sentence in [f.get("evidence"), *f.get("also_evidence", [])]
                                           if sentence))}


def member_rows(incident: Incident) -> list[dict[str, Any]]:
    """The membership rows of the events an incident took in since it was last stored (each
    telling's event and the article's other events of the happening)."""
    return [{"incident_id": incident.id, "event_id": event.event_id, "article_id": event.article_id,
             "independent": event.root == event.article_id}
            for telling in incident.new_members for event in (telling, *telling.also)]


def fusion_order(telling: Telling) -> tuple[int, bool, bool, int, str, tuple[str, int]]:
    """Where a telling stands in fusion's one order, whatever the order tellings were stored in:
    by the last day it may be (a month's date after the days of its month), a telling that names
    no town or region a day later than those that do (so that it meets every incident of its days
    it might join), what a side said at a meeting after the meetings of its day (so that it meets
    the meeting), the precisely dated first, then its article and place in it."""
    return (sweep_day(telling), telling.type in GATHERING_ACTS, not telling.placed,
            PRECISION_RANK[telling.date_precision], telling.date_value or "", telling.order())


def sweep_day(telling: Telling) -> int:
    """The day (an ordinal) at which fusion takes a telling up (fusion_order)."""
    span = telling.span()
    return (span[1].toordinal() if span else 0) + (0 if telling.placed else 1)


# Incidents this many days before the first day fused again are read as they stand: a month's
# incident may still take a telling of its last days.
LOOKBACK_DAYS = JOIN_SPAN_DAYS + 2
# Fusion days start in year 3: a year and a month before it is still a date (ages before are one day).
FIRST_DAY = date(3, 1, 1).toordinal()


def fuse_told(writer: BatchWriter, told: list[dict[str, Any]], fuser: Fuser | None = None) -> list[int]:
    """Fuse a batch's stored events (`told`) into incidents, inside the batch's transaction, so
    that the incidents are those the whole stored record gives, whatever the batches it came in.

    Fusion takes tellings up in one order (fusion_order), each joining the incidents made by
    those before it. A batch's tellings may fall anywhere in that order: for each kind of
    happening they tell, the incidents from the first day they touch on are made again from
    the stored record (the batch's events are stored already), starting from the incidents
    before that day as they stand, until what is made again is what was stored (the rest then
    stands). `fuser` gives the settings (a new one of its class is used).
    Returns the ids of the incidents made or changed."""
    fuser = fuser or Fuser()
    days: dict[str, list[int]] = {}
    for telling in gather([telling_of(row) for row in told], fuser.slack, fuser.max_km):
        if telling.span() is not None and not telling.is_background():
            days.setdefault(group(telling.type), []).append(sweep_day(telling))
    touched: list[int] = []
    for kind, swept in sorted(days.items()):
        touched.extend(_Refusion(writer, kind, fuser.fresh()).run(min(swept), max(swept)))
    return touched


# Days of tellings read at a time while fusing again, and how often (in days) fusion checks
# whether what it makes again is what was stored.
READ_DAYS = 60
CHECK_DAYS = 7
# A telling taken up on a day meets incidents no older than this (a month's date, two days'
# slack): past it, an incident is settled.
ALIVE_DAYS = JOIN_SPAN_DAYS + 6


class _Refusion:
    """Fusion of one group of types (compare.group) made again from a day on (fuse_told)."""

    def __init__(self, writer: BatchWriter, kind: str, fuser: Fuser):
        self.writer, self.types, self.fuser = writer, group_types(kind), fuser
        self.day_of: dict[int, int] = {}  # a read telling's first event -> its fusion day
        self.stored: dict[int, Any] = {}  # stored incidents holding read tellings, by id
        self.stored_of: dict[int, int] = {}  # a read telling's first event -> its stored incident
        self.made_of: dict[int, Incident] = {}  # a fused telling's first event -> its incident now
        self.fused: list[tuple[int, int]] = []  # (fusion day, first event) of the tellings fused, in order

    def run(self, first: int, last: int) -> list[int]:
        day = max(first - self._meeting_reach(), FIRST_DAY)
        while True:  # start where no stored incident is cut in two
            later = self._read(day, max(day, last) + READ_DAYS)
            earliest = self._earliest(day)
            if earliest >= day or day == FIRST_DAY:
                break
            day = max(earliest, FIRST_DAY)
            self.day_of.clear()
            self.stored.clear()
            self.stored_of.clear()
        # the incidents made before `day`: none of those starting later holds a telling taken up before it
        for row in self.writer.incidents_ending(self.types, date.fromordinal(day - LOOKBACK_DAYS).isoformat(),
                                                date.fromordinal(day + 2 * self.fuser.slack + 1).isoformat()):
            if row.id not in self.stored:
                self.fuser.add(incident_of(row))
        horizon = max(day, last) + READ_DAYS
        queue = deque(sorted(later, key=fusion_order))
        checked = last
        while True:
            while queue:
                telling = queue.popleft()
                swept = sweep_day(telling)
                if swept > checked + CHECK_DAYS:  # every telling up to the day before is fused
                    checked = swept - 1
                    if self._settled(checked):
                        return self._write(checked)
                made = self.fuser.fuse(telling)
                self.fused.append((swept, telling.event_id))
                if made is not None:
                    self.made_of[telling.event_id] = made
                self.made_of.update(self.fuser.moved)  # the acts a meeting took from their incidents
                self.fuser.moved.clear()
            if self._settled(horizon - 1):
                return self._write(horizon - 1)
            # the next days: when none is stored, every incident is settled at their end
            queue.extend(sorted(self._read(horizon, horizon + READ_DAYS), key=fusion_order))
            horizon += READ_DAYS

    def _meeting_reach(self) -> int:
        """How many days before its first telling a remake starts so that the acts a meeting
        remade may take up (Fuser._take_acts) are made again too, not read as they stand: an act
        lies within a day's slack of its meeting, the meeting within a day's slack of the telling
        that joins it, taken up a day late when it names no place (day-precise dates)."""
        return 2 * self.fuser.slack + 1 if set(GATHERING_ACTS) & set(self.types) else 0

    def _earliest(self, day: int) -> int:
        """The day to start from so that no stored incident holding a telling read is cut in two:
        its tellings not read are taken up before `day` or after the days read. A telling's date
        lies within `slack` days of its first event's, and one naming no place is taken up a day
        late; a telling taken up after the days read starts after `day` (only a year's date,
        which joins nothing, spans more than the days read)."""
        unread = [f.get("event_id", -1) for row in self.stored.values() for f in row.figures or []
                  if f.get("event_id", -1) not in self.day_of]
        starts = [date.fromisoformat(start).toordinal() for start, _ in self.writer.event_days(unread).values()
                  if start]
        before = [start - self.fuser.slack - 1 for start in starts if start - self.fuser.slack - 1 < day]
        return min(before, default=day) - 2 * self.fuser.slack - 1 if before else day

    def _read(self, day: int, until: int) -> list[Telling]:
        """The stored tellings taken up from `day` to before `until`, and their stored incidents."""
        since = date.fromordinal(day - 1).isoformat()  # a telling without a place is taken up a day late
        articles = self.writer.told_articles(self.types, since, date.fromordinal(until).isoformat())
        events = [telling_of(row) for row in self.writer.told_events(self.types, articles)]
        read = [t for t in gather(events, self.fuser.slack, self.fuser.max_km)
                if day <= sweep_day(t) < until and t.event_id not in self.day_of]
        for telling in read:
            self.day_of[telling.event_id] = sweep_day(telling)
        for row in self.writer.incidents_of_events(e.event_id for t in read for e in (t, *t.also)):
            self.stored[row.id] = row
            for figure in row.figures or []:
                self.stored_of[figure.get("event_id", -1)] = row.id
        return read

    def _settled(self, day: int) -> bool:
        """Whether every incident still open on `day` holds the same tellings taken up by then as
        the stored one: fusing on would make what is stored."""
        for _, event_id in self.fused[bisect_right(self.fused, (day - ALIVE_DAYS, 2**63)):]:
            made = self.made_of.get(event_id)
            now = {f["event_id"] for f in made.figures} if made is not None else set()
            stored = self.stored.get(self.stored_of.get(event_id, -1))
            before = set() if stored is None else {
                f.get("event_id") for f in stored.figures if self.day_of.get(f.get("event_id", -1), day + 1) <= day}
            if now != before:
                return False
        return True

    def _write(self, day: int) -> list[int]:
        """Store what was made again up to `day`: a stored incident holding tellings of later days
        stands as it is (what was made of it up to `day` is what it held)."""
        standing = {row.id for row in self.stored.values()
                    if any(self.day_of.get(f.get("event_id", -1), day + 1) > day for f in row.figures or [])}
        for incident in self.fuser.incidents:
            first = incident.figures[0]["event_id"] if incident.figures else -1
            if incident.id is None and self.stored_of.get(first) in standing:
                incident.changed = False  # the same as the standing stored one
        return _write(self.writer, self.fuser, set(self.stored) - standing)


def _write(writer: BatchWriter, fuser: Fuser, remade_ids: set[int]) -> list[int]:
    """Store what fusion made: the incidents made again keep the ids of those whose first telling
    they start with; those left over go."""
    made = [i for i in fuser.incidents if i.id is None and i.changed]
    kept = [i for i in fuser.incidents if i.id is not None and i.changed]
    owner = writer.members_of(remade_ids)
    free = set(remade_ids)
    for incident in made:
        old = owner.get(incident.figures[0]["event_id"])
        if old in free:
            incident.id = old
            free.discard(old)
    writer.delete_incidents(remade_ids - free, keep_rows=True)
    writer.delete_incidents(free)
    reused = [i for i in made if i.id is not None]
    writer.update_incidents([{"id": i.id, **incident_values(i)} for i in (*reused, *kept)])
    new = [i for i in made if i.id is None]
    for incident, new_id in zip(new, writer.add_incidents([incident_values(i) for i in new]), strict=True):
        incident.id = new_id
    members, touched = [], []
    for incident in (*made, *kept):
        assert incident.id is not None
        members.extend(member_rows(incident))
        incident.new_members.clear()
        incident.changed = False
        touched.append(incident.id)
    writer.add_members(members)
    return touched
