"""Stock titles: one headline a site puts on pages of different stories.

Crawlers take a page's ``<title>`` or its first line for the headline, and some sites put the
same line on many pages: a related story's headline at the top of the page, an edition
selector, a section's name. Two stages read headlines as the story a page tells:

- the clean stage counts a line's distinct stories on a site by headline (a line carried by
  several copies of one story is that story's text, not furniture), so under a stock title a
  site's sidebar recurs in "one story" and is never found to be furniture;
- the stories stage weighs title words and labels a story by its most central headline, so
  unrelated pages under one stock title looked alike and a story could be named by a
  sidebar's headline.

The pages of one site under one headline are grouped into stories: two pages tell the same
story when they share at least ``clean.stock_title_overlap`` of the smaller page's own lines,
and so do pages linked through others (a live page's versions). A page's own lines leave out
those on more than half of the headline's pages, which a sidebar puts on all of them (unless
those lines are half of a typical page: then they are one story's copies). The
headline is **stock** when its pages tell at least ``clean.furniture_min_stories`` stories;
then each group counts as its own story (``stock_pages``) and the stories stage reads no
title for its pages. The groups are a function of the pages, not of the order they came in;
a headline is judged again whenever it gains or loses pages. A store made before stock titles
has its headlines queued by migration m0014 and judged when the clean stage next runs
(:func:`storyline.boilerplate.judge_pending_titles`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from .shingles import key64
from .store import Store

# How boilerplate._refresh counts a line's distinct stories on a site: by headline, except
# that a page under a stock title counts as its group's story.
STORY_COUNT_SQL = "COUNT(DISTINCT COALESCE(sp.story, f.title_key))"
STORY_JOIN = "LEFT JOIN stock_pages sp ON sp.article_id = f.article_id"
# Pages of one headline judged at most; a larger stock title keeps its groups and a new page
# under it counts as a story of its own (judging is quadratic in the worst case).
MAX_PAGES = 2000


def stories_of(pages: Mapping[str, set[int]], overlap: float) -> dict[str, str]:
    """``article id -> the smallest article id of its story`` for pages under one headline
    (``article id -> its line keys``): linked when they share at least ``overlap`` of the
    smaller page's own lines (lines on more than half of the pages are nobody's own, unless they are half of a
    page: then the pages are copies of one story, not stories beside one sidebar)."""
    seen = Counter(line for lines in pages.values() for line in lines)
    common = {line for line, n in seen.items() if n > len(pages) / 2}
    sizes = sorted(len(lines) for lines in pages.values())
    if 2 * len(common) >= sizes[len(sizes) // 2]:
        common = set()  # most of a page: copies of one story, not a sidebar beside stories
    own = {a: lines - common for a, lines in pages.items()}
    shared: Counter[tuple[str, str]] = Counter()
    holders: dict[int, list[str]] = defaultdict(list)
    for a in sorted(own):
        for line in own[a]:
            holders[line].append(a)
    for group in holders.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                shared[a, b] += 1
    parent = {a: a for a in pages}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for (a, b), n in shared.items():
        if n >= overlap * min(len(own[a]), len(own[b])):
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {a: root(a) for a in pages}


def judge(
    store: Store, titles: Mapping[str, set[int]], min_stories: int, overlap: float
) -> dict[str, set[int]]:
    """Judge the (outlet -> title keys) whose pages changed, record the verdicts and the
    pages' stories, and return the line keys (outlet -> keys) whose story counts may have
    changed: every line of a headline whose verdict or grouping changed."""
    changed: dict[str, set[int]] = defaultdict(set)
    for outlet in sorted(titles):
        keys = sorted(titles[outlet])
        counts: dict[int, int] = {}
        stock: set[int] = set()
        for marks, chunk in store.in_chunks(keys):
            counts.update(store.rows(
                "SELECT title_key, COUNT(DISTINCT article_id) FROM furniture_sightings "
                f"WHERE outlet = ? AND title_key IN ({marks}) GROUP BY title_key", [outlet, *chunk]))
            stock.update(r[0] for r in store.rows(
                f"SELECT title_key FROM stock_titles WHERE outlet = ? AND title_key IN ({marks})", [outlet, *chunk]))
        for key in keys:
            n = counts.get(key, 0)  # 0: a headline that lost all its pages
            if n < min_stories and key not in stock:
                continue  # never stock, and cannot be: nothing to record
            if _judge_title(store, outlet, key, n, min_stories, overlap):
                changed[outlet].update(_lines(store, outlet, key))
    return changed


def _judge_title(store: Store, outlet: str, key: int, n: int, min_stories: int, overlap: float) -> bool:
    """Record one headline's verdict and its pages' stories; whether anything changed."""
    before = dict(store.rows(
        "SELECT article_id, story FROM stock_pages WHERE outlet = ? AND title_key = ?", (outlet, key)))
    pages: dict[str, set[int]] = defaultdict(set)
    for article_id, line in store.rows(
        "SELECT article_id, line_key FROM furniture_sightings WHERE outlet = ? AND title_key = ?", (outlet, key)
    ):
        pages[article_id].add(line)
    if n > MAX_PAGES and before:
        after = {a: before.get(a, key64("page:" + a)) for a in pages}
    else:
        groups = stories_of(pages, overlap) if n >= min_stories else {}
        stock = len(set(groups.values())) >= min_stories
        after = {a: key64("story:" + g) for a, g in groups.items()} if stock else {}
    if after == before:
        return False
    store.execute("DELETE FROM stock_pages WHERE outlet = ? AND title_key = ?", (outlet, key))
    store.execute("DELETE FROM stock_titles WHERE outlet = ? AND title_key = ?", (outlet, key))
    if after:
        store.execute("INSERT INTO stock_titles (outlet, title_key) VALUES (?, ?)", (outlet, key))
        store.executemany("INSERT INTO stock_pages (article_id, outlet, title_key, story) VALUES (?,?,?,?)",
                          [(a, outlet, key, story) for a, story in sorted(after.items())])
    return True


def _lines(store: Store, outlet: str, key: int) -> set[int]:
    return {r[0] for r in store.rows(
        "SELECT DISTINCT line_key FROM furniture_sightings WHERE outlet = ? AND title_key = ?", (outlet, key))}


def stock_articles(store: Store, articles: Iterable[tuple[str, str, int]]) -> set[str]:
    """Ids of the ``(article_id, outlet, title_key)`` whose title is stock on their site."""
    wanted: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for article_id, outlet, key in articles:
        wanted[outlet][key].append(article_id)
    out: set[str] = set()
    for outlet, by_key in wanted.items():
        for marks, chunk in store.in_chunks(sorted(by_key)):
            for (key,) in store.rows(
                f"SELECT title_key FROM stock_titles WHERE outlet = ? AND title_key IN ({marks})", [outlet, *chunk]
            ):
                out.update(by_key[key])
    return out
