"""Page furniture run into a sentence, which the model reads as names.

The clean stage drops a line of furniture (``Reply``, ``Report abuse``), but a readers'
comment section often reaches the store as one line: a comment's stamp, the buttons and the
next comment, joined by pipes (``March 2 at 9:15 am | Report abuse | Reply Does anyone
know ...``). So:

* the words after a pipe open a comment as the words after a full stop open a sentence
  (:func:`opens_text`): a capitalised common word there is no name by the rules for a
  sentence's first word (:func:`storyline.nlp.mention_context.common_word`);
* a comment's button the model ran into the comment's first word (``Reply Does``) is cut off,
  and a button alone is dropped (:func:`without_button`);
* a site's own pages, named in its notices (``our Terms of Service``, ``the Privacy
  Policy``), are no entity (:func:`page_document`);
* a credit line's verb before ``by`` (``Compiled by the moderation staff``, ``Posted by``),
  which the model tags as a person, and reads into a commenter's name written before it
  (``JDoe77 Compiled``), is cut off (:func:`without_credit_verb`).
"""

from __future__ import annotations

import re

from ..records import Mention, Span

__all__ = ["opens_text", "comments_apart", "without_furniture", "without_button", "page_document", "without_credit_verb"]

# A comment's buttons, written before the comment they answer or report.
_BUTTONS = r"(?:Reply|Report abuse|Report)"
_BUTTON = re.compile(_BUTTONS + r"(?:\s+|$)")
# The pipe that joins a comment to its stamp and its buttons, and the buttons after it; a
# sentence's own pipes are rare in news text (a headline's "Site | Section" is a line of its own).
_PIPE_BEFORE = re.compile(r"\|\s*(?:" + _BUTTONS + r"\s+)*$")
# A site's pages its notices name: the terms, the privacy and cookie notices, its rules for
# comments. Capitalised as titles, the model tags them ORG.
_PAGE_DOCUMENT = re.compile(
    r"(?:the\s+)?(?:terms\s+(?:of|and)\s+(?:use|service|conditions)|privacy\s+(?:policy|notice|statement)"
    r"|cookie\s+(?:policy|notice)|rules\s+of\s+conduct|community\s+(?:guidelines|standards|rules)|house\s+rules)",
    re.I)


def without_furniture(ms: list[Mention], text: str) -> list[Mention]:
    """A sentence's mentions without the furniture run into them (module docstring)."""
    out = []
    for m in ms:
        if page_document(m):
            continue
        kept = without_credit_verb(m, text)
        kept = without_button(kept, text) if kept is not None else None
        if kept is not None:
            out.append(kept)
    return out


def opens_text(text: str, start: int) -> bool:
    """Whether ``start`` opens the sentence or, after a pipe, a comment run into it."""
    before = text[:start]
    return not any(c.isalpha() for c in before) or bool(_PIPE_BEFORE.search(before))


_PIPE_RUN = re.compile(r"\s*\|\s*(?:" + _BUTTONS + r"\s+)*")


def comments_apart(text: str) -> str:
    """``text`` with each pipe and the buttons after it written as a full stop, for the word
    counts that tell a name from a sentence's first word (``| Reply Did`` -> ``. Did``)."""
    return _PIPE_RUN.sub(". ", text)


def without_button(m: Mention, text: str) -> Mention | None:
    """``m`` without a comment's button the model ran into it after a pipe (``Reply Did`` ->
    ``Did``, which then opens the comment); None for a button alone. ``m`` otherwise."""
    if not _PIPE_BEFORE.search(text[:m.span.start]):
        return m
    hit = _BUTTON.match(m.span.text)
    if not hit:
        return m
    rest = m.span.text[hit.end():]
    if not rest.strip():
        return None
    start = m.span.start + hit.end()
    return m.replace(span=Span(m.span.sentence_index, start, m.span.end, rest), title="")


def page_document(m: Mention) -> bool:
    """Whether ``m`` names one of a site's own pages (``Terms of Service``), not an entity."""
    return bool(_PAGE_DOCUMENT.fullmatch(m.span.text.strip()))


# The verbs of a page's credit lines ("Compiled by", "Posted by", "Edited by"): a participle
# capitalised at the line's start, never a name's word before "by".
_CREDIT_VERBS = frozenset(
    "compiled posted edited written reported produced updated filed moderated curated translated "
    "photographed submitted sent".split())
_BY = re.compile(r"\s+by\b")


def without_credit_verb(m: Mention, text: str) -> Mention | None:
    """``m`` without a credit line's verb it ends in, when ``by`` follows (``Compiled`` of
    ``Compiled by ...``: None; ``JDoe77 Compiled`` -> ``JDoe77``). ``m`` otherwise."""
    words = m.span.text.split()
    if not words or words[-1].lower() not in _CREDIT_VERBS or not words[-1][:1].isupper() \
            or not _BY.match(text, m.span.end):
        return m
    if len(words) == 1:
        return None
    end = m.span.start + m.span.text.rstrip().rfind(" ")
    rest = text[m.span.start:end].rstrip()
    return m.replace(span=Span(m.span.sentence_index, m.span.start, m.span.start + len(rest), rest))
