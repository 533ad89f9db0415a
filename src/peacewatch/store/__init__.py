"""The store: articles and their reports, events, claims, agreements and fused incidents in one
database (an SQLite file by default, any SQLAlchemy URL otherwise, PostgreSQL tested).

Writes happen a batch at a time in one transaction: a batch is stored whole or not at all, so a
killed ingest loses nothing it had committed and a second run adds only what is missing. Writers
take turns (store.db), so processes that ingest into one database at once store each article
once and fuse as one process would.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Row, Select, and_, delete, func, insert, or_, select, true, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from peacewatch.records import INCIDENT_FIELDS, IncidentRecord, column_names, date_span, shift_day
from peacewatch.schema import Event, HistoryStep, Report
from peacewatch.store import db
from peacewatch.store.db import (
    StoreBusy,
    StoreError,
    current_revision,
    database_url,
    lock_writers,
    make_engine,
    retry_busy,
    upgrade,
    writers_engine,
)
from peacewatch.store.listing import LISTINGS, listing_parts, text_filters
from peacewatch.store.models import (
    AgreementRow,
    ArticleRow,
    ClaimRow,
    EventRow,
    IncidentRow,
    MemberRow,
    SignatureRow,
    StepRow,
)

__all__ = ["BatchWriter", "Filters", "FuseStep", "LinkStep", "Store", "StoreBusy", "StoreError", "StoredArticle",
           "database_url"]

log = logging.getLogger(__name__)

# The tables of the lists (store.listing)
_TABLES = {"events": EventRow.__table__, "incidents": IncidentRow.__table__, "claims": ClaimRow.__table__}

# The columns an imported incident (an ACLED row) sets as it gives them; the rest are worked out.
IMPORTED_COLUMNS = tuple(column_names(IncidentRecord, *INCIDENT_FIELDS, "killed_best", "killed_median", "killed_min",
                                      "killed_max", "sources", "reports", "external_id", "note"))

@dataclass
class StoredArticle:
    """An article ready to store: its report, and what the copy index said of it."""

    report: Report
    external_id: str | None = None
    signature: bytes | None = None  # the MinHash of the clean text, serialised
    copy_of: str | None = None
    similarity: float | None = None
    words: int = 0
    # set by Store.add_batch: True when it stored the article, False when it found it stored
    # already (by another process since the article was read)
    new: bool | None = None


@dataclass
class Filters:
    """What a query keeps, and in which order. Dates are ISO days; `country` matches either actor
    or the place; `actor` is text in an actor's name or code and `words` words each in the
    evidence (or the place) of events and incidents, in the text of claims, without regard to
    case. `sort` names a sort of store.listing.LISTINGS (events, incidents, claims): known
    values first in its order, unknown ones last."""

    type: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    status: str | None = None
    kind: str | None = None
    limit: int | None = None
    offset: int = 0
    actor: str | None = None
    words: str | None = None
    sort: str = "date"
    descending: bool = False


class Store:
    """One database, brought to the newest schema when opened.

    Args:
        url: SQLAlchemy URL or SQLite file path; default $PEACEWATCH_DB or ./peacewatch.db.
        lock_wait: seconds a write waits for another writer's lock before a try fails (it is
            tried db.WRITE_TRIES times); default db.LOCK_WAIT.
    """

    def __init__(self, url: str | None = None, lock_wait: float | None = None):
        self.url = database_url(url)
        self.lock_wait = db.LOCK_WAIT if lock_wait is None else lock_wait
        try:
            self.engine = make_engine(self.url, self.lock_wait)
            upgrade(self.engine)
        except Exception as exc:  # the driver's own errors, named for the caller
            raise StoreError(f"cannot open the store at {self._safe_url()}: {exc}") from exc
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(writers_engine(self.engine), expire_on_commit=False)

    def _safe_url(self) -> str:
        parsed = urlparse(self.url)
        return self.url.replace(parsed.password, "***") if parsed.password else self.url

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def revision(self) -> str | None:
        return current_revision(self.engine)

    # ------------------------------------------------------------ writing

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored already."""
        ids = list(set(ids))
        found: set[str] = set()
        with self._session() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                found.update(session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(chunk))))
        return found

    def signatures(self) -> list[tuple[str, bytes, str | None]]:
        """(article id, serialised MinHash, the original it copies) of every stored article, oldest
        first (originals before their copies)."""
        with self._session() as session:
            return [tuple(row) for row in session.execute(  # type: ignore[misc]
                select(SignatureRow.article_id, SignatureRow.minhash, ArticleRow.copy_of)
                .join(ArticleRow, ArticleRow.id == SignatureRow.article_id)
                .order_by(ArticleRow.ingested_at, ArticleRow.id))]

    def signature_rows(self, since: str | None = None) -> list[tuple[str, bytes, str | None, str]]:
        """(article id, serialised MinHash, the original it copies, when it was stored) of the
        articles stored at or after `since` (all when None), in the order they were stored."""
        with self._session() as session:
            return _signatures_since(session, since)

    @contextmanager
    def _write(self, lock_wait: float | None = None) -> Iterator[Session]:
        """A session in a transaction that holds the writers' turn (store.db), waited for
        `lock_wait` seconds (the store's own when None)."""
        if lock_wait is None:
            maker = self._writer
        else:  # a wait of its own for this transaction (store.db.LOCK_WAIT_OPTION)
            maker = sessionmaker(writers_engine(self.engine, lock_wait), expire_on_commit=False)
        with maker.begin() as session:
            lock_writers(session.connection(), self.lock_wait if lock_wait is None else lock_wait)
            yield session

    def add_batch(self, batch: Sequence[StoredArticle], fuse: FuseStep | None = None,
                  link: LinkStep | None = None, lock_wait: float | None = None, tries: int | None = None) -> list[int]:
        """Store a batch of articles with everything in their reports in one transaction; articles
        stored already (by an earlier run or, meanwhile, by another process) are left as they are
        and marked `new=False`, the others `new=True`. Within the same transaction, in the
        writers' turn: `link` (when given) is called with a BatchWriter and the articles to store,
        to set their copy links against everything stored; then `fuse` with the BatchWriter and
        the batch's occurred, dated events (rows with their event_id, root article, outlet, url
        and publication day) to join them to incidents. A lock held by another writer is waited
        for and retried (StoreBusy after the last try): `lock_wait` seconds (the store's own when
        None), `tries` times (db.WRITE_TRIES when None); every other database error is a StoreError.

        Returns:
            what `fuse` returned: the ids of the incidents the batch created or changed.
        """
        try:
            wait = self.lock_wait if lock_wait is None else lock_wait
            return retry_busy(lambda: self._add_batch(batch, fuse, link, lock_wait), "storing a batch",
                              tries=tries or db.WRITE_TRIES, lock_wait=wait)
        except DBAPIError as exc:
            raise StoreError(f"storing a batch failed: {_reason(exc)}") from exc

    def _add_batch(self, batch: Sequence[StoredArticle], fuse: FuseStep | None, link: LinkStep | None,
                   lock_wait: float | None) -> list[int]:
        with self._write(lock_wait) as session:
            known = set(session.scalars(select(ArticleRow.id).where(
                ArticleRow.id.in_([s.report.article.id for s in batch]))))
            fresh = []
            for item in batch:
                item.new = item.report.article.id not in known
                if item.new:
                    known.add(item.report.article.id)
                    fresh.append(item)
            writer = BatchWriter(session)
            if link is not None and fresh:
                link(writer, fresh)
            rows = _BatchRows()
            for item in fresh:
                rows.add(item, writer.ingested_at)
            # Each table's rows go in together, in batch order (so ids follow articles and positions),
            # parents' tables before their children's. The ids of events and agreements are read back
            # by article and position: SQLite cannot return the ids of a many-row INSERT in order, so
            # asking for them would make SQLAlchemy insert row by row there.
            _insert(session, ArticleRow, rows.articles)
            _insert(session, SignatureRow, rows.signatures)
            _insert(session, EventRow, rows.events)
            _insert(session, ClaimRow, rows.claims)
            _insert(session, AgreementRow, rows.agreements)
            article_ids = [item.report.article.id for item in fresh]
            if rows.histories:
                agreement_ids = _ids_by_position(session, AgreementRow, article_ids)
                _insert(session, StepRow, [
                    {"agreement_id": agreement_ids[article_id, position], "position": step_position,
                     "party": step.party, "action": step.action, "date_value": step.date, "evidence": step.evidence}
                    for article_id, position, history in rows.histories
                    for step_position, step in enumerate(history)])
            if not rows.told or fuse is None:
                return []
            event_ids = _ids_by_position(session, EventRow, article_ids)
            told = [{**values, "event_id": event_ids[values["article_id"], values["position"]], "root": root,
                     "outlet": outlet, "url": url, "published": published}
                    for values, root, outlet, url, published in rows.told]
            return fuse(writer, told)

    def import_incidents(self, rows: Iterable[dict]) -> tuple[int, int]:
        """Store incidents from another data set (an ACLED export), keyed by their external id;
        rows stored already are updated. Returns (new, updated)."""
        items = list(rows)
        return retry_busy(lambda: self._import_incidents(items), "importing incidents", lock_wait=self.lock_wait)

    def _import_incidents(self, rows: list[dict]) -> tuple[int, int]:
        new = updated = 0
        with self._write() as session:
            for item in rows:
                external = item.get("external_id")
                row = session.scalars(select(IncidentRow).where(IncidentRow.external_id == external)).first() \
                    if external else None
                if row is None:
                    row = IncidentRow()
                    session.add(row)
                    new += 1
                else:
                    updated += 1
                span = date_span(item.get("date_value"), item.get("date_precision"))
                for name in IMPORTED_COLUMNS:
                    if name in item:
                        setattr(row, name, item[name])
                row.origin = item.get("origin") or "import"
                row.date_start = span[0].isoformat() if span else None
                row.date_end = span[1].isoformat() if span else None
                row.evidence = list(item.get("evidence") or [])
                row.figures = [{"outlet": o} for o in item.get("outlets") or []]
                row.sources = row.sources or 1
                row.reports = row.reports or 1
                for what in ("killed", "injured"):  # a data set's one figure is its best
                    median = getattr(row, f"{what}_median")
                    if f"{what}_best" not in item:  # set anew: an updated row's old best is stale
                        setattr(row, f"{what}_best", round(median) if median is not None else None)
        return new, updated

    # ------------------------------------------------------------ reading

    def counts(self) -> dict[str, int]:
        """How many rows each kind of record has."""
        queries = {
            "articles": select(func.count()).select_from(ArticleRow),
            "copies": select(func.count()).select_from(ArticleRow).where(ArticleRow.copy_of.is_not(None)),
            "events": select(func.count()).select_from(EventRow),
            "claims": select(func.count()).select_from(ClaimRow),
            "agreements": select(func.count()).select_from(AgreementRow),
            "incidents": select(func.count()).select_from(IncidentRow),
        }
        with self._session() as session:
            return {name: session.scalar(query) or 0 for name, query in queries.items()}

    def articles(self, filters: Filters | None = None) -> list[dict]:
        """Stored articles, newest first, without their reports."""
        f = filters or Filters()
        return self._fetch(self._articles_query(f).order_by(ArticleRow.published.desc(), ArticleRow.id), f,
                           skip=("report", "boilerplate"))

    def _articles_query(self, f: Filters) -> Select:
        return _where_dates(select(ArticleRow), ArticleRow.published, f)

    def incident(self, incident_id: int) -> dict | None:
        """One incident, with the outlets that told it."""
        with self._session() as session:
            row = session.get(IncidentRow, incident_id)
            if row is None:
                return None
            found = _row_dict(row)
            _add_article_links(session, [found])
        found["outlets"] = _outlets(found)
        return found

    def count(self, kind: str, filters: Filters | None = None) -> int:
        """How many records of a kind ('articles', 'events', 'incidents', 'claims') pass the filters."""
        f = filters or Filters()
        if kind not in self._queries:
            raise ValueError(f"cannot count {kind!r}")
        query = self._queries[kind](f)
        if kind in LISTINGS:
            query = query.where(*self._text_filters(kind, f))
        with self._session() as session:
            return session.scalar(select(func.count()).select_from(query.subquery())) or 0

    def page(self, kind: str, filters: Filters) -> tuple[list[dict], int]:
        """A page of a list ('articles', 'events', 'incidents', 'claims'), as the API and the
        dashboard read it: the rows `filters` keeps from its offset up to its limit, in its
        sort, and how many rows pass the filters (all pages)."""
        if kind not in self._queries:
            raise ValueError(f"cannot list {kind!r}")
        return getattr(self, kind)(filters), self.count(kind, filters)

    @property
    def _queries(self) -> dict[str, Callable[[Filters], Select]]:
        return {"articles": self._articles_query, "events": self._events_query,
                "incidents": lambda f: _happenings(IncidentRow, IncidentRow.country, f),
                "claims": self._claims_query}

    def _text_filters(self, kind: str, f: Filters) -> list:
        table = _TABLES[kind]
        return text_filters(LISTINGS[kind], table, self.engine.dialect.name, f.actor, f.words)

    def _listed(self, kind: str, query: Select, f: Filters, skip: tuple[str, ...] = ()) -> list[dict]:
        """The rows of a list query that pass the actor and word filters, in the sort of `f`,
        from its offset up to its limit (store.listing)."""
        table = _TABLES[kind]
        query = select(*[c for c in table.c if c.key not in skip]).where(
            query.whereclause if query.whereclause is not None else true(), *self._text_filters(kind, f))
        present, absent, known = listing_parts(LISTINGS[kind], table, self.engine.dialect.name, query, f.sort,
                                               f.descending)
        with self._session() as session:
            if not f.limit:  # 0 or None: every row, as ever
                return [dict(row._mapping) for part in (present, absent) for row in session.execute(
                    part.offset(f.offset) if f.offset else part)]
            rows = [dict(row._mapping) for row in session.execute(present.offset(f.offset).limit(f.limit))]
            if len(rows) < f.limit:  # the page reaches the rows of unknown value
                before = session.scalar(select(func.count()).select_from(query.where(known).subquery())) or 0
                rows += [dict(row._mapping) for row in session.execute(
                    absent.offset(max(0, f.offset - before)).limit(f.limit - len(rows)))]
            return rows

    def article_heads(self, ids: Iterable[str]) -> dict[str, dict]:
        """Title, url, outlet (source), publication day and original (copy_of) of these articles, by id."""
        ids = list(set(ids))
        columns = (ArticleRow.id, ArticleRow.title, ArticleRow.url, ArticleRow.source, ArticleRow.published,
                   ArticleRow.copy_of)
        found: dict[str, dict] = {}
        with self._session() as session:
            for start in range(0, len(ids), 500):
                for row in session.execute(select(*columns).where(ArticleRow.id.in_(ids[start:start + 500]))):
                    found[row.id] = dict(row._mapping)
        return found

    def incidents_of_events(self, event_ids: Iterable[int]) -> dict[int, int]:
        """The incident each of these events was fused into (events in none are left out), by event id."""
        ids = list(set(event_ids))
        found: dict[int, int] = {}
        with self._session() as session:
            for start in range(0, len(ids), 500):
                found.update(session.execute(select(MemberRow.event_id, MemberRow.incident_id).where(
                    MemberRow.event_id.in_(ids[start:start + 500]))).all())
        return found

    def article(self, article_id: str) -> dict | None:
        with self._session() as session:
            row = session.get(ArticleRow, article_id)
            return None if row is None else _row_dict(row)

    def events(self, filters: Filters | None = None) -> list[dict]:
        """Stored events that pass the filters, by date."""
        f = filters or Filters()
        # undated last (SQLite sorts NULL first, PostgreSQL last): a --limit keeps dated records
        return self._listed("events", self._events_query(f), f, skip=("data",))

    def article_events(self, article_ids: Iterable[str], types: Iterable[str] = ()) -> list[dict]:
        """The events of these articles, of these types when given (a query per 500 articles)."""
        ids, wanted = sorted(set(article_ids)), sorted(set(types))
        found: list[dict] = []
        for start in range(0, len(ids), 500):
            query = select(EventRow).where(EventRow.article_id.in_(ids[start:start + 500]))
            if wanted:
                query = query.where(EventRow.type.in_(wanted))
            found += self._fetch(query.order_by(EventRow.article_id, EventRow.position), Filters(), skip=("data",))
        return found

    def _events_query(self, f: Filters) -> Select:
        query = _happenings(EventRow, EventRow.place_country, f)
        return query.where(EventRow.status == f.status) if f.status else query

    def incidents(self, filters: Filters | None = None) -> list[dict]:
        """Incidents that pass the filters, by date, each with the outlets that told it."""
        f = filters or Filters()
        rows = self._listed("incidents", _happenings(IncidentRow, IncidentRow.country, f), f)
        with self._session() as session:
            _add_article_links(session, rows)
        for row in rows:
            row["outlets"] = _outlets(row)
        return rows

    def claims(self, filters: Filters | None = None) -> list[dict]:
        f = filters or Filters()
        return self._listed("claims", self._claims_query(f), f, skip=("data",))

    def _claims_query(self, f: Filters) -> Select:
        query = _where_dates(select(ClaimRow), ClaimRow.date_value, f)
        if f.country:
            query = query.where(ClaimRow.speaker_country == f.country.upper())
        if f.status:
            query = query.where(ClaimRow.status == f.status)
        if f.kind:
            query = query.where(ClaimRow.kind == f.kind)
        return query

    def agreements(self, filters: Filters | None = None) -> list[dict]:
        f = filters or Filters()
        query = select(AgreementRow)
        if f.country:
            code = f.country.upper()
            query = query.where(or_(AgreementRow.parties.contains(f",{code},", autoescape=True),
                                    AgreementRow.mediator == code))
        if f.status:
            query = query.where(AgreementRow.status == f.status)
        kind = f.kind or f.type
        if kind:
            query = query.where(AgreementRow.kind == kind.lower())
        if f.date_from or f.date_to:  # in SQL, so that a limit counts the agreements kept
            query = query.where(_step_in_range(f))
        rows = self._fetch(query.order_by(AgreementRow.id), f, skip=("data",))
        history: dict[int, list[dict]] = {row["id"]: [] for row in rows}
        published: dict[str, str | None] = {}
        with self._session() as session:
            ids = list(history)
            for start in range(0, len(ids), 500):  # the steps of all agreements, a query per 500
                for step in session.scalars(select(StepRow).where(StepRow.agreement_id.in_(ids[start:start + 500]))
                                            .order_by(StepRow.agreement_id, StepRow.position)):
                    history[step.agreement_id].append({"party": step.party, "action": step.action,
                                                       "date": step.date_value, "evidence": step.evidence})
            article_ids = list({row["article_id"] for row in rows})
            for start in range(0, len(article_ids), 500):
                published.update(session.execute(select(ArticleRow.id, ArticleRow.published).where(
                    ArticleRow.id.in_(article_ids[start:start + 500]))).all())
        for row in rows:
            row["parties"] = [p for p in row["parties"].split(",") if p]
            row["history"] = history[row["id"]]
            row["published"] = published.get(row["article_id"])
        return rows

    def _fetch(self, query: Select, f: Filters, skip: tuple[str, ...] = ()) -> list[dict]:
        if f.offset:
            query = query.offset(f.offset)
        if f.limit:
            query = query.limit(f.limit)
        with self._session() as session:
            return [_row_dict(row, skip) for row in session.scalars(query)]

    def delete_all(self) -> None:
        """Empty every table (for tests and benchmarks)."""
        with self._write() as session:
            for model in (MemberRow, IncidentRow, StepRow, AgreementRow, ClaimRow, EventRow, SignatureRow):
                session.execute(delete(model))
            session.execute(delete(ArticleRow).where(ArticleRow.copy_of.is_not(None)))
            session.execute(delete(ArticleRow))


FuseStep = Callable[["BatchWriter", list[dict[str, Any]]], list[int]]
LinkStep = Callable[["BatchWriter", list[StoredArticle]], None]


class BatchWriter:
    """What copy linking and fusion may read and write of the store inside a batch's open
    transaction, in the writers' turn.

    Attributes:
        ingested_at: the time stamped on the batch's articles: now, or the latest stored if a
            clock is behind, so that the order of these stamps is the order of the commits.
    """

    def __init__(self, session: Session):
        self._session = session
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        self.ingested_at = max(now, session.scalar(select(func.max(ArticleRow.ingested_at))) or now)

    def signatures_since(self, since: str | None) -> list[tuple[str, bytes, str | None, str]]:
        """Store.signature_rows, as this transaction sees them: what other processes committed."""
        return _signatures_since(self._session, since)

    def told_events(self, types: Sequence[str], article_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Stored occurred, dated events of these types of these articles, as the batch's are
        handed to fusion (with event_id, root article, outlet, url and publication day), but
        instead of the whole event (`data`) only what fusion reads of it: `date_rule`,
        `killed_vague`, `injured_vague` and a meeting's `others`."""
        events = EventRow.__table__
        data = events.c.data
        query = (select(*[c for c in events.c if c.key != "data"], ArticleRow.copy_of,
                        ArticleRow.source.label("article_source"), ArticleRow.url, ArticleRow.published,
                        data[("date", "rule")].as_string().label("date_rule"),
                        data[("killed", "vague")].as_boolean().label("killed_vague"),
                        data[("injured", "vague")].as_boolean().label("injured_vague"),
                        data["others"].label("others"))
                 .join(ArticleRow, ArticleRow.id == events.c.article_id)
                 .where(events.c.type.in_(list(types)), events.c.status == "occurred",
                        events.c.date_start.is_not(None)))
        ids = list(set(article_ids))
        out = []
        for start in range(0, len(ids), 500):
            for row in self._session.execute(query.where(events.c.article_id.in_(ids[start:start + 500]))):
                values = dict(row._mapping)
                copy_of, source, url = values.pop("copy_of"), values.pop("article_source"), values["url"]
                out.append({**values, "event_id": values["id"], "root": copy_of or values["article_id"],
                            "outlet": source or _domain(url)})
        return out

    def told_articles(self, types: Sequence[str], end_from: str, end_before: str) -> set[str]:
        """The articles with occurred events of these types whose last possible day is from
        `end_from` to before `end_before`."""
        events = EventRow.__table__
        return set(self._session.scalars(select(events.c.article_id).distinct().where(
            events.c.type.in_(list(types)), events.c.status == "occurred",
            events.c.date_start >= shift_day(end_from, -366), events.c.date_start < end_before,
            events.c.date_end >= end_from, events.c.date_end < end_before)))

    def event_days(self, event_ids: Iterable[int]) -> dict[int, tuple[str | None, str | None]]:
        """The first and last possible day of each of these events (those dated)."""
        ids = list(set(event_ids))
        found: dict[int, tuple[str | None, str | None]] = {}
        for start in range(0, len(ids), 500):
            found.update((event_id, (first, last)) for event_id, first, last in self._session.execute(
                select(EventRow.id, EventRow.date_start, EventRow.date_end).where(
                    EventRow.id.in_(ids[start:start + 500]), EventRow.date_start.is_not(None))))
        return found

    def incidents_of_events(self, event_ids: Iterable[int]) -> list[Row]:
        """The stored incidents that hold any of these events, as plain rows."""
        incidents = IncidentRow.__table__
        ids = list(set(event_ids))
        out: dict[int, Row] = {}
        for start in range(0, len(ids), 500):
            query = select(incidents).join(MemberRow, MemberRow.incident_id == incidents.c.id).where(
                MemberRow.event_id.in_(ids[start:start + 500]))
            out.update((row.id, row) for row in self._session.execute(query))
        return list(out.values())

    def incidents_ending(self, types: Sequence[str], end_from: str, start_before: str) -> list[Row]:
        """Stored incidents of our own of these types whose last possible day is `end_from` or
        later and whose first is before `start_before`, as plain rows (changes are written back
        by id)."""
        incidents = IncidentRow.__table__
        return list(self._session.execute(select(incidents).where(
            incidents.c.type.in_(list(types)), incidents.c.date_start >= shift_day(end_from, -366),
            incidents.c.date_start < start_before, incidents.c.date_end >= end_from,
            incidents.c.origin == "peacewatch")))

    def members_of(self, incident_ids: Iterable[int]) -> dict[int, int]:
        """Which of these incidents holds each of their events (event id -> incident id)."""
        ids = list(set(incident_ids))
        found: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            found.update((event_id, incident_id) for event_id, incident_id in self._session.execute(
                select(MemberRow.event_id, MemberRow.incident_id).where(
                    MemberRow.incident_id.in_(ids[start:start + 500]))))
        return found

    def delete_incidents(self, ids: Iterable[int], *, keep_rows: bool = False) -> None:
        """Remove incidents with their memberships (only the memberships when `keep_rows`: the
        rows are written anew by id)."""
        ids = list(set(ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            self._session.execute(delete(MemberRow).where(MemberRow.incident_id.in_(chunk)))
            if not keep_rows:
                self._session.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))

    def update_incidents(self, rows: list[dict[str, Any]]) -> None:
        """Write incidents back by id (one executemany)."""
        if rows:
            self._session.execute(update(IncidentRow), rows)

    def add_incidents(self, rows: list[dict[str, Any]]) -> list[int]:
        """Store new incidents of our own; their ids, in order (through the unit of work, which
        learns ids on any database)."""
        new = [IncidentRow(origin="peacewatch", **values) for values in rows]
        self._session.add_all(new)
        self._session.flush()
        return [row.id for row in new]

    def add_members(self, rows: list[dict[str, Any]]) -> None:
        """Record which events each incident holds."""
        _insert(self._session, MemberRow, rows)


def _signatures_since(session: Session, since: str | None) -> list[tuple[str, bytes, str | None, str]]:
    query = (select(SignatureRow.article_id, SignatureRow.minhash, ArticleRow.copy_of, ArticleRow.ingested_at)
             .join(ArticleRow, ArticleRow.id == SignatureRow.article_id))
    if since is not None:
        query = query.where(ArticleRow.ingested_at >= since)
    return [tuple(row) for row in session.execute(  # type: ignore[misc]
        query.order_by(ArticleRow.ingested_at, ArticleRow.id))]


def _reason(exc: DBAPIError) -> str:
    """The database's own words for an error, first line only (no statement, no parameters)."""
    return (str(exc.orig).strip().splitlines() or [type(exc.orig).__name__])[0]


def _insert(session: Session, model: type, rows: list[dict]) -> None:
    """Insert rows of one table in one executemany, without ORM objects. Every row names every
    column, None included (render_nulls), or the ORM would split the rows by their None columns."""
    if rows:
        session.execute(insert(model).execution_options(render_nulls=True), rows)


def _ids_by_position(session: Session, model: type[EventRow] | type[AgreementRow],
                     article_ids: list[str]) -> dict[tuple[str, int], int]:
    """The ids of the rows of a table (events, agreements) of these articles, by article and position."""
    ids: dict[tuple[str, int], int] = {}
    for start in range(0, len(article_ids), 500):
        ids.update(((article_id, position), row_id) for row_id, article_id, position in session.execute(
            select(model.id, model.article_id, model.position).where(
                model.article_id.in_(article_ids[start:start + 500]))))
    return ids


class _BatchRows:
    """A batch's rows, table by table, as column values."""

    def __init__(self) -> None:
        self.articles: list[dict] = []
        self.signatures: list[dict] = []
        self.events: list[dict] = []
        self.claims: list[dict] = []
        self.agreements: list[dict] = []
        self.histories: list[tuple[str, int, list[HistoryStep]]] = []  # article, agreement position, its steps
        # events fusion takes, with their root article, outlet, url and publication day
        self.told: list[tuple[dict, str, str | None, str | None, str | None]] = []

    def add(self, item: StoredArticle, now: str) -> None:
        """Add the rows of an article and its report (dumped to JSON once, its parts taken from that)."""
        report, article = item.report, item.report.article
        dump = report.model_dump(mode="json")
        self.articles.append({
            "id": article.id, "external_id": item.external_id, "title": article.title, "url": article.url,
            "source": article.source, "published": article.published, "words": item.words, "copy_of": item.copy_of,
            "similarity": item.similarity, "boilerplate": article.boilerplate, "warnings": article.warnings,
            "report": dump, "ingested_at": now})
        if item.signature is not None:
            self.signatures.append({"article_id": article.id, "minhash": item.signature})
        root = item.copy_of or article.id
        outlet = article.source or _domain(article.url)
        for position, (event, data) in enumerate(zip(report.events, dump["events"], strict=True)):
            self.events.append(values := _event_values(article.id, position, event, data))
            if event.status == "occurred" and values["date_start"] is not None:
                self.told.append((values, root, outlet, article.url, article.published))
        for position, (claim, data) in enumerate(zip(report.claims, dump["claims"], strict=True)):
            speaker = claim.speaker
            self.claims.append({
                "article_id": article.id, "position": position,
                "speaker_name": (speaker.name or speaker.text) if speaker else None,
                "speaker_country": speaker.country if speaker else None,
                "speaker_sector": speaker.sector if speaker else None, "kind": claim.kind, "status": claim.status,
                "text": claim.text, "date_value": claim.date.value if claim.date else None,
                "evidence": claim.evidence, "data": data})
        for position, (agreement, data) in enumerate(zip(report.agreements, dump["agreements"], strict=True)):
            self.agreements.append({
                "article_id": article.id, "position": position, "kind": agreement.kind, "scope": agreement.scope,
                "duration_days": agreement.duration_days, "mediator": agreement.mediator,
                "parties": "," + ",".join(agreement.parties) + ",", "status": agreement.status,
                "evidence": agreement.evidence, "data": data})
            if agreement.history:
                self.histories.append((article.id, position, agreement.history))


def _event_values(article_id: str, position: int, event: Event, data: dict) -> dict:
    place = event.location
    span = date_span(event.date.value if event.date else None, event.date.precision if event.date else None)
    return {
        "article_id": article_id, "position": position, "type": event.type, "mode": event.mode,
        "status": event.status, **_actor_columns("source", event.source), **_actor_columns("target", event.target),
        "date_value": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "date_start": span[0].isoformat() if span else None, "date_end": span[1].isoformat() if span else None,
        "place_name": place.name or place.text if place else None,
        "place_country": place.country if place else None, "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "place_precision": place.precision if place else None,
        "killed_min": event.killed.min if event.killed else None,
        "killed_max": event.killed.max if event.killed else None,
        "injured_min": event.injured.min if event.injured else None,
        "injured_max": event.injured.max if event.injured else None,
        "evidence": event.evidence, "data": data}


def _domain(url: str | None) -> str | None:
    return urlparse(url).netloc or None if url else None


def _actor_columns(role: str, actor) -> dict:
    return {f"{role}_name": (actor.name or actor.text) if actor else None,
            f"{role}_country": actor.country if actor else None,
            f"{role}_sector": actor.sector if actor else None}


def _happenings(model, place_country, f: Filters) -> Select:
    """The query of events or incidents by type, date, country (either actor's or the place's) and place."""
    query = _where_dates(select(model), model.date_start, f)
    if f.type:
        query = query.where(model.type == f.type.upper())
    if f.country:
        code = f.country.upper()
        query = query.where(or_(model.source_country == code, model.target_country == code, place_country == code))
    if f.place:
        query = query.where(func.lower(model.place_name).contains(f.place.lower(), autoescape=True))
    return query


def _add_article_links(session: Session, incidents: list[dict]) -> None:
    """Give each source of these incidents its article's url and publication day where its figure
    lacks them (incidents fused before figures carried them)."""
    lacking = [f for row in incidents for f in row.get("figures") or []
               if f.get("article_id") and ("url" not in f or "published" not in f)]
    ids = list({f["article_id"] for f in lacking})
    found: dict[str, tuple[str | None, str | None]] = {}
    for start in range(0, len(ids), 500):
        query = select(ArticleRow.id, ArticleRow.url, ArticleRow.published).where(
            ArticleRow.id.in_(ids[start:start + 500]))
        found.update((article_id, (url, published)) for article_id, url, published in session.execute(query))
    for figure in lacking:
        url, published = found.get(figure["article_id"], (None, None))
        figure.setdefault("url", url)
        figure.setdefault("published", published)


def _outlets(incident: dict) -> list[str]:
    """The outlets whose figures an incident holds, in order."""
    return sorted({f["outlet"] for f in incident.get("figures") or [] if f.get("outlet")})


def _where_dates(query: Select, start_column, f: Filters) -> Select:
    """Records dated within the range: their first possible day falls in it. (Testing overlap
    instead would make every index on the start day useless for a range.)"""
    conditions = []
    if f.date_from:
        conditions.append(start_column >= f.date_from)
    if f.date_to:
        conditions.append(start_column <= f.date_to)
    return query.where(and_(*conditions)) if conditions else query


def _step_in_range(f: Filters):
    """An agreement has a step dated within the range; a month or a year ('2025-05') is within
    it when the range's first day is in it or before it."""
    day = func.substr(StepRow.date_value, 1, 10)
    conditions = [StepRow.agreement_id == AgreementRow.id, StepRow.date_value.is_not(None), StepRow.date_value != ""]
    if f.date_from:
        conditions.append(day >= func.substr(f.date_from, 1, func.length(day)))
    if f.date_to:
        conditions.append(day <= f.date_to)
    return select(StepRow.id).where(*conditions).exists()


def _row_dict(row, skip: tuple[str, ...] = ()) -> dict:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in skip}
