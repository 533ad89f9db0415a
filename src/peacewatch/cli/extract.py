"""Commands on single articles, with no store: extract, samples and eval."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from peacewatch.cli.common import app, err, setup_logging
from peacewatch.errors import PeacewatchError
from peacewatch.ingest import RawArticle, load_text, read_article, read_record
from peacewatch.present.table import render_report
from peacewatch.runner import evaluate
from peacewatch.runner.pipeline import Failure, Pipeline
from peacewatch.samples import sample_paths


@app.command("extract")
def extract_cli(
    files: Annotated[list[str] | None, typer.Argument(help="Article files (.txt or .html); '-' for stdin.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option(help="Article title.")] = None,
    url: Annotated[str | None, typer.Option(help="Article URL.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "json",
    jsonl: Annotated[bool, typer.Option(help="Read JSON lines {id, text|html, published, title, url, source}; "
                                        "write one report per line.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Extract events from articles and print their reports.

    Examples:
      peacewatch extract article.txt --published 2025-04-15 --format table
      cat batch.jsonl | peacewatch extract --jsonl - > reports.jsonl
    """
    setup_logging(verbose)
    if format not in ("json", "table"):
        raise typer.BadParameter("--format must be json or table")
    files = files or ["-"]
    if jsonl:
        raise typer.Exit(_extract_jsonl(files))
    items: list[tuple[str | None, RawArticle]] = []
    failed = 0
    for name in files:
        try:
            if name == "-":
                raw = load_text(sys.stdin.buffer.read(), published=published, title=title, url=url, source=source)
            else:
                raw = read_article(name, published=published, title=title, url=url, source=source)
            items.append((None, raw))
        except PeacewatchError as exc:
            err.print(f"[red]error[/red] {name}: {exc}")
            failed += 1
    console = Console()
    for result in Pipeline().run(items):
        if isinstance(result, Failure):
            err.print(f"[red]error[/red] {result.id or 'article'}: {result.error}")
            failed += 1
        elif format == "table":
            render_report(result, console)
        else:
            print(result.to_json(indent=1))
    raise typer.Exit(1 if failed else 0)


def _extract_jsonl(files: list[str]) -> int:
    """Batch mode: one record per line in, one report per line out; bad records are logged."""

    def records():
        for name in files:
            stream = sys.stdin if name == "-" else open(name, encoding="utf-8")
            with stream:
                for number, line in enumerate(stream, 1):
                    if not line.strip():
                        continue
                    try:
                        yield read_record(line)
                    except PeacewatchError as exc:
                        err.print(f"[yellow]skipped[/yellow] {name}:{number}: {exc}")

    done = skipped = 0
    for result in Pipeline().run(records()):
        if isinstance(result, Failure):
            err.print(f"[yellow]skipped[/yellow] {result.id}: {result.error}")
            skipped += 1
            continue
        sys.stdout.write(result.to_json() + "\n")
        done += 1
    err.print(f"{done} reports, {skipped} skipped")
    return 0


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

