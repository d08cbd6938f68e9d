"""The command group and the options every command shares."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import click

import os

from .. import __version__
from ..errors import NotFound, StorylineError, UsageError
from ..ingest import EXIT_FAILED, EXIT_USAGE
from ..settings import Settings
from ..store import Store, open_store


class Context:
    """What the group options set up for every command."""

    def __init__(self, db: str | None, sets: tuple[str, ...], quiet: bool):
        self.settings = Settings.from_pairs(sets)
        if quiet:
            self.settings = self.settings.replace(ingest__progress=False)
        self.db = db or self.settings["store.path"]
        self.quiet = quiet

    def store(self, *, readonly: bool = False) -> Store:
        return open_store(self.db, readonly=readonly, settings=self.settings)


class StorylineGroup(click.Group):
    """Turns storyline errors into ``Error: CODE message`` on stderr and an exit code:
    2 for a bad request (usage, unknown id), 3 for a failure, 130 for an interrupt."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (UsageError, NotFound) as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(EXIT_USAGE)
        except StorylineError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(EXIT_FAILED)
        except KeyboardInterrupt:
            click.echo("Interrupted: everything committed so far is kept; run the command again to finish.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            ctx.exit(0)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:
            if os.environ.get("STORYLINE_DEBUG"):
                raise
            click.echo(
                f"Error: INTERNAL {type(exc).__name__}: {exc}\n"
                "This is a bug in storyline. Everything committed so far is kept. "
                "Run again with STORYLINE_DEBUG=1 for the traceback, and please report it.",
                err=True,
            )
            ctx.exit(EXIT_FAILED)


@click.group(cls=StorylineGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="storyline")
def cli() -> None:
    """storyline: follow a developing news story.

    Turns piles and streams of crawled news articles into stories, sourced timelines, and
    who said and did what. Start with `storyline ingest PATH`.
    """


def common_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--db, --set and --quiet on a command; passes a Context as ``ctx``."""

    @click.option("--db", envvar="STORYLINE_DB", metavar="PATH|URL",
                  help="Store: an SQLite file (default storyline.db) or a postgresql:// URL. Env: STORYLINE_DB.")
    @click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
                  help="Change a setting for this run (repeatable); `storyline settings` lists them.")
    @click.option("-q", "--quiet", is_flag=True, help="No progress bars or summaries on stderr.")
    @functools.wraps(fn)
    def wrapper(db: str | None, sets: tuple[str, ...], quiet: bool, **kwargs: Any) -> Any:
        _refuse_blank_options(kwargs)
        return fn(Context(db, sets, quiet), **kwargs)

    return wrapper


def _refuse_blank_options(values: dict[str, Any]) -> None:
    """A filter given as blank text (``--actor "$NAME"`` with NAME unset) would list
    everything as if it matched; say so instead."""
    for param in click.get_current_context().command.params:
        value = values.get(param.name or "")
        if isinstance(param, click.Option) and isinstance(value, str) and not value.strip():
            option = max(param.opts, key=len)
            raise UsageError(f"{option} is empty: give it a value, or leave it out")


def output_option(*choices: str, default: str = "table") -> Callable[..., Any]:
    """--json / --csv / --jsonl style switches mapped onto one ``fmt`` argument."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        for choice in reversed(choices):
            fn = click.option(f"--{choice}", "fmt", flag_value=choice, help=f"Print {choice.upper()}.")(fn)
        fn = click.option("--table", "fmt", flag_value="table", default=True, hidden=True)(fn)
        return fn

    return decorate


def parse_day(value: str | None, name: str) -> dt.date | None:
    """YYYY-MM-DD or YYYYMMDD from an option."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 8 and text.isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{name} takes a date as YYYY-MM-DD, not {value!r}") from None


def stderr(message: str, quiet: bool = False) -> None:
    if not quiet:
        click.echo(message, err=True)


def emit_rows(rows: Any, columns: list[str] | None = None, *, fmt: str = "table", title: str | None = None, empty: str = "nothing to show") -> None:
    """Print a listing (or, for json, any value) in the chosen format."""
    from .. import output

    if fmt == "json" and not isinstance(rows, list):
        output.emit_json(rows)
        return
    output.emit(rows, columns or [], fmt=fmt, title=title, empty=empty)
