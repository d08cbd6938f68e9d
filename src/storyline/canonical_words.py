"""Word tables for reading names: honorifics, titles, known places and bodies, particles.

A name as written carries words that are not the name (``Mr``, ``President``, ``Farmer``), words
that join a name's parts (``of``, ``van der``, ``al-``) and names the model mislabels (the
Pentagon as a place, Chad as a person). These tables say which is which; :mod:`canonical_names`,
:mod:`canonical_keys`, :mod:`canonical_roles` and the mention rules read them. Kept apart from
the code so that the lists can be read and extended without reading the parsing.

Every word list here is written from general knowledge of English and of world news, not
from any evaluation data.
"""

from __future__ import annotations

import re

__all__ = [
    "HONORIFICS", "TITLE_WORDS", "DESCRIPTIVE_WORDS", "ORG_NAMES", "PLACE_NAMES", "POST_NOMINALS",
    "GENERATIONAL", "REGNAL", "ORG_SUFFIXES", "CONNECTORS", "ROLE_CONNECTORS", "PLACE_PARTICLES",
    "PARTICLES", "MAX_PARTICLES", "ARTICLE_JOINED", "split_article", "DETERMINERS", "label_class", "RELIGIONS",
    "NATIONALITY_WORDS", "NATIONALITY_PLACES", "PEOPLE_NOUNS",
]

# Religions and their branches (folded), a group's names (NORP) that the model calls places or
# organisations ("Islam" GPE, "Shias" ORG) and that "in X" would make places ("the place of
# women in Islam"). General knowledge.
RELIGIONS = frozenset("""islam christianity judaism hinduism buddhism sikhism catholicism protestantism
    shia shias shiite shiites shiism sunni sunnis sunnism""".split())

# Honorifics and the gender they state ("" when they state none).
HONORIFICS: dict[str, str] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
    "dame": "f", "lady": "f", "madam": "f", "dr": "", "prof": "", "professor": "",
    "rev": "", "reverend": "", "hon": "", "mx": "",
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "emir": "m", "sheikh": "m",
}

# Words that make a capitalised phrase a title or a role, not part of a person's name.
TITLE_WORDS = frozenset(
    """president minister secretary chancellor senator sen rep representative congressman
    congresswoman governor gov mayor general gen lt lieutenant colonel col admiral adm
    captain capt major maj sergeant sgt commander corporal marshal pope cardinal bishop
    archbishop monsignor msgr rabbi imam sultan ayatollah chairman chairwoman chair chairperson ceo cfo coo
    cto chief executive spokesman spokeswoman spokesperson judge justice ambassador
    commissioner director leader speaker attorney deputy acting former vice premier
    presiding officer head founder cofounder co-founder manager analyst economist envoy
    adviser advisor aide counsel secretary-general president-elect mp mep qc kc coach
    striker midfielder defender goalkeeper captain inspector detective superintendent
    constable trustee treasurer regent dean provost rector principal editor correspondent
    reporter columnist anchor host cllr councillor councilor alderman pte cpl
    brigadier brig lieut cmdr cdr""".split()  # ranks' abbreviations: "NATO Brig. Gen. <name>"
) | frozenset(HONORIFICS)

# Occupations written like a title before a full name at the start of a sentence ("Farmer
# Lars Nyman", "Organiser Beth Carrow"). Only stripped when two name tokens follow: alone they
# are surnames too (Minnie Driver, Frances Farmer). General knowledge of news English.
DESCRIPTIVE_WORDS = frozenset(
    """farmer organiser organizer volunteer resident driver protester protestor campaigner
    activist lawyer student teacher nurse pilot engineer businessman businesswoman owner boss
    shopkeeper landlord veteran survivor witness fisherman miner worker official financier
    investor billionaire millionaire tycoon magnate entrepreneur industrialist banker trader
    broker""".split()
)

# Institutions named by their building or address; the model tags them FAC or GPE. Armed and
# political movements of world news (Taliban, Hamas, Hezbollah) the model also tags as people
# or groups, and whose names are close to people's (Talabani).
ORG_NAMES = frozenset(
    "pentagon kremlin elysee élysée nato un eu whitehall congress senate bundestag duma "
    "knesset politburo vatican treasury unicef unhcr unesco unrwa wfp imf oxfam msf icrc "
    "interpol opec asean fifa mod taliban hamas hezbollah".split()
) | frozenset([
    "white house", "downing street", "capitol hill", "state department", "foreign office",
    "home office", "quai d'orsay", "holy see", "european commission", "security council",
    # international bodies and aid agencies the model calls places or people in disaster news
    "red cross", "red crescent", "save the children", "amnesty international", "human rights watch",
    "world bank", "world health organization", "world health organisation", "world food programme",
    "doctors without borders", "medecins sans frontieres", "international monetary fund",
    "african union", "arab league", "world vision", "christian aid", "care international",
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
) | frozenset([
    "united states", "united kingdom", "us", "uk", "usa", "britain", "great britain",
    "north korea", "south korea", "saudi arabia", "new zealand", "south africa", "hong kong",
    "sri lanka", "czech republic", "united arab emirates", "uae", "soviet union",
])

# A country's or a world place's adjective (``Tunisian``, ``Egyptian``, ``Iraqi``, ``Lebanese``),
# made from PLACE_NAMES by the regular endings, and the irregular ones news uses most. A word
# such as ``Brian`` or ``Julian`` only ends like one (:func:`storyline.nlp.repair.is_demonym`
# reads the form alone).
# The place each such adjective names (``egyptian`` -> ``egypt``), regular endings first, a
# longer place's adjective over a shorter one's (``nigerian``: Nigeria, not Niger); irregular
# ones with no place in PLACE_NAMES (``english``, ``welsh``) name none.
NATIONALITY_PLACES: dict[str, str] = {
    **{p + end: p for p in sorted(PLACE_NAMES, key=len) if " " not in p for end in ("n", "an", "ian", "i", "ese")},
    **{p[:-1] + end: p for p in sorted(PLACE_NAMES, key=len) if " " not in p and p[-1] in "aeoy"
       for end in ("an", "ian", "ese")},
}
NATIONALITY_PLACES.update({w: "" for w in "english welsh scottish kurdish".split()})
NATIONALITY_PLACES.update(dict(pair.split(":") for pair in """british:britain french:france dutch:netherlands
    irish:ireland spanish:spain danish:denmark polish:poland swedish:sweden finnish:finland turkish:turkey
    swiss:switzerland german:germany greek:greece thai:thailand afghan:afghanistan saudi:saudi_arabia
    israeli:israel pakistani:pakistan filipino:philippines peruvian:peru argentine:argentina
    argentinian:argentina american:united_states lebanese:lebanon congolese:congo emirati:uae
    norwegian:norway belgian:belgium portuguese:portugal czech:czech_republic cypriot:cyprus somali:somalia
    chilean:chile icelandic:iceland mexican:mexico moroccan:morocco maltese:malta burmese:myanmar
    kazakh:kazakhstan uzbek:uzbekistan tajik:tajikistan kyrgyz:kyrgyzstan turkmen:turkmenistan
    serb:serbia croat:croatia kosovar:kosovo mozambican:mozambique malagasy:madagascar ivorian:ivory_coast
    liberian:liberia mauritanian:mauritania sri_lankan:sri_lanka south_african:south_africa
    north_korean:north_korea south_korean:south_korea soviet:soviet_union""".split()))
NATIONALITY_PLACES = {w.replace("_", " "): p.replace("_", " ") for w, p in NATIONALITY_PLACES.items()}
NATIONALITY_WORDS = frozenset(NATIONALITY_PLACES)

# A people's noun whose adjective is another word (``Kurds`` and ``Kurdish``, ``Turks`` and
# ``Turkish``): one group, keyed by the adjective, as ``Libyans`` and ``Libyan`` share a key.
# The plural's ``s`` is gone by then; ``-men`` plurals are listed. General knowledge of English.
PEOPLE_NOUNS: dict[str, str] = dict(pair.split(":") for pair in """kurd:kurdish turk:turkish brit:british
    briton:british scot:scottish pole:polish dane:danish swede:swedish finn:finnish spaniard:spanish
    jew:jewish jews:jewish englishman:english englishmen:english frenchman:french frenchmen:french dutchman:dutch
    dutchmen:dutch irishman:irish irishmen:irish welshman:welsh welshmen:welsh""".split())

# Post-nominal letters dropped from a person's name ("Jane Hale MP").
POST_NOMINALS = frozenset("mp mep msp mla qc kc phd md obe mbe cbe kbe esq".split())
# Generational suffixes: kept in the name as written, dropped from the key.
GENERATIONAL = frozenset("jr sr ii iii iv".split())
# Regnal numbers, kept after a lone given name (a monarch's, a pope's, a namesake child's).
REGNAL = frozenset("ii iii iv".split())
# Legal and generic company suffixes dropped from an organisation's key.
ORG_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited plc llc llp nv bv ag sa se "
    "spa gmbh group holdings holding".split()
)
# Lower-case words allowed inside a name ("Bank of America", "Ludwig van Beethoven").
CONNECTORS = frozenset("of and & de del della der den van von la le du des au aux da dos das bin bint al el y for on".split())
# Connectors that join a title to its body ("Prime Minister of Singapore"); the others are
# name particles that begin a surname ("President de Gaulle", "El Baradei").
ROLE_CONNECTORS = frozenset("of and & for on".split())
# Particles inside French, Spanish and Portuguese place names, written with spaces or hyphens
# ("Port au Prince", "Santo Domingo de Guzman").
PLACE_PARTICLES = frozenset("au aux de du des la le el da do dos das del".split())
PARTICLES = CONNECTORS - ROLE_CONNECTORS
# A surname's particles come one to three in a row ("van", "van der", "de la", "van de la"
# is rare; 3 bounds the look-back).
MAX_PARTICLES = 3
# Arabic article joined to a name ("al-Assad", "el-Sisi", "ad-Din"): a capitalised word.
ARTICLE_JOINED = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)-[A-Z]")


def split_article(word: str) -> tuple[str, str]:
    """``al-Assads`` -> (``al-``, ``Assads``): an Arabic article joined to a name and the
    name after it; (``""``, ``word``) for a word without one."""
    joined = ARTICLE_JOINED.match(word)
    return (word[: joined.end() - 1], word[joined.end() - 1:]) if joined else ("", word)


# Determiners dropped before a name ("the Pentagon") and skipped in initials and roles.
DETERMINERS = frozenset("the a an".split())


def label_class(label: str) -> str:
    """Which labels can name the same entity: persons, organisations, places, groups."""
    if label in ("PERSON", "PER"):
        return "per"
    if label in ("ORG",):
        return "org"
    if label in ("GPE", "LOC", "FAC"):
        return "loc"
    if label == "NORP":
        return "norp"
    return label.lower() or "other"
