"""PostgreSQL full-text search that finds what SQLite's FTS5 finds.

m0001 indexed titles and sentences with PostgreSQL's ``english`` configuration; FTS5 uses
``porter unicode61``. They disagreed on a third of searches (24 of 70 queries on 5,000 wire
stories in a one-off comparison, BENCHMARKS.md "Store back-ends"): Snowball's Porter2 stems
differently from Porter (``news``), ``english`` drops stop words inside phrases, and
PostgreSQL's parser keeps host names, paths and signed numbers whole and skips anything
shaped like a tag. Here the text is split as unicode61 splits it (every run of characters
that are not letters or digits becomes a space) and stemmed with Snowball's ``porter``
stemmer, the algorithm FTS5's tokenizer implements, with no stop words: the same 70 queries
then match the same sentences (benchmarks/store_backends.py). What still differs (accents)
is listed in storyline.store.fts.
"""

POSTGRES = [
    "CREATE TEXT SEARCH DICTIONARY storyline_porter (TEMPLATE = snowball, LANGUAGE = porter)",
    "CREATE TEXT SEARCH CONFIGURATION storyline (COPY = simple)",
    # After the split only these word tokens remain (numbers keep ``simple``, as in FTS5).
    "ALTER TEXT SEARCH CONFIGURATION storyline ALTER MAPPING FOR asciiword, word, numword WITH storyline_porter",
    "ALTER TABLE sentences DROP COLUMN tsv",
    """ALTER TABLE sentences ADD COLUMN tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('storyline', regexp_replace(text, '[^[:alnum:]]+', ' ', 'g'))) STORED""",
    "CREATE INDEX sentences_tsv ON sentences USING GIN (tsv)",
    "ALTER TABLE articles DROP COLUMN tsv",
    """ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('storyline', regexp_replace(title, '[^[:alnum:]]+', ' ', 'g'))) STORED""",
    "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
]
