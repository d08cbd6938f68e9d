"""Quote frames from one parsed sentence: cue verb, its subject as speaker, its complement.

A :class:`Frame` is one attribution inside one sentence, in character offsets of the Doc's
text. :func:`parse_frames` reads the dependency parse (spaCy's ClearNLP labels):

* a cue verb (see :mod:`speech_verbs`) with a subject: ``Hale said the talks failed``,
  ``the talks failed, Hale said``, ``the talks failed, said Hale``, ``Hale said: ...``;
  a subject is inherited along ``advcl``/``conj``/``xcomp`` (``..., saying ...``,
  ``... and warned that ...``) and taken from the antecedent of a relative ``who``;
* ``according to X``: X is the speaker, the rest of the clause the content;
* a headline ``Name: content``.

The content is the verb's clausal complement (``ccomp``/``xcomp``), its object for verbs whose
object is what was said, a prepositional object for ``called for``-type verbs, the text after
a colon, or, when the cue follows the content (``CONTENT, X said``), the text before it.

The speaker readers and the :class:`Frame` record are in :mod:`.quote_subjects`, the
content readers in :mod:`.quote_content`; this module holds the frames of each cue kind.
"""

from __future__ import annotations

from .quote_as_clause import as_clause, as_content
from .quote_content import (
    after_content,
    before_content,
    colon_after,
    complement,
    cut_tail,
    object_content,
    past_predicate,
    that_clause,
)
from .quote_inherited import inherited_subject
from .quote_nouns import noun_frames
from .quote_polls import poll_frames
from .quote_speaker_kinds import PERSONAL, fill_speaker
from .quote_speaker_span import RELATIVE, name_range
from .quote_subjects import (
    DASHES,
    FIRST_SECOND,
    NOT_SPEAKERS,
    Frame,
    bare_participle,
    char_span,
    claim_subject,
    cue_lemma,
    cue_subject,
    first_or_second,
    interrupted_subject,
    inverted_subject,
    is_cue,
    own_subject,
    trim,
)
from .speech_verbs import (
    ADDRESSEE,
    BELIEF,
    CUE_LEMMAS,
    EVIDENCE,
    EVIDENCE_SUBJECTS,
    NOUN_CONTENT,
    SPEECH,
    STANCE_ADJECTIVES,
    STANCE_PREPOSITIONS,
    STANCE_VOLITION,
)

# The public names; those from quote_subjects and quote_content are re-exported for the
# modules and tests that import them from here (quotes, quote_model, quote_lexical...).
__all__ = [
    "Frame", "NOT_SPEAKERS", "PERSONAL", "according_frames", "bare_participle", "char_span",
    "claim_subject", "fill_speaker", "headline_frame", "inverted_subject", "name_range",
    "noun_frames", "own_subject", "parse_frames", "past_predicate", "section_label", "stance_frames",
    "verb_frame",
]

# Dependents of a cue verb that are not part of its content.
_CONTENT_DEPS = ("ccomp", "xcomp")


def verb_frame(doc, verb) -> Frame | None:
    """The attribution frame of one cue verb, or None when it has no speaker or content."""
    lemma = cue_lemma(verb) or verb.lower_
    speech = lemma in SPEECH or lemma in ADDRESSEE
    own = cue_subject(verb)
    subj = own if own is not None else inherited_subject(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or bare_participle(verb)
    if lemma in BELIEF and lemma not in CUE_LEMMAS - BELIEF and (
            subj is None or first_or_second(subj) or not any(c.dep_ == "ccomp" for c in verb.children)):
        return None
    if lemma in EVIDENCE and not speech and lemma not in NOUN_CONTENT and (
            subj is None or subj.lemma_.lower() not in EVIDENCE_SUBJECTS):
        return None
    if claim_subject(subj):
        # "..., a charge Kessling denies": the parser made the claim noun part of the
        # subject; the clause before is the charge, not Kessling's words
        return None
    if passive:
        # "it was reported that ...": no speaker in the text; only a clausal content counts
        if not any(c.dep_ == "ccomp" for c in verb.children):
            return _agent_frame(doc, verb, lemma)
        subj = None
    elif subj is None or first_or_second(subj):
        # "I told him..." is speech inside someone's quote; its speaker is the quoted
        # person, which this sentence cannot tell (on PolNeAR train 27% of these frames
        # matched an annotated attribution, against 84% for named speakers)
        return None
    frame = Frame(cue=char_span([verb]), content=[], lemma=lemma)
    if subj is not None:
        fill_speaker(doc, subj, frame)
    if subj is not None and as_clause(verb, lemma):  # "The plan, as Lund said, is dead"
        frame.content = as_content(doc, verb)
        if not frame.content:
            return None
        frame.tags.add("as")
        if frame.content[0][0] < frame.cue[0]:
            frame.cue_before = False
            frame.tags.add("postposed")
        return frame
    colon = colon_after(doc, verb) if speech else None
    rng = None
    if colon is not None:
        frame.tags.add("colon")
        rng = (colon + 1, len(doc))
        if trim(doc, *rng) is None:
            frame.follow = True
            return frame if frame.speaker is not None else None
    inverted = subj is not None and subj.i > verb.i and own is subj
    if rng is None:
        rng = complement(doc, verb, lemma)
        if rng is not None and rng[0] < verb.i:
            frame.cue_before = False
            frame.tags.add("postposed")
            rest = [c for c in verb.children if c.dep_ in _CONTENT_DEPS and c.i > verb.i
                    and doc[c.left_edge.i - 1].text in DASHES]
            if rest:  # "CONTENT1, X said, CONTENT2"
                span = trim(doc, rest[0].left_edge.i, rest[0].right_edge.i + 1)
                if span is not None:
                    frame.content.append(span)
                    frame.tags.add("interrupted")
    if rng is None and not inverted:
        rng = object_content(doc, verb, lemma)
        if rng is not None:
            frame.tags.add("object")
    if rng is not None and inverted and rng[0] > verb.i:
        rng = None  # "..., said Brock, a confidant who heads X": the speaker, not content
    if rng is None and speech and not inverted:
        rng = that_clause(doc, verb)
    # "CONTENT, X said" and, for a poll or a record (EVIDENCE with its subjects, checked
    # above), "CONTENT, a survey found" (PolNeAR train fold: who-said-what F1 0.6974 -> 0.6979)
    if rng is None and (speech or lemma in EVIDENCE) and (inverted or not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children if c.i > verb.i)):
        rng = before_content(doc, verb, subj)
        if rng is not None:
            frame.cue_before = False
            frame.tags.add("postposed")
            after = after_content(doc, verb)
            if after is not None and not is_cue(doc[after[0]]):  # ", explaining ...": a cue of its own
                span = trim(doc, *after)
                if span is not None:
                    frame.content.append(span)
                    frame.tags.add("interrupted")
    lead = None
    if rng is None and speech and subj is not None and subj.i < verb.i and not inverted:
        rng = _comma_content(doc, verb)
        if rng is not None:
            frame.tags.add("comma")
            lead = interrupted_subject(doc, verb, subj)
    if rng is None:
        return None
    if subj is not None and rng[0] < subj.left_edge.i < rng[1] and (
            subj.dep_ == "appos" or subj.i < verb.i and rng[1] <= verb.i):
        # the content ends before its appositive speaker, or before a speaker the parser
        # tangled into the clause before the cue ("CONTENT, Ada Brandt, counsel for ..., said")
        rng = (rng[0], subj.left_edge.i)
    # a content before its cue ends at the cue: no writer's addition can close it
    span = trim(doc, *(rng if rng[1] <= verb.i else cut_tail(doc, *rng)))
    if span is None:
        return None
    frame.content.insert(0, span)
    if lead is not None and trim(doc, *lead) is not None:
        frame.content.insert(0, trim(doc, *lead))  # one clause in two pieces: no "interrupted"
        frame.tags.add("parenthetical")  # tag, whose second piece may run on (quote_overlap)
    return frame


# Passive subjects that stand for something said elsewhere, never the content themselves.
_RELATIVE_SUBJECTS = frozenset({"which", "that", "who", "what", "it", "this", "they"})


def _agent_frame(doc, verb, lemma: str) -> Frame | None:
    """A passive cue whose object is the content, with its ``by`` agent for speaker: ``The
    move was criticized [by economists]`` is the economists' view of the move, the passive
    subject (``[The move] was criticized``). Only for the cues whose object is the content
    (``NOUN_CONTENT``); not for a relative or pronoun subject, which stands for words
    elsewhere."""
    if lemma not in NOUN_CONTENT or bare_participle(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if subj is None or agent is None or subj.lower_ in _RELATIVE_SUBJECTS:
        return None
    span = trim(doc, subj.left_edge.i, subj.right_edge.i + 1)
    if span is None:
        return None
    frame = Frame(cue=char_span([verb]), content=[span], lemma=lemma, cue_before=False)
    fill_speaker(doc, agent, frame)
    frame.tags.add("agent")
    return frame


# What may stand between a cue and the comma before its quote ("said on Monday,").
_ADVERBIAL = frozenset({"advmod", "npadvmod", "prep", "pobj", "det", "compound", "amod"})


def _comma_content(doc, verb) -> tuple[int, int] | None:
    """``X said, CONTENT`` (a direct quote whose marks were stripped: ``Lund said at the rally,
    We will rebuild``): a comma right after the cue or a short adverbial of it, then a
    clause with a verb of its own to the end of the sentence. Not for a cue in a
    subordinate clause (``After Reed testified, the panel ...``: the rest is the writer's).
    On the PolNeAR train fold: who-said-what F1 0.6980 -> 0.6983, quote F1 0.7530 -> 0.7532."""
    if any(c.dep_ == "mark" for c in verb.children) or verb.dep_ in ("acl", "pcomp"):
        return None  # "After Reed testified, ...": the clause after the comma is the writer's
    if verb.tag_ == "VBG":
        return None  # "..., Reed said, adding of the mayor, She ...": part of the first quote
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ in _ADVERBIAL \
            and doc[i].text != "," and i < verb.i + 5:  # "said on Monday," "said at the rally,": 4 words
        i += 1
    if i >= len(doc) - 2 or doc[i].text != ",":
        return None
    rest = doc[i + 1:]
    if not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") for t in rest):
        return None
    if any(t.text == "," for t in rest) and any(is_cue(t) for t in rest):
        return None  # "..., X said, CONTENT, Y added": leave it to the patterns
    return i + 1, len(doc)


def _words(doc, span: tuple[int, int] | None) -> int:
    """Tokens in a character span (0 for None)."""
    if span is None:
        return 0
    return len(doc.char_span(*span, alignment_mode="expand") or ())


def _past_apposition(doc, i: int) -> int:
    """After ``according to X``: skip ``, the regional security body,`` (an apposition to
    X, a determiner and up to five words without a verb between two commas), so the
    content starts after it."""
    if i >= len(doc) or doc[i].text != "," or i + 1 >= len(doc) or doc[i + 1].pos_ != "DET":
        return i
    for j in range(i + 2, min(i + 8, len(doc))):
        if doc[j].text == ",":
            # "the minister, who was in Kessel, said": a subject with its relative clause
            return j + 1 if j + 1 < len(doc) and doc[j + 1].lower_ not in RELATIVE else i
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].text in (";", ":"):
            return i
    return i


def _author(doc, source):
    """The one named who wrote or gave what ``according to`` cites, when the phrase names
    them: ``a filing submitted by Ada Roth`` (a participle with its ``by``), ``an interview
    her brother Tal Oren gave`` (a relative clause with a named subject); else ``source``."""
    if source.ent_type_:
        return source
    for child in source.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            named = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        elif child.dep_ == "relcl":
            named = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
        else:
            continue
        rng = name_range(doc, named) if named is not None else None
        if rng is not None and any(t.ent_type_ in _SPEAKER_ENTITIES for t in doc[rng[0]:rng[1]]):
            return named
    return source


# Entities that write or speak: the authors ``according to`` may name.
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def according_frames(doc) -> list[Frame]:
    """``According to X, CONTENT`` and ``CONTENT, according to X``."""
    out = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        phrase_end = max(to.i + 1, to.right_edge.i + 1)
        if pobj is None and phrase_end <= to.i + 1:
            continue
        frame = Frame(cue=char_span(doc[tok.i: tok.i + 2]), content=[], lemma="according to")
        if pobj is not None:
            fill_speaker(doc, _author(doc, pobj), frame)
            frame.speaker = char_span(doc[to.i + 1: phrase_end])
        before = trim(doc, 0, tok.i)
        after = trim(doc, _past_apposition(doc, phrase_end), len(doc))
        if _words(doc, before) >= 2:
            frame.content.append(before)  # type: ignore[arg-type]
            frame.cue_before = False
        if _words(doc, after) >= 2:
            frame.content.append(after)  # type: ignore[arg-type]
        if frame.content:
            out.append(frame)
    return out


# Linking verbs that give their subject a stance adjective ("are convinced", "remain
# hopeful", "grew wary"); "seem"/"appear" raise (the view is the writer's), so they are left out.
_LINKING = frozenset({"be", "remain", "become", "grow", "stay", "feel"})


def _stance_view(adj):
    """The token whose subtree is the view of a stance adjective: its clause (``convinced
    that ...``), its infinitive for an adjective of will (``eager to ...``,
    ``STANCE_VOLITION``), or the object of ``of``/``about``/``over`` (``skeptical of the
    deal``); None without one."""
    for c in adj.children:
        if c.i < adj.i:
            continue
        if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and adj.lower_ in STANCE_VOLITION):
            return c
        if c.dep_ == "prep" and c.lower_ in STANCE_PREPOSITIONS:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj
    return None


def stance_frames(doc) -> list[Frame]:
    """``Her advisers are convinced that ...``, ``voters remain skeptical of the deal``: a
    stance adjective (``STANCE_ADJECTIVES``, as written: the tagger calls the participles
    ``convinced``, ``upset`` verbs) after a linking verb, with a view (see
    :func:`_stance_view`), is an attribution with the linking verb's subject for speaker.
    First and second person (``I'm glad you came``) are left out: mostly inside a quote. On
    the PolNeAR train fold 20 of 28 such adjectives outside another frame's content were
    annotated cues."""
    out = []
    for tok in doc:
        if tok.dep_ != "acomp" or tok.lower_ not in STANCE_ADJECTIVES \
                or tok.head.lemma_.lower() not in _LINKING:
            continue
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        view = _stance_view(tok)
        if subj is None or view is None or subj.lower_ in FIRST_SECOND or subj.lower_ == "it":
            continue
        span = trim(doc, *cut_tail(doc, view.left_edge.i, view.right_edge.i + 1))
        if span is None:
            continue
        frame = Frame(cue=char_span([tok]), content=[span], lemma=tok.lower_)
        fill_speaker(doc, subj, frame)
        frame.tags.add("stance")
        out.append(frame)
    return out


# Headline kickers: a label of the piece, not a speaker ("Update: ...", "Video: ...").
HEADLINE_KICKERS = frozenset("""
update updates breaking watch video videos photo photos live exclusive analysis opinion
editorial review correction note listen read related latest
""".split())


# Words by which a place named before a headline's colon speaks for itself ("Norland: we will
# not sign"); without them the place is a section label of a news digest ("Norland: Polls
# show a close race in Norland"). PolNeAR train's 230 colon attributions have no place label.
_FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me"})


# The world's continents and oceans and a few regions (general geography), by which a digest
# labels its sections in capitals (``AFRICA:``, ``SOUTH AND CENTRAL ASIA:``, ``PACIFIC RIM:``),
# where the tagger often finds no place at all; and the words that make a region of them
# (compass points, ``rim``, ``gulf``), which alone may be a person's name (``WEST:``).
_REGIONS = frozenset("""
asia africa europe america americas oceania pacific atlantic arctic caribbean balkans caucasus
""".split())
_REGION_WORDS = _REGIONS | frozenset("""
north south east west northern southern eastern western central middle far near sub-saharan
indian gulf rim
""".split())


def section_label(label, content) -> bool:
    """Whether the tokens ``label`` before a headline's colon are a place that labels a news
    digest's section (``Kenya: The court decided ...``, ``SOUTH AND CENTRAL ASIA: ...``), not a
    speaker: a place speaks for itself only in the first person (``Russia: We will not sign``).
    A compass point counts only in a label of two words or more (``WEST:`` may be a person's
    turn in a transcript)."""
    if not len(label) or any(t.lower_ in _FIRST_PERSON for t in content):
        return False
    if all(t.ent_type_ in ("GPE", "LOC") for t in label):
        return True
    words = [t for t in label if not t.is_punct]
    if len(words) == 1:
        return words[0].lower_ in _REGIONS
    return all(t.ent_type_ in ("GPE", "LOC") or t.lower_ in _REGION_WORDS
                                   or t.lower_ in ("and", "&") for t in words) and words[0].lower_ != "and"


def transcript_label(doc) -> Frame | None:
    """``BEN HALE, CNN CORRESPONDENT: content``: a broadcast transcript's first turn of a
    speaker names them in capitals with their title after a comma (later turns are ``HALE:``,
    which :func:`headline_frame` reads); the name before the comma speaks the rest."""
    colon = next((t.i for t in doc[:25] if t.text == ":"), None)
    if colon is None or colon < 3:
        return None
    label = doc[:colon]
    comma = next((t.i for t in label if t.text == ","), None)
    if comma is None or comma == 0 or not all(
            t.is_punct or (any(ch.isalpha() for ch in t.text) and t.text.isupper()) or t.like_num for t in label):
        return None
    first = max((t.i + 1 for t in doc[:comma] if t.text == ")"), default=0)  # "(APPLAUSE) ADA ROTH, ..."
    words = [t for t in doc[first:comma] if t.is_alpha]
    if len(words) < 2 or any(t.lower_ in HEADLINE_KICKERS for t in words):
        return None  # a first and last name ("UPDATE, 3 PM:" is a time stamp)
    content = trim(doc, colon + 1, len(doc))
    if content is None or not any(t.pos_ in ("VERB", "AUX") for t in doc[colon + 1:]):
        return None
    return _label_frame(doc[colon], doc[first:comma], content)


def _label_frame(colon, speaker, content: tuple[int, int]) -> Frame:
    """A ``Name: content`` frame: the colon is the cue, the label the speaker's name."""
    frame = Frame(cue=char_span([colon]), content=[content], lemma=":")
    frame.speaker = char_span(speaker)
    frame.name = frame.speaker
    frame.speaker_kind = "name"
    frame.tags.add("headline")
    return frame


def stage_end(doc) -> int:
    """The index of the first token after a transcript's stage directions that open the
    sentence (``(BEGIN VIDEO CLIP)``, ``(COMMERCIAL BREAK) * (COMMERCIAL BREAK)``: capitals
    in parentheses, and a separator between them); 0 when there are none."""
    i = 0
    while i < len(doc) and doc[i].text == "(":
        close = next((t.i for t in doc[i + 1:i + 8] if t.text == ")"), None)
        if close is None or close == i + 1 or not all(t.text.isupper() or t.is_punct for t in doc[i + 1:close]):
            break
        i = close + 1
        while i < len(doc) and doc[i].is_punct and doc[i].text != "(":
            i += 1
    return i if i < len(doc) else 0


def headline_frame(doc) -> Frame | None:
    """``Name: content`` and ``Name to Audience: content`` (headlines and transcripts)."""
    label = transcript_label(doc)
    if label is not None:
        return label
    first = stage_end(doc)
    for tok in doc[first + 1:first + 8]:  # "Clinton to Planned Parenthood:" - names before the colon are short
        if tok.text != ":":
            continue
        head = [t for t in doc[first:tok.i] if t.lower_ != "to"]
        if not head or not all(t.text[:1].isupper() and (t.is_alpha or t.text in (".", "-")) for t in head):
            return None
        if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in head) and not (
                len(head) == 1 and head[0].pos_ == "NOUN" and head[0].lower_ not in HEADLINE_KICKERS):
            return None  # "Wow: ...", "Update: ..."; one noun may be a speaker ("Poll: ...")
        if section_label(head, doc[tok.i + 1:]):
            return None
        to = next((t.i for t in doc[first:tok.i] if t.lower_ == "to"), tok.i)
        content = trim(doc, tok.i + 1, len(doc))
        if content is None or to == first or not any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1:]):
            return None  # "Ada Roth: 1,769", "Classic Roth: upbeat, unifying": no statement
        return _label_frame(tok, doc[first:to], content)
    return None


def parse_frames(doc, beliefs: bool = False, stances: bool = False) -> list[Frame]:
    """Every attribution frame in one parsed Doc (``beliefs``: also belief verbs with a
    third-person subject and a clause: ``Trump believes the polls are wrong``; ``stances``:
    also stance adjectives, :func:`stance_frames`)."""
    frames = []
    for tok in doc:
        if is_cue(tok, beliefs):
            frame = verb_frame(doc, tok)
            if frame is not None:
                frames.append(frame)
    frames.extend(according_frames(doc))
    frames.extend(noun_frames(doc))
    frames.extend(poll_frames(doc))
    if stances:
        frames.extend(stance_frames(doc))
    if not frames:
        head = headline_frame(doc)
        if head is not None:
            frames.append(head)
    return frames
