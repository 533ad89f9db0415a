"""Command-line commands on the store: ingest a corpus, query what is stored, export and import.
Each parses its options, calls the library, and turns its errors into a message and exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from peacewatch.cli.common import (
    ColumnsOption,
    CountryOption,
    DbOption,
    FormatOption,
    FromOption,
    LimitOption,
    OutOption,
    PlaceOption,
    StatusOption,
    ToOption,
    TypeOption,
    app,
    err,
    open_store,
    setup_logging,
)
from peacewatch.errors import PeacewatchError
from peacewatch.ingest import normalise_published
from peacewatch.ingest.corpus import count_corpus
from peacewatch.present.acled import read_acled_csv, write_acled_csv
from peacewatch.present.export import FORMATS, write_rows
from peacewatch.present.table import TABLE_COLUMNS, ColumnError, by_date, describe_steps, table_columns
from peacewatch.runner.pipeline import BATCH_SIZE
from peacewatch.store import Filters, StoreError


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl, .csv or RSS/Atom feed files; "
                                               "'-' for stdin.")],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles parsed and committed together.")] = BATCH_SIZE,
    published: Annotated[str | None, typer.Option(help="Publication date for articles that give none.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[int, typer.Option(help="Local processes to parse on (0: one per core).")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler to parse on, tcp://HOST:8786.")] = None,
    jsonl: Annotated[bool, typer.Option(help="Read stdin and named files of no other kind as JSON lines.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Read articles into the store; what is stored already is skipped, so a second run finishes
    what a killed one left. Inputs are read as `extract` reads them; what cannot be read is
    skipped with its reason (logged once) and counted in the summary.

    Example: peacewatch ingest corpus/ feeds/world.xml --db sqlite:///news.db --workers 0
    """
    from peacewatch.runner.ingest import MAX_BATCH, ingest

    setup_logging(verbose)
    if not 1 <= batch_size <= MAX_BATCH:
        raise typer.BadParameter(f"--batch-size must be 1 to {MAX_BATCH}")
    try:
        normalise_published(published)
    except PeacewatchError as exc:
        err.print(f"[red]error[/red] --published: {exc}")
        raise typer.Exit(2) from exc
    store = open_store(db)
    total = count_corpus(paths, lines=jsonl)
    columns = [SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    try:
        with Progress(*columns, console=err, disable=quiet) as bar:
            task = bar.add_task("ingest", total=total)
            summary = ingest(paths, store, batch_size=batch_size, published=published,
                             progress=lambda done: bar.update(task, completed=done),
                             workers=workers if workers > 0 else (os.cpu_count() or 1), scheduler=scheduler,
                             lines=jsonl)
    except StoreError as exc:  # one line: the batches committed before stay, a new run does the rest
        err.print(f"[red]error[/red] {exc} (the batches stored before stay; run again to finish)", soft_wrap=True)
        raise typer.Exit(3) from exc
    table = Table(title="ingest summary", show_header=False)
    for key, value in summary.as_dict().items():
        if key == "skipped by reason":
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        table.add_row(key, str(value))
    Console(stderr=True).print(table)
    store.close()


def _query(kind: str, db, fmt, out, filters: Filters, columns: str | None = None) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise typer.BadParameter("parquet needs --out FILE")
    store = open_store(db)
    rows = getattr(store, kind)(filters)
    store.close()
    if kind == "agreements":
        rows = by_date(rows, "published")
    _write(rows, fmt, out, kind, columns)


def _write(rows: list[dict], fmt: str, out: Path | None, kind: str, columns: str | None) -> None:
    """Write rows; a table shows the columns chosen, else the most important that fit, and each
    step of a history on a line of its own."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise typer.BadParameter("parquet needs --out FILE")
    names, priority, title = None, None, None
    if fmt == "table":
        try:
            names, priority = table_columns(kind, rows, columns)
        except ColumnError as exc:
            raise typer.BadParameter(str(exc), param_hint="--columns") from exc
        rows, title = (describe_steps(rows) if kind in ("agreements", "tracker") else rows), kind
    try:
        if out is not None:
            write_rows(rows, fmt, path=out, columns=names, title=title, priority=priority,
                       min_widths=TABLE_COLUMNS[kind].min_widths())
        else:
            write_rows(rows, fmt, out=sys.stdout, columns=names, title=title, priority=priority,
                       min_widths=TABLE_COLUMNS[kind].min_widths())
    except (OSError, ValueError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command("events")
def events_cli(db: DbOption = None, type: TypeOption = None, country: CountryOption = None,
               date_from: FromOption = None, date_to: ToOption = None, place: PlaceOption = None,
               status: StatusOption = None, limit: LimitOption = None, fmt: FormatOption = "table",
               out: OutOption = None, columns: ColumnsOption = None) -> None:
    """Stored events, filtered, by date. Example: peacewatch events --type ASSAULT --country UKR --from 2025-04-01"""
    _query("events", db, fmt, out, Filters(type=type, country=country, date_from=date_from, date_to=date_to,
                                           place=place, status=status, limit=limit), columns)


@app.command("incidents")
def incidents_cli(db: DbOption = None, type: TypeOption = None, country: CountryOption = None,
                  date_from: FromOption = None, date_to: ToOption = None, place: PlaceOption = None,
                  limit: LimitOption = None, fmt: FormatOption = "table", out: OutOption = None,
                  columns: ColumnsOption = None) -> None:
    """Fused incidents with every source's figures, by date.

    Example: peacewatch incidents --format geojson -o map.json
    """
    _query("incidents", db, fmt, out, Filters(type=type, country=country, date_from=date_from, date_to=date_to,
                                              place=place, limit=limit), columns)


@app.command("claims")
def claims_cli(db: DbOption = None, country: CountryOption = None, date_from: FromOption = None,
               date_to: ToOption = None, status: StatusOption = None,
               kind: Annotated[str | None, typer.Option(help="statement, accusation, denial, demand, quote.")] = None,
               limit: LimitOption = None, fmt: FormatOption = "table", out: OutOption = None,
               columns: ColumnsOption = None) -> None:
    """Stored claims, by date. Example: peacewatch claims --status unverified --country RUS"""
    _query("claims", db, fmt, out, Filters(country=country, date_from=date_from, date_to=date_to, status=status,
                                           kind=kind, limit=limit), columns)


@app.command("agreements")
def agreements_cli(db: DbOption = None, type: TypeOption = None, country: CountryOption = None,
                   date_from: FromOption = None, date_to: ToOption = None, status: StatusOption = None,
                   limit: LimitOption = None, fmt: FormatOption = "table", out: OutOption = None,
                   columns: ColumnsOption = None,
                   per_article: Annotated[bool, typer.Option("--per-article", help="One row per article's "
                                                             "agreement instead of the merged tracker.")] = False,
                   ) -> None:
    """The agreement tracker: each ceasefire or proposal merged across articles, with its parties,
    mediator, scope, duration, history and current status.

    Example: peacewatch agreements --country UKR --status rejected
    """
    if per_article:
        _query("agreements", db, fmt, out, Filters(type=type, country=country, date_from=date_from,
                                                   date_to=date_to, status=status, limit=limit), columns)
        return
    from peacewatch.analysis.tracker import track_agreements

    store = open_store(db)
    rows = [t.as_row() for t in track_agreements(store, country=country.upper() if country else None,
                                                 status=status)]
    store.close()
    if type:
        rows = [r for r in rows if r["kind"] == type.lower()]
    _write(rows[:limit] if limit else rows, fmt, out, "tracker", columns)


@app.command("export")
def export_cli(fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv.")] = "acled-csv",
               db: DbOption = None, out: OutOption = None, type: TypeOption = None, country: CountryOption = None,
               date_from: FromOption = None, date_to: ToOption = None) -> None:
    """Export incidents with ACLED's column names and event types.

    Example: peacewatch export --format acled-csv -o incidents.csv
    """
    if fmt != "acled-csv":
        raise typer.BadParameter("--format must be acled-csv (other formats: peacewatch incidents --format ...)")
    store = open_store(db)
    rows = store.incidents(Filters(type=type, country=country, date_from=date_from, date_to=date_to))
    store.close()
    if out is None:
        count = write_acled_csv(rows, sys.stdout)
    else:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            count = write_acled_csv(rows, handle)
    err.print(f"{count} incidents written")


@app.command("import-acled")
def import_acled_cli(file: Annotated[Path, typer.Argument(help="An ACLED export (CSV).")], db: DbOption = None,
                     verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    """Bring an ACLED export in as incidents (keyed by event_id_cnty; a second import updates).

    Example: peacewatch import-acled acled-2025.csv
    """
    setup_logging(verbose)
    if not file.is_file():
        err.print(f"[red]error[/red] {file}: no such file")
        raise typer.Exit(2)
    store = open_store(db)
    new, updated = store.import_incidents(read_acled_csv(file))
    store.close()
    err.print(f"{new} incidents added, {updated} updated")
