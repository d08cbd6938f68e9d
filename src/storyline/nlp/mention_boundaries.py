"""Article-level corrections of where a mention's span begins and ends.

The model runs names into the words around them; what the rest of the article writes
decides where a name really ends (:func:`storyline.nlp.mentions.article_mentions` applies
these in order):

* a verb's -ing form or an adverb opening a person's span (``Defending Brega``) is cut off
  (:func:`without_leading_verb`);
* an organisation cut in two before its head word is joined (:func:`joined_heads`);
* a plural owner whose apostrophe was stripped (``The Beatles Apple Corps``) and a spaced
  dash between two names (``San Jose - Cisco``) split a span in two (:func:`split_owners`,
  :func:`split_at_dashes`);
* a country, a people's name or a company the article writes alone, run into the end of a
  person's span (``President Assad Turkey``, ``Dana Ruhl Kestrel chief executive said``),
  becomes a mention of its own (:func:`place_tails`, :func:`org_tails`): it must not become
  a surname that every later ``Turkey`` or ``Kestrel`` of the article takes;
* a one-word name written twice, the second time in a dateline's capitals (``Kestwick
  KESTWICK``), is the name once (:func:`without_repeated_word`);
* a sentence adverb opening the next clause run into a name (``Relief Command Meanwhile``)
  is cut off (:func:`without_trailing_adverb`), and so is the last word of an all-capitals
  caption run into a person's name (``11-YEAR-OLD GIRL Mendji Sanon``:
  :func:`without_caption_word`);
* a title-case headline's verb run into a name (``Dana Ruhl Says``) is cut off
  (:func:`headline_verbs`), and a person named with the body they speak for (``Whitcombe of
  Barrow Capital``) is two mentions (:func:`person_of_body`);
* an organisation's span run on into a place or a common word (``Kestrel Syria remains ...``,
  a video caption's credit before its headline; ``Kestrel League Doctor in Homs``, two
  headlines run together) is the organisation the article writes alone, and the place
  (:func:`org_suffixes`);
* a photo credit tagged as one name (``AP Photo/Jane Hale``, ``Jane Hale-AP``) is the agency
  and the photographer (:func:`photo_credits`), and a byline or a programme run into a news
  outlet (``Jane Hale BBC News``, ``KTV News Face the Nation``) the outlet and the reporter or
  the programme (:func:`outlet_runs`);
* a leader's surname run into a government body (``the Kestrel Treasury``, ``Kestrel
  Treasury Secretary Ann Holt``: the Treasury under President Kestrel) is cut off the body
  (:func:`leader_bodies`).
"""

from __future__ import annotations

import re
from collections import Counter

from ..canonical_names import HONORIFICS, ORG_NAMES, PLACE_NAMES, TITLE_WORDS, fold, is_place_key
from ..canonical_types import INSTITUTION_HEADS
from ..canonical_organisations import COMPANY_WORDS
from ..records import LEADER_CONTEXT, Mention, Span
from .annotate import AnnotatedSentence
from .engine import dictionary_lemmas
from .mention_labels import COUNTRY_COMPANY, full_name_shape
from .repair import is_demonym

__all__ = [
    "SPACED_DASH", "split_at_dashes", "place_tails", "joined_heads", "split_owners", "org_tails", "person_of_body",
    "without_leading_verb", "without_trailing_adverb", "without_caption_word", "without_repeated_word",
    "headline_verbs", "photo_credits", "outlet_runs", "leader_bodies", "org_suffixes",
]

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


# Given names that end like a verb's -ing form (from general knowledge): "Irving Berlin".
_ING_GIVEN_NAMES = frozenset("irving sterling channing manning ewing fleming deming harding browning".split())


# Adverb endings no given name has ("Genetically", "Obviously", "Apparently", "Reportedly").
_ADVERB_ENDINGS = ("ically", "ously", "ently", "antly", "ively", "ately", "fully", "lessly", "ingly", "edly")


# Words that open a reader's address or remark before a name ("Sorry Piers, but ...", "Kudos
# Anderson for ...", "Thanks Wolf", "Suppose George Bush had ..."): none is a given name.
# General knowledge of English.
_OPENING_WORDS = frozenset(
    "sorry kudos thanks congratulations congrats bravo hello hey hi dear welcome suppose shame goodbye".split())


def without_leading_verb(m: Mention, text: str, common: set[str]) -> Mention:
    """A person's name opening its sentence with a verb's -ing form or an adverb is the name
    without it: ``Defending Brega is vital`` names the town Brega, not a person whose surname
    every later ``Brega`` would take, and ``Genetically Obama is ...`` is no second Obama who
    makes the surname ambiguous (an adverb wherever the name stands: ``USA Genetically Obama``
    in a reader's comment; so an address's opening word: ``Kudos Anderson``). A given name
    spelled so stays, unless the article also writes the -ing word in lower case."""
    words = m.span.text.split(" ")
    first = words[0]
    if m.label != "PERSON" or len(words) < 2:
        return m
    adverb = (len(first) >= 7 and first.lower().endswith(_ADVERB_ENDINGS)  # 7: "Ally", "Sally", "Kelly"
              or first.lower() in _OPENING_WORDS)
    if not adverb and (any(c.isalpha() for c in text[: m.span.start]) or len(first) < 6 or not first.endswith("ing")
                       or (first.lower() in _ING_GIVEN_NAMES and first.lower() not in common)):
        return m  # 6: "Ming", "Jing", "Xiaoping"'s short syllables are names, not verbs
    start = m.span.start + len(first) + 1
    return m.replace(span=Span(m.span.sentence_index, start, m.span.end, text[start:m.span.end]))


# The end of an all-capitals caption before a name ("MENDJI SANON, 11-YEAR-OLD GIRL Mendji
# Sanon was pulled out"): a capitals word (digits and hyphens too) and spaces.
_CAPTION_BEFORE = re.compile(r"\b[A-Z0-9][A-Z0-9-]+[,:]?\s+$")


def without_caption_word(m: Mention, text: str) -> Mention:
    """A person's span opened by an all-capitals common noun (``GIRL``, ``SURVIVOR``) that
    ends an all-capitals caption run into the sentence it heads is the name without it:
    ``11-YEAR-OLD GIRL Mendji Sanon`` names Mendji Sanon. Only after another capitals word,
    so an article's first word written in capitals (``BILL Hale said``) stays his name;
    never a title or honorific (``PRESIDENT``, ``SIR``), which the title rules read."""
    words = m.span.text.split(" ")
    first = words[0]
    if m.label != "PERSON" or len(words) < 3 or len(first) < 3 or not first.isalpha() or not first.isupper() \
            or not words[1][:1].isupper() or any(w.isupper() for w in words[1:]):
        return m
    low = first.lower()
    if low in TITLE_WORDS or low in HONORIFICS or low not in dictionary_lemmas("noun") \
            or not _CAPTION_BEFORE.search(text[: m.span.start]):
        return m
    start = m.span.start + len(first) + 1
    return m.replace(span=Span(m.span.sentence_index, start, m.span.end, text[start:m.span.end]))


# Sentence adverbs that open a clause ("... US Southern Command Meanwhile the Navy ...": two
# sentences run together when a crawl drops a line break); no name ends in one.
_CLAUSE_ADVERBS = frozenset("meanwhile however moreover nevertheless nonetheless instead yesterday tonight".split())


def without_trailing_adverb(m: Mention, text: str) -> Mention:
    """A name that runs into the sentence adverb opening the next clause is the name without
    it: ``US Southern Command Meanwhile`` is ``US Southern Command``."""
    words = m.span.text.split(" ")
    if len(words) < 2 or words[-1].lower() not in _CLAUSE_ADVERBS:
        return m
    end = m.span.end - len(words[-1]) - 1
    return m.replace(span=Span(m.span.sentence_index, m.span.start, end, text[m.span.start:end]))


def without_repeated_word(m: Mention, text: str) -> Mention:
    """A one-word name written twice, once in capitals (``Kestwick KESTWICK``: a headline run
    into the dateline after it), is the name once: as a "full name" it had been a person
    whose surname took every later ``Kestwick`` of the article, and of other articles where
    the model calls the town a person. Two words the same but for case, one all capitals and
    the other not; a person named so twice in the same case (``Sirhan Sirhan``) stays."""
    words = m.span.text.split(" ")
    if len(words) != 2 or fold(words[0]) != fold(words[1]) or words[0].isupper() == words[1].isupper():
        return m
    end = m.span.start + len(words[0])
    return m.replace(span=Span(m.span.sentence_index, m.span.start, end, text[m.span.start:end]))


# Verbs a title-case headline or caption writes after a name ("Dana Ruhl Says Cuts Are
# Needed", "Kestrel Chief Quits", "Kellerman Sells Stake"), which the model runs into the
# name's span. None is a surname in English news; "Said" is (Edward Said), so it is cut only
# from a name the article writes without it.
_HEADLINE_VERBS = frozenset(
    """says tells told warns warned quits resigns resigned dies died denies denied admits admitted
    urges urged vows vowed insists insisted predicts predicted sees expects plans steps sells
    buys gets wins loses takes leaves joins names hires fires cuts backs presses pushes seeks
    faces slams blasts rejects defends unveils proposes pledges signs visits""".split())
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


# A photo credit: the agency, "Photo" or "Images", a slash and the photographer's full name
# ("AP Photo/Jane Hale", "Getty Images/Jane Hale"), or the photographer's name and the
# agency's capitals after a hyphen ("Jane Hale-AP"), as captions print them. Without the
# credit's word a slash joins two names ("IMF/World Bank").
_CREDIT_SLASH = re.compile(
    r"^(?P<org>[A-Z][\w.&]*(?: [A-Z][\w.&]*)*?) (?:Photos?|Images|Pictures|Pool|File) ?/ ?"
    r"(?P<who>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,2})$")
_CREDIT_HYPHEN = re.compile(r"^(?P<who>[A-Z][\w.']+(?: [A-Z][\w.']+){1,2})-(?P<org>[A-Z]{2,5})$")


def photo_credits(m: Mention) -> list[Mention]:
    """A photo credit tagged as one name (``AP Photo/Jane Hale``, ``Jane Hale-AP``) is two
    mentions: the agency and the photographer. Any other mention is returned as it is."""
    hit = _CREDIT_SLASH.match(m.span.text) or _CREDIT_HYPHEN.match(m.span.text)
    if m.label not in ("ORG", "PERSON") or not hit:
        return [m]
    return _pieces(m, hit, {"org": "ORG", "who": "PERSON"})


def _pieces(m: Mention, hit: re.Match, labels: dict[str, str]) -> list[Mention]:
    """The mentions of ``hit``'s named groups inside ``m``'s span (group -> label), in order;
    a group that did not take part is left out."""
    sp = m.span
    out = [Mention(m.article_id, Span(sp.sentence_index, sp.start + hit.start(g), sp.start + hit.end(g), hit.group(g)), label)
           for g, label in labels.items() if hit.group(g)]
    return sorted(out, key=lambda x: x.span.start)


# A news outlet named by capitals and "News" ("BBC News", "CBS News") inside a longer span:
# the byline's reporter before it ("Jane Hale BBC News", as BBC pages print a byline), a
# programme's title after it ("KTV News Face the Nation"). Words that continue an outlet's
# own name after "News" (a channel, a service) are no programme.
_OUTLET_RUN = re.compile(
    r"^(?:(?P<who>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}) )?(?P<org>[A-Z]{2,5} News)(?: (?P<show>[A-Z][\w' -]*[\w]))?$")
_OUTLET_WORDS = frozenset("channel online magazine network agency radio service international arabia tv television".split())


def outlet_runs(m: Mention, labels: frozenset[str] = frozenset()) -> list[Mention]:
    """A news outlet's name run together with a byline's reporter before it or a programme's
    title after it (``Jane Hale BBC News``, ``KTV News Face the Nation``) is the outlet and the
    reporter (a person) or the programme (a work, kept when ``labels`` has WORK_OF_ART): the
    outlet must not become the reporter's surname, nor a programme another outlet. Any other
    mention is returned as it is."""
    hit = _OUTLET_RUN.match(m.span.text) if m.label in ("ORG", "PERSON") else None
    if not hit or not (hit.group("who") or hit.group("show")) \
            or hit.group("who") and not full_name_shape(hit.group("who")) \
            or hit.group("show") and hit.group("show").split(" ")[0].lower() in _OUTLET_WORDS:
        return [m]
    return _pieces(m, hit, {"who": "PERSON", "org": "ORG", **({"show": "WORK_OF_ART"} if "WORK_OF_ART" in labels else {})})


# Office words that follow a government body in a title ("Treasury Secretary", "Defence
# Minister", "Treasury official"): what was written before the body qualifies the title.
_OFFICES_AFTER = re.compile(r" (?:secretary|minister|chancellor|spokesman|spokeswoman|chief|officials?)\b", re.I)


# What a leader heads, written after the leader's name in a title-case name ("the Kestrel
# Administration"): the model tags the two words as one organisation.
_LEADER_BODIES = frozenset({"administration", "regime", "government", "presidency"})


def leader_bodies(m: Mention, people: set[str], text: str) -> list[Mention]:
    """An organisation's span that is a leader's surname and a known government body (``the
    Kestrel Treasury`` where the article names Kestrel as a person; ``Kestrel Treasury
    Secretary Ann Holt``) is the body alone: the surname must not become a name of the body
    that every later ``Kestrel`` takes. (It is not made a mention of the person either: ``the
    Kestrel`` would read as a body's name and type every ``Kestrel`` of the article so.)
    ``US Treasury`` stays whole. A leader's name and what the leader heads (``the Kestrel
    Administration``) is the leader's name, marked as :mod:`mention_context` marks ``the Kestrel
    administration``."""
    words = m.span.text.split(" ")
    if m.label != "ORG" or len(words) < 2:
        return [m]
    first, body = words[0], " ".join(words[1:])
    if not first.isalpha() or not first[:1].isupper() or first.isupper() \
            or is_place_key(fold(first)) or fold(first) in ORG_NAMES or is_demonym(first):
        return [m]
    sp = m.span
    if len(words) == 2 and body.lower().rstrip("s") in _LEADER_BODIES:
        # "the Kestrel Administration": the leader's name, read as a person's surname where a person
        # of that name is known (mention_context.leader_context's mark)
        return [m.replace(span=Span(sp.sentence_index, sp.start, sp.start + len(first), first), evidence=LEADER_CONTEXT)]
    if fold(body) not in ORG_NAMES:
        return [m]
    if first not in people and not _OFFICES_AFTER.match(text, m.span.end):
        return [m]
    return [m.replace(span=Span(sp.sentence_index, sp.end - len(body), sp.end, body), title="", evidence="")]


def org_suffixes(found: list[list[Mention]], common: set[str]) -> list[list[Mention]]:
    """An organisation's span that is an organisation the article writes alone followed by a
    place (``Kestrel Syria``: a caption's credit run into its headline, ``Kestrel Middle
    East``) is two mentions, the organisation and the place; followed by one common word the
    article writes in lower case (``Kestrel League Doctor in Homs``: two headlines run
    together; ``common``: :func:`storyline.nlp.mention_context.common_words`) it is the
    organisation alone. The word may not be a body's head or a company's word (``Kestrel
    News``, ``Kestrel Motors``, ``Kestrel Airlines`` stay whole)."""
    orgs = {m.span.text for ms in found for m in ms if m.label == "ORG"}
    places = {m.span.text: m.label for ms in found for m in ms if m.label in ("GPE", "LOC")}
    out = []
    for ms in found:
        kept = []
        for m in ms:
            kept.extend(_org_suffix(m, orgs, places, common))
        out.append(kept)
    return out


def _org_suffix(m: Mention, orgs: set[str], places: dict[str, str], common: set[str]) -> list[Mention]:
    words = m.span.text.split(" ")
    if m.label != "ORG" or len(words) < 2:
        return [m]
    sp = m.span
    for k in (2, 1):  # a place of one or two words ("Syria", "Middle East")
        head, tail = " ".join(words[:-k]), " ".join(words[-k:])
        if not head or head not in orgs:
            continue
        if tail in places or is_place_key(fold(tail)):
            cut = sp.start + len(head)
            return [m.replace(span=Span(sp.sentence_index, sp.start, cut, head)),
                    Mention(m.article_id, Span(sp.sentence_index, sp.end - len(tail), sp.end, tail),
                            places.get(tail, "GPE"))]
        low = tail.lower()
        if k == 1 and tail.isalpha() and tail[:1].isupper() and not tail.isupper() \
                and {low, low + "s", low[:-1]} & common and low not in INSTITUTION_HEADS \
                and low[:-1] not in INSTITUTION_HEADS and low not in COMPANY_WORDS:
            return [m.replace(span=Span(sp.sentence_index, sp.start, sp.start + len(head), head))]
    return [m]
