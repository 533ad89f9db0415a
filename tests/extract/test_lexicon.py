"""What the readers gather from the trigger lexicon (word sets, tables by trigger) is made once per
lexicon and kept on it: asked again, the same lexicon gives what it gathered; a lexicon loaded
again (a test's, a user's) gathers anew, so no reader keeps an older lexicon's words."""

from peacewatch.extract.lexicon import Lexicon, get_lexicon


def _without_a_verb(lex: Lexicon) -> Lexicon:
    """Another lexicon: the same as `lex` but for one trigger verb fewer."""
    fields = {name: getattr(lex, name) for name in Lexicon.model_fields}
    fields["verbs"] = dict(list(lex.verbs.items())[1:])
    return Lexicon(**fields)


def test_a_gathering_is_made_once_per_lexicon():
    lex = get_lexicon()
    made: list[int] = []

    def gather(lexicon: Lexicon) -> frozenset[str]:
        made.append(1)
        return frozenset(lexicon.verbs)

    first = lex.gathered("tests.verbs", gather)
    assert lex.gathered("tests.verbs", gather) is first
    assert len(made) == 1


def test_a_lexicon_loaded_again_gathers_anew():
    lex = get_lexicon()
    assert lex.gathered("tests.verb_count", lambda lexicon: len(lexicon.verbs)) == len(lex.verbs)
    other = _without_a_verb(lex)
    assert other.gathered("tests.verb_count", lambda lexicon: len(lexicon.verbs)) == len(lex.verbs) - 1
    assert lex.gathered("tests.verb_count", lambda lexicon: -1) == len(lex.verbs)


def test_the_lexicon_itself_is_unchanged_by_its_gatherings():
    lex = get_lexicon()
    before = lex.model_dump()
    lex.gathered("tests.nouns", lambda lexicon: frozenset(lexicon.nouns))
    assert lex.model_dump() == before
