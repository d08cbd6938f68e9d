"""Role descriptions that stand for a named person: ``the Russian foreign minister said``.

News names an office's holder once (``Foreign Minister Sergei Lavrov``, ``Steve Jobs, Apple's
chief executive,``) and then writes the office alone (``the foreign minister``, ``the
company's chief executive``, a headline's ``Apple CEO``). Readers want those to be the person:
as a quote's speaker, an event's actor, a mention counted for the entity.

:func:`role_mentions` finds such definite role phrases (a singular office word heading its
noun phrase, after ``the``, ``its``, an owner's possessive or a body's name, and not followed
by a name, which would make it that name's title) and gives each a :class:`Mention` labelled
PERSON with evidence :data:`~storyline.records.ROLE_REFERENCE` and the phrase as its
``title``. Which person it is, if anyone, is canonical resolution's decision
(:meth:`storyline.canonical.NameResolver.add`): the one person the article gives that role
(with that body, when the phrase writes one), never one of two holders. Offices a body has
many of (spokesman, director, minister without a portfolio's word... see
:data:`ROLE_HEADS`) are left out.
"""

from __future__ import annotations

from ..canonical_roles import ROLE_MODIFIERS
from ..records import ROLE_REFERENCE, Mention
from .annotate import AnnotatedSentence

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
        title = sentence.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)).text
        whole = span.start + len(title)
        if not span.text.strip() or any(s < whole and span.start < e and (label == "PERSON" or s < span.start
                                                                         or e > whole)
                                        for s, e, label in names):
            continue  # a person's title, or a word of a longer name ("the President's Council")
        out.append(Mention(article_id, span, "PERSON", title=title, evidence=ROLE_REFERENCE))
    return out


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
        while stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].is_alpha \
                and doc[stop].ent_type_ != "PERSON":
            stop += 1
        if stop > j:
            end = stop
    if end < len(doc):
        nxt = doc[end]
        if nxt.ent_type_ == "PERSON" or nxt.text in ("-", "–") or nxt.text[:1].isupper() and nxt.is_alpha \
                and nxt.tag_ in ("NNP", "NNPS"):
            return None  # "Foreign Minister Sergei Lavrov": a title; "minister-designate"
    return head_end, end, portfolio


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
        if low in ROLE_MODIFIERS or low in ("chief", "vice", "deputy") or prev.ent_type_ in _BODY_LABELS \
                or prev.text in _POSSESSIVE_MARKS and j >= 2 or low in _OWNER_FORMS:
            j -= 1
            continue
        break
    written = doc[j:first_head]
    modified = portfolio or any(t.lower_ in ROLE_MODIFIERS or t.ent_type_ in _BODY_LABELS or t.lower_ in _OWNER_FORMS
                                for t in written)
    if doc[k].lower_ in _NEEDS_MODIFIER and not modified:
        return None
    if j > 0 and doc[j - 1].lower_ in _NOT_THE_HOLDER:
        return None
    owned = any(t.ent_type_ in _BODY_LABELS or t.text in _POSSESSIVE_MARKS or t.lower_ in _OWNER_FORMS
                for t in written)
    if j > 0 and doc[j - 1].lower_ in _DETERMINERS or owned and (j == 0 or not _indefinite(doc[j - 1])):
        return j
    if j >= 2 and doc[j - 1].text == "," and doc[j - 2].ent_type_ == "PERSON":
        return j  # an apposition after a name: "Tomas Berg, chief executive of Kestrel Foods,"
    return None


def _indefinite(tok) -> bool:
    """A word before a role phrase that makes it any holder or a relation's: ``a``, ``every``,
    ``his``."""
    return tok.lower_ in ("a", "an", "any", "every", "each", "another", "no", "one", "his", "her", "their",
                          "my", "our", "your", "whose", "which", "as")
