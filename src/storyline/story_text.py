"""Words, document frequencies and sparse TF-IDF vectors for story clustering and summaries.

Pure Python on purpose: the clusterer is online (one article at a time), so it keeps its own
incremental document frequencies instead of refitting a vectoriser on the whole corpus.
Vectors are plain ``dict[str, float]``; an article has a few hundred distinct terms at most.

Tokens are robust to crawl damage: apostrophes are dropped inside words (``don't`` and the
stripped ``dont`` give the same token), a possessive ``'s`` is dropped and plural ``s`` is
stripped by a light stemmer, so ``Bidens`` (a stripped ``Biden's``) matches ``Biden``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

# Words that say nothing about which event an article is about. Hand-written: English
# function words, their apostrophe-stripped forms (real crawls strip apostrophes), and
# reporting verbs that every news story uses.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can cannot could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    dont cant wont isnt arent wasnt werent didnt doesnt hasnt havent hadnt couldnt shouldnt
    wouldnt im ive id youre youve theyre theyve weve thats whats theres lets hes shes
    said says say saying told tell according mr mrs ms dr one two new may might must
    per via yet still even much many get got make made like just year years day days
    week weeks time times last first since around amid back
    """.split()
)

_APOSTROPHES = "'\u2019\u2018\u02bc`"
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s\b", re.IGNORECASE)
_APOSTROPHE = re.compile(r"[" + _APOSTROPHES + r"]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Longest token kept: longer "words" are URLs, hashes and glued social-media handles.
# 30 characters covers long English compounds and place names with room to spare.
_MAX_TOKEN_CHARS = 30


def stem(word: str) -> str:
    """A light plural stemmer: ``earthquakes`` -> ``earthquake``, ``cities`` -> ``city``.

    Deliberately weak (no suffixes beyond plurals): it must merge a stripped possessive
    (``Bidens``) with the name, and never merge two different words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Content tokens of ``text``: lower-cased, stemmed, without stopwords or 1-letter words."""
    if not text:
        return []
    text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text.lower()))
    out = []
    for word in _WORD.findall(text):
        if len(word) < 2 or len(word) > _MAX_TOKEN_CHARS or word in STOPWORDS:
            continue
        word = stem(word)
        if word not in STOPWORDS:
            out.append(word)
    return out


def term_weights(title: str, text: str, title_weight: float, max_tokens: int) -> dict[str, float]:
    """Sublinear term frequencies of an article, with title words counting ``title_weight`` more.

    ``weight(t) = (1 + log tf_body) + title_weight * (1 + log tf_title)`` (each part 0 when
    the term is absent); only the first ``max_tokens`` body tokens count."""
    weights: dict[str, float] = {}
    for term, n in Counter(tokens(text)[:max_tokens]).items():
        weights[term] = 1.0 + math.log(n)
    for term, n in Counter(tokens(title)).items():
        weights[term] = weights.get(term, 0.0) + title_weight * (1.0 + math.log(n))
    return weights


class DocumentFrequencies:
    """Incremental document frequencies: ``add`` one document's keys, ``idf`` any key.

    ``idf(k) = ln((1 + n) / (1 + df(k))) + 1``: scikit-learn's smoothed IDF, so an unseen key
    gets the highest weight and a key in every document still weighs 1."""

    def __init__(self, n: int = 0, df: Mapping[str, int] | None = None):
        self.n = n
        self.df: dict[str, int] = dict(df or {})

    def add(self, keys: Iterable[str]) -> None:
        self.n += 1
        df = self.df
        for k in set(keys):
            df[k] = df.get(k, 0) + 1

    def idf(self, key: str) -> float:
        return math.log((1.0 + self.n) / (1.0 + self.df.get(key, 0))) + 1.0

    def to_state(self) -> dict:
        return {"n": self.n, "df": dict(sorted(self.df.items()))}

    @classmethod
    def from_state(cls, state: Mapping) -> DocumentFrequencies:
        return cls(int(state.get("n", 0)), {str(k): int(v) for k, v in state.get("df", {}).items()})


def weigh(counts: Mapping[str, float], df: DocumentFrequencies) -> dict[str, float]:
    """``counts`` times IDF, L2-normalised (empty when there is nothing to weigh)."""
    vec = {k: v * df.idf(k) for k, v in counts.items() if v > 0}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0.0:
        return {}
    return {k: v / norm for k, v in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (need not be normalised); 0 when either is empty."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def top_keys(vec: Mapping[str, float], n: int) -> list[str]:
    """The ``n`` heaviest keys of ``vec`` (ties broken by key, so the result is stable)."""
    return [k for k, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
