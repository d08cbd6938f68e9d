"""Pronouns among an event's arguments: which words are pronouns as written, and which noun
of the sentence a personal pronoun actor stands for ("Russia denies that [it] intends to ...").

Split from :mod:`storyline.nlp.event_args` (the phrases of who and whom); across sentences,
:mod:`storyline.event_antecedents` does the same for an article read in order.
"""

from __future__ import annotations

from .event_args import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, child
from .event_lexicon import load_lexicon
from .speech_verbs import ADDRESSEE, SPEECH
from .event_spans import QUOTE_MARKS

_PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his",
                                "her", "our", "them", "him", "us"})


def spells_pronoun(text: str, pronouns) -> bool:
    """Whether a word is one of ``pronouns`` (lower-case) as written: in any case but capitals,
    which make a name of it ("the [US] would impose sanctions" is the country, not "us";
    "[IT] firms"). "I" is a pronoun."""
    return text.lower() in pronouns and not (len(text) > 1 and text.isupper())


# who tells the text and whom it addresses: "[I] spoke with the envoy", "[we] talked to
# residents", "[you] met him": a first- or second-person actor no clause of the sentence gives
# a speaker for (:func:`resolve_pronoun`) is a reporter, an anchor or a reader, no party
_NARRATORS = frozenset({"i", "we", "you"})
# whom the text addresses: a reader ("you can see the crowds"), a guest ("you met him in
# Cairo"), never a party the news names
_ADDRESSEES = frozenset({"you"})


def is_narrator(actor_text: str, doc, pronouns: frozenset[str] = _NARRATORS) -> bool:
    """Whether an event's (resolved) actor, as written, is the text's teller or addressee: not
    in a sentence with quotation marks, whose "we" is a speaker named in the sentences around
    it ("[“We] have held talks with the rebels,” ..."); stripped crawls have none."""
    return spells_pronoun(actor_text, pronouns) and not any(t.text in QUOTE_MARKS for t in doc)


def is_addressee(actor_text: str, doc) -> bool:
    """Whether an event's (resolved) actor is the one the text addresses (see :func:`is_narrator`)."""
    return is_narrator(actor_text, doc, _ADDRESSEES)


def is_pronoun(tok) -> bool:
    """A pronoun, also one the tagger missed; not a word in capitals ("the [US] would impose
    sanctions": the country, which had been resolved to the sentence's other subject)."""
    return tok is not None and (tok.pos_ == "PRON" or spells_pronoun(tok.text, _PERSONAL_PRONOUNS))


def resolve_pronoun(tok, start):
    """A personal pronoun actor resolved to the subject of a governing clause, else itself.

    "Russia denies that [it] intends to..." -> Russia, "workers are expected to end [their]
    strike" -> workers: the nearest verb above ``start`` whose subject (active or passive) is
    a name or a noun, not a pronoun, and one the pronoun can stand for ("Diplomats said [he]
    took part": not the diplomats; :func:`agrees`), outside the phrase the pronoun is in
    ("[his] plea was rejected": not the plea). Only within the sentence."""
    if not is_pronoun(tok) or tok.lower_ not in _PERSONAL_PRONOUNS:
        return tok
    heard = tok.lower_ not in _FIRST_PERSON  # "I" and "we": only above a verb of speech
    node = start
    for _ in range(8):  # 8 hops: deeper chains are parse errors
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        heard = heard or _reports(node)  # "issued a statement, [saying] we ...": who issued it
        if not heard:
            continue
        subj = child(node, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
        if subj is not None and not is_pronoun(subj) and agrees(tok, subj) \
                and not subj.left_edge.i <= tok.i <= subj.right_edge.i:
            return subj  # never the phrase the pronoun is in: "[her request] was denied" is hers
    return tok


# "I" and "we" stand for whoever says them: the subject of a verb of speech above them ("the
# minister said [we] will send aid", or of the verb a subjectless one hangs on: "the ministry
# issued a statement, saying [we] welcome ..."), never the subject of another clause ("the
# senator made a mistake when [we] invaded", "if [we] cut the aid we send, our debt would fall")
_FIRST_PERSON = frozenset({"i", "we", "our", "us"})


def _reports(verb) -> bool:
    """Whether ``verb`` reports speech: a quote cue (say, reply, ask, urge...) or a verb of the
    lexicon role SPEECH (tell, write...)."""
    lemma = verb.lemma_.lower()
    return lemma in SPEECH or lemma in ADDRESSEE or "SPEECH" in load_lexicon().govs.get(lemma, ())


_SINGULAR_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their", "theirs"})
_PLACES_AND_BODIES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
# common nouns that name a body, never one person: "the ministry said [he]..." is someone else
_BODIES = frozenset({
    "government", "ministry", "administration", "regime", "cabinet", "council", "committee",
    "commission", "agency", "army", "military", "police", "group", "party", "parliament",
    "court", "union", "company", "firm", "bank", "organisation", "organization", "office",
    "department", "state", "country", "nation", "league", "alliance", "coalition", "bloc",
    "force", "navy", "opposition", "movement", "network", "embassy", "statement", "report",
    "newspaper", "media", "board", "authority", "team", "family", "club", "side"})


def agrees(pronoun, noun) -> bool:
    """Whether a personal pronoun can stand for ``noun`` by number and person: he/she for one
    person (a PERSON name, or a singular noun that names no body), it for anything singular,
    they for a plural or a body ("the government said [they]..."). First-person
    pronouns in reported speech stand for the speaker: always."""
    low = pronoun.lower_
    plural = noun.tag_ in ("NNS", "NNPS") or "Plur" in noun.morph.get("Number") or any(
        c.dep_ == "conj" for c in noun.children) or noun.pos_ == "PROPN" and noun.lower_.endswith("s") \
        and (noun.lemma_.lower() != noun.lower_ or noun.is_sent_start and not noun.ent_type_)  # "[Rebels] told
    # Reuters they...": the tagger takes a capitalised plural opening the sentence for a name
    label = noun.ent_type_
    body = label in _PLACES_AND_BODIES or noun.pos_ == "NOUN" and noun.lemma_.lower() in _BODIES
    if low in _SINGULAR_PERSON:
        return not plural and (label == "PERSON" or not body)
    if low in _NEUTER:  # a PERSON label allowed: the tagger often calls a state it does not know one
        return not plural
    if low in _PLURAL:
        return plural or body
    return True
