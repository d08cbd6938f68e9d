"""One event told with fewer parties: sightings that leave out the actor or the target.

Outlets tell the same act with different words: one writes `Northford sent two battalions to
the valley on Monday`, another `two battalions were sent to the valley on Monday`, a third
`Northford put its forces on alert on Monday` with no target. Events are keyed by type, actor,
target and date (``enrich.event_key``), so those are three keys; shown as three events they
count one act three times and hide that three outlets reported it.

A key whose parties are a part of exactly one fuller key's (every party it names is that key's
party on the same side; same type, same day, same negation) is a sighting of that event. When
two fuller events would fit (two different attacks on one day, say) it stays on its own: a
sighting is never guessed into one of several events. Only days written in the text merge: a
week or a year is too coarse to say two tellings are one act, and an event dated by its
article's publication day (no date written) may have happened on any day before it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Sightings = list[dict[str, Any]]


def _who(row: Mapping[str, Any], side: str) -> str:
    return row[f"{side}_entity"] or " ".join(str(row[f"{side}_text"] or "").lower().split())


def _parties(row: Mapping[str, Any]) -> tuple[str, str]:
    return _who(row, "actor"), _who(row, "target")


def _within(part: tuple[str, str], whole: tuple[str, str]) -> bool:
    """Every party ``part`` names is ``whole``'s on the same side."""
    return all(not p or p == w for p, w in zip(part, whole))


def merge_partial(grouped: Mapping[str, Sightings]) -> dict[str, Sightings]:
    """``grouped`` (event key -> its sightings, each key's sightings sharing type, parties,
    date and negation) with every partial key's sightings moved behind the one fuller key
    they belong to (see the module docstring). Keys keep their order; merged keys are gone."""
    buckets: dict[tuple, list[str]] = {}
    for key, rows in grouped.items():
        if rows and rows[0]["date"] and all(r["date_granularity"] == "day" and r["date_source"] == "text" for r in rows):
            buckets.setdefault((rows[0]["type"], rows[0]["date"], bool(rows[0]["negated"])), []).append(key)
    into: dict[str, str] = {}
    for keys in buckets.values():
        if len(keys) < 2:
            continue
        parties = {k: _parties(grouped[k][0]) for k in keys}
        roots = [k for k in keys if not any(j != k and parties[j] != parties[k] and _within(parties[k], parties[j])
                                            for j in keys)]
        for k in keys:
            if k in roots:
                continue
            fits = [r for r in roots if _within(parties[k], parties[r])]
            if len(fits) == 1:
                into[k] = fits[0]
    out: dict[str, Sightings] = {k: list(rows) for k, rows in grouped.items() if k not in into}
    for k, root in into.items():
        out[root].extend(grouped[k])
    return out
