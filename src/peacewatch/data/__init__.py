"""Lexicons and gazetteer extras: knowledge as data, loaded once and checked at load.

Every data file is read by `load_data` (raw YAML) and, where code depends on its shape, by
`load_model` (validated by a pydantic model); a broken file fails loudly, naming the file and
the entry. A model of a whole file subclasses `DataFile`, names its file in FILE, and is read
with `Model.load()`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated, Any, ClassVar, Self, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, RootModel, StringConstraints, ValidationError

from peacewatch.errors import DataError

M = TypeVar("M", bound=BaseModel)

# A word or phrase of a lexicon: stripped, never empty.
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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


def validate_data(name: str, raw: Any, model: type[M]) -> M:
    """Validate the parsed content `raw` of data file `name` against `model`.

    Raises DataError naming the file, the entry (its path of keys) and what is wrong with it."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(part) for part in err['loc']) or '(top)'}: {err['msg']}"
                    for err in exc.errors()[:5]]
        more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
        raise DataError(f"data file {name!r}, entry {'; entry '.join(problems)}{more}") from exc


@cache
def load_model(name: str, model: type[M]) -> M:
    """Load data file `name` and validate it as `model` (cached per file and model)."""
    return validate_data(name, load_data(name), model)


class WordLists(RootModel[dict[str, list[Word]]]):
    """A data file (or section) of named word lists: list name -> words or phrases."""


class DataFile(BaseModel):
    """The validated content of one data file of this package: a subclass names it in FILE.
    Frozen: one instance per process is shared by every reader."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    FILE: ClassVar[str]

    @classmethod
    def load(cls) -> Self:
        """The validated content of data/FILE, read and checked once per process."""
        return load_model(cls.FILE, cls)
