"""What the CLI and the web app show: one article, one story, one entity, with their sources.

:func:`article_extras` returns one entry per stage that knows something about the article,
plus ``summary``: short ``name -> text`` lines that `storyline show` prints under the
article's counts. A stage adds itself by appending a function to :data:`EXTRAS`.

:func:`article_view`, :func:`story_view` and :func:`entity_view` assemble everything one
page of the web app (or one `storyline show`) needs as a JSON-safe dict, from the stages'
own reading functions; they compute nothing new.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from .settings import DEFAULTS, Settings
from .store import Store


def noise_extras(store: Store, article_id: str) -> dict[str, Any]:
    """Syndication group, repeated statements and embeds of one article."""
    from . import embeds, statements, syndication

    group = syndication.group_of(store, article_id)
    shared = statements.summary_for(store, article_id)
    posts = embeds.embeds_for(store, [article_id])
    summary: dict[str, str] = {}
    if group is not None:
        where = "canonical copy" if group.canonical == article_id else f"canonical copy is {group.canonical}"
        summary["copies"] = (f"{group.size - 1} other copies in syndication group {group.id} "
                             f"({group.outlets} outlets; {where})")
    if shared["sentences"]:
        summary["statements"] = (f"{shared['shared']} of {shared['sentences']} sentences also in other articles, "
                                 f"{shared['shared_with_other_outlets']} from other independent outlets")
    if posts:
        summary["embeds"] = ", ".join(f"{e.platform} {e.account or '(account unknown)'}" for e in posts)
    return {
        "syndication": group.to_dict() if group else None,
        "statements": shared,
        "embeds": [e.to_dict() for e in posts],
        "summary": summary,
    }


EXTRAS: list[Callable[[Store, str], dict[str, Any]]] = [noise_extras]


def article_extras(store: Store, article_id: str) -> dict[str, Any]:
    """Stage results for one article (syndication group, entities, quotes...), by stage;
    the ``summary`` lines of every stage are merged."""
    out: dict[str, Any] = {"summary": {}}
    for extra in EXTRAS:
        part = extra(store, article_id)
        out["summary"].update(part.pop("summary", {}))
        out.update(part)
    return out


# --- articles ---------------------------------------------------------------------------------
def article_view(store: Store, ref: str, include_boilerplate: bool = False) -> dict[str, Any]:
    """An article as `storyline show` and the web app show it: metadata, line counts by
    kind, sentences (text only unless ``include_boilerplate``), versions and stage extras."""
    from .store import articles as db

    article, meta = db.get_article(store, ref)
    kinds: dict[str, int] = {}
    for s in article.sentences:
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    shown = [s for s in article.sentences if include_boilerplate or s.kind == "text"]
    view = article.to_dict()
    view["sentences"] = [s.to_dict() for s in shown]
    view["counts"] = {"sentences": len(article.sentences), **kinds}
    view["version"] = meta["version"]
    view["is_current"] = bool(meta["is_current"])
    view["versions"] = meta["versions"]
    view.update(article_extras(store, article.id))
    return view


def article_marks(store: Store, article_id: str) -> dict[int, list[dict[str, Any]]]:
    """What to highlight in each sentence of an article, by sentence index: entity mentions
    (with their canonical entity), date expressions (with their normalised value) and quote
    contents (with their speaker). Offsets are characters into the sentence as stored."""
    from . import findings

    marks: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for m in findings.mentions_for(store, article_id):
        marks[m["sentence_idx"]].append({
            "kind": "entity", "start": m["start_char"], "end": m["end_char"], "label": m["label"],
            "entity_id": m["entity_id"] or None, "title": m["entity_name"] or m["text"]})
    for t in findings.timexes_for(store, [article_id]):
        marks[t["sentence_idx"]].append({
            "kind": "date", "start": t["start_char"], "end": t["end_char"], "label": t["type"],
            "entity_id": None, "title": t["value"]})
    quotes = store.query("SELECT content, speaker, speaker_name, speaker_entity FROM quotes WHERE article_id = ? ORDER BY id",
                         (article_id,))
    for q in quotes:
        q["speaker_as_written"] = findings.span_text(q["speaker"])
    for q in findings.canonical_speakers(store, quotes):
        for part in json.loads(q["content"]):
            marks[part["sentence_index"]].append({
                "kind": "quote", "start": part["start"], "end": part["end"], "label": "QUOTE",
                "entity_id": None, "title": f"said by {q['speaker_name']}"})
    return {idx: sorted(found, key=lambda m: (m["start"], -m["end"])) for idx, found in marks.items()}


def stories_of(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """``article_id -> story id`` for the articles that belong to a story."""
    out: dict[str, str] = {}
    for marks, chunk in store.in_chunks(sorted(set(article_ids))):
        out.update(store.rows(f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})", chunk))
    return out


# --- stories ----------------------------------------------------------------------------------
def story_view(store: Store, ref: str, *, speakers: int = 20, per_speaker: int = 8, entities: int = 12,
               events: int = 50, settings: Settings = DEFAULTS) -> dict[str, Any]:
    """Everything a story page shows except its timeline: :func:`story_store.get_story`
    (members, outlet counts, syndication groups, summary) plus who said what
    (:func:`story_speakers`: ``speakers`` speakers, ``per_speaker`` quotes each, and
    ``speakers_total``), who did what to whom (its ``events`` most reported events with a named
    actor or target, from a month before its first day, in date order, each once with its
    sources), coverage per day per outlet, and the co-occurrence of its ``entities`` most
    mentioned entities."""
    from . import findings, story_store

    story = story_store.get_story(store, ref, settings=settings)
    story["speakers"], story["speakers_total"] = story_speakers(store, story["id"], speakers=speakers,
                                                                per_speaker=per_speaker)
    # history the articles recall (a 1954 ban, a 1989 fall) belongs to the timeline; the panel
    # is what the parties did around the story's days: from a month before its first
    since = dt.date.fromisoformat(str(story["first_day"])) - dt.timedelta(days=_STORY_EVENTS_BEFORE_DAYS)
    story["events"] = in_date_order(findings.list_events(store, story=story["id"], limit=events, most_reported=True,
                                                         named_only=True, since=since))
    story["coverage_by_outlet"] = coverage_by_outlet(story["members"])
    story["cooccurrence"] = cooccurrence(store, [m["id"] for m in story["members"]], top=entities)
    return story


_STORY_EVENTS_BEFORE_DAYS = 30


def in_date_order(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events picked some other way (the most reported) as a page lists them: by date."""
    return sorted(events, key=lambda e: (str(e["date"] or ""), e["key"]))  # a date or its ISO text, by back-end


def story_speakers(store: Store, story_id: str, *, speakers: int = 20,
                   per_speaker: int = 8) -> tuple[list[dict[str, Any]], int]:
    """Who said what in a story, for reading: ``(groups, speakers in all)``.

    Speakers come by the number of the story's articles that quote them, so a source that many
    outlets quote comes before an anchor who speaks fifty lines in one transcript. Each group
    (``speaker``, ``entity_id``, ``quotes_total``: its distinct quotes in the story, ``articles``)
    holds its ``per_speaker`` quotes carried by the most articles; among quotes carried by as
    many, talk without content comes last (``Hello, everyone``, a presenter's hand-over: the
    timeline's :func:`~storyline.timeline_chatter.without_content` and
    :func:`~storyline.timeline_chatter.broadcast_furniture`), then the earliest. The same words
    in several articles are one quote with every source (``independent_outlets`` counts a
    syndication group once). Every quote of the story is counted, not the first found."""
    from . import findings
    from .timeline_chatter import broadcast_furniture, without_content

    where, params = findings.quote_filter(store, None, story_id, None, known_only=True)
    joined = f"FROM quotes q JOIN articles a ON a.id = q.article_id {where}"
    counts = store.query(f"SELECT {findings.WHO} AS who, COUNT(DISTINCT q.article_id) AS articles, "
                         f"COUNT(DISTINCT LOWER(q.text)) AS quotes {joined} GROUP BY {findings.WHO} "
                         "ORDER BY articles DESC, quotes DESC, who", params)
    top = counts[:max(0, speakers)]
    if not top:
        return [], len(counts)
    marks = ",".join("?" * len(top))
    said = store.query(f"SELECT {findings.WHO} AS who, MIN(q.id) AS id, {findings.quote_ids(store)} AS ids, "
                       f"MIN(q.text) AS text, COUNT(DISTINCT q.article_id) AS articles, MIN(a.published) AS published "
                       f"{joined} AND {findings.WHO} IN ({marks}) GROUP BY {findings.WHO}, LOWER(q.text)",
                       [*params, *(t["who"] for t in top)])
    by_who: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in said:
        by_who[g["who"]].append(g)

    def reading_order(g: dict[str, Any]) -> tuple:
        talk = without_content(g["text"]) or broadcast_furniture(g["text"])
        return -g["articles"], talk, str(g["published"]), g["id"]

    picked = {who: sorted(groups, key=reading_order)[:max(0, per_speaker)] for who, groups in by_who.items()}
    rows = {q["id"]: q for q in findings.quote_groups(store, [g for gs in picked.values() for g in gs])}
    out = []
    for t in top:
        quotes = [rows[g["id"]] for g in picked.get(t["who"], [])]
        if not quotes:
            continue
        out.append({
            "speaker": quotes[0]["speaker_name"], "entity_id": quotes[0]["speaker_entity"] or None,
            "quotes_total": t["quotes"], "articles": t["articles"],
            "quotes": [{"text": q["text"], "cue": q["cue"], "kind": q["kind"], "published": q["published"],
                        "reports": q["reports"], "independent_outlets": q["independent_outlets"],
                        "sources": [{k: src[k] for k in ("article_id", "outlet", "url", "published", "line")}
                                    for src in q["sources"]]} for q in quotes],
        })
    return out, len(counts)


def coverage_by_outlet(members: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Articles per day per outlet: ``{"days": [...], "outlets": [...], "counts": {outlet:
    {day: n}}}``, days in order, outlets by article count."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for m in members:
        counts[m["outlet"]][m["published"]] += 1
    outlets = sorted(counts, key=lambda o: (-sum(counts[o].values()), o))
    days = sorted({m["published"] for m in members})
    return {"days": days, "outlets": outlets, "counts": {o: dict(sorted(counts[o].items())) for o in outlets}}


def cooccurrence(store: Store, article_ids: Sequence[str], *, top: int = 12) -> dict[str, Any]:
    """How often the ``top`` most mentioned entities of these articles are named in the same
    sentence: ``{"entities": [{id, name, label, mentions}], "pairs": [{a, b, sentences}]}``
    with ``a``/``b`` indexes into ``entities``."""
    per_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    totals: Counter[str] = Counter()
    for marks, chunk in store.in_chunks(list(article_ids)):
        for aid, idx, entity in store.rows(
                f"SELECT article_id, sentence_idx, entity_id FROM mentions WHERE article_id IN ({marks}) "
                "AND entity_id != ''", chunk):
            per_sentence[(aid, idx)].add(entity)
            totals[entity] += 1
    chosen = [e for e, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:max(0, top)]]
    names: dict[str, tuple[str, str]] = {}
    for marks, chunk in store.in_chunks(chosen):
        names.update({r[0]: (r[1], r[2]) for r in store.rows(f"SELECT id, name, label FROM entities WHERE id IN ({marks})", chunk)})
    chosen = [e for e in chosen if e in names]
    index = {e: i for i, e in enumerate(chosen)}
    pairs: Counter[tuple[int, int]] = Counter()
    for ents in per_sentence.values():
        present = sorted(index[e] for e in ents if e in index)
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                pairs[(a, b)] += 1
    return {
        "entities": [{"id": e, "name": names[e][0], "label": names[e][1], "mentions": totals[e]} for e in chosen],
        "pairs": [{"a": a, "b": b, "sentences": n} for (a, b), n in sorted(pairs.items())],
    }


# --- entities ---------------------------------------------------------------------------------
def entity_view(store: Store, ref: str, *, quotes: int = 100, stories: int = 50) -> dict[str, Any]:
    """One canonical entity: its names, the stories naming it, quotes by it (each statement
    once, :func:`findings.distinct_quotes`: the ``quotes`` carried by the most articles, most
    first) and quotes about it (quotes in sentences that name it, said by someone else), events
    it did and events aimed at it (the ``quotes`` most reported of each, in date order), and
    mentions per day."""
    from . import findings, story_store

    entity = findings.resolve_entity(store, ref)
    eid = entity["id"]
    entity["articles"] = store.scalar("SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = ?", (eid,)) or 0
    entity["stories"] = story_store.list_stories(store, entity=eid, limit=stories)
    # each statement once, with every article carrying it (a wire quote on six sites is one)
    entity["quotes_by"] = [q for q in findings.distinct_quotes(store, speaker=eid, limit=quotes, most_reported=True)
                           if q["speaker_entity"] == eid]
    about = [r[0] for r in store.rows(
        "SELECT DISTINCT q.id FROM quotes q JOIN mentions m ON m.article_id = q.article_id AND m.sentence_idx = q.sentence_idx "
        f"WHERE m.entity_id = ? AND q.speaker_entity != ? ORDER BY q.id LIMIT {int(quotes)}", (eid, eid))]
    entity["quotes_about"] = _quotes_by_id(store, about)
    entity["events_by"] = in_date_order(findings.list_events(store, actor=eid, limit=quotes, most_reported=True))
    entity["events_against"] = in_date_order(findings.list_events(store, target=eid, limit=quotes, most_reported=True))
    entity["mentions_per_day"] = [
        {"day": day, "mentions": n, "articles": k} for day, n, k in store.rows(
            "SELECT a.published, COUNT(*), COUNT(DISTINCT a.id) FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.entity_id = ? AND a.is_current = 1 GROUP BY a.published ORDER BY a.published", (eid,))]
    return entity


def _quotes_by_id(store: Store, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Quotes by id, shaped as :func:`findings.list_quotes` rows (date order)."""
    from . import findings

    wanted = set(ids)
    if not wanted:
        return []
    articles = sorted({r[0] for marks, chunk in store.in_chunks(sorted(wanted))
                       for r in store.rows(f"SELECT article_id FROM quotes WHERE id IN ({marks})", chunk)})
    out = []
    for aid in articles:
        out.extend(q for q in findings.list_quotes(store, article=aid, limit=10_000) if q["id"] in wanted)
    return sorted(out, key=lambda q: (q["published"], q["id"]))
