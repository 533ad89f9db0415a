"""The context helpers that read the parse through the doc's tables (nlp.words, nlp.child_indices)
give what reading Token objects gives: each token's children, a participant's phrase, whether it
names a person, and a sentence's subjects."""

import pytest
from spacy.tokens import Doc, Span, Token

from peacewatch.extract import context
from peacewatch.extract.actors import PersonIndex
from peacewatch.extract.mentions import hyphen_pair, split_named_coordination
from peacewatch.grammar import MEMBER_PREPS
from peacewatch.nlp import child_indices
from peacewatch.schema import Actor

TEXTS = [
    "Chilean President Jane Roe said on Monday that the army of Peru, which denies it, had shelled the town.",
    "Officials including John Doe and Mary Major met the leaders of four countries in Quito.",
    "Its air defence systems downed two Peruvian attack drones and a cruise missile over the capital.",
    "The rebels, who control the north, said their fighters and soldiers of the army clashed near Lima.",
    "He said they would respond; thousands of students marched, and the militants' car bomb exploded.",
    "",
]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(TEXTS))  # (the last is empty: no children, no phrases)


def _phrase_from_tokens(token: Token) -> Span:
    """The phrase as read through Token.subtree (the reading context.phrase keeps)."""
    subtree = list(token.subtree)
    cut: set[int] = set()
    for inner in subtree:
        if inner.i == token.i or inner.i in cut:
            continue
        if inner.dep in context._CUT_DEP_IDS or (inner.dep_ == "prep" and inner.lower_ in MEMBER_PREPS):
            cut.update(t.i for t in inner.subtree)
    keep = [t.i for t in subtree if t.i not in cut]
    start, end = min(keep), max(keep) + 1
    doc = token.doc
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def test_children_are_the_tokens_children(docs):
    for doc in docs:
        kids = child_indices(doc)
        assert kids is child_indices(doc)  # made once per doc
        assert len(kids) == len(doc)
        for token in doc:
            assert kids[token.i] == [child.i for child in token.children]


def test_phrase_is_the_subtree_without_its_cut_words(docs):
    for doc in docs:
        for token in doc:
            if split_named_coordination(token) or hyphen_pair(token) is not None:
                continue  # (read by mentions.py, not from the subtree)
            found, expected = context.phrase(token), _phrase_from_tokens(token)
            assert (found.start, found.end) == (expected.start, expected.end), token.text


def test_a_phrase_names_a_thing_as_its_words_say(docs):
    things = [token.text for doc in docs for token in doc if context.names_thing(token)]
    assert "systems" in things and "drones" in things and "bomb" in things
    assert "fighters" not in things and "students" not in things


def test_is_person_reads_the_entity_labels_of_its_phrase(docs):
    doc = docs[0]
    roe = next(t for t in doc if t.text == "Roe")
    army = next(t for t in doc if t.text == "army")
    person = Actor(text="Jane Roe", name="Jane Roe", country=None, sector=None)
    assert context.is_person(person, roe)
    assert not context.is_person(person, army)


def test_a_sentence_s_subjects_are_its_non_pronoun_subjects(docs):
    for doc in docs[:-1]:
        ctx = context.ArticleContext(doc=doc, published=None, countries=[], persons=PersonIndex())
        salient: list[Token] = []
        for sent in doc.sents:
            context.remember_subjects(sent, ctx, salient)
        expected = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"]
        assert [t.i for t in salient] == [t.i for t in expected]


def test_an_empty_doc_has_no_children(nlp):
    doc: Doc = nlp("")
    assert child_indices(doc) == []
