"""The timeline: killed per day in violent incidents, and the diplomatic events on the same days
(meetings, calls, agreements, rejections, proposals, and the steps of agreements)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from peacewatch.errors import InputError
from peacewatch.records import best_figure
from peacewatch.store import Filters, Store

DIPLOMATIC_TYPES = ("CONSULT", "AGREE", "REJECT", "REQUEST")
# The longest period a timeline is built for, one row a day: a century ('date_from=0001-01-01'
# would otherwise build millions of empty days and run the permutation test over them).
MAX_TIMELINE_DAYS = 36_600
STEP_LABELS = {"proposed": "proposal", "accepted": "acceptance", "rejected": "rejection", "agreed": "agreement",
               "signed": "signing", "in_force": "in force", "violated": "violation", "collapsed": "collapse",
               "expired": "expiry", "demanded": "demands", "accused_violation": "violation alleged"}


@dataclass
class Marker:
    """A diplomatic happening on the timeline."""

    day: date
    kind: str  # an incident type (CONSULT, AGREE ...) or 'agreement step'
    label: str
    parties: tuple[str, ...]
    evidence: str | None = None
    action: str | None = None  # for an agreement step: proposed, agreed ...
    mediator: str | None = None
    step_party: str | None = None


@dataclass
class Day:
    day: date
    killed: float = 0.0
    civilians_killed: float = 0.0
    strikes: int = 0
    incidents: list[dict] = field(default_factory=list)


@dataclass
class Timeline:
    first: date | None
    last: date | None
    days: list[Day]
    markers: list[Marker]

    @property
    def total_killed(self) -> float:
        return sum(d.killed for d in self.days)


def killed_of(incident: dict) -> float:
    """An incident's killed as it is shown (records.best_figure), else 0."""
    return best_figure(incident) or 0.0


def is_by(incident: dict, actor: str | None) -> bool:
    return actor is None or incident.get("source_country") == actor


def build_timeline(store: Store, actor: str | None = None, date_from: str | None = None,
                   date_to: str | None = None) -> Timeline:
    """Daily killed in ASSAULT incidents (by `actor` when given) and the diplomatic markers.

    Args:
        store: the open store.
        actor: ISO3 of the party whose violence is counted (None: everyone's); markers are those
            the actor takes part in.
        date_from, date_to: the period (YYYY-MM-DD); by default, that of the stored incidents.
    Returns:
        a Timeline with one Day per calendar day of the period.
    """
    span = Filters(date_from=date_from, date_to=date_to)
    violent = [i for i in store.incidents(Filters(type="ASSAULT", date_from=date_from, date_to=date_to))
               if is_by(i, actor) and i.get("date_precision") == "day"]
    markers = diplomatic_markers(store, actor, span)
    days_seen = [date.fromisoformat(i["date_value"]) for i in violent] + [m.day for m in markers]
    if not days_seen and not (date_from and date_to):
        return Timeline(None, None, [], [])
    first = date.fromisoformat(date_from) if date_from else min(days_seen)
    last = date.fromisoformat(date_to) if date_to else max(days_seen)
    if (last - first).days > MAX_TIMELINE_DAYS:
        raise InputError(f"the period {first} to {last} is longer than {MAX_TIMELINE_DAYS} days: give a shorter one")
    by_day: dict[date, Day] = {}
    for n in range((last - first).days + 1):
        stamp = first + timedelta(days=n)
        by_day[stamp] = Day(stamp)
    for incident in violent:
        day = by_day.get(date.fromisoformat(incident["date_value"]))
        if day is None:
            continue
        day.killed += killed_of(incident)
        if incident.get("target_sector") == "CVL":
            day.civilians_killed += killed_of(incident)
        day.strikes += 1
        day.incidents.append(incident)
    return Timeline(first, last, list(by_day.values()), [m for m in markers if first <= m.day <= last])


def diplomatic_markers(store: Store, actor: str | None, span: Filters) -> list[Marker]:
    """Diplomatic incidents (fused across articles) and dated agreement steps, one per day, kind
    and parties."""
    found: dict[tuple, Marker] = {}
    for kind in DIPLOMATIC_TYPES:
        for incident in store.incidents(Filters(type=kind, date_from=span.date_from, date_to=span.date_to)):
            if incident.get("date_precision") != "day":
                continue
            parties = tuple(sorted({p for p in (incident.get("source_country"), incident.get("target_country"))
                                    if p}))
            if actor is not None and actor not in parties:
                continue
            day = date.fromisoformat(incident["date_value"])
            label = f"{kind.lower()} {'-'.join(parties)}".strip()
            evidence = (incident.get("evidence") or [None])[0]
            found.setdefault((day, kind, parties), Marker(day, kind, label, parties, evidence))
    for agreement in store.agreements(Filters()):
        parties = tuple(agreement.get("parties") or ())
        if actor is not None and actor not in parties and agreement.get("mediator") != actor:
            continue
        for step in agreement.get("history") or []:
            value = step.get("date") or ""
            if len(value) != 10:
                continue
            day = date.fromisoformat(value)
            if (span.date_from and value < span.date_from) or (span.date_to and value > span.date_to):
                continue
            what = STEP_LABELS.get(step["action"], step["action"])
            label = f"{agreement['kind'].replace('_', ' ')} {what}"
            if step.get("party"):
                label += f" ({step['party']})"
            key = (day, "step", step["action"], step.get("party"), agreement["kind"])
            found.setdefault(key, Marker(day, "agreement step", label, parties, step.get("evidence"),
                                         action=step["action"], mediator=agreement.get("mediator"),
                                         step_party=step.get("party")))
    return sorted(found.values(), key=lambda m: (m.day, m.kind, m.label))
