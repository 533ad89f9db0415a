"""Corpus gate: ../shared/corpus-dev (67 real reports of one war, labelled by incident) ingested
into a fresh store must keep its fusion, tolls and places at the floors below
(../shared/eval/corpus_score.py). Raising a floor is a commit of its own; lowering one needs a
reason in the commit message."""

import importlib.util
import json

from typer.testing import CliRunner

from peacewatch.cli import app

# 0.19.0 to 0.22.0: fusion 0.964 over 14 labelled incidents, the 5 strikes' tolls and towns right, no toll
# of 1,000 or more.
FUSION_FLOOR = 0.96
STRIKES = 5


def test_corpus_dev_fuses_its_incidents_with_their_tolls_and_towns(shared, tmp_path):
    corpus = shared / "corpus-dev"
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", str(corpus / "articles"), "--db", db, "-q"])
    assert ingest.exit_code == 0, ingest.output
    listed = runner.invoke(app, ["incidents", "--db", db, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    spec = importlib.util.spec_from_file_location("pw_corpus_score", shared / "eval" / "corpus_score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    result = scorer.score(json.loads(listed.stdout), corpus)
    assert result["fusion"] >= FUSION_FLOOR, result
    assert (result["toll_ok"], result["place_ok"]) == (STRIKES, STRIKES), result["strikes"]
    assert result["big_tolls"] == 0
