"""Initiative analysis: does violence by a party rise in the days after diplomatic initiatives
between that party and a mediator?

Initiatives are the days of diplomatic incidents between the two (meetings, calls, agreements,
proposals: CONSULT, AGREE, REQUEST) and the dated steps of agreements the mediator brokers with
the party (proposed, agreed, in force). Violence is the party's ASSAULT incidents, fused across
articles. For each of three measures (killed, civilians killed, strikes) the days after the
initiatives are compared with all other days by a rate ratio and a permutation test
(analysis/stats.py), and each initiative is listed with the strikes that followed it and their
evidence sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from peacewatch.analysis.stats import WindowEffect, day_index, window_effect
from peacewatch.analysis.timeline import Marker, Timeline, build_timeline, killed_of
from peacewatch.settings import MEDIATOR, PARTY, PERMUTATIONS, WINDOW_DAYS
from peacewatch.store import Store

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
    party: str
    mediator: str
    window: int
    first: date | None
    last: date | None
    initiatives: list[Initiative]
    effects: dict[str, WindowEffect]
    timeline: Timeline

    @property
    def conclusive(self) -> bool:
        return bool(self.effects) and all(e.conclusive for e in self.effects.values())

    def summary(self) -> str:
        """Plain sentences: what was compared, and what it shows, or that the data are too few."""
        if not self.initiatives:
            return (f"No initiatives between {self.mediator} and {self.party} are in the store: there is nothing "
                    f"to compare.")
        period = f"{self.first} to {self.last}" if self.first else "the stored period"
        lines = [f"{len(self.initiatives)} initiatives between {self.mediator} and {self.party}, {period}; "
                 f"violence attributed to {self.party} in the {self.window} days after each, against all other days."]
        for name, effect in self.effects.items():
            lines.append(f"{name}: {effect.summary()}")
        if not self.conclusive:
            lines.append("The data are too few to conclude anything about a link between initiatives and violence.")
            return "\n".join(lines)
        killed = self.effects.get("killed")
        if killed is not None and killed.p_value is not None and killed.p_value < SIGNIFICANCE:
            lines.append(f"Killed rose after initiatives more than chance placement explains (p < {SIGNIFICANCE}). "
                         f"This shows timing, not intent.")
        else:
            lines.append(f"No rise in killed significant at the {SIGNIFICANCE:.0%} level: these data do not show "
                         f"that violence by {self.party} rises after the initiatives.")
        return "\n".join(lines)


def analyze_initiatives(store: Store, party: str = PARTY, mediator: str = MEDIATOR, window: int = WINDOW_DAYS,
                        date_from: str | None = None, date_to: str | None = None, permutations: int = PERMUTATIONS,
                        seed: int = 0) -> InitiativeAnalysis:
    """Compare the party's violence after initiatives with the other days of the period.

    Args:
        store: the open store.
        party, mediator: ISO3 codes.
        window: days after each initiative (its own day excluded).
        date_from, date_to: the period; by default from the first to the last stored incident or
            initiative involving the party.
        permutations, seed: of the permutation test.
    """
    party, mediator = party.upper(), mediator.upper()
    timeline = build_timeline(store, actor=party, date_from=date_from, date_to=date_to)
    initiatives = _initiatives(timeline.markers, party, mediator)
    if timeline.first is None or timeline.last is None or not timeline.days:
        return InitiativeAnalysis(party, mediator, window, None, None, initiatives, {}, timeline)
    by_day = {d.day: d for d in timeline.days}
    for initiative in initiatives:
        for offset in range(1, window + 1):
            day = by_day.get(initiative.day + timedelta(days=offset))
            if day is not None:
                initiative.strikes_after.extend(day.incidents)
    starts = [day_index(timeline.first, i.day) for i in initiatives if timeline.first <= i.day <= timeline.last]
    series = {
        "killed": [d.killed for d in timeline.days],
        "civilians killed": [d.civilians_killed for d in timeline.days],
        "strikes": [float(d.strikes) for d in timeline.days],
    }
    effects = {name: window_effect(values, starts, window, permutations=permutations, seed=seed)
               for name, values in series.items()}
    return InitiativeAnalysis(party, mediator, window, timeline.first, timeline.last, initiatives, effects, timeline)


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
