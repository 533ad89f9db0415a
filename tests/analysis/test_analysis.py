"""The timeline, the agreement tracker, the initiative analysis and the report, on stores built
from synthetic incidents and from short texts written for these tests."""

from datetime import timedelta

import pytest

from peacewatch import extract
from peacewatch.analysis.coverage import publication_coverage, store_coverage
from peacewatch.analysis.initiatives import analyze_initiatives
from peacewatch.analysis.timeline import build_timeline
from peacewatch.analysis.tracker import track_agreements
from peacewatch.present.report import render_markdown, write_report
from peacewatch.runner.ingest import store_batch
from peacewatch.store import Store, StoredArticle
from synthetic import START, make_store, strike, talks


def test_timeline_counts_killed_per_day_and_marks_diplomacy(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 't.db'}")
    store.import_incidents([strike(START, 5, 1), strike(START, 3, 2), strike(START + timedelta(days=2), 7, 3),
                            talks(START + timedelta(days=1), 1)])
    timeline = build_timeline(store, actor="RUS")
    assert [(d.day.day, d.killed, d.strikes) for d in timeline.days] == [(1, 8, 2), (2, 0, 0), (3, 7, 1)]
    assert [(m.day.day, m.kind, m.parties) for m in timeline.markers] == [(2, "CONSULT", ("RUS", "USA"))]
    assert build_timeline(store, actor="UKR").total_killed == 0


def test_permutation_test_finds_a_real_rise(tmp_path):
    analysis = analyze_initiatives(make_store(tmp_path, effect=True), party="RUS", mediator="USA", window=3)
    effect = analysis.effects["killed"]
    assert analysis.testable and len(analysis.initiatives) == 8
    assert effect.rate_ratio > 1.8 and effect.p_value < 0.01
    assert all(i.strikes_after for i in analysis.initiatives)
    assert "rate ratio" in analysis.summary()


def test_permutation_test_finds_nothing_where_there_is_nothing(tmp_path):
    analysis = analyze_initiatives(make_store(tmp_path, effect=False), party="RUS", mediator="USA", window=3)
    assert analysis.testable
    assert analysis.effects["killed"].p_value > 0.05


def test_too_few_initiatives_are_said_plainly(tmp_path):
    analysis = analyze_initiatives(make_store(tmp_path, effect=True, initiatives=2), party="RUS", mediator="USA")
    assert not analysis.testable
    assert "too few to conclude" in analysis.summary().lower()


def _stored(text, published):
    return StoredArticle(report=extract(text, published=published))


def test_tracker_merges_one_agreement_told_by_two_articles(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'g.db'}")
    store_batch(store, [
        _stored("On Tuesday, Ukraine accepted a US proposal for a 30-day ceasefire across all fronts.", "2025-03-12"),
        _stored("Russia rejected the US proposal for a 30-day ceasefire across all fronts on Friday.", "2025-03-15"),
        _stored("Egypt proposed a three-day truce in Gaza on Monday.", "2025-03-18"),
    ])
    tracked = track_agreements(store)
    assert len(tracked) == 2
    fronts = next(t for t in tracked if t.scope == "full")
    assert len(fronts.articles) == 2 and fronts.mediator == "USA" and fronts.duration_days == 30
    assert [(s["party"], s["action"], s["date"]) for s in fronts.history] == [
        ("UKR", "accepted", "2025-03-11"), ("USA", "proposed", None), ("RUS", "rejected", "2025-03-14")]
    assert all(s["evidence"] for s in fronts.history)
    assert fronts.status == "rejected" and fronts.status_as_of == "2025-03-15"


def test_report_is_self_contained_and_escapes_article_text(tmp_path):
    store = make_store(tmp_path, effect=True)
    store.import_incidents([strike(START + timedelta(days=3), 4, 999, evidence="<script>alert(1)</script> hit")])
    out = tmp_path / "report.html"
    write_report(store, out)
    page = out.read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') == 2
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page and "https://" not in page
    assert "Content-Security-Policy" in page
    markdown = render_markdown(__import__("peacewatch.present.report", fromlist=["gather"]).gather(store))
    assert "## Initiative analysis" in markdown and "<script>" not in markdown


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_report_format_follows_the_file_name(tmp_path, suffix):
    store = make_store(tmp_path, effect=False)
    out = tmp_path / f"report{suffix}"
    write_report(store, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") if suffix == ".md" else text.startswith("<!DOCTYPE html>")


def test_a_period_of_millennia_is_refused_not_laid_out(tmp_path):
    """'date_from=0001-01-01' would build millions of empty days: a clear error instead."""
    from peacewatch.errors import InputError

    store = make_store(tmp_path, effect=False, days=30)
    with pytest.raises(InputError, match="longer than"):
        build_timeline(store, actor="RUS", date_from="0001-01-01", date_to="9999-12-31")


# --- the period is the store's coverage ---


def _covering(monkeypatch, days):
    """Pretend the store's articles were published on these days (offsets from START)."""
    coverage = publication_coverage([(START + timedelta(days=d)).isoformat() for d in days])
    monkeypatch.setattr("peacewatch.analysis.initiatives.store_coverage", lambda store: coverage)


def test_the_period_is_the_coverage_and_background_is_listed_not_tested(tmp_path, monkeypatch):
    store = make_store(tmp_path, effect=True)
    # a recalled meeting and a recalled strike, years before the news
    store.import_incidents([talks(START - timedelta(days=900), 90), strike(START - timedelta(days=800), 5000, 91)])
    _covering(monkeypatch, range(0, 120))
    analysis = analyze_initiatives(store, party="RUS", mediator="USA", window=3)
    assert analysis.first == START and analysis.last == START + timedelta(days=119)
    assert len(analysis.initiatives) == 8 and analysis.tested == 8
    assert [i.day for i in analysis.untested_initiatives] == [START - timedelta(days=900)]
    assert [s["killed_median"] for s in analysis.untested_strikes] == [5000]
    text = analysis.summary()
    assert f"Period {START} to {START + timedelta(days=119)}" in text
    assert "Not tested, dated outside the coverage: 1 initiative and 1 strike by RUS" in text
    assert analysis.effects["killed"].rate_other < 10  # the 5,000 of the recalled strike is not a day's toll


def test_days_without_articles_are_left_out_of_the_baseline(tmp_path, monkeypatch):
    store = make_store(tmp_path, effect=False)
    _covering(monkeypatch, [d for d in range(120) if (d // 10) % 2 == 0])  # ten days on, ten days off
    analysis = analyze_initiatives(store, party="RUS", mediator="USA", window=3)
    effect = analysis.effects["strikes"]
    covered = analysis.covered_days
    assert covered < 120 and effect.days_after + effect.days_other == covered
    assert all(analysis.coverage.covers(i.day) for i in analysis.initiatives)


def test_the_counts_of_the_text_agree(tmp_path, monkeypatch):
    store = make_store(tmp_path, effect=True)
    _covering(monkeypatch, range(0, 120))
    # an initiative on the last day has no window inside the period: found, not tested
    store.import_incidents([talks(START + timedelta(days=119), 99)])
    analysis = analyze_initiatives(store, party="RUS", mediator="USA", window=3)
    text = analysis.summary()
    assert "9 initiatives between USA and RUS on covered days (8 tested, 1 without a whole 3-day window" in text
    assert text.count("after the 8 initiatives") == 3 and "the 9 initiatives" not in text


def test_the_verdict_wording_follows_the_test(tmp_path):
    for sub in ("flat", "page"):
        (tmp_path / sub).mkdir()
    rise = analyze_initiatives(make_store(tmp_path, effect=True), party="RUS", mediator="USA", window=3)
    assert rise.verdicts()["killed"] == "rise"
    assert "killed" in next(line for line in rise.summary().splitlines() if "rose after" in line)
    flat = analyze_initiatives(make_store(tmp_path / "flat", effect=False), party="RUS", mediator="USA", window=3)
    assert flat.verdicts()["killed"] == "no significant rise"
    assert "rose after" not in flat.summary()
    page = render_markdown(__import__("peacewatch.present.report", fromlist=["gather"]).gather(
        make_store(tmp_path / "page", effect=False)))
    assert "conclusive" not in page.lower()


def test_coverage_is_read_from_the_articles_publication_days(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    store_batch(store, [_stored("Officials met in a capital city on Monday.", "2025-03-03"),
                        _stored("Officials spoke by phone on Friday.", "2025-03-07")])
    coverage = store_coverage(store)
    assert (coverage.first.isoformat(), coverage.last.isoformat()) == ("2025-03-03", "2025-03-07")
    assert sorted(d.day for d in coverage.days) == [3, 6, 7]  # and the day before each, inside the period


def test_a_suspect_toll_counted_in_the_test_is_flagged(tmp_path, monkeypatch):
    store = make_store(tmp_path, effect=False)
    store.import_incidents([strike(START + timedelta(days=40), 4000, 77)])  # a war's total read as a day's
    _covering(monkeypatch, range(0, 120))
    text = analyze_initiatives(store, party="RUS", mediator="USA", window=3).summary()
    assert "Caution: 1 strike counted here carries a toll far above its sources' typical scale" in text
    assert "killed 4,000" in text
