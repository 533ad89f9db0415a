"""An agreement keeps only what is told of it: its scope from the words of the documented scope
classes (data/agreement_scopes.yaml) or a place it covers, never a judgement or a name beside it;
another agreement's duration, day or plural stays with that one. Texts written for these tests."""

import pytest

from peacewatch import extract

PUBLISHED = "2024-03-10"


@pytest.mark.parametrize("text,comment", [
    ("Moldova announced the alleged truce on Sunday.", "a hedge"),
    ("Officials said a swift peace deal was unlikely.", "a judgement of pace"),
    ("Talks on a ceasefire are in the works.", "an idiom after 'in'"),
    ("Chile accepted a ceasefire in its long conflict with Peru.", "the war it would end"),
])
def test_a_word_beside_the_agreement_is_no_scope(text, comment):
    agreements = extract(text, published=PUBLISHED).agreements
    assert agreements and all(a.scope is None for a in agreements), comment


@pytest.mark.parametrize("text,cue", [
    ("Both sides agreed to a maritime truce on Sunday.", "maritime"),
    ("Both sides agreed to an energy ceasefire on Sunday.", "energy"),
    ("Both sides agreed to a ceasefire in the Caspian Sea on Sunday.", "Caspian Sea"),
])
def test_a_covering_word_is_the_scope(text, cue):
    agreements = extract(text, published=PUBLISHED).agreements
    assert agreements and cue in (agreements[0].scope or ""), text


def test_another_ceasefire_keeps_its_own_duration():
    """'a 30-day ceasefire' after 'the Easter truce' is another agreement, not the truce's duration."""
    text = ("The president of Moldova declared an Easter truce on Saturday. "
            "Officials said the truce would hold until Sunday. "
            "Earlier, Moldova had agreed to halt attacks at sea during a 30-day ceasefire.")
    agreements = extract(text, published=PUBLISHED).agreements
    easter = [a for a in agreements if "Easter" in (a.scope or "")]
    assert easter and all(a.duration_days is None for a in easter)
    assert any(a.duration_days == 30 for a in agreements)


def test_breached_agreements_are_not_the_truce():
    """'had breached agreements' speaks of several earlier agreements, not the one named before."""
    text = ("Moldova declared an Easter truce on Saturday. "
            "Its minister said the rebels had breached agreements many times.")
    agreements = extract(text, published=PUBLISHED).agreements
    easter = [a for a in agreements if "Easter" in (a.scope or "")]
    assert easter and all(a.status != "violated" for a in easter)


@pytest.mark.parametrize("text,mediator", [
    ("Moldova's ceasefire proposal was announced on Sunday.", None),
    ("A ceasefire proposal drafted by Moldova was announced on Sunday.", None),
    ("A ceasefire proposal drafted by Moldova for Chile and Peru was accepted by Chile on Sunday.", "MDA"),
], ids=["no party known", "no party known, by-agent", "a party beside the proposer"])
def test_a_proposer_is_a_mediator_only_beside_known_parties(text, mediator):
    # with no party of the agreement known, whether its proposer is one of them is not told
    agreements = extract(text, published=PUBLISHED).agreements
    assert agreements and agreements[0].mediator == mediator
