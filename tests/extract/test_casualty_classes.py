"""Casualty figures: general classes of toll wording (issue 16), each with an invented sentence.

Each case names the linguistic point it covers; negative cases (no figure, or a figure that is
not a death toll) are included.
"""

import pytest

from peacewatch.extract.numbers import find_casualties

# (sentence, killed (min, max), injured (min, max), case)
CASES = [
    # verbs and nouns of killing beyond 'kill'
    ("Nine farmers were martyred when the shells struck the orchard.",
     (9, 9), None, "'martyred' is a death verb"),
    ("Relatives mourned the martyrdom of six fishermen at the harbour.",
     (6, 6), None, "'martyrdom of N' is a death noun"),
    ("The footage showed the beheading of 14 captives near the river.",
     (14, 14), None, "'beheading of N' is a death noun"),
    ("Police recorded 812 homicides in the province last year.",
     (812, 812), None, "'N homicides' counts deaths"),
    ("Four people died and 35 were hospitalised after the gas leak.",
     (4, 4), (35, 35), "'hospitalised' counts the injured"),
    # a headline list of tolls: 'N killed, M injured' is not 'N killed M'
    ("Five killed, over 60 injured in shelling of border town",
     (5, 5), (60, None), "headline list with a hedged second toll"),
    ("3 Killed 41 Injured in Mortar Attack on Village",
     (3, 3), (41, 41), "headline list without punctuation"),
    ("Two killed, others injured as rockets hit the market",
     (2, 2), None, "headline list with 'others' and no second count"),
    # one figure for the dead and the injured together is neither toll
    ("27 Killed and Injured in Car Bomb Blast at Checkpoint",
     None, None, "'killed and injured' is a joint casualty figure"),
    ("The explosion killed or wounded dozens of shoppers.",
     None, None, "'killed or wounded dozens' is a joint casualty figure"),
    # the hedge of the first of coordinated tolls holds for a bare count after it
    ("Rockets struck the camp, killing at least 12 and wounding 40.",
     (12, None), (40, None), "lower bound shared by a coordinated toll"),
    ("At least 9 people have been killed and 23 injured since Friday.",
     (9, None), (23, None), "lower bound shared across an elided auxiliary"),
    ("The drone killed 4 people and injured about 20 others.",
     (4, 4), (20, 20), "the second toll keeps its own hedge"),
    ("At least 8 were killed on Monday, and 3 were injured on Tuesday.",
     (8, None), (3, 3), "no sharing across clauses with their own times"),
    # further victims are added to the toll before them
    ("The gunmen shot dead two guards and executed 11 others.",
     (13, 13), None, "'N others' adds to the toll before it"),
    ("Four soldiers were killed at dawn and another two died in hospital.",
     (6, 6), None, "'another N' adds to the toll before it"),
    ("The raid killed three paramedics while five children were also killed.",
     (8, 8), None, "'also killed' adds to the toll before it"),
    ("The blast killed 7 people and wounded 15 others.",
     (7, 7), (15, 15), "'others' of another kind is not added"),
    ("Air strikes killed more than 30 people in the north of the city.",
     (30, None), None, "the hedge 'more than' is not an addition"),
    # tolls put before the noun of the toll
    ("Shelling killed 6 people on Sunday, bringing to 52 the number killed since Friday.",
     (52, 52), None, "'bringing to N the number killed'"),
    ("The new strikes raised to 19 the death toll in the district.",
     (19, 19), None, "'raised to N the death toll'"),
    ("He said it to 5 the number of times he could.",
     None, None, "'to N the number' without a death word is no toll"),
    ("The number of wounded has climbed to 64, the hospital said.",
     None, (64, 64), "'the number of wounded' is an injury toll"),
    ("The number of people killed rose to 17, and the number of injured to 45.",
     (17, 17), (45, 45), "a death toll and an injury toll in one sentence"),
    # an aside set off by hyphens, as scraped text writes dashes
    ("Fighting left 21 civilians - including four children - dead, the monitor said.",
     (21, 21), None, "an aside between hyphens before 'dead'"),
    # a death noun the tagger reads as a verb
    ("Rebels Claim Beheading of 9 Soldiers in New Video",
     (9, 9), None, "'Beheading of N' in a title"),
    # a vague total and a written part larger than its floor
    ("Dozens of people were killed across the province, including at least 37 in the capital.",
     (37, None), None, "a written part raises a vague total"),
    ("Dozens were killed, including 5 children.",
     (24, None), None, "a smaller part leaves the vague floor"),
    # counts whose noun is behind a name
    ("The jets killed 30 Al-Nusra fighters and six civilians.",
     (36, 36), None, "a hyphenated name between a count and its noun"),
    # single victims coordinated
    ("A man and child were killed when the roof collapsed.",
     (2, 2), None, "'a man and child' counts two"),
    ("A farmer and his son were killed by a landmine.",
     (2, 2), None, "'a farmer and his son' counts two"),
    ("A woman and a boy were killed in the shelling.",
     (2, 2), None, "each with its own article: two figures summed"),
]


@pytest.mark.parametrize("text, killed, injured, case", CASES, ids=[c[-1] for c in CASES])
def test_casualty_class(nlp, text, killed, injured, case):
    found = find_casualties(nlp(text)[:])
    assert (None if found.killed is None else (found.killed.min, found.killed.max)) == killed
    assert (None if found.injured is None else (found.injured.min, found.injured.max)) == injured
