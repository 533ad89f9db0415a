"""Attributed claims, one speech pattern or verification cue per row: sentences written for these tests."""

import pytest

from peacewatch import extract

PUBLISHED = "2024-03-10"

# (text, expected claims as (speaker country or name, kind, status, words the text must hold), what it covers)
SPEECH = [
    ("Egypt's foreign minister said that the border crossing would reopen on Monday.",
     [("EGY", "statement", "not_assessed", "crossing would reopen")], "indirect speech: 'said that'"),
    ("\"We will not leave our homes,\" the mayor of Kharkiv told reporters.",
     [("UKR", "quote", "not_assessed", "will not leave")], "direct quotation before the verb"),
    ("Turkish President Recep Tayyip Erdogan told reporters in Ankara that talks would resume.",
     [("TUR", "statement", "not_assessed", "talks would resume")], "'told reporters ... that'"),
    ("The Chinese foreign ministry stated that the drills were routine.",
     [("CHN", "statement", "not_assessed", "drills were routine")], "'stated that'"),
    ("According to the Iraqi interior ministry, the bomb was hidden in a truck.",
     [("IRQ", "statement", "not_assessed", "bomb was hidden")], "'according to X'"),
    ("The Kenyan president described the raid as \"cowardly\".",
     [("KEN", "accusation", "not_assessed", "raid as")], "'described X as \"...\"'"),
    ("Colombia's defence minister expressed to journalists that he hopes the talks will succeed.",
     [("COL", "statement", "not_assessed", "talks will succeed")], "'expressed ... that'"),
    ("Peru's trade minister said that she hopes the border will reopen soon.",
     [("PER", "statement", "not_assessed", "border will reopen")], "a verb of saying nested in another's clause"),
    ("Germany's chancellor condemned the attack on the embassy.",
     [("DEU", "accusation", "not_assessed", "condemned the attack")], "condemnation: the act is the content"),
    ("Nigeria's army denied that its soldiers had fired on protesters.",
     [("NGA", "denial", "not_assessed", "fired on protesters")], "denial"),
    ("Somalia's prime minister demanded the release of the hostages.",
     [("SOM", "demand", "not_assessed", "release of the hostages")], "demand with an object"),
    ("The Lebanese government returned with new demands to withdraw the troops.",
     [("LBN", "demand", "not_assessed", "demands to withdraw")], "a noun of saying made by someone"),
    ("Georgia and Armenia accused each other of shelling the border villages.",
     [("GEO", "accusation", "not_assessed", "shelling"), ("ARM", "accusation", "not_assessed", "shelling")],
     "a mutual accusation: one claim per accuser"),
    ("Russian missiles struck Kharkiv on Sunday, the heaviest attack this year, per Reuters.",
     [("GBR", "statement", "not_assessed", "heaviest attack this year")], "media attribution: 'per X'"),
]

STATUS = [
    ("Israel's military claimed it hit a weapons depot, an assertion that could not be independently verified.",
     "unverified", "'could not be independently verified'"),
    ("Sudan's army said it had retaken the bridge, but offered no evidence.", "unverified", "'offered no evidence'"),
    ("Sudan's army reportedly said it had retaken the bridge.", "unverified", "'reportedly'"),
    ("The talks went smoothly, despite the Serbian president claiming that Kosovo had refused to attend.",
     "disputed", "'despite X claiming': the article contradicts it"),
    ("Contrary to what it stated, Ethiopia's government said the road was open; the claim is disputed.",
     "disputed", "'disputed'"),
    ("Ukraine's air force said it had downed 20 drones, a figure confirmed by the defence ministry.",
     "confirmed", "'confirmed by'"),
    ("Local sources confirmed an explosion at the port of Aden.", "confirmed", "the speech verb 'confirmed'"),
    ("The Russian defence ministry said its troops had captured the village.", "not_assessed", "no cue"),
    ("Hamas claimed it had fired rockets at Tel Aviv.", "not_assessed", "'claimed' alone stays not_assessed"),
]

NOTHING = [
    ("Is Russia mocking the peace efforts?", "a rhetorical question"),
    ("It is evident that the missiles are aimed at cities.", "the author's own commentary"),
    ("The ministry did not say when the convoy would leave.", "a negated speech verb"),
    ("Heavy shelling was reported in the north of the region.", "a passive report with no speaker"),
    ("The sequence of these events raises suspicions about the talks.", "the author's inference"),
    ("What did the envoy say to the president?", "a question about speech"),
]


def _speaker_key(claim):
    speaker = claim.speaker
    return (speaker.country or speaker.name) if speaker else None


@pytest.mark.parametrize("text,expected,comment", SPEECH, ids=[c[2] for c in SPEECH])
def test_speech_patterns(text, expected, comment):
    claims = extract(text, published=PUBLISHED).claims
    got = [(_speaker_key(c), c.kind, c.status) for c in claims]
    assert got == [e[:3] for e in expected], comment
    for claim, (_, _, _, words) in zip(claims, expected, strict=True):
        assert words in claim.text, f"{comment}: {claim.text!r}"
        assert claim.evidence in text


@pytest.mark.parametrize("text,status,comment", STATUS, ids=[c[2] for c in STATUS])
def test_verification_cues(text, status, comment):
    claims = extract(text, published=PUBLISHED).claims
    assert claims, comment
    assert claims[0].status == status, comment


@pytest.mark.parametrize("text,comment", NOTHING, ids=[c[1] for c in NOTHING])
def test_no_claim(text, comment):
    assert extract(text, published=PUBLISHED).claims == [], comment


def test_quotation_split_across_sentences_keeps_its_speaker():
    text = ("\"The shelling went on all night,\" the Syrian health minister said. "
            "\"Three hospitals are now closed.\"")
    claims = extract(text, published=PUBLISHED).claims
    assert [(_speaker_key(c), c.kind) for c in claims] == [("SYR", "quote"), ("SYR", "quote")]
    assert "hospitals are now closed" in claims[1].text


def test_pronoun_speaker_is_the_last_named_speaker():
    text = ("Polish President Andrzej Duda met the troops in Rzeszow. "
            "Later he told reporters that the border was secure.")
    claims = extract(text, published=PUBLISHED).claims
    assert len(claims) == 1
    assert claims[0].speaker.country == "POL"
    assert claims[0].speaker.text == "he"


def test_later_hedge_points_back_at_the_claim():
    text = ("Iran's foreign ministry said the drone had been launched from Iraq. "
            "The weather was cold. Moreover, Iran has failed to provide evidence for its claims.")
    claims = extract(text, published=PUBLISHED).claims
    assert len(claims) == 1
    assert claims[0].status == "unverified"
    assert "later sentence" in claims[0].note


def test_denial_disputes_the_claim_it_answers():
    # The article reports both sides: the claim and the denial that answers it are disputed.
    text = ("Azerbaijan's defence ministry said Armenian troops had shelled its positions. "
            "Armenia's defence ministry denied the claim.")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.kind, c.status) for c in claims] == [
        ("AZE", "statement", "disputed"), ("ARM", "denial", "disputed")]


def test_denial_with_nothing_to_answer_stays_not_assessed():
    claims = extract("Chad's government denied sending troops across the border.", published=PUBLISHED).claims
    assert [(c.kind, c.status) for c in claims] == [("denial", "not_assessed")]


def test_denial_of_the_accusation_reaches_back_past_the_window():
    text = ("Iran's army accused Iraqi militias of shelling its border posts. The posts lie in the mountains. "
            "Snow fell overnight. Trade went on at the crossing. Officials met in Baghdad. "
            "Iraq rejected the accusation.")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.kind, c.status) for c in claims] == [
        ("IRN", "accusation", "disputed"), ("IRQ", "denial", "disputed")]


def test_a_claim_denied_in_the_same_sentence():
    # 'a claim X denied, calling it ...': X denies, and the participle is X's wording of the denial.
    text = "Serbia accused Kosovo of arming militias, a claim Pristina denied, calling it invented."
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.kind, c.status) for c in claims] == [
        ("SRB", "accusation", "disputed"), ("XKX", "denial", "disputed")]
    assert "invented" in claims[1].text


def test_conflicting_accounts_dispute_the_accounts_that_follow():
    text = ("Fighting raged in the town of Beledweyne in Somalia. The army and the militants gave conflicting "
            "accounts. The army said its troops had repelled the attack. "
            "The militants said they had seized the police station.")
    claims = extract(text, published=PUBLISHED).claims
    assert [c.status for c in claims] == ["disputed", "disputed"]
    assert "conflicting accounts" in claims[0].note


def test_a_copy_of_the_claims_sentence_does_not_confirm_it():
    # A highlights box repeating the sentence without its attribution is not the article's own voice.
    text = ("Sudan's jets struck a fuel depot in Nyala on Monday, killing ten fighters.\n\nTalks stalled in Jeddah.\n\n"
            "According to Sudan's army, its jets struck a fuel depot in Nyala on Monday, killing ten fighters.")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.status) for c in claims] == [("SDN", "not_assessed")]


@pytest.mark.parametrize("text,expected", [
    ("The governor of Kherson acknowledged the damage to the bridge and urged residents not to travel.",
     [("UKR", "statement"), ("UKR", "demand")]),
    ("Armenia's foreign ministry denied the report, saying its troops had stayed in their barracks.",
     [("ARM", "denial")]),
    ("Pakistan's army, which says it is defending the border, also said it shot down two drones.",
     [("PAK", "statement"), ("PAK", "statement")]),
], ids=["two acts: a statement and a demand", "a participle that restates the denial",
        "a relative clause of saying and the main verb"])
def test_one_claim_per_speech_act(text, expected):
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.kind) for c in claims] == expected


def test_speaker_with_a_relative_clause_of_its_own():
    text = ("The Yemeni branch of the group, which has fought the government since 2011, said in a statement "
            "that its fighters had captured the base in Yemen.")
    claims = extract(text, published=PUBLISHED).claims
    assert len(claims) == 1 and "captured the base" in claims[0].text


@pytest.mark.parametrize("text,country", [
    ("Shelling hit the town of Kupiansk in Ukraine on Monday. \"We hid in the cellar,\" said Olena Marchuk, "
     "a teacher.", None),
    ("Shelling hit the town of Kupiansk in Ukraine on Monday. \"We hid in the cellar,\" the town's mayor "
     "said.", "UKR"),
    ("Gunmen attacked a convoy in Mali on Sunday. A source close to Mali's transport ministry said 30 trucks "
     "were burned.", "MLI"),
], ids=["a named person with no country keeps none (unknown is null)", "a local role: the story's country",
        "'a source close to' a country's body"])
def test_speaker_country_when_the_text_gives_none(text, country):
    claims = extract(text, published=PUBLISHED).claims
    assert [c.speaker.country for c in claims] == [country]


@pytest.mark.parametrize("text", [
    "Troops clashed in Sudan. A spokesman for the army did not respond to requests for comment.",
    "Troops shelled a village called Tal Hamra in northern Syria on Monday.",
], ids=["a request made to someone who did not answer", "'a village called X' names, no one speaks"])
def test_no_claim_in_context(text):
    assert extract(text, published=PUBLISHED).claims == []


def test_the_article_saying_it_itself_confirms_a_claim():
    text = ("\"Explosions were heard across the capital,\" the Malian prime minister wrote.\n\n"
            "Several explosions were heard across the capital on Monday night.")
    claims = extract(text, published=PUBLISHED).claims
    assert claims[0].status == "confirmed"


def test_claim_is_dated_by_its_sentence_or_the_publication():
    claims = extract("On Friday, Egypt's foreign minister said that the crossing would reopen.",
                     published=PUBLISHED).claims
    assert claims[0].date.value == "2024-03-08"
    claims = extract("Egypt's foreign minister said that the crossing would reopen.", published=PUBLISHED).claims
    assert claims[0].date.value == PUBLISHED


def _cue_cases():
    from peacewatch.extract.claims import claim_lexicon

    return [(status, " ".join(cue)) for status, cues in claim_lexicon().cues.items() for cue in cues]


@pytest.mark.parametrize("status,cue", _cue_cases(), ids=[f"{s}: {c}" for s, c in _cue_cases()])
def test_every_cue_in_the_lexicon_sets_its_status(status, cue):
    """Each cue of data/claims.yaml, in the sentence of a claim, gives that claim its status."""
    text = f"Sudan's army said on Monday that it had retaken the bridge near the border ({cue})."
    claims = extract(text, published=PUBLISHED).claims
    assert claims and claims[0].status == status, (cue, [(c.status, c.text) for c in claims])


def test_quoted_tokens_follow_marks_and_paragraphs(nlp):
    # Curly pairs, straight marks in turns, and an unclosed quotation that ends with its paragraph.
    from peacewatch.extract.quotes import quoted_tokens_of

    doc = nlp("The envoy said “we will wait” and left. \"Not now,\" she said.\n\nHe wrote: “Talks go on\n\nThey ended.")
    quoted = {doc[i].text for i in quoted_tokens_of(doc)}
    assert quoted == {"we", "will", "wait", "Not", "now", ",", "Talks", "go", "on"}


def test_first_cue_finds_the_first_cue_in_lexicon_order():
    from peacewatch.extract.claims import _first_cue

    cues = (("could", "not", "be", "verified"), ("unverified",), ("remains", "unconfirmed"))
    assert _first_cue("The figure remains unconfirmed and unverified.", cues) == ("unverified",)
    assert _first_cue("It could NOT be\nverified.", cues) == ("could", "not", "be", "verified")
    assert _first_cue("The unverifiedness of it.", cues) is None
    assert _first_cue("Nothing here was checked.", cues) is None


def test_a_quotation_that_runs_over_sentences_is_one_claim():
    text = ("Shelling hit Sumy in Ukraine. “The governors’ offices were hit,” the mayor of Sumy said. "
            "“Two schools burned. The hospital is full.”")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.kind) for c in claims] == [("UKR", "quote"), ("UKR", "quote")]
    assert "governors’ offices" in claims[0].text  # the apostrophe does not close the quotation
    assert "schools burned" in claims[1].text and "hospital is full" in claims[1].text
    assert claims[1].evidence.startswith("“Two schools") and claims[1].evidence.endswith("full.”")


def test_apostrophe_inside_a_quotation_keeps_its_verbs_quoted():
    # Verbs of saying inside the quotation are the speaker's words, not claims of their own.
    text = ("Shelling hit Sumy in Ukraine. “In answer to the invaders’ threats to destroy our towns, Ukraine "
            "expresses its firm condemnation,” the mayor of Sumy said.")
    claims = extract(text, published=PUBLISHED).claims
    assert [c.speaker.text for c in claims] == ["the mayor of Sumy"]


def test_a_credit_line_is_no_media_claim():
    text = "Ten soldiers were wounded near the border of Thailand on Monday. (Royal Thai Army via AP)"
    assert extract(text, published=PUBLISHED).claims == []


@pytest.mark.parametrize("text,expected", [
    ("Peru suspended talks with the rebels in March after blaming them for an ambush on a patrol.",
     [("PER", "accusation")]),
    ("\"Such attacks will be punished,\" the agency quoted Iran's defence minister as saying.", [("IRN", "quote")]),
    ("Lima, May 3 (AP) – A rebel group in Peru on Tuesday announced a truce with the army.", [("PER", "statement")]),
    ("Drones hit an air base in Russia. Ukraine's president lauded the results of the operation.",
     [("UKR", "statement")]),
    ("Clashes broke out in the town of Arauca in Colombia. The government said three soldiers had died.",
     [("COL", "statement")]),
], ids=["'after blaming': the subject of the clause it hangs on", "'quoted X as saying': X speaks",
        "a dateline is not the speaker", "'lauded' praises like 'hailed'", "'the government' is a local speaker"])
def test_more_speakers(text, expected):
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.kind) for c in claims] == expected


def test_reportedly_passes_on_unnamed_reports():
    text = "Troops clashed in Chad on Monday. The army reportedly shelled two villages near the border."
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.name, c.status) for c in claims] == [("unnamed reports", "unverified")]
    assert "shelled two villages" in claims[0].text


def test_the_other_side_confirming_it_confirms_a_claim():
    text = ("Israel's army said it had killed Ahmad Nasser in a strike on a flat in Sidon. "
            "Hezbollah confirmed that Ahmad Nasser was killed in an Israeli strike in Sidon.")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.status) for c in claims] == [("ISR", "confirmed"), ("LBN", "confirmed")]
    assert "confirmed by" in claims[0].note


@pytest.mark.parametrize("second,status", [
    ("Armenia's defence ministry said Azerbaijani troops had shelled the village with mortars.", "disputed"),
    ("Armenia's defence ministry said its troops were on alert.", "not_assessed"),
], ids=["the same claim told again", "another claim of the same side"])
def test_a_disputed_claim_told_again_stays_disputed(second, status):
    text = "Armenia accused Azerbaijan of shelling a border village, a claim Baku denied. " + second
    claims = extract(text, published=PUBLISHED).claims
    assert claims[-1].speaker.country == "ARM" and claims[-1].status == status


def test_a_lead_told_again_in_the_body_is_one_claim():
    sentence = ("police arrested twelve gunmen suspected of planning attacks on polling stations in Basra "
                "on Monday.")
    text = (f"According to Iraq's interior minister Karim Saleh, {sentence}\n\nClashes went on in the south.\n\n"
            f"According to Saleh, {sentence}")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.status) for c in claims] == [("IRQ", "not_assessed")]


def test_an_account_set_against_another_is_a_claim_of_its_own():
    text = ("Gunmen attacked a convoy in Gaza on Sunday. "
            "A medic said four people died, while a source close to Hamas said six had died.")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.text, c.speaker.country, c.text) for c in claims] == [
        ("A medic", "PSE", "four people died"), ("a source close to Hamas", "PSE", "six had died")]


def test_a_second_act_joined_to_what_is_said():
    # 'said A and accused B': the parse joins 'accused' to A; it is the speaker's second act.
    text = ("Mines hurt soldiers in Thailand. The Thai army said its troops patrol the border daily "
            "and accused Cambodia of planting new mines.")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.kind, c.text) for c in claims] == [
        ("THA", "statement", "its troops patrol the border daily"),
        ("THA", "accusation", "Cambodia planting new mines")]


def test_a_role_takes_the_country_of_the_body_it_serves():
    # The story happens in Ukraine, but the spokesperson speaks for Russia's presidency.
    text = "Drones hit Kyiv in Ukraine. A spokesperson for the Kremlin called the strikes a \"very important moment\"."
    claims = extract(text, published=PUBLISHED).claims
    assert [c.speaker.country for c in claims] == ["RUS"]


@pytest.mark.parametrize("text,expected", [
    ("Hopes for talks to end the war that Peru launched nearly three years ago rose after President Tom Reed "
     "said that he had been in contact with both capitals.", "2025-02-12"),
    ("The rebels, who have waged an insurgency since 2007, said in a statement that they had taken the town.",
     "2025-02-12"),
    ("President Tom Reed said on Monday that he had been in contact with both capitals.", "2025-02-10"),
    ("President Ana Ruiz, speaking on Sunday night, praised the results of the operation.", "2025-02-09"),
])
def test_a_claim_is_dated_by_its_saying_not_by_another_clause(text, expected):
    """'the war that X launched three years ago', 'since 2007' date another clause, not the saying
    (before, the claim took 2022 and 2007); a participle of saying dates it."""
    claims = extract(text, published="2025-02-12").claims
    assert [c.date.value for c in claims] == [expected]
