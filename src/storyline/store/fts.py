"""The search syntax users type, and its translation for each back-end.

The syntax is PostgreSQL's ``websearch_to_tsquery``, which people know from search engines:
words (all must match), ``"a phrase"``, ``OR`` between alternatives, ``-word`` to exclude.
Anything else (FTS5 operators, brackets, colons) is treated as plain text, so no query can
be a syntax error.
"""

from __future__ import annotations

import re

from ..errors import UsageError

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+", re.UNICODE)


def parse(query: str) -> list[list[tuple[bool, list[str]]]]:
    """Parse into OR-groups of (negated, words-of-a-phrase) terms."""
    groups: list[list[tuple[bool, list[str]]]] = [[]]
    for token in _TOKEN.findall(query):
        if token == "OR":
            if groups[-1]:
                groups.append([])
            continue
        negated = token.startswith("-") and len(token) > 1
        if negated:
            token = token[1:]
        words = _WORD.findall(token)
        if words:
            groups[-1].append((negated, words))
    groups = [g for g in groups if any(not neg for neg, _ in g)]
    if not groups:
        raise UsageError(f"the search {query!r} has no words to look for")
    return groups


def fts5_query(query: str) -> str:
    """Translate to an FTS5 MATCH expression."""
    alternatives = []
    for group in parse(query):
        positive = [f'"{" ".join(words)}"' if len(words) > 1 else f'"{words[0]}"' for neg, words in group if not neg]
        negative = [f'"{" ".join(words)}"' for neg, words in group if neg]
        expr = " AND ".join(positive)
        for term in negative:
            expr = f"({expr}) NOT {term}"
        alternatives.append(f"({expr})")
    return " OR ".join(alternatives)
