"""Fusion over stored records: near-copies of articles (MinHash LSH, copies.py) and events of
many articles that tell one happening joined into incidents (incidents.py). Pure functions and
in-memory indexes: the runner reads the records from the store and writes the results back."""
