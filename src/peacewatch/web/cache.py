"""What the dashboard and the analysis endpoint worked out, kept between requests until the store
changes.

A page of the dashboard reads every assault incident, draws the map and runs the initiative
analysis (thousands of permutations): far too much to redo on every request, and the same for
every reader. Each answer is kept under its key (the page and its parameters) with the store's
version when it was made. The version is read from the database on every request, so it follows
writes by any process (another ingest, an import), not only this one's:

    the number of articles and of incidents (something deleted), and the highest id of events,
    incidents, claims, agreements and agreement steps (something added; fusion adds events
    whenever it changes an incident).

One query of counts and maxima on indexed columns: well under a millisecond on SQLite at 10,000
incidents. An import that rewrites stored incidents in place changes none of these; answers
are therefore also dropped after `max_age` seconds (PEACEWATCH_CACHE_SECONDS, 0: keep nothing).
One request works out a missing answer while the others asking for it wait for it.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from peacewatch.store import Store
from peacewatch.store.models import AgreementRow, ArticleRow, ClaimRow, EventRow, IncidentRow, StepRow
from peacewatch.web.access import check_read

__all__ = ["StoreCache", "cache_of", "cached_page", "store_version"]

T = TypeVar("T")
MAX_ENTRIES = 128  # answers kept at most (pages by their parameters), the least recently used dropped first
GZIP_FROM = 2048  # bytes from which a kept page is also kept gzipped
STRIPES = 32  # locks under which missing answers are made (keys share them by their hash)


def store_version(store: Store) -> tuple:
    """A value that changes whenever records are added to or deleted from the store."""
    query = select(
        select(func.count()).select_from(ArticleRow).scalar_subquery(),
        select(func.count()).select_from(IncidentRow).scalar_subquery(),
        *(select(func.max(model.id)).scalar_subquery()
          for model in (EventRow, IncidentRow, ClaimRow, AgreementRow, StepRow)))
    with store.engine.connect() as connection:
        return tuple(connection.execute(query).one())


class StoreCache:
    """Answers kept for one store while its version stays the same (and for at most max_age s)."""

    def __init__(self, store: Store, max_age: float, max_entries: int = MAX_ENTRIES):
        self.store = store
        self.max_age = max_age
        self.max_entries = max_entries
        self._version: tuple | None = None
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        # re-entrant: a page's making may ask for another kept answer (the overview asks for the
        # analysis), whose key can share its stripe; a plain lock would wait on itself for ever
        self._making = [threading.RLock() for _ in range(STRIPES)]

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The answer kept under `key` for the store as it is now, else `make()` (kept)."""
        if self.max_age <= 0:
            return make()
        version = store_version(self.store)
        found = self._lookup(key, version)
        if found is not None:
            return found[1]
        with self._making[hash(key) % STRIPES]:  # one request makes it; the others wait and take it
            found = self._lookup(key, version)
            if found is not None:
                return found[1]
            value = make()
            with self._lock:
                if self._version == version:
                    self._entries[key] = (time.monotonic(), value)
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
            return value

    def _lookup(self, key: Hashable, version: tuple) -> tuple[float, Any] | None:
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            found = self._entries.get(key)
            if found is not None and time.monotonic() - found[0] > self.max_age:
                del self._entries[key]
                found = None
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def cache_of(app: FastAPI) -> StoreCache:
    """The service's cache (made on first use, anew if the app was given another store)."""
    cache = getattr(app.state, "page_cache", None)
    if cache is None or cache.store is not app.state.store:
        cache = app.state.page_cache = StoreCache(app.state.store, app.state.settings.cache_seconds)
    return cache


def cached_page(app: FastAPI) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
    """A decorator for a page's route (between @app.get and the function): its answer is kept
    under the route's name and its parameters as validated, and served again while the store is
    unchanged, gzipped once for the clients that accept it (a map of 10,000 incidents is over a
    megabyte of SVG, a tenth of that gzipped). Reads are checked before anything kept is served."""

    def decorate(route: Callable[..., Response]) -> Callable[..., Response]:
        @wraps(route)
        def serve(*args: Any, **kwargs: Any) -> Response:
            request = kwargs.get("request")
            if isinstance(request, Request):
                check_read(app.state.settings, request)
            # the query string too: a page may read its filters from it rather than from parameters
            query = tuple(sorted(request.query_params.multi_items())) if isinstance(request, Request) else ()
            key = (route.__name__, query, *sorted((k, v) for k, v in kwargs.items() if k != "request"))
            kept = cache_of(app).get(key, lambda: _Kept(route(*args, **kwargs)))
            return kept.response(request)

        return serve

    return decorate


class _Kept:
    """A page's answer as kept: its body, plain and gzipped (when that is worth it)."""

    def __init__(self, response: Response):
        self.body = bytes(response.body)
        self.status = response.status_code
        self.media_type = response.media_type
        self.gzipped = gzip.compress(self.body, compresslevel=6, mtime=0) if len(self.body) >= GZIP_FROM else None

    def response(self, request: Request | None) -> Response:
        accepts = request is not None and "gzip" in request.headers.get("accept-encoding", "").lower()
        if self.gzipped is not None and accepts:
            return Response(self.gzipped, status_code=self.status, media_type=self.media_type,
                            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        headers = {"Vary": "Accept-Encoding"} if self.gzipped is not None else None
        return Response(self.body, status_code=self.status, media_type=self.media_type, headers=headers)
