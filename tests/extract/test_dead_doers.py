"""Those who die doing an act are its doers' side, not its target: 'three soldiers died fighting the
rebels' is the soldiers' fight against the rebels, with three of the soldiers dead; a strike's dead
are its target otherwise (events._died_doing)."""

from peacewatch.runner.pipeline import extract


def _assaults(text: str) -> list[tuple[str | None, str | None, int | None]]:
    report = extract(text, published="2016-05-02")
    return [(e.source.sector if e.source else None, e.target.sector if e.target else None,
             e.killed.min if e.killed else None) for e in report.events if e.type == "ASSAULT"]


def test_the_dead_who_died_fighting_are_not_the_target():
    assert _assaults("Three soldiers died fighting the rebels near the border on Monday.") == [("MIL", "REB", 3)]


def test_the_dead_of_a_strike_are_its_target():
    assert _assaults("Rebels shelled the town, killing three soldiers.") == [("REB", "MIL", 3)]


def test_the_dead_are_no_target_of_their_own_fight():
    """'were killed fighting militants': the parse gives the fight to the dead, and the killing has
    no author; the dead are not read as the target of their own side (the militants, whom the
    telling of the killing does not carry, are left unknown rather than guessed)."""
    assert _assaults("Two soldiers were killed fighting militants in the east.") == [("MIL", None, 2)]
