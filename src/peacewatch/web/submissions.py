"""Submitted articles, read within limits: the service stays answerable whatever is posted.

- An article's text (given, or taken from its HTML) longer than `max_article_chars` is refused
  (413 too_large) before anything is parsed.
- Articles are read (parsed and extracted) one at a time in one worker process of their own,
  which loads the model once. A submission that waits over `extract_wait` seconds for the one
  before it is refused (503 busy, with Retry-After); a reading that takes over
  `extract_timeout` seconds is stopped by ending the worker process, which frees its memory and
  the processor at once (504 timeout); the next submission starts a fresh worker.
- With `extract_timeout` 0 the articles are read in the service's own process, unbounded.
- Storing is a turn of its own, taken only once the article is read: a submission that waits
  over `extract_wait` seconds for the one being stored is refused (503 busy). The store's write
  lock (another process writing: an ingest, an import) is waited for WRITE_WAIT seconds, once,
  then the submission is refused (503 busy, Retry-After) rather than held for the store's whole
  wait: the article is read again when it is sent again.

The service process itself keeps the store, the copy index and the writing, as before.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.pool import Pool

from peacewatch.fuse.copies import CopyIndex
from peacewatch.ingest import RawArticle
from peacewatch.runner.distributed import read_prepared
from peacewatch.runner.ingest import copy_index, read_submitted, store_submitted
from peacewatch.runner.pipeline import Failure, Pipeline, Prepared
from peacewatch.schema import Report
from peacewatch.settings import Settings
from peacewatch.store import Store, StoreBusy
from peacewatch.web.access import ApiError

__all__ = ["BoundedPipeline", "Submissions"]

log = logging.getLogger(__name__)

# Longest a new worker may take to load the model before its first article (not counted in the
# time limit of that article).
START_TIMEOUT = 300.0
# Seconds a submission's write waits for the store's write lock, and how often: another writer
# holds it for a batch at a time (seconds), a client waits for its answer.
WRITE_WAIT = 2.0
WRITE_TRIES = 1
WARM_UP = "Officials said talks would resume in the capital on Monday after shelling killed two people."


def _warm() -> None:
    """Load the model, and the lexicons and gazetteer the first reading loads, in the worker."""
    from peacewatch.ingest import load_text

    read_prepared([Pipeline().prepare(None, load_text(WARM_UP, published="2025-01-02"))])


class BoundedPipeline(Pipeline):
    """A Pipeline that reads in one worker process, stopped when a reading overruns `timeout` s."""

    def __init__(self, timeout: float):
        super().__init__()
        self.timeout = timeout
        self._pool: Pool | None = None

    def read(self, prepared: Sequence[Prepared | Failure]) -> Iterator[Report | Failure]:
        pool = self._started()
        pending = pool.apply_async(read_prepared, (list(prepared),))
        try:
            reports = pending.get(self.timeout)
        except multiprocessing.TimeoutError:
            log.warning("reading a submitted article took over %s s: worker stopped", self.timeout)
            self.close()
            raise ApiError(504, "timeout", f"reading the article took over {self.timeout:g} s and was "
                                           "stopped; send a shorter article") from None
        return iter(reports)

    def _started(self) -> Pool:
        if self._pool is None:
            pool = multiprocessing.get_context("spawn").Pool(1)
            try:
                pool.apply_async(_warm).get(START_TIMEOUT)
            except multiprocessing.TimeoutError:
                pool.terminate()
                raise ApiError(503, "busy", "the reading worker did not start in time") from None
            self._pool = pool
        return self._pool

    def close(self) -> None:
        """End the worker process (a new one starts on the next reading)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


class Submissions:
    """The service's reading and storing of submitted articles, one at a time, within limits."""

    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self._lock = threading.Lock()  # one reading at a time: the one worker process
        self._writing = threading.Lock()  # one writer at a time: the copy index and the batch stay whole
        self.write_wait = WRITE_WAIT
        self.write_tries = WRITE_TRIES
        self._pipeline: Pipeline | None = None
        self._copies: CopyIndex | None = None

    def check_length(self, raw: RawArticle) -> None:
        """Refuse (413) an article whose text is over the limit."""
        limit = self.settings.max_article_chars
        if len(raw.text) > limit:
            raise ApiError(413, "too_large", f"article text of {len(raw.text):,} characters, over the limit of "
                                             f"{limit:,} (PEACEWATCH_MAX_ARTICLE_CHARS)")

    def add(self, raw: RawArticle) -> dict:
        """Read, store and fuse one article; what `store_articles` says of it.

        Raises:
            StoreBusy: another submission held the reading or the storing over `extract_wait`
                seconds, or another writer held the store's write lock over `write_wait` seconds.
        """
        self.check_length(raw)
        with self._turn(self._lock, "read"):
            read = read_submitted(self.store, [raw], self.pipeline())
        with self._turn(self._writing, "stored"):
            if self._copies is None:
                self._copies = copy_index(self.store)
            return store_submitted(self.store, read, self._copies, lock_wait=self.write_wait,
                                   tries=self.write_tries)[0]

    @contextmanager
    def _turn(self, lock: threading.Lock, doing: str) -> Iterator[None]:
        wait = self.settings.extract_wait
        if not lock.acquire(timeout=wait):
            raise StoreBusy(f"another article is being {doing}; waited {wait:g} s, try again later",
                            retry_after=max(1, math.ceil(wait)))
        try:
            yield
        finally:
            lock.release()

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            timeout = self.settings.extract_timeout
            self._pipeline = BoundedPipeline(timeout) if timeout > 0 else Pipeline()
        return self._pipeline

    def close(self) -> None:
        if isinstance(self._pipeline, BoundedPipeline):
            self._pipeline.close()
