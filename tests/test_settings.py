"""Every PEACEWATCH_* variable is read in one place, and a bad value is named."""

import subprocess
import sys

import pytest

from peacewatch.errors import SettingsError
from peacewatch.settings import Settings, current_settings, key_digest


def test_variables_are_read(monkeypatch):
    monkeypatch.setenv("PEACEWATCH_DB", "sqlite:///x.db")
    monkeypatch.setenv("PEACEWATCH_API_KEY_HASHES", " AB12 ,cd34,")
    monkeypatch.setenv("PEACEWATCH_API_KEY", "secret")
    monkeypatch.setenv("PEACEWATCH_READ_OPEN", "0")
    monkeypatch.setenv("PEACEWATCH_MAX_BODY", "5000")
    monkeypatch.setenv("PEACEWATCH_ARTICLE_TIMEOUT", "7.5")
    monkeypatch.setenv("PEACEWATCH_SPACY_MODEL", "some_model")
    settings = current_settings()
    assert settings.db == "sqlite:///x.db"
    assert settings.key_hashes == ["ab12", "cd34", key_digest("secret")]
    assert settings.read_open is False and settings.max_body == 5000
    assert settings.article_timeout == 7.5 and settings.spacy_model == "some_model"
    assert "secret" not in repr(settings) and "secret" not in settings.model_dump_json()


def test_given_values_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("PEACEWATCH_DB", "sqlite:///env.db")
    assert current_settings(db="sqlite:///given.db").db == "sqlite:///given.db"
    assert Settings(key_hashes=["AA"]).key_hashes == ["aa"]


@pytest.mark.parametrize(("name", "value"), [("PEACEWATCH_MAX_BODY", "lots"), ("PEACEWATCH_MAX_BODY", "0"),
                                             ("PEACEWATCH_ARTICLE_TIMEOUT", "-1"),
                                             ("PEACEWATCH_READ_OPEN", "perhaps")])
def test_a_bad_value_is_named(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        current_settings()


def test_the_cli_reports_a_bad_setting_without_a_traceback(monkeypatch):
    env = {"PEACEWATCH_MAX_BODY": "lots", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "peacewatch", "extract", "-"], input="Text.", env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert "PEACEWATCH_MAX_BODY" in done.stderr and "Traceback" not in done.stderr
