"""A report as Rich tables an analyst can read in a terminal, and the columns of the tables of
stored rows (events, incidents, claims, agreements) by importance."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

from peacewatch.analysis.tracker import describe_step
from peacewatch.records import EVENT_ITEM, INCIDENT_ITEM, column_names
from peacewatch.schema import Actor, Agreement, Claim, Count, Event, Report


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return ""
    label = actor.name or actor.text or "?"
    tags = "/".join(x for x in (actor.country, actor.sector) if x)
    return f"{label} ({tags})" if tags else label


def _count(count: Count | None) -> str:
    if count is None:
        return ""
    if count.min == count.max:
        return str(count.min)
    if count.max is None:
        return f">={count.min}"
    if count.min is None:
        return f"<={count.max}"
    return f"{count.min}-{count.max}"


def _event_row(event: Event) -> list[str]:
    when = event.date.value if event.date and event.date.value else ""
    where = event.location.name or event.location.text if event.location else ""
    toll = " / ".join(x for x in (_count(event.killed), _count(event.injured)) if x)
    kind = event.type + (f":{event.mode}" if event.mode else "")
    status = "" if event.status == "occurred" else event.status
    return [kind, status, _actor(event.source), _actor(event.target), when, where or "", toll, event.evidence]


def _claim_row(claim: Claim) -> list[str]:
    return [claim.kind, claim.status.replace("_", " "), _actor(claim.speaker), claim.text]


def _agreement_row(agreement: Agreement) -> list[str]:
    history = "; ".join(describe_step(step.model_dump()) for step in agreement.history)
    terms = ", ".join(x for x in (agreement.scope, f"{agreement.duration_days} days" if agreement.duration_days
                                  else None) if x)
    parties = " / ".join(agreement.parties) + (f" (mediator {agreement.mediator})" if agreement.mediator else "")
    return [agreement.kind, agreement.status, terms, parties, history]


def _table(columns: list[tuple[str, int | None]], rows: list[list[str]]) -> Table:
    table = Table(show_lines=True, expand=True)
    for name, width in columns:
        table.add_column(name, min_width=width if width else 20, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def render_report(report: Report, console: Console) -> None:
    """Print one report: a heading, its events, claims and agreements, and the boilerplate removed."""
    article = report.article
    heading = article.title or article.id
    console.print(f"[bold]{heading}[/bold]  [dim]{article.published or 'no date'} · {article.source or ''} · "
                  f"id {article.id}[/dim]")
    events = _table([("type", 14), ("status", 8), ("source", 18), ("target", 18), ("date", 10), ("place", 12),
                     ("killed / injured", 9), ("evidence", None)], [_event_row(e) for e in report.events])
    console.print(events if report.events else "[dim]no events[/dim]")
    if report.claims:
        console.print(_table([("claim", 10), ("status", 10), ("speaker", 20), ("what was said", None)],
                             [_claim_row(c) for c in report.claims]))
    if report.agreements:
        console.print(_table([("agreement", 10), ("status", 9), ("terms", 18), ("parties", 14), ("history", None)],
                             [_agreement_row(a) for a in report.agreements]))
    if article.boilerplate:
        console.print(f"[dim]removed as boilerplate: {len(article.boilerplate)} piece(s)[/dim]")


# ------------------------------------------------------------------ tables of stored rows


@dataclass(frozen=True)
class TableColumns:
    """The columns a terminal table of stored rows may show, in the order shown, and the same
    columns by importance: a narrow terminal keeps the first of `priority` that fit; the sentence
    columns in `wide` are never folded narrower than WIDE_COLUMN."""

    shown: tuple[str, ...]
    priority: tuple[str, ...]
    wide: tuple[str, ...] = ()

    def min_widths(self) -> dict[str, int]:
        return dict.fromkeys(self.wide, WIDE_COLUMN)


# A sentence (evidence, a claim, an agreement's steps) folded narrower than this takes more lines than words.
WIDE_COLUMN = 24


# The events, incidents, claims and tracked agreements an analyst reads first: when and what,
# then who against whom, where and the toll, then the sentence; ids and counts when room is left.
TABLE_COLUMNS = {
    "events": TableColumns(
        tuple(column_names(EVENT_ITEM, "date_value", "type", "mode", "status", "source_name", "source_country",
                           "target_name", "target_country", "place_name", "killed_min", "killed_max",
                           "injured_min", "evidence", "id")),
        ("date_value", "type", "source_country", "target_country", "evidence", "place_name", "killed_min",
         "killed_max", "injured_min", "source_name", "target_name", "mode", "status", "id"), ("evidence",)),
    "incidents": TableColumns(
        tuple(column_names(INCIDENT_ITEM, "id", "date_value", "type", "country", "place_name", "source_country",
                           "target_country", "killed_best", "killed_min", "killed_max", "sources", "reports",
                           "outlets")),
        ("date_value", "type", "place_name", "killed_best", "source_country", "target_country", "sources", "id",
         "killed_min", "killed_max", "country", "outlets", "reports")),
    "claims": TableColumns(
        ("date_value", "speaker_name", "speaker_country", "kind", "status", "text", "id"),
        ("date_value", "speaker_country", "kind", "text", "status", "speaker_name", "id"), ("text",)),
    "agreements": TableColumns(
        ("id", "published", "kind", "status", "scope", "duration_days", "mediator", "parties", "history"),
        ("kind", "status", "parties", "history", "published", "scope", "mediator", "duration_days", "id"),
        ("history",)),
    "tracker": TableColumns(
        ("kind", "status", "as_of", "scope", "duration_days", "mediator", "parties", "history", "articles",
         "background"),
        ("kind", "status", "parties", "history", "scope", "mediator", "duration_days", "as_of", "articles",
         "background"), ("history",)),
}


class ColumnError(ValueError):
    """--columns named a column the rows do not have."""


def table_columns(kind: str, rows: list[dict], chosen: str | None) -> tuple[list[str], list[str] | None]:
    """The columns of a terminal table and their priority (None: show them all, as chosen); the
    narrowest the wide columns may be is TABLE_COLUMNS[kind].min_widths().

    Args:
        kind: a key of TABLE_COLUMNS.
        rows: the rows (to check chosen names against).
        chosen: a comma-separated list of columns ('date_value,type,evidence'), or None for the default.
    Raises:
        ColumnError: a chosen name is no column of these rows.
    """
    spec = TABLE_COLUMNS[kind]
    if not chosen:
        return list(spec.shown), list(spec.priority)
    names = [n.strip() for n in chosen.split(",") if n.strip()]
    known = set(spec.shown).union(*(row.keys() for row in rows))
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ColumnError(f"no column {', '.join(unknown)}; columns: {', '.join(sorted(known))}")
    return names, None


def describe_steps(rows: list[dict]) -> list[dict]:
    """Rows whose `history` (a list of step dicts) is written one step a line, for a table."""
    return [row | {"history": "\n".join(describe_step(s) for s in row.get("history") or [])} for row in rows]


def by_date(rows: list[dict], key: str = "date_value") -> list[dict]:
    """Rows by date, oldest first, undated last (in their order)."""
    return sorted(rows, key=lambda row: (row.get(key) in (None, ""), str(row.get(key) or "")))
