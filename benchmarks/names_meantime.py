"""Canonical names against MEANTIME's cross-document entity ids (B-cubed), plus repair.

Data: MEANTIME (Minard et al., LREC 2016; NewsReader project; CC BY 4.0), 120 English
Wikinews articles in 4 sub-corpora, read from ``--data`` (default ``../shared/data``):
``names/meantime/meantime_en_gold.jsonl``. Nothing is copied into the repo.

Evaluated mentions: gold mentions with ``syntactic_type == "NAM"`` and an ``instance_id``
(the cross-document id), by gold type PER / ORG / LOC, ``ALL`` = those three, and ``ALL+``
= every NAM type (adds products PRO and financial FIN). B-cubed P/R/F1 of the predicted
grouping restricted to each set (Bagga & Baldwin 1998); articles are fed in (sub-corpus,
doc id) order; a mention without a usable name is a singleton.

Conditions:
* ``gold``: the gold NAM extents and gold types go to :class:`NameResolver` (types mapped
  PER->PERSON, ORG->ORG, LOC->GPE, PRO->PRODUCT, FIN->FIN; ``entities.vote_labels`` off,
  since gold types need no correction): isolates canonical-name quality.
  ``group=none``: no story information; ``group=subcorpus``: each sub-corpus is one story.
* ``e2e``: our own pipeline on the text: ``repair`` + spaCy NER (en_core_web_sm) +
  ``find_mentions`` + ``NameResolver`` (no story information). A gold mention takes the id of
  the predicted mention that overlaps it most (one-to-one); an unmatched gold mention is a
  singleton. Mention P/R: recall over the evaluated gold NAM mentions (overlap); precision of
  predicted PERSON/ORG/GPE/LOC/FAC/PRODUCT mentions that overlap any gold NAM or PRE.NAM
  mention (MEANTIME annotates names of these types only).
* ``e2e-stripped`` / ``e2e-stripped-norepair``: the same on text with apostrophes and quote
  marks removed as in real crawls (``Boeing 's`` -> ``Boeings``, ``do n't`` -> ``dont``;
  gold offsets remapped), with and without ``repair``.
* ``e2e-stripped-notypes``: the stripped condition with ``entities.context_types`` and
  ``entities.vote_labels`` off (the ablation of corpus typing).
* Type accuracy (e2e): share of matched gold PER/ORG/LOC mentions whose predicted type is
  right (PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC), by the mention's own label and by its
  entity's label after the corpus vote.
* ``.../nested``: the same predictions matched so that nested gold mentions with the same
  head (MEANTIME annotates both ``Airbus chief executive Noel Forgeard`` and ``Noel
  Forgeard``) may share the predicted mention of that name; without the suffix each
  predicted mention serves one gold mention and the second becomes a miss (the first
  protocol, kept for comparison).

Baselines (same mentions, same scorer):
* ``exact``: mentions with the identical gold extent string (case-sensitive) are one entity.
* ``surname``: mentions whose extent's last word (lower-cased, possessive and punctuation
  removed) is the same are one entity, whatever their type's "surname" means (for
  organisations and places the last word).

Speed: ``repair`` per sentence vs spaCy NER per sentence, same sentences, same run; and
per e2e condition the medians (over articles) of ``article_mentions`` per sentence and of
``NameResolver.add`` per mention (``-notypes``: the same without context typing and label
vote, the baseline for their cost).

Usage: python benchmarks/names_meantime.py [--data PATH] [--dev-only]
       [--errors CONDITION[,CONDITION...] [--errors-types PER,ORG,LOC]]
(``--errors``: the errors of e2e or gold-extents conditions on the development sub-corpora
only; nothing is written.)
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.canonical import NameResolver  # noqa: E402
from storyline.nlp.annotate import AnnotatedSentence  # noqa: E402
from storyline.nlp.engine import load_model  # noqa: E402
from storyline.canonical_names import core_name  # noqa: E402
from storyline.nlp.mentions import article_mentions  # noqa: E402
from storyline.nlp.repair import article_names, repair  # noqa: E402
from storyline.records import Mention, Span  # noqa: E402
from storyline.settings import DEFAULTS, Settings  # noqa: E402

GOLD_LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "PRO": "PRODUCT", "FIN": "FIN"}
TYPES = {"PER": {"PER"}, "ORG": {"ORG"}, "LOC": {"LOC"}, "ALL": {"PER", "ORG", "LOC"},
         "ALL+": {"PER", "ORG", "LOC", "PRO", "FIN"}}
PRED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"}
DEV = ("corpus_airbus", "corpus_apple")  # developed on these; gm and stock held out
# e2e matching protocols: "one-to-one" (each predicted mention serves one gold mention, the
# first protocol) and "nested" (nested gold mentions sharing a head share the prediction).
PROTOCOLS = {"one-to-one": False, "nested": True}
# The e2e ablation: no context typing in articles, no label vote across the corpus (the
# model's labels with the list corrections only, as before issue 4 part 1's second round).
NO_TYPES = Settings({"entities.context_types": False, "entities.vote_labels": False})


def load(data: Path) -> list[dict]:
    path = data / "names" / "meantime" / "meantime_en_gold.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    return sorted(docs, key=lambda d: (d["corpus"], d["doc_id"]))


def eval_mentions(doc: dict) -> list[dict]:
    return [m for m in doc["entity_mentions"]
            if m["syntactic_type"] == "NAM" and m["instance_id"] and m["ent_type"] in GOLD_LABEL]


# --- scoring -------------------------------------------------------------------------

def bcubed(pred: dict, gold: dict, keys: list) -> tuple[float, float, float]:
    """B-cubed P/R/F1 over ``keys``; pred/gold map a mention key to a cluster id."""
    if not keys:
        return 0.0, 0.0, 0.0
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k in keys:
        by_pred[pred[k]].add(k)
        by_gold[gold[k]].add(k)
    p = r = 0.0
    for k in keys:
        both = len(by_pred[pred[k]] & by_gold[gold[k]])
        p += both / len(by_pred[pred[k]])
        r += both / len(by_gold[gold[k]])
    p, r = p / len(keys), r / len(keys)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_all(pred: dict, gold: dict, gtype: dict, corpus: dict) -> dict:
    out = {}
    for name, types in TYPES.items():
        keys = [k for k in gold if gtype[k] in types]
        out[name] = dict(zip(("p", "r", "f1"), bcubed(pred, gold, keys)), n=len(keys))
        for sub in sorted(set(corpus.values())):
            sk = [k for k in keys if corpus[k] == sub]
            out[f"{name}/{sub}"] = dict(zip(("p", "r", "f1"), bcubed(pred, gold, sk)), n=len(sk))
    return out


# --- baselines and the gold-extent condition ------------------------------------------

def surname_key(text: str) -> str:
    words = re.sub(r"\s*['’]s\b|['’]", "", text).strip(" ,.;:()").split()
    return words[-1].lower().strip(" ,.;:()") if words else text.lower()


def run_gold(docs: list[dict], grouping: str, settings: Settings) -> dict:
    resolver = NameResolver(settings)
    pred = {}
    for doc in docs:
        ms = eval_mentions(doc)
        mentions = [Mention(doc["doc_id"], Span(0, m["start"], m["end"], m["text"]),
                            GOLD_LABEL[m["ent_type"]]) for m in ms]
        group = doc["corpus"] if grouping == "subcorpus" else None
        for m, eid in zip(ms, resolver.add(mentions, group=group)):
            pred[(doc["doc_id"], m["m_id"])] = eid
    return {k: resolver.canonical_id(v) or f"none:{k}" for k, v in pred.items()}, resolver


# --- end to end ------------------------------------------------------------------------

_QUOTES = re.compile(r"``|''|[\"“”‘’`]")
_CLITIC = re.compile(r" (?='s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|' )")


def strip_text(text: str) -> tuple[str, list[int]]:
    """Remove apostrophes and quote marks as crawls do; returns text and old->new offsets."""
    drop = set()
    for m in _CLITIC.finditer(text):
        drop.add(m.start())  # the space before a clitic: "Boeing 's" -> "Boeings"
    for m in _QUOTES.finditer(text):
        drop.update(range(m.start(), m.end()))
        if m.group() in ("``", "''", '"') and m.end() < len(text) and text[m.end()] == " ":
            drop.add(m.end())
    for m in re.finditer(r"'", text):
        drop.add(m.start())
    keep, index, j = [], [], 0
    for i, ch in enumerate(text):
        index.append(j)
        if i not in drop:
            keep.append(ch)
            j += 1
    index.append(j)
    return "".join(keep), index


def sentences_of(article: str) -> list[tuple[int, str]]:
    """(offset, line) of the title and body lines (the date and URL lines are skipped)."""
    out, pos = [], 0
    for n, line in enumerate(article.split("\n")):
        if n not in (1, 2) and line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def match(g: dict, gs: int, ge: int, text: str, offsets: list, used: set, share_heads: bool) -> int | None:
    """The predicted mention for gold mention ``g``: the one covering the gold extent's
    name (its head, found with ``core_name``), else the one overlapping it most.
    ``share_heads``: nested gold mentions with the same head (``Airbus chief executive Noel
    Forgeard`` and ``Noel Forgeard``) may take the same predicted mention; otherwise each
    predicted mention serves one gold mention (the first protocol)."""
    head = core_name(g["text"], GOLD_LABEL[g["ent_type"]]).name.split()
    at = text.find(head[-1], gs, ge) if head else -1
    if head and at < 0:  # stripped text: the head "O'Leary" of "Michael O' Leary" reads "O Leary"
        words = strip_text(g["text"])[0].split()
        at = text.find(words[-1], gs, ge) if words else -1
    best, best_ov = None, 0
    for j, (s, e) in enumerate(offsets):
        if at >= 0 and s <= at < e and (share_heads or j not in used):
            return j
        if j in used:
            continue
        ov = min(e, ge) - max(s, gs)
        if ov > best_ov:
            best, best_ov = j, ov
    return best


def parse_docs(docs: list[dict], nlp, mode: str, timings: dict) -> list[tuple]:
    """mode: 'plain', 'stripped', 'stripped-norepair'. Per article: (doc, text, offset map,
    sentences, annotated sentences) after repair and NER."""
    out = []
    for doc in docs:
        text, index = doc["article"], None
        if mode.startswith("stripped"):
            text, index = strip_text(text)
        sents = sentences_of(text)
        known = article_names(s for _, s in sents)
        reps = []
        for _, s in sents:
            if mode == "stripped-norepair":
                reps.append(None)
                continue
            t0 = time.perf_counter()
            reps.append(repair(s, known))
            timings["repair"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        parsed = list(nlp.pipe([r.text if r else s for r, (_, s) in zip(reps, sents)], batch_size=64))
        timings["ner_doc"].append((time.perf_counter() - t0) / max(1, len(sents)))
        anns = [AnnotatedSentence(i, s, d, False, r.to_original if r else (lambda x: x))
                for i, ((_, s), r, d) in enumerate(zip(sents, reps, parsed))]
        out.append((doc, text, index, sents, anns))
    return out


_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def run_e2e(parsed: list[tuple], settings: Settings) -> dict:
    """Mentions, canonical names and types from parsed articles (:func:`parse_docs`).
    Returns {protocol: (pred, stats)}; stats include type accuracy on matched gold
    PER/ORG/LOC mentions: of the mention's own label and of its entity's label."""
    resolver = NameResolver(settings)
    stats: dict = {"pred": 0, "pred_ok": 0, **{p: {"gold": 0, "found": 0} for p in PROTOCOLS}}
    preds: dict = {p: {} for p in PROTOCOLS}
    seen: dict = {p: {} for p in PROTOCOLS}  # gold key -> (gold text, predicted text, label)
    typed: dict = {p: [] for p in PROTOCOLS}  # (gold type, mention label, entity id)
    timing: dict = {"mentions_us_per_sentence": [], "resolve_us_per_mention": []}
    for doc, text, index, sents, anns in parsed:
        remap = (lambda o: index[o]) if index else (lambda o: o)
        mentions, offsets = [], []
        t0 = time.perf_counter()
        found = article_mentions(anns, doc["doc_id"], settings)
        t1 = time.perf_counter()
        for m in found:
            if m.label in PRED_LABELS:
                mentions.append(m)
                off = sents[m.span.sentence_index][0]
                offsets.append((off + m.span.start, off + m.span.end))
        t2 = time.perf_counter()
        ids = resolver.add(mentions)
        t3 = time.perf_counter()
        timing["mentions_us_per_sentence"].append((t1 - t0) / max(1, len(anns)) * 1e6)
        if mentions:
            timing["resolve_us_per_mention"].append((t3 - t2) / len(mentions) * 1e6)
        golds = [(remap(g["start"]), remap(g["end"])) for g in doc["entity_mentions"]]
        stats["pred"] += len(mentions)
        stats["pred_ok"] += sum(any(s < ge and gs < e for gs, ge in golds) for s, e in offsets)
        for protocol, share in PROTOCOLS.items():
            used: set[int] = set()
            for g in eval_mentions(doc):
                gs, ge = remap(g["start"]), remap(g["end"])
                best = match(g, gs, ge, text, offsets, used, share)
                key = (doc["doc_id"], g["m_id"])
                stats[protocol]["gold"] += 1
                seen[protocol][key] = (g["text"], None if best is None else mentions[best].span.text,
                                       None if best is None else mentions[best].label)
                if best is not None:
                    used.add(best)
                    stats[protocol]["found"] += 1
                    preds[protocol][key] = ids[best] or f"none:{key}"
                    if g["ent_type"] in ("PER", "ORG", "LOC"):
                        typed[protocol].append((g["ent_type"], mentions[best].label, ids[best]))
                else:
                    preds[protocol][key] = f"missed:{key}"
    out = {}
    for protocol, pred in preds.items():
        pred = {k: resolver.canonical_id(v) if not v.startswith(("none:", "missed:")) else v
                for k, v in pred.items()}
        st = dict(stats, **stats[protocol])
        del st["one-to-one"], st["nested"]
        st["recall"] = st["found"] / max(1, st["gold"])
        st["precision"] = st["pred_ok"] / max(1, st["pred"])
        st.update(type_accuracy(typed[protocol], resolver))
        st.update({k: statistics.median(v or [0]) for k, v in timing.items()})
        st["_seen"] = seen[protocol]
        st["_names"] = {k: _entity_name(resolver, v) for k, v in pred.items()}
        out[protocol] = (pred, st)
    return out


def _entity_name(resolver: NameResolver, eid: str) -> str:
    entity = resolver.entity(eid) if not eid.startswith(("none:", "missed:")) else None
    return f"{entity.name} [{entity.label}]" if entity else eid.split(":")[0]


def print_errors(name: str, pred: dict, stats: dict, gold: dict, gtype: dict, types: set) -> None:
    """Development only: per gold entity of ``types``, its unmatched mentions, and its
    mentions split over several predicted entities; then predicted entities that merge
    gold entities. Each mention as gold text -> predicted mention (label) -> entity."""
    seen, names = stats["_seen"], stats["_names"]
    show = lambda k: f"{seen[k][0]!r} -> {seen[k][1]!r} ({seen[k][2]}) -> {names[k]}"  # noqa: E731
    by_gold, by_pred = defaultdict(list), defaultdict(list)
    for k in sorted(gold, key=str):
        by_pred[pred[k]].append(k)
        if gtype[k] in types:
            by_gold[gold[k]].append(k)
    print(f"\n=== errors {name} ({'/'.join(sorted(types))}) ===")
    for gid, keys in sorted(by_gold.items()):
        missed = [k for k in keys if seen[k][1] is None]
        clusters = {pred[k] for k in keys if seen[k][1] is not None}
        if missed or len(clusters) > 1:
            print(f"{gid}: {len(keys)} mentions, {len(missed)} unmatched, {len(clusters)} entities")
            for k in keys:
                print("   ", "MISS " if seen[k][1] is None else "     ", show(k))
    for pid, keys in sorted(by_pred.items()):
        gids = {gold[k] for k in keys}
        if len(gids) > 1 and any(gtype[k] in types for k in keys) and seen[keys[0]][1] is not None:
            print(f"MERGED {names[keys[0]]}: " + "; ".join(f"{gold[k]}: {show(k)}" for k in keys))


def type_accuracy(typed: list[tuple], resolver: NameResolver) -> dict:
    """Share of matched gold PER/ORG/LOC mentions whose predicted type is right: the
    mention's label (model + corrections + context) and its entity's label (corpus vote)."""
    n = max(1, len(typed))
    mention_ok = sum(_TYPE.get(label) == gold for gold, label, _ in typed)
    entity_ok = 0
    for gold, label, eid in typed:
        entity = resolver.entity(eid) if eid else None
        entity_ok += _TYPE.get(entity.label if entity else label) == gold
    return {"type_n": len(typed), "type_mention": mention_ok / n, "type_entity": entity_ok / n}


def measure_speed(docs: list[dict], nlp, rounds: int = 3) -> dict:
    """Per stripped article, alternately: NER alone, and repair + NER (same sentences);
    medians of per-sentence times over articles and rounds, and their ratio."""
    plain, repaired, rep_only = [], [], []
    for _ in range(rounds):
        for doc in docs:
            sents = [s for _, s in sentences_of(strip_text(doc["article"])[0])]
            known = article_names(sents)
            t0 = time.perf_counter()
            list(nlp.pipe(sents, batch_size=64))
            t1 = time.perf_counter()
            texts = [repair(s, known).text for s in sents]
            t2 = time.perf_counter()
            list(nlp.pipe(texts, batch_size=64))
            t3 = time.perf_counter()
            n = max(1, len(sents))
            plain.append((t1 - t0) / n)
            rep_only.append((t2 - t1) / n)
            repaired.append((t3 - t1) / n)
    p, r, o = (statistics.median(x) * 1e3 for x in (plain, repaired, rep_only))
    return {"ner_ms": p, "repair_plus_ner_ms": r, "repair_ms": o, "ratio": r / p}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--dev-only", action="store_true", help="only the development sub-corpora")
    ap.add_argument("--errors", metavar="CONDITION", help="print the errors of conditions "
                    "(comma-separated, e.g. e2e-stripped/nested,gold-extents/group=none) on the "
                    "development sub-corpora only")
    ap.add_argument("--errors-types", default="PER,LOC", help="gold types whose errors to print")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "names_meantime.json"))
    args = ap.parse_args(argv)
    docs = load(Path(args.data))
    if args.errors:
        args.dev_only = True  # errors of the held-out sub-corpora are never printed
        args.out = "/dev/null"  # a partial run must not replace the committed results
    if args.dev_only:
        docs = [d for d in docs if d["corpus"] in DEV]
    gold, gtype, corpus = {}, {}, {}
    exact, surname = {}, {}
    for d in docs:
        for m in eval_mentions(d):
            k = (d["doc_id"], m["m_id"])
            gold[k], gtype[k], corpus[k] = m["instance_id"], m["ent_type"], d["corpus"]
            exact[k], surname[k] = m["text"], surname_key(m["text"])
    results: dict = {"data": "MEANTIME English (Minard et al. 2016), CC BY 4.0",
                     "docs": len(docs), "mentions": len(gold), "conditions": {}}
    conds = results["conditions"]
    conds["baseline-exact"] = score_all(exact, gold, gtype, corpus)
    conds["baseline-surname"] = score_all(surname, gold, gtype, corpus)
    for grouping in ("none", "subcorpus"):
        pred, resolver = run_gold(docs, grouping, Settings({"entities.vote_labels": False}))
        name = f"gold-extents/group={grouping}"
        conds[name] = score_all(pred, gold, gtype, corpus)
        if args.errors and name in args.errors.split(","):
            seen = {k: (exact[k], exact[k], gtype[k]) for k in gold}
            names = {k: _entity_name(resolver, v) for k, v in pred.items()}
            print_errors(name, pred, {"_seen": seen, "_names": names}, gold, gtype, set(args.errors_types.split(",")))
    nlp = load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))
    speed = {}
    for mode in ("plain", "stripped", "stripped-norepair"):
        timings = {"repair": [], "ner_doc": []}
        parsed = parse_docs(docs, nlp, mode, timings)
        variants = {"": DEFAULTS}
        if mode == "stripped":
            variants["-notypes"] = NO_TYPES
        for suffix, settings in variants.items():
            for protocol, (pred, stats) in run_e2e(parsed, settings).items():
                name = f"e2e-{mode}{suffix}" + ("" if protocol == "one-to-one" else f"/{protocol}")
                conds[name] = score_all(pred, gold, gtype, corpus)
                if args.errors and name in args.errors.split(","):
                    print_errors(name, pred, stats, gold, gtype, set(args.errors_types.split(",")))
                del stats["_seen"], stats["_names"]
                conds[name]["mentions"] = stats
        speed[mode] = {"repair_us_median": statistics.median(timings["repair"] or [0]) * 1e6,
                       "ner_ms_per_sentence_median": statistics.median(timings["ner_doc"]) * 1e3}
    results["speed"] = speed
    results["speed_interleaved"] = measure_speed(docs, nlp)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    print_table(results)
    return 0


def print_table(results: dict) -> None:
    print(f"MEANTIME: {results['docs']} articles, {results['mentions']} evaluated NAM mentions")
    print(f"{'condition':38} " + "  ".join(f"{t:>16}" for t in TYPES))
    for name, res in results["conditions"].items():
        cells = [f"{res[t]['p']:.3f}/{res[t]['r']:.3f}/{res[t]['f1']:.3f}" for t in TYPES]
        print(f"{name:38} " + "  ".join(f"{c:>16}" for c in cells))
    print("(cells: B-cubed P/R/F1)")
    subs = sorted({k.split("/", 1)[1] for k in results["conditions"]["baseline-exact"] if "/" in k})
    print(f"\nF1 by sub-corpus (dev: {', '.join(DEV)})")
    print(f"{'condition':38} {'type':5} " + " ".join(f"{s[7:]:>8}" for s in subs))
    for name, res in results["conditions"].items():
        for t in ("PER", "ORG", "LOC", "ALL"):
            print(f"{name:38} {t:5} " + " ".join(f"{res[f'{t}/{s}']['f1']:8.3f}" for s in subs))
    print("\nmention detection (e2e)")
    for name, res in results["conditions"].items():
        if "mentions" in res:
            m = res["mentions"]
            print(f"{name:38} P {m['precision']:.3f}  R {m['recall']:.3f}  (pred {m['pred']}, gold {m['gold']})  "
                  f"type: mention {m['type_mention']:.3f} entity {m['type_entity']:.3f} (n {m['type_n']})  "
                  f"median us: mentions {m['mentions_us_per_sentence']:.0f}/sentence, "
                  f"resolve {m['resolve_us_per_mention']:.0f}/mention")
    s = results["speed_interleaved"]
    print(f"\nspeed, stripped text, interleaved (median ms/sentence): NER {s['ner_ms']:.3f}, "
          f"repair+NER {s['repair_plus_ner_ms']:.3f} (x{s['ratio']:.3f}), repair alone {s['repair_ms']:.4f}")
    print("\nspeed (medians)")
    for mode, s in results["speed"].items():
        print(f"{mode:20} repair {s['repair_us_median']:.1f} us/sentence   "
              f"NER {s['ner_ms_per_sentence_median']:.2f} ms/sentence   "
              f"ratio {s['repair_us_median'] / 1000 / s['ner_ms_per_sentence_median']:.4f}")


if __name__ == "__main__":
    raise SystemExit(main())
