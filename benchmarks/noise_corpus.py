"""The noise benchmark corpus: Reuters-21578 and BBC articles placed on invented news sites,
with site furniture, embedded posts and syndicated copies made by this code.

Nothing here is committed data: the shared corpora are read from their path
(``newscorpus.reuters``/``bbc``), and every furniture line, post and edit is generated from
the templates below (written for this benchmark). Each line carries its gold kind
(``text``, ``boilerplate``, ``embed``) and each article its gold story, so the benchmarks can
score line marking and copy detection.

Split: ``dev`` (Reuters NEWID <= 4000 and BBC sport) is where settings were chosen;
``test`` (the rest) is what BENCHMARKS.md reports. Reuters' exact duplicates (identical
bodies; 281 documents, 284 pairs) all go to ``test`` whichever file they are in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import string
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import newscorpus

from storyline.readers.lines import parse_lines
from storyline.records import Article
from storyline.settings import DEFAULTS

DEFAULT_DATA = newscorpus.DEFAULT_DATA
N_SITES = 30  # enough that each site carries a few hundred stories, as a local title does

TOWNS = ["Ashcombe", "Brackley", "Carrow", "Dunmore", "Eastwick", "Fernside", "Glenholt", "Harwood",
         "Ivybridge", "Kelbrook", "Lanford", "Marlow Vale", "Northam", "Oakridge", "Pellham", "Quarry Bay",
         "Redmarsh", "Stanwick", "Thornby", "Upwell", "Varley", "Westcombe", "Yarrow", "Zennor",
         "Allerton", "Birchley", "Coldharbour", "Dovecote", "Elmstead", "Foxley"]
KINDS = ["Chronicle", "Gazette", "Post", "Echo", "Herald", "Mercury", "Advertiser", "Courier", "Star", "Times"]
GROUPS = ["Lantern Media", "Riverside Press", "Northgate Publishing", "Kestrel News Group"]

# Furniture a pattern should recognise (generic phrasing every site uses)...
GENERIC = [
    "Comments are moderated. Please read our community rules before posting.",
    "Sign up to the {site} newsletter and get the top stories in your inbox every morning.",
    "Share this article",
    "Copyright {year} {group}. All rights reserved.",
    "We use cookies to personalise content and ads and to analyse our traffic.",
    "Follow us on Facebook and Twitter for the latest updates.",
    "Advertisement",
    "Subscribe now for unlimited digital access to {site}.",
    "Story continues below",
    "Got a story? Contact our newsdesk on 01632 960{n:03d}.",
]
# ...and furniture only the corpus can tell (each site phrases it its own way).
SITE_ONLY = [
    "{site} is part of the {group} family of local news brands.",
    "{site} journalists follow the {group} editorial code of practice.",
    "Tell us what you think in the box below.",
    "Download the {site} app to get breaking news alerts on your phone.",
    "Our reporters cover {town} and the surrounding villages every day of the year.",
    "Listen to {site} Weekly, our news podcast, every Friday.",
    "Want to reach {site} readers? Talk to our advertising team.",
    "{site}: independent local journalism since {year2}.",
    "Thanks for reading {site}, and for supporting local news.",
    "You can send your pictures and videos to the {site} picture desk.",
    "This story was produced by the {site} newsroom in {town}.",
    "Local news matters more than ever, so please keep reading {site}.",
]
TWEETS = [
    "Proud to visit {town} today to meet {handle2} and the team behind the new centre.",
    "Great turnout at the {town} meeting tonight, thank you all for coming.",
    "Our thoughts are with everyone affected in {town} this evening.",
    "Delighted to announce that {handle2} will join us at the summit next week.",
]
PEOPLE = ["Mara Quill", "Tobias Venn", "Odile Marsh", "Ravi Castellan", "Ines Halloway", "Peter Dunmore"]
AGENCIES = ["Getty Images", "Lantern Pictures", "PA Wire", "Kestrel Photo"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
# Word swaps for "a few words changed": what a local sub-editor does to wire copy.
SWAPS = {"said": "says", "about": "around", "percent": "pct", "million": "mln", "company": "firm",
         "government": "administration", "rose": "increased", "fell": "dropped", "will": "would",
         "the": "this", "year": "twelve months", "new": "fresh", "but": "however"}


@dataclasses.dataclass
class Item:
    """One benchmark article: its storyline record, the gold kind of each line, its gold
    story, and (for copies) the edits that made it."""

    article: Article
    gold_kinds: list[str]
    story: str
    original: bool
    edits: tuple[str, ...] = ()
    reuters_duplicate: str = ""  # for Reuters' exact duplicates: the NEWID of the first copy
    natural_story: str = ""  # the story once the source corpora's own copies are joined (natural_copies)


@dataclasses.dataclass
class Site:
    name: str
    host: str
    lines: list[tuple[str, float, bool]]  # (text, share of articles carrying it, from GENERIC)


def make_sites(rng: random.Random, n: int = N_SITES) -> list[Site]:
    sites = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        name = f"The {town} {KINDS[i % len(KINDS)]}"
        fill = {"site": name, "town": town, "group": GROUPS[i % len(GROUPS)], "year": 2025,
                "year2": 1850 + i * 5, "n": i}
        generic = rng.sample(GENERIC, 4)
        own = rng.sample(SITE_ONLY, 4)
        # On most pages / often / now and then: shares as seen on local news sites.
        shares = [0.85, 0.3, 0.3, 0.06]
        lines = [(t.format(**fill), s, True) for t, s in zip(generic, shares)]
        lines += [(t.format(**fill), s, False) for t, s in zip(own, shares)]
        host = f"www.{town.lower().replace(' ', '')}{KINDS[i % len(KINDS)].lower()}.example"
        sites.append(Site(name, host, lines))
    return sites


def _tweet(rng: random.Random, town: str) -> list[str]:
    # Twitter handles have at most 15 characters.
    handle = ("".join(w for w in rng.choice(PEOPLE).split()) + rng.choice(["MP", "", "Cllr"]))[:15]
    handle2 = "".join(w for w in rng.choice(PEOPLE).split())
    body = rng.choice(TWEETS).format(town=town, handle2=handle2)
    pic = "pic.twitter.com" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(10))
    tail = f"— {rng.choice(PEOPLE)} ({handle}) {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2018, 2024)}"
    if rng.random() < 0.3:
        return [f"{body} {pic} {tail}"]
    return [f"{body} {pic}", tail]


def _furnish(rng: random.Random, site: Site, sentences: Sequence[str], other_titles: Sequence[str],
             embeds: bool) -> tuple[list[str], list[str]]:
    """The article's lines with the site's furniture (and maybe a post) at random places."""
    lines = [(s, "text") for s in sentences]
    extra = [(text, "boilerplate") for text, share, _ in site.lines if rng.random() < share]
    if rng.random() < 0.15:
        extra.append((f"Read more: {rng.choice(other_titles)}", "boilerplate"))
    if rng.random() < 0.15:
        name = rng.choice(PEOPLE)
        extra.append((f"Photo: {name}{rng.choice(AGENCIES)}", "boilerplate"))
    if embeds and rng.random() < 0.03:
        extra += [(t, "embed") for t in _tweet(rng, site.name.split()[1])]
    for line in extra:
        lines.insert(rng.randint(0, len(lines)), line)
    return [t for t, _ in lines], [k for _, k in lines]


def edit_copy(rng: random.Random, raw: newscorpus.RawArticle) -> tuple[str, list[str], tuple[str, ...]]:
    """A local site's copy of a story: some of truncation, new headline, changed words,
    reordered sentences (each with probability 1/2; at least one)."""
    chosen = [e for e in ("truncated", "headline", "words", "shuffled") if rng.random() < 0.5] or ["words"]
    sentences = list(raw.sentences)
    title = raw.title
    if "truncated" in chosen:
        keep = max(3, round(len(sentences) * rng.uniform(0.4, 0.8)))
        sentences = sentences[:keep]
    if "headline" in chosen:
        words = title.split()
        title = " ".join(words[: max(3, len(words) - 2)]) + rng.choice([" - latest", ": what we know", " as it happened", " (update)"])
    if "words" in chosen:
        for i in rng.sample(range(len(sentences)), min(len(sentences), rng.randint(1, 3))):
            toks = sentences[i].split()
            spots = [j for j, t in enumerate(toks) if t.lower() in SWAPS]
            if spots:
                j = rng.choice(spots)
                toks[j] = SWAPS[toks[j].lower()]
            elif len(toks) > 4:
                del toks[rng.randrange(1, len(toks) - 1)]
            sentences[i] = " ".join(toks)
    if "shuffled" in chosen:
        rng.shuffle(sentences)
    return title, sentences, tuple(chosen)


def split_of(raw: newscorpus.RawArticle) -> str:
    if raw.key.startswith("reuters-"):
        return "dev" if int(raw.key.split("-")[1]) <= 4000 else "test"
    return "dev" if raw.key.startswith("bbc-sport-") else "test"


_ABBREV = re.compile(r"(?:^|\s)\"?(?:U\.S|U\.K|U\.N|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|St|Inc|Corp|Co|Ltd|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$")
_SIGNATURE = re.compile(r"^\s*reuter\W*$", re.I)


def repair(raw: newscorpus.RawArticle) -> newscorpus.RawArticle:
    """Undo the plain splitter's cuts after abbreviations (``The U.S.`` / ``Agriculture
    Department said.``) and drop Reuters' ``REUTER`` sign-off lines, so that the gold
    ``text`` lines are whole sentences of the story."""
    out: list[str] = []
    for sentence in raw.sentences:
        if _SIGNATURE.match(sentence):
            continue
        if out and _ABBREV.search(out[-1]):
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
    return dataclasses.replace(raw, sentences=tuple(out))


def headline_key(title: str) -> str:
    """A headline without what Reuters changes on a re-send: a ``CORRECTED -``/``UPDATE 1 -``
    prefix, ticker symbols in angle brackets, punctuation and case."""
    title = re.sub(r"^\s*(?:CORRECTED|UPDATE(?:\s*\d+)?|REFILED|RPT)\s*-+\s*", "", title, flags=re.I)
    title = re.sub(r"<[^>]*>", " ", title)
    return " ".join(re.findall(r"[a-z0-9]+", title.lower()))


def drop_resends(raws: Sequence[newscorpus.RawArticle], keep: set[str]) -> list[newscorpus.RawArticle]:
    """Drop articles whose headline repeats an earlier one's within a week (see
    :func:`headline_key`): Reuters re-sent stories with small changes under the same
    headline, and those unlabelled near-duplicates would count as false positives. (The
    exact duplicates in ``keep`` stay: they are gold.)"""
    seen: dict[str, list[dt.date]] = defaultdict(list)
    out = []
    for raw in sorted(raws, key=lambda r: (r.published, r.key)):
        key = headline_key(raw.title)
        if raw.key not in keep and any(abs((raw.published - d).days) <= 7 for d in seen[key]):
            continue
        seen[key].append(raw.published)
        out.append(raw)
    return out


_TOKEN = re.compile(r"[a-z0-9]+")
# The criterion for a copy already in the source corpora; chosen before any detector output
# was scored against it, and independent of the detector (no shingles, MinHash or settings).
NATURAL_MIN_CHARS = 200  # below this a body is a template line (dividend notices share them)
NATURAL_SENTENCE_RATIO = 90.0  # rapidfuzz partial_ratio: a sentence with a word or two changed
NATURAL_COVERED = 0.9  # share of the shorter body's characters in such sentences
NATURAL_MAX_SHARED = 50  # a blocking key (sentence) in more originals than this is a stock phrase


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def natural_copies(raws: Sequence[newscorpus.RawArticle]) -> list[tuple[str, str]]:
    """Pairs of source articles that are already copies of one report (a re-send under a new
    headline, a correction, a duplicate file), by a strict character-level test of whole
    bodies: the shorter body (at least ``NATURAL_MIN_CHARS`` characters) could be made from
    the longer one by the benchmark's own edits. At least ``NATURAL_COVERED`` of its
    characters are in sentences found in the longer body with a few characters changed
    (rapidfuzz ``partial_ratio`` of ``NATURAL_SENTENCE_RATIO``), and all its figures
    (tokens with a digit) are in the longer one. Candidate pairs share a sentence of 5+
    words or the start of the body."""
    from rapidfuzz import fuzz

    sents = {r.key: [t for t in (_norm(s) for s in r.sentences) if t] for r in raws}
    index: dict[str, set[str]] = defaultdict(set)
    for key, lines in sents.items():
        for line in lines:
            if line.count(" ") >= 4:
                index[line].add(key)
        index["^" + " ".join(lines)[:50]].add(key)
    candidates = set()
    for keys in index.values():
        if 1 < len(keys) <= NATURAL_MAX_SHARED:
            ordered = sorted(keys)
            candidates.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:])

    def figures(lines: list[str]) -> set[str]:
        return {t for line in lines for t in line.split() if any(c.isdigit() for c in t)}

    out = []
    for a, b in sorted(candidates):
        size_a, size_b = sum(map(len, sents[a])), sum(map(len, sents[b]))
        short, long_ = (sents[a], sents[b]) if (size_a, a) <= (size_b, b) else (sents[b], sents[a])
        if min(size_a, size_b) < NATURAL_MIN_CHARS or not figures(short) <= figures(long_):
            continue
        whole = " ".join(long_)
        covered = sum(len(x) for x in short if fuzz.partial_ratio(x, whole, score_cutoff=NATURAL_SENTENCE_RATIO))
        if covered >= NATURAL_COVERED * sum(map(len, short)):
            out.append((a, b))
    return out


class StoryJoins:
    """Union-find over gold story keys: :meth:`join` two stories, :meth:`top` the key a
    story now goes by (the smallest of those joined)."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def top(self, x: str) -> str:
        while self._parent.get(x, x) != x:
            x = self._parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.top(a), self.top(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)


def build(split: str, data: Path = DEFAULT_DATA, *, n_originals: int = 600, seed: int = 11,
          embeds: bool = True) -> list[Item]:
    """The benchmark corpus of one split: every article of the split on a random site, with
    furniture; ``n_originals`` of them (of 5+ sentences) copied by 1-5 other sites."""
    rng = random.Random(seed)
    raw_base = [*newscorpus.reuters(data), *newscorpus.bbc(data)]
    # Reuters-21578's exact duplicates: identical (whitespace-normalised) bodies; 281
    # documents in 279 groups, 284 pairs.
    same_body: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for raw in raw_base:
        if raw.key.startswith("reuters-"):
            same_body[raw.sentences].append(raw.key)
    reuters_duplicate = {k: keys[0] for keys in same_body.values() if len(keys) > 1 for k in keys}
    base = [r for r in (repair(r) for r in raw_base) if r.sentences]
    by_body: dict[tuple[str, ...], list[newscorpus.RawArticle]] = defaultdict(list)
    for raw in base:
        by_body[raw.sentences].append(raw)
    story_of: dict[str, str] = {}
    exact_dups: set[str] = set()
    for same in by_body.values():
        for raw in same:
            story_of[raw.key] = same[0].key
            if len(same) > 1:
                exact_dups.add(raw.key)
    chosen = [r for r in base if (r.key in exact_dups and split == "test")
              or (r.key not in exact_dups and split_of(r) == split)]
    chosen = drop_resends(chosen, exact_dups)
    stories = StoryJoins()
    for a, b in natural_copies(chosen):
        stories.join(story_of[a], story_of[b])
    sites = make_sites(rng)
    titles = [r.title for r in chosen]
    items: list[Item] = []

    def add(raw: newscorpus.RawArticle, site: Site, title: str, sentences: Sequence[str], day: dt.date,
            url: str, original: bool, edits: tuple[str, ...] = ()) -> None:
        lines, kinds = _furnish(rng, site, sentences, titles, embeds)
        art = parse_lines(raw.key, [title, day.strftime("%Y%m%d"), url, *lines], DEFAULTS)
        if isinstance(art, Article) and len(art.sentences) == len(kinds):
            items.append(Item(art, kinds, story_of[raw.key], original, edits,
                              reuters_duplicate.get(raw.key, "") if original else "", stories.top(story_of[raw.key])))

    home = {}
    for raw in chosen:
        site = rng.choice(sites)
        home[raw.key] = site
        slug = raw.key.replace("reuters-", "r").replace("bbc-", "b")
        add(raw, site, raw.title, raw.sentences, raw.published, f"https://{site.host}/news/{slug}", True)
    eligible = [r for r in chosen if len(r.sentences) >= 5]
    for raw in rng.sample(eligible, min(n_originals, len(eligible))):
        others = [s for s in sites if s is not home[raw.key]]
        for k, site in enumerate(rng.sample(others, rng.randint(1, 5))):
            title, sentences, edits = edit_copy(rng, raw)
            slug = raw.key.replace("reuters-", "r").replace("bbc-", "b")
            add(raw, site, title, sentences, raw.published + dt.timedelta(days=rng.randint(0, 2)),
                f"https://{site.host}/local/{slug}-c{k}", False, edits)
    return items


def gold_pairs(items: Sequence[Item], natural: bool = False) -> set[tuple[str, str]]:
    """Pairs of article ids that tell the same story (copies, and exact duplicates); with
    ``natural``, also the copies the source corpora already held (:func:`natural_copies`)."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for it in items:
        by_story[it.natural_story if natural else it.story].append(it.article.id)
    return {tuple(sorted((a, b))) for ids in by_story.values() for i, a in enumerate(ids) for b in ids[i + 1:]}


AUDIT = Path(__file__).resolve().parent / "noise_audit.json"


def audited_gold_pairs(items: Sequence[Item], path: Path = AUDIT) -> tuple[set[tuple[str, str]], int]:
    """The gold with the source corpora's own copies (``natural``) and the hand-labelled
    pairs of ``noise_audit.json`` marked ``same`` joined; returns the pairs and how many
    labelled pairs of source articles were found in ``items``."""
    keys = {it.article.source: it.natural_story for it in items if it.original}
    stories = StoryJoins()
    used = 0
    for (a, b), same in audit_labels(path).items():
        if same and a in keys and b in keys:
            used += 1
            stories.join(keys[a], keys[b])
    by_story: dict[str, list[str]] = defaultdict(list)
    for it in items:
        by_story[stories.top(it.natural_story)].append(it.article.id)
    return {tuple(sorted((a, b))) for ids in by_story.values() for i, a in enumerate(ids) for b in ids[i + 1:]}, used


def audit_labels(path: Path = AUDIT) -> dict[tuple[str, str], bool]:
    """``(key, key) -> same`` for every hand-labelled pair of source articles."""
    import json

    return {tuple(sorted((p["a"], p["b"]))): p["same"] for p in json.loads(path.read_text())["pairs"]}


def group_pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    """All pairs within predicted groups (what a user of the groups is told are copies)."""
    return {tuple(sorted((a, b))) for ids in groups.values() for i, a in enumerate(ids) for b in ids[i + 1:]}


def load_store(items: Sequence[Item], path: Path):
    """A fresh store holding the items' articles (written as ingest does), not yet cleaned."""
    from storyline.store import open_store
    from storyline.store import articles as db

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(path)
    for i in range(0, len(items), 1000):
        with store.transaction():
            db.save_articles(store, [it.article for it in items[i:i + 1000]], None)
    return store


RESULTS = Path(__file__).resolve().parent / "results"


def write_results(name: str, result: dict) -> None:
    """Write a benchmark's results to ``benchmarks/results/<name>.json``."""
    import json

    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
