"""The flat records every layer shares: the columns of a stored event and of an incident, and
what a date at a precision spans. Declared once here; the store's tables, fusion, the exports,
the API and the CLI read their column lists from this module."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

# An incident's own description: what fusion keeps of its best-told event.
INCIDENT_FIELDS = ("type", "mode", "country", "date_value", "date_precision", "place_name", "admin1", "lat", "lon",
                   "place_precision", "source_name", "source_country", "source_sector", "target_name",
                   "target_country", "target_sector")
# The columns of a stored event that fusion takes as they are.
TELLING_COLUMNS = ("date_value", "date_precision", "place_name", "admin1", "lat", "lon", "place_precision", "mode",
                   "source_name", "source_country", "source_sector", "target_name", "target_country",
                   "target_sector", "killed_min", "killed_max", "injured_min", "injured_max", "evidence")


def date_span(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The first and last day a date at a precision may be: '2025-04' -> April 1 to 30."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
    except ValueError:
        return None
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], monthrange(parts[0], parts[1])[1])
    day = date(*parts)
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def shift_day(day: str, days: int) -> str:
    """An ISO day moved by a number of days."""
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
