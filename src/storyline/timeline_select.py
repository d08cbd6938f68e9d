"""What a timeline says on each date: central, non-redundant sentences about that date.

For one date the *pool* is every sentence that refers to the date, plus, for a day, the
sentences of articles published that day that refer to no other day (their lead
sentences only when ``timeline.lead_sentences`` is set). Copies of one sentence (the same
statement id, or the same words) are one candidate with all their sources.

Selection (centroid summarisation, Radev et al. 2004, per date as in DATEWISE, Gholipour
Ghalandari & Ifrim, ACL 2020):

* the date's centroid is the mean TF-IDF vector of its pool, published-only sentences
  weighted ``timeline.published_centroid_weight``;
* a candidate's score is its cosine with the centroid, times ``1 + timeline.mention_bonus``
  when it names the date itself, times ``1 + timeline.support_weight x ln(independent
  outlets)``, times ``1 - timeline.quoted_penalty`` when it is someone's own words (quote
  marks, or I/we/my/our: a reaction rather than what happened), times ``1 -
  timeline.other_date_penalty`` when it names another date as well (it tells that date's
  news too), and times ``1 - timeline.ahead_penalty`` when every copy was published before
  the date (a forecast: "sanctions will follow by Friday"), and times ``1 -
  timeline.question_penalty`` for a question (by default never chosen), times ``1 -
  timeline.empty_penalty`` for talk without content (``timeline_chatter.without_content``),
  times ``1 - timeline.talk_penalty`` for a broadcast's conversation (a speaker's turn, a
  stammer, a discourse opener, words to the audience: ``timeline_chatter.broadcast_talk``),
  and times the candidate's closeness to the whole story (``Selector.story_relevance``:
  ``timeline.story_weight``, and never chosen below ``timeline.story_floor``), so a
  transcript's or a round-up page's other subjects lose on the day they share (without
  keywords, a term the articles using it use in few of their lines counts less in the story's
  key terms: ``timeline.story_density``);
* a broadcast's furniture (``timeline_chatter.broadcast_furniture``: a sign-on, a teaser, a
  schedule), a pointer to the page's video or photo, a caption of its clip
  (``timeline_chatter.clip_caption``) and reflective talk about a count of days back
  (``timeline_chatter.reflection``) and a line cut mid-sentence (``timeline_text.cut_off``)
  are never chosen;
* only candidates with a keyword (when keywords are given) and a sentence-like length
  (``timeline.min_tokens`` to ``timeline.max_tokens`` words) can be chosen;
* maximal marginal relevance (Carbonell & Goldstein 1998) picks up to ``per_date``, and a
  candidate whose cosine with any sentence already in the timeline reaches
  ``timeline.redundancy_cosine`` is never picked (no repeats across dates either).

Vectors come from one scikit-learn ``TfidfVectorizer`` fitted on the pools of the dates
considered, so a whole timeline costs one sparse fit plus small per-date products.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

import numpy as np

from .story_profile import count_origins
from .timeline_chatter import broadcast_furniture, broadcast_talk, clip_caption, reflection, speaker_caption, without_content
from .timeline_dates import DateKey
from .timeline_text import cut_off, entry_text

# Words a sentence is measured in for the length bounds: whitespace-separated tokens that
# contain a letter or digit (so PTB punctuation tokens and dashes do not count).
_WORD = re.compile(r"[^\w\s]*\w\S*")


# Someone's own words: quote marks (ASCII, PTB ``...'', typographic) or a first-person word.
_OWN_WORDS = re.compile("``|''|[\"\u201c\u201d\u00ab\u00bb]|\\b(?:I|[Ww]e|[Mm]y|[Oo]ur|us|me)\\b"
                        # ... also with the apostrophe stripped, as crawls have it: "Im", "weve",
                        # "Ive been" ("Ive" alone is a surname), and "were" that has no subject
                        # before it ("But today were seeing ...", "Now were going"; not "and were", whose subject
                        # is the clause's before): "we're"
                        "|\\b(?:Im|[Ww]eve|Ive (?:been|got|seen|had|never|just|heard|told))\\b"
                        "|(?:^(?:(?:But|And|So|Now|Today|Here|Still|Tonight)[, ]+)*|\\b(?:today|now|tonight)[, ]+)"
                        "[Ww]ere (?:\\w+ing|going|not|all|here|still)\\b")
def own_words(text: str) -> bool:
    """Whether a sentence gives someone's own words rather than reports what happened."""
    return _OWN_WORDS.search(text) is not None or speaker_caption(text)


# A sentence that points to a video or photo on the page ("In the video below, X reports on
# ...", "In the following video, ...", "The video below is a roundup of ...", "Watch: ...",
# "Pictured: ..."; not "The footage showed ..."): it describes what the
# page shows, not what happened (and reads badly as a timeline entry): never chosen, though
# its words still count towards its date's centroid.
_MEDIA_NOUN = r"(?:video|clip|footage|photo|picture|gallery|slideshow)s?"
_MEDIA = re.compile(r"^(?:(?:In|On) (?:the|this) (?:following |video |photo )?" + _MEDIA_NOUN + r"(?: below| above)?\b"
                    r"|(?:The|This) (?:following " + _MEDIA_NOUN + r"|" + _MEDIA_NOUN + r" (?:below|above))\b"
                    r"|(?:Watch|Video|Photos?|Pictured|In pictures|Gallery)\s*:)", re.I)


# Any word of ``_MEDIA`` in a sentence: most sentences have none, and only those
# that do are stripped of page furniture and matched.
_MEDIA_WORD = re.compile(r"video|clip|footage|photo|picture|gallery|slideshow|watch", re.I)


def points_to_media(text: str) -> bool:
    """Whether a sentence introduces a video or photo on its page (see ``_MEDIA``), read
    without the page's furniture (``timeline_text.entry_text``: a live page's update stamp
    comes first, ``(Update 5:40 p.m. ET) In the video below, ...``)."""
    if _MEDIA_WORD.search(text) is None:
        return False
    return _MEDIA.match(entry_text(text).lstrip()) is not None


def asks(text: str) -> bool:
    """Whether a sentence is a question ("Could Mubarak step down Thursday?"): it asks what
    a timeline should tell."""
    return text.rstrip().rstrip("\"'”’)").endswith("?")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclasses.dataclass(eq=False)
class Candidate:
    """Copies of one sentence: ``members`` are indexes into the input sentences."""

    key: str
    text: str
    members: list[int]
    eligible: bool = False      # keyword and length allow choosing it
    usable: bool = False        # length allows it into a centroid
    independent: int = 1
    own_words: bool = False     # quote marks or first person (see own_words)
    question: bool = False      # ends with a question mark (see asks)
    empty: bool = False         # no name, number or content word beyond one (timeline_chatter)
    talk: bool = False          # a broadcast's conversation (timeline_chatter.broadcast_talk)


# Punctuation removed from a sentence's copy key (str.translate: one C-level pass).
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d"})


class Copies:
    """Copies of one sentence folded into one :class:`Candidate`, lazily.

    Every sentence gets a cheap exact ``group`` (its statement id, else its exact text: a
    dict lookup); a candidate is made only for the sentences a date's pool takes, and groups
    whose lower-cased words without punctuation are the same share it. So the per-sentence
    cost over a whole story is two dict lookups, and word counts, keyword checks and copy
    keys are computed for pooled sentences only."""

    def __init__(self, sentences, matcher, min_tokens: int, max_tokens: int, skip=None) -> None:
        self.sentences = sentences
        self.skip = skip or [False] * len(sentences)   # stamped sentences: never used
        self.matcher = matcher
        self.min_tokens, self.max_tokens = min_tokens, max_tokens
        by_statement: dict[str, int] = {}
        by_text: dict[str, int] = {}
        self.members: list[list[int]] = []
        self.group: list[int] = []
        for i, s in enumerate(sentences):
            if s.statement_id:
                g = by_statement.setdefault(s.statement_id, len(self.members))
            else:
                g = by_text.setdefault(s.text, len(self.members))
            if g == len(self.members):
                self.members.append([])
            self.members[g].append(i)
            self.group.append(g)
        self._keyword: dict[int, bool] = {}
        self._candidate: dict[int, int] = {}
        self._by_key: dict[str, int] = {}
        self.candidates: list[Candidate] = []

    def has_keyword(self, i: int) -> bool:
        """Whether sentence i contains a keyword (True when no keywords are given)."""
        if self.matcher is None:
            return True
        g = self.group[i]
        if g not in self._keyword:
            self._keyword[g] = self.matcher.search(self.sentences[i].text) is not None
        return self._keyword[g]

    def candidate(self, i: int) -> int:
        """The index of sentence i's candidate, made on first use."""
        g = self.group[i]
        found = self._candidate.get(g)
        if found is not None:
            return found
        s = self.sentences[i]
        key = ("s:" + s.statement_id) if s.statement_id else "t:" + " ".join(s.text.lower().translate(_PUNCTUATION).split())
        c = self._by_key.get(key)
        if c is None:
            c = self._by_key[key] = len(self.candidates)
            usable = not self.skip[i] and self.min_tokens <= word_count(s.text) <= self.max_tokens
            eligible = (usable and self.has_keyword(i) and not points_to_media(s.text)
                        and not broadcast_furniture(s.text) and not clip_caption(s.text) and not reflection(s.text)
                        and not cut_off(s.text))
            self.candidates.append(Candidate(key, s.text.strip(), [], eligible, usable,
                                             own_words=eligible and own_words(s.text),
                                             question=eligible and asks(s.text),
                                             empty=eligible and without_content(s.text),
                                             talk=eligible and broadcast_talk(s.text)))
        self.candidates[c].members.extend(self.members[g])
        self._candidate[g] = c
        return c

    def count_outlets(self) -> None:
        """Set each candidate's independent outlets: the most of its statements' counts and
        its distinct origins (outlets, a syndication group's copies once; once all pools are made)."""
        for cand in self.candidates:
            sources = (self.sentences[m].source for m in cand.members)
            cand.independent = max(count_origins(sources), max(self.sentences[m].independent_outlets for m in cand.members))


def keyword_matcher(keywords: Sequence[str], word_start: bool = True) -> re.Pattern | None:
    """A case-insensitive pattern finding any keyword at the start of a word (``protest``
    matches ``protesters``, ``oil`` does not match ``turmoil``), or anywhere with
    ``word_start=False`` (``timeline.keyword_match=substring``: the timeline-summarisation
    protocol's filter), or None for no keywords."""
    words = [k.strip() for k in keywords if k and k.strip()]
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile((r"(?<![^\W_])" if word_start else "") + "(?:" + alternatives + ")", re.IGNORECASE)


@dataclasses.dataclass
class Pool:
    """The candidates of one date: ``mention`` name the date, ``published`` come from
    articles published that day."""

    key: DateKey
    mention: list[int]
    published: list[int]
    elsewhere: set[int] = dataclasses.field(default_factory=set)   # of mention: name another date too
    ahead: set[int] = dataclasses.field(default_factory=set)       # of mention: only told before it

    def all(self) -> list[int]:
        return list(dict.fromkeys(self.mention + self.published))


class Selector:
    """Chooses each date's sentences; holds the TF-IDF rows and what the timeline holds.

    Vectors are fitted once, on the candidates of the first dates asked for, and later
    candidates are transformed with the same vocabulary and IDF."""

    def __init__(self, candidates: Sequence[Candidate], weights: dict[str, float],
                 article_of: Sequence[str] = ()) -> None:
        self.candidates = candidates
        self.article_of = article_of   # each input sentence's article (its syndication group's copies one)
        self.weights = weights
        n = len(candidates)
        self.usable = np.fromiter((c.usable for c in candidates), bool, n)
        self.eligible = np.fromiter((c.eligible for c in candidates), bool, n)
        # what a candidate's score is multiplied by whatever the date: its outlets' support,
        # less when it is someone's own words
        support = np.fromiter((max(c.independent, 1) for c in candidates), float, n)
        own = np.fromiter((c.own_words for c in candidates), bool, n)
        question = np.fromiter((c.question for c in candidates), bool, n)
        empty = np.fromiter((c.empty for c in candidates), bool, n)
        talk = np.fromiter((c.talk for c in candidates), bool, n)
        self.prior = ((1.0 + weights["support"] * np.log(support)) * np.where(own, 1.0 - weights["quoted"], 1.0)
                      * np.where(question, 1.0 - weights["question"], 1.0)
                      * np.where(empty, 1.0 - weights["empty"], 1.0)
                      * np.where(talk, 1.0 - weights["talk"], 1.0))
        # how close each candidate is to the whole story (see story_relevance): 1 until vectorised
        self.relevance = np.ones(n)
        self.story: np.ndarray | bool | None = None   # the key terms; False: none (one article)
        self.story_level = 1.0
        self.row = np.full(n, -1, dtype=np.int64)
        self.taken = np.zeros(n, dtype=bool)
        self.chosen_rows: list[int] = []
        self.vectorizer = None
        self.blocks: list = []
        self._matrix = None

    def vectorize(self, indexes: Sequence[int]) -> None:
        """TF-IDF rows for the usable candidates among ``indexes`` that have none yet."""
        todo = [i for i in dict.fromkeys(indexes) if self.row[i] < 0 and self.usable[i]]
        if not todo:
            return
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = [self.candidates[i].text for i in todo]
        if self.vectorizer is None:
            # English stopwords and sublinear tf: the usual setting for sentence centroids
            # (DATEWISE uses scikit-learn's TfidfVectorizer with English stopwords as well).
            vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
            try:
                block = vectorizer.fit_transform(texts)
            except ValueError:  # nothing but stopwords: an empty vocabulary
                return
            self.vectorizer = vectorizer
        else:
            block = self.vectorizer.transform(texts)
        if self.weights["story"] or self.weights["story_floor"]:
            self.relevance[todo] = self.story_relevance(block, todo)
        first = sum(b.shape[0] for b in self.blocks)
        self.row[todo] = np.arange(first, first + len(todo))
        self.blocks.append(block.tocsr())
        self._matrix = None

    def story_relevance(self, block, todo: Sequence[int]) -> np.ndarray:
        """Each row's score factor for its closeness to the whole story's subject: ``1 - w +
        w x min(1, cos / level)`` (w ``timeline.story_weight``), 0 (never chosen) below
        ``timeline.story_floor`` x level. cos is the row's cosine with the story's key terms
        (:meth:`_key_terms`, from the first block: the pools of the best-ranked dates) and
        level the cosine that ``timeline.story_quantile`` of that block's rows reach. A
        transcript's or a round-up page's other subjects (a snowstorm, a sports score, an
        anniversary) fill a day's pool and are central there; against the story they are far."""
        w = self.weights
        if self.story is None:
            self.story = self._key_terms(block, todo)
            if self.story is not None:
                cos = np.asarray(block.dot(self.story)).ravel()
                self.story_level = float(np.quantile(cos, w["story_quantile"])) or 1.0
            else:
                self.story = False
        if self.story is False:
            return np.ones(block.shape[0])
        ratio = np.minimum(1.0, np.asarray(block.dot(self.story)).ravel() / self.story_level)
        return np.where(ratio < w["story_floor"], 0.0, 1.0 - w["story"] + w["story"] * ratio)

    def _key_terms(self, block, todo: Sequence[int]) -> np.ndarray | None:
        """The story's key terms as a unit vector: a term's IDF times the square of the share
        of the story's articles whose rows use it, so the subject every article shares (a
        country, a leader, protests) counts and one page's other subject hardly does. None
        for fewer than two articles (every term is then shared).

        Without keywords, a term sparse in the articles using it counts less again: times its
        density (the share of an article's rows using it, averaged over those articles) over
        ``timeline.story_density``, at most 1. The story's subject runs through its articles,
        while a round-up page's other subjects (a snowstorm, a launch's anniversary) fill a
        few of its many lines, and several such pages clustered with a story share them.
        Keywords already keep those subjects out of what may be chosen."""
        import scipy.sparse as sp

        origin: dict[str, int] = {}
        rows, cols = [], []   # article x row incidence: the articles carrying each row's sentence
        for r, i in enumerate(todo if self.article_of else ()):
            for article in {self.article_of[m] for m in self.candidates[i].members}:
                rows.append(origin.setdefault(article, len(origin)))
                cols.append(r)
        if len(origin) < 2:
            return None
        incidence = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(origin), block.shape[0]))
        uses = (incidence @ (block > 0).astype(float)).tocsr()   # article x term: its rows using the term
        users = np.asarray((uses > 0).sum(axis=0)).ravel()       # articles using each term
        key = (users / len(origin)) ** 2 * self.vectorizer.idf_
        if self.weights["story_density"]:
            rows_of = np.asarray(incidence.sum(axis=1)).ravel()
            density = np.asarray(sp.diags(1.0 / rows_of).dot(uses).sum(axis=0)).ravel() / np.maximum(users, 1)
            key = key * np.minimum(1.0, density / self.weights["story_density"])
        norm = float(np.sqrt(np.einsum("i,i", key, key)))
        return key / norm if norm else None

    @property
    def matrix(self):
        if self._matrix is None:
            import scipy.sparse as sp

            self._matrix = sp.vstack(self.blocks).tocsr() if len(self.blocks) > 1 else self.blocks[0]
        return self._matrix

    def pick(self, pool: Pool, per_date: int) -> list[tuple[int, float]]:
        """Up to ``per_date`` (candidate index, score) for one date, best first; marks them
        taken so no later date repeats them."""
        if not self.blocks:
            return []
        members = np.array(pool.all(), dtype=np.int64)
        is_mention = np.arange(len(members)) < len(pool.mention)
        keep = (self.row[members] >= 0) if len(members) else np.zeros(0, bool)
        members, is_mention = members[keep], is_mention[keep]
        if not len(members):
            return []
        w = self.weights
        sub = self.matrix[self.row[members]]
        centroid = self._centroid(sub, is_mention)
        # einsum, not ``@``: a BLAS call here costs milliseconds when BLAS threads must wake
        # on a busy machine (measured: 2.7 ms mean against 6 us).
        norm = float(np.sqrt(np.einsum("i,i", centroid, centroid)))
        if norm == 0:
            return []
        score = np.asarray(sub.dot(centroid)).ravel() / norm
        score *= np.where(is_mention, 1.0 + w["mention_bonus"], 1.0) * self.prior[members] * self.relevance[members]
        if pool.elsewhere and w["elsewhere"]:
            score *= np.where(np.isin(members, list(pool.elsewhere)), 1.0 - w["elsewhere"], 1.0)
        if pool.ahead and w["ahead"]:
            score *= np.where(np.isin(members, list(pool.ahead)), 1.0 - w["ahead"], 1.0)
        ok = self.eligible[members] & ~self.taken[members] & (score > 0)
        if not ok.any():
            return []
        order = np.flatnonzero(ok)
        order = order[np.lexsort((members[order], -score[order]))]
        picked = self._mmr(members[order], score[order], per_date)
        for i, _ in picked:
            self.taken[i] = True
            self.chosen_rows.append(int(self.row[i]))
        return picked

    def _centroid(self, sub, is_mention: np.ndarray) -> np.ndarray:
        """The date's centroid: the weighted mean of its pool, or with ``agreement`` (when the
        date has both kinds of sentence) only the terms both kinds use, as DATEWISE does."""
        w = self.weights
        if w["agreement"] and is_mention.any() and (~is_mention).any():
            mention = np.asarray(sub[is_mention].mean(axis=0)).ravel()
            published = np.asarray(sub[~is_mention].mean(axis=0)).ravel()
            return np.where((mention > 0) & (published > 0), mention + published, 0.0)
        return np.asarray(sub.T.dot(np.where(is_mention, 1.0, w["published_centroid"]))).ravel()

    def _mmr(self, options: np.ndarray, scores: np.ndarray, per_date: int) -> list[tuple[int, float]]:
        """Maximal marginal relevance over the options (best first), never reaching the
        redundancy limit with a sentence already in the timeline or chosen here."""
        lam, limit = self.weights["mmr_lambda"], self.weights["redundancy"]
        sub = self.matrix[self.row[options]]
        if self.chosen_rows:
            prior = np.asarray((sub @ self.matrix[self.chosen_rows].T).max(axis=1).todense()).ravel()
        else:
            prior = np.zeros(len(options))
        between = (sub @ sub.T).toarray()
        alive = prior < limit
        similarity = prior.copy()
        relevance = scores / scores[0]
        picked: list[tuple[int, float]] = []
        while len(picked) < per_date and alive.any():
            value = np.where(alive, lam * relevance - (1.0 - lam) * similarity, -np.inf)
            j = int(np.argmax(value))
            picked.append((int(options[j]), float(scores[j])))
            alive[j] = False
            alive &= between[j] < limit
            similarity = np.maximum(similarity, between[j])
        return picked
