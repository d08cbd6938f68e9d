"""Frames of words withheld: a refusal to say, and a request not to be named.

A refusal (``The mayor would not say whether the bridge would reopen``, ``Lund declined to
say when ...``, ``refused to comment on the closure``) reports that no words were given.
PolNeAR annotates it as an attribution all the same, the question left unanswered for
content (on PolNeAR train, 41 of 44 ``declined/refused to say/comment ...`` and every
third-person ``would not say whether/how ...`` carry a cue), so the frame stays and is
scored as before; shown as a quote it would put the question in the speaker's mouth, so
its kind is ``stance`` (a position taken, not words said), which ``storyline quotes --kind
direct,indirect,mixed`` leaves out.

A request for anonymity (``a guard, who asked not to be named``, or one who ``declined to
be identified``, ``on condition of anonymity``) is about the speaker, not what was said;
PolNeAR annotates 3 of 32 such phrases on train, none of them as the request itself, so
such a frame is dropped.
"""

from __future__ import annotations

import re

from .quote_subjects import Frame

# Verbs of giving words that a refusal withholds (general English: "would not say / comment
# / elaborate", "declined to discuss / specify / confirm").
_WITHHELD = frozenset("""
say comment tell disclose elaborate specify discuss reveal confirm explain answer detail
identify name
""".split())
# Verbs that refuse what their infinitive says ("declined to say", "refused to comment").
_REFUSE = frozenset({"decline", "refuse"})
# Negations of a verb, as the parser marks them ("not", "n't", "never").
_NEG = frozenset({"not", "n't", "n\u2019t", "never"})

# The content of a request not to be named: "not to be named / identified / quoted" (asked,
# requested), "to be named" after declined or refused, or anonymity itself.
_NOT_NAMED = re.compile(r"(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b", re.I)
# Words that open the reason given for a request ("not to be named [because ...]").
_REASON = frozenset({"because", "as", "since", "for", "given", "due"})
_ANONYMITY = re.compile(r"(?:on\s+)?(?:the\s+)?(?:condition\s+of\s+)?anonymity\b", re.I)


def refusal(doc, frame: Frame) -> bool:
    """Whether the frame's cue withholds words: a negated verb of saying (``would not
    say``, ``did not comment``), or ``declined``/``refused`` with such a verb for infinitive
    (the cue may be either verb)."""
    span = doc.char_span(*frame.cue, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    lemma = tok.lemma_.lower()
    if lemma in _WITHHELD:
        return any(c.dep_ == "neg" and c.lower_ in _NEG for c in tok.children) or (
            tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _REFUSE)
    return lemma in _REFUSE and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _WITHHELD for c in tok.children)


def without_anonymity(text: str, frames: list[Frame]) -> list[Frame]:
    """``frames`` without those whose content is a request not to be named (see the module
    docstring) or whose cue lies in such a request, its reason (``asked not to be named, as she
    may not [talk] to the press``); ``text`` is the sentence's text, which the frames'
    offsets index."""
    requests = [f.content[0] for f in frames if _anonymity(text, f)]
    if not requests:
        return frames
    return [f for f in frames if not _anonymity(text, f) and not any(s <= f.cue[0] < e for s, e in requests)]


def _anonymity(text: str, frame: Frame) -> bool:
    if len(frame.content) != 1:
        return False
    start, end = frame.content[0]
    content = text[start:end].strip(" ,.;")
    cue = text[frame.cue[0]:frame.cue[1]].lower()
    named = _NOT_NAMED.match(content)
    if named and _only_a_reason(content[named.end():]):
        return content[:3].lower() == "not" or cue.startswith(("declin", "refus"))
    return bool(_ANONYMITY.match(content))


def _only_a_reason(rest: str) -> bool:
    """Whether what follows ``not to be named`` is nothing or the reason for the request
    (``because the talks were private``), not more of what the cue says (``named captain``)."""
    words = rest.strip(" ,").split()
    return not words or words[0].lower() in _REASON
