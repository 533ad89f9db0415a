"""Browsing the store's incidents, events and claims as the dashboard's list pages do: one set of
filters (type, country, actor, place, dates, words), a sort and a page, read from a URL's query
and written back into links, so every view is a URL. The store filters, sorts and pages
(Store.page, the query the API's lists use too): a page reads its rows and the count, not the list."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from peacewatch.store import Filters, Store

__all__ = ["KINDS", "PER_PAGE", "BrowseQuery", "ListKind", "ListPage", "browse", "matching_rows", "read_query"]

PER_PAGE = (25, 50, 100, 200)


@dataclass(frozen=True)
class ListKind:
    """How one kind of record is browsed: its sorts as offered (the store's, store.listing)."""

    name: str
    sorts: tuple[str, ...]
    default_sort: str = "date"


KINDS = {
    "incidents": ListKind("incidents", ("date", "killed", "sources", "place", "type")),
    "events": ListKind("events", ("date", "killed", "place", "type")),
    "claims": ListKind("claims", ("date", "speaker", "kind", "status")),
}


@dataclass(frozen=True)
class BrowseQuery:
    """A list page's filters, sort and page, as its URL gives them (empty fields are None)."""

    type: str | None = None
    country: str | None = None
    actor: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    status: str | None = None
    kind: str | None = None
    sort: str = "date"
    order: str = "desc"
    page: int = 1
    per_page: int = PER_PAGE[0]

    def filters(self, page: int | None = None) -> Filters:
        """The store's filters and sort: every matching row, or the rows of a page (from 1)."""
        limit, offset = (None, 0) if page is None else (self.per_page, (page - 1) * self.per_page)
        return Filters(type=self.type, country=self.country, date_from=self.date_from, date_to=self.date_to,
                       place=self.place, status=self.status, kind=self.kind, actor=self.actor, words=self.q,
                       sort=self.sort, descending=self.order == "desc", limit=limit, offset=offset)

    def params(self, **changes: Any) -> dict[str, str]:
        """The query's parameters that differ from the defaults, with the changes applied."""
        changed = replace(self, **changes)
        default = BrowseQuery()
        return {f.name: str(getattr(changed, f.name)) for f in fields(self)
                if getattr(changed, f.name) not in (None, "") and getattr(changed, f.name) != getattr(default, f.name)}

    def url(self, path: str, **changes: Any) -> str:
        """A link to `path` with this query (and the changes)."""
        params = self.params(**changes)
        return f"{path}?{urlencode(params)}" if params else path

    def filter_params(self) -> dict[str, str]:
        """Only the filters (for the export links, which take every matching row)."""
        return {k: v for k, v in self.params().items() if k not in ("sort", "order", "page", "per_page")}


def read_query(raw: dict[str, str], kind: ListKind) -> tuple[BrowseQuery, list[str]]:
    """A BrowseQuery from a URL's parameters, and what was not understood (said on the page, left out).

    Args:
        raw: the query parameters (strings; empty means absent).
        kind: the kind of record, for its sorts.
    Returns:
        the query and the problems.
    """
    problems: list[str] = []
    values: dict[str, Any] = {}
    for name in ("type", "actor", "place", "q", "status", "kind"):
        text = (raw.get(name) or "").strip()[:100]
        if text:
            values[name] = text
    country = (raw.get("country") or "").strip()
    if country:
        if re.fullmatch(r"[A-Za-z]{3}", country):
            values["country"] = country.upper()
        else:
            problems.append(f"country {country!r} is not a three-letter ISO code (UKR, RUS, ...): not applied")
    for name in ("date_from", "date_to"):
        day = (raw.get(name) or "").strip()
        if day:
            try:
                values[name] = date.fromisoformat(day).isoformat()
            except ValueError:
                problems.append(f"{name.replace('_', ' ')} {day!r} is not a day (YYYY-MM-DD): not applied")
    sort = raw.get("sort") or kind.default_sort
    values["sort"] = sort if sort in kind.sorts else kind.default_sort
    values["order"] = "asc" if raw.get("order") == "asc" else "desc"
    values["page"] = _number(raw.get("page"), 1, 1, 1_000_000)
    per_page = _number(raw.get("per_page"), PER_PAGE[0], 1, PER_PAGE[-1])
    values["per_page"] = per_page if per_page in PER_PAGE else PER_PAGE[0]
    return BrowseQuery(**values), problems


def _number(text: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(max(int(text or default), low), high)
    except ValueError:
        return default


@dataclass
class ListPage:
    """One page of a list: its rows, how many matched, and the page's place among them."""

    rows: list[dict]
    total: int
    page: int
    pages: int
    first: int  # number of the page's first row among all (1-based), 0 when none


def matching_rows(store: Store, kind: ListKind, query: BrowseQuery) -> list[dict]:
    """Every row of the kind that passes the query's filters, in its sort order."""
    return getattr(store, kind.name)(query.filters())


def browse(store: Store, kind: ListKind, query: BrowseQuery) -> ListPage:
    """The query's page of the kind's rows (the last page when it asks for one beyond)."""
    rows, total = store.page(kind.name, query.filters(query.page))
    pages = max(1, -(-total // query.per_page))
    page = min(query.page, pages)
    if page != query.page:
        rows = store.page(kind.name, query.filters(page))[0]
    first = (page - 1) * query.per_page + 1 if rows else 0
    return ListPage(rows=rows, total=total, page=page, pages=pages, first=first)
