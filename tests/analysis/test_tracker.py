"""The agreement tracker on stored agreements invented for these tests: one row per agreement
however it is worded, scope from the agreement's own words, duration and mediator only when
stated, every step with its party, date and sentence."""

from peacewatch.analysis.tracker import describe_step, noun_windows, scope_class, track_agreements


class FakeStore:
    """The two reads the tracker makes: agreements and events."""

    def __init__(self, agreements, events=()):
        self._agreements, self._events = agreements, list(events)

    def agreements(self, filters=None):
        return [dict(a, history=[dict(s) for s in a["history"]]) for a in self._agreements]

    def article_events(self, article_ids, types=()):
        return [e for e in self._events if e["article_id"] in set(article_ids) and (not types or e["type"] in types)]


def telling(n, published, evidence, kind="ceasefire", scope=None, duration=None, mediator=None, parties=(),
            status="agreed", steps=()):
    return {"id": n, "article_id": f"a{n}", "kind": kind, "scope": scope, "duration_days": duration,
            "mediator": mediator, "parties": list(parties), "status": status, "evidence": list(evidence),
            "published": published, "history": [dict(s) for s in steps]}


def step(action, evidence, party=None, day=None):
    return {"party": party, "action": action, "date": day, "evidence": evidence}


def test_one_agreement_told_in_different_words_is_one_row():
    first = "The two sides agreed on Monday to halt a truce on energy facilities."
    second = "A moratorium on strikes against power plants began on Wednesday."
    store = FakeStore([telling(1, "2026-01-05", [first], scope="energy facilities",
                               steps=[step("agreed", first, "AAA", "2026-01-05")]),
                       telling(2, "2026-01-08", [second], scope="strikes against power plants",
                               steps=[step("in_force", second, None, "2026-01-07")])])
    rows = track_agreements(store)
    assert len(rows) == 1 and rows[0].scope == "partial-energy" and len(rows[0].articles) == 2


def test_two_agreements_of_one_week_stay_two():
    energy = "Both agreed to an energy ceasefire on Tuesday."
    sea = "Both agreed to a truce in the Black Sea on Tuesday."
    store = FakeStore([telling(1, "2026-01-07", [energy], steps=[step("agreed", energy, "AAA", "2026-01-06")]),
                       telling(2, "2026-01-07", [sea], steps=[step("agreed", sea, "BBB", "2026-01-06")])])
    assert sorted(r.scope for r in track_agreements(store)) == ["maritime", "partial-energy"]


def test_a_truce_of_stated_length_and_one_of_none_need_more_in_common():
    """A holiday truce declared on Saturday and a 30-day truce recalled in another article of the
    same day are two agreements (before, the holiday truce took the 30 days)."""
    holiday = "The president declared a truce for the holiday on Saturday."
    month = "The rebels have already agreed to halt attacks during a 30-day ceasefire."
    store = FakeStore([telling(1, "2026-04-18", [holiday], parties=["AAA"],
                               steps=[step("agreed", holiday, "AAA", "2026-04-18")]),
                       telling(2, "2026-04-18", [month], duration=30, status="proposed")])
    rows = track_agreements(store)
    assert sorted((r.duration_days or 0, len(r.articles)) for r in rows) == [(0, 1), (30, 1)]


def test_scope_classes_read_from_the_words_around_the_noun():
    assert scope_class(None, noun_windows("They signed a prisoner exchange deal on Friday.", "deal")) \
        == "prisoner-exchange"
    assert scope_class(None, noun_windows("He called for a complete and unconditional ceasefire.", "ceasefire")) \
        == "full"
    assert scope_class("the skies", []) == "air"
    # words beyond a clause break are not the agreement's: the war, not the truce, is everywhere
    assert scope_class(None, noun_windows("The truce held, but fighting raged on all fronts.", "ceasefire")) is None


def test_duration_and_mediator_only_when_stated_for_the_agreement():
    bare = "The truce took effect at noon."
    stated = "A 30-day truce brokered by Norway took effect at noon."
    store = FakeStore([telling(1, "2026-02-02", [bare], duration=30, mediator="NOR",
                               steps=[step("in_force", bare, "AAA", "2026-02-02")]),
                       telling(2, "2026-05-02", [stated], duration=30, mediator="NOR",
                               steps=[step("in_force", stated, "AAA", "2026-05-02")])])
    unstated, told = track_agreements(store)
    assert (unstated.duration_days, unstated.mediator) == (None, None)
    assert (told.duration_days, told.mediator) == (30, "NOR")


def test_a_step_takes_party_and_date_from_the_event_of_its_sentence():
    sentence = "The rebel council declared a truce on Sunday."
    event = {"article_id": "a1", "evidence": sentence, "type": "AGREE", "source_country": "CCC",
             "date_value": "2026-03-01", "date_precision": "day"}
    store = FakeStore([telling(1, "2026-03-02", [sentence], steps=[step("agreed", sentence)])], [event])
    (row,) = track_agreements(store)
    assert [(s["party"], s["date"], s["evidence"]) for s in row.history] == [("CCC", "2026-03-01", sentence)]


def test_steps_without_party_or_date_and_background_steps_are_left_out():
    vague = "A deal was agreed."
    old = "Back in 2019 the two had signed a truce."
    store = FakeStore([telling(1, "2026-03-02", [vague], steps=[step("agreed", vague)]),
                       telling(2, "2026-03-03", [old], steps=[step("signed", old, "AAA", "2019-06-01")])])
    rows = track_agreements(store)
    assert all(not row.history for row in rows)
    assert len(rows) == 2 and [r.background for r in rows] == [False, True]  # the recalled truce stays apart


def test_every_step_keeps_party_date_and_evidence_unknown_as_null():
    offered = "The coastal league offered the islands a truce for the harvest."
    began = "The truce began on Friday at dawn."
    accepted = "The truce was accepted on Friday."
    store = FakeStore([telling(1, "2026-04-04", [offered, began, accepted], parties=("AAA", "BBB"),
                               steps=[step("proposed", offered, "AAA"), step("in_force", began, None, "2026-04-03"),
                                      step("accepted", accepted, None, "2026-04-03")])])
    (row,) = track_agreements(store)
    history = row.as_row()["history"]
    assert history == [
        {"date": "2026-04-03", "told": "2026-04-04", "party": None, "action": "accepted", "evidence": accepted},
        {"date": "2026-04-03", "told": "2026-04-04", "party": None, "action": "in_force", "evidence": began},
        {"date": None, "told": "2026-04-04", "party": "AAA", "action": "proposed", "evidence": offered}]
    # unknown is said so, never shown as '-'; a change of state has no party by nature
    assert [describe_step(s) for s in history] == ["2026-04-03 (party unknown) accepted", "2026-04-03 in force",
                                                    "told 2026-04-04 AAA proposed"]


def test_the_events_behind_steps_are_read_only_for_the_agreements_articles():
    sentence = "The rebel council declared a truce on Sunday."
    asked = []

    class CountingStore(FakeStore):
        def article_events(self, article_ids, types=()):
            asked.append((set(article_ids), set(types)))
            return super().article_events(article_ids, types)

    store = CountingStore([telling(1, "2026-03-02", [sentence], steps=[step("agreed", sentence)])],
                          [{"article_id": "a9", "evidence": sentence, "type": "AGREE", "source_country": "DDD",
                            "date_value": "2026-03-01", "date_precision": "day"}])
    (row,) = track_agreements(store)
    assert asked[0][0] == {"a1"} and "AGREE" in asked[0][1] and "ASSAULT" in asked[0][1]
    assert row.history == []  # the event of another article with the same sentence gives nothing


def test_a_step_read_as_two_dyads_takes_the_agreements_party_and_a_state_change_none():
    sentence = "The council chief confirmed the truce on Sunday, saying his side would hold fire."
    began = "The truce took hold on Sunday evening."
    events = [{"article_id": "a1", "evidence": sentence, "type": "AGREE", "source_country": country,
               "date_value": "2026-03-01", "date_precision": "day"} for country in ("CCC", "DDD")]
    events.append({"article_id": "a1", "evidence": began, "type": "AGREE", "source_country": "CCC",
                   "date_value": "2026-03-01", "date_precision": "day"})
    store = FakeStore([telling(1, "2026-03-02", [sentence, began], parties=("CCC",),
                               steps=[step("agreed", sentence), step("in_force", began)])], events)
    (row,) = track_agreements(store)
    assert [(s["action"], s["party"], s["date"]) for s in row.history] == [
        ("agreed", "CCC", "2026-03-01"), ("in_force", None, "2026-03-01")]
    # with no party of its own to choose by, two actors leave the party unknown
    store = FakeStore([telling(1, "2026-03-02", [sentence], steps=[step("agreed", sentence)])], events[:2])
    (row,) = track_agreements(store)
    assert [(s["party"], s["date"]) for s in row.history] == [(None, "2026-03-01")]


# ---- the end of an agreement: a stated end or expiry keeps later talks out of its row, while a later
# telling of its end or of a breach still joins it; a step dated by an earlier year is background

DECLARED = "The council declared a truce from Friday until midnight on Sunday."


def truce(n=1, published="2026-04-03"):
    return telling(n, published, [DECLARED], parties=("AAA",), steps=[
        step("agreed", DECLARED, "AAA", "2026-04-03"), step("expired", DECLARED, None, "2026-04-05")])


def test_bare_talks_after_a_truces_end_are_another_row():
    talks = "Envoys will hold another round of ceasefire talks this week."
    store = FakeStore([truce(), telling(2, "2026-04-08", [talks], parties=("AAA",), status="proposed")])
    rows = track_agreements(store)
    # (the truce's stated end has passed by the store's last article: it is over)
    assert [(r.status, len(r.articles)) for r in rows] == [("collapsed", 1), ("proposed", 1)]


def test_a_truce_is_over_once_the_record_reaches_past_its_stated_end():
    later = telling(2, "2026-04-09", ["Fighting went on elsewhere."], kind="deal", parties=("BBB",))
    (holding,) = track_agreements(FakeStore([truce()]))  # the record ends before the truce does
    assert (holding.status, holding.status_as_of) == ("agreed", "2026-04-03")
    over = next(r for r in track_agreements(FakeStore([truce(), later])) if r.kind == "ceasefire")
    assert (over.status, over.status_as_of) == ("collapsed", "2026-04-05")


def test_a_truce_told_of_after_its_stated_end_is_not_over():
    # a breach told on a day after the stated end: the truce was still taken to hold
    breach = "The council accused the rebels of breaking the truce on Tuesday."
    store = FakeStore([truce(), telling(2, "2026-04-08", [breach], parties=("AAA",), status="in_force",
                                        steps=[step("accused_violation", breach, "AAA", "2026-04-07")])])
    assert [r.status for r in track_agreements(store)] == ["in_force"]


def test_a_telling_during_the_truce_joins_it():
    holding = "The truce appeared to be holding on Saturday."
    store = FakeStore([truce(), telling(2, "2026-04-04", [holding], parties=("AAA",),
                                        steps=[step("in_force", holding, None, "2026-04-04")])])
    assert [len(r.articles) for r in track_agreements(store)] == [2]


def test_a_later_telling_of_its_breach_or_expiry_joins_it():
    breach = "The council accused the rebels of breaking the truce."
    store = FakeStore([truce(), telling(2, "2026-04-07", [breach], parties=("AAA",), status="in_force",
                                        steps=[step("accused_violation", breach, "AAA")])])
    assert [len(r.articles) for r in track_agreements(store)] == [2]


def test_a_stated_end_is_shown_as_stated_ahead():
    (row,) = track_agreements(FakeStore([truce()]))
    assert [describe_step(s) for s in row.as_row()["history"]] == [
        "2026-04-03 AAA agreed", "2026-04-05 expired (stated on 2026-04-03)"]


def test_a_step_dated_by_an_earlier_year_is_background():
    old = "The two sides agreed a truce in 2019."
    (row,) = track_agreements(FakeStore([telling(1, "2026-03-02", [old], steps=[step("agreed", old, "AAA", "2019")])]))
    assert row.history == [] and row.background
