"""Corpus ingest: read articles from files, folders and corpora, skip what is stored already,
link near-copies to their originals, read the rest a batch at a time and store each batch (with
its fused incidents) in one transaction.

An article's id is a hash of its clean text, so ingesting the same corpus twice adds nothing,
and a run killed at any point is finished by running it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from peacewatch.errors import InputError
from peacewatch.fuse.copies import CopyIndex, index_of, signature, to_bytes
from peacewatch.fuse.incidents import Fuser, fuse_told
from peacewatch.ingest.corpus import CorpusItem, iter_corpus
from peacewatch.runner.pipeline import BATCH_SIZE, Failure, Pipeline, Prepared
from peacewatch.runner.reading import ReadSummary, prepare_items
from peacewatch.schema import Report
from peacewatch.store import Store, StoredArticle

log = logging.getLogger(__name__)

MAX_BATCH = 1000  # articles parsed and committed together at most: a batch is held in memory whole


@dataclass
class IngestSummary(ReadSummary):
    """What an ingest did: items read, articles new, duplicates, copies found, skips by reason."""

    new: int = 0
    duplicate: int = 0
    copies: int = 0
    incidents: int = 0

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "duplicate": self.duplicate, "copies": self.copies,
                "incidents touched": self.incidents, "skipped": self.skipped_total,
                "skipped by reason": dict(self.skipped.most_common())}


def ingest(paths: Iterable[str], store: Store, *, batch_size: int = BATCH_SIZE, published: str | None = None,
           pipeline: Pipeline | None = None, progress: Callable[[int], None] | None = None,
           workers: int | None = None, scheduler: str | None = None, lines: bool = False) -> IngestSummary:
    """Ingest every article under `paths` into `store`.

    Args:
        paths: files, folders (walked recursively), JSON-lines, CSV or RSS/Atom feed files, '-' for
            standard input (read as iter_corpus reads them, as `extract` does).
        store: the open store.
        batch_size: articles parsed and committed together.
        published: publication date for articles that give none.
        pipeline: a loaded Pipeline (one is made when None).
        progress: called with the number of items read after each item.
        workers: local processes to parse on (each loads the model once); 1 or None: this one.
        scheduler: a Dask scheduler ('tcp://host:8786') whose workers parse the batches instead.
        lines: standard input and the named files of no other kind are JSON lines.
    Returns:
        the IngestSummary; each item skipped is logged once, with its reason.
    Raises:
        InputError: `published` is not a date (before anything is read).
    """
    from peacewatch.runner.distributed import make_extractor

    if not 1 <= batch_size <= MAX_BATCH:
        raise ValueError(f"batch size must be 1 to {MAX_BATCH}, not {batch_size}")
    items = iter_corpus(paths, published=published, lines=lines)  # a bad date is refused here, at once
    summary = IngestSummary()
    copies = index_of(store.signatures())
    pipeline = pipeline or Pipeline()
    extractor = make_extractor(workers, scheduler, pipeline)
    sent: list[list[tuple[CorpusItem, Prepared]]] = []  # batches handed to the extractor, in order
    seen: set[str] = set()

    def fresh_batches() -> Iterator[list[Prepared]]:
        for batch in _chunks(items, batch_size):
            fresh = _fresh(batch, store, pipeline, seen, summary, progress)
            if fresh:
                sent.append(fresh)
                yield [ready for _, ready in fresh]

    try:
        for reports in extractor.map(fresh_batches()):
            fresh = sent.pop(0)
            stored = []
            for (item, ready), report in zip(fresh, reports, strict=True):
                if isinstance(report, Failure):
                    summary.skip(item.origin, report.error)
                    continue
                stored.append(_with_copy_link(item, ready, report, copies, summary))
            if stored:
                summary.incidents += len(store_batch(store, stored))
                summary.new += len(stored)
    finally:
        extractor.close()
    return summary


def _fresh(batch: list[CorpusItem], store: Store, pipeline: Pipeline, seen: set[str], summary: IngestSummary,
           progress: Callable[[int], None] | None) -> list[tuple[CorpusItem, Prepared]]:
    """The batch's articles that are readable and neither stored nor met before in this run."""
    prepared = list(prepare_items(batch, pipeline, summary, progress=progress))
    known = store.known_ids(p.article.id for _, p in prepared)
    fresh = []
    for item, ready in prepared:
        if ready.article.id in known or ready.article.id in seen:
            summary.duplicate += 1
            continue
        seen.add(ready.article.id)
        fresh.append((item, ready))
    return fresh


def store_articles(store: Store, raws: list, *, pipeline: Pipeline | None = None, copies=None) -> list[dict]:
    """Read and store articles given one by one (the service's submissions).

    Returns:
        for each article: its id, whether it was new, the original it copies, and how many events,
        claims and agreements it has.
    Raises:
        InputError: an article cannot be read (nothing is stored then).
    """
    pipeline = pipeline or Pipeline()
    copies = copies if copies is not None else index_of(store.signatures())
    prepared = [pipeline.prepare(None, raw) for raw in raws]
    known = store.known_ids(p.article.id for p in prepared)
    out, stored = [], []
    fresh = [p for p in prepared if p.article.id not in known]
    reports = dict(zip([p.article.id for p in fresh], pipeline.read(fresh), strict=True))
    summary = IngestSummary()
    for ready in prepared:
        report = reports.get(ready.article.id)
        if report is None:
            stored_row = store.article(ready.article.id) or {}
            counts = {k: len((stored_row.get("report") or {}).get(k, [])) for k in ("events", "claims", "agreements")}
            out.append({"id": ready.article.id, "new": False, "copy_of": stored_row.get("copy_of"), **counts})
            continue
        if isinstance(report, Failure):
            raise InputError(report.error)
        item = CorpusItem(origin="submitted", external_id=None, raw=None, error=None)
        article = _with_copy_link(item, ready, report, copies, summary)
        stored.append(article)
        out.append({"id": ready.article.id, "new": True, "copy_of": article.copy_of,
                    "events": len(report.events), "claims": len(report.claims), "agreements": len(report.agreements)})
    if stored:
        store_batch(store, stored)
    return out


def store_batch(store: Store, batch: list[StoredArticle], fuser: Fuser | None = None) -> list[int]:
    """Store a batch of articles and fuse their events into incidents, in one transaction.

    Args:
        store: the open store.
        batch: the articles with their reports (and signatures and copy links).
        fuser: a fuser that holds incidents across batches (a new one when None).
    Returns:
        the ids of the incidents the batch created or changed.
    """
    fuser = fuser or Fuser()
    return store.add_batch(batch, fuse=lambda writer, told: fuse_told(writer, told, fuser))


def _with_copy_link(item: CorpusItem, ready: Prepared, report: Report, copies: CopyIndex,
                    summary: IngestSummary) -> StoredArticle:
    minhash = signature(ready.text)
    original = copies.find_original(minhash)
    copy_of, similarity = original if original else (None, None)
    copies.add(report.article.id, minhash, copy_of)
    if copy_of:
        summary.copies += 1
        log.info("%s is a near-copy of %s (similarity %.2f)", item.origin, copy_of, similarity)
    return StoredArticle(report=report, external_id=item.external_id, signature=to_bytes(minhash), copy_of=copy_of,
                         similarity=similarity, words=len(ready.text.split()))


def _chunks(items: Iterable[CorpusItem], size: int) -> Iterator[list[CorpusItem]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
