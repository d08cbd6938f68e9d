"""Opaque cursors for paged listings.

A listing returns ``{"items": [...], "next": CURSOR | null}``; the client passes ``cursor=``
back unchanged to get the next page. A cursor names the listing it belongs to and where to
go on from (a sequence number, a sentence id, or an offset); it is URL-safe base64 so that
nobody builds one by hand, and one from another listing, or a damaged one, is refused as
``BAD_CURSOR`` (422) instead of silently restarting the listing.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any

from ..errors import UsageError


def encode(listing: str, position: int) -> str:
    """A cursor that resumes ``listing`` at ``position``."""
    raw = json.dumps([listing, int(position)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str | None, listing: str) -> int | None:
    """The position a cursor of ``listing`` resumes at; ``None`` for no cursor."""
    if cursor is None or cursor == "":
        return None
    bad = UsageError(f"the cursor {cursor[:40]!r} is not one this listing ({listing}) returned; "
                     "pass the 'next' value of the previous page unchanged", code="BAD_CURSOR")
    if len(cursor) > 200:
        raise bad
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, position = json.loads(raw.decode())
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise bad from None
    if name != listing or not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise bad
    return position


def page(items: Sequence[Any], limit: int, listing: str, next_position: int | None) -> dict[str, Any]:
    """A page of at most ``limit`` items; ``items`` holds one more when there is a next page,
    which then starts at ``next_position``."""
    more = len(items) > limit
    return {"items": list(items[:limit]), "next": encode(listing, next_position) if more and next_position is not None else None}
