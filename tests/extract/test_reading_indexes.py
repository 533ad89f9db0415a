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
