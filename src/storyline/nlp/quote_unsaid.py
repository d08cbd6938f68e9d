"""Frames of words not said: a cue under a modal of possibility or obligation, ``let's``,
a silence (``The ministry said nothing``), ``so called``, a content that is only a time, a
noun naming a kind of utterance for content (``Fans chanted [slogans]``) and words someone
wants said (``we dont want officials telling farmers that ...``).

``Critics could say the plan is too timid``, ``No one can say the plan was fair``, ``Voters
might argue that the tax is unfair``, ``Lund should ask the council to back another plan``:
the modal makes the cue a possibility, a permission or a duty, not something anyone said,
so a reader of storyline's quotes would see words put in a speaker's mouth by the writer.
``will`` and ``would`` are left out: ``Hale will announce his plan on Monday`` reports what
was announced ahead, ``Hale would later say that ...`` is narration of what was said, and on
the PolNeAR train fold dropping their frames too lost 21 right attributions (who-said-what
F1 0.7018 -> 0.6994).

A negative speaker (``No one knew of the plan``, ``None of the ministers would comment``)
is kept: PolNeAR annotates it as the source, and dropping such frames cost the train fold
7 right attributions of 13 (0.7018 -> 0.7009).
"""

from __future__ import annotations

from .quote_subjects import Frame

# Modals of possibility, permission and obligation (general English); "cannot" is split by
# the tokenizer into "can" + "not".
_MODALS = frozenset({"can", "could", "might", "may", "should", "must"})


# "let's" with its apostrophe stripped, and as written: the writer's own suggestion ("So
# now, lets say, the mayor calls", "And lets hope it holds"), no speaker.
_LETS = frozenset({"lets", "let's", "let\u2019s"})


def said_frames(doc, frames: list[Frame]) -> list[Frame]:
    """``frames`` without those whose cue is under a modal of possibility or obligation
    (on the PolNeAR train fold, stripped, ordered, full parse: 11 predictions fewer, 1 of
    them right; who-said-what F1 0.7018 -> 0.7027), whose speaker is ``let's``, or whose
    content is no words (:func:`_no_words`)."""
    return [f for f in frames if not _hypothetical(doc, f) and not _lets(doc, f) and not _no_words(doc, f)
            and not _wished(doc, f)]


# Verbs of wanting (general English): "we dont want officials [telling] farmers that ...",
# "she wished someone [would say] ...": the cue is a scene wished for or feared.
_WANTING = frozenset({"want", "wish"})


def _wished(doc, frame: Frame) -> bool:
    """Whether the frame's cue, with a subject of its own, is the clause a verb of wanting
    takes (``_WANTING``): words someone wants said or not, which nobody said."""
    span = doc.char_span(*frame.cue, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span.root
    return verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in _WANTING \
        and any(c.dep_ == "nsubj" for c in verb.children)


# A cue's object that says nothing was said ("The ministry said nothing", "says nothing as usual").
_SILENCE = frozenset({"nothing"})
_TIMES = frozenset({"DATE", "TIME"})
# Nouns that name a kind of utterance, not what it said (general English): "The marchers
# shouted [slogans]", "hurled [insults] at the police", "sang [hymns]".
_UTTERANCES = frozenset("""
slogan chant insult abuse obscenity expletive curse slur epithet profanity taunt jeer cheer
prayer hymn song greeting
""".split())
# What makes such a noun carry its words: a clause or an apposition on it ("slogans calling
# for ...", "the chant that ...", "a slogan, Bread and freedom").
_WORDING = frozenset({"acl", "relcl", "ccomp", "appos"})


def _no_words(doc, frame: Frame) -> bool:
    """Whether the frame holds no words said: its content opens with ``nothing`` as the cue's
    object (a silence); its cue is ``called`` after ``so`` (``so called``, the hyphen stripped
    by the crawl or never written: an adjective); its content is only a date or a time
    (``a poll released a few hours ago``: the cue word is a participle, the time its
    modifier); or its content is the cue's object naming a kind of utterance with no words
    of its own (``shouted [slogans]``, :func:`_utterance`)."""
    cue = doc.char_span(*frame.cue, alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    verb = cue.root
    if verb.lower_ == "called" and verb.i > 0 and doc[verb.i - 1].lower_ == "so":
        return True
    if len(frame.content) != 1:
        return False
    span = doc.char_span(*frame.content[0], alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span[0].lower_ in _SILENCE and span[0].head.i == verb.i:
        return True
    if _utterance(span.root, verb):
        return True
    words = [t for t in span if not t.is_punct]
    return bool(words) and all(t.ent_type_ in _TIMES for t in words)


def _utterance(root, verb) -> bool:
    """Whether a content headed by ``root`` is ``verb``'s object naming a kind of utterance
    (``_UTTERANCES``) that carries no words of its own (``_WORDING``); a second verb the parser
    coordinated with it (``shouted [slogans and waved flags]``) is no wording. Only a plural or
    a bare noun names a kind (``slogans``, ``abuse``): ``offered [a slogan from his first
    campaign]`` points at particular words, as PolNeAR annotates it (an attribution on the train
    fold)."""
    return root.dep_ == "dobj" and root.head.i == verb.i and root.lemma_.lower() in _UTTERANCES \
        and (root.tag_ == "NNS" or not any(c.dep_ in ("det", "poss") for c in root.children)) \
        and not any(c.dep_ in _WORDING for c in root.children)


def _lets(doc, frame: Frame) -> bool:
    """Whether the frame's speaker as written is ``let's`` (stripped or not)."""
    return frame.speaker is not None and doc.text[frame.speaker[0]:frame.speaker[1]].lower() in _LETS


def _hypothetical(doc, frame: Frame) -> bool:
    """Whether the frame's cue word has a modal of ``_MODALS`` for auxiliary."""
    span = doc.char_span(*frame.cue, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in span.root.children)
