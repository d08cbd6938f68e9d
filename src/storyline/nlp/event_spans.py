"""The span of an actor or target "as written": where the noun phrase of a head token starts
and ends, and how "X and Y" splits into its parts.

Kept apart from :mod:`storyline.nlp.event_args`, which finds *which* token is the actor or the
target: the extent is a separate question (what a reader would underline), answered the same
way for every event type and by every coder (rules, roles by position, the classifier's
fallback), and it is where quote marks, appositions and "of" phrases are handled.
"""

from __future__ import annotations

from .event_args import OF_HEADS, child, conjuncts, prep_object

# Left dependents kept in a noun phrase span: "the [Russian] [defence] minister".
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "quantmod", "flat",
                        "npadvmod", "advmod"})
_ARTICLES = frozenset({"the", "a", "an"})
# words that open a coordinated phrase and belong to its span: "[neither] X nor Y"
_PAIRING = frozenset({"neither", "either", "both"})
_PLACE_PREPS = frozenset({"from", "in", "of"})  # "soldiers [from Gondor]", "activists [in Arnor]"


def np_bounds(tok, *, with_conj: bool = True) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by ``tok``, as written.

    Keeps names, titles, adjectives, numbers and possessors on the left, coordinated
    phrases, a name-like "of" phrase and a name in apposition on the right; drops articles,
    relative clauses, other appositions and other trailing modifiers."""
    if tok.pos_ == "PRON" and not (tok.lower_ in OF_HEADS and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)):
        return tok.i, tok.i + 1  # but "[some of the prisoners]", "[all of them]"
    start = end = tok.i
    paired = with_conj and any(c.dep_ == "conj" for c in tok.children)
    for c in tok.children:
        if c.i < tok.i and c.dep_ in _LEFT_DEPS:
            start = min(start, c.left_edge.i)
        elif paired and c.i < tok.i and c.dep_ in ("preconj", "det") and c.lower_ in _PAIRING:
            start = min(start, c.i)  # "[Neither] the army nor the rebels": not "army nor the rebels"
        elif c.i > tok.i:
            if c.dep_ in ("compound", "flat", "nummod") and c.i == end + 1:
                end = c.i
            elif c.dep_ == "prep" and c.lower_ == "of" and (tok.lemma_.lower() in OF_HEADS or tok.lower_ in OF_HEADS
                                                           or tok.pos_ == "NUM"):  # "[two of the organisers]"
                pobj = child(c, "pobj")
                if pobj is not None:
                    end = max(end, np_bounds(pobj)[1] - 1)
            elif c.i == end + 1 and _place_prep(tok, c):
                end = max(end, np_bounds(child(c, "pobj"))[1] - 1)
            elif with_conj and c.dep_ == "conj":
                end = max(end, np_bounds(c)[1] - 1)
            elif _named_apposition(c, end):
                end = max(end, np_bounds(c, with_conj=False)[1] - 1)  # "the opposition leader, [Jan Morrow]"
    doc = tok.doc
    while start < tok.i and (doc[start].lower_ in _ARTICLES or doc[start].is_punct or doc[start].tag_ == "WP$"):
        start += 1  # "[whose] troops": a relative word names no one
    while end > tok.i and (doc[end].is_punct or doc[end].dep_ in ("cc", "case")):
        end -= 1
    start, end = _bracketed(doc, tok, start, end + 1)
    start, end = _dashed(doc, tok, start, end)
    return _balanced(doc, tok, start, end)


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"})


def _balanced(doc, tok, start: int, end: int) -> tuple[int, int]:
    """Bounds [start, end) with quote marks in pairs: a phrase that holds one mark of a pair
    takes the other when it is next to the phrase (the opening mark of "[“Red” Marco
    Velli]", which the stripping of leading punctuation dropped), else loses the side of the
    mark that the head is not on."""
    marks = [i for i in range(start, end) if doc[i].text in QUOTE_MARKS]
    if len(marks) % 2 == 0:
        return start, end
    if start > 0 and doc[start - 1].text in QUOTE_MARKS and doc[marks[0]].text != "\u201c":
        return start - 1, end
    if end < len(doc) and doc[end].text in QUOTE_MARKS and doc[marks[-1]].text != "\u201d":
        return start, end + 1
    orphan = marks[0] if marks[0] < tok.i else marks[-1]
    return (orphan + 1, end) if orphan < tok.i else (start, orphan)


_OPENING = {")": "(", "]": "["}


def _bracketed(doc, tok, start: int, end: int) -> tuple[int, int]:
    """Bounds [start, end) that hold no bracket of a pair without its mate. A phrase that
    closes a bracket it did not open takes the opening one when it is next to the phrase and
    the words between hold no number ("[(Varenian) border guards]", an editor's insertion),
    else starts after it (a live page's "(Update 3 p.m., 8 a.m. ET) [Northford] has sent
    two planes": the time stamp is no part of the name; a list's "12) [38 passengers]"); one
    that opens a bracket it does not close ends before it ("[the Rugby Board] (IRB")."""
    opened: list[int] = []
    for i in range(start, end):
        word = doc[i].text
        if word in ("(", "["):
            opened.append(i)
        elif word in _OPENING:
            if opened and doc[opened[-1]].text == _OPENING[word]:
                opened.pop()
            elif i < tok.i:
                inserted = start > 0 and doc[start - 1].text == _OPENING[word] \
                    and not any(c.isdigit() for t in doc[start:i] for c in t.text)
                start, opened = (start - 1 if inserted else i + 1), []
            else:
                return start, i
    if opened and opened[0] > tok.i:
        end = opened[0]
    return start, end


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _dashed(doc, tok, start: int, end: int) -> tuple[int, int]:
    """Bounds [start, end) cut at a dash standing alone that has no mate in the phrase: the
    side of the head ("May 2 - [Varenian rebels] took the port", "[the rally's organisers] --
    a group of students"); a pair of dashes around an aside stays ("[the large -- but
    banned -- opposition]"). A hyphen inside a word ("pro-Oren") is no dash."""
    dashes = [i for i in range(start, end) if doc[i].text in _DASHES
              and (doc[i].text != "-" or i > 0 and doc[i - 1].whitespace_)]
    if len(dashes) % 2 == 0:
        return start, end
    before = [i for i in dashes if i < tok.i]
    after = [i for i in dashes if i > tok.i]
    start, end = (before[-1] + 1 if before else start), (after[0] if after else end)
    while start < tok.i and doc[start].dep_ in ("cc", "punct"):
        start += 1  # "food - [and] aid workers"
    return start, end


def _named_apposition(c, end: int) -> bool:
    """Whether ``c`` is a name in apposition right after a phrase ending at ``end`` ("the
    opposition leader, [Jan Morrow]", "Sudan's capital [Khartoum]"), not an acronym in
    brackets ("the Rugby Board (IRB)"), which would leave the span's bracket open, nor a name
    after a name."""
    if c.dep_ != "appos" or c.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") or c.head.ent_type_:
        return False  # a name after a name is an alias or a misattached phrase: "its envoy to
        # Arnholt, [Clare Whitlock]" names the envoy, not Arnholt
    first = c.left_edge.i
    return first <= end + 2 and "(" not in (c.doc[first].text, c.doc[first - 1].text)


def _place_prep(noun, prep) -> bool:
    """A description placed by a name: "troops [from Gondor]", "a hospital [in Mariupol]"."""
    if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS or noun.pos_ != "NOUN":
        return False
    pobj = child(prep, "pobj")
    return pobj is not None and pobj.ent_type_ in ("GPE", "NORP", "ORG", "LOC")


def placed_by_name(noun) -> bool:
    """Whether a noun's phrase names its place or origin right after it (see np_bounds)."""
    return any(c.i == noun.i + 1 and _place_prep(noun, c) for c in noun.children)


# Prepositions whose pair of names splits a description: "the ministers [of] X and Y",
# "officials [from] X and Y", "police [in] X and Y"
_PAIR_PREPS = ("of", "from", "in")


def split_coordination(tok):
    """For "X and Y" headed by ``tok``: (first conjunct bounds, bounds of the rest) or None.
    "The ministers of X and Y" splits inside its "of" phrase: "ministers of X", "Y"; so do
    "officials from X and Y" and "police in X and Y"."""
    parts = conjuncts(tok)
    pre = next((c for c in tok.children if c.dep_ in ("nmod", "compound") and c.i < tok.i
                and len(conjuncts(c)) > 1), None)
    if len(parts) < 2 and pre is not None:
        # "talks between [Ms Hale and Arnholts] foreign minister", "US and Iraqi officials": the
        # parser's reading of "A and B's C" or "A and B C": A, and the rest with the head
        inner = conjuncts(pre)
        return (np_bounds(inner[0], with_conj=False),
                (np_bounds(inner[1], with_conj=False)[0], np_bounds(tok, with_conj=False)[1]))
    if len(parts) < 2:
        of = prep_object(tok, _PAIR_PREPS) if tok.pos_ == "NOUN" else None
        if of is None or len(conjuncts(of)) < 2:
            return None  # one level only: "parishes in [the islands of X and Y]" is one place
        inner = split_coordination(of)
        return (np_bounds(tok, with_conj=False)[0], inner[0][1]), inner[1]
    first = np_bounds(parts[0], with_conj=False)
    rest_start = np_bounds(parts[1], with_conj=False)[0]
    rest_end = max(np_bounds(p, with_conj=False)[1] for p in parts[1:])
    return first, (rest_start, rest_end)
