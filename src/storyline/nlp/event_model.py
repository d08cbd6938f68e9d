"""A small trained PLOVER type classifier: what the rules fall back on when they code nothing.

The rules of :mod:`.events` are precise but miss events whose verb is outside the lexicon or
whose parse they do not follow. This module scores a parsed sentence against the 16 PLOVER
types (and ``NONE``) with a multinomial logistic regression over hashed features of the
parse: lemmas (names replaced by their entity label, so "Chad" and "Peru" look alike),
verb-object, verb-preposition(-object), verb-complement and particle pairs, and the root.
Features are hashed (MurmurHash3, as scikit-learn's ``HashingVectorizer``), so the model
file holds bucket numbers and weights, never words or text of its training data.

Training material: the NGEC synthetic stories (``events/ngec_synthetic``: machine-written
news labelled by the event type of the prompt that produced them; training material only).
A story's first sentences carry its prompt's event most often, so they are the examples of
its type; sentences from later in a story that contain no lexicon event word are ``NONE``
examples. Stories of one title template in five (by a stable hash of the template) are held
out, so ``benchmarks/events_dev.py`` can score the shipped model on stories it never saw.

``storyline train-events --data PATH`` rebuilds ``data/event_model.npz`` and its sidecar
``data/event_model.json`` (data source, sha256, settings, counts). Without the model file
the coder runs on rules alone: :func:`packaged_model` returns None.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import json
import logging
import pathlib
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

import numpy as np

from ..errors import NotFound
from ..settings import DEFAULTS, Settings
from .event_lexicon import PLOVER_TYPES

log = logging.getLogger(__name__)

NONE = "NONE"
CLASSES = (*PLOVER_TYPES, NONE)
STORIES_CSV = "events/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv"
MODEL_NAME = "data/event_model.npz"
SIDECAR_NAME = "data/event_model.json"
FORMAT_VERSION = 1
TRAINING_SETTINGS = ("events.model_lead_sentences", "events.model_none_per_story",
                     "events.model_hash_bits", "events.model_min_count", "events.model_c")
_NAME_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "EVENT", "LAW"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN"})
# Determiner-like adverbs and light verbs carry no event meaning on their own.
_STOP_LEMMAS = frozenset({"be", "have", "do", "say", "also", "not", "n't", "so", "then", "more",
                          "very", "just", "only", "as", "well", "even", "still", "now"})


# --- features -------------------------------------------------------------------------------


def _norm(tok) -> str:
    """The word a feature uses: names become their entity label, dates and numbers one
    symbol each, so that no feature depends on which country or day a story names."""
    if tok.ent_type_ in _NAME_ENTS and tok.pos_ in ("PROPN", "NOUN", "ADJ"):
        return "@" + tok.ent_type_
    if tok.ent_type_ in ("DATE", "TIME"):
        return "@DATE"
    if tok.like_num or tok.pos_ == "NUM":
        return "#num"
    return tok.lemma_.lower()


def sentence_features(doc) -> list[tuple[str, int]]:
    """(feature, anchor token index) pairs of a parsed sentence.

    The anchor is the token a feature speaks for, so the token that contributes most to a
    predicted type can stand as the event's trigger."""
    feats: list[tuple[str, int]] = []
    for tok in doc:
        if tok.pos_ not in _CONTENT_POS or tok.is_punct:
            continue
        word = _norm(tok)
        if word in _STOP_LEMMAS or word.startswith("@") or word == "#num":
            continue
        feats.append(("w=" + word, tok.i))
        if tok.pos_ == "VERB" or tok.pos_ == "NOUN":
            feats.append((f"{tok.pos_[0]}={word}", tok.i))
        if tok.dep_ == "ROOT":
            feats.append(("root=" + word, tok.i))
        if tok.pos_ != "VERB":
            continue
        for c in tok.children:
            dep = c.dep_
            if dep in ("dobj", "nsubjpass"):
                feats.append((f"vo={word}_{_norm(c)}", tok.i))
            elif dep == "prt":
                feats.append((f"vprt={word}_{c.lower_}", tok.i))
            elif dep in ("prep", "agent"):
                feats.append((f"vp={word}_{c.lower_}", tok.i))
                for p in c.children:
                    if p.dep_ == "pobj":
                        feats.append((f"vpo={word}_{c.lower_}_{_norm(p)}", tok.i))
            elif dep in ("xcomp", "ccomp") and c.pos_ == "VERB":
                feats.append((f"vx={word}_{_norm(c)}", tok.i))
            elif dep == "neg":
                feats.append((f"neg={word}", tok.i))
            elif dep == "nsubj" and c.ent_type_ in _NAME_ENTS:
                feats.append((f"sv=@{c.ent_type_}_{word}", tok.i))
    return feats


@functools.lru_cache(maxsize=1 << 16)  # 65,536 features: a day of news reuses most of them
def bucket(feature: str, bits: int) -> int:
    """The hash bucket of a feature: MurmurHash3 (seed 0), as ``HashingVectorizer`` hashes
    (scikit-learn is imported on first use, not when storyline is imported)."""
    from sklearn.utils import murmurhash3_32

    return murmurhash3_32(feature, seed=0, positive=True) % (1 << bits)


# --- the model --------------------------------------------------------------------------------


_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})  # "the besieged city", "warring parties"


@dataclass(frozen=True)
class Prediction:
    """The model's best PLOVER type for a sentence, its probability, its anchor token and its
    margin: how much more probable it is than the second-best class."""

    type: str
    probability: float
    trigger: int | None
    margin: float = 1.0


@dataclass(frozen=True, eq=False)
class EventModel:
    """Weights of the classifier over hash buckets: ``rows`` maps a bucket to its row."""

    classes: tuple[str, ...]
    bits: int
    rows: dict[int, int]
    weights: np.ndarray  # (buckets kept, classes), float32
    bias: np.ndarray  # (classes,)
    meta: dict = field(default_factory=dict)

    def probabilities(self, feats: Sequence[tuple[str, int]]) -> np.ndarray:
        """Class probabilities for some features (softmax of the linear scores)."""
        return self._softmax(self._rows(feats), len(feats))

    def _softmax(self, rows: list[tuple[int, int]], n_feats: int) -> np.ndarray:
        z = self.bias.astype(np.float64)
        if rows:
            # features are l2-normalised over the sentence, as in training
            z = z + self.weights[[r for r, _ in rows]].sum(axis=0) / np.sqrt(n_feats)
        z -= z.max()
        e = np.exp(z)
        return e / e.sum()

    def _rows(self, feats) -> list[tuple[int, int]]:
        """(weight row, anchor token) of the features the model knows."""
        out = []
        bits, known = self.bits, self.rows
        for name, anchor in feats:
            row = known.get(bucket(name, bits))
            if row is not None:
                out.append((row, anchor))
        return out

    def predict(self, doc, trigger_pos: frozenset[str] | None = None) -> Prediction | None:
        """The best class of a parsed sentence. The trigger is the token whose features add
        most to that class (with ``trigger_pos``, the best token of those parts of speech
        whose features add to it and that is no modifier of a noun, else None: "the
        [warring] parties" describes them). None for a sentence with no features."""
        feats = sentence_features(doc)
        if not feats:
            return None
        rows = self._rows(feats)
        probs = self._softmax(rows, len(feats))
        best = int(np.argmax(probs))
        column = self.weights[:, best]
        gain: dict[int, float] = {}
        for row, anchor in rows:
            gain[anchor] = gain.get(anchor, 0.0) + float(column[row])
        if trigger_pos is not None:
            gain = {i: g for i, g in gain.items() if g > 0 and doc[i].pos_ in trigger_pos
                    and doc[i].dep_ not in _MODIFIER_DEPS}
        trigger = max(gain, key=gain.__getitem__) if gain else None
        second = float(np.partition(probs, -2)[-2]) if len(probs) > 1 else 0.0
        return Prediction(self.classes[best], float(probs[best]), trigger, float(probs[best]) - second)

    def save(self, path: pathlib.Path) -> None:
        """Write the model (.npz) and its sidecar JSON (same name, .json)."""
        buckets = np.array(sorted(self.rows, key=self.rows.__getitem__), dtype=np.int32)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, buckets=buckets, weights=self.weights.astype(np.float16),
                                bias=self.bias.astype(np.float32),
                                classes=np.array(self.classes), bits=np.array(self.bits))
        path.with_suffix(".json").write_text(json.dumps(self.meta, indent=1) + "\n", "utf-8")


def load(path: pathlib.Path) -> EventModel | None:
    """A saved model, or None when the file is absent or unreadable (rules only, logged)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            buckets, weights = z["buckets"], z["weights"].astype(np.float32)
            classes, bias, bits = tuple(str(c) for c in z["classes"]), z["bias"], int(z["bits"])
        meta_path = pathlib.Path(path).with_suffix(".json")
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
    except (OSError, ValueError, KeyError) as exc:
        log.info("events: no trained model at %s (%s); rules only", path, exc)
        return None
    if meta.get("format_version", FORMAT_VERSION) != FORMAT_VERSION:
        log.warning("events: model %s has another format version; rules only", path)
        return None
    rows = {int(b): i for i, b in enumerate(buckets)}
    return EventModel(classes, bits, rows, weights, bias, meta)


@functools.lru_cache(maxsize=1)
def packaged_model() -> EventModel | None:
    """The model shipped in ``storyline/data`` (loaded once), or None when it is absent."""
    path = resources.files("storyline").joinpath(MODEL_NAME)
    return load(pathlib.Path(str(path)))


def model_for(settings: Settings = DEFAULTS) -> EventModel | None:
    """The classifier the settings ask for: None when ``events.model`` is off, else the
    model at ``events.model_path`` (the packaged one when empty), or None if absent."""
    if not settings["events.model"]:
        return None
    path = settings["events.model_path"]
    return _load_cached(path) if path else packaged_model()


@functools.lru_cache(maxsize=4)
def _load_cached(path: str) -> EventModel | None:
    return load(pathlib.Path(path))


# --- training -------------------------------------------------------------------------------


def held_out(title: str) -> bool:
    """Whether a story's title template is in the development fifth (stable across runs)."""
    return zlib.crc32(title.encode("utf-8")) % 5 == 0  # 5: one template in five held out


def stories_path(data: pathlib.Path) -> pathlib.Path:
    """The stories CSV under a data root, or ``data`` itself when it is the file."""
    data = pathlib.Path(data)
    return data if data.is_file() else data / STORIES_CSV


def read_stories(path: pathlib.Path, *, dev: bool = False) -> list[dict]:
    """Stories of the training (or, with ``dev``, the held-out) split: title template,
    headline (the filled-in title that prompted the story), text and label."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [{"title": r["title"], "headline": (r.get("prompt") or "").split("\n")[0].strip(),
             "text": r["text"], "label": r["label"].strip().upper()}
            for r in rows if held_out(r["title"]) == dev and r["label"].strip().upper() in CLASSES]


def training_sentences(stories: Iterable[dict], settings: Settings = DEFAULTS) -> list[tuple[str, str]]:
    """(sentence, label) examples: each story's headline and its first
    ``events.model_lead_sentences`` sentences get its label; a later sentence with no lexicon
    event word is ``NONE`` (at most ``events.model_none_per_story`` per story)."""
    from ..readers.sentences import split_sentences
    from .events import needs_parse

    lead = settings["events.model_lead_sentences"]
    none_cap = settings["events.model_none_per_story"]
    out: list[tuple[str, str]] = []
    headlines: set[str] = set()
    for story in stories:
        text = story["text"]
        sents = [text[s:e].strip() for s, e in split_sentences(text)]
        sents = [s for s in sents if len(s) > 20]  # 20 chars: shorter pieces are datelines
        out.extend((s, story["label"]) for s in sents[:lead])
        nones = [s for s in sents[lead + 1:] if not needs_parse(s)]
        out.extend((s, NONE) for s in nones[:none_cap])
        headline = story.get("headline", "")
        if headline and headline not in headlines:  # a template filled with the same name
            headlines.add(headline)
            out.append((headline, story["label"]))
    return out


def _matrix(docs, bits: int):
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for doc in docs:
        feats = sentence_features(doc)
        for name, _ in feats:
            indices.append(bucket(name, bits))
            values.append(1.0 / np.sqrt(len(feats)))
        indptr.append(len(indices))
    m = csr_matrix((values, indices, indptr), shape=(len(indptr) - 1, 1 << bits), dtype=np.float64)
    m.sum_duplicates()
    return m


def train(data: pathlib.Path, settings: Settings = DEFAULTS, nlp=None) -> EventModel:
    """Train the classifier on the training split of the synthetic stories (module docstring).

    ``data``: the shared data root or the stories CSV itself."""

    import sklearn

    from .engine import load_model

    path = stories_path(data)
    if not path.is_file():
        raise NotFound(f"no synthetic stories at {path}; pass the shared data root (holding "
                       f"{STORIES_CSV}) or the CSV itself")
    stories = read_stories(path)
    examples = training_sentences(stories, settings)
    nlp = nlp or load_model()
    docs = list(nlp.pipe((s for s, _ in examples), batch_size=64))
    model = fit(docs, [label for _, label in examples], settings)
    meta = dict(model.meta)
    meta.update({
        "source": "NGEC synthetic stories (github.com/ahalterman/NGEC, commit 787a06b, "
                  "setup/train_classifiers), machine-written, labelled by prompt",
        "file": path.name,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "stories": len(stories),
        "held_out": "title templates with crc32(title) % 5 == 0 (storyline.nlp.event_model.held_out)",
        "spacy_model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} "
                       f"{nlp.meta.get('version', '')}",
        "scikit_learn": sklearn.__version__,
        "trained": dt.date.today().isoformat(),
    })
    return EventModel(model.classes, model.bits, model.rows, model.weights, model.bias, meta)


def rebuild(data: pathlib.Path, out: pathlib.Path | None = None,
            settings: Settings = DEFAULTS) -> tuple[pathlib.Path, dict]:
    """Train on the stories under ``data`` and write the model and its sidecar to ``out``
    (default: the packaged ``data/event_model.npz``). Returns (path, sidecar contents)."""
    model = train(data, settings)
    path = pathlib.Path(out) if out else pathlib.Path(str(resources.files("storyline").joinpath(MODEL_NAME)))
    model.save(path)
    packaged_model.cache_clear()
    _load_cached.cache_clear()
    return path, model.meta


def fit(docs: Sequence, labels: Sequence[str], settings: Settings = DEFAULTS) -> EventModel:
    """Fit the classifier on parsed sentences and their labels (types or ``NONE``).

    Buckets seen in fewer than ``events.model_min_count`` sentences are dropped before
    fitting, which keeps the model file small and rare words from deciding a type."""
    from sklearn.linear_model import LogisticRegression

    bits = settings["events.model_hash_bits"]
    x = _matrix(docs, bits)
    df = np.asarray((x > 0).sum(axis=0)).ravel()
    kept = np.flatnonzero(df >= settings["events.model_min_count"])
    x = x[:, kept]
    classes = tuple(c for c in CLASSES if c in set(labels))
    y = np.array([classes.index(label) for label in labels])
    clf = LogisticRegression(C=settings["events.model_c"], max_iter=2000, class_weight="balanced")
    clf.fit(x, y)
    weights = np.zeros((len(kept), len(classes)), dtype=np.float32)
    bias = np.zeros(len(classes), dtype=np.float32)
    if len(classes) == 2:  # scikit-learn keeps one weight vector for two classes
        weights[:, 1], bias[1] = clf.coef_[0], clf.intercept_[0]
    else:
        weights[:, :] = clf.coef_.T
        bias[:] = clf.intercept_
    rows = {int(b): i for i, b in enumerate(kept)}
    counts = {c: int((y == i).sum()) for i, c in enumerate(classes)}
    meta = {"format_version": FORMAT_VERSION, "classes": list(classes), "examples": counts,
            "buckets_kept": len(kept), "settings": {k: settings[k] for k in TRAINING_SETTINGS}}
    return EventModel(classes, bits, rows, weights, bias, meta)
