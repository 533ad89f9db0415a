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


def index_of(signatures: Iterable[tuple[str, bytes, str | None]], threshold: float | None = None) -> CopyIndex:
    """A copy index of stored articles: (article id, serialised MinHash, the original it copies),
    oldest first so that originals come before their copies (Store.signatures gives them so)."""
    index = CopyIndex(threshold) if threshold else CopyIndex()
    for article_id, data, copy_of in signatures:
        index.add(article_id, from_bytes(data), copy_of)
    return index
