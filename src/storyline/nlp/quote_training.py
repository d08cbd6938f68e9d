"""Training the quote model (:mod:`.quote_model`) on PolNeAR train.

Examples come from the converted gold records (:mod:`.quote_polnear`), sentence by
sentence, with the stripped text (no quote marks, no apostrophes: what real crawls give):

* **cue**: every candidate token of every sentence (see
  :func:`~.quote_features.is_candidate`); positive when it is the head word of an annotated
  cue (the cue's token whose parse head lies outside the cue: ``expected`` in
  ``is expected``);
* **content**: for every annotated attribution whose content has words in the cue's
  sentence, each candidate content of its cue; positive when its token overlap with the
  annotated content (Jaccard) is the best among the candidates;
* **continuation**: the frames the rules and the just-fitted cue model find, those whose
  cue is an annotated cue head, and each neighbouring sentence up to the first one the
  annotated content does not cover (:func:`continuation_examples`).

Each is fitted as a logistic regression (scikit-learn) on l2-normalised hashed features;
hash buckets seen in fewer than ``quotes.model_min_count`` examples are dropped, which
keeps the model file small and rare words from deciding alone.

``fold`` lets a development run hold out part of train (one article in
``quotes.model_folds`` by a stable hash of its id) to choose thresholds on articles the
model never saw; the shipped model is trained on all of train.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np

from ..errors import NotFound, UsageError
from ..settings import DEFAULTS, Settings
from .quote_continuation import step_features
from .quote_features import cue_features, is_candidate, span_candidates, span_features
from .quote_model import Linear, QuoteModel, hashed, model_frames
from .quote_parse import parse_frames
from .quote_polnear import raw_files, read_records

_WORD = re.compile(r"\w")


def held_out(doc_id: str, folds: int) -> bool:
    """Whether an article is in the development fold of train (stable across runs)."""
    return folds > 1 and zlib.crc32(doc_id.encode("utf-8")) % folds == 0


def cue_head(doc, start: int, end: int):
    """The head token of the cue at characters [start, end): its token whose parse head
    is outside the cue (the first such), or None when no token overlaps."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else None


def content_tokens(doc, pieces: Iterable[dict], sid: int) -> set[int]:
    """Indices of the word tokens of ``doc`` (sentence ``sid``) inside annotated pieces."""
    out: set[int] = set()
    for p in pieces:
        if p["sid"] != sid:
            continue
        out.update(t.i for t in doc if t.idx < p["end"] and t.idx + len(t.text) > p["start"] and _WORD.match(t.text))
    return out


def _words(doc, rng: tuple[int, int]) -> set[int]:
    return {i for i in range(*rng) if _WORD.match(doc[i].text)}


def examples(records: Iterable[dict], docs: Callable[[str], object]):
    """(cue features, cue labels, content features, content labels) of some records;
    ``docs(text)`` gives the parsed Doc of a sentence."""
    cue_x: list[list[str]] = []
    cue_y: list[bool] = []
    con_x: list[list[str]] = []
    con_y: list[bool] = []
    for record in records:
        sentences = record["sentences"]
        heads: dict[int, dict[int, list[dict]]] = {}
        for a in record["attributions"]:
            if not a["cue"] or not a["content"]:
                continue
            piece = a["cue"][0]
            doc = docs(sentences[piece["sid"]])
            head = cue_head(doc, piece["start"], piece["end"])
            if head is not None:
                heads.setdefault(piece["sid"], {}).setdefault(head.i, []).append(a)
        for sid, text in enumerate(sentences):
            if not text.strip():
                continue
            doc = docs(text)
            here = heads.get(sid, {})
            for tok in doc:
                if not is_candidate(tok):
                    continue
                cue_x.append(cue_features(doc, tok))
                cue_y.append(tok.i in here)
                for a in here.get(tok.i, ()):
                    gold = content_tokens(doc, a["content"], sid)
                    if gold:
                        _content_examples(doc, tok, gold, con_x, con_y)
    return cue_x, cue_y, con_x, con_y


def _content_examples(doc, tok, gold: set[int], xs: list, ys: list) -> None:
    scored = []
    for kind, rng in span_candidates(doc, tok):
        words = _words(doc, rng)
        jac = len(gold & words) / len(gold | words) if words else 0.0
        scored.append((jac, kind, rng))
    best = max((j for j, _, _ in scored), default=0.0)
    if best <= 0:
        return
    for jac, kind, rng in scored:
        xs.append(span_features(doc, tok, kind, rng))
        ys.append(jac == best)


def fit_linear(features: list[list[str]], labels: list[bool], settings: Settings = DEFAULTS) -> Linear:
    """A logistic regression over hashed, l2-normalised features (see the module docstring)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    bits = settings["quotes.model_hash_bits"]
    indptr, indices, values = [0], [], []
    for feats in features:
        vec = hashed(feats, bits)
        indices.extend(vec)
        values.extend(vec.values())
        indptr.append(len(indices))
    x = csr_matrix((values, indices, indptr), shape=(len(features), 1 << bits), dtype=np.float64)
    df = np.bincount(x.indices, minlength=1 << bits)
    kept = np.flatnonzero(df >= settings["quotes.model_min_count"])
    x = x[:, kept]
    y = np.asarray(labels, dtype=bool)
    clf = LogisticRegression(C=settings["quotes.model_c"], max_iter=3000)
    clf.fit(x, y)
    weights = clf.coef_[0]
    rows = {int(b): float(w) for b, w in zip(kept, weights) if w != 0.0}
    return Linear(rows, float(clf.intercept_[0]))


def _covered(text: str, pieces: Iterable[dict], sid: int) -> bool:
    """Whether annotated pieces cover at least half of a sentence's characters."""
    inside = sum(p["end"] - p["start"] for p in pieces if p["sid"] == sid)
    return inside >= 0.5 * len(text.strip())  # half: a sentence mostly inside the quote


def continuation_examples(records: Iterable[dict], docs: Callable[[str], object], model: QuoteModel,
                          settings: Settings = DEFAULTS):
    """(features, labels) for carrying quotes over sentences: the frames the rules and
    ``model`` find in each record, those whose cue is an annotated cue head, and their
    neighbours in each direction up to the first that the annotated content does not
    cover (as :func:`~.quote_continuation.carry_learned` stops there)."""
    xs: list[list[str]] = []
    ys: list[bool] = []
    limit = settings["quotes.max_continuation_sentences"]
    probs = settings["quotes.model_min_prob"], settings["quotes.model_min_prob_unnamed"]
    for record in records:
        sentences = record["sentences"]
        gold: dict[tuple[int, int], dict] = {}
        for a in record["attributions"]:
            if a["cue"] and a["content"]:
                piece = a["cue"][0]
                head = cue_head(docs(sentences[piece["sid"]]), piece["start"], piece["end"])
                if head is not None:
                    gold[(piece["sid"], head.idx)] = a
        frames = {}
        for sid, text in enumerate(sentences):
            if text.strip():
                doc = docs(text)
                found = parse_frames(doc)
                found += model_frames(doc, model, {f.cue[0] for f in found}, *probs)
                frames[sid] = found
        taken = {sid for sid, found in frames.items() if any("model" not in f.tags for f in found)}
        for sid, found in frames.items():
            for frame in found:
                a = gold.get((sid, frame.cue[0]))
                if a is None or frame.follow:
                    continue
                for direction in (1, -1):
                    for step in range(1, limit + 1):
                        j = sid + direction * step
                        if j < 1 or j >= len(sentences) or j in taken or not sentences[j].strip():
                            break  # (sentence 0 is the title, never part of a body quote)
                        xs.append(step_features(frame, sentences[sid], sentences[j], docs(sentences[j]),
                                                direction, step))
                        ys.append(_covered(sentences[j], a["content"], j))
                        if not ys[-1]:
                            break
    return xs, ys


def _one_class(labels: list[bool]) -> bool:
    return all(labels) or not any(labels)


def fit(records: list[dict], docs: Callable[[str], object], settings: Settings = DEFAULTS) -> QuoteModel:
    """Fit the three models on some gold records (their sentences parsed by ``docs``)."""
    cue_x, cue_y, con_x, con_y = examples(records, docs)
    bits = settings["quotes.model_hash_bits"]
    if _one_class(cue_y):
        raise UsageError(f"too little training data: {len(cue_y)} candidate cues, none or all annotated")
    # every annotated cue with a single candidate content (a tiny corpus): no ranking to learn
    content = Linear({}, 0.0) if _one_class(con_y) else fit_linear(con_x, con_y, settings)
    model = QuoteModel(bits, fit_linear(cue_x, cue_y, settings), content)
    step_x, step_y = continuation_examples(records, docs, model, settings)
    meta = {
        "examples": {"cue": len(cue_y), "cue_positive": int(sum(cue_y)),
                     "content": len(con_y), "content_positive": int(sum(con_y)),
                     "continuation": len(step_y), "continuation_positive": int(sum(step_y))},
        "articles": len(records),
        "settings": {k: settings[k] for k in settings if k.startswith("quotes.model_")},
    }
    # too few examples of carrying on (a tiny corpus): the first-person rule stays in charge
    continuation = None if _one_class(step_y) else fit_linear(step_x, step_y, settings)
    return QuoteModel(bits, model.cue, model.content, continuation, meta)


def polnear_raw(data: Path) -> Path:
    """The raw PolNeAR folder under a data root (``../shared/data``), or ``data`` itself;
    :class:`~storyline.errors.NotFound` when there is none."""
    data = Path(data)
    for candidate in (data / "quotes" / "polnear" / "raw", data / "raw", data):
        if (candidate / "train" / "text").is_dir() and (candidate / "metadata.tsv").is_file():
            return candidate
    raise NotFound(f"no PolNeAR raw train split under {data}: give the shared data folder "
                   "(holding quotes/polnear/raw/train and metadata.tsv)")


def inputs_sha256(raw: Path) -> str:
    """sha256 over the train split's text and annotation files used, in file-name order."""
    digest = hashlib.sha256()
    for doc_id, text_path, ann in raw_files(raw / "train", raw / "metadata.tsv", "train"):
        for path in (text_path, ann):
            digest.update(path.name.encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def train(
    data: Path,
    settings: Settings = DEFAULTS,
    nlp=None,
    docs: Mapping[str, object] | None = None,
    fold: bool = False,
) -> QuoteModel:
    """Train the model on PolNeAR train found under ``data`` (the shared data root or the
    raw PolNeAR folder). ``docs``: already-parsed sentences by text (others are parsed with
    ``nlp``, by default the project's English model). ``fold``: leave out the development
    fold (see the module docstring)."""
    from .engine import load_model

    raw = polnear_raw(data)
    folds = settings["quotes.model_folds"]
    records = [r for r in read_records(raw / "train", raw / "metadata.tsv", "train")
               if not (fold and held_out(r["doc_id"], folds))]
    nlp = nlp or load_model()
    parsed: dict[str, object] = dict(docs or {})
    todo = sorted({t for r in records for t in r["sentences"] if t.strip() and t not in parsed})
    parsed.update(zip(todo, nlp.pipe(todo, batch_size=settings["enrich.spacy_batch"])))
    model = fit(records, parsed.__getitem__, settings)
    meta = dict(model.meta)
    meta.update({
        "source": "PolNeAR train (Newell, Margolin & Ruths, LREC 2018), raw brat attributions, "
                  "converted by storyline.nlp.quote_polnear (quote marks and apostrophes stripped)",
        "path": str(raw / "train"),
        "inputs_sha256": inputs_sha256(raw),
        "development_fold_left_out": fold,
        "spacy_model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}",
        "trained": dt.date.today().isoformat(),
    })
    return QuoteModel(model.bits, model.cue, model.content, model.continuation, meta)


def rebuild(data: Path, out: Path | None = None, settings: Settings = DEFAULTS,
            fold: bool = False) -> tuple[Path, dict]:
    """Train on PolNeAR train under ``data`` and write the model and its sidecar to ``out``
    (default: the packaged ``data/quote_model.npz``); ``fold``: leave out the development
    fold. Returns (path, sidecar contents)."""
    from importlib import resources

    from . import quote_model

    model = train(data, settings, fold=fold)
    path = Path(out) if out else Path(str(resources.files("storyline").joinpath(quote_model.MODEL_NAME)))
    model.save(path)
    quote_model.forget_loaded()
    return path, model.meta
