"""The speaker side of a quote frame: the :class:`Frame` record, the cue-verb test, and the
readers that find a cue's own speaker in the dependency parse (spaCy's ClearNLP labels).

A cue's speaker is its subject (:func:`own_subject`) or the phrase after an inverted cue
(``CONTENT, said X``: :func:`inverted_subject`). :mod:`.quote_inherited` follows a cue with
none along the clauses it hangs from, :mod:`.quote_speaker_kinds` turns the speaker token
into the frame's speaker, name and description, :mod:`.quote_content` reads the content and
:mod:`.quote_parse` assembles the frames.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .quote_speaker_span import name_range
from .speech_verbs import ASPECTUAL, BELIEF, CUE_FORMS, CUE_LEMMAS, EVIDENCE, EVIDENCE_SUBJECTS

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
FIRST_SECOND = frozenset({"i", "we", "you"})
# The object forms, when the parser makes them a subject ("it lets [us] question X", "made
# [me] say"); by case, since "US" is the country (crawls strip the dots of "U.S.").
_FIRST_OBJECTS = frozenset({"me", "Me", "us"})


def first_or_second(tok) -> bool:
    """Whether a speaker word is the first or second person: words inside someone's quote."""
    return tok.lower_ in FIRST_SECOND or tok.text in _FIRST_OBJECTS
# Nouns naming what someone else said ("a charge Kessling denies", "a claim the ministry
# rejected"): when the parser glues one onto a cue's subject, the cue is about that claim.
CLAIM_NOUNS = frozenset({"charge", "claim", "accusation", "allegation", "assertion", "suggestion", "view"})


@dataclass
class Frame:
    """One attribution within one sentence, in Doc character offsets.

    ``speaker_kind``: name, description, pronoun, relative (``who``, resolved through
    its antecedent) or none. ``name``: the name part of the speaker (a proper-noun
    phrase), when there is one; ``description``: the phrase that stands for the speaker
    when there is no name (the subject, or a relative's antecedent). ``follow``: the content continues in the next sentence(s)
    (``X said:`` at the end of the sentence).
    """

    cue: tuple[int, int]
    content: list[tuple[int, int]]
    speaker: tuple[int, int] | None = None
    speaker_kind: str = "none"
    name: tuple[int, int] | None = None
    description: tuple[int, int] | None = None
    lemma: str = ""
    cue_before: bool = True
    follow: bool = False
    tags: set[str] = field(default_factory=set)


# What may follow an aspectual cue that reports words (", she continued." / "She continued:
# ..."); anything else after it (an object, a time, a place, "on") tells how events went on.
_SPEECH_TAIL = frozenset({"punct", "ccomp", "parataxis", "advmod", "advcl", "dep"})


def _colon_after(token) -> bool:
    nxt = token.i + 1
    return nxt < len(token.doc) and token.doc[nxt].text == ":"


def cue_lemma(token) -> str:
    lemma = token.lemma_.lower()
    if lemma in CUE_LEMMAS or lemma in BELIEF:
        return lemma
    low = token.lower_
    return low if low in CUE_LEMMAS else ""


def is_cue(token, beliefs: bool = False) -> bool:
    """A cue verb: a verb whose lemma (or surface form) is in the cue vocabulary
    (``beliefs``: also think, believe, hope...)."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    lemma = cue_lemma(token)
    if lemma in BELIEF and lemma not in CUE_LEMMAS:
        return beliefs
    if lemma in ASPECTUAL and any(c.dep_ == "xcomp" and not cue_lemma(c) for c in token.children):
        return False  # "the lead continues [to grow]": a course of events; "continued to say" stays
    if lemma in ASPECTUAL and not any(c.dep_ == "xcomp" for c in token.children) and not _colon_after(token) and any(
            c.i > token.i and c.dep_ not in _SPEECH_TAIL for c in token.children):
        return False  # "coverage continues [after the break]", "the talks continued [Friday]"
    return bool(lemma) or token.lower_ in CUE_FORMS and token.pos_ == "VERB"


def char_span(tokens) -> tuple[int, int]:
    """Character offsets [start, end) covering some consecutive tokens."""
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def trim(doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range [start, end) without punctuation at either edge, as characters."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return char_span(doc[start:end])


def cue_subject(verb):
    inverted = inverted_subject(verb)
    if inverted is not None:
        return inverted
    return own_subject(verb)


def own_subject(verb):
    """The verb's subject; of two, the one nearest before it (``MACAU (Reuters) — Top donor
    Ilse Marek said ...``: the parser makes the dateline a second subject), else the first."""
    apposed = _interrupting_apposition(verb)
    if apposed is not None:
        return apposed
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    before = [c for c in subjects if c.i < verb.i]
    if len(subjects) > 1 and before:
        return before[-1]
    return subjects[0] if subjects else (_adverb_name(verb) or _appositive_name(verb) or _participle_subject(verb)
                                         or _evidence_noun(verb) or _left_subject(verb))


def _evidence_noun(verb):
    """``with new polls showing [the race narrowing]``, ``despite surveys finding
    ...``: a participle of finding that modifies a poll, a study or a record speaks for it."""
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_.lower() in EVIDENCE \
            and (head.lower_ in EVIDENCE_SUBJECTS or head.lemma_.lower() in EVIDENCE_SUBJECTS):
        return head
    return None


def _participle_subject(verb):
    """``Judge Ada Roth, writing for the majority, said ...``: the parser gave the subject
    to the participle clause between it and the cue, and left the cue without one."""
    for child in verb.lefts:
        if child.dep_ == "advcl" and child.tag_ == "VBG":
            subj = next((c for c in child.lefts if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
    return None


def _left_subject(verb):
    """The phrase before a main cue the parser left without a subject, because it hung the
    speaker elsewhere: ``..., former governor Tom Hale said`` (an apposition of the noun
    before), ``the campaign chief, Ada Roth, bluntly suggested`` (a conjunct),
    ``Judge Ada Roth, writing for the majority, said`` (the subject of the participle),
    ``Skilling, through a spokeswoman, declined`` (a name in -ing tagged a verb). English
    puts the subject before the finite verb: the noun or name that ends right before the
    cue, past adverbs and one aside between commas without a finite verb, speaks. A
    prepositional or direct object there is the end of some other phrase, never the
    speaker; an aside that is a name alone names the speaker (``the chief, Ada Roth,``).
    A conjoined cue too: in ``Reed failed to sign a striker but the youngster's form hinted
    that ...`` the parser hangs ``form`` on ``striker`` and would give the cue Reed's subject;
    a conjunct that inherits its subject follows its coordinator (``and said``). Also past
    the cue's auxiliaries (``a coalition of lawyers and judges have vouched``, ``... and
    Varenia Radio will accuse``: an of-phrase as a whole, :func:`_of_phrase_head`) and past a
    relative clause between commas (``Ada Roth, who chairs the panel, decided``); on the
    PolNeAR train fold (round 28) these gave three speakers right, none wrong."""
    doc = verb.doc
    if verb.dep_ not in ("ROOT", "conj"):
        return None
    j = verb.i - 1
    while j > 0 and (doc[j].tag_ == "RB" or doc[j].head == verb and doc[j].dep_ in ("aux", "neg")):
        j -= 1  # "bluntly suggested", "have vouched"
    if verb.tag_ not in FINITE_VERB and not any(t.dep_ == "aux" and t.tag_ in FINITE for t in doc[j + 1:verb.i]):
        return None  # finite, or with its finite auxiliary right before it (not "what are people saying")
    aside = None
    if j > 0 and doc[j].text == ",":
        # the aside's opening comma, within a dozen words (a longer one is a clause)
        k = next((k for k in range(j - 1, max(0, j - _ASIDE_WORDS) - 1, -1) if doc[k].text == ","), None)
        if k is None or k >= j - 1 or (any(t.tag_ in FINITE for t in doc[k + 1:j])
                                       and not _relative_aside(doc, k)):
            return None
        aside = doc[k + 1:j]
        j = k - 1
    if j < 0:
        return None
    tok = _of_phrase_head(doc[j])
    if aside is not None and all(t.pos_ == "PROPN" for t in aside):
        return aside[-1] if tok.pos_ in ("NOUN", "PROPN") else None
    named = tok.pos_ in ("NOUN", "PROPN") or (j == 0 and tok.is_title and tok.tag_ == "VBG")
    if not named or tok.dep_ in ("pobj", "dobj", "pcomp") or tok.ent_type_ in NOT_SPEAKERS:
        return None
    if any(c.dep_ in _CLAUSES and c.i < verb.i and c.left_edge.i <= tok.i <= c.right_edge.i for c in verb.children):
        return None  # inside a clause hung on the cue, which the rules would read as content
    return tok


def _of_phrase_head(tok):
    """The head of the ``of`` phrase that ends in ``tok``, past conjuncts: ``a coalition of
    lawyers and judges`` is the coalition (not the judges alone). ``tok`` itself when it ends
    no ``of`` phrase (``From Arlington, Texas, Lund and Roth tell ...``: conjuncts the parser hung
    on the place) or the phrase is no subject or apposition."""
    top, climbed = tok, False
    while True:
        while top.dep_ == "conj" and top.head.i < top.i:
            top = top.head
        if top.dep_ != "pobj" or top.head.lower_ != "of" or top.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        top, climbed = top.head.head, True
    return top if climbed and top.dep_ in ("nsubj", "nsubjpass", "appos") else tok


def _relative_aside(doc, comma: int) -> bool:
    """Whether the aside after the comma at ``comma`` is a relative clause about the phrase
    right before it: ``On May 3, Ada Roth, who chairs the panel, decided ...`` (set off by
    commas, ``who`` is about the phrase before, wherever the parser hung the clause: the
    parser had hung both the name and the clause on the date)."""
    first = comma + 1
    return first < len(doc) and doc[first].lower_ == "who" and doc[first].head.dep_ == "relcl"


def _interrupting_apposition(verb):
    """``Lund, a harbour official said, is sure ...``: a cue set between commas inside the
    clause it reports, whose verb follows with no subject of its own, right after a phrase
    the parser hung on the clause's subject as its apposition. That phrase is the speaker;
    the subject before it is the content's (:func:`interrupted_subject`)."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "parataxis" or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != "," \
            or head.i <= verb.i or any(c.dep_ in SUBJECTS for c in head.children if c.i > verb.i):
        return None
    for tok in doc[max(0, verb.i - 8):verb.i]:
        if tok.dep_ == "appos" and tok.right_edge.i + 1 == verb.i and tok.head.i < tok.i \
                and doc[tok.left_edge.i - 1].text == "," and tok.head.dep_ in SUBJECTS \
                and tok.head.head in (verb, head):
            return tok
    return None


def interrupted_subject(doc, verb, speaker) -> tuple[int, int] | None:
    """The token range of the reported clause's subject before ``, X said,`` set inside that
    clause (``[The ferry plan], he said, is dead``): the clause the cue interrupts has its
    subject before the comma that opens the speaker's phrase. None when the cue is not set
    between commas there."""
    start = speaker.left_edge.i
    if verb.dep_ != "parataxis" or start < 2 or doc[start - 1].text != "," \
            or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    head_subj = speaker.head if speaker.dep_ == "appos" else next(
        (c for c in verb.head.children if c.dep_ in SUBJECTS and c.i < start), None)
    if head_subj is None or head_subj.left_edge.i >= start - 1:
        return None
    return head_subj.left_edge.i, start - 1


def _appositive_name(verb):
    """``CONTENT, Warren, who has not endorsed anyone, told reporters``: the parser hung the
    name on the content's last noun as an apposition and left the cue without a subject.
    The name is the speaker when the comma before the finite cue closes its phrase."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for tok in doc[max(0, verb.i - 16):verb.i - 1]:  # a name with a short relative clause
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.right_edge.i + 1 == verb.i - 1 \
                and doc[tok.left_edge.i - 1].text == ",":
            return tok
    return _name_before_title(verb)


# A title or description between a name and its cue is at most this many tokens (a longer
# stretch is a clause of its own; "counsel for two fishing crews suing the port authority" is 9).
_TITLE_WORDS = 14


def _name_before_title(verb):
    """``CONTENT, Ada Brandt, counsel for two crews suing the port, said``: a person's name
    between commas, then a description without a finite verb up to the comma before the
    cue (the parser tangles both into the content: the description's clause hung on a word
    of the content). The name is the speaker."""
    doc = verb.doc
    j = verb.i - 2  # the description ends before the comma that precedes the cue
    while j > 0 and doc[j].text != "," and verb.i - j <= _TITLE_WORDS + 1:
        if doc[j].tag_ in FINITE:
            return None
        j -= 1
    if j < 3 or doc[j].text != "," or j == verb.i - 2:
        return None
    end = j  # the name ends before this comma and starts after the comma before it
    start = end - 1
    while start > 0 and doc[start].pos_ == "PROPN":
        start -= 1
    if doc[start].text != "," or end - start < 2 or doc[end - 1].ent_type_ != "PERSON":
        return None
    return doc[end - 1]


def _adverb_name(verb):
    """A surname the tagger took for an adverb (``Jolly said ...``, ``..., said Skelly,
    explaining ...``: names in -ly): a capitalised adverb hung on a cue that has no
    subject, opening the sentence right before it or closing the phrase right after it."""
    doc = verb.doc
    for i, closes in ((verb.i - 1, True), (verb.i + 1, False)):
        if not 0 <= i < len(doc):
            continue
        tok = doc[i]
        if tok.head.i != verb.i or tok.pos_ != "ADV" or not tok.is_title or len(tok) < 3:
            continue
        if closes and i == 0 or not closes and (i + 1 == len(doc) or doc[i + 1].is_punct):
            return tok
    return None


# Cues that invert often enough ("..., said X", "added X", "wrote X") to read a phrase the
# parser took for their object or complement as the speaker; other verbs take objects
# after a comma ("..., suggested a tinge of regret").
_INVERTING = frozenset({"say", "add", "write"})
# Cues whose object after a comma is the speaker only when it is a name (``Turnout was low,
# reported the Lakeside Herald on Monday``; not ``..., reported a rise in sales``).
_INVERTING_NAMED = frozenset({"report"})
DASHES = frozenset({",", "\u2014", "\u2013", "--", "-"})
# Entity types that are never a speaker ("..., said Tuesday").
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def inverted_subject(verb):
    """``CONTENT, said X``: the phrase right after a cue that follows a comma or dash is its
    speaker. Without quote marks the parser often makes a piece of the content a second
    subject (``It is not a party, it is a family, said Halvorsen``: ``family`` and
    ``Halvorsen`` both hang on ``said`` as subjects), or the speaker an object (``..., wrote
    Nordheim``, ``..., said a longtime adviser to the mayor``)."""
    doc = verb.doc
    i = verb.i
    if i < 2 or doc[i - 1].text not in DASHES or i + 1 >= len(doc) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # only a finite cue inverts (", explaining the decision" has no speaker after it)
    first = next((c for c in verb.rights if c.left_edge.i == i + 1), None)
    if first is None:
        return None
    after = first.right_edge.i + 1
    closes = after >= len(doc) or doc[after].is_punct  # not the subject of a clause ("said hed like")
    if first.dep_ == "nsubj":
        return first if closes else None
    if cue_lemma(verb) in _INVERTING_NAMED:
        return _named_object(doc, first, i)
    if cue_lemma(verb) not in _INVERTING:
        return None
    if first.dep_ == "ccomp":
        # "..., said Brock, a confidant who heads the Correct the Record group": a stray verb
        # in the apposition made the name the subject of a clause hung on the cue
        name = next((c for c in first.children if c.dep_ == "nsubj" and c.i < first.i), None)
        rng = name_range(doc, name) if name is not None and name.pos_ == "PROPN" else None
        if rng is not None and rng[0] == i + 1 and rng[1] < len(doc) and doc[rng[1]].text == ",":
            return name
    if (first.dep_ in ("dobj", "attr", "npadvmod") and first.pos_ in ("PROPN", "NOUN")
            and first.ent_type_ not in NOT_SPEAKERS and closes
            and not any(c.dep_ in SUBJECTS for c in verb.children)):
        return first
    if first.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.i < i and name_range(doc, c) is not None
                                     for c in verb.children):
        # "Hale, with the Velby institute, said [lenders, brokers and other companies could ...]":
        # a named speaker before the cue and its clause after it, in plain order (not "Part
        # of the problem, say experts like X, is ...": a piece of the content made subject)
        return None
    return _phrase_after(verb)


def _named_object(doc, first, i: int):
    """The object right after an inverted ``reported`` when it is the name of an outlet, a
    body or a person (the named-entity span starts at the cue's next word or after ``the``)."""
    if first.dep_ != "dobj" or first.pos_ != "PROPN" or first.ent_type_ not in ("ORG", "PERSON", "NORP", "GPE"):
        return None
    start = first.left_edge.i
    return first if start == i + 1 else None


# An aside between commas before a cue is at most this many tokens ("speaking for the
# bench in the split 2-1 ruling" is 10); a longer stretch is a clause of its own.
_ASIDE_WORDS = 12
_CLAUSES = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})
FINITE_VERB = frozenset({"VBD", "VBZ", "VBP"})   # a finite verb's tags
_PHRASE_END = frozenset({",", "(", ";", ":", ".", "?", "!", "\u2014", "\u2013", "--"})
FINITE = FINITE_VERB | {"MD"}   # ... and a modal's
_PHRASE_START = frozenset({"DET", "PROPN", "NOUN", "ADJ"})


def _phrase_after(verb):
    """``CONTENT, said a former aide to the mayor, Ilse Marek, who ...``, ``..., wrote film
    critic Ada Lenz, her cousin, on her blog``: when the parse around an inverted cue is
    tangled (the name the subject of a stray clause, or an object followed by more than
    punctuation), the noun phrase from the cue to the next comma or bracket is the speaker
    if it has no finite verb (not ``said hed like``) and no pronoun (not ``said it was``).
    Its head is the last noun before a preposition (``aide``, ``Marek``)."""
    doc = verb.doc
    end = verb.i + 1
    while end < len(doc) and doc[end].text not in _PHRASE_END:
        end += 1
    phrase = doc[verb.i + 1:end]
    if not phrase or len(phrase) > 12 or phrase[0].pos_ not in _PHRASE_START or any(
            t.tag_ in FINITE or t.pos_ == "PRON" for t in phrase):
        return None  # "said of the senator, ...", "said at the time": the speaker is before
    head = None
    for tok in phrase:
        if tok.pos_ == "ADP" and head is not None:
            break
        if tok.pos_ in ("NOUN", "PROPN"):
            head = tok
    if head is None or head.ent_type_ in NOT_SPEAKERS:
        return None
    return head


def bare_participle(verb) -> bool:
    """A past participle heading a clause of its own, without subject or auxiliary: a
    passive with its source left out (``Asked about the vote, Ryan said ...``: Ryan was
    asked, by someone unnamed; ``weeds, derisively known as ...``)."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in verb.children)


def claim_subject(subj) -> bool:
    """Whether a cue's subject has a claim noun glued on by the parser (``a charge Kessling``)."""
    return subj is not None and any(c.dep_ in ("compound", "det") and c.lemma_.lower() in CLAIM_NOUNS
                                    for c in subj.children)


