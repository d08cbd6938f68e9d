"""Transcript turn labels (nlp.mention_speakers) and known bodies' labels (entities round 15).

Sentences written for these tests."""

from __future__ import annotations

from storyline.nlp.mention_speakers import transcript_speakers
from storyline.records import Mention, Span


def _m(sentence: str, name: str, label: str, index: int = 0) -> Mention:
    start = sentence.index(name)
    return Mention("a1", Span(index, start, start + len(name), name), label)


def test_a_name_in_capitals_before_a_transcripts_colon_is_a_person():
    texts = [
        "MARLOWE, KEST ONE NEWS CORRESPONDENT (voice-over): The talks went on late.",
        "PRESCOTT: Thank you for joining us tonight.",
        "(CROSSTALK) MARLOWE: We never said that.",
        "The budget was -- PRESCOTT: Let me stop you there.",
    ]
    found = [[_m(texts[0], "MARLOWE", "ORG", 0), _m(texts[0], "KEST ONE NEWS", "ORG", 0)],
             [_m(texts[1], "PRESCOTT", "ORG", 1)],
             [_m(texts[2], "MARLOWE", "ORG", 2)],
             [_m(texts[3], "PRESCOTT", "GPE", 3)]]
    got = [[(m.span.text, m.label, m.evidence) for m in ms] for ms in transcript_speakers(found, texts)]
    assert got == [
        [("MARLOWE", "PERSON", "context"), ("KEST ONE NEWS", "ORG", "")],
        [("PRESCOTT", "PERSON", "context")],
        [("MARLOWE", "PERSON", "context")],
        [("PRESCOTT", "PERSON", "context")],
    ]


def test_one_name_before_a_colon_is_a_headline_and_known_bodies_keep_their_label():
    texts = ["NORSEC: the plant will close in May.", "Workers at Norsec were told on Friday."]
    found = [[_m(texts[0], "NORSEC", "ORG")], [_m(texts[1], "Norsec", "ORG", 1)]]
    assert transcript_speakers(found, texts) == found  # one colon: a headline, no transcript
    texts = ["NATO: We will meet again.", "HALVORSEN: The alliance has agreed."]
    found = [[_m(texts[0], "NATO", "ORG")], [_m(texts[1], "HALVORSEN", "ORG", 1)]]
    got = [[(m.span.text, m.label) for m in ms] for ms in transcript_speakers(found, texts)]
    assert got == [[("NATO", "ORG")], [("HALVORSEN", "PERSON")]]
    # an outlet's initials ask an interview's questions: no person
    texts = ["KTVN: What comes next?", "HALVORSEN: More talks.", "KTVN: And after that?"]
    found = [[_m(t, t.split(":")[0], "ORG", i)] for i, t in enumerate(texts)]
    got = [[(m.span.text, m.label) for m in ms] for ms in transcript_speakers(found, texts)]
    assert got == [[("KTVN", "ORG")], [("HALVORSEN", "PERSON")], [("KTVN", "ORG")]]
    texts = ["Growth slowed: MARLOWE said so.", "PRESCOTT said: no."]  # no turn label before a colon
    found = [[_m(texts[0], "MARLOWE", "ORG")], [_m(texts[1], "PRESCOTT", "ORG", 1)]]
    assert transcript_speakers(found, texts) == found


def _at(text: str, sentence: str, label: str, index: int) -> Mention:
    return _m(sentence, text, label, index)


def test_a_known_body_named_by_its_building_stays_a_body_whatever_the_place_cues():
    from storyline.canonical_types import type_article
    texts = {0: "The adviser walked into the White House at noon.", 1: "Aides met at the heart of the White House on Monday.",
             2: "The White House said the talks would resume.", 3: "The envoy flew to the White House yesterday."}
    # the model's GPE or FAC on the name is made ORG before (mention_labels.corrected_label)
    ms = [_at("White House", texts[k], "ORG", k) for k in range(4)]
    assert [(m.label, m.evidence) for m in type_article(ms, texts, surnames=set())] == [("ORG", "")] * 4
    # a name no one knows is read from the same cues
    other = {k: t.replace("White House", "Brask Lodge") for k, t in texts.items()}
    ms = [_at("Brask Lodge", other[k], "ORG", k) for k in range(4)]
    assert [m.label for m in type_article(ms, other, surnames=set())] == ["GPE"] * 4


def test_a_broadcasters_name_ending_in_tv_or_radio_is_a_body_and_the_mod_is_one():
    from storyline.canonical_types import head_label
    from storyline.nlp.mention_labels import corrected_label
    assert head_label("Kest Valley TV", "GPE") == "ORG"
    assert head_label("Norvik Radio", "PERSON") == "ORG"
    assert head_label("Brask Television", "LOC") == "ORG"
    assert corrected_label("MoD", "GPE") == ("ORG", "")
    assert corrected_label("the MoD", "LOC") == ("ORG", "")


def test_a_leaders_surname_as_written_tagged_a_body_is_the_leader_named_so_far_more_often():
    # "forces loyal to Vardek", "Vardeks government" tagged ORG; the bare "Vardek" is his
    # name far more often than it is a body's
    from storyline.canonical import NameResolver

    def m(text: str, label: str, article: str) -> Mention:
        return Mention(article, Span(0, 0, len(text), text), label)

    r = NameResolver()
    leader = r.add([m("Osman Vardek", "PERSON", "a1")] + [m("Vardek", "PERSON", "a1")] * 3, "s1")[0]
    early = r.add([m("Vardek", "ORG", "a0")], "s0")[0]  # before he was a recurring figure
    assert early != leader
    r.add([m("Osman Vardek", "PERSON", "a2"), m("Vardek", "PERSON", "a2"), m("Vardek", "PERSON", "a2")], "s2")
    assert r.add([m("Vardek", "ORG", "a3")], "s3") == [leader]
    assert r.canonical_id(early) == leader
    assert [(e.name, e.label, e.mentions) for e in r.entities()] == [("Osman Vardek", "PERSON", 9)]
    # a company named for its founder, named so as often as he is by his surname: apart
    r = NameResolver()
    founder = r.add([m("Ines Brandvik", "PERSON", "b1"), m("Brandvik", "PERSON", "b1")], "t1")[0]
    r.add([m("Ines Brandvik", "PERSON", "b2"), m("Brandvik", "PERSON", "b2")], "t2")
    r.add([m("Brandvik", "ORG", f"c{i}") for i in range(2)], "t3")
    assert r.add([m("Brandvik", "ORG", "c3")], "t4") != [founder]
    # a word named far more often as a town than as the person's bare surname: the town's
    r = NameResolver()
    r.add([m("Anna Torvik", "PERSON", "e1")] + [m("Torvik", "PERSON", "e1")] * 3, "v1")
    person = r.add([m("Anna Torvik", "PERSON", "e2")] + [m("Torvik", "PERSON", "e2")] * 3, "v2")[0]
    r.add([m("Torvik", "GPE", f"f{i}") for i in range(3)], "v3")
    assert r.add([m("Torvik", "ORG", "f4")], "v4") != [person]
    # a known body and a name tagged a place are left alone
    r = NameResolver()
    r.add([m("Ann Congress", "PERSON", "d1")] + [m("Congress", "PERSON", "d1")] * 5, "u1")
    r.add([m("Ann Congress", "PERSON", "d2")] + [m("Congress", "PERSON", "d2")] * 5, "u2")
    assert r.entities()[0].name == "Ann Congress"
    body = r.add([m("Congress", "ORG", "d3")], "u3")[0]
    assert body != r.canonical_id(r.add([m("Ann Congress", "PERSON", "d3")], "u3")[0])


def test_a_name_the_model_calls_a_place_named_with_a_companys_kind_is_a_company():
    from storyline.canonical_types import COMPANY, context_cue, type_article
    texts = {0: "Auditors faulted the engineering corporation Kestoil for its fuel bills.",
             1: "Kestoil said it would appeal.", 2: "Multinationals such as Brannco won contracts."}
    assert context_cue(texts[0], texts[0].index("Kestoil"), texts[0].index("Kestoil") + 7) == COMPANY
    assert context_cue(texts[2], texts[2].index("Brannco"), texts[2].index("Brannco") + 7) == COMPANY
    ms = [_at("Kestoil", texts[0], "GPE", 0), _at("Kestoil", texts[1], "GPE", 1), _at("Brannco", texts[2], "GPE", 2)]
    assert [(m.label, m.evidence) for m in type_article(ms, texts, surnames=set())] == [("ORG", "context")] * 3
    # a known place keeps its label (a slip of the writer, or of the model's span)
    texts = {0: "Firms like Iraq lost out."}
    ms = [_at("Iraq", texts[0], "GPE", 0)]
    assert [m.label for m in type_article(ms, texts, surnames=set())] == ["GPE"]
