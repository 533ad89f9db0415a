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
from typing import IO, TYPE_CHECKING, Any

from peacewatch.errors import PeacewatchError

if TYPE_CHECKING:
    from rich.console import Console

log = logging.getLogger(__name__)

__all__ = ["FORMATS", "ExportError", "choose_columns", "number_text", "print_table", "write_rows"]

FORMATS = ("table", "csv", "json", "geojson", "parquet")

# A table column narrower than this folds its text over lines; one that needs fewer keeps its width.
FOLD_WIDTH = 12
# Each column of a Rich table costs three characters of border and padding, the table one more.
_COLUMN_COST, _TABLE_COST = 3, 1


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


def number_text(value: float | Decimal) -> str:
    """A number as people write it: '35' for 35.0, '0.25' for 0.25 (never '35.0' or '1e+01')."""
    number = float(value)
    if math.isfinite(number) and number == int(number):
        return str(int(number))
    return str(value)


def _scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float | Decimal):
        return number_text(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _cell_text(value: Any) -> str:
    """A value as one CSV cell or flat GeoJSON property: a list or dict as JSON (a list of
    sentences may hold the '; ' that a joined list would split on), a whole float without '.0',
    None as empty."""
    if isinstance(value, list | tuple | set | frozenset | dict):
        return _dumps(_json_ready(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return _scalar_text(value)


def _json_ready(value: Any) -> Any:
    """Sets as sorted lists (JSON has none), at any depth."""
    if isinstance(value, set | frozenset):
        return [_json_ready(v) for v in sorted(value, key=str)]
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    return value


def _table_text(value: Any) -> str:
    """A value as a table cell: compact, so a list or dict does not take a screen of its own."""
    if isinstance(value, dict):
        return ", ".join(f"{k}={_table_text(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        # records (each source's figures) one a line; plain values on one line
        joiner = "\n" if any(isinstance(item, dict) for item in items) else ", "
        return joiner.join(_table_text(item) for item in items if item is not None)
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


def _fit_widths(natural: list[int], available: int, floors: list[int] | None = None) -> list[int]:
    """Column widths within `available` characters: short columns whole, long ones share the rest.

    Args:
        natural: each column's widest cell (or header), in characters.
        available: the characters the console leaves for cell text.
        floors: each column's narrowest width (default 1), kept when they fit together.
    Returns:
        one width per column, summing to no more than `available` when that is possible.
    """
    if sum(natural) <= available:
        return list(natural)
    if floors is None or sum(floors) > available:
        floors = [1] * len(natural)
    widths = [min(f, n) for f, n in zip(floors, natural, strict=True)]
    left = available - sum(widths)
    # Max-min fairness over what is left: a column needing less than an equal share gets its whole
    # width, and the wide ones (evidence, notes) split the remainder equally and fold.
    open_columns = sorted((i for i in range(len(natural)) if natural[i] > widths[i]),
                          key=lambda i: natural[i] - widths[i])
    while open_columns and left > 0:
        share = left // len(open_columns)
        i = open_columns[0]
        if natural[i] - widths[i] <= share:
            left -= natural[i] - widths[i]
            widths[i] = natural[i]
            open_columns.pop(0)
            continue
        for j in open_columns:
            widths[j] += share
        left -= share * len(open_columns)
        for j in open_columns[len(open_columns) - left:]:
            widths[j] += 1  # the characters a division leaves over go to the widest
        break
    return widths


def _natural_width(name: str, texts: list[str]) -> int:
    """The width a column takes unfolded: its widest line of a cell or its name."""
    from rich.cells import cell_len

    return max(cell_len(piece) for text in (name, *texts) for piece in text.split("\n"))


def _floor(name: str, texts: list[str], fold_width: int | None = None) -> int:
    """The narrowest a column may be: its widest cell when that is short (a date, a code, a
    number), else `fold_width` (default FOLD_WIDTH), so that folded words stay readable; its name
    may break at its underscores and spaces ('killed' over 'best')."""
    from rich.cells import cell_len

    widest = max([cell_len(piece) for text in texts for piece in text.split("\n")] +
                 [cell_len(word) for word in name.replace("_", " ").split()])
    return min(widest, fold_width or FOLD_WIDTH)


def choose_columns(rows: list[dict], columns: list[str], priority: list[str], width: int,
                   min_widths: dict[str, int] | None = None) -> list[str]:
    """The columns a table of `width` characters can show: the most important first, each at
    least its floor width (short values whole, long text folded at FOLD_WIDTH or its min_width).

    Args:
        rows: the rows.
        columns: every candidate column, in the order they are shown.
        priority: the candidates by importance, most important first (those missing come last).
        width: the console's width in characters.
        min_widths: a wider floor for some columns (a sentence is hard to read 12 characters wide).
    Returns:
        the chosen columns in the order of `columns`, none of them empty in every row; at least
        the most important one that has a value.
    """
    ranked = [c for c in priority if c in columns] + [c for c in columns if c not in priority]
    room, chosen = width - _TABLE_COST, set[str]()
    for name in ranked:
        texts = [_table_text(row.get(name)) for row in rows]
        if not any(texts):
            continue  # a column with no value in these rows takes room and says nothing
        need = _floor(name, texts, (min_widths or {}).get(name)) + _COLUMN_COST
        if chosen and need > room:
            continue  # a narrower, less important column may still fit
        chosen.add(name)
        room -= need
    return [c for c in columns if c in chosen]


def print_table(rows: list[dict], console: Console, columns: list[str] | None = None, title: str | None = None,
                priority: list[str] | None = None, min_widths: dict[str, int] | None = None) -> None:
    """Print rows as a table that fits the console's width.

    Args:
        rows: the rows.
        console: the Rich console to print on (its width is the table's).
        columns: the columns, in the order shown; default every key, the first row's first.
        title: a heading; the number of rows is added to it.
        priority: the columns by importance; given it, only the most important that fit are
            shown, and those left out for want of width are named below the table (those no row
            fills are left out unnamed).
        min_widths: the narrowest some long-text columns may be (default FOLD_WIDTH).
    """
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    names = _columns(rows, columns)
    if priority is not None and rows:
        names = choose_columns(rows, names, priority, console.width, min_widths)
    if not names:
        console.print(Text(f"{title}: no rows" if title else "no rows", style="dim"))
        return
    cells = [[_table_text(row.get(name)) for name in names] for row in rows]
    natural = [_natural_width(name, [line[i] for line in cells]) for i, name in enumerate(names)]
    widths = _fit_widths(natural, console.width - _COLUMN_COST * len(names) - _TABLE_COST,
                         [_floor(name, [line[i] for line in cells], (min_widths or {}).get(name))
                          for i, name in enumerate(names)])
    shown = f"{title} ({len(rows)})" if title else None
    table = Table(title=Text(shown) if shown else None)
    for name, width in zip(names, widths, strict=True):
        # A name too long for its column breaks at its underscores ('source country'), not mid-word.
        header = name if cell_len(name) <= width else name.replace("_", " ")
        # Text, not str: a value such as '[REB]' must not be read as Rich markup.
        table.add_column(Text(header), overflow="fold", width=width)
    for line in cells:
        table.add_row(*(Text(cell) for cell in line))
    console.print(table)
    # columns no row fills are left out without a word: there is nothing in them to miss
    left_out = [c for c in _columns(rows, columns) if c not in names and any(row.get(c) not in (None, "", [])
                                                                            for row in rows)]
    if left_out:
        console.print(Text(f"not shown for want of width: {', '.join(left_out)}", style="dim"))


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


def _property(value: Any) -> Any:
    """A flat GeoJSON property: numbers, text, true/false and null stay; a list or dict becomes its
    JSON text, since GDAL (and QGIS through it) reads only flat properties as fields."""
    if isinstance(value, list | tuple | set | frozenset | dict):
        return _dumps(_json_ready(value))
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _feature_collection(rows: list[dict], columns: list[str] | None) -> dict:
    features = []
    for row in rows:
        lat, lon = _coordinate(row.get("lat"), 90.0), _coordinate(row.get("lon"), 180.0)
        if lat is None or lon is None:
            continue
        names = columns if columns is not None else list(row)
        feature: dict[str, Any] = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                                   "properties": {n: _property(row.get(n)) for n in names if n not in ("lat", "lon")}}
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
               columns: list[str] | None = None, title: str | None = None, priority: list[str] | None = None,
               min_widths: dict[str, int] | None = None) -> None:
    """Write row dicts in one of FORMATS.

    Args:
        rows: the rows, each a dict of column -> value (str, number, date, list, dict or None).
        fmt: 'table' (Rich), 'csv', 'json', 'geojson' (Point features from numeric `lat`/`lon`;
            rows without them are left out and counted in the log) or 'parquet'.
        out: the text stream for every format but parquet; standard output when None.
        path: a file to write instead of `out` (UTF-8); required for parquet.
        columns: the columns to write, in order; default every key, the first row's first.
        title: a heading for the table format (the other formats have no place for one).
        priority: for the table format: the columns by importance, most important first. Given it,
            the table shows only the most important columns that fit the console's width (the
            others are named below it), in the order of `columns`.
        min_widths: for the table format: the narrowest some long-text columns may be (default
            FOLD_WIDTH); a column whose every cell is narrower keeps its own width.
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
            from rich.console import Console

            print_table(rows, Console(file=stream), columns, title, priority, min_widths)
        elif name == "csv":
            _write_csv(rows, columns, stream)
        elif name == "json":
            _write_json(rows, columns, stream)
        else:
            _write_geojson(rows, columns, stream)
