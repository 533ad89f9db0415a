"""The per-doc word table (nlp.words) that phrase reading uses: each list says what the Token says, the root of
a range is spaCy's, a window's lexicon entry is what the separate look-ups give, and the person
index reads its people when it is first used, as it would have at once."""

import pytest

from peacewatch.extract import actors
from peacewatch.extract.countries import lookup_country, normalize_text
from peacewatch.nlp import words as word_table

TEXTS = [
    "Chilean President Jane Roe said on Monday that the army of Peru had shelled the town.",
    "The rebels, who control the north, accused the UN envoy to Bolivia, John Doe, of bias.",
    "Iran-backed fighters fired two missiles at a Chilean-owned tanker near the port of Lima.",
    "Mr. Smith's aide, a former Kenyan police commander, met leaders of the Andean Community in Quito.",
    "",
]


@pytest.fixture(scope="module")
def docs(nlp):
    return [nlp(text) for text in TEXTS]


def test_lists_say_what_the_tokens_say(docs):
    for doc in docs:
        words = word_table(doc)
        assert words is word_table(doc)  # made once per doc
        assert len(words.tokens) == len(doc)
        for token in doc:
            i = token.i
            assert words.lower[i] == token.lower_
            assert words.lemma[i] == token.lemma_.lower()
            assert words.pos[i] == token.pos
            assert bool(words.punct[i]) == token.is_punct
            assert words.ent[i] == token.ent_type
            assert words.dep[i] == token.dep
            assert bool(words.space[i]) == bool(token.whitespace_)
            assert i + words.head[i] == token.head.i


def test_root_of_every_range_is_spacys(docs):
    for doc in docs:
        words = word_table(doc)
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                assert actors._root(words, start, end) == doc[start:end].root.i, (start, end)


def test_segments_split_at_the_marks(docs):
    doc = docs[1]
    words = word_table(doc)
    parts = actors._segments(words, 0, len(doc))
    assert [doc[s:e].text for s, e in parts] == [
        "The rebels", "who control the north", "accused the UN envoy to Bolivia", "John Doe", "of bias."]


@pytest.mark.parametrize("text, lemma", [
    ("Peru", "peru"), ("the Chileans", "chilean"), ("UN", "un"), ("the army", "army"),
    ("soldiers", "soldier"), ("said", "say"), ("Mongolian", "mongolian"), ("", ""),
])
def test_window_entry_is_the_lookups(text, lemma):
    """What _window_entry keeps is the first of organisation, country word (not after 'the'),
    region and role that the separate look-ups find."""
    key = normalize_text(text)
    entry = actors._window_entry(text, lemma)
    org = actors.lookup_organisation(key)
    hit = lookup_country(key)
    region = actors._REGION_WORDS.get(key)
    role = actors._role_words(key, lemma)
    if org is not None:
        assert entry == (org, None, None, None)
    elif hit is not None and not key.lower().startswith("the "):
        assert entry == (None, hit, None, None)
    elif region is None and role is None:
        assert entry is None
    else:
        assert entry == (None, None, region, role)


def test_person_index_reads_its_people_at_first_use(nlp):
    doc = nlp("Kenyan President Jane Roe met the envoy. Roe said the talks would go on. "
              "Foreign Minister John Doe agreed.")
    index = actors.build_person_index(doc)
    assert index._fill is not None  # nothing read yet
    info = index.lookup("Ms. Roe")
    assert index._fill is None
    assert info is not None and info.name == "Jane Roe" and info.country == "KEN" and info.sector == "GOV"
    assert len(index) == 2
    eager = actors.PersonIndex()
    actors._read_people(doc, eager)
    assert {k: vars(v) for k, v in eager._people.items()} == {k: vars(v) for k, v in index._people.items()}
