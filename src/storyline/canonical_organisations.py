"""Organisations, places and groups: which entity a name that is no person's is (rule 4 of
:mod:`storyline.canonical`).

Plain functions over the resolver's clusters and indexes (:class:`~storyline.canonical.NameResolver`
calls them with itself):

* a shorter name joins the one longer name it begins (``Northrop`` -> ``Northrop
  Grumman``), and a longer name joins the shorter one it begins, unless the longer one is a
  document, a body, a product or a service the shorter runs (``United Nations Charter``,
  ``Google Analytics``) or adds words to a short acronym (``CNN Student News``; not company
  words the article writes after the acronym: ``KBC Energy ... KBC``, ``KBC ... KBC
  Energy``), in either order of first sight; the same three or more words in another order are one body
  (:func:`resolve_other`);
* an acronym joins the one name whose initials it is, and a bracketed alias links the two
  (:mod:`storyline.canonical_acronyms`, re-exported); a syllabic acronym (``NORSEC``) joins
  the one name it shortens (:mod:`storyline.canonical_syllables`);
* in an article that names a country's body, the body named without the country is that
  one (``the Air Force``, :func:`national_body`), and a body named by its head word alone
  is the article's one body with that head (``the League``, :func:`article_body`);
* a bare word that begins a name the article writes as a company's (``Ford`` beside ``Ford
  Motor Co``, ``Magna`` beside ``Magna International``) is the company, not a namesake's
  surname (:func:`company_words`, :func:`company`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .canonical_acronyms import (
    KNOWN_BODY_MENTIONS, acronym, article_acronym, link_alias, singular, well_known, written_apart,
)
from .canonical_clusters import Cluster
from .canonical_ministries import article_ministry, ministry_slot, stated_ministry
from .canonical_display import cluster_label
from rapidfuzz.fuzz import ratio

from .canonical_names import (
    ALIASES, PLACE_NAMES, NameParts, fold, initials, is_place_key, label_class, name_key, skeleton,
)
from .canonical_syllables import note_syllabic, syllabic_body
from .canonical_types import INSTITUTION_HEADS, VOTING, form_initials, legal_form
from .canonical_typos import misspelled_place
from .nlp.repair import is_demonym
from .records import Mention

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = [
    "company_words", "national_suffix_key", "company", "national_body", "article_acronym", "resolve_other",
    "link_alias", "national_form", "acronym", "COMPANY_WORDS", "institution_word", "article_body", "shortened",
    "known_ministry",
]

# Heads of a document a body issues or is founded on ("United Nations Charter", "UN Security
# Council Resolution"), or of a body it runs ("United Nations Assistance Mission", "United
# Nations Food and Agriculture Organisation"): such a name
# is not a longer form of the body it begins with.
_SEPARATE_HEADS = frozenset(
    "charter resolution resolutions treaty convention accord accords act report plan declaration protocol "
    "statute constitution mission programme program fund organisation organization "
    # a product, service or unit a body runs under its name ("Google Analytics", "Al Jazeera
    # Leaks", "Acme Sports", "Acme Online"); not a medium ("Acme TV", "Acme Magazine" are the
    # broadcaster and the magazine)
    "leaks analytics sports online research "
    # a group inside a body, a school or a paper named after a place or a body ("Senate Farm
    # Caucus", "Harvard Law School", "Dunmere Beacon Journal")
    "caucus school schools journal".split())
# Heads of a body a longer name names after its owner, with "of" or "for" after them ("Velmont
# University School of Public Affairs", "Corvale Institute for Water Studies"): the owner's name
# alone is not that body.
_OWNED_HEADS = INSTITUTION_HEADS | {"school", "institute", "center", "centre", "museum", "hospital"}

# Words that end a company's name after its own name ("Magna International", "AirTran
# Airways"), beside legal forms: the name's first word alone is the company. General knowledge
# of business news.
COMPANY_WORDS = frozenset(
    """international group holdings motor motors airlines airways industries technologies systems
    communications electronics computer capital partners financial energy petroleum
    pharmaceuticals entertainment enterprises networks software""".split())


def company_words(r: NameResolver, mentions: Sequence[Mention],
                  named: Sequence[tuple[NameParts, str]]) -> set[int]:
    """The bare one-word names of an article that are the company it names with a legal
    form (``Ford`` beside ``Ford Motor Co``, ``Dell`` beside ``Dell Inc``), whatever the
    model's label: business news calls a company by its first word, and a person of the
    same name (``Bill Ford``, ``Michael Dell``) by the full name or with a title (``Mr
    Ford``), which keeps it a person. Returns the indexes of those mentions, which are
    resolved as organisations after the article's other names."""
    firsts: dict[str, bool] = {}  # first word -> written with a legal form
    bare: dict[int, tuple[str, str]] = {}
    for i, (mention, (parts, key)) in enumerate(zip(mentions, named)):
        text = mention.span.text
        cls = label_class(mention.label)
        if cls == "org" and key and _company_form(text):
            first = key.split()[0]
            firsts[first] = firsts.get(first, False) or legal_form(text)
        elif cls in VOTING and key and len(text.split()) == 1 and not mention.title \
                and not getattr(mention, "evidence", "") and not parts.title and not parts.gender \
                and not (cls == "norp" and is_demonym(text.strip().title() if text.isupper() else text.strip())):
            # a people's word the model calls one is no company's short name: "Canadian"
            # beside "Canadian Broadcasting Corp" is the people's, and had taken every
            # "Canadian" of the corpus ("American" tagged ORG beside "American Airlines Inc"
            # is still the airline)
            bare[i] = (name_key(parts.name, "ORG"), cls)
    # a known place stays a place ("in Washington" beside "Washington Mutual Inc"), and a
    # name the model calls a place is one unless a legal form says company ("Alaska" beside
    # "Alaska Airlines")
    out = {i for i, (key, cls) in bare.items() if key in firsts and key not in PLACE_NAMES
           and key not in ALIASES and (firsts[key] or cls != "loc")}
    # a company named elsewhere in the corpus, when nobody there or here has the surname
    # ("Magna said" in an article that never writes Magna International)
    lasts = {fold(m.span.text.split()[-1]) for m in mentions if label_class(m.label) == "per" and " " in m.span.text.strip()}
    out.update(i for i, (key, cls) in bare.items() if i not in out and cls == "per" and key not in lasts
               and key not in PLACE_NAMES and not r._live(r._surnames.get(key, ())) and company(r, key))
    return out


def national_suffix_key(r: NameResolver, key: str) -> bool:
    """Is this organisation's key the end of a country's body the article names (``air
    force`` of ``united states air force``)?"""
    return bool(key) and any(national_form(k, key) for k in r._article_keys)


def company(r: NameResolver, key: str) -> str:
    """The one organisation written as a company (a legal form or a company word after
    its name) that is this one-word name or begins with it (``ford`` -> Ford Motor Co),
    or ``""``."""
    found = set()
    for cid in r._live(r._heads.get(("org", key), ())):
        c = r._clusters[cid]
        if c.cls == "org" and c.key.split()[0] == key and any(_company_form(f) for f in c.forms):
            found.add(cid)
    return found.pop() if len(found) == 1 else ""


def national_body(r: NameResolver, key: str, name: str) -> str:
    """The one organisation of this article that is a country's body of this name (``the
    Air Force`` beside ``the United States Air Force``), or the known organisation an
    acronym after a country's name stands for (``UK RAF``: the RAF); else ``""``."""
    tokens = key.split()
    if len(tokens) >= 2 and is_place_key(" ".join(tokens[:-1])) and acronym(name.split()[-1]):
        hit = r.canonical_id(r._keys.get(("org", tokens[-1], ""), ""))
        if hit in r._clusters and r._clusters[hit].cls == "org":
            return r._remember("org", key, hit)
    found = set()
    for cid in r._article:
        c = r._clusters.get(r.canonical_id(cid))
        if c is not None and c.cls == "org" and national_form(c.key, key):
            found.add(c.id)
    return found.pop() if len(found) == 1 else ""


# Heads of a movement's or an alliance's name that news writes alone once it has named the
# body ("the Brotherhood" after "the Muslim Brotherhood", "the Front", "the Coalition"): no
# institution heads (a name they end is still a longer form of the name it begins, and alone
# they are no generic word), but the article's one body so named is the one they mean.
# General knowledge of English news.
_MOVEMENT_HEADS = frozenset("brotherhood alliance coalition movement front".split())


def institution_word(key: str) -> str:
    """The institution word a one-word key is (``council``; ``leagues``, a stripped
    possessive or a plural, is ``league``) or a movement's head (``brotherhood``), or ``""``."""
    word = singular(key) if " " not in key else ""
    return word if word in INSTITUTION_HEADS or word in _MOVEMENT_HEADS else ""


def article_body(r: NameResolver, key: str) -> str:
    """The one body of this article whose name ends in this institution word (``the
    League`` beside ``the Arab League``, ``the Council`` beside ``the UN Security
    Council``): news shortens a body's name to its head word once it has named it. ``""``
    when the article names none or several (``the Council`` beside the Security Council and
    the Syrian National Council)."""
    word = institution_word(key)
    found = set()
    for cid in r._article if word else ():
        c = r._clusters.get(r.canonical_id(cid))
        if c is not None and c.cls == "org" and shortened(c.key, word):
            found.add(c.id)
    return found.pop() if len(found) == 1 else ""


def shortened(full: str, word: str) -> bool:
    """Whether the key ``word`` is the key ``full`` shortened to its head word."""
    tokens = full.split()
    return len(tokens) > 1 and " " not in word and singular(tokens[-1]) == singular(word)


def resolve_other(r: NameResolver, cls: str, key: str, parts: NameParts, group: str) -> str:
    known = r._keys.get((cls, key, ""))
    if known and r.canonical_id(known) in r._clusters:
        return r.canonical_id(known)
    tokens = key.split()
    name = parts.name.replace(".", "")
    # Acronyms in news are 2-6 capitals (UN, GAO, NASDAQ); longer all-caps is shouting.
    if len(tokens) == 1 and 2 <= len(name) <= 6 and name.isupper():
        hits = {i for i in r._local(r._live(r._acronyms.get((cls, key), ())), group)
                if not stated_ministry(r, r._clusters[i].key)}
        if len(name) < _CORPUS_ACRONYM:  # two letters collide across a corpus: only the article's
            hits = set()
        if len(hits) == 1:
            return r._remember(cls, key, hits.pop())
        hit = syllabic_body(r, cls, key) if not hits else ""
        if hit:  # "NORSEC" of the Northern Security Council
            return r._remember(cls, key, hit)
    # The same three or more words in another order name the same body: writers differ
    # on "National Transitional Council" / "Transitional National Council"
    reordered = (cls, "~" + " ".join(sorted(tokens)), "") if cls == "org" and len(tokens) >= 3 else None
    if reordered:
        hit = r.canonical_id(r._keys.get(reordered, ""))
        if hit in r._clusters and r._clusters[hit].cls == cls:
            return r._remember(cls, key, hit)
    if cls in _PREFIXED:
        hit = (_before_place(r, tokens) if cls == "org" else "") or _prefix_match(r, cls, tokens, group, parts.name)
        if hit:
            return r._remember(cls, key, hit)
    # An Arabic place's or body's name romanised with other vowels ("Deir al-Zour" / "Deir
    # al-Zor", "Jisr al-Shughour" / "al-Shughur", "al-Qaida" / "al-Qaeda"): the same consonant
    # skeletons, word by word, and keys at least entities.romanisation_ratio alike. Only
    # names written with a joined Arabic article: English names with the same consonants are
    # other places ("Mill Street"); a place of one word takes the article's own key word.
    romanised = (cls, "~skeleton " + " ".join(map(skeleton, tokens)), "") \
        if (cls == "org" or cls == "loc" and len(tokens) >= 2) and _ARABIC_ARTICLE.search(parts.name) else None
    if romanised:
        hit = r.canonical_id(r._keys.get(romanised, ""))
        if hit in r._clusters and r._clusters[hit].cls == cls \
                and ratio(r._clusters[hit].key, key) >= r.settings["entities.romanisation_ratio"]:
            return r._remember(cls, key, hit)
    form = arabic_place_form(parts.name) if cls == "loc" else ""
    arabic = (cls, "~arabic " + form, "") if form else None
    if arabic:
        # the other spelling seen first, as a new place or under its own key (a place the
        # model first called a person is known by its key only)
        for slot in (arabic, (cls, form, "")):
            hit = r.canonical_id(r._keys.get(slot, ""))
            if hit in r._clusters and r._clusters[hit].cls == cls:
                return r._remember(cls, key, hit)
    hit = misspelled_place(r, cls, key)
    if hit:  # "Egipt" beside the corpus's many "Egypt"
        return hit
    c = r._new(cls, key)
    if reordered:
        r._keys[reordered] = c.id
    if romanised:
        r._keys[romanised] = c.id
    if arabic:
        r._keys[arabic] = c.id
    for acro in {initials(key), form_initials(parts.name)} if not stated_ministry(r, key) else ():
        # Backwards (acronym seen first) only from 3 letters: two-letter initials collide.
        aid = r.canonical_id(r._keys.get((cls, acro, ""), "")) if len(acro) >= 3 else ""
        if aid in r._clusters and aid != c.id:
            earlier = r._clusters[aid]
            if earlier.forms and all(f.replace(".", "").isupper() for f in earlier.forms) \
                    and not (well_known(earlier) and written_apart(r, c, acro)):
                r._merge(earlier, c)  # "GAO" seen before "Government Accountability Office"
    note_syllabic(r, c)
    return c.id


# The fewest letters of an acronym read as the one name of the corpus with those initials:
# two letters collide (``CS`` of a tear gas is no ``CNN Student News``, whose network is in
# every story), and are read only within the article (:func:`article_acronym`).
_CORPUS_ACRONYM = 3
# Classes whose shorter name joins the one longer name it begins: bodies, and events
# ("the State of the Union" / "the State of the Union address").
_PREFIXED = frozenset({"org", "event"})
# An Arabic article joined to a name's word ("Deir al-Zour", "Ras el-Ain").
_ARABIC_ARTICLE = re.compile(r"\b(?:[Aa]l|[Ee]l|ad|an|ar|as|ash|at|az)-[A-Z]")
# The Arabic article "al" opening a place's name, joined or apart ("al-Brega", "Al Anbar"):
# writers keep or drop it. Not Spanish "El" (El Salvador is no Salvador).
_LEADING_AL = re.compile(r"^[Aa]l[- ](?=[A-Z])")
# A final "-ah" (Arabic ta marbuta), which writers romanise "-a" or "-ah" ("Ajdabiya" /
# "Ajdabiyah", "Zawiya" / "Zawiyah", "Raqqa" / "Raqqah"); 5 letters at least.
_FINAL_AH = re.compile(r"(?<=\w{3})ah$")


def arabic_place_form(name: str) -> str:
    """A place's name without the Arabic article opening it and with a final ``-ah`` written
    ``-a``, keyed: the form that ``al-Brega`` and ``Brega``, ``Ajdabiyah`` and ``Ajdabiya``
    share, so that a place romanised both ways is one place."""
    return _FINAL_AH.sub("a", name_key(_LEADING_AL.sub("", name.strip()), "GPE"))


def _before_place(r: NameResolver, tokens: list[str]) -> str:
    """The known organisation a name begins when the rest of it is a place run in after it
    (``Reuters Syria`` of a video caption ``Julie Noce, Reuters Syria remains in ...``, where
    the article never writes Reuters alone), or ``""``."""
    for n in range(len(tokens) - 1, 0, -1):
        if is_place_key(" ".join(tokens[n:])):
            head = " ".join(tokens[:n])
            c = r._clusters.get(r.canonical_id(r._keys.get(("org", head, ""), "")))
            if c is not None and c.cls == "org" \
                    and sum(k for f, k in c.forms.items() if fold(f) == head) >= KNOWN_BODY_MENTIONS:
                return c.id
    return ""


# Words that begin several well-known names (``united`` of the United States, Kingdom and
# Nations, ``world`` of the World Bank and the World Health Organization): alone, such a word is
# no shorter form of a name it begins (a bare "United" of a football report had taken "US
# Airways", whose key is "united states airways").
_GENERIC_FIRST_WORDS = frozenset(
    w for w, n in Counter(k.split()[0] for k in {key for key, _ in ALIASES.values()} if " " in k).items() if n >= 2)


def _generic(tokens: list[str]) -> bool:
    """A one-word name that begins every name of its kind (``the Council``) or several
    well-known names (``United``)."""
    return len(tokens) == 1 and (tokens[0] in INSTITUTION_HEADS or tokens[0] in _GENERIC_FIRST_WORDS)


# A state's ministry named with the state (``Northford Ministry of Defence``) is no longer form
# of the state's name, which the model often tags ORG (:mod:`storyline.canonical_ministries`).
_STATE_BODY = "ministry"


def _prefix_match(r: NameResolver, cls: str, tokens: list[str], group: str, name: str = "") -> str:
    """The one organisation this name (written ``name``) begins (or that begins this name)."""
    if _generic(tokens):
        return ""  # "the Council" alone begins every council's name and is none of them
    if _shouted(name):
        return ""  # "they were WHITE!" is no White House
    ids = r._live(r._heads.get((cls, tokens[0]), ()))
    longer, shorter = set(), []
    for cid in ids:
        other = r._clusters[cid].key.split()
        if r._clusters[cid].cls != cls:
            continue  # became a place by the label vote
        if len(other) > len(tokens) and other[: len(tokens)] == tokens and other[-1] not in INSTITUTION_HEADS \
                and not _another_thing(other[len(tokens):], _short_acronym(name) and not _company_here(r, cid, tokens)):
            longer.add(cid)
        elif len(other) < len(tokens) and tokens[: len(other)] == other and tokens[-1] not in INSTITUTION_HEADS \
                and not _generic(other) and not _a_persons(r._clusters[cid]) \
                and not all(_shouted(f) for f in r._clusters[cid].forms) \
                and not _another_thing(tokens[len(other):], _written_as_acronym(r._clusters[cid])):
            shorter.append((len(other), cid))
    longer = r._local(longer, group)
    if len(longer) == 1:
        return longer.pop()
    for _, cid in sorted(shorter, reverse=True):
        if not longer and not _has_other_extension(r, r._clusters[cid], tokens):
            return cid
    return ""


def _another_thing(added: list[str], after_acronym: bool) -> bool:
    """Do the words a longer name adds to an organisation's name make it another thing than
    the organisation: a document or body it runs, a product or a service (a head word of
    :data:`_SEPARATE_HEADS`: ``Google Analytics``), a body it owns (a head of
    :data:`_OWNED_HEADS` with ``of`` or ``for``), a state's ministry, or any words after
    a name the body is written as a short acronym (``CNN Student News``, ``QTV Global
    Research``, ``QTV Morning Hour``: such an acronym is a body's whole name, and what follows it
    names its unit or programme)? Digits run into the last word by a stripped dash
    (``News-4021``) are no part of the word."""
    return added[-1].rstrip("0123456789") in _SEPARATE_HEADS or _STATE_BODY in added or after_acronym \
        or any(w in _OWNED_HEADS and nxt in ("of", "for") for w, nxt in zip(added, added[1:]))


def _company_here(r: NameResolver, cid: str, tokens: list[str]) -> bool:
    """Is the acronym ``tokens`` written in this article with a company's name it begins, the
    rest of which is company words (``JBC Energy ... JBC said``, or ``JBC`` in a headline
    before ``JBC Energy``)? A firm's short name then, not a unit of the body the acronym names
    (``CNN Student News``). Only for an acronym new to the corpus: a known one is resolved by
    its key before this rule is asked."""
    c = r._clusters[cid]
    return any(k in r._article_lines and k.split()[: len(tokens)] == tokens
               and all(w in COMPANY_WORDS for w in k.split()[len(tokens):]) for k in c.keys | {c.key})


# The most letters of an acronym read as a body's whole name by :func:`_another_thing`: longer
# all-capitals is as often a name shouted in a headline (``EXXON``, ``WHITE``).
_WHOLE_ACRONYM = 4


def _shouted(name: str) -> bool:
    """A one-word name in capitals, longer than a body's acronym, that is a word of the
    dictionary (``WHITE``, a reader's shouted adjective): no shorter form of a longer name it
    begins (``White House``), though the model tags it a body and the mention layer keeps a
    word the article writes in a name. ``EXXON``, no dictionary word, is still Exxon Mobil."""
    word = name.replace(".", "")
    if " " in name or not word.isalpha() or not word.isupper() or len(word) <= _WHOLE_ACRONYM:
        return False
    from .nlp.engine import dictionary_word  # WordNet's words: read once, when first needed

    return dictionary_word(word.lower())


def _short_acronym(name: str) -> bool:
    return acronym(name) and len(name.replace(".", "")) <= _WHOLE_ACRONYM


def _written_as_acronym(c: Cluster) -> bool:
    """Is an organisation written mostly as a short acronym (``CNN``)?"""
    form, _ = max(c.forms.items(), key=lambda f: (f[1], f[0]), default=("", 0))
    return _short_acronym(form)


def _a_persons(c: Cluster) -> bool:
    """Is ``c`` an organisation's key the label vote has made a person's name (``Qaddafi``,
    tagged ORG the first time and PERSON since)? A longer name that begins with it is no
    longer form of it: two names the model ran together (``Qaddafi and Opposition``) or a
    body named after the person (``Qaddafi Foundation``); joined, the person took the
    body's mentions and the run-together name as its display."""
    return cluster_label(c) == "PERSON"


def _has_other_extension(r: NameResolver, c: Cluster, tokens: list[str]) -> bool:
    """Has ``c`` (``Apple``) already absorbed a longer name (``Apple Computer``) that is
    not compatible with ``tokens`` (``Apple Corps``)? Then ``tokens`` is ambiguous."""
    base = c.key.split()
    for key in c.keys:
        other = key.split()
        if len(other) > len(base) and other[: len(base)] == base:
            n = min(len(other), len(tokens))
            if [singular(t) for t in other[:n]] != [singular(t) for t in tokens[:n]]:
                return True
    return False


def national_form(full: str, key: str) -> bool:
    """Whether the key ``full`` is ``key`` after a country's or world place's key (``united
    states air force`` of ``air force``)."""
    return full.endswith(" " + key) and is_place_key(full[: -len(key) - 1])


def _company_form(form: str) -> bool:
    """A name written as a company's: with a legal form or a company word after it."""
    words = form.split()
    return legal_form(form) or len(words) > 1 and fold(words[-1]) in COMPANY_WORDS


def known_ministry(r: NameResolver, key: str, parts: NameParts) -> str:
    """The ministry this name is (:mod:`storyline.canonical_ministries`): the one the
    article named with its state, for a ministry written without one, else the body of
    this portfolio and state written another way (``Defence Ministry``, ``Ministry of
    Defence``); ``""`` for no ministry's name, or a body of a country the article names
    that the existing rule reads (:func:`national_body`)."""
    slot = ministry_slot(r, key)
    if not slot or national_body(r, key, parts.name):
        return ""
    cid = article_ministry(r, slot) or r.canonical_id(r._keys.get(("org", slot, ""), ""))
    return cid if cid in r._clusters and r._clusters[cid].cls == "org" else ""
