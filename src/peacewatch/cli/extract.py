"""Commands on single articles, with no store: extract, samples and eval."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from peacewatch.cli.common import app, err, setup_logging
from peacewatch.errors import PeacewatchError
from peacewatch.ingest import read_article
from peacewatch.ingest.corpus import STDIN, Given, iter_corpus
from peacewatch.present.table import render_report
from peacewatch.runner import evaluate
from peacewatch.runner.pipeline import Failure, Pipeline
from peacewatch.runner.reading import ExtractSummary, extract_corpus
from peacewatch.samples import sample_paths


@app.command("extract")
def extract_cli(
    files: Annotated[list[str] | None, typer.Argument(
        help="Articles (.txt or .html), folders, .jsonl, .csv or RSS/Atom feed files; '-' for stdin.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option(help="Article title.")] = None,
    url: Annotated[str | None, typer.Option(help="Article URL.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "json",
    jsonl: Annotated[bool, typer.Option(help="Read stdin and named files of no other kind as JSON lines "
                                        "{id, text|html, published, title, url, source}; write one report "
                                        "per line.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Extract events from articles and print their reports; what cannot be read is skipped with
    its reason, and a summary (read, extracted, skipped by reason) ends the run on stderr.

    Inputs are read as `ingest` reads them. Exit status 1 when an input was skipped (0 with --jsonl,
    a batch mode, unless nothing at all could be read), 2 for a bad option.

    Examples:
      peacewatch extract article.txt --published 2025-04-15 --format table
      cat batch.jsonl | peacewatch extract --jsonl - > reports.jsonl
    """
    setup_logging(verbose)
    if format not in ("json", "table"):
        raise typer.BadParameter("--format must be json or table")
    try:
        items = iter_corpus(files or [STDIN], given=Given(published, title, url, source), lines=jsonl)
    except PeacewatchError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc
    summary = ExtractSummary()
    console = Console()
    for report in extract_corpus(items, Pipeline(), summary):
        if jsonl:
            sys.stdout.write(report.to_json() + "\n")
        elif format == "table":
            render_report(report, console)
        else:
            print(report.to_json(indent=1))
    err.print(summary.line())
    if jsonl:
        raise typer.Exit(1 if summary.skipped and not summary.extracted else 0)
    raise typer.Exit(1 if summary.skipped else 0)


@app.command("samples")
def samples_cli(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Extract the two bundled sample articles and print their reports (no store).

    Example: peacewatch samples --format json
    """
    setup_logging(False)
    items = []
    for path, meta in sample_paths():
        items.append((path.stem, read_article(path, **meta)))
    console = Console()
    for result in Pipeline().run(items):
        if isinstance(result, Failure):
            err.print(f"[red]error[/red] {result.id}: {result.error}")
        elif format == "json":
            print(result.to_json(indent=1))
        else:
            render_report(result, console)


@app.command("eval")
def eval_cli(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold reports <id>.json or <id>.gold.json.")],
    articles_dir: Annotated[Path, typer.Argument(help="Folder of <id>.txt (or .html) with <id>.meta.json.")],
    out: Annotated[Path | None, typer.Option(help="Keep the predicted reports in this folder.")] = None,
    scorer: Annotated[Path | None, typer.Option(help="score.py to use (default: ../shared/eval/score.py).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Extract every article that has a gold file and print the scorer's figures.

    Example: peacewatch eval ../shared/dev/gold ../shared/dev/articles
    """
    setup_logging(False)
    try:
        output = evaluate.run(gold_dir, articles_dir, out=out, scorer=scorer, verbose=verbose)
    except PeacewatchError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc
    print(output, end="")

