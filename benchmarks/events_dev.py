"""Development sets for the event coder: PETRARCH unit tests and NGEC synthetic stories.

Usage::

    .venv/bin/python benchmarks/events_dev.py [--data ../shared/data] [--set petrarch|synthetic|all]
        [--stories 600] [--errors 20] [--derive-scale]

These are the sets the lexicon and rules were developed on (the PLOVER GSR records of
``events_plover.py`` are the test and are not read here). ``--out`` writes the figures of
the sets run as JSON (``benchmarks/results/events_dev.json`` holds ``--set all``); they are
quoted in BENCHMARKS.md as development figures.

- ``petrarch``: ``events/petrarch2_unittest/PETR.UnitTest.records.xml``, stylised sentences
  about made-up actors with expected CAMEO codes. Codes are mapped to PLOVER with the
  CAMEO2PLOVER table (longest listed prefix). Caveat: the validation dictionary is KEDS/WEIS
  based, so some expected codes are not CAMEO meanings; treat the type scores as noisy.
  Actor check: a predicted actor counts when it contains a name the PETRARCH actor
  dictionary lists for the gold code's three-letter country/group code.
- ``synthetic``: ``events/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv``, 4,500
  machine-written stories labelled by the event type of their prompt; only the held-out
  stories (``storyline.nlp.event_model.held_out``, 996) are read, since the classifier was
  trained on the others. Document level: the share of stories where the label is among the
  coded types, and where it is the most frequent coded type, rules only and default.
- ``written``: ``benchmarks/events_dev_sentences.py``, sentences written for storyline in
  wire style (type, actor and target of each), scored as ``events_plover.py`` scores the GSR,
  plus false alarms on its no-event sentences.
- ``leads``: the first sentence of each *held-out* synthetic story (the title templates
  ``storyline.nlp.event_model.held_out`` keeps out of training), labelled by its prompt's
  type: a noisy but large sentence-level check of type recall (about half of the leads do
  not report the prompt's event at all, so every system scores low).
- The ``written`` and ``leads`` sets are scored for each configuration of the coder: rules
  only, rules with roles by position, rules with the classifier fallback, and both (the
  default settings). ``--model PATH`` uses a classifier file other than the packaged one.
- ``--uncoded N``: the leads and PETRARCH sentences the default coder codes nothing in,
  grouped by cause (no lexicon word at all, with the sentence's root verb; a lexicon
  exception; a governor or condition removed the event; lexicon verbs whose row conditions
  failed; event nouns no verb realises; the event found but negated), each with the
  classifier's best type, probability and trigger, N examples a group (0: counts only).
- ``--derive-scale``: recompute the Goldstein table of ``storyline.nlp.event_scale`` from
  CAMEO2PLOVER and the GDELT CAMEO Goldstein table, and list any difference.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import pathlib
import random
import re
import statistics
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from events_plover import parse_all, primary  # noqa: E402

from events_dev_sentences import EVENTS, NO_EVENT  # noqa: E402
from events_plover import score, span_match  # noqa: E402

from storyline.nlp import event_model, event_scale  # noqa: E402
from storyline.nlp.events import find_events, quad_class  # noqa: E402
from storyline.settings import DEFAULTS, Settings  # noqa: E402
from storyline.readers.sentences import split_sentences  # noqa: E402
from storyline.nlp.annotate import AnnotatedSentence  # noqa: E402

_C2P_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,")


def cameo_to_plover(data: pathlib.Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from CAMEO2PLOVER-2021.txt."""
    table = {}
    for line in (data / "events/plover_gsr/CAMEO2PLOVER-2021.txt").read_text("utf-8").splitlines():
        m = _C2P_LINE.match(line)
        if m:
            table[m.group(1)] = (m.group(2), m.group(3).strip())
        elif re.match(r"^(\d{2}):\s*([A-Z]+)\s*$", line):
            code, etype = line.split(":")
            table.setdefault(code.strip(), (etype.strip(), ""))
    return table


def map_code(code: str, table: dict) -> tuple[str, str] | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


# --- PETRARCH unit tests ---------------------------------------------------------------------


def petrarch_actor_names(data: pathlib.Path) -> dict[str, set[str]]:
    """Three-letter actor code -> names (upper case) from the validation actor dictionary."""
    names: dict[str, set[str]] = collections.defaultdict(set)
    current: list[str] = []
    text = (data / "events/petrarch2_unittest/PETR.Validate.actors.txt").read_text("utf-8", "replace")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        if line.startswith("+"):
            current.append(line[1:].strip())
        elif not line[0].isspace():
            current = [line.split("[", 1)[0].strip()]
        for code in re.findall(r"\[([A-Z]{3})", line):
            for name in current:
                names[code].add(name.replace("_", " ").strip().upper())
        if line.startswith("+"):
            code_names = [c for c, ns in names.items() if current[0] in ns]
            for c in code_names:
                names[c].update(n.replace("_", " ").strip().upper() for n in current)
    return names


def load_petrarch(data: pathlib.Path, table: dict) -> list[dict]:
    text = (data / "events/petrarch2_unittest/PETR.UnitTest.records.xml").read_text("utf-8", "replace")
    out = []
    for attrs, body in re.findall(r"<Sentence ([^>]*)>(.*?)</Sentence>", text, re.S):
        m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not m:
            continue
        events = []
        for coding in re.findall(r"<EventCoding ([^>]*)>", body):
            fields = dict(re.findall(r'(\w+)="([^"]*)"', coding))
            mapped = map_code(fields.get("eventcode", ""), table)
            if mapped and fields.get("eventcode"):
                events.append({"type": mapped[0], "source": fields.get("sourcecode", "")[:3],
                               "target": fields.get("targetcode", "")[:3]})
        ident = re.search(r'id="([^"]*)"', attrs)
        out.append({"id": ident.group(1) if ident else "?",
                    "text": " ".join(m.group(1).split()), "events": events})
    return out


def _names_in(written: str, code: str, names: dict[str, set[str]]) -> bool:
    written = written.upper()
    return any(re.search(r"\b" + re.escape(n), written) for n in names.get(code, ()))


def run_petrarch(data: pathlib.Path, errors: int, settings_by_name: dict[str, Settings]) -> dict:
    """Type agreement (noisy, see the module docstring) and actor/target agreement.

    Actor/target use the primary event of each sentence (as events_plover.py scores the GSR)
    against the first gold coding whose code the actor dictionary can name; a predicted span
    is right when it contains one of the names listed for the gold three-letter code."""
    table = cameo_to_plover(data)
    records = [r for r in load_petrarch(data, table) if r["events"]]
    names = petrarch_actor_names(data)
    sentences = parse_all([r["text"] for r in records])
    out = {}
    for name, settings in settings_by_name.items():
        out[name] = _petrarch_config(name, records, sentences, names, settings, errors)
    if errors:
        settings = settings_by_name["rules+roles+model"]
        preds = [primary(s, find_events(s, settings=settings)) for s in sentences]
        _print_quad_errors([(r["text"], r["events"][0]["type"]) for r in records], preds, errors)
    return out


def _petrarch_config(name, records, sentences, names, settings, errors) -> dict:
    tp = fp = fn = 0
    roles = {"actor": [0, 0, 0], "target": [0, 0, 0]}  # right, wrong, missing
    shown = 0
    for r, s in zip(records, sentences):
        events = [e for e in find_events(s, settings=settings) if not e.negated]
        pred = {e.type for e in events}
        gold = {e["type"] for e in r["events"]}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        p = primary(s, events)
        g = r["events"][0]
        bad = []
        for role, key in (("actor", "source"), ("target", "target")):
            if g[key] not in names:
                continue
            written = p[role] if p is not None else None
            if written and _names_in(written, g[key], names):
                roles[role][0] += 1
            elif written:
                roles[role][1] += 1
                bad.append(f"{role}={written!r}")
            else:
                roles[role][2] += 1
                bad.append(f"{role}=None")
        if bad and shown < errors:
            shown += 1
            print(f"  {r['id']}: gold {g['source']}->{g['target']} {', '.join(bad)} | {r['text'][:140]}")
    p_ = tp / (tp + fp) if tp + fp else 0
    rec = tp / (tp + fn) if tp + fn else 0
    line = [f"PETRARCH {name:18} {len(records)} sentences; type P {p_:.3f} R {rec:.3f}"]
    result = {"type_p": round(p_, 4), "type_r": round(rec, 4)}
    for role, (right, wrong, missing) in roles.items():
        n = right + wrong + missing
        line.append(f"{role} right {right}/{n} ({right / n:.3f}) wrong {wrong} missing {missing}")
        result[role] = {"right": right, "wrong": wrong, "missing": missing}
    print("; ".join(line))
    return result


# --- NGEC synthetic stories ---------------------------------------------------------------------


def run_synthetic(data: pathlib.Path, stories: int, errors: int,
                  settings_by_name: dict[str, Settings]) -> dict:
    """Document level, on held-out stories only (the classifier never saw their templates):
    the share of stories whose label is among the primary types coded in their sentences,
    and where it is the most frequent one."""
    rows = [r for r in csv.DictReader(open(event_model.stories_path(data), encoding="utf-8"))
            if event_model.held_out(r["title"])]
    random.Random(11).shuffle(rows)
    rows = rows[:stories]
    texts, owner = [], []
    for k, row in enumerate(rows):
        for s, e in split_sentences(row["text"]):
            texts.append(row["text"][s:e])
            owner.append(k)
    sentences = parse_all(texts)
    out = {}
    for name in ("rules", "rules+roles+model"):
        out[name] = _synthetic_config(name, rows, owner, sentences, settings_by_name[name], errors)
    return out


def _synthetic_config(name, rows, owner, sentences, settings, errors) -> dict:
    coded: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    for k, s in zip(owner, sentences):
        p = primary(s, find_events(s, settings=settings))
        if p is not None:
            coded[k][p["type"]] += 1
    per_label = collections.defaultdict(lambda: [0, 0, 0])
    shown = 0
    for k, row in enumerate(rows):
        label = row["label"].upper()
        c = coded.get(k, collections.Counter())
        per_label[label][0] += 1
        per_label[label][1] += label in c
        per_label[label][2] += bool(c) and c.most_common(1)[0][0] == label
        if label not in c and shown < errors:
            shown += 1
            print(f"  {label}: coded {dict(c)} | {row['text'][:160]!r}")
    print(f"\nSynthetic held-out stories, {name}: {len(rows)}; label among coded / most frequent")
    for label, (n, anyhit, top) in sorted(per_label.items()):
        print(f"  {label:10} n={n:4} among {anyhit / n:.2f}  top {top / n:.2f}")
    n = len(rows)
    result = {"stories": n, "among": round(sum(v[1] for v in per_label.values()) / n, 4),
              "top": round(sum(v[2] for v in per_label.values()) / n, 4),
              "macro_among": round(statistics.mean(v[1] / v[0] for v in per_label.values()), 4)}
    print(f"  all        among {result['among']:.3f}  top {result['top']:.3f}  "
          f"(macro among {result['macro_among']:.3f})")
    return result


# --- written sentences and held-out synthetic leads ----------------------------------------------

CONFIGS = {
    "rules": dict(events__model=False, events__role_fallback=False),
    "rules+roles": dict(events__model=False, events__role_fallback=True),
    "rules+model": dict(events__model=True, events__role_fallback=False),
    "rules+roles+model": dict(events__model=True, events__role_fallback=True),
}


def configs(model_path: str) -> dict[str, Settings]:
    extra = {"events__model_path": model_path} if model_path else {}
    return {name: DEFAULTS.replace(**kw, **extra) for name, kw in CONFIGS.items()}


def _alternatives(text: str | None) -> list[str]:
    return text.split("|") if text else []


def run_written(settings_by_name: dict[str, Settings], errors: int) -> dict:
    """The written sentences: the GSR scores of events_plover.py, and false alarms."""
    gold = [{"type": t, "actors": _alternatives(a), "targets": _alternatives(g)}
            for _, t, a, g in EVENTS]
    sentences = parse_all([text for text, *_ in EVENTS])
    negatives = parse_all(NO_EVENT)
    out = {}
    for name, settings in settings_by_name.items():
        preds = [primary(s, find_events(s, settings=settings)) for s in sentences]
        result = score(gold, preds)
        result["false_alarms"] = sum(
            primary(s, find_events(s, settings=settings)) is not None for s in negatives)
        out[name] = result
        print(f"written {name:18} macro-F1 {result['macro_f1']:.3f} coded {result['with_event']}"
              f"/{len(gold)} quad {result['quad_accuracy']:.3f} actor F1 "
              f"{result['actor_overlap']['f1']:.3f} target F1 {result['target_overlap']['f1']:.3f}"
              f"  false alarms {result['false_alarms']}/{len(NO_EVENT)}")
        shown = 0
        for (text, *_), g, p in zip(EVENTS, gold, preds):
            if shown < errors and (p is None or p["type"] != g["type"]):
                shown += 1
                print(f"    {g['type']:9} -> {p['type'] if p else None}: {text}")
        if errors and name == "rules+roles+model":
            _print_role_errors(EVENTS, gold, preds)
    return out


def _print_role_errors(rows, gold, preds) -> None:
    """Each written sentence whose predicted actor or target misses its gold span."""
    for (text, *_), g, p in zip(rows, gold, preds):
        bad = []
        for role, key in (("actor", "actors"), ("target", "targets")):
            said = p[role] if p is not None else None
            if not span_match(said, g[key]) and (said or g[key]):
                bad.append(f"{role} {said!r} (gold {'|'.join(g[key]) or None})")
        if bad:
            print(f"    ROLE {p['type'] if p else None}: {'; '.join(bad)} | {text}")


def held_out_leads(data: pathlib.Path) -> list[tuple[str, str]]:
    """(first sentence of more than 20 characters, label) of each held-out synthetic story."""
    leads = []
    for story in event_model.read_stories(event_model.stories_path(data), dev=True):
        first = next((story["text"][s:e].strip() for s, e in split_sentences(story["text"])
                      if e - s > 20), None)
        if first:
            leads.append((first, story["label"]))
    return leads


def run_leads(data: pathlib.Path, settings_by_name: dict[str, Settings], errors: int = 0) -> dict:
    """Lead sentences of the held-out synthetic stories, typed by their prompt's label."""
    leads = held_out_leads(data)
    gold = [{"type": label, "actors": [], "targets": []} for _, label in leads]
    sentences = parse_all([text for text, _ in leads])
    out = {}
    for name, settings in settings_by_name.items():
        preds = [primary(s, find_events(s, settings=settings)) for s in sentences]
        result = score(gold, preds)
        out[name] = result
        print(f"leads {name:18} macro-F1 {result['macro_f1']:.3f} accuracy "
              f"{result['micro_accuracy']:.3f} coded {result['with_event']}/{len(gold)} "
              f"quad {result['quad_accuracy']:.3f} (coded: {result['quad_accuracy_when_predicted']:.3f})")
        if errors and name == "rules+roles+model":
            _print_quad_errors(leads, preds, errors)
    return out


def _print_quad_errors(leads, preds, errors: int) -> None:
    """Leads whose quad class is wrong, grouped by (gold quad, predicted quad or None), with
    the predicted trigger: the largest groups first, ``errors`` examples each."""
    groups = collections.defaultdict(list)
    for (text, label), p in zip(leads, preds):
        said = quad_class(p["type"]) if p else None
        if said != quad_class(label):
            groups[(quad_class(label), said)].append(
                f"{label:9} -> {p['type'] if p else None} {p['types'] if p else ''}: {text}")
    for (want, said), rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  QUAD {want} -> {said}: {len(rows)}")
        for row in rows[:errors]:
            print(f"    {row}")


# --- why a sentence codes nothing ---------------------------------------------------------------


def uncoded_cause(sentence: AnnotatedSentence, settings: Settings) -> tuple[str, str] | None:
    """(cause, detail) for a sentence the coder codes no scored event in, else None."""
    from storyline.nlp import events as ev
    from storyline.nlp.event_fallback import _TRIGGER_POS
    from storyline.nlp.event_lexicon import load_lexicon
    from storyline.nlp.event_match import noun_keys, verb_keys

    found = find_events(sentence, settings=settings)
    if primary(sentence, found) is not None:
        return None
    doc, lexicon = sentence.doc, load_lexicon()
    if found:
        return "found but negated", " ".join(f"{e.type}:{e.trigger.text}" for e in found)
    if not ev.needs_parse(sentence.doc_text):
        return "no lexicon word", "root " + " ".join(t.lemma_ for t in doc if t.dep_ == "ROOT")
    declined, excepted = [], set()
    ev._code(doc, lexicon, settings, declined, excepted)
    model = event_model.model_for(settings)
    pred = model.predict(doc, _TRIGGER_POS) if model is not None else None
    said = (f"model {pred.type} {pred.probability:.2f} on "
            f"{doc[pred.trigger].text if pred.trigger is not None else None}") if pred else "model -"
    if declined:
        return "governor or condition removed it", " ".join(f"{d.type}:{d.trigger.text}" for d in declined)
    if excepted:
        return "lexicon exception", said
    verbs = [t.text for t in doc if t.tag_.startswith("VB") and any(k in lexicon.verbs for k in verb_keys(t, lexicon.verbs))]
    if verbs:
        return "verb row conditions failed", f"{' '.join(verbs)}; {said}"
    nouns = [t.text for t in doc if t.pos_ in ("NOUN", "PROPN") and any(k in lexicon.nouns for k in noun_keys(t, lexicon.nouns))]
    if nouns:
        return "event noun not realised", f"{' '.join(nouns)}; {said}"
    return "other", said


def print_uncoded(name: str, labelled: list[tuple[str, str]], sentences, examples: int) -> None:
    """The sentences of a set the default coder codes nothing in, grouped by cause."""
    groups = collections.defaultdict(list)
    for (text, label), s in zip(labelled, sentences):
        cause = uncoded_cause(s, DEFAULTS)
        if cause is not None:
            groups[cause[0]].append(f"{label:9} {text[:160]} | {cause[1]}")
    print(f"\n{name}: {sum(map(len, groups.values()))} of {len(labelled)} coded nothing")
    for cause, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  {cause}: {len(rows)}")
        for row in rows[:examples]:
            print(f"    {row}")


def run_uncoded(data: pathlib.Path, examples: int) -> None:
    leads = held_out_leads(data)
    print_uncoded("held-out leads", leads, parse_all([t for t, _ in leads]), examples)
    records = [r for r in load_petrarch(data, cameo_to_plover(data)) if r["events"]]
    labelled = [(r["text"], r["events"][0]["type"]) for r in records]
    print_uncoded("PETRARCH", labelled, parse_all([t for t, _ in labelled]), examples)


# --- Goldstein table ----------------------------------------------------------------------------


def derive_scale(data: pathlib.Path) -> int:
    goldstein = {}
    lines = (data / "events/cameo_tables/cameo_codes_goldstein.tsv").read_text("utf-8").splitlines()
    for line in lines[1:]:
        f = line.split("\t")
        goldstein[f[0]] = float(f[3])
    by_type, by_mode = collections.defaultdict(list), collections.defaultdict(list)
    for code, (etype, mode) in cameo_to_plover(data).items():
        if len(code) >= 3 and code in goldstein:
            by_type[etype].append(goldstein[code])
            by_mode[(etype, mode)].append(goldstein[code])
    bad = 0
    for etype, values in sorted(by_type.items()):
        mine = event_scale.GOLDSTEIN_BY_TYPE.get(etype)
        mean = round(statistics.mean(values), 1)
        bad += mine != mean
        print(f"{etype:10} {mean:5} (table {mine}) n={len(values)}")
    for (etype, mode), values in sorted(by_mode.items()):
        mean = round(statistics.mean(values), 1)
        if mode and mean != event_scale.GOLDSTEIN_BY_MODE.get((etype, mode), mean):
            bad += 1
            print(f"  differs: {etype} {mode} {mean}")
    print("scale table matches the derivation" if not bad else f"{bad} differences")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--set", default="all",
                    choices=("petrarch", "synthetic", "written", "leads", "all"))
    ap.add_argument("--model", default="", help="classifier file (default: the packaged one)")
    ap.add_argument("--stories", type=int, default=600)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--derive-scale", action="store_true")
    ap.add_argument("--uncoded", type=int, default=-1,
                    help="print the uncoded leads and PETRARCH sentences by cause, N examples each")
    ap.add_argument("--out", default="", help="write the figures as JSON here")
    a = ap.parse_args(argv)
    data = pathlib.Path(a.data)
    if a.derive_scale:
        return derive_scale(data)
    if a.uncoded >= 0:
        run_uncoded(data, a.uncoded)
        return 0
    by_name = configs(a.model)
    results: dict = {}
    if a.set in ("written", "all"):
        results["written"] = run_written(by_name, a.errors)
    if a.set in ("leads", "all"):
        results["leads"] = run_leads(data, by_name, a.errors)
    if a.set in ("petrarch", "all"):
        results["petrarch"] = run_petrarch(data, a.errors, by_name)
    if a.set in ("synthetic", "all"):
        results["synthetic"] = run_synthetic(data, a.stories, a.errors, by_name)
    if a.out:
        results["command"] = "benchmarks/events_dev.py " + " ".join(argv or sys.argv[1:])
        pathlib.Path(a.out).write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
