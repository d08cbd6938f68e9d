"""Every tunable number in storyline, declared once with its default and the reason for it.

The CLI (``--set key=value``), the HTTP server, the docs (``storyline settings``) and
validation all read :data:`SETTINGS`. Library code takes a :class:`Settings` object and reads
values by name: ``settings["ingest.batch_size"]``.

Keep each entry's ``why`` honest: where a value came from a benchmark, say which one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import UsageError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    why: str
    choices: tuple[Any, ...] | None = None

    @property
    def type(self) -> type:
        return type(self.default)

    def parse(self, raw: Any) -> Any:
        """Convert ``raw`` (often a string from the command line) to this setting's type."""
        value: Any
        try:
            if isinstance(self.default, bool):
                if isinstance(raw, bool):
                    value = raw
                elif str(raw).lower() in ("1", "true", "yes", "on"):
                    value = True
                elif str(raw).lower() in ("0", "false", "no", "off"):
                    value = False
                else:
                    raise ValueError(raw)
            elif isinstance(self.default, int):
                value = int(raw)
            elif isinstance(self.default, float):
                value = float(raw)
            else:
                value = str(raw)
        except (TypeError, ValueError):
            raise UsageError(
                f"setting {self.name} takes a {self.type.__name__}, not {raw!r} "
                f"(default {self.default!r})"
            ) from None
        if self.choices is not None and value not in self.choices:
            raise UsageError(
                f"setting {self.name} must be one of {', '.join(map(str, self.choices))}, "
                f"not {value!r}"
            )
        return value


SETTINGS: tuple[Setting, ...] = (
    # --- store -----------------------------------------------------------------------
    Setting("store.path", "storyline.db",
            "One SQLite file in the working directory is what a laptop user expects; "
            "--db overrides it, and a postgresql:// URL selects the server back-end."),
    Setting("store.busy_timeout_ms", 30000,
            "Readers (the web app) and one writer share the file in WAL mode; a writer waits "
            "this long for a lock before failing, long enough for a big batch commit."),
    # --- ingest ----------------------------------------------------------------------
    Setting("ingest.batch_size", 500,
            "Articles per write transaction. Large enough that commit cost is amortised "
            "(benchmarks/ingest_throughput.py), small enough that a kill loses little work."),
    Setting("ingest.encoding", "utf-8",
            "Input encoding of text files. Crawls are UTF-8; a user with legacy files sets "
            "cp1252 or latin-1 here instead of having them rejected as UNDECODABLE."),
    Setting("ingest.max_line_chars", 20000,
            "A sentence line longer than this is not a sentence (minified script, a whole "
            "page on one line). The longest sentences in the BBC and Reuters corpora are "
            "under 2,000 characters; 10x headroom."),
    Setting("ingest.max_record_bytes", 5_000_000,
            "Largest JSONL line or HTML page accepted. The biggest news pages are ~1 MB of "
            "HTML; anything past 5 MB is a dump, not an article."),
    Setting("ingest.max_sentences", 5000,
            "An article with more sentence lines is a listing or a concatenation; it is "
            "rejected as TOO_LARGE rather than slowing every later stage."),
    Setting("ingest.min_year", 1900,
            "Publication dates before this are typos (0202 for 2022), rejected as BAD_DATE."),
    Setting("ingest.max_future_days", 2,
            "Publication dates more than this many days after today are typos or time-zone "
            "games; two days covers every time zone and feeds that post-date articles."),
    Setting("ingest.jobs", 2,
            "Worker processes for reading and parsing inputs; the target machine has 2 cores."),
    Setting("ingest.progress", True,
            "Show a progress bar for long work; --quiet turns it off."),
    # --- clean (boilerplate, embeds) ------------------------------------------------
    Setting("clean.batch_size", 500,
            "Articles per clean transaction; the same trade-off as ingest.batch_size."),
    Setting("clean.furniture_min_stories", 3,
            "A line seen in this many different stories (distinct headlines) of one site is "
            "site furniture. 2 marks background paragraphs a site reuses in a follow-up; 3 "
            "kept original text under the 1% target on the dev split of "
            "benchmarks/noise_boilerplate.py while finding furniture after its third story."),
    # --- dedup (syndication, statements) --------------------------------------------
    Setting("dedup.batch_size", 500,
            "Articles per dedup transaction; the same trade-off as ingest.batch_size."),
    Setting("dedup.shingle_words", 4,
            "Word n-grams inside one sentence (never across: local copies shuffle sentences). "
            "4 words: 3 made distinct same-topic articles share stock phrases, 5 lost too much "
            "to a few changed words (dev split of benchmarks/noise_syndication.py)."),
    Setting("dedup.num_perm", 128,
            "MinHash permutations: the Jaccard estimate's standard error is about "
            "sqrt(J(1-J)/128) = 0.044 at J = 0.5, fine for thresholds 0.5 and 0.8; the "
            "signature is 512 bytes per article."),
    Setting("dedup.lsh_rows", 4,
            "Rows per LSH band. With 32 bands of 4 rows a pair with Jaccard 0.5 becomes a "
            "candidate with probability 0.87 and 0.6 with 0.99; truncated copies (low "
            "Jaccard, high containment) are found through shared sentences instead."),
    Setting("dedup.lsh_bands", 32,
            "LSH bands (num_perm = bands x rows at most); see dedup.lsh_rows."),
    Setting("dedup.min_jaccard", 0.5,
            "Estimated Jaccard similarity of shingle sets above which two articles are copies: "
            "a copy with a changed headline and a few words changed keeps 0.7-0.9, distinct "
            "articles on one topic stay below 0.2 (dev split, noise_syndication.py)."),
    Setting("dedup.min_containment", 0.8,
            "Share of the smaller article's shingles found in the larger one above which it is "
            "a (truncated) copy; a follow-up story reusing background paragraphs shares well "
            "under half (dev split, noise_syndication.py)."),
    Setting("dedup.min_shingles", 8,
            "Containment alone links an article only if its cleaned text has this many "
            "shingles (about two sentences): a one-line brief is contained in many stories."),
    Setting("dedup.max_bucket", 400,
            "Candidates read per LSH bucket or shared sentence, so one article's cost does not "
            "grow with a huge group or a stock sentence; beyond this a new copy still joins "
            "its group through the first members."),
    Setting("dedup.candidate_sentence_words", 6,
            "Only sentences of at least this many words propose copy candidates: shorter ones "
            "(\"He declined to comment.\") recur in unrelated stories."),
    Setting("dedup.statement_fuzzy_ratio", 90.0,
            "rapidfuzz ratio (0-100) above which two sentences of linked copies are one "
            "statement: one changed word in a 15-word sentence scores about 93."),
    # --- enrich (nlp, entities, dates, quotes, events) -------------------------------
    # entities (nlp/repair.py, nlp/mentions.py, canonical.py; benchmarks/names_meantime.py)
    Setting("entities.labels", "PERSON,ORG,GPE,LOC,NORP,FAC,EVENT,PRODUCT",
            "spaCy (OntoNotes) labels kept as entity mentions: people, organisations, "
            "places, groups, plus facilities, events and products; dates, numbers and money "
            "are other stages' business."),
    Setting("entities.max_mention_chars", 80,
            "A name longer than this is a mis-segmented span (a headline or a list run "
            "together); the longest real names (long organisation names) are ~60 characters."),
    Setting("entities.canonical_min_share", 0.2,
            "The canonical name is the fullest form among those that make up at least this "
            "share of the most frequent form's count: 'Acme Corporation' used 20 times beside "
            "60 'Acme' counts, a one-off 'Joseph R. Biden Jr.' among 50 'Joe Biden' does not."),
    Setting("entities.fuzzy_ratio", 94.0,
            "rapidfuzz ratio at or above which two surnames of people with the same first "
            "name are one spelling: Zelensky/Zelenskyy and Zelensky/Zelenskiy score 94.1, "
            "Johnson/Johnston 93.3 (two different common names), so 94 keeps them apart."),
    Setting("entities.vote_labels", True,
            "Let the corpus correct the model's label: a name known in exactly one other class "
            "joins it ('Jobs' tagged ORG joins the person Steve Jobs). Off when the labels are "
            "trusted (gold types in benchmarks/names_meantime.py)."),
    # --- stories, summaries, timelines ----------------------------------------------
    # --- web -------------------------------------------------------------------------
    # --- watch (feeds) ----------------------------------------------------------------
)

_BY_NAME = {s.name: s for s in SETTINGS}


class Settings(Mapping[str, Any]):
    """Defaults from :data:`SETTINGS`, overridden by name. Immutable once made."""

    def __init__(self, overrides: Mapping[str, Any] | None = None):
        values = {s.name: s.default for s in SETTINGS}
        for name, raw in (overrides or {}).items():
            values[name] = setting(name).parse(raw)
        self._values = values

    @classmethod
    def from_pairs(cls, pairs: Iterable[str]) -> Settings:
        """Build from ``key=value`` strings, as given to ``--set``."""
        overrides: dict[str, str] = {}
        for pair in pairs:
            name, sep, raw = pair.partition("=")
            if not sep:
                raise UsageError(f"--set takes key=value, not {pair!r}")
            overrides[name.strip()] = raw.strip()
        return cls(overrides)

    def replace(self, **overrides: Any) -> Settings:
        """A copy with some values changed; keys use ``__`` for dots (``ingest__jobs=1``)."""
        merged = dict(self._values)
        merged.update({k.replace("__", "."): v for k, v in overrides.items()})
        return Settings(merged)

    def __getitem__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise UsageError(f"unknown setting {name!r}; `storyline settings` lists them") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def changed(self) -> dict[str, Any]:
        """The values that differ from their defaults."""
        return {k: v for k, v in self._values.items() if v != _BY_NAME[k].default}


def setting(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UsageError(f"unknown setting {name!r}; `storyline settings` lists them") from None


DEFAULTS = Settings()
