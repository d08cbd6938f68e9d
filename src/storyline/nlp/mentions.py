"""Entity mentions from spaCy NER, with storyline's corrections.

The small English model is fast and mostly right about names in news; where it is known to
be wrong, :func:`find_mentions` corrects it:

* labels: ``the Pentagon``, ``the Kremlin``, ``the White House``, ``Nato`` are organisations
  (the model calls the Pentagon a facility); well-known countries and capitals tagged as
  people (``Kyiv``) are places (:data:`ORG_NAMES`, :data:`PLACE_NAMES`);
* spans: a leading ``the``, honorifics (``Mr``, ``Ms``, ``Dr``, ``Sir``) and titles
  (``US President``, ``Foreign Minister``) are kept out of the name span and remembered as
  the mention's ``title``; possessive ``'s`` is trimmed;
* noise: spans without letters, URLs and fused link debris (``pic.twitter.com...``), all
  lower-case spans, over-long spans and labels outside ``entities.labels`` are dropped.

The same label corrections are available as a spaCy component (``storyline_entity_fixes``,
added with :func:`add_entity_fixes`) that also sets ``Span._.title`` on each entity; the
corrections are idempotent, so :func:`find_mentions` works with or without it.
"""

from __future__ import annotations

import re

from ..canonical_names import HONORIFICS, TITLE_WORDS
from ..records import Mention, Span
from ..settings import DEFAULTS, Settings
from .annotate import AnnotatedSentence

__all__ = ["find_mentions", "article_mentions", "add_entity_fixes", "ORG_NAMES", "PLACE_NAMES", "COMPONENT"]

COMPONENT = "storyline_entity_fixes"

# Institutions named by their building or address; the model tags them FAC or GPE.
ORG_NAMES = frozenset(
    "pentagon kremlin elysee élysée nato un eu whitehall congress senate bundestag duma "
    "knesset politburo vatican treasury".split()
) | frozenset([
    "white house", "downing street", "capitol hill", "state department", "foreign office",
    "home office", "quai d'orsay", "holy see", "european commission", "security council",
])
# Countries and capitals the model sometimes tags as people or organisations (general
# knowledge; only these correct a PERSON/ORG/NORP/PRODUCT label to GPE).
PLACE_NAMES = frozenset(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chad
    chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt eritrea
    estonia ethiopia finland france gaza georgia germany ghana greece guatemala haiti
    honduras hungary iceland india indonesia iran iraq ireland israel italy japan jordan
    kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon libya lithuania
    luxembourg madagascar malaysia mali malta mexico moldova mongolia montenegro morocco
    mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan
    palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    serbia senegal singapore slovakia slovenia somalia spain sudan sweden switzerland syria
    taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine
    uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe kyiv kiev moscow beijing
    tehran ankara damascus baghdad kabul cairo riyadh doha jerusalem beirut amman
    islamabad delhi tokyo seoul pyongyang taipei manila jakarta bangkok hanoi canberra
    ottawa washington london paris berlin rome madrid lisbon vienna warsaw prague budapest
    bucharest sofia athens brussels amsterdam stockholm oslo helsinki copenhagen dublin
    minsk vilnius riga tallinn tbilisi yerevan baku kharkiv odesa odessa donetsk luhansk
    crimea mariupol bakhmut kherson zaporizhzhia""".split()
)
_GPE_FIXABLE = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
_ORG_FIXABLE = frozenset({"FAC", "GPE", "LOC", "PERSON", "PRODUCT", "NORP", "WORK_OF_ART"})
# Short capitalised words that start a title before a name ("US President", "UK Foreign
# Secretary"): a country abbreviation, or an adjective of office (general knowledge).
_TITLE_PREFIXES = frozenset("us uk un eu former acting then deputy vice chief foreign defence defense interior "
                            "prime senior".split())
_DEBRIS = re.compile(r"(?:https?|www\.|\.com|\.co\b|twitter|pic\.)", re.I)
_DETERMINERS = frozenset({"the", "The", "THE"})


def _title_word(text: str) -> bool:
    low = text.lower().rstrip(".")
    return low in TITLE_WORDS or low in HONORIFICS


def fix_label(text: str, label: str) -> str:
    """The corrected label of an entity span's text."""
    low = " ".join(text.lower().split())
    if low.startswith("the "):
        low = low[4:]
    if low in ORG_NAMES and label in _ORG_FIXABLE:
        return "ORG"
    if low in PLACE_NAMES and label in _GPE_FIXABLE:
        return "GPE"
    return label


def _trim(ent) -> tuple[int, int, list]:
    """Token range [start, end) of the name inside ``ent`` and the title tokens before it."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while end - start > 1 and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    while end - start > 1 and doc[start].text in _DETERMINERS:
        start += 1
    title = []
    if ent.label_ == "PERSON":
        while end - start > 1 and _title_word(doc[start].text):
            title.append(doc[start])
            start += 1
        title = _title_before(doc, ent.start) + title
    return start, end, title


def _title_before(doc, i: int) -> list:
    """Title tokens written just before token ``i`` ("US President", "Mr", "Foreign Minister")."""
    j = i
    while j > 0:
        tok = doc[j - 1]
        if _title_word(tok.text) or tok.text in (".",) and j - 2 >= 0 and _title_word(doc[j - 2].text):
            j -= 1
            continue
        if j < i and tok.text[:1].isupper() and (tok.text.lower() in _TITLE_PREFIXES or tok.ent_type_ in ("GPE", "NORP")):
            j -= 1
            continue
        break
    return list(doc[j:i]) if j < i and any(_title_word(t.text) for t in doc[j:i]) else []


def _keep(text: str, label: str, labels: frozenset[str], limit: int) -> bool:
    if label not in labels or not text or len(text) > limit:
        return False
    if not any(c.isalpha() for c in text) or not any(c.isupper() for c in text):
        return False
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
    for ent in getattr(doc, "ents", ()):
        try:
            start, end, title = _trim(ent)
            span_doc = doc[start:end]
            label = fix_label(span_doc.text, ent.label_)
            if not _keep(span_doc.text, label, labels, limit):
                continue
            span = sentence.span(span_doc.start_char, span_doc.end_char)
            if not span.text.strip():
                continue
            title_text = " ".join(t.text for t in title)
            out.append(Mention(article_id, span, label, title=title_text))
        except (IndexError, ValueError, AttributeError):
            continue
    return out


def article_mentions(
    sentences: list[AnnotatedSentence], article_id: str = "", settings: Settings = DEFAULTS
) -> list[Mention]:
    """:func:`find_mentions` over an article's sentences, with article-level corrections.

    A person's surname (``Jobs``, once ``Steve Jobs`` is a PERSON in the article) is a
    person wherever it appears: mentions of it labelled otherwise are relabelled, and
    capitalised occurrences the model missed are added."""
    found = [find_mentions(s, article_id, settings) for s in sentences]
    surnames = {
        m.span.text.split()[-1] for ms in found for m in ms
        if m.label == "PERSON" and len(m.span.text.split()) > 1 and m.span.text.split()[-1][:1].isupper()
    }
    out: list[Mention] = []
    for sentence, ms in zip(sentences, found):
        fixed = [m.replace(label="PERSON") if m.label != "PERSON" and m.span.text in surnames else m
                 for m in ms]
        taken = [(m.span.start, m.span.end) for m in fixed]
        for name in surnames:
            for hit in re.finditer(rf"\b{re.escape(name)}\b", sentence.text):
                if not any(s < hit.end() and hit.start() < e for s, e in taken):
                    span = Span(sentence.index, hit.start(), hit.end(), hit.group())
                    fixed.append(Mention(article_id, span, "PERSON"))
                    taken.append((hit.start(), hit.end()))
        out.extend(sorted(fixed, key=lambda m: m.span.start))
    return out


def _fixes(doc):
    """spaCy component: correct entity labels; set ``Span._.title``."""
    from spacy.tokens import Span as SpacySpan

    ents = []
    for ent in doc.ents:
        label = fix_label(ent.text, ent.label_)
        new = ent if label == ent.label_ else SpacySpan(doc, ent.start, ent.end, label=label)
        ents.append(new)
    doc.ents = ents
    for ent in doc.ents:
        ent._.title = " ".join(t.text for t in _trim(ent)[2])
    return doc


def add_entity_fixes(nlp) -> None:
    """Add the ``storyline_entity_fixes`` component after ``ner`` (once)."""
    from spacy.language import Language
    from spacy.tokens import Span as SpacySpan

    if not SpacySpan.has_extension("title"):
        SpacySpan.set_extension("title", default="")
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT)(_fixes)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
