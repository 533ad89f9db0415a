"""Quality gate: scores on the annotated seed and dev articles must not fall below the floors
pinned in tests/eval_baseline.json. Raising a floor is a commit of its own; lowering one needs
a reason in the commit message."""

import importlib.util
import json
from pathlib import Path

import pytest

from peacewatch.evaluate import predict

FLOORS = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("pw_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(shared, tmp_path_factory):
    scorer = _scorer(shared)
    out = {}
    for name, gold, articles in (("seed", shared / "seed", shared / "seed"),
                                 ("dev", shared / "dev" / "gold", shared / "dev" / "articles")):
        pred = tmp_path_factory.mktemp(name)
        assert predict(gold, articles, pred) == []
        out[name] = scorer.score(str(gold), str(pred))
    return out


def _value(result, path):
    node = result
    for part in path.split("."):
        node = node[part]
    return node


@pytest.mark.parametrize("corpus,path", [(c, p) for c, floors in FLOORS.items() if not c.startswith("_")
                                         for p in floors])
def test_score_not_below_floor(scores, corpus, path):
    value = _value(scores[corpus], path)
    assert value >= FLOORS[corpus][path], f"{corpus} {path} = {value}, floor {FLOORS[corpus][path]}"


def test_no_boilerplate_leaks(scores):
    assert scores["seed"]["boilerplate_leaks"] == 0
    assert scores["dev"]["boilerplate_leaks"] == 0
