"""Speaker names within one article: the fullest form of a name, and pronoun speakers.

``Ms Lindqvist`` becomes ``Petra Lindqvist`` when the article names her in full; titles
and honorifics go, and so does a possessive ``'s`` (or the bare ``s`` left where crawls
stripped the apostrophe: ``Clintons`` -> ``Clinton`` when the article knows ``Clinton``).

A pronoun speaker (he, she) is resolved only in reading order and only when exactly one
named person compatible with it is mentioned nearby (the same sentence before the pronoun
or the few sentences before); gender is known only from honorifics (Mr, Ms...) and from
the article's own he/she attributions of that person, never guessed from the first name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

# Titles and honorifics dropped from names (lower-case, without the full stop).
TITLES: frozenset[str] = frozenset("""
mr mrs ms miss mx dr prof professor president vice sen senator rep representative
congressman congresswoman gov governor lt col gen adm capt sgt maj cmdr secretary
atty judge justice rev reverend fr sir dame lord lady hon mayor chairman chairwoman speaker
ambassador former nominee presidentelect sheriff commissioner
""".split())
MALE_TITLES = frozenset({"mr", "sir", "lord", "congressman"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "congresswoman"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

_TOKEN = re.compile(r"[^\W_][\w.\-\u2019']*", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$", re.IGNORECASE)


def name_tokens(text: str) -> list[str]:
    """Tokens of a name as written, without titles, full stops and possessives."""
    out = []
    for tok in _TOKEN.findall(text):
        tok = _POSSESSIVE.sub(lambda m: "s" if m.group(0).lower().startswith("s") else "", tok)
        bare = tok.rstrip(".")
        if not out and bare.lower().replace(".", "") in TITLES:
            continue  # leading titles only: "Vice President Joe Biden" -> "Joe Biden"
        if bare:
            out.append(bare)
    return out


class NameIndex:
    """The person and organisation names of one article, for fullest-form lookup."""

    def __init__(self) -> None:
        self.forms: Counter[tuple[str, ...]] = Counter()
        self.by_last: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        self.words: set[str] = set()
        self.gender: dict[tuple[str, ...], str] = {}

    def add(self, text: str) -> None:
        """Record one name mention (as written)."""
        raw = [t.rstrip(".").lower() for t in _TOKEN.findall(text)]
        toks = tuple(name_tokens(text))
        if not toks or len(toks) > 6:  # longer "names" are mis-tagged phrases
            return
        self.forms[toks] += 1
        self.by_last[toks[-1].lower()].add(toks)
        self.words.update(t.lower() for t in toks)
        if raw and raw[0] in MALE_TITLES:
            self.gender.setdefault(toks, "m")
        elif raw and raw[0] in FEMALE_TITLES:
            self.gender.setdefault(toks, "f")

    def _strip_possessive(self, toks: list[str]) -> list[str]:
        last = toks[-1]
        if len(last) > 2 and last[-1] in "sS" and last.lower() not in self.by_last \
                and last[:-1].lower() in self.by_last:
            return [*toks[:-1], last[:-1]]
        return toks

    def full(self, text: str) -> str:
        """The fullest form of ``text`` in this article (titles and possessives removed);
        the name as written, cleaned, when it is not unique."""
        toks = name_tokens(text)
        if not toks:
            return ""
        toks = self._strip_possessive(toks)
        key = tuple(toks)
        low = [t.lower() for t in toks]
        candidates = {
            f for f in self.by_last.get(low[-1], ())
            if len(f) > len(toks) and [t.lower() for t in f[len(f) - len(toks):]] == low
        }
        if len(candidates) > 1:
            # keep only the longest forms that extend each other ("Donald Trump" and
            # "Donald J. Trump" are one person; "Eric Trump" is another)
            firsts = {f[0].lower() for f in candidates}
            if len(firsts) == 1:
                candidates = {max(candidates, key=lambda f: (len(f), self.forms[f]))}
        if len(candidates) == 1:
            key = next(iter(candidates))
        return " ".join(key)

    def gender_of(self, name: str) -> str:
        """'m', 'f' or '' from honorifics seen with any form of the name."""
        toks = tuple(name.split())
        found = {g for f, g in self.gender.items() if f[-1].lower() == toks[-1].lower()}
        return found.pop() if len(found) == 1 else ""

    def note_gender(self, name: str, pronoun: str) -> None:
        """Record that the article refers to ``name`` with ``pronoun`` (``he said``)."""
        g = PRONOUN_GENDER.get(pronoun.lower())
        if g:
            self.gender.setdefault(tuple(name.split()), g)


def resolve_pronoun(
    pronoun: str,
    mentions: Sequence[Sequence[str]],
    index: NameIndex,
) -> str:
    """The one compatible person among ``mentions`` (full names, nearest sentence first),
    or "unknown". Only he/she (and their object/possessive forms) are resolved."""
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    if wanted is None:
        return "unknown"
    people: list[str] = []
    for sentence in mentions:
        for name in sentence:
            if name not in people:
                people.append(name)
    compatible = [p for p in people if index.gender_of(p) in ("", wanted)]
    if len(compatible) == 1:
        return compatible[0]
    return "unknown"
