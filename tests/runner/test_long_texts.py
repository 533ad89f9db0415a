"""Long texts are parsed in pieces cut after line breaks and joined back into one Doc, so the
model's working memory follows the piece, not the article. (Invented sentences and places.)"""

import peacewatch.runner.pipeline as pipeline_module
from peacewatch.ingest import load_text
from peacewatch.runner.pipeline import Pipeline, split_text


def test_pieces_join_back_and_cut_after_breaks():
    text = "First line of a story.\n\nA second paragraph here.\nA third line.\n\n\nLast words   of it."
    for limit in (10, 25, 40, 200):
        pieces = split_text(text, limit)
        assert "".join(pieces) == text
        assert all(pieces)
        assert all(len(p) <= limit for p in pieces[:-1]) or limit < 20
    assert split_text(text, 30)[0] == "First line of a story.\n\n"
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # no break at all: cut where the limit is


PARAGRAPHS = [
    "Artillery shelled the village of Dorvany on Tuesday, killing three people, the regional governor said.",
    "The foreign minister of Veltria met his counterpart in Geneva on Wednesday to discuss a ceasefire.",
    "Drones struck a fuel depot near the port of Kalmeth overnight, injuring two workers, officials said.",
    "The two sides agreed to exchange prisoners next week, a mediator told reporters.",
]


def test_a_text_parsed_in_pieces_reads_as_the_whole(monkeypatch):
    text = "\n\n".join(PARAGRAPHS * 3)
    whole = Pipeline()
    doc_whole = next(whole._parse([text]))
    report_whole = next(whole.run([(None, load_text(text, published="2025-04-01"))]))
    monkeypatch.setattr(pipeline_module, "MAX_PIECE_CHARS", 250)
    pieces = []
    real_pipe = whole.nlp.pipe

    def pipe(texts, **kwargs):
        texts = list(texts)
        pieces.extend(texts)
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(whole.nlp, "pipe", pipe)
    doc_pieces = next(whole._parse([text]))
    report_pieces = next(whole.run([(None, load_text(text, published="2025-04-01"))]))
    assert len(pieces) > 5 and max(len(p) for p in pieces) <= 250
    assert doc_pieces.text == text
    assert [t.text for t in doc_pieces] == [t.text for t in doc_whole]
    assert [s.text for s in doc_pieces.sents] == [s.text for s in doc_whole.sents]
    # the model's view reaches a few tokens across a paragraph break, so a label beside a cut may
    # change (an entity, a tag); the events read are the same here
    assert [(e.type, e.evidence) for e in report_pieces.events] == [(e.type, e.evidence) for e in report_whole.events]
