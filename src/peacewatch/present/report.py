"""The analyst's report: one self-contained HTML file (or Markdown) with the timeline plot, the
initiative analysis, the agreement tracker and the incidents with their sources.

Plots are drawn with matplotlib and embedded as PNG data URIs, styles are inline, and there is no
script: the page needs no network to be read. Every text taken from articles is escaped.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.dates as mdates
import matplotlib.pyplot as plt

from peacewatch.analysis.initiatives import InitiativeAnalysis, analyze_initiatives
from peacewatch.analysis.timeline import Timeline, killed_of
from peacewatch.analysis.tracker import TrackedAgreement, describe_step, track_agreements
from peacewatch.present.templating import environment, format_range
from peacewatch.present.templating import format_number as _num
from peacewatch.records import best_figure
from peacewatch.settings import MEDIATOR, PARTY, WINDOW_DAYS
from peacewatch.store import Filters, Store

MARKER_COLOURS = {"CONSULT": "#1f77b4", "AGREE": "#2ca02c", "REQUEST": "#9467bd", "REJECT": "#d62728",
                  "agreement step": "#ff7f0e"}


@dataclass
class ReportData:
    counts: dict[str, int]
    analysis: InitiativeAnalysis
    agreements: list[TrackedAgreement]
    incidents: list[dict]


def gather(store: Store, party: str = PARTY, mediator: str = MEDIATOR, window: int = WINDOW_DAYS,
           date_from: str | None = None, date_to: str | None = None) -> ReportData:
    """Everything the report shows, read from the store."""
    analysis = analyze_initiatives(store, party=party, mediator=mediator, window=window, date_from=date_from,
                                   date_to=date_to)
    incidents = store.incidents(Filters(type="ASSAULT", date_from=date_from, date_to=date_to))
    return ReportData(store.counts(), analysis, track_agreements(store), incidents)


def timeline_png(timeline: Timeline, title: str) -> bytes:
    """Daily killed as bars, with the diplomatic events marked on the same axis."""
    fig, ax = plt.subplots(figsize=(11, 4.2), dpi=110)
    # Day numbers on a date axis: what matplotlib makes of dates itself, typed as its stubs want.
    ax.xaxis_date()
    days = [float(mdates.date2num(d.day)) for d in timeline.days]
    ax.bar(days, [d.killed for d in timeline.days], width=0.9, color="#555", label="killed (best figure)")
    top = max([d.killed for d in timeline.days] + [1.0])
    shown: set[str] = set()
    for marker in timeline.markers:
        colour = MARKER_COLOURS.get(marker.kind, "#888")
        label = marker.kind if marker.kind not in shown else None
        shown.add(marker.kind)
        day = float(mdates.date2num(marker.day))
        ax.axvline(day, color=colour, alpha=0.55, linewidth=1.2, label=label)
        ax.plot([day], [top * 1.04], marker="v", color=colour, markersize=6)
    ax.set_ylim(0, top * 1.12)
    ax.set_ylabel("killed per day")
    ax.set_title(title)
    # Ticks as many as fit whatever the period (a day to years), labelled without repeating the year.
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return _png(fig)


def effect_png(analysis: InitiativeAnalysis) -> bytes:
    """Mean per day after initiatives against other days, for each measure."""
    names = list(analysis.effects)
    after = [analysis.effects[n].rate_after or 0 for n in names]
    other = [analysis.effects[n].rate_other or 0 for n in names]
    fig, ax = plt.subplots(figsize=(7, 3.4), dpi=110)
    positions = range(len(names))
    ax.bar([p - 0.2 for p in positions], after, width=0.4, color="#c0392b",
           label=f"{analysis.window} days after initiatives")
    ax.bar([p + 0.2 for p in positions], other, width=0.4, color="#7f8c8d", label="other days")
    ax.set_xticks(list(positions), names)
    ax.set_ylabel("mean per day")
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return _png(fig)


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def render_html(data: ReportData) -> str:
    """The report as one HTML page with its plots inline (template present/templates/report_page.html)."""
    analysis = data.analysis
    timeline_title = f"Killed per day by {analysis.party}, with diplomatic events"
    timeline_src = _data_uri(timeline_png(analysis.timeline, timeline_title)) if analysis.timeline.days else None
    effect_src = _data_uri(effect_png(analysis)) if analysis.effects else None
    page = environment().get_template("report_page.html")
    return page.render(analysis=analysis, counts=data.counts, agreements=data.agreements, incidents=data.incidents,
                       timeline_title=timeline_title, timeline_src=timeline_src, effect_src=effect_src)


def render_markdown(data: ReportData) -> str:
    """The same report in Markdown, the plots as data URIs."""
    analysis = data.analysis
    lines = [f"# Violence by {analysis.party} around {analysis.mediator} initiatives", "",
             f"From {data.counts.get('articles', 0)} articles, {data.counts.get('incidents', 0)} incidents; period "
             f"{analysis.first} to {analysis.last}.", "", "## Timeline", ""]
    if analysis.timeline.days:
        title = f"Killed per day by {analysis.party}, with diplomatic events"
        lines += [f"![{title}]({_data_uri(timeline_png(analysis.timeline, title))})", ""]
        lines += ["| day | diplomatic event |", "|---|---|"]
        lines += [f"| {m.day} | {_md(m.label)} |" for m in analysis.timeline.markers]
    lines += ["", "## Initiative analysis", "", *analysis.summary().splitlines(), ""]
    if analysis.effects:
        lines += [f"![rates]({_data_uri(effect_png(analysis))})", ""]
    lines += [f"| day | initiative | strikes in the {analysis.window} days after |", "|---|---|---|"]
    for initiative in analysis.initiatives:
        strikes = "; ".join(f"{i['date_value']} {i.get('place_name') or 'place unknown'} ({_num(killed_of(i))} killed)"
                            for i in initiative.strikes_after) or "none"
        lines.append(f"| {initiative.day} | {_md('; '.join(initiative.labels))} | {_md(strikes)} |")
    untested = analysis.untested_rows()
    if untested:
        lines += ["", "### Not tested: dated outside the coverage", "", "| day | what | evidence |", "|---|---|---|"]
        lines += [f"| {day} | {_md(what)} | {_md(evidence)} |" for day, what, evidence in untested]
    lines += ["", "## Agreement tracker", "", "| agreement | status | parties | mediator | scope | days | history "
              "(each step: its sentence) |", "|---|---|---|---|---|---|---|"]
    for item in data.agreements:
        history = "; ".join(f"{describe_step(s)}: \"{s.get('evidence') or ''}\"" for s in item.history)
        lines.append(f"| {item.kind} | {item.status} (as of {item.status_as_of or '?'}) | {', '.join(item.parties)} | "
                     f"{item.mediator or ''} | {_md(item.scope or '')} | {item.duration_days or ''} | {_md(history)} |")
    lines += ["", "## Incidents and their sources", "",
              "| day | place | killed (best; lowest to highest told) | sources | outlets |", "|---|---|---|---|---|"]
    for incident in data.incidents:
        outlets = ", ".join(f"{f.get('outlet') or 'unknown outlet'} "
                            f"{format_range(f.get('killed_min'), f.get('killed_max'), '-')}"
                            for f in incident["figures"])
        lines.append(f"| {incident.get('date_value') or 'date unknown'} | {_md(incident.get('place_name') or '')} | "
                     f"{_toll(incident)} | {incident.get('sources')} | {_md(outlets)} |")
    return "\n".join(lines) + "\n"


def _toll(incident: dict) -> str:
    """The best toll, and the range told when the sources differ: '12 (9 to 24)', 'unknown'."""
    best = best_figure(incident)
    low, high = incident.get("killed_min"), incident.get("killed_max")
    told = f" ({format_range(low, high)})" if low is not None and high is not None and low != high else ""
    return ("unknown" if best is None else _num(best)) + told


def write_report(store: Store, out: str | Path, *, party: str = PARTY, mediator: str = MEDIATOR,
                 window: int = WINDOW_DAYS,
                 date_from: str | None = None, date_to: str | None = None) -> ReportData:
    """Write the report; Markdown when `out` ends in .md, else HTML. Returns what it shows."""
    data = gather(store, party=party, mediator=mediator, window=window, date_from=date_from, date_to=date_to)
    out = Path(out)
    text = render_markdown(data) if out.suffix.lower() in (".md", ".markdown") else render_html(data)
    out.write_text(text, encoding="utf-8")
    return data


def _md(text: str) -> str:
    """Markdown table cell text: pipes and angle brackets escaped, no line breaks."""
    return html.escape(text).replace("|", "\\|").replace("\n", " ")
