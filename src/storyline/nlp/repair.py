"""Repairing crawled text before parsing, keeping a map back to the original offsets.

Real crawls strip apostrophes, quote marks, ``@`` and ``#``: ``dont``, ``Bidens plan``,
``BWallaceMP``. The small English model then tags ``Bidens`` as a person and splits
contractions badly. :func:`repair` puts back what can be put back with certainty and
nothing else:

* contractions that are not also English words (``dont`` -> ``don't``, ``theyre`` ->
  ``they're``); ambiguous ones (``were``, ``well``, ``ill``, ``shell``, ``its``...) only where
  the next word makes it certain (``its a`` -> ``it's a``);
* possessives of known names (``Bidens plan`` -> ``Biden's plan``) when the base form is in
  ``known_names`` and the word is not a plural or a nationality (``Americans``, ``Democrats``
  stay) and is not followed by a word that marks a plural subject (``Bidens said``);
* social handles fused into a name (``JaneHaleMP`` -> ``Jane Hale MP``) when certain.

Every repair is an *insertion* (an apostrophe or a space), so the map back to the original
is one sorted list of inserted positions: :meth:`Repaired.to_original` is a bisection.
Pure Python and regular expressions: a few microseconds per sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Repaired", "repair", "repair_article", "article_names", "name_counts", "possessive_base", "is_contraction",
           "CONTRACTIONS", "PLURAL_FOLLOWERS", "CAPITALISED"]


@dataclass(frozen=True)
class Repaired:
    """Repaired text plus the positions (in ``text``) of every inserted character."""

    text: str
    original: str
    inserted: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.inserted)

    def to_original(self, i: int) -> int:
        """Offset in the repaired text -> offset in the original text.

        An inserted character maps to the original character after it, so an exclusive end
        offset maps to an exclusive end offset. ``len(text)`` maps to ``len(original)``."""
        if not self.inserted:
            return max(0, min(i, len(self.original)))
        i = max(0, min(i, len(self.text)))
        return i - bisect_left(self.inserted, i)


# Contractions whose apostrophe-less form is not an English word (or only a rare one:
# "cant", "wont"), so restoring them is safe anywhere. Written from general knowledge of
# English; the value gives where the apostrophe goes (its index in the word).
CONTRACTIONS: dict[str, int] = {
    w: len(w) - 1 for w in (
        "dont", "doesnt", "didnt", "cant", "couldnt", "wouldnt", "shouldnt", "isnt",
        "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "wont", "mustnt", "neednt",
        "mightnt", "aint", "darent", "shant",
    )
}
CONTRACTIONS.update({
    "theyre": 4, "youre": 3, "weve": 2, "youve": 3, "theyve": 4, "ive": 1, "im": 1,
    "theyll": 4, "youll": 3, "itll": 2, "hed": 2, "youd": 3, "theyd": 4, "thats": 4,
    "whats": 4, "theres": 5, "heres": 4, "wheres": 5, "whos": 3, "hes": 2, "shes": 3,
    "wouldve": 5, "couldve": 5, "shouldve": 6, "mustve": 4, "yall": 1, "theyve": 4,
    "whatre": 4, "wholl": 3, "howd": 3, "whyd": 3, "thatll": 4, "therell": 5,
})

# Ambiguous forms: restored only when the next word settles it. "its" is possessive before
# a noun and "it's" before these words (function words, participles, predicative adjectives:
# a closed list from English grammar, not from any data set).
_ITS_BEFORE = frozenset(
    "a an the not been being going gonna got never also just still now about too so very "
    "no clear unclear likely unlikely possible impossible important true false hard easy "
    "difficult over all time here there what when because only already really".split()
)
# "were" -> "we're", "well" -> "we'll" etc. before these words only.
_WE_BEFORE = frozenset("going gonna not all here ready trying looking working hoping".split())
# "Ill" with its capital is "I'll" before a verb "I'll" takes (a closed list from English
# grammar): "And Ill say it again"; "Ill health forced ...", "Chicago, Ill." stay.
_I_WILL_BEFORE = frozenset(
    "be have do go get make take say tell never just still try let give keep put come see look work "
    "call write send ask show find leave stay probably also always not bet miss need".split()
)
# ... and only where "were" has no subject before it: at the start of a sentence or a clause
# (after punctuation), or after these words, which are no subject ("But were going",
# "I think were going"); "the troops were not withdrawn", "they were all", "who were trying"
# keep "were". A closed list of conjunctions, adverbs and verbs that take a clause.
_WE_AFTER = frozenset(
    "and but so because if when where what now then today tonight here also again think thought guess "
    "hope know knew believe feel mean said say says told tell sure confident".split()
)
_AMBIGUOUS: dict[str, tuple[int, frozenset[str]]] = {
    "its": (2, _ITS_BEFORE),
    "were": (2, _WE_BEFORE),
}

# Words after which an -s form is a plural subject, not a possessive ("Americans said",
# "the Bidens are"): auxiliaries, common reporting verbs, prepositions and conjunctions.
PLURAL_FOLLOWERS = frozenset(
    "are were have had do did will would can could should may might must said say says "
    "told tell claim claimed believe believed want wanted and or but nor who which that "
    "whom whose in on at to of from for with by as than into over after before during "
    "under about against between among also all both themselves".split()
)

# A base that ends like a nationality, party or group noun: its -s form is a plural.
# (Not "-i" or "-an": too many surnames end so: Modi, Draghi, Erdogan, Sullivan.)
_DEMONYM_END = re.compile(r"(?:ian|ean|ican|ese|crat|ist|ite|ic)$")
_DEMONYM_WORDS = frozenset(
    "German Afghan Thai Kurd Turk Brit Scot Dane Swede Pole Finn Czech Greek Arab Jew "
    "Muslim Sikh Hindu Serb Croat Slovak Tory Liberal Conservative Republican Democrat "
    "Cuban Kenyan Moroccan Libyan Iraqi Uzbek Kazakh Tajik Tatar Basque Catalan Roman "
    "Mexican Samoan Tibetan Korean Chilean Ugandan Rwandan Sudanese Nepali Somali Yemeni "
    "Saudi Israeli Pakistani Kuwaiti Qatari Omani Emirati Bangladeshi Azerbaijani Iranian "
    "Norman Saxon Celt Viking Palestinian Ukrainian Russian American Canadian Australian "
    "Labour Green Independent Briton Filipino Latino Maori Spaniard "
    "British English French Dutch Irish Welsh Scottish Spanish Danish Polish Swedish Finnish "
    "Turkish Kurdish Swiss "
    # nationalities whose ending is none of _DEMONYM_END's, and peoples of world news (round 19:
    # "Bahrainis" a person and "Berber" a place in crawls of Libya and Iraq news)
    "Bahraini Venezuelan Cypriot Angolan Guatemalan Nicaraguan Honduran Salvadoran Uruguayan "
    "Paraguayan Lankan Afghani Argentine Kyrgyz Turkmen Moldovan Montenegrin Kosovar Burkinabe "
    "Chechen Berber Tuareg Bedouin Pashtun Baluch Hazara Tamil Uighur Uyghur Yazidi Copt".split()
)
# Places ending like a demonym that are names, not plurals (general knowledge).
_NOT_DEMONYM = frozenset(
    "Iran Japan Sudan Taiwan Oman Jordan Pakistan Afghanistan Kazakhstan Uzbekistan "
    "Kyrgyzstan Turkmenistan Tajikistan Kurdistan Azerbaijan Bhutan Tehran Wuhan Milan "
    "Amman Michigan Vatican Delhi Mali Malawi Haiti Burundi Brunei Fiji Nairobi Dhabi "
    "Helsinki Karachi Riyadh Brussels".split()
)
# Names whose last word ends in a plural s, never a stripped possessive of the singular
# that the article also writes as a name ("Secretary of State" made "the United States
# was" into "United State's"; "Philippine officials" would make "Philippines" "Philippine's").
_PLURAL_NAME_WORDS = frozenset(
    "States Nations Emirates Islands Airlines Airways Motors Industries Brothers Times News "
    "Affairs Forces Services Systems Partners Holdings Communications Resources Securities "
    "Games Olympics Netherlands Philippines Bahamas Maldives Seychelles Comoros Falklands "
    "Highlands Lowlands Midlands Territories Provinces Heights Mountains Rockies Alps Andes "
    "Himalayas Americas Commons Lords Representatives Relations Rights Arms Works Sciences "
    "Studies Ventures Technologies Laboratories Pictures Records Guards Marines Rangers "
    "Rovers Wanderers Athletics Giants Yankees Lakers Celtics Mets Nationals".split()
)
# Surnames that are a first name plus s: never read as a possessive of the first name.
_S_SURNAMES = frozenset(
    "Williams Edwards Roberts Richards Peters Phillips Stevens Evans Simmons Adams Andrews "
    "Matthews Reynolds Daniels Michaels Harris Jones Davis Hughes Collins Owens Rogers "
    "Francis Lewis Stephens Dennis Rivers Powers Myers Watkins Jenkins Perkins Hopkins "
    "Wilkins Dickens Thomas Charles James Nicholas".split()
)

_WORD = re.compile(r"[^\W\d_]+")
# Fused handle: capitalised words run together, ending in a parliamentary suffix
# (JaneHaleMP, BWallaceMP): the suffix makes it certain it is a name, not a brand.
_HANDLE = re.compile(r"^((?:[A-Z](?=[A-Z][a-z]))?(?:[A-Z][a-z]+){1,3})(MP|MEP|MSP|MLA|MPP|TD)$")
_CAMEL = re.compile(r"[A-Z][a-z]+")
# Name prefixes that make CamelCase legitimate (McDonald, DeSantis, MacArthur...), and the
# Arabic article written joined to a surname (ElBaradei). Not "Al": a handle fused from
# "Al Gore" is the given name and the surname.
_CAMEL_PREFIXES = frozenset("Mc Mac De Di Da Du Le La Van Von O St El".split())


def repair(text: str, known_names: Collection[str] = ()) -> Repaired:
    """Restore stripped apostrophes and split fused handles where certain.

    ``known_names``: capitalised words known to be names (the article's other capitalised
    tokens, the corpus's entity names); a possessive is restored only for a known base.
    Never raises; returns the text unchanged when nothing is certain."""
    if not isinstance(text, str) or not text:
        return Repaired(text if isinstance(text, str) else "", text if isinstance(text, str) else "")
    known = known_names if isinstance(known_names, (set, frozenset, dict)) else frozenset(known_names)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    inserts: list[tuple[int, str]] = []  # (original offset, inserted string)
    for k, (start, end, word) in enumerate(words):
        nxt = _next_word(text, words, k)
        prev = words[k - 1][2] if k and _adjacent(text, words[k - 1][1], start) else ""
        pos = _apostrophe(word, nxt, prev, known)
        if pos is not None:
            inserts.append((start + pos, "'"))
            continue
        for cut in _handle_cuts(word, known):
            inserts.append((start + cut, " "))
    if not inserts:
        return Repaired(text, text)
    parts: list[str] = []
    positions: list[int] = []
    last = 0
    shift = 0
    for at, s in inserts:
        parts.append(text[last:at])
        positions.extend(range(at + shift, at + shift + len(s)))
        parts.append(s)
        shift += len(s)
        last = at
    parts.append(text[last:])
    return Repaired("".join(parts), text, tuple(positions))


def repair_article(texts: Sequence[str]) -> list[Repaired]:
    """An article's sentences repaired, each with the article's capitalised words for names
    (:func:`article_names`): what the analysis parses."""
    known = article_names(texts)
    return [repair(t, known) for t in texts]


def is_contraction(word: str) -> bool:
    """Whether ``word`` (without its apostrophe) is a contraction :func:`repair` restores,
    anywhere or before the right word (``dont``, ``its``, ``were``, ``Ill``): no name."""
    low = word.lower()
    return low in CONTRACTIONS or low in _AMBIGUOUS or low == "ill"


def _adjacent(text: str, prev_end: int, start: int) -> bool:
    """True when only spaces separate two words (no sentence punctuation between)."""
    return not text[prev_end:start].strip()


def _next_word(text: str, words: list[tuple[int, int, str]], k: int) -> str:
    """The following word when only spaces separate it from word ``k``; else ``""``."""
    if k + 1 >= len(words) or not _adjacent(text, words[k][1], words[k + 1][0]):
        return ""
    return words[k + 1][2]


def _apostrophe(word: str, nxt: str, prev: str, known: Collection[str]) -> int | None:
    """Where to insert an apostrophe in ``word``, or None."""
    low = word.lower()
    if low in CONTRACTIONS and _contraction_ok(word, low, prev):
        return CONTRACTIONS[low]
    if word == "Ill" and nxt in _I_WILL_BEFORE:
        return 1
    if low in _AMBIGUOUS:
        pos, before = _AMBIGUOUS[low]
        if nxt.lower() in before and (low != "were" or not prev or prev.lower() in _WE_AFTER):
            return pos
        return None
    if _is_possessive(word, nxt, known) or _is_place_possessive(word, nxt, prev) or _is_y_possessive(word, nxt):
        return len(word) - 1
    return None


# A lower-case word ending in a consonant and "ys": English spells the plural "-ies", so the s
# is a stripped possessive ("the countrys army", "the partys leader"); "days", "keys" have a
# vowel before the y.
_Y_POSSESSIVE = re.compile(r"[a-z]{2,}[b-df-hj-np-tv-xz]ys")


def _is_y_possessive(word: str, nxt: str) -> bool:
    """``countrys`` before a word that is no verb or preposition is ``country's``."""
    return bool(nxt) and nxt.lower() not in PLURAL_FOLLOWERS and _Y_POSSESSIVE.fullmatch(word) is not None


def _contraction_ok(word: str, low: str, prev: str) -> bool:
    """Guards for contractions that are also names: "Ive" (Jony Ive), "Im", "Hes"."""
    if word[0].isupper() and low in ("ive", "im", "hes", "hed", "whos"):
        # After a capitalised word it is a surname or initials ("Jony Ive", "Kim Im").
        return not (prev[:1].isupper())
    if word.isupper() and len(word) > 1 and low in ("im", "ive"):
        return False  # "IM", "IVE" are acronyms
    return True


def _is_possessive(word: str, nxt: str, known: Collection[str]) -> bool:
    """``Bidens`` before a noun, with ``Biden`` known, is ``Biden's``."""
    base = possessive_base(word)
    if base is None or base not in known:
        return False
    if not nxt or nxt.lower() in PLURAL_FOLLOWERS:
        return False
    return True


# Continents, beside the known places of ``canonical_names.PLACE_NAMES`` (countries and
# capitals): "Europes biggest aircraft maker" in an article that never writes "Europe" alone.
_CONTINENTS = frozenset("europe asia africa america antarctica oceania eurasia".split())


def _is_place_possessive(word: str, nxt: str, prev: str) -> bool:
    """``United Kingdoms Royal Air Force``, ``Europes biggest``: a known place's name (one
    word, or the last of two) with an ``s`` before a word that is no verb or preposition is
    that place's possessive, even when the article never writes the place without it. For
    one word, only before a lower-case word and not after ``the``: "Frances Arnholt" is a
    woman, "the Americas" a place."""
    base = possessive_base(word)
    if base is None or not nxt or nxt.lower() in PLURAL_FOLLOWERS:
        return False
    from ..canonical_names import PLACE_NAMES  # canonical_names imports this module

    if prev and f"{prev} {base}".lower() in PLACE_NAMES:
        return True
    low = base.lower()
    return (low in PLACE_NAMES or low in _CONTINENTS) and word.lower() not in PLACE_NAMES \
        and prev.lower() != "the" and nxt[:1].islower()


def is_demonym(word: str) -> bool:
    """Whether a capitalised word names a people or party, not a person or place
    (``Syrian``, ``Iraqi``, ``Democrat``; ``Iran`` and ``Milan`` are places)."""
    return word not in _NOT_DEMONYM and (word in _DEMONYM_WORDS or bool(_DEMONYM_END.search(word)))


def possessive_base(word: str) -> str | None:
    """The name ``word`` could be a stripped possessive of (``Bidens`` -> ``Biden``), by its
    form alone: capitalised, ending in a single ``s``, not a plural of a nationality or party
    (``Americans``, ``Democrats``) and not a surname that ends so (``Williams``). ``None``
    otherwise. Whether the base is a known name is the caller's business."""
    if not isinstance(word, str) or len(word) < 3 or not word[0].isupper() or not word.endswith(("s", "S")):
        return None  # "Xs" at least
    base = word[:-1]
    if word in _S_SURNAMES or word in _PLURAL_NAME_WORDS or word.endswith(("ss", "SS")):
        return None  # Ross, Hess: an s-final name, not base + s
    if base not in _NOT_DEMONYM and (base in _DEMONYM_WORDS or _DEMONYM_END.search(base)):
        return None
    return base


def _handle_cuts(word: str, known: Collection[str]) -> list[int]:
    """Offsets inside ``word`` where a space splits a fused handle, or ``[]``."""
    if len(word) < 5 or word.islower() or word.isupper():  # 5: shortest handle "AbcMP"
        return []
    m = _HANDLE.match(word)
    if m:
        return _cuts_between(m.group(1)) + [len(m.group(1))]
    # Plain CamelCase of two known names ("TomasBerg" with "Tomas" and "Berg" seen apart).
    parts = _CAMEL.findall(word)
    if (
        len(parts) == 2
        and "".join(parts) == word
        and parts[0] not in _CAMEL_PREFIXES
        and parts[0] in known
        and parts[1] in known
    ):
        return [len(parts[0])]
    return []


def _cuts_between(stem: str) -> list[int]:
    """Cut points between the capitalised pieces of ``stem`` (a leading initial counts),
    except after a name prefix (``McDonald`` stays whole)."""
    caps = [m.start() for m in re.finditer(r"[A-Z]", stem)]
    return [c for p, c in zip(caps, caps[1:]) if stem[p:c] not in _CAMEL_PREFIXES]


CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+\b")


def article_names(texts: Iterable[str]) -> set[str]:
    """Capitalised words of an article that are not only sentence-initial: the
    ``known_names`` to pass to :func:`repair` for each of its sentences."""
    return set(name_counts(texts))


def name_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each capitalised word is written after a sentence's first word (see
    :func:`article_names`)."""
    names: Counter[str] = Counter()
    for text in texts:
        if not isinstance(text, str):
            continue
        for m in CAPITALISED.finditer(text):
            before = text[: m.start()].rstrip()
            if before and before[-1] not in ".!?:\"'“‘":
                names[m.group()] += 1
    return names
