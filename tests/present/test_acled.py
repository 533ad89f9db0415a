"""ACLED-style CSV: the type mapping table, inter and interaction codes, export -> import, a hand-written export."""

import csv
import io
import logging

import pytest

from peacewatch.data.regions import admin1_name, admin1_table
from peacewatch.errors import DataError
from peacewatch.present.acled import (
    ACLED_COLUMNS,
    code_incident,
    interaction_code,
    read_acled_csv,
    to_acled_row,
    write_acled_csv,
)


def _incident(**fields):
    """An invented incident row with every key, defaults None, overridden by `fields`."""
    base = dict.fromkeys([
        "id", "type", "mode", "date_value", "date_precision", "country", "admin1", "place_name", "lat", "lon",
        "place_precision", "source_name", "source_country", "source_sector", "target_name", "target_country",
        "target_sector", "killed_median", "killed_min", "killed_max", "sources", "reports", "origin",
        "external_id", "evidence", "note", "outlets",
    ])
    base.update(id=1, origin="peacewatch", evidence=[], outlets=[])
    base.update(fields)
    return base


# (type, mode, source sector, target sector) -> (event_type, sub_event_type, disorder_type), with why.
MAPPING_CASES = [
    ("ASSAULT", "air", "MIL", "MIL", "Explosions/Remote violence", "Air/drone strike", "Political violence",
     "air strike"),
    ("ASSAULT", "drone", "MIL", "CVL", "Explosions/Remote violence", "Air/drone strike", "Political violence",
     "a remote mode beats the civilian target"),
    ("ASSAULT", "drones", None, None, "Explosions/Remote violence", "Air/drone strike", "Political violence",
     "plural mode word"),
    ("ASSAULT", "aerial", "MIL", None, "Explosions/Remote violence", "Air/drone strike", "Political violence",
     "the pipeline's own mode for air attacks"),
    ("ASSAULT", "missile", "MIL", None, "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Political violence", "missile"),
    ("ASSAULT", "artillery", "MIL", None, "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Political violence", "artillery"),
    ("ASSAULT", "heavy-weapons", "MIL", None, "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Political violence", "hyphenated mode stays one word"),
    ("ASSAULT", "explosive", "REB", None, "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "Political violence", "explosive"),
    ("ASSAULT", "IED", "REB", None, "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "Political violence", "mode case is ignored"),
    ("ASSAULT", "suicide explosive", "REB", "CVL", "Explosions/Remote violence", "Suicide bomb",
     "Political violence", "suicide is listed before explosive"),
    ("ASSAULT", "chemical", "MIL", None, "Explosions/Remote violence", "Chemical weapon", "Political violence",
     "chemical"),
    ("ASSAULT", "ground", "MIL", "REB", "Battles", "Armed clash", "Political violence", "ground fighting"),
    ("ASSAULT", "small-arms", "REB", "MIL", "Battles", "Armed clash", "Political violence", "small arms"),
    ("ASSAULT", "capture", "REB", "MIL", "Battles", "Non-state actor overtakes territory", "Political violence",
     "rebels capture"),
    ("ASSAULT", "capture", "MIL", "REB", "Battles", "Government regains territory", "Political violence",
     "state forces capture"),
    ("ASSAULT", None, "REB", "CVL", "Violence against civilians", "Attack", "Political violence",
     "no mode, civilian target"),
    ("ASSAULT", "beating", "MIL", "CVL", "Violence against civilians", "Attack", "Political violence",
     "an unmapped mode against civilians"),
    ("ASSAULT", None, "MIL", "REB", "Battles", "Armed clash", "Political violence", "no mode, armed target"),
    ("PROTEST", "demonstration", "CVL", "GOV", "Protests", "Peaceful protest", "Demonstrations", "protest"),
    ("PROTEST", "riot", "CVL", None, "Riots", "Violent demonstration", "Demonstrations", "riot"),
    ("COERCE", "arrest", "GOV", "CVL", "Strategic developments", "Arrests", "Strategic developments", "arrests"),
    ("COERCE", "curfew", "GOV", "CVL", "Strategic developments", "Other", "Strategic developments",
     "coercion that is no arrest"),
    ("AGREE", "ceasefire", "GOV", "REB", "Strategic developments", "Agreement", "Strategic developments",
     "agreement"),
    ("MOBILIZE", "base", "MIL", None, "Strategic developments", "Headquarters or base established",
     "Strategic developments", "a base"),
    ("MOBILIZE", "troops", "MIL", None, "Strategic developments", "Other", "Strategic developments",
     "mobilisation without a base"),
    ("CONSULT", "meeting", "GOV", "GOV", "Strategic developments", "Other", "Strategic developments",
     "a type with no rule of its own"),
    (None, None, None, None, "Strategic developments", "Other", "Strategic developments", "no type at all"),
]


@pytest.mark.parametrize("plover,mode,source,target,event_type,sub_event_type,disorder,why", MAPPING_CASES,
                         ids=[case[-1] for case in MAPPING_CASES])
def test_type_mapping(plover, mode, source, target, event_type, sub_event_type, disorder, why):
    coding = code_incident(_incident(type=plover, mode=mode, source_sector=source, target_sector=target))
    assert (coding.event_type, coding.sub_event_type, coding.disorder_type) == (event_type, sub_event_type,
                                                                                disorder), why
    assert coding.rule


@pytest.mark.parametrize("source,target,inter1,inter2,interaction", [
    ("MIL", "CVL", 1, 7, 17),
    ("CVL", "GOV", 7, 1, 17),
    ("REB", "MIL", 2, 1, 12),
    ("MIL", "MIL", 1, 1, 11),
    ("NGO", "REB", 8, 2, 28),
    ("MED", None, 8, 0, 80),
    (None, None, 0, 0, 0),
    ("UNKNOWN", "REB", 0, 2, 20),
])
def test_inter_and_interaction_codes(source, target, inter1, inter2, interaction):
    row = to_acled_row(_incident(type="ASSAULT", source_sector=source, target_sector=target))
    assert (row["inter1"], row["inter2"], row["interaction"]) == (inter1, inter2, interaction)


def test_interaction_code_directly():
    assert interaction_code(7, 1) == 17
    assert interaction_code(0, 0) == 0
    assert interaction_code(0, 6) == 60


def test_row_fields():
    row = to_acled_row(_incident(
        id=42, type="ASSAULT", mode="artillery", date_value="2031-02-12", date_precision="week", country="UKR",
        admin1="Northern Oblast", place_name="Kamyanka", lat=48.123456, lon=36.5, place_precision="region",
        source_name="Army of Northland", source_sector="MIL", target_name="Civilians", target_sector="CVL",
        killed_median=None, killed_min=4, sources=3, reports=7, evidence=["Shells hit a school.", "More."],
        note="toll disputed", outlets=["Example Times", "Sample Radio"]))
    assert list(row) == ACLED_COLUMNS
    assert row["event_id_cnty"] == "PW42"
    assert row["event_date"] == "2031-02-10"  # the Monday of that week
    assert (row["year"], row["time_precision"], row["geo_precision"]) == (2031, 2, 2)
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["country"] == "Ukraine" and row["iso"] == ""
    assert row["fatalities"] == 4
    assert row["source"] == "Example Times; Sample Radio" and row["source_scale"] == "Multiple"
    assert row["notes"].startswith("Shells hit a school.") and "toll disputed" in row["notes"]
    assert row["tags"] == "sources=3; reports=7; iso3=UKR"
    assert row["timestamp"] == ""
    assert float(row["latitude"]) == pytest.approx(48.12346)


@pytest.mark.parametrize("value,precision,event_date,time_precision", [
    ("2031-02-12", "day", "2031-02-12", 1),
    ("2031-02", "month", "2031-02-01", 3),
    ("2031", "year", "2031-01-01", 3),
    ("2031-02", "day", "2031-02-01", 3),  # a value coarser than its precision is read at the coarser one
    (None, None, "", ""),
    ("soon", "day", "", ""),
])
def test_event_date_and_precision(value, precision, event_date, time_precision):
    row = to_acled_row(_incident(type="AGREE", date_value=value, date_precision=precision))
    assert (row["event_date"], row["time_precision"]) == (event_date, time_precision)


@pytest.mark.parametrize("precision,place,admin1,geo_precision", [
    ("city", "Brodovo", "North Province", 1),
    ("region", "North Province", "North Province", 3),  # the region itself: ACLED codes its capital, 3
    ("region", "Lower Brodovo District", "North Province", 2),  # a second-level unit: a part of a region
    ("region", "Brodovo", "North Province", 2),  # a region other than its admin1: a part of it
    ("region", "North region", "North", 3),
    ("country", "Northland", None, 3),
    ("sea", "Northern Sea", None, 3),
    (None, None, None, ""),
])
def test_geo_precision_as_acled_codes_it(precision, place, admin1, geo_precision):
    row = to_acled_row(_incident(type="ASSAULT", place_name=place, admin1=admin1, place_precision=precision))
    assert row["geo_precision"] == geo_precision


def test_admin1_is_the_region_name_not_its_geonames_code():
    # GeoNames' admin1 codes are read against the installed town lists: FR.11 is the Paris region
    assert admin1_name("FR.11") == "Ile-de-France"
    assert admin1_table().names["FR.11"] == "Ile-de-France"
    assert to_acled_row(_incident(type="ASSAULT", admin1="FR.11"))["admin1"] == "Ile-de-France"
    assert to_acled_row(_incident(type="ASSAULT", admin1="North Province"))["admin1"] == "North Province"
    assert to_acled_row(_incident(type="ASSAULT", admin1="ZZ.99"))["admin1"] == ""  # unknown, not a code
    assert admin1_name(None) is None


def test_defaults_when_little_is_known():
    row = to_acled_row(_incident(type="AGREE"))
    assert row["source"] == "peacewatch"
    assert row["source_scale"] == "" and row["fatalities"] == 0 and row["tags"] == ""
    assert row["country"] == "" and row["latitude"] == "" and row["notes"] == ""


def test_acled_origin_keeps_its_id():
    row = to_acled_row(_incident(id=5, type="PROTEST", origin="acled", external_id="XYZ9876"))
    assert row["event_id_cnty"] == "XYZ9876"


ROUND_TRIP = [
    _incident(id=11, type="ASSAULT", mode="drone", date_value="2031-03-04", date_precision="day", country="UKR",
              admin1="Eastern Oblast", place_name="Dalnie", lat=48.5, lon=37.25, place_precision="city",
              source_name="Northland Armed Forces", source_sector="MIL", target_name="Civilians",
              target_sector="CVL", killed_median=3, killed_min=2, killed_max=5, sources=2, reports=4,
              evidence=["A drone struck a bus stop in Dalnie."], outlets=["Example Times", "Sample Radio"]),
    _incident(id=12, type="PROTEST", mode="riot", date_value="2031-04", date_precision="month", country="FRA",
              place_name="Lyonnet", lat=45.75, lon=4.85, place_precision="city", source_name="Rioters",
              source_sector="CVL", killed_median=0, sources=1, reports=1),
    _incident(id=13, type="AGREE", date_value="2030", date_precision="year", country="SDN",
              place_name="Port Example", source_name="Party A", source_sector="GOV", target_name="Party B",
              target_sector="REB", origin="acled", external_id="SDN4321", killed_median=None),
    _incident(id=14, type="ASSAULT", mode="capture", date_value="2031-05-20", date_precision="day", country="MLI",
              place_name="Tessit-Nord", lat=15.5, lon=0.75, source_name="Rebel Front", source_sector="REB",
              target_name="Mali Army", target_sector="MIL", killed_median=12, sources=1, reports=2),
]


def test_export_import_round_trip(tmp_path):
    path = tmp_path / "incidents.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        assert write_acled_csv(ROUND_TRIP, fh) == len(ROUND_TRIP)
    back = list(read_acled_csv(path))
    assert len(back) == len(ROUND_TRIP)
    for before, after in zip(ROUND_TRIP, back, strict=True):
        assert after["origin"] == "acled"
        assert after["type"] == before["type"]
        assert (after["date_value"], after["date_precision"]) == (before["date_value"], before["date_precision"])
        assert after["place_name"] == before["place_name"]
        assert after["country"] == before["country"]
        assert after["lat"] == before["lat"] and after["lon"] == before["lon"]
        assert after["killed_median"] == (before["killed_median"] or 0)
        expected_id = before["external_id"] if before["origin"] == "acled" else f"PW{before['id']}"
        assert after["external_id"] == expected_id
    assert back[0]["mode"] == "air" and back[0]["target_sector"] == "CVL"
    assert back[0]["outlets"] == ["Example Times", "Sample Radio"]
    assert back[0]["evidence"] == ["A drone struck a bus stop in Dalnie."]
    assert back[1]["mode"] == "riot"
    assert back[3]["mode"] == "capture" and back[3]["source_sector"] == "REB"


def test_write_skips_bad_incidents(caplog):
    buf = io.StringIO()
    with caplog.at_level(logging.WARNING, logger="peacewatch.present.acled"):
        written = write_acled_csv([ROUND_TRIP[0], _incident(id=99, type="ASSAULT", lat="north")], buf)
    assert written == 1
    assert "99" in caplog.text and "latitude" in caplog.text
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["event_id_cnty"] for r in rows] == ["PW11"]


# A small export in ACLED's layout, invented: an older-style date, a strategic development that
# has no PLOVER type (skipped), and a row whose date cannot be read (skipped).
ACLED_SAMPLE = ",".join(ACLED_COLUMNS) + "\n" + "\n".join([
    'EXA101,12 April 2031,2031,1,Political violence,Battles,Armed clash,Military Forces of Exampleland,,1,'
    'Example Liberation Front,,2,12,,999,Example Region,Ukraine,North Province,Lowlands,,Brodovo,'
    '47.8123,35.1456,1,Example Wire; Sample Post,National,Fighting near Brodovo left 4 dead.,4,,1744000000',
    'EXA102,2031-04-13,2031,2,Demonstrations,Protests,Peaceful protest,Protesters (Exampleland),,6,,,0,60,,'
    '999,Example Region,Ukraine,North Province,,,Lesnoe,,,2,Sample Post,Local,,0,crowd size=hundreds,1744000000',
    'EXA103,2031-04-14,2031,1,Strategic developments,Strategic developments,Looting/property destruction,'
    'Unidentified Armed Group,,3,Civilians,,7,37,,999,Example Region,Ukraine,,,,Brodovo,47.8,35.1,1,'
    'Example Wire,National,Shops were looted.,0,,1744000000',
    'EXA104,sometime in April,2031,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group,,'
    '3,Civilians,,7,37,Civilian targeting,999,Example Region,Ukraine,,,,Brodovo,47.8,35.1,1,'
    'Example Wire,National,An attack.,1,,1744000000',
    'EXA105,15 April 2031,2031,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group,,'
    '3,Civilians,,7,37,Civilian targeting,999,Example Region,Ukraine,,,,Brodovo,47.8,35.1,1,'
    'Example Wire,National,A shop owner was shot.,1,,1744000000',
]) + "\n"


def test_import_hand_written_export(tmp_path, caplog):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_SAMPLE, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="peacewatch.present.acled"):
        incidents = list(read_acled_csv(path))
    assert [i["external_id"] for i in incidents] == ["EXA101", "EXA102", "EXA105"]
    assert "EXA103" in caplog.text and "EXA104" in caplog.text

    battle, protest, attack = incidents
    assert (battle["type"], battle["mode"]) == ("ASSAULT", "ground")
    assert (battle["date_value"], battle["date_precision"]) == ("2031-04-12", "day")
    assert battle["country"] == "UKR" and battle["admin1"] == "North Province"
    assert battle["place_name"] == "Brodovo" and battle["place_precision"] == "city"
    assert battle["lat"] == pytest.approx(47.8123) and battle["lon"] == pytest.approx(35.1456)
    assert battle["source_name"] == "Military Forces of Exampleland" and battle["source_sector"] == "MIL"
    assert battle["target_name"] == "Example Liberation Front" and battle["target_sector"] == "REB"
    assert battle["killed_min"] == battle["killed_max"] == battle["killed_median"] == 4
    assert battle["outlets"] == ["Example Wire", "Sample Post"]
    assert battle["evidence"] == ["Fighting near Brodovo left 4 dead."]
    assert (battle["sources"], battle["reports"], battle["origin"]) == (1, 1, "acled")

    assert protest["type"] == "PROTEST" and protest["date_precision"] == "week"
    assert protest["lat"] is None and protest["target_name"] is None and protest["evidence"] == []

    assert attack["type"] == "ASSAULT" and attack["target_sector"] == "CVL"


def test_import_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_text(ACLED_SAMPLE, encoding="utf-8-sig")
    assert len(list(read_acled_csv(path))) == 3


def test_import_rejects_a_file_that_is_no_acled_export(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(DataError, match="event_type"):
        list(read_acled_csv(path))
