"""Frames of one sentence that overlap: where one attribution ends and the next begins.

The parse and the model each find a sentence's frames on their own, and a content read off
the parse often runs over a second attribution of the same sentence (``Fields tweeted [a
photograph and said she had been pushed]``, ``urged [a pause, telling reporters that ...]``)
or holds the speaker of its own frame (a misread passive). PolNeAR annotates each cue as an
attribution of its own and none inside another's content, so these steps, run on all of a
sentence's frames together before they become quotes, cut a content before a later cue,
drop a frame whose speaker lies inside its content, and keep the outermost of nested frames.
They were in :mod:`.quotes` until it outgrew its size; behaviour is unchanged.
"""

from __future__ import annotations

from .annotate import AnnotatedSentence
from .quote_content import circumstance_mark, holds_report
from .quote_parse import Frame

__all__ = ["closing_attribution", "end_before_coordinated", "end_before_participle", "outermost", "speaker_inside"]


def speaker_inside(frame: Frame) -> bool:
    """Whether the speaker lies inside the content: a misread frame ("The summit was
    announced [on Monday by NORSEC chief Amara Quist after a call]"), never a quote. On the
    PolNeAR train fold dropping them took 25 predictions and raised who-said-what F1 from
    0.664 to 0.665."""
    sp = frame.speaker
    return sp is not None and any(s <= sp[0] and sp[1] <= e for s, e in frame.content)


def end_before_coordinated(sentence: AnnotatedSentence, frames: list[Frame]) -> list[Frame]:
    """A frame's content ends before a later cue coordinated with its own ("Fields tweeted
    [a photograph] and said [she had been pushed]", "suggested [A], called her B"): the
    second cue is an attribution of its own, not a part of the first one's content (which
    would then swallow it, and ``outermost`` drop it). A content that is the second cue's
    clause itself goes, and with it a frame left with no content ("The fund was not announced,
    [but Lund revealed that ...]": the model's passive frame had taken Lund's words).
    Frames change in place."""
    if not sentence.parsed or len(frames) < 2:
        return frames
    doc = sentence.doc
    by_char = {t.idx: t for t in doc}  # type: ignore[attr-defined]
    emptied = []
    for frame in frames:
        tok = by_char.get(frame.cue[0])
        if tok is None:
            continue
        later = {t.idx: t for t in tok.conjuncts if t.i > tok.i}
        for other in frames:
            conj = later.get(other.cue[0])
            if other is frame or conj is None:
                continue
            cut = conj.left_edge.i
            while cut > tok.i + 1 and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                cut -= 1  # "..., and said": the comma and the conjunction go with the second cue
            end = doc[cut - 1].idx + len(doc[cut - 1].text)
            had = bool(frame.content)
            frame.content = [(s, min(e, end)) if s < end < e and s <= conj.idx < e else (s, e)
                             for s, e in frame.content if not end <= s <= conj.idx < e]
            if had and not frame.content:
                emptied.append(frame)
    return [f for f in frames if not any(f is g for g in emptied)]


def closing_attribution(sentence: AnnotatedSentence, frames: list[Frame]) -> list[Frame]:
    """``The union is telling its members that ..., said Varga.``: a cue after a comma with its
    speaker after it, closing the sentence, attributes the whole sentence before the comma;
    the parser had given it only the last clause, and the earlier cue's content ran on over
    it. That content now ends at the comma, and the closing frame's content is the whole
    sentence before it (``outermost`` then keeps Varga's quote, as PolNeAR annotates it).
    Also when the closing frame already has the whole sentence: ``X said A, according to
    press reports`` (the parser hung ``according to`` inside A, so each frame held the
    other's cue and both stayed; PolNeAR gives the report to its outer source; train fold:
    five predictions fewer, none right). Frames change in place."""
    if not sentence.parsed or len(frames) < 2:
        return frames
    doc = sentence.doc
    text = doc.text
    for closing in frames:
        start, end = closing.cue
        speaker = closing.speaker
        comma = text[:start].rstrip()
        if speaker is None or speaker[0] < end or not comma.endswith(",") or text[speaker[1]:].strip(" .!?\"") \
                or not closing.content:
            continue
        cut = len(comma) - 1
        others = [f for f in frames if f is not closing and any(s <= start < e for s, e in f.content)]
        if not others:
            continue
        closing.content = [(0, len(text[:cut].rstrip()))]
        closing.cue_before = False
        for frame in others:
            frame.content = [(s, min(e, cut)) for s, e in frame.content if s < cut]
    return [f for f in frames if f.content]


def end_before_participle(sentence: AnnotatedSentence, frames: list[Frame]) -> list[Frame]:
    """A frame's content ends before a participle cue after a comma that closes it
    ("Democrats see [Sanders as the cause], arguing that ...", "urged [a pause], telling
    reporters that ...") or a cue opening a contrast clause ("[A], while B said ..."): that
    cue is an attribution of its own (PolNeAR annotates it so), not a part of this content,
    which would then swallow it, and ``outermost`` drop it. ``according to X, ...`` and ``..., X said`` keep their whole report (on the PolNeAR
    fold the same figures; on a crawl they kept ``..., saying ..., the Vatican said`` whole
    rather than give the Vatican the participle). So does a clause of time, cause or
    concession with a cue of its own hanging on the frame's cue (``walked out of the
    talks, [after the Courier reported that ...]``: :func:`_circumstance_clause`); a content
    that is such a clause itself goes, and with it a frame left with no content (``the
    campaign responded [as polls show ...]``). Frames change in place."""
    if not sentence.parsed or len(frames) < 2:
        return frames
    doc = sentence.doc
    by_char = {t.idx: t for t in doc}  # type: ignore[attr-defined]
    emptied = []
    for other in frames:
        tok = by_char.get(other.cue[0])
        if tok is None:
            continue
        run_on = _participle_clause(tok) or _contrast_clause(tok)
        if not run_on and not _circumstance_clause(tok):
            continue
        for frame in frames:
            if frame is other or frame.lemma == "according to" or not frame.cue_before:
                continue  # "according to X, ..." and "..., X said" vouch for a whole narrated report
            if run_on:
                frame.content = [_cut_before(doc, tok, s, e) for s, e in frame.content]
            elif tok.head.idx == frame.cue[0]:  # not "said the talks would end [when Oren arrived]"
                first, last = tok.left_edge, tok.right_edge
                had = bool(frame.content)
                whole = not holds_report(tok)  # "confirmed [when he testified] that ...": the parser's slip
                frame.content = [_cut_before(doc, tok, s, e, own=True) for s, e in frame.content
                                 if not (whole and first.idx <= s < e <= last.idx + len(last.text))]
                if had and not frame.content:
                    emptied.append(frame)
    return [f for f in frames if not any(f is g for g in emptied)]


def _participle_clause(cue) -> bool:
    """A participle cue opening a clause after a comma (``..., arguing that ...``), perhaps
    after an adverb of its own (``..., repeatedly stating that ...``)."""
    first = cue.left_edge.i
    return cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj", "acl") and first > 0 \
        and all(t.dep_ == "advmod" and t.head.i == cue.i for t in cue.doc[first:cue.i]) \
        and cue.doc[first - 1].text == ","


# Subordinators of a clause set against the one before ("A said X, while B said Y").
_CONTRAST = frozenset({"while", "whereas"})


def _contrast_clause(cue) -> bool:
    """A cue with a subject of its own opening a contrast clause (``60 percent said they
    back it, [while 30 percent said ...]``): a second attribution the parser hung on the
    first one's content (on the PolNeAR train fold, poll results reported side by side)."""
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in cue.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)


def _circumstance_clause(cue) -> bool:
    """A cue with a subject of its own opening a clause of time, cause or concession
    (``Oren walked out of the talks, [after Lund reported that ...]``): the clause says when
    or why the first attribution happened, and is an attribution of its own, not a part of
    the first one's content. Only such a clause hanging on the first frame's cue is cut:
    one hanging on a word of the content may be part of the report (``said the talks would
    end when Oren arrived``)."""
    return cue.dep_ == "advcl" and circumstance_mark(cue) and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)


def _cut_before(doc, cue, start: int, end: int, own: bool = False) -> tuple[int, int]:
    """Content [start, end) without the run-on clause of ``cue`` when the clause hangs on
    a word of the content (or, ``own``, on the frame's cue) and runs to its end; unchanged
    otherwise."""
    head = cue.head
    last = cue.right_edge
    if not ((own or start <= head.idx < end) and start <= cue.idx < end) or last.idx + len(last.text) < end:
        return start, end
    cut = cue.left_edge.i
    while cut > 0 and doc[cut - 1].idx >= start and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
        cut -= 1  # ", arguing": the comma goes with the clause
    if cut == 0 or doc[cut - 1].idx < start:
        return start, end
    return start, doc[cut - 1].idx + len(doc[cut - 1].text)


def outermost(frames: list[Frame]) -> list[Frame]:
    """The frames not embedded in another frame's content: in "Song said [Clinton had said
    the plan would fail]" Clinton's words are part of Song's quote, not a quote of their own
    (``quotes.outermost_only``). Two frames inside each other's content (a tangled parse)
    both stay."""
    if len(frames) < 2:
        return frames
    return [f for f in frames if not any(
        g is not f and _covers(g, f.cue[0], f.cue[1]) and not _covers(f, g.cue[0], g.cue[0] + 1) for g in frames)]


def _covers(frame: Frame, start: int, end: int) -> bool:
    """Whether the frame's content holds characters [start, end); of ``CONTENT1, X said,
    CONTENT2`` only the first piece: the second often runs on into an attribution of its own
    (``..., Lund said, and Brandt said the cost was too high``)."""
    pieces = frame.content[:1] if "interrupted" in frame.tags else frame.content
    return any(s <= start and end <= e for s, e in pieces)
