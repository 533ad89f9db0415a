"""Extraction on other processes: all local cores through a process pool, or the workers of a
Dask cluster. Each process loads the model once; only the parsing and reading run there, while
the ingesting process keeps the store, the copy index and the order of the batches.

A batch sent out is only written once its reports come back, so a worker lost mid-batch costs
a retry (Dask resubmits the task to another worker), never data; and as an article's id is a
hash of its text, a batch written twice adds nothing.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from peacewatch.runner.pipeline import Failure, Pipeline, Prepared
from peacewatch.schema import Report

log = logging.getLogger(__name__)

_PIPELINE: Pipeline | None = None
# Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
AHEAD_PER_WORKER = 2
RETRIES = 3


def _pipeline() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()  # the model, once per process
    return _PIPELINE


def read_prepared(batch: list[Prepared]) -> list[Report | Failure]:
    """Parse and read a batch of prepared articles (runs in whichever process is given it)."""
    return list(_pipeline().read(batch))


def _warm() -> None:
    _pipeline()


class InProcess:
    """Reads batches in this process."""

    workers = 1

    def __init__(self, pipeline: Pipeline | None = None):
        self.pipeline = pipeline

    def map(self, batches: Iterable[list[Prepared]]) -> Iterator[list[Report | Failure]]:
        pipeline = self.pipeline or _pipeline()
        for batch in batches:
            yield list(pipeline.read(batch))

    def close(self) -> None:
        pass


class _Windowed:
    """Keeps a bounded number of batches in flight and yields their results in order."""

    workers = 1

    def _submit(self, batch: list[Prepared]):
        raise NotImplementedError

    def _result(self, future) -> list[Report | Failure]:
        raise NotImplementedError

    def map(self, batches: Iterable[list[Prepared]]) -> Iterator[list[Report | Failure]]:
        window: deque = deque()
        for batch in batches:
            window.append(self._submit(batch))
            if len(window) >= AHEAD_PER_WORKER * self.workers:
                yield self._result(window.popleft())
        while window:
            yield self._result(window.popleft())


class LocalPool(_Windowed):
    """Reads batches on `workers` local processes (default: every core)."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1
        self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_warm)

    def _submit(self, batch):
        return self._pool.submit(read_prepared, batch)

    def _result(self, future):
        return future.result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskCluster(_Windowed):
    """Reads batches on the workers of a Dask cluster.

    Args:
        address: the scheduler, 'tcp://host:8786'.
    """

    def __init__(self, address: str):
        from distributed import Client

        self.client = Client(address, set_as_default=False)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        log.info("dask: %d workers at %s", self.workers, address)

    def _submit(self, batch):
        # pure=False: two batches with equal content are still two tasks; retries: a worker lost
        # mid-batch has the batch run again elsewhere
        return self.client.submit(read_prepared, batch, pure=False, retries=RETRIES)

    def _result(self, future):
        return future.result()

    def close(self) -> None:
        self.client.close()


def make_extractor(workers: int | None = None, scheduler: str | None = None, pipeline: Pipeline | None = None):
    """The extractor for an ingest: a Dask cluster, a local pool of `workers` processes, or
    this process (workers 1 or None)."""
    if scheduler:
        return DaskCluster(scheduler)
    if workers and workers > 1:
        return LocalPool(workers)
    return InProcess(pipeline)
