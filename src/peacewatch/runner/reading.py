"""One reading path for `extract` and `ingest`: corpus items to checked articles, and one summary of
what was read, done and skipped (with reasons), each skip logged once.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from peacewatch.errors import PeacewatchError
from peacewatch.ingest.corpus import CorpusItem
from peacewatch.runner.pipeline import Failure, Pipeline, Prepared
from peacewatch.schema import Report

__all__ = ["ExtractSummary", "ReadSummary", "extract_corpus", "prepare_items", "reason_kind"]

log = logging.getLogger(__name__)

# Words of a skip reason and the class the summary counts it under, first match wins.
_REASON_CLASSES = (
    ("extraction failed", "extraction failed"), ("extraction took", "extraction failed"),
    ("unexpected error", "unexpected error"), ("not found", "missing"), ("no such file", "missing"),
    ("binary", "binary"), ("empty", "empty"),
    ("no article text", "empty"), ("english", "not English"), ("too large", "too large"), ("over", "too large"),
    ("json", "bad record"), ("record", "bad record"), ("csv", "bad record"), ("feed", "bad record"),
)


def reason_kind(reason: str) -> str:
    """A short class of a skip reason, for the summary ('binary', 'empty', 'not English' ...)."""
    text = reason.lower()
    return next((label for key, label in _REASON_CLASSES if key in text), "unreadable")


@dataclass
class ReadSummary:
    """What a reading run met: items read and those skipped, counted by class of reason."""

    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, origin: str, reason: str) -> None:
        """Count a skipped item and log it (the one log line of that skip)."""
        named = reason.startswith(origin)
        log.warning("skipped %s", reason if named else f"{origin}: {reason}")
        # The class is read from the reason alone: an origin such as 'batch.jsonl' says nothing of it.
        self.skipped[reason_kind(reason[len(origin):] if named else reason)] += 1

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def skip_reasons(self) -> str:
        """The skips by class, most frequent first ('bad record: 2, binary: 1'), or '-'."""
        return ", ".join(f"{kind}: {count}" for kind, count in self.skipped.most_common()) or "-"


@dataclass
class ExtractSummary(ReadSummary):
    """What an extract run did: items read, reports written, skips by reason."""

    extracted: int = 0

    def line(self) -> str:
        """The summary in one line: '3 read, 2 extracted, 1 skipped (empty: 1)'."""
        skips = f" ({self.skip_reasons()})" if self.skipped else ""
        return f"{self.read} read, {self.extracted} extracted, {self.skipped_total} skipped{skips}"


def prepare_items(items: Iterable[CorpusItem], pipeline: Pipeline, summary: ReadSummary, *, keep_ids: bool = False,
                  progress: Callable[[int], None] | None = None) -> Iterator[tuple[CorpusItem, Prepared]]:
    """The readable items, cleaned and checked; every other one is counted and logged as a skip.

    Args:
        items: from iter_corpus.
        pipeline: the pipeline whose `prepare` checks each article.
        summary: counts what was read and skipped.
        keep_ids: the article takes the item's own id (a record's 'id'); else the hash of its text.
        progress: called with the number of items read after each item.
    Returns:
        (item, prepared article) pairs, in input order.
    """
    for item in items:
        summary.read += 1
        if progress:
            progress(summary.read)
        if item.raw is None:
            summary.skip(item.origin, item.error or "unreadable")
            continue
        try:
            ready = pipeline.prepare(item.external_id if keep_ids else None, item.raw)
        except PeacewatchError as exc:
            summary.skip(item.origin, str(exc))
            continue
        except Exception as exc:  # a bug tripped by one input must not end the batch
            log.info("%s: unexpected error while preparing", item.origin, exc_info=True)
            summary.skip(item.origin, f"unexpected error: {type(exc).__name__}: {exc}")
            continue
        yield item, ready


def extract_corpus(items: Iterable[CorpusItem], pipeline: Pipeline, summary: ExtractSummary) -> Iterator[Report]:
    """Reports of the corpus items, in order; what cannot be read is counted and logged as a skip.

    Args:
        items: from iter_corpus; a record's own id becomes its article's id.
        pipeline: the loaded pipeline (articles are parsed `pipeline.batch_size` at a time).
        summary: counts what was read, extracted and skipped.
    Returns:
        an iterator of reports; it reads the items as it goes.
    """
    prepared = prepare_items(items, pipeline, summary, keep_ids=True)
    while batch := list(islice(prepared, pipeline.batch_size)):
        for (item, _), result in zip(batch, pipeline.read([ready for _, ready in batch]), strict=True):
            if isinstance(result, Failure):
                summary.skip(item.origin, result.error)
                continue
            summary.extracted += 1
            yield result
