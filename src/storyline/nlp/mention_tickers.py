"""A name followed by its stock ticker in brackets is a listed company's.

Business news writes a company's ticker after its name (``Kestmart (KMT) shares fell``,
``Varnholm Foods (VFD, Fortune 500 rank: 212)``). The model reads a one-word brand it does not
know (a plural or a stripped possessive: ``Kestmarts (KMT)``) as a person's name, and the
entity list showed chains and search engines as people. :func:`ticker_companies` relabels ORG
(``evidence="context"``) a name the model calls a person, a product or a work when a ticker
follows it: two to five capitals, in order among the name's own letters and beginning with
its first (a ticker is cut from the name), before ``)`` or ``,``. A party's letter after a
politician (``(R)``) is one letter; a person's initials in brackets (``John Fitz Kerr
(JFK)``) are the initials of the name's words and keep the label.
"""

from __future__ import annotations

import re

from ..records import Mention

__all__ = ["ticker_companies"]

_TICKER_AFTER = re.compile(r"^\s*\(\s*([A-Z]{2,5})\s*[),]")
_FIXABLE = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART"})


def _cut_from(ticker: str, name: str) -> bool:
    letters = iter(name.lower())
    low = ticker.lower()
    initials = "".join(w[:1] for w in name.split()).lower()
    return low[0] == name[:1].lower() and all(c in letters for c in low) and low != initials


def ticker_companies(found: list[list[Mention]], texts: list[str]) -> list[list[Mention]]:
    """Per sentence (``found[i]`` the mentions of ``texts[i]``): a name a ticker follows
    (module docstring) is a company's."""
    out = []
    for ms, text in zip(found, texts):
        row = []
        for m in ms:
            hit = _TICKER_AFTER.match(text[m.span.end:]) if m.label in _FIXABLE else None
            if hit and _cut_from(hit.group(1), m.span.text):
                m = m.replace(label="ORG", evidence="context")
            row.append(m)
        out.append(row)
    return out
