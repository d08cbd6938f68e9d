"""Who said what on PolNeAR: storyline's quote finder against the reference scorer.

Runs :func:`storyline.nlp.quotes.find_quotes` on the PolNeAR **dev** split in all three
input conditions (quote marks kept, stripped, stripped and shuffled), writes predictions in
the reference scorer's format, scores them with ``../shared/tools/quotes/score_quotes.py``
(run as a subprocess, never copied), and prints every figure per condition. Scored in the
same run: a naive cue-verb regex baseline, the rules alone (the round-1 system, every
sentence parsed), and the rules with the trained model (nlp/quote_model.py) with every
sentence parsed ("full"), with the parse where the quote finder's ``needs_parse`` asks
("selective"), and where the enrich stage parses (the union of every module's
``needs_parse``: "enrich gate"). It also times annotation + find_quotes in those modes
beside the plain spaCy pipeline and reports sentences/s as medians with their ratios.

    .venv/bin/python benchmarks/quotes_polnear.py --data ../shared/data

``--split train`` converts the raw PolNeAR train annotations (brat files) into the same
storyline format at run time, in a temporary folder outside the repository, and scores on
them: that is the development set; dev is for measurement only. ``--split train --fold``
scores only the development fold of train (the articles ``quotes.model_folds`` holds
out), to be used with a model trained without them (``storyline train-quotes --dev-fold
--out M.npz``, then ``--model M.npz``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.nlp import analyze  # noqa: E402
from storyline.nlp.annotate import AnnotatedSentence  # noqa: E402
from storyline.nlp.quote_polnear import CONDITIONS, convert_raw_split  # noqa: E402
from storyline.nlp.quote_training import held_out  # noqa: E402
from storyline.nlp.quotes import find_quotes, needs_parse  # noqa: E402
from storyline.nlp.repair import repair_article  # noqa: E402
from storyline.settings import DEFAULTS, Settings  # noqa: E402

RULES_ONLY = {"quotes.model": False}
# Which sentences count as parsed: all of them, the quote finder's own gate, or the enrich
# stage's (every module's needs_parse).
GATES = {"full": None, "selective": needs_parse, "enrich": analyze.needs_parse}


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


# Whether sentences are repaired before spaCy, as the enrich stage repairs them
# (``nlp.analyze``: ``repair`` with the article's names, offsets mapped back); ``--no-repair``
# turns it off (the figures before the nineteenth session were measured so).
REPAIR = True


def annotate_article(sentences: list[tuple[int, str]], cache: DocCache, gate=None) -> list[AnnotatedSentence]:
    """An article's sentences as the enrich stage hands them to find_quotes: each text
    repaired (when ``REPAIR``) and parsed (``cache``), ``gate(repaired text)`` saying whether
    it counts as parsed (None: all of them), offsets mapped back to the text as given."""
    texts = [t for _, t in sentences]
    reps = repair_article(texts) if REPAIR else [None] * len(texts)
    shown = [r.text if r is not None else t for r, t in zip(reps, texts)]
    docs = cache.get(shown)
    return [AnnotatedSentence(i, t, d, gate(s) if gate is not None else True,
                              *((r.to_original,) if r is not None else ()))
            for i, (t, s, r, d) in enumerate(zip(texts, shown, reps, docs))]


def run_extractor(articles, condition: str, cache: DocCache, gate=None,
                  settings: Settings = DEFAULTS) -> list[dict]:
    """find_quotes over every article of a condition; ``gate(text)``: whether a sentence
    counts as parsed (None: all of them; the others are read with surface patterns)."""
    preds = []
    for name, lines in articles:
        annotated = annotate_article(article_sentences(lines), cache, gate)
        quotes = find_quotes(annotated, name, settings, ordered=condition != "shuffled")
        preds += quote_predictions(name, lines, quotes)
    return preds


def fold_split(split_dir: Path, out_dir: Path, folds: int) -> Path:
    """A copy of a converted split with only its development-fold articles (see
    :func:`storyline.nlp.quote_training.held_out`): gold lines and condition files."""
    for c in CONDITIONS:
        (out_dir / c).mkdir(parents=True, exist_ok=True)
    with open(split_dir / "gold.jsonl", encoding="utf-8") as src, \
            open(out_dir / "gold.jsonl", "w", encoding="utf-8") as dst:
        for line in src:
            doc_id = json.loads(line)["doc_id"]
            if not held_out(doc_id, folds):
                continue
            dst.write(line)
            for c in CONDITIONS:
                name = f"{doc_id}.txt"
                (out_dir / c / name).write_text((split_dir / c / name).read_text(encoding="utf-8"), encoding="utf-8")
    return out_dir


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


def time_modes(articles, nlp, repeats: int, settings: Settings = DEFAULTS) -> dict:
    """Sentences/s of repair + annotation + find_quotes: the full pipeline on every sentence
    ('quotes_full'), the parse only where the quote finder's needs_parse asks
    ('quotes_selective', and the same with the rules alone: 'rules_selective'), the parse
    where the enrich stage asks ('quotes_enrich_gate'); the plain full spaCy pipeline alone
    is the reference. Medians over ``repeats`` interleaved runs."""
    texts_by_article = [[t for _, t in article_sentences(lines)] for _, lines in articles]
    n = sum(len(t) for t in texts_by_article)
    all_texts = [t for texts in texts_by_article for t in texts]
    shown_texts, _ = _repaired(texts_by_article)
    gates = {"selective": [needs_parse(t) for t in shown_texts],
             "enrich_gate": [analyze.needs_parse(t) for t in shown_texts]}
    rules = Settings({**settings.changed(), **RULES_ONLY})
    runs: dict[str, list[float]] = {k: [] for k in (
        "spacy_full", "quotes_full", "find_quotes_only", "find_quotes_rules_only", "quotes_selective",
        "rules_selective", "quotes_enrich_gate")}
    counts: dict[str, int] = {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(all_texts, batch_size=128))
        runs["spacy_full"].append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        shown, maps = _repaired(texts_by_article)
        docs = list(nlp.pipe(shown, batch_size=128))
        t1 = time.perf_counter()
        counts["full"] = _find_all(articles, texts_by_article, docs, [True] * n, settings, maps)
        t2 = time.perf_counter()
        runs["quotes_full"].append(t2 - t0)
        runs["find_quotes_only"].append(t2 - t1)
        t1 = time.perf_counter()
        counts["full_rules"] = _find_all(articles, texts_by_article, docs, [True] * n, rules, maps)
        runs["find_quotes_rules_only"].append(time.perf_counter() - t1)

        for mode, flags, st in (("quotes_selective", gates["selective"], settings),
                                ("rules_selective", gates["selective"], rules),
                                ("quotes_enrich_gate", gates["enrich_gate"], settings)):
            t0 = time.perf_counter()
            shown, maps = _repaired(texts_by_article)
            docs = _selective_docs(nlp, shown, flags)
            counts[mode] = _find_all(articles, texts_by_article, docs, flags, st, maps)
            runs[mode].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in runs.items()}
    return {
        "sentences": n,
        "share_parsed": {k: sum(v) / n if n else 0.0 for k, v in gates.items()},
        "repeats": repeats,
        "seconds_median": med,
        "sentences_per_s": {k: n / v for k, v in med.items() if v},
        "ratio_vs_plain_spacy": {k: med["spacy_full"] / med[k] for k in med
                                 if k not in ("spacy_full", "find_quotes_only", "find_quotes_rules_only")},
        "ratio_selective_vs_full_quotes": med["quotes_full"] / med["quotes_selective"],
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


def _repaired(texts_by_article) -> tuple[list[str], list]:
    """Every sentence as the enrich stage parses it (repaired with its article's names when
    ``REPAIR``; the repair is part of the timed work) and each one's map back to the text as
    given (None: unchanged)."""
    shown: list[str] = []
    maps: list = []
    for texts in texts_by_article:
        reps = repair_article(texts) if REPAIR else [None] * len(texts)
        shown += [r.text if r is not None else t for r, t in zip(reps, texts)]
        maps += [r.to_original if r is not None else None for r in reps]
    return shown, maps


def _find_all(articles, texts_by_article, docs, flags, settings: Settings, maps) -> int:
    found = 0
    k = 0
    for (name, _), texts in zip(articles, texts_by_article):
        annotated = [AnnotatedSentence(i, t, docs[k + i], flags[k + i],
                                       *((maps[k + i],) if maps[k + i] is not None else ()))
                     for i, t in enumerate(texts)]
        found += len(find_quotes(annotated, name, settings))
        k += len(texts)
    return found


# --------------------------------------------------------------------------- misses (a printer)


def miss_causes(split_dir: Path, articles, cache: DocCache, settings: Settings,
                examples: int = 0) -> dict:
    """Why gold attributions are missed entirely (no predicted quote overlaps any character of
    the gold content), on the full parse, grouped by the first cause that applies; and how many
    more the enrich gate misses because it did not parse the cue's sentence. A printer for
    development: it changes no figure. ``examples``: print that many sentences per cause (to
    the terminal only: they are evaluation text)."""
    from collections import Counter, defaultdict

    from storyline.nlp import quotes as qmod
    from storyline.nlp.events import material_acts
    from storyline.nlp.quote_features import is_candidate
    from storyline.nlp.quote_model import model_for, model_frames, veto
    from storyline.nlp.quote_parse import parse_frames
    from storyline.nlp.quote_subjects import is_cue
    from storyline.nlp.speech_verbs import ATTITUDE, BELIEF

    gold = {}
    for line in (split_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold[rec["doc_id"] + ".txt"] = rec
    model = model_for(settings)
    lo, lo_unnamed, veto_p, lo_inherited = (
        settings["quotes.model_min_prob"], settings["quotes.model_min_prob_unnamed"],
        settings["quotes.model_veto_prob"], settings["quotes.model_min_prob_inherited"])
    causes: Counter = Counter()
    lemmas: dict[str, Counter] = defaultdict(Counter)
    tags: Counter = Counter()
    shown: Counter = Counter()
    named: Counter = Counter()  # of them, gold with a named source (who-said-what scores these)
    total = 0
    for name, lines in articles:
        sentences = article_sentences(lines)
        pos_of = {n: i for i, (n, _) in enumerate(sentences)}
        found = {}
        for gate_name, gate in (("full", None), ("enrich", analyze.needs_parse)):
            annotated = annotate_article(sentences, cache, gate)
            docs = [a.doc for a in annotated]
            covered = set()
            cues = set()
            each = []  # the characters of each quote's content
            for q in find_quotes(annotated, name, settings, ordered=True):
                each.append({(sentences[c.sentence_index][0], k) for c in q.content for k in range(c.start, c.end)})
                covered |= each[-1]
                if q.cue is not None:
                    cues.update((sentences[q.cue.sentence_index][0], k) for k in range(q.cue.start, q.cue.end))
            found[gate_name] = (covered, cues, each)
        for att in gold.get(name, {}).get("attributions", []):
            total += 1
            chars = {(p["line"], k) for p in att["content"] for k in range(p["start"], p["end"])}
            hit_full = bool(chars & found["full"][0])
            if hit_full:
                best = max(len(chars & one) for one in found["full"][2]) / len(chars)
                if best <= 0.3:  # the scorer's loose level (by tokens; here by characters)
                    key = "overlapped, but by no quote for more than 0.3 of it"
                    causes[key] += 1
                    named[key] += att["has_source"] and not att["source_is_pronoun"]
                    lemmas[key]["cross-sentence" if att["cross_sentence"] else "one sentence"] += 1
                    if shown[key] < examples:
                        shown[key] += 1
                        print(f"  [{key}] {best:.2f} {att['cue_text']} | {att['content_text'][:200]}")
                if not chars & found["enrich"][0]:
                    cue_line = att["cue"][0]["line"] if att["cue"] else None
                    skipped = cue_line in pos_of and not analyze.needs_parse(sentences[pos_of[cue_line]][1])
                    key = "enrich gate: " + ("cue sentence not parsed" if skipped else "other")
                    causes[key] += 1
                    named[key] += att["has_source"] and not att["source_is_pronoun"]
                    lemmas[key][" ".join(c["text"].lower() for c in att["cue"])] += 1
                    if shown[key] < examples and cue_line in pos_of:
                        shown[key] += 1
                        print(f"  [{key}] {att['cue_text']} | {sentences[pos_of[cue_line]][1]}")
                continue
            cause, lemma = _miss_cause(att, docs, pos_of, found["full"][1], model,
                                       (lo, lo_unnamed, veto_p, lo_inherited), settings, is_cue,
                                       is_candidate, parse_frames, veto, model_frames, qmod)
            causes[cause] += 1
            lemmas[cause][lemma] += 1
            named[cause] += att["has_source"] and not att["source_is_pronoun"]
            if not att["has_source"]:
                tags["no source in gold"] += 1
            elif att["source_is_pronoun"]:
                tags["pronoun source (who-said-what unscored)"] += 1
            low = lemma.split("/")[0]
            if low in BELIEF or low in ATTITUDE:
                tags["belief/attitude lemma"] += 1
            if att["cue"] and att["cue"][0]["line"] in pos_of:
                doc = docs[pos_of[att["cue"][0]["line"]]]
                s, e = att["cue"][0]["start"], att["cue"][0]["end"]
                if any(s <= doc[i].idx < e for i in material_acts(doc, settings)):
                    tags["material act cue"] += 1
            if shown[cause] < examples and att["cue"]:
                shown[cause] += 1
                line = att["cue"][0]["line"]
                print(f"  [{cause}] {lemma} | {sentences[pos_of[line]][1] if line in pos_of else ''}")
                print(f"      source: {att['source_text'][:60]} | content: {att['content_text'][:160]}")
    return {"attributions": total, "causes": causes, "lemmas": lemmas, "tags": tags, "named": named}


def _miss_cause(att, docs, pos_of, cue_chars, model, probs, settings, is_cue, is_candidate,
                parse_frames, veto, model_frames, qmod) -> tuple[str, str]:
    """(cause, cue lemma/POS) of one attribution the full parse misses entirely."""
    from storyline.nlp import quote_overlap as overlap

    if not att["cue"]:
        return "no cue in gold", "-"
    cue_line = att["cue"][0]["line"]
    if any(p["line"] != cue_line for p in att["content"]):
        where = "after" if min(p["line"] for p in att["content"]) > cue_line else "before/around"
        return f"content in another sentence ({where} the cue)", att["cue_text"].lower()
    if cue_line not in pos_of:
        return "cue sentence not read", att["cue_text"].lower()
    doc = docs[pos_of[cue_line]]
    s, e = att["cue"][0]["start"], att["cue"][0]["end"]
    toks = [t for t in doc if s <= t.idx < e]
    if not toks:
        return "cue not aligned", att["cue_text"].lower()
    tok = next((t for t in toks if t.pos_ == "VERB"), None) or next(  # "has [long] admired"
        (t for t in toks if t.head not in toks or t.head == t), toks[0])
    lemma = f"{tok.lemma_.lower()}/{tok.pos_}"
    if any((cue_line, tok.idx) == c for c in cue_chars):
        return "quote with this cue, content elsewhere", lemma
    beliefs, stances = settings["quotes.beliefs"], settings["quotes.stance_adjectives"]
    rules = parse_frames(doc, beliefs, stances)
    ours = [f for f in rules if f.cue[0] <= tok.idx < f.cue[1]]
    if ours and model is not None and not [f for f in veto(doc, model, ours, probs[2])]:
        return "rule frame vetoed by the model", lemma
    if not ours and is_cue(tok, beliefs):
        return f"rule cue, frame rejected ({_rejection(tok)})", lemma
    if not ours and model is not None and is_candidate(tok):
        p = model.cue_probability(doc, tok)
        if p < probs[0]:
            band = "<0.1" if p < 0.1 else "0.1-0.2" if p < 0.2 else f"0.2-{probs[0]}"
            return f"model below threshold (p {band})", lemma
        taken = {f.cue[0] for f in rules}
        if not any(f.cue[0] == tok.idx for f in model_frames(doc, model, taken, probs[0], probs[1], probs[3])):
            return "model above threshold, frame dropped (unnamed/source/content)", lemma
        ours = [f for f in model_frames(doc, model, taken, probs[0], probs[1], probs[3]) if f.cue[0] == tok.idx]
    if not ours:
        return f"cue not a known cue ({tok.pos_})", lemma
    sentence = AnnotatedSentence(0, doc.text, doc, True)
    frames = qmod._frames(sentence, beliefs, model, probs, stances)
    frames = overlap.end_before_coordinated(sentence, frames)
    if settings["quotes.end_before_participle"]:
        frames = overlap.end_before_participle(sentence, frames)
    for label, step in (("speaker inside content", lambda fs: [f for f in fs if not overlap.speaker_inside(f)]),
                        ("inside another frame (outermost)",
                         overlap.outermost if settings["quotes.outermost_only"] else (lambda fs: fs)),
                        ("material act", lambda fs: qmod._without_material_acts(sentence, fs, settings)
                         if settings["quotes.skip_material_acts"] else fs)):
        before = any(f.cue[0] == tok.idx for f in frames)
        frames = step(frames)
        if before and not any(f.cue[0] == tok.idx for f in frames):
            return f"frame dropped: {label}", lemma
    return "frame kept, no quote (short content, duplicate) or content elsewhere", lemma


def _rejection(verb) -> str:
    """Which check of ``verb_frame`` most likely turned a rule cue down."""
    from storyline.nlp.quote_inherited import inherited_subject
    from storyline.nlp.quote_subjects import FIRST_SECOND, bare_participle, cue_subject

    subj = cue_subject(verb)
    subj = subj if subj is not None else inherited_subject(verb)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or bare_participle(verb):
        return "passive" + (" with a clause" if any(c.dep_ == "ccomp" for c in verb.children) else " without a clause")
    if subj is None:
        return "no subject"
    if subj.lower_ in FIRST_SECOND:
        return "first/second person subject"
    return "no content found"


def _print_misses(found: dict, top: int = 12) -> None:
    print(f"\nmissed entirely (no predicted quote overlaps the gold content), full parse, "
          f"of {found['attributions']} gold attributions (and two rows that are not: the enrich "
          f"gate's extra misses, and gold overlapped too little):")
    for cause, n in found["causes"].most_common():
        common = ", ".join(f"{k} {v}" for k, v in found["lemmas"][cause].most_common(top))
        print(f"  {n:5d} ({found['named'][cause]:4d} named)  {cause}: {common}")
    print("  tags of the full-parse misses: " + ", ".join(f"{k} {v}" for k, v in found["tags"].most_common()))


# --------------------------------------------------------------------------- false positives (a printer)

# what a content is, by its cue lemma: not speech (for the printer's grouping only)
_NON_SPEECH = {"raising verb (seem, appear...)": ("seem", "appear", "sound", "look"),
               "decision or vote": ("vote", "decide", "choose", "elect", "approve", "agree", "resolve"),
               "evidence (show, suggest, hint...)": ("show", "suggest", "hint", "indicate", "reveal", "prove")}
_FORECAST = re.compile(r"\b(will|would|could|might|may|going to|expected to|likely to)\b", re.I)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}


def false_positives(pairs_path: Path, articles, cache: DocCache, settings: Settings, examples: int = 0) -> dict:
    """Why predicted quotes are wrong, on the full parse: quotes that match no gold
    attribution (or overlap one by 0.3 or less) by cue lemma, frame path and kind of content
    (and every prediction by frame path, right or wrong, to compare);
    and matched quotes whose named speaker is wrong, by kind of error. A printer for
    development: it changes no figure. ``examples``: print that many per cause (to the
    terminal only: they are evaluation text)."""
    from collections import Counter, defaultdict

    from storyline.nlp import quotes as qmod
    from storyline.nlp.events import material_acts
    from storyline.nlp.quote_lexical import fragment_frame, lexical_frames, title_frame
    from storyline.nlp.quote_model import model_for
    from storyline.nlp.quote_parse import parse_frames

    wrong: dict[tuple, dict] = {}   # (file, content) -> pair record
    for line in pairs_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["status"] == "unmatched_pred" or (rec["status"] == "matched" and rec["o"] <= 0.3):
            wrong[(rec["file"], _content_key(str(rec["pred_content"])))] = {**rec, "why": "content"}
        elif rec["status"] == "matched" and rec["gold_kind"] == "named" and rec["speaker_correct"] is False:
            wrong[(rec["file"], _content_key(str(rec["pred_content"])))] = {**rec, "why": "speaker"}
    model = model_for(settings)
    beliefs, stances = settings["quotes.beliefs"], settings["quotes.stance_adjectives"]
    counts: dict[str, Counter] = defaultdict(Counter)
    shown: Counter = Counter()
    totals = Counter()
    for name, lines in articles:
        annotated = annotate_article(article_sentences(lines), cache)
        docs = [a.doc for a in annotated]
        for q in find_quotes(annotated, name, settings, ordered=True):
            rec = wrong.get((name, _content_key(" ".join(c.text for c in q.content))))
            cue_pos = q.cue.sentence_index if q.cue else q.content[0].sentence_index
            doc, text = docs[cue_pos], annotated[cue_pos].doc_text
            # the cue's offset in the Doc's (repaired) text, which find_quotes mapped back
            to_doc = {}
            for k in range(len(text)):
                to_doc.setdefault(annotated[cue_pos].to_original(k), k)
            start = to_doc.get(q.cue.start, -1) if q.cue else -1
            path = _frame_path(doc, text, start, beliefs, stances, model, settings,
                               parse_frames, lexical_frames, fragment_frame, title_frame, qmod)
            counts["every prediction: frame path"][path] += 1  # each path's share of wrong ones
            if rec is None:
                continue
            if rec["why"] == "speaker":
                cause = _speaker_error(rec, q, doc)
                totals["speaker wrong"] += 1
                counts["speaker wrong"][cause] += 1
                key = "speaker:" + cause
            else:
                totals["no gold"] += 1
                toks = [t for t in doc if t.idx == start]
                lemma = toks[0].lemma_.lower() if toks else "-"
                if len({c.sentence_index for c in q.content}) > 1 or q.content[0].sentence_index != cue_pos:
                    path += " + continuation"
                what = next((k for k, lems in _NON_SPEECH.items() if lemma in lems), "")
                if not what and toks and any(toks[0].i == i for i in material_acts(doc, settings)):
                    what = "material act cue"
                if not what:
                    what = "forecast (modal)" if _FORECAST.search(q.text) else "speech or belief"
                counts["no gold: cue lemma"][lemma] += 1
                counts["no gold: frame path"][path] += 1
                counts["no gold: content"][what] += 1
                counts["no gold: speaker"][_speaker_shape(q)] += 1
                key = "path:" + path
            if shown[key] < examples:
                shown[key] += 1
                print(f"  [{key}] {q.speaker_name} | {q.cue.text if q.cue else '-'} | {q.text[:140]}")
                print(f"      sentence: {text[:200]}")
                if rec["why"] == "speaker":
                    print(f"      gold source: {rec['gold_source']}")
    return {"totals": totals, "counts": counts, "wrong": len(wrong)}


def _content_key(text: str) -> str:
    """A content's words, without the ``...`` the scorer puts between its pieces."""
    return " ".join(w for w in text.split() if w != "...")


def _frame_path(doc, text, start, beliefs, stances, model, settings, parse_frames, lexical_frames,
                fragment_frame, title_frame, qmod) -> str:
    """Which step made the frame with its cue at ``start``."""
    frag = fragment_frame(text, doc)
    if frag is not None and frag.cue[0] == start:
        return "fragment"
    title = title_frame(text, doc)
    if title is not None and title.cue[0] == start:
        return "title (Name: words)"
    rules = parse_frames(doc, beliefs, stances)
    hit = next((f for f in rules if f.cue[0] == start), None)
    if hit is not None:
        return "parse rule" + (f" [{','.join(sorted(hit.tags))}]" if hit.tags else "")
    if model is not None:
        probs = (settings["quotes.model_min_prob"], settings["quotes.model_min_prob_unnamed"],
                 settings["quotes.model_veto_prob"], settings["quotes.model_min_prob_inherited"])
        sentence = AnnotatedSentence(0, text, doc, True)
        for f in qmod._frames(sentence, beliefs, model, probs, stances):
            if f.cue[0] == start and "model" in f.tags:
                return "model" + (" (raising)" if "raising" in f.tags else "")
    if any(f.cue[0] == start for f in lexical_frames(text, doc)):
        return "lexical pattern"
    return "other"


def _speaker_shape(q) -> str:
    if q.speaker_name == "unknown":
        return "unknown"
    if q.speaker is not None and q.speaker.text.lower() in _PRONOUNS:
        return "pronoun (resolved)"
    return "name" if any(w[:1].isupper() for w in q.speaker_name.split()) else "description"


def _speaker_error(rec: dict, q, doc) -> str:
    """The kind of a wrong named speaker."""
    pred, gold = q.speaker_name, rec["gold_source"]
    written = q.speaker.text if q.speaker is not None else ""
    if pred == "unknown":
        if written.lower() in _PRONOUNS:
            return "unknown (a pronoun left unresolved)"
        return "unknown (no speaker found)"
    if written.lower() in _PRONOUNS:
        return "a pronoun resolved to the wrong person"
    ents = {e.text: e.label_ for e in doc.ents}
    label = next((lab for t, lab in ents.items() if t and t in pred), "")
    gold_label = next((lab for t, lab in ents.items() if t and t in gold), "")
    if not any(w[:1].isupper() for w in pred.split()) or pred.split()[0].lower() in ("the", "a", "an"):
        return "a description or title only"
    if label in ("ORG", "NORP", "GPE") and gold_label == "PERSON":
        return "an organisation for a person"
    if label == "PERSON" and gold_label in ("ORG", "NORP", "GPE"):
        return "a person for an organisation"
    if gold and gold.split()[-1].lower().strip(".,") in doc.text.lower():
        return "the wrong one of two named in the sentence"
    return "other (speaker from elsewhere or a partial name)"


def _print_false_positives(found: dict, top: int = 15) -> None:
    print(f"\nwrong predictions, full parse ({found['wrong']} in the pairs file): "
          + ", ".join(f"{k} {v}" for k, v in found["totals"].items()))
    for group, counter in found["counts"].items():
        common = ", ".join(f"{k} {v}" for k, v in counter.most_common(top))
        print(f"  {group}: {common}")


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
    return f"{label:<40}" + " ".join(f"{c:>6}" for c in cells)


# (result key, label, run settings beyond the defaults, gate)
SYSTEMS = (
    ("rules_only_full_parse", "rules only, full", RULES_ONLY, "full"),
    ("storyline_full_parse", "storyline full", {}, "full"),
    ("storyline_selective_parse", "storyline selective", {}, "selective"),
    ("storyline_enrich_parse", "storyline enrich gate", {}, "enrich"),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"),
                    help="the shared data folder (default ../shared/data from the repo root)")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "tools" / "quotes" / "score_quotes.py"))
    ap.add_argument("--split", choices=("dev", "train"), default="dev",
                    help="dev (measurement) or train (development; converted at run time)")
    ap.add_argument("--fold", action="store_true",
                    help="with --split train: score only the development fold of train")
    ap.add_argument("--model", default=None, help="a model file to use instead of the packaged one")
    ap.add_argument("--conditions", default=",".join(CONDITIONS))
    ap.add_argument("--cache", default=None,
                    help="folder (outside the repo) to keep parsed sentences between runs")
    ap.add_argument("--work", default=None, help="folder for predictions and scorer output (default: temporary)")
    ap.add_argument("--pairs", action="store_true", help="also write the scorer's --pairs files to --work")
    ap.add_argument("--misses", action="store_true",
                    help="print why gold attributions are missed entirely, by cause (ordered condition)")
    ap.add_argument("--miss-examples", type=int, default=0,
                    help="with --misses or --false-positives: print this many sentences per cause (terminal only)")
    ap.add_argument("--false-positives", action="store_true",
                    help="print why predicted quotes are wrong (no gold, or the wrong speaker), by cause "
                         "(ordered condition; writes the full parse's pairs file to --work)")
    ap.add_argument("--no-repair", action="store_true",
                    help="parse the text as given, without the repair the enrich stage applies "
                         "(how the figures before the nineteenth session were measured)")
    ap.add_argument("--no-speed", action="store_true", help="skip the timing runs")
    ap.add_argument("--repeats", type=int, default=3, help="timing runs per mode (median reported)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "quotes_polnear.json"),
                    help="results JSON (written for the dev split only)")
    args = ap.parse_args(argv)
    global REPAIR
    REPAIR = not args.no_repair

    from storyline.nlp.engine import load_model
    from storyline.nlp.quote_model import model_for

    data = Path(args.data)
    scorer = Path(args.scorer)
    tmp = tempfile.TemporaryDirectory(prefix="storyline-quotes-")
    work = Path(args.work) if args.work else Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    polnear = data / "quotes" / "polnear"
    settings = Settings({"quotes.model_path": args.model} if args.model else {})
    if args.split == "dev":
        split_dir = polnear / "storyline" / "dev"
    else:
        split_dir = work / "train"
        if not (split_dir / "gold.jsonl").exists():
            convert_raw_split(polnear / "raw" / "train", polnear / "raw" / "metadata.tsv", "train", split_dir)
        if args.fold:
            split_dir = fold_split(split_dir, work / "train_fold", settings["quotes.model_folds"])
    model = model_for(settings)
    nlp = load_model()
    cache = DocCache(Path(args.cache) if args.cache else None, nlp)
    results: dict = {
        "split": args.split + (" (development fold)" if args.fold else ""),
        "command": " ".join(["benchmarks/quotes_polnear.py", *(argv if argv is not None else sys.argv[1:])]),
        "model": model.meta if model is not None else None,
        "settings": {k: settings[k] for k in settings if k.startswith("quotes.")},
        "conditions": {},
    }
    print(f"PolNeAR {results['split']}: {split_dir}")
    print(f"{'system / condition':<40}" + " ".join(f"{h:>6}" for _, h, _ in HEADLINE))
    for condition in [c for c in args.conditions.split(",") if c]:
        articles = read_condition(split_dir, condition)
        res = score(scorer, split_dir, condition, baseline_predictions(articles), work, "baseline")
        found = {"baseline_regex": figures(res)}
        print(_row(f"baseline regex / {condition}", found["baseline_regex"]))
        for key, label, extra, gate in SYSTEMS:
            st = Settings({**settings.changed(), **extra})
            preds = run_extractor(articles, condition, cache, GATES[gate], st)
            want_pairs = args.pairs or (args.false_positives and key == "storyline_full_parse")
            res = score(scorer, split_dir, condition, preds, work, key, want_pairs)
            found[key] = figures(res)
            if key in ("storyline_full_parse", "storyline_selective_parse"):
                found["scorer_" + key.replace("storyline_", "")] = _public(res)
            print(_row(f"{label} / {condition}", found[key]))
        if condition != "shuffled":
            shares = {g: sum(map(GATES[g], (t for _, lines in articles for _, t in article_sentences(lines))))
                      / max(1, sum(len(article_sentences(lines)) for _, lines in articles))
                      for g in ("selective", "enrich")}
            print(f"parse share / {condition}: selective {shares['selective']:.2%}, enrich gate {shares['enrich']:.2%}")
        if args.misses and condition == "ordered":
            _print_misses(miss_causes(split_dir, articles, cache, settings, args.miss_examples))
        if args.false_positives and condition == "ordered":
            _print_false_positives(false_positives(work / "storyline_full_parse.ordered.pairs.jsonl", articles,
                                                   cache, settings, args.miss_examples))
        cache.save()
        results["conditions"][condition] = found
    if not args.no_speed:
        articles = read_condition(split_dir, "ordered")
        speed = time_modes(articles, nlp, args.repeats, settings)
        results["speed"] = speed
        _print_speed(speed, args)
        results["load_average_after"] = os.getloadavg()
    if args.split == "dev" and args.conditions == ",".join(CONDITIONS):
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        print(f"\nresults: {args.out}")
    return 0


def _print_speed(speed: dict, args) -> None:
    sps, ratio, share = speed["sentences_per_s"], speed["ratio_vs_plain_spacy"], speed["share_parsed"]
    print(f"\nspeed on {speed['sentences']} sentences ({args.split} ordered), median of {args.repeats}:")
    print(f"  plain spaCy full pipeline          {sps['spacy_full']:8.1f} sentences/s")
    for key, label in (("quotes_full", "quotes, full parse everywhere"),
                       ("quotes_selective", f"quotes, selective ({share['selective']:.1%} parsed)"),
                       ("rules_selective", "rules only, selective"),
                       ("quotes_enrich_gate", f"quotes, enrich gate ({share['enrich_gate']:.1%})")):
        print(f"  {label:<34} {sps[key]:8.1f} sentences/s  x{ratio[key]:.2f} of plain spaCy")
    print(f"  find_quotes alone (parsed): model {sps['find_quotes_only']:.0f}, rules only "
          f"{sps['find_quotes_rules_only']:.0f} sentences/s")
    print(f"  quotes found: {speed['quotes_found']} (selective runs with NER-only Docs)")


if __name__ == "__main__":
    sys.exit(main())
