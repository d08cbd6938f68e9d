"""Matching a token against the event lexicon: which row of ``data/event_lexicon.tsv`` a verb
or an event noun fits, and whether a word belongs to a lexicon class.

:func:`verb_keys` and :func:`noun_keys` give the keys a word may be listed under (particle
forms first, then the base forms an inflection may hide); :func:`first_row` returns the first
row whose WHEN conditions hold for the token's context (:class:`RowContext`: its subject,
object, voice), a NONE row (an exception) included, and :func:`match_row` the first that is an
event. :func:`in_class` is the class test the conditions use. Used by :mod:`.events` and
:mod:`.event_roles`.
"""

from __future__ import annotations

from functools import cached_property

from . import event_args as args
from .event_lexicon import Lexicon, Rule


class RowContext:
    """What the conditions of a lexicon row look at, computed once per candidate token (a
    noun's subject only when a row asks for it)."""

    def __init__(self, tok, noun: bool):
        self.tok, self.noun = tok, noun
        if noun:
            self.passive, self.theme = False, None
        else:
            subj, passive = args.subject_of(tok)
            self.passive = passive
            self.subject = args.agent_of(tok) if passive else subj
            self.theme = subj if passive else args.object_of(tok)
            if passive and tok.dep_ == "acl" and tok.tag_ == "VB" and args.object_of(tok) is not None:
                self.theme = args.object_of(tok)  # "orders to release [prisoners]": not the orders

    @cached_property
    def subject(self):
        """A noun's subject (a verb's is set when the context is made): who holds, stages or
        launches it, "[workers] staged a strike against the reforms"."""
        tok = self.tok
        if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
            return args.subject_of(tok.head)[0]
        return None


def hyphen_keys(tok, lemma: str | None = None) -> list[str]:
    """The keys of a hyphenated word the tokenizer split, as its last part sees them:
    "cease-fire" -> cease-fire, ceasefire; "test-fired" -> test-fire, testfire; [] for a
    word written alone. The parts must touch ("cease - fire" with spaces is two words)."""
    doc, i = tok.doc, tok.i
    if i < 2:
        return []
    dash = doc[i - 1]
    if dash.text != "-" or dash.whitespace_ or doc[i - 2].whitespace_ or not doc[i - 2].is_alpha:
        return []
    first, last = doc[i - 2].lower_, (lemma or tok.lemma_).lower()
    return list(dict.fromkeys((f"{first}-{last}", f"{first}-{tok.lower_}", f"{first}{last}",
                               f"{first}{tok.lower_}")))


def in_class(lexicon: Lexicon, tok, classes) -> bool:
    """Whether a token is in a class: by its lemma, text, label, part of speech, the base
    forms its inflection may hide, what a counted group or a measure counts, or, for a multi-word entry ("heart_attack", "riot_police"),
    with a compound or adjective modifier ("the heart [attack]": attack alone is no sickness)."""
    return tok is not None and (
        lexicon.in_class(tok.lemma_.lower(), tok.ent_type_, classes, tok.pos_)
        or any(lexicon.in_class(k, "", classes) for k in hyphen_keys(tok))  # "a cease-fire"
        or lexicon.in_class(tok.lower_, tok.ent_type_, classes)
        or (tok.pos_ in ("NOUN", "VERB") or tok.pos_ == "PROPN" and tok.is_sent_start) and any(
            # a plural noun that starts a sentence may be tagged a name: "[Rebels] attacked..."
            lexicon.in_class(g, "", classes) for g in args.stems(tok.lower_))
        or any(c.dep_ in ("compound", "amod") and any(lexicon.in_class(
            f"{m}_{tok.lemma_.lower()}", "", classes)  # "rights group": lemma "right"
            for m in (c.lemma_.lower(), c.lower_, *hyphen_keys(c)))  # "a cease-fire agreement"
            for c in tok.children)
        or (args.counted_group(tok) or lexicon.in_class(tok.lemma_.lower(), "", ("measure",))) and any(
            # "freed [hundreds] of prisoners", "sent 200 [tonnes] of supplies": what is counted
            in_class(lexicon, p, classes) for p in args.prep_objects(tok, ("of",))))


def _objects(theme) -> list:
    """The object and the objects coordinated with it ("freed two lawyers and [activists]"), as
    the subject condition reads coordinated subjects; a theme the parser left as the head of
    its own clause ("The images, released by X, show tanks ...") keeps no conjuncts."""
    return args.conjuncts(theme) if theme.dep_ in ("dobj", "nsubjpass") else [theme]


# what a phrase of a day or an hour names is when, never whom ("carried out strikes [on Monday]")
_WHEN_LABELS = frozenset({"DATE", "TIME"})


# prepositions whose date or time object says when ("fired a missile [on] Sunday", "[at] dawn"),
# never at whom; "called [for] 20 years in prison" asks for that time, so "for" is not one
_WHEN_PREPS = frozenset({"on", "at", "in", "during"})


def _when(pobj) -> bool:
    """Whether a preposition's object is a date or time saying when the act happened."""
    return pobj.ent_type_ in _WHEN_LABELS and pobj.head.lower_ in _WHEN_PREPS


def _prep_objects(ctx: RowContext, preps, lexicon: Lexicon) -> list:
    """The objects of a word's prepositions; for an event noun that a light verb takes as its
    object, also the verb's own, where the parser often hangs them ("carried out strikes [on]
    X", "imposed tariffs [on] X"), a date or a time excepted."""
    tok = ctx.tok
    found = [p for p in args.prep_objects(tok, preps) if not _when(p)]
    head = tok.head
    if ctx.noun and tok.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and any(
            "LIGHT" in lexicon.govs.get(k, ()) for k in verb_keys(head)):
        found += [p for p in args.prep_objects(head, preps) if p.ent_type_ not in _WHEN_LABELS]
    return found


def _holds(rule: Rule, ctx: RowContext, lexicon: Lexicon) -> bool:
    """Whether every WHEN condition of a lexicon row holds for this token."""
    tok = ctx.tok
    for cond in rule.when:
        if cond.key == "obj":
            ok = ctx.theme is not None and (not cond.cls or any(
                in_class(lexicon, o, cond.cls) for o in _objects(ctx.theme)))
        elif cond.key == "subj":  # any of coordinated subjects ("Lions, tigers and Gondor")
            ok = ctx.subject is not None and (not cond.cls or any(
                in_class(lexicon, s, cond.cls) for s in args.conjuncts(ctx.subject)))
        elif cond.key == "prep":
            ok = any((not cond.cls or in_class(lexicon, p, cond.cls))
                     for p in _prep_objects(ctx, cond.arg, lexicon))
        elif cond.key == "mod":
            ok = any(c.dep_ in ("amod", "compound", "nmod", "poss") and in_class(lexicon, c, cond.cls)
                     for c in tok.children)
        elif cond.key == "pred":
            ok = any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and in_class(lexicon, c, cond.cls)
                     for c in tok.children)
        elif cond.key == "recip":
            ok = ctx.subject is not None and len(args.conjuncts(ctx.subject)) > 1
        elif cond.key == "xcomp":  # "promised [to hold] elections", not "agreed [that] it was flawed"
            ok = any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.lemma_ != "be"  # "promises to be close": a forecast
                     and (not cond.cls or in_class(lexicon, c, cond.cls)) for c in tok.children)
        else:  # comp
            ok = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
        if ok == cond.negated:
            return False
    return True


def may_be_listed(tok, heads: frozenset[str]) -> bool:
    """Whether a verb can have lexicon keys (:func:`verb_keys`) at all: its lemma or a base form
    of its text is a key's head (:attr:`Lexicon.verb_heads`), or it is the last part of a
    hyphenated word. Cheaper than the keys, which read the verb's particles."""
    return tok.lemma_.lower() in heads or any(g in heads for g in args.stems(tok.lower_)) \
        or bool(hyphen_keys(tok))


def verb_keys(tok, table: dict | None = None) -> list[str]:
    """Lexicon keys of a verb, particle forms first; with a ``table``, a lemma it does not
    know gives way to the base forms the word's inflection may hide ("fined", lemma fin)."""
    lemma = tok.lemma_.lower()
    joined = [k for k in hyphen_keys(tok) if table is None or k in table]
    if joined and table is not None:
        return joined  # "test-fired": the whole word's rows, not those of "fired"
    lemmas = [lemma]
    if table is not None and lemma not in table:
        lemmas += [g for g in args.stems(tok.lower_) if g in table]
    keys = []
    for lemma in lemmas:
        keys += [f"{lemma}_{c.lower_}" for c in tok.children  # "sent the migrants [back]" too
                 if c.dep_ == "prt" or (c.dep_ == "advmod" and (c.i == tok.i + 1 or c.lower_ == "back"))]
        keys.append(lemma)
    return keys


def first_row(table: dict, keys: list[str], ctx: RowContext, lexicon: Lexicon) -> Rule | None:
    """The first row whose conditions hold, a NONE row (an exception) included."""
    for key in keys:
        for rule in table.get(key, ()):
            if _holds(rule, ctx, lexicon):
                return rule
    return None


def match_row(table: dict, keys: list[str], ctx: RowContext, lexicon: Lexicon) -> Rule | None:
    """The first row whose conditions hold; a NONE row that holds means no event."""
    rule = first_row(table, keys, ctx, lexicon)
    return rule if rule is not None and rule.type != "NONE" else None


def noun_keys(tok, table: dict | None = None) -> list[str]:
    """Lexicon keys of a noun: its text and lemma, a hyphenated word whole ("cease-fire":
    ceasefire, not fire) when the table lists it, else the base forms its inflection may hide."""
    joined = [k for k in hyphen_keys(tok) if table is not None and k in table]
    if joined:
        return joined
    keys = list(dict.fromkeys((tok.lower_, tok.lemma_.lower())))
    if table is not None and not any(k in table for k in keys):
        keys += [g for g in args.stems(tok.lower_) if g in table]
    return keys


def noun_row(tok, lexicon: Lexicon) -> Rule | None:
    """The event row an event noun fits (:func:`match_row` on the noun table), else None; a
    noun with no key in the table costs no context."""
    keys = noun_keys(tok, lexicon.nouns)
    if not any(k in lexicon.nouns for k in keys):
        return None
    return match_row(lexicon.nouns, keys, RowContext(tok, noun=True), lexicon)


def is_event_noun(tok, lexicon: Lexicon) -> bool:
    return tok is not None and tok.pos_ in ("NOUN", "PROPN") and any(
        k in lexicon.nouns for k in noun_keys(tok, lexicon.nouns))
