"""Armed groups by name and by reference: a named group's members act as the group ('Islamic State
fighters'), and its other spellings read to one entry (vague words for a group that point back:
test_actor_reference.py)."""

import pytest

from peacewatch.extract.actors import describe_actor, noun_phrase


def _phrase_actor(nlp, sentence: str, head: str):
    doc = nlp(sentence)
    return describe_actor(noun_phrase(next(t for t in doc if t.text == head)))


# (sentence, head, expected (name, country, sector), the point)
PHRASES = [
    ("Islamic State fighters shelled the village.", "fighters", ("Islamic State", None, "REB"),
     "the members of a named group are the group: its name, and no country as its entry has none"),
    ("Hamas gunmen opened fire on the checkpoint.", "gunmen", ("Hamas", "PSE", "REB"),
     "members of a group with a country take its country"),
    ("Members of the Islamic State attacked the post.", "Members", ("Islamic State", None, "REB"),
     "members 'of' the group"),
    ("A Hamas official said the talks went on.", "official", ("Hamas official", "PSE", "REB"),
     "an official is a person of the group, not its rank and file: the phrase keeps its name"),
    ("Daesh militants stormed the prison.", "militants", ("Islamic State", None, "REB"),
     "another spelling of the group's name"),
    ("Jabhat al-Nusra fighters shelled the town.", "fighters", ("Nusra Front", "SYR", "REB"),
     "another spelling of the group's name"),
    ("Fighters of Jabhat Fateh al-Sham took the hill.", "Fighters", ("Nusra Front", "SYR", "REB"),
     "the group's later name"),
    ("A suicide bomber struck the market.", "bomber", ("suicide bomber", None, "REB"),
     "a suicide bomber is no state's soldier ('bombers' alone are aircraft)"),
    ("Opposition forces shelled the base.", "forces", ("-", None, "REB"),
     "the armed opposition is an armed group, not an army"),
    ("Rebel shelling hit the district on Monday.", "shelling", ("-", None, "REB"),
     "an attack named by its means takes the sector of the group role before it"),
    ("Pakistani shelling killed five people.", "shelling", ("-", "PAK", "MIL"),
     "... and a state's is its military's"),
]


@pytest.mark.parametrize(("sentence", "head", "expected", "comment"), PHRASES, ids=[p[1] for p in PHRASES])
def test_group_phrases(nlp, sentence, head, expected, comment):
    actor = _phrase_actor(nlp, sentence, head)
    assert actor is not None, comment
    name, country, sector = expected
    assert (actor.country, actor.sector) == (country, sector), f"{comment}: {actor}"
    if name != "-":
        assert actor.name == name, f"{comment}: {actor}"


def test_a_weapon_named_with_a_group_is_the_groups():
    """'A Daesh car bomb killed ...': the weapon's user is the group its words name, even one the
    lexicon gives no country (the weapon itself is no actor)."""
    from peacewatch.runner.pipeline import extract

    report = extract("A Daesh car bomb killed at least 20 people in the town on Friday.", published="2017-11-17")
    sources = [e.source for e in report.events if e.type == "ASSAULT"]
    assert [(s.name, s.country, s.sector) for s in sources if s is not None] == [("Islamic State", None, "REB")]
