"""The web app and JSON API (``storyline serve``): :func:`create_app` builds it over a store."""

from .app import app_from_env, create_app

__all__ = ["create_app", "app_from_env"]
