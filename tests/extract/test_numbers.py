"""Numbers: number words, hedged counts, and casualty figures tied through the parse."""

import pytest

from peacewatch.extract.numbers import (
    Casualties,
    find_casualties,
    merge_casualties,
    parse_count,
    parse_number,
)
from peacewatch.schema import Count

NUMBERS = [
    ("35", 35, "plain digits"),
    ("1,200", 1200, "thousands separator"),
    ("1.5 million", 1500000, "decimal with a scale word"),
    ("5 thousand", 5000, "digits with a scale word"),
    ("thirty-five", 35, "hyphenated number word"),
    ("two hundred and ten", 210, "British 'and' inside a number"),
    ("a dozen", 12, "'a dozen' is twelve"),
    ("two dozen", 24, "dozen as a multiplier"),
    ("half a dozen", 6, "half a dozen"),
    ("a hundred and one", 101, "'a' as one before a scale word"),
    ("third", None, "an ordinal is not a count"),
    ("5th", None, "a digit ordinal is not a count"),
    ("2.5", None, "a fraction is not a count of people"),
    ("seven eight", None, "two numbers side by side are not one number"),
    ("several", None, "a vague quantifier has no number"),
]


@pytest.mark.parametrize("text, expected, case", NUMBERS, ids=[c for _, _, c in NUMBERS])
def test_parse_number(text, expected, case):
    assert parse_number(text) == expected


COUNTS = [
    ("35", (35, 35), "exact count"),
    ("at least 34", (34, None), "lower bound 'at least'"),
    ("more than 100", (100, None), "lower bound 'more than'"),
    ("over 115", (115, None), "lower bound 'over'"),
    ("10 or more", (10, None), "lower bound after the number"),
    ("10+", (10, None), "plus sign"),
    ("up to 30", (None, 30), "upper bound 'up to'"),
    ("as many as 30", (None, 30), "upper bound 'as many as'"),
    ("nearly 40", (None, 40), "'nearly' is an upper bound"),
    ("almost 40", (None, 40), "'almost' is an upper bound"),
    ("around 50", (50, 50), "approximation coded as exact"),
    ("about 50", (50, 50), "approximation coded as exact"),
    ("7-8", (7, 8), "hyphen range"),
    ("7\u20138", (7, 8), "en dash range"),
    ("between 32 and 74", (32, 74), "'between ... and' range"),
    ("32 to 74", (32, 74), "'to' range"),
    ("seven or eight", (7, 8), "'or' range in words"),
    ("dozens", (24, None), "vague plural: at least two dozen"),
    ("scores", (40, None), "vague plural: at least two score"),
    ("hundreds", (200, None), "vague plural: at least two hundred"),
    ("thousands", (2000, None), "vague plural: at least two thousand"),
    ("tens of thousands", (20000, None), "compound vague plural"),
    ("a dozen", (12, 12), "'a dozen' is exact"),
    ("more than a dozen", (12, None), "hedge over a number word"),
    ("half a million", (500000, 500000), "half of a scale word"),
    ("more than a quarter of a million", (250000, None), "a hedged quarter of a scale word"),
    ("none", (0, 0), "zero"),
    ("several", None, "no number"),
    ("7-6(4)", None, "a tennis score is not a range"),
    ("thirty-five", (35, 35), "a hyphenated word is not a range"),
]


@pytest.mark.parametrize("text, expected, case", COUNTS, ids=[c for _, _, c in COUNTS])
def test_parse_count(text, expected, case):
    count = parse_count(text)
    assert (None if count is None else (count.min, count.max)) == expected


# (sentence, killed (min, max), injured (min, max), children_killed, case)
CASUALTIES = [
    ("Missiles hit the town, killing at least 34 and injuring 117 as people gathered.",
     # the hedge of the first toll holds for the bare toll coordinated after it (the gold codes
     # both as lower bounds)
     (34, None), (117, None), None, "participle clauses with a hedged object"),
    ("Two missiles hit the city, resulting in the deaths of 35 civilians, including two children.",
     (35, 35), None, 2, "nominal 'deaths of N' with an 'including' subset"),
    ("The strike hit the district, claiming the lives of 35 civilians.",
     (35, 35), None, None, "'claiming the lives of N'"),
    ("Additionally, over 115 individuals were injured.",
     None, (115, None), None, "passive injury with 'over'"),
    ("The army said that 74 civilians were killed and 17 wounded in the attack.",
     (74, 74), (17, 17), None, "passive coordination with an elided auxiliary"),
    ("At least two children were killed and 15 injured in the strike.",
     (2, None), (15, None), 2, "only children counted: killed is the children's figure"),
    ("The death toll rose to 40 on Monday.",
     (40, 40), None, None, "updated toll"),
    ("More than 100 people, including 20 children, are feared dead after the attack.",
     (100, None), None, 20, "aside between subject and a hedged predicate"),
    ("The shelling left 12 dead.", (12, 12), None, None, "'left N dead'"),
    ("The drone strike killed 5 people.", (5, 5), None, None, "active verb with a counted object"),
    ("Officials reported 3 dead and 10 wounded.", (3, 3), (10, 10), None, "predicative adjectives"),
    ("A strike on the house killed a family of five.", (5, 5), None, None, "group noun 'a family of N'"),
    ("Early reports put Friday's death toll at 57, with 32 civilians killed in the town and 25 in the camp.",
     (57, 57), None, None, "a total with its parts"),
    ("Thirty-five people died and two hundred and ten were hurt.",
     (35, 35), (210, 210), None, "number words with intransitive 'die'"),
    ("Dozens of people were killed in the raid.", (24, None), None, None, "vague plural subject"),
    ("Two dozen soldiers died in the ambush.", (24, 24), None, None, "'two dozen'"),
    ("Scores of people were killed in the raid.", (40, None), None, None, "'scores' counts only before 'of'"),
    ("Tens of thousands of people were killed.", (20000, None), None, None, "compound vague plural subject"),
    ("Between 32 and 74 people were killed.", (32, 74), None, None, "range subject"),
    ("The missiles killed 7-8 people.", (7, 8), None, None, "hyphen range object"),
    ("The attack killed 5 soldiers and 3 civilians.", (8, 8), None, None, "coordinated objects are summed"),
    ("Troops executed 48 people in the village, among them 10 children.",
     (48, 48), None, 10, "'among them' subset"),
    ("The attack killed 12 people, 5 of them children.", (12, 12), None, 5, "'N of them' subset"),
    ("A soldier was killed and two others were wounded.", (1, 1), (2, 2), None, "indefinite singular victim"),
    ("Six civilians including a child were among at least 22 people killed in air strikes.",
     (22, None), None, 1, "'among N killed' gives the total, not a subset"),
    ("Some 30 people lost their lives.", (30, 30), None, None, "'lost their lives' with an approximation"),
    ("The number of dead rose to 40.", (40, 40), None, None, "'the number of dead' as a toll"),
    ("Rescuers recovered the bodies of 20 people.", (20, 20), None, None, "'the bodies of N'"),
    ("At least 14 people were killed 25 were wounded in the attack.",
     (14, None), (25, 25), None, "run-on clauses: a passive verb takes no object"),
    ("Nine persons killed 12 injured in an attack on the city.",
     (9, 9), (12, 12), None, "headline style without auxiliaries"),
    ("Twin car bombs killed at least 18 people mostly children and wounded 40 others.",
     (18, None), (40, 40), None, "an aside without commas ends at a coordinated predicate"),
    ("Syrian air raids hit the area killing nine children and 14 others.",
     (23, 23), None, 9, "coordinated parts summed, children among them"),
    ("No one was killed in the attack.", (0, 0), None, None, "negative: no one killed"),
    ("There were no casualties.", (0, 0), (0, 0), None, "no casualties: nobody killed or hurt"),
    # Numbers that are not casualty counts.
    ("He was killed in 2019.", None, None, None, "a year is not a count"),
    ("A 35-year-old man was killed on Route 66 at 10:15am.", (1, 1), None, None,
     "an age, a road number and a time are not counts; the man himself is one"),
    ("The damage cost \u20ac2.7 million.", None, None, None, "money is not a count"),
    ("She won 7-6(4) in the final.", None, None, None, "a score is not a count"),
    ("Twenty buildings were destroyed.", None, None, None, "things are not victims"),
    ("Several people were killed.", None, None, None, "no number, no figure"),
    ("Rockets killed 5 people.", (5, 5), None, None, "the counted subject of an active verb is the killer"),
    # Figures of other fates beside a toll.
    ("Over 90,000 people have been killed and millions displaced since the uprising began.",
     (90000, None), None, None, "a count with a participle of its own fate is not more dead"),
    ("The war has killed 60,000 people and displaced millions from their homes.",
     (60000, 60000), None, None, "'displaced millions' is not coordinated dead"),
    ("More than 40,000 were killed and millions forced to flee, including two million who went abroad.",
     (40000, None), None, None, "a part larger than its written whole counts none of it"),
    ("Nearly half a million people were killed in the conflict.", (None, 500000), None, None,
     "an idiom of a fraction of a scale word"),
]


@pytest.mark.parametrize("text, killed, injured, children, case", CASUALTIES, ids=[c[-1] for c in CASUALTIES])
def test_find_casualties(nlp, text, killed, injured, children, case):
    found = find_casualties(nlp(text)[:])
    assert (None if found.killed is None else (found.killed.min, found.killed.max)) == killed
    assert (None if found.injured is None else (found.injured.min, found.injured.max)) == injured
    assert found.children_killed == children


def test_sentence_inside_a_document(nlp):
    # figures are read by doc index: a sentence that does not start the doc reads the same
    doc = nlp("The town was shelled on Monday. At least 12 people were killed, including two children.")
    sent = list(doc.sents)[1]
    assert sent.start > 0
    found = find_casualties(sent)
    assert (found.killed, found.children_killed, found.victims) == (Count(min=12, max=None), 2, "people")
    assert find_casualties(list(doc.sents)[0]) == Casualties()


VICTIMS = [
    ("The army said that 74 civilians were killed.", "civilians", "head noun of a passive subject"),
    ("The drone strike killed 5 soldiers.", "soldiers", "head noun of an object"),
    ("The strike killed at least 34.", None, "no noun"),
]


@pytest.mark.parametrize("text, victims, case", VICTIMS, ids=[c for _, _, c in VICTIMS])
def test_victims(nlp, text, victims, case):
    assert find_casualties(nlp(text)[:]).victims == victims


def test_women_killed(nlp):
    found = find_casualties(nlp("Ten children and five women have been killed in the air strikes.")[:])
    assert (found.killed.min, found.children_killed, found.women_killed) == (15, 10, 5)


def test_possessive_coordination(nlp):
    found = find_casualties(nlp("One mother and her child have died after the strike.")[:])
    assert found.killed == Count(min=2, max=2)


def test_merge_casualties_range_and_max():
    items = [
        Casualties(killed=Count(min=32, max=32), victims="civilians"),
        Casualties(killed=Count(min=74, max=74), injured=Count(min=17, max=17)),
        Casualties(injured=Count(min=20, max=None), children_killed=2),
    ]
    ranged = merge_casualties(items)
    assert ranged.killed == Count(min=32, max=74)  # conflicting tolls: lowest to highest
    assert ranged.injured == Count(min=20, max=None)  # injured: the highest
    assert ranged.children_killed == 2
    assert merge_casualties(items, conflict="max").killed == Count(min=74, max=74)


def test_merge_casualties_open_ended():
    items = [Casualties(killed=Count(min=34, max=None)), Casualties(killed=Count(min=35, max=35))]
    assert merge_casualties(items, conflict="max").killed == Count(min=35, max=35)
    # a floor ('at least 34') beside a higher figure is superseded; only exact tolls make a range
    assert merge_casualties(items).killed == Count(min=35, max=35)
    exact = [Casualties(killed=Count(min=32, max=32)), Casualties(killed=Count(min=74, max=74))]
    assert merge_casualties(exact).killed == Count(min=32, max=74)
    assert merge_casualties([Casualties(killed=Count(min=5, max=5))] * 2).killed == Count(min=5, max=5)
    assert merge_casualties([]) == Casualties()


def test_merge_casualties_rejects_unknown_rule():
    with pytest.raises(ValueError):
        merge_casualties([], conflict="mean")


def test_a_count_read_from_a_vague_word_says_so(nlp):
    vague = find_casualties(nlp("The shelling of the market killed scores of traders.")[:])
    assert (vague.killed.min, vague.killed.vague) == (40, True)
    assert vague.killed.model_dump() == {"min": 40, "max": None, "vague": True}
    exact = find_casualties(nlp("The shelling of the market killed 14 traders.")[:])
    assert exact.killed.vague is False and exact.killed.model_dump() == {"min": 14, "max": 14}


WHOLE = [
    ("The war has killed more than 60,000 people.", True, "a war as the killer"),
    ("Some 90,000 people have been killed in the conflict, the UN says.", True, "killed in the conflict"),
    ("At least 12,000 have died since the insurgency began in 2009.", True, "since the insurgency began"),
    ("Rebels are fighting the army in a civil war that has killed 150,000 people.", True,
     "a war the clause describes"),
    ("A monitor put the death toll from the conflict at more than 70,000.", True, "the toll of a conflict"),
    ("Five people were killed in a strike on the port, raising the war's death toll to 41,000.", False,
     "a strike's own toll beside the war's: the strike's is kept"),
    ("Two soldiers were killed in the fighting near the village.", False, "local fighting is a strike's"),
    ("More than 40,000 are estimated to have died since the start of the rebellion.", True,
     "a stretch of a war, under a verb of estimate"),
    ("Despite the killing of at least 20,000 people in the insurgency, talks went on.", True,
     "a noun of killing in the war"),
    ("Twelve people were killed in the deadliest attack of the war.", False, "one strike of a war is a strike"),
    ("The war's deadliest strike killed 12 people in the city.", False, "a war's strike is a strike"),
    ("At least 12 people died when a missile hit a market, the deadliest strike since the war began.", False,
     "a 'since the war' of another clause"),
]


@pytest.mark.parametrize("text, whole, case", WHOLE, ids=[c for _, _, c in WHOLE])
def test_a_whole_war_toll_is_marked(nlp, text, whole, case):
    found = find_casualties(nlp(text)[:])
    assert found.killed is not None and found.whole is whole


def test_a_war_toll_beside_a_strike_toll_is_dropped(nlp):
    found = find_casualties(nlp("Five people were killed in a strike on the port, raising the war's death toll "
                                "to 41,000.")[:])
    assert (found.killed.min, found.killed.max) == (5, 5)
