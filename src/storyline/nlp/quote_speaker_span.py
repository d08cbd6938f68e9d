"""A speaker as written: the noun phrase a cue's subject heads, and the name inside it.

:func:`speaker_phrase` gives the phrase without the relative clauses, appositions and
conjoined clauses that describe the speaker rather than name it (a clause set off by a comma
is cut also when the parser hangs it deeper, inside a prepositional phrase);
:func:`name_range` gives the proper-noun phrase, preferring a person named in apposition to a
title (``the head of the council, Ada Roth,``), never a name in brackets (``The court
(Reuters) decided``: a wire credit or a label). :mod:`.quote_subjects` finds which token is the
speaker; this module only measures its extent.
"""

from __future__ import annotations

RELATIVE = frozenset({"who", "that", "which", "whom"})
# Dependents of a subject that are not part of the speaker as written.
_SPEAKER_CUT = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj"})


def speaker_phrase(head) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without relative
    clauses, appositions and conjoined clauses."""
    start = after_stamp(head.doc, head.left_edge.i, head.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in _SPEAKER_CUT:
            break
        end = max(end, _before_relative(child) + 1)
    return start, end


def after_stamp(doc, start: int, head: int) -> int:
    """``start`` moved past a closing bracket before ``head`` whose opening bracket lies
    before ``start``: the end of a live page's time stamp (``(Update 4:25 p.m. Oslo, 10:25
    a.m. ET) Norway's finance minister``), which the parser ran into the speaker."""
    depth = 0
    for i in range(start, head):
        if doc[i].text == "(":
            depth += 1
        elif doc[i].text == ")":
            if depth == 0:
                start = i + 1
            else:
                depth -= 1
    return start


def _before_relative(child) -> int:
    """The last token of ``child``'s phrase before a relative clause hung deeper inside it
    (``a spokesman for the port authority, Ilse Marek, who stood for the bloc``: the parser
    hangs ``who stood`` on ``authority``, inside the prepositional phrase), trailing commas
    dropped. Only a clause set off by a comma: ``the head of the office that runs the port``
    needs its clause to say who."""
    doc = child.doc
    end = child.right_edge.i
    for tok in child.subtree:
        first = tok.left_edge.i
        if (tok.dep_ == "relcl" and first > child.i and doc[first].lower_ in RELATIVE
                and doc[first - 1].text == ","):  # set off by a comma: not restrictive
            end = min(end, first - 1)
    while end > child.i and doc[end].is_punct:
        end -= 1
    return end


def name_range(doc, head) -> tuple[int, int] | None:
    """The proper-noun phrase of a speaker: the named entity over ``head``, or the run of
    proper nouns around it, or an apposition / possessive name. A person named in
    apposition wins over a title or a description: ``Turkey's Prime Minister Recep Tayyip
    Erdogan`` (parsed with ``Minister`` as head, the name its apposition) and ``the head of
    the council, Ada Roth,`` are both that person."""
    if head.ent_type_ != "PERSON":
        person = _appositive_person(doc, head)
        if person is not None:
            return person
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        for ent in doc.ents:
            if ent.start <= head.i < ent.end:
                return ent.start, _before_bracket(doc, ent.start, ent.end)
    if head.pos_ == "PROPN" and head.text[:1].isupper():  # the tagger calls "foreign ministry" PROPN too
        start = end = head.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in ("compound", "flat"):
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].head.i in range(start, end + 2):
            end += 1
        # "Secretary of State", "Duke of York": ``of`` and a proper noun belong to the name
        while end + 2 < len(doc) and doc[end + 1].lower_ == "of" and doc[end + 1].head.i in range(start, end + 1) \
                and doc[end + 2].pos_ == "PROPN" and doc[end + 2].head.i == end + 1:
            end += 2
            while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].head.i == end:
                end += 1
        return start, end + 1
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and not _bracketed(child):
            return name_range(doc, child)
    return None


def _bracketed(tok) -> bool:
    """Whether a phrase stands in brackets: ``The court (Reuters) decided``. A name in
    brackets after a speaker is a wire credit or a label (an agency, a party), not the
    name of who spoke."""
    doc = tok.doc
    words = [t.i for t in tok.subtree if not t.is_punct]  # the parser may hang the brackets on it
    if not words:
        return False  # a dash the tagger called a proper noun (a Libya crawl page had crashed here)
    first, last = words[0], words[-1]
    return first > 0 and doc[first - 1].text == "(" and last + 1 < len(doc) and doc[last + 1].text == ")"


def _before_bracket(doc, start: int, end: int) -> int:
    """The end of a name that the NER ran over an opening bracket (``Lindqvist (Reuters``):
    a name ends before it (see :func:`_bracketed`)."""
    return next((i for i in range(start + 1, end) if doc[i].text == "("), end)


def _appositive_person(doc, head) -> tuple[int, int] | None:
    """The PERSON entity headed by an apposition of ``head`` (the first one), or None. Also
    one that closes a participle phrase on ``head`` right before the comma that ends the
    speaker's phrase (``One farmer backing Mr. Lund, Ada Varga of Hill Farm, said``: the
    parser hangs the name on the participle's object, but it renames the farmer)."""
    for child in head.children:
        if child.dep_ != "appos" or child.ent_type_ != "PERSON":
            continue
        for ent in doc.ents:
            if ent.start <= child.i < ent.end and ent.label_ == "PERSON":
                return ent.start, ent.end
    last = head.right_edge.i
    if doc[last].text != ",":
        return None
    for acl in (c for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")):
        for tok in acl.subtree:
            if tok.dep_ == "appos" and tok.right_edge.i + 1 == last and doc[tok.left_edge.i - 1].text == ",":
                return _person_run(doc, tok)
    return None


def _person_run(doc, tok) -> tuple[int, int] | None:
    """The person's name over ``tok``: its PERSON entity, or a first and last name the NER
    missed (two or more proper nouns ending at ``tok``: ``Darla Whitby of ...``)."""
    if tok.ent_type_ == "PERSON":
        return next(((e.start, e.end) for e in doc.ents if e.start <= tok.i < e.end), None)
    start = tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head == tok:
        start -= 1
    if tok.pos_ != "PROPN" or start == tok.i or tok.ent_type_ not in ("", "PERSON"):
        return None
    return start, tok.i + 1
