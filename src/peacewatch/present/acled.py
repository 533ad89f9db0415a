"""ACLED-style CSV: incidents written in ACLED's export columns, and an ACLED export read back.

The coding tables (PLOVER type and mode to ACLED event types, precisions, inter codes) live in
data/acled.yaml; this module only applies them.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import IO, Any

from peacewatch.data.page_words import AcledTables
from peacewatch.data.regions import RegionWords, admin1_name
from peacewatch.errors import DataError
from peacewatch.extract.countries import country_name, country_of
from peacewatch.records import best_figure

log = logging.getLogger(__name__)

__all__ = ["ACLED_COLUMNS", "AcledCoding", "code_incident", "interaction_code", "read_acled_csv", "to_acled_row",
           "write_acled_csv"]

_ANY_SUB_EVENT = "*"
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Older ACLED exports write '12 April 2025' (sometimes with dashes); newer ones ISO dates.
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y")
_MODE_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TAG = re.compile(r"^\s*([a-z0-9_]+)\s*=\s*(.*?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class AcledCoding:
    """ACLED's coding of one incident, with the rule that chose it (e.g. "ASSAULT mode 'drone'")."""

    disorder_type: str
    event_type: str
    sub_event_type: str
    rule: str


def _tables() -> AcledTables:
    """The coding tables of data/acled.yaml, validated once per process."""
    return AcledTables.load()


# ACLED's export columns in its order; without the required ones an input file is not an ACLED
# export at all (a caller mistake, not a bad row). Both from data/acled.yaml.
ACLED_COLUMNS: list[str] = list(AcledTables.load().columns)
_REQUIRED_COLUMNS = tuple(AcledTables.load().required_columns)
_CIVILIAN_TARGETING = AcledTables.load().civilian_targeting


# ---------------------------------------------------------------------------------------------
# Export


def _mode_words(mode: str | None) -> set[str]:
    """The words of a free-text mode, each also without a plural 's' ('drones' -> 'drone')."""
    words = set(_MODE_WORD.findall((mode or "").lower()))
    return words | {w[:-1] for w in words if len(w) > 3 and w.endswith("s")}


def code_incident(incident: dict) -> AcledCoding:
    """Choose ACLED's disorder_type, event_type and sub_event_type for an incident.

    Args:
        incident: an incident row dict (uses `type`, `mode`, `source_sector`, `target_sector`).
    Returns:
        the coding and the rule of data/acled.yaml that chose it.
    """
    tables = _tables()
    plover = str(incident.get("type") or "").upper()
    rule = tables.export.get(plover)
    if rule is None:
        coding, why = tables.export_other, f"type {plover or 'unknown'} has no rule"
    else:
        coding, why = rule.default, f"{plover} default"
        words = _mode_words(incident.get("mode"))
        matched = next(((word, value) for word, value in rule.modes.items() if word in words), None)
        if matched is not None:
            word, value = matched
            if isinstance(value, dict):
                sector = incident.get("source_sector") or ""
                coding = value.get(sector, value["default"])
                why = f"{plover} mode {word!r}, source sector {sector or 'unknown'}"
            else:
                coding, why = value, f"{plover} mode {word!r}"
        elif rule.civilian_target is not None and incident.get("target_sector") == "CVL":
            coding, why = rule.civilian_target, f"{plover} against civilians"
    return AcledCoding(tables.disorder_types[coding[0]], coding[0], coding[1], why)


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two inter codes, the smaller first (1 and 7 -> 17).

    A lone actor keeps its code in the tens place (1 and 0 -> 10), as in ACLED's own codebook.

    Args:
        inter1: inter code of actor 1 (0 when unknown).
        inter2: inter code of actor 2 (0 when unknown).
    Returns:
        the two-digit interaction, or 0 when both are unknown.
    """
    known = sorted(code for code in (inter1, inter2) if code)
    if not known:
        return 0
    if len(known) == 1:
        return known[0] * 10
    return known[0] * 10 + known[1]


def _parse_date_value(value: Any) -> tuple[dt.date, str] | None:
    """Read 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' (or a date) as its first day and its granularity."""
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    text = str(value or "").strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        first = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return first, "day" if day else "month" if month else "year"


def _acled_date(incident: dict) -> tuple[dt.date | None, str | None]:
    """The ACLED event_date (the first day of the period) and the precision it stands for.

    A date value coarser than its stated precision ('2025-03' said to be exact to the day) is
    read at the coarser precision: the export never claims more than the value holds.
    """
    raw = incident.get("date_value")
    if raw in (None, ""):
        return None, None
    parsed = _parse_date_value(raw)
    if parsed is None:
        log.warning("incident %s: date %r is not YYYY-MM-DD, YYYY-MM or YYYY; left empty", incident.get("id"), raw)
        return None, None
    first, granularity = parsed
    precision = incident.get("date_precision")
    if precision not in _PRECISION_RANK or _PRECISION_RANK[precision] < _PRECISION_RANK[granularity]:
        precision = granularity
    if precision == "week":
        first -= dt.timedelta(days=first.weekday())  # ISO weeks start on Monday
    elif precision == "month":
        first = first.replace(day=1)
    elif precision == "year":
        first = first.replace(month=1, day=1)
    return first, precision


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _coordinate(value: Any, name: str, limit: float) -> str:
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise ValueError(f"{name} {value!r} is out of range")
    return str(round(number, 5))


def _fatalities(incident: dict) -> int:
    return round(best_figure(incident) or 0)


def _notes(incident: dict) -> str:
    evidence = incident.get("evidence") or []
    if isinstance(evidence, str):
        evidence = [evidence]
    parts = [_text(evidence[0]) if evidence else "", _text(incident.get("note"))]
    first, note = parts
    if first and note:
        return f"{first} Note: {note}"
    return first or note


def _geo_precision(incident: dict, admin1: str, tables: AcledTables) -> int | str:
    """ACLED's geo_precision: 1 a town, 2 a part of a region (a district), 3 a region or larger.

    A place of region precision is a part of its admin1 region when its name ends in a word of a
    second-level unit ('district', 'county'), or when its admin1 region is known by another name
    ('Kamyanka' in 'Northern Oblast'); else it is the region itself ('Kharkiv Oblast' in 'Kharkiv').
    """
    precision = incident.get("place_precision") or ""
    if precision == "region":
        words = _name_words(incident.get("place_name"))
        if words and (words[-1] in _admin2_units() or (admin1 and not _same_region(words, _name_words(admin1)))):
            return tables.geo_precision["district"]
    return tables.geo_precision.get(precision, "")


def _name_words(name: Any) -> list[str]:
    return re.findall(r"[a-z0-9]+", _text(name).lower())


def _same_region(place: list[str], region: list[str]) -> bool:
    """Whether a place's name names the region: one holds the other's words ('Saratov region', 'Saratov')."""
    return bool(place) and bool(region) and (set(region) <= set(place) or set(place) <= set(region))


@cache
def _admin2_units() -> frozenset[str]:
    return frozenset(word.lower() for word in RegionWords.load().admin2_units)


def _tags(incident: dict, iso3: str) -> str:
    tags = [f"{key}={int(incident[key])}" for key in ("sources", "reports") if incident.get(key) is not None]
    if iso3:
        # ACLED's iso column is numeric and countries.yaml has no numeric codes: keep the ISO3 here.
        tags.append(f"iso3={iso3}")
    if incident.get("date_precision") == "year":
        # time_precision 3 cannot tell a year from a month; this lets read_acled_csv tell them apart.
        tags.append("date=year")
    return "; ".join(tags)


def to_acled_row(incident: dict) -> dict:
    """One incident as an ACLED export row.

    Args:
        incident: an incident row dict; any key may be missing or None.
    Returns:
        a dict with exactly the keys of ACLED_COLUMNS, values as ACLED writes them ('' when unknown).
    Raises:
        ValueError, TypeError: a coordinate or casualty value is not a number.
    """
    tables = _tables()
    coding = code_incident(incident)
    event_date, precision = _acled_date(incident)
    inter1 = tables.inter_codes.get(incident.get("source_sector") or "", 0)
    inter2 = tables.inter_codes.get(incident.get("target_sector") or "", 0)
    iso3 = _text(incident.get("country")).upper()
    if incident.get("origin") == "acled" and incident.get("external_id"):
        event_id = _text(incident["external_id"])
    else:
        event_id = f"PW{incident['id']}" if incident.get("id") is not None else ""
    outlets = [_text(o) for o in incident.get("outlets") or [] if _text(o)]
    admin1 = admin1_name(_text(incident.get("admin1")) or None) or ""
    sources = int(incident["sources"]) if incident.get("sources") is not None else 0
    row = {
        "event_id_cnty": event_id,
        "event_date": event_date.isoformat() if event_date else "",
        "year": event_date.year if event_date else "",
        "time_precision": tables.time_precision.get(precision or "", ""),
        "disorder_type": coding.disorder_type,
        "event_type": coding.event_type,
        "sub_event_type": coding.sub_event_type,
        "actor1": _text(incident.get("source_name")),
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": _text(incident.get("target_name")),
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2),
        "civilian_targeting": _CIVILIAN_TARGETING if incident.get("target_sector") == "CVL" else "",
        "iso": "",
        "region": _text(incident.get("region")),
        "country": (country_name(iso3) or "") if iso3 else "",
        "admin1": admin1,
        "admin2": "",
        "admin3": "",
        "location": _text(incident.get("place_name")),
        "latitude": _coordinate(incident.get("lat"), "latitude", 90.0),
        "longitude": _coordinate(incident.get("lon"), "longitude", 180.0),
        "geo_precision": _geo_precision(incident, admin1, tables),
        "source": "; ".join(outlets) or "peacewatch",
        "source_scale": "Multiple" if sources > 1 else "",
        "notes": _notes(incident),
        "fatalities": _fatalities(incident),
        "tags": _tags(incident, iso3),
        # ACLED's timestamp is the upload time; writing the clock would make exports differ run to run.
        "timestamp": "",
    }
    if iso3 and not row["country"]:
        log.debug("incident %s: no country name for %r", incident.get("id"), iso3)
    return row


def write_acled_csv(incidents: Iterable[dict], out: IO[str]) -> int:
    """Write incidents as an ACLED-style CSV (header first); incidents that cannot be coded are logged and skipped.

    Args:
        incidents: incident row dicts.
        out: a text stream (open files with newline='' so the csv module controls line ends).
    Returns:
        the number of data rows written.
    """
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    written = skipped = 0
    for incident in incidents:
        try:
            row = to_acled_row(incident)
        except (ValueError, TypeError) as exc:
            skipped += 1
            log.warning("incident %s not exported to ACLED CSV: %s", incident.get("id"), exc)
            continue
        writer.writerow(row)
        written += 1
    if skipped:
        log.info("ACLED CSV: %d incident(s) written, %d skipped", written, skipped)
    return written


# ---------------------------------------------------------------------------------------------
# Import


class _BadRow(ValueError):
    """One ACLED row cannot become an incident; the message says why."""


def _read_date(text: str) -> dt.date:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise _BadRow(f"event_date {text!r} is not a date ACLED writes")


def _read_float(row: dict, key: str, limit: float) -> float | None:
    text = _text(row.get(key))
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise _BadRow(f"{key} {text!r} is not a number") from None
    if not -limit <= number <= limit:
        raise _BadRow(f"{key} {text!r} is out of range")
    return number


def _read_int(row: dict, key: str) -> int | None:
    text = _text(row.get(key))
    if not text:
        return None
    try:
        return int(float(text)) if "." in text else int(text)
    except (ValueError, OverflowError):
        raise _BadRow(f"{key} {text!r} is not a whole number") from None


def _read_tags(text: str) -> dict[str, str]:
    tags = {}
    for part in text.split(";"):
        match = _TAG.match(part)
        if match:
            tags[match.group(1).lower()] = match.group(2)
    return tags


def _read_sector(tables: AcledTables, value: Any) -> str | None:
    return tables.import_sectors.get(_text(value))


def _incident_from_row(row: dict, tables: AcledTables) -> dict:
    event_type = _text(row.get("event_type"))
    sub_event_type = _text(row.get("sub_event_type"))
    subs = tables.imports.get(event_type)
    if subs is None:
        raise _BadRow(f"event_type {event_type!r} has no PLOVER type")
    plover_mode = subs.get(sub_event_type) or subs.get(_ANY_SUB_EVENT)
    if plover_mode is None:
        raise _BadRow(f"{event_type} / {sub_event_type!r} has no PLOVER type")
    plover, mode = plover_mode
    date_text = _text(row.get("event_date"))
    if not date_text:
        raise _BadRow("event_date is empty")
    date = _read_date(date_text)
    tags = _read_tags(_text(row.get("tags")))
    precision = tables.import_time_precision.get(_text(row.get("time_precision")), "day")
    if precision == "month" and tags.get("date") == "year":
        precision = "year"
    date_value = {"month": date.strftime("%Y-%m"), "year": date.strftime("%Y")}.get(precision, date.isoformat())
    name = _text(row.get("country"))
    country = country_of(name) if name else None
    if country is None and re.fullmatch(r"[A-Z]{3}", tags.get("iso3", "")):
        country = tags["iso3"]
    if name and country is None:
        log.debug("ACLED row %s: country %r not in countries.yaml", row.get("event_id_cnty"), name)
    target_sector = _read_sector(tables, row.get("inter2"))
    if target_sector is None and _text(row.get("civilian_targeting")) == _CIVILIAN_TARGETING:
        target_sector = "CVL"
    fatalities = _read_int(row, "fatalities")
    notes = _text(row.get("notes"))
    outlets = [o.strip() for o in _text(row.get("source")).split(";") if o.strip()]
    return {
        "id": None,
        "type": plover,
        "mode": mode,
        "date_value": date_value,
        "date_precision": precision,
        "country": country,
        "admin1": _text(row.get("admin1")) or None,
        "place_name": _text(row.get("location")) or None,
        "lat": _read_float(row, "latitude", 90.0),
        "lon": _read_float(row, "longitude", 180.0),
        "place_precision": tables.import_geo_precision.get(_text(row.get("geo_precision"))),
        "source_name": _text(row.get("actor1")) or None,
        "source_country": None,
        "source_sector": _read_sector(tables, row.get("inter1")),
        "target_name": _text(row.get("actor2")) or None,
        "target_country": None,
        "target_sector": target_sector,
        "killed_median": fatalities,
        "killed_min": fatalities,
        "killed_max": fatalities,
        "sources": 1,
        "reports": 1,
        "origin": "acled",
        "external_id": _text(row.get("event_id_cnty")) or None,
        "evidence": [notes] if notes else [],
        "note": None,
        "outlets": outlets,
    }


def read_acled_csv(path: str | os.PathLike) -> Iterator[dict]:
    """Read an ACLED export (CSV with ACLED's header) as incident row dicts with origin 'acled'.

    Rows that cannot be read (an event type with no PLOVER type, a bad date or number) are
    skipped, each with a logged reason.

    Args:
        path: the CSV file (UTF-8, a byte-order mark is allowed).
    Yields:
        incident row dicts with the keys write_acled_csv reads.
    Raises:
        DataError: the file lacks ACLED's essential columns.
    """
    tables = _tables()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in _REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{os.fspath(path)} is not an ACLED export: no column {', '.join(missing)}")
        read = skipped = 0
        for row in reader:
            try:
                incident = _incident_from_row(row, tables)
            except _BadRow as exc:
                skipped += 1
                log.warning("%s line %d (%s) skipped: %s", os.fspath(path), reader.line_num,
                            row.get("event_id_cnty") or "no id", exc)
                continue
            read += 1
            yield incident
        log.info("%s: %d ACLED row(s) read, %d skipped", os.fspath(path), read, skipped)
