"""Feeds being watched and every item seen in them, so a restarted watcher fetches nothing
twice and loses nothing."""

SQL = [
    """CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        etag TEXT,
        last_modified TEXT,
        last_polled TEXT,
        last_status TEXT,
        error TEXT
    )""",
    """CREATE TABLE feed_items (
        feed_url TEXT NOT NULL,
        key TEXT NOT NULL,
        link TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        attempts {BIGINT} NOT NULL DEFAULT 0,
        article_id TEXT,
        error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, key)
    )""",
    "CREATE INDEX feed_items_link ON feed_items (link)",
]
