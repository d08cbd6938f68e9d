"""Article-level corrections of a mention's label and links, from the words around it.

* a name written before a company's office and the person holding it (``Magna chief
  executive Siegfried Wolf``) is the company (:func:`title_bodies`);
* a full name in a list of people's full names is a person's whatever the model's label, and
  so is a one-word name no place, body or people bears (:func:`listed_people`);
* a one-word name used as a leader's (``the Assad regime``, ``pro-Gadhafi forces``) is
  marked for canonical resolution to read as a known person's surname
  (:func:`leader_context`);
* a bracketed acronym after a name (``Singapore Airlines (SIA)``) is linked to it, and
  tagged when the model did not (:func:`bracket_aliases`);
* a capitalised common word at the start of a sentence (``Lorry drivers said...``) is no
  name when the article writes it in lower case elsewhere and never capitalised
  mid-sentence (:func:`common_words`, :func:`common_word`), or when the tagger reads it as a
  common noun of the dictionary before a lower-case word (:func:`dictionary_noun`);
* a name the model missed right after its kind (``the charity Open Hands said``) is a body's
  (:func:`kind_bodies`).
"""

from __future__ import annotations

import re

from ..canonical_names import ALIASES, ORG_NAMES, PLACE_NAMES, bracket_alias, fold
from ..canonical_types import BODY_KIND, BODY_KIND_AFTER, LEADER_AFTER
from ..records import LEADER_CONTEXT, Mention, Span
from .annotate import AnnotatedSentence
from .engine import dictionary_lemmas
from .mention_furniture import comments_apart, opens_text
from .mention_labels import TITLED_FIXABLE, full_name_shape
from .repair import article_names, is_demonym

__all__ = ["title_bodies", "listed_people", "leader_context", "bracket_aliases", "common_words", "common_word", "dictionary_noun", "kind_bodies"]

# A company's offices between a name and the person holding them ("Magna co-chief executive
# Siegfried Wolf", "Berkshire Hathaway chief Warren Buffett", "Kestmap co-founder Erik
# Lund"): the name before them is the company's. Not the offices a politician's staff hold
# too (spokesman, aide, chief strategist, chief of staff).
_COMPANY_OFFICE = re.compile(
    r"^\s+(?:co-)?(?:chief(?: executive(?: officer)?)?|chief (?:financial|operating|technology) officer|"
    r"(?:vice |co-)?chair(?:man|woman)|ceo|cfo|coo|cto|analyst|founder)\s+$", re.I)


def title_bodies(ms: list[Mention], text: str) -> list[Mention]:
    """A name the model calls a person, written before a company's office and the person
    holding it, is the company (``Magna chief executive Siegfried Wolf``, ``Berkshire Hathaway
    chief Warren Buffett``)."""
    out = list(ms)
    for i, m in enumerate(ms[:-1]):
        nxt = ms[i + 1]
        if m.label == "PERSON" and not m.title and nxt.label == "PERSON" \
                and _COMPANY_OFFICE.match(text[m.span.end:nxt.span.start]):
            out[i] = m.replace(label="ORG", evidence="context")
    return out


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s+$")


def listed_people(ms: list[Mention], text: str, least: int) -> list[Mention]:
    """A full name in a list of people's full names (at least ``least`` of them people by the
    model: ``Ann Holt, Mark Devers and Priya Raman``, the first tagged GPE) is a person's
    whatever the model's label, unless its words say otherwise (a head word, a known place or
    organisation)."""
    if least <= 0:
        return ms
    runs: list[list[int]] = []
    for i, m in enumerate(ms):
        if i and _LIST_GAP.match(text[ms[i - 1].span.end:m.span.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    out = list(ms)
    for run in runs:
        full = [i for i in run if len(ms[i].span.text.split()) > 1]
        if sum(ms[i].label == "PERSON" for i in full) < least:
            continue
        for i in full:
            if ms[i].label in TITLED_FIXABLE and not ms[i].evidence and full_name_shape(ms[i].span.text):
                out[i] = ms[i].replace(label="PERSON")
        if all(out[i].label == "PERSON" for i in full):
            # a one-word name among people only (``Ann Holt, Kesha and Mark Devers``): a
            # stage name or a surname, unless a known place, body or people
            for i in run:
                if len(ms[i].span.text.split()) == 1 and _lone_person(ms[i]):
                    out[i] = ms[i].replace(label="PERSON")
    return out


def _lone_person(m: Mention) -> bool:
    """Whether a one-word name in a list of people may be one of them: tagged otherwise by
    the model alone, capitalised, not all capitals (an acronym), and no known place, body or
    people."""
    word = m.span.text.strip()
    key = fold(word)
    return m.label in TITLED_FIXABLE and not m.evidence and word[:1].isupper() and not word.isupper() \
        and key not in PLACE_NAMES and key not in ORG_NAMES and key not in ALIASES and not is_demonym(word)


# A one-word name before LEADER_AFTER's words, or after "pro-"/"anti-", is used as a leader's
# name ("the Assad regime", "Gadhafi loyalists", "pro-Gadhafi forces"), whatever the model's label.
_LEADER_BEFORE = re.compile(r"\b(?:pro|anti)-\s*$", re.I)
# Endings of peoples' names beyond the demonym list ("British", "Dutch", "Libyan", "Afghan").
_PEOPLE_END = re.compile(r"(?:ish|ch|an|ans)$")


def leader_context(m: Mention, text: str) -> Mention:
    """Mark (``evidence``) a one-word name that is no known place, organisation or people,
    labelled other than a person, and used as a leader's name: canonical resolution reads it
    as a surname when a known person has it, and leaves it as it was otherwise ("the Arnholt
    regime" stays the country when nobody is called Arnholt)."""
    word = m.span.text.strip()
    if m.label == "PERSON" or " " in word or not text or not word[:1].isupper() or is_demonym(word) \
            or _PEOPLE_END.search(word):
        return m
    key = fold(word)
    if key in PLACE_NAMES or key in ORG_NAMES or key in ALIASES:
        return m
    if LEADER_AFTER.match(text, m.span.end) or _LEADER_BEFORE.search(text[max(0, m.span.start - 6):m.span.start]):
        return m.replace(evidence=LEADER_CONTEXT)
    return m


_OPEN, _CLOSE = re.compile(r"^\s*\(\s*$"), re.compile(r"^\s*\)")
# An acronym in brackets right after a name: "the Government Accountability Office (GAO)".
_BRACKETED = re.compile(r"\s*\(\s*([A-Z]{2,6})\s*\)")


def _untagged_brackets(ms: list[Mention], text: str) -> list[Mention]:
    """A bracketed acronym of the name before it that the model did not tag is a mention of
    that name's label (``the United States Air Force (USAF)``), which :func:`bracket_aliases`
    then links to the name."""
    out = []
    for k, m in enumerate(ms):
        out.append(m)
        hit = _BRACKETED.match(text, m.span.end)
        nxt = ms[k + 1].span.start if k + 1 < len(ms) else len(text)
        if hit and hit.end() <= nxt and len(m.span.text.split()) > 1 \
                and bracket_alias(hit.group(1), m.span.text, m.label) and not _DATELINE_DASH.match(text, hit.end()):
            span = Span(m.span.sentence_index, hit.start(1), hit.end(1), hit.group(1))
            out.append(Mention(m.article_id, span, m.label, evidence=m.evidence))
    return out
_DATELINE_DASH = re.compile(r"\s*(?:--|-|–|—)")


def bracket_aliases(ms: list[Mention], text: str) -> list[Mention]:
    """``Singapore Airlines (SIA)`` tagged as two names: the first mention's span takes in
    the bracketed acronym, so canonical resolution links the two (``core_name``'s alias)."""
    out = _untagged_brackets(list(ms), text)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        word = b.span.text
        close = _CLOSE.match(text[b.span.end:])
        # Acronyms in news are 2-6 capitals (UN, GAO, NASDAQ), as in canonical resolution;
        # a dateline's agency after its city ("Libya (CNN) --") is none.
        if close and _OPEN.match(text[a.span.end:b.span.start]) and 2 <= len(word) <= 6 and word.isupper() \
                and bracket_alias(word, a.span.text, a.label) and not _DATELINE_DASH.match(text, b.span.end + close.end()):
            end = b.span.end + close.end()
            out[k] = a.replace(span=Span(a.span.sentence_index, a.span.start, end, text[a.span.start:end]))
    return out


_WORDS = re.compile(r"[^\W\d_]+")


def common_words(sentences: list[AnnotatedSentence]) -> set[str]:
    """Lower-case words of the article, minus its names (capitalised mid-sentence)."""
    texts = [s.text for s in sentences]
    names = {n.lower() for n in article_names([comments_apart(t) for t in texts])}
    return {w for t in texts for w in _WORDS.findall(t) if w.islower()} - names


def common_word(m: Mention, text: str, common: set[str]) -> bool:
    """A one-word mention at the start of its sentence (or of a readers' comment run into it
    after a pipe: :func:`.mention_furniture.opens_text`) that the article also writes in
    lower case (``Lorry`` / ``lorry``, ``Queues`` / ``queue``)."""
    word = m.span.text
    if " " in word or not opens_text(text, m.span.start) or m.title:
        return False
    low = word.lower()
    forms = {low, low.rstrip("s"), low + "s", low[:-1] + "ies" if low.endswith("y") else low}
    return bool(forms & common)


# The tagger's common-noun tags: a capitalised word it reads as one of these opens the
# sentence as a noun phrase's first word (``Lorry drivers``, ``Queues stretched``), while a
# name it reads as a proper noun (``Brown promised``, ``Bush said``) is tagged NNP.
_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})


def dictionary_noun(m: Mention, sentence: AnnotatedSentence, names: set[str]) -> bool:
    """A one-word mention opening its sentence that is no name: the tagger reads it as a common
    noun (not NNP), its lemma is one of the dictionary's nouns, a lower-case word follows, and
    the article never writes it capitalised mid-sentence (``names``); never a known place,
    body, alias or people (``Syria``, ``Turkey`` are dictionary words too), never a group the
    model calls a people (``Westerners``), and never a word in ``s`` before a noun: a stripped
    possessive (``Muhammads nephew``; ``Queues stretched`` is a plural before its verb)."""
    word = m.span.text
    text = sentence.text
    if " " in word or m.title or m.label == "NORP" or not word[:1].isupper() or word.isupper() or word in names \
            or not opens_text(text, m.span.start) or not getattr(sentence, "parsed", False):
        return False
    after = text[m.span.end:].split(None, 1)
    if not after or not after[0][:1].islower() or not after[0][:1].isalpha():
        return False
    key = fold(word)
    if key in PLACE_NAMES or key in ORG_NAMES or key in ALIASES or is_demonym(word):
        return False
    token = next((t for t in sentence.doc if t.text == word), None)  # type: ignore[attr-defined]
    if token is None or token.tag_ not in _COMMON_NOUN_TAGS or token.lemma_.lower() not in dictionary_lemmas("noun"):
        return False
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return not (word.endswith("s") and nxt is not None and nxt.tag_.startswith("NN"))


# A body's name after its kind: capitalised words, "of", "for" or "and" between them ("the
# charity Open Hands", "the group Friends of the Kest"); the name ends at any other word.
_KIND_NAME = re.compile(BODY_KIND + r"((?:[A-Z][\w-]*)(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w-]*)*)")


def kind_bodies(ms: list[Mention], text: str, sentence_index: int, article_id: str) -> list[Mention]:
    """Organisation mentions for names the model missed right after their kind and the
    definite article, in an apposition that ends there (``the charity Open Hands said``:
    untagged; its headline had called the charity a product; not ``the party Holm leads``),
    where no mention lies; the kind is the evidence, as it is for a tagged name
    (:func:`storyline.canonical_types.context_cue`)."""
    out = []
    for hit in _KIND_NAME.finditer(text):
        start, end = hit.span(1)
        if any(m.span.start < end and start < m.span.end for m in ms) or hit.group(1).lower() in _NOT_BODY \
                or not BODY_KIND_AFTER.match(text, end):
            continue
        out.append(Mention(article_id, Span(sentence_index, start, end, hit.group(1)), "ORG", evidence="context"))
    return out


# Words that open a clause after "the group" or "the company" ("the group I joined", "the
# party We founded"): never a body's name alone.
_NOT_BODY = frozenset("i we you he she it they this that these those there".split())
