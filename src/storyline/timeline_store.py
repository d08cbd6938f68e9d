"""Timelines from the store: for a story, or for the articles a query and date range choose.

Gathers the articles' editorial sentences with their normalised dates (enrich), repeated
statements and their independent-outlet counts (dedup) and provenance, and hands them to
:func:`storyline.timeline.build_timeline`. The result is JSON-safe, for the CLI and the API.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .errors import UsageError, check_day_range
from .output import SOURCES_KEY, counted, date_label, sourced
from .records import Span, TimeExpr
from .settings import DEFAULTS, Settings
from .statements import statement_ref
from .store import Store
from .syndication import group_ids
from .store.articles import article_filters
from .store.fts import parse as parse_query
from .timeline import Timeline, TimelineSentence, build_timeline

# A query timeline reads at most this many articles (the most recent matching ones): a
# timeline of more is unreadable anyway, and this bounds its cost (benchmarks/web_load.py).
MAX_QUERY_ARTICLES = 2000


def query_article_ids(store: Store, query: str, since: dt.date | None, until: dt.date | None) -> list[str]:
    """Current articles with a text sentence matching ``query``, published in the range."""
    match, params = store.fts_match("sentences", query)
    where = [match, "sentences.kind = 'text'", "articles.is_current = 1"]
    article_filters(where, params, since=since, until=until)
    rows = store.rows(
        "SELECT DISTINCT articles.id, articles.published FROM sentences JOIN articles ON articles.id = sentences.article_id "
        f"WHERE {' AND '.join(where)} ORDER BY articles.published DESC LIMIT {MAX_QUERY_ARTICLES}", params)
    return [r[0] for r in rows]


def timeline_sentences(store: Store, article_ids: Sequence[str]) -> list[TimelineSentence]:
    """The articles' editorial sentences with dates, statements and provenance."""
    meta: dict[str, dict[str, Any]] = {}
    timexes: dict[tuple[str, int], list[TimeExpr]] = defaultdict(list)
    statements: dict[tuple[str, int], tuple[str, int]] = {}
    out: list[TimelineSentence] = []
    ids = list(article_ids)
    groups = group_ids(store, ids)
    for marks, chunk in store.in_chunks(ids):
        for r in store.query(f"SELECT id, outlet, url, published FROM articles WHERE id IN ({marks})", chunk):
            meta[r["id"]] = r
        for aid, idx, start, end, text, type_, value, gran, first, last in store.rows(
            "SELECT article_id, sentence_idx, start_char, end_char, text, type, value, granularity, first_day, last_day "
            f"FROM timexes WHERE article_id IN ({marks})", chunk):
            timexes[(aid, idx)].append(TimeExpr(aid, Span(idx, start, end, text), type_, value, gran,
                                                dt.date.fromisoformat(first) if first else None,
                                                dt.date.fromisoformat(last) if last else None))
        for aid, idx, statement, independent in store.rows(
            "SELECT s.article_id, s.idx, s.statement, t.independent FROM statement_sentences s "
            f"JOIN statements t ON t.id = s.statement WHERE s.article_id IN ({marks})", chunk):
            statements[(aid, idx)] = (statement_ref(statement), independent)
        for aid, idx, line, text in store.rows(
            f"SELECT article_id, idx, line, text FROM sentences WHERE article_id IN ({marks}) AND kind = 'text' "
            "ORDER BY article_id, idx", chunk):
            m = meta[aid]
            ref, independent = statements.get((aid, idx), ("", 1))
            out.append(TimelineSentence(
                aid, idx, line, text, dt.date.fromisoformat(m["published"]), m["outlet"], m["url"],
                tuple(timexes.get((aid, idx), ())), ref, independent, groups.get(aid, "")))
    return out


def timeline_for(
    store: Store,
    *,
    story: str | None = None,
    query: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    dates: int | None = None,
    per_date: int | None = None,
    related: bool = False,
    settings: Settings = DEFAULTS,
) -> dict[str, Any]:
    """The timeline of a story, or of the articles matching ``query`` in [since, until].
    ``related``: of a story and its related stories (:mod:`storyline.story_related`): the
    whole crisis, build-up, talks and aftermath, in one timeline."""
    if bool(story) == bool(query):
        raise UsageError("give a story id or --query WORDS (one of them)")
    if related and not story:
        raise UsageError("--related needs a story id: a search's timeline has no related stories")
    dates = dates if dates is not None else settings["timeline.dates"]
    per_date = per_date if per_date is not None else settings["timeline.per_date"]
    if dates < 1 or per_date < 1:
        raise UsageError("--dates and --per-date must be at least 1")
    check_day_range(since, until)
    keywords: tuple[str, ...] = ()
    label = None
    about: dict[str, Any] = {}
    if story:
        from .story_store import resolve_story_id, story_article_ids, story_row

        story = resolve_story_id(store, story)
        ids = story_article_ids(store, story)
        label = store.scalar("SELECT label FROM stories WHERE id = ?", (story,))
        if related:
            from .story_related import related_stories

            others = related_stories(store, story_row(store, story), ids, settings)
            about["related"] = [{"id": r["id"], "label": r["label"]} for r in others]
            ids = list(dict.fromkeys(ids + [a for r in others for a in story_article_ids(store, r["id"])]))
    else:
        assert query is not None
        ids = query_article_ids(store, query, since, until)
        keywords = tuple(w for group in parse_query(query) for term in group if not term.negated for w in term.words)
    timeline = build_timeline(timeline_sentences(store, ids), n_dates=dates, per_date=per_date,
                              keywords=keywords, since=since, until=until, settings=settings)
    return timeline_json(timeline, story=story, label=label, query=query, articles=len(ids), **about)


def timeline_json(timeline: Timeline, **about: Any) -> dict[str, Any]:
    """The JSON shape shared by the CLI and the API."""
    return {
        **about,
        "since": timeline.since.isoformat() if timeline.since else None,
        "until": timeline.until.isoformat() if timeline.until else None,
        "entries": [
            {
                "date": e.date.isoformat(), "granularity": e.granularity, "label": date_label(e.date, e.granularity),
                "independent_outlets": e.independent_outlets, "articles": e.articles,
                "sentences": [
                    {"text": s.text, "independent_outlets": s.independent_outlets,
                     "sources": [{"article_id": src.article_id, "outlet": src.outlet, "url": src.url, "line": src.line,
                                  "sentence_index": src.sentence_index, "published": src.published.isoformat()}
                                 for src in s.sources]}
                    for s in e.sentences
                ],
            }
            for e in timeline.entries
        ],
    }


def timeline_plain(data: dict[str, Any], shown: int = 4) -> str:
    """The timeline as plain text: a heading per date, each sentence with where to read it
    (:func:`.output.sourced`, ``shown`` sources, then a count of the rest)."""
    lines = [data["label"]] if data.get("label") else []
    lines += [f"  with {r['label'] or r['id']}  ({r['id']})" for r in data.get("related", [])]
    for entry in data["entries"]:
        lines += ["", f"{entry['label']}  ({counted(entry['independent_outlets'], 'independent outlet')})"]
        for s in entry["sentences"]:
            lines += [f"  - {s['text']}", f"      {sourced(s, shown)}"]
    if data["entries"]:
        lines += ["", SOURCES_KEY]
    return "\n".join(lines)


def timeline_markdown(data: dict[str, Any]) -> str:
    """The timeline as Markdown: a heading per date, a bullet per sentence with its sources."""
    title = data.get("label") or (f"Timeline: {data['query']}" if data.get("query") else "Timeline")
    lines = [f"# {title}", ""]
    if data.get("related"):
        lines += ["With the related stories:", ""] + [f"- {r['label'] or r['id']}" for r in data["related"]] + [""]
    for entry in data["entries"]:
        lines.append(f"## {entry['label']}  ({counted(entry['independent_outlets'], 'independent outlet')})")
        lines.append("")
        for s in entry["sentences"]:
            sources = "; ".join(f"[{src['outlet']}:{src['line']}]({src['url']})" for src in s["sources"][:6])
            more = f" and {len(s['sources']) - 6} more" if len(s["sources"]) > 6 else ""
            lines.append(f"- {s['text']} ({counted(s['independent_outlets'], 'independent outlet')}; "
                         f"{counted(len(s['sources']), 'source')}: {sources}{more})")
        lines.append("")
    return "\n".join(lines)
