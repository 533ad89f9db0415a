"""Trigger classes and constructions read on general language (issue 16: the PLOVER sentences
showed them missing): offers, evacuating the wounded, 'put under investigation', defying a ban,
blocking traffic, dispersing a crowd, pressing for a measure, war games, pleas, censorship
blackouts and promises of concessions. Sentences written for these tests."""

import pytest

from peacewatch import extract


def _types(text):
    return sorted({e.type for e in extract(text, published="2025-05-07").events})


@pytest.mark.parametrize("text,want,comment", [
    ("The governor of Tarvo offered concessions to the striking miners on Friday.", ["AGREE"],
     "offering a concession promises it"),
    ("Chile offered troops to the regional peacekeeping force in Tarvo.", ["AGREE"],
     "offering troops promises them"),
    ("Peru's president offered condolences to Ecuador after the landslide.", ["SUPPORT"],
     "condolences offered are support"),
    ("Norway offered emergency aid to the flooded provinces of Tarvo.", ["AID"],
     "aid offered is aid"),
    ("Army helicopters evacuated the wounded from the besieged town of Tarvo.", ["AID"],
     "'the wounded' (a participle to the parser) evacuated is aid"),
    ("A Peruvian senator has been put under investigation by prosecutors in Lima.", ["ACCUSE"],
     "put under investigation: a verb with the noun of its preposition"),
    ("Bolivian police placed the former interior minister under house arrest.", ["COERCE"],
     "placed under arrest"),
    ("A Bolivian newspaper violated the government ban on reporting from the mines.", ["REJECT"],
     "acting against a ban defies it"),
    ("Striking Chilean farmers blocked traffic into the capital on Monday.", ["PROTEST"],
     "blocking traffic or transport is a protest"),
    ("Riot police dispersed the protesters outside the Peruvian parliament.", ["COERCE"],
     "breaking up a crowd by force"),
    ("The Chilean navy launched war games off the northern coast.", ["MOBILIZE"],
     "war games are drills"),
    ("The Red Cross issued a plea to both armies to spare the hospital in Tarvo.", ["REQUEST"],
     "a plea made is a request"),
    ("Uruguay's government is prepared to lift the ban on the opposition party.", ["AGREE"],
     "prepared to make a concession: a promise, as 'offered to' is"),
    ("Protesters clashed with Chilean police in the capital on Monday.", ["ASSAULT"],
     "clashing with someone is a fight"),
    ("Bolivian soldiers opened fire on the crowd in Tarvo.", ["ASSAULT"],
     "opening fire: a verb with its object"),
    ("Chilean dockworkers went on strike on Monday.", ["PROTEST"],
     "going on strike is a labour protest, not an attack"),
    ("Peru turned down the Bolivian offer of talks.", ["REJECT"],
     "turning down an offer rejects it"),
    ("Chile broke off diplomatic relations with Bolivia.", ["SANCTION"],
     "breaking off relations"),
    ("The Chilean parliament ratified the border treaty with Peru.", ["AGREE"],
     "a treaty ratified"),
    ("Gunmen took ten Chilean tourists hostage in Tarvo.", ["COERCE"],
     "taking people hostage"),
    ("Police rounded up dozens of opposition activists in Lima.", ["COERCE"],
     "rounding people up is arresting them"),
    ("Bolivian troops pounded rebel positions near Tarvo.", ["ASSAULT"],
     "pounding positions is shelling them"),
    ("The junta shut down two opposition newspapers in La Paz.", ["COERCE"],
     "closing a newspaper is censorship; closing a border a sanction"),
    ("Three Bolivian soldiers died in an ambush near Tarvo.", ["ASSAULT"],
     "an ambush told as a noun"),
    ("Chile released two Peruvian fishermen on Friday.", ["CONCEDE"],
     "releasing people held, whoever they are"),
    ("Bolivian soldiers forced out hundreds of villagers from their homes near Tarvo.", ["COERCE"],
     "forcing people out of their homes expels them"),
])
def test_classes(text, want, comment):
    assert [t for t in _types(text) if t in want] == want, comment


@pytest.mark.parametrize("text,want,comment", [
    ("Chile is pushing for new sanctions on the Bolivian junta.", ["REQUEST"],
     "sanctions pushed for are asked for, not imposed"),
    ("France lobbied for an arms embargo against the Bolivian junta.", ["REQUEST"],
     "an embargo lobbied for is asked for"),
    ("The Bolivian junta imposed an internet blackout on three provinces.", ["COERCE"],
     "a news or internet blackout is censorship, not a measure of alert"),
    ("The European Union targeted Bolivian banks with new sanctions.", ["SANCTION"],
     "targeted with sanctions is sanctioned, not attacked"),
    ("Washington hit Bolivia with new sanctions on Monday.", ["SANCTION"],
     "hit with sanctions"),
    ("Peru imposed a travel ban on Bolivian officials.", ["SANCTION"],
     "a travel, trade or transaction ban imposed on others is a sanction"),
    ("The junta imposed a ban on opposition rallies.", ["COERCE"],
     "a ban on rallies is coercion"),
    ("Peru asked Chile for help after the floods.", ["REQUEST"],
     "asking for help is a request"),
    ("The Chilean and Peruvian ministers held five hours of talks in Lima.", ["CONSULT"],
     "hours or days of talks held are talks held"),
    ("Chile pledged 50 million dollars in aid to Peru.", ["AID"],
     "money pledged is aid"),
    ("The junta dissolved parliament and suspended the constitution.", ["COERCE"],
     "suspending a constitution is coercion at home"),
    ("Peru granted amnesty to 200 political prisoners.", ["CONCEDE"],
     "an amnesty granted is a concession"),
    ("The Bolivian government declared a state of emergency in three provinces.", ["MOBILIZE"],
     "a state of emergency declared (CONVENTIONS 4)"),
])
def test_only(text, want, comment):
    assert _types(text) == want, comment


@pytest.mark.parametrize("text,want,comment", [
    ("Chile will not accept the Bolivian proposal.", ["REJECT"],
     "acceptance refused for the future is a rejection"),
    ("Chile said it would never recognise the Bolivian junta.", ["REJECT"],
     "'never' refuses as 'not' does"),
    ("The Peruvian government will not negotiate with the rebels.", ["REJECT"],
     "talks refused with a partner"),
    ("The rebels said they would not withdraw from the valley.", [],
     "a withdrawal refused is a vow of resolve, no event"),
])
def test_refusals(text, want, comment):
    assert [t for t in _types(text) if t in ("REJECT", "AGREE", "RETREAT")] == want, comment


@pytest.mark.parametrize("text,want,comment", [
    ("Chile protested that Bolivian troops had crossed the border.", ["ACCUSE"],
     "a protest that says what the other side did is a complaint"),
    ("Chile protested to Bolivia over the border incident.", ["ACCUSE"],
     "a protest lodged with a state is a complaint"),
    ("Thousands of students protested against the new law in Lima.", ["PROTEST"],
     "a protest in the street stays a demonstration"),
])
def test_complaints(text, want, comment):
    assert [t for t in _types(text) if t in ("ACCUSE", "PROTEST")] == want, comment


@pytest.mark.parametrize("text", [
    "Peru reiterated its demand today that Chile ease restrictions on Peruvian workers.",
    "Peru renewed its demand that Chile ease restrictions on Peruvian workers.",
])
def test_what_a_demand_says_has_not_happened(text):
    assert _types(text) == ["REQUEST"], "the clause of a demand noun is asked for, not done"


def test_a_mediation_opposed_is_not_held():
    types = _types("Chile is opposed to Argentine mediation between the two armies, a Chilean official said.")
    assert "CONSULT" not in types
