"""Near-duplicate articles: a syndicated or rewritten copy of an article is found with MinHash
LSH over word pairs and linked to its original, so that it never counts as a second source.

Word pairs rather than longer shingles: a 'spun' copy that swaps one word in five keeps about
two thirds of its word pairs but under half of its word triples, while two outlets writing the
same story in their own words share few pairs either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+", re.UNICODE)
NUM_PERM = 128
THRESHOLD = 0.4
# The hashing scheme is named, so signatures stored by one version read back the same in the next.
SCHEME = "affine32"
DTYPE = np.uint32


def shingles(text: str) -> set[bytes]:
    """The article's word pairs, lower-cased."""
    words = WORD.findall(text.lower())
    if len(words) < 2:
        return {w.encode() for w in words}
    return {f"{a} {b}".encode() for a, b in zip(words, words[1:], strict=False)}


def signature(text: str) -> MinHash:
    """The MinHash of an article's clean text."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(DTYPE).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=DTYPE).copy())


class CopyIndex:
    """The articles seen so far, searchable for near-copies.

    Args:
        threshold: the estimated word-pair Jaccard similarity from which an article is a copy.
    """

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.mark: str | None = None  # the latest time of storing among the stored articles indexed
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}
        self._roots: dict[str, str] = {}
        self._order: dict[str, int] = {}  # when each article was indexed, to break ties

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._hashes

    def add(self, article_id: str, minhash: MinHash, copy_of: str | None = None) -> None:
        """Index an article; `copy_of` names its original when it is a copy."""
        if article_id in self._hashes:
            return
        self._lsh.insert(article_id, minhash)
        self._hashes[article_id] = minhash
        self._order[article_id] = len(self._order)
        self._roots[article_id] = self._roots.get(copy_of, copy_of) if copy_of else article_id

    def find_original(self, minhash: MinHash) -> tuple[str, float] | None:
        """The original an article copies, with the estimated similarity, or None.

        The original is the earliest-indexed article of the most similar one's family, so a copy
        of a copy points at the first telling; of equally similar ones, the earliest-indexed wins
        (the LSH returns candidates as a set, whose order changes with the hash seed)."""
        best: tuple[str, float] | None = None
        for candidate in sorted(self._lsh.query(minhash), key=self._order.__getitem__):
            similarity = minhash.jaccard(self._hashes[candidate])
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (candidate, similarity)
        if best is None:
            return None
        return self._roots.get(best[0], best[0]), best[1]


    def catch_up(self, rows: Iterable[tuple[str, bytes, str | None, str]]) -> int:
        """Index stored articles (id, serialised MinHash, original, time stored), in the order
        they were stored, and move the mark to the latest; those indexed already are passed over.
        Returns how many were new to the index."""
        before = len(self)
        for article_id, data, copy_of, stored_at in rows:
            if article_id not in self._hashes:
                self.add(article_id, from_bytes(data), copy_of)
            self.mark = max(self.mark or stored_at, stored_at)
        return len(self) - before

    def staged(self) -> StagedCopies:
        """A batch's copy links, found against this index and each other, kept out of it until
        the batch is stored (StagedCopies.apply)."""
        return StagedCopies(self)


class StagedCopies:
    """A batch's articles linked to their originals without changing the index: what is not
    stored does not stay indexed (a batch that fails leaves the index as the store is)."""

    def __init__(self, index: CopyIndex):
        self.index = index
        self._batch = CopyIndex(index.threshold)

    def link(self, article_id: str, minhash: MinHash) -> tuple[str, float] | None:
        """The original the article copies, among the index and the batch's earlier articles
        (the index's first when equally similar: it was stored before), with the similarity."""
        found = self.index.find_original(minhash)
        own = self._batch.find_original(minhash)
        if own is not None and (found is None or own[1] > found[1]):
            found = own
        self._batch.add(article_id, minhash, found[0] if found else None)
        return found

    def apply(self, stored_at: str | None = None) -> None:
        """Index the batch's articles, once they are stored (at `stored_at`)."""
        for article_id in sorted(self._batch._order, key=self._batch._order.__getitem__):
            root = self._batch._roots[article_id]
            self.index.add(article_id, self._batch._hashes[article_id], None if root == article_id else root)
        if stored_at is not None:
            self.index.mark = max(self.index.mark or stored_at, stored_at)


def index_of(signatures: Iterable[tuple[str, bytes, str | None]], threshold: float | None = None) -> CopyIndex:
    """A copy index of stored articles: (article id, serialised MinHash, the original it copies),
    oldest first so that originals come before their copies (Store.signatures gives them so)."""
    index = CopyIndex(threshold) if threshold else CopyIndex()
    for article_id, data, copy_of in signatures:
        index.add(article_id, from_bytes(data), copy_of)
    return index
