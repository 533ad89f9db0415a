"""The command line, through Typer's runner: each command on good and bad input."""

import json

from typer.testing import CliRunner

from peacewatch.cli import app

runner = CliRunner()

ARTICLE = (
    "Army shells border town\n\n"
    "Russian forces shelled the town of Vovchansk on Monday, killing four civilians, officials said.\n\n"
    "Read more: Ten things to know about the front line\n"
)


def test_help_has_examples():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "Example" in result.output
    for command in ("extract", "samples", "demo", "eval", "timeline", "report"):
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output, command


def test_extract_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-05-07"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["article"]["title"] == "Army shells border town"
    assert report["article"]["published"] == "2025-05-07"
    assert any("Read more" in b for b in report["article"]["boilerplate"])
    assault = [e for e in report["events"] if e["type"] == "ASSAULT"]
    assert assault and assault[0]["killed"] == {"min": 4, "max": 4}
    assert assault[0]["date"]["value"] == "2025-05-05"


def test_extract_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-05-07", "--format", "table"],
                           env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "ASSAULT" in result.stdout
    # 80 columns hold the most important columns whole (the day, the sentence), none cut off the screen
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "2025-05-05" in result.stdout and "evidence" in result.stdout
    wide = runner.invoke(app, ["extract", str(path), "--published", "2025-05-07", "--format", "table"],
                         env={"COLUMNS": "160"})
    assert "killed / injured" in wide.stdout and "not shown" not in wide.stdout.split("claims")[0]


def test_extract_jsonl_skips_bad_records():
    lines = [
        json.dumps({"id": "good", "text": ARTICLE, "published": "2025-05-07"}),
        "{not json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "page", "html": "<html><body><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>",
                    "published": "2025-05-07"}),
    ]
    result = runner.invoke(app, ["extract", "--jsonl", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["article"]["id"] for r in reports] == ["good", "page"]


def test_missing_and_binary_files_are_clear_errors(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(binary)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_bad_published_date_is_a_clear_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "yesterday-ish"])
    # A bad option is the caller's mistake: status 2, before anything is read.
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "is not a date" in result.output


def test_samples_run():
    result = runner.invoke(app, ["samples", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count('"article"') == 2


def test_huge_article_gives_a_report_with_a_warning(tmp_path):
    # 5 MB of text: read up to the reading limit, said in article.warnings, never a crash.
    paragraph = "Officials said the talks in Geneva would resume next week after a pause of several days.\n\n"
    path = tmp_path / "big.txt"
    path.write_text(paragraph * (5_000_000 // len(paragraph)), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-05-07"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert any("read up to" in w for w in report["article"]["warnings"])


def test_non_english_article_is_a_clear_skip():
    lines = [
        json.dumps({"id": "fr", "text": "Les forces ont lancé deux missiles sur la ville, tuant trente-cinq civils "
                    "selon les autorités locales qui ont annoncé un deuil de trois jours. Le ministre a condamné "
                    "cette attaque et a demandé une réunion urgente du conseil de sécurité des Nations unies."}),
        json.dumps({"id": "en", "text": ARTICLE, "published": "2025-05-07"}),
    ]
    result = runner.invoke(app, ["extract", "--jsonl", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines() if line.strip()] == ["en"]
    assert "English" in result.stderr


def test_jsonl_record_with_wrong_types_is_skipped():
    lines = [json.dumps({"id": "bad", "text": 42}), json.dumps([1, 2]),
             json.dumps({"id": "ok", "text": ARTICLE, "published": "2025-05-07"})]
    result = runner.invoke(app, ["extract", "--jsonl", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines() if line.strip()] == ["ok"]


def test_demo_ingests_the_corpus_prints_the_analysis_and_writes_the_report(tmp_path):
    """The README's main command: the bundled corpus into a store, the analysis, the report."""
    report = tmp_path / "report.html"
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db), "--out", str(report)])
    assert result.exit_code == 0, result.output
    assert "initiatives between USA and RUS" in result.output
    assert "48 read, 48 new" in result.output and "2 copies" in result.output
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="timeline"' in page
    again = runner.invoke(app, ["demo", "--db", str(db), "--out", str(report)])
    assert again.exit_code == 0 and "0 new, 48 already stored" in again.output


def test_extract_jsonl_reads_latin1_skips_binary_and_missing_with_one_summary(tmp_path):
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(json.dumps({"id": "caf", "text": "Caf\u00e9 owners fled. " + ARTICLE}, ensure_ascii=False)
                      .encode("latin-1") + b"\n")
    binary = tmp_path / "noise.jsonl"
    binary.write_bytes(bytes(range(256)) * 2)  # three lines of bytes (two newlines among them)
    result = runner.invoke(app, ["extract", "--jsonl", str(latin), str(binary), str(tmp_path / "nope.jsonl")])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0 and "Traceback" not in result.output
    (report,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert report["article"]["id"] == "caf" and "decoded as cp1252" in report["article"]["warnings"][0]
    assert "5 read, 1 extracted, 4 skipped (binary: 3, missing: 1)" in result.stderr


def test_extract_jsonl_with_a_lone_surrogate_reads_every_record():
    lines = [json.dumps({"id": "one", "text": ARTICLE}), json.dumps({"id": "two", "text": ARTICLE + "\ud800"}),
             json.dumps({"id": "three", "text": ARTICLE.replace("four", "five")})]
    result = runner.invoke(app, ["extract", "--jsonl", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["article"]["id"] for r in reports] == ["one", "two", "three"]
    assert any("lone surrogates" in w for w in reports[1]["article"]["warnings"])


def test_extract_reads_a_folder_and_html_from_stdin(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "rec", "text": ARTICLE.replace("four", "six")}) + "\n")
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "2025-05-07"])
    assert result.exit_code == 0, result.output
    assert "2 read, 2 extracted, 0 skipped" in result.stderr
    page = "<html><body><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>"
    result = runner.invoke(app, ["extract", "-", "--published", "2025-05-07"], input=page)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["published"] == "2025-05-07"


def test_ingest_bad_published_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--published", "2025-13-01"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "is not a date" in result.output
