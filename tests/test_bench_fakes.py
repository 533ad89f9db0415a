"""bench/eval_fakes.py --actors: how an actor of a report falls in one of FA-KES's actor classes."""

import importlib.util
from pathlib import Path

import pytest

from peacewatch.schema import Actor

_PATH = Path(__file__).resolve().parents[1] / "bench" / "eval_fakes.py"


@pytest.fixture(scope="module")
def fakes():
    spec = importlib.util.spec_from_file_location("eval_fakes", _PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _actor(text, name, country, sector):
    return Actor(text=text, name=name, country=country, sector=sector)


# (actor: text, name, country, sector; expected class; the point)
CASES = [
    (("Russian warplanes", "Russia", "RUS", "MIL"), "government", "a state's forces: by country and sector"),
    (("the regime", "regime", "SYR", "GOV"), "government", "the Syrian government"),
    (("US-led coalition", "US-led coalition", None, "MIL"), "coalition", "a body named a coalition"),
    (("French jets", "France", "FRA", "MIL"), "coalition", "a coalition state's military"),
    (("ISIS fighters", "Islamic State", None, "REB"), "isis", "a named group by its canonical name"),
    (("Jabhat al-Nusra", "Nusra Front", "SYR", "REB"), "nusra", "an alias read to its name"),
    (("HTS", "Hayat Tahrir al-Sham", "SYR", "REB"), "nusra", "the Nusra Front's successor"),
    (("Kurdish fighters", "Kurdish fighters", None, "REB"), "kurdish", "a word of the Kurdish forces"),
    (("the SDF", "Syrian Democratic Forces", "SYR", "REB"), "kurdish", "the self-administration's army"),
    (("rebels", "rebels", "SYR", "REB"), "opposition", "a word of the armed opposition"),
    (("Free Syrian Army", "Free Syrian Army", "SYR", "REB"), "opposition", "any other named armed group"),
    (("militants", "militants", "SYR", "REB"), None, "a vague word for an armed group: no class"),
    (("terrorists", "terrorists", None, "REB"), None, "a vague word for an armed group: no class"),
    (("civilians", "civilians", "SYR", "CVL"), None, "no armed party"),
    (("Turkish troops", "Turkey", "TUR", "MIL"), None, "a state of none of the classes"),
]


@pytest.mark.parametrize(("actor", "expected", "comment"), CASES, ids=[c[0][0] for c in CASES])
def test_actor_class(fakes, actor, expected, comment):
    assert fakes.actor_class(_actor(*actor)) == expected, comment


def test_no_actor_has_no_class(fakes):
    assert fakes.actor_class(None) is None


def test_every_class_is_a_label_of_the_data(fakes):
    classes = set(fakes.ACTOR_CLASSES.values())
    assert set(fakes.CLASS_NAMES.values()) | set(fakes.CLASS_WORDS.values()) <= classes


def test_first_and_most_cited(fakes):
    sources = [None, _actor("rebels", "rebels", "SYR", "REB"), _actor("the army", "army", "SYR", "MIL"),
               _actor("troops", "troops", "SYR", "MIL")]
    assert fakes.first_class(sources) is None  # the first ASSAULT has no source
    assert fakes.most_cited_class(sources) == "government"
