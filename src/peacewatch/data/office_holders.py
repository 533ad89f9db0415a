"""Office holders (data/office_holders.yaml, and a user file named by PEACEWATCH_OFFICE_HOLDERS):
who held which office when, so that a bare name ('Zelensky said') gets a country and a sector.

`find_holder(name, on)` answers with the holder in office on a date; names shared by several
people answer only when they agree on the country.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from peacewatch.data import DataFile, Word, validate_data
from peacewatch.errors import DataError
from peacewatch.schema import Sector
from peacewatch.settings import current_settings

log = logging.getLogger(__name__)

__all__ = ["Holder", "HolderSpec", "OfficeHolderFile", "find_holder", "holders"]

# 'al-Sharaa' is also written 'Sharaa': Arabic articles a family name may drop.
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|az)-", re.IGNORECASE)
_PUNCT = re.compile(r"[\"\u201c\u201d()]")


class HolderSpec(BaseModel):
    """One person in one office: names, ISO3 country (None for an international body), sector,
    the office in words, and the dates it was held (`to` None while it is held)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    name: Word
    variants: list[Word] = Field(default_factory=list)
    bare: bool = True
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: Sector
    role: Word
    start: date = Field(alias="from")
    end: date | None = Field(default=None, alias="to")

    @model_validator(mode="after")
    def _dates_in_order(self) -> HolderSpec:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"{self.name}: office ends ({self.end}) before it begins ({self.start})")
        return self

    def holds_on(self, day: date) -> bool:
        """Whether the office was held on `day` (both ends included)."""
        return self.start <= day and (self.end is None or day <= self.end)


class OfficeHolderFile(DataFile):
    """data/office_holders.yaml: the people of war and diplomacy and their offices."""

    FILE = "office_holders.yaml"

    holders: list[HolderSpec]


@dataclass(frozen=True)
class Holder:
    """What a name says of its bearer: full name, country (None: international or unknown), sector."""

    name: str
    country: str | None
    sector: str
    role: str


def name_key(text: str) -> str:
    """Lower-case words without accents, quotes or brackets: the form names are compared in."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_PUNCT.sub(" ", text).lower().split())


def _bare_keys(name: str) -> set[str]:
    words = name.split()
    if len(words) < 2:
        return set()
    last = words[-1]
    return {last, _ARTICLE.sub("", last)}


def _user_holders() -> list[HolderSpec]:
    """The holders of the user file named by PEACEWATCH_OFFICE_HOLDERS (none when unset)."""
    path = current_settings().office_holders
    if not path:
        return []
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"office holders file {path!r} cannot be read: {exc}") from exc
    return validate_data(path, raw, OfficeHolderFile).holders


@cache
def holders() -> tuple[HolderSpec, ...]:
    """Every holder: the package's file, then the user's (read once per process)."""
    return (*OfficeHolderFile.load().holders, *_user_holders())


@cache
def _index() -> tuple[dict[str, list[HolderSpec]], dict[str, list[HolderSpec]]]:
    """Full names and variants -> holders; last words ('Putin') -> holders."""
    full: dict[str, list[HolderSpec]] = {}
    bare: dict[str, list[HolderSpec]] = {}
    for spec in holders():
        names = {name_key(n) for n in (spec.name, *spec.variants)}
        for key in names:
            full.setdefault(key, []).append(spec)
        if spec.bare:
            for key in set().union(*(_bare_keys(n) for n in names)):
                if key not in names:
                    bare.setdefault(key, []).append(spec)
    return full, bare


def _candidates(key: str) -> list[HolderSpec]:
    full, bare = _index()
    if key in full:
        return full[key]
    words = key.split()
    if len(words) == 1:
        return bare.get(key, [])
    # 'President-elect Jane Roe' or a middle name left out: the same first and last word.
    return [spec for spec in bare.get(words[-1], [])
            if any(name_key(n).split()[0] == words[0] for n in (spec.name, *spec.variants))]


def find_holder(name: str, on: date | None = None) -> Holder | None:
    """The office holder a name stands for.

    Args:
        name: a person's name as written ('Zelensky', 'Vladimir Putin'), titles already removed.
        on: the publication date; the holders in office that day are preferred.
    Returns:
        the holder, or None when no holder bears the name or those who do disagree on the country.
    """
    found = _candidates(name_key(name))
    if not found:
        return None
    if on is not None:
        found = [spec for spec in found if spec.holds_on(on)] or found
    else:
        found = [spec for spec in found if spec.end is None] or found
    if len({spec.country for spec in found}) != 1:
        return None
    best = max(found, key=lambda spec: spec.start)
    return Holder(best.name, best.country, best.sector, best.role)
