"""Closed stories out of the story clusterer's state (``storyline.story_store.StoreArchive``).

``story_archive``: one row per closed story, its clusterer state as JSON, read back only
when a late syndicated copy joins it. ``story_groups``: the story each syndication group
first joined, for groups whose story has closed. A store made before this migration keeps
every story in its ``stage_state`` row until the next stories batch moves the closed ones
here.
"""

SQL = [
    """CREATE TABLE story_archive (
        seq {BIGINT} PRIMARY KEY,
        story_id TEXT NOT NULL,
        state TEXT NOT NULL
    )""",
    "CREATE INDEX story_archive_id ON story_archive (story_id)",
    """CREATE TABLE story_groups (
        group_id TEXT PRIMARY KEY,
        seq {BIGINT} NOT NULL
    )""",
]
