"""Words that introduce speech: the cue vocabulary of :mod:`storyline.nlp.quotes`.

Lemmas are grouped by how their arguments map to a quote, because that decides where the
content is:

* ``SPEECH`` - the content is a clause (``said the plan failed``, ``the plan failed, she said``);
* ``ADDRESSEE`` - the direct object is who was spoken to, not what was said
  (``told reporters that...``, ``urged Congress to act``);
* ``NOUN_CONTENT`` - a direct object is itself the content (``announced a recount``,
  ``denied the report``, ``called the plan a disaster``);
* ``PREP_CONTENT`` - the content is the object of a particular preposition
  (``called for a recount``, ``warned of delays``, ``pointed to the polls``);
* ``EVIDENCE`` - findings of polls, studies and reports (``a poll showed that...``): the
  speaker is the poll.

The lists were written by hand and pruned on PolNeAR *train* (converted at run time by
benchmarks/quotes_polnear.py ``--split train``): verbs whose frames mostly matched no
annotated attribution were dropped (welcome, thank, endorse, defend, reject, attack, agree,
post). ``BELIEF`` verbs (think, believe, hope, want...) are annotated by PolNeAR but are not
speech; the rules use them only with ``quotes.beliefs`` (with them, who-said-what F1 on train
goes from 0.538 to 0.533). The trained model (nlp/quote_model.py) reads them instead, so
``ATTITUDE_FORMS`` (beliefs, wishes, stances) make a sentence worth parsing: on PolNeAR train
they raise the quote finder's parse share from 38.5% to 46.0% of the sentences (the enrich
stage's, with the other modules' needs, from 56.0% to 59.9%), and who-said-what F1 of the
held-out fold, parsing only what ``needs_parse`` asks, from 0.603 to 0.625 (0.644 with every
sentence parsed).
"""

from __future__ import annotations

import re

SPEECH: frozenset[str] = frozenset("""
say add write note argue explain acknowledge declare insist recall claim state reply respond
tweet suggest remark comment reiterate repeat stress emphasize emphasise concede admit assert
contend maintain predict vow pledge promise complain joke quip boast brag lament observe
answer testify allege continue hint recount plead retort counter interject conclude indicate
mention confirm deny report announce reveal disclose muse speculate posit proclaim exclaim
shout yell scream whisper charge
""".split())

ADDRESSEE: frozenset[str] = frozenset("""
tell ask urge warn remind assure inform advise caution order implore beg encourage
""".split())

NOUN_CONTENT: frozenset[str] = frozenset("""
announce deny confirm praise criticize criticise blast slam mock accuse blame describe cite
mention express reveal question dismiss denounce decry reference list tout recall propose
call demand promise predict condemn applaud hail laud credit chide assail ridicule dispute
label dub deride disparage report recite
""".split())

PREP_CONTENT: dict[str, frozenset[str]] = {
    "call": frozenset({"for"}),
    "refer": frozenset({"to"}),
    "point": frozenset({"to", "out"}),
    "allude": frozenset({"to"}),
    "talk": frozenset({"about", "of"}),
    "speak": frozenset({"about", "of"}),
    "warn": frozenset({"about", "of", "against"}),
    "complain": frozenset({"about", "of"}),
    "ask": frozenset({"about", "for"}),
    "joke": frozenset({"about"}),
    "comment": frozenset({"on"}),
    "rail": frozenset({"against", "at"}),
    "lash": frozenset({"out", "at"}),
    "argue": frozenset({"for", "against"}),
    "push": frozenset({"for"}),
    "plead": frozenset({"for"}),
    "press": frozenset({"for"}),
    "testify": frozenset({"about", "to"}),
    "brag": frozenset({"about"}),
    "boast": frozenset({"about", "of"}),
    "express": frozenset({"about"}),
    "hint": frozenset({"at"}),
}

# Beliefs, wishes and plans: attributions, but not speech; only with a clausal complement.
BELIEF: frozenset[str] = frozenset("""
think believe know feel hope fear worry expect want doubt wonder consider see plan seek
intend wish prefer hold assume suspect understand remember forget recognize realize
""".split())

# Attitudes and stances PolNeAR annotates as attributions (believes, hopes, endorsed,
# refused...): not cues of the rules, but words that make a sentence worth parsing for the
# trained model (nlp/quote_model.py). Written by hand; the forms that are mostly nouns in
# news ("plans", "offer", "support") are left out of the parse gate (ATTITUDE_SKIP_FORMS).
# Pruned on PolNeAR train: feel, fear, worry, favor, wish, intend, assume, suspect, reject
# and welcome gave no right attribution on the held-out fold and alone asked for 0.6% of
# the sentences to be parsed.
ATTITUDE: frozenset[str] = frozenset("""
believe think hope expect want doubt plan seek prefer seem appear endorse support oppose
refuse decline agree disagree defend thank threaten consider decide offer
""".split())

# Cue verbs that also tell how a course of events goes on ("..., he continued" after a quote,
# but "support continues to grow"): before an infinitive they are a cue only when the
# infinitive's verb is one ("continued to insist that ..."). On the PolNeAR train fold 5 of 6
# such frames whose infinitive was no cue or belief verb matched no attribution.
ASPECTUAL: frozenset[str] = frozenset({"continue"})

# Prepositions that only say when or where something was said or done ("talked [on Sunday]"
# with a date, "would not comment [after the hearing]", "testified [during the trial]"): a
# phrase they open is never the content of a cue.
CIRCUMSTANCE_PREPS: frozenset[str] = frozenset(
    "after before during since until till across near through throughout around outside inside "
    "beside behind amid".split())

# Subordinators of a clause of time, cause or concession: "[after] Lund reported ...", "[even as]
# critics called for ...", "[because] he opposes ..." (general English; not "if", "that" or
# "whether", which open what is reported).
CIRCUMSTANCE_MARKS: frozenset[str] = frozenset(
    "after as before since until when whenever once because though although".split())

EVIDENCE: frozenset[str] = frozenset("""
show find suggest indicate reveal conclude estimate
""".split())

CUE_LEMMAS: frozenset[str] = SPEECH | ADDRESSEE | NOUN_CONTENT | frozenset(PREP_CONTENT) | EVIDENCE

# Nouns that name what someone said: "in a statement", "her remarks", "his claim that...".
NOUN_CUES: frozenset[str] = frozenset("""
statement remarks remark comments comment claim claims assertion assertions interview
tweet tweets post speech testimony announcement warning warnings accusation accusations
allegation allegations argument suggestion suggestions promise pledge insistence denial
""".split())

# Adjectives of stance after a linking verb: with a clause, an infinitive or an of/about
# phrase they attribute a view to the subject ("Her advisers are convinced that ...", "voters
# remain skeptical of the deal", "Hale is eager to leave"), which PolNeAR annotates as
# attributions and the trained model (verbs only) never sees. Written by hand (general
# knowledge of English); "sure", "willing", "open" and "certain" are left out: mostly first
# person or no stance in news ("I'm sure", "open to the public").
STANCE_ADJECTIVES: frozenset[str] = frozenset("""
confident convinced aware unaware eager skeptical sceptical optimistic pessimistic hopeful
worried concerned afraid fearful opposed supportive critical adamant wary leery proud upset
angry furious annoyed alarmed glad happy pleased unhappy disappointed frustrated doubtful
uncertain reluctant enthusiastic nervous sanguine unwilling
""".split())

# Stance adjectives of will, whose infinitive is the view ("eager to leave", "reluctant to
# endorse him"); with the others an infinitive tells a feeling or a manner, no view ("happy to
# hear the news", "glad to help").
STANCE_VOLITION: frozenset[str] = frozenset({"eager", "reluctant", "afraid", "unwilling"})

# The prepositions whose object is the view of a stance adjective ("skeptical of", "worried
# about", "upset over"); "concerned with", "critical to", "open to" name no view.
STANCE_PREPOSITIONS: frozenset[str] = frozenset({"of", "about", "over"})

# Subjects of an evidence verb that make it an attribution ("the poll showed").
EVIDENCE_SUBJECTS: frozenset[str] = frozenset("""
poll polls polling survey surveys study studies report reports analysis data numbers figures
research review investigation audit results findings memo document documents records
filings emails video
""".split())

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "find": ("found",),
    "show": ("shown",),
    "retweet": ("retweeted",),
    "think": ("thought",),
    "seek": ("sought",),
}

_VOWELS = "aeiou"


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb (over-generating is harmless here)."""
    forms = {lemma, *(_IRREGULAR.get(lemma, ()))}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        # consonant-vowel-consonant endings double the consonant: admit, admitted
        if len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS \
                and lemma[-3] not in _VOWELS:
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


CUE_FORMS: frozenset[str] = frozenset(f for lemma in CUE_LEMMAS for f in inflections(lemma))

# Cue forms that are mostly nouns (or idioms) in news: alone, they do not make a sentence
# worth parsing. Measured on PolNeAR train (ordered): each is the only cue word of 20 or
# more sentences of which under 1 in 10 yields a matched quote ("states" 21 of 480,
# "state" 1 of 487, "tweet" 0 of 130, "point" 2 of 112).
PARSE_SKIP_FORMS: frozenset[str] = frozenset("""
state states tweet tweets point points show find question questions comment comments
remarks remark talk speaking report list order press push showing
""".split())

_WORD = re.compile(r"[a-z]+")


def parse_cue_words(text: str) -> set[str]:
    """The cue verb forms in ``text`` that justify a dependency parse."""
    return set(_WORD.findall(text.lower())) & _PARSE_FORMS


def cue_words(text: str) -> set[str]:
    """The cue verb forms and cue nouns in ``text`` (lower-cased words)."""
    words = set(_WORD.findall(text.lower()))
    return words & (CUE_FORMS | NOUN_CUES)


# The forms of an evidence verb kept out of the parse gate (PARSE_SKIP_FORMS: mostly a noun
# or no attribution) that report a finding when one of EVIDENCE_SUBJECTS comes shortly
# before them ("new polls show", "the results show"); "showed", "found"... ask anyway.
_FINDING_FORMS = frozenset({"show", "find"})
# How many words may stand between the evidence noun and its verb ("polls from Monmouth
# show", "the survey of 1,000 voters found"): 3, written for short post-modifiers.
_FINDING_GAP = 3


def evidence_finding(text: str) -> bool:
    """Whether ``text`` has a poll, study or report finding something (``Polls show
    voters trust X``): worth a parse though ``show`` alone is not (``PARSE_SKIP_FORMS``)."""
    words = _WORD.findall(text.lower())
    return any(w in _FINDING_FORMS and any(v in EVIDENCE_SUBJECTS for v in words[max(0, i - 1 - _FINDING_GAP):i])
               for i, w in enumerate(words))


# Verbs of regard that attribute a view when a predicate with "as" follows ("many voters see
# him as the stronger candidate", "critics have painted his handling of the budget as
# reckless"): PolNeAR annotates them as attributions, the trained model reads them, but "see"
# and "view" alone are mostly perception ("saw a rise in sales"), so only the "as" shape makes
# a sentence worth parsing (general knowledge of English; measured in regard_view).
REGARD: frozenset[str] = frozenset("""
see view regard portray characterize characterise depict paint cast frame perceive
""".split())
_REGARD_FORMS = frozenset(f for lemma in REGARD for f in inflections(lemma)) | {"saw", "seen", "painted"}
# The verbs of regard (and "consider") that tell how their subject sees a thing, a view held
# ("has long regarded the island as its own"), not how it was portrayed in words ("painted
# the budget as reckless"): their object with its "as" predicate is a stance
# (quote_objects.thing_content).
VIEW: frozenset[str] = frozenset({"see", "view", "regard", "perceive", "consider"})
_CLAUSE_BREAK = re.compile(r"[,;:]")


def regard_view(text: str, window: int) -> bool:
    """Whether ``text`` has a verb of regard followed within ``window`` words by ``as``, with
    no comma between (``see X as Y``, not ``viewed the site, as planned``): a view worth
    parsing, where the verb alone is not."""
    for clause in _CLAUSE_BREAK.split(text.lower()):
        words = _WORD.findall(clause)
        if any(w in _REGARD_FORMS and "as" in words[i + 1:i + 1 + window] for i, w in enumerate(words)):
            return True
    return False


# Linking verb forms before a stance adjective ("were hopeful", "remain skeptical"; "s" and
# "re" are what is left of "it's", "they're" once apostrophes are stripped).
_LINKING_FORMS = frozenset("""
is are was were be been being remain remains remained remaining become became becomes grow
grew grown stay stays stayed feel feels felt s re
""".split())
_STANCE_NEXT = frozenset({"that", "to"}) | STANCE_PREPOSITIONS


def stance_view(text: str, gap: int) -> bool:
    """Whether ``text`` has a stance adjective right before ``that``/``to``/``of``/``about``/
    ``over`` with a linking verb at most ``gap`` words before it (``were far more leery
    about``): a stance worth parsing (``quote_parse.stance_frames``)."""
    words = _WORD.findall(text.lower())
    return any(w in STANCE_ADJECTIVES and i + 1 < len(words) and words[i + 1] in _STANCE_NEXT
               and _LINKING_FORMS.intersection(words[max(0, i - gap):i]) for i, w in enumerate(words))


ATTITUDE_SKIP_FORMS: frozenset[str] = frozenset("""
plan plans offer offers support hope doubt doubts thinking planning offering hoping
""".split())

# Words before which an attitude form is a noun ("the hope", "his plans", "any doubt",
# "of support"): determiners, possessives and a few adjectives news puts before these nouns.
_NOUN_MARKERS = frozenset("""
the a an any no little new last best false high their his her its our my your some this that
every one of
""".split())


def verb_attitude(text: str) -> bool:
    """Whether one of the mostly-noun attitude forms (``ATTITUDE_SKIP_FORMS``) is used as a
    verb: not right after a determiner, a possessive or ``of`` (``supporters hope``,
    ``the group also plans to``, not ``the hope of``, ``his plans``). On the PolNeAR train
    fold (enrich gate, stripped) who-said-what F1 0.6880 -> 0.6893; the enrich stage's parse
    share on train 61.53% -> 61.93%."""
    words = _WORD.findall(text.lower())
    return any(w in ATTITUDE_SKIP_FORMS and (i == 0 or words[i - 1] not in _NOUN_MARKERS)
               for i, w in enumerate(words))


ATTITUDE_FORMS: frozenset[str] = frozenset(
    f for lemma in ATTITUDE for f in inflections(lemma)) - ATTITUDE_SKIP_FORMS

_PARSE_FORMS = (CUE_FORMS - PARSE_SKIP_FORMS) | ATTITUDE_FORMS
