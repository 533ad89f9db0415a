"""The dashboard: pages served by the same process as the API, built on the server from the store
(Jinja2 templates with autoescaping, plots as PNG, the map as SVG). It needs no network and runs
no script: every style and shape is served from this package, and article text is escaped."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from peacewatch.present.templating import add_package_templates
from peacewatch.settings import MEDIATOR, PARTY, PLOT_PERMUTATIONS, SERVICE_PERMUTATIONS, WINDOW_DAYS
from peacewatch.web.access import ApiError, check_read
from peacewatch.web.cache import cache_of, cached_page
from peacewatch.web.lists import register_lists

__all__ = ["register_dashboard"]

# The dashboard's pages join the report's templates in one environment (partials shared).
_env = add_package_templates("peacewatch.web")


def _page(name: str, **context) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context))


def register_dashboard(app: FastAPI) -> None:
    """Add the dashboard's pages, plots and static files to the service."""
    static = resources.files("peacewatch.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    def store():
        return app.state.store

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    @cached_page(app)
    def overview(request: Request) -> HTMLResponse:
        from peacewatch.analysis.initiatives import analyze_initiatives
        from peacewatch.analysis.tracker import track_agreements
        from peacewatch.web.browse import KINDS, matching_rows, read_query
        from peacewatch.web.worldmap import world_map

        _check_read(app, request)
        query, problems = read_query(dict(request.query_params), KINDS["incidents"])
        incidents = matching_rows(store(), KINDS["incidents"], query)
        analysis = cache_of(app).get(("initiatives", PARTY, MEDIATOR, WINDOW_DAYS, None, None),
                                     lambda: analyze_initiatives(store(), permutations=SERVICE_PERMUTATIONS))
        return _page("overview.html", counts=store().counts(), world=world_map(incidents), query=query,
                     problems=problems, analysis=analysis, agreements=track_agreements(store())[:12],
                     incidents=incidents[:25], matched=len(incidents), actor=_iso3(query.actor or "", PARTY),
                     group_url=lambda place, kind: query.url("/incidents", place=place, type=kind, page=1))

    @app.get("/incidents/{incident_id}", include_in_schema=False, response_class=HTMLResponse)
    def incident_page(request: Request, incident_id: int = Path(ge=1, le=2**63 - 1)) -> HTMLResponse:
        _check_read(app, request)
        incident = store().incident(incident_id)
        if incident is None:
            raise ApiError(404, "not_found", f"no incident {incident_id}")
        words = [w for w in (incident.get("place_name"),) if w]
        figures = incident.get("figures") or []
        heads = store().article_heads([i for f in figures for i in (f.get("article_id"), f.get("root")) if i])
        return _page("incident.html", incident=incident, words=words, heads=heads,
                     copies=sum(1 for f in figures if f.get("copy")))

    @app.get("/agreements", include_in_schema=False, response_class=HTMLResponse)
    @cached_page(app)
    def agreements_page(request: Request, country: str = Query("", max_length=3),
                        status: str = Query("", max_length=40)) -> HTMLResponse:
        from peacewatch.analysis.tracker import track_agreements

        _check_read(app, request)
        code = _iso3(country, "") or None
        return _page("agreements.html", agreements=track_agreements(store(), country=code, status=status or None),
                     country=code or "", status=status)

    @app.get("/analysis", include_in_schema=False, response_class=HTMLResponse)
    @cached_page(app)
    def analysis_page(request: Request, party: str = PARTY, mediator: str = MEDIATOR,
                      window: int = Query(WINDOW_DAYS, ge=1, le=60)) -> HTMLResponse:
        from peacewatch.analysis.initiatives import analyze_initiatives

        _check_read(app, request)
        party, mediator = _iso3(party, PARTY), _iso3(mediator, MEDIATOR)
        analysis = analyze_initiatives(store(), party=party, mediator=mediator, window=max(1, min(window, 60)),
                                       permutations=SERVICE_PERMUTATIONS)
        return _page("analysis.html", analysis=analysis)

    @app.get("/plots/timeline.png", include_in_schema=False)
    @cached_page(app)
    def timeline_plot(request: Request, actor: str = PARTY, date_from: str = "", date_to: str = "") -> Response:
        from peacewatch.analysis.timeline import build_timeline
        from peacewatch.present.report import timeline_png

        _check_read(app, request)
        actor = _iso3(actor, PARTY)
        timeline = build_timeline(store(), actor=actor, date_from=_day(date_from), date_to=_day(date_to))
        if not timeline.days:
            timeline = build_timeline(store(), actor=actor, date_from=date.today().isoformat(),
                                      date_to=date.today().isoformat())
        return Response(timeline_png(timeline, f"Killed per day by {actor}, with diplomatic events"),
                        media_type="image/png")

    @app.get("/plots/initiatives.png", include_in_schema=False)
    @cached_page(app)
    def initiatives_plot(request: Request, party: str = PARTY, mediator: str = MEDIATOR,
                         window: int = Query(WINDOW_DAYS, ge=1, le=60)) -> Response:
        from peacewatch.analysis.initiatives import analyze_initiatives
        from peacewatch.present.report import effect_png

        _check_read(app, request)
        analysis = analyze_initiatives(store(), party=_iso3(party, PARTY), mediator=_iso3(mediator, MEDIATOR),
                                       window=max(1, min(window, 60)), permutations=PLOT_PERMUTATIONS)
        return Response(effect_png(analysis), media_type="image/png")

    register_lists(app, _page)


def _iso3(value: str, default: str) -> str:
    return value.upper() if re.fullmatch(r"[A-Za-z]{3}", value or "") else default


def _day(value: str) -> str | None:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _check_read(app: FastAPI, request: Request) -> None:
    """Closed reads close the dashboard too."""
    check_read(app.state.settings, request)
