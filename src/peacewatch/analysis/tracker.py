"""The agreement tracker: each ceasefire, deal or proposal merged across the articles that tell
of it, with its parties, mediator, scope, duration, the union of their histories, and its
status as the latest of those articles gives it (or, once the record reaches past a truce's
stated end with nothing told of it after, collapsed as of that end).

What the tracker shows comes from the agreement's own words:
- scope: one class of a small set (data/agreement_scopes.yaml: full, partial-energy, maritime,
  air, humanitarian, local, prisoner-exchange, economic) read from the extracted scope and the
  words around the agreement's noun in its evidence sentences; unknown when none fits;
- duration and mediator: kept only when stated for it (the number of days, weeks or months
  beside its noun; the mediator's name beside a word of brokering in one of its sentences);
- steps: each with its party, date and evidence sentence. A step told without a party or date
  takes them from the event the same article read from the same sentence (a 'declared a truce'
  sentence is also an AGREE event with its actor and date); a step still without both, or dated
  a year or more before its article (background), is left out.

Two tellings are one agreement when they have the same kind, scope classes, durations and
mediators that do not conflict, parties that do not conflict, they are within MAX_GAP_DAYS
of each other (their dated steps, else their articles' publication days), and, when only one
names its scope (or only one states its duration), they share a stated scope, duration, mediator
or dated step (docs/ANALYSIS.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from peacewatch.data.reading_words import AgreementWords, CountryList, NumberWords, ScopeWords
from peacewatch.store import Filters, Store

# Tellings further apart than this are two agreements: a week's news of one truce stays together,
# a truce declared for a holiday and a call for a truce three weeks later do not.
MAX_GAP_DAYS = 14
# A step dated this long before the article that tells it is background, not the agreement's history.
BACKGROUND_DAYS = 365
# Words before the agreement's noun (its modifiers: 'a 30-day energy ceasefire') and after the
# preposition that may follow it ('a truce in the Black Sea') that may say what it covers.
WORDS_BEFORE, WORDS_AFTER = 4, 5
# Prepositions after an agreement's noun that introduce what it covers ('a ceasefire on energy').
_SCOPE_PREPOSITIONS = frozenset({"on", "in", "at", "across", "over", "for", "covering", "around", "along", "of"})
# Event types whose actor and date a step may take, by the step's action.
STEP_EVENT_TYPES = {
    "proposed": ("REQUEST",), "demanded": ("REQUEST", "THREATEN"),
    "accepted": ("AGREE", "CONCEDE"), "agreed": ("AGREE", "CONCEDE", "COOPERATE"), "signed": ("AGREE",),
    "in_force": ("AGREE", "CONCEDE", "RETREAT"), "rejected": ("REJECT",), "violated": ("ASSAULT", "COERCE"),
    "accused_violation": ("ACCUSE",), "collapsed": ("REJECT",), "expired": ("AGREE",),
}
# Clause breaks: the words around an agreement's noun stop at them.
_BREAK = re.compile(r"[,;:.!?()\[\]\u2014\u2013\"\u201c\u201d]| - ")
_CLAUSE_WORDS = frozenset({"but", "while", "which", "who", "after", "before", "when", "because", "although",
                           "whereas", "though", "now", "since", "if", "unless", "until", "as", "that", "and"})
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?!\d|[.,]\d|-day)")
_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


@dataclass
class TrackedAgreement:
    kind: str
    scope: str | None
    duration_days: int | None
    mediator: str | None
    parties: list[str]
    history: list[dict]
    status: str
    status_as_of: str | None
    articles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    scope_words: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    background: bool = False  # recalled by its articles as past, not news

    def as_row(self) -> dict:
        """The agreement as a plain dict; each step of `history` with its date (null when the text
        gives none), the day its article was told (`told`), its party (null when unknown, and for
        a change of state nobody performs), its action and its evidence sentence."""
        return {"kind": self.kind, "status": self.status, "as_of": self.status_as_of, "scope": self.scope,
                "duration_days": self.duration_days, "mediator": self.mediator, "parties": self.parties,
                "history": [{key: step.get(key) for key in STEP_KEYS} for step in self.history],
                "articles": len(self.articles), "background": self.background}


# The keys of a step as the tracker gives it.
STEP_KEYS = ("date", "told", "party", "action", "evidence")
# Steps that end an agreement, and those a later telling of the same agreement may tell of it after
# its end (its expiry, its collapse, a breach); a telling after the end with none of them is another.
ENDING_ACTIONS = frozenset({"expired", "collapsed"})
LOOKING_BACK_ACTIONS = frozenset({"expired", "collapsed", "violated", "accused_violation"})
# Steps no party performs (a state of the agreement): their party is null by nature, not unknown.
NO_PARTY_ACTIONS = frozenset({"in_force", "expired"})


def describe_step(step: dict) -> str:
    """The step in a line: '2025-03-11 UKR accepted'; 'told 2025-03-11' when the text gives no
    date (the day its article was published, not a date of the step); 'party unknown' when the
    text names nobody for an act; no party for a change of state ('2025-05-10 in force'); a step
    dated after the day it was told is a term stated ahead ('2025-04-21 expired (stated on
    2025-04-19)': a truce declared to last until then)."""
    when = step.get("date") or (f"told {step['told']}" if step.get("told") else "date unknown")
    if step.get("party"):
        who = f" {step['party']}"
    elif step["action"] in NO_PARTY_ACTIONS:
        who = ""
    else:
        who = " (party unknown)"
    ahead = step.get("date") and step.get("told") and step["date"][:10] > step["told"][:10]
    return f"{when}{who} {step['action'].replace('_', ' ')}" + (f" (stated on {step['told']})" if ahead else "")


def track_agreements(store: Store, country: str | None = None, status: str | None = None) -> list[TrackedAgreement]:
    """Agreements merged across articles, oldest first by their first dated step.

    Args:
        store: the open store.
        country: keep agreements with this party or mediator (ISO3).
        status: keep agreements whose current status is this.
    """
    rows = store.agreements(Filters(country=country))
    events = _events_by_sentence(store, {row["article_id"] for row in rows})
    for row in rows:
        _read_own_words(row, events)
    rows.sort(key=lambda r: (r["published"], r["id"]))
    merged: list[TrackedAgreement] = []
    for row in rows:
        candidates = [m for m in merged if _same(m, row)]
        target = max(reversed(candidates), key=lambda m: _affinity(m, row)) if candidates else None
        if target is None:
            target = TrackedAgreement(kind=row["kind"], scope=row["scope_class"], duration_days=row["duration"],
                                      mediator=row["stated_mediator"], parties=list(row["parties"]), history=[],
                                      status=row["status"], status_as_of=row["published"] or None,
                                      background=row["background"])
            merged.append(target)
        _absorb(target, row)
    reach = max((row["published"] for row in rows if row["published"]), default=None)
    for item in merged:
        item.history.sort(key=lambda s: (s.get("date") or s.get("told") or "9999", s["action"]))
        _past_its_end(item, reach)
    merged.sort(key=lambda m: _first_day(m) or "9999")
    return [m for m in merged if status is None or m.status == status]


# ------------------------------------------------------------------ one telling's own words


def _read_own_words(row: dict, events: dict[tuple[str, str], list[dict]]) -> None:
    """Add to a stored agreement what its own sentences state: scope class, duration, mediator,
    and steps with party and date where the sentence's event gives them."""
    row["published"] = (row.get("published") or "")[:10]
    sentences = [s for s in row.get("evidence") or [] if s]
    windows = [w for s in sentences for w in noun_windows(s, row["kind"])]
    row["scope_class"] = scope_class(row.get("scope"), windows)
    row["duration"] = row["duration_days"] if _duration_stated(row.get("duration_days"), windows) else None
    row["stated_mediator"] = row["mediator"] if _mediator_stated(row.get("mediator"), row["parties"],
                                                                sentences) else None
    row["steps"] = [s for s in (_complete_step(dict(step), row, events) for step in row["history"]) if s]
    # a telling whose every step is background recalls a past agreement: never merged with the news
    row["background"] = bool(row["history"]) and all(_background(dict(step), row["published"])
                                                     for step in row["history"])


def noun_windows(sentence: str, kind: str | None = None) -> list[str]:
    """The words around each noun of an agreement of this kind in a sentence, lower case: the
    modifiers before it, and after it the phrase of a preposition ('on energy infrastructure'),
    never past a clause break."""
    nouns = _kind_nouns(kind)
    found = []
    for clause in _BREAK.split(sentence.lower()):
        tokens = _TOKEN.findall(clause)
        for index, token in enumerate(tokens):
            if _lemma(token) not in nouns:
                continue
            start, end = index, index + 1
            while start > 0 and index - start < WORDS_BEFORE and tokens[start - 1] not in _CLAUSE_WORDS:
                start -= 1
            if end < len(tokens) and tokens[end] in _SCOPE_PREPOSITIONS:
                while end < len(tokens) and end - index <= WORDS_AFTER and tokens[end] not in _CLAUSE_WORDS:
                    end += 1
            found.append(" ".join(tokens[start:end]))
    return found


def scope_class(scope: str | None, windows: list[str]) -> str | None:
    """The first scope class (in the data file's order) whose cue is in the extracted scope, else
    in the words around the agreement's noun; None when no cue is there."""
    for text in ([scope.lower()] if scope else []) + [" | ".join(windows)]:
        words = " ".join(_TOKEN.findall(text))
        for name, cues in _scope_cues().items():
            if any(_has_cue(words, cue) for cue in cues):
                return name
    return None


def _has_cue(words: str, cue: str) -> bool:
    pattern = r"\b" + re.escape(cue) + r"s?\b"
    return re.search(pattern, words) is not None


def _duration_stated(days: int | None, windows: list[str]) -> bool:
    """Whether the words around the agreement's noun give `days` as a number of days, weeks or
    months ('a 30-day truce', 'a ceasefire for a month')."""
    if not days:
        return False
    numbers = _number_words()
    for window in windows:
        tokens = window.split()
        for index, token in enumerate(tokens):
            parts = token.split("-")
            unit = parts[-1].rstrip("s") if parts else ""
            if unit not in _unit_days():
                continue
            count_word = parts[-2] if len(parts) >= 2 else (tokens[index - 1] if index else "")
            count = int(count_word) if count_word.isdigit() else numbers.get(count_word, 1 if count_word in
                                                                             ("a", "one") else 0)
            if count * _unit_days()[unit] == days:
                return True
    return False


def _mediator_stated(mediator: str | None, parties: list[str], sentences: list[str]) -> bool:
    """Whether a sentence names the mediator (not a party) beside a word of brokering or proposing."""
    if not mediator or mediator in parties:
        return False
    names = _country_names().get(mediator, ())
    cues = _mediation_cues()
    for sentence in sentences:
        words = set(_TOKEN.findall(sentence.lower()))
        parts = {p for w in words for p in w.split("-")}
        if words & cues or parts & cues:
            if any(re.search(r"(?<![A-Za-z])" + re.escape(name) + r"(?![a-z])", sentence) for name in names):
                return True
    return False


def _complete_step(step: dict, row: dict, events: dict[tuple[str, str], list[dict]]) -> dict | None:
    """The step with its party and date from the event of the same sentence where it lacks them
    (the party when one actor fits, or one of the fitting actors is the agreement's party; never
    for a change of state such as in_force, which nobody performs); None for background (dated a
    year before the article) or a step with neither party nor date."""
    step["told"] = row["published"] or None
    if not step.get("party") or not step.get("date"):
        fits = [e for e in events.get((row["article_id"], step.get("evidence") or ""), [])
                if e["type"] in STEP_EVENT_TYPES.get(step["action"], ())
                and (not step.get("party") or e.get("source_country") == step["party"])]
        actors = {e["source_country"] for e in fits if e.get("source_country")}
        if len(actors) > 1:
            # one act read as several dyads ('the two sides agreed'), or a second actor read in:
            # the agreement's own party among them is the one, when there is exactly one
            actors = actors & set(row["parties"]) if len(actors & set(row["parties"])) == 1 else actors
        days = {e["date_value"] for e in fits if e.get("date_precision") == "day" and e.get("date_value")}
        if not step.get("party") and len(actors) == 1 and step["action"] not in NO_PARTY_ACTIONS:
            step["party"] = actors.pop()
        if not step.get("date") and len(days) == 1:
            step["date"] = days.pop()
    if _background(step, row["published"]):
        return None
    if not step.get("party") and not step.get("date"):
        return None
    return step


def _background(step: dict, published: str) -> bool:
    """A step dated a year or more before its article, or told in a sentence whose years all lie
    before the article's year ('In January 2023, ... had declared a truce')."""
    if not published:
        return False
    if step.get("date") and _days_between(step["date"], published) >= BACKGROUND_DAYS:
        return True
    if step.get("date") and len(step["date"]) == 4 and step["date"].isdigit() and step["date"] < published[:4]:
        return True  # dated by a year only ('in 2023'), one before the article's
    years = [int(y) for y in _YEAR.findall(step.get("evidence") or "")]
    return bool(years) and max(years) < int(published[:4])


def _events_by_sentence(store: Store, article_ids: set[str]) -> dict[tuple[str, str], list[dict]]:
    """The events a step may take its party and date from, by article and sentence: a query for
    those of the agreements' articles and of the types of STEP_EVENT_TYPES."""
    if not article_ids:
        return {}
    types = {t for kinds in STEP_EVENT_TYPES.values() for t in kinds}
    found: dict[tuple[str, str], list[dict]] = {}
    for event in store.article_events(article_ids, types):
        if event.get("evidence"):
            found.setdefault((event["article_id"], event["evidence"]), []).append(event)
    return found


# ------------------------------------------------------------------ merging tellings


# The statuses of an agreement that holds until its stated end; at that end it is over, which the
# coding manual's statuses call collapsed ('a collapse or expiry').
_HOLDING = frozenset({"agreed", "in_force", "violated"})


def _past_its_end(item: TrackedAgreement, reach: str | None) -> None:
    """A truce whose stated end ('until midnight on Monday') has passed by the store's last
    publication day (`reach`), with nothing told of it after that end, is over: its status is
    collapsed as of its end (its articles, told before the end, gave it as holding)."""
    ends, last = _end_days(item.history), _day(reach)
    if not ends or last is None or item.status not in _HOLDING or max(ends) > last:
        return
    end = max(ends)
    if any((_day(s.get("date")) or end) > end and s["action"] not in ENDING_ACTIONS for s in item.history):
        return  # told as holding after its end: extended, or the end was not kept
    item.status, item.status_as_of = "collapsed", end.isoformat()


def _absorb(target: TrackedAgreement, row: dict) -> None:
    target.scope = target.scope or row["scope_class"]
    target.duration_days = target.duration_days or row["duration"]
    target.mediator = target.mediator or row["stated_mediator"]
    target.parties.extend(p for p in row["parties"] if p not in target.parties)
    if row.get("scope") and row["scope"] not in target.scope_words:
        target.scope_words.append(row["scope"])
    for step in row["steps"]:
        twins = [s for s in target.history if s.get("party") == step.get("party") and s["action"] == step["action"]]
        if any(s.get("date") == step.get("date") for s in twins) or (step.get("date") is None and twins):
            continue  # told before
        undated = [s for s in twins if s.get("date") is None]
        if undated:
            undated[0]["date"] = step.get("date")  # a later article dates a step told before undated
            undated[0]["evidence"] = step.get("evidence")
            continue
        target.history.append(step)
    if row["published"] >= (target.status_as_of or ""):
        target.status, target.status_as_of = row["status"], row["published"] or None
    target.articles.append(row["article_id"])
    target.published.append(row["published"])
    target.evidence.extend(e for e in row["evidence"] if e not in target.evidence)


def _same(tracked: TrackedAgreement, row: dict) -> bool:
    if tracked.kind != row["kind"] or tracked.background != row["background"]:
        return False
    pairs = ((tracked.duration_days, row["duration"]), (tracked.mediator, row["stated_mediator"]),
             (tracked.scope, row["scope_class"]))
    if any(mine and theirs and mine != theirs for mine, theirs in pairs):
        return False
    mine, theirs = set(tracked.parties), set(row["parties"])
    if len(mine) >= 2 and len(theirs) >= 2 and not mine & theirs:
        return False  # two pairs of parties with nobody in common (an article may name only one party)
    if not _near_in_time(tracked, row) or _after_end(tracked.history, row["steps"], [row["published"]]) \
            or _after_end(row["steps"], tracked.history, tracked.published):
        return False
    # a telling whose scope is known and one whose scope is unknown are one agreement only when they
    # share a stated duration, mediator or dated step: an energy truce and a 30-day truce told the
    # same week are two, and a bare 'the ceasefire' could be either
    # (and so, alike, a telling whose duration is stated and one whose duration is unknown: a truce
    # declared for a holiday and a 30-day truce recalled in the same article are two)
    alike = bool(tracked.scope) == bool(row["scope_class"]) and bool(tracked.duration_days) == bool(row["duration"])
    return alike or _affinity(tracked, row) > 0


def _affinity(tracked: TrackedAgreement, row: dict) -> int:
    """How much two tellings share: dated steps in common count most, then what each states."""
    steps = {(s.get("party"), s["action"], s.get("date")) for s in tracked.history if s.get("date")}
    shared = sum(1 for s in row["steps"] if s.get("date") and (s.get("party"), s["action"], s["date"]) in steps)
    stated = sum(1 for mine, theirs in ((tracked.scope, row["scope_class"]), (tracked.duration_days, row["duration"]),
                                        (tracked.mediator, row["stated_mediator"])) if mine and mine == theirs)
    return 3 * shared + stated


def _near_in_time(tracked: TrackedAgreement, row: dict) -> bool:
    """Within MAX_GAP_DAYS: the dated steps of each (their publication days when they have none)."""
    days = [d for d in (_day(s.get("date")) for s in tracked.history) if d] or \
        [d for d in (_day(p) for p in tracked.published) if d]
    others = [d for d in (_day(s.get("date")) for s in row["steps"]) if d] or \
        [d for d in (_day(row["published"]),) if d]
    if not days or not others:
        return True
    return min(abs((a - b).days) for a in days for b in others) <= MAX_GAP_DAYS


def _after_end(ended: list[dict], steps: list[dict], told: list[str]) -> bool:
    """Whether a telling begins after the stated end or expiry of another (its dated steps, else its
    publication days, all later) and tells no end or breach of it: talks or a truce that came after
    it, not the same one ('a 30-hour truce' ends; 'ceasefire talks' told three days later are others)."""
    ends = _end_days(ended)
    if not ends or any(s["action"] in LOOKING_BACK_ACTIONS for s in steps):
        return False
    days = [d for d in (_day(s.get("date")) for s in steps) if d] or [d for d in map(_day, told) if d]
    return bool(days) and min(days) > max(ends)


def _end_days(history: list[dict]) -> list[date]:
    """The days a history dates its agreement's end (an expiry, stated or told, or a collapse)."""
    return [d for d in (_day(s.get("date")) for s in history if s["action"] in ENDING_ACTIONS) if d]


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value[:7] + "-01")
    except ValueError:
        return None


def _days_between(earlier: str, later: str) -> int:
    first, last = _day(earlier), _day(later)
    return (last - first).days if first and last else 0


def _first_day(tracked: TrackedAgreement) -> str | None:
    dated = [s["date"] for s in tracked.history if s.get("date")]
    return min(dated) if dated else tracked.status_as_of


# ------------------------------------------------------------------ words, read once


def _lemma(token: str) -> str:
    return token[:-1] if token.endswith("s") and token[:-1] in _agreement_nouns() else token


@cache
def _agreement_nouns() -> frozenset[str]:
    words = AgreementWords.load()
    return frozenset([*words.ceasefire_nouns, *words.generic_nouns, *words.proposal_nouns])


@cache
def _kind_nouns(kind: str | None) -> frozenset[str]:
    """The nouns that name an agreement of this kind (all agreement nouns for another kind)."""
    words = AgreementWords.load()
    by_kind = {"ceasefire": words.ceasefire_nouns, "deal": words.generic_nouns, "peace_deal": words.generic_nouns,
               "proposal": words.proposal_nouns}
    return frozenset(by_kind[kind]) if kind in by_kind else _agreement_nouns()


@cache
def _unit_days() -> dict[str, int]:
    return dict(AgreementWords.load().unit_days)


@cache
def _number_words() -> dict[str, int]:
    numbers = NumberWords.load()
    return {**numbers.units, **numbers.tens}


@cache
def _scope_cues() -> dict[str, list[str]]:
    return {name: [cue.lower() for cue in cues] for name, cues in ScopeWords.load().scopes.items()}


@cache
def _mediation_cues() -> frozenset[str]:
    return frozenset(cue.lower() for cue in ScopeWords.load().mediation_cues)


@cache
def _country_names() -> dict[str, tuple[str, ...]]:
    """ISO3 -> the words that name the country: name, aliases, adjectives, capitals."""
    return {c.iso3: (c.name, *c.aliases, *c.adjectives, *c.capitals) for c in CountryList.load().countries}
