"""Role descriptions that stand for a named person: ``the Russian foreign minister said``.

News names an office's holder once (``Foreign Minister Sergei Lavrov``, ``Steve Jobs, Apple's
chief executive,``) and then writes the office alone (``the foreign minister``, ``the
company's chief executive``, a headline's ``Apple CEO``). Readers want those to be the person:
as a quote's speaker, an event's actor, a mention counted for the entity.

:func:`role_mentions` finds such definite role phrases (a singular office word heading its
noun phrase, after ``the``, ``its``, an owner's possessive or a body's name, and not followed
by a name, which would make it that name's title, nor naming the office held by no one in
particular: ``to be the president``, ``the powers of the president``) and gives each a
:class:`Mention` labelled PERSON with the phrase as its ``title`` and evidence that says whether it stands in
apposition to a name just before or after it (:data:`~storyline.records.ROLE_OF_NAME_BEFORE`,
:data:`~storyline.records.ROLE_OF_NAME_AFTER`), which is that person, or alone
(:data:`~storyline.records.ROLE_REFERENCE`). Which person a role alone is, if anyone, is
canonical resolution's decision (:meth:`storyline.canonical.NameResolver.add`): the one person
the article gives that role (with that body, when the phrase writes one), never one of two
holders. Offices a body has
many of (spokesman, director, minister without a portfolio's word... see
:data:`ROLE_HEADS`) are left out.
"""

from __future__ import annotations

import re

from ..canonical_names import fold, is_place_key
from ..canonical_roles import ROLE_MODIFIERS
from ..canonical_words import TITLE_WORDS
from ..records import ROLE_OF_NAME_AFTER, ROLE_OF_NAME_BEFORE, ROLE_REFERENCE, Mention
from .annotate import AnnotatedSentence
from .speech_verbs import CUE_FORMS

__all__ = ["ROLE_HEADS", "role_mentions"]

# Offices one person holds at a time in a body or a country (general knowledge of news
# English): the head word of a role phrase. "minister" and "secretary" only with a
# portfolio's or a body's word before them (a government has many ministers).
ROLE_HEADS = frozenset(
    """president minister secretary chancellor governor mayor premier ceo cfo coo cto chairman
    chairwoman chairperson secretary-general pope""".split())
_NEEDS_MODIFIER = frozenset({"minister", "secretary"})
# Words that make a role phrase someone other than the office's holder named in the article:
# a former or future holder ("the former president", "the incoming chief executive").
_NOT_THE_HOLDER = frozenset(
    "former ex late then next new incoming outgoing previous future interim designate elect".split())
# Owners written before a role as common nouns, with the possessive or stripped of it ("the
# company's chief executive", "the companys chief executive").
_OWNERS = frozenset(
    """company firm group bank country nation party city state government carmaker airline
    carrier club league union council network agency""".split())
_OWNER_FORMS = _OWNERS | frozenset(w + "s" for w in _OWNERS)
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
_BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Words before a role phrase that make it no one in particular or someone's relation.
_DETERMINERS = frozenset({"the", "its"})


def role_mentions(sentence: AnnotatedSentence, mentions: list[Mention], article_id: str = "") -> list[Mention]:
    """The role-only references of one annotated sentence (see the module docstring).
    ``mentions`` are the sentence's name mentions: a role phrase overlapping a person's
    mention is that mention's title, not a reference of its own."""
    doc = sentence.doc
    names = [(m.span.start, m.span.end, m.label) for m in mentions]
    people = [(s, e) for s, e, label in names if label == "PERSON"]
    out: list[Mention] = []
    for k, tok in enumerate(doc):
        ends = _head_end(doc, k)
        if ends is None:
            continue
        head_end, end, portfolio = ends
        start = _phrase_start(doc, k, portfolio)
        if start is None:
            continue
        span = sentence.span(doc[start].idx, doc[head_end - 1].idx + len(doc[head_end - 1].text))
        title = _body_capitalised(sentence.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)).text,
                                  doc[start:end])
        whole = span.start + len(title)
        if not span.text.strip() or any(s < whole and span.start < e and (label == "PERSON" or s < span.start
                                                                         or e > whole)
                                        for s, e, label in names):
            continue  # a person's title, or a word of a longer name ("the President's Council")
        out.append(Mention(article_id, span, "PERSON", title=title, evidence=_apposition(sentence, start, end, people)))
    return out


def _body_capitalised(title: str, tokens) -> str:
    """``title`` with the words the recogniser tagged a body, place or people capitalised: a
    crawl's lower-case ``french president`` is the French one (roles read bodies from capitals)."""
    for tok in tokens:
        if tok.ent_type_ in _BODY_LABELS and tok.text[:1].islower():
            title = re.sub(rf"\b{re.escape(tok.text)}\b", tok.text[:1].upper() + tok.text[1:], title, count=1)
    return title


# Honorifics between an apposition's comma and the name ("the Prime Minister of Arnholt, Mr.
# Tomas Berg,").
_HONORIFICS = frozenset("mr mrs ms dr sir dame".split())


def _apposition(sentence: AnnotatedSentence, start: int, end: int, people: list[tuple[int, int]]) -> str:
    """The evidence of the role phrase of tokens ``start:end``: in apposition to the person's
    name just before it (``Tomas Berg, the interior minister,``) or just after it (``the
    interior minister, Mr Tomas Berg,``), or alone. A comma must part them, and the
    apposition must close: no verb right after it (``... with Hale, the prime minister of
    Arnholt said``, ``as the president of Arnholt, Hale said``: a clause of its own)."""
    doc = sentence.doc
    j = start - (start > 0 and doc[start - 1].lower_ in _DETERMINERS)
    if j >= 2 and doc[j - 1].text == "," and _person_at(sentence, doc[j - 2], people) and not _verb(doc, end):
        return ROLE_OF_NAME_BEFORE
    k = end + 1
    if end < len(doc) and doc[end].text == ",":
        while k < len(doc) and (doc[k].lower_.rstrip(".") in _HONORIFICS or doc[k].text == "."):
            k += 1
        name = _person_at(sentence, doc[k], people) if k < len(doc) else None
        if name is not None:
            while k < len(doc) and sentence.span(doc[k].idx, doc[k].idx + len(doc[k].text)).start < name[1]:
                k += 1
            if not _verb(doc, k):
                return ROLE_OF_NAME_AFTER
    return ROLE_REFERENCE


def _person_at(sentence: AnnotatedSentence, tok, people: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The person's mention (start, end) that token ``tok`` is written in, or None."""
    at = sentence.span(tok.idx, tok.idx + len(tok.text))
    return next(((s, e) for s, e in people if s < at.end and at.start < e), None)


def _verb(doc, i: int) -> bool:
    """Is token ``i`` a verb (a clause goes on there), not the end of an apposition? In a
    sentence only the recogniser read (no tags), a speech verb's or an auxiliary's form."""
    if i >= len(doc):
        return False
    tag = doc[i].tag_
    return tag.startswith("VB") or tag == "MD" or not tag and doc[i].lower_ in _VERB_FORMS


# Verb forms that go on a clause after a name or a role phrase ("..., Hale said", "the
# prime minister of Arnholt has"): speech cues and auxiliaries.
_VERB_FORMS = CUE_FORMS | frozenset(
    "is was are were has had have will would can could may might must shall should did does do".split())


def _head_end(doc, k: int) -> tuple[int, int, bool] | None:
    """Where the role phrase headed by token ``k`` ends, or None: a singular office word
    (``chief executive (officer)`` as one) that heads its noun phrase, not a title before a
    name or a compound's modifier (``president election``). Two ends: the head's, where the
    mention ends, and the phrase's, which the role's title takes in: a portfolio written
    after the office (``minister of transport``) and a body after ``of`` or ``for`` (``the
    president of Arnholt``), which keeps its own mention. The flag: a portfolio was written."""
    tok = doc[k]
    low = tok.lower_
    end = k + 1
    if low == "executive" and k > 0 and doc[k - 1].lower_ == "chief":
        if end < len(doc) and doc[end].lower_ == "officer":
            end += 1
    elif low not in ROLE_HEADS or tok.tag_ in ("NNS", "NNPS"):
        return None
    if doc[end - 1].dep_ == "compound":
        return None
    head_end, portfolio = end, False
    if low in _NEEDS_MODIFIER:
        stop = _portfolio_after(doc, end)
        portfolio, end = stop > end, stop
    if end + 1 < len(doc) and doc[end].lower_ in ("of", "for"):
        j = end + 1 + (doc[end + 1].lower_ == "the")
        stop = j
        while stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].text.replace(".", "").isalpha() \
                and doc[stop].ent_type_ != "PERSON":
            stop += 1
        if stop > j:
            end = stop
    if _titles_before_a_name(doc, end):
        return None  # "the bank chairman and chief executive Ada Roth": two titles of one name
    if end < len(doc):
        nxt = doc[end]
        if nxt.ent_type_ == "PERSON" or nxt.text in ("-", "–") or _proper(nxt):
            return None  # "Foreign Minister Sergei Lavrov": a title; "minister-designate"
    return head_end, end, portfolio


def _titles_before_a_name(doc, i: int) -> bool:
    """Do ``and`` and more title words run from token ``i`` into a person's name?"""
    if i >= len(doc) or doc[i].lower_ not in ("and", "&"):
        return False
    k = i + 1
    while k < len(doc) and (doc[k].lower_ in TITLE_WORDS or doc[k].lower_ in ROLE_MODIFIERS or doc[k].text == "-"):
        k += 1
    return k > i + 1 and k < len(doc) and doc[k].ent_type_ == "PERSON"


def _portfolio_after(doc, i: int) -> int:
    """The end of a portfolio written after an office at token ``i`` (``of transport``,
    ``for Foreign Affairs``, ``of the Interior``), or ``i``."""
    if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "for"):
        return i
    j = i + 1 + (doc[i + 1].lower_ == "the")
    if j < len(doc) and doc[j].lower_ in ROLE_MODIFIERS:
        return j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "affairs")
    return i


def _phrase_start(doc, k: int, portfolio: bool = False) -> int | None:
    """Where the role phrase of head token ``k`` starts (after its determiner), or None when
    it is no definite reference to one holder: ``the``/``its``, an owner's possessive or a
    body's name must come first (or a name and a comma: an apposition), and no word of a
    former or future holder. ``portfolio``: one was written after the office."""
    first_head = k - 1 if doc[k].lower_ == "executive" else k
    j = first_head
    while j > 0:
        prev = doc[j - 1]
        low = prev.lower_
        if low in _NOT_THE_HOLDER:
            return None
        if low in ROLE_MODIFIERS or low in ("chief", "vice", "deputy") or _owner(prev) \
                or prev.text in _POSSESSIVE_MARKS and j >= 2 and _owner(doc[j - 2]):
            j -= 1
            continue
        break
    written = doc[j:first_head]
    modified = portfolio or any(t.lower_ in ROLE_MODIFIERS or _owner(t) for t in written)
    if doc[k].lower_ in _NEEDS_MODIFIER and not modified:
        return None
    if j > 0 and doc[j - 1].lower_ in _NOT_THE_HOLDER:
        return None
    owned = any(_owner(t) or t.text in _POSSESSIVE_MARKS for t in written)
    if j > 1 and doc[j - 1].lower_ == "the" and _office_in_general(doc, j - 1):
        return None
    if j > 0 and doc[j - 1].lower_ in _DETERMINERS or owned and (j == 0 or not _indefinite(doc[j - 1])):
        return j
    if j >= 2 and doc[j - 1].text == "," and doc[j - 2].ent_type_ == "PERSON":
        return j  # an apposition after a name: "Tomas Berg, chief executive of Kestrel Foods,"
    return None


# Words before "the <office>" that make it the office, held by no one in particular: the
# base form of "be", "become" or "elect" (whoever it will or should be: "wants to be the
# president", "who should become the prime minister", "voters who elect the president") and
# what an office has ("the powers of the
# president", "the post of the prime minister"). "is the president" stays: it says who holds it.
_OFFICE_VERBS = frozenset({"be", "become", "elect"})
_OFFICE_NOUNS = frozenset(
    "powers power post role office duties authority title position job election candidacy".split())


def _office_in_general(doc, the: int) -> bool:
    """Does the ``the`` at token ``the`` open a role phrase that names the office itself?"""
    prev = doc[the - 1].lower_
    if prev in _OFFICE_VERBS:
        return True
    return prev == "of" and the >= 2 and doc[the - 2].lower_ in _OFFICE_NOUNS


def _owner(tok) -> bool:
    """A word that can own a role: a body's or a place's name (tagged so, a proper noun the
    model left untagged: ``Arnholt's foreign minister``, or a known place's stripped
    possessive: ``Spains foreign minister``), or ``company``-like nouns; not a person's name."""
    if tok.lower_ in ROLE_MODIFIERS or tok.lower_ in TITLE_WORDS:
        return False  # "Foreign" of "Foreign Minister": the role's own words
    return tok.ent_type_ in _BODY_LABELS or tok.lower_ in _OWNER_FORMS or _proper(tok) and not tok.ent_type_ \
        or tok.text.endswith("s") and tok.text[:1].isupper() and is_place_key(fold(tok.text[:-1]))  # "Spains"


def _proper(tok) -> bool:
    """A capitalised word tagged a proper noun, or, in a sentence only the recogniser read
    (no tags: the enrich stage parses only what quotes and events need), not its first."""
    return tok.text[:1].isupper() and tok.is_alpha and (tok.tag_ in ("NNP", "NNPS") or not tok.tag_ and tok.i > 0)


def _indefinite(tok) -> bool:
    """A word before a role phrase that makes it any holder or a relation's: ``a``, ``every``,
    ``his``."""
    return tok.lower_ in ("a", "an", "any", "every", "each", "another", "no", "one", "his", "her", "their",
                          "my", "our", "your", "whose", "which", "as")
