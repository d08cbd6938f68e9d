"""Frames that look like attributions but report no one's words or views.

Thirteen kinds, each a rule of news English rather than a list of cases seen in data:

- a trained model's cue that is a material act by the events rules (``Militia fighters fired
  rockets at the base``, ``troops attacked the town, which ...``): the model, trained on
  political news where such verbs are mostly words (``attacked her rival for ...``), reads a
  war's acts as quotes. A cue of the speech, belief or attitude lists, a protest, a retort
  (``shot back``), an attack with a reason, a name or words (``for ...``, ``as ...``, ``by
  reminding voters that ...``) and a note struck stay;
- ``make`` with an act for object (``made a surprise visit to the island``, ``made no public
  appearances``, ``made it impossible for ...``): a light verb whose noun is no words or view
  (``made the case that``, ``made clear``, ``made a series of speeches`` stay);
- an attempt at an act (``tried to calm the crowd``, ``attempted to pull sailors from the
  wreck``): an effort, not words (``tried to explain``, ``tried to persuade them that ...`` stay);
- a passive verb of sight with no viewer and a place, a time or a manner for complement
  (``has rarely been seen in public``, ``are shown in local time``): where or how a thing
  was seen (``is seen as``, ``is shown greeting ...`` stay);
- the writer's imperative opening a sentence (``Think about that.``, ``See above.``, ``Insist
  that ...``) and the writer's change of topic (``Speaking of ferries, ...``, ``lets not even
  talk about ...``): addressed to the reader, no one's reported words;

- a raising verb with no source (``The truce seems to be holding``, ``Videos appear to
  show ...``): how something appears to the writer, not what anyone said. PolNeAR
  annotates some of these as sourceless attributions; a reader of storyline's quotes sees
  a quote by ``unknown`` that nobody said (``quotes.raising_attributions``);
- a vote with an infinitive (``The council voted to expel Norland``) or a veto
  (``Russia vetoed the resolution``): a decision taken or blocked, an act the events module
  codes, not speech;
- a happening for subject (``Fighting has continued despite the truce``): the course of
  events, for the rules' cues as for the model's (which never take such a source); and a
  place or a time that has seen something (``The town has seen heavy shelling``): where or
  when things happened, not anyone's view;
- where a reporter reports from (``CNN's Ivo Brand reports from Tripoli``): a place, not
  what was reported (a ``that`` clause after it stays the content);
- a fixed phrase built on a speech verb (``That said, ...``, ``Having said that``,
  ``easier said than done``, ``needless to say``, ``Call it X.``): a connective or an idiom of
  the writer;
- writing a thing into a text (``wrote the island into its charter``) or off the books
  (``wrote off the loan``, ``wrote down the stake``): an act on a document or an account, not
  words addressed to anyone.

- passing something other than a text of a decision or a message (``passed three
  background checks``, ``passed many days sailing``, ``passes the torch``, ``the bill passed
  the House``, ``the moment passed``): a test, a time, a handing over or a stage, not a stance.
  ``passed a resolution``, ``passed laws``, ``passed along a request`` stay (PolNeAR annotates
  them: on the train fold 4 of 12 ``pass`` predictions were right, each of these kinds);
  and taking a part, a pause or a post (``took part in the prayers``, ``took a short recess``,
  ``took office``): an act, where ``took aim at``, ``took issue with`` are stances.

And two pieces of page furniture: a pull-quote's ``End Quote`` marker, which glues the quote,
the name and title of its speaker and the next sentence into one run; a frame whose speaker
holds it has no speaker the reader could trust, and a content ends before it. And a wire
story's credit line (``(Additional reporting by A in Rabat; Writing by B; Editing by C)``),
which names the journalists who made the story, not anyone quoted in it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from ..settings import DEFAULTS, Settings
from .events import material_acts
from .quote_model import EVENT_SOURCES, RAISING
from .quote_subjects import Frame
from .speech_verbs import ATTITUDE, ATTITUDE_FORMS, BELIEF, CUE_FORMS, CUE_LEMMAS, NOUN_CUES, parse_cue_words

# The lemmas of words and views (cue verbs of the rules, beliefs, attitudes, and protest, a view
# shown): a cue among them reports what someone said or holds even where the events module
# codes an act ("urged", "protested the ruling"). Any other model cue that is a material act
# goes: PolNeAR train fold 1 prediction fewer (a wrong one), who-said-what F1 0.7136 -> 0.7137
# ordered, 0.6867 -> 0.6868 shuffled; Libya crawl (299 articles) 17 quotes fewer, all acts.
_WORDS_OR_VIEWS = CUE_LEMMAS | BELIEF | ATTITUDE | {"protest"}
_WORDS_OR_VIEWS_FORMS = CUE_FORMS | ATTITUDE_FORMS
# What makes an act's verb report words (general English): a retort ("shot back", "hit back",
# "fired back"), a reason or a name for whom it was done to ("attacked X for ...", "attacked X
# as ..."), an act done by speaking ("attacked X by reminding voters that ...") or a note
# struck ("struck a populist note").
_RETORT_PARTS = frozenset({"back"})
_VERBAL_PREPS = frozenset({"for", "as"})
_VOICED = frozenset({"note", "tone", "chord"})

# "make" is a light verb: its object says what was done. Words or a view only with one of these
# (general English: "made the case that", "made no comment on", "made it clear that", "made
# public statements"); any other ("made a visit to", "made a brief appearance", "made it
# impossible for") is an act. The nouns of NOUN_CUES count too. With the two rules below
# (sights, imperatives): PolNeAR train fold 1 prediction fewer (a wrong one), who-said-what F1
# 0.7137 -> 0.7138 ordered, 0.6868 -> 0.6869 shuffled; Libya crawl 14 quotes fewer, all right
# to drop by a reading of each.
_MADE_WORDS = frozenset("""
case point appeal call plea demand request offer threat vow commitment assurance prediction
proposal reference mention observation pitch secret complaint admission confession charge
declaration apology plea promise pledge argument suggestion statement remark comment claim
announcement speech testimony warning accusation allegation denial insistence assertion
clear plain known public explicit
""".split()) | {n.rstrip("s") for n in NOUN_CUES}
_MAKING = frozenset({"make"})

# Verbs of trying: with an infinitive they tell an attempt at an act ("tried to calm the crowd",
# "attempted to retake the port"), unless the infinitive is words or a view ("tried to
# persuade", "tried to explain that"): general English.
_TRYING = frozenset({"try", "attempt"})

# Verbs of sight whose passive with no viewer and a place, a time or a manner for complement
# tells where or how a thing was seen, no one's view ("The minister has rarely been seen in
# public", "Prices are shown in real time"); "is seen as", "is shown discussing ..." stay
# (a view held, a film's content: PolNeAR annotates both).
_SIGHT = frozenset({"see", "show", "spot", "film", "photograph", "picture"})
_SETTING_DEPS = frozenset({"prep", "advmod", "npadvmod", "oprd"})

# Verbs of deciding by vote: with an infinitive the decision is an act, not words ("voted to
# suspend Syria"); "voted for/against X" states a stance, which PolNeAR annotates (on the
# train fold dropping every vote frame took 9 predictions and who-said-what F1 0.6983 ->
# 0.6976; with an infinitive only, 1 prediction and 0.6983 both).
DECISION_VERBS = frozenset({"vote"})

# Verbs of blocking a decision by a formal power ("Russia vetoed the resolution"): an act
# (train fold: 1 prediction fewer, who-said-what unchanged; Syria crawl: 5 quotes fewer).
BLOCKING_VERBS = frozenset({"veto"})

# Verbs whose subject may be the setting of what happened rather than a viewer ("Kessling has seen
# the largest rallies so far", "the past week saw heavy fighting"; general English): with a
# place or a time for subject and a noun phrase for object, no one's view is reported.
EXPERIENCE_VERBS = frozenset({"see", "witness"})
# Places and times that are settings, not viewers (with any place or facility the NER names).
_SETTINGS = frozenset("""
city town village region country area province district capital neighbourhood neighborhood
suburb quarter street square week weekend month year day decade period
""".split())

# Verbs of reporting whose "from" phrase is where the reporter stands ("CNN's Ivo Brand reports
# from Tripoli", "reported from the border town, where ..."): general English; the place and
# anything said of it are no content.
REPORTING_VERBS = frozenset({"report"})

# "write" with "into" (a thing put into a text: "wrote the fee into the budget") or with
# the particle "off"/"down" (an account: "wrote off the loan"): an act, general English.
_INSCRIBING = frozenset({"write"})
_INSCRIBING_PARTS = frozenset({"into", "off", "down"})

# "pass" is an attribution only for a text of a decision passed (general English: a vote on
# a text) or a message passed along; any other object is a test, a time, a body or a thing.
_PASSING = frozenset({"pass"})
_PASSED_TEXTS = frozenset("""
law bill measure resolution motion amendment budget act legislation ordinance referendum decree
treaty sanction rule regulation reform package ban proposal provision charter platform
""".split())

# "take" with a part, a pause or a post for object: an act (general English); "took aim at",
# "took issue with", "took credit for" keep their nouns out of this list.
_TAKING = frozenset({"take"})
_TAKEN_ACTS = frozenset("""
part break recess rest pause holiday vacation trip walk ride seat place office power oath photo picture
""".split())

# Fixed phrases built on a speech verb that attribute nothing (general English): the
# connectives "That said," / "That being said," / "Having said that" / "With that said" at the
# start of a sentence, and the idioms "easier said than done", "needless to say", "suffice (it)
# to say", "so to speak", "that is to say"; and "show no/little sign(s) of" (the writer's
# observation of how things stand: "the dockers show no sign of going back"; "showed no
# sign that ..." carries a proposition and stays: PolNeAR annotates it, one on the train fold);
# and the writer's imperative "Call it X." opening a sentence (the writer names a thing: none
# of the 3 in PolNeAR train is annotated); and the writer's change of topic, "Speaking of X,"
# opening a sentence (or after a dash or a colon) and "let's (not even) talk about X".
_IDIOMS = re.compile(
    r"^\W*(?:(?:and|but)\s+)?(?:(?:that|this)(?:\s+being)?\s+said(?=\s*,)|having\s+said\s+(?:that|this)\b"
    r"|with\s+that\s+said\b)"
    r"|\beasier\s+said\s+than\s+done\b"
    r"|\b(?:needless|suffice(?:\s+it)?|so|that\s+is)\s+to\s+(?:say|speak)\b"
    r"|\bshow(?:s|ed|n|ing)?\s+(?:no|little|few)\s+signs?\s+of\b"
    r"|^\W*(?:(?:and|but|so|or)\s+)?call\s+it\b"
    r"|(?:^|--|[:;])\W*speaking\s+of\b|\blet(?:s|\s+us)\s+(?:not\s+)?(?:even\s+)?(?:talk|speak)\b",
    re.I)

# Page furniture of a pull quote (BBC pages): "... End Quote Name Title".
_FURNITURE = ("end quote",)

# A wire story's credit line: "(Additional reporting by ...", "Reporting by ...; Editing by ..."
# at the start of the run or after "(" or ";" (the crawls strip "by" now and then).
_CREDIT = re.compile(r"(?:^|[(;]\s*)(?:additional\s+)?(?:reporting|writing|editing)\s*$", re.I)


def act_offsets(doc, settings: Settings = DEFAULTS) -> Callable[[], frozenset[int]]:
    """The character offsets of the words that carry a material event in a parsed Doc
    (:func:`storyline.nlp.events.material_acts`), found on the first call and kept: the quote
    finder asks in two of its steps, and the events rules are the costly part."""
    return functools.cache(lambda: frozenset(doc[i].idx for i in material_acts(doc, settings)))


def speech_only(doc, frames: list[Frame], raising: bool,
                acts: Callable[[], frozenset[int]] | None = None) -> list[Frame]:
    """``frames`` without those that report no one's words (see the module docstring).
    ``raising``: keep sourceless raising verbs (PolNeAR's convention). ``acts``: the
    sentence's :func:`act_offsets` (made here when not given)."""
    kept = []
    acts = acts or act_offsets(doc)
    for frame in frames:
        lemma = frame.lemma
        if "model" in frame.tags and not _words_or_views(doc, frame):
            if frame.cue[0] in acts():
                continue  # "militia fighters fired [rockets at the base]": an act, the events module's
        if not raising and lemma in RAISING and frame.speaker is None and "model" in frame.tags:
            continue
        if lemma in DECISION_VERBS and _infinitive_content(doc, frame):
            continue
        if lemma in BLOCKING_VERBS:
            continue
        speaker = _speaker_head(doc, frame)
        if speaker is not None and EVENT_SOURCES & {speaker.lemma_.lower(), speaker.lower_} \
                and frame.cue[0] <= speaker.head.idx < frame.cue[1]:
            continue  # "Violence has continued despite ...": a happening, no one's words
        if lemma in EXPERIENCE_VERBS and speaker is not None and _setting(speaker) and _noun_content(doc, frame):
            continue  # "Kessling has seen [the largest rallies so far]": where things happened
        if _act(doc, frame):
            continue  # "took [a short recess]", "made [an unannounced visit to the port]": an act
        if lemma in _TRYING and _tries_an_act(doc, frame):
            continue  # "tried [to calm the crowd]": an attempt at an act
        if lemma in _SIGHT and frame.speaker is None and _sight_setting(doc, frame):
            continue  # "has rarely been seen [in public]": where a thing was seen
        if frame.speaker is None and _imperative(doc, frame):
            continue  # "Think about [that question].": the writer's address to the reader
        if lemma in _PASSING and not _passes_text(doc, frame):
            continue  # "passed [three background checks]": a test, not a stance
        if lemma in _INSCRIBING and _inscribed(doc, frame):
            continue  # "wrote [the island into its charter]": an act on a text
        if lemma in REPORTING_VERBS:
            frame = _past_reported_from(doc, frame)  # "Brand reports [from Tripoli]": where from
            if frame is None:
                continue
        if _CREDIT.search(doc.text[max(0, frame.cue[0] - 40):frame.cue[1]]):
            continue
        if any(m.start() <= frame.cue[0] < m.end() for m in _IDIOMS.finditer(doc.text)):
            continue  # "That said, ...", "easier said than done": the writer's idiom
        if frame.speaker is not None and any(
                f in doc.text[frame.speaker[0]:frame.speaker[1]].lower() for f in _FURNITURE):
            continue
        frame = _before_furniture(doc.text, frame)
        if frame is not None:
            kept.append(frame)
    return kept


def _act(doc, frame: Frame) -> bool:
    """Whether a frame of ``take`` or ``make`` names an act by its object (``_TAKEN_ACTS``;
    ``make`` with no words or view, :func:`_makes_words`)."""
    lemma = frame.lemma
    return (lemma in _TAKING and _object_lemma(doc, frame) in _TAKEN_ACTS) or (
        lemma in _MAKING and not _makes_words(doc, frame))


def acts_over_cues(doc, frames: list[Frame]) -> list[Frame]:
    """``frames`` without an act of :func:`_act` whose content holds another frame's cue
    (``made a short appearance at the town hall [to promise that ...]``: the model's frame of
    ``made`` took the purpose clause): that cue is the attribution, and ``outermost`` would
    drop it inside the act's content before :func:`speech_only` drops the act. Other acts
    stay until then, so that their sentence still counts as one with an attribution of its
    own (no quote is carried into it)."""
    if len(frames) < 2:
        return frames
    return [f for f in frames if not (_act(doc, f) and any(
        g is not f and any(s <= g.cue[0] < e for s, e in f.content) for g in frames))]


def _words_or_views(doc, frame: Frame) -> bool:
    """Whether a cue reports words or a view though its verb may be an act's: a lemma of
    ``_WORDS_OR_VIEWS``, a retort, a reason or a name given to whom the act was done to, an
    act done by speaking, a note struck (``_RETORT_PARTS``, ``_VERBAL_PREPS``, ``_VOICED``)."""
    if frame.lemma in _WORDS_OR_VIEWS or doc.text[frame.cue[0]:frame.cue[1]].lower() in _WORDS_OR_VIEWS_FORMS:
        return True  # "hopes" read as the lemma "hop"
    verb = _cue_verb(doc, frame)
    if verb is None:
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    for c in verb.children:
        if c.dep_ in ("prt", "advmod") and c.lower_ in _RETORT_PARTS:
            return True  # "shot back"
        if c.dep_ == "prep" and c.lower_ == "by" and any(
                g.dep_ == "pcomp" and g.lower_ in _WORDS_OR_VIEWS_FORMS for g in c.children):
            return True  # "attacked her by reminding voters that ..."
    if any(c.dep_ == "prep" and c.lower_ in _VERBAL_PREPS for t in [verb, *objects] for c in t.children):
        return True  # "attacked the lawmakers for opposing ..."
    return any(t.lemma_.lower() in _VOICED for t in verb.subtree)  # "struck populist notes"


def _makes_words(doc, frame: Frame) -> bool:
    """Whether a ``make`` cue makes words or a view (``_MADE_WORDS``): its object (or what
    its object is a series of), or the adjective after it (``made it clear``, ``made clear
    Washington would ...``, which the parser may hang on the clause)."""
    verb = _cue_verb(doc, frame)
    if verb is None:
        return True
    words = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "oprd", "acomp", "xcomp", "advmod")]
    words += [g for c in words if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]  # "a series of speeches"
    after = doc[verb.i + 1:verb.i + 3]
    words += [t for t in after[:1]] + [after[1]] if len(after) == 2 and after[0].lower_ == "it" else list(after[:1])
    return any(t.lemma_.lower() in _MADE_WORDS for t in words)


def _tries_an_act(doc, frame: Frame) -> bool:
    """Whether a verb of trying (``_TRYING``) has an infinitive whose verb is no word or view
    and has no clause of its own."""
    verb = _cue_verb(doc, frame)
    if verb is None:
        return False
    tried = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    return bool(tried) and not any(t.lemma_.lower() in _WORDS_OR_VIEWS or t.lower_ in _WORDS_OR_VIEWS_FORMS
                                   or any(c.dep_ == "ccomp" for c in t.children) for t in tried)


def _sight_setting(doc, frame: Frame) -> bool:
    """Whether a verb of sight is a passive whose content opens with a place, a time or a
    manner (``_SETTING_DEPS``), with no ``as`` predicate (see ``_SIGHT``)."""
    verb = _cue_verb(doc, frame)
    if verb is None or not frame.content:
        return False
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or any(c.lower_ in ("as", "like") for c in verb.children):
        return False
    content = doc.char_span(*frame.content[0], alignment_mode="expand")
    if content is None or not len(content):
        return False
    first = content[0]
    return any(c.dep_ in _SETTING_DEPS and c.left_edge.i <= first.i <= c.right_edge.i for c in verb.children)


def _imperative(doc, frame: Frame) -> bool:
    """Whether the cue is an imperative opening its sentence (``Think about it.``, ``See
    above.``, ``As for the talks, see below.``): the base form at the root, with no subject
    or auxiliary, nothing but a phrase and a comma before it."""
    verb = _cue_verb(doc, frame)
    if verb is None:
        return False
    if verb.tag_ != "VB" or verb.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "aux", "expl", "mark") for c in verb.children):
        return False
    before = [t for t in doc[:verb.i] if not t.is_punct]
    return not before or doc[verb.i - 1].lower_ == ","


def _cue_verb(doc, frame: Frame):
    """The head token of a frame's cue in the parse, or None when its span has no token."""
    cue = doc.char_span(*frame.cue, alignment_mode="expand")
    return cue.root if cue is not None and len(cue) else None


def _inscribed(doc, frame: Frame) -> bool:
    """Whether the cue puts a thing into a text or writes it off (``_INSCRIBING_PARTS``)."""
    verb = _cue_verb(doc, frame)
    return verb is not None and any(c.dep_ in ("prep", "prt") and c.lower_ in _INSCRIBING_PARTS for c in verb.children)


def _object_lemma(doc, frame: Frame) -> str:
    """The lemma of the cue's direct object, or ""."""
    verb = _cue_verb(doc, frame)
    if verb is None:
        return ""
    return next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"), "")


def _passes_text(doc, frame: Frame) -> bool:
    """Whether a ``pass`` cue passes a text of a decision (``_PASSED_TEXTS``) or passes
    something along (``passed along a request``)."""
    verb = _cue_verb(doc, frame)
    if verb is None:
        return True
    if any(c.dep_ == "prt" and c.lower_ == "along" for c in verb.children):
        return True
    return _object_lemma(doc, frame) in _PASSED_TEXTS


def has_furniture(text: str) -> bool:
    """Whether a sentence holds pull-quote furniture: no quote is carried into it."""
    low = text.lower()
    return any(f in low for f in _FURNITURE)


def _before_furniture(text: str, frame: Frame) -> Frame | None:
    """The frame with each content piece after the cue ended before pull-quote furniture
    (``X said [...] End Quote Name Title Next sentence``): what follows the marker is not the
    quote. A content before the cue that holds the marker is dropped with its frame: the
    words said start somewhere in the run after the speaker's name and title, which the
    text does not mark, and the words before the marker are someone else's pull quote."""
    pieces = []
    for start, end in frame.content:
        at = min((i for i in (text.lower().find(f, start, end) for f in _FURNITURE) if i >= 0), default=-1)
        if at < 0:
            pieces.append((start, end))
            continue
        if end <= frame.cue[0]:
            return None
        cut = len(text[start:at].rstrip())
        if cut:
            pieces.append((start, start + cut))
        break  # the pieces after the marker belong to the page, not the quote
    if pieces == frame.content:
        return frame
    return dataclasses.replace(frame, content=pieces)


def _speaker_head(doc, frame: Frame):
    """The head token of the frame's speaker phrase, or None."""
    if frame.speaker is None:
        return None
    span = doc.char_span(*frame.speaker, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _setting(tok) -> bool:
    """Whether a speaker's head is a place or a time (a setting, not a viewer)."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE") or tok.lemma_.lower() in _SETTINGS


def _noun_content(doc, frame: Frame) -> bool:
    """Whether the frame's one content is a noun phrase (headed by a noun or a quantity of
    one), not a clause."""
    if len(frame.content) != 1:
        return False
    span = doc.char_span(*frame.content[0], alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN", "NUM") and not (root.pos_ in ("DET", "PRON") and root.dep_ == "dobj"):
        return False  # "many of the largest rallies": a quantity of a noun
    return not parse_cue_words(span.text)  # "saw [a video saying that ...]": its words are reported


def _past_reported_from(doc, frame: Frame) -> Frame | None:
    """The frame without a ``from`` phrase right after its cue that opens its content:
    ``reported [from the front] that the town had fallen`` keeps the clause after it; with no
    clause after it (``reports [from Tripoli on the unrest]``, ``reported from the town,
    [where ...]``) nothing was reported and the frame goes (None)."""
    verb = _cue_verb(doc, frame)
    if verb is None or not frame.content:
        return frame
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" and c.i == verb.i + 1), None)
    if prep is None:
        return frame
    end = prep.right_edge.idx + len(prep.right_edge)
    start, stop = frame.content[0]
    if not prep.idx <= start < end:
        return frame
    # the reported clause: a "that" clause (also one the parser hung on the place as a
    # relative clause), or the cue's complement after the place
    rest = doc.char_span(prep.idx, stop, alignment_mode="contract")
    first = next((t.left_edge.idx if t.dep_ == "ccomp" else t.idx for t in rest or ()
                  if t.dep_ == "ccomp" and t.head is verb or t.lower_ == "that"), None)
    if first is None:
        return None
    return dataclasses.replace(frame, content=[(first, stop), *frame.content[1:]])


def _infinitive_content(doc, frame: Frame) -> bool:
    """Whether the frame's content is an infinitive clause ("voted [to suspend Syria]")."""
    return bool(frame.content) and doc.text[frame.content[0][0]:frame.content[0][1]].lower().startswith("to ")
