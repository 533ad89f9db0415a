"""The dashboard's browsing pages: incidents, events and claims as filtered, sorted, paged lists,
the map with its own filters and zoom, an article's page, and the filtered rows exported through
peacewatch.present.export (CSV, JSON, GeoJSON). Every view is a GET URL; no page runs a script."""

from __future__ import annotations

import io
from collections.abc import Callable
from urllib.parse import urlencode

from fastapi import FastAPI, Path, Request
from fastapi.responses import HTMLResponse, Response

from peacewatch.present.export import write_rows
from peacewatch.store import Store
from peacewatch.web.access import ApiError, check_read
from peacewatch.web.browse import KINDS, PER_PAGE, BrowseQuery, browse, matching_rows, read_query
from peacewatch.web.worldmap import parse_bbox

__all__ = ["EXPORTS", "register_lists"]

# Export formats a list offers: format -> (media type, whether the rows need coordinates).
EXPORTS = {"csv": ("text/csv; charset=utf-8", False), "json": ("application/json", False),
           "geojson": ("application/geo+json", True)}
LIST_TITLES = {"incidents": "Incidents", "events": "Events", "claims": "Claims"}


def register_lists(app: FastAPI, page: Callable[..., HTMLResponse]) -> None:
    """Add the list pages, the map page, the article page and the exports to the service.

    Args:
        app: the service (its state holds the store and the settings).
        page: renders a template of the dashboard with a context.
    """

    def store():
        return app.state.store

    def list_page(request: Request, name: str) -> HTMLResponse:
        check_read(app.state.settings, request)
        kind = KINDS[name]
        query, problems = read_query(dict(request.query_params), kind)
        listing = browse(store(), kind, query)
        heads = store().article_heads(_article_ids(listing.rows))
        fused = store().incidents_of_events([r["id"] for r in listing.rows]) if name == "events" else {}
        exports = [f for f, (_, spatial) in EXPORTS.items() if not spatial or name != "claims"]
        return page(f"list_{name}.html", title=LIST_TITLES[name], kind=kind, query=query, listing=listing,
                    problems=problems, heads=heads, fused=fused, path=f"/{name}", per_page_choices=PER_PAGE,
                    exports=exports)

    @app.get("/incidents", include_in_schema=False, response_class=HTMLResponse)
    def incidents_list(request: Request) -> HTMLResponse:
        return list_page(request, "incidents")

    @app.get("/events", include_in_schema=False, response_class=HTMLResponse)
    def events_list(request: Request) -> HTMLResponse:
        return list_page(request, "events")

    @app.get("/claims", include_in_schema=False, response_class=HTMLResponse)
    def claims_list(request: Request) -> HTMLResponse:
        return list_page(request, "claims")

    @app.get("/map", include_in_schema=False, response_class=HTMLResponse)
    def map_page(request: Request) -> HTMLResponse:
        from peacewatch.web.worldmap import world_map

        check_read(app.state.settings, request)
        raw = dict(request.query_params)
        query, problems = read_query(raw, KINDS["incidents"])
        try:
            bbox = parse_bbox(raw.get("bbox"))
        except ValueError as exc:
            bbox = None
            problems.append(f"{exc}: not applied")
        drawn = world_map(matching_rows(store(), KINDS["incidents"], query), bbox, country=query.country)
        return page("map.html", query=query, problems=problems, world=drawn, bbox=raw.get("bbox") or "",
                    group_url=lambda place, kind: query.url("/incidents", place=place, type=kind, page=1),
                    path="/map", view_exports=_map_exports(query, bbox), zoom_in=_map_url(query, drawn.zoomed(2)),
                    zoom_out=_map_url(query, drawn.zoomed(0.5)), world_url=_map_url(query, "-180,-85,180,85"))

    @app.get("/articles/{article_id}", include_in_schema=False, response_class=HTMLResponse)
    def article_page(request: Request, article_id: str = Path(max_length=64)) -> HTMLResponse:
        check_read(app.state.settings, request)
        article = store().article(article_id)
        if article is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}")
        original = store().article_heads([article["copy_of"]]).get(article["copy_of"]) if article["copy_of"] else None
        return page("article.html", article=article, report=article.get("report") or {}, original=original)

    @app.get("/export/{name}.{fmt}", include_in_schema=False)
    def export(request: Request, name: str, fmt: str) -> Response:
        check_read(app.state.settings, request)
        return _export(store(), name, fmt, dict(request.query_params))


def _export(store: Store, name: str, fmt: str, raw: dict[str, str]) -> Response:
    """The rows of a list that pass its filters (every page; for incidents and events, also the
    map's box) in an export format, as a download."""
    if name not in KINDS or fmt not in EXPORTS or (name == "claims" and EXPORTS[fmt][1]):
        raise ApiError(404, "not_found", f"no export {name}.{fmt}")
    query, _ = read_query(raw, KINDS[name])
    rows = matching_rows(store, KINDS[name], query)
    try:
        bbox = parse_bbox(raw.get("bbox")) if name != "claims" else None
    except ValueError as exc:
        raise ApiError(422, "invalid", str(exc)) from exc
    if bbox is not None:  # the map's view: the rows placed inside its box
        rows = [r for r in rows if r.get("lat") is not None and r.get("lon") is not None
                and bbox[0] <= r["lon"] <= bbox[2] and bbox[1] <= r["lat"] <= bbox[3]]
    out = io.StringIO()
    write_rows(rows, fmt, out=out)
    return Response(out.getvalue(), media_type=EXPORTS[fmt][0],
                    headers={"Content-Disposition": f'attachment; filename="peacewatch-{name}.{fmt}"'})


def _article_ids(rows: list[dict]) -> list[str]:
    ids = [r["article_id"] for r in rows if r.get("article_id")]
    ids += [f["article_id"] for r in rows for f in r.get("figures") or [] if f.get("article_id")]
    return ids



def _map_url(query: BrowseQuery, bbox: str) -> str:
    return f"/map?{urlencode({**query.filter_params(), 'bbox': bbox})}"


def _map_exports(query: BrowseQuery, bbox: tuple[float, float, float, float] | None) -> list[tuple[str, str]]:
    """(format, URL) of the exports of the incidents the map shows: the list's filters and its box."""
    params = query.filter_params() | ({"bbox": ",".join(f"{v:g}" for v in bbox)} if bbox else {})
    return [(fmt, f"/export/incidents.{fmt}?{urlencode(params)}") for fmt in EXPORTS]
