"""grammar.py's helpers: the word a name is hyphened to ('US-led', 'Iran -backed')."""

import pytest

from peacewatch.grammar import hyphen_suffix, hyphened_word


@pytest.mark.parametrize(("text", "name_end", "expected", "comment"), [
    ("US-led strikes hit the port.", 1, "led", "the tokenizer splits the hyphen between two words"),
    ("an Iran-backed militia", 2, "backed", "after a name inside a phrase"),
    ("Russian -backed separatists", 1, "backed", "a hyphen after a space stays on its word"),
    ("US forces left.", 1, None, "no hyphen after the name"),
    ("They left the US-", 4, None, "a hyphen that ends the text joins no word"),
])
def test_hyphen_suffix(nlp, text, name_end, expected, comment):
    doc = nlp(text)
    assert hyphen_suffix(doc, name_end) == expected, f"{comment}: {[t.text for t in doc]}"


def test_hyphened_word_is_the_token_after_the_hyphen(nlp):
    doc = nlp("US-led strikes hit the port.")
    assert hyphened_word(doc, 1).i == 2
