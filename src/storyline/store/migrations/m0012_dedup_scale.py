"""Dedup lookups whose cost does not grow with the corpus.

- ``dedup_bands`` becomes one B-tree keyed by (key, seq) in SQLite (``WITHOUT ROWID``):
  it is only ever read by key, and the rowid table beside the index doubled what every
  commit wrote (benchmarks/noise_scale.py, BENCHMARKS.md "Noise").
- ``statement_sentences`` is indexed by (skey, statement, article_id), so the articles
  carrying a sentence are read at most ``dedup.max_bucket`` at a time (``LIMIT``), and a
  sentence's statement is found with one ``MIN``, however many articles carry it.
- ``syndication_members`` keeps each member's outlet, indexed with its group, so a
  group's outlet count is updated when a copy joins instead of recounted over the group.
"""

SQL = [
    "DROP INDEX statement_sentences_skey",
    "CREATE INDEX statement_sentences_skey ON statement_sentences (skey, statement, article_id)",
    "ALTER TABLE syndication_members ADD COLUMN outlet TEXT NOT NULL DEFAULT ''",
    """UPDATE syndication_members SET outlet = COALESCE(
        (SELECT d.outlet FROM dedup_signatures d WHERE d.article_id = syndication_members.article_id), '')""",
    "DROP INDEX syndication_members_group",
    "CREATE INDEX syndication_members_group ON syndication_members (group_id, outlet)",
]

SQLITE = [
    """CREATE TABLE dedup_bands_by_key (
        key INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (key, seq)
    ) WITHOUT ROWID""",
    "INSERT OR IGNORE INTO dedup_bands_by_key (key, seq) SELECT key, seq FROM dedup_bands",
    "DROP TABLE dedup_bands",
    "ALTER TABLE dedup_bands_by_key RENAME TO dedup_bands",
]

POSTGRES = [
    # PostgreSQL keeps the heap table; a unique index makes (key, seq) pairs unique as in SQLite.
    "DELETE FROM dedup_bands a USING dedup_bands b WHERE a.ctid > b.ctid AND a.key = b.key AND a.seq = b.seq",
    "DROP INDEX dedup_bands_key",
    "CREATE UNIQUE INDEX dedup_bands_key ON dedup_bands (key, seq)",
]
