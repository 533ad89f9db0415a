"""The store's lists as the dashboard and the API read them (store.listing): the actor and word
filters, the sorts with unknown values last, and pages that cross from the known values to the
unknown ones, worked out by the database, on SQLite and on PostgreSQL. Invented rows only."""

from sqlalchemy import insert

from peacewatch.store import Filters
from peacewatch.store.models import AgreementRow, ArticleRow, ClaimRow, EventRow, StepRow

# (speaker or source name, place, day, killed max, killed min, evidence), in id order from 1
EVENTS = [
    ("the Blue army", "Ostend", "2024-03-02", 4, 2, "Shells struck the depot."),
    ("Ölvik guard", "ærø", "2024-03-01", None, 3, "Guards from ÖLVIK fired."),
    ("blue Army", "", "2024-03-05", None, None, "Drones hit 100% of the targets."),
    (None, "Zed", None, 9, 1, "A strike hit the bridge."),
    ("Straße militia", "Ærø", "2024-03-01", 1, 1, "Militia shelled the road_x."),
    ("zeta unit", None, "2024-03-04", 4, None, "Shells fell near the depot."),
]


def _seed(store):
    with store.engine.begin() as connection:
        connection.execute(insert(ArticleRow), [{"id": "a", "words": 0, "boilerplate": [], "warnings": [],
                                                 "report": {}, "ingested_at": "2025"}])
        connection.execute(insert(EventRow), [
            {"article_id": "a", "position": n, "type": "ASSAULT", "status": "occurred", "source_name": name,
             "source_country": "XXA" if n % 2 else "XXB", "date_value": day, "date_start": day, "date_end": day,
             "place_name": place, "killed_max": most, "killed_min": least, "evidence": evidence, "data": {}}
            for n, (name, place, day, most, least, evidence) in enumerate(EVENTS)])
        connection.execute(insert(ClaimRow), [
            {"article_id": "a", "position": n, "speaker_name": name, "kind": "accusation", "status": "not_assessed",
             "text": evidence, "date_value": day, "evidence": evidence, "data": {}}
            for n, (name, _place, day, _most, _least, evidence) in enumerate(EVENTS)])


def _ids(rows):
    return [row["id"] for row in rows]


def test_a_sort_puts_known_values_first_in_either_order_and_unknown_ones_last_by_date(store):
    _seed(store)
    # names without regard to case, ties by id; an empty or missing place is unknown
    assert _ids(store.events(Filters(sort="place"))) == [1, 4, 2, 5] + [6, 3]
    assert _ids(store.events(Filters(sort="place", descending=True))) == [5, 2, 4, 1] + [6, 3]
    # killed: the highest told, else the lowest
    assert _ids(store.events(Filters(sort="killed", descending=True))) == [4, 6, 1, 2, 5, 3]
    # by date: undated last whichever the order
    assert _ids(store.events(Filters(sort="date", descending=True))) == [3, 6, 1, 5, 2, 4]
    assert _ids(store.events(Filters())) == [2, 5, 1, 6, 3, 4]
    assert _ids(store.claims(Filters(sort="speaker"))) == [3, 5, 1, 6, 2, 4]


def test_a_page_crosses_from_the_known_values_to_the_unknown_ones_and_counts_them_all(store):
    _seed(store)
    assert store.page("events", Filters(sort="place", limit=3, offset=3)) == (
        store.events(Filters(sort="place"))[3:6], 6)
    assert _ids(store.events(Filters(sort="place", limit=2, offset=4))) == [6, 3]
    assert store.events(Filters(sort="place", limit=2, offset=6)) == []


def test_actor_and_words_match_without_regard_to_case_and_take_no_wildcards(store):
    _seed(store)
    assert _ids(store.events(Filters(actor="BLUE"))) == [1, 3]
    assert _ids(store.events(Filters(actor="ölvik"))) == [2]
    assert _ids(store.events(Filters(actor="xxa"))) == [2, 6, 4]  # a code is an actor too
    assert _ids(store.events(Filters(words="shell DEPOT"))) == [1, 6]
    assert _ids(store.events(Filters(words="ölvik"))) == [2]
    assert _ids(store.events(Filters(words="%"))) == [3]  # a percent sign is a character, not a wildcard
    assert _ids(store.events(Filters(words="d_x"))) == [5]
    assert _ids(store.events(Filters(words="ÆRØ"))) == [2, 5]  # the place is searched too
    assert store.count("events", Filters(actor="blue", words="drones")) == 1
    assert _ids(store.claims(Filters(actor="straße", words="militia"))) == [5]


def test_an_incident_is_found_by_a_word_in_any_of_its_sentences(store):
    base = {"type": "ASSAULT", "origin": "test", "date_value": "2024-05-01", "date_precision": "day"}
    store.import_incidents([
        {**base, "external_id": "i1", "evidence": ["Missiles hit the port.", "The harbour burned."]},
        {**base, "external_id": "i2", "evidence": ["Shelling near the HARBOUR wall."]},
        {**base, "external_id": "i3", "evidence": []}])
    assert _ids(store.incidents(Filters(words="harbour"))) == [1, 2]
    assert _ids(store.incidents(Filters(words="port harbour"))) == [1]
    assert store.count("incidents", Filters(words="the")) == 2


def test_agreements_are_kept_by_a_step_in_the_range_before_a_limit_counts_them(store):
    _seed(store)
    steps = {1: ["2024-01-10"], 2: ["2024-05"], 3: ["2024-06-20", None], 4: [], 5: ["2024-05-02"]}
    with store.engine.begin() as connection:
        connection.execute(insert(AgreementRow), [
            {"article_id": "a", "position": n, "kind": "ceasefire", "parties": ",XXA,XXB,", "status": "agreed",
             "evidence": [], "data": {}} for n in steps])
        connection.execute(insert(StepRow), [
            {"agreement_id": n, "position": p, "action": "agreed", "date_value": day}
            for n, days in steps.items() for p, day in enumerate(days)])
    may = Filters(date_from="2024-05-10", date_to="2024-06-30")
    assert _ids(store.agreements(may)) == [2, 3]  # a month holds the range's first day
    assert _ids(store.agreements(Filters(date_to="2024-05-01"))) == [1, 2]  # May may end by then
    assert _ids(store.agreements(Filters(date_from="2024-05-01", limit=2))) == [2, 3]
