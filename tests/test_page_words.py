"""The typed loaders of page.yaml, boilerplate.yaml and acled.yaml: the shipped files load, and a
wrong entry fails with a DataError naming the file and the entry."""

from __future__ import annotations

import copy

import pytest

from peacewatch.data import load_data, validate_data
from peacewatch.data.page_words import AcledTables, Boilerplate, PageWords
from peacewatch.errors import DataError


def test_the_shipped_files_load():
    assert "script" in PageWords.load().skip_elements and "p" in PageWords.load().block_elements
    assert PageWords.load().binary_signatures[0].as_bytes() == b"\x89PNG\r\n\x1a\n"
    assert "killed" in PageWords.load().highlight_words
    assert Boilerplate.load().lines and Boilerplate.load().tails
    assert AcledTables.load().columns[0] == "event_id_cnty" and "Battles" in AcledTables.load().disorder_types


def _broken(name: str, change) -> dict:
    raw = copy.deepcopy(load_data(name))
    change(raw)
    return raw


@pytest.mark.parametrize(("name", "model", "change", "entry"), [
    ("page.yaml", PageWords, lambda raw: raw["skip_elements"].append(""), "skip_elements.17"),
    ("page.yaml", PageWords, lambda raw: raw["binary_signatures"][1].pop("name"), "binary_signatures.1.name"),
    ("page.yaml", PageWords, lambda raw: raw.update(skip_element=["div"]), "skip_element"),
    ("boilerplate.yaml", Boilerplate, lambda raw: raw["lines"][2].pop("why"), "lines.2.why"),
    ("boilerplate.yaml", Boilerplate, lambda raw: raw["tails"][0].update(max_chars="many"), "tails.0.max_chars"),
    ("boilerplate.yaml", Boilerplate, lambda raw: raw["inline"][0].update(hint=["x"]), "inline.0.hint"),
    ("acled.yaml", AcledTables, lambda raw: raw["inter_codes"].update(GOV="one"), "inter_codes.GOV"),
    ("acled.yaml", AcledTables, lambda raw: raw["export"]["ASSAULT"]["modes"].update({"Big Bomb": ["Battles", "x"]}),
     "export.ASSAULT.modes.Big Bomb"),
    ("acled.yaml", AcledTables, lambda raw: raw["export"]["AGREE"].update(default=["Peace", "Agreement"]),
     "export.AGREE.default uses event_type 'Peace'"),
    ("acled.yaml", AcledTables, lambda raw: raw["export"]["ASSAULT"]["modes"]["capture"].pop("default"),
     "export.ASSAULT.modes.capture by sector needs a 'default'"),
])
def test_a_wrong_entry_fails_naming_file_and_entry(name, model, change, entry):
    with pytest.raises(DataError) as failure:
        validate_data(name, _broken(name, change), model)
    assert name in str(failure.value) and entry in str(failure.value)


def test_a_broken_boilerplate_regex_names_its_entry(monkeypatch):
    from peacewatch.ingest import clean

    raw = _broken("boilerplate.yaml", lambda raw: raw["lines"][0].update(pattern="(unclosed"))
    monkeypatch.setattr(clean.Boilerplate, "load", lambda: validate_data("boilerplate.yaml", raw, Boilerplate))
    clean.load_rules.cache_clear()
    try:
        with pytest.raises(DataError, match=r"boilerplate.yaml: lines: .*Read more.* is not a valid regex"):
            clean.load_rules()
    finally:
        clean.load_rules.cache_clear()
