"""The cores of the time rules: words every match of a rule holds in a row, searched before the
rule is run. A core must hold wherever its rule matches, and finding with them must find what
finding without them finds. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from peacewatch.resolve import time as module

# a form of each rule that has a core, and near misses that only some gates let through
SENTENCES = [
    "Two days before the vote, the army withdrew.",
    "Within weeks of the deal the shelling resumed.",
    "Three years after the coup in March 2021, talks began.",
    "The day before, the envoy had left; the week after the summit was calm.",
    "The night before the strike, sirens sounded.",
    "Months earlier, the rebels had seized the town.",
    "A year later the ceasefire collapsed, and days afterwards it was restored.",
    "The next day the ministers met again, and later that week they signed.",
    "On the same day, the rebels released five hostages; later the same day they left.",
    "Early in the day the convoy set off, and that night it arrived.",
    "By the end of the day, the troops had crossed; that afternoon the talks resumed.",
    "In the 1990s and the early 2000s the region was calm; in the '80s it was not.",
    "Officials said yesterday that the talks would resume tomorrow.",
    "Last night the city was shelled, and this morning the mayor spoke.",
    "The mayor said today that a truce would begin tonight.",
    "The period of the talks was long, and the day of the vote came.",
    "That day was the first of the year, and the same people came back the following year.",
    "Of the years of war, the days were hard.",
    "The 400s were empty seats, and 50s of the crowd left.",
    "Nothing happened in the morning of the day after, nor that evening.",
]


_GRAMMAR = module._grammar()
_WITHOUT_CORES = replace(_GRAMMAR, rules=tuple(replace(rule, core=None) for rule in _GRAMMAR.rules))


@pytest.mark.parametrize("text", SENTENCES)
def test_a_core_holds_wherever_its_rule_matches(text):
    for rule in module._rules():
        if rule.core is not None and rule.pattern.search(text):
            assert rule.core.search(text), (rule.name, text)


@pytest.mark.parametrize("text", SENTENCES)
def test_finding_with_cores_finds_what_finding_without_finds(text, monkeypatch):
    found = [(m.text, m.start, m.end, m.kind) for m in module.find_time_expressions(text)]
    monkeypatch.setattr(module, "_grammar", lambda: _WITHOUT_CORES)
    assert found == [(m.text, m.start, m.end, m.kind) for m in module.find_time_expressions(text)]


def test_the_weakly_gated_rules_have_cores():
    # their gates are common words ('of', 'the', 'day'): without a core they run over most sentences
    named = {rule.name for rule in module._rules() if rule.core is not None}
    assert {"anchored", "anchored_the", "anchored_bare", "anchored_fixed", "decade", "deictic"} <= named


def test_gate_sets_are_read_per_chunk_between_spaces():
    """A text's gate sets are its chunks' (no gate string holds a space), each chunk read once."""
    text = "On Monday,\u00a0two\tdays after the 2023-05-01 vote, mid-March: 'ninety'\nQ4 ٣"
    folded = module._fold(text)
    expected = {n for n, strings in enumerate(_GRAMMAR.gate_sets) if any(s in folded for s in strings)}
    assert module._gates_met(text, _GRAMMAR) == expected
    assert module._chunk_gates.cache_info().maxsize == module.MAX_GATE_CHUNKS
    before = module._chunk_gates.cache_info().hits
    module._gates_met("Monday, Monday,", _GRAMMAR)
    assert module._chunk_gates.cache_info().hits >= before + 1
