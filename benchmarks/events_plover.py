"""PLOVER event coding on the PLOVER gold-standard records, with a keyword baseline and speed.

Usage::

    .venv/bin/python benchmarks/events_plover.py [--data ../shared/data] [--speed-sentences 3000]

Data (read by path, never copied): ``events/plover_gsr/PLOVER_GSR_CAMEO.txt``, 322 hand-coded
sentences (plus one DOCUMENT record, skipped), each with one gold event: type, mode, source
and target actor texts. This is the *test*: storyline's rules were written on the PETRARCH
unit-test sentences, the NGEC synthetic stories (``benchmarks/events_dev.py``) and sentences
written for the tests, never on these records. Speed uses BBC sentences (``corpus/bbc``).

The GSR was coded in PLOVER 0.5 (2016); its types are mapped to the 16 current types the
way PLOVER itself renamed and merged them: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
INVESTIGATE -> ACCUSE (mode investigate), FIGHT -> ASSAULT.

Scoring, per sentence (one gold event each):

- *Primary event*: storyline may code several events in a sentence; the one scored is the
  non-negated event whose trigger is closest to the root of the parse (ties: the earliest).
  Negated events are not predictions (they say something did not happen).
- Event type: per-type precision/recall/F1 over the 16 types (a sentence with no predicted
  event is a false negative of its gold type), and macro-F1 over the 16 types. Also "any":
  the share of sentences where the gold type is among all coded (non-negated) types.
- Quad class accuracy over all records (no event = wrong) and over the records with an event.
- Actor and target span F1 of the primary event, type-independent: a predicted span is a true
  positive when it shares a content word (lower-cased word tokens, ignoring articles,
  "of"/"and", possessive "s" and titles Mr/Mrs/Ms/Dr) with any gold actor text of the role;
  a predicted span matching none is a false positive; a gold role with no matching
  prediction is a false negative. "exact" requires the same content-word set.

Two conditions: the records as published, and "stripped" as real crawls deliver text
(apostrophes and quote marks removed, then repaired by ``storyline.nlp.repair`` before
parsing, as the enrich stage does; gold actor texts stripped the same way).

Systems (same run): storyline's ``rules`` alone (``events.model`` and ``events.role_fallback``
off), ``rules+roles`` (empty or non-actor roles filled by position), ``rules+roles+model``
(the default settings: the trained classifier of ``nlp/event_model.py`` codes sentences the
rules code nothing in, if they have a lexicon event word), and the keyword baseline.

Baseline (same run): a keyword classifier with no parse: the first word of the sentence that
is a form of a lexicon verb or noun gives its first lexicon type (exception rows skipped); the actor is the first
named entity before it and the target the first after it.

Speed (same run, medians of --repeats): sentences/s of find_events on parsed Docs (default
settings, and rules only); the
fraction of BBC sentences ``needs_parse`` lets through and its cost per sentence; and the
time events add to enrichment, over the baseline enrichment of NER on every sentence, three
ways: alone (parsing every sentence it lets through + find_events + the prefilter), marginal
(parsing only the sentences that neither the quotes nor the dates module asks to parse, as
the enrich stage parses the union once), and with the parse shared (find_events + prefilter).
Also the events coded per 1,000 BBC sentences, rules only and default: BBC news is mostly
not about PLOVER events, so the difference is a rough measure of what the fallbacks add in
false alarms (not a precision: the BBC sentences have no gold).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import re
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.nlp.annotate import AnnotatedSentence  # noqa: E402
from storyline.nlp.engine import load_model  # noqa: E402
from storyline.nlp.event_lexicon import PLOVER_TYPES, inflections, load_lexicon  # noqa: E402
from storyline.nlp.event_model import packaged_model  # noqa: E402
from storyline.nlp.events import find_events, needs_parse, quad_class  # noqa: E402
from storyline.readers.sentences import split_sentences  # noqa: E402
from storyline.settings import DEFAULTS, Settings  # noqa: E402

GSR_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
               "FIGHT": "ASSAULT"}
_IGNORED = {"the", "a", "an", "of", "and", "s", "mr", "mrs", "ms", "dr"}
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


# --- data ---------------------------------------------------------------------------------------


def load_gsr(data: pathlib.Path) -> list[dict]:
    """The GSR records: {id, text, date, type, mode, actors, targets} (types renamed)."""
    raw = json.loads((data / "events/plover_gsr/PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    out = []
    for r in raw:
        if r.get("event") == "DOCUMENT" or "text" not in r:
            continue
        out.append({
            "id": r["id"], "text": r["text"], "date": r.get("date", ""),
            "type": GSR_RENAMES.get(r["event"], r["event"]), "mode": r.get("mode") or "",
            "actors": _actor_texts(r.get("source")),
            "targets": _actor_texts(r.get("target")),
        })
    return out


def _actor_texts(field) -> list[str]:
    """Actor texts of a source/target field (9 records have a bare string there, read as
    no actor: 8 are empty and one holds a context word, not an actor)."""
    if not isinstance(field, list):
        return []
    return [a["actorText"] for a in field if isinstance(a, dict) and a.get("actorText")]


def bbc_sentences(data: pathlib.Path, limit: int, seed: int = 7) -> list[str]:
    """A reproducible random sample of BBC body sentences (all five sections)."""
    sents = []
    for path in sorted((data / "corpus/bbc/bbc").glob("*/*.txt")):
        text = path.read_text("utf-8", errors="replace")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        sents.extend(body[s:e].strip() for s, e in split_sentences(body))
    sents = [s for s in sents if s]
    random.Random(seed).shuffle(sents)
    return sents[:limit]


# --- coding ---------------------------------------------------------------------------------------


def parse_all(texts: list[str], nlp=None) -> list[AnnotatedSentence]:
    nlp = nlp or load_model()
    return [AnnotatedSentence(0, t, d, True) for t, d in zip(texts, nlp.pipe(texts, batch_size=64))]


_STRIPPED = str.maketrans("", "", "'\"\u2018\u2019\u201c\u201d`")


def stripped_condition(gold: list[dict]) -> tuple[list[dict], list[AnnotatedSentence]]:
    """The records as real crawls deliver text: apostrophes and quote marks stripped, then
    repaired by storyline's own ``nlp.repair`` (as the enrich stage does) before parsing."""
    from storyline.nlp.repair import article_names, repair

    nlp = load_model()
    stripped = [dict(g, text=g["text"].translate(_STRIPPED),
                     actors=[a.translate(_STRIPPED) for a in g["actors"]],
                     targets=[a.translate(_STRIPPED) for a in g["targets"]]) for g in gold]
    reps = [repair(g["text"], article_names([g["text"]])) for g in stripped]
    docs = nlp.pipe([r.text for r in reps], batch_size=64)
    return stripped, [AnnotatedSentence(0, g["text"], d, True, r.to_original)
                      for g, r, d in zip(stripped, reps, docs)]


def _depth(tok) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def primary(sentence: AnnotatedSentence, events) -> dict | None:
    """The scored event of a sentence: non-negated, trigger nearest the root, then earliest."""
    best = None
    by_start = {sentence.token_span(t).start: t for t in sentence.doc}  # original offsets
    for e in events:
        if e.negated:
            continue
        tok = by_start.get(e.trigger.start)
        key = (_depth(tok) if tok is not None else 99, e.trigger.start)
        if best is None or key < best[0]:
            best = (key, e)
    if best is None:
        return None
    e = best[1]
    return {"type": e.type, "mode": e.mode, "actor": e.actor.text if e.actor else None,
            "target": e.target.text if e.target else None,
            "types": sorted({x.type for x in events if not x.negated}), "hedged": e.hedged}


SYSTEMS = {
    "rules": DEFAULTS.replace(events__model=False, events__role_fallback=False),
    "rules+roles": DEFAULTS.replace(events__model=False, events__role_fallback=True),
    "rules+roles+model": DEFAULTS,
}


def storyline_system(sentences: list[AnnotatedSentence], settings: Settings = DEFAULTS) -> list[dict | None]:
    return [primary(s, find_events(s, settings=settings)) for s in sentences]


def all_systems(gold: list[dict], sentences: list[AnnotatedSentence]) -> dict:
    out = {name: score(gold, storyline_system(sentences, settings)) for name, settings in SYSTEMS.items()}
    out["keyword_baseline"] = score(gold, keyword_system(sentences))
    return out


def keyword_system(sentences: list[AnnotatedSentence]) -> list[dict | None]:
    """The baseline: first lexicon word form -> its first type; entities around it."""
    lex = load_lexicon()
    form_type: dict[str, str] = {}
    for table, pos in ((lex.verbs, "verb"), (lex.nouns, "noun")):
        for key, rules in table.items():
            types = [r.type for r in rules if r.type != "NONE"]  # exceptions are no type
            for form in inflections(key.split("_")[0], pos) if types else ():
                form_type.setdefault(form, types[0])
    out = []
    for s in sentences:
        doc = s.doc
        hit = next((t for t in doc if t.lower_ in form_type), None)
        if hit is None:
            out.append(None)
            continue
        ents = [e for e in doc.ents if e.label_ in _ENTITY_LABELS]
        before = [e for e in ents if e.end <= hit.i]
        after = [e for e in ents if e.start > hit.i]
        etype = form_type[hit.lower_]
        out.append({"type": etype, "mode": "", "actor": before[0].text if before else None,
                    "target": after[0].text if after else None, "types": [etype],
                    "hedged": False})
    return out


# --- scoring ------------------------------------------------------------------------------------


def content_words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", (text or "").lower()) if w not in _IGNORED)


def span_match(pred: str | None, golds: list[str], exact: bool = False) -> bool:
    p = content_words(pred)
    if not p:
        return False
    for g in golds:
        gw = content_words(g)
        if (p == gw) if exact else bool(p & gw):
            return True
    return False


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(gold: list[dict], preds: list[dict | None]) -> dict:
    """Every metric of the module docstring for one system's predictions."""
    counts = {t: [0, 0, 0] for t in PLOVER_TYPES}
    quad_right = any_right = predicted = 0
    roles = {(role, exact): [0, 0, 0] for role in ("actor", "target") for exact in (False, True)}
    for g, p in zip(gold, preds):
        if p is not None:
            predicted += 1
            if p["type"] == g["type"]:
                counts[g["type"]][0] += 1
            else:
                counts.setdefault(p["type"], [0, 0, 0])[1] += 1
                counts[g["type"]][2] += 1
            quad_right += quad_class(p["type"]) == quad_class(g["type"])
            any_right += g["type"] in p["types"]
        else:
            counts[g["type"]][2] += 1
        for role, key in (("actor", "actors"), ("target", "targets")):
            for exact in (False, True):
                c = roles[(role, exact)]
                text = p[role] if p is not None else None
                hit = span_match(text, g[key], exact)
                if hit:
                    c[0] += 1
                elif text:
                    c[1] += 1
                if g[key] and not hit:
                    c[2] += 1
    per_type = {t: prf(*counts[t]) for t in PLOVER_TYPES}
    n = len(gold)
    return {
        "records": n,
        "with_event": predicted,
        "per_type": per_type,
        "macro_f1": round(statistics.mean(v["f1"] for v in per_type.values()), 4),
        "micro_accuracy": round(sum(counts[t][0] for t in PLOVER_TYPES) / n, 4),
        "any_event_type_recall": round(any_right / n, 4),
        "quad_accuracy": round(quad_right / n, 4),
        "quad_accuracy_when_predicted": round(quad_right / predicted, 4) if predicted else 0.0,
        "actor_overlap": prf(*roles[("actor", False)]),
        "target_overlap": prf(*roles[("target", False)]),
        "actor_exact": prf(*roles[("actor", True)]),
        "target_exact": prf(*roles[("target", True)]),
    }


# --- speed --------------------------------------------------------------------------------------


def timed(fn, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def speed(texts: list[str], repeats: int) -> dict:
    """Prefilter pass rate and the enrichment time events add (module docstring)."""
    nlp = load_model()
    ner_only = [p for p in nlp.pipe_names if p not in ("ner",)]
    passed = [t for t in texts if needs_parse(t)]
    t_filter = timed(lambda: [needs_parse(t) for t in texts], repeats)
    with nlp.select_pipes(disable=ner_only):
        t_ner = timed(lambda: list(nlp.pipe(texts, batch_size=64)), repeats)
    parse_pipes = [p for p in nlp.pipe_names if p != "ner"]
    with nlp.select_pipes(enable=parse_pipes):
        t_parse = timed(lambda: list(nlp.pipe(passed, batch_size=64)), repeats)
        docs = list(nlp.pipe(passed, batch_size=64))
    annotated = [AnnotatedSentence(i, t, d, True) for i, (t, d) in enumerate(zip(passed, docs))]
    rules_only = SYSTEMS["rules"]
    t_events = timed(lambda: [find_events(a) for a in annotated], repeats)
    t_rules = timed(lambda: [find_events(a, settings=rules_only) for a in annotated], repeats)
    per_1000 = {name: round(1000 * sum(len([e for e in find_events(a, settings=cfg) if not e.negated])
                                       for a in annotated) / len(texts), 1)
                for name, cfg in SYSTEMS.items()}
    lengths = sorted(len(d) for d in docs) or [0]
    others = _other_parse_filters()
    only_events = [t for t in passed if not any(f(t) for f in others)]
    with nlp.select_pipes(enable=parse_pipes):
        t_marginal = timed(lambda: list(nlp.pipe(only_events, batch_size=64)), repeats) \
            if only_events else 0.0
    return {
        "sentences": len(texts),
        "needs_parse_fraction": round(len(passed) / len(texts), 4),
        "needs_parse_us_per_sentence": round(1e6 * t_filter / len(texts), 2),
        "ner_all_s": round(t_ner, 3),
        "parse_passed_s": round(t_parse, 3),
        "find_events_s": round(t_events, 3),
        "find_events_sentences_per_s": round(len(passed) / t_events, 1) if t_events else 0.0,
        "find_events_rules_only_s": round(t_rules, 3),
        "find_events_rules_only_sentences_per_s": round(len(passed) / t_rules, 1) if t_rules else 0.0,
        "events_per_1000_sentences": per_1000,
        "events_added_fraction_of_ner_enrichment": round((t_parse + t_events + t_filter) / t_ner, 4),
        "events_added_if_parse_shared": round((t_events + t_filter) / t_ner, 4),
        "other_modules_compared": len(others),
        "needs_parse_fraction_events_only": round(len(only_events) / len(texts), 4),
        "events_added_marginal": round((t_marginal + t_events + t_filter) / t_ner, 4),
        "tokens_p99_of_passed": lengths[int(0.99 * (len(lengths) - 1))],
    }


def dump_events(texts: list[str], out: pathlib.Path) -> None:
    """One JSON line per BBC sentence with a non-negated default event (its text and each
    event's type, trigger, actor and target): general news has no gold, so new events are
    read by hand to see whether they are events."""
    passed = [t for t in texts if needs_parse(t)]
    with out.open("w", encoding="utf-8") as f:
        for text, sentence in zip(passed, parse_all(passed)):
            events = [{"type": e.type, "trigger": e.trigger.text,
                       "actor": e.actor.text if e.actor else None,
                       "target": e.target.text if e.target else None}
                      for e in find_events(sentence) if not e.negated]
            if events:
                f.write(json.dumps({"text": text, "events": events}) + "\n")


def _other_parse_filters() -> list:
    """The needs_parse of the other modules the enrich stage consults (dates, quotes)."""
    found = []
    for module in ("storyline.nlp.quotes", "storyline.nlp.temporal"):
        try:
            found.append(__import__(module, fromlist=["needs_parse"]).needs_parse)
        except (ImportError, AttributeError):
            continue
    return found


def print_table(name: str, s: dict) -> None:
    print(f"\n== {name}: {s['records']} records, {s['with_event']} with an event")
    print(f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for t, v in s["per_type"].items():
        print(f"{t:10} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['tp']:4} {v['fp']:4} {v['fn']:4}")
    print(f"macro-F1 {s['macro_f1']:.3f}  accuracy {s['micro_accuracy']:.3f}  "
          f"any-type recall {s['any_event_type_recall']:.3f}")
    print(f"quad accuracy {s['quad_accuracy']:.3f} (when an event is coded: "
          f"{s['quad_accuracy_when_predicted']:.3f})")
    for k in ("actor_overlap", "target_overlap", "actor_exact", "target_exact"):
        v = s[k]
        print(f"{k:15} P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}")


def print_summary(results: dict) -> None:
    """One line per system and condition: the four figures the issue sets targets for."""
    print(f"\n{'condition / system':34} {'macroF1':>8} {'quad':>6} {'coded':>6} {'actorF1':>8} {'targetF1':>9}")
    for cond in ("gsr", "gsr_stripped"):
        for name, s in results[cond].items():
            print(f"{cond + ' ' + name:34} {s['macro_f1']:8.3f} {s['quad_accuracy']:6.3f} "
                  f"{s['with_event']:6} {s['actor_overlap']['f1']:8.3f} {s['target_overlap']['f1']:9.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--speed-sentences", type=int, default=3000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks/results/events_plover.json"))
    ap.add_argument("--skip-gsr", action="store_true",
                    help="speed only (for development: the GSR records are the test)")
    ap.add_argument("--dump-events", default="",
                    help="with --skip-gsr: write each BBC sentence's default events here as JSON "
                         "lines, to read (and diff between versions) the events coded on general news")
    a = ap.parse_args(argv)
    data = pathlib.Path(a.data)
    if a.skip_gsr:
        texts = bbc_sentences(data, a.speed_sentences)
        for k, v in speed(texts, a.repeats).items():
            print(f"{k:42} {v}")
        if a.dump_events:
            dump_events(texts, pathlib.Path(a.dump_events))
        return 0
    gold = load_gsr(data)
    sentences = parse_all([g["text"] for g in gold])
    results = {"gsr": all_systems(gold, sentences)}
    stripped_gold, stripped = stripped_condition(gold)
    results["gsr_stripped"] = all_systems(stripped_gold, stripped)
    results["gsr_needs_parse_fraction"] = round(
        sum(needs_parse(s.doc.text) for s in sentences) / len(sentences), 4)
    for cond in ("gsr", "gsr_stripped"):
        for name, s in results[cond].items():
            print_table(f"{cond} {name}", s)
    print(f"\nGSR sentences with a lexicon event word (needs_parse): {results['gsr_needs_parse_fraction']}")
    print_summary(results)
    results["speed"] = speed(bbc_sentences(data, a.speed_sentences), a.repeats)
    print("\n== speed (BBC sentences)")
    for k, v in results["speed"].items():
        print(f"{k:42} {v}")
    meta = packaged_model().meta if packaged_model() is not None else {}
    results["model"] = {k: meta.get(k) for k in ("sha256", "trained", "buckets_kept", "examples")}
    results["command"] = "benchmarks/events_plover.py " + " ".join(argv or sys.argv[1:])
    pathlib.Path(a.out).write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
