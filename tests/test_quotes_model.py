"""The trained attribution model beside the quote rules (storyline.nlp.quote_model and
friends): features, a tiny model trained on sentences written here, saving and loading,
sources read from the parse, learned continuation, the PolNeAR reader and the
``train-quotes`` command. Nothing here needs the shared data.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from click.testing import CliRunner
from parsed_sentences import parsed

from storyline.cli import cli
from storyline.nlp import quote_model
from storyline.nlp.annotate import AnnotatedSentence, annotate
from storyline.nlp.engine import load_model
from storyline.nlp.quote_continuation import carry_learned, step_features
from storyline.nlp.quote_features import cue_features, is_candidate, span_candidates
from storyline.nlp.quote_lexical import lexical_frames
from storyline.nlp.quote_model import load, model_frames, source_token
from storyline.nlp.quote_parse import Frame
from storyline.nlp.quote_polnear import convert_doc, convert_raw_split, read_brat
from storyline.nlp.quote_training import continuation_examples, cue_head, fit
from storyline.nlp.quote_withheld import without_anonymity
from storyline.nlp.quotes import find_quotes, needs_parse
from storyline.settings import Settings

# (sentence, source, cue, content) - every sentence written for these tests.
TRAINING = [
    ("Mayor Petra Lindqvist believes the bridge will reopen in May.", "Mayor Petra Lindqvist", "believes",
     "the bridge will reopen in May"),
    ("Councillor Tom Reed believes the ferry fares are too high.", "Councillor Tom Reed", "believes",
     "the ferry fares are too high"),
    ("Anna Novak hopes the council will approve the budget.", "Anna Novak", "hopes",
     "the council will approve the budget"),
    ("Victor Hale hopes the strike will end soon.", "Victor Hale", "hopes", "the strike will end soon"),
    ("The harbour authority expects the new cranes to arrive in June.", "The harbour authority", "expects",
     "the new cranes to arrive in June"),
    ("Ms Okafor said the tunnel was safe.", "Ms Okafor", "said", "the tunnel was safe"),
    ("Mr Brandt said the tolls would rise.", "Mr Brandt", "said", "the tolls would rise"),
    ("The ferry leaves the harbour at noon.", None, None, None),
    ("Workers repaired the old bridge last year.", None, None, None),
    ("The council opened a new library in Vellmark.", None, None, None),
    ("Fishermen sold their catch at the market.", None, None, None),
    ("The river flooded the lower town in spring.", None, None, None),
]
# Large C and no bucket pruning: a dozen sentences are far too few for the defaults.
TINY = Settings({"quotes.model_c": 100.0, "quotes.model_min_count": 1, "quotes.model_hash_bits": 18})


def _piece(sid: int, text: str, part: str) -> dict:
    start = text.index(part)
    return {"sid": sid, "start": start, "end": start + len(part), "text": part}


def _record(rows) -> dict:
    sentences = ["Bridge news", *(r[0] for r in rows)]
    attributions = []
    for sid, (text, source, cue, content) in enumerate(rows, start=1):
        if cue is None:
            continue
        attributions.append({
            "id": f"E{sid}", "has_source": True, "source": [_piece(sid, text, source)],
            "cue": [_piece(sid, text, cue)], "content": [_piece(sid, text, content)],
            "source_text": source, "source_is_pronoun": False,
        })
    return {"doc_id": "tiny", "sentences": sentences, "attributions": attributions}


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def docs(nlp):
    texts = _record(TRAINING)["sentences"]
    return dict(zip(texts, nlp.pipe(texts)))


@pytest.fixture(scope="module")
def tiny(docs):
    return fit([_record(TRAINING)], docs.__getitem__, TINY)


@pytest.fixture(scope="module")
def tiny_path(tiny, tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "quote_model.npz"
    tiny.save(path)
    return path


# --- features and candidates --------------------------------------------------------------


def test_candidates_are_verbs(nlp):
    doc = nlp("Mayor Petra Lindqvist believes the bridge will reopen in May.")
    assert [t.text for t in doc if is_candidate(t)] == ["believes", "reopen"]


def test_cue_features_describe_the_word_and_its_frame(nlp):
    doc = nlp("Mayor Petra Lindqvist believes the bridge will reopen in May.")
    feats = cue_features(doc, doc[3])
    for expected in ("l=believe", "p=VERB", "d=ROOT", "s=nsubj_@PERSON", "se=PERSON", "c=ccomp",
                     "lse=believe_PERSON", "nx=the"):
        assert expected in feats
    assert not any("lindqvist" in f.lower() for f in feats if not f.startswith(("w=", "pv=", "nx=", "lnx=")))


def test_span_candidates_are_subtrees_and_sides_without_repeats(nlp):
    doc = nlp("The bridge will reopen in May, Anna Novak said.")
    said = [t for t in doc if t.text == "said"][0]
    # the clause before the cue is its complement and its prefix: listed once, by relation;
    # after the cue there is only the full stop
    assert [(kind, doc[s:e].text) for kind, (s, e) in span_candidates(doc, said)] == [
        ("ccomp_L", "The bridge will reopen in May")]
    doc = nlp("Officials at the harbour said on Monday that the cranes will arrive in June.")
    said = [t for t in doc if t.text == "said"][0]
    assert [(kind, doc[s:e].text) for kind, (s, e) in span_candidates(doc, said)] == [
        ("prep_full", "on Monday"), ("prep_obj", "Monday"), ("ccomp", "that the cranes will arrive in June"),
        ("suffix", "on Monday that the cranes will arrive in June")]


def test_cue_head_is_the_word_the_cue_hangs_on(nlp):
    doc = nlp("The talks are expected to resume on Monday.")
    start = doc.text.index("are expected")
    assert cue_head(doc, start, start + len("are expected")).text == "expected"


# --- the tiny model -------------------------------------------------------------------------


def test_tiny_model_counts_its_examples(tiny, docs):
    ex = tiny.meta["examples"]
    positives = sum(1 for row in TRAINING if row[2])
    assert ex["cue_positive"] == positives
    assert ex["cue"] == sum(1 for text in _record(TRAINING)["sentences"] for t in docs[text] if is_candidate(t))
    assert tiny.meta["articles"] == 1
    assert tiny.meta["settings"]["quotes.model_c"] == 100.0


def test_tiny_model_ranks_cues_above_other_verbs(tiny, nlp):
    doc = nlp("Mayor Dana Ilves believes the harbour will reopen in August.")
    believes, reopen = doc[3], [t for t in doc if t.text == "reopen"][0]
    assert tiny.cue_probability(doc, believes) > 0.5 > tiny.cue_probability(doc, reopen)


def test_model_frames_find_a_belief_the_rules_skip(tiny, nlp):
    doc = nlp("Mayor Dana Ilves believes the harbour will reopen in August.")
    frames = model_frames(doc, tiny, set(), 0.5, 0.5)
    assert [(doc.text[slice(*f.cue)], doc.text[slice(*f.name)], [doc.text[s:e] for s, e in f.content])
            for f in frames] == [("believes", "Dana Ilves", ["the harbour will reopen in August"])]
    assert frames[0].tags == {"model", "ccomp"}
    assert model_frames(doc, tiny, {doc[3].idx}, 0.5, 0.5) == []  # a cue the rules already read


def test_verbs_of_the_course_of_events_are_never_cues(tiny, nlp):
    # with every candidate accepted, "continued" and "emerged" still give no frame
    doc = nlp("Fighting in Kessling has continued, and new footage has emerged, observers believe.")
    cues = [doc.text[slice(*f.cue)] for f in model_frames(doc, tiny, set(), 0.0, 0.0)]
    assert "believe" in cues and "continued" not in cues and "emerged" not in cues
    doc = nlp("The agency stopped counting the dead in March and ceased publishing its estimates.")
    cues = [doc.text[slice(*f.cue)] for f in model_frames(doc, tiny, set(), 0.0, 0.0)]
    assert "stopped" not in cues and "ceased" not in cues


def test_a_name_inherited_from_the_verb_the_cue_hangs_on_has_its_own_threshold(tiny, nlp):
    # "hoping" takes Dana Ilves from "opened": accepted at min_prob_inherited, while the
    # same shape with a pronoun stays at min_prob_unnamed (here 1.0: never); as does the noun
    # a participle cue modifies
    doc = nlp("Mayor Dana Ilves opened the bridge on Monday, hoping the ferry would return soon.")
    hoping = next(t for t in doc if t.text == "hoping")
    assert quote_model.source_token(hoping)[1] == "inherited"
    p = tiny.cue_probability(doc, hoping)

    def cues(d, *least):  # every other cue accepted at 0.0 with its own subject
        return [(d.text[slice(*f.cue)], d.text[slice(*f.speaker)] if f.speaker else None, f.speaker_kind)
                for f in model_frames(d, tiny, set(), 0.0, 1.0, *least) if d.text[slice(*f.cue)] == "hoping"]

    assert cues(doc) == [] and cues(doc, min(1.0, p + 1e-6)) == []
    assert cues(doc, p) == [("hoping", "Mayor Dana Ilves", "name")]
    pronoun = nlp("She opened the bridge on Monday, hoping the ferry would return soon.")
    assert cues(pronoun, 0.0) == []
    # the noun a participle cue modifies is reached the same way
    doc = nlp("The mayor met fishermen hoping the ferry would return soon.")
    hoping = next(t for t in doc if t.text == "hoping")
    assert quote_model.source_token(hoping)[1] == "antecedent"
    p = tiny.cue_probability(doc, hoping)
    assert cues(doc) == [] and cues(doc, p) == [("hoping", "fishermen", "description")]


def test_a_happening_is_never_a_source(tiny, nlp):
    # with every candidate accepted, "the conflict claimed" gives no frame; "observers believe" does
    doc = nlp("The conflict claimed more lives, and observers believe it will spread.")
    cues = [doc.text[slice(*f.cue)] for f in model_frames(doc, tiny, set(), 0.0, 0.0)]
    assert "believe" in cues and "claimed" not in cues


def test_a_raising_verb_with_a_predicate_adjective_or_noun_is_no_attribution(tiny, nlp):
    # with every candidate accepted: "seemed eager" and "seems a near certainty" describe how
    # something looked to the writer; "appeared to fail" and "seems to agree" stay, sourceless
    doc = nlp("The mayor seemed eager to leave the harbour, and the plan appeared to fail.")
    found = [(doc.text[slice(*f.cue)], [doc.text[s:e] for s, e in f.content])
             for f in model_frames(doc, tiny, set(), 0.0, 0.0)]
    assert ("appeared", ["to fail"]) in found and "seemed" not in [cue for cue, _ in found]
    doc = nlp("The plan seems a near certainty, and the council seems to agree.")
    found = [(doc.text[slice(*f.cue)], [doc.text[s:e] for s, e in f.content])
             for f in model_frames(doc, tiny, set(), 0.0, 0.0)]
    assert [f for f in found if f[0] == "seems"] == [("seems", ["to agree"])]


def test_saved_model_holds_numbers_only_and_loads_back(tiny, tiny_path, nlp):
    assert tiny.continuation is None  # no sentence here carries a quote on: nothing to learn
    with np.load(tiny_path, allow_pickle=False) as z:
        assert sorted(z.files) == ["bits", "content_bias", "content_buckets", "content_weights",
                                   "cue_bias", "cue_buckets", "cue_weights"]
        assert all(z[k].dtype.kind in "if" for k in z.files)
    meta = json.loads(tiny_path.with_suffix(".json").read_text())
    assert meta["format_version"] == 1 and meta["examples"] == tiny.meta["examples"]
    back = load(tiny_path)
    doc = nlp("Victor Hale hopes the strike will end soon.")
    assert back.cue_probability(doc, doc[2]) == pytest.approx(tiny.cue_probability(doc, doc[2]), abs=0.01)
    assert back.best_content(doc, doc[2]) == tiny.best_content(doc, doc[2])


def test_missing_or_broken_model_means_rules_only(tmp_path, tiny_path):
    assert load(tmp_path / "absent.npz") is None
    (tmp_path / "broken.npz").write_bytes(b"not a model")
    assert load(tmp_path / "broken.npz") is None
    future = tmp_path / "future.npz"
    future.write_bytes(tiny_path.read_bytes())
    future.with_suffix(".json").write_text(json.dumps({"format_version": 99}))
    assert load(future) is None
    assert quote_model.model_for(Settings({"quotes.model": False})) is None
    texts = ["Anna Novak believes the ferry will run again.", "The bridge will reopen in May, Tom Reed said."]
    absent = Settings({"quotes.model_path": str(tmp_path / "absent.npz")})
    rules = Settings({"quotes.model": False})
    assert find_quotes(annotate(texts), "a", absent) == find_quotes(annotate(texts), "a", rules)


def test_find_quotes_uses_the_model_beside_the_rules(tiny_path):
    texts = ["Mayor Dana Ilves believes the harbour will reopen in August.",
             "The bridge will reopen in May, Tom Reed said."]
    on = Settings({"quotes.model_path": str(tiny_path), "quotes.model_min_prob": 0.5,
                   "quotes.model_veto_prob": 0.0, "quotes.model_continue_prob": 0.99})
    found = find_quotes(annotate(texts), "a", on, ordered=False)
    assert [(q.speaker_name, q.text, q.cue.text) for q in found] == [
        ("Dana Ilves", "the harbour will reopen in August", "believes"),
        ("Tom Reed", "The bridge will reopen in May", "said"),
    ]
    rules = find_quotes(annotate(texts), "a", Settings({"quotes.model": False}), ordered=False)
    assert [q.speaker_name for q in rules] == ["Tom Reed"]


# --- sources from the parse -----------------------------------------------------------------


@pytest.mark.parametrize("text, cue, source, how", [
    ("The plan seemed to fail.", "seemed", None, "raising"),
    ("The report was praised by the mayor.", "praised", "mayor", "agent"),
    ("The report was praised last week.", "praised", None, "none"),
    ("Reed ended the meeting by saying the bridge is safe.", "saying", "Reed", "inherited"),
    ("Novak hopes the strike will end.", "hopes", "Novak", "subject"),
    ("By late summer, the Harwick campaign looked increasingly vulnerable.", "looked", None, "raising"),
    ("Mayor Tilda Reed is looking to settle the dispute with the union.", "looking", "Reed", "subject"),
    # "CONTENT, said X": the phrase after the cue, not a piece of the content parsed as subject
    ("Its not a party anymore, its a family, said the younger Mr. Halvorsen.", "said", "Halvorsen", "subject"),
])
def test_source_token(nlp, text, cue, source, how):
    doc = nlp(text)
    tok = [t for t in doc if t.text == cue][0]
    found, kind = source_token(tok)
    assert (found.text if found is not None else None, kind) == (source, how)


# --- learned continuation -------------------------------------------------------------------


def _postposed(nlp, texts):
    sentences = [AnnotatedSentence(i, t, nlp(t), True) for i, t in enumerate(texts)]
    doc = sentences[1].doc
    frame = Frame(cue=(doc.text.index("said"), doc.text.index("said") + 4), content=[(0, 18)],
                  lemma="say", cue_before=False, speaker_kind="name")
    return sentences, frame


def test_a_quote_is_not_carried_into_a_sentence_the_model_gives_a_speaker_of_its_own(tiny, tmp_path):
    # a continuation model that always carries on: Okafor's quote still stops before the
    # sentence whose belief the model gives to Ilves; Ilves's quote carries on past it
    eager = quote_model.QuoteModel(tiny.bits, tiny.cue, tiny.content, quote_model.Linear({}, 30.0), tiny.meta)
    eager.save(tmp_path / "eager.npz")
    settings = Settings({"quotes.model_path": str(tmp_path / "eager.npz"), "quotes.model_min_prob": 0.5,
                         "quotes.model_min_prob_unnamed": 0.5})
    sentences = annotate(["The tunnel will stay shut until May, Ms Okafor said.",
                          "Mayor Dana Ilves believes the harbour will reopen in August.",
                          "The ferry will run all winter."])
    found = find_quotes(sentences, "a1", settings)
    assert [(q.speaker_name, [(c.sentence_index, c.text) for c in q.content]) for q in found] == [
        ("Okafor", [(0, "The tunnel will stay shut until May")]),
        ("Dana Ilves", [(1, "the harbour will reopen in August"), (2, "The ferry will run all winter.")]),
    ]
    # a third-person pronoun speaks for itself too; a first-person belief is part of the quote
    for text, carried in (("She believes the harbour will reopen in August.", False),
                          ("I believe the harbour will reopen in August.", True)):
        found = find_quotes(annotate(["The tunnel will stay shut until May, Ms Okafor said.", text]), "a1", settings)
        okafor = next(q for q in found if q.speaker_name == "Okafor")
        assert [c.sentence_index for c in okafor.content] == ([0, 1] if carried else [0])


def test_step_features_read_person_cues_and_direction(nlp):
    sentences, frame = _postposed(nlp, ["Tom Reed chairs the council.", "We tested it twice, Reed said.",
                                        "I am sure it is safe."])
    feats = step_features(frame, sentences[1].text, sentences[2].text, sentences[2].doc, 1, 1)
    # the content starts the sentence and stops before the attribution ("..., Reed said.")
    for expected in ("ds=f1", "cat=postf", "fp=Truef", "cue=Falsef", "w0=if", "end=Falsef", "start=Truef",
                     "mix=postf1_True_False_False"):
        assert expected in feats
    assert "person" + "f" not in feats
    back = step_features(frame, sentences[1].text, sentences[0].text, sentences[0].doc, -1, 1)
    assert {"ds=b1", "fp=Falseb", "personb"} <= set(back)


def test_carry_learned_follows_the_probability_and_stops_at_attributions(nlp):
    texts = ["Tom Reed chairs the council.", "We tested it twice, Reed said.", "I am sure it is safe.",
             "We will open it in May.", "The council meets on Friday."]
    sentences, frame = _postposed(nlp, texts)
    content = [sentences[1].span(0, 18)]
    first_person = lambda feats: 1.0 if any(f.startswith("fp=True") for f in feats) else 0.0  # noqa: E731
    out = carry_learned(frame, 1, content, sentences, set(), Settings(), first_person)
    assert [c.sentence_index for c in out] == [1, 2, 3]
    out = carry_learned(frame, 1, content, sentences, {3}, Settings(), first_person)
    assert [c.sentence_index for c in out] == [1, 2]
    assert carry_learned(frame, 1, content, sentences, set(), Settings(), lambda f: 0.0) == content


def test_carry_learned_stops_at_a_sentence_that_names_the_speaker(nlp):
    texts = ["Tom Reed chairs the council.", "We tested it twice, Reed said.", "I am sure it is safe.",
             "Now Reed will take the plan to the minister.", "We will open it in May."]
    sentences, frame = _postposed(nlp, texts)
    content = [sentences[1].span(0, 18)]
    always = lambda feats: 1.0  # noqa: E731
    out = carry_learned(frame, 1, content, sentences, set(), Settings(), always, speaker="Tom Reed")
    assert [c.sentence_index for c in out] == [1, 2]
    # a description or an unknown speaker names nobody
    out = carry_learned(frame, 1, content, sentences, set(), Settings(), always, speaker="unknown")
    assert [c.sentence_index for c in out] == [0, 1, 2, 3, 4]


def test_continuation_examples_follow_the_annotated_content(tiny, nlp):
    sentences = ["Bridge news", "We tested it twice, Reed said.", "I am confident the bridge is safe.",
                 "The council meets on Friday."]
    record = {"doc_id": "cont", "sentences": sentences, "attributions": [{
        "id": "E1", "source": [_piece(1, sentences[1], "Reed")], "cue": [_piece(1, sentences[1], "said")],
        "content": [_piece(1, sentences[1], "We tested it twice"),
                    _piece(2, sentences[2], "I am confident the bridge is safe")]}]}
    parsed = {t: nlp(t) for t in sentences}
    xs, ys = continuation_examples([record], parsed.__getitem__, tiny)
    # forward: the next sentence carries on, the one after does not (and ends the walk);
    # backward: the title is never part of a quote
    assert ys == [True, False]
    assert {"ds=f1", "cat=postf", "fp=Truef"} <= set(xs[0]) and {"ds=f2", "fp=Falsef"} <= set(xs[1])


# --- the parse gate and the surface patterns --------------------------------------------------


def test_needs_parse_asks_for_attitude_verbs_but_not_plain_reports():
    assert needs_parse("Anna Novak believes the ferry will run again.")
    assert needs_parse("The council refused to publish the report.")
    # irregular past forms of attitude verbs
    assert needs_parse("Anna Novak thought the ferry would run again.")
    assert needs_parse("The council sought to delay the vote.")
    assert not needs_parse("The plans were published on Monday.")  # a mostly-noun form
    assert not needs_parse("Novak said the bridge is safe.")  # read exactly without a parse
    assert needs_parse("Novak said on Monday that the bridge is safe.")
    assert needs_parse("Novak said the bridge, which opened in 1998, is safe.")


def test_lexical_that_pattern_skips_an_addressee_only_after_told(nlp):
    said = "Reed said the event has raised money for veterans."
    told = "Reed told Fox News the event has raised money for veterans."
    assert [said[s:e] for s, e in lexical_frames(said, nlp(said))[0].content] == [
        "the event has raised money for veterans"]
    assert [told[s:e] for s, e in lexical_frames(told, nlp(told))[0].content] == [
        "the event has raised money for veterans"]


# --- PolNeAR reader and the train-quotes command --------------------------------------------

RAW_TEXT = "Bridge talks stall\n\nMayor Petra Lindqvist said the bridge would reopen in May. \u201cWe are sure,\u201d she added.\n"
RAW_ANN = """T1\tSource 20 41\tMayor Petra Lindqvist
T2\tCue 42 46\tsaid
T3\tContent 47 77\tthe bridge would reopen in May
T4\tAttribution 42 46\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 79 93\t\u201cWe are sure,\u201d
T6\tSource 94 97\tshe
T7\tCue 98 103\tadded
T8\tAttribution 98 103\tadded
E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6
"""


def test_read_brat_and_convert_a_document():
    import random

    attributions = read_brat_text(RAW_ANN)
    assert [(a["id"], a["has_source"], a["cue"]) for a in attributions] == [("E1", True, [(42, 46)]),
                                                                            ("E2", True, [(98, 103)])]
    record = convert_doc("paper_2016-01-02_bridge", RAW_TEXT, attributions, random.Random(1))
    assert record["sentences"] == ["Bridge talks stall", "Mayor Petra Lindqvist said the bridge would reopen in May.",
                                   "We are sure, she added."]
    first, second = record["attributions"]
    assert [(p["sid"], p["text"]) for p in first["content"]] == [(1, "the bridge would reopen in May")]
    assert (first["quote_type"], first["source_is_pronoun"], first["cross_sentence"]) == ("indirect", False, False)
    assert [(p["sid"], p["text"]) for p in second["content"]] == [(2, "We are sure,")]
    assert (second["quote_type"], second["source_is_pronoun"]) == ("direct", True)
    assert record["date"] == "20160102"


def read_brat_text(text: str) -> list[dict]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.ann"
        path.write_text(text, encoding="utf-8")
        return read_brat(path)


def _raw_split(root):
    raw = root / "quotes" / "polnear" / "raw"
    (raw / "train" / "text").mkdir(parents=True)
    (raw / "train" / "attributions").mkdir()
    (raw / "train" / "text" / "paper_2016-01-02_bridge.txt").write_text(RAW_TEXT, encoding="utf-8")
    (raw / "train" / "attributions" / "paper_2016-01-02_bridge_ab12.ann").write_text(RAW_ANN, encoding="utf-8")
    (raw / "metadata.tsv").write_text("compartment\tfilename\tlevel\tannotators\ntrain\tpaper_2016-01-02_bridge"
                                      "\tNone\tab12\n", encoding="utf-8")
    return raw


def test_convert_raw_split_writes_gold_and_three_conditions(tmp_path):
    raw = _raw_split(tmp_path)
    out = convert_raw_split(raw / "train", raw / "metadata.tsv", "train", tmp_path / "conv")
    gold = [json.loads(line) for line in (out / "gold.jsonl").read_text().splitlines()]
    assert [g["doc_id"] for g in gold] == ["paper_2016-01-02_bridge"]
    with_quotes = (out / "ordered_with_quotes" / "paper_2016-01-02_bridge.txt").read_text().splitlines()
    assert with_quotes[-1] == "\u201cWe are sure,\u201d she added."
    assert (out / "ordered" / "paper_2016-01-02_bridge.txt").read_text().splitlines() == [
        "Bridge talks stall", "20160102", "urn:polnear:converted:paper_2016-01-02_bridge",
        "Mayor Petra Lindqvist said the bridge would reopen in May.", "We are sure, she added."]


def test_train_quotes_command_writes_model_and_sidecar(tmp_path):
    _raw_split(tmp_path)
    out = tmp_path / "m.npz"
    result = CliRunner().invoke(cli, ["train-quotes", "--data", str(tmp_path), "--out", str(out), "--quiet",
                                      "--set", "quotes.model_min_count=1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    meta = json.loads(out.with_suffix(".json").read_text())
    assert meta["articles"] == 1 and meta["examples"]["cue_positive"] == 2
    assert meta["path"].endswith("train") and re.fullmatch(r"[0-9a-f]{64}", meta["inputs_sha256"])
    assert meta["source"].startswith("PolNeAR train") and meta["development_fold_left_out"] is False
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["trained"]) and re.fullmatch(r"en_core_web_sm\S* 3\.8\.0", meta["spacy_model"])
    assert load(out) is not None


def test_train_quotes_without_data_says_where_to_look(tmp_path):
    result = CliRunner().invoke(cli, ["train-quotes", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: NOT_FOUND no PolNeAR raw train split under")


def test_the_packaged_model_reads_no_quote_into_a_charge_someone_denies():
    # the parser glues "a charge" onto Kessling; neither the rules nor the model may then
    # attribute the accusation before it to Kessling
    sentences = annotate(["Ms Lindqvist accused Northford of harassing families in the valley, a charge Kessling denies."])
    found = find_quotes(sentences, "a1", Settings())
    assert "Kessling" not in [q.speaker_name for q in found]
    assert [q.speaker_name for q in found] == ["Lindqvist"]


def test_a_content_ends_before_a_cue_coordinated_with_its_own():
    # the model reads "tweeted" with the rest of the sentence for content; the coordinated
    # "said" is an attribution of its own, so the first content ends before "and said"
    sentences = annotate(["Fields later tweeted a photograph of the damage and said the bridge had collapsed."])
    found = find_quotes(sentences, "a1", Settings())
    assert sorted((q.cue.text, q.text) for q in found) == [
        ("said", "the bridge had collapsed"), ("tweeted", "a photograph of the damage")]


def test_a_gerund_content_runs_over_the_list_the_parser_split_off():
    # the parser hangs "hiring" on "backed"; the list closes with "and closing"
    found = find_quotes(annotate(["The mayor backed raising the levy, hiring more nurses and closing the old depot."]),
                        "a1", Settings())
    assert [(q.cue.text, q.text) for q in found] == [
        ("backed", "raising the levy, hiring more nurses and closing the old depot")]
    # a participle that is a cue of its own is not an item of the list
    found = find_quotes(annotate(["The mayor backed raising the levy, saying the nurses needed it."]), "a1", Settings())
    assert sorted((q.cue.text, q.text) for q in found) == [
        ("backed", "raising the levy"), ("saying", "the nurses needed it")]


@pytest.mark.parametrize("text, speaker, content", [
    ("Asked if she would run again, the mayor said no.", "the mayor", "no"),
    ("Sorry, Varga said.", "Varga", "Sorry"),
])
def test_a_one_word_answer_is_a_quote(text, speaker, content):
    found = [q for q in find_quotes(annotate([text]), "a1", Settings()) if q.cue.text == "said"]
    assert [(q.speaker_name, q.text) for q in found] == [(speaker, content)]


def test_one_word_that_is_no_answer_is_still_too_short():
    assert find_quotes(annotate(["Lund said so."]), "a1", Settings()) == []


@pytest.mark.parametrize("text, found", [
    # a thing for object: a stance toward it (PolNeAR annotates it), no words said
    ("The union ignored a deadline to return to work by Monday.",
     [("ignored", "a deadline to return to work by Monday", "stance")]),
    ("The council rejected a request from the traders to close the market early.",
     [("rejected", "a request from the traders to close the market early", "stance")]),
    ("The mayor rejected what she called a smear within minutes of the report.",
     [("rejected", "what she called a smear within minutes of the report", "stance")]),
    # a noun with a proposition gives words
    ("The mayor rejected the claim that the bridge was unsafe.",
     [("rejected", "the claim that the bridge was unsafe", "indirect")]),
    ("The mayor explained what the new bridge would cost.",
     [("explained", "what the new bridge would cost", "indirect")]),
    # when the act happened says nothing of the thing: a time phrase, a time clause, an adverb
    ("Harlow has claimed it since 1998, when its parliament voted on the matter.",
     [("claimed", "it since 1998, when its parliament voted on the matter", "stance")]),
    ("Harlow has claimed the island ever since the war ended.",
     [("claimed", "the island ever since the war ended", "stance")]),
    ("The union ignored it again on Monday.", [("ignored", "it again on Monday", "stance")]),
    # a verb of view with its "as" predicate: a view held
    ("Many farmers see the new levy as a tax on rain.", [("see", "the new levy as a tax on rain", "stance")]),
    ("The club has regarded the old stadium as its home since 1990.",
     [("regarded", "the old stadium as its home since 1990", "stance")]),
])
def test_a_thing_for_content_is_a_stance_not_words(text, found):
    quotes = find_quotes(annotate([text]), "a1", Settings())
    assert [(q.cue.text, q.text, q.kind) for q in quotes] == found


@pytest.mark.parametrize("text, found", [
    # a refusal to say gives no words: PolNeAR annotates it, so it stays, as a stance
    ("The mayor would not say whether the bridge would reopen before winter.",
     [("the mayor", "say", "whether the bridge would reopen before winter", "stance")]),
    ("Lund declined to say when the plant would close.",
     [("Lund", "declined", "to say when the plant would close", "stance")]),
    ("Lund refused to comment on the closure.", [("Lund", "refused", "to comment on the closure", "stance")]),
    # a refusal of something else is what it was
    ("Lund declined to attend the launch, saying the budget was too small.",
     [("Lund", "saying", "the budget was too small", "indirect"),
      ("Lund", "declined", "to attend the launch", "indirect")]),
    # a request not to be named is about the speaker: no attribution
    ("The deal could still collapse, said a senior Vellmark official, who asked not to be named.",
     [("a senior Vellmark official", "said", "The deal could still collapse", "indirect")]),
])
def test_words_withheld_are_no_quote_of_words(text, found):
    quotes = find_quotes(annotate([text]), "a1", Settings())
    assert [(q.speaker_name, q.cue.text, q.text, q.kind) for q in quotes] == found


@pytest.mark.parametrize("text, found", [
    # what someone called a thing names it
    ("Ferries were held in port overnight for what harbour officials described as a routine safety check.",
     [("harbour officials", "described", "a routine safety check", "stance")]),
    ("Ferries were held for what the Coast Authority called a routine safety check.",
     [("the Coast Authority", "called", "a routine safety check", "stance")]),
    # a thing announced is no words; a clause announced is
    ("The merger was announced on Friday by Vellmark chief executive Ines Moro after a board meeting.",
     [("Ines Moro", "announced", "The merger", "stance")]),
    ("It was announced on Friday by Vellmark that the plant would close.",
     [("unknown", "announced", "that the plant would close", "indirect")]),
])
def test_a_thing_named_or_announced_is_a_stance_not_words(text, found):
    quotes = find_quotes(annotate([text]), "a1", Settings())
    assert [(q.speaker_name, q.cue.text, q.text, q.kind) for q in quotes] == found


@pytest.mark.parametrize("text, cue_word, content, dropped", [
    ("The gate stayed shut all week, according to a guard who asked not to be named.", "asked", "not to be named", True),
    ("The gate stayed shut all week, a guard who declined to be identified told us.", "declined", "to be identified", True),
    ("A guard spoke on condition of anonymity, fearing for his job.", "spoke",
     "on condition of anonymity, fearing for his job", True),
    ("The talks had stalled, said one aide, declining to be named because the talks were private.", "declining",
     "to be named because the talks were private", True),
    ("The guard asked to be moved to the night shift.", "asked", "to be moved to the night shift", False),
    ("The guard hoped to be named captain.", "hoped", "to be named captain", False),
])
def test_a_request_not_to_be_named_is_no_attribution(text, cue_word, content, dropped):
    # by the text alone, so a sentence read with the surface patterns drops it too
    cue_at, content_at = text.index(cue_word), text.index(content)
    frame = Frame(cue=(cue_at, cue_at + len(cue_word)), content=[(content_at, content_at + len(content))])
    assert without_anonymity(text, [frame]) == ([] if dropped else [frame])


def test_a_cue_in_the_reason_for_a_request_not_to_be_named_is_none_either():
    text = "An engineer who asked not to be named, as she may not talk about the plant, said the pumps failed."
    def at(word: str, content: str) -> Frame:
        return Frame(cue=(text.index(word), text.index(word) + len(word)),
                     content=[(text.index(content), text.index(content) + len(content))])
    said = at("said", "the pumps failed")
    frames = [at("asked", "not to be named, as she may not talk about the plant"), at("talk", "the plant"), said]
    assert without_anonymity(text, frames) == [said]


def test_an_object_carried_on_over_the_next_sentence_is_words():
    # the words after "the following statement" are what was said
    sentences = annotate(["The club released the following statement",
                          "We are saddened by the news, and our thoughts are with his family."])
    quotes = find_quotes(sentences, "a1", Settings())
    assert [(q.cue.text, len(q.content), q.kind) for q in quotes] == [("released", 2, "indirect")]


def test_a_stance_in_an_article_with_quote_marks():
    # the marks tell words said; a thing for object is a stance there too
    sentences = annotate(["\u201cWe will not pay,\u201d the mayor said.", "The council rejected the offer within a day."])
    quotes = find_quotes(sentences, "a1", Settings())
    assert [(q.cue.text, q.text, q.kind) for q in quotes] == [
        ("said", "We will not pay", "direct"), ("rejected", "the offer within a day", "stance")]


@pytest.mark.parametrize("text, found", [
    # what the cue says of its object stays words: a request, a name given, a verdict
    ("The mayor urged the traders to keep the market open.",
     [("urged", "the traders to keep the market open", "indirect")]),
    ("The mayor called the plan a disgrace.", [("called", "the plan a disgrace", "indirect")]),
    ("The mayor condemned the closures as reckless and said the council would appeal.",
     [("condemned", "the closures as reckless", "indirect"), ("said", "the council would appeal", "indirect")]),
    # a portrayal's "as" is what was said of the object; a reason or a predicate is no time
    ("Critics have painted the budget as reckless.", [("painted", "the budget as reckless", "indirect")]),
    ("The minister criticized the mayor for backing the 2019 budget.",
     [("criticized", "the mayor for backing the 2019 budget", "indirect")]),
    ("A new poll shows Lund 12 points ahead of Varga in the north.",
     [("shows", "Lund 12 points ahead of Varga in the north", "indirect")]),
    # a pronoun carrying words: an exclamation
    ("She declared What a wonderful Saturday!", [("declared", "What a wonderful Saturday", "indirect")]),
])
def test_what_a_cue_says_of_its_object_stays_a_quote(text, found):
    quotes = find_quotes(annotate([text]), "a1", Settings())
    assert [(q.cue.text, q.text, q.kind) for q in quotes] == found


@pytest.mark.parametrize("text, found", [
    # the one spoken to is no content; the teacher's own words stay hers
    ("The station will also talk to a retired teacher who says the mayor inspired her.",
     [("says", "a retired teacher", "the mayor inspired her")]),
    # a time or a place is no content either
    ("The lawyer would not comment after the Tuesday hearing.", []),
    ("Heavy frost is expected across the northern valleys.", []),
    # nor for the surface patterns that read a sentence left without a frame
    ("Both of the injured drivers testified during the long trial.", []),
    # what was talked about stays
    ("The mayor talked about the new bridge on Sunday.", [("talked", "the mayor", "the new bridge")]),
])
def test_a_model_content_of_time_place_or_addressee_is_no_quote(text, found):
    quotes = find_quotes(annotate([text]), "a1", Settings())
    assert [(q.cue.text, q.speaker_name, q.text) for q in quotes] == found


def test_a_participle_of_manner_before_its_cue_is_no_quote_of_its_own():
    # the packaged model reads "writing" as a cue whose content runs on over the "said" it
    # hangs on; that content would hold the real attribution and push it out (sentence
    # written for this test)
    text = "Judge Ada Roth, writing for the majority, said the ferry rules were fair."
    found = find_quotes(annotate([text]), "a1", Settings())
    assert [(q.speaker.text, q.cue.text, q.text) for q in found] == [
        ("Judge Ada Roth", "said", "the ferry rules were fair")]


def test_the_words_before_a_model_cue_end_before_a_speaker_the_parser_gave_no_subject():
    # the parse a crawl sentence had: the speaker hung as a conjunct of the place before it,
    # the cue as a conjunct of the first verb; the model's words before the cue ran over the
    # speaker, and the quote was dropped as one whose speaker lies inside it (base: no quote)
    sentence = parsed(
        "We/PRP/PRON/nsubj>1 want/VBP/VERB/ROOT>1 to/TO/PART/aux>3 see/VB/VERB/xcomp>1 faster/JJR/ADJ/amod>5=fast "
        "action/NN/NOUN/dobj>3 in/IN/ADP/prep>3 terms/NNS/NOUN/pobj>6=term of/IN/ADP/prep>7 "
        "Varenia/NNP/PROPN/pobj>8/GPE ,/,/PUNCT/punct>9 Defence/NNP/PROPN/compound>12 Minister/NNP/PROPN/compound>14 "
        "Tal/NNP/PROPN/compound>14/PERSON Oren/NNP/PROPN/conj>9/PERSON told/VBD/VERB/conj>1=tell "
        "reporters/NNS/NOUN/dobj>15=reporter ./././PUNCT/punct>15")
    found = find_quotes([sentence], "a1", Settings())
    assert [(q.speaker_name, q.cue.text, q.text) for q in found] == [
        ("Tal Oren", "told", "We want to see faster action in terms of Varenia")]

@pytest.mark.parametrize(("text", "content"), [
    # the speaker's title between commas goes with the speaker, not the words (base: no
    # quote, or the act of recalling by Arnholt with the spokeswoman inside its words)
    ("Kessel has closed half of its ferry routes to Varenia, a harbour spokeswoman, Ada Roth, told a briefing.",
     "Kessel has closed half of its ferry routes to Varenia"),
    ("Arnholt has recalled half of its trade staff from Varenia, a council spokeswoman, Ada Roth, told a briefing.",
     "Arnholt has recalled half of its trade staff from Varenia"),
])
def test_the_words_before_a_model_cue_end_before_the_speakers_title(text, content):
    found = find_quotes(annotate([text]), "a1", Settings())
    assert [(q.speaker_name, q.cue.text, q.text) for q in found] == [("Ada Roth", "told", content)]


def test_a_question_whose_speaker_does_not_close_the_words_before_the_cue_is_no_quote():
    # a crawl sentence's parse: the participle's source inherited from the question's
    # subject, with an adverb after it; the words before the cue are not cut at the subject
    # (that made "Tal, what are" a quote by "people")
    sentence = parsed(
        "Tal/NNP/PROPN/npadvmod>3/PERSON ,/,/PUNCT/punct>0 what/WP/PRON/attr>3 are/VBP/AUX/ROOT>3=be "
        "people/NNS/NOUN/nsubj>3 ,/,/PUNCT/punct>3 there/RB/ADV/advmod>3 ,/,/PUNCT/punct>3 "
        "saying/VBG/VERB/advcl>3=say ?/./PUNCT/punct>3")
    assert find_quotes([sentence], "a1", Settings()) == []


def test_the_words_before_a_model_cue_end_before_a_speaker_with_an_aside():
    # the speaker's aside between it and the cue (base: no quote; the round before: none)
    text = "The dogs were kept in cold cages, dark cages, Ada Roth, of the Kessel Animal Trust, told the Courier."
    found = find_quotes(annotate([text]), "a1", Settings())
    assert [(q.speaker_name, q.cue.text, q.text) for q in found] == [
        ("Ada Roth", "told", "The dogs were kept in cold cages, dark cages")]
