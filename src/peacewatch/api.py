"""The HTTP service: the store's articles, events, incidents, claims, agreements and the initiative
analysis as JSON, article submission, and the dashboard (peacewatch.web), in one FastAPI app.

Reads are open unless the settings close them; writes need an API key. Keys are kept only as
SHA-256 digests and compared in constant time. Every error has one JSON shape:
{"error": {"status": 404, "code": "not_found", "message": "..."}}.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date
from types import GenericAlias
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import AfterValidator, BaseModel, Field, create_model
from starlette.exceptions import HTTPException as StarletteHTTPException

from peacewatch.analysis.initiatives import analyze_initiatives
from peacewatch.analysis.tracker import track_agreements
from peacewatch.errors import InputError, PeacewatchError
from peacewatch.ingest import load_html, load_text
from peacewatch.records import EVENT_ITEM, INCIDENT_ITEM
from peacewatch.settings import (
    MEDIATOR,
    PARTY,
    SERVICE_PERMUTATIONS,
    WINDOW_DAYS,
    Settings,
    current_settings,
    key_digest,
)
from peacewatch.store import Filters, Store, StoreBusy
from peacewatch.web import register_dashboard
from peacewatch.web.access import ApiError, check_read, check_write
from peacewatch.web.cache import cache_of
from peacewatch.web.docs import render_openapi
from peacewatch.web.submissions import Submissions

log = logging.getLogger(__name__)

__all__ = ["ApiError", "Settings", "create_app", "key_digest"]

MAX_PAGE = 1000
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
                               "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def _can_write(request: Request) -> None:
    check_write(request.app.state.settings, request)


def _can_read(request: Request) -> None:
    check_read(request.app.state.settings, request)


Reader = Annotated[None, Depends(_can_read)]
Writer = Annotated[None, Depends(_can_write)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
def _real_day(value: str | None) -> str | None:
    if value is not None:
        date.fromisoformat(value)  # a ValueError here answers 422, not a crash further on
    return value


Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD."),
                AfterValidator(_real_day)]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 code of an actor or the place.")]
Text = Annotated[str | None, Query(max_length=100)]
Iso3 = Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 code.")]
Window = Annotated[int, Query(ge=1, le=60, description="Days after each initiative.")]
ArticleId = Annotated[str, Path(max_length=64)]
IncidentId = Annotated[int, Path(ge=1, le=2**63 - 1, description="The incident's number.")]


class ArticleIn(BaseModel):
    """An article to read and store: its text or its HTML page, and what is known of it."""

    text: str | None = Field(default=None, description="The article's text.")
    html: str | None = Field(default=None, description="The article's HTML page (instead of text).")
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    title: str | None = None
    url: str | None = None
    source: str | None = None


def _page_model(name: str, item: type[BaseModel]) -> type[BaseModel]:
    """A page of records as the list endpoints answer it (the items are the store's records)."""
    items: Any = GenericAlias(list, (item,))  # list[item], of a model made at run time, which mypy cannot follow
    return create_model(
        name, __doc__=f"A page of {item.__name__} records and the total that pass the filters.",
        total=(int, Field(description="Records that pass the filters, all pages.")),
        limit=(int | None, Field(description="Items per page.")),
        offset=(int, Field(description="Items skipped.")),
        items=(items, Field(description="This page's records.")))


EventPage = _page_model("EventPage", EVENT_ITEM)
IncidentPage = _page_model("IncidentPage", INCIDENT_ITEM)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status,
                        headers=SECURITY_HEADERS)


CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 415: "unsupported_media_type", 422: "invalid", 500: "server_error", 503: "busy",
         504: "timeout"}


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """At shutdown, end the reading worker process of the submissions."""
    yield
    app.state.submissions.close()


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The service on one store.

    Args:
        settings: how to run (default: from the environment).
        store: an open store (default: opened from settings.db).
    """
    settings = settings or current_settings()
    store = store or Store(settings.db)
    app = FastAPI(title="peacewatch", version=_version(), docs_url=None, redoc_url=None, lifespan=_lifespan,
                  description="Events, claims, agreements and fused incidents read from news about war and "
                              "diplomacy, each tied to the sentences it came from.")
    app.state.store = store
    app.state.settings = settings
    app.state.submissions = Submissions(store, settings)
    app.middleware("http")(_limits_and_headers)
    for error, handler in ERROR_HANDLERS:
        app.add_exception_handler(error, handler)
    app.include_router(routes)
    register_dashboard(app)
    return app


async def _limits_and_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Refuse bodies over the limit (announced or streamed) and add the security headers."""
    limit = request.app.state.settings.max_body
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > limit):
        return _error(413, "too_large", f"request body over {limit} bytes")
    if request.method in ("POST", "PUT", "PATCH") and length is None:
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                return _error(413, "too_large", f"request body over {limit} bytes")
        request._body = body  # read once, kept for the handler
    try:
        response = await call_next(request)
    except Exception:  # answered here: Starlette's outer error layer would re-raise and drop the connection
        log.exception("unexpected error")
        response = _error(500, "server_error", "internal error")
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return _error(exc.status_code, CODES.get(exc.status_code, "error"), str(exc.detail))


async def _validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
    return _error(422, "invalid", problems or "invalid request")


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _error(exc.status, exc.code, exc.message)


async def _input_error(_request: Request, exc: Exception) -> Response:
    return _error(422, "unreadable_article", str(exc))


async def _busy_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StoreBusy)
    response = _error(503, "busy", str(exc))
    response.headers["Retry-After"] = str(exc.retry_after)
    return response


async def _peacewatch_error(_request: Request, exc: Exception) -> Response:
    log.exception("service error")
    return _error(500, "server_error", str(exc))


async def _any_error(_request: Request, exc: Exception) -> Response:
    log.exception("unexpected error")
    return _error(500, "server_error", "internal error")


# Each error the service answers, most specific first, and its JSON answer.
ERROR_HANDLERS: tuple[tuple[type[Exception], Callable[[Request, Exception], Awaitable[Response]]], ...] = (
    (StarletteHTTPException, _http_error), (RequestValidationError, _validation_error), (ApiError, _api_error),
    (InputError, _input_error), (StoreBusy, _busy_error), (PeacewatchError, _peacewatch_error),
    (Exception, _any_error))


def _store(request: Request) -> Store:
    return request.app.state.store


StoreOf = Annotated[Store, Depends(_store)]
routes = APIRouter()


def _page(store: Store, kind: str, filters: Filters) -> dict[str, Any]:
    items, total = store.page(kind, filters)  # the query of the dashboard's lists (peacewatch.web.browse)
    return {"total": total, "limit": filters.limit, "offset": filters.offset, "items": _plain(items)}


@routes.get("/api/articles", tags=["articles"])
def list_articles(_: Reader, store: StoreOf, limit: Limit = 50, offset: Offset = 0, date_from: Day = None,
                  date_to: Day = None) -> dict:
    """Stored articles, newest first, without their reports."""
    return _page(store, "articles", Filters(limit=limit, offset=offset, date_from=date_from, date_to=date_to))


@routes.get("/api/articles/{article_id}", tags=["articles"])
def get_article(_: Reader, store: StoreOf, article_id: ArticleId) -> dict:
    """One article with its whole report."""
    found = store.article(article_id)
    if found is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}")
    return _plain(found)


@routes.post("/api/articles", status_code=201, tags=["articles"])
def post_article(_: Writer, request: Request, article: ArticleIn) -> dict:
    """Read a submitted article (text or HTML), store it with its events, claims and agreements,
    and fuse its events into incidents. The same text twice is stored once."""
    if bool(article.text) == bool(article.html):
        raise ApiError(422, "invalid", "give either text or html")
    meta = {"published": article.published, "title": article.title, "url": article.url, "source": article.source}
    raw = load_html(article.html, **meta) if article.html else load_text(article.text or "", **meta)
    return request.app.state.submissions.add(raw)  # within the limits of peacewatch.web.submissions


@routes.get("/api/events", tags=["records"], response_model=EventPage)
def list_events(_: Reader, store: StoreOf, limit: Limit = 50, offset: Offset = 0, type: Text = None,
                country: Country = None, date_from: Day = None, date_to: Day = None, place: Text = None,
                status: Text = None) -> dict:
    """Events, filtered, by date."""
    return _page(store, "events", Filters(type=type, country=country, date_from=date_from, date_to=date_to,
                                          place=place, status=status, limit=limit, offset=offset))


@routes.get("/api/incidents", tags=["records"], response_model=IncidentPage)
def list_incidents(_: Reader, store: StoreOf, limit: Limit = 50, offset: Offset = 0, type: Text = None,
                   country: Country = None, date_from: Day = None, date_to: Day = None,
                   place: Text = None) -> dict:
    """Fused incidents with every source's figures, filtered, by date."""
    return _page(store, "incidents", Filters(type=type, country=country, date_from=date_from, date_to=date_to,
                                             place=place, limit=limit, offset=offset))


@routes.get("/api/incidents/{incident_id}", tags=["records"], response_model=INCIDENT_ITEM)
def get_incident(_: Reader, store: StoreOf, incident_id: IncidentId) -> dict:
    """One incident with its sources' figures and evidence."""
    found = store.incident(incident_id)
    if found is None:
        raise ApiError(404, "not_found", f"no incident {incident_id}")
    return _plain(found)


@routes.get("/api/claims", tags=["records"])
def list_claims(_: Reader, store: StoreOf, limit: Limit = 50, offset: Offset = 0, country: Country = None,
                date_from: Day = None, date_to: Day = None, status: Text = None, kind: Text = None) -> dict:
    """Claims, filtered, by date."""
    return _page(store, "claims", Filters(country=country, date_from=date_from, date_to=date_to, status=status,
                                          kind=kind, limit=limit, offset=offset))


@routes.get("/api/agreements", tags=["records"])
def list_agreements(_: Reader, store: StoreOf, country: Country = None, status: Text = None) -> dict:
    """The agreement tracker: each agreement merged across articles, with its history: each step
    as {date, told, party, action, evidence}, null where the text gives no date or party (`told`
    is the day its article was published, not a date of the step)."""
    items = [t.as_row() | {"evidence": t.evidence} for t in
             track_agreements(store, country=country.upper() if country else None, status=status)]
    return {"total": len(items), "items": items}


@routes.get("/api/analysis/initiatives", tags=["analysis"])
def initiatives(_: Reader, store: StoreOf, request: Request, party: Iso3 = PARTY, mediator: Iso3 = MEDIATOR,
                window: Window = WINDOW_DAYS, date_from: Day = None, date_to: Day = None) -> dict:
    """Does the party's violence rise in the days after initiatives with the mediator?

    `testable` is true when every measure had data enough for the permutation test (at least three
    initiatives, a total of five or more, windows covering at most half of the covered days): it
    says the test could be run, not what it found. `verdicts` gives that per measure at the 5%
    level: 'rise', 'no significant rise' or 'too few data'. Each of `effects` has its own
    `testable`, `reason` (why it could not be tested), rates, rate ratio and one-sided p-values
    for a rise and for a fall. (`testable` was formerly called `conclusive`.)
    """
    try:  # kept until the store changes (peacewatch.web.cache)
        analysis = cache_of(request.app).get(
            ("initiatives", party.upper(), mediator.upper(), window, date_from, date_to),
            lambda: analyze_initiatives(store, party=party, mediator=mediator, window=window, date_from=date_from,
                                        date_to=date_to, permutations=SERVICE_PERMUTATIONS))
    except InputError as exc:  # a period too long to lay out day by day
        raise ApiError(422, "invalid", str(exc)) from exc
    return {
        "party": analysis.party, "mediator": analysis.mediator, "window": analysis.window,
        "first": str(analysis.first) if analysis.first else None,
        "last": str(analysis.last) if analysis.last else None,
        "testable": analysis.testable, "verdicts": analysis.verdicts(), "summary": analysis.summary(),
        "effects": {name: _plain(e.__dict__) for name, e in analysis.effects.items()},
        "initiatives": [{"day": str(i.day), "labels": i.labels, "evidence": i.evidence,
                         "strikes_after": _plain(i.strikes_after)} for i in analysis.initiatives],
    }


@routes.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a page served from here (no outside scripts)."""
    return HTMLResponse(render_openapi(request.app.openapi()))


def _version() -> str:
    from peacewatch import __version__

    return __version__


def _plain(value):
    """JSON-ready: dates as strings, floats that are NaN as None."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
