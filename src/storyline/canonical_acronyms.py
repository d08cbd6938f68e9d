"""Acronyms and the names they shorten: which entity an acronym is, and when two names that
share one are one body (rule 4 of :mod:`storyline.canonical`, with
:mod:`storyline.canonical_organisations`, which calls these):

* an acronym joins the one name of its article whose initials it is (``GAO``; two letters
  too when its article spells the name out: ``GM``, :func:`article_acronym`), unless the
  corpus knows the acronym well and the article writes it apart from the name (``CNN``, a
  ``Christian News Network``: :func:`well_known`, :func:`written_apart`);
* a bracketed alias (``the United States Air Force (USAF)``) links the two
  (:func:`link_alias`), unless both are written out as different names (``IRC``: two bodies,
  :func:`spelled_out`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .canonical_clusters import Cluster
from .canonical_names import fold, initials, name_key
from .canonical_types import form_initials

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = [
    "article_acronym", "link_alias", "acronym", "singular", "well_known", "written_apart", "spelled_out",
    "KNOWN_BODY_MENTIONS",
]

# An organisation is known by its name alone once written so this many times: only then is a
# place after its name run in from a caption (a stray "Air" tagged alone would otherwise take
# Air France, Air China and Air India; canonical_organisations), and only then must a new name
# with an acronym's initials be written beside it to be that body (well_known).
KNOWN_BODY_MENTIONS = 10


def article_acronym(r: NameResolver, cls: str, key: str) -> str:
    """The one entity of this article whose initials an acronym is (``GM`` beside
    ``General Motors Corp``), also for two letters, which collide across a corpus but
    seldom within an article; an entity the acronym alone made in earlier articles (a
    headline's ``GM``) joins it. ``""`` when there is none or several."""
    hits = {i for i in r._live(r._acronyms.get((cls, key), ())) & r._article
            if r._clusters[i].cls == cls and _spelled_here(r, r._clusters[i], key)}
    if len(hits) != 1:
        return ""
    hit = hits.pop()
    own = r.canonical_id(r._keys.get((cls, key, ""), ""))
    if own in r._clusters and own != hit:
        earlier = r._clusters[own]
        if well_known(earlier) and written_apart(r, r._clusters[hit], key):
            return ""  # "CNN" of the corpus, a "Christian News Network" far from it: another body
        spelled = spelled_out(earlier, r._clusters[hit], key)
        if spelled == "different":
            return hit  # "IRC" of this article's rescue corps, another article's committee: no join
        if spelled != "same" and not (earlier.forms and all(acronym(f) for f in earlier.forms)):
            return ""  # a name of its own ("BP"), not only this acronym
        r._merge(earlier, r._clusters[hit])
    return r._remember(cls, key, hit)


# Sentences apart within which an acronym is written beside the name it abbreviates: news
# spells a name out and uses its acronym in the next few sentences (or brackets it).
_BESIDE_SENTENCES = 3


def well_known(c: Cluster) -> bool:
    """Has the corpus written ``c`` (an acronym never spelled out) often enough
    (:data:`KNOWN_BODY_MENTIONS`) that a new name of its initials must show it is that body?"""
    return sum(c.forms.values()) >= KNOWN_BODY_MENTIONS


def written_apart(r: NameResolver, c: Cluster, acro: str) -> bool:
    """Does this article write the acronym ``acro``, but never within
    :data:`_BESIDE_SENTENCES` of a name of ``c`` whose initials it is? A name sharing the
    initials of an acronym the corpus knows well (``Christian News Network``, ``CNN``) is
    another body when its article uses the acronym apart from it; an article that spells a
    name out and never abbreviates it (``Organisation of Petroleum Exporting Countries``)
    says nothing against its acronym."""
    near = r._article_lines.get(acro, set())
    return bool(near) and not any(
        abs(a - b) <= _BESIDE_SENTENCES for k in c.keys | {c.key} if acro in (initials(k), form_initials(k))
        for a in r._article_lines.get(k, ()) for b in near)


def _spelled_here(r: NameResolver, c: Cluster, acro: str) -> bool:
    """Does this article write a name of ``c`` whose initials ``acro`` is? An entity of the
    article may have got those initials from a name written elsewhere (``CNN STUDENT NEWS``
    of CNN's programme: a tear gas's ``CS`` is no CNN)."""
    return any(k in r._article_keys and acro in (initials(k), form_initials(k)) for k in c.keys | {c.key})


def link_alias(r: NameResolver, c: Cluster, alias: str, label: str) -> None:
    """``X (Y)``: Y names the same entity as X."""
    akey = name_key(alias, label)
    if not akey or akey == c.key:
        return
    other = r._keys.get((c.cls, akey, ""))
    if other and r.canonical_id(other) in r._clusters and r.canonical_id(other) != c.id:
        if spelled_out(r._clusters[r.canonical_id(other)], c, akey) == "different":
            return  # two names with one acronym ("International Rescue Committee/Corps (IRC)")
        r._merge(r._clusters[r.canonical_id(other)], c)
    else:
        r._keys[(c.cls, akey, "")] = c.id
        r._by_key.setdefault(akey, set()).add(c.id)


def spelled_out(c: Cluster, other: Cluster, akey: str) -> str:
    """How two entities write out the name whose initials are ``akey``: ``"same"`` when a
    written-out form of each is one name spelled two ways (``Disaster(s) (and) Emergency
    Committee``, ``Organisation``/``Organization``), ``"different"`` when both write it out
    and as different names (``IRC``: the International Rescue Committee and the
    International Rescue Corps, an acronym two names share in a corpus, which then joins
    neither to the other), ``""`` when one of them never writes it out."""
    mine, theirs = _expansions(c, akey), _expansions(other, akey)
    if any(_same_name(a, b) for a in mine for b in theirs):
        return "same"
    return "different" if mine and theirs else ""


def _expansions(c: Cluster, akey: str) -> list[str]:
    return [f for f in c.forms if not acronym(f) and len(f.split()) > 1 and form_initials(f) == akey]


# Words that come and go between spellings of one name ("Disasters and Emergency Committee").
_NAME_GLUE = frozenset("and & of for the".split())


def _same_name(a: str, b: str) -> bool:
    """Whether two written-out names are one name spelled two ways: the same words but for
    joining words, a plural ``s``, British or American ``-ise``/``-ize``, and a word that
    begins the other (``Free Syria Army``, ``Free Syrian Army``)."""
    def words(name: str) -> list[str]:
        return [singular(w).replace("s", "z") for w in fold(name).split() if w not in _NAME_GLUE]
    wa, wb = words(a), words(b)
    # 4: a word's stem long enough to be the word ("syria", not "co" of "corps"/"committee")
    return len(wa) == len(wb) and all(x == y or min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))
                                      for x, y in zip(wa, wb))


def acronym(text: str) -> bool:
    """An acronym as news writes one: 2-6 capitals, dots allowed (``GM``, ``U.S.``, ``NASDAQ``);
    longer all-capitals is shouting."""
    name = text.strip().replace(".", "")
    return 2 <= len(name) <= 6 and name.isupper() and name.isalpha()


def singular(token: str) -> str:
    """``computers`` -> ``computer``: a stripped possessive or a plural is the same word."""
    # Longer than 3 letters: "bus", "gas", "ups" are not plurals of "bu", "ga", "up".
    return token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token
