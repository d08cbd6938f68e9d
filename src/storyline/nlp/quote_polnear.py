"""PolNeAR's raw attribution files read into storyline's sentences: the quote model's
training material and the benchmark's conversion of the train split.

PolNeAR (political news 2016) ships each split as raw article text plus brat ``.ann``
files: ``T`` lines (Source / Cue / Content spans as character offsets) and ``E`` lines tying
them into one attribution. :func:`convert_doc` splits an article into storyline's
sentences (the first paragraph is the title, then :func:`~storyline.readers.sentences.split_sentences`),
in the two text forms the benchmark uses (quote marks kept; quote marks and apostrophes
stripped, as in real crawls) and maps every annotated span onto them. The output record
has the layout of the shared data's ``gold.jsonl`` (see ``../shared/data/README.md``), so
the reference scorer reads a converted split unchanged.

Only the train split is converted here (dev ships converted). PolNeAR train is for
training only: its text never enters the repository; the model learned from it keeps
hashed features (:mod:`.quote_features`).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

CONDITIONS = ("ordered_with_quotes", "ordered", "shuffled")
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019`\u00ab\u00bb\u201e\u201f\u2032\u2033\u2039\u203a"
PRONOUN_SOURCES = frozenset(
    "he she they it we i you him her them us me his hers their its our my your who whom "
    "which that this these those".split()
)
SHUFFLE_SEED = 20161108  # any fixed seed: the train conversion must be the same every run


def normalise(text: str, start: int, end: int, strip_quotes: bool) -> tuple[str, list[int]]:
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


def read_brat(path: Path) -> list[dict]:
    """The attributions of one brat file: id, has_source, and source/cue/content offsets."""
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
    from ..readers.sentences import split_sentences

    first = re.search(r"\S[^\n]*", text)
    if not first:
        return []
    out = [(first.start(), first.end())]
    rest = text[first.end():]
    out += [(first.end() + s, first.end() + e) for s, e in split_sentences(rest)]
    return [(s, e) for s, e in out if text[s:e].strip()]


def convert_doc(doc_id: str, text: str, attributions: list[dict], rng: random.Random) -> dict | None:
    """One article as a gold record (sentences in both forms, a shuffled order, and every
    attribution's source / cue / content as pieces per sentence), or None when it has
    fewer than two sentences."""
    bounds = _sentences(text)
    if len(bounds) < 2:
        return None
    with_q, maps_q, plain, maps = [], [], [], []
    for s, e in bounds:
        t, m = normalise(text, s, e, strip_quotes=False)
        with_q.append(t)
        maps_q.append(m)
        t, m = normalise(text, s, e, strip_quotes=True)
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
                if end <= start:
                    continue
                out.append({
                    "sid": sid, "line": 1 if sid == 0 else sid + 3,
                    "line_shuffled": 1 if sid == 0 else shuffled_line[sid],
                    "start": start, "end": end, "text": plain[sid][start:end],
                    "start_q": maps_q[sid][lo - s], "end_q": maps_q[sid][hi - s],
                })
        return out

    records = []
    for a in attributions:
        source = pieces(a["source"])
        source_text = " ".join(text[x:y] for x, y in sorted(a["source"]))
        content_text = " ... ".join(text[x:y] for x, y in sorted(a["content"]))
        stripped = content_text.strip(" ,.;:")
        marks = sum(ch in QUOTE_CHARS for ch in content_text)
        kind = "indirect" if not marks else (
            "direct" if stripped[:1] in QUOTE_CHARS and stripped[-1:] in QUOTE_CHARS else "mixed")
        cue = pieces(a["cue"])
        content = pieces(a["content"])
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


def _annotators(metadata: Path, split: str) -> dict[str, str]:
    """The annotator whose file counts for each article of a split (metadata.tsv)."""
    out = {}
    for line in metadata.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 3 and cols[0] == split:
            out[cols[1]] = cols[3].split("|")[0]
    return out


def raw_files(raw_dir: Path, metadata: Path, split: str) -> list[tuple[str, Path, Path]]:
    """(article id, text file, annotation file) of every annotated article of a raw split,
    in file-name order."""
    annotator = _annotators(metadata, split)
    out = []
    for text_path in sorted((raw_dir / "text").glob("*.txt")):
        doc_id = text_path.stem
        ann = raw_dir / "attributions" / f"{doc_id}_{annotator.get(doc_id, '')}.ann"
        if not ann.exists():
            found = sorted((raw_dir / "attributions").glob(f"{doc_id}_*.ann"))
            if not found:
                continue
            ann = found[0]
        out.append((doc_id, text_path, ann))
    return out


def read_records(raw_dir: Path, metadata: Path, split: str) -> Iterator[dict]:
    """The gold records of a raw split (see :func:`convert_doc`), in file-name order; the
    shuffled orders come from one seeded generator, as in :func:`convert_raw_split`."""
    rng = random.Random(SHUFFLE_SEED)
    for doc_id, text_path, ann in raw_files(raw_dir, metadata, split):
        record = convert_doc(doc_id, text_path.read_text(encoding="utf-8"), read_brat(ann), rng)
        if record is not None:
            yield record


def convert_raw_split(raw_dir: Path, metadata: Path, split: str, out_dir: Path) -> Path:
    """Write ``out_dir/gold.jsonl`` and the three condition folders for a raw split (keep
    ``out_dir`` outside the repository: it holds the article text)."""
    for c in CONDITIONS:
        (out_dir / c).mkdir(parents=True, exist_ok=True)
    with open(out_dir / "gold.jsonl", "w", encoding="utf-8") as gold:
        for record in read_records(raw_dir, metadata, split):
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
                (out_dir / c / f"{record['doc_id']}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out_dir
