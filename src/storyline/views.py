"""What the CLI and the web app show beside an article: filled in by later stages.

:func:`article_extras` returns one entry per stage that knows something about the article,
plus ``summary``: short ``name -> text`` lines that `storyline show` prints under the
article's counts. A stage adds itself by appending a function to :data:`EXTRAS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .store import Store


def noise_extras(store: Store, article_id: str) -> dict[str, Any]:
    """Syndication group, repeated statements and embeds of one article."""
    from . import embeds, statements, syndication

    group = syndication.group_of(store, article_id)
    shared = statements.summary_for(store, article_id)
    posts = embeds.embeds_for(store, [article_id])
    summary: dict[str, str] = {}
    if group is not None:
        where = "canonical copy" if group.canonical == article_id else f"canonical copy is {group.canonical}"
        summary["copies"] = (f"{group.size - 1} other copies in syndication group {group.id} "
                             f"({group.outlets} outlets; {where})")
    if shared["sentences"]:
        summary["statements"] = (f"{shared['shared']} of {shared['sentences']} sentences also in other articles, "
                                 f"{shared['shared_with_other_outlets']} from other independent outlets")
    if posts:
        summary["embeds"] = ", ".join(f"{e.platform} {e.account or '(account unknown)'}" for e in posts)
    return {
        "syndication": group.to_dict() if group else None,
        "statements": shared,
        "embeds": [e.to_dict() for e in posts],
        "summary": summary,
    }


EXTRAS: list[Callable[[Store, str], dict[str, Any]]] = [noise_extras]


def article_extras(store: Store, article_id: str) -> dict[str, Any]:
    """Stage results for one article (syndication group, entities, quotes...), by stage;
    the ``summary`` lines of every stage are merged."""
    out: dict[str, Any] = {"summary": {}}
    for extra in EXTRAS:
        part = extra(store, article_id)
        out["summary"].update(part.pop("summary", {}))
        out.update(part)
    return out
