"""Entity types from evidence the model does not use: the name's own head word, the words
around it in the article, and votes across the corpus.

The small English model does not know rare or invented places (``Arnholt``, ``Vellmark``,
``Holm``) and labels them PERSON, ORG or NORP, differently from one sentence to the next.
News text says what they are in ways that generalise:

* the name's head word: ``River Kest``, ``Lake X``, ``X Street`` are places, ``X Party``,
  ``X Council``, ``Ministry of X`` organisations (:func:`head_label`);
* words around it (:func:`context_cue`): ``the X valley``, ``X's capital``, ``the people
  of X``, ``mayor of X`` say place (strong cues, they outvote any model label); ``in X``,
  ``across X``, ``near X`` say "not a person" (weak cues: they correct PERSON and NORP, and
  ORG only where the model also called the name a place in that article, since ``a stake
  in X`` is an organisation); ``X troops``, ``X officials`` say "not a person" without
  saying which;
  ``the X`` (one word, no title) says a body, not a person (``the Gazette understands``);
* a one-word name listed among peoples (``Sunnis, Alawites, Christians, Druze and Kurds``)
  is a people too: a list names things of one kind (:func:`_among_peoples`);
* one article, one reading (:func:`type_article`): every mention of a name in an article
  gets the label its cues give, unless the article shows it is a person (a full name ending
  in it, a title or honorific before it);
* across the corpus, :func:`entity_label` lets labels with evidence outvote the model's.

Word lists are written from general knowledge of English news, not from evaluation data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from .canonical_context_cues import (  # noqa: F401  (BODY_KIND, BODY_KIND_AFTER: re-exported)
    BODY, BODY_KIND, BODY_KIND_AFTER, COMPANY, LEADER_AFTER, NONPERSON, PEOPLE, POSSESSIVE_AFTER, STRONG, TEAM, WEAK,
    context_cue,
)
from .canonical_names import fold, initials, is_place_key, label_class
from .canonical_words import ORG_NAMES, PEOPLE_NOUNS, RELIGIONS
from .nlp.repair import is_demonym
from .records import Mention

__all__ = [
    "head_label", "context_cue", "type_article", "entity_label", "legal_form", "form_initials", "STRONG", "WEAK", "NONPERSON", "BODY",
    "COMPANY", "PEOPLE", "TEAM",
    "INSTITUTION_HEADS", "VOTING", "adjective_name", "LEADER_AFTER",
]


# Head words that give a name's type. Places and facilities come first or last ("River
# Kest", "Mill Street"); organisations last or before "of" ("Homeland Party", "Ministry of
# Defence"; "New Labour", "Scottish Labour": the party).
_LOC_FIRST = frozenset("river lake mount mt gulf isle cape".split())
_LOC_HEADS = frozenset(
    "river lake mount mountains valley sea ocean island islands bay gulf peninsula desert "
    "strait canal province county district region".split()
)
_FAC_HEADS = frozenset(
    "street road avenue square lane bridge airport station stadium arena tower hall "
    "hospital church cathedral mosque temple palace prison".split()
)
_ORG_HEADS = frozenset(
    "party council ministry department institute university college agency authority "
    "bank company corporation corp inc ltd plc llc fc times gazette herald news press "
    "committee commission association foundation federation league club airlines airways "
    "motors rovers united athletic rangers wanderers union trust court parliament assembly "
    "service office tv television radio labour labor "
    # a company named after its trade ("Chesapeake Energy", "Varn Pharmaceuticals"), which the
    # model calls a person when the first word is a surname or a place it does not know; none
    # of these is a surname
    "energy holdings industries technologies petroleum pharmaceuticals enterprises software electronics".split()
)
# Heads of a body named after a place, company or person ("Northford Rivers Authority",
# "Google Foundation"): such a name is not a longer form of the name it begins.
INSTITUTION_HEADS = frozenset(
    "party council ministry department institute university college agency authority "
    "committee commission association foundation federation league club union trust court "
    "parliament assembly service office times gazette herald news press".split()
)
# Heads that are also surnames (Nathan Lane, Harry Hall, Charlotte Church, Wiley Post, Jim
# Press, Margaret Court): they never override a PERSON label.
_SURNAME_HEADS = frozenset(
    "lane hall church bridge tower palace court union trust rovers post press times herald "
    "news gazette bank club office service motors athletic rangers wanderers hospital "
    "parliament assembly college".split()
)
_HEAD_LABEL = {**{w: "FAC" for w in _FAC_HEADS}, **{w: "LOC" for w in _LOC_HEADS}, **{w: "ORG" for w in _ORG_HEADS}}


def head_label(name: str, label: str) -> str:
    """The label a multi-word name's head word gives (``LOC``, ``FAC``, ``ORG``), or ``""``
    when it gives none or agrees with ``label``'s class."""
    tokens = name.split()
    if len(tokens) < 2 or not all(t[:1].isupper() or t.lower() in ("of", "the", "and", "&") for t in tokens):
        return ""
    low = [t.lower().strip(".,") for t in tokens]
    if low[0] in _LOC_FIRST and tokens[1][:1].isupper():
        found = "LOC"
        # a body or a building named after a place ("Gulf Cooperation Council", "Mount Sinai
        # Hospital"): its own head word, from three words ("Gulf News" may be the place's news)
        if len(low) > 2 and _HEAD_LABEL.get(low[-1]) in ("ORG", "FAC"):
            found = _HEAD_LABEL[low[-1]]
    elif "of" in low[1:-1]:
        found = _HEAD_LABEL.get(low[low.index("of") - 1], "")
    else:
        found = _HEAD_LABEL.get(low[-1], "")
        if found and label == "PERSON" and low[-1] in _SURNAME_HEADS:
            return ""
    if not found or label_class(found) == label_class(label):
        return ""
    return found


# Adjectives of a direction that end a region's adjective ("Middle Eastern", "South Western").
_DIRECTION_ADJECTIVES = frozenset("eastern western northern southern".split())


def adjective_name(text: str) -> bool:
    """Whether a name of two or more words ends in a people's or a direction's adjective
    (``Gulf Arab``, ``Middle Eastern``, ``Latin American``): it qualifies a noun (``Gulf Arab
    states``, ``a Middle Eastern conflict``) and names a people or region's group, no place
    (the model had listed both as places)."""
    words = text.split()
    if len(words) < 2:
        return False
    last = words[-1].title() if words[-1].isupper() else words[-1]
    # not "-ic" and "-ean", endings of peoples' words that also end places' ("Central African
    # Republic", "North Atlantic", "Atlantic Ocean", "Eastern Mediterranean")
    return last.lower() in _DIRECTION_ADJECTIVES or is_demonym(last) and not last.endswith(("ic", "ean"))


_COORDINATED = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s+$")
# A list goes on with a comma and another name or a conjunction, or a conjunction; a comma
# and a lower-case word ends an apposition ("in Haiti, Minustah, has said"), not a list.
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*(?:and\b|or\b|[A-Z])|and\b|or\b)")


def _in_list(text: str, prev_end: int, start: int, end: int, gaps: re.Pattern = _COORDINATED) -> bool:
    """Is the name at ``text[start:end]`` the next item of a list after the name ending at
    ``prev_end`` (``Holm and Lisby``, ``Holm, Lisby and Kest``), the words between matching
    ``gaps``? A bare comma joins only when the list goes on after the name: in ``in Tahrir
    Square, CNNs Ben Wedeman said`` or ``in parts of Egypt, CNN has confirmed`` the comma ends
    a clause."""
    gap = text[prev_end:start]
    if not gaps.match(gap):
        return False
    if gap.strip() != ",":
        return True
    after = text[end:end + 12]  # 12: a comma, a space and a conjunction or a capital
    return not POSSESSIVE_AFTER.match(after) and bool(_LIST_GOES_ON.match(after))


def type_article(mentions: Sequence[Mention], texts: dict[int, str], surnames: set[str]) -> list[Mention]:
    """One label per name per article, from the cues of all its mentions (see the module
    docstring). ``texts``: sentence index -> original sentence text; ``surnames``: names the
    article shows are people (last words of its full PERSON names). A name coordinated with
    a cued one (``the villages of Holm and Lisby``) shares its cue."""
    cues: list[str] = []
    placed: set[str] = set()  # names with a strong place cue of their own (not a list's)
    for k, m in enumerate(mentions):
        text = texts.get(m.span.sentence_index, "")
        cue = context_cue(text, m.span.start, m.span.end, m.label)
        if cue == STRONG:
            placed.add(_name_key(m.span.text))
        if not cue and k and cues[k - 1] in (STRONG, WEAK):
            prev = mentions[k - 1].span
            if prev.sentence_index == m.span.sentence_index and _in_list(text, prev.end, m.span.start, m.span.end):
                cue = cues[k - 1]
        cues.append(cue)
    for k in _among_peoples(mentions, texts):
        cues[k] = PEOPLE
    votes: dict[str, Counter] = {}
    person: set[str] = set()   # a title or honorific, or a surname of the article's people
    full: set[str] = set()     # a full name the model calls a person
    for m, cue in zip(mentions, cues):
        key = _name_key(m.span.text)
        votes.setdefault(key, Counter())[cue] += 1
        if label_class(m.label) == "loc":
            votes[key]["model-place"] += 1  # with a weak cue, the model's own place label decides
        if m.title or m.span.text in surnames:
            person.add(key)
        elif m.label == "PERSON" and len(m.span.text.split()) > 1:
            full.add(key)
    out = []
    for m in mentions:
        key = _name_key(m.span.text)
        # a full name is a person unless a strong cue says place ("the oil town of Ras Lanuf");
        # a name whose head word agrees with its label keeps it ("the stock capital of Apple
        # Inc" is no place's capital)
        # and a religion's name is a group's, "in Islam" too; a known body named by its building
        # stays a body: "in the White House" is where its staff work, not a place's mention
        keep = key in person or (key in full and key not in placed) or _headed(m) \
            or (m.label == "NORP" and key in RELIGIONS) or (m.label == "ORG" and key in ORG_NAMES)
        out.append(m if keep else _relabel(m, votes[key]))
    return out


# Between two items of a list of peoples: a comma or a conjunction, and a quantifier or an
# article ("Christians, some Druze and Kurds", "Alawites, Christians, and the Druze").
_PEOPLE_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s+(?:(?:the|some|many|most|other|and)\s+)?$")
# Other items a list must have, all peoples, to make a name in it one: a pair ("the Kurds
# and Hale") could join a people and a person.
_PEOPLE_LIST_OTHERS = 2


def _among_peoples(mentions: Sequence[Mention], texts: dict[int, str]) -> list[int]:
    """Indexes of the one-word names the model calls a person (no acronym, no known place),
    in a list whose other items (at least ``_PEOPLE_LIST_OTHERS``) are all peoples by
    the model's label or by their form (``Sunnis, Alawites, Christians, Druze and Kurds``: the
    model had called Druze a person). A people's adjective before a noun is no item of such a
    list (``the mission in Torvik and Danish and Dutch consulates``)."""
    runs: list[list[int]] = []
    for k, m in enumerate(mentions):
        prev = mentions[k - 1].span if k else None
        if prev and prev.sentence_index == m.span.sentence_index and _in_list(
                texts.get(m.span.sentence_index, ""), prev.end, m.span.start, m.span.end, _PEOPLE_LIST_GAP):
            runs[-1].append(k)
        else:
            runs.append([k])
    def people(m: Mention) -> bool:
        word = m.span.text.strip()
        adjective = not word.endswith("s") and _BEFORE_NOUN.match(texts.get(m.span.sentence_index, ""), m.span.end)
        return (m.label == "NORP" or _people_word(word)) and not adjective

    found = []
    for run in runs:
        peoples = {k for k in run if people(mentions[k])}
        for k in set(run) - peoples:
            m = mentions[k]
            word = m.span.text.strip()
            if len(peoples) >= _PEOPLE_LIST_OTHERS and len(run) == len(peoples) + 1 and m.label == "PERSON" \
                    and " " not in word and not word.isupper() and not m.title and not is_place_key(fold(word)):
                found.append(k)
    return found


# A lower-case word right after a name: the name qualifies it ("French consulates").
_BEFORE_NOUN = re.compile(r" [a-z]")


def _headed(m: Mention) -> bool:
    """Whether the mention's head word gives its label's class (``Apple Inc`` an ORG)."""
    found = head_label(m.span.text, "")
    return bool(found) and label_class(found) == label_class(m.label)


def _name_key(text: str) -> str:
    return fold(text[:-2] if text.endswith(("'s", "’s")) else text)


def _relabel(m: Mention, votes: Counter) -> Mention:
    cls = label_class(m.label)
    if cls == "event":
        return m  # "since the Great Depression", "during the war": a time's preposition, not a place's
    word = m.span.text.title() if m.span.text.isupper() else m.span.text  # a transcript's "EGYPTIAN"
    if cls in ("norp", "loc") and (is_demonym(word) or is_demonym(word[:-1] if word.endswith("s") else "")
                                   or cls == "norp" and adjective_name(word)):
        return m  # an adjective of a people before its noun: "the Egyptian capital", "in Egyptian cities"
    if votes[PEOPLE] and cls != "norp" and " " not in m.span.text.strip():
        return m.replace(label="NORP", evidence="context")  # before a place cue: "a Druze village" is the people's
    if votes[STRONG]:  # a street's name the model calls a person ("on Mill Lane") is a facility
        street = head_label(m.span.text, "") == "FAC"
        return m.replace(label=m.label if cls == "loc" else "FAC" if street else "GPE", evidence="context")
    mentions = sum(n for cue, n in votes.items() if cue != "model-place")

    def often(cue: str) -> bool:  # on a fair share of the name's mentions (see _CUE_SHARE)
        return votes[cue] >= _CUE_SHARE * mentions

    if votes[WEAK] and (cls in ("norp", "loc") or often("model-place" if cls == "org" else WEAK)):
        # an organisation only when the model itself calls it a place often enough: one "GPE"
        # among 46 "BP" mentions and one "in BP" had made the company a place; a person only
        # when a third of the name's mentions have the cue: "policy toward Assad" once in an
        # article that has him vow and promise had made the president a place
        return m.replace(label=m.label if cls == "loc" else "GPE", evidence="context")
    if len(m.span.text.split()) > 1:
        # a longer name written with its kind ("the charity Open Hands") is a body where the
        # model calls it a product; a full name it calls a person stays one (kept above)
        return m.replace(label="ORG") if votes[COMPANY] and cls == "product" else m
    # a person's name only when a third of its mentions have the cue too: a leader's name
    # is written before his forces and government ("Gbagbo forces", "the Gbagbo government")
    # in articles that have him sign and surrender; a name written with its kind ("news
    # agency Sana") is a body wherever the article says so once
    if votes[NONPERSON] and cls == "per" and often(NONPERSON):
        return m.replace(label="NORP")
    if votes[BODY] and cls == "per" and often(BODY) or votes[COMPANY] and cls in ("per", "product"):
        return m.replace(label="ORG")  # a product too when its kind says company: the model calls companies products
    if votes[TEAM] and often(TEAM) and (cls in ("per", "product") or cls == "loc" and not is_place_key(_name_key(m.span.text))):
        # a club ("Valdora are", "Valdora striker X", "17 goals for Valdora"), on a third of the
        # name's mentions at least: the model calls it a person, or a place when its town is
        # unknown; a known place keeps its label ("England captain": the national side)
        return m.replace(label="ORG", evidence="context")
    if votes[COMPANY] and cls == "loc" and not is_place_key(_name_key(m.span.text)):
        # a place no one knows named with a company's kind ("the engineering corporation
        # Kestoil", "multinationals such as Kestoil"): the model tags the company GPE in most
        # articles, so the evidence goes to the corpus vote
        return m.replace(label="ORG", evidence="context")
    return m


# The share of a name's mentions in an article that a cue must have to retype a name the
# model calls a person (or, for a weak place cue, an organisation it calls a place): one slip
# of the model or one leader's use among several plain mentions must not retype the name.
_CUE_SHARE = 1 / 3


# The share of an entity's model labels that makes it a people or group (NORP) whatever the
# evidence for other labels: no cue gives NORP evidence, so a stray place cue on one of 400
# "Arab" mentions would otherwise outvote them all.
_NORP_SHARE = 0.75


# A one-word name shaped like a people's name ("Alawite", "Alawites", "Druze" is not) is a people
# when the model calls it one in at least this share of its mentions: its other labels
# scatter (25 PERSON, 24 ORG, 14 NORP for "Alawite" in a Syria crawl), and a given name of
# that shape ("Brian", "Christian") is rarely called a people at all.
_PEOPLE_WORD_SHARE = 0.2


# A people's noun and its adjective when the adjective has no demonym's ending (``Jews``,
# ``Jewish``; ``Kurds``, ``Kurdish``): people's words as much as ``Syrian``.
_PEOPLE_FORMS = frozenset(PEOPLE_NOUNS) | frozenset(PEOPLE_NOUNS.values())


def _people_word(form: str) -> bool:
    word = form.title() if form.isupper() else form
    return " " not in word and (is_demonym(word) or word.endswith("s") and is_demonym(word[:-1])
                                or fold(word) in _PEOPLE_FORMS)


# Labels with evidence outvote the model's when they come with at least this share of an
# entity's mentions: evidence is only recorded where it changes a label, so a few slips (14 of
# 2,850 "BP" mentions typed a place) must not outvote a model that is consistent everywhere
# else, while one cue among the 16 mentions of an invented town the model calls an
# organisation still decides.
_TYPED_SHARE = 0.05


# A company's legal form written after its name ("Halliburton Co", "Transocean Ltd"): a name
# ever written so is a company, however the model labels its bare mentions (the model called
# "Halliburton" a place in 56 of 60 mentions of an oil-spill crawl).
_LEGAL_FORMS = frozenset("inc incorporated corp corporation co ltd limited plc llc llp gmbh".split())


def legal_form(form: str) -> bool:
    """Does this written form of a name end in a company's legal form?"""
    words = form.split()
    return len(words) > 1 and words[-1].lower().strip(".,") in _LEGAL_FORMS


def form_initials(name: str) -> str:
    """The initials of an organisation's name as written, without its legal form but with the
    company words its key drops (``American International Group Inc`` -> ``aig``; the key
    ``american international`` gives ``ai``)."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words = words[:-1]
    return initials(" ".join(words))


# Classes whose names are one entity whatever the model's label (rule 5 of canonical
# resolution, the label vote).
VOTING = frozenset({"per", "org", "loc", "norp"})


def _head_votes(forms: Iterable[str] | Mapping[str, int]) -> Counter:
    """The labels the head words of an entity's written forms give, one vote per mention of
    the form (``Al Arabiya TV`` written 3 times: ORG 3). Evidence is recorded only where it
    changes the model's label, so a head word that agrees with it is never among ``typed``;
    where a cue disagrees, the name's own head word must weigh against it (one place cue had
    made the channel a place). Heads that are also surnames (``Press``, ``Court``) give none."""
    counted = forms.items() if isinstance(forms, Mapping) else ((f, 1) for f in forms)
    votes: Counter = Counter()
    for form, n in counted:
        words = form.split()
        if words and words[-1].lower().strip(".,") not in _SURNAME_HEADS:
            found = head_label(form, "")
            if found:
                votes[found] += n
    return votes


def entity_label(labels: Counter, typed: Counter, forms: Iterable[str] = (), keep: str = "") -> str:
    """An entity's label: ORG when one of its ``forms`` carries a company's legal form, NORP
    when the model says so for most of its mentions, else the most common among labels that
    came with evidence (``typed``: head words, context cues, titles) if they are a fair share
    of its mentions (with the votes of its forms' head words, :func:`_head_votes`), else among
    the model's; ties go to ``keep`` (the entity's label so far), else by name."""
    total = sum(labels.values())
    if labels and 2 * labels["PERSON"] < total and any(legal_form(f) for f in forms):
        return "ORG"
    if labels and labels["NORP"] >= _NORP_SHARE * total:
        return "NORP"
    if labels and labels["NORP"] >= _PEOPLE_WORD_SHARE * total and not typed["PERSON"] and forms \
            and all(_people_word(f) for f in forms):
        return "NORP"  # "Alawite": the model's labels scatter over person, body and people
    votes = typed if typed and sum(typed.values()) >= _TYPED_SHARE * total else labels
    if votes is typed:
        votes = typed + _head_votes(forms)
    if not votes:
        return ""
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0] != keep, kv[0]))[0][0]
