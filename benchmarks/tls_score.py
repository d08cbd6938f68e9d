"""Timeline summarisation scorer: alignment ROUGE-1/2 (many-to-one) and Date-F1, via tilse.

The standard TLS protocol (Gholipour Ghalandari & Ifrim, ACL 2020; news-tls
``experiments/evaluate.py``): every task is one gold timeline, scored against that timeline
alone with tilse's ``TimelineRougeEvaluator.evaluate_align_date_content_costs_many_to_one``
(ROUGE-1.5.5 run as ``-a -n 2 -x -f A -d -m -s -t 2``: Porter stemming, SMART stopwords
removed, raw counts) and ``tilse.evaluation.dates.evaluate_dates`` (exact days). Precision and
recall are averaged over tasks, then F1 is computed from the averages.

This file runs in the tilse virtualenv (``benchmarks/setup-tls-env`` makes one), not in
storyline's: tilse ships its own top-level ``pyrouge`` and pins nothing storyline needs.
``benchmarks/tls_t17.py`` calls it as a subprocess.

Usage::

    $TILSE_VENV/bin/python benchmarks/tls_score.py PRED_DIR GOLD_DIR \
        [--strip-prefix P] [--map TSV] [--rouge original|reimpl] [--jobs N] [--json OUT]

``GOLD_DIR``: a news-tls dataset folder (``<topic>/timelines.jsonl``); task ``<topic>_<j>`` is
the j-th non-empty line. ``PRED_DIR``: one ``<task>.txt`` per task in tilse's txt format
(a ``YYYY-MM-DD`` line, sentence lines, a line of 32 dashes). ``--map``: TSV of
``file-name<TAB>task`` for outputs named otherwise (``#`` starts a comment).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import sys
from pathlib import Path

SEPARATOR = "-" * 32
# ROUGE-1.5.5 reads each summary line with the pattern ``[^<]+``: a "<" cuts the sentence.
FORBIDDEN = "<"


class ScorerError(Exception):
    """A file the scorer cannot read as the protocol needs it."""


# --- reading -----------------------------------------------------------------------------


def read_tilse_txt(path: Path) -> dict[dt.date, list[str]]:
    """One tilse txt timeline as {date: sentences}.

    Stricter than tilse's ``Timeline.from_file``: a repeated date, a sentence outside any date
    block or an unparsable date line is an error (tilse would silently keep the last block,
    file the text under ``None`` or drop a block without its closing separator)."""
    out: dict[dt.date, list[str]] = {}
    current: dt.date | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line == SEPARATOR:
            current = None
            continue
        if current is None:
            try:
                current = dt.date.fromisoformat(line)
            except ValueError:
                raise ScorerError(f"{path}:{n}: expected a YYYY-MM-DD line, got {line[:40]!r}") from None
            if current in out:
                raise ScorerError(f"{path}:{n}: date {current} appears twice")
            out[current] = []
            continue
        if FORBIDDEN in line:
            raise ScorerError(f"{path}:{n}: '<' truncates the sentence in ROUGE-1.5.5")
        out[current].append(line)
    return out


def read_newstls_gold(gold_dir: Path) -> dict[str, dict[dt.date, list[str]]]:
    """Every gold timeline of a news-tls dataset folder, keyed ``<topic>_<j>``."""
    tasks: dict[str, dict[dt.date, list[str]]] = {}
    for path in sorted(gold_dir.glob("*/timelines.jsonl")):
        topic = path.parent.name
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        for j, line in enumerate(lines):
            timeline: dict[dt.date, list[str]] = {}
            for stamp, sentences in json.loads(line):
                timeline[dt.date.fromisoformat(stamp[:10])] = [s.strip() for s in sentences]
            tasks[f"{topic}_{j}"] = timeline
    if not tasks:
        raise ScorerError(f"{gold_dir}: no <topic>/timelines.jsonl found")
    return tasks


def budget(gold: dict[dt.date, list[str]]) -> tuple[int, int]:
    """(l, k): number of gold dates, round(mean sentences per date) as news-tls computes it."""
    l = len(gold)
    k = round(sum(len(s) for s in gold.values()) / l) if l else 0
    return l, k


def read_predictions(pred_dir: Path, strip_prefix: str = "", mapping: Path | None = None
                     ) -> dict[str, dict[dt.date, list[str]]]:
    """Prediction files as {task: timeline}, names mapped by prefix and map file."""
    names: dict[str, str] | None = None
    if mapping is not None:
        names = {}
        for line in mapping.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                left, right = line.split("\t")
                names[left.strip()] = right.strip()
    out = {}
    for path in sorted(pred_dir.glob("*.txt")):
        name = path.stem
        if strip_prefix and name.startswith(strip_prefix):
            name = name[len(strip_prefix):]
        if names is not None:
            if name not in names:
                print(f"warning: {path.name} is not in the map; ignored", file=sys.stderr)
                continue
            name = names[name]
        if name in out:
            raise ScorerError(f"two prediction files for task {name}")
        out[name] = read_tilse_txt(path)
    return out


# --- scoring ------------------------------------------------------------------------------

_EVALUATOR = None


def _evaluator(rouge: str):
    """One tilse evaluator per process, its ROUGE calls memoised (the many-to-one alignment
    scores the same (summary, reference) pair for precision and for recall)."""
    global _EVALUATOR
    if _EVALUATOR is None:
        from tilse.evaluation.rouge import TimelineRougeEvaluator

        ev = TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=rouge)
        inner = ev.rouge.score_summary
        cache: dict = {}

        def score_summary(summary, references, *args, **kwargs):
            key = (tuple(tuple(s) for s in summary),
                   tuple((name, tuple(tuple(s) for s in ref)) for name, ref in sorted(references.items())))
            if key not in cache:
                cache[key] = inner(summary, references, *args, **kwargs)
            return cache[key]

        ev.rouge.score_summary = score_summary
        _EVALUATOR = ev
    return _EVALUATOR


def score_task(pred: dict[dt.date, list[str]], gold: dict[dt.date, list[str]],
               rouge: str = "original") -> dict:
    """AR-1, AR-2 (P/R/F) and Date P/R/F of one prediction against its one gold timeline.

    An empty prediction scores 0 everywhere (tilse would divide by zero)."""
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation.dates import evaluate_dates

    zero = {"precision": 0.0, "recall": 0.0, "f_score": 0.0}
    if not pred:
        return {"rouge_1": dict(zero), "rouge_2": dict(zero), "date": dict(zero)}
    predicted, truth = Timeline(pred), GroundTruth([Timeline(gold)])
    scores = _evaluator(rouge).evaluate_align_date_content_costs_many_to_one(predicted, truth)
    dates = evaluate_dates(predicted, truth)
    out = {m: {k: float(v) for k, v in scores[m].items()} for m in ("rouge_1", "rouge_2")}
    out["date"] = {k: float(v) for k, v in dates.items()}
    return out


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def average(per_task: dict[str, dict]) -> dict:
    """Mean P and mean R over tasks, F1 from those means (news-tls ``get_average_results``).
    The mean of per-task F1 is given too, as ``f_mean``, for reference only."""
    out = {}
    n = len(per_task)
    for metric in ("rouge_1", "rouge_2", "date"):
        p = sum(t[metric]["precision"] for t in per_task.values()) / n
        r = sum(t[metric]["recall"] for t in per_task.values()) / n
        fm = sum(t[metric]["f_score"] for t in per_task.values()) / n
        out[metric] = {"precision": p, "recall": r, "f_score": f1(p, r), "f_mean": fm}
    return out


def _work(args):
    task, pred, gold, rouge = args
    return task, score_task(pred, gold, rouge)


def self_check(rouge: str = "original") -> None:
    """Score a made-up pair whose counts are known, so a broken perl, XML::DOM, stemmer,
    stopword list or WordNet DB stops the run instead of giving wrong figures.

    "Children were running fast ." vs "the child runs fast": stopwords (were, the) go,
    "children" becomes "child" only through the WordNet exceptions (Porter leaves it), and
    "running"/"runs" stem to "run".
    Expected unigram counts 3/3/3 and bigram 2/2/2 (ROUGE-1.5.5, -t 2)."""
    from tilse.evaluation.rouge import TimelineRougeEvaluator

    ev = TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=rouge)
    got = ev.rouge.score_summary([["Children", "were", "running", "fast", "."]],
                                 {"0": [["the", "child", "runs", "fast"]]})
    want = {"rouge_1_h_count": 3, "rouge_1_p_count": 3, "rouge_1_m_count": 3,
            "rouge_2_h_count": 2, "rouge_2_p_count": 2, "rouge_2_m_count": 2}
    if rouge == "original" and any(got.get(k) != v for k, v in want.items()):
        raise ScorerError(
            f"ROUGE self-check failed: got {got}, want {want}. Check perl, libxml-dom-perl "
            "(XML::Parser) and the WordNet exceptions DB (benchmarks/setup-tls-env)")


def score_dir(pred_dir: Path, gold_dir: Path, *, strip_prefix: str = "", mapping: Path | None = None,
              rouge: str = "original", jobs: int = 2, missing: str = "error") -> dict:
    """Score every gold task; returns {"tasks": {task: scores + budget}, "average": ...}."""
    self_check(rouge)
    gold = read_newstls_gold(gold_dir)
    preds = read_predictions(pred_dir, strip_prefix, mapping)
    unknown = sorted(set(preds) - set(gold))
    if unknown:
        raise ScorerError(f"predictions for tasks not in the gold: {', '.join(unknown)}")
    absent = sorted(set(gold) - set(preds))
    if absent and missing == "error":
        raise ScorerError(f"no prediction for: {', '.join(absent)} (use --missing zero)")
    work = [(t, preds.get(t, {}), gold[t], rouge) for t in gold]
    if jobs > 1:
        with multiprocessing.Pool(jobs) as pool:
            results = dict(pool.map(_work, work, chunksize=1))
    else:
        results = dict(map(_work, work))
    tasks = {}
    for t in gold:
        l, k = budget(gold[t])
        pred = preds.get(t, {})
        longest = max((len(s) for s in pred.values()), default=0)
        flags = (["over_l"] if len(pred) > l else []) + (["over_k"] if longest > k else [])
        tasks[t] = {**results[t], "l": l, "k": k, "pred_dates": len(pred),
                    "pred_max_sents": longest, "flags": flags}
    return {"rouge": rouge, "tasks": tasks, "average": average(tasks)}


def format_table(result: dict, per_task: bool = True) -> str:
    rows = []
    if per_task:
        rows.append(f"{'task':<10} {'l':>4} {'k':>2} {'dates':>5} {'AR1-F':>7} {'AR2-F':>7} "
                    f"{'Date-P':>7} {'Date-R':>7} {'Date-F':>7}  flags")
        for t, s in result["tasks"].items():
            rows.append(f"{t:<10} {s['l']:>4} {s['k']:>2} {s['pred_dates']:>5} "
                        f"{s['rouge_1']['f_score']:>7.4f} {s['rouge_2']['f_score']:>7.4f} "
                        f"{s['date']['precision']:>7.4f} {s['date']['recall']:>7.4f} "
                        f"{s['date']['f_score']:>7.4f}  {' '.join(s['flags'])}")
        rows.append("")
    avg = result["average"]
    rows.append(f"average over {len(result['tasks'])} tasks (P, R averaged, then F); ROUGE {result['rouge']}")
    rows.append(f"{'':<8} {'P':>7} {'R':>7} {'F':>7}")
    for name, m in (("AR-1", "rouge_1"), ("AR-2", "rouge_2"), ("Date", "date")):
        a = avg[m]
        rows.append(f"{name:<8} {a['precision']:>7.4f} {a['recall']:>7.4f} {a['f_score']:>7.4f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pred_dir", type=Path)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--strip-prefix", default="")
    ap.add_argument("--map", type=Path, default=None)
    ap.add_argument("--rouge", choices=("original", "reimpl"), default="original")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--missing", choices=("error", "zero"), default="error")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    try:
        result = score_dir(args.pred_dir, args.gold_dir, strip_prefix=args.strip_prefix,
                           mapping=args.map, rouge=args.rouge, jobs=args.jobs, missing=args.missing)
    except ScorerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(format_table(result, per_task=not args.quiet))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
