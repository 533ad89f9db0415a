"""Window statistics: rates after initiatives, the permutation test, the too-few-data guard and the wording."""

import logging
import math
from datetime import date, datetime
from itertools import combinations

import numpy as np
import pytest

from peacewatch.analysis.stats import SeriesError, WindowEffect, daily_series, day_index, window_effect
from peacewatch.errors import PeacewatchError

DAYS = 120
# Eight initiatives 14 days apart: their 3-day windows never overlap and all fit in 120 days.
STARTS = [5 + 14 * i for i in range(8)]


def poisson_series(seed, baseline, starts=(), window=3, after=None):
    """A Poisson series of mean `baseline` a day, with mean `after` in the days after each start."""
    rng = np.random.default_rng(seed)
    means = np.full(DAYS, float(baseline))
    if after is not None:
        for start in starts:
            means[start + 1:start + window + 1] = after
    return rng.poisson(means).astype(float).tolist()


def after_days(starts, window, size):
    return sorted({day for start in starts for day in range(start + 1, start + window + 1) if day < size})


def mean_difference(values, starts, window):
    after = set(after_days(starts, window, len(values)))
    inside = [values[day] for day in after]
    outside = [value for day, value in enumerate(values) if day not in after]
    return sum(inside) / len(inside) - sum(outside) / len(outside)


# --- effects the test must find, and must not invent ---


def test_a_rise_after_initiatives_is_found():
    values = poisson_series(7, baseline=2, starts=STARTS, after=6)
    result = window_effect(values, STARTS, 3)
    assert result.testable and result.reason is None
    assert result.initiatives == 8 and result.days_after == 24 and result.days_other == 96
    assert result.p_value < 0.01
    assert result.p_value_fall > 0.9
    assert 2.4 < result.rate_ratio < 3.6


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_no_effect_on_a_flat_series(seed):
    values = poisson_series(100 + seed, baseline=2)
    starts = np.random.default_rng(seed).choice(DAYS - 3, size=8, replace=False).tolist()
    result = window_effect(values, starts, 3, seed=seed)
    assert result.testable
    assert result.p_value > 0.05
    assert 0.4 < result.rate_ratio < 2.5


def test_false_alarms_are_rare_over_many_flat_series():
    # With no effect the rise p-value is about uniform: near 5% of series fall below 0.05.
    false_alarms = 0
    for seed in range(40):
        values = poisson_series(1000 + seed, baseline=2)
        starts = np.random.default_rng(seed).choice(DAYS - 3, size=8, replace=False).tolist()
        if window_effect(values, starts, 3, permutations=999, seed=seed).p_value < 0.05:
            false_alarms += 1
    assert false_alarms <= 6


def test_a_fall_after_initiatives_is_found():
    values = poisson_series(11, baseline=4, starts=STARTS, after=0.5)
    result = window_effect(values, STARTS, 3)
    assert result.testable
    assert result.p_value_fall < 0.01
    assert result.p_value > 0.9
    assert result.rate_ratio < 0.4
    assert "for a fall" in result.summary()


def test_violence_only_after_initiatives_has_no_ratio_but_a_p_value():
    values = [0.0] * 60
    starts = [5, 20, 35, 50]
    for day in after_days(starts, 2, 60):
        values[day] = 2.0
    result = window_effect(values, starts, 2)
    assert result.rate_other == 0 and result.rate_ratio is None
    assert result.testable and result.p_value < 0.01
    assert "other days had none" in result.summary()


# --- the permutation test itself ---


def test_p_value_matches_the_exact_permutation_distribution():
    values = [0, 3, 1, 0, 4, 2, 0, 1, 5, 0, 2, 1]
    starts, window = [2, 5, 9], 1
    observed = mean_difference(values, starts, window)
    eligible = range(len(values) - window)
    differences = [mean_difference(values, draw, window) for draw in combinations(eligible, len(starts))]
    exact_rise = sum(d >= observed - 1e-12 for d in differences) / len(differences)
    exact_fall = sum(d <= observed + 1e-12 for d in differences) / len(differences)
    result = window_effect(values, starts, window, permutations=20_000, seed=3)
    assert result.p_value == pytest.approx(exact_rise, abs=0.015)
    assert result.p_value_fall == pytest.approx(exact_fall, abs=0.015)


def test_p_values_are_permutation_counts_and_are_deterministic():
    values = poisson_series(5, baseline=2)
    first = window_effect(values, STARTS, 3, permutations=499, seed=42)
    again = window_effect(values, STARTS, 3, permutations=499, seed=42)
    assert first == again
    for p_value in (first.p_value, first.p_value_fall):
        count = p_value * 500 - 1
        assert count == pytest.approx(round(count)) and 0 <= round(count) <= 499
    # Ties count on both sides, so the two one-sided p-values add up to more than 1.
    assert first.p_value + first.p_value_fall >= 1 + 1 / 500 - 1e-12


def test_no_permutations_gives_rates_without_p_values():
    values = poisson_series(5, baseline=2)
    result = window_effect(values, STARTS, 3, permutations=0)
    assert result.testable
    assert result.p_value is None and result.p_value_fall is None
    assert result.rate_after is not None
    assert "no permutation test run" in result.summary()


# --- the days that make up the after set ---


def test_rates_match_a_plain_count():
    rng = np.random.default_rng(9)
    values = rng.poisson(3, 50).astype(float).tolist()
    starts = [3, 8, 10, 30, 44]
    result = window_effect(values, starts, 4, permutations=0)
    after = after_days(starts, 4, 50)
    other = [day for day in range(50) if day not in after]
    assert result.days_after == len(after) and result.days_other == len(other)
    assert result.rate_after == pytest.approx(sum(values[day] for day in after) / len(after))
    assert result.rate_other == pytest.approx(sum(values[day] for day in other) / len(other))
    assert result.rate_ratio == pytest.approx(result.rate_after / result.rate_other)


def test_overlapping_windows_are_merged():
    values = [float(day) for day in range(40)]
    result = window_effect(values, [10, 11, 12], 3, permutations=0)
    # Days 11..15, each once, though 13 lies in all three windows.
    assert result.days_after == 5 and result.days_other == 35
    assert result.rate_after == pytest.approx(13.0)
    assert result.initiatives == 3


def test_duplicate_starts_count_once():
    values = poisson_series(5, baseline=2)
    twice = window_effect(values, STARTS + STARTS[:3], 3, permutations=99)
    once = window_effect(values, STARTS, 3, permutations=99)
    assert twice == once and twice.initiatives == 8 and twice.dropped == 0


def test_starts_whose_window_runs_past_the_end_are_dropped():
    values = [1.0] * 30
    # 26 is the last start with a full 3-day window (days 27..29); 27, 40 and -1 do not fit.
    result = window_effect(values, [0, 26, 27, 40, -1], 3, permutations=0, min_initiatives=2)
    assert result.initiatives == 2 and result.dropped == 3
    assert result.days_after == 6


def test_a_start_on_the_last_day_is_dropped_with_the_reason():
    values = [1.0] * 30
    result = window_effect(values, [3, 10, 29], 3)
    assert not result.testable
    assert result.reason == (
        "only 2 initiatives (at least 3 are needed; 1 more had no full 3-day window inside the period)"
    )


# --- too few data to conclude ---


def test_two_initiatives_are_too_few():
    values = poisson_series(5, baseline=2)
    result = window_effect(values, STARTS[:2], 3)
    assert not result.testable
    assert result.reason == "only 2 initiatives (at least 3 are needed)"
    assert result.p_value is None and result.p_value_fall is None
    assert result.rate_after is not None and result.rate_other is not None
    assert result.summary() == "Too few data to conclude: only 2 initiatives (at least 3 are needed)."


def test_an_all_zero_series_is_too_sparse():
    result = window_effect([0.0] * DAYS, STARTS, 3)
    assert not result.testable
    assert result.reason == "the values add up to 0 over the period (at least 5 are needed)"
    assert result.rate_after == 0 and result.rate_other == 0 and result.rate_ratio is None


def test_windows_covering_most_of_the_period_leave_nothing_to_compare():
    values = [1.0] * 40
    result = window_effect(values, list(range(0, 36, 5)), 4)
    assert not result.testable
    assert result.days_after > 20
    assert "more than half" in result.reason and "too few other days" in result.reason


def test_a_period_too_short_for_random_placements():
    result = window_effect([3.0] * 8, [0, 1, 2], 3, min_initiatives=1)
    assert not result.testable
    assert "only 5 days on which a 3-day window can start (at least 6 are needed)" in result.reason


def test_no_initiative_in_the_period():
    result = window_effect([1.0] * 30, [], 3)
    assert not result.testable and result.initiatives == 0
    assert result.reason == "no initiative has a full 3-day window inside the period"
    assert result.rate_after is None and result.rate_ratio is None


def test_an_empty_series_is_not_testable():
    result = window_effect([], [1, 2, 3], 3)
    assert not result.testable
    assert result.reason == "the series is empty"
    assert result.days_after == 0 and result.rate_after is None and result.rate_other is None


def test_several_reasons_are_all_given():
    result = window_effect([0.0] * 50, [4], 3)
    assert result.reason.count(";") == 1
    assert "only 1 initiative " in result.reason and "add up to 0" in result.reason


# --- the sentence for a journalist ---


def _effect(**changes):
    fields = dict(window=3, initiatives=7, days_after=21, days_other=99, rate_after=4.2, rate_other=2.1,
                  rate_ratio=2.0, p_value=0.03, p_value_fall=0.98, permutations=10_000, testable=True,
                  reason=None)
    fields.update(changes)
    return WindowEffect(**fields)


def test_summary_of_a_testable_result():
    effect = _effect()
    assert effect.summary("killed") == (
        "In the 3 days after the 7 initiatives, 4.2 killed a day against 2.1 on other days "
        "(rate ratio 2.0, permutation p for a rise = 0.03)."
    )
    assert effect.summary() == (
        "In the 3 days after the 7 initiatives, the daily mean was 4.2 against 2.1 on other days "
        "(rate ratio 2.0, permutation p for a rise = 0.03)."
    )


def test_summary_of_small_p_values_a_fall_and_a_one_day_window():
    assert "permutation p for a rise < 0.001" in _effect(p_value=0.0001).summary()
    assert "permutation p for a rise = 0.004" in _effect(p_value=0.004).summary()
    fall = _effect(window=1, rate_after=0.5, rate_other=2.0, rate_ratio=0.25, p_value=0.99, p_value_fall=0.02)
    assert fall.summary("strikes") == (
        "In the day after the 7 initiatives, 0.5 strikes a day against 2.0 on other days "
        "(rate ratio 0.25, permutation p for a rise = 0.99; for a fall = 0.02)."
    )


def test_summary_of_an_untestable_result():
    effect = _effect(testable=False, reason="only 2 initiatives (at least 3 are needed)", initiatives=2,
                     p_value=None, p_value_fall=None)
    assert effect.summary() == "Too few data to conclude: only 2 initiatives (at least 3 are needed)."


def test_summary_of_a_computed_result_quotes_its_numbers():
    values = poisson_series(7, baseline=2, starts=STARTS, after=6)
    result = window_effect(values, STARTS, 3)
    text = result.summary("killed")
    assert text.startswith("In the 3 days after the 8 initiatives, ")
    assert f"{result.rate_after:.1f} killed a day against {result.rate_other:.1f} on other days" in text
    assert "permutation p for a rise < 0.001" in text


# --- input checks ---


@pytest.mark.parametrize("window", [0, -2, 2.5, "3", True])
def test_a_bad_window_is_refused(window):
    with pytest.raises(SeriesError, match="window"):
        window_effect([1.0] * 20, [1, 5, 9], window)


def test_negative_values_are_refused():
    with pytest.raises(ValueError, match="day 4 has a negative value"):
        window_effect([1, 1, 1, 1, -2, 1], [0], 1)


def test_missing_values_are_refused():
    with pytest.raises(SeriesError, match="day 1 has no finite value"):
        window_effect([1, math.nan, 1], [0], 1)


@pytest.mark.parametrize("starts", [[1, 2.5], ["3"], [None]])
def test_starts_must_be_day_indices(starts):
    with pytest.raises(SeriesError, match="day index"):
        window_effect([1.0] * 20, starts, 3)


@pytest.mark.parametrize("settings", [{"permutations": -1}, {"min_initiatives": 0}, {"min_total": -1.0},
                                      {"min_total": math.inf}])
def test_bad_settings_are_refused(settings):
    with pytest.raises(SeriesError):
        window_effect([1.0] * 20, [1, 5, 9], 3, **settings)


def test_series_error_is_a_named_value_error():
    assert issubclass(SeriesError, ValueError) and issubclass(SeriesError, PeacewatchError)


# --- from dated values to a series ---


def test_daily_series_fills_missing_days_with_zero():
    counts = {date(2024, 3, 2): 4, date(2024, 3, 5): 1.5}
    assert daily_series(counts, date(2024, 3, 1), date(2024, 3, 6)) == [0.0, 4.0, 0.0, 0.0, 1.5, 0.0]


def test_daily_series_leaves_out_days_outside_the_period_with_a_warning(caplog):
    counts = {date(2024, 2, 28): 9, date(2024, 3, 1): 2, date(2024, 3, 9): 9}
    with caplog.at_level(logging.WARNING, logger="peacewatch.analysis.stats"):
        series = daily_series(counts, date(2024, 3, 1), date(2024, 3, 3))
    assert series == [2.0, 0.0, 0.0]
    assert "2 days outside" in caplog.text


def test_daily_series_adds_times_of_the_same_day():
    counts = {datetime(2024, 3, 2, 8): 1, datetime(2024, 3, 2, 20): 2}
    assert daily_series(counts, date(2024, 3, 1), date(2024, 3, 2)) == [0.0, 3.0]


def test_daily_series_of_one_day_and_of_a_reversed_period():
    assert daily_series({}, date(2024, 3, 1), date(2024, 3, 1)) == [0.0]
    with pytest.raises(SeriesError, match="before the first day"):
        daily_series({}, date(2024, 3, 2), date(2024, 3, 1))


def test_day_index_counts_calendar_days():
    assert day_index(date(2024, 2, 28), date(2024, 3, 1)) == 2  # a leap year
    assert day_index(date(2024, 3, 1), date(2024, 2, 28)) == -2
    assert day_index(date(2024, 3, 1), datetime(2024, 3, 1, 23, 59)) == 0


def test_a_series_from_dates_feeds_the_window_effect():
    first = date(2024, 1, 1)
    counts = {date(2024, 1, day): 5 for day in (3, 4, 13, 14, 23, 24)}
    initiatives = [date(2024, 1, 2), date(2024, 1, 12), date(2024, 1, 22)]
    series = daily_series(counts, first, date(2024, 1, 31))
    result = window_effect(series, [day_index(first, day) for day in initiatives], 2, permutations=999)
    assert result.rate_after == 5.0 and result.rate_other == 0.0
    assert result.testable and result.p_value < 0.01


# --- days the record does not cover ---


def test_uncovered_days_count_neither_after_initiatives_nor_as_other_days():
    # a week covered, a week not, alternating: the quiet uncovered weeks must not lower the baseline
    values = [2.0] * DAYS
    covered = [(day // 7) % 2 == 0 for day in range(DAYS)]
    starts = [day for day in range(0, DAYS - 4, 7) if covered[day]][:8]
    for day, seen in enumerate(covered):
        if not seen:
            values[day] = 0.0  # nothing reported on a day nobody covered
    with_mask = window_effect(values, starts, 3, covered=covered, permutations=200)
    assert with_mask.rate_other == pytest.approx(2.0) and with_mask.rate_ratio == pytest.approx(1.0)
    assert with_mask.days_after + with_mask.days_other == sum(covered)
    without = window_effect(values, starts, 3, permutations=200)
    assert without.rate_other < 1.5  # the uncovered weeks read as peace


def test_an_initiative_on_an_uncovered_day_is_dropped():
    covered = [True] * 30
    covered[10] = False
    result = window_effect([1.0] * 30, [3, 10, 17, 22], 3, covered=covered, permutations=0)
    assert result.initiatives == 3 and result.dropped == 1


def test_covered_flags_must_match_the_days():
    with pytest.raises(SeriesError, match="one flag a day"):
        window_effect([1.0] * 10, [1], 1, covered=[True] * 9)


def test_a_rate_of_nothing_reads_0_not_a_rounded_0_0():
    from peacewatch.analysis.stats import _format_rate

    assert [_format_rate(0.0), _format_rate(2.6), _format_rate(0.25), _format_rate(None)] == ["0", "2.6", "0.25", "no"]
