"""Fusion: events from different articles that tell one happening become one incident.

Two tellings are one happening when they have the same type and country, their dates overlap
within their precision (a day's date may be one day off: 'yesterday' in a report filed after
midnight), their places are the same or within `max_km`, and their actors do not disagree. The
incident keeps every source's own figures; its consensus is the median over independent sources
(a copy of an article is not one), with the lowest and highest figure beside it.

Candidates are found through an index of incidents by (type, country, day), so each event is
compared with the few incidents of its block and days: fusion grows with n log n (the sort of
the input), not n^2.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from peacewatch.records import (
    INCIDENT_FIELDS,
    TELLING_COLUMNS,
    EventRecord,
    IncidentRecord,
    check_fields,
    date_span,
    shift_day,
)

if TYPE_CHECKING:
    from peacewatch.store import BatchWriter

PLACE_RANK = {"city": 0, "region": 1, "sea": 2, "country": 3, "continent": 4, None: 5}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
# Incidents spanning more days than this (month or year precision) are kept apart from the day index.
SHORT_SPAN_DAYS = 8


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the sphere, by the equirectangular approximation (good to well under 1% at the
    tens of kilometres fusion compares)."""
    r = math.pi / 180
    x = (lon2 - lon1) * r * math.cos((lat1 + lat2) * r / 2)
    y = (lat2 - lat1) * r
    return 6371 * math.hypot(x, y)


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


TOLD_FIELDS = tuple(f.name for f in fields(Told))


@dataclass
class Telling(Told):
    """One event of one article, as fusion needs it."""

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
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # the article's publication day, to order the tellings' figures

    def figure(self) -> dict:
        return {"event_id": self.event_id, "article_id": self.article_id, "root": self.root,
                "copy": self.root != self.article_id, "outlet": self.outlet, "url": self.url,
                "published": self.published, "killed_min": self.killed_min, "killed_max": self.killed_max,
                "injured_min": self.injured_min, "injured_max": self.injured_max, "evidence": self.evidence}


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

    def summary(self) -> dict:
        """The figures of the incident: the best estimate (what its latest independent reports
        tell), the median over independent sources, and the lowest and highest any report tells."""
        by_root: dict[str, dict] = {}
        for figure in self.figures:
            chosen = by_root.get(figure["root"])
            # an original's own figure stands for its copies
            if chosen is None or (chosen["copy"] and not figure["copy"]):
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
        span = date_span(telling.date_value, telling.date_precision)
        if span and PRECISION_RANK[telling.date_precision] < PRECISION_RANK[self.date_precision]:
            self.date_value, self.date_precision = telling.date_value, telling.date_precision
            self.start, self.end = span
        if telling.lat is not None and PLACE_RANK.get(telling.place_precision, 5) < PLACE_RANK.get(
                self.place_precision, 5):
            self.place_name, self.admin1, self.lat, self.lon, self.place_precision = (
                telling.place_name, telling.admin1, telling.lat, telling.lon, telling.place_precision)
        for role in ("source", "target"):
            if getattr(self, f"{role}_country") is None and getattr(telling, f"{role}_country"):
                for part in ("name", "country", "sector"):
                    setattr(self, f"{role}_{part}", getattr(telling, f"{role}_{part}"))
        self.mode = self.mode or telling.mode


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
    told = [(f.get("published") or "", value) for f in independent if (value := figure_of(f, what)) is not None]
    if not told:
        return None
    latest = max(day for day, _ in told)
    return statistics.median_high(value for day, value in told if day == latest)


# Fusion's working copies of the records: a column they share is typed as the record declares it;
# these are their own fields.
TELLING_OWN = ("root", "event_id", "country", "outlet", "url", "published")
INCIDENT_OWN = ("start", "end", "new_members", "changed")
check_fields(Telling, EventRecord, own=TELLING_OWN)
check_fields(Incident, IncidentRecord, own=INCIDENT_OWN)


def incident_from(telling: Telling) -> Incident | None:
    span = date_span(telling.date_value, telling.date_precision)
    if span is None:
        return None
    incident = Incident(type=telling.type, country=telling.country, date_value=telling.date_value,
                        date_precision=telling.date_precision, start=span[0], end=span[1])
    incident.absorb(telling)
    for part in TOLD_FIELDS:
        setattr(incident, part, getattr(telling, part))
    return incident


def _km_apart(telling: Telling, incident: Incident) -> float:
    """How far a telling's place is from an incident's (both have coordinates)."""
    assert telling.lat is not None and telling.lon is not None and incident.lat is not None \
        and incident.lon is not None
    return km(telling.lat, telling.lon, incident.lat, incident.lon)


class Fuser:
    """Assigns tellings to incidents through an index by (type, country, day).

    Args:
        slack_days: how far apart two day-precision dates may be and still be one happening.
        max_km: how far apart two places may be.
    """

    def __init__(self, slack_days: int = 1, max_km: float = 50.0):
        self.slack = slack_days
        self.max_km = max_km
        self.incidents: list[Incident] = []
        self._days: dict[tuple[str, str, int], list[Incident]] = defaultdict(list)
        self._long: dict[tuple[str, str], list[Incident]] = defaultdict(list)

    def add(self, incident: Incident) -> None:
        """Index an incident (one read from the store, or a new one)."""
        self.incidents.append(incident)
        self._index(incident)

    def _index(self, incident: Incident) -> None:
        if incident.country is None:
            return
        if (incident.end - incident.start).days < SHORT_SPAN_DAYS:
            first = incident.start.toordinal() - self.slack
            for day in range(first, incident.end.toordinal() + self.slack + 1):
                self._days[(incident.type, incident.country, day)].append(incident)
        else:
            self._long[(incident.type, incident.country)].append(incident)

    def fuse(self, telling: Telling) -> Incident | None:
        """The incident a telling joins (made new when none fits); None when it has no date."""
        best = self.match(telling)
        if best is None:
            incident = incident_from(telling)
            if incident is not None:
                self.add(incident)
            return incident
        before = (best.start, best.end)
        best.absorb(telling)
        if (best.start, best.end) != before:
            self._index(best)  # a more precise date: index it under its new days too
        return best

    def match(self, telling: Telling) -> Incident | None:
        span = date_span(telling.date_value, telling.date_precision)
        if span is None or telling.country is None:
            return None
        start, end = span
        seen: dict[int, Incident] = {}
        for day in range(start.toordinal(), end.toordinal() + 1):
            for incident in self._days.get((telling.type, telling.country, day), ()):
                seen[id(incident)] = incident
        for incident in self._long.get((telling.type, telling.country), ()):
            if incident.start <= end and incident.end >= start:
                seen[id(incident)] = incident
        fitting = [i for i in seen.values() if self._fits(telling, i, start, end)]
        if not fitting or ((end - start).days >= SHORT_SPAN_DAYS and len(fitting) != 1):
            return None  # a month- or year-precision telling joins only an incident it cannot be confused with
        return min(fitting, key=lambda i: self._distance(telling, i, start))

    def _fits(self, telling: Telling, incident: Incident, start: date, end: date) -> bool:
        if telling.article_id in incident.articles:
            return False  # one article's events are different happenings
        slack = timedelta(days=self.slack)
        if not (incident.start - slack <= end and incident.end + slack >= start):
            return False
        for role in ("source_country", "target_country"):
            mine, theirs = getattr(telling, role), getattr(incident, role)
            if mine and theirs and mine != theirs:
                return False
        if telling.lat is not None and incident.lat is not None and PLACE_RANK.get(telling.place_precision, 5) <= 1 \
                and PLACE_RANK.get(incident.place_precision, 5) <= 1:
            same_name = telling.place_name and incident.place_name and \
                telling.place_name.lower() == incident.place_name.lower()
            both_cities = telling.place_precision == "city" and incident.place_precision == "city"
            # two towns named apart are one place only when they are neighbours (a suburb, a
            # district told by its own name), not merely in the same region
            limit = self.max_km / 2.5 if both_cities and not same_name else self.max_km
            if not same_name and _km_apart(telling, incident) > limit:
                return False
        return True

    def _distance(self, telling: Telling, incident: Incident, start: date) -> tuple[float, float]:
        days = abs((incident.start - start).days)
        if telling.lat is not None and incident.lat is not None:
            return days, _km_apart(telling, incident)
        return days, self.max_km

    def changed(self) -> list[Incident]:
        return [i for i in self.incidents if i.changed]


# ------------------------------------------------------------ records in and out of the store
#
# Fusion reads and writes plain rows: the store persists them and knows nothing of fusion.


def telling_of(event: dict[str, Any]) -> Telling:
    """A stored event row (with its event_id, root article and outlet) as fusion needs it."""
    return Telling(
        event_id=event["event_id"], article_id=event["article_id"], root=event["root"], type=event["type"],
        country=event["place_country"] or event["target_country"] or event["source_country"],
        outlet=event["outlet"], url=event.get("url"), published=event.get("published"),
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
            "evidence": list(dict.fromkeys(f["evidence"] for f in incident.figures if f.get("evidence")))}


def blocks_of(tellings: list[Telling]) -> list[tuple[str, str, str, str, str]]:
    """The stored incidents a batch's tellings may join, as query bounds per (type, country):
    (type, country, earliest start, latest start, earliest end). Incidents start at most a year
    before the window (a year-precision one spans a year), and a day may be two days off."""
    spans: dict[tuple[str, str], list[str]] = {}
    for telling in tellings:
        span = date_span(telling.date_value, telling.date_precision)
        if span is None or telling.country is None:
            continue
        low, high = spans.get((telling.type, telling.country), [span[0].isoformat(), span[1].isoformat()])
        spans[(telling.type, telling.country)] = [min(low, span[0].isoformat()), max(high, span[1].isoformat())]
    return [(kind, country, shift_day(low, -366), shift_day(high, 2), shift_day(low, -2))
            for (kind, country), (low, high) in spans.items()]


def member_rows(incident: Incident) -> list[dict[str, Any]]:
    """The membership rows of the tellings an incident took in since it was last stored."""
    return [{"incident_id": incident.id, "event_id": m.event_id, "article_id": m.article_id,
             "independent": m.root == m.article_id} for m in incident.new_members]


def fuse_told(writer: BatchWriter, told: list[dict[str, Any]], fuser: Fuser) -> list[int]:
    """Join a batch's stored events (`told`) to the stored incidents of their blocks, or make new
    ones, inside the batch's transaction. Returns the ids of the incidents made or changed."""
    tellings = [telling_of(row) for row in told]
    if not tellings:
        return []
    loaded: dict[int, Incident] = {inc.id: inc for inc in fuser.incidents if inc.id is not None}
    stored: set[int] = set()  # incidents whose rows this transaction has read
    for incident in map(incident_of, writer.incidents_in(blocks_of(tellings))):
        assert incident.id is not None
        stored.add(incident.id)
        if incident.id not in loaded:
            fuser.add(incident)
            loaded[incident.id] = incident
    for telling in sorted(tellings, key=lambda t: (t.date_value or "", t.event_id)):
        fuser.fuse(telling)
    changed = fuser.changed()
    # a fuser given by the caller may hold incidents of an earlier batch whose rows are gone (that
    # batch rolled back): those are stored anew
    stored |= writer.existing_incidents([i.id for i in changed if i.id is not None and i.id not in stored])
    writer.update_incidents([{"id": i.id, **incident_values(i)} for i in changed if i.id in stored])
    new = [i for i in changed if i.id not in stored]
    for incident, new_id in zip(new, writer.add_incidents([incident_values(i) for i in new]), strict=True):
        incident.id = new_id
    members, touched = [], []
    for incident in changed:
        assert incident.id is not None
        members.extend(member_rows(incident))
        incident.new_members.clear()
        incident.changed = False
        touched.append(incident.id)
    writer.add_members(members)
    return touched
