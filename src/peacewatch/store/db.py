"""Opening the store: the database URL (argument, PEACEWATCH_DB, or ./peacewatch.db), the engine,
and the schema brought up to date by the Alembic migrations shipped in the package.

Several processes may write one database at once (two ingests, an ingest and the service).
Writers take turns: on SQLite a writing transaction begins IMMEDIATE (it holds the file's write
lock from its first statement, so it never fails half-way on a lock), on PostgreSQL it holds a
transaction-level advisory lock. A writer that waits too long for its turn is tried again a few
times, then fails with StoreBusy, which names the wait and holds no SQL. Migrations run under a
lock too (a lock file beside an SQLite file, an advisory lock on PostgreSQL), so processes that
open a new database together create its schema once.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from peacewatch.errors import PeacewatchError
from peacewatch.settings import current_settings

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: migrations there are not guarded
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_DB = "sqlite:///peacewatch.db"
# Seconds a writer waits for another writer's lock (SQLite's busy timeout, PostgreSQL's lock_timeout)
# before a try fails; a failed try is retried WRITE_TRIES - 1 more times after a growing pause.
LOCK_WAIT = 10.0
WRITE_TRIES = 3
RETRY_PAUSE = 0.5
WRITER = "peacewatch_writer"  # the execution option that marks the writers' engine
# The execution option that gives a writer a wait of its own (seconds; the service's submissions
# wait briefly and answer 503 rather than hold the request for the store's whole wait).
LOCK_WAIT_OPTION = "peacewatch_lock_wait"
# PostgreSQL advisory lock keys ('pw' + purpose): one for writers, one for migrations.
WRITE_LOCK_KEY = 0x70770001
MIGRATE_LOCK_KEY = 0x70770002
# Errors that mean another transaction held a lock: SQLite's messages, PostgreSQL's SQLSTATEs
# (lock_not_available, serialization_failure, deadlock_detected).
BUSY_MESSAGES = ("database is locked", "database table is locked", "database is busy")
BUSY_STATES = {"55P03", "40001", "40P01"}


class StoreError(PeacewatchError):
    """The store cannot be opened or written."""


class StoreBusy(StoreError):
    """Another writer held the database through every try; trying later may succeed.

    Args:
        message: what waited, and how long.
        retry_after: seconds after which a new try is sensible.
    """

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else $PEACEWATCH_DB, else ./peacewatch.db. A plain file path
    is taken as an SQLite file."""
    url = url or current_settings().db or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{Path(url)}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str | None = None, lock_wait: float = LOCK_WAIT) -> Engine:
    """An engine for the store; SQLite files get WAL journaling, enforced foreign keys, a busy
    timeout of `lock_wait` seconds, and transactions begun by us (BEGIN, or BEGIN IMMEDIATE on
    the writers' engine), not by the driver."""
    url = database_url(url)
    sqlite = url.startswith("sqlite")
    engine = create_engine(url, future=True, pool_pre_ping=not sqlite,
                           connect_args={"timeout": lock_wait} if sqlite else {})
    if sqlite:
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # the driver begins nothing: _sqlite_begin does
            cursor = dbapi_connection.cursor()
            # WAL: readers do not block the ingest, and a killed writer leaves the file whole.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")  # the busy timeout is the driver's (connect_args)
            cursor.close()
            # Python's folding of text, which the lists filter and sort by (store.listing):
            # SQLite's own lower() folds ASCII only.
            dbapi_connection.create_function("pw_lower", 1, _lower, deterministic=True)
            dbapi_connection.create_function("pw_casefold", 1, _casefold, deterministic=True)

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Connection) -> None:
            # A writer takes the write lock at once (waiting up to the busy timeout): a deferred
            # transaction that read first could not get it later without failing at once.
            options = connection.get_execution_options()
            wait = options.get(LOCK_WAIT_OPTION)
            if wait is not None:  # this transaction's wait; the connection's own back at its end
                connection.exec_driver_sql(_busy_timeout(float(wait)))
            connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITER) else "BEGIN")

        @event.listens_for(engine, "commit")
        @event.listens_for(engine, "rollback")
        def _sqlite_end(connection: Connection) -> None:
            if connection.get_execution_options().get(LOCK_WAIT_OPTION) is not None:
                connection.exec_driver_sql(_busy_timeout(lock_wait))
    return engine


def _busy_timeout(seconds: float) -> str:
    """SQLite's busy timeout statement: a PRAGMA takes no bound parameter, so it is written from
    a whole number of milliseconds and nothing else."""
    return "PRAGMA busy_timeout = " + str(int(seconds * 1000))


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def writers_engine(engine: Engine, lock_wait: float | None = None) -> Engine:
    """The engine writers use: the same pool, transactions that take the write lock first
    (waiting `lock_wait` seconds on SQLite when given, else the engine's busy timeout)."""
    options = {WRITER: True} if lock_wait is None else {WRITER: True, LOCK_WAIT_OPTION: lock_wait}
    return engine.execution_options(**options)


def lock_writers(connection: Connection, lock_wait: float = LOCK_WAIT) -> None:
    """Wait for the writers' turn inside the open transaction (released by its end). SQLite's
    BEGIN IMMEDIATE took it already; PostgreSQL takes an advisory lock, waiting `lock_wait`."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT set_config('lock_timeout', :wait, true)"),  # SET LOCAL, bound
                           {"wait": f"{int(lock_wait * 1000)}ms"})
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})


def is_busy(exc: BaseException) -> bool:
    """Whether a database error means another transaction held a lock."""
    if not isinstance(exc, DBAPIError):
        return False
    state = getattr(exc.orig, "sqlstate", None)
    return state in BUSY_STATES or any(m in str(exc.orig).lower() for m in BUSY_MESSAGES)


def retry_busy(work: Callable[[], T], what: str, tries: int = WRITE_TRIES, lock_wait: float = LOCK_WAIT) -> T:
    """Run `work` (one whole transaction), again after a pause while another writer holds the
    lock; StoreBusy when every try waited in vain. Other errors pass unchanged."""
    for attempt in range(1, tries + 1):
        try:
            return work()
        except DBAPIError as exc:
            if not is_busy(exc):
                raise
            log.info("%s: the database is locked by another writer (try %d of %d)", what, attempt, tries)
            if attempt == tries:
                waited = f"{round(tries * lock_wait, 1):g}"  # '30', or '0.3' for a short wait
                raise StoreBusy(f"{what}: the database stayed locked by another writer for about {waited} s; "
                                "try again later", retry_after=max(1, round(lock_wait))) from None
            time.sleep(RETRY_PAUSE * 2 ** (attempt - 1) * (1 + random.random()))
    raise AssertionError("unreachable")


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("peacewatch.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema up to the newest migration (creating it in an empty database), one
    process at a time: the others wait, then find it done."""
    config = _alembic_config()
    with _migration_file_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def _migration_file_lock(engine: Engine) -> Iterator[None]:
    """An exclusive lock on a file beside an SQLite database (DB.lock) while it is migrated; no
    lock for other databases (they lock inside the transaction) or an in-memory one."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:") or fcntl is None:
        yield
        return
    try:
        handle = open(f"{database}.lock", "a")
    except OSError as exc:  # a folder we may not write: migrate unguarded, as before
        log.warning("cannot lock %s.lock for the migration: %s", database, exc)
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
