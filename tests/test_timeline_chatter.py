"""What a timeline never chooses or scores down on a crawl: a broadcast's furniture, talk
without content, and a page's other subjects (storyline.timeline_chatter, the story
relevance of storyline.timeline_select). Sentences are made up."""

from __future__ import annotations

import pytest

from storyline.settings import Settings
from storyline.timeline import build_timeline
from storyline.timeline_chatter import broadcast_furniture, broadcast_talk, clip_caption, reflection, without_content
from test_timeline import CORPUS, D, EVACUATED, FIRE, STARTED, chosen_on, sent


@pytest.mark.parametrize("text, expected", [
    # sign-ons: a show's name in capitals, or a network's initials
    ("From the harbour studio, this is KESTNET MORNING WATCH.", True),
    ("Good evening, this is CNN.", True),
    ("This is THE EVENING HOUR, and I am Lena Mork.", True),
    # teasers, breaks, a schedule, the presenter pointing at the screen or the next item
    ("Coming up, the latest on the fire at the chemical plant.", True),
    ("And still ahead on the programme, the weather.", True),
    ("Stay with us, there is much more ahead.", True),
    ("Well be right back after this short break.", True),
    ("Dont go away.", True),
    ("Welcome back to our coverage of the fire.", True),
    ("The full interview airs Tuesday at 9 p.m. on the network.", True),
    ("Youre looking at live pictures of the plant from our helicopter.", True),
    ("Time for our look at the other news of the morning.", True),
    # a page pointing to a document it carries
    ("Here is the text of the governor's statement on the spill.", True),
    ("If you missed it, heres a full transcript of the hearing.", True),
    # ... not news that uses the same words
    ("This is NATO doing its job, the minister said.", False),
    ("Here is what investigators found at the plant.", False),
    ("The council said the road would be back open on Monday.", False),
    ("Residents were told to stay indoors until the smoke cleared.", False),
    ("The documentary aired last year on a regional channel.", False),
])
def test_a_broadcasts_furniture(text, expected):
    assert broadcast_furniture(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("And tonight there is some movement on that.", True),
    ("Tonight is a night for joy.", True),
    ("Well, you know, it is really something right now.", True),
    # a name, a number, or two content words: something is told
    ("Well, as you know, it is Harbour Day in Larkspur.", False),
    ("And today 300 are back.", False),
    ("Today the fire spread to the warehouse.", False),
    ("Nobody expected the crowds to grow so fast.", False),
])
def test_talk_without_content(text, expected):
    assert without_content(text) is expected


@pytest.mark.parametrize("text, expected", [
    # reflective talk: a count of days back, not an event
    ("Twelve days ago it was hard to believe the plant would ever close.", True),
    ("It was only a rumour 9 days ago, a rumour nobody wanted to hear.", True),
    ("It was 14 days of smoke and waiting.", True),
    ("(Update 6:10 p.m.) A few weeks ago, this was unthinkable.", True),
    # ... not an event dated by the count, or a count of events
    ("Three days ago the firefighters reached the storage tanks.", False),
    ("It was the second blaze at the plant in three years.", False),
    ("The fire started two days ago, officials said.", False),
])
def test_reflective_talk(text, expected):
    assert reflection(text) is expected


@pytest.mark.parametrize("text, expected", [
    # a caption of the page's clip: a name, perhaps an appositive, a present-tense clip verb
    ("KTN's Ana Ruiz, host of Morning Desk, discusses what the evacuation means for Larkspur.", True),
    ("(Update 4:05 p.m.) Tom Baird reports from the edge of the evacuation zone.", True),
    ("Fire Chief Lena Mork explains how the tanks caught fire.", True),
    # ... not news in the past tense, an attribution at the end, or a headline's "talks to"
    ("Fire chief Lena Mork explained on Monday how the tanks caught fire.", False),
    ("The tanks were corroded, KTN's Tom Baird reports.", False),
    ("Governor talks to evacuated residents in Larkspur Bay.", False),
])
def test_a_clips_caption(text, expected):
    assert clip_caption(text) is expected


def test_reflective_talk_and_a_clips_caption_are_never_chosen():
    # both published the day of the evacuation, and both name it
    talk = "It was just a worry two days ago, now the Orrin plant evacuation is on this Wednesday."
    caption = "Tom Baird reports on the Orrin plant evacuation of Wednesday from Larkspur Bay."
    corpus = CORPUS + [sent("hp5", 0, D(2024, 3, 6), talk, ("Wednesday", "2024-03-06")),
                       sent("hp5", 1, D(2024, 3, 6), caption, ("Wednesday", "2024-03-06"))]
    # (no story floor: only these rules keep them out)
    on_day = chosen_on(corpus, "2024-03-06", 5, "timeline.story_floor", 0.0)
    assert on_day == [EVACUATED, "The evacuation of 2,000 residents on March 6 was the largest in the county.",
                      "Schools in Larkspur Bay stayed closed while the smoke cleared."]


def test_a_sign_on_is_never_chosen():
    # spoken on the day of the evacuation, and central in that day's pool (its words are
    # the day's), but no news
    sign_on = "On the Orrin plant evacuation this Wednesday, this is KESTNET MORNING WATCH."
    corpus = CORPUS + [sent("hp5", 0, D(2024, 3, 6), sign_on, ("Wednesday", "2024-03-06"))]
    # (no story floor: only the furniture rule keeps it out)
    on_day = chosen_on(corpus, "2024-03-06", 4, "timeline.story_floor", 0.0)
    assert on_day == [EVACUATED, "The evacuation of 2,000 residents on March 6 was the largest in the county.",
                      "Schools in Larkspur Bay stayed closed while the smoke cleared."]


def on_wednesday(corpus, **settings) -> list[str]:
    """What a day timeline of ``corpus`` chooses on the evacuation day, up to four, with no
    redundancy limit and no story floor (so only the scores decide) and ``settings``."""
    out = build_timeline(corpus, n_dates=5, per_date=4, settings=Settings({
        "timeline.granularities": "day", "timeline.redundancy_cosine": 1.01, "timeline.story_floor": 0.0, **settings}))
    return [s.text for e in out.entries if e.label == "2024-03-06" for s in e.sentences]


def test_talk_without_content_comes_after_what_happened():
    talk = "And on Wednesday there is some movement on that."
    corpus = CORPUS + [sent("hp5", 0, D(2024, 3, 6), talk, ("Wednesday", "2024-03-06"))]

    def chosen(penalty: float) -> list[str]:   # no story floor: only this penalty moves it
        return on_wednesday(corpus, **{"timeline.empty_penalty": penalty})

    told = [EVACUATED, "The evacuation of 2,000 residents on March 6 was the largest in the county.",
            "Schools in Larkspur Bay stayed closed while the smoke cleared."]
    assert chosen(0.0) == told[:2] + [talk] + told[2:]
    assert chosen(0.5) == told + [talk]   # the default
    assert chosen(1.0) == told


@pytest.mark.parametrize("text, expected", [
    # a speaker's turn, at the start of the line or run into it by the crawler
    ("WARD: Well, no, there were far more people on the quay today.", True),
    ("PETRA LIND, HARBOUR CORRESPONDENT: The ferries stopped at noon.", True),
    ("The smoke hung over the bay all day and the county DAVIES (voice-over): Today, the plant stayed shut.", True),
    ("We still need more trucks - MORLEY: Thank you, chief.", True),
    # a stammer, a discourse opener, words to the audience
    ("I - I have every respect for the fire chief.", True),
    ("The -- the tanks were never inspected.", True),
    ("Well, the council met again on Tuesday.", True),
    ("You know, nobody expected the tanks to fail.", True),
    ("Of course, the smoke we saw today reminds people of the last fire.", True),
    ("You see all these trucks lined up on the coast road.", True),
    ("As you can see, the smoke has thinned over the bay.", True),
    # ... not reports that use the same words
    ("Officials told KESTNET: The coast road is closed.", False),
    ("The storm passed. UPDATE: The ferries run again.", False),
    ("Residents well inland were told to keep their windows shut.", False),
    ("No one was hurt in the blast, the fire chief said.", False),
    ("The vote was 5 - 4 in favour of the inquiry.", False),
    ("Firefighters saw the tanks burst at dawn.", False),
])
def test_a_broadcasts_conversation(text, expected):
    assert broadcast_talk(text) is expected


def test_a_broadcasts_conversation_comes_after_the_days_reports():
    # spoken on the day of the evacuation, and the most central line of its pool
    talk = "WARD: Well, the evacuation of 2,000 residents near the Orrin plant went on Wednesday."
    corpus = CORPUS + [sent("hp5", 0, D(2024, 3, 6), talk, ("Wednesday", "2024-03-06"))]
    told = [EVACUATED, "The evacuation of 2,000 residents on March 6 was the largest in the county.",
            "Schools in Larkspur Bay stayed closed while the smoke cleared."]

    def chosen(penalty: float) -> list[str]:   # no story floor, no cut for own words: only this penalty moves it
        return on_wednesday(corpus, **{"timeline.quoted_penalty": 0.0, "timeline.talk_penalty": penalty})

    assert chosen(0.0) == [talk] + told
    assert chosen(0.8) == told + [talk]   # the default: chosen only when the day has no other report
    assert chosen(1.0) == told


def test_a_line_cut_mid_sentence_is_never_chosen():
    cut = "near the Orrin plant on Wednesday as the evacuation of 2,000 residents began."
    corpus = CORPUS + [sent("hp5", 0, D(2024, 3, 6), cut, ("Wednesday", "2024-03-06"))]
    # (no story floor: only the rule keeps it out)
    on_day = chosen_on(corpus, "2024-03-06", 4, "timeline.story_floor", 0.0)
    assert on_day == [EVACUATED, "The evacuation of 2,000 residents on March 6 was the largest in the county.",
                      "Schools in Larkspur Bay stayed closed while the smoke cleared."]


# A round-up page published the day of the evacuation: one item is the story's, the rest
# another subject (a snowstorm), which fills the day's pool and names a day of its own.
ROUNDUP = [
    sent("hp6", 0, D(2024, 3, 6), "A snowstorm closed the mountain pass road on Wednesday.",
         ("Wednesday", "2024-03-06")),
    sent("hp6", 1, D(2024, 3, 6), "The snowstorm left the mountain pass villages without power on Wednesday.",
         ("Wednesday", "2024-03-06")),
    sent("hp6", 2, D(2024, 3, 6), "Snow ploughs worked through the night to reopen the mountain pass road.",),
    sent("hp6", 3, D(2024, 3, 6), "Avalanche crews last blasted the ridge above the villages on January 12, 2019.",
         ("January 12, 2019", "2019-01-12")),
    sent("hp6", 4, D(2024, 3, 6), "Residents near the Orrin plant were evacuated on Wednesday.", ("Wednesday", "2024-03-06")),
]


def days(corpus, **settings) -> dict[str, list[str]]:
    out = build_timeline(corpus, n_dates=6, per_date=2, settings=Settings({"timeline.granularities": "day", **settings}))
    return {e.label: [s.text for s in e.sentences] for e in out.entries}


def test_a_pages_other_subject_loses_to_the_story():
    off = days(CORPUS + ROUNDUP, **{"timeline.story_weight": 0.0, "timeline.story_floor": 0.0})
    on = days(CORPUS + ROUNDUP)   # the defaults
    assert off["2024-03-06"] == [EVACUATED, ROUNDUP[0].text]
    assert on["2024-03-06"] == [EVACUATED, "Schools in Larkspur Bay stayed closed while the smoke cleared."]
    # the day only the snowstorm names: an entry without the story's relevance, none with it
    assert off["2019-01-12"] == [ROUNDUP[3].text]
    assert "2019-01-12" not in on
    assert on["2024-03-04"] == off["2024-03-04"] == [STARTED, FIRE]


def test_a_story_of_one_article_has_no_other_subject():
    one = [sent("hp1", i, D(2024, 3, 6), s.text, *[(t.span.text, t.value) for t in s.timexes])
           for i, s in enumerate(ROUNDUP)]
    assert days(one) == days(one, **{"timeline.story_weight": 0.0, "timeline.story_floor": 0.0})


# Two round-up pages clustered with the story, each a line on the evacuation among many other
# subjects (a long page of the day's news); the snowstorm is on both, so it is shared by a
# third of the story's articles, though it fills only two of each page's twenty lines.
OTHER_NEWS = ["The harvest fair opened its gates to record crowds.", "A new bakery opened on the harbour front.",
              "The ferry timetable changes next month as the summer season begins.",
              "The city library extended its opening hours for the exam season.",
              "Local football club Larkspur Rovers signed a new goalkeeper.",
              "Museum staff restored a painting damaged in a flood.", "The choir won a regional singing contest.",
              "Parking fees in the old town rise from April.", "A rare heron was seen nesting by the estuary.",
              "The marathon route was changed to avoid the bridge works.", "Two new buses joined the airport line.",
              "The tennis club repainted its courts.", "A cookery school opened in the former post office.",
              "Volunteers planted three hundred trees along the ring road.",
              "The theatre announced its autumn programme.", "A retired teacher published a history of the lighthouse.",
              "The swimming pool closes for repairs in May."]


def roundup_page(article: str, published, snow: list[str], others: list[str]) -> list:
    lines = [EVACUATED.replace("Officials ordered", "Earlier, officials ordered")] + snow + others
    named = {"Wednesday": "2024-03-06", "Thursday": "2024-03-07"}
    return [sent(article, i, published, text, *[(w, v) for w, v in named.items() if w in text])
            for i, text in enumerate(lines)]


SNOW = ["A snowstorm closed the mountain pass road above Tollan on Thursday.",
        "Snow ploughs worked through the night to clear the mountain pass road above Tollan."]
ROUNDUPS = (roundup_page("hp7", D(2024, 3, 7), SNOW, OTHER_NEWS)
            + roundup_page("bh7", D(2024, 3, 7), ["The snowstorm above Tollan cut power to the mountain pass villages on Thursday.",
                                                  "Snow ploughs from three counties reached the mountain pass villages above Tollan."],
                           OTHER_NEWS[::-1]))


def test_a_subject_only_round_up_pages_share_is_not_the_storys():
    shares_only = days(CORPUS + ROUNDUPS, **{"timeline.story_density": 0.0})
    density = days(CORPUS + ROUNDUPS)   # the default
    # by shares alone, the day only the round-ups name is the snowstorm's
    assert shares_only["2024-03-07"] == [SNOW[0], "Snow ploughs from three counties reached the mountain pass villages above Tollan."]
    assert "2024-03-07" not in density
    assert density == {label: texts for label, texts in shares_only.items() if label != "2024-03-07"}


def test_a_query_for_the_round_ups_subject_finds_it():
    # keywords keep a page's other subjects out already; asked for, the snowstorm is shown
    out = build_timeline(CORPUS + ROUNDUPS, n_dates=6, per_date=2, keywords=("Tollan", "Larkspur"),
                         settings=Settings({"timeline.granularities": "day"}))
    assert {e.label: [s.text for s in e.sentences] for e in out.entries} == {
        "2024-03-04": [FIRE],
        "2024-03-07": [SNOW[0], "Snow ploughs from three counties reached the mountain pass villages above Tollan."]}
