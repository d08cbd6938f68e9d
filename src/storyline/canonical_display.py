"""How an entity is shown: its canonical name, label and variants (the listing users read).

Resolution (:mod:`storyline.canonical`) decides which mentions are one entity; this module
only decides what that entity is called, from the forms its mentions were written with.
It lives apart because it never changes which entity a mention joins: a display rule
(``Qaddafi and Opposition``, two names the model ran together, is never a person's name)
can be fixed here without touching a merge.
"""

from __future__ import annotations

import re
from collections import Counter

from .canonical_clusters import Cluster
from .canonical_names import display_alias, us_state
from .canonical_types import entity_label
from .records import Entity

__all__ = ["canonical_name", "cluster_label", "entity_record"]

# Words that join two names into one mention ("Qaddafi and Opposition"): no person's name.
_JOINED = re.compile(r"\b(?:and|or)\b|&", re.IGNORECASE)


def entity_record(c: Cluster, share: float) -> Entity:
    """The cluster as the listing shows it: canonical name, label, variants most used first."""
    return Entity(c.id, canonical_name(c, share), cluster_label(c),
                  tuple(f for f, _ in sorted(c.forms.items(), key=lambda kv: (-kv[1], kv[0]))),
                  c.mentions)


def cluster_label(c: Cluster) -> str:
    """The entity's label (:func:`entity_label`); a tie keeps a person a person."""
    return entity_label(c.labels, c.typed, c.forms, "PERSON" if c.cls == "per" else "")


def canonical_name(c: Cluster, share: float) -> str:
    """The fullest common form: most words among the forms used at least ``share``
    (``entities.canonical_min_share``) as often as the most used one."""
    alias = display_alias(c.key)
    if alias:
        return alias
    if not c.forms:
        return c.key
    forms = Counter()  # a US state by its name, however abbreviated ("Va.", "VA": Virginia)
    for form, n in c.forms.items():
        forms[(c.cls == "loc" and us_state(form)) or form] += n
    spellings: dict[str, list[str]] = {}  # forms whatever their case
    for form in forms:
        spellings.setdefault(form.casefold(), []).append(form)
    counts = Counter({k: sum(forms[f] for f in fs) for k, fs in spellings.items()})

    def shown(form: str) -> tuple:  # a person's name in a transcript's capitals last (acronyms are no people),
        # and any name of several words (``CNN INTERNATIONAL`` of a transcript's speaker labels
        # beside ``CNN International``): an acronym is one word
        return ((c.cls == "per" or " " in form) and form.isupper(), -forms[form], form)

    spelled = {k: min(forms, key=shown) for k, forms in spellings.items()}
    if c.cls == "per":  # a person's full name before the surname alone ("Howard Kurtz", not "Kurtz"),
        # and never two names the model ran together ("meet both [Qaddafi and Opposition]")
        counts = Counter({k: n for k, n in counts.items() if " " in k and not _JOINED.search(k)}) or counts
    top = max(counts.values())
    common = [(k, n) for k, n in counts.items() if n >= share * top]
    name = spelled[sorted(common, key=lambda kn: (-len(kn[0].split()), -kn[1], kn[0]))[0][0]]
    return _cased(name, forms) if c.cls == "per" and name.isupper() else name


def _cased(name: str, forms) -> str:
    """A person's name written only in a transcript's capitals (``KYRA PHILLIPS``, its speaker
    label) in the case the entity's other forms write each word (``Kyra``), else with a
    capital first letter (``Phillips``): a person's name is never an acronym."""
    cased: dict[str, str] = {}
    for form in forms:
        for word in form.split():
            if not word.isupper() and word[:1].isupper():
                cased.setdefault(word.casefold(), word)
    return " ".join(cased.get(w.casefold(), w.title()) for w in name.split())
