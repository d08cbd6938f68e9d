"""The dedup stage: MinHash signatures, LSH band keys, copy links, syndication groups, and
repeated statements.

LSH buckets live in an indexed table (``dedup_bands``), so a new article finds its
candidates with indexed lookups whose cost does not grow with the corpus. Groups are the
connected components of ``syndication_links``; ``syndication_members`` maps each article of
a group of two or more to the group id (the smallest member id, so the same corpus gives the
same ids in any ingest order).

A statement is a set of text sentences that are identical after normalisation, or
near-identical in two linked copies; its id is the smallest sentence key in the set.
``statements`` holds the counts of statements carried by two or more articles.
"""

SQL = [
    """CREATE TABLE dedup_signatures (
        seq {BIGINT} PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        outlet TEXT NOT NULL,
        published TEXT NOT NULL,
        n_sentences {BIGINT} NOT NULL,
        n_chars {BIGINT} NOT NULL,
        n_shingles {BIGINT} NOT NULL,
        signature {BLOB}
    )""",
    """CREATE TABLE dedup_bands (
        key {BIGINT} NOT NULL,
        seq {BIGINT} NOT NULL
    )""",
    "CREATE INDEX dedup_bands_key ON dedup_bands (key, seq)",
    """CREATE TABLE syndication_links (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        jaccard {REAL} NOT NULL,
        containment {REAL} NOT NULL,
        PRIMARY KEY (a, b)
    )""",
    "CREATE INDEX syndication_links_b ON syndication_links (b)",
    """CREATE TABLE syndication_members (
        article_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL
    )""",
    "CREATE INDEX syndication_members_group ON syndication_members (group_id)",
    """CREATE TABLE syndication_groups (
        id TEXT PRIMARY KEY,
        canonical TEXT NOT NULL,
        size {BIGINT} NOT NULL,
        outlets {BIGINT} NOT NULL,
        first_published TEXT NOT NULL
    )""",
    "CREATE INDEX syndication_groups_size ON syndication_groups (size)",
    """CREATE TABLE statement_sentences (
        article_id TEXT NOT NULL,
        idx {BIGINT} NOT NULL,
        skey {BIGINT} NOT NULL,
        statement {BIGINT} NOT NULL,
        outlet TEXT NOT NULL,
        published TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX statement_sentences_skey ON statement_sentences (skey)",
    "CREATE INDEX statement_sentences_statement ON statement_sentences (statement)",
    """CREATE TABLE statement_fuzzy (
        a_article TEXT NOT NULL,
        a_idx {BIGINT} NOT NULL,
        b_article TEXT NOT NULL,
        b_idx {BIGINT} NOT NULL,
        PRIMARY KEY (a_article, a_idx, b_article, b_idx)
    )""",
    "CREATE INDEX statement_fuzzy_b ON statement_fuzzy (b_article)",
    """CREATE TABLE statements (
        id {BIGINT} PRIMARY KEY,
        first_article TEXT NOT NULL,
        first_idx {BIGINT} NOT NULL,
        first_seen TEXT NOT NULL,
        articles {BIGINT} NOT NULL,
        outlets {BIGINT} NOT NULL,
        independent {BIGINT} NOT NULL
    )""",
    "CREATE INDEX statements_independent ON statements (independent)",
]
