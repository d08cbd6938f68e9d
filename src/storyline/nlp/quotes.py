"""Who said what: direct and reported speech found without relying on quote marks.

Crawled input usually has its quote marks stripped, so quotes are found from the shape of
attribution instead: a speech verb with its subject and complement (``X said CONTENT``,
``CONTENT, X said``, ``X said: CONTENT``, ``CONTENT, said X``, ``X warned that ...``),
``according to X``, headline ``Name: words``, and embedded social posts. Quote marks, when
present, only help to carry a quote over several sentences and to tell direct from
indirect speech.

Beside these rules, a model trained on PolNeAR (:mod:`.quote_model`, off with
``quotes.model``) reads parsed sentences for the attributions the rules have no pattern for
(beliefs, wishes, stances, findings: ``X believes``, ``X refused to``, ``the poll found``),
drops rule cues it finds unlikely, and decides when an unmarked quote carries on into the
next sentence.

Each :class:`~storyline.records.Quote` has its content span(s), its cue, the speaker as
written and ``speaker_name``:

* a name: the fullest form of it in the article, titles and possessives removed
  (``Ms Lindqvist`` -> ``Petra Lindqvist``);
* a description (``a senior diplomat``, ``officials``, ``the poll``): the description as
  written. The PolNeAR protocol (``benchmarks/quotes_polnear.py``) scores such sources as
  named sources that must match the text, so abstaining on them would be wrong;
* a pronoun (he, she): the one compatible person named nearby (before it in its own
  sentence, and in the sentences before only in reading order, ``ordered=True``), only when
  there is exactly one; otherwise ``unknown``;
* a pronoun and a name speaking together (``he and Ms Varga said``): the pronoun's person
  and the name (``Tal Oren and Ms Varga``), or the pair as written when the pronoun stays
  unresolved;
* no speaker in the text (``it was reported that...``): ``unknown``.

``speaker_entity`` stays empty: linking speakers to corpus-wide entities is the entity
layer's job. Offsets are into the sentence text as stored (see ``AnnotatedSentence.span``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from ..records import Quote, Span
from ..settings import DEFAULTS, Settings
from .annotate import AnnotatedSentence
from .datelines import dateline_end
from .quote_content import before_gloss, clause_past_time_phrase, one_word_answer
from .quote_bounds import within_bounds
from .quote_continuation import carry_learned, carry_unmarked, whole_sentence
from .quote_lexical import fragment_frame, headline_shape, lexical_frames, opens_turn, plain_attribution, title_frame
from .quote_marks import extend_with_marks, has_marks, mark_kind
from .quote_model import QuoteModel, model_for, model_frames, veto
from .quote_nonspeech import act_offsets, acts_over_cues, has_furniture, speech_only
from .quote_objects import named_thing, thing_content
from .quote_overlap import closing_attribution, end_before_coordinated, end_before_participle, outermost, speaker_inside
from .quote_parse import Frame, name_range, parse_frames
from .quote_signoff import signoff_frame
from .quote_speakers import (  # noqa: F401  (recover_speakers: importable from here, as before)
    ASIDE, PASSING, SALIENT, TITLES, NameIndex, as_mid_sentence, recover_speakers, resolve_pronoun, without_timestamp,
)
from .quote_unsaid import said_frames
from .quote_withheld import refusal, without_anonymity
from .speech_verbs import evidence_finding, parse_cue_words, regard_view, stance_view, verb_attitude

__all__ = ["find_quotes", "needs_parse", "quote_from_embed", "recover_speakers"]

_SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# First- and second-person words: a content in them is direct speech, and a model frame whose
# speaker is one is nested in a quote. Case matters for "I" and "us": "US" is the country
# (crawls strip the dots of "U.S."), which a case-blind test read as the pronoun; "Us" opens
# a sentence.
_FIRST_PERSON = re.compile(r"\bI\b|\bus\b|(?:^|(?<=[.!?] ))Us\b|\b(?i:we|my|our|me|you|your)\b")
_WORD = re.compile(r"\w+")
# "As Foner put it, ...", "as one voter puts it": an attribution with no cue verb of the lists
# (not "put it back", "to put it mildly": the speaker comes between "as" and "put it")
_PUT_IT = re.compile(r"\bas\s[^,.;:]{1,60}?\bputs? it\b")


def needs_parse(text: str) -> bool:
    """Whether quote finding wants the dependency parse of this sentence: it has a cue
    verb form (not one of the mostly-noun forms of ``PARSE_SKIP_FORMS``), an attitude verb
    form the trained model reads (``believes``, ``refused``: ``ATTITUDE_FORMS``),
    ``according to``, ``as X put it``, a headline's ``Name: words`` (``headline_shape``), a view (``see X as
    Y``: ``regard_view``), a stance (``are convinced that``: ``stance_view``) or a
    mostly-noun attitude form used as a verb (``supporters hope``: ``verb_attitude``), and is not
    one of the plain shapes the surface patterns read as well
    without a parse (``CONTENT, Name said.``, ``Name said: CONTENT``, ``Name said the ...``
    with no comma after the cue). Regular expressions and a set intersection over the words:
    microseconds, no model."""
    if not text or len(text) > DEFAULTS["quotes.max_sentence_chars"]:
        return False
    low = text.lower()
    if "according to" in low or _PUT_IT.search(low) or headline_shape(text):
        return True
    if not parse_cue_words(text):
        return evidence_finding(text) or regard_view(text, DEFAULTS["quotes.regard_window"]) \
            or stance_view(text, DEFAULTS["quotes.stance_gap"]) or verb_attitude(text)
    return not plain_attribution(text)


def find_quotes(
    sentences: Sequence[AnnotatedSentence],
    article_id: str = "",
    settings: Settings = DEFAULTS,
    *,
    ordered: bool = True,
) -> list[Quote]:
    """The quotes of one article's editorial sentences, in stored order.

    ``ordered``: the stored order is the reading order. When the noise layer has found the
    sentences shuffled, pass False: then no quote is carried over to a neighbouring
    sentence and pronoun speakers stay ``unknown``. Sentences that arrive without a parse
    are read with surface patterns only.
    """
    limit = settings["quotes.max_sentence_chars"]
    usable = [s for s in sentences if s.text and s.text.strip() and len(s.text) <= limit and s.doc is not None]
    if not usable:
        return []
    index = _name_index(usable)
    marked = any(has_marks(s.text) for s in usable)
    beliefs = settings["quotes.beliefs"]
    model = model_for(settings)
    probs = (settings["quotes.model_min_prob"], settings["quotes.model_min_prob_unnamed"],
             settings["quotes.model_veto_prob"], settings["quotes.model_min_prob_inherited"])
    stances = settings["quotes.stance_adjectives"]
    # a sentence split off after a question or an exclamation ("Can we win? | Reed asked.")
    after_mark = [pos > 0 and usable[pos - 1].text.rstrip()[-1:] in ("?", "!") for pos in range(len(usable))]
    frames = [_frames(s, beliefs, model, probs, stances, after) for s, after in zip(usable, after_mark)]
    frames = [end_before_coordinated(s, found) for s, found in zip(usable, frames)]
    frames = [closing_attribution(s, found) for s, found in zip(usable, frames)]
    if settings["quotes.end_before_participle"]:
        frames = [end_before_participle(s, found) for s, found in zip(usable, frames)]
    frames = [[named_thing(s.doc, _without_gloss(s, _past_time_phrase(s, f))) for f in found] if s.parsed else found
              for s, found in zip(usable, frames)]
    frames = [_after_dateline(s, found) for s, found in zip(usable, frames)]
    frames = [without_anonymity(s.doc_text, found) for s, found in zip(usable, frames)]
    frames = [[f for f in found if not speaker_inside(f)] for found in frames]
    frames = [acts_over_cues(s.doc, found) if s.parsed else found for s, found in zip(usable, frames)]
    if settings["quotes.outermost_only"]:
        frames = [outermost(found) for found in frames]
    acts = [act_offsets(s.doc, settings) if s.parsed else None for s in usable]
    if settings["quotes.skip_material_acts"]:
        frames = [_without_material_acts(s, found, a) for s, found, a in zip(usable, frames, acts)]
    # sentences with an attribution of their own take no carried quote; counted before
    # speech_only, which only drops frames: a sentence whose act was dropped (a vote, a
    # veto) is still narration, and a pull quote is another's
    taken = {pos for pos, found in enumerate(frames) if any(_own_attribution(usable[pos], f) for f in found)}
    taken |= {pos for pos, s in enumerate(usable) if has_furniture(s.text) or opens_turn(s.text)}
    frames = [speech_only(s.doc, found, settings["quotes.raising_attributions"], a) if s.parsed else found
              for s, found, a in zip(usable, frames, acts)]
    frames = [said_frames(s.doc, found) if s.parsed else found for s, found in zip(usable, frames)]
    people = [_people(s, f) for s, f in zip(usable, frames)]
    quotes: list[Quote] = []
    seen: set[tuple] = set()
    for pos, found in enumerate(frames):
        for frame in found:
            quote = _to_quote(frame, pos, usable, index, people, article_id, settings, ordered, marked, taken, model)
            if quote is None:
                continue
            key = tuple((c.sentence_index, c.start, c.end) for c in quote.content)
            if key in seen:
                continue
            seen.add(key)
            quotes.append(quote)
    return quotes


def _frames(sentence: AnnotatedSentence, beliefs: bool, model: QuoteModel | None,
            probs: tuple[float, ...], stances: bool = False, after_mark: bool = False) -> list[Frame]:
    """The frames of one sentence. ``probs``: the model's least probabilities (named,
    unnamed, veto, and optionally inherited). ``after_mark``: the sentence before ends in a
    question or exclamation mark, so a sentence that is only ``Reed asked.`` attributes that one."""
    fragment = fragment_frame(sentence.doc_text, sentence.doc) or signoff_frame(sentence.doc_text, sentence.doc)
    if fragment is not None and (after_mark or "split" not in fragment.tags):
        return [fragment]
    found = []
    if sentence.parsed:
        found = parse_frames(sentence.doc, beliefs, stances)
        if model is not None:
            taken = {f.cue[0] for f in found}
            found = veto(sentence.doc, model, found, probs[2])
            found += model_frames(sentence.doc, model, taken, probs[0], probs[1], *probs[3:4])
    if not found:
        found = lexical_frames(sentence.doc_text, sentence.doc)
    elif any(f.speaker is None and "model" in f.tags for f in found):
        found = _surface_speakers(sentence, found)
    title = title_frame(sentence.doc_text, sentence.doc)
    if title is not None and all(f.cue[0] != title.cue[0] for f in found):
        found.append(title)
    return found


def _surface_speakers(sentence: AnnotatedSentence, frames: list[Frame]) -> list[Frame]:
    """A model frame without a source gives way to the surface patterns' frame of the same
    cue when that one has a speaker: the parser may hang the speaker of ``CONTENT, the
    Norland Monitor for Civil Rights said`` on the content (an apposition of its last noun),
    leaving the cue no subject, while the pattern reads the phrase before the cue."""
    surface = {f.cue[0]: f for f in lexical_frames(sentence.doc_text, sentence.doc) if f.speaker is not None}
    return [surface.get(f.cue[0], f) if f.speaker is None and "model" in f.tags else f for f in frames]


def _own_attribution(sentence: AnnotatedSentence, frame: Frame) -> bool:
    """Whether the frame makes its sentence an attribution of its own, never absorbed into a
    neighbour's quote: a frame of the rules, or one the model gives to a named or described
    speaker or a third-person pronoun. The model's first-person frames ("I believe ...") are
    often nested in the quote and do not stop it carrying on. On the PolNeAR train fold
    (round 6) stopping at the model's third-person frames too raised who-said-what F1 from
    0.692 to 0.693 and exact quote F1 from 0.469 to 0.476."""
    if "model" not in frame.tags or frame.speaker_kind in ("name", "description"):
        return True
    if frame.speaker_kind != "pronoun" or frame.speaker is None:
        return False
    return not _FIRST_PERSON.fullmatch(sentence.doc_text[frame.speaker[0]:frame.speaker[1]])


def _past_time_phrase(sentence: AnnotatedSentence, frame: Frame) -> Frame:
    """A content after the cue that opens with a time phrase holding the cue's ``that``
    clause (``told reporters [after meeting Ms Hale that ...]``) starts at ``that``."""
    if len(frame.content) != 1 or frame.content[0][0] < frame.cue[1]:
        return frame
    verb = next((t for t in sentence.doc if t.idx == frame.cue[0]), None)  # type: ignore[union-attr]
    start, end = frame.content[0]
    at = clause_past_time_phrase(sentence.doc, verb, start, end) if verb is not None else None
    return frame if at is None else dataclasses.replace(frame, content=[(at, end)])


def _without_gloss(sentence: AnnotatedSentence, frame: Frame) -> Frame:
    """A content after the cue without a closing dash and noun phrase, the writer's gloss
    (:func:`.quote_content.before_gloss`)."""
    if not frame.content or frame.content[-1][0] < frame.cue[1]:
        return frame
    start, end = frame.content[-1]
    cut = before_gloss(sentence.doc, start, end)
    return frame if cut == end else dataclasses.replace(frame, content=[*frame.content[:-1], (start, cut)])


def _after_dateline(sentence: AnnotatedSentence, frames: list[Frame]) -> list[Frame]:
    """A wire dateline opening the sentence (``KESSLING, March 4 (CPA) - Northford will
    ..., Hale said``) is the page's, not the speaker's: a content that starts inside it
    starts after it, and a frame whose content or speaker lies all inside it is dropped."""
    if not frames:
        return frames
    end = dateline_end(sentence.doc)
    if not end or end >= len(sentence.doc):
        return frames
    cut = sentence.doc[end].idx
    kept = []
    for frame in frames:
        content = [(max(a, cut), b) for a, b in frame.content if b > cut]
        if not content or (frame.speaker is not None and frame.speaker[1] <= cut):
            continue
        kept.append(frame if content == frame.content else dataclasses.replace(frame, content=content))
    return kept


def _without_material_acts(sentence: AnnotatedSentence, frames: list[Frame],
                           acts: Callable[[], frozenset[int]]) -> list[Frame]:
    """The frames that report speech: a cue word that carries a material event with a noun
    phrase for content ("Northford recalled [its ambassador]", "suspended [imports of
    steel]") reports an act, which the events module codes; a clause after it stays a quote
    ("recalled that the talks had failed"). So does a model cue whose content is headed by
    the noun of a material event ("imposed [a new wave of sanctions on X]", "imposed [an
    arms embargo]"): the verb only brings the act about (the events module reads the noun as
    the trigger), while a rule cue of speech keeps it ("condemned [the killing of X]").
    ``acts``: the sentence's :func:`~storyline.nlp.quote_nonspeech.act_offsets`."""
    if not sentence.parsed or not frames:
        return frames
    doc = sentence.doc
    kept = []
    for frame in frames:
        head = _content_head(doc, frame) if "model" in frame.tags else None
        noun_phrase = frame.content and not any(
            t.pos_ in ("VERB", "AUX") for s, e in frame.content
            for t in doc.char_span(s, e, alignment_mode="expand") or ())  # type: ignore[attr-defined]
        if noun_phrase or head is not None and head.pos_ == "NOUN":
            found = acts()
            if noun_phrase and frame.cue[0] in found or head is not None and head.pos_ == "NOUN" and head.idx in found:
                continue
        kept.append(frame)
    return kept


def _content_head(doc, frame: Frame):
    """The head token of a frame's first content, or None without one."""
    if not frame.content:
        return None
    span = doc.char_span(*frame.content[0], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _name_index(sentences: Sequence[AnnotatedSentence]) -> NameIndex:
    index = NameIndex()
    for s in sentences:
        for ent in getattr(s.doc, "ents", ()):
            if ent.label_ in _SPEAKER_LABELS:
                # the NER often leaves the honorific out ("Mr [Reed]"): it tells the gender
                before = ent.doc[ent.start - 1].text if ent.start else ""
                index.add(f"{before} {ent.text}" if before.rstrip(".").lower() in TITLES else ent.text)
    return index


def _group_name(tok) -> bool:
    """A plural name the NER calls a group (NORP: ``Democrats``, ``Republicans``, ``Libyans``),
    which no he or she refers to. Neither sign alone: the tagger takes surnames in -s for
    plurals (``Sanders`` NNPS), and the NER calls some surnames groups (``Mendoza``)."""
    return tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS")


def _people(sentence: AnnotatedSentence, frames: list[Frame]) -> list[tuple[int, str, int, bool]]:
    """(character offset, name as written, grade, inside what a speaker of this sentence
    said) of the people a pronoun could refer to. Grades (``quote_speakers``): a subject or a
    quote's speaker is SALIENT, the only kind a pronoun is resolved to; other persons the
    NER finds are PASSING and count against a resolution; a possessor (``Gadhafis forces``)
    is ASIDE. With a parse, proper-noun subjects the NER missed or mislabelled are SALIENT,
    but for a name in capitals (``NATO``, a transcript's ``BLITZER:``), which is PASSING,
    and so is the source of ``according to``. A plural name (``The Democrats said``) is left
    out: a group is no he or she."""
    doc = sentence.doc
    found: dict[int, tuple[int, str, int]] = {}
    for ent in getattr(doc, "ents", ()):
        if ent.label_ == "PERSON":
            dep = ent.root.dep_ if sentence.parsed else ""
            grade = SALIENT if dep in ("nsubj", "nsubjpass") else ASIDE if dep == "poss" else PASSING
            found[ent.start_char] = (ent.start_char, ent.text, grade)
    if sentence.parsed:
        for tok in doc:  # type: ignore[attr-defined]
            if tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue
            if tok.ent_type_ in ("GPE", "LOC", "DATE", "NORP", "FAC", "EVENT"):
                continue
            rng = name_range(doc, tok)
            if rng is None:
                continue
            span = doc[rng[0]:rng[1]]
            if tok.dep_ == "poss":
                grade = found.get(span.start_char, (0, "", ASIDE))[2]
            else:
                grade = _subject_grade(span)
            found[span.start_char] = (span.start_char, span.text, grade)
    for frame in frames:
        if frame.name is not None and frame.speaker_kind == "name":
            text = sentence.doc_text[frame.name[0]:frame.name[1]]
            span = doc.char_span(*frame.name, alignment_mode="expand") if sentence.parsed else None  # type: ignore[attr-defined]
            if span is not None and _group_name(span.root):
                continue  # "The Democrats said ...": a group, never the he or she of a later quote
            # "..., according to the newspaper Quryna": a source named in passing
            grade = PASSING if frame.lemma == "according to" else _subject_grade(span)
            found[frame.name[0]] = (frame.name[0], text, grade)
    said = [c for frame in frames for c in frame.content]
    return sorted((off, text, grade, any(s <= off < e for s, e in said)) for off, text, grade in found.values())


def _subject_grade(span) -> int:
    """SALIENT for a subject or a speaker, but PASSING for a name written in capitals: a
    body (``POLITICO published``, ``NATO said``), no he or she; or a transcript's speaker
    label (``BLITZER: ... He wanted Gamal to take over``), whose own words are I and we, so
    a he or she after it is someone else."""
    if span is not None and len(span.text) > 1 and span.text.isupper():
        return PASSING
    return SALIENT


def _to_quote(
    frame: Frame,
    pos: int,
    sentences: Sequence[AnnotatedSentence],
    index: NameIndex,
    people: list[list[tuple[int, str, int, bool]]],
    article_id: str,
    settings: Settings,
    ordered: bool,
    marked: bool,
    taken: set[int],
    model: QuoteModel | None,
) -> Quote | None:
    sentence = sentences[pos]
    content = [sentence.span(s, e) for s, e in frame.content]
    content = [c for c in content if c.text.strip()]
    if frame.follow or "fragment" in frame.tags:
        content = []
    if "fragment" in frame.tags:
        # "Is it over? | asked Dunn.": the question the attribution closes; a dash and a name
        # closing the article are its byline ("- Ada Roth."), no sign-off of a quote
        last = pos == len(sentences) - 1
        if ordered and pos > 0 and sentences[pos - 1].text.strip() and not ("signoff" in frame.tags and last):
            content = [whole_sentence(sentences[pos - 1])]
    elif ordered and frame.follow:
        content = carry_unmarked(pos, [], sentences, taken, settings, after_colon=True)
    elif ordered and marked:
        content = extend_with_marks(frame, pos, content, sentences, settings)
    elif "as" in frame.tags:
        pass  # "..., as X noted": the writer vouches for one clause, no run of quoted words
    elif ordered and model is not None and model.continuation is not None:
        content = carry_learned(frame, pos, content, sentences, taken, settings, model.continue_probability,
                                speaker=_speaker_name(frame, pos, sentences, index, people, ordered, settings,
                                                      remember=False))
    elif ordered and not frame.cue_before and frame.lemma != "according to":
        content = carry_unmarked(pos, content, sentences, taken, settings)
    wanted = {c.sentence_index for c in content}
    content = within_bounds(content, {s.index: s.text for s in sentences if s.index in wanted})
    # distinct words: "said said said" says nothing
    words = len({w.lower() for c in content for w in _WORD.findall(c.text)})
    if not content or words < settings["quotes.min_content_words"] and not (len(content) == 1 and one_word_answer(content[0].text)):
        return None
    cue = sentence.span(*frame.cue)
    speaker = sentence.span(*frame.speaker) if frame.speaker else None
    name = _speaker_name(frame, pos, sentences, index, people, ordered, settings)
    return Quote(
        article_id=article_id,
        content=tuple(content),
        cue=cue,
        speaker=speaker,
        speaker_name=name,
        kind=_kind(frame, content, sentences, marked, sentence),
    )


def _speaker_name(
    frame: Frame,
    pos: int,
    sentences: Sequence[AnnotatedSentence],
    index: NameIndex,
    people: list[list[tuple[int, str, int, bool]]],
    ordered: bool,
    settings: Settings,
    remember: bool = True,
) -> str:
    """The speaker's name for the quote of ``frame`` (``unknown`` when it cannot be told).
    A resolved pronoun counts as a mention of its person for the pronouns after it; with
    ``remember`` False (a look ahead, before the quote is made) it is not recorded."""
    sentence = sentences[pos]
    if frame.name is not None:
        name = index.full(sentence.span(*frame.name).text)
        if name:
            return name
        if frame.speaker is not None:
            # a title alone ("the Prime Minister", "The Secretary of State") names no one:
            # the phrase as written describes the speaker
            text = _described(sentence, frame.speaker, index)
            if _WORD.search(text):
                return text
    if frame.description is not None:
        text = _described(sentence, frame.description, index)
        if "joint" in frame.tags:
            # "he and Ada Roth": the pronoun's person beside the one named, when it resolves
            pronoun, rest = text.split(" ", 1)
            name = _pronoun_name(pronoun, frame.description[0], pos, index, people, ordered, settings, False)
            return text if name == "unknown" else f"{name} {rest}"
        if _WORD.search(text):
            return text
    if frame.speaker_kind == "pronoun" and frame.speaker is not None:
        pronoun = sentence.span(*frame.speaker).text
        return _pronoun_name(pronoun, frame.speaker[0], pos, index, people, ordered, settings, remember)
    return "unknown"


def _pronoun_name(
    pronoun: str,
    start: int,
    pos: int,
    index: NameIndex,
    people: list[list[tuple[int, str, int, bool]]],
    ordered: bool,
    settings: Settings,
    remember: bool,
) -> str:
    """The person a pronoun at character ``start`` of sentence ``pos`` stands for, or
    ``unknown``; with ``remember``, a resolved pronoun mentions its person for the pronouns
    after it."""
    # the sentences before count only when the lines are in reading order; the
    # pronoun's own sentence always does ("Hale said ..., but she warned ...")
    window = settings["quotes.pronoun_window"] if ordered else 0
    # never someone inside a quote of its own sentence: in "Gadhafi will fall, he said"
    # the speaker is not Gadhafi
    tiers = [[(index.full(t), grade, said) for off, t, grade, said in people[pos] if off < start and not said]]
    for back in range(pos - 1, max(-1, pos - 1 - window), -1):
        tiers.append([(index.full(t), grade, said) for _, t, grade, said in people[back]])
    name = resolve_pronoun(pronoun, [[p for p in tier if p[0]] for tier in tiers], index)
    if name != "unknown" and remember:
        # a chain of "he said" after one named speaker: a resolved pronoun mentions its
        # person for the pronouns after it
        people[pos].append((start, name, SALIENT, False))
    return name


def _described(sentence: AnnotatedSentence, span: tuple[int, int], index: NameIndex) -> str:
    """A described speaker's name: the phrase as it reads mid-sentence, without a live page's
    leading timestamp, possessives of the article's names made plain."""
    text = sentence.span(*span).text
    clean = without_timestamp(text)
    start = span[0] + len(text) - len(clean)
    return index.description(as_mid_sentence(sentence.doc, start, clean, index.by_last))


def _kind(frame: Frame, content: list[Span], sentences: Sequence[AnnotatedSentence], marked: bool,
          sentence: AnnotatedSentence) -> str:
    # in an article with quote marks the marks tell words said; a stance is one also there
    # ("The council rejected the offer." in a story that quotes the mayor's reply)
    kind = mark_kind(content, {s.index: s.text for s in sentences}) if marked else ""
    if kind in ("direct", "mixed"):
        return kind
    if "stance" in frame.tags:
        return "stance"  # a view held, not words said: "Turkey is concerned that ..."
    if sentence.parsed and refusal(sentence.doc, frame):
        return "stance"  # words withheld: "would not say whether ...", "declined to comment"
    if len(content) == 1 and sentence.parsed and thing_content(sentence.doc, frame):
        # a stance toward a thing: "Arnholt ignored [a deadline]"; not one carried on over
        # the next sentences, which are words
        return "stance"
    if kind:
        return kind
    text = " ".join(c.text for c in content)
    if frame.cue_before and text.lower().startswith("that "):
        return "indirect"
    if frame.tags & {"colon", "comma", "headline"}:
        return "direct"  # "X said: words" and "X said, words" quote the words
    if _FIRST_PERSON.search(text) and not frame.cue_before:
        return "direct"
    return "indirect"


def quote_from_embed(sentence_index: int, text: str, account: str, article_id: str = "") -> Quote:
    """An embedded social post (a line the noise layer recognised, with its account) as a
    quote of kind ``embed`` by that account. A trailing picture link and the
    ``- Name (account) date`` signature are left out of the content."""
    text = text or ""
    handle = (account or "").strip().lstrip("@")
    end = len(text)
    for pattern in (_PIC_LINK, _SIGNATURE, _PIC_LINK):
        m = pattern.search(text[:end])
        if m:
            end = m.start()
    while end > 0 and text[end - 1] in " \t-\u2014\u2013":
        end -= 1
    start = len(text[:end]) - len(text[:end].lstrip())
    content = (Span(sentence_index, start, end, text[start:end]),) if end > start else ()
    speaker = None
    if handle:
        at = text.find(handle)
        if at >= 0:
            speaker = Span(sentence_index, at, at + len(handle), handle)
    return Quote(article_id=article_id, content=content, cue=None, speaker=speaker,
                 speaker_name=handle or "unknown", kind="embed")


_PIC_LINK = re.compile(r"\s*(?:https?:?/*\S+|pic\.twitter\.com\S*|t\.co\S*)\s*$", re.I)
_SIGNATURE = re.compile(r"\s*[\u2014\u2013-]+\s*[^\u2014\u2013]{1,80}\(\s*@?\w{1,30}\s*\)[^()]{0,40}$")
