"""Command-line commands that answer questions from the store: the timeline, the initiative
analysis, the report, and the demo that runs them all on the bundled corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from peacewatch.cli.common import DbOption, FromOption, ToOption, app, err, open_store, setup_logging
from peacewatch.settings import MEDIATOR, PARTY, WINDOW_DAYS

analyze_app = typer.Typer(help="Analyses of the stored record.", no_args_is_help=True)
app.add_typer(analyze_app, name="analyze")

PartyOption = Annotated[str, typer.Option("--party", help="ISO3 of the party whose violence is counted.")]
MediatorOption = Annotated[str, typer.Option("--mediator", help="ISO3 of the mediator of the initiatives.")]
WindowOption = Annotated[int, typer.Option("--window", help="Days after each initiative.")]


@app.command("timeline")
def timeline_cli(db: DbOption = None,
                 actor: Annotated[str | None, typer.Option("--actor", help="ISO3 of the party whose violence "
                                                           "is counted.")] = None,
                 date_from: FromOption = None, date_to: ToOption = None,
                 plot: Annotated[Path | None, typer.Option("--plot", help="Also draw it to this PNG file.")] = None,
                 ) -> None:
    """Killed per day, with the diplomatic events of the same days.

    Example: peacewatch timeline --actor RUS --from 2025-03-01 --to 2025-04-30 --plot timeline.png
    """
    from peacewatch.analysis.timeline import build_timeline

    store = open_store(db)
    timeline = build_timeline(store, actor=actor.upper() if actor else None, date_from=date_from, date_to=date_to)
    store.close()
    if not timeline.days:
        err.print("no dated incidents in the store")
        raise typer.Exit(0)
    markers: dict = {}
    for marker in timeline.markers:
        markers.setdefault(marker.day, []).append(marker.label)
    table = Table(title=f"timeline{' of ' + actor.upper() if actor else ''}", show_lines=False)
    for name in ("day", "killed", "strikes", "bar", "diplomacy"):
        table.add_column(name, overflow="fold")
    top = max(d.killed for d in timeline.days) or 1
    for day in timeline.days:
        if not day.killed and not day.strikes and day.day not in markers:
            continue
        bar = "█" * round(20 * day.killed / top)
        table.add_row(str(day.day), f"{day.killed:g}", str(day.strikes), bar, "; ".join(markers.get(day.day, [])))
    Console().print(table)
    if plot is not None:
        from peacewatch.present.report import timeline_png

        plot.write_bytes(timeline_png(timeline, "Killed per day, with diplomatic events"))
        err.print(f"plot written to {plot}")


@analyze_app.command("initiatives")
def initiatives_cli(db: DbOption = None, party: PartyOption = PARTY, mediator: MediatorOption = MEDIATOR,
                    window: WindowOption = WINDOW_DAYS, date_from: FromOption = None, date_to: ToOption = None) -> None:
    """Does the party's violence rise in the days after initiatives with the mediator?

    Example: peacewatch analyze initiatives --party RUS --mediator USA --window 3
    """
    from peacewatch.analysis.initiatives import analyze_initiatives

    if window < 1:
        raise typer.BadParameter("--window must be at least 1")
    store = open_store(db)
    analysis = analyze_initiatives(store, party=party, mediator=mediator, window=window, date_from=date_from,
                                   date_to=date_to)
    store.close()
    print_analysis(analysis, Console())


def print_analysis(analysis, console: Console) -> None:
    """The initiative analysis as text and a table of initiatives and what followed."""
    from peacewatch.analysis.timeline import killed_of

    console.print(f"[bold]Initiatives: {analysis.mediator} and {analysis.party}, window {analysis.window} days"
                  f"[/bold]")
    for line in analysis.summary().splitlines():
        console.print(line, highlight=False)
    table = Table(show_lines=True)
    for name in ("day", "initiative", f"strikes in the {analysis.window} days after"):
        table.add_column(name, overflow="fold")
    for initiative in analysis.initiatives:
        strikes = "\n".join(f"{i['date_value']} {i.get('place_name') or 'place unknown'}: {killed_of(i):g} killed"
                            f" - \"{(i.get('evidence') or [''])[0]}\"" for i in initiative.strikes_after) or "none"
        told = "\n".join(f'"{e}"' for e in initiative.evidence[:1])
        table.add_row(str(initiative.day), "; ".join(initiative.labels) + (f"\n{told}" if told else ""), strikes)
    console.print(table)
    untested = analysis.untested_rows()
    if untested:
        apart = Table(title="not tested: dated outside the coverage", show_lines=True)
        for name in ("day", "what", "evidence"):
            apart.add_column(name, overflow="fold")
        for day, what, evidence in untested:
            apart.add_row(str(day), what, f'"{evidence}"' if evidence else "")
        console.print(apart)


@app.command("report")
def report_cli(out: Annotated[Path, typer.Option("--out", "-o", help="report.html, or report.md for Markdown.")]
               = Path("report.html"), db: DbOption = None, party: PartyOption = PARTY,
               mediator: MediatorOption = MEDIATOR, window: WindowOption = WINDOW_DAYS, date_from: FromOption = None,
               date_to: ToOption = None) -> None:
    """Write the report: timeline plot, initiative analysis, agreement tracker, incidents with sources.

    Example: peacewatch report --out report.html
    """
    from peacewatch.present.report import write_report

    store = open_store(db)
    write_report(store, out, party=party, mediator=mediator, window=window, date_from=date_from, date_to=date_to)
    store.close()
    err.print(f"report written to {out}")


@app.command("demo")
def demo_cli(db: DbOption = None,
             out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the report.")] = Path("report.html"),
             verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    """The main job on the bundled data: ingest the demo corpus into the store (./peacewatch.db by
    default), print the initiative analysis, and write the report.

    Example: peacewatch demo --out report.html
    """
    from peacewatch.analysis.initiatives import analyze_initiatives
    from peacewatch.present.report import write_report
    from peacewatch.runner.ingest import ingest
    from peacewatch.samples import corpus_folder

    setup_logging(verbose)
    store = open_store(db)
    summary = ingest([str(corpus_folder())], store)
    err.print(f"demo corpus: {summary.read} read, {summary.new} new, {summary.duplicate} already stored, "
              f"{summary.copies} copies, {sum(summary.skipped.values())} skipped")
    print_analysis(analyze_initiatives(store), Console())
    write_report(store, out)
    store.close()
    err.print(f"report written to {out}")


@app.command("serve")
def serve_cli(db: DbOption = None,
              host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
              port: Annotated[int, typer.Option(help="Port.")] = 8000,
              verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    """Serve the API (/api/..., described at /docs) and the dashboard (/) on the store.

    Writes need a key: set PEACEWATCH_API_KEY (or PEACEWATCH_API_KEY_HASHES, SHA-256 digests);
    PEACEWATCH_READ_OPEN=0 closes reads too.
    Example: peacewatch serve --db sqlite:///peacewatch.db --port 8000
    """
    import uvicorn

    from peacewatch.api import create_app
    from peacewatch.settings import current_settings

    setup_logging(verbose)
    settings = current_settings(db=db) if db else current_settings()
    app_ = create_app(settings, store=open_store(settings.db))
    uvicorn.run(app_, host=host, port=port, log_level="info" if verbose else "warning")
