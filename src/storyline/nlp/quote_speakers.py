"""Speaker names within one article: the fullest form of a name, and pronoun speakers.

``Ms Lindqvist`` becomes ``Petra Lindqvist`` when the article names her in full; titles
and honorifics go, and so does a possessive ``'s`` (or the bare ``s`` left where crawls
stripped the apostrophe: ``Clintons`` -> ``Clinton`` when the article knows ``Clinton``).

A pronoun speaker (he, she) is resolved only in reading order and only when exactly one
named person compatible with it is mentioned in the nearest place that names any (the same
sentence before the pronoun, else the sentence before, and so on for a few sentences); gender is known only from honorifics (Mr, Ms...) and from
the article's own he/she attributions of that person, never guessed from the first name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence

from ..records import Quote
from .engine import dictionary_lemmas
from .temporal_lexicon import MONTHS, WEEKDAYS

# Titles and honorifics dropped from names (lower-case, without the full stop).
TITLES: frozenset[str] = frozenset("""
mr mrs ms miss mx dr prof professor president vice sen senator rep representative
congressman congresswoman gov governor lt col gen adm capt sgt maj cmdr secretary
atty judge justice rev reverend fr sir dame lord lady hon mayor chairman chairwoman speaker
ambassador former nominee presidentelect sheriff commissioner
""".split())
MALE_TITLES = frozenset({"mr", "sir", "lord", "congressman"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "congresswoman"})
# Common given names with a strong gender association in English-language news, written
# for pronoun compatibility only: a name not listed has unknown gender (compatible with
# both), so the list only ever makes a pronoun stay unknown, or pick the one person left.
MALE_NAMES = frozenset("""
adam alan albert alex alexander andrew anthony antonio arthur barack ben benjamin bernie
bill bob boris brian bruce carl carlos charles charlie chris christopher colin craig dan
daniel david dennis donald doug douglas ed edward emmanuel eric frank fred gary george
gerald greg gregory harold harry henry howard ivan jack jacob james jason jean jeb jeff
jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh
juan justin keith ken kenneth kevin kim larry lawrence lee leon lindsey louis luis marco
mark martin matt matthew michael mike mitch mitt mohammed muhammad nancy neil nick
nicholas nigel patrick paul pedro peter phil philip ralph ray raymond reince richard rick
rob robert roger ron ronald roy rudy russell ryan sam samuel scott sean stephen steve
steven ted thomas tim timothy todd tom tony vladimir walter wayne william xi
""".split()) - {"nancy", "lindsey", "kim", "lee"}
FEMALE_NAMES = frozenset("""
alice amanda amy andrea angela ann anna anne barbara betsy betty beverly carly carol
caroline catherine chelsea cheryl christine claire cynthia dana debbie deborah diana
diane donna dorothy elizabeth ellen emily emma hillary helen huma ivanka jane janet
jennifer jessica jill joan joyce judith julia julie karen kate katherine kathleen kathy
kelly kellyanne laura lauren linda lisa loretta lynn margaret maria marie marine mary
megyn melania melissa michelle monica nancy nicole nikki pamela patricia paula rachel
rebecca ruth sandra sarah sharon stephanie susan susana teresa theresa tulsi virginia
""".split())
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

_TOKEN = re.compile(r"[^\W_][\w.\-\u2019']*", re.UNICODE)
# The Arabic article written onto a surname: "Bashar al-Assad" is "Mr Assad" and "Assads".
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az)-(?=\w{3})", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$", re.IGNORECASE)


def name_tokens(text: str) -> list[str]:
    """Tokens of a name as written, without titles, full stops and possessives."""
    out = []
    for tok in _TOKEN.findall(text):
        tok = _POSSESSIVE.sub(lambda m: "s" if m.group(0).lower().startswith("s") else "", tok)
        bare = tok.rstrip(".")
        if not out and bare.lower().replace(".", "") in TITLES:
            continue  # leading titles only: "Vice President Joe Biden" -> "Joe Biden"
        if not out and bare == "of" and tok != text[:len(tok)]:
            return []  # "Secretary of State": a title with its office, no name
        if bare:
            out.append(bare)
    return out


def surname_key(token: str) -> str:
    """A surname as the index files it: in lower case, without the Arabic article news writes
    onto it or leaves out (``al-Assad``, ``Assad``; ``el-Sisi``, ``Sisi``), so that ``Mr Assad``
    finds ``Bashar al-Assad`` and a pronoun does not count them as two people."""
    return _ARTICLE.sub("", token.lower())


def as_mid_sentence(doc: object, start: int, text: str, names: Collection[str] = ()) -> str:
    """A described speaker written as it reads mid-sentence: ``Activists said`` and ``The
    government says`` open their sentences, so their capital is the position's, and listings
    showed ``Activists`` and ``activists`` as two speakers (in 160 articles of the ordered Syria
    crawl, 40 of the 60 most quoted descriptions were written in two cases; 11 after this).

    Only the first letter of a description at the very start of its sentence is lowered, only
    when no later word before a preposition is capitalised (``Human Rights groups``, ``UN
    officials`` keep theirs; ``Residents of Harasta`` does not), the word is no entity (a count
    may be), not in capitals and no surname of the article (``names``, in lower case: ``Reeds
    office`` where the article names Tom Reed), and only when it is:
    a determiner or possessive (``The``, ``A``, ``Those``, ``Our``); a quantifier or a number
    word (``Many``, ``Others``, ``Two``); a plural common noun of the lemmatizer's dictionary
    (``Activists``); or, before more words, a singular noun or an adjective of it (``State
    media``, ``Human rights groups``). A singular noun or adjective alone keeps its capital: too
    many surnames are words (``Rice said``, ``Young said``). After a determiner or a quantifier,
    capitalised words may come before a head in lower case: a people's or a place's name
    describes the speaker (``The Syrian government``, ``Many Damascus residents``), while a head
    in capitals is a name (``The Pentagon``, ``The London Metal Exchange``). A sentence the
    enrich stage did not parse has no tags: its words are read from the determiners, the
    quantifiers and the dictionary (``Activists say ...`` is read well enough without a parse).
    ``doc``: the sentence's spaCy Doc; ``start``: the description's character offset in it."""
    if doc is None or not len(doc) or doc[0].idx != start or not text[:1].isupper():  # type: ignore[arg-type,index]
        return text
    first = doc[0]  # type: ignore[index]
    words = _BEFORE_PREPOSITION.split(text, maxsplit=1)[0].split()
    word, more = first.text.lower(), len(text.split()) > 1
    lead = first.tag_ in ("DT", "PDT", "PRP$") if first.tag_ else word in _DETERMINERS
    lead = lead or word in _QUANTIFIERS
    if first.ent_type_ not in ("", "CARDINAL", "QUANTITY") or (len(first.text) > 1 and first.text.isupper()):
        return text
    if any(w[:1].isupper() for w in words[1:]) and not (lead and words[-1][:1].islower()):
        return text
    if not lead:
        tag, lemma = (first.tag_, first.lemma_.lower()) if first.tag_ else _untagged(word)
        known = word not in names and word[:-1] not in names and lemma not in WEEKDAYS and lemma not in MONTHS
        noun = tag == "NNS" or (tag == "NN" and more)
        if not known or not (noun and lemma in dictionary_lemmas("noun")
                             or tag == "JJ" and more and lemma in dictionary_lemmas("adj")):
            return text  # "Thursdays data": a weekday's stripped possessive
    return text[:1].lower() + text[1:]


def _untagged(word: str) -> tuple[str, str]:
    """(tag, lemma) of a word opening a sentence the tagger did not read, from the dictionary
    alone: a plural of one of its nouns (``activists``, ``witnesses``, ``authorities``) or one
    of its nouns or adjectives; ("", word) for any other word."""
    nouns = dictionary_lemmas("noun")
    for suffix, stem in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and word[:-len(suffix)] + stem in nouns:
            return "NNS", word[:-len(suffix)] + stem
    if word in nouns:
        return "NN", word
    return ("JJ", word) if word in dictionary_lemmas("adj") else ("", word)


def without_timestamp(text: str) -> str:
    """A speaker phrase without the timestamp a live page or a comment thread puts before each
    entry, which the crawls glue to the entry's first sentence (``17 January 12 16:55 GMT
    Syrias government``, ``29th March 2012 - 13:32 ...``): a clock time, with a date before it
    or a time zone after it, or a time zone alone."""
    return _TIMESTAMP.sub("", text, count=1)


# A live page's or a comment's timestamp opening a sentence: "[date] hh:mm [zone]" or a zone.
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIMESTAMP = re.compile(
    rf"^(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH_NAMES})\.?\s+\d{{2,4}}\s*(?:-\s*)?)?\d{{1,2}}:\d{{2}}"
    rf"(?:\s*(?:GMT|BST|UTC|CET|EST|EDT))?|(?:GMT|BST|UTC))\s+(?=\S)")

# A description's head ends at its first preposition ("Residents [of Harasta]").
_BEFORE_PREPOSITION = re.compile(r"\s(?:of|in|from|at|for|with|on|near|inside|outside|across|around)\s")
# Determiners and possessives that open descriptions ("The government", "A man", "Our
# correspondent"), for sentences the tagger did not read.
_DETERMINERS = frozenset("the a an this that these those our their its his her my your".split())
# Quantifiers and number words that open descriptions of speakers ("Many said", "Two officials").
_QUANTIFIERS = frozenset("""
many several few most some others another each both all one two three four five six seven eight
nine ten dozens hundreds thousands
""".split())


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
        self.by_last[surname_key(toks[-1])].add(toks)
        self.words.update(t.lower() for t in toks)
        if raw and raw[0] in MALE_TITLES:
            self.gender.setdefault(toks, "m")
        elif raw and raw[0] in FEMALE_TITLES:
            self.gender.setdefault(toks, "f")

    def _strip_possessive(self, toks: list[str]) -> list[str]:
        last = toks[-1]
        if len(last) > 2 and last[-1] in "sS" and surname_key(last) not in self.by_last \
                and surname_key(last[:-1]) in self.by_last:
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
        low = [surname_key(t) for t in toks]
        candidates = {
            f for f in self.by_last.get(low[-1], ())
            if len(f) > len(toks) and [surname_key(t) for t in f[len(f) - len(toks):]] == low
        }
        if len(candidates) > 1:
            # keep only the longest forms that extend each other ("Donald Trump" and
            # "Donald J. Trump" are one person; "Eric Trump" is another)
            firsts = {f[0].lower() for f in candidates}
            if len(firsts) == 1:
                # ties go to the form not in capitals (a transcript's "BARACK OBAMA" beside
                # "Barack Obama"), then by the words, so that the choice never depends on
                # the set's order (it had flipped between runs with the hash seed)
                candidates = {max(candidates, key=lambda f: (len(f), self.forms[f], not all(w.isupper() for w in f), f))}
        if len(candidates) == 1:
            key = next(iter(candidates))
        return " ".join(key)

    def description(self, text: str) -> str:
        """A description as written, with possessives of known names made plain:
        ``Reed's office`` and the stripped ``Reeds office`` both give ``Reed office``."""
        words = []
        for word in text.split():
            bare = _POSSESSIVE.sub(lambda m: "s" if m.group(0).lower().startswith("s") else "", word)
            if bare != word:
                word = bare
            elif len(word) > 2 and word[-1] == "s" and word[0].isupper() and surname_key(word[:-1]) in self.by_last:
                word = word[:-1]
            words.append(word)
        return " ".join(words)

    def gender_of(self, name: str) -> str:
        """'m', 'f' or '': from honorifics seen with any form of the name in the article,
        else from a listed given name."""
        toks = tuple(name.split())
        if not toks:
            return ""
        found = {g for f, g in self.gender.items() if surname_key(f[-1]) == surname_key(toks[-1])}
        if len(found) == 1:
            return found.pop()
        first = toks[0].lower()
        if len(toks) > 1 or first in MALE_NAMES | FEMALE_NAMES:
            if first in MALE_NAMES:
                return "m"
            if first in FEMALE_NAMES:
                return "f"
        return ""


# How a person mentioned near a pronoun speaker takes part in resolving it: a subject or a
# speaker may be chosen; a person named in passing (an object) is chosen only when salient
# elsewhere nearby, and makes the pronoun ambiguous; a possessor is neither.
SALIENT, PASSING, ASIDE = 2, 1, 0


def resolve_pronoun(
    pronoun: str,
    tiers: Sequence[Sequence[tuple[str, int, bool]]],
    index: NameIndex,
) -> str:
    """The one compatible person of the nearest place that names any, or "unknown".

    ``tiers``: the (full name, grade, inside what a speaker said) of the people before the
    pronoun, nearest first (its own sentence, then each sentence before). Only he/she (and
    their object/possessive forms) are resolved, and only to a salient mention (a subject or
    a speaker). The nearest sentence naming a compatible person decides: in news a he/she
    speaker carries on from the sentence just before (``Hale said ... . On the other hand,
    ... she said``), so an earlier sentence's people do not make it ambiguous; two compatible
    people in that sentence leave it unknown, and so does one named there only in passing
    (``after I wrote to Lund ..., he answered``) unless a subject or a speaker elsewhere in
    ``tiers`` (``Lund, for his part, was pleased``). Within a
    sentence the people outside any quote come first: after ``Reed said Hale would resign``
    a ``he said`` is Reed's; a person inside the quote is the one only when no one outside
    it fits (``Norland said Hale called ... . She added``). Possessors (``Gadhafis
    forces``) are skipped."""
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    if wanted is None:
        return "unknown"
    salient = {name for tier in tiers for name, grade, _ in tier if grade == SALIENT}
    for tier in tiers:
        for inside in (False, True):
            people: dict[str, int] = {}
            for name, grade, said in tier:
                if grade > ASIDE and said == inside:
                    people[name] = max(people.get(name, ASIDE), grade)
            compatible = [p for p in people if index.gender_of(p) in ("", wanted)]
            if not compatible:
                continue
            return compatible[0] if len(compatible) == 1 and compatible[0] in salient else "unknown"
    return "unknown"


def recover_speakers(
    quotes_by_article: dict[str, list[Quote]],
    same_statement: Callable[[str, int], list[tuple[str, int]]],
) -> dict[str, list[Quote]]:
    """Fill ``unknown`` speakers from other articles' attribution of the same statement.

    ``same_statement(article_id, sentence_index)`` gives the (article id, sentence index)
    of the identical sentence elsewhere (the dedup layer's repeated statements). A quote
    whose speaker is unknown takes the speaker name of the other articles' same quotes (the
    same cue) over those sentences when they agree on exactly one name; otherwise it stays
    unknown: the ``said`` beside an ``Asked about X, Y said`` does not lend Y to the question.
    The store's enrich stage does the same over stored quotes. Pure: the input is not changed.
    """
    by_sentence: dict[tuple[str, int], list[Quote]] = {}
    for aid, quotes in quotes_by_article.items():
        for q in quotes:
            for span in q.content:
                by_sentence.setdefault((aid, span.sentence_index), []).append(q)
    out: dict[str, list[Quote]] = {}
    for aid, quotes in quotes_by_article.items():
        fixed = []
        for q in quotes:
            if q.speaker_name == "unknown":
                q = _recovered(aid, q, by_sentence, same_statement)
            fixed.append(q)
        out[aid] = fixed
    return out


def _recovered(aid: str, quote: Quote, by_sentence, same_statement) -> Quote:
    names: dict[str, Quote] = {}
    for span in quote.content:
        for other_aid, other_index in same_statement(aid, span.sentence_index) or ():
            if other_aid == aid:
                continue
            for donor in by_sentence.get((other_aid, other_index), ()):
                if donor.speaker_name != "unknown" and _cue_words(donor) == _cue_words(quote):
                    names.setdefault(donor.speaker_name.casefold(), donor)
    if len(names) != 1:
        return quote
    donor = next(iter(names.values()))
    return quote.replace(speaker_name=donor.speaker_name, speaker_entity=donor.speaker_entity)


def cue_key(text: str) -> str:
    """A cue as compared across copies of a sentence: its words, lower case."""
    return " ".join(text.lower().split())


def _cue_words(quote: Quote) -> str:
    return cue_key(quote.cue.text) if quote.cue is not None else ""
