"""Stories: one row per story (label, span, counts, key entities, outlets, coverage per day)
and the story each article belongs to."""

SQL = [
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        articles {BIGINT} NOT NULL,
        outlets {BIGINT} NOT NULL,
        independent {BIGINT} NOT NULL,
        entities TEXT NOT NULL DEFAULT '[]',
        outlet_list TEXT NOT NULL DEFAULT '[]',
        coverage TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX stories_days ON stories (last_day, first_day)",
    "CREATE INDEX stories_articles ON stories (articles)",
    """CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL
    )""",
    "CREATE INDEX story_members_story ON story_members (story_id)",
]
