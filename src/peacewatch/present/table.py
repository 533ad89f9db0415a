"""A report as Rich tables an analyst can read in a terminal, and the columns of the tables of
stored rows (events, incidents, claims, agreements) by importance."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape

from peacewatch.analysis.tracker import describe_step
from peacewatch.present.export import print_table
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


def _event_row(event: Event) -> dict[str, str]:
    toll = " / ".join(x for x in (_count(event.killed), _count(event.injured)) if x)
    return {"date": event.date.value or "" if event.date else "",
            "type": event.type + (f":{event.mode}" if event.mode else ""),
            "status": "" if event.status == "occurred" else event.status,
            "source": _actor(event.source), "target": _actor(event.target),
            "place": (event.location.name or event.location.text or "") if event.location else "",
            "killed / injured": toll, "evidence": event.evidence}


def _claim_row(claim: Claim) -> dict[str, str]:
    return {"claim": claim.kind, "status": claim.status.replace("_", " "), "speaker": _actor(claim.speaker),
            "what was said": claim.text}


def _agreement_row(agreement: Agreement) -> dict[str, str]:
    terms = ", ".join(x for x in (agreement.scope, f"{agreement.duration_days} days" if agreement.duration_days
                                  else None) if x)
    parties = " / ".join(agreement.parties) + (f" (mediator {agreement.mediator})" if agreement.mediator else "")
    return {"agreement": agreement.kind, "status": agreement.status, "terms": terms, "parties": parties,
            "history": "\n".join(describe_step(step.model_dump()) for step in agreement.history)}


# One article's tables: the columns in the order shown, then by importance for a narrow terminal.
_EVENT_COLUMNS = ["date", "type", "status", "source", "target", "place", "killed / injured", "evidence"]
_EVENT_PRIORITY = ["date", "type", "source", "target", "evidence", "killed / injured", "place", "status"]
# An actor or a type folded to ten characters still reads ('Russia', '(RUS/GOV)'); the sentence needs more.
_EVENT_WIDTHS = {"type": 10, "source": 10, "target": 10}
_CLAIM_PRIORITY = ["speaker", "claim", "what was said", "status"]
_AGREEMENT_PRIORITY = ["agreement", "status", "parties", "history", "terms"]


def render_report(report: Report, console: Console) -> None:
    """Print one report: a heading, its events, claims and agreements (each table as wide as the
    console, its most important columns first), and the boilerplate removed."""
    article = report.article
    heading = escape(article.title or article.id)
    console.print(f"[bold]{heading}[/bold]  [dim]{article.published or 'no date'} · {escape(article.source or '')} · "
                  f"id {article.id}[/dim]")
    if report.events:
        print_table([_event_row(e) for e in report.events], console, _EVENT_COLUMNS, "events", _EVENT_PRIORITY,
                    _EVENT_WIDTHS | {"evidence": WIDE_COLUMN})
    else:
        console.print("[dim]no events[/dim]")
    if report.claims:
        print_table([_claim_row(c) for c in report.claims], console, None, "claims", _CLAIM_PRIORITY,
                    {"what was said": WIDE_COLUMN})
    if report.agreements:
        print_table([_agreement_row(a) for a in report.agreements], console, None, "agreements",
                    _AGREEMENT_PRIORITY, {"history": WIDE_COLUMN})
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
WIDE_COLUMN = 20


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
