"""Shared fixtures: the pipeline (loaded once per test run) and the shared/ folder."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from peacewatch.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "eval" / "report.schema.json").exists():
        pytest.skip("../shared is not present")
    return SHARED
