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

from .store import Store

Sightings = list[dict[str, Any]]


def party_key(entity: str, written: str) -> str:
    """Who an actor or target is, for telling events apart: its entity, else its words as
    written (letter case and spacing aside). ``enrich.event_key`` builds keys from it."""
    return entity or " ".join((written or "").lower().split())


def _parties(row: Mapping[str, Any]) -> tuple[str, str]:
    return party_key(row["actor_entity"], row["actor_text"]), party_key(row["target_entity"], row["target_text"])


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


def picked_events(store: Store, where: str, params: list[Any], direction: str, limit: int,
                  most_reported: bool = False) -> dict[str, Sightings]:
    """The first ``limit`` distinct events (event key -> its sightings, in date order) of the
    events rows ``where`` selects (joined to their articles as ``a``; ``direction`` ``DESC``
    for newest first; with ``most_reported``, those sighted in the most articles first), after
    partial sightings have joined their event (:func:`merge_partial`).
    The merge needs every key of the picked keys' days, so those are read too; when merging
    leaves fewer than ``limit`` events, more keys are picked, so a short listing is the head of
    the long one."""
    wanted = int(limit)
    order = f"first_date {direction}, e.event_key"
    if most_reported:
        order = "COUNT(DISTINCT e.article_id) DESC, " + order
    while True:
        firsts = store.rows(
            f"SELECT e.event_key, MIN(e.date) AS first_date, MIN(e.type) FROM events e JOIN articles a ON a.id = e.article_id "
            f"{where} GROUP BY e.event_key ORDER BY {order} LIMIT {wanted}", params)
        if not firsts:
            return {}
        picked = [r[0] for r in firsts]
        days = sorted({r[1] for r in firsts if r[1]})
        kinds = {(kind, day) for _, day, kind in firsts}
        keys = list(picked)
        for marks, chunk in store.in_chunks(days):
            keys += [r[0] for r in store.rows(
                f"SELECT DISTINCT e.event_key, e.date, e.type FROM events e JOIN articles a ON a.id = e.article_id {where} "
                f"AND e.date IN ({marks})", [*params, *chunk]) if (r[2], r[1]) in kinds]
        keys = list(dict.fromkeys(keys))
        rows = []
        for marks, chunk in store.in_chunks(keys):
            rows += store.query(
                "SELECT e.event_key, e.type, e.mode, e.actor_text, e.target_text, e.actor_entity, e.target_entity, e.date, "
                "e.date_granularity, e.date_source, e.negated, e.hedged, e.score, e.quad, e.article_id, e.sentence_idx "
                f"FROM events e JOIN articles a ON a.id = e.article_id {where} AND e.event_key IN ({marks}) "
                "ORDER BY e.date, e.event_key", [*params, *chunk])
        grouped: dict[str, list[dict[str, Any]]] = {key: [] for key in keys}
        for r in rows:
            grouped[r["event_key"]].append(r)
        merged = merge_partial(grouped)
        shown = [k for k in picked if k in merged]
        if len(shown) >= limit or len(picked) < wanted:
            return {k: merged[k] for k in shown[:limit]}
        wanted *= 2
