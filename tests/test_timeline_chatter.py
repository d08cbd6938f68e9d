"""What a timeline never chooses or scores down on a crawl: a broadcast's furniture and talk
without content (storyline.timeline_chatter). Sentences are made up."""

from __future__ import annotations

import pytest

from storyline.timeline_chatter import broadcast_furniture, without_content
from test_timeline import CORPUS, D, EVACUATED, chosen_on, sent


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


def test_a_sign_on_is_never_chosen():
    # spoken on the day of the evacuation, and central in that day's pool (its words are
    # the day's), but no news
    sign_on = "On the Orrin plant evacuation this Wednesday, this is KESTNET MORNING WATCH."
    corpus = CORPUS + [sent("hp5", 0, D(2024, 3, 6), sign_on, ("Wednesday", "2024-03-06"))]
    on_day = chosen_on(corpus, "2024-03-06", 4, "timeline.empty_penalty", 0.5)
    assert on_day == [EVACUATED, "The evacuation of 2,000 residents on March 6 was the largest in the county.",
                      "Schools in Larkspur Bay stayed closed while the smoke cleared."]


def test_talk_without_content_comes_after_what_happened():
    talk = "And on Wednesday there is some movement on that."
    corpus = CORPUS + [sent("hp5", 0, D(2024, 3, 6), talk, ("Wednesday", "2024-03-06"))]

    def chosen(penalty: float) -> list[str]:
        return chosen_on(corpus, "2024-03-06", 4, "timeline.empty_penalty", penalty)

    told = [EVACUATED, "The evacuation of 2,000 residents on March 6 was the largest in the county.",
            "Schools in Larkspur Bay stayed closed while the smoke cleared."]
    assert chosen(0.0) == told[:2] + [talk] + told[2:]
    assert chosen(0.5) == told + [talk]   # the default
    assert chosen(1.0) == told
