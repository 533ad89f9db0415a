"""Fusion rules on hand-made tellings: what joins an incident and what stays apart."""

from peacewatch.fuse.incidents import Fuser, Telling, best_figure, fusion_order, gather, telling_of
from peacewatch.records import TELLING_COLUMNS, date_span


def telling(n, day="2025-04-22", place="Kharkiv", lat=49.99, lon=36.23, killed=5, article=None, root=None,
            kind="ASSAULT", precision="day", published=None):
    article = article or f"a{n}"
    return Telling(event_id=n, article_id=article, root=root or article, type=kind, country="UKR", date_value=day,
                   date_precision=precision, place_name=place, lat=lat, lon=lon, place_precision="city",
                   source_country="RUS", target_country="UKR", killed_min=killed, killed_max=killed, outlet=f"o{n}",
                   url=f"https://example.org/{article}", published=published or day)


def test_date_spans():
    assert [d.isoformat() for d in date_span("2025-04", None)] == ["2025-04-01", "2025-04-30"]
    assert [d.isoformat() for d in date_span("2025-04-14", "week")] == ["2025-04-14", "2025-04-20"]
    assert date_span(None, "day") is None


def test_same_place_and_day_fuse_with_a_day_of_slack():
    fuser = Fuser()
    first = fuser.fuse(telling(1))
    assert fuser.fuse(telling(2, killed=7)) is first
    assert fuser.fuse(telling(3, day="2025-04-23", killed=6)) is first
    assert first.summary() | {} == {"sources": 3, "reports": 3, "killed_best": 6, "killed_median": 6.0,
                                    "killed_min": 5, "killed_max": 7, "injured_best": None,
                                    "injured_median": None, "injured_min": None, "injured_max": None}


def test_towns_apart_other_days_other_types_and_one_article_stay_apart():
    fuser = Fuser()
    first = fuser.fuse(telling(1))
    assert fuser.fuse(telling(2, place="Chuhuiv", lat=49.84, lon=36.69)) is not first  # 37 km, another town
    assert fuser.fuse(telling(3, day="2025-04-25")) is not first
    assert fuser.fuse(telling(4, kind="PROTEST")) is not first
    assert fuser.fuse(telling(5, article="a1")) is not first  # the same article tells two strikes
    assert len(fuser.incidents) == 5


def test_a_copy_is_not_an_independent_source():
    fuser = Fuser()
    incident = fuser.fuse(telling(1, killed=20))
    fuser.fuse(telling(2, killed=20, article="copy", root="a1"))
    fuser.fuse(telling(3, killed=23))
    summary = incident.summary()
    assert (summary["sources"], summary["reports"], summary["killed_median"]) == (2, 3, 21.5)


def test_a_month_date_joins_only_an_incident_it_cannot_be_confused_with():
    fuser = Fuser()
    only = fuser.fuse(telling(1))
    assert fuser.fuse(telling(2, day="2025-04", precision="month")) is only
    fuser.fuse(telling(3, day="2025-04-10"))
    fuser.fuse(telling(4, day="2025-04", precision="month"))  # two April strikes fit: it stays apart
    assert len(fuser.incidents) == 3 and [len(i.figures) for i in fuser.incidents] == [2, 1, 1]


def test_the_best_toll_is_the_latest_reports_with_low_and_high_over_all():
    """A toll that rises over three days: the first reports' figures stay as the low estimate."""
    fuser = Fuser()
    incident = fuser.fuse(telling(1, killed=7, published="2025-04-22"))
    fuser.fuse(telling(2, killed=9, published="2025-04-22"))
    fuser.fuse(telling(3, killed=12, published="2025-04-23"))
    fuser.fuse(telling(4, killed=14, published="2025-04-24"))
    fuser.fuse(telling(5, killed=13, published="2025-04-24"))
    summary = incident.summary()
    assert (summary["killed_best"], summary["killed_min"], summary["killed_max"]) == (14, 7, 14)
    assert summary["killed_median"] == 12.0
    assert [(f["published"], f["killed_min"], f["url"]) for f in incident.figures][0] == (
        "2025-04-22", 7, "https://example.org/a1")


def test_a_late_copy_does_not_speak_for_its_original():
    fuser = Fuser()
    incident = fuser.fuse(telling(1, killed=20, published="2025-04-22"))
    fuser.fuse(telling(2, killed=3, article="copy", root="a1", published="2025-04-25"))
    assert incident.summary()["killed_best"] == 20


def test_best_figure_reads_bounds_and_skips_sources_without_one():
    sources = [{"published": "2025-04-23", "killed_min": None, "killed_max": 30},
               {"published": "2025-04-24", "killed_min": None, "killed_max": None},
               {"published": "2025-04-22", "killed_min": 5, "killed_max": None}]
    assert best_figure(sources, "killed") == 30
    assert best_figure(sources, "injured") is None


# ------------------------------------------------------------ one happening, one incident


def told(n, article, kind="ASSAULT", day="2025-04-22", place=None, admin1=None, lat=None, lon=None,
         precision=None, source="RUS", target="UKR", killed=None, published="2025-04-22", rule=None,
         evidence=None):
    """A telling with no place unless one is given."""
    return Telling(event_id=n, article_id=article, root=article, type=kind, country=target or source,
                   date_value=day, date_precision="day" if len(day) == 10 else ("month" if len(day) == 7 else "year"),
                   place_name=place, admin1=admin1, lat=lat, lon=lon, place_precision=precision,
                   place_country="UKR" if place else None, source_country=source, target_country=target,
                   killed_min=killed, killed_max=killed, published=published, date_rule=rule,
                   evidence=evidence or f"sentence {n}", outlet=f"outlet {article}")


def town(n, article, name="Vyshgorod", admin1="UA.13", lat=50.58, lon=30.49, **kw):
    return told(n, article, place=name, admin1=admin1, lat=lat, lon=lon, precision="city", **kw)


def region(n, article, name="Kyiv Oblast", admin1="UA.13", lat=50.3, lon=30.6, **kw):
    return told(n, article, place=name, admin1=admin1, lat=lat, lon=lon, precision="region", **kw)


def fuse_all(tellings, fuser=None):
    fuser = fuser or Fuser()
    for telling in sorted(gather(tellings), key=fusion_order):
        fuser.fuse(telling)
    return fuser


def test_an_articles_sentences_of_one_strike_are_one_telling_with_its_highest_toll():
    """The lead names the town, a later sentence gives the updated toll, a caption says nothing more."""
    gathered = gather([town(1, "a", killed=5), told(2, "a", killed=8), told(3, "a", source=None, target=None)])
    assert len(gathered) == 1
    one = gathered[0]
    assert (one.place_name, one.killed_min, [t.event_id for t in one.also]) == ("Vyshgorod", 8, [2, 3])
    assert one.figure()["also_evidence"] == ["sentence 2", "sentence 3"]


def test_an_article_telling_strikes_on_two_towns_tells_two_happenings():
    gathered = gather([town(1, "a"), town(2, "a", name="Konotop", admin1="UA.21", lat=51.24, lon=33.2),
                       told(3, "a", kind="PROTEST")])
    assert len(gathered) == 3


def test_a_town_joins_the_incident_of_the_region_that_holds_it_and_not_another():
    fuser = fuse_all([region(1, "a"), town(2, "b")])
    assert len(fuser.incidents) == 1 and fuser.incidents[0].place_name == "Vyshgorod"
    fuser = fuse_all([region(1, "a", name="Sumy Oblast", admin1="UA.21", lat=50.9, lon=34.0), town(2, "b")])
    assert len(fuser.incidents) == 2


def test_a_report_without_a_place_joins_the_one_incident_it_fits():
    fuser = fuse_all([town(1, "a", killed=4), told(2, "b", killed=6, published="2025-04-23")])
    assert len(fuser.incidents) == 1 and fuser.incidents[0].summary()["killed_best"] == 6
    # two towns struck that day, far apart: a report naming neither cannot say which
    fuser = fuse_all([town(1, "a"), town(2, "b", name="Konotop", admin1="UA.21", lat=51.24, lon=33.2), told(3, "c")])
    assert len(fuser.incidents) == 3


def test_a_report_that_names_neither_place_nor_side_joins_nothing():
    fuser = fuse_all([town(1, "a"), told(2, "b", source=None, target=None)])
    assert [len(i.figures) for i in fuser.incidents] == [1, 1]


def test_calls_and_talks_fuse_whichever_side_the_sentence_names_first():
    fuser = fuse_all([told(1, "a", kind="CONSULT", source="USA", target="RUS"),
                      told(2, "b", kind="CONSULT", source="RUS", target="USA"),
                      told(3, "c", kind="CONSULT", source="RUS", target=None)])
    assert len(fuser.incidents) == 1
    # the same day, one of them calls a third party: another call
    fuser.fuse(told(4, "d", kind="CONSULT", source="USA", target="UKR"))
    assert len(fuser.incidents) == 2


def test_background_joins_no_incident():
    fuser = fuse_all([town(1, "a", killed=9)])
    # a war begun years before the article, and a war's toll in a sentence that gives no date of its own
    assert fuser.fuse(told(2, "b", day="2022-02", published="2025-04-22")) is None
    assert fuser.fuse(told(3, "c", killed=20000, rule="weekday-before-publication; narrative")) is None
    assert fuser.fuse(told(4, "d", killed=3000, rule="undated current news: publication date")) is None
    assert fuser.fuse(told(5, "e", day="2025-03", killed=1500, published="2025-04-22")) is None
    assert len(fuser.incidents) == 1 and fuser.incidents[0].summary()["killed_max"] == 9


def test_a_recalled_strike_joins_its_incident_but_never_makes_one():
    fuser = fuse_all([town(1, "a", killed=9)])
    recalled = town(2, "b", killed=12, published="2025-05-20")
    assert fuser.fuse(recalled) is fuser.incidents[0]
    assert fuser.incidents[0].summary()["killed_best"] == 12
    assert fuser.fuse(town(3, "c", day="2025-03-02", published="2025-05-20")) is None


def test_a_telling_dated_only_to_a_year_joins_nothing():
    fuser = fuse_all([town(1, "a")])
    fuser.fuse(town(2, "b", day="2025"))
    assert [len(i.figures) for i in fuser.incidents] == [1, 1]


def test_one_sentence_naming_several_parties_of_one_meeting_is_one_telling():
    """'The leaders of three countries met the president in the capital': read as one event per leader."""
    sentence = "Three leaders met the president."
    gathered = gather([told(1, "a", kind="CONSULT", source=code, target="UKR", evidence=sentence)
                       for code in ("FRA", "DEU", "POL")])
    assert len(gathered) == 1 and gathered[0].parties() == {"FRA", "DEU", "POL", "UKR"}
    # told in two sentences, two meetings of different pairs stay apart
    assert len(gather([told(1, "a", kind="CONSULT", source="FRA", target="UKR"),
                       told(2, "a", kind="CONSULT", source="DEU", target="POL")])) == 2


# ------------------------------------------------------------ vague counts, diplomatic wording


def test_a_written_count_outweighs_a_vague_one_in_an_article_and_in_the_best_figure():
    vague = told(1, "a", killed=24)
    vague.killed_max, vague.killed_vague = None, True  # 'Dozens dead' in a heading
    merged = gather([vague, told(2, "a", killed=13)])[0]  # 'at least 13 people were killed'
    assert (merged.killed_min, merged.killed_vague) == (13, False)
    sources = [{"published": "2025-04-24", "killed_min": 24, "killed_max": None, "killed_vague": True},
               {"published": "2025-04-23", "killed_min": 13, "killed_max": 13}]
    assert best_figure(sources, "killed") == 13
    assert best_figure(sources[:1], "killed") == 24  # alone, the vague floor is all there is


def test_talks_and_what_was_agreed_at_them_are_one_happening_whatever_country_is_named():
    """One outlet tells the talks, another the deal they reached, a third a side's concession; a
    country named beside talks ('talks on Ukraine') is not where they were held."""
    fuser = fuse_all([
        town(1, "a", kind="CONSULT", source="USA", target="RUS", name="Gullhaven", admin1="XX.01", lat=20.0, lon=40.0),
        told(2, "b", kind="AGREE", source="RUS", target="USA"),
        told(3, "c", kind="CONCEDE", source="USA", target=None, place="Ukraine", precision="country"),
        told(4, "d", kind="AGREE", source="USA", target="RUS")])
    assert len(fuser.incidents) == 1
    assert fuser.incidents[0].type == "AGREE" and fuser.incidents[0].place_name == "Gullhaven"
    # a strike and a protest stay their own kinds
    fuser = fuse_all([told(1, "a", kind="CONSULT", source="USA", target="RUS"),
                      told(2, "b", kind="ACCUSE", source="USA", target="RUS")])
    assert len(fuser.incidents) == 2


def test_a_sentence_telling_each_side_releasing_prisoners_is_one_telling():
    sentence = "The two sides exchanged prisoners, each releasing several hundred."
    gathered = gather([told(1, "a", kind="CONCEDE", source="UKR", target=None, evidence=sentence),
                       told(2, "a", kind="CONCEDE", source="RUS", target=None, evidence=sentence)])
    assert len(gathered) == 1 and gathered[0].parties() == {"UKR", "RUS"}


def test_a_demand_made_at_a_meeting_of_the_two_joins_the_meeting():
    """One outlet tells the meeting in a town, others only what one side demanded of or said
    against the other there that day: one happening. Not a call, nor another pair's words."""
    meeting = dict(name="Gullhaven", admin1="XX.01", lat=20.0, lon=40.0)
    fuser = fuse_all([town(1, "a", kind="CONSULT", source="USA", target="UKR", **meeting),
                      told(2, "b", kind="ACCUSE", source="USA", target="UKR"),
                      told(3, "c", kind="REQUEST", source="UKR", target="USA"),
                      told(4, "d", kind="REQUEST", source="USA", target="RUS")])
    assert [sorted(f["article_id"] for f in i.figures) for i in fuser.incidents] == [["a", "b", "c"], ["d"]]
    assert fuser.incidents[0].type == "CONSULT"
    # a call named by no town: what a side says that day is its own happening
    fuser = fuse_all([told(1, "a", kind="CONSULT", source="USA", target="UKR"),
                      told(2, "b", kind="ACCUSE", source="USA", target="UKR")])
    assert len(fuser.incidents) == 2


def test_a_numbered_instrument_is_one_decision_a_few_days_apart():
    """'agreed its 9th package of sanctions' on one day, 'adopted the ninth round of sanctions'
    four days later: one decision. Another number, or two weeks apart, is another."""
    fuser = fuse_all([
        told(1, "a", kind="SANCTION", source=None, target="RUS", day="2025-04-10", published="2025-04-10",
             evidence="The bloc agreed its 9th package of sanctions on Thursday."),
        told(2, "b", kind="SANCTION", source=None, target="RUS", day="2025-04-14", published="2025-04-14",
             evidence="Ministers adopted the ninth round of sanctions against Moscow."),
        told(3, "c", kind="SANCTION", source=None, target="RUS", day="2025-04-15", published="2025-04-15",
             evidence="Ministers discussed a tenth package of sanctions."),
        told(4, "d", kind="SANCTION", source=None, target="RUS", day="2025-04-30", published="2025-04-30",
             evidence="The ninth package of sanctions took effect.")])
    assert [sorted(f["article_id"] for f in i.figures) for i in fuser.incidents] == [["a", "b"], ["c"], ["d"]]


def test_an_act_dated_by_its_article_joins_the_same_pair_s_incident_of_two_days_before():
    """An exchange of prisoners begun on Friday, told as completed in a report of Sunday that
    dates it by nothing but its own day: one exchange. A report naming another pair does not join."""
    fuser = fuse_all([
        told(1, "a", kind="CONCEDE", source="UKR", target="RUS", day="2025-04-18"),
        told(2, "b", kind="CONCEDE", source="RUS", target="UKR", day="2025-04-20", published="2025-04-20",
             rule="undated current news: publication date"),
        told(3, "c", kind="CONCEDE", source="ARM", target="AZE", day="2025-04-20", published="2025-04-20",
             rule="undated current news: publication date"),
        told(4, "d", kind="CONCEDE", source="RUS", target="UKR", day="2025-04-20", published="2025-04-20")])
    assert [sorted(f["article_id"] for f in i.figures) for i in fuser.incidents] == [["a", "b"], ["c"], ["d"]]


def test_a_strike_s_numbered_wave_is_no_instrument():
    fuser = fuse_all([town(1, "a", day="2025-04-10", published="2025-04-10", evidence="The second wave of drones hit."),
                      town(2, "b", day="2025-04-14", published="2025-04-14", evidence="A second wave of drones hit.")])
    assert len(fuser.incidents) == 2


def test_an_outlets_later_version_of_its_story_speaks_whichever_is_found_the_copy():
    """An outlet updates its story the next day (the toll risen): found a copy of the first
    version, or the first a copy of it, the update's figure is the one that counts."""
    for first_root, second_root in (("a1", "a1"), ("a2", "a2")):
        fuser = Fuser()
        first = telling(1, killed=7, published="2025-04-22", root=first_root)
        second = telling(2, killed=12, published="2025-04-23", root=second_root)
        first.outlet = second.outlet = "the same outlet"
        incident = fuser.fuse(first)
        fuser.fuse(second)
        fuser.fuse(telling(3, killed=9, published="2025-04-22"))
        assert incident.summary()["killed_best"] == 12 and incident.summary()["sources"] == 2


# ------------------------------------------------------------ acts said at a meeting, whatever the order


def _meeting_reports():
    """A meeting in a town told by two outlets (one names the town and one side, the other both
    sides and no place), an accusation said there (placed in the town) and a demand (no place),
    and a demand of another pair that day."""
    at = dict(name="Gullhaven", admin1="XX.01", lat=20.0, lon=40.0)
    return [town(1, "a", kind="CONSULT", source="USA", target=None, **at),
            told(2, "b", kind="CONSULT", source="USA", target="UKR"),
            town(3, "c", kind="ACCUSE", source="USA", target="UKR", **at),
            told(4, "d", kind="REQUEST", source="UKR", target="USA"),
            told(5, "e", kind="REQUEST", source="USA", target="RUS")]


def test_the_acts_said_at_a_meeting_join_it_in_whatever_order_they_come():
    """Taken up before the meeting names both sides or its place, an act said at it joins it
    once it does: every order gives the meeting with the two acts, and the other pair's demand apart."""
    from itertools import permutations

    for order in permutations(_meeting_reports()):
        fuser = Fuser()
        for one in order:
            fuser.fuse(one)
        found = sorted(sorted(f["article_id"] for f in i.figures) for i in fuser.incidents)
        assert found == [["a", "b", "c", "d"], ["e"]], [t.article_id for t in order]
        meeting = next(i for i in fuser.incidents if len(i.figures) == 4)
        assert meeting.type == "CONSULT" and meeting.place_name == "Gullhaven"


def test_a_meeting_takes_only_the_acts_that_fit_it_and_remakes_the_rest():
    """An accusation told by an outlet that also tells the meeting stays apart (an article tells
    one happening once), while another outlet's telling of it joins; a call takes no act."""
    at = dict(name="Gullhaven", admin1="XX.01", lat=20.0, lon=40.0)
    fuser = fuse_all([town(1, "a", kind="ACCUSE", source="USA", target="UKR", **at),
                      town(2, "b", kind="ACCUSE", source="USA", target="UKR", **at)])
    assert len(fuser.incidents) == 1
    fuser.fuse(town(3, "b", kind="CONSULT", source="USA", target="UKR", **at))
    assert sorted(sorted(f["article_id"] for f in i.figures) for i in fuser.incidents) == [["a", "b"], ["b"]]
    remade = next(i for i in fuser.incidents if i.type == "ACCUSE")
    assert remade.articles == {"b"} and fuser.moved[1].type == "CONSULT" and fuser.moved[2] is remade
    call = told(4, "c", kind="CONSULT", source="USA", target="UKR")
    call.mode = "phone"
    fuser = fuse_all([told(5, "d", kind="ACCUSE", source="USA", target="UKR"), call])
    assert len(fuser.incidents) == 2


# ------------------------------------------------------------ meetings of several parties


def talks(n, article, source, target, others=(), mode="meeting", day="2025-06-07", rule=None, published=None,
          **kw):
    """A meeting at Gullhaven told with its two sides and the parties also present (Event.others)."""
    telling = town(n, article, kind="CONSULT", source=source, target=target, day=day, rule=rule,
                   published=published or day, name="Gullhaven", admin1="XX.01", lat=20.0, lon=40.0, **kw)
    telling.mode, telling.others = mode, tuple(others)
    return telling


def test_a_summit_told_by_different_pairs_of_its_leaders_is_one_meeting():
    """One outlet tells A meeting D with B and C present, another B visiting D with A and C: one
    summit. A meeting of the same pair four days later, the same leaders' call with a party not
    present, and talks of a pair not both among them stay apart."""
    fuser = fuse_all([talks(1, "a", "FRA", "UKR", others=("DEU", "GBR", "POL")),
                      talks(2, "b", "GBR", "UKR", others=("FRA", "DEU", "POL"), mode="visit", day="2025-06-08"),
                      talks(3, "c", "FRA", "UKR", others=("DEU", "GBR", "POL"), day="2025-06-11"),
                      talks(4, "d", "GBR", "USA", others=("UKR", "FRA", "DEU", "POL"), mode="phone"),
                      talks(5, "e", "RUS", "UKR")])
    assert sorted(sorted(i.articles) for i in fuser.incidents) == [["a", "b"], ["c"], ["d"], ["e"]]
    # two pairs that name nobody else are two meetings, as before
    assert len(fuse_all([talks(1, "a", "FRA", "UKR"), talks(2, "b", "GBR", "UKR")]).incidents) == 2


def test_a_call_and_a_meeting_in_person_of_one_pair_are_two_happenings():
    fuser = fuse_all([talks(1, "a", "USA", "RUS", mode="phone"), talks(2, "b", "RUS", "USA", mode="meeting")])
    assert len(fuser.incidents) == 2
    # talks told in no manner, or the call told twice, are one with the call
    fuser = fuse_all([talks(1, "a", "USA", "RUS", mode="phone"), talks(2, "b", "RUS", "USA", mode=None),
                      talks(3, "c", "USA", "RUS", mode="phone")])
    assert len(fuser.incidents) == 1


def test_a_summit_dated_by_its_article_two_days_late_joins_the_one_told_by_its_weekday():
    """'met on Saturday' in Saturday's report; 'met' with no day in Monday's: one summit, whose
    other pair of leaders each telling names as present. Told of another pair, it stays apart."""
    saturday = talks(1, "a", "FRA", "UKR", others=("DEU", "GBR"), rule="weekday-before-publication")
    late = talks(2, "b", "GBR", "UKR", others=("FRA", "DEU"), day="2025-06-09",
                 rule="undated current news: publication date")
    assert len(fuse_all([saturday, late]).incidents) == 1
    other = talks(3, "c", "RUS", "UKR", day="2025-06-09", rule="undated current news: publication date")
    assert len(fuse_all([saturday, other]).incidents) == 2


def test_a_stored_meetings_others_reach_fusion():
    row = {"event_id": 1, "article_id": "a", "root": "a", "type": "CONSULT", "outlet": "o",
           **{name: None for name in TELLING_COLUMNS}, "evidence": "sentence",
           "data": {"others": [{"text": "B", "name": "B", "country": "DEU", "sector": "GOV"},
                               {"text": "C", "name": "C", "country": None, "sector": None}]}}
    row.update(source_country="FRA", target_country="UKR", date_value="2025-06-07", date_precision="day")
    told_row = telling_of(row)
    assert told_row.others == ("DEU",) and told_row.parties() == {"FRA", "UKR", "DEU"}
    assert told_row.figure()["parties"] == ["DEU", "FRA", "UKR"]


def country(n, article, **kw):
    return told(n, article, place="Ukraine", precision="country", lat=49.0, lon=32.0, **kw)


def test_a_country_wide_attack_is_one_happening_whichever_of_its_towns_an_outlet_names():
    """One outlet leads with the country struck and names a town where some died in another
    sentence; another names a town in another region, a third a third region: one attack."""
    wide = [country(1, "a", killed=12), town(2, "a", name="Konotop", admin1="UA.21", lat=51.24, lon=33.2)]
    others = [town(3, "b"), region(4, "c", name="Odesa Oblast", admin1="UA.18", lat=46.5, lon=30.7)]
    gathered = gather(wide)
    assert len(gathered) == 1 and gathered[0].wide and gathered[0].place_name == "Konotop"
    assert gathered[0].figure()["wide"] is True
    assert len(fuse_all(wide + others).incidents) == 1
    # led by the town itself, the article tells a strike on the town: towns apart stay apart
    placed = [town(1, "a", name="Konotop", admin1="UA.21", lat=51.24, lon=33.2), country(2, "a")]
    assert not gather(placed)[0].wide
    assert len(fuse_all(placed + others).incidents) == 3


def test_a_country_wide_attack_takes_no_site_in_another_country():
    wide = [country(1, "a"), town(2, "a", name="Konotop", admin1="UA.21", lat=51.24, lon=33.2)]
    abroad = told(3, "b", place="Belgorod", admin1="RU.09", lat=50.6, lon=36.6, precision="city")
    abroad.place_country = "RUS"
    assert len(fuse_all([*wide, abroad]).incidents) == 2


def test_a_day_a_sentence_states_outweighs_the_article_s_day():
    """'On Sunday' in one sentence; the lead and a later sentence dated only by Monday's report."""
    monday = "undated current news: publication date"
    gathered = gather([country(1, "a", day="2025-04-21", rule=monday),
                       country(2, "a", day="2025-04-20", rule="weekday-before-publication"),
                       town(3, "a", day="2025-04-21", rule=monday)])
    assert len(gathered) == 1 and gathered[0].date_value == "2025-04-20"


def test_a_strike_dated_by_its_article_s_night_joins_the_same_sides_strike_of_the_night_before():
    """'Overnight' in a page stamped the day after: it may tell the night before its own."""
    overnight = "overnight-into-publication-day"
    fuser = fuse_all([town(1, "a", day="2025-04-20"),
                      town(2, "b", day="2025-04-22", published="2025-04-22", rule=overnight)])
    assert len(fuser.incidents) == 1
    # dated by its own day (not by its article's), two days apart is another strike
    fuser = fuse_all([town(1, "a", day="2025-04-20"), town(2, "b", day="2025-04-22", published="2025-04-22")])
    assert len(fuser.incidents) == 2


def test_a_strike_dated_by_its_article_tells_late_only_what_nothing_of_its_days_fits():
    """An unplaced overnight report fits the one strike of its day; towns struck two days before,
    far apart, do not make it ambiguous."""
    overnight = "overnight-into-publication-day"
    fuser = fuse_all([town(1, "a", day="2025-04-20"),
                      town(2, "b", day="2025-04-20", name="Konotop", admin1="UA.21", lat=51.24, lon=33.2),
                      town(3, "c", day="2025-04-22", name="Odesa", admin1="UA.18", lat=46.48, lon=30.73),
                      told(4, "d", day="2025-04-22", published="2025-04-22", rule=overnight)])
    assert [sorted(f["article_id"] for f in i.figures) for i in fuser.incidents] == [["a"], ["b"], ["c", "d"]]


def test_a_report_without_a_place_joins_the_incident_whose_toll_is_nearest_its_own():
    """An outlet tells a strike on one night and a country-wide attack two nights later; a report
    naming no town, dated between them, fits both equally: it joins the one whose toll is near its
    own."""
    fuser = fuse_all([town(1, "a", day="2025-04-20"),
                      country(2, "a", day="2025-04-22", killed=12),
                      town(3, "a", day="2025-04-22", name="Konotop", admin1="UA.21", lat=51.24, lon=33.2),
                      told(4, "c", day="2025-04-21", killed=13, published="2025-04-23")])
    assert [sorted(f["event_id"] for f in i.figures) for i in fuser.incidents] == [[1], [2, 4]]


def test_a_state_s_forces_striking_their_own_state_is_a_misread_target():
    """'X's ministry said its air defences downed drones' read as X's forces striking X: the
    incident names no target, nor does the article's telling take X's people from a sentence
    that names no one striking them; a civil war's sides are kept."""
    own = told(1, "a", source="RUS", target="RUS")
    own.source_sector, own.target_name = "MIL", "Russia"
    incident = fuse_all([own]).incidents[0]
    assert (incident.source_country, incident.target_country, incident.target_name) == ("RUS", None, None)
    people = told(2, "a", source="RUS", target="RUS", day="2025-04-22")
    people.source_sector, people.target_sector = "GOV", "CVL"
    merged = gather([own, people])
    assert len(merged) == 1 and (merged[0].target_country, merged[0].target_name) == (None, None)
    rebels = told(3, "b", source="SDN", target="SDN")
    rebels.source_sector, rebels.target_sector = "REB", "CVL"
    assert fuse_all([rebels]).incidents[0].target_country == "SDN"
    meeting = told(4, "c", kind="CONSULT", source="RUS", target="RUS")
    meeting.source_sector = meeting.target_sector = "GOV"
    assert fuse_all([meeting]).incidents[0].target_country == "RUS"  # a domestic meeting is no strike


def test_one_merge_of_sides_serves_an_incident_and_an_article_s_telling():
    """merge_sides gives a founded incident and a gathered telling the same sides: the first
    named apart from the source, the target unknown when it is the source's own state."""
    from peacewatch.fuse.incidents import merge_sides

    own = told(1, "a", source="RUS", target="RUS")
    own.source_sector, own.target_name = "MIL", "Russia"
    other = told(2, "a", source="RUS", target="UKR")
    assert merge_sides("ASSAULT", [own])["target_country"] is None
    assert merge_sides("ASSAULT", [own, other])["target_country"] == "UKR"
    assert merge_sides("ASSAULT", [own])["source_country"] == "RUS"
    incident = fuse_all([own]).incidents[0]
    assert {part: getattr(incident, part) for part in merge_sides("ASSAULT", [own])} == merge_sides("ASSAULT", [own])
