"""The readers of places and times that read a doc through its table of words (nlp.words) and
per-doc indexes find what the Token-by-Token readings find: the site nouns and settlement nouns,
the towns introduced by name, the nouns of a kind of place, the heads of a future auxiliary and
the country before a named day. Sentences written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.extract import context, events, places
from peacewatch.extract.places import site_of_noun
from peacewatch.resolve.place import anaphor_precision, is_capital_noun, may_end_site

TEXTS = [
    "Drones struck two air bases and the port of Adrava on Monday, and the town's crossings were shut.",
    "Rebels stormed the village of Kelmor, near the capital, and the Somali town of Barrow fell.",
    "The army will attack the city, officials said, and the troops shall leave the province by May.",
    "Polish Independence Day falls on Saturday; the Ukrainian capital's airports stay closed.",
    "In the hamlet of Old Vester, the settlement and its camps were shelled again.",
    "",
]


@pytest.fixture(scope="module")
def docs(nlp):
    return [nlp(text) for text in TEXTS]


def _site_nouns_by_tokens(doc):
    sites, settled = [], []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue
        lemma = token.lemma_.lower()
        site = may_end_site(token.lower_) and site_of_noun(token) is not None
        if site:
            sites.append(token.i)
        if token.pos_ == "NOUN" and (site or anaphor_precision(lemma) == "city" and not is_capital_noun(lemma)):
            settled.append(token.i)
    return sites, settled


def test_site_nouns_are_those_of_every_token(docs):
    for doc in docs:
        found = places._find_site_nouns(doc)
        assert (found.sites, found.settled) == _site_nouns_by_tokens(doc)
    assert any(places._find_site_nouns(doc).sites for doc in docs)


def test_nouns_of_a_kind_of_place_are_those_of_every_token(docs):
    for doc in docs:
        assert events._place_kind_nouns(doc) == [t.i for t in doc if anaphor_precision(t.lemma_.lower())]
    assert events._place_kind_nouns(docs[1])


def test_introduced_towns_are_read_at_every_proper_noun_after_of(docs, monkeypatch):
    seen = []

    def proper_name(token):
        seen.append(token.i)
        return token.doc[token.i:token.i + 1]

    monkeypatch.setattr(places, "_proper_name", proper_name)
    for doc in docs:
        seen.clear()
        places._find_introductions(doc, context.new_context(doc, None))
        assert seen == [t.i for t in doc if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ == "of"]


def _is_future_by_children(token):
    node = token
    for _ in range(6):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in node.children):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def test_a_future_is_read_up_the_heads_as_through_the_children(docs):
    for doc in docs:
        assert [context._is_future(t) for t in doc] == [_is_future_by_children(t) for t in doc]
    assert context._is_future(docs[2][3])  # 'attack', under 'will'


def test_the_country_before_a_day_is_read_from_its_entity_words(docs):
    doc = docs[3]
    day = next(t.i for t in doc if t.text == "Independence")
    assert context._country_before(doc[day:day + 2]) == context.first_country([*reversed(doc[max(day - 3, 0):day]),
                                                                               *doc[day:day + 2]])
    for doc in docs:
        for start in range(len(doc)):
            span = doc[start:start + 1]
            assert context._country_before(span) == context.first_country(
                [*reversed(list(doc[max(start - 3, 0):start])), *span])
