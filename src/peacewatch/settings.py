"""Every PEACEWATCH_* setting in one place (read from the environment by pydantic-settings), and
the defaults that more than one face (CLI, API, dashboard, report) uses."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from peacewatch.errors import SettingsError

# The initiative analysis: whose violence is counted, after initiatives with whom, over how many
# days, and how many random placements the permutation test draws (the CLI and the report; the
# service and the dashboard draw fewer so that a page answers within a second or two).
PARTY = "RUS"
MEDIATOR = "USA"
WINDOW_DAYS = 3
PERMUTATIONS = 10_000
SERVICE_PERMUTATIONS = 2_000
PLOT_PERMUTATIONS = 200

DEFAULT_DB = "peacewatch.db"
DEFAULT_MAX_BODY = 2_000_000  # bytes of a request body the service accepts
DEFAULT_ARTICLE_TIMEOUT = 60.0  # seconds to read one parsed article
DEFAULT_MAX_ARTICLE_CHARS = 100_000  # characters of a submitted article's text the service reads
DEFAULT_EXTRACT_TIMEOUT = 60.0  # seconds the service's worker may take to read a submitted article
DEFAULT_EXTRACT_WAIT = 10.0  # seconds a submission waits for the one being read before it
DEFAULT_CACHE_SECONDS = 300.0  # longest a dashboard page or an analysis is kept (the store's changes drop it sooner)


def key_digest(key: str) -> str:
    """The SHA-256 hex digest under which an API key is kept."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Settings(BaseSettings):
    """The settings, each from PEACEWATCH_<NAME> when not given:

    db: PEACEWATCH_DB, a database URL or SQLite file (else ./peacewatch.db);
    key_hashes: PEACEWATCH_API_KEY_HASHES, comma-separated SHA-256 digests of the API keys;
    api_key: PEACEWATCH_API_KEY, a key (hashed on reading, added to key_hashes);
    read_open: PEACEWATCH_READ_OPEN, 1 or 0 (0: reads need a key too);
    max_body: PEACEWATCH_MAX_BODY, bytes;
    article_timeout: PEACEWATCH_ARTICLE_TIMEOUT, seconds to read one article (0: no limit);
    max_article_chars: PEACEWATCH_MAX_ARTICLE_CHARS, characters of a submitted article's text
        (given or taken from its HTML) the service reads; a longer one is refused with 413;
    extract_timeout: PEACEWATCH_EXTRACT_TIMEOUT, seconds the service's worker process may take to
        read a submitted article before it is stopped (504; 0: read in the service's process,
        unbounded);
    extract_wait: PEACEWATCH_EXTRACT_WAIT, seconds a submission waits for the one before it (503);
    cache_seconds: PEACEWATCH_CACHE_SECONDS, longest the service keeps a page or an analysis it
        worked out (any change to the store drops it sooner; 0: keep nothing);
    spacy_model: PEACEWATCH_SPACY_MODEL, another installed spaCy pipeline's name or path;
    office_holders: PEACEWATCH_OFFICE_HOLDERS, a YAML file of more office holders, shaped as
        data/office_holders.yaml (read after it)."""

    model_config = SettingsConfigDict(env_prefix="PEACEWATCH_", extra="ignore", populate_by_name=True)

    db: str | None = None
    key_hashes: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias=AliasChoices("key_hashes", "PEACEWATCH_API_KEY_HASHES"))
    api_key: SecretStr | None = Field(default=None, exclude=True)
    read_open: bool = True
    max_body: int = Field(default=DEFAULT_MAX_BODY, gt=0)
    article_timeout: float = Field(default=DEFAULT_ARTICLE_TIMEOUT, ge=0)
    max_article_chars: int = Field(default=DEFAULT_MAX_ARTICLE_CHARS, gt=0)
    extract_timeout: float = Field(default=DEFAULT_EXTRACT_TIMEOUT, ge=0)
    extract_wait: float = Field(default=DEFAULT_EXTRACT_WAIT, ge=0)
    cache_seconds: float = Field(default=DEFAULT_CACHE_SECONDS, ge=0)
    spacy_model: str | None = None
    office_holders: str | None = None

    @field_validator("key_hashes", mode="before")
    @classmethod
    def _split_hashes(cls, value: object) -> object:
        if isinstance(value, str):
            return [part for part in value.split(",") if part.strip()]
        return value

    @field_validator("key_hashes")
    @classmethod
    def _normalise_hashes(cls, value: list[str]) -> list[str]:
        return [digest.strip().lower() for digest in value]

    @model_validator(mode="after")
    def _hash_the_key(self) -> Settings:
        if self.api_key is not None and self.api_key.get_secret_value():
            digest = key_digest(self.api_key.get_secret_value())
            if digest not in self.key_hashes:
                self.key_hashes.append(digest)
        return self


def current_settings(**given: Any) -> Settings:
    """The settings as the environment gives them now, with the values `given` winning.

    Raises:
        SettingsError: a variable holds a value that cannot be used (named in the message)."""
    try:
        return Settings(**given)
    except ValidationError as exc:
        problems = "; ".join(f"PEACEWATCH_{'.'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
                             for err in exc.errors())
        raise SettingsError(f"bad setting: {problems}") from exc
