"""The clean stage: where each candidate furniture line was seen, the lines judged to be a
site's furniture, and social embeds with the account that posted them.

``furniture_sightings`` holds one row per sentence that neither a furniture pattern nor the
embed detector explained: its normalised line key, the outlet and the story (headline key)
it was seen in. A line is furniture of an outlet once it has been seen in
``clean.furniture_min_stories`` different stories there (``furniture``).
"""

SQL = [
    """CREATE TABLE furniture_sightings (
        article_id TEXT NOT NULL,
        idx {BIGINT} NOT NULL,
        outlet TEXT NOT NULL,
        line_key {BIGINT} NOT NULL,
        title_key {BIGINT} NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX furniture_sightings_line ON furniture_sightings (outlet, line_key, title_key)",
    """CREATE TABLE furniture (
        outlet TEXT NOT NULL,
        line_key {BIGINT} NOT NULL,
        stories {BIGINT} NOT NULL,
        PRIMARY KEY (outlet, line_key)
    )""",
    """CREATE TABLE embeds (
        article_id TEXT NOT NULL,
        idx {BIGINT} NOT NULL,
        platform TEXT NOT NULL,
        account TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        posted TEXT,
        mentions TEXT NOT NULL DEFAULT '',
        inferred {BIGINT} NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX embeds_account ON embeds (account)",
    """CREATE TABLE line_reasons (
        article_id TEXT NOT NULL,
        idx {BIGINT} NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
]
