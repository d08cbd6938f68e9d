"""Stock titles for stores made before them (m0013): every headline with pages enough to be
stock is queued in ``stock_titles_pending``, and the clean stage judges the queue before its
next batch (``boilerplate.judge_pending_titles``). Without it an old store judged a headline
only when a new page under it arrived, so its old sidebars stayed text. A new store has no
sightings yet: nothing is queued."""

SQL = [
    """CREATE TABLE stock_titles_pending (
        outlet TEXT NOT NULL,
        title_key {BIGINT} NOT NULL,
        PRIMARY KEY (outlet, title_key)
    )""",
    # Two pages at least: `clean.furniture_min_stories` is a setting, and judging a headline
    # below it is a cheap no-op.
    """INSERT INTO stock_titles_pending (outlet, title_key)
        SELECT outlet, title_key FROM furniture_sightings
        GROUP BY outlet, title_key HAVING COUNT(DISTINCT article_id) >= 2""",
]
