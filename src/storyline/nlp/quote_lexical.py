"""Quote frames without a parse: surface patterns over one sentence.

Used for sentences that arrive without a dependency parse (the enrich stage parses only
what :func:`storyline.nlp.quotes.needs_parse` asks for, and a caller may parse nothing).
The patterns are the common shapes of attribution in news prose, written so that they
work without quote marks:

* ``CONTENT, X said [tail].`` and ``CONTENT, said X.``
* ``X said: CONTENT`` and ``X said (that) CONTENT``
* ``According to X, CONTENT`` and ``CONTENT, according to X.``

The speaker is the phrase next to the cue; it is a name when it is capitalised (or an
entity of the Doc's NER), a pronoun, or else a description.
"""

from __future__ import annotations

import re

from .quote_parse import HEADLINE_KICKERS, NOT_SPEAKERS, PERSONAL, Frame, bare_participle, is_cue, section_label
from .quote_speakers import as_mid_sentence
from .speech_verbs import (
    ADDRESSEE,
    ASPECTUAL,
    ATTITUDE,
    ATTITUDE_FORMS,
    ATTITUDE_SKIP_FORMS,
    BELIEF,
    CIRCUMSTANCE_MARKS,
    CIRCUMSTANCE_PREPS,
    CUE_FORMS,
    CUE_LEMMAS,
    PARSE_SKIP_FORMS,
    SPEECH,
    inflections,
    parse_cue_words,
)

# Past and present forms only: "saying" and "to say" are not attributions on their own.
_FORMS = sorted(
    {f for lemma in SPEECH | ADDRESSEE for f in inflections(lemma)
     if not f.endswith("ing") and (f != lemma or lemma in ("say", "tell"))},
    key=len, reverse=True,
)
_CUE = r"(?P<cue>(?:also\s+|later\s+|has\s+|had\s+|have\s+)?(?:" + "|".join(map(re.escape, _FORMS)) + r"))"
# A speaker phrase: up to 8 words, no clause punctuation (8 covers
# "a senior State Department official familiar with the talks").
# A period inside it only before a space and a capital: an abbreviated title or an initial
# ("Sen. Ted Cruz", "Mr. Manafort", "John F. Kennedy"; the input has one sentence a line).
_SPEAKER = r"(?P<speaker>(?:[^,;:.!?]|\.(?=\s[A-Z])){1,80}?)"
# What may follow the cue before the end or a colon: "on Tuesday", "in a statement", "told
# reporters"; never a reported clause, which opens with "that", an article or a pronoun
# ("Before the vote, Reed said that it failed", "Addressing the gala, Reed said the South
# treated him well": the comma ends an adverbial, and the content is the clause after the cue).
_TAIL = (r"(?P<tail>(?!\s*(?:that|the|an?|he|she|they|it|we|i|there|his|her|their)\b)"
         r"[^,;:!?]{0,60}?)")
# Who was told, after a form of "tell" only ("told reporters", "told Fox News"): a
# capitalised name (case-sensitive inside the case-insensitive patterns) or a pronoun.
_ADDRESSEE = (r"(?:(?:(?<=told)|(?<=tell)|(?<=tells))\s+(?:reporters|him|her|them|us|me"
              r"|(?-i:[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})))?")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("according", re.compile(r"^\s*(?P<cue>according to)\s+" + _SPEAKER + r",\s+(?P<content>.+?)\s*$", re.I)),
    ("according", re.compile(r"^\s*(?P<content>.+?),?\s+(?P<cue>according to)\s+" + _SPEAKER + r"[.!?]?\s*$", re.I)),
    ("colon", re.compile(r"^\s*" + _SPEAKER + r"\s+" + _CUE + _TAIL + r":\s*(?P<content>.+?)\s*$", re.I)),
    ("postposed", re.compile(r"^\s*(?P<content>.+?),\s+" + _SPEAKER + r"\s+" + _CUE + r"\b" + _TAIL + r"[.!?]?\s*$", re.I)),
    ("inverted", re.compile(r"^\s*(?P<content>.+?),\s+" + _CUE + r"\s+" + _SPEAKER + r"[.!?]?\s*$", re.I)),
    ("that", re.compile(r"^\s*" + _SPEAKER + r"\s+" + _CUE + r"\b" + _ADDRESSEE + r",?\s+(?P<content>(?:that\s+)?.+?)\s*$", re.I)),
)
# The lemma of each cue form: a pattern's frame names its cue by lemma, as a parsed frame
# does, because the continuation model reads it ("said" and "say" are one feature; on the
# PolNeAR train fold a surface "said" carried a quote on to the next sentence far less
# often than the parsed "say").
_LEMMAS: dict[str, str] = {f: lemma for lemma in CUE_LEMMAS | ATTITUDE for f in inflections(lemma)}
_DETERMINERS = frozenset({"a", "an", "the", "another", "one", "two", "some", "several", "many"})
# Capitalised sentence openers that are not names ("As X reported", "But Reed said").
_OPENERS = frozenset("""
as if when but and so then in on at after before while though although because since
asked speaking meanwhile still yet also later earlier instead however
""".split())
# A transcript's stage directions before a turn ("(BEGIN VIDEO CLIP) HALE: ...", "(COMMERCIAL
# BREAK) * (COMMERCIAL BREAK) HALE: ..."): capitals in parentheses, no part of the turn.
_STAGE = r"(?:\([A-Z][A-Z ,.'\-]*\)\s*(?:\\?\*\s*)?)*"
_HEADLINE = re.compile(r"^\s*" + _STAGE + r"(?P<speaker>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,4})(?P<cue>:)\s+(?P<content>\S.*?)\s*$")
# A broadcast transcript's first turn of a speaker (``quote_parse.transcript_label``): a name
# of two to five words in capitals, a comma, a title in capitals, a colon.
# The opening of any turn in a transcript: a name in capitals, perhaps a title after a comma,
# a colon ("BERG: ...", "ADA ROTH, CNN CORRESPONDENT: ...").
_TURN = re.compile(r"^\s*(?:\([^)]*\)\s*)?[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,4}"
                   r"(?:,\s[A-Z0-9][A-Z0-9.,'&()\- ]*?)?:\s")


def opens_turn(text: str) -> bool:
    """Whether a sentence opens a new speaker's turn in a transcript: no quote of the turn
    before carries into it, even when its own words hold no cue the finder reads."""
    return bool(_TURN.match(text))


_TRANSCRIPT = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?P<speaker>[A-Z][A-Z.'\-]*(?:\s[A-Z][A-Z.'\-]*){1,4}),"
                         r"\s[A-Z0-9][A-Z0-9.,'&()\- ]*?(?P<cue>:)\s+(?P<content>\S.*?)\s*$")


def cue_lemma_of(cue: str) -> str:
    """The lemma a pattern's cue stands for, as the parse would give it: ``has said`` ->
    ``say``, ``According to`` -> ``according to``, ``:`` stays ``:``."""
    low = " ".join(cue.lower().split())
    if low == "according to":
        return low
    last = low.split()[-1] if low else low
    return _LEMMAS.get(last, last)


def headline_shape(text: str) -> bool:
    """Whether ``text`` opens like a headline's ``Name: words`` (one to five capitalised
    words, not a kicker such as ``Update:``, then a colon): worth a parse, because the
    surface pattern needs the NER to call the words a name, and it often does not in a
    headline (``Reed: ...``, ``Poll: ...``), where the parse reads the statement after
    the colon."""
    m = _HEADLINE.match(text)
    return bool(m) and m.group("speaker").split()[0].lower() not in HEADLINE_KICKERS


def _is_name(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _DETERMINERS]
    return bool(content) and all(w[:1].isupper() for w in content)


def _speaker_ok(speaker: str, span: tuple[int, int], doc) -> bool:
    """A pronoun, a named entity, or a noun phrase (with a parse: ending in a noun; without:
    a determiner and a noun-like word, or capitalised words the NER calls a name)."""
    words = speaker.split()
    if not words or len(words) > 8:  # see _SPEAKER
        return False
    if len(words) == 1 and words[0].lower() in PERSONAL:
        return True
    if words[0].lower() in _OPENERS:
        return False
    tokens = _tokens(doc, span)
    if tokens and all(t.ent_type_ in NOT_SPEAKERS for t in tokens):
        return False  # "..., said Tuesday": a date, not a speaker
    if tokens and tokens[0].doc.has_annotation("TAG"):
        return tokens[-1].pos_ in ("NOUN", "PROPN")
    if _entity(doc, span) or _is_name(words) and len(words) <= 4:  # names run to 4 words
        return True
    return words[0].lower() in _DETERMINERS and len(words) > 1


def plain_attribution(text: str) -> bool:
    """Whether ``text`` is one plain attribution the patterns read as well as the parser:
    ``CONTENT, Name said [tail].``, ``CONTENT, said Name.``, ``Name said: CONTENT`` or
    ``Name said (that) CLAUSE`` (the clause opening right after the cue with ``that``, an
    article or a pronoun, and no comma in it), with a capitalised name or he/she/they, and
    no second cue word in the content. On PolNeAR train the last shape takes 0.8% of the
    sentences out of the parse with the same who-said-what and strict F1."""
    for kind, pattern in _PATTERNS:
        if kind not in ("postposed", "inverted", "colon", "that"):
            continue
        m = pattern.match(text)
        if not m:
            continue
        words = m.group("speaker").split()
        named = 1 <= len(words) <= 4 and words[0].lower() not in _OPENERS and _is_name(words) \
            and words[0].lower() not in _DETERMINERS
        pronoun = len(words) == 1 and words[0].lower() in ("he", "she", "they")
        content = text[m.start("content"):m.end("content")]
        if kind == "that" and not _clean_clause(content):
            return False
        if kind == "postposed" and content.split()[0].lower() in _PREPOSITIONS:
            return False  # "Even so, Lund has admitted ...": an adverbial, maybe
        return (named or pronoun) and not parse_cue_words(content) and len(content.split()) >= 3
    return False


# Words that open a reported clause right after the cue ("said that", "said the", "said
# he"): with no comma in it, such a clause runs to the end of the sentence as the parse
# would read it. Anything else ("said on Tuesday that", "told the Post, I...") is parsed.
_CLAUSE_OPENERS = frozenset("""
that the a an this these those his her their its our my he she they it we i there
""".split())


# Prepositions that open an adverbial phrase before the comma ("In an interview with X,
# she joked about ...", "At the same time, Reed has acknowledged ..."): then the pattern's
# content may be no clause at all, and the parse decides.
_PREPOSITIONS = frozenset("""
in at on during after before with for from by since despite without under over amid among
""".split())


def _clean_clause(content: str) -> bool:
    words = content.split()
    return bool(words) and words[0].lower() in _CLAUSE_OPENERS and not any(c in content for c in ",;:")


def lexical_frames(text: str, doc=None) -> list[Frame]:
    """At most one frame for a sentence, by the first pattern that fits (``doc``, when
    given, supplies named entities for the speaker)."""
    for kind, pattern in (*_PATTERNS, ("headline", _TRANSCRIPT), ("headline", _HEADLINE)):
        m = pattern.match(text)
        if not m:
            continue
        speaker = m.group("speaker").strip()
        start = m.start("speaker") + (len(m.group("speaker")) - len(m.group("speaker").lstrip()))
        sp = (start, start + len(speaker))
        if not _speaker_ok(speaker, sp, doc) or pattern is _HEADLINE and not _entity(doc, sp):
            continue
        if pattern is _TRANSCRIPT and any(w.lower() in HEADLINE_KICKERS for w in speaker.split()):
            continue  # "UPDATE, 3 PM:"
        if kind != "headline" and (_noun_cue(doc, m.span("cue")) or _course_of_events(text, m.span("cue"), doc)):
            continue
        if kind in ("postposed", "inverted") and _asked_before(doc, m.start("content")):
            continue
        if kind == "headline" and (not _statement(doc, m.end("cue")) or _place_label(doc, sp, m.end("cue"))):
            continue
        content = m.span("content")
        words = text[content[0]:content[1]].lower().split()
        if len(words) < 2 or kind == "that" and (words[0] in CIRCUMSTANCE_PREPS or words[0] in CIRCUMSTANCE_MARKS) \
                and "that" not in words:
            continue  # "X testified [during the trial]", "tweeted [as Y spoke]": when or where, not what
            # ("told X after Y that" stays)
        frame = Frame(cue=m.span("cue"), content=[_strip(text, *content)], speaker=sp,
                      lemma=cue_lemma_of(m.group("cue")))
        _fill_speaker(frame, speaker, sp, doc)
        frame.cue_before = kind in ("colon", "that", "headline") or (kind == "according" and m.start("cue") < content[0])
        frame.tags.add(kind)
        return [frame]
    return []


def _fill_speaker(frame: Frame, speaker: str, sp: tuple[int, int], doc) -> None:
    """The speaker fields of a pattern's frame: a pronoun, a name (capitalised words or a
    named entity, a leading determiner left out) or a description. Capitalised words that
    open their sentence and read as a description there (``Activists say``, ``Witnesses
    said``: :func:`.quote_speakers.as_mid_sentence`) are a description, not a name."""
    words = speaker.split()
    if len(words) == 1 and words[0].lower() in PERSONAL:
        frame.speaker_kind = "pronoun"
    elif _entity(doc, sp) or _is_name(words) and as_mid_sentence(doc, sp[0], speaker) == speaker:
        frame.speaker_kind = "name"
        skip = sum(1 for w in words[:-1] if w.lower() in _DETERMINERS)
        offset = len(" ".join(words[:skip])) + (1 if skip else 0)
        frame.name = (sp[0] + offset, sp[1])
    else:
        frame.speaker_kind = "description"
        frame.description = sp


# "Is the party running against itself? asked Dunn, a former aide.": the sentence splitter
# ends a question or an exclamation at its mark, so an inverted attribution after it opens
# a sentence of its own, its cue in lower case; the content is the sentence before.
_FRAGMENT = re.compile(r"^(?P<cue>" + "|".join(map(re.escape, _FORMS)) + r")\s+" + _SPEAKER
                       + r"(?:,.*?)?[.!?]?\s*$")


# "Can we win the valley? | Halvorsen asked." and "We need it now! | Reed said on Twitter.":
# the same split before an attribution in plain order, a sentence that is only a speaker,
# a cue and perhaps where it was said; its content is the sentence before only when that one
# ends in a question or exclamation mark (the quote finder checks: tag ``split``).
_SPLIT_TAIL = re.compile(r"^\s*" + _SPEAKER + r"\s+(?P<cue>(?:also\s+|later\s+)?(?:"
                         + "|".join(map(re.escape, _FORMS)) + r"))(?:\s+(?:to|on|in)\s+[^,;:.!?]{1,40})?"
                         r"\s*[.!]?\s*$")


def fragment_frame(text: str, doc=None) -> Frame | None:
    """The frame of a sentence that is only the tail of an attribution (``asked Dunn, a
    former aide.``; ``Halvorsen asked.``, tag ``split``): its speaker and cue, with no
    content of its own (tag ``fragment``: the quote finder takes the sentence before as
    the content)."""
    m = _FRAGMENT.match(text)
    split = m is None
    if split:
        m = _SPLIT_TAIL.match(text)
    if not m:
        return None
    speaker = m.group("speaker").strip()
    sp = (m.start("speaker"), m.start("speaker") + len(speaker))
    if not _speaker_ok(speaker, sp, doc) or speaker.split()[0].lower() in PERSONAL - {"he", "she", "they"}:
        return None
    frame = Frame(cue=m.span("cue"), content=[], speaker=sp, lemma=cue_lemma_of(m.group("cue")), cue_before=False)
    _fill_speaker(frame, speaker, sp, doc)
    frame.tags.add("fragment")
    if split:
        frame.tags.add("split")
    return frame


# Finite forms of the cue and attitude verbs ("Slams", "Endorses", "Refuses", "Said"), as a
# Title Case headline capitalises them: the tagger takes them for proper nouns, so neither
# the parse nor the model reads them. Mostly-noun forms ("States", "Plans") are left out.
_TITLE_FORMS = frozenset(
    f for f in CUE_FORMS | ATTITUDE_FORMS if f not in CUE_LEMMAS | ATTITUDE and not f.endswith("ing")
) - PARSE_SKIP_FORMS - ATTITUDE_SKIP_FORMS
_TITLE_WORD = re.compile(r"\S+")
# A headline is in Title Case when this share of its words (4 or more) is capitalised:
# function words ("to", "of", "a") stay lower case in most house styles.
_TITLE_SHARE = 0.75


def title_case(text: str) -> bool:
    """Whether a sentence is a Title Case headline ("Carson Slams Media In Debate")."""
    words = [w for w in _TITLE_WORD.findall(text) if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


def title_frame(text: str, doc=None) -> Frame | None:
    """``Senator Ilsa Brand Slams Council Over Flood Plan``: in a Title Case headline, a
    capitalised finite cue form after one to four capitalised words (the speaker) makes
    the rest of the headline the content."""
    if not title_case(text):
        return None
    words = list(_TITLE_WORD.finditer(text))
    for i in range(1, min(5, len(words) - 2)):  # a speaker of 1-4 words, a content of 2 or more
        cue = words[i]
        if cue.group()[0].isupper() and cue.group().rstrip(",:;").lower() in _TITLE_FORMS:
            speaker = words[:i]
            if any(not w.group()[0].isupper() or w.group().lower() in _OPENERS for w in speaker) or any(
                    w.group().endswith((",", ":", ";")) for w in speaker):
                return None
            sp = (speaker[0].start(), speaker[-1].end())
            if not _speaker_ok(text[sp[0]:sp[1]], sp, doc):
                return None
            frame = Frame(cue=cue.span(), content=[_strip(text, words[i + 1].start(), len(text))], speaker=sp,
                          lemma=cue_lemma_of(cue.group().rstrip(",:;")))
            _fill_speaker(frame, text[sp[0]:sp[1]], sp, doc)
            frame.tags.add("title")
            return frame
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,.;:!?":
        end -= 1
    while start < end and text[start] in " ,;:":
        start += 1
    return start, end


def _tokens(doc, span: tuple[int, int]) -> list:
    if doc is None:
        return []
    return [t for t in doc if t.idx >= span[0] and t.idx < span[1]]


def _noun_cue(doc, span: tuple[int, int]) -> bool:
    """Whether the cue word is a noun by the Doc's annotation: inside a named entity (``The
    United States has ...``) or, with a parse, one of the mostly-noun forms
    (``PARSE_SKIP_FORMS``) tagged a noun (``the battleground states``); forms that are
    mostly verbs keep the benefit of the doubt (``Reed claims hes worth ...`` is often
    tagged a noun without its apostrophe). On the PolNeAR train fold 13 of the 17 quotes
    with the cue ``states`` were such nouns."""
    tokens = _tokens(doc, span)
    if not tokens:
        return False
    last = tokens[-1]
    return last.ent_type_ in ("GPE", "ORG", "LOC", "FAC", "NORP") or (
        last.doc.has_annotation("TAG") and last.pos_ == "NOUN" and last.lower_ in PARSE_SKIP_FORMS)


_INFINITIVE = re.compile(r"\s+to\s+([a-z]+)")


def _course_of_events(text: str, span: tuple[int, int], doc=None) -> bool:
    """Whether the cue is an aspectual verb that tells how events went on: with a parse, as
    :func:`~.quote_subjects.is_cue` reads it (``coverage continues [after the break]``);
    without one, before an infinitive that is no cue (``support continues to grow``)."""
    if cue_lemma_of(text[span[0]:span[1]]) not in ASPECTUAL:
        return False
    tok = next((t for t in doc if t.idx == span[0]), None) if doc is not None and doc.has_annotation("DEP") else None
    if tok is not None:
        return not is_cue(tok)
    m = _INFINITIVE.match(text, span[1])
    return m is not None and m.group(1) not in CUE_LEMMAS | BELIEF  # an infinitive is the lemma


def _asked_before(doc, start: int) -> bool:
    """Whether the clause before the cue opens with a bare past participle (``Asked if
    the bridge was safe, Novak said no``: what the speaker was asked, not what they said),
    when the Doc has a parse."""
    tokens = [t for t in doc if t.idx >= start][:1] if doc is not None and doc.has_annotation("DEP") else []
    return bool(tokens) and bare_participle(tokens[0])


def _statement(doc, start: int) -> bool:
    """Whether the text from character ``start`` has a verb, when the Doc has a parse (as
    ``quote_parse.headline_frame`` asks: ``Ada Roth: 1,769`` states nothing)."""
    if doc is None or not doc.has_annotation("TAG"):
        return True
    return any(t.pos_ in ("VERB", "AUX") for t in doc if t.idx >= start)


def _place_label(doc, speaker: tuple[int, int], colon_end: int) -> bool:
    """Whether a headline's ``Name:`` is a digest's place label (``quote_parse.section_label``)."""
    label = doc.char_span(*speaker, alignment_mode="expand")
    content = doc.char_span(colon_end, len(doc.text), alignment_mode="expand")
    return label is not None and section_label(label, content or ())


def _entity(doc, span: tuple[int, int]) -> bool:
    if doc is None:
        return False
    return any(e.start_char <= span[0] < e.end_char and e.label_ in ("PERSON", "ORG", "GPE", "NORP")
               for e in getattr(doc, "ents", ()))
