"""peacewatch: news about war and diplomacy in, an evidence-linked record out.

    >>> from peacewatch import extract
    >>> report = extract(text, published="2025-04-15")
    >>> report.events[0].type, report.events[0].evidence
"""

from peacewatch.errors import DataError, InputError, ModelError, PeacewatchError
from peacewatch.runner.pipeline import Pipeline, extract
from peacewatch.schema import Actor, Agreement, Article, Claim, Count, Event, Place, Report, Weapon, When

__all__ = [
    "extract", "Pipeline", "Report", "Article", "Event", "Claim", "Agreement", "Actor", "Place", "When",
    "Count", "Weapon", "PeacewatchError", "InputError", "ModelError", "DataError",
]
__version__ = "0.22.0"
