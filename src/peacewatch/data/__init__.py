"""Lexicons and gazetteer extras: knowledge as data, loaded once and checked at load."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from peacewatch.errors import DataError


@cache
def load_data(name: str) -> Any:
    """Load the YAML data file `name` shipped in this package (cached per process)."""
    try:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"data file {name!r} is missing from the package") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataError(f"data file {name!r} is not valid YAML: {exc}") from exc


def word_sets(raw: dict[str, Any], *names: str) -> dict[str, frozenset[str]]:
    """The named word lists of a lexicon file as frozensets, checked to be there."""
    missing = [n for n in names if not isinstance(raw.get(n), list)]
    if missing:
        raise DataError(f"lexicon lists missing or not lists: {', '.join(missing)}")
    return {name: frozenset(str(w) for w in raw[name]) for name in names}
