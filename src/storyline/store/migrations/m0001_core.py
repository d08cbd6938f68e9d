"""Articles (every version), their sentences, rejected inputs, inputs seen, runs, and the
per-article record of which pipeline stages are done; full-text search over titles and
sentences."""

SQL = [
    """CREATE TABLE runs (
        id {SERIAL_PK},
        command TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running',
        settings TEXT NOT NULL DEFAULT '{{}}',
        counts TEXT NOT NULL DEFAULT '{{}}'
    )""",
    """CREATE TABLE articles (
        seq {SERIAL_PK},
        id TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        url_key TEXT NOT NULL,
        outlet TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT NOT NULL,
        source TEXT NOT NULL,
        source_line {BIGINT} NOT NULL,
        format TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        flags TEXT NOT NULL DEFAULT '',
        version {BIGINT} NOT NULL DEFAULT 1,
        is_current {BIGINT} NOT NULL DEFAULT 1,
        n_sentences {BIGINT} NOT NULL,
        run_id {BIGINT},
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_url_key ON articles (url_key, version)",
    "CREATE INDEX articles_published ON articles (published)",
    "CREATE INDEX articles_outlet ON articles (outlet, published)",
    """CREATE TABLE sentences (
        sid {SERIAL_PK},
        article_id TEXT NOT NULL,
        idx {BIGINT} NOT NULL,
        line {BIGINT} NOT NULL,
        start_char {BIGINT} NOT NULL,
        end_char {BIGINT} NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'text'
    )""",
    "CREATE UNIQUE INDEX sentences_article ON sentences (article_id, idx)",
    """CREATE TABLE rejections (
        id {SERIAL_PK},
        source TEXT NOT NULL,
        line {BIGINT} NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        run_id {BIGINT},
        at TEXT NOT NULL,
        UNIQUE (source, line, code)
    )""",
    """CREATE TABLE inputs (
        name TEXT PRIMARY KEY,
        size {BIGINT} NOT NULL,
        mtime_ns {BIGINT} NOT NULL,
        articles {BIGINT} NOT NULL,
        rejected {BIGINT} NOT NULL,
        run_id {BIGINT},
        done_at TEXT NOT NULL
    )""",
    """CREATE TABLE article_stages (
        stage TEXT NOT NULL,
        seq {BIGINT} NOT NULL,
        PRIMARY KEY (stage, seq)
    )""",
]

# New rows are indexed in bulk by store.articles.save_articles (one INSERT ... SELECT per
# batch): an AFTER INSERT trigger per row cost 6x more (benchmarks/ingest_throughput.py).
# Deletes and text updates keep the index in step through triggers.
SQLITE = [
    """CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='sid',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER sentences_fts_ad AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.sid, old.text);
    END""",
    """CREATE TRIGGER sentences_fts_au AFTER UPDATE OF text ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.sid, old.text);
        INSERT INTO sentences_fts(rowid, text) VALUES (new.sid, new.text);
    END""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, content='articles', content_rowid='seq',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title) VALUES ('delete', old.seq, old.title);
    END""",
]

POSTGRES = [
    "ALTER TABLE sentences ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX sentences_tsv ON sentences USING GIN (tsv)",
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED",
    "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
]
