"""The search syntax users type, and its translation for each back-end.

The syntax is PostgreSQL's ``websearch_to_tsquery``, which people know from search engines:
words (all must match), ``"a phrase"``, ``or``/``OR`` between alternatives, ``-word`` to
exclude. Anything else (FTS5 operators, brackets, colons, stray quotes) is plain text, so no
query can be a syntax error on either back-end.

One parser (:func:`parse`) decides the structure for both back-ends, and both indexes split
and stem text alike (FTS5 ``porter unicode61``; PostgreSQL the ``storyline`` configuration of
migration m0009: text split at every character that is not a letter or digit, Snowball's
``porter`` stemmer), so the same query finds the same rows on SQLite and PostgreSQL: plural
and verb forms (elections/election, resigned/resigning/resign), exact phrases, OR, exclusion.
Very common words (:data:`STOPWORDS`) are ignored as search terms on both, except inside a
phrase. A word typed with an apostrophe is looked for as crawls write it and as written
(``"Gaddafi's forces"`` finds the stripped ``Gaddafis forces`` too). What still differs:

- accents: FTS5 folds them (``zurich`` finds ``Zürich``), PostgreSQL does not;
- a few characters Python counts as digits and PostgreSQL does not (``½``);
- PostgreSQL lower-cases and splits non-ASCII text by its database locale: create the
  database with a UTF-8 locale (``C.UTF-8``), not ``C``.

On 5,000 wire stories, 70 queries (benchmarks/store_backends.py) matched the same sentences
on both back-ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import UsageError

# The Snowball English stop-word list (127 words; PostgreSQL's share/tsearch_data/english.stop):
# as search terms they match nearly everything, so a search ignores them, as search engines do.
STOPWORDS = frozenset("""
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that
these those am is are was were be been being have has had having do does did doing a an the
and but if or because as until while of at by for with about against between into through
during before after above below to from up down in out on off over under again further then
once here there when where why how all any both each few more most other some such no nor not
only own same so than too very s t can will just don should now
""".split())

# An apostrophe inside a word ("don't", "Gaddafi's"): crawls strip it ("dont", "Gaddafis"),
# other sources keep it, which both indexes split into two words ("don t").
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])['\u2019](?=[^\W_])")
# A query's words with apostrophes are looked for both ways; beyond this many such terms, only
# as crawls write them (each doubles the alternatives).
MAX_APOSTROPHE_TERMS = 3
# A phrase in quotes (closed or not), or a run of non-space characters.
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
# FTS5's unicode61 tokenizer splits at everything but letters and digits (underscore too).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """One thing to look for: a word, or a phrase of several, maybe excluded. ``words`` are
    the runs of letters and digits, as both indexes split text."""

    negated: bool
    words: tuple[str, ...]


def _without_edge_stopwords(words: list[str]) -> tuple[str, ...]:
    """Stop words at either end of a term are ignored; those inside a phrase must match."""
    start, end = 0, len(words)
    while start < end and words[start].lower() in STOPWORDS:
        start += 1
    while end > start and words[end - 1].lower() in STOPWORDS:
        end -= 1
    return tuple(words[start:end])


def parse(query: str, max_terms: int = 32) -> list[list[Term]]:
    """Parse into OR-groups of terms; every group has at least one term to match.

    A word with an apostrophe is looked for as a crawl writes it and as the text keeps it
    (``don't``: ``dont`` or ``don t``; a group with such a term becomes two groups, an
    excluded one excludes both). Raises :class:`UsageError` when nothing is left to look
    for, or when the query has more than ``max_terms`` terms.
    """
    groups: list[list[Term]] = [[]]
    forks: list[list[list[tuple[str, ...]]]] = [[]]  # per group: each apostrophe term's readings
    for token in _TOKEN.findall(query or ""):
        if token.upper() == "OR":
            if groups[-1] or forks[-1]:
                groups.append([])
                forks.append([])
            continue
        negated = token.startswith("-") and len(token) > 1
        if negated:
            token = token[1:]
        readings = [_without_edge_stopwords(_WORD.findall(t)) for t in _readings(token, len(forks[-1]))]
        readings = list(dict.fromkeys(r for i, r in enumerate(readings) if r and (i == 0 or _worded(r))))
        if negated:
            groups[-1].extend(Term(True, words) for words in readings)
        elif len(readings) == 1:
            groups[-1].append(Term(False, readings[0]))
        elif readings:
            forks[-1].append(readings)
    n_terms = sum(len(g) + len(f) for g, f in zip(groups, forks) if f or any(not t.negated for t in g))
    groups = [g + [Term(False, w) for w in choice] for g, fork in zip(groups, forks) for choice in _choices(fork)]
    groups = [g for g in groups if any(not t.negated for t in g)]
    if not groups:
        raise UsageError(
            f"the search {query[:200]!r} has no words to look for (very common words such as "
            "'the' or 'of' are ignored)"
        )
    if n_terms > max_terms:
        raise UsageError(f"the search has {n_terms} words or phrases; at most {max_terms} are allowed")
    return groups


def _readings(token: str, forked: int) -> list[str]:
    """``token`` as a crawl writes it (apostrophes inside words dropped) and as written, or
    only the first when the group already has MAX_APOSTROPHE_TERMS such terms."""
    bare = _INNER_APOSTROPHE.sub("", token)
    if bare == token:
        return [token]
    return [bare] if forked >= MAX_APOSTROPHE_TERMS else [bare, token]


def _worded(words: tuple[str, ...]) -> bool:
    """Whether a reading as written still has a word of three letters or more: "I'm" split is
    "m" once "I" is left out as a stop word, a contraction's tail that finds any "m"."""
    return any(len(w) >= 3 for w in words)


def _choices(fork: list[list[tuple[str, ...]]]) -> list[list[tuple[str, ...]]]:
    """One reading of each forked term, every combination (one empty choice when none)."""
    out: list[list[tuple[str, ...]]] = [[]]
    for readings in fork:
        out = [done + [r] for done in out for r in readings]
    return out


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
    each term its words in quotes, so PostgreSQL reads no operators of its own."""
    alternatives = []
    for group in parse(query, max_terms):
        alternatives.append(" ".join(f'{"-" if t.negated else ""}"{" ".join(t.words)}"' for t in group))
    return " OR ".join(alternatives)
