"""Sentences with a parse written by hand, for rules that answer a parser's slip: a test
fixes the parse a crawl sentence had, so that it does not depend on what the model makes of
the made-up words. All words were written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model

_NO_SPACE_BEFORE = frozenset(",.?!:;")


def parsed(spec: str) -> AnnotatedSentence:
    """One parsed sentence from tokens written ``word/TAG/POS/dep>head[/LABEL][=lemma]``,
    separated by spaces (``told/VBD/VERB/conj>1=tell``, ``Oren/NNP/PROPN/conj>9/PERSON``):
    the head by token index, an entity label for a name, the lemma when it is not the word in
    lower case. A word takes a space after it unless punctuation follows."""
    rows = []
    for item in spec.split():
        item, _, lemma = item.partition("=")
        left, _, head_label = item.partition(">")
        word, tag, pos, dep = left.rsplit("/", 3)  # the word may be "." or "/"
        head, _, label = head_label.partition("/")
        rows.append((word, tag, pos, dep, int(head), lemma or word.lower(), label))
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE for i in range(len(words))]
    doc = Doc(load_model().vocab, words=words, spaces=spaces, tags=[r[1] for r in rows],
              pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows],
              lemmas=[r[5] for r in rows], ents=_iob([r[6] for r in rows]))
    return AnnotatedSentence(0, doc.text, doc, True)


def _iob(labels: list[str]) -> list[str]:
    """Entity tags in IOB form: a run of one label is one entity."""
    return ["O" if not label else ("I-" if i and labels[i - 1] == label else "B-") + label
            for i, label in enumerate(labels)]
