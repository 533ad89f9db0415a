"""Typed loaders of the data files of ingest and presentation: page.yaml (HTML elements, meta
names, binary signatures, highlighted words), boilerplate.yaml (web boilerplate patterns) and acled.yaml (ACLED
coding tables). Each is validated once, at first use; a broken file fails naming file and entry."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, model_validator

from peacewatch.data import DataFile, Word

__all__ = ["AcledExportType", "AcledTables", "Boilerplate", "BoilerplatePattern", "BoilerplateTail",
           "BinarySignature", "PageWords"]

# A regular expression or a fragment of one: kept exactly as written (spaces are part of it).
Pattern = Annotated[str, StringConstraints(min_length=1)]
# One lower-case word of a free-text mode ('drone', 'heavy-weapons'), as acled.py splits modes.
ModeWord = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
# [event_type, sub_event_type] of ACLED.
Coding = tuple[Word, Word]
NonEmptyMap = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# page.yaml


class BinarySignature(BaseModel):
    """The first bytes of a binary format (one character per byte) and the name errors give it."""

    model_config = ConfigDict(extra="forbid")
    signature: Annotated[str, StringConstraints(min_length=1, pattern=r"^[\x00-\xff]+$")]
    name: Word

    def as_bytes(self) -> bytes:
        """The signature as the bytes a file starts with."""
        return self.signature.encode("latin-1")


class PageWords(DataFile):
    """data/page.yaml: what a web page or an input file tells about itself."""

    FILE = "page.yaml"

    sniff_elements: list[Word]
    skip_elements: list[Word]
    block_elements: list[Word]
    date_meta: list[Word]
    title_meta: list[Word]
    url_meta: list[Word]
    source_meta: list[Word]
    binary_signatures: list[BinarySignature]
    highlight_words: list[Word]


# ---------------------------------------------------------------------------------------------
# boilerplate.yaml


class BoilerplatePattern(BaseModel):
    """A line or inline pattern: what it catches, the regex, and optional hint words."""

    model_config = ConfigDict(extra="forbid")
    why: Word
    pattern: Pattern
    hints: list[Pattern] = []


class BoilerplateTail(BaseModel):
    """A banner running to the end of its paragraph: where it starts, what it must contain."""

    model_config = ConfigDict(extra="forbid")
    why: Word
    start: Pattern
    requires: Pattern
    max_chars: StrictInt = 1000
    hints: list[Pattern] = []


class Boilerplate(DataFile):
    """data/boilerplate.yaml: the patterns of web boilerplate (see the file's head)."""

    FILE = "boilerplate.yaml"

    max_line_chars: StrictInt = 250
    end_widget_words: StrictInt = 4
    min_article_line_chars: StrictInt = 80
    min_copy_chars: StrictInt = 30
    defs: dict[str, Pattern] = {}
    lines: list[BoilerplatePattern] = []
    inline: list[BoilerplatePattern] = []
    tails: list[BoilerplateTail] = []
    section_ends: list[BoilerplatePattern] = []


# ---------------------------------------------------------------------------------------------
# acled.yaml


class AcledExportType(BaseModel):
    """How incidents of one PLOVER type are coded: mode words first, then the fallbacks."""

    model_config = ConfigDict(extra="forbid")
    modes: dict[ModeWord, Coding | dict[str, Coding]] = {}
    civilian_target: Coding | None = None
    default: Coding


class AcledTables(DataFile):
    """data/acled.yaml: the coding tables between peacewatch incidents and ACLED exports."""

    FILE = "acled.yaml"

    model_config = ConfigDict(populate_by_name=True)
    columns: list[Word] = Field(min_length=1)
    required_columns: list[Word] = Field(min_length=1)
    civilian_targeting: Word
    disorder_types: dict[str, Word] = NonEmptyMap
    export: dict[str, AcledExportType] = NonEmptyMap
    export_other: Coding
    time_precision: dict[str, StrictInt] = NonEmptyMap
    geo_precision: dict[str, StrictInt] = NonEmptyMap
    inter_codes: dict[str, StrictInt] = NonEmptyMap
    imports: dict[str, dict[str, tuple[Word, Word | None]]] = Field(alias="import", min_length=1)
    import_sectors: dict[str, Word] = NonEmptyMap
    import_time_precision: dict[str, Word] = NonEmptyMap
    import_geo_precision: dict[str, Word] = NonEmptyMap

    @model_validator(mode="after")
    def _check_references(self) -> AcledTables:
        """Every event_type coded must have a disorder_type; a by-sector mode needs a default."""
        for where, coding in self._codings():
            if coding[0] not in self.disorder_types:
                raise ValueError(f"{where} uses event_type {coding[0]!r}, missing from disorder_types")
        missing = [c for c in self.required_columns if c not in self.columns]
        if missing:
            raise ValueError(f"required_columns {missing} are not in columns")
        return self

    def _codings(self) -> list[tuple[str, Coding]]:
        found: list[tuple[str, Coding]] = [("export_other", self.export_other)]
        for plover, rule in self.export.items():
            found.append((f"export.{plover}.default", rule.default))
            if rule.civilian_target is not None:
                found.append((f"export.{plover}.civilian_target", rule.civilian_target))
            for word, value in rule.modes.items():
                where = f"export.{plover}.modes.{word}"
                if isinstance(value, dict):
                    if "default" not in value:
                        raise ValueError(f"{where} by sector needs a 'default'")
                    found += [(f"{where}.{sector}", coding) for sector, coding in value.items()]
                else:
                    found.append((where, value))
        return found
