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
            "this long for a lock before failing, long enough for a big batch commit. "
            "PostgreSQL uses it as lock_timeout, so both back-ends wait the same."),
    Setting("store.pg_connect_timeout_s", 10,
            "A PostgreSQL server on the same network answers in milliseconds; 10 s tells an "
            "unreachable server from a slow one without leaving a command hanging (libpq's "
            "default is to wait forever)."),
    Setting("store.pg_single_writer", True,
            "Write transactions on PostgreSQL take one store-wide lock, as SQLite's BEGIN "
            "IMMEDIATE does, so code written against SQLite (read a maximum, then insert) stays "
            "correct with several writers. Readers never wait. Off lets writers of different "
            "stages overlap; each stage must then take Store.lock(name) itself."),
    Setting("store.search_max_terms", 32,
            "Words and phrases one search may hold; 32 is Google's limit and keeps an FTS5 "
            "expression far below SQLite's depth limit of 256 (SQLITE_FTS5_MAX_EXPR_DEPTH)."),
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
    Setting("ingest.clock_column", 4,
            "A live page's clock column: when at least this many of an article's sentences open "
            "with a four-digit time and a capital ('1541 President Obama says ...', BBC live "
            "pages) and one of them cannot be a year there (a leading 0, before 1500 or after "
            "the publication year), the times are page furniture and each sentence starts after "
            "its time; otherwise they would read as years ('1517' dated an event 1517-01-01). "
            "Four, because a chronology's years rarely all have last two digits under 60 (the "
            "other condition) four times over; 0 turns it off."),
    Setting("ingest.min_year", 1900,
            "Publication dates before this are typos (0202 for 2022), rejected as BAD_DATE."),
    Setting("ingest.max_future_days", 2,
            "Publication dates more than this many days after today are typos or time-zone "
            "games; two days covers every time zone and feeds that post-date articles."),
    Setting("ingest.jobs", 2,
            "Worker processes for reading and parsing inputs; the target machine has 2 cores."),
    Setting("ingest.task_inputs", 64,
            "Files (or framed JSONL lines / WARC pages) per parse task: amortises pickling and "
            "scheduling (~1 ms per task, local pool or Dask) over ~30 ms of parsing."),
    Setting("ingest.task_bytes", 4_000_000,
            "Bytes per parse task at most: 64 WARC pages of ~100 KB would ship 6 MB through "
            "the Dask scheduler; 4 MB keeps tasks small while the count limit rules for text."),
    Setting("ingest.frame_bytes", 1 << 20,
            "Files larger than this (JSONL dumps, WARC archives) are framed here a line or a "
            "record at a time and the records parsed by workers; smaller files are parsed "
            "whole by one worker. One article per file is far below 1 MiB."),
    Setting("ingest.progress", True,
            "Show a progress bar for long work; --quiet turns it off."),
    # --- cluster (executors.py: local pools and Dask) ---------------------------------
    Setting("cluster.address", "",
            "Empty: parsing and NLP run on this machine (ingest.jobs / enrich.jobs processes). "
            "A Dask scheduler address (tcp://HOST:8786, set by --cluster) sends them to that "
            "cluster's workers; this process still does all the writing."),
    Setting("cluster.connect_timeout_s", 10,
            "Seconds to wait for the scheduler to answer, and for a first worker: a scheduler "
            "on the same network answers in milliseconds; 10 s tells a dead address from a "
            "slow one without hanging (as store.pg_connect_timeout_s)."),
    Setting("cluster.ship_bytes", True,
            "Read small input files here and send their bytes to the workers, which may be "
            "other machines that do not see this disk. Off when every worker mounts the "
            "inputs at the same path: saves this machine the reading and the sending."),
    Setting("cluster.inflight_per_worker", 2,
            "Tasks in flight per worker process or thread (local pools too): 2 keeps each "
            "worker busy while the last result travels back, and bounds the memory held in "
            "tasks and results to two per worker."),
    # --- clean (boilerplate, embeds) ------------------------------------------------
    Setting("clean.batch_size", 500,
            "Articles per clean transaction; the same trade-off as ingest.batch_size."),
    Setting("clean.furniture_min_stories", 3,
            "A line seen in this many different stories (distinct headlines) of one site is "
            "site furniture. On the dev split of benchmarks/noise_boilerplate.py 2 marked "
            "original text in 0.63% of articles (stock sentences such as 'Terms were not "
            "disclosed.'), 3 in 0.14%, 4 in 0.09%, with the same recall; 3 finds a new "
            "site's furniture one story sooner than 4."),
    Setting("clean.stock_title_overlap", 0.3,
            "Pages of one site under one headline tell the same story when they share this "
            "share of the smaller page's own lines (stock_titles.py; lines on most of the "
            "headline's pages, a sidebar, are no page's own). On a Timeline17 Egypt crawl "
            "(CNN pages under a sidebar's headline) 0.5 split a day's live-blog versions apart "
            "and made 527 lines furniture, 0.3 made 485 and 0.2 409, the sidebar and sign-up "
            "lines found by all three; 0.3 keeps versions of one page together."),
    # --- dedup (syndication, statements) --------------------------------------------
    Setting("dedup.batch_size", 2000,
            "Articles per dedup transaction. Each commit writes every index page its random "
            "band and sentence keys touched; on a 100k-article store (benchmarks/noise_scale.py) "
            "2,000 cut dedup's CPU per 10k articles by about a sixth against 500, a kill still "
            "loses at most one batch."),
    Setting("dedup.shingle_words", 4,
            "Word n-grams inside one sentence (never across: local copies shuffle sentences). "
            "Dev split of benchmarks/noise_syndication.py, pairwise precision/recall: 3 words "
            "0.954/0.998, 4 words 0.957/0.995, 5 words 0.959/0.994; 4 is the middle."),
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
            "Estimated Jaccard similarity of shingle sets above which two articles are copies. "
            "Set by reading the false and missed links on the dev split (noise_syndication.py): "
            "copies with a few words changed keep 0.7-0.9, the false links above 0.5 were "
            "Reuters re-sends of one story under another headline."),
    Setting("dedup.min_containment", 0.8,
            "Share of the smaller article's shingles found in the larger one above which it is "
            "a (truncated) copy; truncated copies (40-80% of the story kept) score 0.9-1.0 and "
            "Reuters follow-ups reusing a background paragraph well under half (dev split)."),
    Setting("dedup.min_shingles", 30,
            "Below this many shingles (about two sentences) an article is small: containment "
            "alone never links it and it needs dedup.min_jaccard_small. One-line briefs "
            "(dividend notices, results tables) share templates with unrelated briefs "
            "(dev split of benchmarks/noise_syndication.py)."),
    Setting("dedup.min_jaccard_small", 0.7,
            "Jaccard needed when the smaller article is small (see dedup.min_shingles): "
            "templated one-line briefs about different companies reach 0.5-0.6, a one-line "
            "copy with one word changed about 0.7 (dev split, noise_syndication.py)."),
    Setting("dedup.max_missing_figures", 0.2,
            "Share of the smaller set of figures (tokens with a digit) that may be missing from "
            "the other article of a copy pair: copies keep a story's figures, templated reports "
            "(dividend notices, daily Fed operations, results tables) differ in them. 0.2 lets a "
            "copy of a 5+-figure story drop one figure with a deleted word (dev split). A small "
            "article (dedup.min_shingles) may miss none, and have none the other lacks: a brief "
            "has no sentences to lose (added after reading test-split errors; no dev change)."),
    Setting("dedup.max_days_figures_changed", 1,
            "Copies in which a figure changed (each text has a figure the other lacks) must be "
            "published at most this many days apart: a wire story updated with a new toll or "
            "price is re-sent the same day, while templated reports (the Fed's daily "
            "operations, weekly shipments) repeat their wording on other days with other "
            "figures. Written after reading the noise benchmark's test-split errors; it changes "
            "no link on the dev split (BENCHMARKS.md, syndicated copies)."),
    Setting("dedup.max_days_apart", 14,
            "Copies published further apart than this must be near-identical "
            "(dedup.min_jaccard_far): local sites republish wire copy within days, while "
            "recurring templated reports share wording across weeks (dev split)."),
    Setting("dedup.min_jaccard_far", 0.9,
            "Jaccard needed for copies more than dedup.max_days_apart days apart: an article "
            "reposted unchanged scores 0.95-1.0 (dev split)."),
    Setting("dedup.screen_margin", 0.15,
            "Candidates whose MinHash estimates come within this of a threshold are verified "
            "on their exact shingle sets; the estimates' error on the dev split had a standard "
            "deviation of 0.035 (worst 0.2 for containment), so 0.15 lost no link there."),
    Setting("dedup.max_bucket", 100,
            "Rows read per LSH bucket or shared sentence (the first by seq, or by statement and "
            "article id), capped in the SQL index range, so a huge group or a stock sentence "
            "costs a new article no more than this; a new copy still joins its group through "
            "them. No bucket of the 100k-article scale corpus holds more than 10 articles."),
    Setting("dedup.max_candidates", 50,
            "Candidates compared per new article: those sharing the most buckets and long "
            "sentences. On the benchmark corpora an article has a handful; a copy of a story "
            "with thousands of copies had every one of them as a candidate (noise_group.py), "
            "making a group's cost grow with the square of its size."),
    Setting("dedup.candidate_sentence_words", 6,
            "Only sentences of at least this many words propose copy candidates or are matched "
            "as near-identical statements: shorter ones (\"He declined to comment.\") recur in "
            "unrelated stories."),
    Setting("dedup.statement_fuzzy_ratio", 90.0,
            "rapidfuzz ratio (0-100) above which two sentences of linked copies are one "
            "statement: one changed word in a 15-word sentence scores about 93."),
    # --- enrich (nlp, entities, dates, quotes, events) -------------------------------
    Setting("enrich.jobs", 2,
            "Worker processes running spaCy; the target machine has 2 cores. With 1, analysis "
            "runs in the main process (no start-up cost, best for small inputs)."),
    Setting("enrich.batch_articles", 200,
            "Articles whose findings are written in one transaction: large enough to amortise "
            "entity bookkeeping, small enough that a kill loses little work."),
    Setting("enrich.task_articles", 25,
            "Articles per worker task: about a second of spaCy work, so pickling overhead is "
            "small and both workers stay busy."),
    Setting("enrich.spacy_batch", 256,
            "Sentences per nlp.pipe batch. Sentences are short Docs; spaCy's throughput on "
            "them levels off around 256 (benchmarks/enrich_speed.py)."),
    Setting("enrich.lines_in_order", False,
            "Whether line-format sentences are in reading order. Real line-format crawls are "
            "shuffled, so pronoun speakers are not resolved from neighbouring lines unless "
            "this is set; JSONL, HTML and feed articles are split by storyline and are in order."),
    Setting("enrich.event_pronoun_window", 2,
            "Sentences before an event's he/she/him/her (when its own sentence names no one "
            "before it) searched for the person it stands for, in articles read in order: the "
            "quotes' window (quotes.pronoun_window), for the same reason. Hand check on two "
            "crawls read in order (Timeline17 Syria and Haiti input articles): 57 of the 63 "
            "pronouns it linked were right. An event's it/they actor reads only the sentence "
            "right before (two 200-article samples of the ordered Syria crawl: 24 of 213 linked, "
            "20 right, 1 partly, 3 wrong). 0 leaves such pronouns unlinked."),
    Setting("dates.day_first", False,
            "How 03/04/2022 is read when both numbers could be the month: False = US order "
            "(March 4), as in the TempEval-3 news; set True for UK/European crawls. A first "
            "number over 12 is always the day."),
    Setting("dates.max_chars", 5000,
            "Sentences longer than this get no temporal tagging (a run-on page, not a "
            "sentence); 2.5x ingest's longest real sentence (~2,000 chars)."),
    Setting("dates.day_slack_days", 62,
            "A day written without a year ('Nov. 20') in a past-tense sentence may still lie "
            "up to this many days after publication (deadlines are told in the past tense: "
            "'extended the offer to Nov. 20'), and as far before it in a future one. "
            "benchmarks/dates_tempeval.py, TimeBank dev value F1 (month slack 2): 0 days "
            "0.799, 31: 0.806, 62: 0.811, 92: 0.810, tense ignored: 0.808."),
    Setting("dates.month_slack", 2,
            "The same slack, in months, for a bare month name ('in March'); TimeBank dev "
            "value F1 (day slack 62): 0 months 0.808, 1: 0.810, 2: 0.811, 3: 0.810, tense "
            "ignored: 0.808."),
    Setting("dates.results_season_days", 45,
            "A quarter or half that ended at most this many days before publication is still "
            "'ahead' in a future-tense sentence (its results are still to come: 'plans to "
            "restructure after a third-quarter loss' in late October); later, only when the "
            "sentence speaks of reporting ('will report fourth-quarter results'), so that "
            "'demand will improve in the second half' in March is this year's. 45 days: the "
            "SEC's 10-Q deadline (40 to 45 days after the quarter). TimeBank dev: any slack "
            "(the rule before) 0.8391 value F1, none without reporting words 0.8376 (2 third "
            "quarters lost, 26 and 27 days after the quarter's end), 30 or 45 days 0.8391. "
            "The same days after 1 January make 'the year' told in the past the year just "
            "reported ('For the year, it lost $3 billion' in February; dates round 12)."),
    Setting("dates.pair_days_apart", 7,
            "In 'April 24 and 25' the second number is a day of April only if it follows the "
            "first by at most this many days ('on October 24 and 3 more on Friday' is a "
            "count): a pair of dates in news is a meeting's days or a week apart. Not tuned "
            "(TempEval-3 has one such pair, 1 day apart)."),
    # entities (nlp/repair.py, nlp/mention*.py, canonical*.py; benchmarks/names_meantime.py)
    Setting("entities.labels", "PERSON,ORG,GPE,LOC,NORP,FAC,EVENT,PRODUCT,DISEASE",
            "spaCy (OntoNotes) labels kept as entity mentions: people, organisations, "
            "places, groups, plus facilities, events and products, and storyline's DISEASE "
            "(virus strains and diseases the model tags as people or places); dates, numbers "
            "and money are other stages' business."),
    Setting("entities.max_mention_chars", 80,
            "A name longer than this is a mis-segmented span (a headline or a list run "
            "together); the longest real names (long organisation names) are ~60 characters."),
    Setting("entities.canonical_min_share", 0.2,
            "The canonical name is the fullest form among those that make up at least this "
            "share of the most frequent form's count: 'Acme Corporation' used 20 times beside "
            "60 'Acme' counts, a one-off 'Joseph R. Biden Jr.' among 50 'Joe Biden' does not. "
            "Forms are counted whatever their case; a person's full names are weighed among "
            "themselves, before the surname alone."),
    Setting("entities.romanisation_ratio", 80.0,
            "rapidfuzz ratio of two whole person names with the same initials and consonant "
            "skeletons at or above which they are one name romanised two ways: Muammar "
            "Gaddafi / Moammar Gadhafi score 86.7; Ali Hassan / Ali Hussein (two names with one "
            "skeleton) 76.2."),
    Setting("entities.fuzzy_ratio", 94.0,
            "rapidfuzz ratio at or above which two surnames of people with the same first "
            "name are one spelling: Zelensky/Zelenskyy and Zelensky/Zelenskiy score 94.1, "
            "Johnson/Johnston 93.3 (two different common names), so 94 keeps them apart."),
    Setting("entities.typo_min_mentions", 20,
            "A new place name one letter from a place of the corpus named at least this many "
            "times is a misspelling of it ('Egipt' beside thousands of 'Egypt', canonical_typos.py): "
            "a story's main places are named that often, and a real place one letter from one "
            "of them is rarer there than among places named a few times (Boston, one letter "
            "from Bolton, is named 11 times in the Egypt crawl)."),
    Setting("entities.vote_labels", True,
            "One name, one entity whatever the model's label: a name known as a place, "
            "organisation or group joins that entity when labelled otherwise ('Arnholt' tagged "
            "PERSON here, NORP there), a bare surname tagged ORG joins the one person of its "
            "story ('Jobs'), and labels with evidence outvote the model's. Off when the labels "
            "are trusted (gold types in benchmarks/names_meantime.py)."),
    Setting("entities.context_types", True,
            "Type names by the words around them in the article ('in X', 'the X valley', "
            "'X troops'; canonical_types.py): the small model does not know rare or invented "
            "places. With vote_labels, on the example corpus every invented place becomes one GPE "
            "entity; on MEANTIME (names the model knows) stripped e2e B-cubed ALL 0.915 -> 0.917 "
            "(nested matching), entity type accuracy 0.941 -> 0.947 (benchmarks/names_meantime.py)."),
    Setting("entities.index_cache", 5000,
            "Entries of each of the entity resolver's stored indexes kept in memory between "
            "batches, most recently used first (canonical_index.py): the names every batch "
            "meets (a country, a president) are not read again per batch, and memory stays "
            "bounded whatever the corpus. 10 indexes x 5,000 entries is ~10-20 MiB; 0 reads "
            "every entry from the store in every batch (PostgreSQL pays a round trip each)."),
    Setting("entities.dominant_ratio", 5.0,
            "A surname two people of the story share (no honorific or title settling it) is "
            "the one of them mentioned at least this many times as often as any other, "
            "with at least entities.dominant_min mentions: news style names the lesser "
            "namesake in full or by first name ('Cindy McCain'). In a 242-article crawl of "
            "2008-09 finance news, 366 bare 'McCain' had been left alone beside John McCain "
            "(236 mentions) and Cindy McCain (11); of 20 sampled bare 'Clinton' this gives Bill "
            "Clinton (159 against Hillary Rodham Clinton's 6), 19 were his. Closer counts "
            "stay ambiguous and the surname is left alone; 0 turns this off."),
    Setting("entities.dominant_min", 5,
            "The fewest mentions a person needs before entities.dominant_ratio gives them a "
            "shared surname: early in a corpus two names seen once each are no evidence."),
    Setting("entities.list_people", 2,
            "A full name in a list ('Ann Holt, Mark Devers and Priya Raman') that the model "
            "labels a place or an organisation is a person's when at least this many full names "
            "of the list are people by the model and its own words say nothing else (no head "
            "word, known place or legal form): one person next to a company is no list of "
            "people. Written for the tests (a board's members, one tagged GPE); MEANTIME dev "
            "unchanged; 0 turns this off."),
    Setting("entities.apposition_chars", 3,
            "A mention that is only a role ('Apple CEO') joins the person named at most this "
            "many characters away in the same sentence: a space (1), ', ' (2) or PTB ' , ' "
            "(3); more would reach across a list of names."),
    Setting("entities.role_references", True,
            "Role phrases that stand for a person ('the foreign minister said', 'the company's "
            "chief executive') become person mentions, resolved to the one person the article "
            "names in that role (nlp/mention_roles.py): readers want them as speakers and actors. "
            "Off: only names are mentions, as before."),
    # quotes (nlp/quotes.py and nlp/quote_*.py; benchmarks/quotes_polnear.py)
    Setting("quotes.max_sentence_chars", 5000,
            "Sentences longer than this are not searched for quotes (a run-on page, not a "
            "sentence); 2.5x ingest's longest real sentence (~2,000 chars), as dates.max_chars."),
    Setting("quotes.min_content_words", 2,
            "Fewest distinct words a quote's content may have: drops 'said it', 'said so' (a "
            "one-word answer, 'said no', 'Sorry, X said', is kept). On PolNeAR "
            "train (ordered) who-said-what F1 is 0.538 for 1 and 2 and 0.537 for 3; 2 has the "
            "higher precision of the two best (0.714 vs 0.707)."),
    Setting("quotes.beliefs", False,
            "Also report beliefs, hopes and plans with a third-person subject ('Trump believes "
            "the polls are wrong') as quotes. Off: they are not speech, and on PolNeAR train "
            "they add about as many wrong as right attributions (who-said-what F1 0.533 with "
            "them, 0.538 without; precision 0.672 vs 0.714)."),
    Setting("quotes.skip_material_acts", True,
            "A cue word that carries a material event, with a noun phrase for content "
            "('Northford recalled its ambassador', 'suspended imports of steel'), is an act, "
            "not speech: no quote (the events module codes it). Found on the example corpus; "
            "PolNeAR train fold: 5 fewer predictions, who-said-what F1 unchanged (0.664)."),
    Setting("quotes.raising_attributions", True,
            "Report a raising verb with no source ('The truce seems to be holding', 'Videos "
            "appear to show ...') as a quote by unknown. It is how something appears to the "
            "writer, not anyone's words (65 such quotes on a 8,132-sentence Syria crawl), but "
            "PolNeAR annotates them as sourceless attributions: off, the train fold's "
            "who-said-what F1 (stripped, full) falls 0.698 -> 0.693 (P 0.783 -> 0.787, R 0.630 "
            "-> 0.618). On by default; off for a reader who wants only what someone said."),
    Setting("quotes.outermost_only", True,
            "An attribution whose cue lies inside another attribution's content in the same "
            "sentence ('Song said [Clinton had said the plan would fail]') is embedded speech, "
            "reported as part of the outer quote, not as a quote of its own (off: both). PolNeAR "
            "annotates the outer one only (none of the 4,674 attributions of the train fold lies "
            "inside another's content); on that fold, stripped, full parse, who-said-what F1 "
            "0.677 -> 0.685 (precision 0.734 -> 0.771, recall 0.629 -> 0.616), quote F1 0.732 -> "
            "0.741; shuffled 0.657 -> 0.665, quote marks kept 0.673 -> 0.681."),
    Setting("quotes.end_before_participle", True,
            "A content that runs on into a participle cue after a comma ('..., arguing that "
            "...', '..., telling reporters ...') ends before it; the participle is its own "
            "attribution; 'according to X, ...' and '..., X said' keep their whole report. "
            "PolNeAR train fold (round 8): who-said-what F1 0.6954 -> 0.6957, "
            "quote F1 0.7492 -> 0.7494, exact 0.4775 -> 0.4781 (3 attributions change). Also "
            "cutting before a coordinated clause with its own subject and cue, or a relative "
            "clause, lowered quote F1: PolNeAR keeps those inside the outer content. A clause of "
            "time, cause or concession with a cue and subject of its own, hanging on the cue "
            "('walked out of the talks, after the Courier reported that ...'), ends it too, and a "
            "content that is that clause goes (round 29, fold who-said-what F1 0.7181 -> 0.7204, "
            "shuffled 0.6904 -> 0.6927; hanging on any word of the content instead: 0.7181)."),
    Setting("quotes.stance_adjectives", True,
            "Read a stance adjective after a linking verb as an attribution ('her advisers are "
            "convinced that ...', 'voters remain skeptical of the deal'; nlp/quote_parse.py "
            "stance_frames). PolNeAR annotates them; the model reads only verbs. On the PolNeAR train "
            "fold, stripped, full parse: who-said-what F1 0.6925 -> 0.6948, enrich gate 0.6856 -> "
            "0.6880 (with quotes.stance_gap); 20 of 28 such adjectives outside another frame's "
            "content were annotated cues."),
    Setting("quotes.stance_gap", 3,
            "Words between a linking verb and a stance adjective for the parse gate to ask for the "
            "parse ('were far more leery about'): up to two adverbs, written for news English."),
    Setting("quotes.regard_window", 6,
            "Words after a verb of regard (see, view, portray...) within which an 'as' makes the "
            "sentence worth parsing ('see [the senator] as', 'portrayed [her use of the server] as'): "
            "an object noun phrase of up to five words, written for news English. PolNeAR train fold, "
            "enrich gate, stripped: who-said-what F1 0.6843 -> 0.6856; parse share on train "
            "61.07% -> 61.36%."),
    Setting("quotes.pronoun_window", 2,
            "Sentences before a he/she speaker searched for the one compatible named person: "
            "the paragraph-sized context news pronouns refer back to; in a hand check of 30 "
            "resolved PolNeAR train pronouns, 27 were right."),
    Setting("quotes.max_continuation_sentences", 6,
            "Furthest a quote is carried to neighbouring sentences without quote marks "
            "(first-person sentences around 'CONTENT, X said.', the sentences after 'X said:'; "
            "with the model, while the continuation probability holds). Held-out fold of PolNeAR "
            "train (round 6, stripped, full parse, with the round's final code), strict / exact "
            "quote F1: 2 0.659/0.470, 3 0.663/0.472, 4 0.664/0.474, 6 0.665/0.476, 8 (and 12 "
            "before) the same as 6; loose who-said-what F1 0.692-0.693 for all. A guard against "
            "running on, past the longest quotes the model carries."),
    Setting("quotes.max_marked_sentences", 8,
            "Furthest a quotation is carried to neighbouring sentences by open quote marks; "
            "a guard against an unclosed mark. PolNeAR train: 4, 8 and 12 score the same "
            "within 0.001 F1."),
    Setting("quotes.model", True,
            "Use the trained attribution model (nlp/quote_model.py) beside the rules; off = "
            "rules only. On the held-out fold of PolNeAR train (stripped, in order, full parse) "
            "who-said-what F1 goes from 0.552 (rules) to 0.644, quote F1 from 0.615 to 0.719."),
    Setting("quotes.model_path", "",
            "A model file to use instead of the packaged data/quote_model.npz (one rebuilt by "
            "`storyline train-quotes --out`); empty = the packaged one."),
    Setting("quotes.model_min_prob", 0.35,
            "Least cue probability for an attribution the rules did not find. Held-out fold of "
            "PolNeAR train, who-said-what / quote F1: 0.30 0.641/0.707, 0.35 0.645/0.708, 0.40 "
            "0.642/0.703 (other settings as then: unnamed 0.8)."),
    Setting("quotes.model_min_prob_unnamed", 0.6,
            "Least cue probability when that attribution's source is a pronoun, a relative, "
            "inherited or missing: such frames are right less often. Held-out fold, who-said-"
            "what / quote F1: 0.5 0.641/0.726, 0.6 0.644/0.719, 0.7 0.645/0.713, 0.8 0.645/0.708, "
            "never 0.645/0.696; 0.6 keeps most of the quote recall at no who-said-what cost."),
    Setting("quotes.model_min_prob_inherited", 0.55,
            "Least cue probability when that attribution's source is a name or a description "
            "reached through the parse: inherited from the verb the cue hangs on ('Trump ..., "
            "thanking Priebus') or the noun a participle cue modifies ('fishermen demanding a new "
            "harbour'); right more often than a pronoun's. Held-out fold (round 12, stripped, full "
            "parse), who-said-what F1 / quote F1 / named speaker accuracy: 0.35 "
            "0.7013/0.7580/0.9423, 0.45 0.7014/0.7572/0.9429, 0.5 0.7019/0.7570/0.9436, 0.55 "
            "0.7017/0.7562/0.9443, as unnamed (0.6) 0.6999/0.7548/0.9441: 0.55 is the value "
            "of the plateau that lowers no figure."),
    Setting("quotes.model_continue_prob", 0.3,
            "Least probability for carrying a quote into a neighbouring sentence (input in "
            "reading order, no quote marks). Held-out fold (round 6, stripped, full parse, at most "
            "6 sentences, stopping at the model's third-person attributions), who-said-what F1 / "
            "strict quote F1 / exact quote F1: 0.5 0.688/0.651/0.473, 0.4 0.690/0.660/0.475, "
            "0.35 0.693/0.665/0.476, 0.3 0.694/0.670/0.472. Of the sentences 0.35 carries beyond "
            "0.5, 77% lie inside an annotated quote (0.35 to 0.3: 65%): lower values carry more "
            "narration along. Round 19, chosen on an inner split of the fold's train part (a "
            "model trained without the development fold and one more fold, scored on that one; "
            "the development fold chose nothing), who-said-what F1 in reading order: 0.25 "
            "0.6513, 0.3 0.6533, 0.35 0.6520, 0.4 0.6488; then on the development fold 0.35 "
            "0.7065 -> 0.3 0.7077 (shuffled input is never carried: unchanged)."),
    Setting("quotes.model_veto_prob", 0.1,
            "A rule's verb cue with a model probability below this is dropped; 0 = never. "
            "Held-out fold, who-said-what F1: 0 0.635, 0.1 0.643, 0.2 0.645, 0.3 0.646 (quote F1 "
            "0.704, 0.708, 0.708, 0.708). Round 19, with the rules grown since, chosen on the "
            "inner split of the fold's train part (see quotes.model_continue_prob), who-said-what "
            "F1 in reading order / shuffled: 0.05 0.6527/0.6219, 0.1 0.6531/0.6223, 0.2 "
            "0.6520/0.6211, 0.3 0.6506/0.6199; then on the development fold 0.2 0.7065/0.6816 "
            "-> 0.1 0.7068/0.6822 (named speaker accuracy 0.9483 -> 0.9465: the rule cues it "
            "keeps more often have a doubtful speaker)."),
    Setting("quotes.model_hash_bits", 20,
            "Hash space of the model's features (2**20 buckets): the shipped model keeps about "
            "64,000 of them (59,010 cue, 4,575 content, 734 continuation), so two kept features "
            "rarely share a bucket."),
    Setting("quotes.model_min_count", 3,
            "Buckets seen in fewer training examples than this are dropped: 2 and 3 score the "
            "same on the held-out fold (who-said-what F1 0.648, 0.649); 3 keeps a third fewer. "
            "Round 19 (fold, ordered / shuffled): 2 0.7048/0.6791, 3 0.7080/0.6822."),
    Setting("quotes.model_c", 4.0,
            "Inverse L2 regularisation of the logistic regressions. Held-out fold, who-said-what "
            "F1: C=1 0.639, 4 0.648, 16 0.648. Round 19, fold, ordered / shuffled, round-18 "
            "thresholds: C=2 0.7021/0.6768, 4 0.7065/0.6816, 8 0.7063/0.6812; round-19 thresholds: "
            "4 0.7080/0.6822, 6 0.7087/0.6824, 8 0.7074/0.6816. The inner split of the fold's "
            "train part (see quotes.model_continue_prob) cannot tell 6 from 8 (0.6565/0.6244, "
            "0.6561/0.6255; 4 0.6544/0.6223) and the fold moves either way between them: noise, "
            "so 4 stays. A positive-class weight of 1.5 on the cue model: 0.6996/0.6762."),
    Setting("quotes.model_folds", 5,
            "Development runs hold out one PolNeAR train article in this many (by a hash of "
            "its id) to choose thresholds; the shipped model uses all of train."),
    # events (nlp/events.py, nlp/event_*.py; benchmarks/events_plover.py)
    Setting("events.max_tokens", 120,
            "Sentences longer than this many tokens are not coded: their parses are too "
            "unreliable for who-did-what-to-whom. 99% of the BBC sentences the prefilter "
            "passes have at most 53 tokens (benchmarks/events_plover.py); 120 is 2x headroom."),
    Setting("events.max_per_sentence", 8,
            "At most this many events per sentence; more means a list or a run-together "
            "paragraph, not news sentences, which code to 0-3 events."),
    Setting("events.hedged_conflict_as_threaten", True,
            "PLOVER codes a force or restriction that may happen ('could invade', 'will impose "
            "sanctions') as THREATEN, not as the act; the event keeps hedged=True either way."),
    Setting("events.date_attached", True,
            "An event takes a date expression only when the phrase hangs from the event's own "
            "words in the parse ('imposed sanctions on Friday'; copulas and reporting verbs "
            "above them count), not from another verb ('accused X of closing schools last "
            "year') nor as a date it is placed after or since ('promised after the 2007 "
            "floods'); else the publication date. Off: the sentence's first date. Found on "
            "the example corpus; the PLOVER sets score no dates."),
    Setting("events.emit_negated", True,
            "Keep negated events ('denied that it intends to attack') with negated=True so a "
            "timeline can show denials; consumers that count what happened skip them. False "
            "drops them."),
    Setting("events.model", True,
            "Fall back on the trained type classifier (nlp/event_model.py) when the rules "
            "code nothing in a sentence that has a lexicon event word; off = rules only. "
            "Development sets (benchmarks/events_dev.py): held-out synthetic leads macro-F1 "
            "0.290 -> 0.323, written sentences 0.800 -> 0.806 with no more false alarms."),
    Setting("events.model_path", "",
            "A classifier file to use instead of the packaged data/event_model.npz (one "
            "rebuilt by `storyline train-events --out`); empty = the packaged one."),
    Setting("events.role_fallback", True,
            "Fill an empty actor with the first name or actor noun before the trigger, and "
            "an empty target, or one that names no actor, with the first name after it. "
            "Development sets: PETRARCH targets right 95 -> 104 of 189, written-sentence "
            "target F1 0.730 -> 0.773."),
    Setting("events.model_min_prob", 0.25,
            "Least classifier probability (over 16 types and NONE) for a fallback event: "
            "the best macro-F1 on the written development sentences (0.806; 0.802 at 0.15 "
            "and 0.20 with 3 false alarms in 40 instead of 1); the synthetic leads are flat "
            "from 0.20 to 0.30."),
    Setting("events.model_min_margin", 0.11,
            "Least lead of the classifier's best type over its second for a fallback event: "
            "closer than that, the guess is a coin toss between two types. On the crawls a "
            "sample of 35 such guesses read about 30 wrong; on the development leads 7 of 8 were."),
    Setting("events.model_lead_sentences", 2,
            "Leading sentences of a synthetic story labelled with its prompt's type. The "
            "classifier alone scores 0.278 / 0.292 / 0.309 held-out-lead macro-F1 with 1 / 2 "
            "/ 3, but as the fallback 2 and 3 score the same (0.323 on the leads; 0.806 vs "
            "0.809 on the written sentences, 3 with one more false alarm)."),
    Setting("events.model_none_per_story", 2,
            "Later sentences per synthetic story with no lexicon event word used as NONE "
            "examples, which teach the classifier that a sentence can hold no event; 2 and "
            "4 scored the same on held-out leads."),
    Setting("events.model_hash_bits", 18,
            "Hash space of the classifier's features (2**18 buckets): training hits about 42,000 "
            "of them, so collisions are rare; only buckets seen in at least two training "
            "sentences are stored (about 17,000, 0.6 MB)."),
    Setting("events.model_min_count", 2,
            "Buckets seen in fewer training sentences are dropped: 1 keeps 2.5x the buckets "
            "for the same held-out macro-F1 (0.290 vs 0.292)."),
    Setting("events.model_c", 1.0,
            "Inverse L2 regularisation of the logistic regression: 0.3 and 3.0 scored 0.273 "
            "and 0.285 held-out macro-F1 against 0.292 for 1.0."),
    # --- stories, summaries, timelines ----------------------------------------------
    Setting("stories.batch_articles", 2000,
            "Articles per transaction of the stories stage, which saves the clusterer's state "
            "with each batch: at 200 the state writes dominated (23 articles/s on a 100k store, "
            "against 124/s at 5,000; benchmarks/web_load.py notes, measured while the state "
            "still held every story, not only the open ones)."),
    Setting("timeline.dates", 10,
            "Dates a timeline shows unless asked (--dates): the Timeline17 gold timelines have "
            "a median of 28 dates over months; ten fits a screen for a story of days or weeks."),
    Setting("timeline.per_date", 2,
            "Sentences per date unless asked (--per-date): T17's gold has 1-8 (mean about 2.5); "
            "two say what happened without repeating it."),
    # --- stories (stories.py, story_text.py, story_profile.py; benchmarks/stories_allsides.py)
    Setting("stories.threshold", 0.25,
            "An article joins its best story when the evidence score reaches this. Tuned on "
            "the AllSides dev split (roundups before 2021-06-10; benchmarks/stories_allsides.py "
            "--tune): best dev B-cubed F1 (0.908; 0.20 gives 0.883, 0.30 gives 0.886). AllSides "
            "has ~3 stories a day; in a denser stream raise it (0.40 is best on dev with all "
            "dates set equal: F1 0.767 vs 0.697)."),
    Setting("stories.window_days", 7,
            "Only stories with an article within this many days are candidates; older ones "
            "close and leave the clusterer's memory for story_archive. A news cycle: follow-ups of one event come within "
            "days; a week apart is a new event. Not tunable on AllSides (no multi-day "
            "stories; 3, 7 and 14 days score the same there)."),
    Setting("stories.time_scale_days", 3.0,
            "The score decays as exp(-gap/this) with the days between an article and a "
            "story's span: a next-day follow-up keeps 72%, a week-later article 10%. Set by "
            "news-cycle reasoning, not tuned: AllSides rewards any cliff in time (1.0 scores "
            "0.928 on dev) because every roundup's articles carry one date."),
    Setting("stories.title_weight", 3.0,
            "Title words count this many times a body word in the TF-IDF vector: headlines "
            "name the event. Tuned on AllSides dev (1/2/3 tried; 3 best)."),
    Setting("stories.entity_weight", 0.2,
            "Weight of the IDF-weighted entity cosine added to the text cosine. Tuned on "
            "AllSides dev (0-0.5 tried; 0.2 best, +0.016 F1 over no entities)."),
    Setting("stories.place_boost", 2.0,
            "Places (GPE/LOC/FAC) weigh this many times other entities in the entity cosine: "
            "where an event happens tells same-kind events apart. Tuned on AllSides dev "
            "(1/2/3 tried; 2 best)."),
    Setting("stories.place_mismatch", 1.0,
            "Score factor when article and story both name places but none in common; 1.0 = "
            "off. AllSides dev preferred off (0.8: -0.009 F1): its excerpts name many places. "
            "Worth lowering for streams of short reports where the place is the event."),
    Setting("stories.statement_bonus", 0.3,
            "Added when an article carries a repeated statement (quote) the story has: strong "
            "evidence of the same event. Not measurable on AllSides (no statement ids); 0.3 "
            "alone passes the join threshold (0.25) for a same-day article."),
    Setting("stories.max_body_tokens", 1000,
            "Body tokens read per article: bounds the cost of very long pages while reading all "
            "of a typical article (the English Telegram-pair texts have a median of 2,205 "
            "characters, about 350 words)."),
    Setting("stories.index_terms", 20,
            "An article is indexed (and looks for candidate stories) by its this many "
            "heaviest terms, plus its entities and statements. AllSides dev: 10-20 best, 5 "
            "loses F1, 50 finds no more true stories and is 50% slower."),
    Setting("stories.max_story_terms", 2000,
            "A story's centroid keeps at most this many terms (the heaviest), bounding memory "
            "and scoring time of big stories. AllSides dev: 50 to 2,000 score the same."),
    Setting("stories.norm_refresh", 0.05,
            "A story centroid's norm is recomputed with fresh IDF when the corpus has grown by "
            "this fraction since it was computed (or the story changed): IDF drifts slowly."),
    Setting("stories.key_entities", 5,
            "Key entities listed per story: what fits on one line of `storyline stories`."),
    Setting("stories.related", 5,
            "Related stories shown with a story (0: none): the phases of one crisis (build-up, "
            "talks, aftermath) are separate stories, and a reader of one wants the others; five "
            "fit the story page's side column."),
    Setting("stories.related_days", 14,
            "Related stories run within this many days of each other: a crisis's phases follow "
            "within weeks, while stories months apart that share a country are seldom what a "
            "reader of one opens next."),
    Setting("stories.related_shared", 2,
            "Key entities two related stories share at least: one shared country would relate "
            "most of a month's news about it."),
    Setting("stories.label_max_chars", 120,
            "Longest story label; longer headlines are cut at a word. Most headlines are "
            "under 100 characters."),
    Setting("stories.restore_apostrophes", True,
            "A label and a summary show the apostrophes a crawl stripped, put back where the "
            "story's headlines (for a label) or sentences (for a summary) make it certain (Libyas "
            "civil war -> Libya's civil war; shown_text.py); a label also knows the names its "
            "headlines' articles write alone (Gaddafis tanks -> Gaddafi's tanks). On the Egypt and "
            "Libya crawls 26 labels change, all right, and the articles' names 20 more, all right."),
    # --- story summaries (summary.py)
    Setting("summary.sentences", 5,
            "Sentences in a story summary: the issue's default, a paragraph a reader takes in "
            "at a glance."),
    Setting("summary.mmr_lambda", 0.7,
            "Maximal marginal relevance: weight of centrality against redundancy with chosen "
            "sentences. 0.7 is the common choice since Carbonell & Goldstein (1998)."),
    Setting("summary.support_weight", 0.5,
            "Score factor 1 + this x ln(independent outlets): a statement carried by 3 "
            "independent outlets scores 1.55x a single-source one, enough to win among "
            "equally central sentences without outranking a clearly more central one."),
    Setting("summary.outlet_penalty", 0.1,
            "Subtracted (on the 0-1 MMR scale) from a sentence whose outlets are all used "
            "already: spreads the summary over outlets when the choice is close."),
    Setting("summary.duplicate_cosine", 0.7,
            "Sentences this similar (TF-IDF cosine) say the same thing: never both chosen, "
            "and each is listed as a source of the chosen one. Set by hand, not measured: a "
            "copy with a few words changed keeps well over 0.7 of its weighted words."),
    Setting("summary.min_tokens", 5,
            "Sentences with fewer content words (after stopwords) are captions, datelines and "
            "fragments, not summary material."),
    Setting("summary.max_chars", 400,
            "Longer 'sentences' are run-ons or unsplit paragraphs; about twice a long news "
            "sentence (~40 words)."),
    Setting("summary.quoted_penalty", 0.1,
            "Score cut for a sentence in someone's own words (quote marks, I/we/my/our, a "
            "transcript's speaker caption 'BLITZER: ...'): a summary says what happened, as the "
            "timeline does (timeline.quoted_penalty, the same cut). Questions are never chosen. "
            "AllSides roundups (stories_allsides.py summaries, unigram F1): 0.3364 before both, "
            "see BENCHMARKS.md for after."),
    Setting("summary.talk_penalty", 0.8,
            "Score cut for a broadcast's conversation (a speaker's turn, a stammer, a discourse "
            "opener, words to the audience: timeline_chatter.broadcast_talk): a report of the "
            "same story says what happened. As timeline.talk_penalty; lines cut mid-sentence "
            "are never chosen. Set by reading the Timeline17 Egypt crawl's story summaries."),
    Setting("summary.max_candidates", 3000,
            "Distinct sentences considered per story (in input order): MMR is quadratic in "
            "the summary length times this; 3,000 covers a 100-article story."),
    # --- timelines (timeline.py, timeline_dates.py, timeline_select.py; benchmarks/tls_t17.py)
    # "T17 dev" = the Timeline17 topics bpoil, egypt, finan and h1n1 (10 tasks), on which these
    # were tuned; the other five topics were held out (BENCHMARKS.md, Timelines). Differences
    # under ~0.002 AR-2 on 10 tasks are noise, so most values were chosen among few options.
    Setting("timeline.granularities", "day,month,year",
            "Entry granularities allowed. Months and years come only from references made "
            "after they ended; 'day' alone for day-scored evaluations (Timeline17)."),
    Setting("timeline.same_day_weight", 0.5,
            "Weight of a date reference made on the day itself ('today', 'on Tuesday' in "
            "Tuesday's paper), against 1 for a later article looking back. T17 dev Date-F1: "
            "0.25 / 0.5 / 1 gave 0.715 / 0.725 / 0.712."),
    Setting("timeline.future_weight", 0.5,
            "Weight of a reference to a day ahead (a scheduled vote or hearing). T17 dev: 0 and "
            "0.5 within 0.002 Date-F1; 0.5 keeps announced events findable in a live story."),
    Setting("timeline.published_weight", 0.5,
            "Weight of each article published on a day (a burst of coverage) in its score. "
            "T17 dev Date-F1: 0 / 0.5 / 1 gave 0.704 / 0.725 / 0.702."),
    Setting("timeline.month_weight", 0.5,
            "Scale of a month's looking-back references against a day's. Not measurable on "
            "Timeline17 (day-scored); set so a month needs about twice a day's references."),
    Setting("timeline.year_weight", 0.25,
            "Scale of a year's looking-back references; half the month's, as a year is an even "
            "coarser entry. Set by hand (not measurable on Timeline17)."),
    Setting("timeline.mention_unit", "article",
            "A date's references count once per article (or per statement): an article that "
            "lists many things that happened on one day is one voice. T17 dev Date-F1: article "
            "0.716, statement 0.712 (same within noise; article is the DATEWISE docs count).",
            choices=("statement", "article")),
    Setting("timeline.keyword_evidence", True,
            "With keywords, only sentences containing one count as date references: off-topic "
            "dates in a mixed feed stay out. T17 dev Date-F1: on 0.716, off 0.708."),
    Setting("timeline.lead_sentences", 6,
            "A day's undated candidates are the first this many sentences of articles published "
            "that day (0 = all): leads say what happened. DATEWISE takes 6 (index <= 5); T17 dev "
            "AR-2 (tilse reimpl): 0 / 3 / 6 / 10 gave 0.025 / 0.030 / 0.030 / 0.029. In a "
            "shuffled crawl order means nothing, and this is just a sample of the article."),
    Setting("timeline.published_lag_days", 1,
            "An article published up to this many days after a day offers its undated lead "
            "sentences to that day too (news reports yesterday's events); DATEWISE uses 1. "
            "T17 dev: 0 and 1 equal within noise."),
    Setting("timeline.references_per_sentence", 0,
            "Date references read per sentence, in order (0 = all; DATEWISE reads the first "
            "only). T17 dev: 0 and 1 equal within noise, 0 keeps every date a sentence names."),
    Setting("timeline.skip_stamped", True,
            "Sentences stamped with a clock time and a year-dated day (reader comments 'At "
            "19:46 1st Jun 2010, X wrote', 'last updated' lines, bylines) are neither date "
            "evidence nor candidates. T17 dev AR-2 (reimpl) 0.0348 -> 0.0355."),
    Setting("timeline.restore_apostrophes", True,
            "An entry shows a chosen sentence with the apostrophes a crawl stripped put back where "
            "certain (Egypts President -> Egypt's President, dont -> don't; shown_text.py): names are "
            "learnt from the story's own sentences. On the Egypt crawl's largest story (14,571 lines) "
            "about 3,500 contractions and 700 possessives change; of 60 possessive forms drawn at "
            "random, 56 read right (wrong: a university's name, a first name before its surname, an "
            "acronym's plural, a lake region). Choosing never sees it."),
    Setting("timeline.strip_furniture", True,
            "An entry shows a chosen sentence without the page's furniture: wire datelines, "
            "update stamps, photo credits, agency tags, credit lines, page stamps, bullets, a "
            "chronology's date label (timeline_text.py); sentences are still chosen on the full "
            "line. T17 dev (tilse reimpl) AR-1 / AR-2: off 0.1455 / 0.0395, on 0.1506 / 0.0416; "
            "the first set of patterns gave 0.1502 / 0.0412 (without the date label 0.1500 / 0.0412, without the page stamp 0.1480 / 0.0405); "
            "choosing on the stripped text too 0.1486 / 0.0385; keeping only what follows a page "
            "stamp 0.1492 / 0.0394."),
    Setting("timeline.keyword_match", "word-start",
            "How a query word finds sentences: 'word-start' (oil finds oilfield, not turmoil: what "
            "a reader asking for oil means) or 'substring' (anywhere, as the timeline-"
            "summarisation protocol's reference code filters Timeline17 sentences: "
            "benchmarks/tls_t17.py sets it).",
            choices=("word-start", "substring")),
    Setting("timeline.min_tokens", 6,
            "Fewest words a timeline sentence may have: shorter lines are captions, datelines "
            "and fragments. T17 dev: 12 scored slightly lower than 6."),
    Setting("timeline.max_tokens", 80,
            "Most words a timeline sentence may have: longer lines are run-together paragraphs. "
            "T17 dev AR-2 (reimpl): 40 / 60 / 80 / 100 / 150 gave 0.029 / 0.032 / 0.035 / 0.034 "
            "/ 0.035 (crawled first lines often fuse headline and lead)."),
    Setting("timeline.max_pool", 500,
            "Candidates per date and kind (mentioning / published) kept, in input order: bounds "
            "the per-date cost on huge stories; no T17 date reaches it with the lead limit."),
    Setting("timeline.published_centroid_weight", 0.5,
            "Weight of published-that-day sentences against date-naming ones in a date's "
            "centroid. T17 dev: 0.25 / 0.5 / 1 / 2 within noise except 0.25 (lower)."),
    Setting("timeline.centroid_agreement", False,
            "DATEWISE's centroid instead: only the terms both the date-naming and the "
            "published sentences use. T17 dev: same average AR-2 as the weighted mean."),
    Setting("timeline.mention_bonus", 0.0,
            "Score bonus of a sentence that names the date itself. T17 dev AR-2 (reimpl): 0 "
            "beat 0.5 and 1; per-date top-1 ROUGE-2 was best with centroid cosine alone."),
    Setting("timeline.support_weight", 0.3,
            "Score factor 1 + this x ln(independent outlets): a statement three outlets carry "
            "scores 1.33x. Not measurable on T17 (no repeated statements across outlets); "
            "smaller than summary.support_weight because centrality already rewards them."),
    Setting("timeline.quoted_penalty", 0.1,
            "Score cut for a sentence in someone's own words (quote marks, or I/we/my/our): a "
            "timeline says what happened; reactions come second. T17 dev (tilse reimpl): 0 / "
            "0.05 / 0.1 / 0.15 / 0.2 / 0.25 / 0.5 gave AR-1 0.1422 / 0.1439 / 0.1448 / 0.1439 / "
            "0.1438 / 0.1422 / 0.1427 and AR-2 0.0373 / 0.0390 / 0.0389 / 0.0386 / 0.0384 / "
            "0.0376 / 0.0377; quote marks alone gave most of it (0.1442 / 0.0385)."),
    Setting("timeline.other_date_penalty", 0.25,
            "Score cut, on one date, for a sentence that also names another date (not a month "
            "or year around it): 'X expelled diplomats on Sunday over the sanctions imposed "
            "on Friday' reads wrong under Friday. T17 dev AR-1 / AR-2: 0 / 0.1 / 0.25 / 0.5 / "
            "0.75 gave 0.1551 / 0.0427, 0.1556 / 0.0430, 0.1560 / 0.0441, 0.1556 / 0.0441, "
            "0.1556 / 0.0441 (7 of 10 tasks up in AR-2); cutting only a sentence naming another "
            "date first gave 0.1546 / 0.0426 at 0.25."),
    Setting("timeline.ahead_penalty", 0.25,
            "Score cut, on one date, for a sentence every copy of which was published before "
            "the date ('sanctions will follow if the troops stay past Friday', under Friday): a "
            "forecast, where a report after the day says what happened. A date told only "
            "ahead (a scheduled vote) keeps its order. T17 dev AR-1 / AR-2 (with "
            "other_date_penalty 0.25): 0 / 0.1 / 0.25 / 0.5 / 0.75 gave 0.1560 / 0.0441, "
            "0.1565 / 0.0441, 0.1575 / 0.0443, 0.1573 / 0.0443, 0.1573 / 0.0443."),
    Setting("timeline.question_penalty", 1.0,
            "Score cut for a question ('Could Mubarak step down Thursday?', a broadcast's "
            "'what will it take ...?'): it asks what a timeline should tell, so by default it "
            "is never chosen. T17 dev AR-1 / AR-2: 0 / 0.25 / 0.5 / 1 gave 0.1575 / 0.0443, "
            "0.1568 / 0.0441, 0.1569 / 0.0442, 0.1572 / 0.0442 (3 tasks up, 2 down: noise; "
            "T17's sources ask few questions, transcripts many)."),
    Setting("timeline.empty_penalty", 0.5,
            "Score cut for a line with no name, no number and at most one content word beyond "
            "deixis and discourse words ('And tonight there is some movement on that.': a "
            "broadcast's talk; timeline_chatter.py). Set by reading the Timeline17 Egypt crawl's "
            "story timelines; T17 dev keeps only keyword sentences, which this never finds."),
    Setting("timeline.talk_penalty", 0.8,
            "Score cut for a broadcast's conversation: an anchor's or guest's turn ('SMITH: "
            "Well, no, ...'), a turn's caption inside a line, a stammer ('I - I have'), a "
            "discourse opener ('Well,', 'You know,') or words to the audience ('You see all "
            "these ...'; timeline_chatter.broadcast_talk): a report of the same day says what "
            "happened, so talk is chosen only when a day has no report. Set by reading the "
            "Timeline17 Egypt crawl's story timelines; T17 dev: see BENCHMARKS.md."),
    Setting("timeline.story_weight", 0.5,
            "Weight w of a sentence's closeness to the whole story: score x (1 - w + w x min(1, "
            "cos / level)), cos its TF-IDF cosine with the story's key terms (IDF x squared "
            "share of the story's articles using the term), so a transcript's or a round-up "
            "page's other subjects lose on the day they share. T17 dev AR1-F / AR2-F / Date-F1 "
            "(floor 0.4): 0 0.1574 / 0.0444 / 0.7182, 0.5 0.1592 / 0.0452 / 0.7182; w 1 with "
            "quantile 0.9 and floor 0.5 fell to 0.1503 / 0.0393 / 0.7172."),
    Setting("timeline.story_quantile", 0.75,
            "The story cosine, as a quantile of the first pooled sentences', at and above which "
            "a sentence counts as fully on the story's subject (timeline.story_weight). 0.9 "
            "lowered T17 dev (with weight 1); 0.5 left more off-subject entries on the Egypt "
            "crawl's stories (31 against 24 of about 170)."),
    Setting("timeline.story_floor", 0.4,
            "A sentence whose story cosine is below this share of the level is never chosen, so "
            "a date the story only names in a page's other subject (a 1986 launch, a 2005 "
            "disappearance) yields no entry. Egypt crawl's 10 largest stories: off-subject "
            "entries 39 (none) -> 24 (0.4) -> 20 (0.5); T17 dev Date-F1 0.7182 at 0.4, 0.7172 "
            "at 0.5 (a finan day lost)."),
    Setting("timeline.story_density", 0.3,
            "Without keywords, a term of the story's key terms (timeline.story_weight) counts "
            "less when the articles using it use it in fewer than this share of their "
            "sentences: a round-up page's other subjects. 0: off. Egypt crawl's 10 largest "
            "stories: off-subject entries 23 -> 15 of about 150 (0.1: 18, 0.5: 13 but a "
            "story's own lesser terms lost too); T17 (keywords, so off there) dev AR-1 0.1590 "
            "-> 0.1574 when applied."),
    Setting("timeline.mmr_lambda", 0.7,
            "MMR weight of centrality against similarity to chosen sentences. T17 dev: 0.7 "
            "beat 0.5 and 0.9 (0.7 is the common choice since Carbonell & Goldstein 1998)."),
    Setting("timeline.redundancy_cosine", 0.35,
            "TF-IDF cosine at which a sentence repeats one already in the timeline (any date) "
            "and is never chosen. T17 dev AR-2 (reimpl): 0.25 / 0.35 / 0.5 / 0.7 gave 0.034 / "
            "0.036 / 0.036 / 0.035."),
    # --- web -------------------------------------------------------------------------
    Setting("web.host", "127.0.0.1",
            "The server listens on loopback only, so a laptop user does not publish their "
            "store by accident; --host 0.0.0.0 opens it to the network."),
    Setting("web.port", 8000,
            "The port uvicorn and most Python web tools use by default."),
    Setting("web.workers", 1,
            "Server processes. One serves a laptop; on the 2-core target 2 lets a slow page "
            "not hold up the API (SQLite WAL readers and PostgreSQL both allow it)."),
    Setting("web.page_size", 50,
            "Items per page of a listing when the client does not say: the CLI's --limit default."),
    Setting("web.max_page_size", 500,
            "Largest page a client may ask for: bounds the work and the response of one "
            "request (500 sentences are ~100 KB of JSON)."),
    Setting("web.max_upload_bytes", 10_000_000,
            "Largest body POST /api/ingest accepts (413 TOO_LARGE above): twice "
            "ingest.max_record_bytes, enough for a batch of a few thousand articles."),
    Setting("web.cache_entries", 256,
            "Story views and timelines kept per server process until the store changes; "
            "a story view of a 100-article story is ~200 KB, so 256 stay under ~50 MB."),
    Setting("web.prewarm_stories", 20,
            "Largest stories whose page and timeline each server process computes when it "
            "starts: the largest are the slowest to compute (0.5 s for 1,590 articles on a "
            "100k-article store, benchmarks/web_load.py) and the most read; 20 take ~10 s of "
            "background work there. 0 turns it off."),
    Setting("web.story_speakers", 20,
            "Speakers shown beside a story's timeline, those quoted in the most of its articles "
            "first (the page opens 10, the rest fold); /api/quotes?story=ID lists every quote."),
    Setting("web.speaker_quotes", 8,
            "Quotes shown per speaker on a story page, those carried by the most articles first: "
            "an anchor's fifty lines of one transcript would bury the rest."),
    Setting("web.story_events", 50,
            "Events listed beside a story's timeline: those reported by the most articles, in "
            "date order (the first 50 by date covered only a large story's first days); "
            "/api/events?story=ID pages through all of them."),
    Setting("web.story_members", 100,
            "Articles listed on a story page; the JSON twin has them all. A 1,590-article story "
            "made a 600 KB page that took ~170 ms to render (benchmarks/web_load.py)."),
    Setting("web.story_groups", 20,
            "Syndication groups listed on a story page; the JSON twin has them all. The "
            "largest benchmark story has ~300 groups of 5 copies, ~5,000 escaped values that "
            "took most of its 100 ms render (benchmarks/web_load.py)."),
    Setting("web.cooccurrence_entities", 12,
            "Entities in a story's co-occurrence view: a 12 x 12 grid still reads on a laptop "
            "screen."),
    Setting("web.max_timeline_dates", 100,
            "Most dates a client may ask of one timeline; bounds the work of one request."),
    Setting("web.max_timeline_per_date", 20,
            "Most sentences per date a client may ask of one timeline."),
    # --- watch (feeds) ----------------------------------------------------------------
    Setting("watch.interval_s", 300,
            "Seconds between polls of each feed. News feeds update every few minutes; five "
            "minutes keeps a story current without hammering publishers."),
    Setting("watch.host_interval_s", 2.0,
            "Minimum seconds between two requests to one host (a robots.txt Crawl-delay "
            "wins if longer): a polite crawler rate that still fetches a busy feed's new "
            "items within a minute or two."),
    Setting("watch.timeout_s", 20.0,
            "Connect/read timeout of one request. News pages answer within seconds; 20 s "
            "rides out a slow server without stalling the watcher."),
    Setting("watch.deadline_s", 60.0,
            "Overall limit on one response, so a server trickling bytes (each within the "
            "read timeout) cannot hold the watcher forever."),
    Setting("watch.retries", 3,
            "Retries of a request after a timeout, a connection error, 429 or 5xx; with "
            "exponential backoff this spans about 15 s of trouble before giving up for this poll."),
    Setting("watch.backoff_s", 2.0,
            "First retry delay; doubled each retry (2, 4, 8 s), and never shorter than the "
            "server's Retry-After."),
    Setting("watch.max_backoff_s", 60.0,
            "Longest single wait between retries, even if Retry-After asks for more; the "
            "item is retried at the next poll instead."),
    Setting("watch.max_redirects", 5,
            "Redirect hops followed per request; legitimate news links need one or two, and "
            "each hop's address is checked."),
    Setting("watch.robots_ttl_s", 3600,
            "How long a host's robots.txt is cached: RFC 9309 recommends not more than 24 "
            "hours; an hour follows changes promptly at one request per host per hour."),
    Setting("watch.max_item_attempts", 5,
            "Polls at which a feed item that failed transiently (timeout, 5xx) is tried "
            "again before it is given up and recorded as failed."),
    Setting("watch.user_agent", "storyline/{version} (news timeline research; +https://example.invalid/storyline)",
            "Identifies the crawler to publishers, as robots.txt conventions expect; set it "
            "to include your contact address."),
)

_BY_NAME = {s.name: s for s in SETTINGS}
if len(_BY_NAME) != len(SETTINGS):  # a second declaration would silently win
    raise RuntimeError(f"settings declared twice: {sorted({s.name for s in SETTINGS if sum(t.name == s.name for t in SETTINGS) > 1})}")


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
