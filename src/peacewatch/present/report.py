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
from peacewatch.analysis.tracker import TrackedAgreement, track_agreements
from peacewatch.store import Filters, Store

MARKER_COLOURS = {"CONSULT": "#1f77b4", "AGREE": "#2ca02c", "REQUEST": "#9467bd", "REJECT": "#d62728",
                  "agreement step": "#ff7f0e"}
STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2em auto; max-width: 72em;
       color: #1b1b1b; line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; margin: .6em 0; }
th, td { border: 1px solid #ddd; padding: .35em .5em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; } td.num { text-align: right; white-space: nowrap; }
.evidence { color: #444; font-style: italic; } .muted { color: #777; } .warn { color: #a33; font-weight: 600; }
img { max-width: 100%; height: auto; }
"""


@dataclass
class ReportData:
    counts: dict[str, int]
    analysis: InitiativeAnalysis
    agreements: list[TrackedAgreement]
    incidents: list[dict]


def gather(store: Store, party: str = "RUS", mediator: str = "USA", window: int = 3,
           date_from: str | None = None, date_to: str | None = None) -> ReportData:
    """Everything the report shows, read from the store."""
    analysis = analyze_initiatives(store, party=party, mediator=mediator, window=window, date_from=date_from,
                                   date_to=date_to)
    incidents = store.incidents(Filters(type="ASSAULT", date_from=date_from, date_to=date_to))
    return ReportData(store.counts(), analysis, track_agreements(store), incidents)


def timeline_png(timeline: Timeline, title: str) -> bytes:
    """Daily killed as bars, with the diplomatic events marked on the same axis."""
    fig, ax = plt.subplots(figsize=(11, 4.2), dpi=110)
    days = [d.day for d in timeline.days]
    ax.bar(days, [d.killed for d in timeline.days], width=0.9, color="#555", label="killed (consensus)")
    top = max([d.killed for d in timeline.days] + [1.0])
    shown: set[str] = set()
    for marker in timeline.markers:
        colour = MARKER_COLOURS.get(marker.kind, "#888")
        label = marker.kind if marker.kind not in shown else None
        shown.add(marker.kind)
        ax.axvline(marker.day, color=colour, alpha=0.55, linewidth=1.2, label=label)
        ax.plot([marker.day], [top * 1.04], marker="v", color=colour, markersize=6)
    ax.set_ylim(0, top * 1.12)
    ax.set_ylabel("killed per day")
    ax.set_title(title)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
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
    """The report as one HTML page with its plots inline."""
    e = html.escape
    analysis = data.analysis
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        'style-src \'unsafe-inline\'">',
        f"<title>peacewatch report: {e(analysis.party)} and {e(analysis.mediator)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Violence by {e(analysis.party)} around {e(analysis.mediator)} initiatives</h1>",
        f'<p class="muted">From {data.counts.get("articles", 0)} articles ({data.counts.get("copies", 0)} of them '
        f'copies), {data.counts.get("events", 0)} events, {data.counts.get("incidents", 0)} incidents; period '
        f'{e(str(analysis.first))} to {e(str(analysis.last))}.</p>',
        "<h2>Timeline</h2>",
    ]
    if analysis.timeline.days:
        title = f"Killed per day by {analysis.party}, with diplomatic events"
        parts.append(f'<img id="timeline" alt="{e(title)}" src="{_data_uri(timeline_png(analysis.timeline, title))}">')
        parts.append("<table><tr><th>day</th><th>diplomatic event</th><th>evidence</th></tr>")
        for marker in analysis.timeline.markers:
            parts.append(f"<tr><td>{marker.day}</td><td>{e(marker.label)}</td>"
                         f'<td class="evidence">{e(marker.evidence or "")}</td></tr>')
        parts.append("</table>")
    else:
        parts.append('<p class="muted">No dated incidents in the store.</p>')
    parts += _initiatives_html(analysis), _agreements_html(data.agreements), _incidents_html(data.incidents)
    parts.append('<p class="muted">Made by peacewatch. Every figure links to the sentences it came from; '
                 'tolls are as the sources report them.</p></body></html>')
    return "\n".join(parts)


def _initiatives_html(analysis: InitiativeAnalysis) -> str:
    e = html.escape
    out = ["<h2>Initiative analysis</h2>"]
    out.append("".join(f"<p>{e(line)}</p>" for line in analysis.summary().splitlines()))
    if not analysis.conclusive:
        out.append('<p class="warn">The data are too few to conclude anything.</p>')
    if analysis.effects:
        out.append(f'<img id="effect" alt="rates after initiatives and on other days" '
                   f'src="{_data_uri(effect_png(analysis))}">')
        out.append("<table><tr><th>measure</th><th>per day after</th><th>per day otherwise</th><th>rate ratio</th>"
                   "<th>p (rise)</th><th>conclusive</th></tr>")
        for name, effect in analysis.effects.items():
            out.append(f"<tr><td>{e(name)}</td><td class=num>{_num(effect.rate_after)}</td>"
                       f"<td class=num>{_num(effect.rate_other)}</td><td class=num>{_num(effect.rate_ratio)}</td>"
                       f"<td class=num>{_num(effect.p_value, 3)}</td>"
                       f"<td>{'yes' if effect.conclusive else e(effect.reason or 'no')}</td></tr>")
        out.append("</table>")
    out.append("<h3>Initiatives and the strikes that followed</h3><table><tr><th>day</th><th>initiative</th>"
               f"<th>strikes in the {analysis.window} days after</th></tr>")
    for initiative in analysis.initiatives:
        strikes = "".join(
            f"<li>{e(i['date_value'] or '')} {e(i.get('place_name') or '?')}: {_num(killed_of(i))} killed "
            f'<span class="evidence">{e((i.get("evidence") or [""])[0])}</span></li>' for i in initiative.strikes_after)
        evidence = "".join(f'<div class="evidence">{e(x)}</div>' for x in initiative.evidence[:2])
        after = f"<td><ul>{strikes}</ul></td>" if strikes else '<td class="muted">none</td>'
        out.append(f"<tr><td>{initiative.day}</td><td>{e('; '.join(initiative.labels))}{evidence}</td>{after}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _agreements_html(agreements: list[TrackedAgreement]) -> str:
    e = html.escape
    out = ["<h2>Agreement tracker</h2>", "<table><tr><th>agreement</th><th>status</th><th>parties</th>"
           "<th>mediator</th><th>scope</th><th>days</th><th>history</th><th>articles</th></tr>"]
    for item in agreements:
        history = "".join(f"<li>{e(s.get('date') or '?')} {e(s.get('party') or '-')} {e(s['action'])}</li>"
                          for s in item.history)
        out.append(f"<tr><td>{e(item.kind)}</td><td>{e(item.status)}<div class=muted>as of "
                   f"{e(item.status_as_of or '?')}</div></td><td>{e(', '.join(item.parties))}</td>"
                   f"<td>{e(item.mediator or '')}</td><td>{e(item.scope or '')}</td>"
                   f"<td class=num>{item.duration_days or ''}</td><td><ul>{history}</ul></td>"
                   f"<td class=num>{len(item.articles)}</td></tr>")
    out.append("</table>")
    return "\n".join(out)


def _incidents_html(incidents: list[dict]) -> str:
    e = html.escape
    out = ["<h2>Incidents and their sources</h2>", "<table><tr><th>day</th><th>place</th><th>by</th>"
           "<th>killed (median, min to max)</th><th>sources / reports</th><th>each source</th><th>evidence</th></tr>"]
    for incident in incidents:
        figures = "".join(
            f"<li>{e(f.get('outlet') or '?')}: {_num(f.get('killed_min'))}"
            f"{' (copy)' if f.get('copy') else ''} <span class=evidence>{e(f.get('evidence') or '')}</span></li>"
            for f in incident.get("figures") or [])
        out.append(f"<tr><td>{e(incident.get('date_value') or '')}</td><td>{e(incident.get('place_name') or '')}"
                   f"</td><td>{e(incident.get('source_country') or '')}</td><td class=num>"
                   f"{_num(incident.get('killed_median'))} ({_num(incident.get('killed_min'))} to "
                   f"{_num(incident.get('killed_max'))})</td><td class=num>{incident.get('sources')} / "
                   f"{incident.get('reports')}</td><td><ul>{figures}</ul></td>"
                   f"<td class=evidence>{e((incident.get('evidence') or [''])[0])}</td></tr>")
    out.append("</table>")
    return "\n".join(out)


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
        strikes = "; ".join(f"{i['date_value']} {i.get('place_name') or '?'} ({_num(killed_of(i))} killed)"
                            for i in initiative.strikes_after) or "none"
        lines.append(f"| {initiative.day} | {_md('; '.join(initiative.labels))} | {_md(strikes)} |")
    lines += ["", "## Agreement tracker", "", "| agreement | status | parties | mediator | scope | history |",
              "|---|---|---|---|---|---|"]
    for item in data.agreements:
        history = "; ".join(f"{s.get('date') or '?'} {s.get('party') or '-'} {s['action']}" for s in item.history)
        lines.append(f"| {item.kind} | {item.status} | {', '.join(item.parties)} | {item.mediator or ''} | "
                     f"{_md(item.scope or '')} | {_md(history)} |")
    lines += ["", "## Incidents and their sources", "",
              "| day | place | killed (median, min-max) | sources | outlets |", "|---|---|---|---|---|"]
    for incident in data.incidents:
        outlets = ", ".join(f"{f.get('outlet') or '?'} {_num(f.get('killed_min'))}" for f in incident["figures"])
        lines.append(f"| {incident.get('date_value')} | {_md(incident.get('place_name') or '')} | "
                     f"{_num(incident.get('killed_median'))} ({_num(incident.get('killed_min'))}-"
                     f"{_num(incident.get('killed_max'))}) | {incident.get('sources')} | {_md(outlets)} |")
    return "\n".join(lines) + "\n"


def write_report(store: Store, out: str | Path, *, party: str = "RUS", mediator: str = "USA", window: int = 3,
                 date_from: str | None = None, date_to: str | None = None) -> ReportData:
    """Write the report; Markdown when `out` ends in .md, else HTML. Returns what it shows."""
    data = gather(store, party=party, mediator=mediator, window=window, date_from=date_from, date_to=date_to)
    out = Path(out)
    text = render_markdown(data) if out.suffix.lower() in (".md", ".markdown") else render_html(data)
    out.write_text(text, encoding="utf-8")
    return data


def _num(value, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.{digits}f}"
    return str(int(value)) if isinstance(value, float) else str(value)


def _md(text: str) -> str:
    """Markdown table cell text: pipes and angle brackets escaped, no line breaks."""
    return html.escape(text).replace("|", "\\|").replace("\n", " ")
