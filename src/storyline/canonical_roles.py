"""Roles and titles: which office a title names and whose, and whether two can be one.

``Chairman and Chief Operating Officer of Halden Ferries`` and ``Halden Ferries COO`` name the same
role; ``Canadian Prime Minister`` and ``Prime Minister of Canada`` too. :func:`role_key` reads
a title into its role phrases and the body they belong to, and :func:`roles_compatible` says
whether two bodies can be the same; people's names are linked on them. The role phrase forms
are general knowledge of news English.
"""

from __future__ import annotations

import re

from .canonical_keys import initials, name_key
from .canonical_words import CONNECTORS, DETERMINERS, HONORIFICS, TITLE_WORDS

__all__ = ["ROLE_MODIFIERS", "role_key", "roles_compatible"]

# Role phrases written several ways -> one form (general knowledge of news English).
_ROLE_FORMS = (
    (re.compile(r"\bchief executive(?: officer)?\b"), "ceo"),
    (re.compile(r"\bchief operating officer\b"), "coo"),
    (re.compile(r"\bchief financial officer\b"), "cfo"),
    (re.compile(r"\bchief technology officer\b"), "cto"),
    (re.compile(r"\bchair(?:man|woman|person)\b"), "chair"),
    (re.compile(r"\bspokes(?:man|woman)\b"), "spokesperson"),
    (re.compile(r"\bsecretary general\b"), "secretary-general"),
    (re.compile(r"\bco founder\b|\bcofounder\b"), "co-founder"),
    (re.compile(r"\bdefense\b"), "defence"),
    # abbreviated ranks and offices: "Col Berg" holds the role "Colonel Ingrid Berg" gave
    (re.compile(r"\bcol\b"), "colonel"), (re.compile(r"\bgen\b"), "general"), (re.compile(r"\blt\b"), "lieutenant"),
    (re.compile(r"\bcapt\b"), "captain"), (re.compile(r"\bmaj\b"), "major"), (re.compile(r"\bsgt\b"), "sergeant"),
    (re.compile(r"\badm\b"), "admiral"), (re.compile(r"\bgov\b"), "governor"), (re.compile(r"\bsen\b"), "senator"),
    (re.compile(r"\brep\b"), "representative"),
)
_ROLE_SPLIT = frozenset({"and", "&", "/", ","})
# Forms _ROLE_FORMS produces that are not in TITLE_WORDS themselves.
_ROLE_WORDS = frozenset({"ceo", "coo", "cfo", "cto", "chair", "spokesperson", "secretary-general", "co-founder"})
# Words that make a role more specific ("Prime Minister", "Foreign Secretary", "Chief
# Operating Officer"): part of the role, not of the body it belongs to.
ROLE_MODIFIERS = frozenset(
    """prime foreign defence interior finance health home trade transport education justice
    environment energy culture agriculture economy treasury labour executive operating
    financial technology national security senior junior assistant associate managing first
    high supreme general""".split()
)


_BRACKETED = re.compile(r"\([^()]*\)?")
# An office with its portfolio written after it ("Minister of Transport", "Secretary for
# Foreign Affairs", "minister of the interior"): the same role as the portfolio before it.
_PORTFOLIO_AFTER = re.compile(
    r"\b(minister|secretary) (?:of|for) (?:the )?(" + "|".join(sorted(ROLE_MODIFIERS)) + r")(?: affairs)?\b",
    re.IGNORECASE)


def role_key(title: str) -> tuple[frozenset[str], str]:
    """A title as written -> (role phrases, qualifier key).

    ``Chairman and Chief Operating Officer of Halden Ferries`` -> ({"chair", "coo"},
    "halden ferries"); ``Canadian Prime Minister`` -> ({"prime minister"}, "canadian");
    ``US President`` -> ({"president"}, "united states"); ``Mr`` -> (frozenset(), ""). The
    text is cut at connectors (``of``, ``and``, commas); in each piece the longest ending run
    of title words is a role (honorifics left out) and the capitalised words before it name
    the body the role belongs to (the qualifier, a name key)."""
    if not title or not isinstance(title, str):
        return frozenset(), ""
    roles: set[str] = set()
    qual: list[str] = []
    title = _BRACKETED.sub(" ", title[:200])  # 200: far past any title; "CEO (Chief Executive)" counts once
    title = _PORTFOLIO_AFTER.sub(r"\2 \1", title)  # "Minister of Transport" is "Transport Minister"
    for piece in _role_pieces(title):
        low = " ".join(w.lower().strip(".'’") for w in piece)
        for pattern, form in _ROLE_FORMS:
            low = pattern.sub(form, low)
        words = [w for w in low.split() if w]
        k = len(words)
        while k and (words[k - 1] in TITLE_WORDS or words[k - 1] in _ROLE_WORDS or words[k - 1] in ROLE_MODIFIERS):
            k -= 1
        role = [w for w in words[k:] if w not in HONORIFICS or w in _ROYAL]
        while role and role[-1] not in TITLE_WORDS and role[-1] not in _ROLE_WORDS:
            role.pop()  # a role ends in a title word ("Foreign Minister", not "Foreign")
        if role:
            roles.add(" ".join(role))
        else:
            k = len(words)
        if len(words) != len(piece) and role:
            # a role written out ("Chief Operating Officer" -> "coo"): the body before it is
            # the words before the role's words as written
            orig = [w.lower().strip(".'’") for w in piece]
            k = len(orig)
            while k and (orig[k - 1] in TITLE_WORDS or orig[k - 1] in ROLE_MODIFIERS or orig[k - 1] == "co"):
                k -= 1
            words = orig
        caps = [w for w, orig in zip(words[:k], piece[:k]) if orig[:1].isupper() and w not in HONORIFICS] \
            if len(words) == len(piece) else []
        qual.extend(caps)
    return frozenset(roles), (name_key(" ".join(qual), "ORG") if qual else "")


_ROYAL = frozenset({"king", "queen", "prince", "princess", "emir", "sheikh"})


def _role_pieces(title: str) -> list[list[str]]:
    """Tokens of a title cut at connectors, determiners, ``and`` and commas."""
    pieces: list[list[str]] = [[]]
    for tok in title.replace(",", " , ").replace("-", " ").split():
        if tok.lower() in _ROLE_SPLIT or tok.lower() in CONNECTORS or tok.lower() in DETERMINERS:
            pieces.append([])
        else:
            pieces[-1].append(tok)
    return [p for p in pieces if p]


def roles_compatible(a: str, b: str) -> bool:
    """Can qualifier keys ``a`` and ``b`` (from :func:`role_key`) name the same body?
    Empty is compatible with anything; otherwise equal, one the start or the initials of
    the other (``apple`` / ``apple computer``, ``gm`` / ``general motors``), a stripped
    possessive of the other, or a country and its adjective (``canada`` / ``canadian``)."""
    if not a or not b or a == b or a + "s" == b or b + "s" == a:
        return True  # "indonesias": a possessive stripped by the crawl ("Indonesias transport minister")
    ta, tb = a.split(), b.split()
    n = min(len(ta), len(tb))
    if ta[:n] == tb[:n]:
        return True
    if initials(a) == b or initials(b) == a:
        return True
    if len(ta) == 1 and len(tb) == 1:
        short, long_ = sorted((a, b), key=len)
        common = len(short)
        while common and not long_.startswith(short[:common]):
            common -= 1
        # 4 letters: "canad(a)/canad(ian)", "chin(a)/chin(ese)"; the adjective ends like one.
        return common >= 4 and any(x.endswith(("an", "ese", "ish", "i", "ic")) for x in (a, b))
    return False
