"""Office holders: a bare name gets the country and sector of the office its bearer held on the
publication date; the article's own titled mention wins over the file; a user file adds people."""

from datetime import date

import pytest

from peacewatch.data import office_holders
from peacewatch.data.office_holders import OfficeHolderFile, find_holder, holders
from peacewatch.errors import DataError
from peacewatch.extract.actors import build_person_index, describe_actor, noun_phrase


def _head(doc, text: str, nth: int = -1):
    return [t for t in doc if t.text == text][nth]


@pytest.fixture
def user_file(tmp_path, monkeypatch):
    """Invented people in a user file named by PEACEWATCH_OFFICE_HOLDERS (caches reset around)."""
    path = tmp_path / "holders.yaml"
    path.write_text(
        "holders:\n"
        "  - {name: Tomas Vrell, country: NOR, sector: GOV, role: prime minister, from: 2020-01-01, to: 2023-12-31}\n"
        "  - {name: Tomas Vrell, country: null, sector: IGO, role: UN envoy, from: 2024-01-01, to: null}\n"
        "  - {name: Anja Vrell, country: SWE, sector: GOV, role: foreign minister, from: 2021-01-01, to: null}\n"
        "  - {name: Kofi Daramola, variants: [Daramola-Obi], country: GHA, sector: REB, role: militia leader,"
        " from: 2019-05-01, to: null}\n", encoding="utf-8")
    monkeypatch.setenv("PEACEWATCH_OFFICE_HOLDERS", str(path))
    holders.cache_clear()
    office_holders._index.cache_clear()
    yield path
    monkeypatch.delenv("PEACEWATCH_OFFICE_HOLDERS")
    holders.cache_clear()
    office_holders._index.cache_clear()


def test_the_file_loads_and_every_office_ends_after_it_begins():
    specs = OfficeHolderFile.load().holders
    assert len(specs) > 300
    assert all(s.end is None or s.start <= s.end for s in specs)
    assert all(s.sector != "IGO" or s.country is None for s in specs)  # rule 8: IGO has no country


def test_the_holder_in_office_on_the_date_wins():
    """One person, two offices: prime minister of a state, then head of an alliance."""
    assert find_holder("Mark Rutte", date(2023, 5, 1)).country == "NLD"
    after = find_holder("Rutte", date(2025, 5, 1))
    assert (after.country, after.sector) == (None, "IGO")


def test_a_name_two_people_share_is_left_without_a_country_when_they_disagree():
    # Two people named Pedro Sanchez held office in two countries at once from 2025.
    assert find_holder("Pedro Sanchez", date(2025, 6, 1)) is None
    assert find_holder("Pedro Sanchez", date(2023, 6, 1)).country == "ESP"
    assert find_holder("Sanchez", date(2023, 6, 1)) is None  # a common family name alone names no one


def test_a_bare_family_name_and_an_arabic_article():
    assert find_holder("Sikorski").country == "POL"
    assert find_holder("Sharaa").country == "SYR"
    assert find_holder("Jane Sikorski") is None  # another first name: another person


def test_a_user_file_adds_people(user_file):
    assert find_holder("Vrell", date(2022, 1, 1)) is None  # two people, two countries
    assert find_holder("Anja Vrell").country == "SWE"
    assert find_holder("Tomas Vrell", date(2022, 1, 1)).country == "NOR"
    assert find_holder("Tomas Vrell", date(2024, 6, 1)).sector == "IGO"
    assert find_holder("Daramola-Obi").sector == "REB"


def test_a_broken_user_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "bad.yaml"
    path.write_text("holders:\n  - {name: X Y, country: Norway, sector: GOV, role: r, from: 2020-01-01}\n",
                    encoding="utf-8")
    monkeypatch.setenv("PEACEWATCH_OFFICE_HOLDERS", str(path))
    holders.cache_clear()
    try:
        with pytest.raises(DataError, match="bad.yaml"):
            holders()
    finally:
        monkeypatch.delenv("PEACEWATCH_OFFICE_HOLDERS")
        holders.cache_clear()


def test_a_bare_name_in_a_sentence_takes_the_holder(nlp, user_file):
    doc = nlp("Daramola said his men would not lay down their arms.")
    actor = describe_actor(noun_phrase(_head(doc, "Daramola")), build_person_index(doc, date(2024, 2, 1)))
    assert (actor.country, actor.sector) == ("GHA", "REB")


def test_the_article_titled_mention_wins_over_the_file(nlp, user_file):
    """The article calls him a Danish minister: the file's Norway is not used."""
    doc = nlp("Danish Foreign Minister Tomas Vrell arrived on Monday. Vrell said the talks would go on.")
    index = build_person_index(doc, date(2022, 3, 1))
    actor = describe_actor(noun_phrase(_head(doc, "Vrell")), index)
    assert actor.country == "DNK"


def test_a_title_keeps_its_sector_and_the_file_gives_the_country(nlp, user_file):
    doc = nlp("Minister Anja Vrell condemned the shelling.")
    actor = describe_actor(noun_phrase(_head(doc, "Vrell")), build_person_index(doc, date(2022, 3, 1)))
    assert (actor.name, actor.country, actor.sector) == ("Anja Vrell", "SWE", "GOV")
