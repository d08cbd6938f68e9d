"""What the CLI and the web app show beside an article: filled in by later stages."""

from __future__ import annotations

from typing import Any

from .store import Store


def article_extras(store: Store, article_id: str) -> dict[str, Any]:
    """Stage results for one article (syndication group, entities, quotes...), by stage."""
    return {}
