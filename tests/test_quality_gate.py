"""Quality gate: scores on the annotated seed and dev articles must not fall below the floors
pinned in tests/eval_baseline.json. Raising a floor is a commit of its own; lowering one needs
a reason in the commit message."""

import importlib.util
import json
from pathlib import Path

import pytest

from peacewatch.runner.evaluate import predict

FLOORS = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("pw_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predictions(shared, tmp_path_factory):
    """(gold folder, prediction folder) of the seed and the dev articles."""
    out = {}
    for name, gold, articles in (("seed", shared / "seed", shared / "seed"),
                                 ("dev", shared / "dev" / "gold", shared / "dev" / "articles")):
        pred = tmp_path_factory.mktemp(name)
        assert predict(gold, articles, pred) == []
        out[name] = (gold, pred)
    return out


@pytest.fixture(scope="module")
def scores(shared, predictions):
    scorer = _scorer(shared)
    return {name: scorer.score(str(gold), str(pred)) for name, (gold, pred) in predictions.items()}


@pytest.fixture(scope="module")
def article_scores(shared, predictions, tmp_path_factory):
    """Each dev article scored on its own: a change that helps the whole set by breaking one
    article shows here."""
    scorer = _scorer(shared)
    gold_dir, pred_dir = predictions["dev"]
    out = {}
    for gold in sorted(gold_dir.glob("*.json")):
        key = gold.name.removesuffix(".json").removesuffix(".gold")
        one = tmp_path_factory.mktemp(key[:20])
        (one / "gold").mkdir()
        (one / "pred").mkdir()
        (one / "gold" / f"{key}.json").write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
        (one / "pred" / f"{key}.json").write_text((pred_dir / f"{key}.json").read_text(encoding="utf-8"),
                                                  encoding="utf-8")
        out[key] = scorer.score(str(one / "gold"), str(one / "pred"))
    return out


def _value(result, path):
    node = result
    for part in path.split("."):
        node = node[part]
    return node


CORPORA = ("seed", "dev")


@pytest.mark.parametrize("corpus,path", [(c, p) for c in CORPORA for p in FLOORS[c]])
def test_score_not_below_floor(scores, corpus, path):
    value = _value(scores[corpus], path)
    assert value >= FLOORS[corpus][path], f"{corpus} {path} = {value}, floor {FLOORS[corpus][path]}"


@pytest.mark.parametrize("article,path", [(a, p) for a, floors in FLOORS["dev_articles"].items() for p in floors])
def test_article_not_below_floor(article_scores, article, path):
    value = _value(article_scores[article], path)
    floor = FLOORS["dev_articles"][article][path]
    assert value >= floor, f"{article} {path} = {value}, floor {floor}"


def test_every_dev_article_has_floors(shared):
    """A dev article added to ../shared without floors would go unguarded."""
    ids = {p.name.removesuffix(".json").removesuffix(".gold") for p in (shared / "dev" / "gold").glob("*.json")}
    assert ids == set(FLOORS["dev_articles"])


# The issues' targets on the whole dev set: (issue, figure) -> (target, measured). Those not
# reached are strict xfails with the figure measured when the work was merged: reaching one makes
# its test pass, and the mark must go (its measured figure becomes None).
ISSUE_TARGETS: dict[tuple[int, str], tuple[float, float | None]] = {
    (16, "event.f1"): (0.75, None), (16, "event.strict.f1"): (0.40, None),
    (16, "event.field_accuracy.location"): (0.80, None), (16, "event.field_accuracy.source"): (0.80, None),
    (16, "event.field_accuracy.target"): (0.75, None), (16, "event.field_accuracy.date"): (0.90, None),
    (17, "claim.f1"): (0.80, None), (17, "claim.field_accuracy.status"): (0.92, None),
    (17, "agreement.f1"): (0.80, None), (17, "agreement.field_accuracy.status"): (0.80, None),
    (17, "agreement.strict.f1"): (0.60, None),
}


@pytest.mark.parametrize("issue,path", [
    pytest.param(issue, path, marks=pytest.mark.xfail(strict=True, reason=f"issue {issue} target {target}, "
                                                                          f"measured {now}"))
    if now is not None else (issue, path)
    for (issue, path), (target, now) in ISSUE_TARGETS.items()])
def test_issue_target_on_dev(scores, issue, path):
    target = ISSUE_TARGETS[(issue, path)][0]
    assert _value(scores["dev"], path) >= target


def test_no_boilerplate_leaks_seed(scores):
    assert scores["seed"]["boilerplate_leaks"] == 0


@pytest.mark.xfail(strict=True, reason="2 leaks left: two events cite one caption sentence that the gold "
                                        "itself cites (thenational also_evidence), and the scorer's 0.5 word "
                                        "overlap matches it to the gold boilerplate copy of that caption cut short")
def test_no_boilerplate_leaks_dev(scores):
    assert scores["dev"]["boilerplate_leaks"] == 0


def test_seed_all_fronts_proposal_history(shared):
    """The issue's check: the all-fronts proposal keeps the March 11 acceptance and the rejection."""
    from peacewatch import extract

    meta = json.loads((shared / "seed" / "sumy-article.meta.json").read_text())
    text = (shared / "seed" / "sumy-article.txt").read_text(encoding="utf-8")
    report = extract(text, published=meta["published"][:10], title=meta.get("title"))
    fronts = [a for a in report.agreements if a.scope and "fronts" in a.scope]
    assert len(fronts) == 1
    steps = [(s.party, s.action, s.date) for s in fronts[0].history]
    assert ("UKR", "accepted", "2025-03-11") in steps
    assert any(party == "RUS" and action == "rejected" for party, action, _ in steps)
    assert fronts[0].status == "rejected"
