"""Indexes that let the two orders of the story listing read stories in order instead of
sorting all of them per call (64-79 ms over 12k stories before; benchmarks/web_load.py)."""

SQL = [
    "CREATE INDEX stories_rank ON stories (independent, articles, last_day, id)",
    "CREATE INDEX stories_recent ON stories (last_day, articles, id)",
]
