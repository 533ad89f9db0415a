"""Rows from the store (plain dicts) written out as a terminal table, CSV, JSON, GeoJSON or Parquet.

Every format takes the same rows and the same optional column choice; none of them needs a database.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from numbers import Real
from typing import IO, Any

from peacewatch.errors import PeacewatchError

log = logging.getLogger(__name__)

__all__ = ["FORMATS", "ExportError", "write_rows"]

FORMATS = ("table", "csv", "json", "geojson", "parquet")

_LIST_SEPARATOR = "; "


class ExportError(PeacewatchError, ValueError):
    """A caller asked for an export that cannot be made (unknown format, parquet without a path)."""


def _plain(value: Any) -> Any:
    """JSON's fallback for values it cannot write itself: dates as ISO strings, sets as sorted lists."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_plain)


def _scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict):
        return _dumps(value)
    return str(value)


def _cell_text(value: Any) -> str:
    """A value as one CSV cell: lists joined with '; ', dicts as JSON, None as empty."""
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return _LIST_SEPARATOR.join(_scalar_text(item) for item in items)
    return _scalar_text(value)


def _table_text(value: Any) -> str:
    """A value as a table cell: compact, so a list or dict does not take a screen of its own."""
    if isinstance(value, dict):
        return ", ".join(f"{k}={_scalar_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(_scalar_text(item) for item in items)
    if isinstance(value, float):
        return f"{value:g}"
    return _scalar_text(value)


def _columns(rows: list[dict], columns: list[str] | None) -> list[str]:
    """The chosen columns, or the first row's keys followed by keys only later rows have."""
    if columns is not None:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def _pick(rows: list[dict], columns: list[str] | None) -> list[dict]:
    if columns is None:
        return rows
    return [{c: row.get(c) for c in columns} for row in rows]


@contextmanager
def _text_stream(out: IO[str] | None, path: str | os.PathLike | None) -> Iterator[IO[str]]:
    """The stream to write to: the file at `path` (UTF-8), else `out`, else standard output."""
    if path is not None:
        # newline='' leaves line ends to the writer (the csv module writes its own).
        with open(path, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield out if out is not None else sys.stdout


def _fit_widths(natural: list[int], available: int) -> list[int]:
    """Column widths within `available` characters: short columns whole, long ones share the rest.

    Args:
        natural: each column's widest cell (or header), in characters.
        available: the characters the console leaves for cell text.
    Returns:
        one width per column, at least 1, summing to no more than `available` when that is possible.
    """
    widths = list(natural)
    if sum(natural) <= available:
        return widths
    # Max-min fairness: a column narrower than an equal share of what is left keeps its width,
    # and the wide ones (evidence, notes) split the remainder equally and fold.
    left, open_columns = available, sorted(range(len(natural)), key=lambda i: natural[i])
    while open_columns:
        share = left // len(open_columns)
        i = open_columns[0]
        if natural[i] > share:
            for j in open_columns:
                widths[j] = max(1, share)
            break
        widths[i] = natural[i]
        left -= natural[i]
        open_columns.pop(0)
    return widths


def _write_table(rows: list[dict], columns: list[str] | None, stream: IO[str], title: str | None) -> None:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream)
    names = _columns(rows, columns)
    if not names:
        console.print(Text(f"{title}: no rows" if title else "no rows", style="dim"))
        return
    cells = [[_table_text(row.get(name)) for name in names] for row in rows]
    natural = [max(cell_len(piece) for text in (name, *(line[i] for line in cells)) for piece in text.split("\n"))
               for i, name in enumerate(names)]
    # Each column costs three characters of border and padding, the table one more.
    widths = _fit_widths(natural, console.width - 3 * len(names) - 1)
    table = Table(title=Text(title) if title else None)
    for name, width in zip(names, widths, strict=True):
        # Text, not str: a value such as '[REB]' must not be read as Rich markup.
        table.add_column(Text(name), overflow="fold", width=width)
    for line in cells:
        table.add_row(*(Text(cell) for cell in line))
    console.print(table)


def _write_csv(rows: list[dict], columns: list[str] | None, stream: IO[str]) -> None:
    names = _columns(rows, columns)
    if not names:
        return
    writer = csv.writer(stream)
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell_text(row.get(name)) for name in names])


def _write_json(rows: list[dict], columns: list[str] | None, stream: IO[str]) -> None:
    json.dump(_pick(rows, columns), stream, ensure_ascii=False, indent=1, default=_plain)
    stream.write("\n")


def _coordinate(value: Any, limit: float) -> float | None:
    """A usable coordinate: a finite number within ±limit (bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, Real | Decimal):
        return None
    number = float(value)
    return number if math.isfinite(number) and -limit <= number <= limit else None


def _feature_collection(rows: list[dict], columns: list[str] | None) -> dict:
    features = []
    for row in rows:
        lat, lon = _coordinate(row.get("lat"), 90.0), _coordinate(row.get("lon"), 180.0)
        if lat is None or lon is None:
            continue
        names = columns if columns is not None else list(row)
        feature: dict[str, Any] = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                                   "properties": {n: row.get(n) for n in names if n not in ("lat", "lon")}}
        if isinstance(row.get("id"), int | str) and not isinstance(row.get("id"), bool):
            feature["id"] = row["id"]
        features.append(feature)
    left_out = len(rows) - len(features)
    if left_out:
        log.info("geojson: %d of %d row(s) left out: no numeric lat and lon", left_out, len(rows))
    return {"type": "FeatureCollection", "features": features}


def _write_geojson(rows: list[dict], columns: list[str] | None, stream: IO[str]) -> None:
    json.dump(_feature_collection(rows, columns), stream, ensure_ascii=False, indent=1, default=_plain)
    stream.write("\n")


def _parquet_value(value: Any) -> Any:
    """Dicts (and dicts inside lists) become JSON strings; Parquet has no free-form mapping type."""
    if isinstance(value, dict):
        return _dumps(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_dumps(item) if isinstance(item, dict | list | tuple) else item for item in items]
    return value


def _parquet_column(name: str, values: list[Any]) -> Any:
    import pyarrow as pa

    try:
        array = pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        # Mixed kinds in one column (numbers and words, lists and scalars): keep every value, as text.
        log.warning("parquet: column %r has mixed value types (%s); written as text", name, exc)
        array = pa.array([None if v is None else v if isinstance(v, str) else _dumps(v) for v in values],
                         type=pa.string())
    return array


def _write_parquet(rows: list[dict], columns: list[str] | None, path: str | os.PathLike) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not rows:
        names = list(columns or [])
        table = pa.Table.from_pylist([], schema=pa.schema([(n, pa.string()) for n in names]))
    else:
        names = _columns(rows, columns)
        prepared = [{n: _parquet_value(row.get(n)) for n in names} for row in rows]
        try:
            table = pa.Table.from_pylist(prepared)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            # from_pylist infers one type per column and gives up on a mixed one; build them one by one.
            table = pa.table({n: _parquet_column(n, [r[n] for r in prepared]) for n in names})
        for i, field in enumerate(table.schema):
            if pa.types.is_null(field.type):
                # An all-empty column has no type to infer; text is the type readers expect most.
                table = table.set_column(i, pa.field(field.name, pa.string()), table.column(i).cast(pa.string()))
    pq.write_table(table, path)


def write_rows(rows: list[dict], fmt: str, out: IO[str] | None = None, path: str | os.PathLike | None = None, *,
               columns: list[str] | None = None, title: str | None = None) -> None:
    """Write row dicts in one of FORMATS.

    Args:
        rows: the rows, each a dict of column -> value (str, number, date, list, dict or None).
        fmt: 'table' (Rich), 'csv', 'json', 'geojson' (Point features from numeric `lat`/`lon`;
            rows without them are left out and counted in the log) or 'parquet'.
        out: the text stream for every format but parquet; standard output when None.
        path: a file to write instead of `out` (UTF-8); required for parquet.
        columns: the columns to write, in order; default every key, the first row's first.
        title: a heading for the table format (the other formats have no place for one).
    Raises:
        ExportError (a ValueError): the format is unknown, or parquet is asked for without a path.
    """
    name = (fmt or "").strip().lower()
    if name not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = list(rows)
    if name == "parquet":
        if path is None:
            raise ExportError("the parquet format writes a binary file: give a path to write it to")
        _write_parquet(rows, columns, path)
        return
    with _text_stream(out, path) as stream:
        if name == "table":
            _write_table(rows, columns, stream, title)
        elif name == "csv":
            _write_csv(rows, columns, stream)
        elif name == "json":
            _write_json(rows, columns, stream)
        else:
            _write_geojson(rows, columns, stream)
