"""Fusion rules on hand-made tellings: what joins an incident and what stays apart."""

from peacewatch.fuse.incidents import Fuser, Telling, best_figure
from peacewatch.records import date_span


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
