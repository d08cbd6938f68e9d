"""The entity resolver's clusters and indexes as rows, read on demand, instead of one JSON
state held whole in memory (``storyline.canonical_index``).

``name_index``: one row per entry of each of the resolver's maps (``kind``: clusters,
redirects, keys, by_key, surnames, ...), the key and the value as JSON. ``name_groups``:
which stories (syndication groups) each entity has been seen in. A store enriched before
this migration keeps its JSON state in ``stage_state`` until the next enrich moves it here.
"""

SQL = [
    """CREATE TABLE name_index (
        kind TEXT NOT NULL,
        k TEXT NOT NULL,
        v TEXT NOT NULL,
        PRIMARY KEY (kind, k)
    )""",
    """CREATE TABLE name_groups (
        entity TEXT NOT NULL,
        grp TEXT NOT NULL,
        PRIMARY KEY (entity, grp)
    )""",
]
