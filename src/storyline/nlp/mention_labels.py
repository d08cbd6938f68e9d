"""The label of an entity span, corrected from the name itself.

The small English model is fast and mostly right about names in news; where its label is
known to be wrong, :func:`corrected_label` puts the name's own evidence first:

* known names: ``the Pentagon``, ``the Kremlin``, ``the White House``, ``Nato`` are
  organisations (the model calls the Pentagon a facility); well-known countries and capitals
  tagged as people (``Kyiv``) are places (:data:`ORG_NAMES`, :data:`PLACE_NAMES`); diseases
  and virus strains (``H1N1``, ``Swine Flu``) are ``DISEASE``, yearly speeches (``the State
  of the Union``) ``EVENT``; religions and their branches
  (``Islam``, ``Shia``) are ``NORP``; a town joined by hyphens
  around a preposition (``Leigh-on-Sea``) is a place;
* a football club's name (``Sporting X``, ``Real X``: :data:`CLUB_FIRST_WORDS`) is an
  organisation;
* the name's words: a name led by an honorific (``Ms Osei`` tagged ORG) is a person; a
  titled full name the model tagged otherwise (``chief executive Ines Marlow``) is a
  person's; a head word (``River Kest``, ``Mill Street``, ``Homeland Party``) gives the type
  (:func:`storyline.canonical_types.head_label`; ``evidence="name"``).

:func:`fix_label` is the same correction for the spaCy component
(:mod:`storyline.nlp.mention_fixes`).
"""

from __future__ import annotations

import re

from ..canonical_names import HONORIFICS, ORG_NAMES, PLACE_NAMES, PLACE_PARTICLES, TITLE_WORDS, fold, is_place_key
from ..canonical_words import RELIGIONS
from ..canonical_types import adjective_name, head_label, legal_form
from .repair import is_demonym

__all__ = [
    "fix_label", "corrected_label", "full_name_shape", "TITLED_FIXABLE", "COUNTRY_COMPANY", "ROMANCE_PLACE_STARTS",
    "CLUB_FIRST_WORDS",
]

_GPE_FIXABLE = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
# Words that begin place names in French, Spanish and Portuguese ("Cap Haitien", "Santo
# Domingo", "Sao Paulo", "Puerto Rico", "Port au Prince"; the lower-case particles inside them
# are canonical_names.PLACE_PARTICLES): general knowledge of place names. None begins an
# English given name.
ROMANCE_PLACE_STARTS = frozenset("port cap santo san sao são puerto porto ciudad pointe".split())
# Words that begin place names and no one's given name ("New Brega", "Port Said", "Mount
# Kenya", "Cap Haitien"; French "Cité", a housing estate or district, "Cite Soleil" once
# stripped of its accent): a "person" they begin is a place the model mistook.
_PLACE_FIRST_WORDS = ROMANCE_PLACE_STARTS | frozenset(
    "new north south east west upper lower port fort mount lake cape greater cite cité".split())
# Of those, the ones that begin no English title of a work ("New Moon", "North Country" do):
# a "work" they begin is a place too.
_ROMANCE_OR_CITE = ROMANCE_PLACE_STARTS | {"cite", "cité"}
# Known places that are also people's surnames (Michael Jordan, Jack London, Irving Berlin,
# Denzel Washington, Kathy Ireland): a full name ending in one is still a person's.
_PLACE_SURNAMES = frozenset("jordan israel ireland france georgia chad mali washington london berlin paris sofia".split())
_ORG_FIXABLE = frozenset({"FAC", "GPE", "LOC", "PERSON", "PRODUCT", "NORP", "WORK_OF_ART"})
# Words that open a football club's name before its town ("Sporting Lisbon", "Real Madrid",
# "Dynamo Kyiv", "Olympique Lyon", "Borussia Dortmund", "FC Porto"): general knowledge of
# European club names. The model tags such a club as a person or a place, or tags only the
# town, as a person; no one's given name is one of these words.
CLUB_FIRST_WORDS = frozenset(
    "sporting real dynamo dinamo olympique borussia atletico atlético deportivo spartak lokomotiv fc afc".split())


# Honorifics and titles that make the name after them a person's whatever the model said
# ("Ms Osei", "Spokeswoman Sandy Angers" tagged ORG); not the royal ones ("Prince Edward
# Island", "Queen Mary" the ship) nor titles that start other names ("General Motors",
# "Justice Department", "Major League").
_PERSON_TITLES = frozenset(
    """mr mrs ms miss mx dr sir dame prof president minister secretary chancellor senator sen
    governor gov mayor ambassador spokesman spokeswoman spokesperson judge ceo chairman
    chairwoman cllr councillor commissioner envoy lt col capt sgt""".split()
)


# Labels the model gives a full name after a title that it mistook ("chief executive Ines
# Marlow" tagged ORG); a full name has 2-3 words (a first name, perhaps a middle one, a surname).
TITLED_FIXABLE = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
_PERSON_LIKE_WORDS = (2, 3)


def fix_label(text: str, label: str) -> str:
    """The corrected label of an entity span's text."""
    return corrected_label(text, label)[0]


# Diseases and virus strains, which the model calls people, places or organisations ("Avian
# Flu H5N1" a person, "H1N1" an organisation, "Swine Flu" a person): their own label.
# General knowledge: strain codes, the words that end a disease's name, and names used alone.
_DISEASE = re.compile(
    r"\bH\d{1,2}N\d{1,2}\b|\b(?:flu|influenza|virus|fever|pox)$|^(?:sars|mers|ebola|zika|cholera|measles|"
    r"polio|malaria|tuberculosis|hiv|covid|covid-19|anthrax|smallpox|dengue|mpox|monkeypox)$", re.I)


# The evidence of a person-tagged span ending in a country read as a company named for it
# ("Garuda Indonesia"): the place-tail rule may still cut it ("President Assad Turkey is ...").
COUNTRY_COMPANY = "country-company"


# English, French and Spanish town names joined by hyphens around a preposition
# ("Leigh-on-Sea", "Stratford-upon-Avon", "Boulogne-sur-Mer", "Saint-Germain-en-Laye"): the
# model called such a town an organisation. General knowledge of place names.
_HYPHENED_TOWN = re.compile(r"^[A-Z][\w-]*-(?:on|upon|under|sur|en)-[A-Z][a-z]+$")


# Yearly speeches known by name, which the model tags ORG ("the State of the Union", "the
# State of the Union address", "the Queen's Speech", stripped "Queens Speech"): events.
# General knowledge of political news.
_EVENT_NAME = re.compile(r"^(?:state of the union|queen'?s speech|king'?s speech)(?: address(?:es)?| speech(?:es)?)?$")


# Labels the model gives a religion or its branch (RELIGIONS: "Islam" GPE, "Shia" GPE, "Shias"
# ORG in crawls of Middle East news); OntoNotes files religious groups under NORP. Not a span
# tagged PERSON ("Islam" of a cut "Saif al-Islam").
_RELIGION_FIXABLE = frozenset({"GPE", "LOC", "FAC", "ORG", "PRODUCT", "WORK_OF_ART"})


def corrected_label(text: str, label: str, titled: bool = False) -> tuple[str, str]:
    """(label, evidence): known names, honorifics and head words over the model's label."""
    if _DISEASE.search(text.strip()):
        return "DISEASE", "name"
    if label in _RELIGION_FIXABLE and fold(text) in RELIGIONS:
        return "NORP", "name"
    if _HYPHENED_TOWN.match(text.strip()) and label in _GPE_FIXABLE:
        return "GPE", "name"
    low = " ".join(text.lower().split())
    if low.startswith("the "):
        low = low[4:]
    if _EVENT_NAME.match(low) and label in _ORG_FIXABLE | {"ORG"}:
        return "EVENT", "name"
    if low in ORG_NAMES and label in _ORG_FIXABLE:
        return "ORG", ""
    if low in PLACE_NAMES and label in _GPE_FIXABLE:
        return "GPE", ""
    words = text.split()
    if label in _ORG_FIXABLE and len(words) > 1 and words[0].lower() in CLUB_FIRST_WORDS and words[1][:1].isupper():
        return "ORG", "name"  # "Sporting Valdora" tagged a person: a club
    if label == "WORK_OF_ART" and len(words) > 1 and words[0].lower() in _ROMANCE_OR_CITE:
        return "GPE", ""  # "Cite Soleil" tagged as a work in most of a crawl's sentences: the district
    if label == "PERSON" and len(words) > 1 and words[0].lower() in _PLACE_FIRST_WORDS \
            and head_label(text, "GPE") != "ORG":  # "New Labour": a party
        last = words[-1]
        if last[:1].isupper() and (is_demonym(last) or last.endswith("s") and is_demonym(last[:-1])):
            return "NORP", ""  # "Puerto Ricans", "South Africans": the place's people
        return "GPE", ""
    if label == "PERSON" and len(words) > 1 and _peoples_plural(words[-1]):
        return "NORP", ""  # "Scared Russians" in a reader's comment: no one's surname is a people
    # "Gulf Arab states", "a Middle Eastern conflict": an adjective, no place (NORP too: the head
    # word "Gulf" of "Gulf of Aden" would make it a place below); not "Cap Haitian", a town
    # ("Cap-Haitien") spelled with its people's word
    if label in ("GPE", "LOC", "NORP") and adjective_name(text) and words[0].lower() not in ROMANCE_PLACE_STARTS:
        return "NORP", ""
    if label == "FAC" and len(words) > 1 and (words[0].lower() in ROMANCE_PLACE_STARTS - {"port"}
                                              or any(w in PLACE_PARTICLES for w in words[1:-1])):
        return "GPE", ""  # "Santo Domingo", "Port au Prince" tagged as a facility: a city
    if label in ("GPE", "LOC", "PERSON") and len(words) == 1 and len(text) > 4 and text.endswith("s") \
            and text[:1].isupper() and not text.isupper() and is_demonym(text[:-1]):
        return "NORP", ""  # a people in the plural ("Alawites", "Pakistanis") is no place or person
    if label == "PERSON" and not titled and len(words) > 1 and fold(words[-1]) in PLACE_NAMES \
            and fold(words[-1]) not in _PLACE_SURNAMES and words[0].lower().rstrip(".") not in HONORIFICS \
            and words[0].lower().rstrip(".") not in TITLE_WORDS:  # "President Assad Turkey": a person and a place
        return "ORG", COUNTRY_COMPANY  # "Garuda Indonesia", "Telkom Indonesia": a company named for its country
    if label != "PERSON" and len(words) > 1 and words[0].lower().rstrip(".") in _PERSON_TITLES \
            and all(w[:1].isupper() for w in words[1:]) and not head_label(text, "PERSON"):
        return "PERSON", "name"
    if titled and label in TITLED_FIXABLE and full_name_shape(text):
        return "PERSON", "name"  # "chief executive [Ines Marlow]" tagged ORG: a titled name is a person's
    head = head_label(text, label)
    if head:
        return head, "name"
    return label, ""


def _peoples_plural(word: str) -> bool:
    """A people's name in the plural (``Russians``, ``Haitians``; not ``Williams``)."""
    return len(word) > 4 and word[:1].isupper() and not word.isupper() and word.endswith("ns") \
        and is_demonym(word[:-1])


def full_name_shape(text: str) -> bool:
    """Could ``text`` be a person's full name: 2-3 capitalised words, none a known place or
    organisation, no head word of another kind of name (``Gotthard Bank``, though Bank is a
    surname too), no company's legal form?"""
    words = text.split()
    return _PERSON_LIKE_WORDS[0] <= len(words) <= _PERSON_LIKE_WORDS[1] \
        and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words) \
        and not any(is_place_key(fold(w)) or fold(w) in ORG_NAMES for w in words) \
        and not head_label(text, "NORP") and not legal_form(text)  # NORP: any head word counts
