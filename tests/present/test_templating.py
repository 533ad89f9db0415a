"""The one Jinja environment of the report and the dashboard: shared partials, escaping, numbers."""

from __future__ import annotations

from types import SimpleNamespace

from peacewatch.present.templating import (
    add_package_templates,
    environment,
    format_median,
    format_number,
    format_range,
)


def test_report_and_dashboard_share_one_environment_and_its_partials():
    env = add_package_templates("peacewatch.web")
    assert env is environment()
    assert env.get_template("overview.html") and env.get_template("report_page.html")
    agreement = SimpleNamespace(kind="ceasefire", status="proposed", status_as_of="2025-03-11",
                                parties=["RUS", "UKR"], mediator="USA", scope="<b>energy</b>", duration_days=30,
                                history=[{"date": "2025-03-11", "party": "UKR", "action": "accepted"}],
                                articles=[1, 2])
    html = env.get_template("_agreements.html").render(agreements=[agreement])
    assert "&lt;b&gt;energy&lt;/b&gt;" in html and "RUS, UKR" in html and '<td class="num">2</td>' in html


def test_numbers_are_written_as_the_report_writes_them():
    assert [format_number(v) for v in (None, 3, 3.0, 2.25)] == ["-", "3", "3", "2.2"]
    assert format_number(0.04567, 3) == "0.046"


def test_the_incident_page_marks_only_copies_as_copies():
    # A figure is a dict: 'f.copy' would find dict.copy (always true), so the template reads f["copy"].
    env = add_package_templates("peacewatch.web")
    figures = [{"outlet": "A", "killed_min": 3, "copy": False, "evidence": "3 killed"},
               {"outlet": "B", "killed_min": 3, "copy": True, "evidence": "3 killed"}]
    incident = {"id": 1, "type": "ASSAULT", "figures": figures, "evidence": [], "sources": 1, "reports": 2,
                "lat": None}
    html = env.get_template("incident.html").render(incident=incident, words=[], heads={}, copies=1)
    assert html.count('<td class="copy">copy') == 1 and html.count('<td class="copy">independent') == 1


def test_ranges_and_medians_read_as_counts():
    assert [format_range(None, None), format_range(3, None), format_range(3, 3), format_range(3.0, 5)] == [
        "unknown", "3", "3", "3 to 5"]
    assert format_range(None, None, "-") == "-"
    assert [format_median(None), format_median(20.0), format_median(20.5), format_median(7)] == [
        "unknown", "20", "20 to 21", "7"]


def test_pages_name_a_region_not_its_code():
    """'UA.18' is GeoNames' code of a first-level region; a page shows its name, or nothing."""
    from peacewatch.present.templating import environment

    template = environment().from_string("{{ code | admin1 or '' }}")
    assert template.render(code="UA.18") == "Poltava"
    assert template.render(code="Sinaloa") == "Sinaloa"  # a name stays as it is
    assert template.render(code="ZZ.99") == ""
    assert template.render(code=None) == ""
