"""What every command shares: the Typer app the commands register on, the error console,
logging, the store's options and opening a store with a clear error."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from peacewatch.errors import PeacewatchError
from peacewatch.store import Store

app = typer.Typer(
    help="peacewatch: news about war and diplomacy in, evidence-linked events out.\n\n"
    "Example: peacewatch extract article.txt --published 2025-04-15",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file (default: $PEACEWATCH_DB, "
                                              "else ./peacewatch.db).")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv, json, geojson or parquet.")]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file (needed for parquet).")]
TypeOption = Annotated[str | None, typer.Option("--type", help="Event type (ASSAULT, AGREE ...) or agreement kind.")]
CountryOption = Annotated[str | None, typer.Option("--country", help="ISO3 code of an actor or the place.")]
FromOption = Annotated[str | None, typer.Option("--from", help="From this day, YYYY-MM-DD.")]
ToOption = Annotated[str | None, typer.Option("--to", help="Up to this day, YYYY-MM-DD.")]
PlaceOption = Annotated[str | None, typer.Option("--place", help="Place name contains this.")]
StatusOption = Annotated[str | None, typer.Option("--status", help="Status to keep.")]
LimitOption = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]
ColumnsOption = Annotated[str | None, typer.Option("--columns", help="Table columns to show, comma-separated "
                                                   "(default: the most important that fit the terminal).")]


def setup_logging(verbose: bool) -> None:
    """Log to stderr: INFO with --verbose, else warnings only."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def open_store(db: str | None) -> Store:
    """Open the store, or exit with status 2 and the store's own message."""
    try:
        return Store(db)
    except PeacewatchError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc
