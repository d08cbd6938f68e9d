"""The spaCy component ``storyline_entity_fixes``: storyline's label corrections in the pipeline.

Added with :func:`add_entity_fixes` after ``ner``, it corrects each entity's label
(:func:`storyline.nlp.mention_labels.fix_label`), ends an entity before a bracket it opens
and does not close (:func:`unclosed_bracket`), and sets ``Span._.title`` to the honorifics
and titles written before the name (:func:`storyline.nlp.mention_titles.name_pieces`). The
corrections are idempotent, so :func:`storyline.nlp.mentions.find_mentions` works with or
without the component.
"""

from __future__ import annotations

from .mention_labels import fix_label
from .mention_titles import name_pieces

__all__ = ["COMPONENT", "add_entity_fixes", "unclosed_bracket"]

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


def _fixes(doc):
    """spaCy component: correct entity labels; set ``Span._.title``."""
    from spacy.tokens import Span as SpacySpan

    ents = []
    for ent in doc.ents:
        label = fix_label(ent.text, ent.label_)
        end = unclosed_bracket(ent)
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
