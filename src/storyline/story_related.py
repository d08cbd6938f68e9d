"""Related stories: the stories a reader of one story opens next.

A crisis breaks into several stories: the build-up, the talks, the protests after the deal.
Each is a story of its own because each covers its own event (see :mod:`storyline.stories`),
but a reader following one wants the others. A story B is related to a story A when they run
within ``stories.related_days`` of each other and A's articles name at least
``stories.related_shared`` of B's key entities. B's key entities, not every name B's articles
carry, because they are what B is about and they are stored with it (one indexed query reads
a month of stories); A's every name, because a short story's five key entities are its rarest
names (a local mill, its manager) and leave out the countries it shares with the crisis.
A shared entity weighs by how rare it is among the key entities of the stories of that window
(``log(1 + stories / stories keyed by it)``) times the share of A's articles that name it: two
stories that share only the countries every story of the month names rank below two that share
a minister and a valley, and a city one of A's fifty articles mentions in passing counts little.

:func:`rank_related` is the pure ranking; :func:`related_stories` reads the candidates from
the store and shows the chosen ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from .peoples import country_among
from .settings import DEFAULTS, Settings
from .store import Store

# Most candidate stories read for one story page, the most widely reported first: a month of
# a large crawl holds thousands of stories, and the related ones are among those that share
# its key entities, which the widely reported stories of the window carry.
_MAX_CANDIDATES = 20_000


@dataclasses.dataclass(frozen=True)
class StorySpan:
    """What relatedness reads of a story: its days and its key entity ids."""

    id: str
    first_day: dt.date
    last_day: dt.date
    entities: tuple[str, ...]


def days_apart(a: StorySpan, b: StorySpan) -> int:
    """Days between two stories' spans; 0 when they overlap."""
    return max(0, (b.first_day - a.last_day).days, (a.first_day - b.last_day).days)


def rank_related(
    story: StorySpan, named: Mapping[str, float], candidates: Sequence[StorySpan], *, days: int, shared: int,
    limit: int,
) -> list[tuple[StorySpan, tuple[str, ...]]]:
    """At most ``limit`` stories of ``candidates`` related to ``story``, best first, each with
    those of its key entities that ``story``'s articles name. ``named``: every entity
    ``story``'s articles name, with the share of its articles that name it.

    A candidate qualifies when it is another story, runs within ``days`` days of ``story``
    and at least ``shared`` of its key entities are named. The score is the sum over those
    entities of their rarity among the key entities of ``candidates`` and ``story`` times
    their share; ties go to the nearer story, then to the smaller id (a stable order)."""
    if limit <= 0:
        return []
    others = [c for c in candidates if c.id != story.id]
    df = Counter(e for c in [story, *others] for e in set(c.entities))
    n = len(others) + 1
    scored = []
    for c in others:
        gap = days_apart(story, c)
        if gap > days:
            continue
        common = tuple(e for e in dict.fromkeys(c.entities) if e in named)
        if len(common) < max(1, shared):
            continue
        score = sum(math.log(1 + n / df[e]) * named[e] for e in common)
        scored.append((-score, gap, c.id, c, common))
    scored.sort(key=lambda t: t[:3])
    return [(c, common) for *_, c, common in scored[:limit]]


def _span(row: dict[str, Any], entities: Sequence[str]) -> StorySpan:
    return StorySpan(row["id"], dt.date.fromisoformat(row["first_day"]), dt.date.fromisoformat(row["last_day"]),
                     tuple(entities))


def named_entities(
    store: Store, article_ids: Sequence[str], outlets: Sequence[str]
) -> tuple[dict[str, float], dict[str, dict[str, str]]]:
    """Every entity these articles name, with the share of them that name it, and its
    ``{id, name, label}``; the news agencies and the outlets that reported the articles left
    out (:func:`storyline.story_store.news_sources`)."""
    from .story_store import news_sources, squeezed

    reporters = news_sources(outlets)
    articles: Counter[str] = Counter()
    shown: dict[str, dict[str, str]] = {}
    for marks, chunk in store.in_chunks(list(article_ids)):
        for _, eid, name, label in store.rows(
                f"SELECT DISTINCT x.article_id, x.entity_id, e.name, e.label FROM mentions x "
                f"JOIN entities e ON e.id = x.entity_id WHERE x.article_id IN ({marks})", chunk):
            if squeezed(name) not in reporters:
                articles[eid] += 1
                shown[eid] = {"id": eid, "name": name, "label": label}
    n = max(1, len(article_ids))
    return {e: k / n for e, k in articles.items()}, shown


def related_stories(store: Store, story: dict[str, Any], article_ids: Sequence[str],
                    settings: Settings = DEFAULTS) -> list[dict[str, Any]]:
    """Stories related to ``story`` (a row as :func:`storyline.story_store.get_story` shows
    it) whose articles are ``article_ids``: each with its label, days, article and
    independent-outlet counts and the key entities it shares with ``story`` (``shared``)."""
    limit, days = settings["stories.related"], settings["stories.related_days"]
    if limit <= 0 or not article_ids:
        return []
    named, shown = named_entities(store, article_ids, story["outlet_list"])
    alias = peoples_as_countries(shown)
    for people, country in alias.items():
        named[country] = max(named[country], named.pop(people))
    me = _span(story, [alias.get(e["id"], e["id"]) for e in story["entities"]])
    start, end = me.first_day - dt.timedelta(days=days), me.last_day + dt.timedelta(days=days)
    rows = store.query(
        "SELECT id, first_day, last_day, entities FROM stories WHERE last_day >= ? AND first_day <= ? AND id != ? "
        f"ORDER BY independent DESC, articles DESC, id LIMIT {_MAX_CANDIDATES}",
        (start.isoformat(), end.isoformat(), me.id))
    candidates = [_span(r, [alias.get(e, e) for e in json.loads(r["entities"])]) for r in rows]
    chosen = rank_related(me, named, candidates, days=days, shared=settings["stories.related_shared"], limit=limit)
    if not chosen:
        return []
    ids = [c.id for c, _ in chosen]
    rows = {r["id"]: r for r in store.query(
        f"SELECT id, label, first_day, last_day, articles, independent FROM stories WHERE id IN ({','.join('?' * len(ids))})",
        ids)}
    return [
        {"id": c.id, "label": rows[c.id]["label"], "first_day": rows[c.id]["first_day"],
         "last_day": rows[c.id]["last_day"], "articles": rows[c.id]["articles"],
         "independent_outlets": rows[c.id]["independent"], "shared": [shown[e] for e in common]}
        for c, common in chosen if c.id in rows
    ]


def peoples_as_countries(entities: Mapping[str, dict[str, str]]) -> dict[str, str]:
    """``entity id -> id`` of the country for each people's name among ``entities`` whose
    country is among them too (``Egyptian`` -> ``Egypt``): a story that shares ``Egypt,
    Egyptian`` shares one entity, as :func:`storyline.story_profile.key_entities` shows them.
    A people's name whose "country" is another people's name among them (``Afghani`` ->
    ``Afghan`` -> ``Afghanistan``) goes to the end of the chain: every id maps to one that is
    not mapped itself. A known country's or capital's name is no people's
    (:func:`storyline.peoples.countries_of`)."""
    by_name = {e["name"].lower(): eid for eid, e in entities.items()}
    out = {}
    for eid, e in entities.items():
        country = country_among(e["name"], by_name, eid)
        if country is not None:
            out[eid] = country
    for eid in list(out):
        seen = {eid}
        while out[eid] in out and out[eid] not in seen:
            seen.add(out[eid])
            out[eid] = out[out[eid]]
        if out[eid] == eid:
            del out[eid]  # a cycle of names that are each other's people: none is a country
    return out
