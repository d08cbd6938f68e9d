"""Story summaries: central, non-redundant sentences, each with its sources.

The sentences are invented for these tests (fictional Arnholt, Kessel, Northford).
"""

from __future__ import annotations

import json

import pytest

from storyline.settings import Settings
from storyline.summary import SentenceSource, SourceSentence, SummarySentence, summarize

TOLL = "The earthquake in Arnholt killed at least 40 people in the town of Kessel on Monday."
TOLL_REWORDED = "The earthquake in Arnholt killed at least 40 people in Kessel town on Monday, officials said."
SENTENCES = [
    SourceSentence("a", 0, TOLL, "Northford Gazette", "st1", 2),
    SourceSentence("b", 3, TOLL, "Wire Service", "st1", 2),
    SourceSentence("c", 1, TOLL_REWORDED, "Daily Courier"),
    SourceSentence("a", 1, "Rescue teams searched the rubble of collapsed homes in Kessel through the night.",
                   "Northford Gazette"),
    SourceSentence("c", 2, "The earthquake had a magnitude of 7.1 and struck northern Arnholt before dawn.",
                   "Daily Courier"),
    SourceSentence("b", 4, "Aid agencies sent tents and water to Kessel after the earthquake.", "Wire Service"),
    SourceSentence("a", 2, "Sign up for our newsletter.", "Northford Gazette"),
    SourceSentence("c", 5, "The town's football club postponed its weekend match against Osterby Rovers.",
                   "Daily Courier"),
]


def test_summary_picks_central_sentences_without_repeating_itself():
    out = summarize(SENTENCES, k=3)
    assert [(s.article_id, s.index) for s in out] == [("a", 0), ("c", 2), ("b", 4)]
    ranked = [(s.article_id, s.index) for s in summarize(SENTENCES, k=10)]
    assert ("c", 1) not in ranked  # the reworded toll says the same as the first sentence
    assert ("a", 2) not in ranked  # too short to be summary material
    assert ranked[-1] == ("c", 5)  # off-topic: least central


def test_every_summary_sentence_keeps_all_its_sources():
    first = summarize(SENTENCES, k=1)[0]
    assert first == SummarySentence(
        text=TOLL, article_id="a", index=0, outlet="Northford Gazette",
        sources=(
            SentenceSource("a", 0, "Northford Gazette"),
            SentenceSource("b", 3, "Wire Service"),
            SentenceSource("c", 1, "Daily Courier"),
        ),
        independent_outlets=3, score=first.score,
    )
    assert first.score > 0
    assert SummarySentence.from_dict(json.loads(json.dumps(first.to_dict()))) == first


def test_support_from_independent_outlets_wins_between_close_sentences():
    shelters = SourceSentence("x", 0, "Officials in Kessel opened three shelters for families.", "Daily Courier")
    schools = SourceSentence("y", 0, "Officials in Kessel opened three schools as shelters.", "Wire Service")
    families = SourceSentence("z", 0, "Families in Kessel slept in shelters after the earthquake.", "Herald")
    assert [s.article_id for s in summarize([shelters, schools, families], k=1)] == ["x"]
    carried = schools.replace(statement="st7", independent_outlets=4)
    for order in ([shelters, carried, families], [carried, shelters, families]):
        (top,) = summarize(order, k=1)
        assert (top.article_id, top.independent_outlets) == ("y", 4)


def test_outlet_penalty_spreads_the_summary_over_outlets():
    same_outlet = [
        SourceSentence("a", i, text, "Northford Gazette")
        for i, text in enumerate([
            "Kessel earthquake survivors queued for water and blankets at the stadium.",
            "Kessel earthquake survivors slept in cars outside the stadium.",
        ])
    ]
    other = SourceSentence("b", 0, "Kessel earthquake survivors waited for news of relatives.", "Daily Courier")
    spread = summarize(same_outlet + [other], k=2)
    assert [s.outlet for s in spread] == ["Northford Gazette", "Daily Courier"]
    no_penalty = summarize(same_outlet + [other], k=2, settings=Settings({"summary.outlet_penalty": 0.0}))
    assert [s.outlet for s in no_penalty] == ["Northford Gazette", "Northford Gazette"]


def test_copies_of_one_wire_story_count_once_and_do_not_crowd_out_other_outlets():
    # Two wire sentences, each on three local sites as copies of one syndication group, and
    # one outlet's own report: counted by outlets the wire would look like three voices and
    # fill the summary; counted by origin it is one, and the own report gets in.
    wire_texts = ["Kessel earthquake survivors queued for water and blankets at the stadium.",
                  "Kessel earthquake survivors slept in cars outside the stadium."]
    wire = [SourceSentence(f"w{site}", i, text, outlet, copy_group="g1")
            for site, outlet in enumerate(["Northford Gazette", "Daily Courier", "Herald"])
            for i, text in enumerate(wire_texts)]
    own = SourceSentence("b", 0, "Kessel earthquake survivors waited for news of relatives.", "Bay Times")
    top, second = summarize(wire + [own], k=2)
    assert top.text in wire_texts and len(top.sources) == 3
    assert top.independent_outlets == 1
    assert second.outlet == "Bay Times"


def test_an_outlet_republishing_its_own_story_is_one_source():
    # The Gazette ran one report twice (a dedup group of its own copies) and the same
    # sentence again in a third article: one outlet, not two voices.
    text = "Kessel earthquake survivors queued for water and blankets at the stadium."
    copies = [SourceSentence(a, 0, text, "Northford Gazette", copy_group="g-own") for a in ("n1", "n2")]
    again = SourceSentence("n3", 4, text, "Northford Gazette")
    [top] = summarize([*copies, again], k=1)
    assert len(top.sources) == 3
    assert top.independent_outlets == 1


def test_default_length_and_edge_cases():
    assert len(summarize(SENTENCES)) == 5
    assert summarize([]) == []
    assert summarize(SENTENCES, k=0) == []
    assert summarize([SourceSentence("a", 0, "Too short.")]) == []
    assert summarize([SourceSentence("a", 0, "")]) == []


@pytest.mark.parametrize("text", ["\U0001F600 " * 50, "x" * 100_000, "ﬁnancial ﬂows \x00 \ud800 " * 3])
def test_odd_text_never_crashes(text):
    out = summarize([SourceSentence("a", 0, text), SENTENCES[0]], k=2)
    assert [s.article_id for s in out][0] == "a"
    assert out[0].text == TOLL


def test_a_summary_sentence_is_shown_without_its_update_stamp_and_never_points_to_a_video():
    stamped = "(Update 4:10 p.m. Kessel, 9:10 a.m. ET) " + TOLL
    video = SourceSentence("v", 0, "In the video below, our reporter walks through the rubble of homes in Kessel.",
                           "Wire Service")
    out = summarize([SourceSentence("s", 0, stamped, "Northford Gazette"), SENTENCES[3], video], k=3)
    assert [(s.article_id, s.text) for s in out] == [
        ("s", TOLL), ("a", "Rescue teams searched the rubble of collapsed homes in Kessel through the night.")]


def test_a_summary_shows_the_apostrophes_a_crawl_stripped():
    stripped = "Arnholts rescuers dont expect to find more survivors in Kessel."
    sentences = [SourceSentence("d", 0, stripped, "Northford Gazette"),
                 SourceSentence("e", 0, "The rescuers in Kessel worked for Arnholt through the night.", "Daily Courier")]
    first = summarize(sentences, k=2)
    assert "Arnholt's rescuers don't expect to find more survivors in Kessel." in [s.text for s in first]
    off = summarize(sentences, k=2, settings=Settings({"stories.restore_apostrophes": False}))
    assert stripped in [s.text for s in off]


OTHER = "The rubble in Kessel hid survivors after the earthquake."


def kessel(first: str, second: str, report: str) -> list[SourceSentence]:
    """Two sentences of one outlet, a report of another and ``OTHER`` of a third."""
    return [SourceSentence("f", 0, first, "Northford Gazette"), SourceSentence("f", 1, second, "Northford Gazette"),
            SourceSentence("g", 0, report, "Daily Courier"), SourceSentence("h", 0, OTHER, "Wire Service")]


def test_a_question_is_never_chosen_and_own_words_are_scored_down():
    question = "Will the rescuers in Kessel find more survivors after the earthquake in Arnholt?"
    caption = "HALE: Rescuers searched the rubble in Kessel after the earthquake."
    report = "Rescuers searched the homes in Kessel."  # the least central
    sentences = kessel(question, caption, report)

    def first(penalty: float) -> str:
        return summarize(sentences, k=1, settings=Settings({"summary.quoted_penalty": penalty,
                                                            "summary.talk_penalty": 0.0}))[0].text

    assert question not in [s.text for s in summarize(sentences, k=4)]
    assert first(0.0) == caption     # the most central sentence ...
    assert first(0.9) == OTHER       # ... comes after a report when it is a speaker's turn


def test_a_broadcasts_conversation_comes_after_a_report_and_a_cut_line_is_never_chosen():
    talk = "You see all these rescuers searching the rubble in Kessel after the earthquake."
    cut = "in Kessel as rescuers searched the rubble after the earthquake in Arnholt."
    report = "Rescue teams pulled two survivors from a collapsed school in Kessel."  # the least central
    sentences = kessel(talk, cut, report)

    def chosen(penalty: float) -> list[str]:
        return [s.text for s in summarize(sentences, k=4, settings=Settings({"summary.talk_penalty": penalty}))]

    assert chosen(0.0) == [OTHER, talk, report]
    assert chosen(0.8) == [OTHER, report, talk]   # the default: after the report
