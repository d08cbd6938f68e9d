"""Entity mentions from spaCy NER, with storyline's corrections.

The small English model is fast and mostly right about names in news; where it is known to
be wrong, :func:`find_mentions` corrects it:

* labels from known names and from the name itself (``the Pentagon`` an organisation,
  ``Ms Osei`` a person, ``River Kest`` a place): :mod:`storyline.nlp.mention_labels`;
* spans: a leading ``the``, honorifics, titles and a country or company written before a
  full name are kept out of the name span and remembered as the mention's ``title``:
  :mod:`storyline.nlp.mention_titles`; an airline named ``Air`` + a place, a club named
  ``Sporting`` + its town (``CLUB_FIRST_WORDS``), a surname's
  particles the model left out (``Van der Berg``) and a company's legal form tagged apart
  (``Chrysler`` + ``LLC``) are taken in; a known body run into a person the article names
  (``White House Rosa Delgado``) is two names (:mod:`storyline.nlp.mention_joins`);
* noise: spans without letters, URLs and fused link debris (``pic.twitter.com...``), all
  lower-case spans, over-long spans and labels outside ``entities.labels`` are dropped.

Article-level corrections (:func:`article_mentions`): where a name's span really ends
(:mod:`storyline.nlp.mention_boundaries`), labels and links from the words around it,
capitalised common words at the start of a sentence or of a readers' comment dropped
(:mod:`storyline.nlp.mention_context`), and so are common words written in capitals for
emphasis (:mod:`storyline.nlp.mention_shouts`), a protest chant's ``Down`` whose quote marks
were stripped (:mod:`storyline.nlp.mention_chants`) and a page's furniture run into its text
(comment buttons, credit lines, the site's own pages:
:mod:`storyline.nlp.mention_furniture`); surnames of the article's people are people
everywhere in it, and context cues type the rest
(:func:`storyline.canonical_types.type_article`: ``in X``, ``the X valley``, ``X troops``);
a ministry's owner written before its span (``Northfords Ministry of Defence``) is its title
(:mod:`storyline.nlp.mention_owners`).

The same label corrections are available as a spaCy component (``storyline_entity_fixes``,
added with :func:`add_entity_fixes`: :mod:`storyline.nlp.mention_fixes`) that also sets
``Span._.title`` on each entity; the corrections are idempotent, so :func:`find_mentions`
works with or without it.
"""

from __future__ import annotations

import re

from ..canonical_names import (
    MAX_PARTICLES, ORG_NAMES, PARTICLES, PLACE_NAMES, PLACE_PARTICLES, TITLE_WORDS, fold, is_place_key, without_articles,
)
from ..canonical_types import INSTITUTION_HEADS, legal_form, type_article
from ..records import ROLE_EVIDENCE, Mention, Span
from ..settings import DEFAULTS, Settings
from .annotate import AnnotatedSentence
from .mention_boundaries import (
    SPACED_DASH, headline_verbs, joined_heads, leader_bodies, org_suffixes, org_tails, outlet_runs, person_of_body,
    photo_credits, place_tails, split_at_dashes, split_owners, without_caption_word,
    without_leading_verb, without_repeated_word, without_trailing_adverb,
)
from .mention_bylines import byline_people
from .mention_chants import chant_word
from .mention_context import (
    bracket_aliases, common_word, common_words, dictionary_noun, kind_bodies, leader_context, listed_people,
    title_bodies,
)
from .mention_fixes import COMPONENT, add_entity_fixes, name_end
from .mention_full_names import surname_word, surnamed_people
from .mention_furniture import comments_apart, without_furniture
from .mention_joins import joined_names
from .mention_labels import CLUB_FIRST_WORDS, ROMANCE_PLACE_STARTS, corrected_label
from .mention_labels import fix_label  # noqa: F401  (importable from here, as before)
from .mention_owners import capital_states, ministry_owners, place_possessives
from .mention_roles import role_mentions
from .mention_shouts import name_words, shouted_word
from .mention_speakers import addressed_people, transcript_speakers
from .mention_tickers import ticker_companies
from .mention_titles import name_pieces, office_before, title_before
from .repair import article_names

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


# Words of a minister's portfolio written before the office ("International Development
# Secretary", "Work and Pensions Minister", "Homeland Security Secretary"): the model tags
# them ORG, but they are the title's, not a body's. General knowledge of English government
# titles; "Treasury" (a department of its own) and places ("Northern Ireland Secretary") stay.
_PORTFOLIO_WORDS = frozenset("""
foreign home defence defense health education energy environment culture justice transport
business trade industry interior finance economy economic agriculture work pensions
communities local government welfare labour labor employment housing immigration science
technology digital media sport sports tourism climate change social security public services
women equalities children families family rural affairs fisheries food international
development overseas homeland veterans and &
""".split())
_OFFICES = frozenset({"Secretary", "Secretaries", "Minister", "Ministers"})


def _portfolio_of_a_title(doc, start: int, end: int) -> bool:
    """A portfolio before a minister's office (``International Development`` of
    ``International Development Secretary Andrew Mitchell``): the title's words, not a body.
    Not before ``Secretary-General`` (``UN Secretary-General``)."""
    return (end < len(doc) and doc[end].text in _OFFICES
            and not (end + 1 < len(doc) and doc[end + 1].text in ("-", "\u2013", "-General"))
            and all(t.lower_ in _PORTFOLIO_WORDS or t.text == "," for t in doc[start:end])
            and any(t.text[:1].isupper() for t in doc[start:end]))


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


def mention_labels(settings: Settings) -> frozenset[str]:
    """The labels a mention may have (``entities.labels``)."""
    return frozenset(s.strip() for s in settings["entities.labels"].split(",") if s.strip())


def find_mentions(
    sentence: AnnotatedSentence, article_id: str = "", settings: Settings = DEFAULTS
) -> list[Mention]:
    """Entity mentions of one annotated sentence, spans into the original text.

    ``title`` holds honorifics and titles written before the name. Never raises: a sentence
    the model could not read gives ``[]``."""
    doc = sentence.doc
    labels = mention_labels(settings)
    limit = settings["entities.max_mention_chars"]
    out: list[Mention] = []
    for ent in _with_legal_forms(getattr(doc, "ents", ())):
        try:
            end = name_end(ent)
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
    before it (``Chrysler`` + ``LLC`` -> ``Chrysler LLC``), a club's first word tagged apart
    joined to its town (``Sporting`` + ``Valdora``), an organisation's name cut at
    its preposition joined (``US Agency for`` + ``International Development``), and a
    person's name cut after a particle (``Zine El`` + ``Abidine Ben Ali``)."""
    from spacy.tokens import Span as SpacySpan

    out: list = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and len(ent) == 1 and prev.label_ == "ORG" \
                and legal_form("x " + ent.text):
            out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="ORG")
            continue
        if prev is not None and prev.end == ent.start and len(prev) == 1 and _club_word(ent.doc, prev.start, tagged=True) \
                and ent[0].text[:1].isupper():
            out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="ORG")  # "Sporting" + "Valdora": a club
            continue
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start and len(prev) > 1 \
                and prev[-1].lower_ in PARTICLES and ent[0].text[:1].isupper():
            # "Zine El" + "Abidine Ben Ali": a name does not end in a particle, so the model cut
            # a long Arabic name after its "El" (the particle rule then gave both spans the "El")
            out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start and len(ent) > 1 \
                and ent[0].lower_ in _PATRONYMICS and any(t.lower_ in _ARABIC_ARTICLES for t in prev[1:-1]):
            # "Zine El Abidine" + "Ben Ali": an Arabic compound given name, then the family name
            out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        if prev is not None and prev.label_ == ent.label_ == "ORG" and len(prev) > 1 and (
                prev.end == ent.start and prev[-1].lower_ in _LINKING_WORDS and prev[-1].text.islower()
                or prev.end + 1 == ent.start and ent.doc[prev.end].text in _LINKING_WORDS
                and prev[-1].lower_ in _BODY_HEADS or _cut_body_name(prev, ent)):
            # "the US Agency for" + "International Development", "the Kestrel Agency" + "for" +
            # "Rural Development": one name the model cut at its preposition
            out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


# Words that begin an Arabic family name ("Ben Ali", "Bin Laden", "Ibn Saud", "Ould Abdel
# Aziz"), and the article inside a compound given name ("Zine El Abidine", "Abd al-Rahman"):
# a person's span with the article inside, then a span beginning with such a word, are one
# name the model cut in two (two people's names never abut without a comma or "and").
_PATRONYMICS = frozenset("ben bin ibn ould bint".split())
_ARABIC_ARTICLES = frozenset("el al ul ed ad ud".split())
# Prepositions inside an organisation's name ("Agency for International Development",
# "Bank of England"), where the model sometimes ends one span and begins another.
_LINKING_WORDS = frozenset({"for", "of", "on"})
# The longest stretch of a body's name between two spans the model cut it into ("for the
# Co-ordination of" is six tokens).
_MAX_CUT = 6


def _cut_body_name(prev, ent) -> bool:
    """Whether two organisation spans are one body's name the model cut in its middle: the
    first holds a body's head word (``the UN Office``, ``the Office for the Co-ordination``),
    and what lies between begins and ends with a preposition and holds only prepositions,
    ``the`` and capitalised or hyphen-joined words (``for the Co-ordination of`` before
    ``Humanitarian Affairs``)."""
    doc = ent.doc
    gap = doc[prev.end:ent.start]
    if not 0 < len(gap) <= _MAX_CUT or gap[0].text not in _LINKING_WORDS or gap[-1].text not in _LINKING_WORDS:
        return False
    if not any(t.text[:1].isupper() and t.lower_ in _BODY_HEADS for t in prev):
        return False
    for k, tok in enumerate(gap):
        joined = k > 0 and gap[k - 1].text == "-" and not gap[k - 1].whitespace_
        if not (tok.text in _LINKING_WORDS or tok.text == "the" or tok.text[:1].isupper() or joined
                or tok.text == "-" and not tok.whitespace_):
            return False
    return True
# Heads of a body's name that a preposition follows ("Agency for", "Centre for", "Institute
# of"): only after one is a preposition outside both spans taken into the name.
_BODY_HEADS = INSTITUTION_HEADS | frozenset(
    "agency centre center fund bureau society organisation organization".split())


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
        if not _keep(span_doc.text, label, labels, limit) or _state_of_a_title(doc, start, end) \
                or (label == "ORG" and _portfolio_of_a_title(doc, start, end)):
            continue
        span = sentence.span(span_doc.start_char, span_doc.end_char)
        if not span.text.strip():
            continue
        title = doc[title_start:start].text if title_start < start else ""
        out.append(Mention(article_id, span, label, title=title, evidence=evidence))
    return out


def _spans(ent) -> list:
    """The name spans an entity span stands for: an airline named ``Air`` + a place (``Air
    China``, of which the model tags only the place) and a club named ``Sporting`` + its town
    (the model tags the town, as a person) as one organisation; a person with the
    particles of the surname the model left out (``Van der Berg``); and a known place
    written just before an organisation the model tagged without it (``UK RAF``) as a place
    of its own."""
    from spacy.tokens import Span as SpacySpan

    doc = ent.doc
    label = ent.label_
    start, end = _place_extent(doc, ent.start, ent.end) if label in _PLACE_EXTENT_LABELS else (ent.start, ent.end)
    if (start, end) != (ent.start, ent.end):
        return [SpacySpan(doc, start, end, label="LOC" if label == "LOC" else "GPE")]
    start, end = _hyphen_extent(doc, ent.start, ent.end) if label != "NORP" else (ent.start, ent.end)
    if (start, end) != (ent.start, ent.end):
        return [SpacySpan(doc, start, end, label=label)]
    if label in ("GPE", "LOC") and ent.start > 0 and doc[ent.start - 1].text == "Air":
        return [SpacySpan(doc, ent.start - 1, ent.end, label="ORG")]
    if label in _CLUB_TOWN_LABELS and _club_word(doc, ent.start - 1):
        return [SpacySpan(doc, ent.start - 1, ent.end, label="ORG")]  # "from Sporting [Valdora]": the club
    first = ent.start + (ent[0].lower_ == "the")
    if label == "ORG" and _two_bodies(doc[first:ent.end]):  # "the UN-Arab League envoy": the UN and the Arab League
        return [SpacySpan(doc, first, first + 1, label="ORG"), SpacySpan(doc, first + 2, ent.end, label="ORG")]
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


_CLUB_TOWN_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP"})


def _club_word(doc, i: int, tagged: bool = False) -> bool:
    """Whether token ``i`` is a word opening a football club's name (``Sporting`` of
    ``Sporting Lisbon``) that the model left out of the town's span after it, in no entity
    (or, ``tagged``, an entity of its own): capitalised and not the sentence's first word
    (``Real wages fell``)."""
    return i > 0 and doc[i].text[:1].isupper() and doc[i].lower_ in CLUB_FIRST_WORDS \
        and (tagged or not doc[i].ent_type_) and not doc[i].is_sent_start


def _two_bodies(ent) -> bool:
    """Whether an organisation's span is two bodies joined by a hyphen, as news names a joint
    envoy or mission (``UN-Arab League``, ``EU-Nato``): a known body, an unspaced hyphen and
    a known body or a name ending in an institution's head word. ``UN-Habitat`` (one
    agency) has no such head."""
    if len(ent) < 3 or ent[1].text != "-" or ent[0].whitespace_ or ent[1].whitespace_:
        return False
    rest = ent[2:].text
    return fold(ent[0].text) in ORG_NAMES and rest[:1].isupper() and (
        fold(rest) in ORG_NAMES or fold(ent[-1].text) in INSTITUTION_HEADS)


_PLACE_EXTENT_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON"})
_MAX_PARTICLES = 2  # "Port au Prince", "Vila do Conde", "Puerto de la Cruz": at most two


def _place_extent(doc, start: int, end: int) -> tuple[int, int]:
    """The token range of a French, Spanish or Portuguese place name of which the model tagged
    one part: its first word before the span (``Santo`` of ``Santo Domingo`` tagged as a
    person; ``Port au`` of ``Port au Prince``), or the particles and name after a span that
    is only that first word (``Port`` + ``au Prince``). ``(start, end)`` otherwise."""
    j = start
    while start - j < _MAX_PARTICLES and j > 0 and doc[j - 1].text in PLACE_PARTICLES and not doc[j - 1].ent_type_:
        j -= 1
    if j > 0 and doc[j - 1].lower_ in ROMANCE_PLACE_STARTS and doc[j - 1].text[:1].isupper() \
            and not doc[j - 1].ent_type_ and (j < start or doc[j - 1].lower_ != "port"):
        return j - 1, end  # "Port Harcourt"-like English names are tagged whole: "Port" only before a particle
    if end - start == 1 and doc[start].lower_ in ROMANCE_PLACE_STARTS:
        k = end
        while k - end < _MAX_PARTICLES and k < len(doc) and doc[k].text in PLACE_PARTICLES:
            k += 1
        if end < k < len(doc) and doc[k].text[:1].isupper() and doc[k].text.isalpha():
            return start, k + 1
    return start, end


def _hyphen_extent(doc, start: int, end: int) -> tuple[int, int]:
    """The token range of a hyphenated name of which the model tagged one part (``Glass`` of
    ``Glass-Steagall``): the span runs on over an unspaced hyphen and a capitalised word that
    no other entity holds and that is no known place (``US-Mexico`` is two places), or back
    over a capitalised word and a hyphen (``pro-Kestrel`` stays: a lower-case prefix)."""
    def free(tok) -> bool:
        return tok.text[:1].isupper() and tok.text.isalpha() and not tok.ent_type_ and not is_place_key(fold(tok.text))

    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and free(doc[end + 1]):
        return start, end + 2
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_ \
            and free(doc[start - 2]):
        return start - 2, end
    return start, end


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
    lines = [s.text for s in sentences]
    common = common_words(sentences)
    capitalised = article_names([comments_apart(t) for t in lines])
    labels = mention_labels(settings)
    found = [[without_repeated_word(without_caption_word(without_trailing_adverb(
                  without_leading_verb(piece, s.text, common), s.text), s.text), s.text)
              for m in find_mentions(s, article_id, settings)
              for credit in photo_credits(m) for piece in outlet_runs(credit, labels)] for s in sentences]
    found = [without_furniture(ms, s.text) for ms, s in zip(found, sentences)]
    found = [joined_heads(ms, s.text) for ms, s in zip(found, sentences)]
    names = {m.span.text for ms in found for m in ms if not SPACED_DASH.search(m.span.text)}
    found = [split_at_dashes(split_owners(ms, names), names) for ms in found]
    found = place_tails(found, lines)
    found = [listed_people(title_bodies(ms, s.text), s.text, settings["entities.list_people"])
             for ms, s in zip(found, sentences)]
    found = addressed_people(transcript_speakers(found, lines), lines)
    found = ticker_companies(byline_people(found, lines), lines)
    found = org_tails(found, lines)
    found = joined_names(found)
    found = org_suffixes(found, common)
    written = {m.span.text for ms in found for m in ms if m.label == "PERSON"}
    bodies = {m.span.text for ms in found for m in ms if m.label == "ORG"}
    found = [[piece for m in ms for piece in headline_verbs(m, written, bodies, sentences)] for ms in found]
    # "Bashar al-Assad" is "Assad" on second mention: a surname without its joined article
    last_words = (without_articles(surname_word(m.span.text)) for ms, s in zip(found, sentences) for m in ms
                  if m.label == "PERSON" and len(m.span.text.split()) > 1 and not chant_word(m, s.text))
    surnames = {
        word for word in last_words
        if word[:1].isupper() and word.lower() not in _FUNCTION_WORDS  # "LOL He" of "LOL Hes the guy": no surname He
    }
    people = surnames | {m.span.text for ms in found for m in ms if m.label == "PERSON"}
    found = [[piece for m in ms for piece in person_of_body(m, people)] for ms in found]
    found = [[piece for m in ms for piece in leader_bodies(m, people, s.text)] for ms, s in zip(found, sentences)]
    found = surnamed_people(found, lines)
    named = name_words([m for ms in found for m in ms])
    out: list[Mention] = []
    for sentence, ms in zip(sentences, found):
        fixed = [m.replace(label="PERSON") if m.label != "PERSON" and m.span.text in surnames else m
                 for m in ms if not common_word(m, sentence.text, common)
                 and not dictionary_noun(m, sentence, capitalised)
                 and not shouted_word(m, sentence.text, capitalised, named)
                 and not chant_word(m, sentence.text)]
        fixed += kind_bodies(fixed, sentence.text, sentence.index, article_id)
        taken = [(m.span.start, m.span.end) for m in fixed]
        for name in sorted(surnames, key=lambda w: (len(w), w)):
            # in a fixed order, the shorter first: "Grays views" is both the surname "Grays" (of a
            # possessive "John Grays" tagged a full name) and the possessive of "Gray"; a set's
            # order made it one or the other by the run's hash seed
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
    out = [leader_context(m, texts.get(m.span.sentence_index, "")) for m in out]
    out = capital_states(ministry_owners(place_possessives(out, texts), texts), texts)
    return with_roles(out, sentences, article_id) if settings["entities.role_references"] else out


def with_roles(mentions: list[Mention], sentences: list[AnnotatedSentence], article_id: str) -> list[Mention]:
    """``mentions`` with each sentence's role references (:mod:`.mention_roles`) among its
    names in the order of the text, a name before a role phrase that begins where it begins
    (``Apple`` of ``Apple CEO``): canonical resolution reads a role's neighbours."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.span.sentence_index, []).append(m)
    out: list[Mention] = []
    for s in sentences:
        names = by_sentence.pop(s.index, [])
        roles = role_mentions(s, names, article_id)
        out.extend(sorted(names + roles, key=lambda m: (m.span.start, m.evidence in ROLE_EVIDENCE)) if roles else names)
    for names in by_sentence.values():  # never: every mention is of one of the sentences
        out.extend(names)
    return out
