"""The per-doc indexes and compiled patterns the readers of claims, agreements and weapons use to
skip work: each gives exactly what the plain token-by-token reading gives (sentences of our own)."""

from __future__ import annotations

import pytest

from peacewatch.extract import quotes, weapons
from peacewatch.grammar import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT_QUOTES

TEXTS = [
    "The envoy said “we will wait” and left. \"Not now,\" she said.\n\nHe wrote: “Talks go on\n\nThey ended.",
    "‘Stop,’ the officer’s aide said. “He said ‘never’ twice,” she added, “and then he left.”",
    "\"One\" and \"two\" and \"three.\" An open \"quotation runs on\nand stops here.",
    "“Nested “twice” marks” are odd ” closing first “ and opening last",
    "No quotation at all in this plain sentence about a ceasefire.",
    "",
]


def _quoted_by_walk(doc) -> set[int]:
    """The quoted tokens as a walk over every token reads them (the reference)."""
    inside: set[int] = set()
    open_at, open_single, straight_open = None, False, False
    for token in doc:
        text = token.text
        if "\n" in text:
            open_at, straight_open = None, False
            continue
        single = text in ("‘", "’")
        if text in OPEN_QUOTES and text != "’" and open_at is None:
            open_at, open_single = token.i, single
        elif text in CLOSE_QUOTES and text != "‘" and open_at is not None and single == open_single:
            open_at = None
        elif text in STRAIGHT_QUOTES:
            straight_open = not straight_open
        elif open_at is not None or straight_open:
            inside.add(token.i)
    return inside


@pytest.mark.parametrize("text", TEXTS)
def test_quoted_tokens_are_those_of_a_walk_over_every_token(nlp, text):
    doc = nlp(text)
    assert quotes._quoted_tokens(doc) == _quoted_by_walk(doc)


@pytest.fixture(scope="module")
def plain_lexicon():
    """The weapon lexicon with its names as flat lists, longest first (the reference)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(weapons, "_alternatives", "|".join)
        return weapons.load_weapon_lexicon.__wrapped__()


WEAPON_TEXTS = [
    "Two ballistic missiles and a missile hit the depot; ballisticmissiles too.",
    "Anti-tank guided missiles, anti-aircraft guns and a car bomb were found near the tanks.",
    "The drone-strike and drones struck; a Drone Swarm and kamikaze drones followed.",
    "Artillery shells, shelling and a shell-shocked town; mortars and MORTAR rounds.",
    "Iskander-M and Kh-101 missiles, Shahed-136s, a Storm Shadow, Grad rockets and Grads; grad is lower.",
    "No weapon is named in this sentence, only a carpet and a gasket.",
]


@pytest.mark.parametrize("text", WEAPON_TEXTS)
def test_the_weapon_patterns_match_as_the_flat_lists(plain_lexicon, text):
    lex = weapons.load_weapon_lexicon()
    for grouped, plain in ((lex.weapon_pattern, plain_lexicon.weapon_pattern),
                           (lex.model_pattern, plain_lexicon.model_pattern)):
        assert grouped.pattern != plain.pattern  # the names are grouped by their first character
        assert [(m.span(), m.groups()) for m in grouped.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_names_of_another_first_character_keep_the_flat_list():
    assert weapons._alternatives(["Grad", "Geran", "Kh\\-101"]) == "G(?:rad|eran)|K(?:h\\-101)"
    assert weapons._alternatives(["missile", "\\-bomb"]) == "missile|\\-bomb"
    assert weapons._alternatives(["Grad", "gun"]) == "Grad|gun"  # first letters differing in case only


CLAIM_TEXTS = [
    "The minister said that he would not say whether the talks, which he said had failed, would resume.",
    "According to the governor, the army said it had not shelled the town, while rebels said it did.",
    "If the envoy says so, the council should say nothing; say it again, the mayor urged.",
    "The spokesman, who denied the claims, added that the strike, a claim the army rejected, killed 12.",
]


def _nested_by_tokens(verb, lex) -> bool:
    """claims._nested_in_speech read through Token objects (the reference)."""
    from peacewatch.extract import claims

    if claims._own_account(verb) or claims._second_act(verb, lex) is not None:
        return False
    node = verb
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in lex.verb_kinds and node.head.i < verb.i:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lower_ == "according":
            return True
        node = node.head
    return False


def _asserted_by_tokens(verb) -> bool:
    """claims._is_asserted read through Token objects (the reference)."""
    from peacewatch.grammar import CONDITION_MARKS, HYPOTHETICAL_MODALS

    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_MODALS for c in children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children):
        return False
    return not (verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in children) and verb.dep_ in ("xcomp", "ROOT"))


@pytest.mark.parametrize("text", CLAIM_TEXTS)
def test_claim_readings_through_the_word_table_agree_with_tokens(nlp, text):
    from peacewatch.extract import claims

    lex = claims.claim_lexicon()
    doc = nlp(text)
    for token in doc:
        assert claims._nested_in_speech(token, lex) == _nested_by_tokens(token, lex), token.text
        assert claims._is_asserted(token) == _asserted_by_tokens(token), token.text
    for sent in doc.sents:
        tokens = list(sent)
        trimmed = claims._trim(list(reversed(tokens)))
        assert trimmed == sorted(trimmed, key=lambda t: t.i) and set(trimmed) <= set(tokens)
        assert claims._content_words(tokens) == {t.lemma_.lower() for t in tokens if not t.is_stop
                                                 and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")}
        assert claims._content_words_between(doc, sent.start, sent.end) == claims._content_words(tokens)


def test_quoted_tokens_stay_right_when_the_known_forms_are_emptied(nlp, monkeypatch):
    monkeypatch.setattr(quotes, "MAX_KNOWN_FORMS", 3)
    for text in TEXTS:
        doc = nlp(text)
        assert quotes._quoted_tokens(doc) == _quoted_by_walk(doc)
        assert len(quotes._QUOTE_MARKS) <= 3 + len(set(t.lower_ for t in doc))


def _idiom_by_words(start, end, first, lower) -> int:
    """counts._idiom_words_before as a test of each idiom word by word (the reference)."""
    from peacewatch.extract.counts import _IDIOMS

    for phrase in _IDIOMS:
        for n in range(len(phrase) - 1, 0, -1):
            rest = len(phrase) - n
            if (start - n >= first and rest <= end - start
                    and all(lower(start - n + k) == phrase[k] for k in range(n))
                    and all(lower(start + k) == phrase[n + k] for k in range(rest))):
                return n
    return 0


@pytest.mark.parametrize("text", ["about half a dozen men", "a quarter of a million people fled", "a quarter million",
                                  "half a billion", "dozen", "half a", "some 40 people and a half"])
def test_idiom_words_before_a_count_are_those_word_by_word(text):
    from peacewatch.extract.counts import _idiom_words_before

    words = text.split()
    for first in range(len(words)):
        for start in range(first, len(words)):
            for end in range(start, len(words) + 1):
                assert _idiom_words_before(start, end, first, words.__getitem__) == \
                    _idiom_by_words(start, end, first, words.__getitem__), (first, start, end)
