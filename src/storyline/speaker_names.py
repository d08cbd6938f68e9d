"""How a quote's speaker is shown: the entity's canonical name when the article wrote a name of it.

Entities are renamed as the corpus grows (``Assad`` becomes ``Bashar al-Assad`` once an article
names him in full), so a listing names a linked speaker by the entity's name now; but a
description linked to a body or a person (``a Foreign Ministry spokesman``) speaks for it and
is not it, so it keeps the article's words.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .store import Store

__all__ = ["canonical_speakers"]


def canonical_speakers(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``speaker_name`` of a linked speaker is the entity's canonical name now (entities are
    renamed as the corpus grows) when the article wrote a name of it: a person's name, titled
    or not (``Manager Steve Mullen``, ``Mr Assad`` -> ``Bashar al-Assad``), or a body's whole
    name (``the Local Co-ordination Committees``). A description keeps the article's words:
    ``a Foreign Ministry spokesman`` or ``Hales officials`` speak for a body or a person but
    are not it. ``speaker_as_written``, when a row has it, is the speaker's span text."""
    found: dict[str, tuple[str, str, list[str]]] = {}
    for marks, chunk in store.in_chunks(sorted({r["speaker_entity"] for r in rows if r["speaker_entity"]})):
        found.update({r["id"]: (r["name"], r["label"], json.loads(r["variants"])) for r in store.query(
            f"SELECT id, name, label, variants FROM entities WHERE id IN ({marks})", chunk)})
    for row in rows:
        name, label, variants = found.get(row["speaker_entity"], ("", "", []))
        if name and _written_as(name, label, variants, row["speaker_name"], row.get("speaker_as_written")):
            row["speaker_name"] = name
    return rows


def _words(text: str) -> list[str]:
    return re.split(r"[\s-]+", text.lower().strip())  # "al-Assad" is two words


def _written_as(name: str, label: str, variants: list[str], speaker_name: str, written: str | None) -> bool:
    """Whether the speaker is written as a name of the entity (see :func:`canonical_speakers`)."""
    if label == "PERSON":
        last = _words(speaker_name)[-1]
        return bool(last) and last in _words(name)
    forms = [_words(n) for n in (name, *variants)]
    return any(w is not None and _same_words([x for x in _words(w) if x not in ("the", "a", "an")], form)
               for w in (speaker_name, written) for form in forms)


def _same_words(written: list[str], form: list[str]) -> bool:
    """The words of a name, a possessive's apostrophe stripped or not (``Northfords Ministry
    of Defence``, ``Northford's Ministry of Defence``: the Northford Ministry of Defence)."""
    return len(written) == len(form) and all(
        w == f or w in (f + "s", f + "'s", f + "\u2019s") for w, f in zip(written, form))
