"""Agreements and their histories, one case per row: texts written for these tests."""

import pytest

from peacewatch import extract

PUBLISHED = "2024-03-10"

# (text, expected agreements as (kind, status, [(party, action)], duration, mediator), what it covers)
CASES = [
    ("Israel and Hamas agreed to a six-week ceasefire in Gaza on Sunday.",
     [("ceasefire", "agreed", [(None, "agreed")], 42, None)], "agreeing, with a duration in words"),
    ("Egypt proposed a three-day truce between the two sides.",
     [("ceasefire", "proposed", [("EGY", "proposed")], 3, None)], "a proposal by a party"),
    ("Russia rejected the US proposal for a 30-day ceasefire.",
     [("ceasefire", "rejected", [("USA", "proposed"), ("RUS", "rejected")], 30, "USA")],
     "a proposal named by its proposer, then rejected; the proposer mediates"),
    ("The truce between Armenia and Azerbaijan took effect on Monday.",
     [("ceasefire", "in_force", [(None, "in_force")], None, None)], "a phrasal step with the agreement as subject"),
    ("The ceasefire between India and Pakistan collapsed within hours.",
     [("ceasefire", "collapsed", [(None, "agreed"), (None, "collapsed")], None, None)],
     "collapse; a ceasefire that collapsed had been agreed"),
    ("Leaders of both countries called for a ceasefire.",
     [("ceasefire", "proposed", [], None, None)], "a bare demand: proposed, no step of its own"),
    ("Qatar brokered a truce between Israel and Hamas last week. Israel later violated the truce.",
     [("ceasefire", "violated", [(None, "agreed"), ("ISR", "violated")], None, "QAT")],
     "a definite mention joins the agreement named before; the broker mediates"),
    ("The Thai government signed a peace agreement with the rebels.",
     [("peace_deal", "agreed", [("THA", "signed")], None, None)], "a peace deal, signed by its subject"),
    ("On Monday, Peru suspended peace talks with the rebels.",
     [("peace_deal", "collapsed", [("PER", "collapsed")], None, None)],
     "peace talks are a peace deal under negotiation; suspending them is a collapse by the suspender"),
    ("Peace talks between Armenia and Azerbaijan are set to begin in Vienna next week.",
     [("peace_deal", "proposed", [], None, None)], "talks still to begin: proposed, no step"),
    ("Peace negotiations with the rebels began in March.",
     [("peace_deal", "proposed", [], None, None)], "talks that began are not an agreement in force"),
    ("On Tuesday, Togo suspended the 1991 Lome Accord.",
     [("peace_deal", "collapsed", [(None, "agreed"), ("TGO", "collapsed")], None, None)],
     "a treaty named by its title; suspended by a party"),
    ("Officials said Ghana put the 1994 Volta Water Treaty on hold.",
     [("deal", "collapsed", [(None, "agreed"), ("GHA", "collapsed")], None, None)],
     "a titled treaty about a subject is a deal; put on hold is a collapse"),
    ("Fighting resumed after previous ceasefires brokered by Qatar.",
     [("ceasefire", "unknown", [], None, "QAT")], "earlier ceasefires named in passing: state unknown"),
    ("Chile and Bolivia signed a truce in May. On Monday, Chile threatened to suspend the truce.",
     [("ceasefire", "in_force", [("CHL", "signed"), ("BOL", "signed")], None, None)],
     "a threat to suspend is no step, but tells the truce is in force"),
    ("Armenia signed a ceasefire with Azerbaijan last week. Armenia accused Azerbaijan of shelling villages "
     "in violation of the ceasefire.",
     [("ceasefire", "in_force", [("ARM", "signed"), ("ARM", "accused_violation")], None, None)],
     "an accusation of violating a ceasefire: the accuser's step; the ceasefire is in force"),
    ("The ceasefire took effect on Friday.\n\nCeasefire violations\n\nShelling resumed on Saturday.",
     [("ceasefire", "violated", [(None, "in_force"), (None, "violated")], None, None)],
     "violations the article itself names"),
    ("A Turkish push to end the war between Sudan and South Sudan has stalled.",
     [("peace_deal", "proposed", [], None, "TUR")], "a push to end a war: a peace deal sought, the pusher mediating"),
    ("The rebels announced a truce on Monday, bringing a pause to weeks of fighting.",
     [("ceasefire", "in_force", [(None, "in_force"), (None, "agreed")], None, None)],
     "a truce that brings a pause is in force"),
    ("The shelling cast doubt over a planned ceasefire between the two sides.",
     [("ceasefire", "proposed", [], None, None)], "doubt near an agreement leaves its status alone"),
]

NOTHING = [
    ("The match ended in a draw after extra time.", "no agreement words"),
    ("The ministers met by mutual agreement in Geneva.", "'by mutual agreement' names no agreement"),
    ("The agreement was praised by all.", "a reference with nothing before it to point at"),
    ("Russia violated the UN Charter and the 1949 Geneva Conventions, the minister said.",
     "charters and conventions binding all states are law, not agreements"),
    ("Parliament amended the 2020 Criminal Code on Monday.", "a code that is no code of conduct"),
]


@pytest.mark.parametrize("text,expected,comment", CASES, ids=[c[2] for c in CASES])
def test_agreement_cases(text, expected, comment):
    agreements = extract(text, published=PUBLISHED).agreements
    got = [(a.kind, a.status, [(s.party, s.action) for s in a.history], a.duration_days, a.mediator)
           for a in agreements]
    assert got == expected, comment
    for agreement in agreements:
        assert agreement.evidence and all(e in text for e in agreement.evidence)


@pytest.mark.parametrize("text,comment", NOTHING, ids=[c[1] for c in NOTHING])
def test_no_agreement(text, comment):
    assert extract(text, published=PUBLISHED).agreements == [], comment


def test_mentions_with_different_scopes_are_different_agreements():
    text = ("Last month the two sides agreed a 30-day ceasefire on energy infrastructure. "
            "Two weeks later came a 30-day maritime ceasefire in the Black Sea. "
            "On Friday, Ukraine accepted a US proposal for a ceasefire across all fronts. "
            "Russia rejected the same proposal.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert [a.scope for a in agreements] == ["energy infrastructure", "maritime, Black Sea", "all fronts"]
    last = agreements[2]
    assert [(s.party, s.action, s.date) for s in last.history] == [
        ("USA", "proposed", None), ("UKR", "accepted", "2024-03-08"), ("RUS", "rejected", None)]
    assert last.status == "rejected"
    assert agreements[1].history[0].date == "2024-02"


def test_events_point_at_the_agreement_they_concern():
    report = extract("Russia rejected the US proposal for a 30-day ceasefire.", published=PUBLISHED)
    rejects = [e for e in report.events if e.type == "REJECT"]
    assert rejects and rejects[0].agreement == 0


def test_accusation_of_violation_is_confirmed_when_the_article_says_so():
    text = ("The two sides signed a truce between Russia and Ukraine, but both parties accused each other "
            "of violating the truce. Russia later violated the truce.")
    report = extract(text, published=PUBLISHED)
    statuses = {c.speaker.country: c.status for c in report.claims if c.kind == "accusation"}
    assert statuses == {"UKR": "confirmed", "RUS": "not_assessed"}
    history = [(s.party, s.action) for s in report.agreements[0].history]
    assert ("RUS", "violated") in history and ("UKR", "accused_violation") in history


def test_unresolved_leaves_the_status_unknown():
    text = ("The two sides agreed a grain deal in July. Russia then returned with new demands, "
            "leaving the deal unresolved.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert len(agreements) == 1
    assert agreements[0].kind == "deal"
    assert ("RUS", "demanded") in [(s.party, s.action) for s in agreements[0].history]
    assert agreements[0].status == "unknown"


def test_expiry_and_signing_are_steps():
    text = ("Ethiopia and Eritrea signed a 90-day truce in January. The truce expired on Sunday.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert len(agreements) == 1
    assert [(s.party, s.action) for s in agreements[0].history] == [
        ("ETH", "signed"), ("ERI", "signed"), (None, "expired")]
    assert agreements[0].duration_days == 90
    assert agreements[0].status == "collapsed"


@pytest.mark.parametrize("text,comment", [
    ("The White House said talks on a maritime ceasefire would begin soon.", "talks on a ceasefire to come"),
    ("Kenya and Somalia did not sign the border agreement.", "a deal not signed"),
    ("The envoy left without signing the minerals agreement.", "'without signing'"),
    ("Officials discussed a possible ceasefire along the river.", "a possible ceasefire"),
])
def test_agreements_not_in_existence_are_not_agreed(text, comment):
    agreements = extract(text, published=PUBLISHED).agreements
    assert agreements, comment
    assert all(s.action not in ("agreed", "signed") for a in agreements for s in a.history), comment
    assert all(a.status == "proposed" for a in agreements), comment


def test_a_later_phase_is_an_agreement_of_its_own():
    text = ("The truce between Israel and Hamas began on Sunday. "
            "The two sides will begin negotiating a third phase of the truce next month.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert [(a.kind, a.status, a.scope) for a in agreements] == [
        ("ceasefire", "in_force", None), ("ceasefire", "proposed", "third phase")]
    assert agreements[1].history == []


def test_a_first_phase_is_the_agreement_itself():
    text = ("The truce between Israel and Hamas began on Sunday. "
            "Aid convoys are a key part of the first phase of the truce.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert len(agreements) == 1 and len(agreements[0].evidence) == 2


def test_a_scope_told_later_joins_the_agreement_between_the_same_parties():
    text = ("Officials congratulated the president on the peace agreement with Rwanda. "
            "Rwanda and Burundi signed a peace agreement on Friday to end the fighting.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert len(agreements) == 1
    assert agreements[0].status == "agreed"
    assert agreements[0].parties == ["RWA", "BDI"]


def test_talks_and_a_deal_reached_earlier_are_different_agreements():
    text = ("On Friday the government suspended peace talks with the rebels. "
            "The rebels moved into areas left by another group, which agreed a peace deal in 2016.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert [(a.kind, a.status) for a in agreements] == [("peace_deal", "collapsed"), ("peace_deal", "agreed")]


def test_two_titles_are_two_agreements_and_a_second_name_joins_the_first():
    text = ("Officials said the 2019 Lome Declaration and the 2021 Code of Conduct were broken. "
            "Togo later suspended the Lome Declaration.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert [(a.kind, a.scope, a.status) for a in agreements] == [
        ("deal", "Lome Declaration", "collapsed"), ("deal", "Code of Conduct", "agreed")]


def test_talks_that_only_date_something_name_no_agreement():
    assert extract("Negotiators met again after the peace talks in Oslo.", published=PUBLISHED).agreements == []


def test_an_unclear_fate_said_of_the_agreement_leaves_it_unknown():
    text = "Kenya and Somalia agreed a truce on Friday. The fate of the truce remained unclear."
    assert [a.status for a in extract(text, published=PUBLISHED).agreements] == ["unknown"]


def test_a_negotiator_through_whom_a_deal_was_reached_mediates():
    text = ("Sudan and Chad signed a peace deal on Friday. The deal, negotiated through Egypt, ends the fighting.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert [(a.kind, a.mediator) for a in agreements] == [("peace_deal", "EGY")]


@pytest.mark.parametrize("text,expected,comment", [
    ("Vance threatened to abandon the peace negotiations on Wednesday.", "proposed",
     "a threat to leave talks does not put them in force"),
    ("Trump and Putin agreed to Ukraine peace talks.", "proposed", "agreeing to hold talks is no deal reached"),
    ("Ukraine agreed to the US proposal for a ceasefire.", "proposed", "agreeing to a proposal accepts it"),
])
def test_talks_and_proposals_stay_proposed(text, expected, comment):
    assert [a.status for a in extract(text, published=PUBLISHED).agreements] == [expected], comment


@pytest.mark.parametrize("text,comment", [
    ("Leaders agreed to impose sanctions in the event of a ceasefire violation.", "a violation only supposed"),
    ("Putin called the offer a test of the will to engage in genuine peace negotiations.", "talks as an ideal"),
])
def test_no_agreement_from_supposed_violations_or_ideal_talks(text, comment):
    agreements = extract(text, published=PUBLISHED).agreements
    assert all(s.action != "violated" for a in agreements for s in a.history), comment
    assert all(a.kind != "peace_deal" for a in agreements), comment


def test_agreeing_to_a_proposal_is_the_subjects_acceptance():
    history = extract("Ukraine agreed to the US proposal for a ceasefire.", published=PUBLISHED).agreements[0].history
    assert [(s.party, s.action) for s in history] == [("USA", "proposed"), ("UKR", "accepted")]


@pytest.mark.parametrize("text,expected,comment", [
    ("Hamas said it had accepted a ceasefire proposal put forward by Egypt.",
     ("ceasefire", "proposed", [("EGY", "proposed"), ("PSE", "accepted")], "EGY"),
     "the author of a proposal 'put forward by X' proposed it and mediates"),
    ("Armenia and Azerbaijan initialled a peace treaty at a summit on Friday.",
     ("peace_deal", "agreed", [("ARM", "accepted"), ("AZE", "accepted")], None),
     "a treaty initialled: accepted by each side"),
    ("Chad and Niger signed a grain deal in 2022. Niger pulled out of the deal a year later.",
     ("deal", "collapsed", [("TCD", "signed"), ("NER", "signed"), ("NER", "collapsed")], None),
     "pulling out of a deal collapses it, the leaver as party"),
    ("Iran withdrew from the nuclear deal in May.",
     ("deal", "collapsed", [(None, "agreed"), ("IRN", "collapsed")], None),
     "withdrawing from a deal; a subject noun makes a deal"),
    ("The two sides extended the truce by another 60 days.",
     ("ceasefire", "in_force", [(None, "in_force")], None), "an extended truce is in force"),
    ("The two countries exchanged 90 prisoners each under a deal brokered by the UAE.",
     ("deal", "agreed", [(None, "agreed")], "ARE"), "a bare 'deal' with a broker is an agreement"),
    ("Ceasefire talks collapsed in Doha on Monday.",
     ("ceasefire", "collapsed", [(None, "collapsed")], None), "ceasefire talks that collapse"),
    ("Kyiv and Moscow signed a deal to end the war.",
     ("peace_deal", "agreed", [("UKR", "signed"), ("RUS", "signed")], None), "a deal to end a war is a peace deal"),
    ("The ceasefire appeared to be holding on Monday.",
     ("ceasefire", "in_force", [(None, "in_force")], None), "a step told through 'appeared to'"),
    ("The truce is set to expire on Friday.",
     ("ceasefire", "agreed", [(None, "agreed")], None), "a step told through 'set to' is not taken yet"),
    ("The deal fell apart in March when the strikes resumed.",
     ("deal", "collapsed", [(None, "agreed"), (None, "collapsed")], None), "a bare deal that falls apart"),
    ("Chile declared a truce on Saturday. \"Our troops must be ready to repel possible violations of the truce,\" "
     "the minister said. The army will watch for any ceasefire violations.",
     ("ceasefire", "agreed", [("CHL", "agreed")], None), "violations that may come are no accusation"),
])
def test_more_steps(text, expected, comment):
    agreements = extract(text, published=PUBLISHED).agreements
    got = [(a.kind, a.status, [(s.party, s.action) for s in a.history], a.mediator) for a in agreements]
    assert got == [expected], comment


@pytest.mark.parametrize("text,comment", [
    ("Zelensky rejected any agreement that involves giving up the peninsula.", "'any agreement' is none in particular"),
    ("Officials said Washington expected both sides to step up and finalize an agreement.", "an agreement expected"),
    ("The company unveiled a yearlong subsidy plan worth 50 billion yuan.", "a business plan"),
])
def test_no_agreement_in_particular(text, comment):
    assert extract(text, published=PUBLISHED).agreements == [], comment


@pytest.mark.parametrize("text,comment", [
    ("The president argued that Chile would keep its word once a peace deal is reached.",
     "a deal reached 'once' (or 'until', 'unless', 'before') in the present is not reached yet"),
    ("The president said Ruiz was also keen on negotiating a peace agreement.", "a disposition is no step"),
    ("The two sides agreed broadly to pursue three goals: to reopen embassies and to support peace talks.",
     "talks supported are no deal accepted"),
])
def test_no_step_taken_yet(text, comment):
    got = [(a.status, [(s.party, s.action) for s in a.history]) for a in extract(text, published=PUBLISHED).agreements]
    assert got == [("proposed", [])], comment


def test_a_deal_signed_once_in_the_past_is_signed():
    agreements = extract("Once the deal was signed, the fighting stopped.", published=PUBLISHED).agreements
    assert [s.action for a in agreements for s in a.history] == ["signed"]


def test_efforts_to_broker_a_settlement_are_no_settlement_reached():
    agreements = extract("The strike came amid efforts to broker a negotiated settlement to the war.",
                         published=PUBLISHED).agreements
    assert [(a.kind, a.status, a.history) for a in agreements] == [("peace_deal", "proposed", [])]


def test_a_later_stage_of_a_deal_is_an_agreement_of_the_deals_kind():
    text = ("Israel and Hamas agreed to a hostage deal in January. Under the first phase of the deal, Hamas "
            "released three hostages on Saturday. The second stage of the deal is due to begin in March.")
    agreements = extract(text, published=PUBLISHED).agreements
    assert [(a.kind, a.status, a.scope) for a in agreements] == [
        ("deal", "agreed", "hostage"), ("deal", "proposed", "second stage")]
    assert len(agreements[0].evidence) == 2


def test_a_final_stage_is_a_later_phase():
    text = "Israel and Hamas agreed to a hostage deal in January. The final stage of the deal will start next week."
    agreements = extract(text, published=PUBLISHED).agreements
    assert [(a.status, a.scope) for a in agreements] == [("agreed", "hostage"), ("proposed", "final stage")]
