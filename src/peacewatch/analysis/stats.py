"""Does a daily count (people killed, strikes) rise in the days after diplomatic initiatives?

Compares the days just after each initiative with the other days, and tests the difference against
the same number of initiatives placed at random in the period (a permutation test).
"""

from __future__ import annotations

import logging
import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np

from peacewatch.errors import PeacewatchError
from peacewatch.settings import PERMUTATIONS

__all__ = ["SeriesError", "WindowEffect", "daily_series", "day_index", "window_effect"]

log = logging.getLogger(__name__)

# Cells (random placements x days) drawn per batch: keeps memory near 10 MB for a decade-long series
# while a 120-day series with 10,000 placements still runs in a couple of batches.
_BATCH_CELLS = 1_000_000
# Two placements covering the same days give the same difference of means, but the sums may be added
# in another order; a difference within this fraction of the largest daily value counts as a tie.
_TIE_TOLERANCE = 1e-9


class SeriesError(PeacewatchError, ValueError):
    """A daily series or its settings cannot be analysed (negative or missing values, a window below 1)."""


@dataclass
class WindowEffect:
    """Daily rates in the days after initiatives against the other days, and whether the gap is chance.

    `testable` says whether the data sufficed to run the test (enough initiatives, values and
    eligible days; `reason` says why not); it says nothing of what the test found, which is
    `verdict` ('rise', 'no significant rise', 'too few data'). `dropped` counts the initiatives
    left out because their window does not fit in the period.
    """

    window: int
    initiatives: int
    days_after: int
    days_other: int
    rate_after: float | None
    rate_other: float | None
    rate_ratio: float | None
    p_value: float | None
    p_value_fall: float | None
    permutations: int
    testable: bool
    reason: str | None
    dropped: int = 0

    def summary(self, measure: str | None = None) -> str:
        """One plain-English sentence a journalist can quote.

        Args:
            measure: what the values count, as a past participle or noun ('killed', 'strikes');
                without it the sentence speaks of 'the daily mean'.
        Returns:
            The sentence, or why the data are too few to conclude anything.
        """
        if not self.testable:
            return f"Too few data to conclude: {self.reason}."
        days = "the day" if self.window == 1 else f"the {self.window} days"
        initiatives = "the initiative" if self.initiatives == 1 else f"the {self.initiatives} initiatives"
        after, other = _format_rate(self.rate_after), _format_rate(self.rate_other)
        if measure:
            rates = f"{after} {measure} a day against {other} on other days"
        else:
            rates = f"the daily mean was {after} against {other} on other days"
        if self.rate_ratio is not None:
            ratio = f"rate ratio {_format_rate(self.rate_ratio)}"
        else:
            ratio = "no rate ratio as other days had none"
        return f"In {days} after {initiatives}, {rates} ({ratio}, {self._format_p()})."

    def verdict(self, level: float) -> str:
        """'rise' when the one-sided test for a rise is significant at `level`, 'no significant rise'
        when it is not, 'too few data' when no test could be run."""
        if not self.testable or self.p_value is None:
            return "too few data"
        return "rise" if self.p_value < level else "no significant rise"

    def _format_p(self) -> str:
        if self.p_value is None or self.p_value_fall is None:
            return "no permutation test run"
        # The question is a rise: its one-sided p-value is always quoted, named for its direction;
        # when the data lean the other way the p-value for a fall is added, also named.
        rise = f"permutation p for a rise {_format_p_value(self.p_value)}"
        if (self.rate_after or 0.0) < (self.rate_other or 0.0):
            return f"{rise}; for a fall {_format_p_value(self.p_value_fall)}"
        return rise


def window_effect(
    values: Sequence[float],
    starts: Sequence[int],
    window: int,
    *,
    permutations: int = PERMUTATIONS,
    seed: int = 0,
    min_initiatives: int = 3,
    min_total: float = 5.0,
    covered: Sequence[bool] | None = None,
) -> WindowEffect:
    """Compare the days after initiatives with the other days of a daily series.

    Args:
        values: the value of each day of the period, day 0 first (killed that day, strikes that day).
        starts: day indices of the initiatives; duplicates count once, and those whose window of
            `window` days does not fit inside the period (start < 0 or start + window > last day) are dropped.
        window: days after each initiative that form its after-window (days start+1 .. start+window).
        permutations: random placements of the same number of initiatives for the p-values (0: no test).
        seed: seed of the random placements, so a result can be repeated.
        min_initiatives: fewer initiatives than this are too few to conclude anything.
        min_total: a series adding up to less than this is too sparse to conclude anything.
        covered: one flag a day, False for a day the record does not cover (no article could tell
            of it): such a day counts neither after an initiative nor among the other days, and no
            initiative, real or placed at random, starts on it. None: every day is covered.
    Returns:
        The rates, their ratio and the one-sided p-values for a rise and a fall. When the data are too
        few, `testable` is False, `reason` says why and the p-values are None.
    Raises:
        SeriesError (a ValueError): a window below 1, negative or missing values, negative settings.
    """
    window = _check_whole("window", window, minimum=1)
    permutations = _check_whole("permutations", permutations, minimum=0)
    min_initiatives = _check_whole("min_initiatives", min_initiatives, minimum=1)
    min_total = _check_min_total(min_total)
    series = _check_values(values)
    size = len(series)
    mask = _check_covered(covered, size)
    series = np.where(mask, series, 0.0)  # a day nobody reported on carries no value
    last_start = size - 1 - window
    distinct = sorted({_check_start(start) for start in starts})
    used = [start for start in distinct if 0 <= start <= last_start and mask[start]]
    dropped = len(distinct) - len(used)
    if dropped:
        log.info("%d of %d initiatives dropped: their %d-day window does not fit in the %d-day period",
                 dropped, len(distinct), window, size)
    if size == 0:
        return WindowEffect(window, 0, 0, 0, None, None, None, None, None, permutations,
                            testable=False, reason="the series is empty", dropped=dropped)

    cover = _cover(np.array([used], dtype=np.int64).reshape(1, len(used)), size, window)[0] & mask
    observed_days = int(mask.sum())
    days_after = int(cover.sum())
    days_other = observed_days - days_after
    total = float(series.sum())
    rate_after = float(series[cover].sum()) / days_after if days_after else None
    rate_other = float(series[mask & ~cover].sum()) / days_other if days_other else None
    rate_ratio = rate_after / rate_other if rate_after is not None and rate_other else None

    eligible = int(mask[:max(last_start + 1, 0)].sum())
    reasons = _reasons(len(used), dropped, min_initiatives, total, min_total, days_after, observed_days, window,
                       eligible)
    p_value = p_value_fall = None
    if not reasons and permutations:
        p_value, p_value_fall = _permutation_p_values(series, used, window, permutations, seed, mask)
    return WindowEffect(
        window=window,
        initiatives=len(used),
        days_after=days_after,
        days_other=days_other,
        rate_after=rate_after,
        rate_other=rate_other,
        rate_ratio=rate_ratio,
        p_value=p_value,
        p_value_fall=p_value_fall,
        permutations=permutations,
        testable=not reasons,
        reason="; ".join(reasons) if reasons else None,
        dropped=dropped,
    )


def daily_series(day_values: Mapping[date, float], first: date, last: date) -> list[float]:
    """Lay values keyed by date out as one value per day from `first` to `last`, both included.

    Args:
        day_values: value by day; days without a value count 0, values of keys on the same day add up.
        first: day 0 of the series.
        last: the last day of the series.
    Returns:
        The daily values. Days outside the period are left out, with a warning in the log.
    Raises:
        SeriesError: `last` is before `first`.
    """
    size = day_index(first, last) + 1
    if size < 1:
        raise SeriesError(f"the last day {last} is before the first day {first}")
    series = [0.0] * size
    outside = []
    for day, value in day_values.items():
        index = day_index(first, day)
        if 0 <= index < size:
            series[index] += float(value)
        else:
            outside.append(day)
    if outside:
        log.warning("%d days outside %s .. %s left out of the series (e.g. %s)",
                    len(outside), first, last, min(outside))
    return series


def day_index(first: date, day: date) -> int:
    """Index of `day` in a series whose day 0 is `first` (negative when `day` comes before `first`)."""
    return (_as_date(day) - _as_date(first)).days


def _as_date(day: date) -> date:
    return day.date() if isinstance(day, datetime) else day


def _check_whole(name: str, value: int, *, minimum: int) -> int:
    if isinstance(value, bool):
        raise SeriesError(f"{name} must be a whole number, not {value!r}")
    try:
        number = operator.index(value)
    except TypeError:
        raise SeriesError(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise SeriesError(f"{name} must be at least {minimum}, not {number}")
    return number


def _check_min_total(min_total: float) -> float:
    try:
        number = float(min_total)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(min_total, bool) or not (math.isfinite(number) and number >= 0):
        raise SeriesError(f"min_total must be a number of at least 0, not {min_total!r}")
    return number


def _check_start(start: int) -> int:
    if isinstance(start, bool):
        raise SeriesError(f"an initiative start must be a day index, not {start!r}")
    try:
        return operator.index(start)
    except TypeError:
        raise SeriesError(f"an initiative start must be a day index (a whole number), not {start!r}") from None


def _check_covered(covered: Sequence[bool] | None, size: int) -> np.ndarray:
    if covered is None:
        return np.ones(size, dtype=bool)
    mask = np.asarray(covered, dtype=bool)
    if mask.shape != (size,):
        raise SeriesError(f"covered must give one flag a day: {mask.size} flags for {size} days")
    return mask


def _check_values(values: Sequence[float]) -> np.ndarray:
    try:
        series = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise SeriesError("the daily values must be numbers") from None
    if series.ndim != 1:
        raise SeriesError("the daily values must be a flat sequence, one number a day")
    missing = np.flatnonzero(~np.isfinite(series))
    if missing.size:
        day = int(missing[0])
        raise SeriesError(f"day {day} has no finite value ({series[day]}); give 0 for a quiet day")
    negative = np.flatnonzero(series < 0)
    if negative.size:
        day = int(negative[0])
        raise SeriesError(f"day {day} has a negative value ({series[day]:g}); daily counts cannot be negative")
    return series


def _reasons(
    initiatives: int, dropped: int, min_initiatives: int, total: float, min_total: float,
    days_after: int, size: int, window: int, eligible: int,
) -> list[str]:
    """Why the data are too few to conclude anything, in plain words (empty when they suffice)."""
    reasons = []
    span = "day" if window == 1 else f"{window}-day"
    late = f"; {dropped} more had no full {span} window inside the period" if dropped else ""
    if initiatives == 0:
        reasons.append(f"no initiative has a full {span} window inside the period")
    elif initiatives < min_initiatives:
        noun = "initiative" if initiatives == 1 else "initiatives"
        reasons.append(f"only {initiatives} {noun} (at least {min_initiatives} are needed{late})")
    if total < min_total:
        only = "only " if total else ""
        reasons.append(f"the values add up to {only}{total:g} over the period (at least {min_total:g} are needed)")
    if days_after * 2 > size:
        reasons.append(
            f"the days after the initiatives cover {days_after} of the {size} days, more than half, "
            "leaving too few other days to compare"
        )
    if eligible < 2 * window:
        reasons.append(
            f"the {size}-day period has only {eligible} days on which a {span} window can start "
            f"(at least {2 * window} are needed)"
        )
    return reasons


def _cover(starts: np.ndarray, size: int, window: int) -> np.ndarray:
    """Boolean days covered by the after-windows, one row per placement of distinct starts."""
    rows = np.arange(starts.shape[0])[:, None]
    # +1 where a window opens and -1 just after it closes: the running sum counts the windows over each
    # day. Starts in a row are distinct, so no (row, day) cell is written twice by one assignment.
    steps = np.zeros((starts.shape[0], size + 1), dtype=np.int32)
    steps[rows, starts + 1] += 1
    steps[rows, starts + window + 1] -= 1
    return np.cumsum(steps[:, :size], axis=1) > 0


def _mean_differences(series: np.ndarray, starts: np.ndarray, window: int, total: float,
                      mask: np.ndarray) -> np.ndarray:
    """Mean over after-window days minus mean over the other covered days, one per row of starts
    (NaN for a placement whose windows hold no covered day, or leave no other one)."""
    cover = _cover(starts, len(series), window) & mask
    days_after = cover.sum(axis=1)
    days_other = int(mask.sum()) - days_after
    sum_after = cover.astype(np.float64) @ series
    with np.errstate(divide="ignore", invalid="ignore"):
        differences = sum_after / days_after - (total - sum_after) / days_other
    return np.where((days_after > 0) & (days_other > 0), differences, np.nan)


def _permutation_p_values(
    series: np.ndarray, used: list[int], window: int, permutations: int, seed: int, mask: np.ndarray,
) -> tuple[float, float]:
    """One-sided p-values for a rise and a fall against random placements of as many initiatives
    on the covered days where a window can start."""
    total = float(series.sum())
    count = len(used)
    eligible = np.flatnonzero(mask[:len(series) - window])
    observed = _mean_differences(series, np.array([used], dtype=np.int64), window, total, mask)[0]
    tie = _TIE_TOLERANCE * float(series.max())
    rng = np.random.default_rng(seed)
    batch = max(1, _BATCH_CELLS // (len(series) + 1))
    higher = lower = valid = 0
    done = 0
    while done < permutations:
        rows = min(batch, permutations - done)
        # The `count` smallest of uniform keys pick a uniform subset of the eligible start days.
        keys = rng.random((rows, eligible.size))
        starts = eligible[np.argpartition(keys, count - 1, axis=1)[:, :count]]
        differences = _mean_differences(series, starts, window, total, mask)
        # a NaN placement (its windows fell on uncovered days only) compares false both ways and is not counted
        higher += int(np.count_nonzero(differences >= observed - tie))
        lower += int(np.count_nonzero(differences <= observed + tie))
        valid += int(np.count_nonzero(~np.isnan(differences)))
        done += rows
    return (1 + higher) / (1 + valid), (1 + lower) / (1 + valid)


def _format_rate(rate: float | None) -> str:
    if rate is None:
        return "no"
    if rate == 0:
        return "0"  # none at all, not a rounded small rate
    if rate >= 1:
        return f"{rate:.1f}"
    return f"{rate:.2g}"


def _format_p_value(p_value: float) -> str:
    if p_value < 0.001:
        return "< 0.001"
    if p_value < 0.01:
        return f"= {p_value:.3f}"
    return f"= {p_value:.2f}"
