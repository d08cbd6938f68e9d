"""The ``storyline`` command: thin shells over the library (see ARCHITECTURE.md).

Each command parses its options, calls one library function and prints the result. Command
groups live in their own modules and register themselves on :data:`cli`.
"""

from __future__ import annotations

import os
import sys

import click

from .. import __version__
from ..errors import NotFound, StorylineError, UsageError
from ..ingest import EXIT_FAILED, EXIT_USAGE
from .common import cli

# Importing the command modules registers their commands on ``cli``.
from . import browse, events, ingest, noise, serve, stories, understand, watch  # noqa: E402,F401


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command; turn storyline errors into a message and an exit code."""
    try:
        cli.main(args=argv, prog_name="storyline", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_FAILED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if exc.exit_code == 2 else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (UsageError, NotFound) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except StorylineError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    except KeyboardInterrupt:
        click.echo("Interrupted: everything committed so far is kept; run the command again to finish.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("STORYLINE_DEBUG"):
            raise
        click.echo(
            f"Error: INTERNAL {type(exc).__name__}: {exc}\n"
            "This is a bug in storyline. Everything committed so far is kept. "
            "Run again with STORYLINE_DEBUG=1 for the traceback, and please report it.",
            err=True,
        )
        sys.exit(EXIT_FAILED)


__all__ = ["cli", "main", "__version__"]
