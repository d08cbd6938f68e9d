"""The state written as a ministry's owner just before its name (``Northford's Ministry of
Defence``, crawled ``Northfords Ministry of Defence``), which the model leaves out of the
body's span: kept as the mention's title, so that canonical resolution tells two states'
ministries of one portfolio apart (:mod:`storyline.canonical_ministries`)."""

from __future__ import annotations

import re

from ..records import Mention

__all__ = ["ministry_owners"]

# A capitalised word with a possessive ending right before the name; the apostrophe may have
# been stripped by the crawl ("Northfords").
_OWNER = re.compile(r"\b([A-Z][\w-]*?)(['’]s|s) $")
_MINISTRY = re.compile(r"\bMinistry\b")


def ministry_owners(mentions: list[Mention], texts: dict[int, str]) -> list[Mention]:
    """``mentions`` with a ministry's owner before it as its title: a possessive written with
    its apostrophe, or a stripped one whose base the article writes as a name of its own
    (``Northfords`` where ``Northford`` is a mention; a surname-like word ending in s is
    not read as a possessive otherwise). Canonical resolution keeps the owner only when it is
    a place."""
    names = {m.span.text for m in mentions}
    out = []
    for m in mentions:
        if m.label == "ORG" and not m.title and _MINISTRY.search(m.span.text):
            hit = _OWNER.search(texts.get(m.span.sentence_index, "")[: m.span.start])
            if hit and (hit.group(2) != "s" or hit.group(1) in names):
                m = m.replace(title=hit.group(1) + hit.group(2))
        out.append(m)
    return out
