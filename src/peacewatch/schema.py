"""Typed records of the exchange format: one article's report and everything in it.

The JSON these models dump validates against shared/eval/report.schema.json; the models may
carry more (explanations of how a value was found), never less.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
Sector = Literal["GOV", "MIL", "REB", "CVL", "IGO", "NGO", "MED", "BUS", "OTHER"]
Status = Literal["occurred", "planned", "negated"]
Precision = Literal["day", "week", "month", "year"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class TerseRecord(Record):
    """A record with fields added to the format after its first readers (UNSAID_WHEN_EMPTY): they
    are dumped only when they say something (true, not empty), so that a record with nothing to
    say of them reads as it always did."""

    UNSAID_WHEN_EMPTY: ClassVar[tuple[str, ...]] = ()

    # (left unannotated: a return type would stand for the model's own JSON schema)
    @model_serializer(mode="wrap")
    def _drop_unsaid(self, handler: SerializerFunctionWrapHandler):
        out = handler(self)
        for name in self.UNSAID_WHEN_EMPTY:
            if not getattr(self, name):
                out.pop(name, None)
        return out


class Actor(Record):
    """Who: the words in the article, a canonical name, a country (ISO3) and a sector."""

    text: str | None = None
    name: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: Sector | None = None


class When(Record):
    """A date at a precision, with the words it came from and the rule that resolved it."""

    text: str | None = None
    value: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    precision: Precision | None = None
    rule: str | None = None
    anchor: str | None = None


class Place(Record):
    """Where: the words, the gazetteer entry they matched and its coordinates."""

    text: str | None = None
    name: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    admin1: str | None = None
    geonameid: int | None = None
    precision: Literal["city", "region", "country", "sea", "continent"] | None = None


class Count(TerseRecord):
    """A hedged number: 'over 115' is min 115, max None; 'up to 30' is min None, max 30."""

    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)
    # read from a vague word ('dozens', 'scores of', 'hundreds'): a floor weaker than any written
    # figure; dumped only when true, so an exact count reads {min, max} as it always did
    vague: bool = False
    UNSAID_WHEN_EMPTY = ("vague",)


class Weapon(Record):
    name: str
    count: int | None = None
    model: str | None = None


class Event(TerseRecord):
    type: EventType
    mode: str | None = None
    status: Status = "occurred"
    source: Actor | None = None
    target: Actor | None = None
    date: When | None = None
    location: Place | None = None
    count: int | None = Field(default=None, ge=1)
    killed: Count | None = None
    injured: Count | None = None
    children_killed: int | None = Field(default=None, ge=0)
    women_killed: int | None = Field(default=None, ge=0)
    weapons: list[Weapon] = Field(default_factory=list)
    evidence: str = Field(min_length=1)
    also_evidence: list[str] = Field(default_factory=list)
    agreement: int | None = Field(default=None, ge=0, description="position in the report's agreements")
    trigger: str | None = None
    note: str | None = None
    # a meeting's parties beyond its source and target (CONVENTIONS 2: those also present, its host
    # or mediator, as the note names them), so that fusion compares every party a telling names
    others: list[Actor] = Field(default_factory=list)
    UNSAID_WHEN_EMPTY = ("others",)


class Claim(Record):
    speaker: Actor | None = None
    text: str
    kind: Literal["statement", "accusation", "denial", "demand", "quote"]
    status: Literal["unverified", "disputed", "confirmed", "not_assessed"] = "not_assessed"
    date: When | None = None
    evidence: str = Field(min_length=1)
    accused: Actor | None = None
    note: str | None = None


class HistoryStep(Record):
    party: str | None = None
    action: Literal["proposed", "accepted", "rejected", "agreed", "signed", "in_force", "violated",
                    "accused_violation", "demanded", "expired", "collapsed"]
    date: str | None = None
    evidence: str | None = None


class Agreement(Record):
    kind: Literal["ceasefire", "peace_deal", "proposal", "deal"]
    scope: str | None = None
    duration_days: int | None = None
    mediator: str | None = None
    parties: list[str] = Field(default_factory=list)
    history: list[HistoryStep] = Field(default_factory=list)
    status: Literal["proposed", "agreed", "in_force", "violated", "collapsed", "rejected", "unknown"] = "unknown"
    evidence: list[str] = Field(default_factory=list)
    note: str | None = None


class Article(Record):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}")
    boilerplate: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


# Line ends of Unicode that JSON leaves raw inside strings, written as escapes (Report.to_json).
_LINE_ENDS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


class Report(Record):
    article: Article
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)

    def to_json(self, indent: int | None = None) -> str:
        """The report in the exchange format. The characters that end a line for some readers
        but not for JSON (U+0085, U+2028, U+2029; str.splitlines cuts at them) are written as
        escapes, so that a report is one line of a JSON Lines file for every reader."""
        return self.model_dump_json(indent=indent).translate(_LINE_ENDS)
