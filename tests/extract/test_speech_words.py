"""The speech-act readers see the tokens that bear their words, in text order, however the words
were found (tests of extract/speech.py's word index on sentences written for them)."""

import pytest

from peacewatch.extract.lexicon import get_lexicon


@pytest.mark.parametrize("text", [
    "The minister blamed the rebels and said they bear responsibility for the blame game.",
    "Officials said the talks were postponed, and the postponement angered the envoys who had postponed trips.",
    "Nothing here bears any word of a speech act at all.",
])
def test_readers_get_each_token_of_their_words_once_in_order(nlp, text):
    from peacewatch.extract.speech import _READERS, _bearing, _reader_words, _readers_with_words, _words_of

    lex = get_lexicon()
    doc = nlp(text)
    sent = next(iter(doc.sents))
    words = _words_of(sent, _reader_words(lex))
    assert [(r, set(w)) for r, w in _readers_with_words(lex)] == [(r, set(read(lex))) for r, read in _READERS]
    for _, wanted in _readers_with_words(lex):
        found = _bearing(words, wanted)
        # every token bearing a wanted lemma or lower-case form, once, in the order of the text
        expected = [t for t in sent if t.lemma_.lower() in wanted or t.lower_ in wanted]
        assert [t.i for t in found] == [t.i for t in expected]
