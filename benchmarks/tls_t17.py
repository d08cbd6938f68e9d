"""Timelines on Timeline17 (T17) with the standard TLS protocol, beside published figures.

Data (read by path, never copied): ``--data`` (default ``../shared/data``) /
``tls/t17/raw/<source>/InputDocs/<YYYY-MM-DD>/<id>.htm.txt`` (PTB-tokenised sentences, one a
line; the folder is the publication date) and the news-tls gold ``tls/t17/newstls/<topic>/``
(``timelines.jsonl``, ``keywords.json``, and ``article_ids.tsv`` for the topics whose published
results used a subset of the articles).

Steps:

1. **Enrich.** Every sentence of every article goes through storyline's date normaliser
   (``nlp.temporal``: spaCy NER on sentences with a temporal trigger word, the parser where
   ``needs_parse`` asks for it, then ``find_timexes``). The result is cached under
   ``benchmarks/.cache/`` keyed by a hash of the temporal modules' source and of this reader,
   so a change to either re-runs it. Timed: sentences per second over all sentences.
2. **Build.** One task per gold timeline (19): the topic's articles published within
   [first gold date, last gold date] (the listed subset where ``article_ids.tsv`` exists),
   ``l`` = gold dates, ``k`` = round(mean gold sentences per date), the topic's keywords
   (matched anywhere in a sentence, as the protocol's reference code does), entries
   restricted to days (the metric scores days). Timed per task, baseline alongside.
3. **Score.** Predictions are written as tilse txt and scored by ``benchmarks/tls_score.py``
   (ROUGE-1.5.5 through tilse, in the tilse virtualenv) and, as a cross-check, by the
   reference scorer ``../shared/tools/tls/score_tls.py``; the two must agree.
4. **Report.** AR-1 F, AR-2 F and Date-F1 (P and R averaged over tasks, then F), per task and
   per topic, beside the published figures; JSON to ``benchmarks/results/tls_t17.json``.

Systems: ``storyline`` (``build_timeline`` with default settings) and the baseline
``pubcount-lead`` (days ranked by articles published that day; per day the first keyword
sentences of that day's articles, most-published first), both on the same inputs.

Tuning discipline: the ``timeline.*`` weights were chosen on the DEV topics below only
(``--topics`` selects them); the other topics were scored with the chosen defaults and are
reported separately as held out.

Usage::

    benchmarks/setup-tls-env            # once: the tilse virtualenv + perl XML::DOM
    .venv/bin/python benchmarks/tls_t17.py [--data PATH] [--tilse-venv PATH] [--rouge original]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.records import Span, TimeExpr  # noqa: E402
from storyline.settings import DEFAULTS, Settings  # noqa: E402
from storyline.timeline import Timeline, TimelineSentence, build_timeline  # noqa: E402
from storyline.timeline_select import keyword_matcher  # noqa: E402

CACHE = ROOT / "benchmarks" / ".cache"
RESULTS = ROOT / "benchmarks" / "results"
READER_VERSION = "t17-reader-3"  # bump when the reading below changes what is enriched

# news-tls topic name -> raw source folder prefix.
TOPICS = {
    "bpoil": "bpoil_", "egypt": "EgyptianProtest_", "finan": "Finan_", "h1n1": "H1N1_",
    "haiti": "haiti_", "iraq": "IraqWar_", "libya": "LibyaWar_", "mj": "MJ_", "syria": "SyrianCrisis_",
}
# Topics the timeline.* weights were tuned on; the rest are held out (see BENCHMARKS.md).
DEV_TOPICS = ("bpoil", "egypt", "finan", "h1n1")

# Published T17 figures (AR1-F, AR2-F, Date-F1), Gholipour Ghalandari & Ifrim (ACL 2020),
# Table 4, and the data README.
PUBLISHED = {
    "DATEWISE": (0.120, 0.035, 0.544),
    "CLUST": (0.082, 0.020, 0.407),
    "MARTSCHAT2018": (0.105, 0.030, 0.544),
    "text oracle": (0.198, 0.073, 0.541),
    "full oracle": (0.312, 0.128, 0.926),
}
TARGET = (0.125, 0.038, 0.56)

# A fused first line: headline and dateline, then "(Reuters) -" / "(CNN) --" and the lead.
AGENCY_DATELINE = re.compile(r"^(.*?)-LRB- (?:Reuters|CNN|AP|AFP) -RRB- -+ ")


# --- reading and enrichment -------------------------------------------------------------


@dataclass
class RawArticle:
    key: str
    source: str
    file_id: str
    published: dt.date
    lines: list[tuple[int, str]]


def read_topic(data: Path, topic: str) -> list[RawArticle]:
    """The raw articles of one topic, every source folder, in (source, date, id) order.

    Empty lines are skipped (line numbers stay those of the file). A first line that fuses
    headline, dateline and lead keeps only the lead: the headline part is not a sentence."""
    raw = data / "tls" / "t17" / "raw"
    out = []
    for source_dir in sorted(raw.glob(TOPICS[topic] + "*")):
        for day_dir in sorted((source_dir / "InputDocs").iterdir()):
            published = dt.date.fromisoformat(day_dir.name)
            for path in sorted(day_dir.glob("*.htm.txt")):
                file_id = path.name[: -len(".htm.txt")]
                lines = []
                for n, text in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                    text = " ".join(text.split())
                    if n == 1:
                        m = AGENCY_DATELINE.match(text)
                        if m:
                            text = text[m.end():]
                    if text:
                        lines.append((n, text))
                key = f"{source_dir.name}/{day_dir.name}/{file_id}"
                out.append(RawArticle(key, source_dir.name, file_id, published, lines))
    return out


# PTB tokens back to plain text for the date normaliser, which reads text as crawled:
# "Thursday , April 29 , 2010" must reach it as "Thursday, April 29, 2010" or the weekday and
# the year are read apart from the date (the weekday then resolves against the publication
# date). Output sentences keep their PTB tokens, which the gold and ROUGE expect.
_PTB_TO_TEXT = [
    (re.compile(r"-LRB-\s*"), "("), (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["), (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"``\s*"), '"'), (re.compile(r"\s*''"), '"'), (re.compile(r"\\/"), "/"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r" ([,.;:?!%])"), r"\1"), (re.compile(r"\$ (?=\d)"), "$"),
]


def plain_text(ptb: str) -> str:
    """A PTB-tokenised sentence as ordinary text (for the date normaliser only)."""
    for pattern, replacement in _PTB_TO_TEXT:
        ptb = pattern.sub(replacement, ptb)
    return ptb


@functools.lru_cache(maxsize=1)
def temporal_hash() -> str:
    """Hash of the date normaliser's source (every nlp/temporal*.py) and of this reader.

    Computed once per run, before the normaliser is imported, so a source file edited while
    the run goes on cannot label results of the old code with the new hash."""
    h = hashlib.sha256(READER_VERSION.encode())
    for path in sorted((ROOT / "src" / "storyline" / "nlp").glob("temporal*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def enrich_topic(articles: list[RawArticle], batch: int = 2000) -> tuple[dict[str, list], dict]:
    """Date expressions of every sentence: {article key: [[line, [TimeExpr dict...]], ...]}.

    Each PTB sentence is turned back into plain text first (:func:`plain_text`), so spans
    are offsets into that text (the timeline reads only values and span texts). Sentences
    without a trigger word are skipped by ``has_trigger`` (as ``find_timexes`` itself
    would); the rest are annotated in batches the way the enrich stage annotates for dates.
    Returns the timexes and timing counts (the detokenising is inside the timing)."""
    from storyline.nlp.temporal import annotate_for_dates, find_timexes, has_trigger

    t0 = time.perf_counter()
    todo = [(a, n, plain_text(text)) for a in articles for n, text in a.lines]
    found: dict[str, list] = defaultdict(list)
    triggered = [(a, n, text) for a, n, text in todo if has_trigger(text)]
    for i in range(0, len(triggered), batch):
        chunk = triggered[i:i + batch]
        annotated = annotate_for_dates([text for _, _, text in chunk])
        for (a, n, _), sentence in zip(chunk, annotated):
            timexes = find_timexes(sentence, a.published, a.key)
            if timexes:
                found[a.key].append([n, [t.to_dict() for t in timexes]])
    seconds = time.perf_counter() - t0
    return dict(found), {"sentences": len(todo), "triggered": len(triggered), "seconds": seconds}


def load_enriched(data: Path, topic: str, articles: list[RawArticle], reuse: bool = False) -> tuple[dict, dict]:
    """Cached enrichment of a topic (computed and saved when the cache key has changed).

    ``reuse``: take the newest cache of the topic whatever its key (development only: the
    figures then do not belong to the current normaliser, and the results say so)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    key = temporal_hash()
    path = CACHE / f"t17-{topic}-{key}.json"
    if not path.exists() and reuse:
        older = sorted(CACHE.glob(f"t17-{topic}-*.json"), key=lambda p: p.stat().st_mtime)
        if older:
            path = older[-1]
    if path.exists():
        cached = json.loads(path.read_text(encoding="utf-8"))
        cached["timing"]["cached"] = True
        cached["timing"]["key"] = path.stem.rsplit("-", 1)[-1]
        return cached["timexes"], cached["timing"]
    timexes, timing = enrich_topic(articles)
    timing["key"] = key
    path.write_text(json.dumps({"timexes": timexes, "timing": timing}), encoding="utf-8")
    timing = dict(timing, cached=False)
    return timexes, timing


# --- tasks -------------------------------------------------------------------------------


@dataclass
class Task:
    name: str
    topic: str
    gold: dict[dt.date, list[str]]
    keywords: tuple[str, ...]

    @property
    def l(self) -> int:
        return len(self.gold)

    @property
    def k(self) -> int:
        # news-tls get_average_summary_length: round(mean sentences per date), Python rounding.
        return round(sum(len(s) for s in self.gold.values()) / len(self.gold))

    @property
    def start(self) -> dt.date:
        return min(self.gold)

    @property
    def end(self) -> dt.date:
        return max(self.gold)


def load_tasks(data: Path, topics: list[str]) -> list[Task]:
    """The gold tasks of the topics: ``<topic>_<j>`` is the j-th non-empty line (news-tls)."""
    tasks = []
    for topic in topics:
        folder = data / "tls" / "t17" / "newstls" / topic
        keywords = tuple(json.loads((folder / "keywords.json").read_text(encoding="utf-8")))
        lines = [ln for ln in (folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
        for j, line in enumerate(lines):
            gold = {dt.date.fromisoformat(stamp[:10]): sents for stamp, sents in json.loads(line)}
            tasks.append(Task(f"{topic}_{j}", topic, gold, keywords))
    return tasks


def article_subset(data: Path, topic: str) -> set[tuple[str, dt.date]] | None:
    """(file id, publication date) of the articles the published results used, if listed."""
    path = data / "tls" / "t17" / "newstls" / topic / "article_ids.tsv"
    if not path.exists():
        return None
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()[1:] if ln.strip()]
    return {(file_id, dt.date.fromisoformat(day)) for file_id, day in rows}


def topic_sentences(articles: list[RawArticle], timexes: dict, subset) -> list[TimelineSentence]:
    """Timeline input for a whole topic; outlet = the source folder's outlet name."""
    out = []
    for a in articles:
        if subset is not None and (a.file_id, a.published) not in subset:
            continue
        found = {n: tuple(TimeExpr.from_dict(t) for t in ts) for n, ts in timexes.get(a.key, [])}
        outlet = a.source.split("_", 1)[1] if "_" in a.source else a.source
        url = f"t17:{a.key}"
        for index, (n, text) in enumerate(a.lines):
            out.append(TimelineSentence(a.key, index, n, text, a.published, outlet, url, found.get(n, ())))
    return out


def in_range(sentences: list[TimelineSentence], start: dt.date, end: dt.date) -> list[TimelineSentence]:
    return [s for s in sentences if start <= s.published <= end]


# --- systems -----------------------------------------------------------------------------


def run_storyline(sentences, task: Task, settings: Settings) -> dict[dt.date, list[str]]:
    timeline = build_timeline(sentences, n_dates=task.l, per_date=task.k, keywords=task.keywords,
                              since=task.start, until=task.end, settings=settings)
    return {e.date: [s.text for s in e.sentences] for e in timeline.entries}


def run_pubcount_lead(sentences, task: Task, settings: Settings) -> dict[dt.date, list[str]]:
    """Baseline: the l days with most articles published; per day the first keyword sentence
    (6 to 50 words) of each of its articles in input order, k of them, no repeats."""
    pattern = keyword_matcher(task.keywords, settings["timeline.keyword_match"] != "substring")
    by_day: dict[dt.date, dict[str, list[TimelineSentence]]] = defaultdict(dict)
    for s in sentences:
        by_day[s.published].setdefault(s.article_id, []).append(s)
    days = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[: task.l]
    out, seen = {}, set()
    for d in days:
        picked = []
        for article in by_day[d].values():
            for s in article:
                words = len(s.text.split())
                if 6 <= words <= 50 and pattern.search(s.text) and s.text not in seen:
                    picked.append(s.text)
                    seen.add(s.text)
                    break
            if len(picked) == task.k:
                break
        if picked:
            out[d] = picked
    return out


SYSTEMS = {"storyline": run_storyline, "pubcount-lead": run_pubcount_lead}


# --- writing and scoring -----------------------------------------------------------------


def tilse_text(sentence: str) -> str:
    """A sentence as a tilse/ROUGE line: the T17 input is PTB-tokenised already, so only
    line breaks and "<" (ROUGE-1.5.5 cuts a sentence there) need removing."""
    return " ".join(sentence.replace("<", " ").split())


def write_predictions(folder: Path, predictions: dict[str, dict[dt.date, list[str]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    for task, timeline in predictions.items():
        blocks = []
        for day in sorted(timeline):
            lines = [tilse_text(s) for s in timeline[day]]
            blocks.append("\n".join([day.isoformat(), *[ln for ln in lines if ln], "-" * 32]))
        (folder / f"{task}.txt").write_text("\n".join(blocks) + "\n", encoding="utf-8")


def score(scorer: Path, python: Path, pred_dir: Path, gold_dir: Path, rouge: str, out: Path,
          extra: tuple[str, ...] = ("--missing", "zero")) -> dict:
    """Run a scorer (ours or the reference) in the tilse virtualenv; its JSON result."""
    cmd = [str(python), str(scorer), str(pred_dir), str(gold_dir), "--rouge", rouge,
           "--json", str(out), "--quiet", "--jobs", "2", *extra]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"scorer failed: {' '.join(cmd)}\n{done.stdout}\n{done.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def averaged(per_task: dict[str, dict], names: list[str]) -> dict[str, float]:
    """AR1-F, AR2-F, Date-F1 over ``names``: P and R averaged, then F (news-tls)."""
    out = {}
    for label, metric in (("AR1", "rouge_1"), ("AR2", "rouge_2"), ("Date", "date")):
        p = statistics.fmean(per_task[n][metric]["precision"] for n in names)
        r = statistics.fmean(per_task[n][metric]["recall"] for n in names)
        out[label + ("-F1" if label == "Date" else "-F")] = 2 * p * r / (p + r) if p + r else 0.0
        out[label + "-P"], out[label + "-R"] = p, r
    return out


def per_task_figures(result: dict) -> dict[str, dict]:
    """Our scorer's or the reference scorer's per-task JSON, as {task: {metric: {P,R,F}}}."""
    tasks = result["tasks"]
    if isinstance(tasks, list):  # the reference scorer writes a list of rows named by "task"
        tasks = {row["task"]: row for row in tasks}
    out = {}
    for name, s in tasks.items():
        out[name] = {m: {"precision": s[m]["precision"], "recall": s[m]["recall"], "f_score": s[m]["f_score"]}
                     for m in ("rouge_1", "rouge_2", "date")}
    return out


# --- scorer validation ------------------------------------------------------------------

# The reference scorer's figures for the published SDF-TLS T17 outputs (score_tls.md).
SDF_EXPECTED = {"bestsumm": (0.1200, 0.0353, 0.5257), "bestds": (0.1170, 0.0313, 0.5532)}


def validate_sdf(data: Path, python: Path, mapping: Path, rouge: str) -> dict:
    """Score the published SDF-TLS T17 runs with our scorer (the reference file-to-task map)
    and compare with the reference scorer's published figures."""
    out_root = ROOT / "benchmarks" / "out" / "tls_t17_sdf"
    out_root.mkdir(parents=True, exist_ok=True)
    runs = data / "tls" / "system_outputs" / "MorenoLaQuatra__SDF-TLS" / "system_output"
    results = {}
    for run, expected in SDF_EXPECTED.items():
        got = score(ROOT / "benchmarks" / "tls_score.py", python, runs / f"TL17_{run}",
                    data / "tls" / "t17" / "newstls", rouge, out_root / f"{run}.json",
                    ("--strip-prefix", f"TL17_{run}_", "--map", str(mapping)))
        figures = per_task_figures(got)
        avg = averaged(figures, sorted(figures))
        mine = (avg["AR1-F"], avg["AR2-F"], avg["Date-F1"])
        results[run] = {
            "ours": avg, "reference_published": dict(zip(("AR1-F", "AR2-F", "Date-F1"), expected)),
            "agree_to_4_decimals": all(round(a, 4) == b for a, b in zip(mine, expected)),
            "per_task": {t: {"AR1-F": f["rouge_1"]["f_score"], "AR2-F": f["rouge_2"]["f_score"],
                             "Date-F1": f["date"]["f_score"]} for t, f in figures.items()},
        }
        print(f"SDF-TLS {run}: ours {mine[0]:.4f} / {mine[1]:.4f} / {mine[2]:.4f}   reference "
              f"{expected[0]:.4f} / {expected[1]:.4f} / {expected[2]:.4f}   "
              f"{'agree' if results[run]['agree_to_4_decimals'] else 'DIFFER'}")
    return {"command": "python benchmarks/tls_t17.py --validate-sdf", "rouge": rouge,
            "date": dt.date.today().isoformat(), "runs": results}


# --- the run -----------------------------------------------------------------------------


def build_all(data: Path, topics: list[str], tasks: list[Task], systems: list[str], settings: Settings,
              repeat: int, reuse_cache: bool) -> tuple[dict, dict, dict]:
    """Enrich each topic (cached), then build every task's timeline with every system.

    Returns predictions {system: {task: timeline}}, build seconds {"wall"|"cpu": {system:
    {task: median}}} (CPU = this process's CPU time, less sensitive to other jobs on a shared
    machine than wall time) and enrichment timing {topic: ...}."""
    predictions: dict[str, dict] = {name: {} for name in systems}
    seconds: dict[str, dict] = {name: {} for name in systems}
    cpu_seconds: dict[str, dict] = {name: {} for name in systems}
    enrichment = {}
    _warm_up(settings)
    for topic in topics:
        articles = read_topic(data, topic)
        timexes, timing = load_enriched(data, topic, articles, reuse_cache)
        enrichment[topic] = timing
        sentences = topic_sentences(articles, timexes, article_subset(data, topic))
        for task in (t for t in tasks if t.topic == topic):
            inputs = in_range(sentences, task.start, task.end)
            times: dict[str, list[float]] = {name: [] for name in systems}
            cpu: dict[str, list[float]] = {name: [] for name in systems}
            for _ in range(repeat):  # systems interleaved, so both see the same machine load
                for name in systems:
                    t0, c0 = time.perf_counter(), time.process_time()
                    predictions[name][task.name] = SYSTEMS[name](inputs, task, settings)
                    times[name].append(time.perf_counter() - t0)
                    cpu[name].append(time.process_time() - c0)
            for name in systems:
                seconds[name][task.name] = statistics.median(times[name])
                cpu_seconds[name][task.name] = statistics.median(cpu[name])
            print(f"  {task.name:<9} {len(inputs):>6} sentences  "
                  + "  ".join(f"{n} {seconds[n][task.name]:.3f}s (cpu {cpu_seconds[n][task.name]:.3f}s)"
                              for n in systems), flush=True)
    return predictions, {"wall": seconds, "cpu": cpu_seconds}, enrichment


def _warm_up(settings: Settings) -> None:
    """One tiny build first, so the timed builds do not include importing scikit-learn."""
    day = dt.date(2020, 1, 1)
    text = "The bridge over the river opened to traffic on January 1."
    start = text.index("January 1")
    timex = TimeExpr("", Span(0, start, start + 9, "January 1"), "DATE", "2020-01-01", "day", day, day)
    build_timeline([TimelineSentence("w", 0, 1, text, day, "w", "", (timex,))], n_dates=1, per_date=1,
                   settings=settings)


def report(figures: dict[str, dict], tasks: list[Task], build_s: dict[str, float], cpu_s: dict[str, float]) -> dict:
    """Averages (all, dev, held out, per topic) and per-task figures of one system."""
    names = [t.name for t in tasks]
    dev = [t.name for t in tasks if t.topic in DEV_TOPICS]
    held = [t.name for t in tasks if t.topic not in DEV_TOPICS]
    topics = sorted({t.topic for t in tasks})
    out = {
        "average": averaged(figures, names),
        "dev_topics": averaged(figures, dev) if dev else None,
        "held_out_topics": averaged(figures, held) if held else None,
        "per_topic": {tp: averaged(figures, [t.name for t in tasks if t.topic == tp]) for tp in topics},
        "per_task": {n: {"AR1-F": figures[n]["rouge_1"]["f_score"], "AR2-F": figures[n]["rouge_2"]["f_score"],
                         "Date-F1": figures[n]["date"]["f_score"], "build_s": build_s[n], "build_cpu_s": cpu_s[n]}
                     for n in names},
        "build_s_median_per_task": statistics.median(build_s[n] for n in names),
        "build_s_max_per_task": max(build_s[n] for n in names),
        "build_s_per_topic": {tp: sum(build_s[t.name] for t in tasks if t.topic == tp) for tp in topics},
    }
    return out


def print_tables(results: dict) -> None:
    systems = results["systems"]
    print("\nT17, 19 tasks: AR1-F / AR2-F / Date-F1 (P, R averaged over tasks, then F)")
    print(f"{'system':<22} {'AR1-F':>7} {'AR2-F':>7} {'Date-F1':>8}   {'dev':>22}   {'held out':>22}")
    for name, r in systems.items():
        a, d, h = r["average"], r["dev_topics"], r["held_out_topics"]
        fmt = lambda x: " / ".join(f"{x[m]:.4f}" for m in ("AR1-F", "AR2-F", "Date-F1")) if x else "-"  # noqa: E731
        print(f"{name:<22} {a['AR1-F']:>7.4f} {a['AR2-F']:>7.4f} {a['Date-F1']:>8.4f}   {fmt(d):>22}   {fmt(h):>22}")
    for name, (r1, r2, df) in PUBLISHED.items():
        print(f"{name + ' (published)':<22} {r1:>7.3f} {r2:>7.3f} {df:>8.3f}")
    print(f"{'target':<22} {TARGET[0]:>7.3f} {TARGET[1]:>7.3f} {TARGET[2]:>8.3f}")
    print(f"\nper task ({' | '.join(systems)}): AR1-F AR2-F Date-F1 build-s (wall)")
    _print_rows(systems, "per_task", lambda r, task: r["per_task"][task]["build_s"])
    print("\nper topic (P, R averaged over the topic's tasks): AR1-F AR2-F Date-F1, build s (all its tasks)")
    _print_rows(systems, "per_topic", lambda r, topic: r["build_s_per_topic"][topic])


def _print_rows(systems: dict, section: str, seconds) -> None:
    """One line per task (or topic): each system's three figures and build seconds."""
    for row in next(iter(systems.values()))[section]:
        cells = []
        for r in systems.values():
            t = r[section][row]
            cells.append(f"{t['AR1-F']:.4f} {t['AR2-F']:.4f} {t['Date-F1']:.4f} {seconds(r, row):6.3f}")
        print(f"  {row:<9} " + " | ".join(cells))

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--tilse-venv", type=Path, default=Path(os.environ.get("TLS_VENV", ROOT.parent / "tilse-venv")),
                    help="virtualenv with tilse (benchmarks/setup-tls-env makes one)")
    ap.add_argument("--reference-scorer", default=str(ROOT.parent / "shared" / "tools" / "tls" / "score_tls.py"),
                    help="the reference scorer for the cross-check ('' to skip it)")
    ap.add_argument("--rouge", choices=("original", "reimpl"), default="original",
                    help="reimpl = tilse's Python ROUGE, for development only")
    ap.add_argument("--topics", default=",".join(TOPICS), help="comma-separated news-tls topic names")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a setting")
    ap.add_argument("--repeat", type=int, default=3, help="builds per task; the median time is reported")
    ap.add_argument("--name", default="tls_t17", help="results/<name>.json and out/<name>/")
    ap.add_argument("--validate-sdf", action="store_true",
                    help="only score the published SDF-TLS runs with our scorer (results/tls_t17_sdf.json)")
    ap.add_argument("--sdf-map", type=Path, default=ROOT.parent / "shared" / "tools" / "tls" / "score_tls_sdf_t17.tsv",
                    help="the reference file-to-task map of the SDF-TLS outputs")
    ap.add_argument("--reuse-cache", action="store_true",
                    help="development: reuse the newest enrichment cache even if the normaliser changed")
    args = ap.parse_args(argv)

    topics = [t for t in args.topics.split(",") if t]
    systems = [s for s in args.systems.split(",") if s]
    # Timeline17 scores days: month and year entries would be scored as their first day. The
    # protocol's keyword filter is a substring test (news-tls: `kw in sentence.lower()`).
    settings = Settings.from_pairs(["timeline.granularities=day", "timeline.keyword_match=substring", *args.set])
    temporal_hash()  # fix the cache key before anything imports the normaliser
    tasks = load_tasks(args.data, topics)
    gold_dir = args.data / "tls" / "t17" / "newstls"
    python = args.tilse_venv / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"no tilse virtualenv at {args.tilse_venv}: run benchmarks/setup-tls-env {args.tilse_venv}")

    if args.validate_sdf:
        RESULTS.mkdir(parents=True, exist_ok=True)
        checked = validate_sdf(args.data, python, args.sdf_map, args.rouge)
        (RESULTS / "tls_t17_sdf.json").write_text(json.dumps(checked, indent=1) + "\n", encoding="utf-8")
        return 0 if all(r["agree_to_4_decimals"] for r in checked["runs"].values()) else 1

    print(f"building {len(tasks)} tasks on {len(topics)} topics ({', '.join(systems)})")
    predictions, build_s, enrichment = build_all(args.data, topics, tasks, systems, settings, args.repeat,
                                                 args.reuse_cache)
    out_root = ROOT / "benchmarks" / "out" / args.name
    results: dict = {
        "command": "python benchmarks/tls_t17.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "date": dt.date.today().isoformat(),
        "rouge": args.rouge,
        "settings_changed": settings.changed(),
        "tasks": len(tasks),
        "dev_topics": list(DEV_TOPICS),
        "published": {k: dict(zip(("AR1-F", "AR2-F", "Date-F1"), v)) for k, v in PUBLISHED.items()},
        "target": dict(zip(("AR1-F", "AR2-F", "Date-F1"), TARGET)),
        "enrichment": enrichment,
        "systems": {},
        "crosscheck": {},
    }
    ours = ROOT / "benchmarks" / "tls_score.py"
    for name in systems:
        folder = out_root / name
        write_predictions(folder, predictions[name])
        mine = score(ours, python, folder, gold_dir, args.rouge, out_root / f"{name}.score.json")
        figures = per_task_figures(mine)
        figures = {t.name: figures[t.name] for t in tasks}
        results["systems"][name] = report(figures, tasks, build_s["wall"][name], build_s["cpu"][name])
        if args.reference_scorer and Path(args.reference_scorer).exists():
            ref = score(Path(args.reference_scorer), python, folder, gold_dir, args.rouge, out_root / f"{name}.reference.json")
            ref_figures = per_task_figures(ref)
            worst = max(abs(figures[t.name][m][f] - ref_figures[t.name][m][f])
                        for t in tasks for m in ("rouge_1", "rouge_2", "date")
                        for f in ("precision", "recall", "f_score"))
            results["crosscheck"][name] = {"max_abs_difference": worst, "agree": worst < 1e-9,
                                           "reference_average": averaged(ref_figures, [t.name for t in tasks])}
    results["enrichment_total"] = _enrichment_total(enrichment)
    results["speed"] = {"wall": _speed(build_s["wall"], tasks), "cpu": _speed(build_s["cpu"], tasks)}
    print_tables(results)
    print("\nenrichment:", json.dumps(results["enrichment_total"]))
    print("build speed:", json.dumps(results["speed"]))
    for name, c in results["crosscheck"].items():
        print(f"cross-check with the reference scorer ({name}): max |difference| {c['max_abs_difference']:.2e}"
              f" -> {'agree' if c['agree'] else 'DISAGREE'}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


def _speed(build_s: dict[str, dict[str, float]], tasks: list[Task]) -> dict:
    """Build seconds per task (median of the repeats) and per topic (sum over its tasks),
    and the ratio of each system's median to the first system's, measured in the same run."""
    names = list(build_s)
    first = names[0]
    out = {}
    for name in names:
        per_task = [build_s[name][t.name] for t in tasks]
        topics = sorted({t.topic for t in tasks})
        per_topic = [sum(build_s[name][t.name] for t in tasks if t.topic == tp) for tp in topics]
        out[name] = {"median_s_per_task": statistics.median(per_task), "max_s_per_task": max(per_task),
                     "median_s_per_topic": statistics.median(per_topic), "max_s_per_topic": max(per_topic),
                     "total_s": sum(per_task)}
    for name in names[1:]:
        out[name][f"median_ratio_to_{first}"] = (out[name]["median_s_per_task"]
                                                 / out[first]["median_s_per_task"])
    return out


def _enrichment_total(enrichment: dict) -> dict:
    fresh = {t: e for t, e in enrichment.items() if not e.get("cached")}
    total = {
        "sentences": sum(e["sentences"] for e in enrichment.values()),
        "triggered": sum(e["triggered"] for e in enrichment.values()),
        "seconds_when_computed": sum(e["seconds"] for e in enrichment.values()),
        "topics_computed_this_run": sorted(fresh),
        "normaliser_keys": sorted({e["key"] for e in enrichment.values()}),
        "current_normaliser_key": temporal_hash(),
    }
    total["sentences_per_s"] = total["sentences"] / total["seconds_when_computed"] if total["seconds_when_computed"] else None
    return total


if __name__ == "__main__":
    sys.exit(main())
