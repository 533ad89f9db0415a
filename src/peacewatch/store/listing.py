"""The store's lists worked out by the database: the actor and word filters and the sorts of the
list pages and the API, so that a page of 100,000 events is read without reading the others.

A sort puts the rows whose value is known first, by that value (names without regard to case)
and then by id, in the order asked; the rows whose value is unknown (NULL or an empty name) come
last whichever the order, by date (undated last) and id, as the lists have always been. The two
parts are two queries: a sort by date then walks the index on the day instead of sorting.

Text is folded as Python folds it on both databases: SQLite's own lower() folds ASCII only, so
the store registers Python's str.lower and str.casefold with each SQLite connection (db.py); on
PostgreSQL lower() folds by the database's locale, and names sort by code point (COLLATE "C"),
as Python compares strings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
)

__all__ = ["LISTINGS", "Listing", "listing_parts", "text_filters"]

# A sort's key: (table, dialect) -> (the key's expression, whether it is known)
Key = Callable[[FromClause, str], tuple[ColumnElement, ColumnElement]]


def _folded(column: ColumnElement, dialect: str) -> ColumnElement:
    """A name as it sorts: case folded, an empty name unknown (NULL)."""
    if dialect == "sqlite":
        return func.pw_casefold(func.nullif(column, ""))
    return func.lower(func.nullif(column, "")).collate("C")


def _lowered(column: ColumnElement, dialect: str) -> ColumnElement:
    return func.pw_lower(column) if dialect == "sqlite" else func.lower(column)


def _name(column: str) -> Key:
    # known: tested on the column itself, so that SQLite calls Python's folding only to sort
    return lambda table, dialect: (_folded(table.c[column], dialect),
                                   and_(table.c[column].is_not(None), table.c[column] != ""))


def _plain(column: str) -> Key:
    return lambda table, _dialect: (table.c[column], table.c[column].is_not(None))


def _first_known(*columns: str) -> Key:
    def key(table: FromClause, _dialect: str) -> tuple[ColumnElement, ColumnElement]:
        value = func.coalesce(*(table.c[c] for c in columns))
        return value, value.is_not(None)
    return key


@dataclass(frozen=True)
class Listing:
    """How one kind of record is listed: the column of its date (the default order), the columns
    the actor and the words are looked for in (`lists`: those holding a JSON list of strings),
    and its sorts (name -> the key's expression)."""

    date: str
    actor_columns: tuple[str, ...]
    text_columns: tuple[str, ...]
    sorts: Mapping[str, Key]
    lists: tuple[str, ...] = field(default=())


_HAPPENING_SORTS: dict[str, Key] = {"date": _plain("date_start"), "place": _name("place_name"), "type": _name("type")}
_ACTORS = ("source_name", "source_country", "target_name", "target_country")

LISTINGS = {
    # an incident's toll as every screen shows it (records.best_figure)
    "incidents": Listing("date_start", _ACTORS, ("evidence", "place_name", "admin1"), {
        **_HAPPENING_SORTS, "killed": _first_known("killed_best", "killed_median", "killed_min", "killed_max"),
        "sources": _plain("sources")}, lists=("evidence",)),
    # an event's toll: the highest it was told, else the lowest
    "events": Listing("date_start", _ACTORS, ("evidence", "place_name", "admin1"), {
        **_HAPPENING_SORTS, "killed": _first_known("killed_max", "killed_min")}),
    "claims": Listing("date_value", ("speaker_name", "speaker_country"), ("text", "evidence", "speaker_name"), {
        "date": _plain("date_value"), "speaker": _name("speaker_name"), "kind": _name("kind"),
        "status": _name("status")}),
}


def text_filters(listing: Listing, table: FromClause, dialect: str, actor: str | None,
                 words: str | None) -> list[ColumnElement]:
    """The conditions of the actor filter (its text in any actor column) and of the words (each
    word in any text column), without regard to case."""
    conditions = []
    if actor:
        conditions.append(_contains(listing, table, dialect, listing.actor_columns, actor))
    for word in (words or "").split():
        conditions.append(_contains(listing, table, dialect, listing.text_columns, word))
    return conditions


def _contains(listing: Listing, table: FromClause, dialect: str, columns: tuple[str, ...],
              needle: str) -> ColumnElement:
    needle = needle.lower()
    found = [_list_contains(table.c[c], dialect, needle) if c in listing.lists
             else _lowered(table.c[c], dialect).contains(needle, autoescape=True) for c in columns]
    return or_(*found)


def _list_contains(column: ColumnElement, dialect: str, needle: str) -> ColumnElement:
    """Whether any string of a JSON list holds the needle."""
    if dialect == "sqlite":
        items = func.json_each(column).table_valued("value", "type").alias("item")
        return exists(select(literal(1)).select_from(items).where(
            items.c.type == "text", func.pw_lower(items.c.value).contains(needle, autoescape=True)))
    array = case((func.json_typeof(column) == "array", column), else_=literal_column("'[]'::json"))
    texts = func.json_array_elements_text(array).table_valued("value").alias("item")
    return exists(select(literal(1)).select_from(texts).where(func.lower(texts.c.value).contains(
        needle, autoescape=True)))


def listing_parts(listing: Listing, table: FromClause, dialect: str, query: Select, sort: str,
                  descending: bool) -> tuple[Select, Select, ColumnElement]:
    """The rows of `query` whose sort key is known, in the sort's order, the rows whose key is
    unknown in the default order, and the condition that tells them apart (key known).

    Raises:
        ValueError: the kind has no such sort.
    """
    if sort not in listing.sorts:
        raise ValueError(f"no sort {sort!r}; sorts: {', '.join(listing.sorts)}")
    key, known = listing.sorts[sort](table, dialect)
    if descending:
        present = query.where(known).order_by(key.desc(), table.c.id.desc())
    else:
        present = query.where(known).order_by(key.asc(), table.c.id.asc())
    date = table.c[listing.date]
    absent = query.where(not_(known)).order_by(date.is_(None), date, table.c.id)
    return present, absent, known

