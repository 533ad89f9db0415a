"""The one Jinja environment of peacewatch's HTML: the written report's page and the partials it
shares with the dashboard (agreement tracker, incidents, initiative analysis), autoescaped.

The dashboard (peacewatch.web, a layer above) adds its page templates to this environment with
`add_package_templates`, so the partials are written once and rendered alike by both."""

from __future__ import annotations

import math
import re
from functools import cache

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from peacewatch.analysis.timeline import killed_of
from peacewatch.analysis.tracker import describe_step
from peacewatch.data.page_words import PageWords
from peacewatch.data.regions import admin1_name
from peacewatch.present.export import number_text
from peacewatch.records import best_figure

__all__ = ["add_package_templates", "environment", "format_median", "format_number", "format_range", "highlight"]

NUMBER = re.compile(r"\b\d[\d,]*\b")
# Toll and attack words marked in evidence (data/page.yaml), the longer forms first.
TOLL_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(PageWords.load().highlight_words, key=len, reverse=True)) + r")\b",
    re.I,
)


def format_number(value: object, digits: int = 1) -> str:
    """A figure as the report writes it: '-' when unknown, whole floats without their '.0'.

    Args:
        value: a number or None.
        digits: decimals kept for a float that is not whole.
    Returns:
        the text.
    """
    if value is None:
        return "-"
    if isinstance(value, float) and math.isfinite(value) and not value.is_integer():
        return f"{value:.{digits}f}"
    return number_text(value) if isinstance(value, float) else str(value)


def format_range(low: object, high: object, unknown: str = "unknown") -> str:
    """A figure told as a range: '12', '12 to 15', or `unknown` when neither end is known."""
    if low is None and high is None:
        return unknown
    if low is None or high is None or low == high:
        return format_number(low if low is not None else high)
    return f"{format_number(low)} to {format_number(high)}"


def format_median(value: object, unknown: str = "unknown") -> str:
    """A median of whole counts: whole, or, half-way between two counts, both of them ('20 to 21'),
    since nobody reports half a person."""
    if value is None:
        return unknown
    if isinstance(value, float) and not value.is_integer() and (value * 2).is_integer():
        return f"{int(value - 0.5)} to {int(value + 0.5)}"
    return format_number(value)


def highlight(sentence: str | None, words: list[str] | None = None) -> Markup:
    """A sentence, escaped, with its numbers, toll and attack words and the given words marked."""
    if not sentence:
        return Markup("")
    patterns = [NUMBER.pattern, TOLL_WORDS.pattern] + [re.escape(w) for w in (words or []) if w and len(w) > 2]
    finder = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    out, last = [], 0
    for match in finder.finditer(sentence):
        out.append(escape(sentence[last:match.start()]))
        out.append(Markup("<mark>") + escape(match.group(0)) + Markup("</mark>"))
        last = match.end()
    out.append(escape(sentence[last:]))
    return Markup("").join(out)


@cache
def environment() -> Environment:
    """The shared environment (one per process): templates of this package and of every package
    added with add_package_templates, the `num`, `highlight` and `step` filters, `killed_of` and
    `best_figure`."""
    env = Environment(loader=PackageLoader("peacewatch.present", "templates"), autoescape=select_autoescape(["html"]))
    env.filters["num"] = format_number
    env.filters["highlight"] = highlight
    env.filters["median"] = format_median
    env.globals["format_range"] = format_range
    env.filters["step"] = describe_step
    env.filters["admin1"] = admin1_name
    env.globals["killed_of"] = killed_of
    env.globals["best_figure"] = best_figure
    return env


@cache
def add_package_templates(package: str, folder: str = "templates") -> Environment:
    """Serve the templates in `folder` of `package` from the shared environment (after this
    package's own, so the shared partials keep their names); returns the environment.

    Args:
        package: the importable package holding the folder (e.g. 'peacewatch.web').
        folder: the folder inside it.
    """
    env = environment()
    searched = [env.loader] if env.loader is not None else []
    env.loader = ChoiceLoader([*searched, PackageLoader(package, folder)])
    return env
