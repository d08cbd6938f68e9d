"""Extents that run on past what a rule read: an open end, an ``or so``, or a second length
told as one.

``no dividend until 2027 or later``, ``plans for 2030 and beyond``: the year is the date and its
open end belongs to the expression (TempEval-3's training text tags the whole, 2 of 2).
``the repairs may take days or weeks``, ``over recent weeks and months``: two vague lengths said
as one (2 of 2 there), valued as the first. ``over the next year or so``: the rough figure is the
expression's, whatever read it (3 of 3 there; the length rules took it in already). The rule's
type and value stay as they were; only the extent grows, and a reading of the words it takes in
(``months``) gives way to it.
"""

from __future__ import annotations

import dataclasses
import re

from . import temporal_lexicon as lex
from .temporal_grammar import Reading

# Not "1994 or later years" (the words then name the years) nor "or later than that".
_OPEN_END = re.compile(r"\s+(?:or\s+later|or\s+earlier|and\s+beyond)(?![\w-])(?!\s+(?:than\b|"
                       + lex.RE_UNIT + r"(?![\w-])))", re.IGNORECASE)
_ROUGHLY = re.compile(r"\s+or\s+(?:so|thereabouts)(?![\w-])", re.IGNORECASE)
# A calendar value: a year, month, day or time (not PAST_REF, not a length or a set).
_POINT = re.compile(r"\d{3}")
_PLURAL_END = re.compile(r"(?<![\w-])" + lex.RE_UNIT_PLURAL + r"$", re.IGNORECASE)
_SECOND_LENGTH = re.compile(r"\s+(?:or|and)\s+" + lex.RE_UNIT_PLURAL + r"(?![\w-])", re.IGNORECASE)


def widen(found: list[Reading], text: str) -> list[Reading]:
    """``found`` (one sentence's readings, in text order) with each open end or second vague
    length taken into the reading before it."""
    out: list[Reading] = []
    for r in found:
        if out and r.start < out[-1].end:
            continue  # taken into the reading before
        end = _widened_end(r, text)
        out.append(dataclasses.replace(r, end=end) if end != r.end else r)
    return out


def _widened_end(r: Reading, text: str) -> int:
    m = _ROUGHLY.match(text, r.end)
    if m:
        return m.end()
    if r.type == "DATE" and _POINT.match(r.value):
        m = _OPEN_END.match(text, r.end)
        if m:
            return m.end()
    end = r.end
    if r.type == "DURATION" and "X" in r.value and _PLURAL_END.search(text, r.start, r.end):
        while m := _SECOND_LENGTH.match(text, end):  # "for weeks and weeks and weeks": all of it
            end = m.end()
    return end
