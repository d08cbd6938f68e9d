"""Quad class and conflict/cooperation score of a PLOVER event.

Quad class follows PLOVER's own grouping of its 16 types (the order of the PLOVER summary):
verbal cooperation (AGREE, CONSULT, SUPPORT, CONCEDE), material cooperation (COOPERATE, AID,
RETREAT), verbal conflict (REQUEST, ACCUSE, REJECT, THREATEN) and material conflict (PROTEST,
SANCTION, MOBILIZE, COERCE, ASSAULT).

The score is a Goldstein-like scale from -10 (most conflictual) to +10 (most cooperative).
PLOVER has no scale of its own, so the values are derived from CAMEO's: every CAMEO code in
the CAMEO-to-PLOVER conversion table (CAMEO2PLOVER, PLOVER draft 0.8, 17 Sep 2021) that has a
Goldstein score in the GDELT CAMEO lookup table is assigned to its PLOVER type and mode, and
a (type, mode) scores the mean Goldstein value of its CAMEO codes, rounded to one decimal; a
type's own row (mode "") is the mean over all of its codes. ``benchmarks/events_dev.py
--derive-scale --data ../shared/data`` recomputes the table from those two files and checks
it against this one. Modes the conversion table does not use (POLECAT's newer modes) take
the type's value. Where the table maps "impose sanctions" to COERCE, storyline codes SANCTION
(see events.py), and so scores SANCTION by its own mean.
"""

from __future__ import annotations

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

_QUAD_OF_TYPE = {
    "AGREE": 0, "CONSULT": 0, "SUPPORT": 0, "CONCEDE": 0,
    "COOPERATE": 1, "AID": 1, "RETREAT": 1,
    "REQUEST": 2, "ACCUSE": 2, "REJECT": 2, "THREATEN": 2,
    "PROTEST": 3, "SANCTION": 3, "MOBILIZE": 3, "COERCE": 3, "ASSAULT": 3,
}

# Mean Goldstein score per PLOVER type (all CAMEO codes mapped to it) and per (type, mode);
# derived as described in the module docstring. Number of CAMEO codes in brackets.
GOLDSTEIN_BY_TYPE = {
    "AGREE": 5.9,  # [28]
    "CONSULT": 3.0,  # [7]
    "SUPPORT": 5.3,  # [8]
    "CONCEDE": 5.0,  # [10]
    "COOPERATE": 6.8,  # [5]
    "AID": 7.6,  # [6]
    "RETREAT": 8.0,  # [15]
    "REQUEST": -5.0,  # [27]
    "ACCUSE": -2.0,  # [17]
    "REJECT": -4.2,  # [26]
    "THREATEN": -6.2,  # [22]
    "PROTEST": -6.9,  # [26]
    "SANCTION": -6.0,  # [12]
    "MOBILIZE": -7.2,  # [5]
    "COERCE": -6.7,  # [13]
    "ASSAULT": -9.6,  # [27]
}
GOLDSTEIN_BY_MODE = {
    ("ASSAULT", "abduct"): -8.5, ("ASSAULT", "assassinate"): -9.0, ("ASSAULT", "beat"): -9.5,
    ("ASSAULT", "cleansing"): -9.8, ("ASSAULT", "explosives"): -10.0,
    ("ASSAULT", "firearms"): -10.0, ("ASSAULT", "heavy-weapons"): -10.0,
    ("ASSAULT", "massacre"): -10.0, ("ASSAULT", "sexual"): -9.0,
    ("ASSAULT", "suicide-attack"): -10.0, ("ASSAULT", "torture"): -9.0,
    ("ASSAULT", "unconventional"): -10.0,
    ("COERCE", "arrest"): -5.0, ("COERCE", "ban"): -5.0, ("COERCE", "curfew"): -5.0,
    ("COERCE", "deport"): -5.0, ("COERCE", "restrict"): -6.9, ("COERCE", "seize"): -9.3,
    ("CONSULT", "phone"): 1.0, ("CONSULT", "third-party"): 2.5, ("CONSULT", "visit"): 2.3,
    ("PROTEST", "boycott"): -6.5, ("PROTEST", "demo"): -6.5, ("PROTEST", "hunger"): -6.5,
    ("PROTEST", "obstruct"): -7.5, ("PROTEST", "riot"): -7.5,
    ("REJECT", "assist"): -4.0, ("REJECT", "change"): -4.0, ("REJECT", "meet"): -5.0,
    ("REJECT", "yield"): -4.3,
    ("REQUEST", "assist"): -5.0, ("REQUEST", "change"): -5.0, ("REQUEST", "meet"): -5.0,
    ("REQUEST", "yield"): -5.0,
    ("RETREAT", "access"): 9.0, ("RETREAT", "ceasefire"): 9.0, ("RETREAT", "disarm"): 9.3,
    ("RETREAT", "release"): 7.0, ("RETREAT", "return"): 7.0, ("RETREAT", "withdraw"): 9.0,
    ("SANCTION", "discontinue"): -5.6, ("SANCTION", "expel"): -7.0,
    ("SANCTION", "withdraw"): -5.8,
    ("THREATEN", "ban"): -5.8, ("THREATEN", "expel"): -7.0, ("THREATEN", "political"): -5.8,
    ("THREATEN", "relations"): -6.0, ("THREATEN", "restrict"): -6.1,
    ("THREATEN", "territory"): -7.0, ("THREATEN", "violence"): -7.0,
}


def quad_class(type: str, mode: str = "") -> str:
    """The quad class of a PLOVER type: one of :data:`QUADS`, or "" for an unknown type.

    PLOVER groups by type alone; ``mode`` is accepted so callers can pass an event's
    (type, mode) pair unchanged, and does not change the answer."""
    index = _QUAD_OF_TYPE.get(type)
    return QUADS[index] if index is not None else ""


def goldstein(type: str, mode: str = "") -> float:
    """Conflict (-10) to cooperation (+10) score of a (type, mode); 0.0 for an unknown type."""
    if (type, mode) in GOLDSTEIN_BY_MODE:
        return GOLDSTEIN_BY_MODE[(type, mode)]
    return GOLDSTEIN_BY_TYPE.get(type, 0.0)
