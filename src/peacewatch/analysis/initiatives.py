"""Initiative analysis: does violence by a party rise in the days after diplomatic initiatives
between that party and a mediator?

Initiatives are the days of diplomatic incidents between the two (meetings, calls, agreements,
proposals: CONSULT, AGREE, REQUEST) and the dated steps of agreements the mediator brokers with
the party (proposed, agreed, in force). The period is the store's coverage (the publication days
of its articles, analysis/coverage.py); only covered days are compared, and what is dated outside
them is listed, not tested. Violence is the party's ASSAULT incidents, fused across
articles. For each of three measures (killed, civilians killed, strikes) the days after the
initiatives are compared with all other days by a rate ratio and a permutation test
(analysis/stats.py), and each initiative is listed with the strikes that followed it and their
evidence sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from peacewatch.analysis.check import Finding, check_tolls
from peacewatch.analysis.coverage import Coverage, store_coverage
from peacewatch.analysis.stats import WindowEffect, day_index, window_effect
from peacewatch.analysis.timeline import Marker, Timeline, build_timeline, diplomatic_markers, is_by, killed_of
from peacewatch.settings import MEDIATOR, PARTY, PERMUTATIONS, WINDOW_DAYS
from peacewatch.store import Filters, Store

INITIATIVE_TYPES = {"CONSULT", "AGREE", "REQUEST"}
SIGNIFICANCE = 0.05
INITIATIVE_STEPS = {"proposed", "agreed", "signed", "in_force", "accepted"}


@dataclass
class Initiative:
    day: date
    labels: list[str]
    evidence: list[str]
    strikes_after: list[dict] = field(default_factory=list)

    @property
    def killed_after(self) -> float:
        return sum(killed_of(i) for i in self.strikes_after)


@dataclass
class InitiativeAnalysis:
    """The comparison and what it rests on.

    `initiatives` are those dated on covered days of the period; `untested_initiatives` and
    `untested_strikes` those dated outside the coverage (before or after the period, or on a day
    no article could tell of), listed but left out of the test.
    """

    party: str
    mediator: str
    window: int
    first: date | None
    last: date | None
    initiatives: list[Initiative]
    effects: dict[str, WindowEffect]
    timeline: Timeline
    coverage: Coverage = field(default_factory=Coverage)
    untested_initiatives: list[Initiative] = field(default_factory=list)
    untested_strikes: list[dict] = field(default_factory=list)
    suspect_tolls: list[Finding] = field(default_factory=list)

    @property
    def testable(self) -> bool:
        """Whether every measure could be tested (enough initiatives and values); not whether a rise
        was found: that is `verdicts()`. (Formerly `conclusive`, a name it no longer fits.)"""
        return bool(self.effects) and all(e.testable for e in self.effects.values())

    @property
    def tested(self) -> int:
        """Initiatives in the test: on covered days, with their whole window inside the period."""
        return max((e.initiatives for e in self.effects.values()), default=0)

    @property
    def covered_days(self) -> int:
        return sum(1 for d in self.timeline.days if self.coverage.covers(d.day))

    def verdicts(self) -> dict[str, str]:
        """Each measure's verdict at SIGNIFICANCE: 'rise', 'no significant rise' or 'too few data'."""
        return {name: effect.verdict(SIGNIFICANCE) for name, effect in self.effects.items()}

    def summary(self) -> str:
        """Plain sentences: the period, what was compared, what it shows, or that the data are too few.
        Every count is stated once and every later sentence uses the same figure."""
        lines = [self._period_line()]
        if not self.initiatives:
            lines.append(f"No initiatives between {self.mediator} and {self.party} on the covered days: there is "
                         f"nothing to compare.")
            return "\n".join(lines + self._untested_lines())
        lines.append(self._initiatives_line())
        lines += [f"{name}: {effect.summary(name)}" for name, effect in self.effects.items()]
        lines += self._verdict_lines()
        return "\n".join(lines + self._caution_lines() + self._untested_lines())

    def _caution_lines(self) -> list[str]:
        if not self.suspect_tolls:
            return []
        count = len(self.suspect_tolls)
        listed = "; ".join(f"{f.day}: {f.reason}" for f in self.suspect_tolls[:3])
        return [f"Caution: {count} strike{'' if count == 1 else 's'} counted here carr{'ies' if count == 1 else 'y'} "
                f"a toll far above {'its' if count == 1 else 'their'} sources' typical scale ({listed}); "
                f"`peacewatch check` lists suspect records."]

    def _period_line(self) -> str:
        if self.first is None or self.last is None:
            return "The store holds no dated record to analyse."
        total = (self.last - self.first).days + 1
        if self.coverage.source == "articles":
            return (f"Period {self.first} to {self.last}, the publication days of the store's articles: "
                    f"{self.covered_days} of its {total} days are covered (an article published that day or the "
                    f"next); the other days count neither after initiatives nor among the other days.")
        return f"Period {self.first} to {self.last} ({total} days), the span of the stored incidents."

    def _initiatives_line(self) -> str:
        found = len(self.initiatives)
        noun = "initiative" if found == 1 else "initiatives"
        if self.tested == found:
            tested = "all tested" if found > 1 else "tested"
        else:
            tested = (f"{self.tested} tested, {found - self.tested} without a whole {self.window}-day window "
                      f"inside the period")
        return (f"{found} {noun} between {self.mediator} and {self.party} on covered days ({tested}); violence "
                f"attributed to {self.party} in the {self.window} days after each, against the other covered days.")

    def _verdict_lines(self) -> list[str]:
        verdicts = self.verdicts()
        rose = [n for n, v in verdicts.items() if v == "rise"]
        flat = [n for n, v in verdicts.items() if v == "no significant rise"]
        few = [n for n, v in verdicts.items() if v == "too few data"]
        level = f"{SIGNIFICANCE:.0%}"
        if not rose and not flat:
            return ["The data are too few to conclude anything about a link between initiatives and violence."]
        lines = []
        if rose:
            lines.append(f"Verdict (one-sided test for a rise, {level} level): {_join(rose)} rose after initiatives "
                         f"more than random placement of the initiatives explains. This shows timing, not intent.")
        if flat:
            lines.append(f"Verdict (one-sided test for a rise, {level} level): no significant rise in {_join(flat)}; "
                         f"these data do not show that {'it' if len(flat) == 1 else 'they'} rise after the "
                         f"initiatives.")
        if few:
            lines.append(f"Too few data to test {_join(few)}.")
        return lines

    def _untested_lines(self) -> list[str]:
        if not self.untested_initiatives and not self.untested_strikes:
            return []
        parts = []
        if self.untested_initiatives:
            count = len(self.untested_initiatives)
            parts.append(f"{count} initiative{'' if count == 1 else 's'}")
        if self.untested_strikes:
            count = len(self.untested_strikes)
            parts.append(f"{count} strike{'' if count == 1 else 's'} by {self.party}")
        return [f"Not tested, dated outside the coverage: {' and '.join(parts)} (listed apart)."]


    def untested_rows(self) -> list[tuple[date, str, str]]:
        """What is dated outside the coverage, by day: (day, what, evidence sentence)."""
        rows = [(i.day, "; ".join(i.labels), (i.evidence or [""])[0]) for i in self.untested_initiatives]
        rows += [(date.fromisoformat(s["date_value"]), f"strike, {killed_of(s):g} killed, "
                  f"{s.get('place_name') or 'place unknown'}", (s.get("evidence") or [""])[0])
                 for s in self.untested_strikes]
        return sorted(rows, key=lambda row: row[0])


def analyze_initiatives(store: Store, party: str = PARTY, mediator: str = MEDIATOR, window: int = WINDOW_DAYS,
                        date_from: str | None = None, date_to: str | None = None, permutations: int = PERMUTATIONS,
                        seed: int = 0) -> InitiativeAnalysis:
    """Compare the party's violence after initiatives with the other covered days of the period.

    Args:
        store: the open store.
        party, mediator: ISO3 codes.
        window: days after each initiative (its own day excluded).
        date_from, date_to: narrow the period; by default it is the store's coverage, from the first
            to the last publication day of its articles (for a store without articles, the span of
            its incidents). Only covered days are compared; what is dated outside is listed apart.
        permutations, seed: of the permutation test.
    """
    party, mediator = party.upper(), mediator.upper()
    coverage = _period(store, date_from, date_to)
    if coverage.source == "articles" and (coverage.first is None or coverage.last is None
                                          or coverage.first > coverage.last):
        empty = Timeline(None, None, [], [])
        return InitiativeAnalysis(party, mediator, window, None, None, [], {}, empty, coverage)
    first = coverage.first.isoformat() if coverage.first else date_from
    last = coverage.last.isoformat() if coverage.last else date_to
    timeline = build_timeline(store, actor=party, date_from=first, date_to=last)
    if coverage.source != "articles":
        coverage = Coverage(timeline.first, timeline.last, set(), "incidents" if timeline.days else "none")
    found = _initiatives(diplomatic_markers(store, party, Filters(date_from=date_from, date_to=date_to)),
                         party, mediator)
    initiatives = [i for i in found if coverage.covers(i.day)]
    untested = [i for i in found if not coverage.covers(i.day)]
    untested_strikes = _untested_strikes(store, party, coverage, date_from, date_to)
    if timeline.first is None or timeline.last is None or not timeline.days:
        return InitiativeAnalysis(party, mediator, window, None, None, initiatives, {}, timeline, coverage,
                                  untested, untested_strikes)
    by_day = {d.day: d for d in timeline.days}
    for initiative in initiatives:
        for offset in range(1, window + 1):
            day = by_day.get(initiative.day + timedelta(days=offset))
            if day is not None and coverage.covers(day.day):
                initiative.strikes_after.extend(day.incidents)
    starts = [day_index(timeline.first, i.day) for i in initiatives]
    covered = [coverage.covers(d.day) for d in timeline.days]
    series = {
        "killed": [d.killed for d in timeline.days],
        "civilians killed": [d.civilians_killed for d in timeline.days],
        "strikes": [float(d.strikes) for d in timeline.days],
    }
    effects = {name: window_effect(values, starts, window, permutations=permutations, seed=seed, covered=covered)
               for name, values in series.items()}
    counted = {i["id"] for d in timeline.days if coverage.covers(d.day) for i in d.incidents}
    suspect = [f for f in check_tolls(store.incidents(Filters(type="ASSAULT"))) if f.id in counted] if counted else []
    return InitiativeAnalysis(party, mediator, window, timeline.first, timeline.last, initiatives, effects, timeline,
                              coverage, untested, untested_strikes, suspect)


def _period(store: Store, date_from: str | None, date_to: str | None) -> Coverage:
    """The store's coverage inside the period the user gave; without articles, the user's bounds only."""
    coverage = store_coverage(store)
    low = date.fromisoformat(date_from) if date_from else None
    high = date.fromisoformat(date_to) if date_to else None
    if coverage.source != "articles":
        return Coverage(low, high, set(), "none")
    return coverage.clipped(low, high)


def _untested_strikes(store: Store, party: str, coverage: Coverage, date_from: str | None,
                      date_to: str | None) -> list[dict]:
    """The party's day-dated strikes inside the asked bounds but outside the coverage."""
    if coverage.source != "articles":
        return []
    strikes = store.incidents(Filters(type="ASSAULT", date_from=date_from, date_to=date_to))
    return [i for i in strikes if is_by(i, party) and i.get("date_precision") == "day"
            and not coverage.covers(date.fromisoformat(i["date_value"]))]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _initiatives(markers: list[Marker], party: str, mediator: str) -> list[Initiative]:
    """One initiative per day on which the mediator and the party met, talked, agreed or proposed."""
    by_day: dict[date, Initiative] = {}
    for marker in markers:
        involved = set(marker.parties)
        if marker.kind in INITIATIVE_TYPES:
            if involved != {party, mediator}:
                continue
        elif marker.kind == "agreement step":
            # a step of an agreement the mediator brokers with the party
            if marker.action not in INITIATIVE_STEPS or party not in involved or marker.mediator != mediator \
                    or marker.step_party not in (None, party, mediator):
                continue  # a third party's acceptance is not an initiative between these two
        else:
            continue
        initiative = by_day.setdefault(marker.day, Initiative(marker.day, [], []))
        if marker.label not in initiative.labels:
            initiative.labels.append(marker.label)
        if marker.evidence and marker.evidence not in initiative.evidence:
            initiative.evidence.append(marker.evidence)
    return sorted(by_day.values(), key=lambda i: i.day)
