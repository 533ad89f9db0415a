"""The HTTP service: the store's articles, events, incidents, claims, agreements and the initiative
analysis as JSON, article submission, and the dashboard (peacewatch.web), in one FastAPI app.

Reads are open unless the settings close them; writes need an API key. Keys are kept only as
SHA-256 digests and compared in constant time. Every error has one JSON shape:
{"error": {"status": 404, "code": "not_found", "message": "..."}}.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import AfterValidator, BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from peacewatch.errors import InputError, PeacewatchError
from peacewatch.store import Filters, Store

log = logging.getLogger(__name__)

MAX_PAGE = 1000
DEFAULT_MAX_BODY = 2_000_000
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
                               "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def key_digest(key: str) -> str:
    """The SHA-256 hex digest under which an API key is kept."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass
class Settings:
    """How the service runs. From the environment: PEACEWATCH_DB, PEACEWATCH_API_KEY_HASHES
    (comma-separated SHA-256 digests), PEACEWATCH_API_KEY (a key, hashed on reading),
    PEACEWATCH_READ_OPEN (1 or 0), PEACEWATCH_MAX_BODY (bytes)."""

    db: str | None = None
    key_hashes: list[str] = field(default_factory=list)
    read_open: bool = True
    max_body: int = DEFAULT_MAX_BODY

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        hashes = [h.strip().lower() for h in os.environ.get("PEACEWATCH_API_KEY_HASHES", "").split(",") if h.strip()]
        if os.environ.get("PEACEWATCH_API_KEY"):
            hashes.append(key_digest(os.environ["PEACEWATCH_API_KEY"]))
        return cls(db=db or os.environ.get("PEACEWATCH_DB"), key_hashes=hashes,
                   read_open=os.environ.get("PEACEWATCH_READ_OPEN", "1") not in ("0", "false", "no"),
                   max_body=int(os.environ.get("PEACEWATCH_MAX_BODY", DEFAULT_MAX_BODY)))


def has_valid_key(settings: Settings, request: Request) -> bool:
    """The request carries a key (X-API-Key, or Authorization: Bearer) whose digest is configured."""
    key = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if key is None and auth.lower().startswith("bearer "):
        key = auth[7:].strip()
    if not key:
        return False
    digest = key_digest(key)
    # every stored digest is compared, in constant time, so timing tells nothing of which matched
    return any([hmac.compare_digest(digest, stored) for stored in settings.key_hashes])


def check_read(settings: Settings, request: Request) -> None:
    """Raise a 401 ApiError when reading is closed and the request has no valid key."""
    if not settings.read_open and not has_valid_key(settings, request):
        raise ApiError(401, "unauthorized", "reading is closed: a valid API key is needed (X-API-Key header)")


def _can_write(request: Request) -> None:
    settings = request.app.state.settings
    if not settings.key_hashes:
        raise ApiError(403, "forbidden", "writing is disabled: no API key is configured")
    if not has_valid_key(settings, request):
        raise ApiError(401, "unauthorized", "a valid API key is needed (X-API-Key header)")


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


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status,
                        headers=SECURITY_HEADERS)


CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 415: "unsupported_media_type", 422: "invalid", 500: "server_error"}


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The service on one store.

    Args:
        settings: how to run (default: from the environment).
        store: an open store (default: opened from settings.db).
    """
    settings = settings or Settings.from_env()
    store = store or Store(settings.db)
    app = FastAPI(title="peacewatch", version=_version(), docs_url=None, redoc_url=None,
                  description="Events, claims, agreements and fused incidents read from news about war and "
                              "diplomacy, each tied to the sentences it came from.")
    app.state.store = store
    app.state.settings = settings
    app.state.pipeline = None
    app.state.copies = None
    app.state.write_lock = threading.Lock()

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > settings.max_body):
            return _error(413, "too_large", f"request body over {settings.max_body} bytes")
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > settings.max_body:
                    return _error(413, "too_large", f"request body over {settings.max_body} bytes")
            request._body = body  # read once, kept for the handler
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, CODES.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return _error(422, "invalid", problems or "invalid request")

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError):
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(InputError)
    async def input_error(_request: Request, exc: InputError):
        return _error(422, "unreadable_article", str(exc))

    @app.exception_handler(PeacewatchError)
    async def peacewatch_error(_request: Request, exc: PeacewatchError):
        log.exception("service error")
        return _error(500, "server_error", str(exc))

    @app.exception_handler(Exception)
    async def any_error(_request: Request, exc: Exception):
        log.exception("unexpected error")
        return _error(500, "server_error", "internal error")

    def page(kind: str, filters: Filters) -> dict[str, Any]:
        items = getattr(store, kind)(filters)
        total = store.count(kind, Filters(**{**filters.__dict__, "limit": None, "offset": 0}))
        return {"total": total, "limit": filters.limit, "offset": filters.offset, "items": _plain(items)}

    @app.get("/api/articles", tags=["articles"])
    def list_articles(_: Reader, limit: Limit = 50, offset: Offset = 0, date_from: Day = None,
                      date_to: Day = None) -> dict:
        """Stored articles, newest first, without their reports."""
        return page("articles", Filters(limit=limit, offset=offset, date_from=date_from, date_to=date_to))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(_: Reader, article_id: ArticleId) -> dict:
        """One article with its whole report."""
        found = store.article(article_id)
        if found is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}")
        return _plain(found)

    @app.post("/api/articles", status_code=201, tags=["articles"])
    def post_article(_: Writer, article: ArticleIn) -> dict:
        """Read a submitted article (text or HTML), store it with its events, claims and agreements,
        and fuse its events into incidents. The same text twice is stored once."""
        from peacewatch.ingest import load_html, load_text
        from peacewatch.store.ingest import store_articles

        if bool(article.text) == bool(article.html):
            raise ApiError(422, "invalid", "give either text or html")
        meta = {"published": article.published, "title": article.title, "url": article.url, "source": article.source}
        raw = load_html(article.html, **meta) if article.html else load_text(article.text, **meta)
        with app.state.write_lock:  # one writer at a time: the copy index and the batch stay whole
            if app.state.copies is None:
                app.state.copies = store.copy_index()
            return store_articles(store, [raw], pipeline=_pipeline(app), copies=app.state.copies)[0]

    @app.get("/api/events", tags=["records"])
    def list_events(_: Reader, limit: Limit = 50, offset: Offset = 0, type: Text = None, country: Country = None,
                    date_from: Day = None, date_to: Day = None, place: Text = None, status: Text = None) -> dict:
        """Events, filtered, by date."""
        return page("events", Filters(type=type, country=country, date_from=date_from, date_to=date_to,
                                      place=place, status=status, limit=limit, offset=offset))

    @app.get("/api/incidents", tags=["records"])
    def list_incidents(_: Reader, limit: Limit = 50, offset: Offset = 0, type: Text = None,
                       country: Country = None, date_from: Day = None, date_to: Day = None,
                       place: Text = None) -> dict:
        """Fused incidents with every source's figures, filtered, by date."""
        return page("incidents", Filters(type=type, country=country, date_from=date_from, date_to=date_to,
                                         place=place, limit=limit, offset=offset))

    @app.get("/api/incidents/{incident_id}", tags=["records"])
    def get_incident(_: Reader, incident_id: IncidentId) -> dict:
        """One incident with its sources' figures and evidence."""
        found = store.incident(incident_id)
        if found is None:
            raise ApiError(404, "not_found", f"no incident {incident_id}")
        return _plain(found)

    @app.get("/api/claims", tags=["records"])
    def list_claims(_: Reader, limit: Limit = 50, offset: Offset = 0, country: Country = None,
                    date_from: Day = None, date_to: Day = None, status: Text = None, kind: Text = None) -> dict:
        """Claims, filtered, by date."""
        return page("claims", Filters(country=country, date_from=date_from, date_to=date_to, status=status,
                                      kind=kind, limit=limit, offset=offset))

    @app.get("/api/agreements", tags=["records"])
    def list_agreements(_: Reader, country: Country = None, status: Text = None) -> dict:
        """The agreement tracker: each agreement merged across articles, with its history."""
        from peacewatch.analysis.tracker import track_agreements

        items = [t.as_row() | {"evidence": t.evidence} for t in
                 track_agreements(store, country=country.upper() if country else None, status=status)]
        return {"total": len(items), "items": items}

    @app.get("/api/analysis/initiatives", tags=["analysis"])
    def initiatives(_: Reader, party: Iso3 = "RUS", mediator: Iso3 = "USA", window: Window = 3,
                    date_from: Day = None, date_to: Day = None) -> dict:
        """Does the party's violence rise in the days after initiatives with the mediator?"""
        from peacewatch.analysis.initiatives import analyze_initiatives

        analysis = analyze_initiatives(store, party=party, mediator=mediator, window=window, date_from=date_from,
                                       date_to=date_to, permutations=2000)
        return {
            "party": analysis.party, "mediator": analysis.mediator, "window": analysis.window,
            "first": str(analysis.first) if analysis.first else None,
            "last": str(analysis.last) if analysis.last else None,
            "conclusive": analysis.conclusive, "summary": analysis.summary(),
            "effects": {name: _plain(e.__dict__) for name, e in analysis.effects.items()},
            "initiatives": [{"day": str(i.day), "labels": i.labels, "evidence": i.evidence,
                             "strikes_after": _plain(i.strikes_after)} for i in analysis.initiatives],
        }

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        """The OpenAPI description as a page served from here (no outside scripts)."""
        from peacewatch.web.docs import render_openapi

        return HTMLResponse(render_openapi(app.openapi()))

    try:
        from peacewatch.web import register_dashboard
    except ImportError:  # the dashboard is optional for the API
        register_dashboard = None
    if register_dashboard is not None:
        register_dashboard(app)
    return app


def _pipeline(app: FastAPI):
    if app.state.pipeline is None:
        from peacewatch.pipeline import Pipeline

        app.state.pipeline = Pipeline()
    return app.state.pipeline


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
