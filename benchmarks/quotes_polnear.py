"""Who said what on PolNeAR: storyline's quote finder against the reference scorer.

Runs :func:`storyline.nlp.quotes.find_quotes` on the PolNeAR **dev** split in all three
input conditions (quote marks kept, stripped, stripped and shuffled), writes predictions in
the reference scorer's format, scores them with ``../shared/tools/quotes/score_quotes.py``
(run as a subprocess, never copied), and prints every figure per condition beside a naive
cue-verb regex baseline run in the same process. It also times find_quotes (annotation
included) with the full spaCy pipeline on every sentence and with selective parsing
(``needs_parse``), and reports sentences/s as medians with their ratio.

    .venv/bin/python benchmarks/quotes_polnear.py --data ../shared/data

``--split train`` converts the raw PolNeAR train annotations (brat files) into the same
storyline format at run time, in a temporary folder outside the repository, and scores on
them: that is the development set for the rules; dev is for measurement only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.nlp.annotate import AnnotatedSentence  # noqa: E402
from storyline.nlp.quotes import find_quotes, needs_parse  # noqa: E402

CONDITIONS = ("ordered_with_quotes", "ordered", "shuffled")
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019`\u00ab\u00bb\u201e\u201f\u2032\u2033\u2039\u203a"
PRONOUN_SOURCES = set(
    "he she they it we i you him her them us me his hers their its our my your who whom "
    "which that this these those".split()
)
SHUFFLE_SEED = 20161108  # any fixed seed: the train conversion must be the same every run


# --------------------------------------------------------------------------- conversion
# PolNeAR train ships as raw text plus brat attribution files; the scorer wants the
# storyline conversion (gold.jsonl + one folder per condition). This mirrors the dev
# conversion described in the data README; it is used for development only.


def _normalise(text: str, start: int, end: int, strip_quotes: bool) -> tuple[str, list[int]]:
    """``text[start:end]`` with whitespace collapsed (and quote marks removed), plus a map
    from every raw offset in [start, end] to an offset in the result (removed characters map
    to the next kept one)."""
    out: list[str] = []
    where: list[int] = []
    pending_space = False
    for i in range(start, end):
        ch = text[i]
        where.append(len(out) + (1 if pending_space and out else 0))
        if strip_quotes and ch in QUOTE_CHARS:
            continue
        if ch.isspace():
            pending_space = True
            continue
        if pending_space and out:
            out.append(" ")
        pending_space = False
        out.append(ch)
    where.append(len(out))
    return "".join(out), [min(w, len(out)) for w in where]


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (p.split() for p in field.split(";"))]


def _read_brat(path: Path) -> list[dict]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            events.append((parts[0], parts[1].split()))
    out = []
    for eid, args in events:
        roles: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
        has_source = not args[0].startswith("Attribution-no-source")
        for arg in args[1:]:
            role, _, tid = arg.partition(":")
            role = re.sub(r"\d+$", "", role).lower()
            if role in roles and tid in spans:
                roles[role].extend(spans[tid][1])
        out.append({"id": eid, "has_source": has_source, **roles})
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    """Title (first paragraph) then the sentences of the rest, as raw offsets."""
    from storyline.readers.sentences import split_sentences

    first = re.search(r"\S[^\n]*", text)
    if not first:
        return []
    out = [(first.start(), first.end())]
    rest = text[first.end():]
    out += [(first.end() + s, first.end() + e) for s, e in split_sentences(rest)]
    return [(s, e) for s, e in out if text[s:e].strip()]


def convert_raw_split(raw_dir: Path, metadata: Path, split: str, out_dir: Path) -> Path:
    """Write ``out_dir/gold.jsonl`` and the three condition folders for a raw split."""
    annotator = {}
    for line in metadata.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 3 and cols[0] == split:
            annotator[cols[1]] = cols[3].split("|")[0]
    for c in CONDITIONS:
        (out_dir / c).mkdir(parents=True, exist_ok=True)
    rng = random.Random(SHUFFLE_SEED)
    with open(out_dir / "gold.jsonl", "w", encoding="utf-8") as gold:
        for text_path in sorted((raw_dir / "text").glob("*.txt")):
            doc_id = text_path.stem
            ann = raw_dir / "attributions" / f"{doc_id}_{annotator.get(doc_id, '')}.ann"
            if not ann.exists():
                found = sorted((raw_dir / "attributions").glob(f"{doc_id}_*.ann"))
                if not found:
                    continue
                ann = found[0]
            record = _convert_doc(doc_id, text_path.read_text(encoding="utf-8"), _read_brat(ann), rng)
            if record is None:
                continue
            gold.write(json.dumps(record, ensure_ascii=False) + "\n")
            header = [record["sentences"][0], record["date"], record["url"]]
            body = {
                "ordered_with_quotes": record["sentences_with_quotes"][1:],
                "ordered": record["sentences"][1:],
                "shuffled": [record["sentences"][i] for i in record["shuffled_order"]],
            }
            for c in CONDITIONS:
                first = record["sentences_with_quotes"][0] if c == "ordered_with_quotes" else header[0]
                lines = [first, *header[1:], *body[c]]
                (out_dir / c / f"{doc_id}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out_dir


def _convert_doc(doc_id: str, text: str, attributions: list[dict], rng: random.Random) -> dict | None:
    bounds = _sentences(text)
    if len(bounds) < 2:
        return None
    with_q, maps_q, plain, maps = [], [], [], []
    for s, e in bounds:
        t, m = _normalise(text, s, e, strip_quotes=False)
        with_q.append(t)
        maps_q.append(m)
        t, m = _normalise(text, s, e, strip_quotes=True)
        plain.append(t)
        maps.append(m)
    n = len(bounds) - 1
    order = list(range(1, n + 1))
    rng.shuffle(order)
    shuffled_line = {sid: 4 + i for i, sid in enumerate(order)}

    def pieces(spans: list[tuple[int, int]]) -> list[dict]:
        out = []
        for a, b in sorted(spans):
            for sid, (s, e) in enumerate(bounds):
                lo, hi = max(a, s), min(b, e)
                if lo >= hi or not text[lo:hi].strip():
                    continue
                start, end = maps[sid][lo - s], maps[sid][hi - s]
                start_q, end_q = maps_q[sid][lo - s], maps_q[sid][hi - s]
                if end <= start:
                    continue
                out.append({
                    "sid": sid, "line": 1 if sid == 0 else sid + 3,
                    "line_shuffled": 1 if sid == 0 else shuffled_line[sid],
                    "start": start, "end": end, "text": plain[sid][start:end],
                    "start_q": start_q, "end_q": end_q,
                })
        return out

    records = []
    for a in attributions:
        content = pieces(a["content"])
        source = pieces(a["source"])
        cue = pieces(a["cue"])
        source_text = " ".join(text[x:y] for x, y in sorted(a["source"]))
        content_text = " ... ".join(text[x:y] for x, y in sorted(a["content"]))
        stripped = content_text.strip(" ,.;:")
        marks = sum(ch in QUOTE_CHARS for ch in content_text)
        kind = "indirect" if not marks else (
            "direct" if stripped[:1] in QUOTE_CHARS and stripped[-1:] in QUOTE_CHARS else "mixed")
        anchor = {p["sid"] for p in source + cue}
        records.append({
            "id": a["id"], "has_source": bool(source_text.strip()) and a["has_source"],
            "source": source, "source_text": source_text,
            "cue": cue, "cue_text": " ".join(text[x:y] for x, y in sorted(a["cue"])),
            "content": content, "content_text": content_text, "quote_type": kind,
            "source_is_pronoun": source_text.strip().lower() in PRONOUN_SOURCES,
            "cross_sentence": bool({p["sid"] for p in content} - anchor),
        })
    date = doc_id.split("_")[1].replace("-", "") if doc_id.count("_") >= 2 else "20160101"
    return {
        "doc_id": doc_id, "date": date, "url": f"urn:polnear:converted:{doc_id}",
        "n_sentences": n, "sentences": plain, "sentences_with_quotes": with_q,
        "shuffled_order": order, "attributions": records,
    }


# --------------------------------------------------------------------------- input


def read_condition(split_dir: Path, condition: str) -> list[tuple[str, list[str]]]:
    """(file name, lines) of every article of one condition, in file-name order."""
    folder = split_dir / condition
    out = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        out.append((path.name, lines))
    return out


def article_sentences(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) of the sentences find_quotes sees: the title, then the body."""
    out = [(1, lines[0])] if lines else []
    out += [(n, t) for n, t in enumerate(lines[3:], start=4) if t.strip()]
    return out


class DocCache:
    """Full-pipeline Docs of sentence texts, kept on disk between development runs
    (outside the repository: they hold the evaluation text)."""

    def __init__(self, folder: Path | None, nlp):
        self.nlp = nlp
        self.folder = folder
        self.docs: dict[str, object] = {}
        self.dirty = False
        if folder and (folder / "docs.spacy").exists():
            from spacy.tokens import DocBin

            bin_ = DocBin().from_disk(folder / "docs.spacy")
            for doc in bin_.get_docs(nlp.vocab):
                self.docs[doc.text] = doc

    def get(self, texts: list[str]) -> list[object]:
        todo = sorted({t for t in texts if t not in self.docs})
        if todo:
            for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=128)):
                self.docs[text] = doc
            self.dirty = True
        return [self.docs[t] for t in texts]

    def save(self) -> None:
        if not (self.folder and self.dirty):
            return
        from spacy.tokens import DocBin

        self.folder.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in self.docs.values():
            bin_.add(doc)
        bin_.to_disk(self.folder / "docs.spacy")
        self.dirty = False


# --------------------------------------------------------------------------- predicting


def quote_predictions(name: str, lines: list[str], quotes) -> list[dict]:
    """Quotes of one article as the scorer's prediction lines."""
    sentences = article_sentences(lines)
    line_of = {i: n for i, (n, _) in enumerate(sentences)}
    out = []
    for q in quotes:
        numbers = list(dict.fromkeys(line_of[c.sentence_index] for c in q.content))
        out.append({
            "file": name,
            "line": numbers if len(numbers) > 1 else numbers[0],
            "content": [c.text for c in q.content],
            "start": q.content[0].start,
            "speaker": q.speaker_name,
            "speaker_as_written": q.speaker.text if q.speaker else "",
            "cue": q.cue.text if q.cue else "",
            "kind": q.kind,
        })
    return out


def run_extractor(articles, condition: str, cache: DocCache, selective: bool) -> list[dict]:
    """find_quotes over every article of a condition; ``selective``: only sentences that
    ``needs_parse`` accepts are treated as parsed (the others are read without a parse)."""
    preds = []
    for name, lines in articles:
        sentences = article_sentences(lines)
        docs = cache.get([t for _, t in sentences])
        annotated = [
            AnnotatedSentence(i, t, d, needs_parse(t) if selective else True)
            for i, ((_, t), d) in enumerate(zip(sentences, docs))
        ]
        quotes = find_quotes(annotated, name, ordered=condition != "shuffled")
        preds += quote_predictions(name, lines, quotes)
    return preds


_BASE_CUE = r"(?P<cue>said|says|told|added|warned|insisted|denied|urged)"
_BASE_X = r"(?P<x>[^,:;]{1,80}?)"
BASELINE_PATTERNS = (  # (where the speaker phrase X sits relative to the cue, pattern)
    ("after", re.compile(r"^(?P<cue>[Aa]ccording to) " + _BASE_X + r", (?P<content>.+)$")),
    ("after", re.compile(r"^(?P<content>.+), (?P<cue>according to) " + _BASE_X + r"\.?$")),
    ("before", re.compile(r"^" + _BASE_X + r" " + _BASE_CUE + r": (?P<content>.+)$")),
    ("before", re.compile(r"^(?P<content>.+), " + _BASE_X + r" " + _BASE_CUE + r"(?: [^,]{0,30})?\.?$")),
    ("after", re.compile(r"^(?P<content>.+), " + _BASE_CUE + r" " + _BASE_X + r"\.?$")),
    ("before", re.compile(r"^" + _BASE_X + r" " + _BASE_CUE + r" (?:that )?(?P<content>.+)$")),
)
_BASE_PRONOUN = re.compile(r"^(?:he|she|they|He|She|They)$")


def _baseline_speaker(x: str, cue_side: str) -> str:
    """The capitalised name or pronoun next to the cue, else the phrase as written."""
    x = x.strip()
    if _BASE_PRONOUN.match(x):
        return x
    words = x.split()
    near = words[::-1] if cue_side == "before" else words
    name = []
    for w in near:
        if not w[:1].isupper():
            break
        name.append(w)
    if cue_side == "before":
        name.reverse()
    return " ".join(name) if name else x


def baseline_predictions(articles) -> list[dict]:
    """The naive baseline: a cue-verb regex, one quote per line at most, no model, no
    quote marks, no pronoun resolution (the patterns described in the scorer's
    documentation: it reports F1 0.34 / who-said-what 0.26 on dev for its own version)."""
    preds = []
    for name, lines in articles:
        for number, text in article_sentences(lines):
            for side, pattern in BASELINE_PATTERNS:
                m = pattern.match(text.strip())
                if m and len(m.group("content").split()) >= 3:
                    preds.append({"file": name, "line": number, "content": m.group("content"),
                                  "speaker": _baseline_speaker(m.group("x"), side), "cue": m.group("cue")})
                    break
    return preds


# --------------------------------------------------------------------------- scoring


def score(scorer: Path, split_dir: Path, condition: str, preds: list[dict], work: Path,
          label: str, pairs: bool = False) -> dict:
    """Score predictions with the reference scorer (subprocess); returns its JSON."""
    pred_path = work / f"{label}.{condition}.jsonl"
    out_path = work / f"{label}.{condition}.json"
    with open(pred_path, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(scorer), str(split_dir), condition, str(pred_path), "--json", str(out_path)]
    if pairs:
        cmd += ["--pairs", str(work / f"{label}.{condition}.pairs.jsonl")]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"scorer failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(out_path.read_text(encoding="utf-8"))


def _public(res: dict) -> dict:
    """A scorer result without its examples (they quote the evaluation text, which must
    not be copied into the repository)."""
    return {k: v for k, v in res.items() if k != "examples"}


def figures(res: dict) -> dict:
    """The headline figures of one scorer result."""
    q, w, sp = res["quotes"], res["who_said_what"], res["speaker"]
    return {
        "predictions": res["n_pred"],
        "gold": res["n_gold"],
        "quotes_loose_P": q["loose"]["P"], "quotes_loose_R": q["loose"]["R"], "quotes_loose_F1": q["loose"]["F1"],
        "quotes_strict_F1": q["strict"]["F1"], "quotes_exact_F1": q["exact"]["F1"],
        "speaker_named_acc_loose": sp["loose"]["named"]["accuracy"],
        "speaker_named_n_loose": sp["loose"]["named"]["n"],
        "no_source_unknown_acc": sp["loose"]["no_source"]["accuracy"],
        "pronoun_resolved_share": sp["loose"]["pronoun"]["resolved_to_name"],
        "wsw_loose_P": w["loose"]["P"], "wsw_loose_R": w["loose"]["R"], "wsw_loose_F1": w["loose"]["F1"],
        "wsw_strict_F1": w["strict"]["F1"],
        "speech_cue_R_loose": res["speech_cue_subset"]["loose"]["R"],
    }


# --------------------------------------------------------------------------- speed

NER_ONLY_DISABLED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def time_modes(articles, nlp, repeats: int) -> dict:
    """Sentences/s of annotate + find_quotes with the full pipeline on every sentence
    ('full') and with the parse only where needs_parse asks ('selective'); plus the plain
    full spaCy pipeline alone as the reference. Medians over ``repeats`` interleaved runs."""
    texts_by_article = [[t for _, t in article_sentences(lines)] for _, lines in articles]
    n = sum(len(t) for t in texts_by_article)
    all_texts = [t for texts in texts_by_article for t in texts]
    flags = [needs_parse(t) for t in all_texts]
    runs: dict[str, list[float]] = {"spacy_full": [], "quotes_full": [], "quotes_selective": [],
                                    "find_quotes_only": []}
    counts: dict[str, int] = {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(all_texts, batch_size=128))
        runs["spacy_full"].append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        docs = list(nlp.pipe(all_texts, batch_size=128))
        t1 = time.perf_counter()
        counts["full"] = _find_all(articles, texts_by_article, docs, [True] * n)
        t2 = time.perf_counter()
        runs["quotes_full"].append(t2 - t0)
        runs["find_quotes_only"].append(t2 - t1)

        t0 = time.perf_counter()
        docs = _selective_docs(nlp, all_texts, flags)
        counts["selective"] = _find_all(articles, texts_by_article, docs, flags)
        runs["quotes_selective"].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in runs.items()}
    return {
        "sentences": n,
        "share_parsed_selective": sum(flags) / n if n else 0.0,
        "repeats": repeats,
        "seconds_median": med,
        "sentences_per_s": {k: n / v for k, v in med.items() if v},
        "ratio_selective_vs_full_quotes": med["quotes_full"] / med["quotes_selective"],
        "ratio_selective_vs_plain_spacy": med["spacy_full"] / med["quotes_selective"],
        "quotes_found": counts,
    }


def _selective_docs(nlp, texts: list[str], flags: list[bool]) -> list[object]:
    parse_idx = [i for i, f in enumerate(flags) if f]
    ner_idx = [i for i, f in enumerate(flags) if not f]
    docs: list[object] = [None] * len(texts)
    for i, d in zip(parse_idx, nlp.pipe([texts[i] for i in parse_idx], batch_size=128)):
        docs[i] = d
    with nlp.select_pipes(disable=list(NER_ONLY_DISABLED)):
        for i, d in zip(ner_idx, nlp.pipe([texts[i] for i in ner_idx], batch_size=128)):
            docs[i] = d
    return docs


def _find_all(articles, texts_by_article, docs, flags) -> int:
    found = 0
    k = 0
    for (name, _), texts in zip(articles, texts_by_article):
        annotated = [AnnotatedSentence(i, t, docs[k + i], flags[k + i]) for i, t in enumerate(texts)]
        found += len(find_quotes(annotated, name))
        k += len(texts)
    return found


# --------------------------------------------------------------------------- main

HEADLINE = (
    ("predictions", "preds", "{:>6}"),
    ("quotes_loose_P", "P.3", "{:.3f}"), ("quotes_loose_R", "R.3", "{:.3f}"),
    ("quotes_loose_F1", "F1.3", "{:.3f}"), ("quotes_strict_F1", "F1.8", "{:.3f}"),
    ("quotes_exact_F1", "F1ex", "{:.3f}"), ("speaker_named_acc_loose", "spk", "{:.3f}"),
    ("no_source_unknown_acc", "nosrc", "{:.3f}"), ("wsw_loose_P", "wP.3", "{:.3f}"),
    ("wsw_loose_R", "wR.3", "{:.3f}"), ("wsw_loose_F1", "wF1.3", "{:.3f}"),
    ("wsw_strict_F1", "wF1.8", "{:.3f}"),
)


def _row(label: str, fig: dict) -> str:
    cells = []
    for key, _, fmt in HEADLINE:
        v = fig.get(key)
        cells.append(fmt.format(v) if v is not None else "-")
    return f"{label:<34}" + " ".join(f"{c:>6}" for c in cells)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"),
                    help="the shared data folder (default ../shared/data from the repo root)")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "tools" / "quotes" / "score_quotes.py"))
    ap.add_argument("--split", choices=("dev", "train"), default="dev",
                    help="dev (measurement) or train (development; converted at run time)")
    ap.add_argument("--conditions", default=",".join(CONDITIONS))
    ap.add_argument("--cache", default=None,
                    help="folder (outside the repo) to keep parsed sentences between runs")
    ap.add_argument("--work", default=None, help="folder for predictions and scorer output (default: temporary)")
    ap.add_argument("--pairs", action="store_true", help="also write the scorer's --pairs files to --work")
    ap.add_argument("--no-speed", action="store_true", help="skip the timing runs")
    ap.add_argument("--repeats", type=int, default=3, help="timing runs per mode (median reported)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "quotes_polnear.json"),
                    help="results JSON (written for the dev split only)")
    args = ap.parse_args(argv)

    from storyline.nlp.engine import load_model

    data = Path(args.data)
    scorer = Path(args.scorer)
    tmp = tempfile.TemporaryDirectory(prefix="storyline-quotes-")
    work = Path(args.work) if args.work else Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    polnear = data / "quotes" / "polnear"
    if args.split == "dev":
        split_dir = polnear / "storyline" / "dev"
    else:
        split_dir = polnear / "storyline" / "train"
        if not (split_dir / "gold.jsonl").exists():
            split_dir = work / "train"
            if not (split_dir / "gold.jsonl").exists():
                convert_raw_split(polnear / "raw" / "train", polnear / "raw" / "metadata.tsv", "train", split_dir)
    nlp = load_model()
    cache = DocCache(Path(args.cache) if args.cache else None, nlp)
    results: dict = {"split": args.split, "conditions": {}, "command": " ".join(["benchmarks/quotes_polnear.py", *(argv or sys.argv[1:])])}
    print(f"PolNeAR {args.split}: {split_dir}")
    print(f"{'system / condition':<34}" + " ".join(f"{h:>6}" for _, h, _ in HEADLINE))
    for condition in [c for c in args.conditions.split(",") if c]:
        articles = read_condition(split_dir, condition)
        res_base = score(scorer, split_dir, condition, baseline_predictions(articles), work, "baseline")
        res_full = score(scorer, split_dir, condition, run_extractor(articles, condition, cache, False),
                         work, "storyline_full", args.pairs)
        res_sel = score(scorer, split_dir, condition, run_extractor(articles, condition, cache, True),
                        work, "storyline_selective", args.pairs)
        cache.save()
        results["conditions"][condition] = {
            "baseline_regex": figures(res_base),
            "storyline_full_parse": figures(res_full),
            "storyline_selective_parse": figures(res_sel),
            "scorer_full_parse": _public(res_full),
            "scorer_selective_parse": _public(res_sel),
        }
        print(_row(f"baseline regex / {condition}", figures(res_base)))
        print(_row(f"storyline full / {condition}", figures(res_full)))
        print(_row(f"storyline selective / {condition}", figures(res_sel)))
    if not args.no_speed:
        articles = read_condition(split_dir, "ordered")
        speed = time_modes(articles, nlp, args.repeats)
        results["speed"] = speed
        sps = speed["sentences_per_s"]
        print(f"\nspeed on {speed['sentences']} sentences ({args.split} ordered), median of {args.repeats}:")
        print(f"  plain spaCy full pipeline      {sps['spacy_full']:8.1f} sentences/s")
        print(f"  quotes, full parse everywhere  {sps['quotes_full']:8.1f} sentences/s")
        print(f"  quotes, selective parse        {sps['quotes_selective']:8.1f} sentences/s "
              f"({speed['share_parsed_selective']:.1%} parsed)")
        print(f"  find_quotes alone (parsed)     {sps['find_quotes_only']:8.1f} sentences/s")
        print(f"  selective / full: x{speed['ratio_selective_vs_full_quotes']:.2f};"
              f" selective vs plain spaCy: x{speed['ratio_selective_vs_plain_spacy']:.2f}")
        print(f"  quotes found: full {speed['quotes_found']['full']}, selective "
              f"{speed['quotes_found']['selective']} (selective run with NER-only Docs)")
        results["load_average_after"] = os.getloadavg()
    if args.split == "dev" and args.conditions == ",".join(CONDITIONS):
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        print(f"\nresults: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
