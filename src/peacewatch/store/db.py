"""Opening the store: the database URL (argument, PEACEWATCH_DB, or ./peacewatch.db), the engine,
and the schema brought up to date by the Alembic migrations shipped in the package."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, event

from peacewatch.errors import PeacewatchError
from peacewatch.settings import current_settings

log = logging.getLogger(__name__)

DEFAULT_DB = "sqlite:///peacewatch.db"


class StoreError(PeacewatchError):
    """The store cannot be opened or written."""


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else $PEACEWATCH_DB, else ./peacewatch.db. A plain file path
    is taken as an SQLite file."""
    url = url or current_settings().db or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{Path(url)}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str | None = None) -> Engine:
    """An engine for the store; SQLite files get WAL journaling and enforced foreign keys."""
    url = database_url(url)
    engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            # WAL: readers do not block the ingest, and a killed writer leaves the file whole.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()
    return engine


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("peacewatch.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema up to the newest migration (creating it in an empty database)."""
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
