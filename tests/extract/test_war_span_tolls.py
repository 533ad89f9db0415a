"""A toll counted over a war's span is the war's, not a strike's: 'Since then' after a sentence that
tells the war's start, 'since protests erupted', the stretch of a war a relative clause tells
('years of conflict in which ...'), and a relative clause after another ('the war that began ... and
which has since killed'); an operation's start or a protest's own toll stays a toll of its own
(numbers._of_whole_conflict)."""

import pytest

from peacewatch.extract.numbers import find_casualties

# (text, whether the last sentence's toll is a whole war's, the point)
SPANS = [
    ("The country has been mired in a civil war since early 2012, when the army crushed peaceful protests. "
     "Since then, more than 300,000 people have been killed and millions displaced.", True,
     "'since then' after a sentence that tells the war with a 'since' of its own"),
    ("The war broke out in 2012. Since then more than 90,000 people have been killed.", True,
     "'since then' after a war's start"),
    ("In late May the army launched an operation to retake the north. "
     "Since then more than 300 people have been killed in shelling.", False,
     "an operation begun before is no war: its toll is the campaign's"),
    ("The strike hit a market on Monday. Since then 12 people have died of their wounds.", False,
     "'since then' after a strike"),
    ("More than 90,000 people have died since protests against the king broke out in 2013.", True,
     "an unrest told as starting opens the war's span"),
    ("Five people were killed in the protests on Friday.", False, "a protest's own toll"),
    ("The truce was seen as the best hope of ending four years of conflict in which more than 100,000 "
     "people have been killed.", True, "the stretch of a war a relative clause tells"),
    ("The city has been ravaged by the war that began with protests in 2012 and which has since killed more "
     "than 90,000 people.", True, "a relative clause coordinated after another"),
]


@pytest.mark.parametrize(("text", "whole", "comment"), SPANS, ids=[s[2][:40] for s in SPANS])
def test_a_toll_over_a_wars_span_is_the_wars(nlp, text, whole, comment):
    last = list(nlp(text).sents)[-1]
    found = find_casualties(last)
    assert found.killed is not None, comment
    assert found.whole is whole, comment
