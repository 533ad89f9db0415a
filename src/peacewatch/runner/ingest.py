"""Corpus ingest: read articles from files, folders and corpora, skip what is stored already,
link near-copies to their originals, read the rest a batch at a time and store each batch (with
its fused incidents) in one transaction.

An article's id is a hash of its clean text, so ingesting the same corpus twice adds nothing,
and a run killed at any point is finished by running it again. Processes may ingest into one
store at once: each article is stored once, by whichever process comes first, and copy links
are found inside the writing transaction against everything stored, whoever stored it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from peacewatch.errors import InputError
from peacewatch.fuse.copies import CopyIndex, StagedCopies, from_bytes, signature, to_bytes
from peacewatch.fuse.incidents import Fuser, fuse_told
from peacewatch.ingest.corpus import CorpusItem, iter_corpus
from peacewatch.runner.pipeline import BATCH_SIZE, Failure, Pipeline, Prepared
from peacewatch.runner.reading import ReadSummary, prepare_items
from peacewatch.schema import Report
from peacewatch.store import BatchWriter, Store, StoredArticle

log = logging.getLogger(__name__)

MAX_BATCH = 1000  # articles parsed and committed together at most: a batch is held in memory whole


@dataclass
class IngestSummary(ReadSummary):
    """What an ingest did: items read, articles it stored (new), those stored before it read them
    (duplicate) or by another process while it read them (meanwhile), copies among the new, skips
    by reason."""

    new: int = 0
    duplicate: int = 0
    meanwhile: int = 0
    copies: int = 0
    incidents: int = 0

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "duplicate": self.duplicate,
                "stored meanwhile by another process": self.meanwhile, "copies": self.copies,
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
    copies = copy_index(store)
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
                stored.append(_stored_article(item, ready, report))
            if stored:
                summary.incidents += len(store_batch(store, stored, copies=copies))
                _count(summary, stored)
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
    read = read_submitted(store, raws, pipeline or Pipeline())
    return store_submitted(store, read, copies if copies is not None else copy_index(store))


@dataclass
class SubmittedRead:
    """Submitted articles as read, before they are stored: each article's id in order, and the
    articles to store (those not stored already), by id."""

    ids: list[str]
    stored: dict[str, StoredArticle]


def read_submitted(store: Store, raws: list, pipeline: Pipeline) -> SubmittedRead:
    """The first half of store_articles: read the articles not stored already (no writing).

    Raises:
        InputError: an article cannot be read.
    """
    prepared = [pipeline.prepare(None, raw) for raw in raws]
    known = store.known_ids(p.article.id for p in prepared)
    fresh = [p for p in prepared if p.article.id not in known]
    reports = dict(zip([p.article.id for p in fresh], pipeline.read(fresh), strict=True))
    stored: dict[str, StoredArticle] = {}
    for ready in fresh:
        report = reports[ready.article.id]
        if isinstance(report, Failure):
            raise InputError(report.error)
        item = CorpusItem(origin="submitted", external_id=None, raw=None, error=None)
        stored[ready.article.id] = _stored_article(item, ready, report)
    return SubmittedRead([p.article.id for p in prepared], stored)


def store_submitted(store: Store, read: SubmittedRead, copies: CopyIndex, lock_wait: float | None = None,
                    tries: int | None = None) -> list[dict]:
    """The second half of store_articles: store and fuse what was read, in one transaction
    (waiting `lock_wait` seconds for another writer, `tries` times; the store's own by default)."""
    if read.stored:
        store_batch(store, list(read.stored.values()), copies=copies, lock_wait=lock_wait, tries=tries)
    return [_submitted(store, article_id, read.stored.get(article_id)) for article_id in read.ids]


def _submitted(store: Store, article_id: str, article: StoredArticle | None) -> dict:
    """What store_articles answers for one article: stored now, or found stored already."""
    if article is not None and article.new:
        report = article.report
        return {"id": article_id, "new": True, "copy_of": article.copy_of, "events": len(report.events),
                "claims": len(report.claims), "agreements": len(report.agreements)}
    row = store.article(article_id) or {}
    counts = {k: len((row.get("report") or {}).get(k, [])) for k in ("events", "claims", "agreements")}
    return {"id": article_id, "new": False, "copy_of": row.get("copy_of"), **counts}


def copy_index(store: Store) -> CopyIndex:
    """A copy index of everything stored, to be kept up to date by store_batch."""
    index = CopyIndex()
    index.catch_up(store.signature_rows())
    return index


def store_batch(store: Store, batch: list[StoredArticle], fuser: Fuser | None = None,
                copies: CopyIndex | None = None, lock_wait: float | None = None, tries: int | None = None) -> list[int]:
    """Store a batch of articles and fuse their events into incidents, in one transaction.

    Args:
        store: the open store.
        batch: the articles with their reports and signatures; each gets `new` (stored by this
            call, or found stored by another process) and, with `copies`, its copy link.
        fuser: a fuser that holds incidents across batches (a new one when None).
        copies: the copy index: when given, the articles' copy links are found in the writing
            transaction, against the index brought up to what is stored (whoever stored it) and
            against each other; the index takes the batch only once it is committed.
        lock_wait, tries: how long and how often to wait for another writer (Store.add_batch).
    Returns:
        the ids of the incidents the batch created or changed.
    """
    fuser = fuser or Fuser()
    linker = _Linker(copies) if copies is not None else None
    incidents = store.add_batch(batch, fuse=lambda writer, told: fuse_told(writer, told, fuser),
                                link=linker.link if linker else None, lock_wait=lock_wait, tries=tries)
    if linker:
        linker.committed()
    return incidents


class _Linker:
    """The copy-linking step of a batch's transaction, and the index's update after its commit."""

    def __init__(self, copies: CopyIndex):
        self.copies = copies
        self.staged: StagedCopies | None = None
        self.stored_at: str | None = None

    def link(self, writer: BatchWriter, fresh: list[StoredArticle]) -> None:
        """Link each article to the original it copies (called again if the transaction is retried)."""
        self.copies.catch_up(writer.signatures_since(self.copies.mark))
        self.staged, self.stored_at = self.copies.staged(), writer.ingested_at
        for article in fresh:
            if article.signature is None:
                continue
            found = self.staged.link(article.report.article.id, from_bytes(article.signature))
            article.copy_of, article.similarity = found if found else (None, None)
            if found:
                log.info("%s is a near-copy of %s (similarity %.2f)", article.report.article.id, *found)

    def committed(self) -> None:
        if self.staged is not None:
            self.staged.apply(self.stored_at)


def _stored_article(item: CorpusItem, ready: Prepared, report: Report) -> StoredArticle:
    """An article ready to store, with its MinHash (its copy link is found when it is stored)."""
    return StoredArticle(report=report, external_id=item.external_id, signature=to_bytes(signature(ready.text)),
                         words=len(ready.text.split()))


def _count(summary: IngestSummary, batch: list[StoredArticle]) -> None:
    """Count a stored batch: stored by us (and copies among them), or by another process meanwhile."""
    for article in batch:
        if article.new:
            summary.new += 1
            summary.copies += article.copy_of is not None
        else:
            summary.meanwhile += 1
            log.info("%s was stored meanwhile by another process", article.report.article.id)


def _chunks(items: Iterable[CorpusItem], size: int) -> Iterator[list[CorpusItem]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
