"""What enrich finds: entity mentions and canonical entities, normalised dates, quotes with
speakers, PLOVER events; and the persisted state of incremental resolvers. Spans are
stored as sentence index + character offsets into the sentence as written."""

SQL = [
    """CREATE TABLE mentions (
        article_id TEXT NOT NULL,
        sentence_idx {BIGINT} NOT NULL,
        start_char {BIGINT} NOT NULL,
        end_char {BIGINT} NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        entity_id TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX mentions_article ON mentions (article_id, sentence_idx)",
    "CREATE INDEX mentions_entity ON mentions (entity_id)",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        variants TEXT NOT NULL DEFAULT '[]',
        mentions {BIGINT} NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX entities_name ON entities (name)",
    """CREATE TABLE timexes (
        article_id TEXT NOT NULL,
        sentence_idx {BIGINT} NOT NULL,
        start_char {BIGINT} NOT NULL,
        end_char {BIGINT} NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        granularity TEXT NOT NULL,
        first_day TEXT,
        last_day TEXT
    )""",
    "CREATE INDEX timexes_article ON timexes (article_id, sentence_idx)",
    "CREATE INDEX timexes_day ON timexes (first_day)",
    """CREATE TABLE quotes (
        id {SERIAL_PK},
        article_id TEXT NOT NULL,
        sentence_idx {BIGINT} NOT NULL,
        content TEXT NOT NULL,
        text TEXT NOT NULL,
        cue TEXT,
        speaker TEXT,
        speaker_name TEXT NOT NULL,
        speaker_entity TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL,
        recovered_from TEXT
    )""",
    "CREATE INDEX quotes_article ON quotes (article_id, sentence_idx)",
    "CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity)",
    """CREATE TABLE events (
        id {SERIAL_PK},
        article_id TEXT NOT NULL,
        sentence_idx {BIGINT} NOT NULL,
        type TEXT NOT NULL,
        mode TEXT NOT NULL,
        actor TEXT,
        target TEXT,
        trigger_span TEXT,
        actor_entity TEXT NOT NULL DEFAULT '',
        target_entity TEXT NOT NULL DEFAULT '',
        actor_text TEXT NOT NULL DEFAULT '',
        target_text TEXT NOT NULL DEFAULT '',
        date TEXT,
        date_source TEXT NOT NULL,
        negated {BIGINT} NOT NULL DEFAULT 0,
        hedged {BIGINT} NOT NULL DEFAULT 0,
        score {REAL} NOT NULL DEFAULT 0,
        quad TEXT NOT NULL DEFAULT '',
        event_key TEXT NOT NULL
    )""",
    "CREATE INDEX events_article ON events (article_id, sentence_idx)",
    "CREATE INDEX events_key ON events (event_key)",
    "CREATE INDEX events_actor ON events (actor_entity, date)",
    "CREATE INDEX events_target ON events (target_entity, date)",
    "CREATE INDEX events_date ON events (date)",
    """CREATE TABLE stage_errors (
        stage TEXT NOT NULL,
        article_id TEXT NOT NULL,
        error TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (stage, article_id)
    )""",
    """CREATE TABLE stage_state (
        name TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
]
