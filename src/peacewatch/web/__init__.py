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
from peacewatch.store import Filters
from peacewatch.web.access import ApiError, check_read
from peacewatch.web.cache import cached_page

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
        from peacewatch.web.worldmap import incident_marks, land_paths, view_box

        _check_read(app, request)
        incidents = store().incidents(Filters(type="ASSAULT"))
        marks = incident_marks(incidents)
        analysis = analyze_initiatives(store(), permutations=SERVICE_PERMUTATIONS)
        return _page("overview.html", counts=store().counts(), marks=marks, land=land_paths(),
                     view_box=view_box(marks), analysis=analysis, agreements=track_agreements(store())[:12],
                     incidents=sorted(incidents, key=lambda i: i.get("date_value") or "", reverse=True)[:25])

    @app.get("/incidents/{incident_id}", include_in_schema=False, response_class=HTMLResponse)
    def incident_page(request: Request, incident_id: int = Path(ge=1, le=2**63 - 1)) -> HTMLResponse:
        _check_read(app, request)
        incident = store().incident(incident_id)
        if incident is None:
            raise ApiError(404, "not_found", f"no incident {incident_id}")
        words = [w for w in (incident.get("place_name"),) if w]
        return _page("incident.html", incident=incident, words=words)

    @app.get("/agreements", include_in_schema=False, response_class=HTMLResponse)
    @cached_page(app)
    def agreements_page(request: Request) -> HTMLResponse:
        from peacewatch.analysis.tracker import track_agreements

        _check_read(app, request)
        return _page("agreements.html", agreements=track_agreements(store()))

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
    def timeline_plot(request: Request, actor: str = PARTY) -> Response:
        from peacewatch.analysis.timeline import build_timeline
        from peacewatch.present.report import timeline_png

        _check_read(app, request)
        actor = _iso3(actor, PARTY)
        timeline = build_timeline(store(), actor=actor)
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


def _iso3(value: str, default: str) -> str:
    return value.upper() if re.fullmatch(r"[A-Za-z]{3}", value or "") else default


def _check_read(app: FastAPI, request: Request) -> None:
    """Closed reads close the dashboard too."""
    check_read(app.state.settings, request)
