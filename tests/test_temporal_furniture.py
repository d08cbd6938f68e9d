"""nlp.temporal on crawl furniture and wire layouts: datelines, post time stamps, chronologies.

Every sentence here is written for these tests. The publication date is Saturday 12 February
2022, as in ``test_temporal.py``.
"""

from __future__ import annotations

import datetime as dt

from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.temporal import find_timexes, find_timexes_in_text

PUB = dt.date(2022, 2, 12)


def tags(text: str, published: dt.date = PUB) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, published)]


def _with_entity(words: list[str], start: int, end: int, label: str) -> AnnotatedSentence:
    from spacy.tokens import Doc, Span as SpacySpan

    doc = Doc(load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")).vocab, words=words)
    doc.ents = [SpacySpan(doc, start, end, label=label)]
    return AnnotatedSentence(0, doc.text, doc, False)


def test_a_name_run_over_a_wire_dateline_vetoes_neither_its_date_nor_its_time():
    # The recogniser's ORG over the dateline's date and time; "Oslo 2014" stays a name.
    words = ["BERLIN", "|", "Thu", "Mar", "3", ",", "2016", "4:15", "pm", "EST", "BERLIN", "-", "Ministers", "met", "."]
    found = find_timexes(_with_entity(words, 2, 10, "ORG"), PUB)
    assert [(t.span.text, t.type, t.value) for t in found] == [
        ("Mar 3 , 2016", "DATE", "2016-03-03"), ("4:15 pm EST", "TIME", "2016-03-03T16:15")]
    found = find_timexes(_with_entity(["Oslo", "2014", "was", "cancelled", "."], 0, 2, "EVENT"), PUB)
    assert [t.value for t in found] == ["2014"]
    found = find_timexes(_with_entity(["Expo", "March", "3", "opened", "."], 0, 3, "ORG"), PUB)
    assert found == []  # no year written: still a name


def test_a_post_time_stamp_keeps_the_year_written_after_its_day():
    assert tags("qx81Lm 9:17 pm ET March 4, 2014 SHARE Which river floods most?") == [
        ("9:17 pm ET March 4, 2014", "TIME", "2014-03-04T21:17")]
    assert tags("Polls close at 5 p.m. EST, Nov. 8, 1,200 stations report.") == [
        ("5 p.m. EST, Nov. 8", "TIME", "2022-11-08T17:00")]


def test_a_chronology_entry_in_the_historical_present_is_behind():
    assert tags("March 28 - The council recognises the new government.") == [("March 28", "DATE", "2021-03-28")]
    assert tags("Oct. 4: Rebels take the airport.") == [("Oct. 4", "DATE", "2021-10-04")]
    # An entry that says it is ahead, and a day that opens no entry, keep the tense's reading.
    assert tags("March 28 - Elections are due to be held.") == [("March 28", "DATE", "2022-03-28")]
    assert tags("The council meets on March 28 - and votes.") == [("March 28", "DATE", "2022-03-28")]


def test_this_evenings_before_a_title_is_a_stripped_possessive():
    assert tags("Stay with us for this evenings Closing Notes.") == [("this evening", "TIME", "2022-02-12TEV")]
    assert tags("The talks ran late last nights, aides said.") == []  # no noun after: no possessive


def test_a_newspaper_title_is_no_date():
    assert tags("The minister told The Sunday Times that talks had failed.") == []
    assert tags("A Mail on Sunday reporter and a USA Today columnist were there.") == []
    assert tags("The Daily Herald ran the letter.") == []
    # The day after a title is a day; a daily ration is a set.
    assert tags("The Daily Mail reported it on Friday.") == [("Friday", "DATE", "2022-02-11")]
    assert tags("It ran in the Mail on Friday.") == [("Friday", "DATE", "2022-02-11")]
    assert tags("Sunday talks and daily rations resumed.") == [
        ("Sunday", "DATE", "2022-02-06"), ("daily", "SET", "P1D")]
