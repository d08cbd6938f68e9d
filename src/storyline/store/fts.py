"""The search syntax users type, and its translation for each back-end.

The syntax is PostgreSQL's ``websearch_to_tsquery``, which people know from search engines:
words (all must match), ``"a phrase"``, ``or``/``OR`` between alternatives, ``-word`` to
exclude. Anything else (FTS5 operators, brackets, colons, stray quotes) is plain text, so no
query can be a syntax error on either back-end.

One parser (:func:`parse`) decides the structure for both back-ends, so the same query means
the same thing on SQLite and PostgreSQL. Words PostgreSQL's ``english`` configuration ignores
(its stop-word list, :data:`STOPWORDS`) are dropped here for both, except inside a phrase
with other words. What still differs comes from the indexes, not the query:

- stemming: FTS5's ``porter`` (Porter 1980) and PostgreSQL's ``english`` (Snowball
  "Porter2") agree on regular plurals and verb forms (elections/election,
  resigned/resigning/resign) and differ on some words (``news`` is ``new`` to Porter);
- accents: FTS5 folds them (``zurich`` finds ``Zürich``), PostgreSQL does not;
- PostgreSQL's parser keeps host names, file paths and signed numbers whole
  (``pic.twitter``, ``peso/dollar``, ``covid`` + ``-19``), reads dotted abbreviations by
  context (``U.S.``) and skips anything that looks like a tag (``<MTS Acquisition Corp>``);
  FTS5 splits at every character that is not a letter or digit;
- a phrase's stop words: FTS5 needs them exactly, PostgreSQL only keeps their positions
  (``"bank of england"`` also finds "bank in england").

On 5,000 wire stories (benchmarks/store_backends.py) nine of ten test queries found the
same sentences on both back-ends or nearly (Jaccard 0.985-1.0); ``news`` did not (0.12:
Porter reads it as ``new``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import UsageError

# PostgreSQL's english stop words (share/tsearch_data/english.stop, the Snowball list, 127
# words): PostgreSQL drops them from every query, so the parser drops them for SQLite too.
STOPWORDS = frozenset("""
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that
these those am is are was were be been being have has had having do does did doing a an the
and but if or because as until while of at by for with about against between into through
during before after above below to from up down in out on off over under again further then
once here there when where why how all any both each few more most other some such no nor not
only own same so than too very s t can will just don should now
""".split())

# A phrase in quotes (closed or not), or a run of non-space characters.
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
# FTS5's unicode61 tokenizer splits at everything but letters and digits (underscore too).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Characters no database string may carry: NUL, other controls, lone surrogates.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff\"]")


@dataclass(frozen=True)
class Term:
    """One thing to look for: a word or a phrase, maybe excluded.

    ``words`` are the letters-and-digits runs (what FTS5 indexes); ``text`` is the term as
    typed, without quotes, for PostgreSQL's own parser (so it splits the query as it split
    the text it indexed).
    """

    negated: bool
    words: tuple[str, ...]
    text: str


def _without_edge_stopwords(words: list[str]) -> tuple[str, ...]:
    """Stop words at either end of a term constrain nothing in PostgreSQL; drop them for FTS5.
    Those inside a phrase stay (FTS5 matches them exactly, PostgreSQL keeps their place)."""
    start, end = 0, len(words)
    while start < end and words[start].lower() in STOPWORDS:
        start += 1
    while end > start and words[end - 1].lower() in STOPWORDS:
        end -= 1
    return tuple(words[start:end])


def parse(query: str, max_terms: int = 32) -> list[list[Term]]:
    """Parse into OR-groups of terms; every group has at least one term to match.

    Raises :class:`UsageError` when nothing is left to look for, or when the query has more
    than ``max_terms`` terms.
    """
    groups: list[list[Term]] = [[]]
    for token in _TOKEN.findall(query or ""):
        if token.upper() == "OR":
            if groups[-1]:
                groups.append([])
            continue
        negated = token.startswith("-") and len(token) > 1
        if negated:
            token = token[1:]
        words = _without_edge_stopwords(_WORD.findall(token))
        if words:
            groups[-1].append(Term(negated, words, _UNSAFE.sub(" ", token).strip()))
    groups = [g for g in groups if any(not t.negated for t in g)]
    if not groups:
        raise UsageError(
            f"the search {query[:200]!r} has no words to look for (very common words such as "
            "'the' or 'of' are ignored)"
        )
    n_terms = sum(len(g) for g in groups)
    if n_terms > max_terms:
        raise UsageError(f"the search has {n_terms} words or phrases; at most {max_terms} are allowed")
    return groups


def fts5_query(query: str, max_terms: int = 32) -> str:
    """Translate to an FTS5 MATCH expression."""
    alternatives = []
    for group in parse(query, max_terms):
        positive = [f'"{" ".join(t.words)}"' for t in group if not t.negated]
        expr = " AND ".join(positive)
        for term in group:
            if term.negated:
                expr = f'({expr}) NOT "{" ".join(term.words)}"'
        alternatives.append(f"({expr})")
    return " OR ".join(alternatives)


def websearch_query(query: str, max_terms: int = 32) -> str:
    """Translate to a ``websearch_to_tsquery`` string with the structure :func:`parse` found:
    every term quoted (so PostgreSQL reads no operators of its own inside it)."""
    alternatives = []
    for group in parse(query, max_terms):
        alternatives.append(" ".join(f'{"-" if t.negated else ""}"{t.text}"' for t in group))
    return " OR ".join(alternatives)
