"""A report as Rich tables an analyst can read in a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

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
    history = "; ".join(f"{step.date or '?'} {step.party or '-'} {step.action}" for step in agreement.history)
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
