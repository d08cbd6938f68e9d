"""The ``storyline`` command: thin shells over the library (see ARCHITECTURE.md).

Each command parses its options, calls one library function and prints the result. Command
groups live in their own modules and register themselves on :data:`cli`; errors become a
message and an exit code in :class:`storyline.cli.common.StorylineGroup`.
"""

from __future__ import annotations

from .. import __version__
from .common import cli

# Importing the command modules registers their commands on ``cli``.
from . import browse, events, ingest, noise, serve, stories, understand, watch  # noqa: E402,F401


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``storyline`` console script."""
    cli.main(args=argv, prog_name="storyline")


__all__ = ["cli", "main", "__version__"]
