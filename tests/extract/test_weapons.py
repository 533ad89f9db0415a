"""Weapons: names, counts and models in a sentence, and the ASSAULT mode of attack words."""

import pytest

from peacewatch.extract.weapons import find_weapons, load_weapon_lexicon, mode_of_words, weapon_mode

# (sentence, [(name, count, model)], case)
WEAPONS = [
    ("Russia launched two Iskander ballistic missiles at the city.",
     [("ballistic missile", 2, "Iskander")], "count, model and a multi-word name"),
    ("Ballistic missiles hit the town.", [("ballistic missile", None, None)], "plural without a count"),
    ("A glide bomb struck the school.", [("glide bomb", 1, None)], "indefinite article counts one"),
    ("Shahed drones attacked the port overnight.", [("drone", None, "Shahed")],
     "model before a generic name"),
    ("The army launched 80 drones and seven missiles.",
     [("drone", 80, None), ("missile", 7, None)], "two coordinated weapons"),
    ("Forces fired five Kalibrs and a Kh-101 cruise missile.",
     [("cruise missile", 5, "Kalibr"), ("cruise missile", 1, "Kh-101")],
     "plural model alone; hyphenated model"),
    ("The missiles carried cluster munitions; the ballistic missiles were Iskander-M.",
     [("cluster munition", None, None), ("ballistic missile", None, "Iskander")],
     "variant suffix dropped; a bare generic yields to the specific weapon"),
    ("Forces are launching large Iskander ballistic missiles, each weighing over 450kg.",
     [("ballistic missile", None, "Iskander")],
     "adjective between determiner and model; a weight is no count"),
    ("The army fired more than 100 rockets into the town.", [("rocket", 100, None)], "hedged count"),
    ("Troops used mortars and artillery.", [("mortar", None, None), ("artillery", None, None)], "mass noun"),
    ("Gunmen with assault rifles opened fire, and an IED exploded.",
     [("rifle", None, None), ("improvised explosive device", 1, None)], "abbreviation alias"),
    ("They fired a barrage of missiles.", [("missile", None, None)], "'a' before a plural counts nothing"),
    # Negative cases: no weapon.
    ("The Lancet reported on the study.", [], "an ambiguous model name without weapon context"),
    ("A suicide bomber blew himself up.", [], "'suicide bomber' is an attacker, not a warplane"),
    ("Heavy firing was reported.", [], "an attack word is not a weapon"),
    ("The minister visited a think tank.", [], "'think tank' is not a tank"),
]


@pytest.mark.parametrize("text, expected, case", WEAPONS, ids=[c for _, _, c in WEAPONS])
def test_find_weapons(nlp, text, expected, case):
    found = find_weapons(nlp(text)[:])
    assert [(w.name, w.count, w.model) for w in found] == expected


MODES = [
    ("shelling", "heavy-weapons", "artillery attack noun"),
    ("airstrike", "aerial", "closed compound"),
    ("air strike", "aerial", "open compound"),
    ("drone attack", "drone", "phrase with the platform"),
    ("firing", "firearms", "gunfire noun"),
    ("explosions", "explosives", "plural attack noun"),
    ("ballistic missile", "heavy-weapons", "a weapon name"),
    ("Shahed", "drone", "a model name"),
    ("gunmen", "firearms", "irregular plural of an attacker"),
    ("raid", "ground", "ground attack"),
    ("strike", None, "a generic trigger has no mode"),
]


@pytest.mark.parametrize("word, mode, case", MODES, ids=[c for _, _, c in MODES])
def test_weapon_mode(word, mode, case):
    assert weapon_mode(word) == mode


MODE_LISTS = [
    (["strike", "ballistic missile"], "heavy-weapons", "generic trigger, the weapon decides"),
    (["attack", "drone"], "drone", "generic trigger with a drone"),
    (["airstrike", "missile"], "aerial", "the trigger's own mode comes first"),
    (["ground and aerial assaults"], "ground", "coordinated modes: the first named wins"),
    (["coordinated ground and aerial assaults"], "ground", "a modifier before the modes"),
    (["attack"], None, "nothing known"),
    ([], None, "empty"),
]


@pytest.mark.parametrize("words, mode, case", MODE_LISTS, ids=[c for _, _, c in MODE_LISTS])
def test_mode_of_words(words, mode, case):
    assert mode_of_words(words) == mode


def test_lexicon_is_consistent():
    lex = load_weapon_lexicon()
    assert set(lex.weapon_modes.values()) <= lex.modes
    assert set(lex.attack_modes.values()) <= lex.modes
    assert all(model.weapon in lex.weapon_modes for model in lex.models.values())
