"""TempEval-3 scoring of storyline's temporal tagger, with a plain-dateparser baseline.

Usage::

    .venv/bin/python benchmarks/dates_tempeval.py [--data ../shared/data] [--errors N --split timebank]
    .venv/bin/python benchmarks/dates_tempeval.py --only meantime_dev --errors 200 --split meantime_dev
    .venv/bin/python benchmarks/dates_tempeval.py --only te3_all --groups 40 --split te3_all   # errors by pattern

Data (read by path, never copied): ``dates/te3-train/te3_train_gold.jsonl`` (TempEval-3
training: TimeBank and AQUAINT documents, both development data since round 2 of issue 4;
round 1 developed on TimeBank only) and ``names/meantime/meantime_en_gold.jsonl`` (MEANTIME,
CC BY 4.0, NewsReader), split as the names benchmark splits it since round 3: the airbus and
apple sub-corpora are development data (``meantime_dev``, whose errors may be printed), gm and
stock stay held out (``meantime_heldout``: only aggregate figures, ``--errors`` refuses it);
``meantime`` is all four. Rounds 1 and 2 held all of MEANTIME out. The document creation
time is given to the system as the publication date and is not part of the gold (TempEval-3
scores the timexes in the text), so it is not scored.
Every line after the header (title, date, URL) is tagged; for MEANTIME the title too, and
only the lines its annotators covered (title and first sentences); two MEANTIME articles
without a creation date are left out.

Each document is tagged by ``find_timexes_in_article``, as the enrich stage should call it:
``storyline`` rows with ``ordered=True`` (these documents are in reading order, so ``that
year`` may anchor to an earlier sentence), ``unordered`` rows with ``ordered=False`` (what a
shuffled line-format crawl gets: anchors within the sentence and the report period only);
``sentence`` rows call ``find_timexes`` on each sentence alone (no article context at all).

Metrics, as TempEval-3: strict extent P/R/F1 (same characters, ignoring surrounding
whitespace), relaxed extent P/R/F1 (any overlap, one-to-one), value F1 = relaxed F1 x share
of relaxed matches with the exact value, and type accuracy over relaxed matches.

Baseline, measured in the same run: dateparser's ``search_dates`` on each sentence with the
publication date as ``RELATIVE_BASE``, every hit typed DATE with the day it returns as value.
Speed: sentences per second of the tagger alone (``find_timexes_in_article``, ordered, on
sentences already through spaCy NER, as in the enrich stage), of the annotation it needs
(NER on all, the full pipeline on the ``needs_parse`` share; models loaded beforehand), of
the plain full spaCy pipeline on every sentence (the enrich stage's reference point), and of
the baseline; tagger and baseline are medians of 3 runs, the spaCy figures single runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import re
import statistics
import sys
import time
import warnings

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.nlp.engine import load_model  # noqa: E402
from storyline.nlp.annotate import AnnotatedSentence  # noqa: E402
from storyline.nlp.temporal import annotate_for_dates, find_timexes, find_timexes_in_article, needs_parse  # noqa: E402
from storyline.readers.sentences import split_sentences  # noqa: E402

SPLITS = {"timebank": "TimeBank (dev)", "aquaint": "AQUAINT (dev)",
          "meantime_dev": "MEANTIME airbus+apple (dev)", "meantime_heldout": "MEANTIME gm+stock (held-out)"}
# Splits whose per-expression errors may be printed: never the held-out MEANTIME half.
DEV_SPLITS = ("timebank", "aquaint", "te3_all", "meantime_dev")
MEANTIME_DEV = ("corpus_airbus", "corpus_apple")  # developed on since round 3; gm and stock held out


def load(data: pathlib.Path) -> dict[str, list[dict]]:
    """Documents by split: {doc_id, dct (date), article, timexes}."""
    te3 = [json.loads(line) for line in open(data / "dates/te3-train/te3_train_gold.jsonl", encoding="utf-8")]
    meantime = [json.loads(line) for line in open(data / "names/meantime/meantime_en_gold.jsonl", encoding="utf-8")]
    docs = {k: [] for k in SPLITS}
    for d in te3:
        docs["timebank" if d["split"] == "train_timebank" else "aquaint"].append(d)
    docs["meantime_dev"] = [d for d in meantime if d["corpus"] in MEANTIME_DEV]
    docs["meantime_heldout"] = [d for d in meantime if d["corpus"] not in MEANTIME_DEV]
    for key, split in docs.items():
        for d in split:
            line = d["article"].split("\n")[1].strip()  # the storyline-format date line
            d["dct_date"] = dt.datetime.strptime(line, "%Y%m%d").date() if line else None
        # A document without a creation time cannot be normalised against it (2 in MEANTIME).
        docs[key] = [d for d in split if d["dct_date"] is not None]
    return docs


# MEANTIME annotated temporal expressions only in each article's title and first sentences
# (its guidelines; in this file no gold timex lies past line 6 of the storyline format), so
# only those lines are tagged and scored: elsewhere a correct timex would count as spurious.
MEANTIME_LAST_LINE = 6


def sentences_of(doc: dict) -> list[tuple[int, str]]:
    """(offset, text) of every sentence to tag: the body, and the title where it is text
    (MEANTIME; a TempEval-3 title line is the document id), not the date and URL lines."""
    out, pos = [], 0
    meantime = "doc_name" in doc
    skip = (1, 2) if meantime else (0, 1, 2)
    for i, line in enumerate(doc["article"].split("\n")):
        if meantime and i > MEANTIME_LAST_LINE:
            break
        if i not in skip:
            out.extend((pos + s, line[s:e]) for s, e in split_sentences(line))
        pos += len(line) + 1
    return out


def run_system(docs: list[dict]) -> tuple[dict[str, dict[str, list[dict]]], dict]:
    """Tag every document with ``find_timexes_in_article``: ``ordered`` (the documents are
    in reading order, so narrative anaphora may anchor to earlier sentences) and
    ``unordered`` (as for a shuffled line-format crawl: only the sentence itself and the
    report period anchor). Predictions by condition, and speed."""
    units = [(d, off, text) for d in docs for off, text in sentences_of(d)]
    annotate_for_dates(["The models load on Monday.", "They will load on Monday."])  # load both models
    t0 = time.perf_counter()
    annotated = annotate_for_dates([text for _, _, text in units])
    annotate_s = time.perf_counter() - t0
    by_doc: dict[str, list] = {}
    for (d, off, _), a in zip(units, annotated):
        group = by_doc.setdefault(d["doc_id"], [d, [], []])
        group[1].append(off)
        group[2].append(AnnotatedSentence(len(group[2]), a.text, a.doc, a.parsed))
    predictions: dict[str, dict[str, list[dict]]] = {}
    tag_times = []
    for condition, ordered in (("ordered", True), ("unordered", False), ("sentence", None)):
        for repeat in range(3 if ordered else 1):
            t0 = time.perf_counter()
            if ordered is None:  # find_timexes on each sentence alone: no article context
                found = {key: [t for s in sents for t in find_timexes(s, d["dct_date"])]
                         for key, (d, _, sents) in by_doc.items()}
            else:
                found = {key: find_timexes_in_article(sents, d["dct_date"], ordered=ordered)
                         for key, (d, _, sents) in by_doc.items()}
            if ordered:
                tag_times.append(time.perf_counter() - t0)
        out = predictions[condition] = {}
        for key, timexes in found.items():
            offsets = by_doc[key][1]
            out[key] = [{"start": offsets[t.span.sentence_index] + t.span.start,
                         "end": offsets[t.span.sentence_index] + t.span.end, "type": t.type, "value": t.value}
                        for t in timexes]
    parsed = sum(1 for a in annotated if a.parsed)
    t0 = time.perf_counter()
    list(load_model().pipe([text for _, _, text in units]))  # the plain full spaCy pipeline
    full_s = time.perf_counter() - t0
    return predictions, {"sentences": len(units), "annotate_s": annotate_s, "full_s": full_s,
                         "tag_s": statistics.median(tag_times), "parsed": parsed}


def run_baseline(docs: list[dict]) -> tuple[dict[str, list[dict]], dict]:
    from dateparser.search import search_dates

    predictions: dict[str, list[dict]] = {}
    units = [(d, off, text) for d in docs for off, text in sentences_of(d)]
    found, times = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for repeat in range(3):
            t0 = time.perf_counter()
            found = [_search(search_dates, d, text) for d, _, text in units]
            times.append(time.perf_counter() - t0)
    for (d, off, text), hits in zip(units, found):
        cursor = 0
        for said, when in hits:
            start = text.find(said, cursor)
            if start < 0:
                continue
            cursor = start + len(said)
            predictions.setdefault(d["doc_id"], []).append(
                {"start": off + start, "end": off + cursor, "type": "DATE", "value": when.date().isoformat()})
    return predictions, {"sentences": len(units), "tag_s": statistics.median(times)}


def _search(search_dates, d: dict, text: str) -> list:
    base = dt.datetime.combine(d["dct_date"], dt.time(12))
    try:
        return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    except Exception:  # dateparser raises on some odd strings; the baseline then finds nothing
        return []


def _trimmed(article: str, t: dict) -> tuple[int, int]:
    start, end = t["start"], t["end"]
    while start < end and article[start].isspace():
        start += 1
    while end > start and article[end - 1].isspace():
        end -= 1
    return start, end


def score(docs: list[dict], predictions: dict[str, list[dict]], errors: list | None = None) -> dict:
    """TempEval-3 extent, value and type scores over ``docs``."""
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    for d in docs:
        gold = [(_trimmed(d["article"], g), g) for g in d["timexes"]]
        system = [(_trimmed(d["article"], s), s) for s in predictions.get(d["doc_id"], [])]
        n_gold += len(gold)
        n_sys += len(system)
        used: set[int] = set()
        for (gs, ge), g in gold:
            match = None
            for i, ((ss, se), s) in enumerate(system):
                if i not in used and ss < ge and gs < se:
                    if match is None or (ss, se) == (gs, ge):
                        match = i
            if match is None:
                if errors is not None:
                    errors.append(("missed", d, g, None))
                continue
            used.add(match)
            (ss, se), s = system[match]
            relaxed += 1
            strict += (ss, se) == (gs, ge)
            value_ok += s["value"] == g["value"]
            type_ok += s["type"] == g["type"]
            if errors is not None and (s["value"] != g["value"] or (ss, se) != (gs, ge)):
                errors.append(("value" if s["value"] != g["value"] else "extent", d, g, s))
        if errors is not None:
            errors.extend(("spurious", d, None, s) for i, (_, s) in enumerate(system) if i not in used)
    return _figures(n_gold, n_sys, strict, relaxed, value_ok, type_ok)


def _figures(n_gold: int, n_sys: int, strict: int, relaxed: int, value_ok: int, type_ok: int) -> dict:
    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(strict)
    rp, rr, rf = prf(relaxed)
    accuracy = value_ok / relaxed if relaxed else 0.0
    return {"gold": n_gold, "system": n_sys, "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf, "value_accuracy": accuracy,
            "value_f1": rf * accuracy, "type_accuracy": type_ok / relaxed if relaxed else 0.0}


def show_errors(errors: list, limit: int) -> None:
    for kind, d, g, s in errors[:limit]:
        t = g or s
        a = d["article"]
        context = a[max(0, t["start"] - 60):t["start"]] + "[[" + a[t["start"]:t["end"]] + "]]" + a[t["end"]:t["end"] + 40]
        print(f"{kind:8} {d['dct'][:10]} gold={g and (g['type'], g['value'], g['text'])} "
              f"sys={s and (s['type'], s['value'], a[s['start']:s['end']])}\n         {context!r}")


_SHAPES = (
    (re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I), "WEEKDAY"),
    (re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
                r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?", re.I), "MONTH"),
    (re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|several|few|many)\b", re.I), "N"),
    (re.compile(r"\d+"), "9"),
)


def _shape(text: str) -> str:
    """An expression's pattern for grouping errors: lower case, with weekdays, months,
    numbers and number words replaced by placeholders (``last Friday`` -> ``last WEEKDAY``)."""
    text = " ".join(text.split()).lower()
    for pattern, placeholder in _SHAPES:
        text = pattern.sub(placeholder, text)
    return text


def show_error_groups(errors: list, limit: int) -> None:
    """Errors grouped by kind and the pattern of the expression (the gold one for missed and
    wrong-valued expressions, ours for spurious ones), most frequent first, with one example
    value pair per group: what to fix first."""
    groups: dict[tuple[str, str], list] = {}
    for kind, d, g, s in errors:
        groups.setdefault((kind, _shape((g or s)["text"] if g else d["article"][s["start"]:s["end"]])), []).append((g, s))
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    for (kind, shape), items in ranked[:limit]:
        g, s = items[0]
        print(f"{len(items):4d} {kind:8} {shape!r:40} e.g. gold={g and (g['type'], g['value'])} sys={s and (s['type'], s['value'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of --split")
    parser.add_argument("--groups", type=int, default=0, help="print this many error groups of --split "
                        "(kind and pattern of the expression, most frequent first)")
    parser.add_argument("--split", choices=list(DEV_SPLITS), default="timebank",
                        help="development data only: held-out MEANTIME (gm+stock) errors are never shown")
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser (faster)")
    parser.add_argument("--only", choices=[*SPLITS, "te3_all"], help="score one split only (te3_all: TimeBank, "
                        "AQUAINT and their sum); results are then not written")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "benchmarks" / "results" / "dates_tempeval.json")
    args = parser.parse_args(argv)

    docs = load(args.data)
    if args.only == "te3_all":  # the development whole: both TempEval-3 parts and their sum
        docs = {"timebank": docs["timebank"], "aquaint": docs["aquaint"]}
        labels = {**{k: SPLITS[k] for k in docs}, "te3_all": "TE3-train whole (TimeBank+AQUAINT)"}
    elif args.only:
        docs = {args.only: docs[args.only]}
        labels = {args.only: SPLITS[args.only]}
    else:
        labels = {**SPLITS, "meantime": "MEANTIME all four",
                  "te3_all": "TE3-train whole (TimeBank+AQUAINT)"}
    docs_all = {**docs, "te3_all": docs.get("timebank", []) + docs.get("aquaint", []),
                "meantime": docs.get("meantime_dev", []) + docs.get("meantime_heldout", [])}
    assert args.split in DEV_SPLITS  # the held-out half's errors are never printed
    everything = [d for split in docs.values() for d in split]
    predictions, speed = run_system(everything)
    base_predictions, base_speed = ({}, None) if args.no_baseline else run_baseline(everything)

    results: dict = {"command": "benchmarks/dates_tempeval.py --data " + str(args.data), "splits": {}}
    print(f"{'split':38} {'system':9} {'gold':>5} {'sys':>5} {'strict F1':>9} {'relax P':>8} {'relax R':>8} "
          f"{'relax F1':>8} {'value F1':>8} {'type acc':>8}")
    for key, label in labels.items():
        errors: list | None = [] if (args.errors or args.groups) and key == args.split else None
        ours = score(docs_all[key], predictions["ordered"], errors)
        row = {"storyline": ours, "unordered": score(docs_all[key], predictions["unordered"]),
               "sentence": score(docs_all[key], predictions["sentence"])}
        if base_speed is not None:
            row["dateparser"] = score(docs_all[key], base_predictions)
        results["splits"][key] = {"label": label, "documents": len(docs_all[key]), **row}
        for name, f in row.items():
            print(f"{label:38} {name:9} {f['gold']:5d} {f['system']:5d} {f['strict_f1']:9.3f} {f['relaxed_p']:8.3f} "
                  f"{f['relaxed_r']:8.3f} {f['relaxed_f1']:8.3f} {f['value_f1']:8.3f} {f['type_accuracy']:8.3f}")
        if errors is not None:
            show_errors(errors, args.errors)
            if args.groups:
                show_error_groups(errors, args.groups)

    n = speed["sentences"]
    results["speed"] = {
        "sentences": n,
        "needs_parse_share": speed["parsed"] / n,
        "tagger_sentences_per_s": n / speed["tag_s"],
        "annotate_sentences_per_s": n / speed["annotate_s"],
        "tagger_plus_annotate_sentences_per_s": n / (speed["tag_s"] + speed["annotate_s"]),
        "full_spacy_pipeline_sentences_per_s": n / speed["full_s"],
        "dates_with_annotation_vs_full_pipeline": speed["full_s"] / (speed["tag_s"] + speed["annotate_s"]),
    }
    if base_speed is not None:
        results["speed"]["dateparser_sentences_per_s"] = n / base_speed["tag_s"]
        results["speed"]["tagger_vs_dateparser"] = base_speed["tag_s"] / speed["tag_s"]
    print("\nspeed (sentences/s, median of 3 tagger runs; machine shared, preliminary):")
    for k, v in results["speed"].items():
        print(f"  {k:40} {v:,.3f}" if isinstance(v, float) else f"  {k:40} {v}")
    needs = sum(needs_parse(t) for d in everything for _, t in sentences_of(d))
    assert needs == speed["parsed"]
    if not args.errors and not args.groups and not args.only:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
