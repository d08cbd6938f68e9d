"""Social media posts embedded in articles, as they arrive after a crawl has flattened them.

A tweet embedded in a page becomes a line of text once the markup is gone, and crawls strip
``@``, ``#`` and ``/`` as well::

    Defence Secretary BWallaceMP today met ... pic.twitter.coml6BwV1azpm
    — Ministry of Defence (DefenceHQ) March 8, 2022

:func:`detect` recognises such a line from the traces embeds leave (``pic.twitter.com``
fragments, ``twitter.com<handle>status<id>`` links, the ``— Name (handle) date`` tail of a
tweet, Instagram's ``A post shared by`` line, ``t.co`` links) and reads the account that
posted it when the line says so. The clean stage stores one :class:`Embed` per embed line
(table ``embeds``), so the quotes layer can turn posts into quotes by their account.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, ClassVar  # noqa: F401  Record.from_dict resolves hints in this module

from .records import Record
from .store import Store

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
_MONTHS.update({name[:3]: n for name, n in list(_MONTHS.items())})
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})"
# Twitter handles are 1-15 word characters; Instagram's also allow dots, up to 30.
_HANDLE = r"[A-Za-z0-9_]{1,15}"

_PIC = re.compile(r"\bpic\.(?:twitter|x)\.com/?[A-Za-z0-9]{4,}", re.I)
_STATUS = re.compile(rf"\b(?:mobile\.)?(?:twitter|x)\.com/?(?P<handle>{_HANDLE})/?status(?:es)?/?\d{{6,}}", re.I)
_TCO = re.compile(r"\bhttps?:?/{0,2}t\.co/?[A-Za-z0-9]{6,}", re.I)
_TAIL = re.compile(
    rf"(?:^|\s)(?:—|–|-{{1,2}})\s*(?P<name>[^()—–\n]{{0,60}}?)\s*\(\s*@?(?P<handle>{_HANDLE})\s*\)\s*(?P<date>{_DATE})",
)
_INSTAGRAM = re.compile(
    rf"\bA post shared by\s+(?P<name>[^()\n]{{0,60}}?)\s*\(\s*@?(?P<handle>[A-Za-z0-9_.]{{1,30}})\s*\)"
    rf"(?:\s+on\s+(?P<date>{_DATE}))?",
    re.I,
)
_INSTAGRAM_VIEW = re.compile(r"^\s*View this (?:post|photo|video) on Instagram\s*$", re.I)
_TIKTOK = re.compile(rf"\btiktok\.com/?@?(?P<handle>[A-Za-z0-9_.]{{2,24}})", re.I)
# A handle fused into the sentence once its @ was stripped: an upper-case letter after a
# lower-case one (JaneHaleMP, TomasBerg) or two capitals before lower case (BWallace).
_FUSED = re.compile(r"\b(?=\w*[a-z][A-Z]|[A-Z]{2,}[a-z])[A-Za-z][A-Za-z0-9_]{2,14}\b")


@dataclasses.dataclass(frozen=True)
class Embed(Record):
    """A social post embedded in an article: which line, which platform, whose account.

    ``account`` is the handle without ``@`` (``""`` when the line does not say);
    ``inferred`` is True when the account was not on this line but is the only account any
    embed line of the article names (a post split over two lines). ``mentions``: handles
    the post names, as far as they can be told from fused words.
    """

    article_id: str
    sentence_index: int
    platform: str
    account: str = ""
    name: str = ""
    posted: dt.date | None = None
    mentions: tuple[str, ...] = ()
    inferred: bool = False


def _parse_date(raw: str | None) -> dt.date | None:
    if not raw:
        return None
    parts = re.findall(r"[A-Za-z]+|\d+", raw)
    try:
        if parts[0].isdigit():
            day, month, year = int(parts[0]), _MONTHS[parts[1].lower()[:3]], int(parts[2])
        else:
            month, day, year = _MONTHS[parts[0].lower()[:3]], int(parts[1]), int(parts[2])
        return dt.date(year, month, day)
    except (KeyError, ValueError, IndexError):
        return None


def detect(text: str, article_id: str = "", index: int = 0) -> Embed | None:
    """The embed this line is, or None when it shows no trace of one. Never raises."""
    if not text or len(text) > 5000:
        return None
    lower = text.lower()
    # Every trace below needs one of these; most lines have none and skip the regexes.
    if "(" not in text and not any(w in lower for w in ("twitter", "x.com", "t.co", "instagram", "tiktok")):
        return None
    platform = ""
    account = name = ""
    posted = None
    m = _TAIL.search(text)
    if m:
        platform, account, name, posted = "twitter", m["handle"], m["name"].strip(), _parse_date(m["date"])
    elif (m := _INSTAGRAM.search(text)) is not None:
        platform, account, name, posted = "instagram", m["handle"], m["name"].strip(), _parse_date(m["date"])
    elif _INSTAGRAM_VIEW.match(text):
        platform = "instagram"
    if not platform:
        if _PIC.search(text) or _TCO.search(text):
            platform = "twitter"
        if (m := _STATUS.search(text)) is not None:
            platform, account = "twitter", m["handle"]
        elif (m := _TIKTOK.search(text)) is not None:
            platform, account = "tiktok", m["handle"]
    if not platform:
        return None
    skip = {account.lower()} if account else set()
    mentions = tuple(dict.fromkeys(
        t for t in _FUSED.findall(_PIC.sub(" ", _STATUS.sub(" ", text))) if t.lower() not in skip
    ))
    return Embed(article_id, index, platform, account, name, posted, mentions)


def detect_all(article_id: str, texts: Sequence[str]) -> list[Embed]:
    """Embeds among an article's lines, with accounts inferred for lines that lack one when
    the article's embed lines name exactly one account."""
    found = [e for i, t in enumerate(texts) if (e := detect(t, article_id, i)) is not None]
    accounts = {(e.platform, e.account, e.name) for e in found if e.account}
    if len(accounts) == 1:
        platform, account, name = next(iter(accounts))
        found = [
            e.replace(account=account, name=name, inferred=True) if not e.account and e.platform == platform else e
            for e in found
        ]
    return found


# --- store --------------------------------------------------------------------------------
def save(store: Store, embeds: Sequence[Embed]) -> None:
    """Write embeds (inside the clean stage's transaction)."""
    store.executemany(
        "INSERT INTO embeds (article_id, idx, platform, account, name, posted, mentions, inferred) "
        "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (article_id, idx) DO UPDATE SET platform = excluded.platform, "
        "account = excluded.account, name = excluded.name, posted = excluded.posted, "
        "mentions = excluded.mentions, inferred = excluded.inferred",
        [(e.article_id, e.sentence_index, e.platform, e.account, e.name,
          e.posted.isoformat() if e.posted else None, ",".join(e.mentions), int(e.inferred)) for e in embeds],
    )


def embeds_for(store: Store, article_ids: Sequence[str]) -> list[Embed]:
    """The embeds of these articles, by article then line."""
    out = []
    for marks, chunk in store.in_chunks(list(article_ids)):
        for aid, idx, platform, account, name, posted, mentions, inferred in store.rows(
            "SELECT article_id, idx, platform, account, name, posted, mentions, inferred FROM embeds "
            f"WHERE article_id IN ({marks}) ORDER BY article_id, idx", chunk,
        ):
            out.append(Embed(aid, idx, platform, account, name, dt.date.fromisoformat(posted) if posted else None,
                             tuple(m for m in mentions.split(",") if m), bool(inferred)))
    return out


def by_account(store: Store, account: str, limit: int = 100) -> list[Embed]:
    """Embeds posted by one account (handle, case-insensitive), for the quotes layer."""
    rows = store.rows("SELECT article_id, idx FROM embeds WHERE LOWER(account) = ? ORDER BY article_id, idx "
                      f"LIMIT {int(limit)}", (account.lstrip("@").lower(),))
    found = {(e.article_id, e.sentence_index): e for e in embeds_for(store, sorted({r[0] for r in rows}))}
    return [found[(a, i)] for a, i in rows if (a, i) in found]
