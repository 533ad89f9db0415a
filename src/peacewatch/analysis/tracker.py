"""The agreement tracker: each ceasefire, deal or proposal merged across the articles that tell
of it, with its parties, mediator, scope, duration, the union of their histories, and its
status as the latest of those articles gives it.

Two articles' agreements are one when they have the same kind, their parties do not conflict,
their scopes share a word (or one has none), their durations agree, and, when neither names a
scope, their dated steps are within MAX_GAP_DAYS of each other (two bare 'ceasefires' months
apart are two truces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from peacewatch.store import Filters, Store

MAX_GAP_DAYS = 21
WORD = re.compile(r"[a-z]{3,}")
SCOPE_STOPWORDS = {"and", "the", "including", "war", "general", "ceasefire", "under", "negotiation"}


@dataclass
class TrackedAgreement:
    kind: str
    scope: str | None
    duration_days: int | None
    mediator: str | None
    parties: list[str]
    history: list[dict]
    status: str
    status_as_of: str | None
    articles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def as_row(self) -> dict:
        return {"kind": self.kind, "status": self.status, "as_of": self.status_as_of, "scope": self.scope,
                "duration_days": self.duration_days, "mediator": self.mediator, "parties": self.parties,
                "history": [f"{s.get('date') or '?'} {s.get('party') or '-'} {s['action']}" for s in self.history],
                "articles": len(self.articles)}


def track_agreements(store: Store, country: str | None = None, status: str | None = None) -> list[TrackedAgreement]:
    """Agreements merged across articles, oldest first by their first dated step.

    Args:
        store: the open store.
        country: keep agreements with this party or mediator (ISO3).
        status: keep agreements whose current status is this.
    """
    rows = store.agreements(Filters(country=country))
    published = {row["article_id"]: row["published"] or "" for row in rows}
    rows.sort(key=lambda r: (published[r["article_id"]], r["id"]))
    merged: list[TrackedAgreement] = []
    for row in rows:
        candidates = [m for m in merged if _same(m, row)]
        target = max(reversed(candidates), key=lambda m: _affinity(m, row)) if candidates else None
        if target is None:
            target = TrackedAgreement(kind=row["kind"], scope=row["scope"], duration_days=row["duration_days"],
                                      mediator=row["mediator"], parties=list(row["parties"]), history=[],
                                      status=row["status"], status_as_of=published[row["article_id"]] or None)
            merged.append(target)
        _absorb(target, row, published[row["article_id"]])
    for item in merged:
        item.history.sort(key=lambda s: (s.get("date") or "9999", s["action"]))
    merged.sort(key=lambda m: _first_day(m) or "9999")
    return [m for m in merged if status is None or m.status == status]


def _absorb(target: TrackedAgreement, row: dict, published: str) -> None:
    target.scope = target.scope or row["scope"]
    target.duration_days = target.duration_days or row["duration_days"]
    target.mediator = target.mediator or row["mediator"]
    target.parties.extend(p for p in row["parties"] if p not in target.parties)
    for step in row["history"]:
        twins = [s for s in target.history if s.get("party") == step.get("party") and s["action"] == step["action"]]
        if any(s.get("date") == step.get("date") for s in twins) or (step.get("date") is None and twins):
            continue  # told before
        undated = [s for s in twins if s.get("date") is None]
        if undated:
            undated[0]["date"] = step.get("date")  # a later article dates a step told before undated
            continue
        target.history.append(dict(step))
    if published >= (target.status_as_of or ""):
        target.status, target.status_as_of = row["status"], published or None
    target.articles.append(row["article_id"])
    target.evidence.extend(e for e in row["evidence"] if e not in target.evidence)


def _same(tracked: TrackedAgreement, row: dict) -> bool:
    if tracked.kind != row["kind"]:
        return False
    if tracked.duration_days and row["duration_days"] and tracked.duration_days != row["duration_days"]:
        return False
    if tracked.mediator and row["mediator"] and tracked.mediator != row["mediator"]:
        return False
    mine, theirs = set(tracked.parties), set(row["parties"])
    if len(mine) >= 2 and len(theirs) >= 2 and not mine & theirs:
        return False  # two pairs of parties with nobody in common (an article may name only one party)
    a, b = _scope_words(tracked.scope), _scope_words(row["scope"])
    if a and b:
        return bool(a & b)
    if not a and not b:
        return _near_in_time(tracked, row)
    # one names its scope, the other not: one agreement only if they share a dated step or are
    # at the same stage (an offer told without scope is not the deal agreed with one)
    return _affinity(tracked, row) > 0 or _stage(tracked.status) == _stage(row["status"])


def _stage(status: str | None) -> str:
    return "offer" if status in ("proposed", "rejected") else "deal"


def _affinity(tracked: TrackedAgreement, row: dict) -> int:
    """How much two tellings share: dated steps in common count most, then scope words."""
    steps = {(s.get("party"), s["action"], s.get("date")) for s in tracked.history if s.get("date")}
    shared = sum(1 for s in row["history"] if s.get("date") and (s.get("party"), s["action"], s["date"]) in steps)
    return 3 * shared + len(_scope_words(tracked.scope) & _scope_words(row["scope"]))


def _scope_words(scope: str | None) -> set[str]:
    return set(WORD.findall((scope or "").lower())) - SCOPE_STOPWORDS


def _near_in_time(tracked: TrackedAgreement, row: dict) -> bool:
    days = [d for d in (_day(s.get("date")) for s in tracked.history) if d]
    others = [d for d in (_day(s.get("date")) for s in row["history"]) if d]
    if not days or not others:
        return True
    return min(abs((a - b).days) for a in days for b in others) <= MAX_GAP_DAYS


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value[:7] + "-01")
    except ValueError:
        return None


def _first_day(tracked: TrackedAgreement) -> str | None:
    dated = [s["date"] for s in tracked.history if s.get("date")]
    return min(dated) if dated else tracked.status_as_of
