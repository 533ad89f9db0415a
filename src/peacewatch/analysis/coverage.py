"""The days a store covers: what its articles could have told. An analysis tests only these days;
an event dated outside them is listed, never counted as news of a quiet day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from peacewatch.store import Store

# News tells of the day it is published and of the day before ('yesterday', 'overnight'): a day
# is covered when an article was published on it or on the next day.
REPORTING_LAG_DAYS = 1


@dataclass
class Coverage:
    """The period from the first to the last publication day, and its covered days.

    `source` says where it comes from: 'articles' (their publication days), 'incidents' (a store
    without articles, such as an ACLED import: every day of its incidents' span is covered) or
    'none' (an empty store).
    """

    first: date | None = None
    last: date | None = None
    days: set[date] = field(default_factory=set)
    source: str = "none"

    def covers(self, day: date) -> bool:
        return day in self.days if self.source == "articles" else self.within(day)

    def within(self, day: date) -> bool:
        return self.first is not None and self.last is not None and self.first <= day <= self.last

    def clipped(self, first: date | None, last: date | None) -> Coverage:
        """The same coverage inside a period a user gave (either bound may be None)."""
        low = max(d for d in (first, self.first) if d is not None) if (first or self.first) else None
        high = min(d for d in (last, self.last) if d is not None) if (last or self.last) else None
        return Coverage(low, high, {d for d in self.days if (low is None or d >= low) and (high is None or d <= high)},
                        self.source)


def publication_coverage(published: list[str]) -> Coverage:
    """The coverage of articles published on these days (ISO dates or times; blanks are skipped).

    Returns:
        Coverage from the first to the last publication day; covered are the publication days and
        the REPORTING_LAG_DAYS before each, inside that period.
    """
    days = sorted({date.fromisoformat(p[:10]) for p in published if p and len(p) >= 10})
    if not days:
        return Coverage(None, None, set(), "none")
    first, last = days[0], days[-1]
    covered = {day - timedelta(days=lag) for day in days for lag in range(REPORTING_LAG_DAYS + 1)}
    return Coverage(first, last, {d for d in covered if first <= d <= last}, "articles")


def store_coverage(store: Store) -> Coverage:
    """The coverage of the store's articles (copies included: they were published too)."""
    return publication_coverage([a.get("published") or "" for a in store.articles()])
