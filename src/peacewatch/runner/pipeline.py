"""Pipeline: articles in, reports out, in batches through one spaCy pipeline.

`extract()` reads one article; `Pipeline.run()` reads many, logging and skipping the ones that
cannot be read so that one bad input never stops a batch.
"""

from __future__ import annotations

import hashlib
import logging
import re
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from peacewatch.errors import InputError, PeacewatchError
from peacewatch.extract.actors import ruler_patterns as actor_patterns
from peacewatch.extract.agreements import extract_agreements
from peacewatch.extract.claims import extract_claims
from peacewatch.extract.context import new_context
from peacewatch.extract.events import extract_events
from peacewatch.ingest import RawArticle, load_html, load_text, normalise_published
from peacewatch.ingest.clean import clean_text
from peacewatch.nlp import add_pattern_source, get_nlp
from peacewatch.resolve.place import ruler_patterns as place_patterns
from peacewatch.schema import Article, Report
from peacewatch.settings import current_settings

log = logging.getLogger(__name__)

# The known entities the process-wide pipeline labels: the gazetteer's places, then the actor
# lexicons' organisations, countries and roles.
add_pattern_source(place_patterns)
add_pattern_source(actor_patterns)

# Articles parsed together: spaCy's cost per article falls with the batch (bench/scale.py: 64
# short articles a batch parse some 10% faster than 16).
BATCH_SIZE = 64
# Longest text handed to spaCy at once (its parser needs about 1 GB per 100k characters); a
# longer article is read up to the last paragraph break before this, and says so in a warning.
MAX_NLP_CHARS = 200_000
# Most characters parsed in one batch: the model's working memory grows with the characters it
# parses together (about 3 MB per 1,000: one 200k-character text alone took it from 380 MB to
# 1 GB, two in one batch to 1.6 GB), so batches stop here and long texts are parsed in pieces.
MAX_BATCH_CHARS = 100_000
# Longest piece of a text parsed at once: a longer text is cut after line breaks (paragraphs
# first) into pieces, parsed in batches like short texts and joined back into one Doc with the
# same text and tokens (a sentence never spans a line break: see nlp.mark_paragraphs).
MAX_PIECE_CHARS = 20_000


@dataclass
class Failure:
    """An input that could not be read, and why."""

    id: str | None
    error: str


# English running text is about 40% function words; below this share a text of some length is
# taken for another language (the English pipeline would read it as noise).
MIN_ENGLISH_SHARE = 0.12
MIN_WORDS_TO_JUDGE = 30  # a headline alone (few function words) is not judged
WORD = re.compile(r"[^\W\d_]+")


def check_english(text: str) -> None:
    """Raise InputError when a text of some length is plainly not English."""
    words = WORD.findall(text[:20_000].lower())
    if len(words) < MIN_WORDS_TO_JUDGE:
        return
    share = sum(word in STOP_WORDS for word in words) / len(words)
    if share < MIN_ENGLISH_SHARE:
        raise InputError(f"the text does not look like English ({share:.0%} English function words); "
                         "peacewatch reads English only")


def article_id(text: str) -> str:
    """The id of an article: a hash of its clean text, so re-ingesting it is idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]




@dataclass
class Prepared:
    """An article cleaned and checked, with the text to parse and its publication date."""

    article: Article
    text: str
    published: date | None


class Pipeline:
    """Reads articles into reports with one loaded spaCy pipeline."""

    def __init__(self, nlp: Language | None = None, batch_size: int = BATCH_SIZE,
                 article_timeout: float | None = None):
        self._nlp = nlp
        self.batch_size = batch_size
        self.article_timeout = article_timeout if article_timeout is not None else current_settings().article_timeout

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline: the one given, else the process-wide one, loaded on first use (a
        pipeline that only prepares articles, or reads them elsewhere, never loads it)."""
        if self._nlp is None:
            self._nlp = get_nlp()
        return self._nlp

    def run(self, items: Iterable[tuple[str | None, RawArticle]]) -> Iterator[Report | Failure]:
        """Reports for (id, raw article) pairs, in order; a Failure for each one that fails."""
        prepared: list[Prepared | Failure] = []
        for item_id, raw in items:
            try:
                prepared.append(self.prepare(item_id, raw))
            except PeacewatchError as exc:
                log.warning("skipped %s: %s", item_id or "article", exc)
                prepared.append(Failure(item_id, str(exc)))
        return self.read(prepared)

    def read(self, prepared: Sequence[Prepared | Failure]) -> Iterator[Report | Failure]:
        """Parse prepared articles in batches and read each into its report (Failures pass through)."""
        docs = self._parse(p.text for p in prepared if not isinstance(p, Failure))
        for item in prepared:
            if isinstance(item, Failure):
                yield item
                continue
            doc = next(docs)
            try:
                with time_limit(self.article_timeout):
                    yield_report = read_doc(item.article, doc, item.published)
            except ArticleTimeout:
                log.warning("extraction of %s stopped after %s s", item.article.id, self.article_timeout)
                yield Failure(item.article.id, f"extraction took over {self.article_timeout} s (skipped)")
                continue
            except Exception as exc:  # one article's failure must not end the batch
                log.exception("extraction failed for %s", item.article.id)
                yield Failure(item.article.id, f"extraction failed: {exc}")
                continue
            yield yield_report

    def _parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Docs for texts, in order: each text cut into pieces of at most MAX_PIECE_CHARS, the
        pieces parsed in batches, and a text's pieces joined back into its Doc."""
        sizes: deque[int] = deque()  # pieces of each text whose Doc is not yet whole
        parsed: list[Doc] = []
        for doc in self._parse_pieces(_pieces(texts, sizes)):
            parsed.append(doc)
            while sizes and len(parsed) >= sizes[0]:
                count = sizes.popleft()
                whole, parsed = parsed[:count], parsed[count:]
                yield whole[0] if count == 1 else Doc.from_docs(whole, ensure_whitespace=False)

    def _parse_pieces(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Docs for texts, in order, parsed in batches of at most `batch_size` texts and
        MAX_BATCH_CHARS characters."""
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and (len(batch) >= self.batch_size or size + len(text) > MAX_BATCH_CHARS):
                yield from self.nlp.pipe(batch, batch_size=len(batch))
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        if batch:
            yield from self.nlp.pipe(batch, batch_size=len(batch))

    def prepare(self, item_id: str | None, raw: RawArticle) -> Prepared:
        """Clean an article and check it can be read, before any parsing.

        Raises:
            InputError: nothing is left once boilerplate is removed, or the text is not English.
        """
        cleaned = clean_text(raw.text)
        if not cleaned.text.strip():
            raise InputError("no article text is left once boilerplate is removed")
        check_english(cleaned.text)
        published = normalise_published(raw.published)
        text, warnings = cleaned.text, list(raw.warnings)
        if len(text) > MAX_NLP_CHARS:
            cut = text.rfind("\n\n", 0, MAX_NLP_CHARS)
            text = text[: cut if cut > 0 else MAX_NLP_CHARS]
            warnings.append(f"text of {len(cleaned.text)} characters read up to character {len(text)}")
            log.warning("article %s: %s", item_id or "?", warnings[-1])
        article = Article(
            id=item_id or article_id(cleaned.text), title=raw.title, url=raw.url, source=raw.source,
            published=published, boilerplate=cleaned.boilerplate, warnings=warnings,
        )
        return Prepared(article, text, date.fromisoformat(published) if published else None)


def _pieces(texts: Iterable[str], sizes: deque[int]) -> Iterator[str]:
    """The pieces of each text in turn, each text's count put in `sizes` before its pieces."""
    for text in texts:
        pieces = split_text(text, MAX_PIECE_CHARS)
        sizes.append(len(pieces))
        yield from pieces


def split_text(text: str, limit: int) -> list[str]:
    """The text cut into pieces of at most `limit` characters that join back into it: each cut
    follows the last paragraph break before the limit, else the last line break, else the last
    space (a piece ends with the whole run of breaks or spaces it cuts after)."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = next((at for at in (window.rfind("\n\n"), window.rfind("\n"), window.rfind(" ")) if at > 0), limit)
        while cut < len(window) and window[cut] in "\n ":
            cut += 1
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


class ArticleTimeout(Exception):
    """Reading one article took longer than the setting allows."""


@contextmanager
def time_limit(seconds: float | None):
    """Raise ArticleTimeout in the block after `seconds` (0 or None: no limit). The alarm works in
    the main thread of a process on POSIX systems, where batch ingest and the CLI run; elsewhere
    (the service's worker threads) the block runs unbounded."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(_signum, _frame):
        raise ArticleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_doc(article: Article, doc: Doc, published: date | None) -> Report:
    """The report of one parsed article: its events, claims and agreements."""
    ctx = new_context(doc, published)
    events = extract_events(doc, published, ctx=ctx)
    claims = extract_claims(doc, ctx, events)
    agreements = extract_agreements(doc, ctx, events, claims)
    return Report(article=article, events=events, claims=claims, agreements=agreements)


def extract(text: str, published: str | date | None = None, title: str | None = None, url: str | None = None,
            source: str | None = None, html: bool = False, id: str | None = None) -> Report:
    """Read one article into its report.

    Args:
        text: the article's text (or its HTML page when html=True).
        published: publication date (YYYY-MM-DD or a date), against which relative dates resolve.
        title, url, source: metadata to carry into the report.
        id: the article's id; by default a hash of its clean text.
    Returns:
        the article's Report.
    Raises:
        InputError: when the text cannot be read as an article.
    """
    loader = load_html if html else load_text
    raw = loader(text, published=published, title=title, url=url, source=source)
    result = next(Pipeline().run([(id, raw)]))
    if isinstance(result, Failure):
        raise InputError(result.error)
    return result
