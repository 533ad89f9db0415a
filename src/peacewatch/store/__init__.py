"""The store: articles and their reports, events, claims, agreements and fused incidents in one
database (an SQLite file by default, any SQLAlchemy URL otherwise, PostgreSQL tested).

Writes happen a batch at a time in one transaction: a batch is stored whole or not at all, so a
killed ingest loses nothing it had committed and a second run adds only what is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Row, Select, and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from peacewatch.schema import Event, HistoryStep, Report
from peacewatch.store.copies import CopyIndex, from_bytes, to_bytes
from peacewatch.store.db import StoreError, current_revision, database_url, make_engine, upgrade
from peacewatch.store.fuse import Fuser, Incident, Telling, date_span
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

__all__ = ["Filters", "Store", "StoreError", "StoredArticle", "database_url"]

log = logging.getLogger(__name__)

INCIDENT_FIELDS = ("type", "mode", "country", "date_value", "date_precision", "place_name", "admin1", "lat", "lon",
                   "place_precision", "source_name", "source_country", "source_sector", "target_name",
                   "target_country", "target_sector")
# the columns of an event a telling takes as they are
TELLING_COLUMNS = ("date_value", "date_precision", "place_name", "admin1", "lat", "lon", "place_precision", "mode",
                   "source_name", "source_country", "source_sector", "target_name", "target_country",
                   "target_sector", "killed_min", "killed_max", "injured_min", "injured_max", "evidence")


@dataclass
class StoredArticle:
    """An article ready to store: its report, and what the copy index said of it."""

    report: Report
    external_id: str | None = None
    minhash: Any = None
    copy_of: str | None = None
    similarity: float | None = None
    words: int = 0


@dataclass
class Filters:
    """What a query keeps. Dates are ISO days; `country` matches either actor or the place."""

    type: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    status: str | None = None
    kind: str | None = None
    limit: int | None = None
    offset: int = 0


class Store:
    """One database, brought to the newest schema when opened.

    Args:
        url: SQLAlchemy URL or SQLite file path; default $PEACEWATCH_DB or ./peacewatch.db.
    """

    def __init__(self, url: str | None = None):
        self.url = database_url(url)
        try:
            self.engine = make_engine(self.url)
            upgrade(self.engine)
        except Exception as exc:  # the driver's own errors, named for the caller
            raise StoreError(f"cannot open the store at {self._safe_url()}: {exc}") from exc
        self._session = sessionmaker(self.engine, expire_on_commit=False)

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

    def copy_index(self, threshold: float | None = None) -> CopyIndex:
        """The copy index of every stored article, oldest first (originals before their copies)."""
        index = CopyIndex(threshold) if threshold else CopyIndex()
        with self._session() as session:
            rows = session.execute(select(SignatureRow.article_id, SignatureRow.minhash, ArticleRow.copy_of)
                                   .join(ArticleRow, ArticleRow.id == SignatureRow.article_id)
                                   .order_by(ArticleRow.ingested_at, ArticleRow.id))
            for article_id, data, copy_of in rows:
                index.add(article_id, from_bytes(data), copy_of)
        return index

    def add_batch(self, batch: Sequence[StoredArticle], fuser: Fuser | None = None) -> list[int]:
        """Store a batch of articles with everything in their reports, and fuse their events into
        incidents, in one transaction. Articles stored already are left as they are.

        Returns:
            the ids of the incidents the batch created or changed.
        """
        with self._session.begin() as session:
            known = set(session.scalars(select(ArticleRow.id).where(
                ArticleRow.id.in_([s.report.article.id for s in batch]))))
            fresh = []
            for item in batch:
                if item.report.article.id not in known:
                    known.add(item.report.article.id)
                    fresh.append(item)
            rows = _BatchRows()
            now = datetime.now(UTC).isoformat(timespec="microseconds")
            for item in fresh:
                rows.add(item, now)
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
            tellings = []
            if rows.told:
                event_ids = _ids_by_position(session, EventRow, article_ids)
                tellings = [_telling(values, event_ids[values["article_id"], values["position"]], root, outlet)
                            for values, root, outlet in rows.told]
            return self._fuse(session, tellings, fuser or Fuser())

    def _fuse(self, session: Session, tellings: list[Telling], fuser: Fuser) -> list[int]:
        """Join the batch's tellings to stored incidents of their blocks, or make new ones."""
        if not tellings:
            return []
        loaded: dict[int, Incident] = {inc.id: inc for inc in fuser.incidents if inc.id is not None}
        stored: set[int] = set()  # incidents whose rows this transaction has read
        for incident in self._incidents_near(session, tellings):
            stored.add(incident.id)
            if incident.id not in loaded:
                fuser.add(incident)
                loaded[incident.id] = incident
        for telling in sorted(tellings, key=lambda t: (t.date_value or "", t.event_id)):
            fuser.fuse(telling)
        changed = fuser.changed()
        # a fuser given by the caller may hold incidents of an earlier batch whose rows are gone (that
        # batch rolled back): those are stored anew
        unread = [i.id for i in changed if i.id is not None and i.id not in stored]
        for start in range(0, len(unread), 500):
            stored.update(session.scalars(select(IncidentRow.id).where(IncidentRow.id.in_(unread[start:start + 500]))))
        updates = [{"id": i.id, **_incident_values(i)} for i in changed if i.id in stored]
        if updates:
            session.execute(update(IncidentRow), updates)  # one executemany, by primary key
        # new incidents through the unit of work, which learns their ids on any database
        new = [(i, IncidentRow(origin="peacewatch", **_incident_values(i))) for i in changed if i.id not in stored]
        session.add_all([row for _, row in new])
        session.flush()
        for incident, row in new:
            incident.id = row.id
        touched, members = [], []
        for incident in changed:
            members.extend({"incident_id": incident.id, "event_id": m.event_id, "article_id": m.article_id,
                            "independent": m.root == m.article_id} for m in incident.new_members)
            incident.new_members.clear()
            incident.changed = False
            touched.append(incident.id)
        _insert(session, MemberRow, members)
        return touched

    def _incidents_near(self, session: Session, tellings: list[Telling]) -> list[Incident]:
        """Stored incidents in the blocks and days of these tellings (found by the block index)."""
        blocks: dict[tuple[str, str], list[str]] = {}
        for telling in tellings:
            span = date_span(telling.date_value, telling.date_precision)
            if span is None or telling.country is None:
                continue
            low, high = blocks.get((telling.type, telling.country), [span[0].isoformat(), span[1].isoformat()])
            blocks[(telling.type, telling.country)] = [min(low, span[0].isoformat()), max(high, span[1].isoformat())]
        out = []
        incidents = IncidentRow.__table__
        for (kind, country), (low, high) in blocks.items():
            low_day = _shift(low, -2)
            high_day = _shift(high, 2)
            # incidents start at most a year before the window (a year-precision one spans a year);
            # plain rows, not ORM objects: changes are written back by id
            rows = session.execute(select(incidents).where(
                incidents.c.type == kind, incidents.c.country == country,
                incidents.c.date_start >= _shift(low, -366), incidents.c.date_start <= high_day,
                incidents.c.date_end >= low_day, incidents.c.origin == "peacewatch"))
            out.extend(_incident_of(row) for row in rows)
        return out

    def import_incidents(self, rows: Iterable[dict]) -> tuple[int, int]:
        """Store incidents from another data set (an ACLED export), keyed by their external id;
        rows stored already are updated. Returns (new, updated)."""
        new = updated = 0
        with self._session.begin() as session:
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
                for name in (*INCIDENT_FIELDS, "killed_median", "killed_min", "killed_max", "sources", "reports",
                             "external_id", "note"):
                    if name in item:
                        setattr(row, name, item[name])
                row.origin = item.get("origin") or "import"
                row.date_start = span[0].isoformat() if span else None
                row.date_end = span[1].isoformat() if span else None
                row.evidence = list(item.get("evidence") or [])
                row.figures = [{"outlet": o} for o in item.get("outlets") or []]
                row.sources = row.sources or 1
                row.reports = row.reports or 1
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
        found["outlets"] = _outlets(found)
        return found

    def count(self, kind: str, filters: Filters | None = None) -> int:
        """How many records of a kind ('articles', 'events', 'incidents', 'claims') pass the filters."""
        f = filters or Filters()
        queries = {"articles": lambda: self._articles_query(f), "events": lambda: self._events_query(f),
                   "incidents": lambda: _happenings(IncidentRow, IncidentRow.country, f),
                   "claims": lambda: self._claims_query(f)}
        if kind not in queries:
            raise ValueError(f"cannot count {kind!r}")
        with self._session() as session:
            return session.scalar(select(func.count()).select_from(queries[kind]().subquery())) or 0

    def article(self, article_id: str) -> dict | None:
        with self._session() as session:
            row = session.get(ArticleRow, article_id)
            return None if row is None else _row_dict(row)

    def events(self, filters: Filters | None = None) -> list[dict]:
        """Stored events that pass the filters, by date."""
        f = filters or Filters()
        return self._fetch(self._events_query(f).order_by(EventRow.date_start, EventRow.id), f, skip=("data",))

    def _events_query(self, f: Filters) -> Select:
        query = _happenings(EventRow, EventRow.place_country, f)
        return query.where(EventRow.status == f.status) if f.status else query

    def incidents(self, filters: Filters | None = None) -> list[dict]:
        """Incidents that pass the filters, by date, each with the outlets that told it."""
        f = filters or Filters()
        query = _happenings(IncidentRow, IncidentRow.country, f)
        rows = self._fetch(query.order_by(IncidentRow.date_start, IncidentRow.id), f)
        for row in rows:
            row["outlets"] = _outlets(row)
        return rows

    def claims(self, filters: Filters | None = None) -> list[dict]:
        f = filters or Filters()
        return self._fetch(self._claims_query(f).order_by(ClaimRow.date_value, ClaimRow.id), f, skip=("data",))

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
            query = query.where(or_(AgreementRow.parties.contains(f",{code},"), AgreementRow.mediator == code))
        if f.status:
            query = query.where(AgreementRow.status == f.status)
        if f.kind or f.type:
            query = query.where(AgreementRow.kind == (f.kind or f.type).lower())
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
        if f.date_from or f.date_to:
            rows = [r for r in rows if any(_in_range(s["date"], f) for s in r["history"])]
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
        with self._session.begin() as session:
            for model in (MemberRow, IncidentRow, StepRow, AgreementRow, ClaimRow, EventRow, SignatureRow):
                session.execute(delete(model))
            session.execute(delete(ArticleRow).where(ArticleRow.copy_of.is_not(None)))
            session.execute(delete(ArticleRow))


def _insert(session: Session, model: type, rows: list[dict]) -> None:
    """Insert rows of one table in one executemany, without ORM objects. Every row names every
    column, None included (render_nulls), or the ORM would split the rows by their None columns."""
    if rows:
        session.execute(insert(model).execution_options(render_nulls=True), rows)


def _ids_by_position(session: Session, model: type, article_ids: list[str]) -> dict[tuple[str, int], int]:
    """The ids of the rows of a table (events, agreements) of these articles, by article and position."""
    ids = {}
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
        self.told: list[tuple[dict, str, str | None]] = []  # events fusion takes, their root article and outlet

    def add(self, item: StoredArticle, now: str) -> None:
        """Add the rows of an article and its report (dumped to JSON once, its parts taken from that)."""
        report, article = item.report, item.report.article
        dump = report.model_dump(mode="json")
        self.articles.append({
            "id": article.id, "external_id": item.external_id, "title": article.title, "url": article.url,
            "source": article.source, "published": article.published, "words": item.words, "copy_of": item.copy_of,
            "similarity": item.similarity, "boilerplate": article.boilerplate, "warnings": article.warnings,
            "report": dump, "ingested_at": now})
        if item.minhash is not None:
            self.signatures.append({"article_id": article.id, "minhash": to_bytes(item.minhash)})
        root = item.copy_of or article.id
        outlet = article.source or _domain(article.url)
        for position, (event, data) in enumerate(zip(report.events, dump["events"], strict=True)):
            self.events.append(values := _event_values(article.id, position, event, data))
            if event.status == "occurred" and values["date_start"] is not None:
                self.told.append((values, root, outlet))
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


def _incident_values(incident: Incident) -> dict:
    """An incident's columns as it is now (all but its id and origin)."""
    return {**{name: getattr(incident, name) for name in INCIDENT_FIELDS},
            "date_start": incident.start.isoformat(), "date_end": incident.end.isoformat(), **incident.summary(),
            "figures": list(incident.figures),
            "evidence": list(dict.fromkeys(f["evidence"] for f in incident.figures if f.get("evidence")))}


def _domain(url: str | None) -> str | None:
    return urlparse(url).netloc or None if url else None


def _actor_columns(role: str, actor) -> dict:
    return {f"{role}_name": (actor.name or actor.text) if actor else None,
            f"{role}_country": actor.country if actor else None,
            f"{role}_sector": actor.sector if actor else None}


def _telling(event: dict, event_id: int, root: str, outlet: str | None) -> Telling:
    return Telling(
        event_id=event_id, article_id=event["article_id"], root=root, type=event["type"],
        country=event["place_country"] or event["target_country"] or event["source_country"],
        outlet=outlet, **{name: event[name] for name in TELLING_COLUMNS})


def _incident_of(row: Row) -> Incident:
    incident = Incident(type=row.type, country=row.country, date_value=row.date_value,
                        date_precision=row.date_precision, start=datetime.fromisoformat(row.date_start).date(),
                        end=datetime.fromisoformat(row.date_end).date(), id=row.id, figures=list(row.figures or []))
    for name in INCIDENT_FIELDS:
        setattr(incident, name, getattr(row, name))
    incident.changed = False
    return incident


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _happenings(model, place_country, f: Filters) -> Select:
    """The query of events or incidents by type, date, country (either actor's or the place's) and place."""
    query = _where_dates(select(model), model.date_start, f)
    if f.type:
        query = query.where(model.type == f.type.upper())
    if f.country:
        code = f.country.upper()
        query = query.where(or_(model.source_country == code, model.target_country == code, place_country == code))
    if f.place:
        query = query.where(func.lower(model.place_name).contains(f.place.lower()))
    return query


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


def _in_range(value: str | None, f: Filters) -> bool:
    if not value:
        return False
    return (not f.date_from or value[:10] >= f.date_from[:len(value[:10])]) and (
        not f.date_to or value[:10] <= f.date_to)


def _row_dict(row, skip: tuple[str, ...] = ()) -> dict:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in skip}
