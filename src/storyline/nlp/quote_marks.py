"""Quote marks, when the input still has them: quotes over several sentences, and kinds.

Only double marks count (``"``, curly double quotes, ``````/``''`` pairs): a single
curly quote is far more often an apostrophe (``Clinton’s``). A straight ``"`` opens when
it follows a space or an opening bracket, and closes otherwise. A sentence whose first mark
closes was opened in an earlier sentence: it starts inside a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Span
from ..settings import Settings
from .annotate import AnnotatedSentence
from .quote_continuation import whole_sentence
from .quote_parse import Frame
from .speech_verbs import cue_words

_MARK = re.compile(r"``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
_OPEN = frozenset({"``", "\u201c", "\u201e", "\u201f", "\u00ab"})
_CLOSE = frozenset({"''", "\u201d", "\u00bb"})


def has_marks(text: str) -> bool:
    """Whether ``text`` has any double quote mark."""
    return bool(_MARK.search(text))


def marks(text: str) -> list[tuple[int, bool]]:
    """(offset, opens) of every double quote mark in ``text``."""
    out = []
    for m in _MARK.finditer(text):
        mark = m.group()
        if mark in _OPEN:
            opens = True
        elif mark in _CLOSE:
            opens = False
        else:
            before = text[m.start() - 1] if m.start() else " "
            opens = before.isspace() or before in "([{\u2014-"
        out.append((m.start(), opens))
    return out


def inside_mask(text: str) -> list[bool]:
    """Per character: is it inside a quotation (assuming an unopened close means the
    quotation began in an earlier sentence)?"""
    found = marks(text)
    state = bool(found) and not found[0][1]
    mask = []
    it = iter(found)
    nxt = next(it, None)
    for i in range(len(text)):
        while nxt is not None and nxt[0] == i:
            state = nxt[1]
            nxt = next(it, None)
        mask.append(state)
    return mask


def mark_kind(content: Sequence[Span], texts: dict[int, str]) -> str:
    """direct (all words inside marks), indirect (none) or mixed."""
    inside = outside = 0
    for span in content:
        text = texts.get(span.sentence_index, "")
        mask = inside_mask(text)
        for m in re.finditer(r"\w+", text[span.start:span.end]):
            if mask[span.start + m.start()]:
                inside += 1
            else:
                outside += 1
    if not inside:
        return "indirect"
    # up to one word in ten outside the marks is still direct: "he said" inside a span
    return "direct" if outside <= 0.1 * (inside + outside) else "mixed"


def extend_with_marks(
    frame: Frame,
    pos: int,
    content: list[Span],
    sentences: Sequence[AnnotatedSentence],
    settings: Settings,
) -> list[Span]:
    """Carry a quotation that the marks leave open at the end of the sentence into the
    next sentences, and one that the first mark closes back to the sentence where it
    opened; after ``"...," she said.`` take a next sentence that opens a new quotation."""
    if not content:
        return content
    text = sentences[pos].text
    found = marks(text)
    if not found:
        return content
    limit = settings["quotes.max_marked_sentences"]
    first, last = content[0], content[-1]
    before: list[Span] = []
    if not found[0][1] and first.start <= found[0][0] and not frame.cue_before:
        for j in range(pos - 1, max(-1, pos - 1 - limit), -1):
            prev = sentences[j]
            pm = marks(prev.text)
            if not pm:
                before.append(whole_sentence(prev))
                continue
            if pm[-1][1]:
                s = pm[-1][0] + 1
                before.append(Span(prev.index, s, len(prev.text), prev.text[s:]))
            else:
                before = []
            break
        else:
            before = []
    after: list[Span] = []
    cue_start = sentences[pos].span(*frame.cue).start
    if found[-1][1] and (last.end >= found[-1][0] or found[-1][0] > cue_start):
        # open at the end: inside the content, or opened after the cue ("...," he said. ")
        after = _forward(pos, sentences, limit, reopen=False)
    elif not frame.cue_before and cue_start > found[-1][0]:
        after = _forward(pos, sentences, limit, reopen=True)
    return [s for s in before[::-1] + list(content) + after if s.text.strip()]


def _forward(pos: int, sentences: Sequence[AnnotatedSentence], limit: int, reopen: bool) -> list[Span]:
    """The following sentences of an open quotation (``reopen``: the next sentence must
    open a new one, and have no cue of its own)."""
    out: list[Span] = []
    for j in range(pos + 1, min(len(sentences), pos + 1 + limit)):
        nxt = sentences[j]
        text = nxt.text
        nm = marks(text)
        lead = len(text) - len(text.lstrip())
        if reopen and not out:
            if not nm or not nm[0][1] or nm[0][0] != lead or cue_words(text):
                return []
        if not nm:
            out.append(whole_sentence(nxt))
            continue
        if not nm[0][1]:
            out.append(Span(nxt.index, 0, nm[0][0], text[:nm[0][0]]))
            break
        if nm[0][0] != lead:
            break
        close = next((m[0] for m in nm[1:] if not m[1]), len(text))
        out.append(Span(nxt.index, nm[0][0] + 1, close, text[nm[0][0] + 1:close]))
        if close < len(text):
            break
    return out
