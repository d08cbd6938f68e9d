"""The trained fallback of the event coder (storyline.nlp.event_model, event_fallback).

Every sentence and story here was written for this file (made-up countries Vellmark, Arnholt,
Ruritania and Norland). A tiny classifier is trained on them, so nothing here needs the
shared data; the packaged model is only checked to load and to name its source.
"""

from __future__ import annotations

import csv
import hashlib
import json

import numpy as np
import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.nlp import event_model
from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.event_model import (
    NONE, bucket, fit, held_out, load, packaged_model, read_stories, sentence_features,
    training_sentences,
)
from storyline.nlp.events import find_events
from storyline.settings import DEFAULTS

# Three made-up kinds of sentence: smashing things (ASSAULT), rebuilding (AID), weather.
TRAINING = [
    ("Vellmark smashed the windows of the Arnholt embassy.", "ASSAULT"),
    ("Youths smashed shop fronts in the old town.", "ASSAULT"),
    ("Gangs smashed cars and burned tyres overnight.", "ASSAULT"),
    ("Men with clubs smashed the doors of the court.", "ASSAULT"),
    ("Arnholt smashed the radar station on the island.", "ASSAULT"),
    ("Ruritania rebuilt the bridge for the villagers.", "AID"),
    ("Norland rebuilt schools in the flooded province.", "AID"),
    ("Engineers from Vellmark rebuilt the clinic for the town.", "AID"),
    ("Volunteers rebuilt homes for the families.", "AID"),
    ("Arnholt rebuilt the hospital for the region.", "AID"),
    ("The weather stayed mild across the north.", NONE),
    ("Rain fell steadily on the hills.", NONE),
    ("The river level stayed high for a week.", NONE),
    ("Snow covered the mountain passes.", NONE),
    ("The sky cleared in the afternoon.", NONE),
]
TINY = DEFAULTS.replace(events__model_min_count=1, events__model_c=10.0)


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def tiny_model(nlp):
    docs = list(nlp.pipe([t for t, _ in TRAINING]))
    return fit(docs, [label for _, label in TRAINING], TINY)


@pytest.fixture(scope="module")
def tiny_path(tiny_model, tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "tiny.npz"
    tiny_model.save(path)
    return path


def parse(nlp, text: str) -> AnnotatedSentence:
    return AnnotatedSentence(0, text, nlp(text), True)


def coded(nlp, text: str, settings) -> list[tuple]:
    return [(e.type, e.actor.text if e.actor else None, e.target.text if e.target else None,
             e.trigger.text if e.trigger else None, e.negated, e.hedged)
            for e in find_events(parse(nlp, text), settings=settings)]


def test_features_hold_no_names_or_dates(nlp):
    feats = sentence_features(nlp("Vellmark smashed the windows of the Arnholt consulate on Tuesday."))
    names = [f for f, _ in feats]
    assert "V=smash" in names and "root=smash" in names and "vo=smash_window" in names
    assert not any("vellmark" in f or "arnholt" in f or "tuesday" in f for f in names)
    assert dict(feats)["V=smash"] == 1  # anchored at the verb, so it can stand as the trigger


def test_buckets_are_those_of_hashing_vectorizer():
    from sklearn.feature_extraction.text import HashingVectorizer

    vectorizer = HashingVectorizer(analyzer=lambda x: x, n_features=2 ** 18,
                                   alternate_sign=False, norm=None)
    row = vectorizer.transform([["w=attack"]])
    assert bucket("w=attack", 18) == int(row.indices[0])


def test_tiny_model_predicts_and_names_the_verb(nlp, tiny_model):
    pred = tiny_model.predict(nlp("Rioters smashed the windows of the town hall."))
    assert pred.type == "ASSAULT" and pred.probability > 0.5
    assert pred.trigger == 1  # "smashed"
    assert tiny_model.predict(nlp("Rain fell on the plains.")).type == NONE


def test_a_verb_modifying_a_noun_is_no_trigger(nlp, tiny_model):
    # "smashed" modifies "windows" here: it describes them, it does not act
    doc = nlp("Rioters gathered by the smashed windows of the town hall.")
    assert doc[4].text == "smashed" and doc[4].dep_ == "amod"
    pred = tiny_model.predict(doc, frozenset({"VERB"}))
    assert pred.type == "ASSAULT" and pred.trigger is None  # without the rule: 4


def test_model_round_trips_through_its_file(nlp, tiny_model, tiny_path):
    loaded = load(tiny_path)
    assert loaded.classes == tiny_model.classes == ("AID", "ASSAULT", NONE)
    assert loaded.meta["examples"] == {"AID": 5, "ASSAULT": 5, NONE: 5}
    for text in ("Norland rebuilt the dam for the farmers.", "Mobs smashed the depot."):
        feats = sentence_features(nlp(text))
        # weights are stored as float16: probabilities agree to 3 decimals
        assert np.allclose(loaded.probabilities(feats), tiny_model.probabilities(feats), atol=1e-3)
        before, after = tiny_model.predict(nlp(text)), loaded.predict(nlp(text))
        assert (after.type, after.trigger) == (before.type, before.trigger)
        assert after.probability == pytest.approx(before.probability, abs=1e-3)


def test_fallback_codes_what_the_rules_miss(nlp, tiny_path):
    # "protest" is a lexicon word, but only an event when a verb realises it ("staged")
    text = "Vellmark smashed the windows of the Arnholt consulate during the protest."
    rules_only = DEFAULTS.replace(events__model=False)
    assert coded(nlp, text, rules_only) == []
    with_model = DEFAULTS.replace(events__model_path=str(tiny_path))
    # the object "windows" names no actor, so the first name after the verb is the target
    assert coded(nlp, text, with_model) == [
        ("ASSAULT", "Vellmark", "Arnholt consulate", "smashed", False, False)]


def test_fallback_only_for_sentences_with_an_event_word(nlp, tiny_path):
    # no lexicon word: the prefilter would not have the sentence parsed for events, so the
    # classifier is not asked either, whoever parsed it
    with_model = DEFAULTS.replace(events__model_path=str(tiny_path))
    assert coded(nlp, "Vellmark smashed the windows of the Arnholt consulate.", with_model) == []


def test_fallback_reads_negation_and_conditions(nlp, tiny_path):
    with_model = DEFAULTS.replace(events__model_path=str(tiny_path))
    text = "Arnholt did not smash the radar station during the protest."
    assert coded(nlp, text, with_model) == [
        ("ASSAULT", "Arnholt", "radar station", "smash", True, False)]
    assert coded(nlp, text, with_model.replace(events__emit_negated=False)) == []
    assert coded(nlp, "Officials said they would respond if Arnholt smashed the radar during "
                      "the protest.", with_model) == []


def test_fallback_needs_a_confident_type_and_no_rule_event(nlp, tiny_path):
    with_model = DEFAULTS.replace(events__model_path=str(tiny_path))
    assert coded(nlp, "Rain fell steadily during the protest.", with_model) == []  # NONE
    strict = with_model.replace(events__model_min_prob=0.999)
    assert coded(nlp, "Vellmark smashed the windows of the Arnholt consulate during the protest.",
                 strict) == []
    # a sentence the rules code keeps the rules' event only
    assert coded(nlp, "Police arrested five opposition activists.", with_model) == [
        ("COERCE", "Police", "five opposition activists", "arrested", False, False)]


def test_rules_only_when_the_model_file_is_absent(nlp, tmp_path):
    missing = DEFAULTS.replace(events__model_path=str(tmp_path / "absent.npz"))
    assert event_model.model_for(missing) is None
    assert coded(nlp, "Vellmark smashed the windows of the Arnholt consulate during the protest.",
                 missing) == []
    assert coded(nlp, "Police arrested five opposition activists.", missing) == [
        ("COERCE", "Police", "five opposition activists", "arrested", False, False)]
    assert event_model.model_for(DEFAULTS.replace(events__model=False)) is None


def test_packaged_model_loads_and_names_its_source():
    model = packaged_model()
    assert model is not None and model.classes[-1] == NONE and len(model.classes) == 17
    meta = model.meta
    assert meta["file"] == "gpt_synthetic_events_2023-10-19_19.csv" and len(meta["sha256"]) == 64
    assert set(meta["settings"]) == set(event_model.TRAINING_SETTINGS)


# --- training data and the train-events command --------------------------------------------

STORIES = [
    ("{country_1} Smashes Radar Station", "Vellmark Smashes Radar Station", "ASSAULT",
     "Vellmark smashed the radar station on the island. The attack came at night. "
     "The island has a small harbour and two hotels that open in summer."),
    ("{country_1} Repairs Clinic", "Norland Repairs Clinic", "AID",
     "Norland rebuilt the clinic for the town. Engineers worked for a month. "
     "The town lies on a wide river that floods most springs."),
    ("{country_1} Rebuilds Clinic", "Arnholt Rebuilds Clinic", "AID",
     "Arnholt rebuilt the clinic for the region. Builders came from the capital. "
     "The region grows wheat and barley on its northern slopes."),
]


def write_stories(path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["disclaimer", "text", "title", "source", "prompt", "label", "mode"])
        for title, headline, label, text in STORIES:
            out.writerow(["synthetic", text, title, "Wire", f"{headline}\n\n(Wire) --", label, ""])


def test_training_sentences_from_stories(tmp_path):
    path = tmp_path / "stories.csv"
    write_stories(path)
    both = read_stories(path) + read_stories(path, dev=True)
    assert sorted(s["headline"] for s in both) == sorted(h for _, h, _, _ in STORIES)
    examples = training_sentences(both, DEFAULTS.replace(events__model_lead_sentences=1))
    by_label = {}
    for text, label in examples:
        by_label.setdefault(label, []).append(text)
    assert sorted(by_label["ASSAULT"]) == ["Vellmark Smashes Radar Station",
                                           "Vellmark smashed the radar station on the island."]
    assert "Norland rebuilt the clinic for the town." in by_label["AID"]
    # the third sentence of each story has no lexicon event word: a NONE example
    assert "The town lies on a wide river that floods most springs." in by_label[NONE]


def test_held_out_split_is_by_title_template():
    titles = [f"{{country_1}} Template {i}" for i in range(200)]
    held = [t for t in titles if held_out(t)]
    assert held == [t for t in titles if held_out(t)]  # stable
    assert 20 <= len(held) <= 60  # about one in five


def test_train_events_command_writes_model_and_sidecar(tmp_path):
    data = tmp_path / "stories.csv"
    write_stories(data)
    out = tmp_path / "model.npz"
    result = CliRunner().invoke(cli, ["train-events", "--data", str(data), "--out", str(out),
                                      "--set", "events.model_min_count=1",
                                      "--set", "events.model_lead_sentences=1"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and out.exists()
    meta = json.loads(out.with_suffix(".json").read_text("utf-8"))
    assert meta["sha256"] == hashlib.sha256(data.read_bytes()).hexdigest()
    assert meta["file"] == "stories.csv"
    assert meta["stories"] == len(read_stories(data)) == 2  # "Rebuilds Clinic" is held out
    assert meta["classes"] == ["AID", "ASSAULT", NONE]
    assert meta["settings"]["events.model_min_count"] == 1
    assert load(out).classes == tuple(meta["classes"])


def test_train_events_command_without_data_fails_cleanly(tmp_path):
    result = CliRunner().invoke(cli, ["train-events", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "does not exist" in result.output
    empty_dir = tmp_path / "root"
    empty_dir.mkdir()
    result = CliRunner().invoke(cli, ["train-events", "--data", str(empty_dir)])
    assert result.exit_code == 2 and "NOT_FOUND no synthetic stories" in result.output
