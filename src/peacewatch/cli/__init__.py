"""The command line: thin wrappers that parse options, call the library, and turn its errors
into messages and exit codes. Each module registers its commands on the one app of common.py:
extract (extract, samples, eval), store (ingest, queries, export, import) and analysis
(timeline, analyze, report, demo, serve) and check (suspect records)."""

from __future__ import annotations

from peacewatch.cli import analysis, check, extract, store
from peacewatch.cli.common import app, err
from peacewatch.errors import SettingsError

__all__ = ["app", "main"]

# the command modules are imported for the commands they register on `app`
_COMMANDS = (extract, store, analysis, check)


def main() -> None:
    """The `peacewatch` console script; a bad PEACEWATCH_* setting ends it with status 2."""
    try:
        app()
    except SettingsError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise SystemExit(2) from exc
