"""Split a sentence into pieces for highlighting entities, dates and quotes.

Marks (from :func:`storyline.views.article_marks`) may overlap: a quote holds names and
dates. :func:`segments` cuts the text at every mark boundary and gives each piece the marks
that cover it, so the template can wrap it in escaped ``<span>``s; the text itself is never
interpreted as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def segments(text: str, marks: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pieces of ``text`` in order: ``{"text", "kinds", "titles", "entity_id"}``; marks with
    offsets outside the text are clipped or ignored."""
    n = len(text)
    usable = [m for m in marks if isinstance(m.get("start"), int) and isinstance(m.get("end"), int)
              and 0 <= m["start"] < m["end"] and m["start"] < n]
    cuts = sorted({0, n, *(m["start"] for m in usable), *(min(m["end"], n) for m in usable)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        active = [m for m in usable if m["start"] <= a and min(m["end"], n) >= b]
        entity = next((m.get("entity_id") for m in active if m["kind"] == "entity" and m.get("entity_id")), None)
        out.append({
            "text": text[a:b],
            "kinds": sorted({m["kind"] for m in active}),
            "titles": list(dict.fromkeys(str(m.get("title") or "") for m in active if m.get("title"))),
            "entity_id": entity,
        })
    return out
