"""storyline entities / entity / quotes / train-quotes (the understanding layer)."""

from __future__ import annotations

import click

from .. import findings
from ..errors import UsageError
from .common import Context, cli, common_options, emit_rows, output_option, parse_day, stderr


@cli.command()
@click.option("--label", metavar="LABEL", help="Only this type: PERSON, ORG, GPE, LOC, NORP...")
@click.option("--query", metavar="TEXT", help="Names or variants containing this text.")
@click.option("--story", metavar="ID", help="Only entities mentioned in this story.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0))
@output_option("json", "csv")
@common_options
def entities(ctx: Context, label, query, story, limit, offset, fmt) -> None:
    """Entities with one canonical name each, most mentioned first, with their variants."""
    rows = findings.list_entities(ctx.store(readonly=True), label=label, query=query, story=story, limit=limit, offset=offset)
    emit_rows(rows, ["name", "label", "mentions", "articles", "variants"], fmt=fmt, empty="no entities (run `storyline enrich`?)")


@cli.command()
@click.option("--speaker", metavar="NAME", help="Only quotes by this speaker (a name, a variant or an entity id).")
@click.option("--story", metavar="ID", help="Only quotes in this story.")
@click.option("--article", metavar="ID", help="Only quotes in this article.")
@click.option("--known", is_flag=True, help="Leave out quotes whose speaker is unknown.")
@click.option("--kind", metavar="KINDS", help="Only these kinds, comma-separated: direct, indirect, mixed, embed "
              "(a social post), stance (a view held, not words said). E.g. --kind direct,indirect.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=1))
@click.option("--after", type=int, metavar="ID", help="Continue after this quote id (cursor).")
@click.option("--since", metavar="DATE", help="Only quotes in articles published on or after this day (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only quotes in articles published on or before this day.")
@click.option("--every-copy", is_flag=True,
              help="One row per article carrying a quote, instead of each statement once with its sources.")
@click.option("--sort", type=click.Choice(["found", "reports"]), default="found", show_default=True,
              help="found: in the order found (pages with --after); reports: the most reported statements "
              "first (by the sentences carrying them; does not page).")
@output_option("json", "csv", "jsonl")
@common_options
def quotes(ctx: Context, speaker, story, article, known, kind, limit, after, since, until, every_copy, sort,
           fmt) -> None:
    """Who said what: quotes (found without quote marks) with resolved speakers and sources,
    each with its kind (a stance is a view held, not words said: leave stances out with
    --kind direct,indirect,mixed,embed). The same words by the same speaker in several articles (a wire story on many sites) are
    one row with every source and the number of independent outlets."""
    store = ctx.store(readonly=True)
    kinds = findings.quote_kinds(kind)
    days = {"since": parse_day(since, "--since"), "until": parse_day(until, "--until")}
    if every_copy and sort == "reports":
        raise UsageError("--sort reports ranks statements, each once with its sources: leave out --every-copy")
    if every_copy:
        rows = findings.list_quotes(store, speaker=speaker, story=story, article=article,
                                    known_only=known, limit=limit, after=after, kinds=kinds, **days)
        emit_rows(rows, ["published", "outlet", "speaker_name", "kind", "text"], fmt=fmt, empty="no quotes match")
        return
    rows = findings.distinct_quotes(store, speaker=speaker, story=story, article=article,
                                    known_only=known, limit=limit, after=after, kinds=kinds,
                                    most_reported=sort == "reports", **days)
    emit_rows(rows, ["published", "speaker_name", "kind", "reports", "independent_outlets", "text"], fmt=fmt,
              empty="no quotes match")


@cli.command("train-quotes")
@click.option("--data", required=True, type=click.Path(exists=True),
              help="The shared data root (holding quotes/polnear/raw) or the raw PolNeAR folder.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Write the model here instead of the packaged data/quote_model.npz.")
@click.option("--dev-fold", is_flag=True,
              help="Leave out the development fold of train (to score on it: benchmarks/quotes_polnear.py --fold).")
@common_options
def train_quotes(ctx: Context, data, out, dev_fold) -> None:
    """Rebuild the attribution model the quote finder uses beside its rules, from PolNeAR
    train (parses about 30,000 sentences: several minutes on two cores)."""
    from ..nlp.quote_training import rebuild

    if dev_fold and not out:
        raise UsageError("--dev-fold needs --out: the packaged model is trained on all of train")
    path, meta = rebuild(data, out, ctx.settings, fold=dev_fold)
    ex = meta["examples"]
    stderr(f"wrote {path} ({ex['cue']} cue, {ex['content']} content and {ex['continuation']} continuation "
           f"examples from {meta['articles']} articles) and its sidecar {path.with_suffix('.json').name}", ctx.quiet)
