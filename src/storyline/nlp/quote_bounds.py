"""Where a quote's content must end or start, whatever cue found it: at another speaker's
turn in a transcript, and outside a parenthesis the content only half holds.

Broadcast transcripts run turns together when one speaker cuts in on another (``I mean --
BERG: No, that is wrong``): the sentence splitter keeps both turns in one sentence, and the
content of the first turn (or a quote carried over into it) swallowed the second speaker's
words. Live pages open entries with a stamp in parentheses (``(Updated 9:05 a.m. (1605 local))``)
and wire summaries glue a source in parentheses to the next line (``... is near (Wire) --``): a
content cut by the parse inside such a parenthesis began with a stray ``)`` or ended in an
unclosed ``(Wire`` or ``(10 a.m. local``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..records import Span

__all__ = ["within_bounds"]

# Another speaker's turn inside a content: an interruption or a sentence end ("--", "-",
# "...", ".", "?", "!"), then a name in capitals (perhaps a title after a comma) and a colon,
# as a transcript opens each turn ("... I mean -- BERG: ...", "... MALE, PROTESTER: ...").
# Without the punctuation before it a capitalised label may be the content's own ("host of
# ANY SHOW: ...") and stays; so does a label without two capitals in a row ("U.S.:").
_TURN = re.compile(r"(?:\s--?|\.\.\.|[.?!])\s+(?=\S*[A-Z]{2})[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,4}"
                   r"(?:,\s[A-Z0-9][A-Z0-9.,'&\- ]*?)?:\s")
_TRAILING = " \t-–—,;:"


def _cut(span: Span, end: int) -> Span:
    """``span`` ending ``end`` characters into its text, without the dash or comma before."""
    text = span.text[:end].rstrip(_TRAILING)
    return Span(span.sentence_index, span.start, span.start + len(text), text)


# The close of a parenthesis a content stops inside, within a few words; a wire source's
# dateline ("(Wire) --") is the page's and goes with it.
_CLOSE = re.compile(r"[^()]{0,60}?\)")
_DATELINE_AFTER = re.compile(r"\s+--?\s")


def _balanced(span: Span, sentence: str) -> Span:
    """Without a stray ``)`` that opens the content; a content that stops inside a
    parenthesis that closes soon ends after it (``... in Egypt (11 a.m. ET``: the parse cut
    the aside) or, when the parenthesis is a wire dateline, before it. An aside that does
    not close soon is left as the parse cut it (it may hold the speaker's own words)."""
    text = span.text
    start = 0
    if text.lstrip().startswith(")"):
        start = text.index(")") + 1
        start += len(text[start:]) - len(text[start:].lstrip())
    end = len(text)
    depth = 0
    opened = -1
    for i in range(start, end):
        if text[i] == "(":
            depth += 1
            if depth == 1:
                opened = i
        elif text[i] == ")" and depth:
            depth -= 1
    close = _CLOSE.match(sentence, span.end) if depth == 1 else None
    if close and not _DATELINE_AFTER.match(sentence, close.end()):
        return Span(span.sentence_index, span.start + start, close.end(), sentence[span.start + start:close.end()])
    if close:
        end = len(text[start:opened].rstrip(_TRAILING)) + start
    if (start, end) == (0, len(text)):
        return span
    return Span(span.sentence_index, span.start + start, span.start + end, text[start:end])


def within_bounds(content: Sequence[Span], sentences: Mapping[int, str]) -> list[Span]:
    """The content up to the first turn of another speaker (pieces after it go: a turn
    ends a carried quote too), each piece without half a parenthesis at its edges.
    ``sentences``: the texts of the pieces' sentences by sentence index."""
    kept: list[Span] = []
    for piece in content:
        turn = _TURN.search(piece.text)
        if turn:
            piece = _cut(piece, turn.start())
        piece = _balanced(piece, "" if turn else sentences.get(piece.sentence_index, ""))
        if piece.text.strip():
            kept.append(piece)
        if turn:
            break
    return kept
