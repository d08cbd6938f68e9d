"""The spaCy component ``storyline_entity_fixes``: storyline's label corrections in the pipeline.

Added with :func:`add_entity_fixes` after ``ner``, it corrects each entity's label
(:func:`storyline.nlp.mention_labels.fix_label`), ends an entity before a bracket it opens
and does not close and before a colon that opens a sentence (:func:`name_end`), and sets ``Span._.title`` to the honorifics
and titles written before the name (:func:`storyline.nlp.mention_titles.name_pieces`). The
corrections are idempotent, so :func:`storyline.nlp.mentions.find_mentions` works with or
without the component.
"""

from __future__ import annotations

from .mention_labels import fix_label
from .mention_titles import name_pieces

__all__ = ["COMPONENT", "add_entity_fixes", "name_end", "unclosed_bracket"]

COMPONENT = "storyline_entity_fixes"

def unclosed_bracket(ent) -> int:
    """Where an entity should end: before a bracket it opens and does not close (``Zuwara
    (CNN`` of a dateline ``Zuwara (CNN) --``: the agency would become the place's alias)."""
    depth, opened = 0, ent.end
    for tok in ent:
        if tok.text == "(":
            if depth == 0:
                opened = tok.i
            depth += 1
        elif tok.text == ")" and depth:
            depth -= 1
    return opened if depth else ent.end


def colon_end(ent) -> int:
    """Where an entity should end: before a colon inside it that a capitalised word follows.
    A name never runs over such a colon: it opens a quotation whose marks the crawl stripped
    (``told the Clarion: This is ...``). A title's subtitle, two or more capitalised words or
    figures to the span's end (``Age of Kest: The Long Century 1800-1900``), is the title's and
    stays."""
    for tok in ent[:-1]:
        if tok.text == ":" and ent.doc[tok.i + 1].text[:1].isupper():
            rest = ent.doc[tok.i + 1:ent.end]
            if len(rest) >= _SUBTITLE_WORDS and all(t.text[:1].isupper() or t.text[:1].isdigit() or t.is_punct
                                                    for t in rest):
                return ent.end
            return tok.i
    return ent.end


_SUBTITLE_WORDS = 2  # one capitalised word after the colon is a quotation's first ("This", "We")


def name_end(ent) -> int:
    """Where an entity should end: before an unclosed bracket (:func:`unclosed_bracket`) or a
    colon opening a sentence (:func:`colon_end`), whichever comes first."""
    return min(unclosed_bracket(ent), colon_end(ent))


def _fixes(doc):
    """spaCy component: correct entity labels; set ``Span._.title``."""
    from spacy.tokens import Span as SpacySpan

    ents = []
    for ent in doc.ents:
        label = fix_label(ent.text, ent.label_)
        end = name_end(ent)
        if end <= ent.start:
            continue
        new = ent if label == ent.label_ and end == ent.end else SpacySpan(doc, ent.start, end, label=label)
        ents.append(new)
    doc.ents = ents
    for ent in doc.ents:
        pieces = name_pieces(ent, ent.label_)
        start, _, _, title_start = pieces[-1] if pieces else (ent.start, 0, "", ent.start)
        ent._.title = doc[title_start:start].text if title_start < start else ""
    return doc


def add_entity_fixes(nlp) -> None:
    """Add the ``storyline_entity_fixes`` component after ``ner`` (once)."""
    from spacy.language import Language
    from spacy.tokens import Span as SpacySpan

    if not SpacySpan.has_extension("title"):
        SpacySpan.set_extension("title", default="")
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT)(_fixes)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
