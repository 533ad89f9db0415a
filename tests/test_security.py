"""Limits and the rules the code keeps: a per-article time limit, a batch limit, SQL only from
SQLAlchemy expressions, keys compared in constant time and kept hashed."""

import re
import time
from pathlib import Path

import pytest

import peacewatch.runner.pipeline as pipeline_module
from peacewatch.ingest import load_text
from peacewatch.runner.pipeline import Failure, Pipeline

SRC = Path(__file__).resolve().parents[1] / "src" / "peacewatch"


def test_an_article_over_the_time_limit_is_a_logged_skip_and_the_batch_goes_on(monkeypatch):
    real = pipeline_module.read_doc
    calls = []

    def slow_once(article, doc, published):
        calls.append(article.id)
        if len(calls) == 1:
            time.sleep(10)
        return real(article, doc, published)

    monkeypatch.setattr(pipeline_module, "read_doc", slow_once)
    items = [(None, load_text("Russian forces shelled Kharkiv on Monday, killing two people.")),
             (None, load_text("Israeli jets struck Gaza City on Tuesday, killing five people."))]
    # 3 s, not less: the second article is the first read in the process, and pays for the
    # lexicons and the gazetteer loaded on first use (over 0.5 s once on a loaded machine)
    results = list(Pipeline(article_timeout=3.0).run(items))
    assert isinstance(results[0], Failure) and "took over 3.0 s" in results[0].error
    assert not isinstance(results[1], Failure) and results[1].events


def test_the_time_limit_is_a_setting(monkeypatch):
    monkeypatch.setenv("PEACEWATCH_ARTICLE_TIMEOUT", "7.5")
    assert Pipeline().article_timeout == 7.5


def test_long_articles_are_parsed_in_smaller_batches(monkeypatch):
    """A batch's articles go to spaCy in groups of at most MAX_BATCH_CHARS characters (and
    batch_size articles), in order, and every article still gets its report."""
    monkeypatch.setattr(pipeline_module, "MAX_BATCH_CHARS", 130)
    pipeline = Pipeline(batch_size=3)
    groups = []
    real_pipe = pipeline.nlp.pipe

    def pipe(texts, **kwargs):
        texts = list(texts)
        groups.append([len(t) for t in texts])
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(pipeline.nlp, "pipe", pipe)
    sentences = [f"Russian forces shelled Kharkiv on Monday, killing {n} people." for n in range(2, 9)]
    texts = [sentences[0] * 2, *sentences[1:]]  # the first twice as long as the others
    results = list(pipeline.run((None, load_text(text)) for text in texts))
    assert [r.events[0].killed.min for r in results] == [2, 3, 4, 5, 6, 7, 8]
    assert sum(len(g) for g in groups) == len(texts)
    assert all(len(g) <= 3 and (len(g) == 1 or sum(g) <= 130) for g in groups)
    assert len(groups[0]) == 1  # the long first article and the next would pass the limit


def test_a_batch_over_the_limit_is_refused(tmp_path):
    from peacewatch.runner.ingest import MAX_BATCH, ingest
    from peacewatch.store import Store

    with pytest.raises(ValueError, match="batch size"):
        ingest([str(tmp_path)], Store(f"sqlite:///{tmp_path / 's.db'}"), batch_size=MAX_BATCH + 1)


def test_no_sql_is_built_from_strings():
    """Queries come from SQLAlchemy expressions: no f-string, % or + inside text() or execute()."""
    pattern = re.compile(r"""(?:text|execute|exec_driver_sql)\(\s*(?:f["']|["'][^"']*["']\s*(?:%|\+|\.format))""")
    found = [f"{path.relative_to(SRC)}:{n}" for path in SRC.rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []


def test_keys_are_kept_hashed_and_compared_in_constant_time():
    from peacewatch.api import Settings, key_digest

    source = (SRC / "web" / "access.py").read_text(encoding="utf-8")
    assert "hmac.compare_digest" in source
    settings = Settings(key_hashes=[key_digest("secret")])
    assert "secret" not in repr(settings) and len(settings.key_hashes[0]) == 64
