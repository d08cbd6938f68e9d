"""Stock titles: a headline a site puts on pages of different stories (a related story's
headline, an edition selector taken for the title by a crawler). ``stock_pages`` gives each
page under a stock title the story the clean stage counts it as (``stock_titles.py``)."""

SQL = [
    """CREATE TABLE stock_titles (
        outlet TEXT NOT NULL,
        title_key {BIGINT} NOT NULL,
        PRIMARY KEY (outlet, title_key)
    )""",
    """CREATE TABLE stock_pages (
        article_id TEXT PRIMARY KEY,
        outlet TEXT NOT NULL,
        title_key {BIGINT} NOT NULL,
        story {BIGINT} NOT NULL
    )""",
    "CREATE INDEX stock_pages_title ON stock_pages (outlet, title_key)",
    "CREATE INDEX furniture_sightings_title ON furniture_sightings (outlet, title_key)",
]
