"""Entity mentions from spaCy NER, with storyline's corrections.

The small English model is fast and mostly right about names in news; where it is known to
be wrong, :func:`find_mentions` corrects it:

* labels from known names and from the name itself (``the Pentagon`` an organisation,
  ``Ms Osei`` a person, ``River Kest`` a place): :mod:`storyline.nlp.mention_labels`;
* spans: a leading ``the``, honorifics, titles and a country or company written before a
  full name are kept out of the name span and remembered as the mention's ``title``:
  :mod:`storyline.nlp.mention_titles`; an airline named ``Air`` + a place, a surname's
  particles the model left out (``Van der Berg``) and a company's legal form tagged apart
  (``Chrysler`` + ``LLC``) are taken in;
* noise: spans without letters, URLs and fused link debris (``pic.twitter.com...``), all
  lower-case spans, over-long spans and labels outside ``entities.labels`` are dropped.

Article-level corrections (:func:`article_mentions`): where a name's span really ends
(:mod:`storyline.nlp.mention_boundaries`), labels and links from the words around it,
capitalised common words at the start of a sentence dropped
(:mod:`storyline.nlp.mention_context`); surnames of the article's people are people
everywhere in it, and context cues type the rest
(:func:`storyline.canonical_types.type_article`: ``in X``, ``the X valley``, ``X troops``).

The same label corrections are available as a spaCy component (``storyline_entity_fixes``,
added with :func:`add_entity_fixes`: :mod:`storyline.nlp.mention_fixes`) that also sets
``Span._.title`` on each entity; the corrections are idempotent, so :func:`find_mentions`
works with or without it.
"""

from __future__ import annotations

import re
from collections import Counter

from ..canonical_names import (
    ALIASES, MAX_PARTICLES, ORG_NAMES, PARTICLES, PLACE_NAMES, TITLE_WORDS, bracket_alias, fold, is_place_key,
    without_articles,
)
from ..canonical_types import INSTITUTION_HEADS, legal_form, type_article
from ..records import LEADER_CONTEXT, Mention, Span
from ..settings import DEFAULTS, Settings
from .annotate import AnnotatedSentence
from .mention_fixes import COMPONENT, add_entity_fixes, unclosed_bracket
from .mention_labels import (
    COUNTRY_COMPANY, TITLED_FIXABLE, corrected_label, fix_label, full_name_shape,
)
from .mention_titles import name_pieces, office_before, title_before
from .repair import article_names, is_demonym

__all__ = ["find_mentions", "article_mentions", "add_entity_fixes", "ORG_NAMES", "PLACE_NAMES", "COMPONENT"]

_DEBRIS = re.compile(r"(?:https?|www\.|\.com|\.co\b|twitter|pic\.)", re.I)


# Words the recogniser sometimes takes for a name on their own ("I" in readers' comments, "At"
# of "At 19:46 Chris wrote"): never an entity alone. An all-capitals word stays (US, IT).
_FUNCTION_WORDS = frozenset(
    "a an the at in on by for of to from with into onto upon about after before during i we you he "
    "she it they me him her them my our your his its their mine ours yours this that these those "
    "there here then when where what who whom whose how why and or but nor if as so yes no not all "
    "any some each every".split())


_TIME_ZONES = frozenset(
    "GMT BST UTC CET CEST EET EEST EST EDT CST CDT MST MDT PST PDT IST JST AEST AEDT ET PT".split())
# A broadcast transcript's stage directions ("(INAUDIBLE)", "(CROSSTALK)", "(BEGIN VIDEO
# CLIP)"): the model tags them ORG, and a name they run into is no name.
_STAGE_DIRECTIONS = frozenset(
    "INAUDIBLE CROSSTALK UNINTELLIGIBLE LAUGHTER APPLAUSE VIDEOTAPE SOUNDBITE VOICE-OVER".split())


def _state_of_a_title(doc, start: int, end: int) -> bool:
    """``State`` (``State for Health``) of ``Secretary of State`` or ``Minister of State``: a
    title's word, which the model tags ORG, not a body."""
    return (doc[start].text == "State" and (end - start == 1 or doc[start + 1].lower_ == "for")
            and start >= 2 and doc[start - 1].lower_ == "of"
            and doc[start - 2].lower_ in ("secretary", "secretaries", "minister", "ministers"))


def _keep(text: str, label: str, labels: frozenset[str], limit: int) -> bool:
    if label not in labels or not text or len(text) > limit:
        return False
    if not any(c.isalpha() for c in text) or not any(c.isupper() for c in text):
        return False
    if text.lower() in _FUNCTION_WORDS and not (len(text) > 1 and text.isupper()):
        return False
    words = text.split()
    if words[0] in _TIME_ZONES:  # "10.40 BST" of a page stamp tagged ORG
        return False
    if any(w.strip("()") in _STAGE_DIRECTIONS for w in words):
        return False
    if text.isupper() and all(w.lower().rstrip(".,") in TITLE_WORDS for w in words):
        return False  # a transcript's role label alone: "HOST:", "CORRESPONDENT:"
    return not _DEBRIS.search(text)


def find_mentions(
    sentence: AnnotatedSentence, article_id: str = "", settings: Settings = DEFAULTS
) -> list[Mention]:
    """Entity mentions of one annotated sentence, spans into the original text.

    ``title`` holds honorifics and titles written before the name. Never raises: a sentence
    the model could not read gives ``[]``."""
    doc = sentence.doc
    labels = frozenset(s.strip() for s in settings["entities.labels"].split(",") if s.strip())
    limit = settings["entities.max_mention_chars"]
    out: list[Mention] = []
    for ent in _with_legal_forms(getattr(doc, "ents", ())):
        try:
            end = unclosed_bracket(ent)
            if end != ent.end:  # a Doc annotated without the storyline_entity_fixes component
                if end <= ent.start:
                    continue
                from spacy.tokens import Span as SpacySpan

                ent = SpacySpan(doc, ent.start, end, label=ent.label_)
            for part in _spans(ent):
                out.extend(_part_mentions(sentence, part, article_id, labels, limit))
        except (IndexError, ValueError, AttributeError):
            continue
    return out


def _with_legal_forms(ents) -> list:
    """Entity spans with a company's legal form the model tagged apart joined to the name
    before it (``Chrysler`` + ``LLC`` -> ``Chrysler LLC``)."""
    from spacy.tokens import Span as SpacySpan

    out: list = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and len(ent) == 1 and prev.label_ == "ORG" \
                and legal_form("x " + ent.text):
            out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def _part_mentions(sentence: AnnotatedSentence, ent, article_id: str, labels: frozenset[str],
                   limit: int) -> list[Mention]:
    doc = sentence.doc
    out = []
    titled = title_before(doc, ent.start) < ent.start  # "President [Assad Turkey]": a person's span
    whole, whole_evidence = corrected_label(ent.text, ent.label_, titled or office_before(doc, ent.start))
    for start, end, model_label, title_start in name_pieces(ent, whole):
        span_doc = doc[start:end]
        label, evidence = corrected_label(span_doc.text, model_label, titled or title_start < start)
        evidence = evidence or (whole_evidence if label == whole else "")
        if not _keep(span_doc.text, label, labels, limit) or _state_of_a_title(doc, start, end):
            continue
        span = sentence.span(span_doc.start_char, span_doc.end_char)
        if not span.text.strip():
            continue
        title = doc[title_start:start].text if title_start < start else ""
        out.append(Mention(article_id, span, label, title=title, evidence=evidence))
    return out


# A dash between spaces inside a place's, facility's or person's span ("based in San Jose -
# Cisco" tagged as one place) may end the name; a company's name may hold one in tokenised
# text ("Wal - Mart").
_DASH_SPLIT = frozenset({"GPE", "LOC", "FAC", "PERSON"})
SPACED_DASH = re.compile(r" (?:-|–|—|--) ")


def split_at_dashes(ms: list[Mention], names: set[str]) -> list[Mention]:
    """A place, facility or person mention with a spaced dash is cut there when the pieces
    look like names of their own: each is the text of another mention of the article or has
    two words or more, and one at least is such a text ("San Jose - Cisco" where "Cisco" is
    also written alone; a tokenised "Guinea - Bissau" or "Jean - Claude Kest" stays whole)."""
    out = []
    for m in ms:
        pieces = SPACED_DASH.split(m.span.text) if m.label in _DASH_SPLIT else [m.span.text]
        if len(pieces) < 2 or not all(p in names or " " in p for p in pieces) \
                or not any(p in names for p in pieces):
            out.append(m)
            continue
        at = m.span.start
        for k, piece in enumerate(pieces):
            at = m.span.text.find(piece, at - m.span.start) + m.span.start
            span = Span(m.span.sentence_index, at, at + len(piece), piece)
            out.append(m.replace(span=span, title=m.title if k == 0 else ""))
            at += len(piece)
    return out


_PLACE_USES = frozenset({"GPE", "LOC", "NORP"})
# A lower-case word after a people's name that makes it an adjective ("Syrian journalist"),
# not a verb after a surname ("Mark English said", "Tom French added", "... is", "... has").
_LOWER_WORD = re.compile(
    r" (?!(?:said|says|say|told|tells|is|was|has|had|have|will|would|can|could|may|might|also|who|and|or)\b)"
    r"[a-z]+(?<!ed)\b")


def place_tails(found: list[list[Mention]], texts: list[str]) -> list[list[Mention]]:
    """A person's span that ends in a country or a people's name the article writes alone as
    a place or people (more often than as a person) is two mentions when something else says
    the name ended before it: a title (``President Assad Turkey is now ...``: a page's caption
    run into the next line), the rest written alone as a person in the article, the rest a
    place too (``in Jordan Jordan is providing``), or a people's name used as an adjective
    (``Malik al-Abdeh Syrian journalist``). The place must not become a surname that every
    ``Turkey`` of the article then takes. ``Michael Jordan scored`` stays whole."""
    uses: dict[str, Counter] = {}
    people = set()
    for ms in found:
        for m in ms:
            if " " not in m.span.text:
                uses.setdefault(m.span.text, Counter())[m.label] += 1
            if m.label == "PERSON":
                people.add(m.span.text)

    def place_label(word: str) -> str:
        seen = uses.get(word)
        if not seen or not (fold(word) in PLACE_NAMES or is_demonym(word)):
            return ""
        label, n = max(((lab, k) for lab, k in seen.items() if lab in _PLACE_USES), key=lambda x: (x[1], x[0]),
                       default=("", 0))
        return label if n > seen["PERSON"] else ""

    out = []
    for ms, text in zip(found, texts):
        kept = []
        for m in ms:
            words = m.span.text.split(" ")
            as_person = m.label == "PERSON" or m.evidence == COUNTRY_COMPANY
            tail = place_label(words[-1]) if as_person and len(words) > 1 else ""
            if not tail:
                kept.append(m)
                continue
            s = m.span
            cut = s.end - len(words[-1])
            rest = Span(s.sentence_index, s.start, cut - 1, s.text[: cut - 1 - s.start])
            head = place_label(rest.text) if " " not in rest.text else ""
            adjective = tail == "NORP" and bool(_LOWER_WORD.match(text, s.end))
            if not (m.title or rest.text in people or head or adjective):
                kept.append(m)
                continue
            kept.append(m.replace(span=rest, label=head or "PERSON",
                                  evidence="" if head or m.evidence == COUNTRY_COMPANY else m.evidence))
            kept.append(Mention(m.article_id, Span(s.sentence_index, cut, s.end, words[-1]), tail))
        out.append(kept)
    return out


def joined_heads(ms: list[Mention], text: str) -> list[Mention]:
    """An organisation's name the model cut in two before its head word (``the Local
    Co-ordination`` + ``Committees``: the hyphen splits the span) is one mention: an ORG span
    followed, after one space, by a one-word ORG span that is an institution's head word."""
    out: list[Mention] = []
    for m in sorted(ms, key=lambda m: m.span.start):
        prev = out[-1] if out else None
        word = m.span.text.lower()
        if prev is not None and prev.label == m.label == "ORG" and " " not in m.span.text \
                and text[prev.span.end:m.span.start] == " " and (word in INSTITUTION_HEADS or word[:-1] in INSTITUTION_HEADS):
            span = Span(m.span.sentence_index, prev.span.start, m.span.end, text[prev.span.start:m.span.end])
            out[-1] = prev.replace(span=span)
            continue
        out.append(m)
    return out


def split_owners(ms: list[Mention], names: set[str]) -> list[Mention]:
    """An organisation's span that begins with a plural owner whose possessive apostrophe was
    stripped (``The Beatles Apple Corps``: the Beatles' Apple Corps) is cut in two when both
    pieces are names the article also writes alone: the owner and the organisation."""
    out = []
    for m in ms:
        words = m.span.text.split()
        if m.label != "ORG" or len(words) < 3 or not words[0].endswith("s") or words[0].endswith("ss") \
                or words[0] not in names or " ".join(words[1:]) not in names:
            out.append(m)
            continue
        owner = Span(m.span.sentence_index, m.span.start, m.span.start + len(words[0]), words[0])
        at = m.span.text.index(words[1], len(words[0])) + m.span.start
        rest = Span(m.span.sentence_index, at, m.span.end, m.span.text[at - m.span.start:])
        out.extend([m.replace(span=owner), m.replace(span=rest, title="")])
    return out


def _spans(ent) -> list:
    """The name spans an entity span stands for: an airline named ``Air`` + a place (``Air
    China``, of which the model tags only the place) as one organisation; a person with the
    particles of the surname the model left out (``Van der Berg``); and a known place
    written just before an organisation the model tagged without it (``UK RAF``) as a place
    of its own."""
    from spacy.tokens import Span as SpacySpan

    doc = ent.doc
    label = ent.label_
    if label in ("GPE", "LOC") and ent.start > 0 and doc[ent.start - 1].text == "Air":
        return [SpacySpan(doc, ent.start - 1, ent.end, label="ORG")]
    start = ent.start
    while label == "PERSON" and start > 0 and ent.start - start < MAX_PARTICLES \
            and doc[start - 1].lower_ in PARTICLES and doc[start - 1].text.isalpha():
        start -= 1  # "Van der Berg joined": the model tagged only "Berg"
    if start < ent.start:
        return [SpacySpan(doc, start, ent.end, label=label)]
    out = []
    if label == "ORG" and ent.start > 0 and _known_place_word(doc[ent.start - 1]):
        out.append(SpacySpan(doc, ent.start - 1, ent.start, label="GPE"))
    out.append(ent)
    return out


def _known_place_word(tok) -> bool:
    """A capitalised word outside any entity that is a known place or a place's alias."""
    if tok.ent_type_ or not tok.text[:1].isupper():
        return False
    return is_place_key(fold(tok.text))


def article_mentions(
    sentences: list[AnnotatedSentence], article_id: str = "", settings: Settings = DEFAULTS
) -> list[Mention]:
    """:func:`find_mentions` over an article's sentences, with article-level corrections.

    A person's surname (``Jobs``, once ``Steve Jobs`` is a PERSON in the article) is a
    person wherever it appears: mentions of it labelled otherwise are relabelled, and
    capitalised occurrences the model missed are added. Capitalised common words at the
    start of a sentence are dropped, and context cues type the other names
    (:func:`storyline.canonical_types.type_article`)."""
    common = common_words(sentences)
    found = [[without_leading_verb(m, s.text, common) for m in find_mentions(s, article_id, settings)]
             for s in sentences]
    found = [joined_heads(ms, s.text) for ms, s in zip(found, sentences)]
    names = {m.span.text for ms in found for m in ms if not SPACED_DASH.search(m.span.text)}
    found = [split_at_dashes(split_owners(ms, names), names) for ms in found]
    found = place_tails(found, [s.text for s in sentences])
    found = [listed_people(title_bodies(ms, s.text), s.text, settings["entities.list_people"])
             for ms, s in zip(found, sentences)]
    found = org_tails(found, [s.text for s in sentences])
    written = {m.span.text for ms in found for m in ms if m.label == "PERSON"}
    bodies = {m.span.text for ms in found for m in ms if m.label == "ORG"}
    found = [[piece for m in ms for piece in headline_verbs(m, written, bodies, sentences)] for ms in found]
    # "Bashar al-Assad" is "Assad" on second mention: a surname without its joined article
    last_words = (without_articles(m.span.text.split()[-1]) for ms in found for m in ms
                  if m.label == "PERSON" and len(m.span.text.split()) > 1)
    surnames = {
        word for word in last_words
        if word[:1].isupper() and word.lower() not in _FUNCTION_WORDS  # "LOL He" of "LOL Hes the guy": no surname He
    }
    people = surnames | {m.span.text for ms in found for m in ms if m.label == "PERSON"}
    found = [[piece for m in ms for piece in person_of_body(m, people)] for ms in found]
    out: list[Mention] = []
    for sentence, ms in zip(sentences, found):
        fixed = [m.replace(label="PERSON") if m.label != "PERSON" and m.span.text in surnames else m
                 for m in ms if not common_word(m, sentence.text, common)]
        taken = [(m.span.start, m.span.end) for m in fixed]
        for name in surnames:
            # the surname, or its stripped possessive before a word ("Ruhls memo", "Buffetts
            # Berkshire") unless the article writes that form as a name of its own or a company's
            # legal form follows ("Schroders PLC", "Gas Co")
            possessive = "" if name + "s" in names else r"|(?=s (?:[a-z]|[A-Z][a-z]))"
            for hit in re.finditer(rf"\b{re.escape(name)}(?:\b{possessive})", sentence.text):
                if hit.end() < len(sentence.text) and sentence.text[hit.end()] == "s" \
                        and legal_form("x " + sentence.text[hit.end() + 2:].split(" ", 1)[0]):
                    continue
                if not any(s < hit.end() and hit.start() < e for s, e in taken):
                    span = Span(sentence.index, hit.start(), hit.end(), hit.group())
                    fixed.append(Mention(article_id, span, "PERSON"))
                    taken.append((hit.start(), hit.end()))
        out.extend(bracket_aliases(sorted(fixed, key=lambda m: m.span.start), sentence.text))
    texts = {s.index: s.text for s in sentences}
    if settings["entities.context_types"]:
        out = type_article(out, texts, surnames)
    return [leader_context(m, texts.get(m.span.sentence_index, "")) for m in out]


# A company's offices between a name and the person holding them ("Magna co-chief executive
# Siegfried Wolf", "Berkshire Hathaway chief Warren Buffett"): the name before them is the
# company's. Not the offices a politician's staff hold too (spokesman, aide, chief
# strategist, chief of staff).
_COMPANY_OFFICE = re.compile(
    r"^\s+(?:co-)?(?:chief(?: executive(?: officer)?)?|chief (?:financial|operating|technology) officer|"
    r"(?:vice |co-)?chair(?:man|woman)|ceo|cfo|coo|cto|analyst)\s+$", re.I)


def title_bodies(ms: list[Mention], text: str) -> list[Mention]:
    """A name the model calls a person, written before a company's office and the person
    holding it, is the company (``Magna chief executive Siegfried Wolf``, ``Berkshire Hathaway
    chief Warren Buffett``)."""
    out = list(ms)
    for i, m in enumerate(ms[:-1]):
        nxt = ms[i + 1]
        if m.label == "PERSON" and not m.title and nxt.label == "PERSON" \
                and _COMPANY_OFFICE.match(text[m.span.end:nxt.span.start]):
            out[i] = m.replace(label="ORG", evidence="context")
    return out


_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")


def org_tails(found: list[list[Mention]], texts: list[str]) -> list[list[Mention]]:
    """A person's span that runs on into a company the article names, in full or by its first
    word (``Dana Ruhl Kestrel chief executive said``, a caption's order, beside ``Kestrel
    Motors``) is the person and the company, when a title word follows or the rest is written
    alone as a person: the company must not become a surname that every ``Kestrel`` of the
    article then takes."""
    # the company as written, or by its first word ("Kestrel" of "Kestrel Motors")
    orgs = {form for ms in found for m in ms if m.label == "ORG"
            for form in (m.span.text, m.span.text.split(" ")[0])}
    people = {m.span.text for ms in found for m in ms if m.label == "PERSON"}
    out = []
    for ms, text in zip(found, texts):
        kept = []
        for m in ms:
            words = m.span.text.split(" ")
            for k in (2, 1):  # a company of one or two words ("Kestrel", "Kestrel Motors")
                tail = " ".join(words[-k:])
                if m.label != "PERSON" or len(words) - k < 2 or tail not in orgs or tail in people:
                    continue
                after = _NEXT_WORD.match(text, m.span.end)
                rest = " ".join(words[:-k])
                if not (after and after.group(1) in TITLE_WORDS) and rest not in people:
                    continue
                s = m.span
                cut = s.start + len(rest)
                kept.append(m.replace(span=Span(s.sentence_index, s.start, cut, rest)))
                kept.append(Mention(m.article_id, Span(s.sentence_index, s.end - len(tail), s.end, tail), "ORG"))
                break
            else:
                kept.append(m)
        out.append(kept)
    return out


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s+$")


def listed_people(ms: list[Mention], text: str, least: int) -> list[Mention]:
    """A full name in a list of people's full names (at least ``least`` of them people by the
    model: ``Ann Holt, Mark Devers and Priya Raman``, the first tagged GPE) is a person's
    whatever the model's label, unless its words say otherwise (a head word, a known place or
    organisation)."""
    if least <= 0:
        return ms
    runs: list[list[int]] = []
    for i, m in enumerate(ms):
        if i and _LIST_GAP.match(text[ms[i - 1].span.end:m.span.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    out = list(ms)
    for run in runs:
        full = [i for i in run if len(ms[i].span.text.split()) > 1]
        if sum(ms[i].label == "PERSON" for i in full) < least:
            continue
        for i in full:
            if ms[i].label in TITLED_FIXABLE and not ms[i].evidence and full_name_shape(ms[i].span.text):
                out[i] = ms[i].replace(label="PERSON")
    return out


_OF = re.compile(r" of (?:the )?")


def person_of_body(m: Mention, people: set[str]) -> list[Mention]:
    """A person named with the body they speak for, tagged as one name (``Whitcombe of Barrow
    Capital``, an analyst quoted by firm; ``Brisk of the United Metal Workers``): the person
    and the body, when the article names that person elsewhere."""
    if m.label not in ("ORG", "PERSON"):
        return [m]
    hits = list(_OF.finditer(m.span.text))
    if len(hits) != 1:
        return [m]
    who, body = m.span.text[: hits[0].start()], m.span.text[hits[0].end():]
    if who not in people or not body[:1].isupper() or not all(w[:1].isupper() or w in ("of", "and", "&")
                                                                 for w in body.split()):
        return [m]
    sp = m.span
    body_start = sp.start + hits[0].end()
    body_label = "GPE" if is_place_key(fold(body)) else "ORG"  # "Whitcombe of London"
    return [m.replace(span=Span(sp.sentence_index, sp.start, sp.start + len(who), who), label="PERSON", evidence=""),
            m.replace(span=Span(sp.sentence_index, body_start, sp.end, body), label=body_label, title="",
                      evidence="")]


# A one-word name before these words, or after "pro-"/"anti-", is used as a leader's name ("the
# Assad regime", "Gadhafi loyalists", "pro-Gadhafi forces"), whatever the model's label.
_LEADER_AFTER = re.compile(
    r"\s+(?:regime|loyalists|administration|dynasty|clan|family|forces|troops|supporters|government|military|army)\b")
_LEADER_BEFORE = re.compile(r"\b(?:pro|anti)-\s*$", re.I)
# Endings of peoples' names beyond the demonym list ("British", "Dutch", "Libyan", "Afghan").
_PEOPLE_END = re.compile(r"(?:ish|ch|an|ans)$")


def leader_context(m: Mention, text: str) -> Mention:
    """Mark (``evidence``) a one-word name that is no known place, organisation or people,
    labelled other than a person, and used as a leader's name: canonical resolution reads it
    as a surname when a known person has it, and leaves it as it was otherwise ("the Arnholt
    regime" stays the country when nobody is called Arnholt)."""
    word = m.span.text.strip()
    if m.label == "PERSON" or " " in word or not text or not word[:1].isupper() or is_demonym(word) \
            or _PEOPLE_END.search(word):
        return m
    key = fold(word)
    if key in PLACE_NAMES or key in ORG_NAMES or key in ALIASES:
        return m
    if _LEADER_AFTER.match(text, m.span.end) or _LEADER_BEFORE.search(text[max(0, m.span.start - 6):m.span.start]):
        return m.replace(evidence=LEADER_CONTEXT)
    return m


_OPEN, _CLOSE = re.compile(r"^\s*\(\s*$"), re.compile(r"^\s*\)")
# An acronym in brackets right after a name: "the Government Accountability Office (GAO)".
_BRACKETED = re.compile(r"\s*\(\s*([A-Z]{2,6})\s*\)")


def _untagged_brackets(ms: list[Mention], text: str) -> list[Mention]:
    """A bracketed acronym of the name before it that the model did not tag is a mention of
    that name's label (``the United States Air Force (USAF)``), which :func:`bracket_aliases`
    then links to the name."""
    out = []
    for k, m in enumerate(ms):
        out.append(m)
        hit = _BRACKETED.match(text, m.span.end)
        nxt = ms[k + 1].span.start if k + 1 < len(ms) else len(text)
        if hit and hit.end() <= nxt and len(m.span.text.split()) > 1 \
                and bracket_alias(hit.group(1), m.span.text, m.label) and not _DATELINE_DASH.match(text, hit.end()):
            span = Span(m.span.sentence_index, hit.start(1), hit.end(1), hit.group(1))
            out.append(Mention(m.article_id, span, m.label, evidence=m.evidence))
    return out
_DATELINE_DASH = re.compile(r"\s*(?:--|-|–|—)")


def bracket_aliases(ms: list[Mention], text: str) -> list[Mention]:
    """``Singapore Airlines (SIA)`` tagged as two names: the first mention's span takes in
    the bracketed acronym, so canonical resolution links the two (``core_name``'s alias)."""
    out = _untagged_brackets(list(ms), text)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        word = b.span.text
        close = _CLOSE.match(text[b.span.end:])
        # Acronyms in news are 2-6 capitals (UN, GAO, NASDAQ), as in canonical resolution;
        # a dateline's agency after its city ("Libya (CNN) --") is none.
        if close and _OPEN.match(text[a.span.end:b.span.start]) and 2 <= len(word) <= 6 and word.isupper() \
                and bracket_alias(word, a.span.text, a.label) and not _DATELINE_DASH.match(text, b.span.end + close.end()):
            end = b.span.end + close.end()
            out[k] = a.replace(span=Span(a.span.sentence_index, a.span.start, end, text[a.span.start:end]))
    return out


_WORDS = re.compile(r"[^\W\d_]+")


def common_words(sentences: list[AnnotatedSentence]) -> set[str]:
    """Lower-case words of the article, minus its names (capitalised mid-sentence)."""
    texts = [s.text for s in sentences]
    names = {n.lower() for n in article_names(texts)}
    return {w for t in texts for w in _WORDS.findall(t) if w.islower()} - names


def common_word(m: Mention, text: str, common: set[str]) -> bool:
    """A one-word mention at the start of its sentence that the article also writes in
    lower case (``Lorry`` / ``lorry``, ``Queues`` / ``queue``)."""
    word = m.span.text
    if " " in word or any(c.isalpha() for c in text[: m.span.start]) or m.title:
        return False
    low = word.lower()
    forms = {low, low.rstrip("s"), low + "s", low[:-1] + "ies" if low.endswith("y") else low}
    return bool(forms & common)


# Given names that end like a verb's -ing form (from general knowledge): "Irving Berlin".
_ING_GIVEN_NAMES = frozenset("irving sterling channing manning ewing fleming deming harding browning".split())


# Adverb endings no given name has ("Genetically", "Obviously", "Apparently", "Reportedly").
_ADVERB_ENDINGS = ("ically", "ously", "ently", "antly", "ively", "ately", "fully", "lessly", "ingly", "edly")


def without_leading_verb(m: Mention, text: str, common: set[str]) -> Mention:
    """A person's name opening its sentence with a verb's -ing form or an adverb is the name
    without it: ``Defending Brega is vital`` names the town Brega, not a person whose surname
    every later ``Brega`` would take, and ``Genetically Obama is ...`` is no second Obama who
    makes the surname ambiguous (an adverb wherever the name stands: ``USA Genetically Obama``
    in a reader's comment). A given name spelled so stays, unless the article also writes the
    -ing word in lower case."""
    words = m.span.text.split(" ")
    first = words[0]
    if m.label != "PERSON" or len(words) < 2:
        return m
    adverb = len(first) >= 7 and first.lower().endswith(_ADVERB_ENDINGS)  # 7: "Ally", "Sally", "Kelly"
    if not adverb and (any(c.isalpha() for c in text[: m.span.start]) or len(first) < 6 or not first.endswith("ing")
                       or (first.lower() in _ING_GIVEN_NAMES and first.lower() not in common)):
        return m  # 6: "Ming", "Jing", "Xiaoping"'s short syllables are names, not verbs
    start = m.span.start + len(first) + 1
    return m.replace(span=Span(m.span.sentence_index, start, m.span.end, text[start:m.span.end]))


# Verbs a title-case headline or caption writes after a name ("Dana Ruhl Says Cuts Are
# Needed", "Kestrel Chief Quits", "Kellerman Sells Stake"), which the model runs into the
# name's span. None is a surname in English news; "Said" is (Edward Said), so it is cut only
# from a name the article writes without it.
_HEADLINE_VERBS = frozenset(
    """says tells told warns warned quits resigns resigned dies died denies denied admits admitted
    urges urged vows vowed insists insisted predicts predicted sees expects plans steps sells
    buys gets wins loses takes leaves joins names hires fires cuts backs""".split())
_SAID = frozenset({"said"})


def headline_verbs(m: Mention, people: set[str], orgs: set[str],
                    sentences: list[AnnotatedSentence]) -> list[Mention]:
    """A name that runs into a headline's verb is the name without it: ``Dana Ruhl Says``;
    ``Dana Ruhl Said`` when the article also names a person ``Dana Ruhl`` or writes ``Ruhl``
    in another sentence; ``Kellerman Sells`` tagged ORG is the person when the article names
    a Kellerman. A verb inside the span ends the first name and begins another, kept when the
    article knows it (``Obama Tells Kestrel``: Obama, and Kestrel if the article names it)."""
    words = m.span.text.split(" ")
    verbs = [i for i, w in enumerate(words)
             if i and w[:1].isupper() and (w.lower() in _HEADLINE_VERBS or w.lower() in _SAID)]
    if not verbs:
        return [m]
    i, sp = verbs[0], m.span
    verb, left, right = words[i].lower(), " ".join(words[:i]), " ".join(words[i + 1:])
    known = left in people or any(p.endswith(" " + left) for p in people)
    if not right:
        if m.label == "PERSON" and (verb not in _HEADLINE_VERBS or i == 1) and not known:
            surname = re.compile(rf"\b{re.escape(words[i - 1])}\b")
            known = any(s.index != sp.sentence_index and surname.search(s.text) for s in sentences)
        if not known and not (m.label == "PERSON" and verb in _HEADLINE_VERBS and i > 1):
            return [m]
    elif verb in _SAID:
        return [m]  # "Edward Said Foundation"
    out = [m.replace(span=Span(sp.sentence_index, sp.start, sp.start + len(left), left),
                     label="PERSON" if known else m.label)]
    other = ("ORG" if right in orgs else "PERSON" if right in people
             else "GPE" if right and is_place_key(fold(right)) else "")
    if other:
        out.append(Mention(m.article_id, Span(sp.sentence_index, sp.end - len(right), sp.end, right), other))
    return out
