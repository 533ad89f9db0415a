"""`peacewatch check`: the suspect records of a store, as a table or JSON (analysis/check.py).

Exit status: 0 when no record is suspect, 1 when some are (so a script or CI can stop on them),
2 for a bad option or a store that cannot be opened."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from peacewatch.cli.common import DbOption, app, err, open_store

CheckOption = Annotated[list[str] | None, typer.Option(
    "--check", help="Run only this check (repeat for several): toll-scale, old-news, country-centroid, "
                    "attacker-not-actor.")]
CheckFormatOption = Annotated[str, typer.Option("--format", "-f", help="table or json.")]


@app.command("check")
def check_cli(db: DbOption = None, check: CheckOption = None, fmt: CheckFormatOption = "table") -> None:
    """List the suspect records of a store: incident tolls far above their outlets' typical scale,
    events dated a year or more before their article, incidents placed at a country's centroid,
    attackers that are not actors (numbers, weapons, 'three people').

    Exit status 0: nothing suspect; 1: suspect records listed; 2: a bad option or store.
    Example: peacewatch check --db news.db --format json
    """
    from peacewatch.analysis.check import CHECKS, check_store

    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json")
    chosen = tuple(check) if check else CHECKS
    unknown = [c for c in chosen if c not in CHECKS]
    if unknown:
        raise typer.BadParameter(f"unknown check {', '.join(unknown)}; choose from {', '.join(CHECKS)}")
    store = open_store(db)
    findings = check_store(store, chosen)
    store.close()
    if fmt == "json":
        counts = {name: sum(1 for f in findings if f.check == name) for name in chosen}
        json.dump({"total": len(findings), "by_check": counts, "findings": [f.as_dict() for f in findings]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_table(findings, chosen)
    raise typer.Exit(1 if findings else 0)


def _print_table(findings, chosen: tuple[str, ...]) -> None:
    console = Console()
    for name in chosen:
        rows = [f for f in findings if f.check == name]
        if not rows:
            err.print(f"{name}: nothing suspect")
            continue
        table = Table(title=f"{name}: {len(rows)} suspect", show_lines=True, title_justify="left")
        for column in ("record", "day", "what", "why", "evidence"):
            table.add_column(column, overflow="fold")
        for f in rows:
            table.add_row(f"{f.record} {f.id}", f.day or "?", f.what, f.reason, f.evidence or "")
        console.print(table)
    err.print(f"{len(findings)} suspect record{'' if len(findings) == 1 else 's'}")
