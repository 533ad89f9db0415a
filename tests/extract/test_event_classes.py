"""Event word classes of triggers.yaml and the constructions that carry them, one case per row:
sentences written for these tests."""

import pytest

from peacewatch import extract
from peacewatch.nlp import get_nlp


def _types(text):
    return sorted({e.type for e in extract(text, published="2025-05-07").events})


@pytest.mark.parametrize("text,want,comment", [
    ("The Chilean minister shot down a ceasefire proposal that the mediators had pitched.", ["REJECT"],
     "shooting down a proposal rejects it"),
    ("Chilean soldiers shot down two drones over the border town on Monday.", ["ASSAULT"],
     "shooting down drones is force"),
    ("Peru's cabinet finally accepted the miners' demands after a month of strikes.", ["CONCEDE"],
     "accepting demands yields to them, as meeting them does"),
    ("Ecuador accepted the compromise drawn up by Brazilian mediators.", ["AGREE"],
     "a compromise or a formula is an offer accepted"),
    ("Chile's interior ministry cancelled the travel restrictions it had imposed on foreign journalists.", ["CONCEDE"],
     "cancelling a restriction gives way; cancelling a visit is a sanction"),
    ("Bolivia relaxed the security measures it had imposed on three border provinces.", ["CONCEDE"],
     "easing or relaxing measures is a concession"),
    ("The dockworkers' union called off its week-long strike on Friday.", ["CONCEDE"],
     "calling off a strike gives way"),
    ("Argentina called off the talks with Uruguay on Friday.", ["SANCTION"],
     "calling off talks is a sanction (as suspending them is)"),
    ("Red Cross boats evacuated injured residents from the shelled island of Tarvo.", ["AID"],
     "evacuating people is aid; evacuating a base is a retreat"),
    ("Paraguay's interior minister ordered a night curfew in two towns.", ["COERCE"],
     "ordering a measure is taking it"),
    ("Colombian and Ecuadorian delegates reached a broad consensus on prisoner visits.", ["AGREE"],
     "a consensus reached is an agreement"),
    ("Uruguay's parliament began a hearing into the treatment of two detainees.", ["ACCUSE"],
     "a hearing or an inquiry into an act is an investigation"),
    ("Venezuelan officials announced they would tighten the siege of the rebel port.", ["COERCE", "THREATEN"],
     "tightening a blockade is coercion, announced for the future a threat"),
])
def test_word_classes(text, want, comment):
    assert [t for t in _types(text) if t in want] == want, comment


@pytest.mark.parametrize("text,want,comment", [
    ("Norwegian volunteers delivered two tons of medicine to a clinic in Tarvo.", ["AID"],
     "an amount of medicine delivered is aid"),
    ("Canada froze a large part of its aid programme for Tarvo.", ["SANCTION"],
     "part of an aid programme frozen: the aid is what is acted on"),
    ("The Argentine envoy ended his mediation efforts between the government and the miners' union.", ["SANCTION"],
     "ending mediation efforts ends the mediation"),
    ("Peruvian teachers gathered in Lima on Monday for a rally against the new law.", ["PROTEST"],
     "a rally gathered for is held by whoever gathered"),
    ("The rebels have waged a brutal war against the army since April.", ["ASSAULT"],
     "a war waged ('waged' is no form of 'wag')"),
])
def test_constructions(text, want, comment):
    assert [t for t in _types(text) if t in want] == want, comment


def test_a_compound_event_noun_names_its_activity():
    assert "ASSAULT" in _types("The Peruvian air force launched a bombing campaign against the rebels.")


def test_a_request_for_talks_is_no_meeting():
    assert "CONSULT" not in _types("The opposition in Lima called for talks with the government.")


@pytest.mark.parametrize("text,want,comment", [
    ("The Peruvian minister lifted the ban following talks with Chilean officials.", ["CONSULT"],
     "'following talks with X', parsed as a participle, is a meeting as 'after talks with X' is"),
    ("The Bolivian envoy tried to persuade Peru to reopen the border.", ["REQUEST"],
     "persuading or lobbying someone is asking them"),
    ("The militia continued to obstruct aid deliveries to the camps in Tarvo.", ["COERCE"],
     "obstructing or blocking aid is coercion, as a blockade is"),
    ("The army seized power in a coup on Monday.", ["COERCE"], "seizing power is a coup"),
])
def test_more_constructions(text, want, comment):
    assert [t for t in _types(text) if t in want] == want, comment


def test_taking_power_by_election_is_no_coup():
    assert _types("Peru's new president took power in July after winning the election.") == []


@pytest.mark.parametrize("text", [
    "Some 5,000 dockworkers in Lima stopped work on Monday over the new labour law.",
    "Peruvian teachers downed tools on Monday.",
])
def test_stopping_work_is_a_strike(text):
    assert _types(text) == ["PROTEST"]



def test_a_series_of_acts_after_one_subject_is_read_whole():
    """'X closed A, cancelled B and asked C to leave': the parse reads 'cancelled' as an adjective
    of B; each verb of the series is an act of X, and B's recipients are its target."""
    events = [e for e in extract("Kenya closed the main border crossing, cancelled permits issued to Ugandans "
                                 "and asked two Ugandan diplomats to leave.", published="2025-05-07").events
              if e.type == "SANCTION"]
    triggers = {e.trigger for e in events}
    assert {"closed", "cancelled"} <= triggers, triggers
    cancelled = next(e for e in events if e.trigger == "cancelled")
    assert cancelled.source is not None and cancelled.source.country == "KEN"
    assert cancelled.target is not None and cancelled.target.country == "UGA"


def test_a_list_of_things_with_a_participle_stays_a_list():
    """'seized rifles, abandoned vehicles and ammunition': things, not a second act."""
    events = extract("Police seized rifles, abandoned vehicles and ammunition.", published="2025-05-07").events
    assert [e.trigger for e in events] == ["seized"]


def test_a_quoted_term_in_an_opening_clause_is_not_the_subject():
    """'While X calls its acts a "Y operation" aimed at Z, W and its allies reject this description':
    the parse takes 'operation' for the subject of 'reject'; W is. Rejecting a description is a
    denial (a claim), never an event (CONVENTIONS 3), and no event has the quoted term as actor."""
    text = ("While Beijing calls its actions a “necessary police operation” aimed at protecting its waters "
            "against foreign interference, Manila and its partners firmly reject this description.")
    events = extract(text, published="2025-05-07").events
    assert not [e for e in events if e.source is not None and "operation" in (e.source.text or "")]
    assert not [e for e in events if e.type == "REJECT"]
    doc = get_nlp()(text)
    reject = next(t for t in doc if t.lemma_ == "reject")
    assert [c.text for c in reject.children if c.dep_ == "nsubj"] == ["Manila"]
