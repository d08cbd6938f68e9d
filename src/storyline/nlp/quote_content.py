"""The content side of a quote frame: the part of a sentence a cue verb reports, read from
the dependency parse.

The verb's clausal complement (:func:`complement`), its object for verbs whose object is what
was said or a prepositional object for ``called for``-type verbs (:func:`object_content`,
carried over what the cue says of the object: :func:`past_predicate`), the text after a
colon (:func:`colon_after`), a ``that`` clause the parser left unattached
(:func:`that_clause`), or, when the cue follows the content, the clause before it
(:func:`before_content`) and the one after the cue clause (:func:`after_content`);
:func:`cut_tail` drops the writer's trailing addition. :mod:`.quote_parse` assembles the
frames.
"""

from __future__ import annotations

from .quote_inherited import misattached_conj
from .quote_subjects import DASHES, FIRST_SECOND, bare_participle, cue_lemma, is_cue
from .speech_verbs import ADDRESSEE, CIRCUMSTANCE_MARKS, EVIDENCE, NOUN_CONTENT, PREP_CONTENT
from .temporal_lexicon import WEEKDAYS


def colon_after(doc, verb) -> int | None:
    """Index of a colon right after the cue (allowing a short adverbial: ``said Tuesday:``)."""
    # "said in a statement on Monday:" fits in 5 words; up to 9 when the words past the
    # fifth are no verb and no clause break ("saying in a post on his Twitter account:";
    # PolNeAR train fold: quote F1 0.7528 -> 0.7530, who-said-what F1 0.6978 -> 0.6980)
    for tok in doc[verb.i + 1: verb.i + 10]:
        if tok.text == ":":
            return tok.i
        if tok.dep_ in ("ccomp", "dobj", "xcomp") or tok.text in (".", "?", "!") or (
                tok.i > verb.i + 5 and (tok.pos_ in ("VERB", "AUX") or tok.text in (",", ";"))):
            return None
    return None


def before_content(doc, verb, subj) -> tuple[int, int] | None:
    """``CONTENT, X said`` / ``CONTENT, said X``: the clause before the comma that starts
    the attribution, when the speaker sits right next to the cue."""
    if subj is None:
        return None
    left = subj.left_edge.i if subj.i < verb.i else verb.i
    if subj.i < verb.i and any(not (t.is_space or t.is_punct) and t.dep_ not in ("advmod", "aux", "neg")
                               for t in doc[subj.right_edge.i + 1: verb.i]):
        return None  # something between speaker and cue: not the "X said" tail
    j = left - 1
    if j < 1 or doc[j].text not in (",", "\u2014", "--", "-"):
        return None
    if subj.i < verb.i and not any(t.pos_ in ("VERB", "AUX") for t in doc[0:j]):
        return None  # the part before the comma is not a clause ("In Philadelphia, X said")
    if any(bare_participle(t) or _adverbial_before(t, verb) for t in doc[0:j] if t.head.i == verb.i):
        return None  # "Asked if he was bullied, the candidate said no": what X was asked
    return 0, j


def after_content(doc, verb) -> tuple[int, int] | None:
    """``CONTENT1, X said, CONTENT2``: the text after the comma that closes the cue clause."""
    last = verb.i
    for child in verb.rights:
        if child.dep_ in ("nsubj", "prep", "npadvmod", "advmod", "agent"):
            last = max(last, child.right_edge.i)
    k = last + 1
    if k < len(doc) and doc[k].text == "," and k + 1 < len(doc):
        return k + 1, len(doc)
    return None


_EXTEND_OBJECT = frozenset({
    "call", "accuse", "blame", "criticize", "criticise", "praise", "credit", "label", "dub",
    "describe", "mock", "slam", "blast",
})
# Relative words that can be the object of a naming cue before it ("which he called ...").
_RELATIVE_OBJECTS = frozenset({"which", "who", "whom", "that", "what"})


# Prepositions that carry on what a cue says of its object ("blamed [the council for turning
# its back]", "announced [his engagement to Jo Hale]", "compared [him with Nixon]"); the
# others mostly say where or when it was said ("in a speech", "at a rally", "on Tuesday").
_OBJECT_TAIL_PREPS = frozenset({"as", "for", "to", "of", "against", "over", "about", "into", "with", "from"})
# Clauses hung on a cue right after its object that the parser should have hung on the
# object ("dismissed [the actions to regulate gun sales]", "credited [her for saving it]").
_OBJECT_TAIL_CLAUSES = frozenset({"oprd", "xcomp", "advcl", "acl"})


def past_predicate(verb, end: int) -> int:
    """The end of an object content carried over what the cue says of the object:
    ``described [him] as a reformer``, ``referred to [her] as the most gifted of them``,
    ``decried [the party for turning its back]``: dependents of the cue that follow the
    object with nothing between (an ``as``/``for``/``to``... phrase, a predicate or a
    clause), not a time (``of Tuesday``) nor a phrase after a comma, and only up to a comma
    inside it (``recalled [its staff from Northford], a spokeswoman, Lindqvist, told ...``)."""
    doc = verb.doc
    for child in verb.rights:
        if child.i < end or child.left_edge.i < end:
            continue
        if child.left_edge.i > end:
            break
        if not (child.dep_ in _OBJECT_TAIL_CLAUSES or child.dep_ == "prep" and child.lower_ in _OBJECT_TAIL_PREPS
                and not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)):
            break
        comma = next((t.i for t in doc[child.left_edge.i:child.right_edge.i + 1] if t.text == ","), None)
        end = comma if comma is not None else child.right_edge.i + 1
        if comma is not None:
            break
    return end


def object_content(doc, verb, lemma: str) -> tuple[int, int] | None:
    """A direct object that is the content (``announced a recount``, ``called him a liar``),
    or a prepositional object for ``called for``-type verbs."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "dative")]
    naming = any(c.dep_ == "oprd" for c in verb.children)
    finding = lemma in EVIDENCE and verb.dep_ == "acl"  # "polls showing [the race narrowing]"
    if (lemma in NOUN_CONTENT or finding) and objs and (lemma not in ("call",) or naming):
        start = min(o.left_edge.i for o in objs)
        end = max(o.right_edge.i for o in objs) + 1
        if start > verb.i:
            for child in verb.rights:  # "called him a liar", "accused X of lying"
                if child.i > start and lemma in _EXTEND_OBJECT and child.dep_ in ("oprd", "prep", "advcl", "xcomp"):
                    end = max(end, child.right_edge.i + 1)
            return start, past_predicate(verb, end)
        if lemma in _EXTEND_OBJECT and doc[start].lower_ in _RELATIVE_OBJECTS:
            # "which she declared [a complete failure]", "who he nicknamed [the quiet mayor]",
            # "which she calls [her real work]": the relative word stands for the
            # antecedent, and what the cue says of it follows the cue (PolNeAR train fold:
            # quote F1 0.7524 -> 0.7528, who-said-what F1 0.6979 -> 0.6978: most have a pronoun speaker)
            says = [c for c in verb.rights if c.dep_ in ("oprd", "dobj") or (c.dep_ == "prep" and c.lower_ == "as")]
            if says:  # to the end of the relative clause, or a comma in it
                start = says[0].left_edge.i
                end = next((t.i for t in doc[start:verb.right_edge.i + 1] if t.text in (",", ";", ":")),
                           verb.right_edge.i + 1)
                return start, end
    preps = PREP_CONTENT.get(lemma)
    if preps:
        for child in verb.children:
            if child.i > verb.i and child.dep_ in ("prep", "prt") and child.lower_ in preps:
                for grand in child.children:
                    if grand.dep_ in ("pobj", "pcomp") and grand.ent_type_ not in ("DATE", "TIME"):
                        return child.i + 1, past_predicate(verb, grand.right_edge.i + 1)
                if child.dep_ == "prt":
                    comps = [c for c in verb.children if c.dep_ in ("dobj", "ccomp") and c.i > child.i]
                    if comps:
                        return comps[0].left_edge.i, comps[0].right_edge.i + 1
    return None


def that_clause(doc, verb) -> tuple[int, int] | None:
    """A ``that`` clause the parser did not attach to the cue (``claiming without any
    evidence that ...``): from ``that`` to the end of the sentence."""
    for tok in doc[verb.i + 1: verb.i + 8]:  # "told a packed meeting room at the town hall that" fits
        if tok.lower_ == "that" and tok.dep_ == "mark":
            return tok.i, len(doc)
        if tok.text in (",", ";", ":") or tok.pos_ == "VERB":
            return None
    return None


# Marks that open a reported clause; any other ("after", "when", "because") opens an
# adverbial clause.
_REPORT_MARKS = frozenset({"that", "whether", "if"})


def circumstance_mark(clause) -> bool:
    """Whether a clause opens with a subordinator of time, cause or concession
    (``CIRCUMSTANCE_MARKS``): the clause says when or why, never what was said. The parser
    makes ``when`` an adverb of an adverbial clause (of a complement it asks a question:
    ``asked when the bridge would open``). A clause of its own before the subordinator is
    what was said, which the parser hung on the clause after it (``[The fund is a good idea,
    in part because it pays for schools], Lund wrote``)."""
    doc = clause.doc
    for c in clause.children:
        if c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS or c.dep_ == "advmod" \
                and c.lower_ in ("when", "whenever") and c.i == clause.left_edge.i and clause.dep_ == "advcl":
            return not any(t.pos_ in ("VERB", "AUX") and any(g.dep_ in ("nsubj", "nsubjpass") for g in t.children)
                           for t in doc[clause.left_edge.i:c.i])
    return False


def holds_report(clause) -> bool:
    """Whether a clause holds a ``that`` clause: what a cue reports, which the parser may hang
    on a clause of time after the cue (``he said [ever since the vote] that ...``,
    ``prosecutors confirmed [when he testified] that ...``)."""
    return any(t.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
               for t in clause.subtree)


def _adverbial_before(comp, verb) -> bool:
    """A clause before the cue that a subordinating word makes adverbial (``In a statement
    released shortly after the senator suspended his campaign, Cruz said ...``), which the
    parser hung on the cue as its complement."""
    return comp.i < verb.i and any(c.dep_ == "mark" and c.lower_ not in _REPORT_MARKS for c in comp.children)


def complement(doc, verb, lemma: str) -> tuple[int, int] | None:
    """The clausal complement (``ccomp``, or ``xcomp``: ``vowed to fight``, ``urged X to``).
    Taking ``xcomp`` for every cue verb, not only promise/urge verbs, measured better on
    PolNeAR train (who-said-what F1 +0.003)."""
    deps = ("ccomp", "xcomp")
    comps = [c for c in verb.children if c.dep_ in deps and not _adverbial_before(c, verb)]
    if not comps:
        return None
    comp = max(comps, key=lambda c: c.right_edge.i - c.left_edge.i)
    before = [c for c in comps if c.i < verb.i and c.right_edge.i + 1 < verb.i and doc[c.right_edge.i + 1].text in DASHES]
    if comp.i > verb.i and before and doc[comp.left_edge.i - 1].text in DASHES:
        # "CONTENT1, X said, CONTENT2": the first clause leads (verb_frame adds the second)
        comp = before[0]
    elif comp.i > verb.i and before and any(
            c.dep_ == "advcl" and verb.i < c.i < comp.left_edge.i for c in verb.children):
        # "CONTENT, he said, referring to the charge of 50 [mounted men ...]": a clause after
        # the cue's participle phrase is a piece of that phrase the parser cut off
        comp = before[0]
    start = comp.left_edge.i
    if lemma in ADDRESSEE and comp.dep_ == "xcomp":
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < comp.i]
        if objs:
            start = objs[0].left_edge.i
    if comp.i < verb.i:  # content before the cue: stop at the comma before the speaker
        end = comp.right_edge.i + 1
        lead = sorted((c for c in comps if c.i < verb.i), key=lambda c: c.left_edge.i)
        if len(lead) > 1 and all(b.left_edge.i == a.right_edge.i + 1 for a, b in zip(lead, lead[1:])) \
                and not any(_reporting(t) for c in lead[:-1] for t in c.subtree):
            # "A, but B, Lund said": the parser split one report at its conjunction into two
            # complements of the cue, each next to the other; the report is both (unless the
            # first holds an attribution of its own: "X said A but added, B, ...")
            start, end = lead[0].left_edge.i, lead[-1].right_edge.i + 1
        return start, min(end, verb.i)
    end = comp.right_edge.i + 1
    after = [c for c in comps if c.i > verb.i]
    if len(after) > 1:
        # "Halvorsen said the port would reopen, the ferries would run by May": without its
        # quote marks the parser splits one report at a comma into two complements of the
        # cue; the report runs from the first to the end of the last (the longer one alone
        # dropped the first). Train fold who-said-what F1 0.662 -> 0.663, o>=0.8 0.579 -> 0.583
        start = min(start, after[0].left_edge.i)
        end = max(c.right_edge.i + 1 for c in after)
    for conj in comp.children:  # "said A and warned B": A ends before "and warned"
        if conj.dep_ == "conj" and conj.i > verb.i and misattached_conj(conj):
            cut = conj.left_edge.i
            while cut > comp.i and doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            end = min(end, cut)
    if lemma not in ADDRESSEE:
        start = stray_subject(doc, verb, comp, start)
    return max(start, verb.i + 1), gerund_list(doc, verb, comp, end)


def _reporting(tok) -> bool:
    """A cue with a subject of the third person: an attribution of its own (``I said`` inside
    a quote is the quote's words)."""
    return is_cue(tok) and any(c.dep_ == "nsubj" and c.lower_ not in FIRST_SECOND for c in tok.children)


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_FINITE = frozenset({"MD", "VBD", "VBZ", "VBP"})
_TIME_PREPS = frozenset({"on", "at", "in", "late", "early", "last", "this"})
# Days and times the tagger may leave out of a DATE entity when a noun follows ("said on
# Friday funding for ..."): the weekdays written in full (not "sat", "sun") and the deictic days.
_DAYS = frozenset(d for d in WEEKDAYS if d.endswith("day")) | frozenset({"today", "yesterday", "tonight"})


def _time_word(tok) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _DAYS


def stray_subject(doc, verb, comp, start: int) -> int:
    """Where a reported clause starts when the parser hung its subject on the cue: in
    ``said on Friday [funding for the port] would double`` or ``said [the search for Lund,
    in hiding since May], was nearing its end`` the finite complement has no subject of its
    own, and the words between the cue (past a time phrase) and the complement are it. A
    finite clause in English has a subject, so a subjectless one after ``said`` lost it.
    A time phrase right after the cue is the cue's, not the report's (``said on Monday [the
    port would reopen]``, ``said on [Friday funding ...]`` where the parser joined the day
    to the subject): news English dates the saying there."""
    if comp.dep_ != "ccomp" or comp.i < verb.i:
        return start
    subj = next((c for c in comp.children if c.dep_ in _SUBJECTS), None)
    if subj is not None:
        joined = doc[start - 1].lower_ in _TIME_PREPS and start - 2 == verb.i  # "said on [Friday funding"
        j = _past_time(doc, start, subj.i) if joined or start == verb.i + 1 else start
        return j if j <= subj.left_edge.i or joined else start
    if any(c.dep_ == "mark" for c in comp.children) or comp.tag_ not in _FINITE and not any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in comp.children):
        return start
    j = _past_time(doc, verb.i + 1, start)
    between = doc[j:start]
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in between) or any(
            t.text in (":", ";") or t.is_quote for t in between):
        return start
    return j


def _past_time(doc, start: int, limit: int) -> int:
    """The first word before ``limit`` after the time phrase that opens ``doc[start:]``
    (``on Monday``, ``Tuesday night``, ``late Sunday,``), or ``start`` when none does."""
    j = start
    while j < limit and (_time_word(doc[j]) and not doc[j].like_num or doc[j].lower_ in _TIME_PREPS
                         and j + 1 < limit and _time_word(doc[j + 1])):
        j += 1
    if start < j < limit and doc[j].text == ",":
        j += 1
    return j


def gerund_list(doc, verb, head, end: int) -> int:
    """The end of a content headed by a gerund, carried over the gerunds listed after it:
    in ``backed [raising the levy, hiring nurses and closing the depot]`` the parser hangs
    ``hiring`` on the cue (as an adverbial clause) instead of on ``raising``. A later gerund
    of the cue counts as an item of the list when only a comma stands before it, it is no
    cue itself (``..., saying ...`` is an attribution of its own), and the list closes with
    a conjunction (``and closing``) inside it."""
    if head.tag_ != "VBG":
        return end
    for child in verb.rights:
        if child.i < end or child.dep_ == "punct":
            continue
        between = doc[end:child.left_edge.i]
        if child.tag_ != "VBG" or child.dep_ not in ("advcl", "conj") or cue_lemma(child) \
                or not between or any(t.text != "," for t in between):
            break
        if not any(c.dep_ == "cc" for c in child.children):
            break
        end = child.right_edge.i + 1
    return end


def cut_tail(doc, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing ``, which ...`` / ``, who ...`` relative clause or ``, adding ...``
    participle clause that closes the content: the writer's addition, not what was said.
    A participle is cut only when it reports another act of speech or thought (a cue or
    belief verb: ``adding``, ``citing``, ``noting``); any other (``..., opening the channel
    to larger ships``) carries on the reported clause (train fold who-said-what F1 0.663 ->
    0.664, o>=0.8 0.583 -> 0.585)."""
    for i in range(start + 2, end - 1):
        tok = doc[i]
        if doc[i - 1].text != ",":
            continue
        clause = None
        if tok.lower_ in ("which", "who") and tok.head.dep_ == "relcl":
            clause = tok.head
        elif tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "acl") and cue_lemma(tok):
            clause = tok
        if clause is not None and clause.right_edge.i >= end - 2 and i - 1 > start + 1:
            return start, i - 1
    return start, end


# Words that open a time phrase ("after meeting", "while visiting", "on arriving").
_TIME_WORDS = frozenset({"after", "before", "since", "upon", "on", "while", "when"})


def clause_past_time_phrase(doc, verb, start: int, end: int) -> int | None:
    """Where the content starts when the parser hung the cue's ``that`` clause on a gerund in
    a time phrase after the cue: ``told reporters after meeting Ms Hale [that ...]``, ``said
    while visiting the port [that ...]``. English puts the reported clause of ``tell``/``say``
    there; a gerund of meeting or visiting reports nothing. The character offset of that
    ``that`` when it lies within [start, end), else None."""
    for child in verb.rights:
        gerund = None
        if child.dep_ == "prep" and child.lower_ in _TIME_WORDS:  # "after meeting", "before visiting"
            gerund = next((g for g in child.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and any(  # "while visiting"
                m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_WORDS for m in child.lefts):
            gerund = child
        if gerund is None or is_cue(gerund, True):
            continue  # "after learning that ...", "while insisting that ...": the gerund's own report
        for clause in gerund.children:
            if clause.dep_ != "ccomp":
                continue
            mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)
            if mark is not None and start <= mark.idx < end:
                return mark.idx
    return None


# One-word answers that are a whole utterance ("the mayor said no", "Sorry, Lund said"), kept
# below quotes.min_content_words (PolNeAR annotates them; 'said it', 'said so' stay out).
_ANSWERS = frozenset({"yes", "no", "sorry", "thanks", "okay"})


def one_word_answer(text: str) -> bool:
    """Whether a content is one answer word of ``_ANSWERS`` alone."""
    return text.strip(" .,!?").lower() in _ANSWERS


# Dashes that set off a writer's gloss at the end of a sentence.
_GLOSS_DASHES = frozenset({"--", "\u2014", "\u2013"})
# Words that rank a piece of news among others ("the latest turn", "another sign", "the first
# time"; superlatives and ordinals count too): a gloss in the writer's voice. A noun phrase
# after a dash without them may name what the speaker meant ("knew what would cheer him up --
# a book about the club", one such on the PolNeAR train fold).
_RANKING = frozenset({"latest", "last", "another", "newest"})


def before_gloss(doc, start: int, end: int) -> int:
    """The end of content [start, end) (character offsets) before a dash and a noun phrase
    that closes it with no verb and ranks the news (``announced that it would halt all
    crossings [-- the latest blow to the island trade]``): the writer's gloss on the news, set in
    apposition to the last noun, not the speaker's words. ``end`` when there is none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return end
    for tok in span[1:-1]:
        if tok.text not in _GLOSS_DASHES:
            continue
        tail = doc[tok.i + 1:span.end]
        first = tail[0]
        ranked = any(t.lower_ in _RANKING or t.tag_ == "JJS" or t.ent_type_ == "ORDINAL" for t in tail[:3])
        if ranked and first.dep_ == "det" and first.head.dep_ in ("appos", "npadvmod") \
                and not any(t.pos_ in ("VERB", "AUX") for t in tail) and tok.i > span.start:
            before = doc[tok.i - 1]
            return before.idx + len(before.text)
        return end
    return end
