"""nlp.temporal: temporal expressions normalised against the publication date.

Every sentence here is written for these tests. The publication date is Saturday
12 February 2022 (ISO week 2022-W06, Monday 7 to Sunday 13 February), as in storyline
issue 4.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.temporal import (
    annotate_for_dates, find_timexes, find_timexes_in_article, find_timexes_in_text, granularity_of, has_trigger,
    needs_parse,
)
from storyline.nlp.temporal_calendar import calendar_range, resolve_month, resolve_weekday, shift_value
from storyline.nlp.temporal_durations import duration_value
from storyline.nlp.temporal_lexicon import parse_number, parse_year_words
from storyline.records import Span, TimeExpr
from storyline.settings import Settings

PUB = dt.date(2022, 2, 12)
D = dt.date


def tags(text: str, published: dt.date = PUB, **kw) -> list[tuple]:
    """(extent, type, value) of every expression in ``text``."""
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, published, **kw)]


def one(text: str) -> TimeExpr:
    found = find_timexes_in_text(text, PUB)
    assert len(found) == 1, [(t.span.text, t.value) for t in found]
    return found[0]


# --- the issue's examples, exactly ------------------------------------------------------

def test_issue_examples():
    assert tags("The ministers met on Saturday.") == [("Saturday", "DATE", "2022-02-12")]
    assert tags("The government is looking at Wednesday as a target date.") == [
        ("Wednesday", "DATE", "2022-02-16")]
    week = one("Officials held talks earlier in the week.")
    assert (week.span.text, week.value, week.granularity) == ("earlier in the week", "2022-W06", "week")
    assert (week.first_day, week.last_day) == (D(2022, 2, 7), D(2022, 2, 13))
    year = one("Prices have doubled since 2014.")
    assert (year.span.text, year.type, year.value, year.granularity) == ("2014", "DATE", "2014", "year")
    assert (year.first_day, year.last_day) == (D(2014, 1, 1), D(2014, 12, 31))  # a year, not a day
    assert tags("The summit will open on February 20.") == [("February 20", "DATE", "2022-02-20")]


def test_whole_record_for_a_day():
    t = find_timexes_in_text("The ministers met on Saturday.", PUB, article_id="a1")[0]
    assert t == TimeExpr("a1", Span(0, 21, 29, "Saturday"), "DATE", "2022-02-12", "day",
                         D(2022, 2, 12), D(2022, 2, 12))
    assert TimeExpr.from_dict(t.to_dict()) == t


# --- explicit dates -----------------------------------------------------------------------

@pytest.mark.parametrize("text, extent, value", [
    ("The law takes effect on 20 February.", "20 February", "2022-02-20"),
    ("It was signed on February 20, 2021 in Vellmark.", "February 20, 2021", "2021-02-20"),
    ("The order was dated Feb. 3, 2020.", "Feb. 3, 2020", "2020-02-03"),
    ("The filing is dated 2022-02-20.", "2022-02-20", "2022-02-20"),
    ("The ruling came on Saturday, February 5, after a long wait.", "Saturday, February 5", "2022-02-05"),
    ("Arnholt signed the treaty on the 3rd of January 2019.", "the 3rd of January 2019", "2019-01-03"),
    ("Sales fell in August 2021.", "August 2021", "2021-08"),
    ("The plant reopened in the summer of 2019.", "the summer of 2019", "2019-SU"),
    ("The reform passed in mid-1996.", "mid-1996", "1996"),
    ("The law dates from nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("Results for fiscal 2021 were strong.", "fiscal 2021", "2021"),
])
def test_explicit_dates(text, extent, value):
    assert tags(text) == [(extent, "DATE", value)]


def test_numeric_dates_follow_the_day_first_setting():
    assert tags("The vote was held on 11/02/2022 in Vellmark.") == [("11/02/2022", "DATE", "2022-11-02")]
    uk = Settings({"dates.day_first": True})
    assert tags("The vote was held on 11/02/2022 in Vellmark.", settings=uk) == [
        ("11/02/2022", "DATE", "2022-02-11")]
    assert tags("The vote was held on 25/01/2022 in Vellmark.") == [("25/01/2022", "DATE", "2022-01-25")]


def test_day_without_year_near_publication_despite_past_tense():
    # Deadlines are told in the past tense; dates.day_slack_days keeps them near publication.
    text = "The offer was extended to Feb. 20."
    assert tags(text) == [("Feb. 20", "DATE", "2022-02-20")]
    assert tags(text, settings=Settings({"dates.day_slack_days": 0})) == [("Feb. 20", "DATE", "2021-02-20")]


# --- relative days, weeks, months ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Talks resumed today.", [("today", "DATE", "2022-02-12")]),
    ("He arrived yesterday and leaves tomorrow.",
     [("yesterday", "DATE", "2022-02-11"), ("tomorrow", "DATE", "2022-02-13")]),
    ("They met last Monday and will meet again next Monday.",
     [("last Monday", "DATE", "2022-02-07"), ("next Monday", "DATE", "2022-02-14")]),
    ("The strike began this Monday.", [("this Monday", "DATE", "2022-02-07")]),
    ("Protesters gathered on Wednesday night.", [("Wednesday night", "TIME", "2022-02-09TNI")]),
    ("The talks will resume on Monday morning.", [("Monday morning", "TIME", "2022-02-14TMO")]),
    ("The minister spoke at 3pm.", [("3pm", "TIME", "2022-02-12T15:00")]),
    ("Polls will close at 10 p.m. Wednesday.", [("10 p.m. Wednesday", "TIME", "2022-02-16T22:00")]),
    ("Police were called last night.", [("last night", "TIME", "2022-02-11TNI")]),
    ("Sales rose this week after a slump last week.",
     [("this week", "DATE", "2022-W06"), ("last week", "DATE", "2022-W05")]),
    ("The report is due next week.", [("next week", "DATE", "2022-W07")]),
    ("Fighters rested over the weekend.", [("the weekend", "DATE", "2022-W06-WE")]),
    ("The election will be held in March.", [("March", "DATE", "2022-03")]),
    ("Exports fell sharply in December.", [("December", "DATE", "2021-12")]),
    ("Profits rose last year and will rise next year.",
     [("last year", "DATE", "2021"), ("next year", "DATE", "2023")]),
    ("The company expects a recovery early next year.", [("early next year", "DATE", "2023")]),
    ("The plant closed two weeks ago.", [("two weeks ago", "DATE", "2022-W04")]),
    ("Twenty years ago, the bridge opened.", [("Twenty years ago", "DATE", "2002")]),
])
def test_relative_expressions(text, expected):
    assert tags(text) == expected


def test_week_and_weekend_ranges():
    last = one("Sales slumped last week.")
    assert (last.first_day, last.last_day) == (D(2022, 1, 31), D(2022, 2, 6))
    weekend = one("Fighters rested over the weekend.")
    assert (weekend.first_day, weekend.last_day) == (D(2022, 2, 12), D(2022, 2, 13))


# --- quarters, seasons, decades -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Profit fell in the third quarter.", [("the third quarter", "DATE", "2021-Q3")]),
    ("Sales in Q3 were weak.", [("Q3", "DATE", "2021-Q3")]),
    ("We will travel this summer.", [("this summer", "DATE", "2022-SU")]),
    ("The crisis of the 1990s changed the town.", [("the 1990s", "DATE", "199")]),
    # a count of thousands is no decade; a decade written without "the" still is
    ("Crowds of 1000s of people filled the square.", []),
    ("At dusk 10s of 1000s still filled the square.", []),
    ("Car sales grew through the 1960s of his youth.", [("the 1960s", "DATE", "196")]),
    ("Steel towns shrank in 1980s Britain.", [("1980s", "DATE", "198")]),
    ("Steel mills closed in the 20th century.", [("the 20th century", "DATE", "19")]),
    ("Growth has slowed over the past decade.", [("the past decade", "DURATION", "P10Y")]),
    ("Sales rose in the third quarter of 2021 from a year earlier.",
     [("the third quarter of 2021", "DATE", "2021-Q3"), ("a year earlier", "DATE", "2020-Q3")]),
    ("Margins widened 9% on the year-ago quarter at most stores.", [("the year-ago quarter", "DATE", "2020-Q4")]),
])
def test_quarters_seasons_decades(text, expected):
    assert tags(text) == expected


def test_calendar_ranges_of_coarse_values():
    summer = one("We will travel this summer.")
    assert (summer.granularity, summer.first_day, summer.last_day) == ("season", D(2022, 6, 1), D(2022, 8, 31))
    decade = one("The crisis of the 1990s changed the town.")
    assert (decade.granularity, decade.first_day, decade.last_day) == ("decade", D(1990, 1, 1), D(1999, 12, 31))
    quarter = one("Profit fell in the third quarter.")
    assert (quarter.granularity, quarter.first_day, quarter.last_day) == ("quarter", D(2021, 7, 1), D(2021, 9, 30))


# --- durations, sets and references are typed as such, never as dates --------------------

@pytest.mark.parametrize("text, expected", [
    ("The talks lasted three days.", [("three days", "DURATION", "P3D")]),
    ("Both sides agreed a two-week pause.", [("two-week", "DURATION", "P2W")]),
    ("The project took 2 1/2 years.", [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("The border was shut for 24 hours.", [("24 hours", "DURATION", "PT24H")]),
    ("The dispute has simmered for several years.", [("several years", "DURATION", "PXY")]),
    ("Losses mounted over the past two months.", [("the past two months", "DURATION", "P2M")]),
    ("The truce held for more than a week.", [("more than a week", "DURATION", "P1W")]),
    ("The committee meets every Monday.", [("every Monday", "SET", "XXXX-WXX-1")]),
    ("The newsletter is published weekly.", [("weekly", "SET", "P1W")]),
    ("Staff are paid twice a month.", [("twice a month", "SET", "P1M")]),
    ("The licence costs $5 a year.", [("a year", "SET", "P1Y")]),
    ("Prices are now falling.", [("now", "DATE", "PRESENT_REF")]),
    ("The firm recently cut jobs.", [("recently", "DATE", "PAST_REF")]),
    ("Rates may rise in the future.", [("the future", "DATE", "FUTURE_REF")]),
])
def test_durations_sets_references(text, expected):
    assert tags(text) == expected


def test_durations_and_sets_have_no_calendar_range():
    d = one("The talks lasted three days.")
    assert (d.granularity, d.first_day, d.last_day) == ("day", None, None)
    s = one("The committee meets every Monday.")
    assert (s.granularity, s.first_day, s.last_day) == ("day", None, None)
    r = one("Prices are now falling.")
    assert (r.granularity, r.first_day, r.last_day) == ("none", None, None)


# --- crawled text: stripped apostrophes, names, nothing temporal -------------------------

@pytest.mark.parametrize("text, expected", [
    ("The band was huge in the 90s.", [("the 90s", "DATE", "199")]),
    ("This weeks talks failed.", [("This week", "DATE", "2022-W06")]),
    ("Februarys figures were weak.", [("February", "DATE", "2022-02")]),
    ("Todays vote was delayed.", [("Today", "DATE", "2022-02-12")]),
    ("Yesterday mornings raid was repelled.", [("Yesterday morning", "TIME", "2022-02-11TMO")]),
    ("Last years harvest was poor.", [("Last year", "DATE", "2021")]),
    ("Next months election is close.", [("Next month", "DATE", "2022-03")]),
    ("Prices rose over the last years.", [("the last years", "DURATION", "PXY")]),
    # a plural weekday before a noun is a possessive; before a verb or after "on", a set
    ("Fridays attack killed five soldiers.", [("Friday", "DATE", "2022-02-11")]),
    ("She spoke at Mondays meeting.", [("Monday", "DATE", "2022-02-07")]),
    ("Shops in Vellmark close on Mondays.", [("Mondays", "SET", "XXXX-WXX-1")]),
    ("Mondays are quiet in Vellmark.", [("Mondays", "SET", "XXXX-WXX-1")]),
    ("The deal was done at 9 oclock.", [("9 oclock", "TIME", "2022-02-12T09:00")]),
    ("Mr Hales aides dont expect a vote before Tuesday.", [("Tuesday", "DATE", "2022-02-15")]),
    ("Foreign Secretary PetraLindqvistMP today met her counterpart.", [("today", "DATE", "2022-02-12")]),
])
def test_stripped_apostrophes(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text", [
    "The committee rejected the proposal.",
    "Theresa May spoke to reporters in Northford.",
    "You may march on the capital if you wish.",
    "He is in his 90s and still walks to the market.",
    "Turnout was 37.5 percent, officials said.",
    "",
    "   ",
])
def test_nothing_temporal(text):
    assert tags(text) == []


def test_odd_input_returns_nothing_rather_than_raising():
    assert tags("x" * 6000 + " on Monday") == []  # longer than dates.max_chars
    assert tags("\x00\u200b🙂 ½ ⅓ Ⅻ ٣ ๓") == []
    assert tags("Feb. 30, 2022 and 31/31/2022 and 2022-13-45") == []
    assert tags("It was signed on February 29.") == []  # no leap year within a year of 2022


def test_names_vetoed_by_entities():
    nlp = load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))
    from spacy.tokens import Doc, Span as SpacySpan

    doc = Doc(nlp.vocab, words=["Orion", "2000", "was", "launched", "in", "2001", "."])
    doc.ents = [SpacySpan(doc, 0, 2, label="PRODUCT")]
    sentence = AnnotatedSentence(0, doc.text, doc, False)
    assert [(t.span.text, t.value) for t in find_timexes(sentence, PUB)] == [("2001", "2001")]
    doc = Doc(nlp.vocab, words=["They", "counted", "2000", "ballots", "."])
    doc.ents = [SpacySpan(doc, 2, 3, label="CARDINAL")]
    assert find_timexes(AnnotatedSentence(0, doc.text, doc, False), PUB) == []
    # A lower-case date word inside a name is the recogniser running over, not a name.
    doc = Doc(nlp.vocab, words=["PetraLindqvistMP", "today", "met", "them", "."])
    doc.ents = [SpacySpan(doc, 0, 2, label="PERSON")]
    assert [t.value for t in find_timexes(AnnotatedSentence(0, doc.text, doc, False), PUB)] == ["2022-02-12"]


# --- tense: with and without a parse ------------------------------------------------------

def test_tense_from_parse_and_from_lexical_cues_agree():
    text = "Mr Hale said the talks would resume on Monday."
    ner = load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))
    unparsed = AnnotatedSentence(0, text, ner(text), False)
    parsed = AnnotatedSentence(0, text, load_model()(text), True)
    assert [t.value for t in find_timexes(unparsed, PUB)] == ["2022-02-14"]
    assert [t.value for t in find_timexes(parsed, PUB)] == ["2022-02-14"]
    assert [t.value for t in find_timexes(parsed, PUB, "a9")] == ["2022-02-14"]
    assert find_timexes(parsed, PUB, "a9")[0].article_id == "a9"


def test_weekday_direction_follows_tense():
    assert tags("The rebels attacked on Thursday.") == [("Thursday", "DATE", "2022-02-10")]
    assert tags("The rebels will attack on Thursday.") == [("Thursday", "DATE", "2022-02-17")]
    assert tags("Trading has been suspended since Monday.") == [("Monday", "DATE", "2022-02-07")]


def test_needs_parse_only_when_lexical_cues_cannot_decide():
    assert needs_parse("The talks resume on Monday.")  # no cue at all
    assert needs_parse("Mr Hale said the talks would resume on Monday.")  # past and future cues
    assert not needs_parse("They will meet on Monday.")
    assert not needs_parse("Prices rose 5% in the year.")  # nothing tense-sensitive
    assert not needs_parse("The committee rejected the proposal.")
    assert not needs_parse("")


def test_annotate_for_dates_parses_only_where_needed():
    sentences = annotate_for_dates(["The talks resume on Monday.", "They will meet on Monday."])
    assert [s.parsed for s in sentences] == [True, False]
    assert [s.index for s in sentences] == [0, 1]


def test_offsets_map_back_through_repaired_text():
    original = "Sales fell in the 90s again."
    repaired = "Sales fell in the '90s again."
    inserted = repaired.index("'")
    ner = load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))
    sentence = AnnotatedSentence(4, original, ner(repaired), False,
                                 to_original=lambda i: i if i <= inserted else i - 1)
    [t] = find_timexes(sentence, PUB, "a2")
    assert t.span == Span(4, 14, 21, "the 90s")
    assert t.value == "199"


def test_prefilter():
    assert not has_trigger("The committee rejected the proposal.")
    assert has_trigger("The committee met on Monday.")
    # Numbers trigger the rules their shape can start: four digits a year, a colon a time.
    assert has_trigger("It cost 1990 pounds.")
    assert has_trigger("They met at 10:30.")
    assert has_trigger("They met at 10 p.m.")
    assert has_trigger("Sales were weak in Q3.")
    assert has_trigger("The band was huge in the 90s.")
    assert not has_trigger("It cost 40 pounds.")  # round 1 let every number through
    # Rules that need two words: "that" alone is not a trigger, "that year" is.
    assert not has_trigger("He said that the plan was good.")
    assert has_trigger("He said that year was good.")


# --- the calendar and lexicon underneath --------------------------------------------------

def test_calendar_helpers():
    assert resolve_weekday(PUB, 3, "future") == D(2022, 2, 16)
    assert resolve_weekday(PUB, 6, "past") == D(2022, 2, 12)
    assert resolve_weekday(PUB, 6, "last") == D(2022, 2, 5)
    assert resolve_weekday(PUB, 6, "next") == D(2022, 2, 19)
    assert resolve_month(PUB, 12, "past") == 2021
    assert resolve_month(PUB, 3, "future") == 2022
    assert resolve_month(PUB, 1, None) == 2022
    assert resolve_month(PUB, 9, None) == 2021
    assert shift_value("1989-Q3", "Y", -1) == "1988-Q3"
    assert shift_value("2022-W06", "W", -1) == "2022-W05"
    assert shift_value("2022-01-31", "M", 1) == "2022-02-28"
    assert calendar_range("2021-WI") == ("season", D(2021, 12, 1), D(2022, 2, 28))
    assert calendar_range("2022-H2") == ("none", D(2022, 7, 1), D(2022, 12, 31))
    assert calendar_range("2022-02-14TMO") == ("time", D(2022, 2, 14), D(2022, 2, 14))
    assert calendar_range("1989-WXX") == ("week", None, None)
    assert calendar_range("nonsense") == ("none", None, None)
    assert granularity_of("DURATION", "PT24H") == ("time", None, None)
    assert granularity_of("SET", "XXXX-07") == ("month", None, None)


def test_numbers_and_durations():
    assert parse_number("twenty four") == 24
    assert parse_number("2 1/2") == 2.5
    assert parse_number("a couple of") == 2
    assert parse_number("two thousand") == 2000
    assert parse_number("several") is None
    assert parse_year_words("nineteen ninety-six") == 1996
    assert parse_year_words("two thousand two") == 2002
    assert duration_value(1.5, "hour") == "PT1H30M"
    assert duration_value(2, "decade") == "P20Y"
    assert duration_value(None, "decade") == "PXY"
    assert duration_value(None, "minute") == "PTXM"


# --- round 2: anaphora across an article (find_timexes_in_article) -----------------------

def article(*sentences: str) -> list[AnnotatedSentence]:
    return annotate_for_dates(list(sentences))


def values(sentences, published: dt.date = PUB, **kw) -> list[tuple]:
    return [(t.span.sentence_index, t.span.text, t.value)
            for t in find_timexes_in_article(sentences, published, "a7", **kw)]


def test_narrative_anaphora_anchor_to_earlier_sentences_only_in_ordered_text():
    doc = article("The mill in Vellmark was founded in 1995.", "The following year it opened a second site.",
                  "The flood came on 12 May 2003.", "Rescuers found survivors the same day.",
                  "The next day, the river fell.")
    assert values(doc, ordered=True) == [
        (0, "1995", "1995"), (1, "The following year", "1996"), (2, "12 May 2003", "2003-05-12"),
        (3, "the same day", "2003-05-12"), (4, "The next day", "2003-05-13")]
    # Shuffled crawls: an earlier line is not an earlier sentence, so the value is unknown.
    assert values(doc) == [
        (0, "1995", "1995"), (1, "The following year", "XXXX"), (2, "12 May 2003", "2003-05-12"),
        (3, "the same day", "XXXX-XX-XX"), (4, "The next day", "XXXX-XX-XX")]
    unknown = find_timexes_in_article(doc, PUB)[3]
    assert (unknown.type, unknown.granularity, unknown.first_day, unknown.last_day) == ("DATE", "day", None, None)


@pytest.mark.parametrize("text, expected", [
    ("Arnholt fled in June 1998 and came back later that year.",
     [("June 1998", "1998-06"), ("later that year", "1998")]),
    ("She left Vellmark in the spring of 1999 and did not return after that summer.",
     [("the spring of 1999", "1999-SP"), ("that summer", "1999-SU")]),
    ("The ferry sank on 3 March 2019 and was raised the following month.",
     [("3 March 2019", "2019-03-03"), ("the following month", "2019-04")]),
])
def test_anaphora_within_a_sentence(text, expected):
    assert [(t.span.text, t.value) for t in find_timexes_in_text(text, PUB)] == expected


def test_results_comparisons_take_the_reported_quarter_in_any_order():
    lines = ["Orvale Mining said third-quarter profit rose 12% to $4.1 million.",
             "Revenue rose to $88 million from $80 million a year earlier.",
             "The latest period included a gain of $3 million.",
             "In the 2020 period, the company lost $2 million.",
             "Orvale expects a fourth-quarter profit of $5 million."]
    expected = {"third-quarter": "2021-Q3", "a year earlier": "2020-Q3", "The latest period": "2021-Q3",
                "the 2020 period": "2020-Q3", "fourth-quarter": "2021-Q4"}
    late_october = D(2021, 10, 28)
    for order in (lines, list(reversed(lines))):
        found = {t.span.text: t.value for t in find_timexes_in_article(article(*order), late_october)}
        assert found == expected  # the report period is the quarter already ended: Q3, not the Q4 forecast


def test_year_ago_without_a_report_period_is_counted_from_publication():
    assert values(article("Rents were 5.1 percent lower than a year earlier.")) == [
        (0, "a year earlier", "2021")]
    assert values(article("A year ago, the shipyard was close to collapse.")) == [(0, "A year ago", "2021")]
    assert values(article("Sales rose 9% from a year ago in the third quarter.")) == [
        (0, "a year ago", "2020-Q3"), (0, "the third quarter", "2021-Q3")]


def test_find_timexes_is_the_article_function_on_one_sentence():
    [s] = article("The ferry sank on 3 March 2019 and was raised the following month.")
    assert find_timexes(s, PUB, "a7") == find_timexes_in_article([s], PUB, "a7")
    assert find_timexes_in_article([], PUB) == []


def test_clock_times_take_the_day_of_their_sentence():
    assert tags("Police arrived at 6 a.m. on Friday.") == [
        ("6 a.m.", "TIME", "2022-02-11T06:00"), ("Friday", "DATE", "2022-02-11")]
    assert tags("On Thursday, at about 10:35 a.m., the bridge closed.") == [
        ("Thursday", "DATE", "2022-02-10"), ("10:35 a.m.", "TIME", "2022-02-10T10:35")]
    assert tags("The vote closes at 3pm.") == [("3pm", "TIME", "2022-02-12T15:00")]


# --- round 2: holidays -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Shoppers crowded the stores on Black Friday.", [("Black Friday", "DATE", "2021-11-26")]),
    ("The market will reopen after Christmas.", [("Christmas", "DATE", "2022-12-25")]),
    ("The boat was found last Thanksgiving.", [("last Thanksgiving", "DATE", "2021-11-25")]),
    ("The band played on New Years Eve 2019.", [("New Years Eve 2019", "DATE", "2019-12-31")]),
    ("The attack came on Easter Sunday.", [("Easter Sunday", "DATE", "2021-04-04")]),
    ("Voters will go to the polls on Election Day.", [("Election Day", "DATE", "2022-11-08")]),
])
def test_holidays(text, expected):
    assert tags(text) == expected


def test_easter_dates():
    from storyline.nlp.temporal_holidays import easter

    assert [easter(y) for y in (2008, 2019, 2022, 2024)] == [
        D(2008, 3, 23), D(2019, 4, 21), D(2022, 4, 17), D(2024, 3, 31)]


# --- round 2: tense ----------------------------------------------------------------------------

def test_plans_told_in_the_past_take_the_nearest_day():
    # Monday 7 February is behind, Monday 14 February nearer: a past plan may lie ahead.
    assert tags("The team planned to leave Vellmark on Monday.") == [("Monday", "DATE", "2022-02-14")]
    assert tags("The team left Vellmark on Monday.") == [("Monday", "DATE", "2022-02-07")]
    assert tags("The board named a new chief, effective June 1.") == [("June 1", "DATE", "2022-06-01")]
    assert tags("The board agreed to sell the unit in June.") == [("June", "DATE", "2022-06")]


def test_simple_present_with_a_day_is_a_schedule():
    assert tags("The two ministers meet Monday in Vellmark.") == [("Monday", "DATE", "2022-02-14")]
    assert tags("Hale says Monday was the worst day.") == [("Monday", "DATE", "2022-02-07")]


def test_resolve_weekday_near():
    assert resolve_weekday(PUB, 1, "near") == D(2022, 2, 14)  # Monday: 2 days ahead, 5 behind
    assert resolve_weekday(PUB, 4, "near") == D(2022, 2, 10)  # Thursday: 2 behind, 5 ahead
    assert resolve_weekday(PUB, 6, "near") == D(2022, 2, 12)


# --- round 2: what is and is not an expression, and its extent -----------------------------

@pytest.mark.parametrize("text, expected", [
    ("A 6-year-old boy was rescued.", []),  # ages are not tagged (TempEval-3: 0 of 34)
    ("The rebels hold a daily rally in the square.", [("daily", "SET", "P1D")]),
    ("The bank raised its quarterly dividend.", []),
    ("Profit will fall in the last half of 2022.", [("the last half of 2022", "DATE", "2022-H2")]),
    ("Sales were flat for the last half of the '80s.", [("the last half of the '80s", "DATE", "198")]),
    ("The offices were empty for about three days.", [("three days", "DURATION", "P3D")]),
    ("The bridge closed at about 10 p.m.", [("10 p.m.", "TIME", "2022-02-12T22:00")]),
    ("The treaty was signed last June.", [("last June", "DATE", "2021-06")]),
    ("She was attacked last Oct. 23 outside her office.", [("Oct. 23", "DATE", "2021-10-23")]),
    ("Earnings will fall in the fiscal year.", [("the fiscal year", "DATE", "2022")]),
    ("Revenue for the year ended June 30 rose.", [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2021-06-30")]),
])
def test_round_two_extents_and_types(text, expected):
    assert tags(text) == expected


def test_unanchored_values_have_a_granularity_but_no_range():
    assert calendar_range("XXXX-XX-XX") == ("day", None, None)
    assert calendar_range("XXXX") == ("year", None, None)
    assert calendar_range("XXXX-SU") == ("season", None, None)
    assert calendar_range("198X") == ("decade", None, None)
    assert granularity_of("TIME", "XXXX-XX-XXTMO") == ("time", None, None)


@pytest.mark.parametrize("text, expected", [
    # a number after a word that numbers things is no year
    ("Resolution 1973 authorised member states to protect civilians.", []),
    ("Critics said the raids exceeded what Security Council Resolution 1973 allowed.", []),
    ("Flight 1549 landed on the Hudson River.", []),
    # an early number is a year only where a year is expected
    ("The Normans invaded England in 1066.", [("1066", "1066")]),
    ("The shelling had killed between 1000 and 2000 people by then.", []),
    ("Between 1000 and 1500 troops were sent in 2011.", [("2011", "2011")]),
    # ranges of years stay years
    ("Prices rose between 1990 and 2000.", [("1990", "1990"), ("2000", "2000")]),
    ("Sales grew from 1998 to 2004.", [("1998", "1998"), ("2004", "2004")]),
    ("The treaty was signed in 1787.", [("1787", "1787")]),
])
def test_bare_numbers_that_are_not_years(text, expected):
    assert [(t.span.text, t.value) for t in find_timexes_in_text(text, PUB)] == expected


@pytest.mark.parametrize("text, expected", [
    # a place named after a day
    ("Police trucks drove across the 6 October Bridge.", []),
    ("Crowds gathered on July 26 Street.", []),
    # a march, not the month
    ("Protesters called for a March of Millions.", []),
    ("The rally was part of the March of Dimes drive.", []),
    # the month
    ("The bridge opened on 6 October and the talks ended in March of last year.",
     [("6 October", "2021-10-06"), ("March of last year", "2021-03")]),
    ("They will meet in March of 2023.", [("March of 2023", "2023-03")]),
    ("In May the court ruled.", [("May", "2021-05")]),
])
def test_names_and_marches_that_are_not_dates(text, expected):
    assert [(t.span.text, t.value) for t in find_timexes_in_text(text, PUB)] == expected


# --- round 3: MEANTIME development errors (airbus, apple) ---------------------------------

@pytest.mark.parametrize("text, expected", [
    # tokenised text (PTB style: Timeline17, MEANTIME) puts a space before the comma
    ("The mill had been closed since July 24 , 2003 after a fire .", [("July 24 , 2003", "2003-07-24")]),
    ("Arnholt , born on 3 March , 1950 , left .", [("3 March , 1950", "1950-03-03")]),
    ("The deal closed on Friday , January 7 , 2011 .", [("Friday , January 7 , 2011", "2011-01-07")]),
    ("Sales fell in August , 2021 .", [("August , 2021", "2021-08")]),
    ("Rents doubled in the 1990 's .", [("the 1990 's", "199")]),
    ("The ferry sails at 5 p.m. , Feb. 20 .", [("5 p.m. , Feb. 20", "2022-02-20T17:00")]),
])
def test_tokenised_commas_inside_dates(text, expected):
    assert [(t.span.text, t.value) for t in find_timexes_in_text(text, PUB)] == expected


@pytest.mark.parametrize("text, expected", [
    # a plural before "-long" is a vague length, and the article belongs to the noun
    ("They ended a decades-long feud over water .", [("decades-long", "DURATION", "PXY")]),
    ("It was a months-long strike .", [("months-long", "DURATION", "PXM")]),
    ("Vellmark settled its decades-long dispute with Arnholt .", [("decades-long", "DURATION", "PXY")]),
    ("The weeks-long strike ended .", [("weeks-long", "DURATION", "PXW")]),
    ("It was a two-month strike .", [("two-month", "DURATION", "P2M")]),
    # "over the years" is a stretch of time; "in the weeks before" is not tagged
    ("She thanked the staff for their work over the years .", [("the years", "DURATION", "PXY")]),
    ("Prices fell in the weeks before the vote .", []),
    # a clock time in UTC or GMT says so (ISO 8601 "Z"); other zones stay local
    ("The rocket lifted off at 18:00 UTC .", [("18:00 UTC", "TIME", "2022-02-12T18:00Z")]),
    ("The ferry left at 6 p.m. GMT .", [("6 p.m. GMT", "TIME", "2022-02-12T18:00Z")]),
    ("The market closed at 5 p.m. EST .", [("5 p.m. EST", "TIME", "2022-02-12T17:00")]),
])
def test_vague_lengths_and_utc_clock_times(text, expected):
    assert tags(text) == expected


def test_numeric_date_is_a_date_even_where_the_recogniser_says_cardinal():
    # spaCy's small model reads "6/5/07" here as CARDINAL; three numbers that make a valid
    # month, day and year are a date all the same.
    assert tags("Her visa was stamped with a US-style date , 6/5/07 .",
                D(2007, 6, 6)) == [("6/5/07", "DATE", "2007-06-05")]


@pytest.mark.parametrize("text, expected", [
    # British "financial year" is the fiscal year (valued as TempEval-3 values fiscal years)
    ("Profit rose in the financial year .", [("the financial year", "DATE", "2022")]),
    ("Profit will rise in the next financial year .", [("the next financial year", "DATE", "2023")]),
    ("Sales jumped at the very beginning of the fiscal year .",
     [("the very beginning of the fiscal year", "DATE", "2022")]),
])
def test_financial_years(text, expected):
    assert tags(text) == expected


def test_same_period_of_the_last_year_is_the_reported_quarter_a_year_before():
    text = ("Kestrel Mills said sales in the last quarter , which closed on December 29 , fell from "
            "$ 8 million in the same quarter of the last year .")
    assert tags(text, D(2007, 1, 18)) == [("the last quarter", "DATE", "2006-Q4"),
                                          ("December 29", "DATE", "2006-12-29"),
                                          ("the same quarter of the last year", "DATE", "2005-Q4")]
    assert tags("Profit rose from the same period of the prior year .", D(2007, 1, 18)) == [
        ("the same period of the prior year", "DATE", "2005-Q4")]


# --- round 4: business and market news -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a headline (no full stop) tells a past event in the present: the nearest Thursday
    ("Arnholt shares rise on Thursday", [("Thursday", "DATE", "2022-02-10")]),
    ("Vellmark Stocks Close Lower On Thursday", [("Thursday", "DATE", "2022-02-10")]),
    # and a plan with "to"
    ("Vellmark dock workers to strike on Thursday", [("Thursday", "DATE", "2022-02-17")]),
    # a sentence with a full stop keeps the schedule reading
    ("Arnholt shareholders meet on Thursday.", [("Thursday", "DATE", "2022-02-17")]),
    # and so does a clause of condition or time inside a headline
    ("Hale warns Arnholt of sanctions unless troops pull back by Friday", [("Friday", "DATE", "2022-02-18")]),
])
def test_headlines_tell_past_events_in_the_present(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the past" before a count modifies the counted noun; alone it is the past
    ("The index fell in the past five sessions.", []),
    ("In the past, Vellmark Motors sold more trucks.", [("the past", "DATE", "PAST_REF")]),
    ("The stock has risen over the past two weeks.", [("the past two weeks", "DURATION", "P2W")]),
    # a calendar quarter or half named by its first and last months
    ("Profit rose in the October-December quarter.", [("the October-December quarter", "DATE", "2021-Q4")]),
    ("Sales will rise in the April-June quarter.", [("the April-June quarter", "DATE", "2022-Q2")]),
    ("Revenue fell in the January-March period of 2007.",
     [("the January-March period of 2007", "DATE", "2007-Q1")]),
    ("Profit doubled in the July-December half.", [("the July-December half", "DATE", "2021-H2")]),
    ("Hale sold more in the March-May period.", []),  # three months, but no calendar quarter
])
def test_counts_after_the_past_and_quarters_named_by_months(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an offset from UTC is taken away (across midnight if need be); brackets belong to it
    ("The ferry docked at 7:25 p.m. ( GMT +8 ) .", [("7:25 p.m. ( GMT +8 )", "TIME", "2022-02-12T11:25Z")]),
    ("The ferry docked at 7:25 p.m. (GMT+8).", [("7:25 p.m. (GMT+8)", "TIME", "2022-02-12T11:25Z")]),
    ("The plane landed at 9 p.m. GMT-5.", [("9 p.m. GMT-5", "TIME", "2022-02-13T02:00Z")]),
    ("The rocket lifted off at 02:30 UTC+5:30 .", [("02:30 UTC+5:30", "TIME", "2022-02-11T21:00Z")]),
    # other zones stay local time
    ("The bank opens at 9 a.m. (local time).", [("9 a.m. (local time)", "TIME", "2022-02-12T09:00")]),
])
def test_clock_times_with_an_offset_from_utc(text, expected):
    assert tags(text) == expected


def test_year_ago_after_an_amount_in_words_is_the_reported_quarter_a_year_before():
    text = ("Kestrel Airways lost 1.7 billion dollars in the fourth quarter , compared with a loss of "
            "2.9 billion dollars a year ago .")
    assert tags(text) == [("the fourth quarter", "DATE", "2021-Q4"), ("a year ago", "DATE", "2020-Q4")]
    assert tags("Vellmark Motors was founded a year ago .") == [("a year ago", "DATE", "2021")]


@pytest.mark.parametrize("text, expected", [
    # a planned event told in the past lies ahead of the planning: the nearest Monday
    ("Protesters planned a large rally in Vellmark on Monday.", [("Monday", "DATE", "2022-02-14")]),
    ("The union called a strike for Monday.", [("Monday", "DATE", "2022-02-14")]),
    # (cues that disagree: the parse decides)
    ("Protesters planned a large rally in Vellmark on Monday and were planning to march.",
     [("Monday", "DATE", "2022-02-14")]),
    ("Protesters held a large rally in Vellmark on Monday.", [("Monday", "DATE", "2022-02-07")]),
])
def test_planned_events_take_the_nearest_day(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a weekday that is part of a day's name is not this week's day
    ("The crash on Black Monday wiped out a fifth of the index .", []),
    ("Vellmark campaigned hard before Super Tuesday .", []),
    ("The crash on Monday wiped out a fifth of the index .", [("Monday", "DATE", "2022-02-07")]),
    ("Shoppers queued on Black Friday .", [("Black Friday", "DATE", "2021-11-26")]),
])
def test_weekdays_inside_names_of_days(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of the day: of the day the sentence names, else of the publication day
    ("The rally faded in the afternoon .", [("the afternoon", "TIME", "2022-02-12TAF")]),
    ("On Friday , shares fell in the morning but rose during the afternoon .",
     [("Friday", "DATE", "2022-02-11"), ("the morning", "TIME", "2022-02-11TMO"),
      ("the afternoon", "TIME", "2022-02-11TAF")]),
    # with an hour it is a clock time
    ("The blast came at 4 in the morning on Friday .",
     [("4 in the morning", "TIME", "2022-02-11T04:00"), ("Friday", "DATE", "2022-02-11")]),
    ("The market reopened at eight in the evening .", [("eight in the evening", "TIME", "2022-02-12T20:00")]),
])
def test_parts_of_the_day(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the second day of a pair takes the first one's month
    ("The summit will be held on April 24 and 25 .",
     [("April 24", "DATE", "2022-04-24"), ("25", "DATE", "2022-04-25")]),
    ("Shares fell on February 3 and 2 percent more on Friday .",
     [("February 3", "DATE", "2022-02-03"), ("Friday", "DATE", "2022-02-11")]),
    ("Turnout was high on February 8 and 9 percent voted early .", [("February 8", "DATE", "2022-02-08")]),
    # "the March"/"the May" before a noun is the month; before a preposition it is a march
    ("The March accession will let Vellmark join .", [("March", "DATE", "2022-03")]),
    ("The March on Vellmark drew crowds .", []),
])
def test_second_days_and_months_as_modifiers(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Shares rose in mid-afternoon trading .", [("mid-afternoon", "TIME", "2022-02-12TAF")]),
    ("The index fell in late morning trading on Friday .",
     [("late morning", "TIME", "2022-02-11TMO"), ("Friday", "DATE", "2022-02-11")]),
    ("By mid afternoon , officials said the bridge had reopened .", [("mid afternoon", "TIME", "2022-02-12TAF")]),
])
def test_early_mid_and_late_parts_of_the_day(text, expected):
    assert tags(text) == expected


def test_a_part_of_the_day_follows_the_story_when_its_sentence_has_no_day():
    sentences = annotate_for_dates(["Vellmark shares fell on Thursday .", "In the afternoon , they recovered ."])
    found = find_timexes_in_article(sentences, PUB, ordered=True)
    assert [(t.span.text, t.value) for t in found] == [("Thursday", "2022-02-10"), ("the afternoon", "2022-02-10TAF")]


@pytest.mark.parametrize("text, expected", [
    # a quarter named by the month it ends in
    ("Vellmark Foods sold more in the September quarter .", [("the September quarter", "DATE", "2021-Q3")]),
    ("Revenue rose in the June quarter of 2007 .", [("the June quarter of 2007", "DATE", "2007-Q2")]),
    # halves in codes take a year; "H2" alone is no half
    ("Profit rose in H1 2007 .", [("H1 2007", "DATE", "2007-H1")]),
    ("Profit rose in 1H07 .", [("1H07", "DATE", "2007-H1")]),
    ("The H2 engine failed .", []),
])
def test_quarters_named_by_their_last_month_and_half_codes(text, expected):
    assert tags(text) == expected


def test_a_quarter_named_by_its_month_is_the_reported_period():
    sentences = annotate_for_dates(["Vellmark Foods earned 5 million dollars in the June quarter .",
                                    "That compares with 4 million dollars a year earlier ."])
    found = find_timexes_in_article(sentences, PUB)
    assert [(t.span.text, t.value) for t in found] == [("the June quarter", "2021-Q2"), ("a year earlier", "2020-Q2")]


@pytest.mark.parametrize("text, expected", [
    # "prior-year" as "year-ago": the reported quarter a year before (no quarter named: the
    # last one ended, a year before)
    ("Profit was 2 million dollars in the prior-year quarter .", [("the prior-year quarter", "DATE", "2020-Q4")]),
    ("The prior year period was weak .", [("The prior year period", "DATE", "2020-Q4")]),
    # "before" ending its clause is "earlier"
    ("Vellmark Foods earned 5 million dollars in the fourth quarter , up from 3 million dollars a year before .",
     [("the fourth quarter", "DATE", "2021-Q4"), ("a year before", "DATE", "2020-Q4")]),
    ("Sales were up 10 percent from the year before .", [("the year before", "DATE", "2021")]),
    ("On Thursday , stocks fell after rising the day before .",
     [("Thursday", "DATE", "2022-02-10"), ("the day before", "DATE", "2022-02-09")]),
    ("Arnholt quit the day before the vote .", []),
])
def test_prior_year_periods_and_units_before(text, expected):
    assert tags(text) == expected


def test_the_same_month_last_year():
    assert tags("Car sales in January fell 20 percent from the same month last year .") == [
        ("January", "DATE", "2022-01"), ("the same month last year", "DATE", "2021-01")]
    assert tags("Sales rose from the same month last year .") == [("the same month last year", "DATE", "2021-02")]


def test_the_previous_quarter_of_a_results_story_is_before_the_reported_one():
    sentences = annotate_for_dates(["Vellmark Foods earned 5 million dollars in the third quarter .",
                                    "Revenue was flat compared with the previous quarter ."])
    found = find_timexes_in_article(sentences, PUB)
    assert [(t.span.text, t.value) for t in found] == [("the third quarter", "2021-Q3"),
                                                       ("the previous quarter", "2021-Q2")]
    # without a reported quarter: the one before the current quarter
    assert tags("Revenue was flat compared with the previous quarter .") == [
        ("the previous quarter", "DATE", "2021-Q4")]


@pytest.mark.parametrize("text, expected", [
    # more zone names after a clock time
    ("The index closed at 4:00 p.m. ET .", [("4:00 p.m. ET", "TIME", "2022-02-12T16:00")]),
    # four-digit wire-service times, only with a zone or "hours"
    ("The index stood at 12,000 at 1430 GMT .", [("1430 GMT", "TIME", "2022-02-12T14:30Z")]),
    ("The market opened at 0900 local time .", [("0900 local time", "TIME", "2022-02-12T09:00")]),
    ("Sales of 1200 units were reported .", []),
    # after "at" with nothing a year would take: a time ("at 1990 levels" keeps its year)
    ("The quake struck at 1653 (2153 GMT) .", [("1653", "TIME", "2022-02-12T16:53"), ("2153 GMT", "TIME", "2022-02-12T21:53Z")]),
    ("The ferry sank at 1653 on Thursday .", [("1653", "TIME", "2022-02-10T16:53"), ("Thursday", "DATE", "2022-02-10")]),
    ("Output stood at 1990 levels .", [("1990", "DATE", "1990")]),
    ("The fort fell in 1653 .", [("1653", "DATE", "1653")]),
])
def test_more_clock_times_of_market_reports(text, expected):
    assert tags(text) == expected


# --- round 5: business and market news (sentences written for these tests) ----------------

@pytest.mark.parametrize("text, expected", [
    # the wire's hyphenated "the end of"; "end-run" is no date
    ("Vellmark will close the plant by end-2022 .", [("end-2022", "DATE", "2022")]),
    ("The bonds mature at end-March 2023 .", [("end-March 2023", "DATE", "2023-03")]),
    ("Sales should recover from start-2023 .", [("start-2023", "DATE", "2023")]),
    ("The firm tried to end-run the regulators .", []),
    # "year's end", with the apostrophe stripped too
    ("Vellmark hopes to list its shares by year's end .", [("year's end", "DATE", "2022")]),
    ("Vellmark aims to sell the unit by the years end .", [("the years end", "DATE", "2022")]),
    ("Cash fell at last year's end .", [("last year's end", "DATE", "2021")]),
    # "the end of" belongs to a quarter's extent as to a year's
    ("Bankers see the merger closing near the end of the third quarter if regulators agree .", [("the end of the third quarter", "DATE", "2022-Q3")]),
    # "the prior" is the business writer's "the previous"; "prior to" is no date
    ("Profit fell from the prior year .", [("the prior year", "DATE", "2021")]),
    ("Prices were flat with the prior month .", [("the prior month", "DATE", "2022-01")]),
    ("The cuts were planned prior to the merger .", []),
    # a week or month said to end on a day is the week or month of that day
    ("Vellmark sold more bread in the week ended January 29 .", [("the week", "DATE", "2022-W04"),
                                                             ("January 29", "DATE", "2022-01-29")]),
    ("Sales rose in the month ended January 31 .", [("the month", "DATE", "2022-01"),
                                                     ("January 31", "DATE", "2022-01-31")]),
    ("Stocks fell on the week .", [("the week", "DATE", "2022-W06")]),
])
def test_period_ends_and_prior_periods(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Asian markets fell overnight .", [("overnight", "TIME", "2022-02-11TNI")]),
    ("Vellmark shares made up their overnight losses .", [("overnight", "TIME", "2022-02-11TNI")]),
    ("Talks will continue overnight .", [("overnight", "TIME", "2022-02-12TNI")]),
    ("Rebels attacked the town overnight Tuesday .", [("overnight", "TIME", "2022-02-08TNI"),
                                                      ("Tuesday", "DATE", "2022-02-08")]),
    # a kind of loan or stay, and "suddenly", are not a night
    ("The central bank cut the overnight lending rate .", []),
    ("Guests paid for an overnight stay .", []),
    ("Vellmark became a household name almost overnight .", []),
    ("The problems will not be solved overnight .", []),
    ("The problems won't be solved overnight .", []),
    ("The problems wont be solved overnight .", []),
])
def test_overnight(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Over the long term , stocks beat bonds .", [("the long term", "DATE", "FUTURE_REF")]),
    ("In the medium term the merger will pay off .", [("the medium term", "DATE", "FUTURE_REF")]),
    ("Investors worry about the long-term outlook .", []),
    ("Vellmark repaid the short-term debt .", []),
    ("An analyst at the Long-Term Growth Fund said so .", []),
])
def test_the_long_and_medium_term_look_ahead(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The talks lasted an hour and a half .", [("an hour and a half", "DURATION", "PT1H30M")]),
    ("The strike has gone on for two years and a half .", [("two years and a half", "DURATION", "P2Y6M")]),
    ("Vellmark was founded a year and a half ago .", [("a year and a half ago", "DATE", "2020-08")]),
    # minutes and hours later: TimeML tags the length, "later" outside
    ("The alarm rang two minutes and a half later .", [("two minutes and a half", "DURATION", "PT2M30S")]),
    ("Three hours earlier the plant shut .", [("Three hours", "DURATION", "PT3H")]),
    ("About two hours later , the fire was out .", [("two hours", "DURATION", "PT2H")]),
    ("The fire started 20 minutes ago .", [("20 minutes ago", "DATE", "2022-02-12")]),
    # a season of a year in words
    ("The mill closed in the summer of nineteen eighty-two .",
     [("the summer of nineteen eighty-two", "DATE", "1982-SU")]),
])
def test_and_a_half_clock_lengths_and_seasons_of_years_in_words(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a count after "in" in a clause that looks ahead is a point (TimeML's DATE), not a length
    ("The board will meet again in two weeks .", [("two weeks", "DATE", "2022-W08")]),
    ("The plant will reopen in two years .", [("two years", "DATE", "2024")]),
    ("Vellmark could sell 2 million loaves in a year .", [("a year", "DURATION", "P1Y")]),
    ("Vellmark sold 1,000 cars in two weeks .", [("two weeks", "DURATION", "P2W")]),
    ("Vellmark must file a plan within 60 days .", [("60 days", "DURATION", "P60D")]),
    ("It could be the biggest drop in a year .", [("a year", "DURATION", "P1Y")]),
    ("The unions will meet in two-day talks .", [("two-day", "DURATION", "P2D")]),
    # two units before publication's
    ("The board met the week before last .", [("the week before last", "DATE", "2022-W04")]),
    ("Prices fell the year before last .", [("the year before last", "DATE", "2020")]),
    # zones by name stay in the extent, in local time
    ("Trading resumes at 9:30 a.m. Eastern time .", [("9:30 a.m. Eastern time", "TIME", "2022-02-12T09:30")]),
    ("The offer expires at 4 p.m. New York time .", [("4 p.m. New York time", "TIME", "2022-02-12T16:00")]),
    # "single" counts one
    ("The index posted its largest single-day drop .", [("single-day", "DURATION", "P1D")]),
    ("The index fell 5 percent in a single day .", [("a single day", "DURATION", "P1D")]),
])
def test_points_ahead_units_before_last_named_zones_and_single_days(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a delay against a plan is the time of the event, the date it is told with
    ("The ferry enters service on February 20 , two days later than scheduled .",
     [("February 20", "DATE", "2022-02-20"), ("two days later than scheduled", "DATE", "2022-02-20")]),
    ("The ferry arrived two days later than expected .", [("two days later than expected", "DATE", "XXXX-XX-XX")]),
])
def test_later_than_planned_is_the_time_of_the_event(text, expected):
    assert tags(text) == expected


def test_last_years_quarter_is_the_reported_quarter_a_year_before():
    sentences = annotate_for_dates(["Vellmark Foods earned 5 million dollars in the third quarter .",
                                    "Margins in last year's quarter were thinner .",
                                    "Costs rose from last years period ."])
    assert [(t.span.text, t.value) for t in find_timexes_in_article(sentences, PUB)] == [
        ("the third quarter", "2021-Q3"), ("last year's quarter", "2020-Q3"), ("last years period", "2020-Q3")]


@pytest.mark.parametrize("text, expected", [
    ("Vellmark expects a loss in FY22 .", [("FY22", "DATE", "2022")]),
    ("Vellmark expects a loss in fiscal '23 .", [("fiscal '23", "DATE", "2023")]),
    ("Sales peaked in FY98 .", [("FY98", "DATE", "1998")]),
    ("The FY 2021 budget was cut .", [("FY 2021", "DATE", "2021")]),
])
def test_fiscal_years_by_two_digits(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # tokenised text (a space before "'s", as MEANTIME and Timeline17 write it)
    ("Vellmark expects this year 's first quarter to be weak .", [("this year 's first quarter", "DATE", "2022-Q1")]),
    ("Vellmark hopes to list its shares by year 's end .", [("year 's end", "DATE", "2022")]),
    ("Cash fell at last year 's end .", [("last year 's end", "DATE", "2021")]),
])
def test_tokenised_possessives_of_years(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a month after "by"/"through" is a deadline or a term's end: ahead, or the nearest when
    # the sentence's tense is past (often another clause's)
    ("The board, which had met twice, set a goal to cut debt by April .", [("April", "DATE", "2022-04")]),
    ("The lenders have granted Vellmark credit through March .", [("March", "DATE", "2022-03")]),
    ("Sales had recovered by December .", [("December", "DATE", "2021-12")]),
    ("Vellmark will repay the loan by November .", [("November", "DATE", "2022-11")]),
    # a weekday keeps its tense
    ("The deal was signed by Friday .", [("Friday", "DATE", "2022-02-11")]),
])
def test_months_after_by_and_through_look_ahead(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a results table's next column is no length of time
    ("Sales 1,234,000 vs 5,678,000     Year     Shr 10 cts", []),
    ("The talks lasted two  years .", [("two  years", "DURATION", "P2Y")]),
    ("Vellmark unveiled a ten - year plan .", [("ten - year", "DURATION", "P10Y")]),
])
def test_numbers_of_tables_are_no_durations(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The plant should reopen before mid-year .", [("mid-year", "DATE", "2022")]),
    ("The vote was moved to mid-month .", [("mid-month", "DATE", "2022-02")]),
    ("Prices rose midweek .", [("midweek", "DATE", "2022-W06")]),
])
def test_the_middle_of_the_current_unit(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The hearing is set for the week of March 7 .", [("the week of March 7", "DATE", "2022-W10")]),
    ("Vellmark cut prices in the fourth week of January .", [("the fourth week of January", "DATE", "2022-W04")]),
    ("Sales slumped in the last week of December .", [("the last week of December", "DATE", "2021-W52")]),
    ("The union will vote in the first week of April 2023 .", [("the first week of April 2023", "DATE", "2023-W14")]),
])
def test_weeks_of_months(text, expected):
    assert tags(text) == expected


def test_the_same_period_in_a_year_is_the_reported_period_in_that_year():
    sentences = annotate_for_dates(["Vellmark Foods earned 5 million dollars in the third quarter .",
                                    "It earned 3 million dollars in the same period in 2020 ."])
    assert [(t.span.text, t.value) for t in find_timexes_in_article(sentences, PUB)] == [
        ("the third quarter", "2021-Q3"), ("the same period in 2020", "2020-Q3")]


@pytest.mark.parametrize("text, expected", [
    ("Vellmark earned 2 dollars a share in prior year .", [("prior year", "DATE", "2021")]),
    ("Losses from prior years were written off .", [("prior years", "DURATION", "PXY")]),
])
def test_prior_without_the(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Vellmark counts its stock at end-year .", [("end-year", "DATE", "2022")]),
    ("Output was 40 tonnes against 35 in the same period 2020 .", [("the same period 2020", "DATE", "2020")]),
])
def test_end_year_and_the_same_period_without_in(text, expected):
    assert tags(text) == expected


# --- round 6: business and market news ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the weekday picks the year when the nearest year's date falls on another day
    ("The strike began on Monday , February 15 .", [("Monday , February 15", "DATE", "2021-02-15")]),
    ("The strike begins on Tuesday, February 15.", [("Tuesday, February 15", "DATE", "2022-02-15")]),
    # no year near the publication has it on a Friday: the nearest year stands
    ("The strike began on Friday, February 15.", [("Friday, February 15", "DATE", "2022-02-15")]),
])
def test_a_weekday_with_a_date_chooses_its_year(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Vellmark shares rose in the year 's first quarter .", [("the year 's first quarter", "DATE", "2022-Q1")]),
    ("Vellmark shares rose in the year's second half.", [("the year's second half", "DATE", "2022-H2")]),
    ("Vellmark shares rose in the years first quarter.", [("the years first quarter", "DATE", "2022-Q1")]),
])
def test_the_years_quarter(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mill stocks fell in the month of January .", [("the month of January", "DATE", "2022-01")]),
    ("The mill will close in the month of May .", [("the month of May", "DATE", "2022-05")]),
    ("Sales fell in the month of March 2019 .", [("the month of March 2019", "DATE", "2019-03")]),
    # a month named otherwise is not the current one
    ("Shops open late during the month of Ramadan .", []),
    ("The unions planned a month of strikes .", [("a month", "DURATION", "P1M")]),
    ("The unions planned the month of action .", []),
])
def test_the_month_of_a_month(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the quarter ended on a day is the three months before it, named by their middle
    ("Vellmark earned more in the quarter ended Dec. 31 .",
     [("the quarter", "DATE", "2021-Q4"), ("Dec. 31", "DATE", "2021-12-31")]),
    ("Vellmark earned more in the quarter ended July 31 .",  # a fiscal quarter, May to July
     [("the quarter", "DATE", "2021-Q2"), ("July 31", "DATE", "2021-07-31")]),
    ("Vellmark earned more in the quarter ended Jan. 31 .",
     [("the quarter", "DATE", "2021-Q4"), ("Jan. 31", "DATE", "2022-01-31")]),
    ("Vellmark expects a loss in the quarter ending June 30, 2023 .",
     [("the quarter", "DATE", "2023-Q2"), ("June 30, 2023", "DATE", "2023-06-30")]),
])
def test_the_quarter_ended_on_a_day(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the week"/"the month"/"the year" of a sentence that names a day are that day's
    ("The index closed on Thursday , down 3 % for the week .",
     [("Thursday", "DATE", "2022-02-10"), ("the week", "DATE", "2022-W06")]),
    ("The index ended the week lower on Friday , February 4 .",
     [("the week", "DATE", "2022-W05"), ("Friday , February 4", "DATE", "2022-02-04")]),
    ("On January 31 , the index ended the month up 2 % .",
     [("January 31", "DATE", "2022-01-31"), ("the month", "DATE", "2022-01")]),
    ("On December 30 , the index closed the year 9 % higher .",
     [("December 30", "DATE", "2021-12-30"), ("the year", "DATE", "2021")]),
    # without a day, the publication's
    ("The index is down 3 % for the week .", [("the week", "DATE", "2022-W06")]),
])
def test_the_week_of_the_day_named(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Vellmark shares are down 15 percent year to date .", [("year to date", "DATE", "2022")]),
    ("Year-to-date sales rose 4 percent .", [("Year-to-date", "DATE", "2022")]),
    ("Sales in the year to date are up 3 percent .", [("the year to date", "DATE", "2022")]),
    ("The fund returned 8 percent YTD .", [("YTD", "DATE", "2022")]),
    ("Orders are up 2 percent month-to-date .", [("month-to-date", "DATE", "2022-02")]),
    ("No dividend has been paid to date .", []),
])
def test_year_to_date(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a zone after noon, midnight or o'clock belongs to the time, as after "4 p.m."
    ("The offer expires at noon EST .", [("noon EST", "TIME", "2022-02-12T12:00")]),
    ("The vote closes at midday local time .", [("midday local time", "TIME", "2022-02-12T12:00")]),
    ("The talks begin at ten o'clock Eastern time .", [("ten o'clock Eastern time", "TIME", "2022-02-12T10:00")]),
])
def test_zones_after_noon_and_oclock(text, expected):
    assert tags(text) == expected


LATE_MARCH = D(2022, 3, 28)  # 87 days after the fourth quarter ended


@pytest.mark.parametrize("text, expected", [
    # a half or quarter ahead is this year's unless the sentence tells of results reported
    ("Demand should improve in the second half .", [("the second half", "DATE", "2022-H2")]),
    ("Vellmark expects sales to recover in the fourth quarter .", [("the fourth quarter", "DATE", "2022-Q4")]),
    ("Vellmark will report results for the fourth quarter next week .",
     [("the fourth quarter", "DATE", "2021-Q4"), ("next week", "DATE", "2022-W14")]),
    ("Sales fell in the second half .", [("the second half", "DATE", "2021-H2")]),
    # "of the year" is part of the quarter, which the tense places
    ("Hiring may pick up across the second half of the year as rates fall .", [("the second half of the year", "DATE", "2022-H2")]),
    ("Exports dipped during the fourth quarter of the year .", [("the fourth quarter of the year", "DATE", "2021-Q4")]),
])
def test_quarters_ahead_outside_the_results_season(text, expected):
    assert tags(text, LATE_MARCH) == expected


def test_a_quarter_just_ended_is_ahead_in_the_results_season():
    # 10 days after the quarter's end, its results are still to come, whatever the verb
    assert tags("Vellmark plans to cut jobs after a fourth-quarter loss .", D(2022, 1, 10)) == [
        ("fourth-quarter", "DATE", "2021-Q4")]
    assert tags("Vellmark plans to cut jobs after a fourth-quarter loss .", D(2022, 1, 10),
                settings=Settings({"dates.results_season_days": 0})) == [("fourth-quarter", "DATE", "2022-Q4")]


@pytest.mark.parametrize("text, expected", [
    # "could not" is a past inability, "could" alone a possibility ahead
    ("The mayor could not be contacted on Tuesday .", [("Tuesday", "DATE", "2022-02-08")]),
    ("A spokesman couldnt be reached on Tuesday .", [("Tuesday", "DATE", "2022-02-08")]),
    ("The vote could come as early as Tuesday .", [("Tuesday", "DATE", "2022-02-15")]),
])
def test_could_not_is_past(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Malibu was named North American Car of the Year .", []),  # an award, not this year
    ("Sales fell in the last month of the year .", [("the last month of the year", "DATE", "2022-12")]),
    ("Sales rose in the first month of last year .", [("the first month of last year", "DATE", "2021-01")]),
    ("Sales rose in the last week of 2020 .", [("the last week of 2020", "DATE", "2020-W53")]),
    ("Sales rose in the first week of 2021 .", [("the first week of 2021", "DATE", "2021-W01")]),
])
def test_first_and_last_units_of_a_year(text, expected):
    assert tags(text) == expected


def test_the_next_year_told_in_the_past_is_the_year_after_the_storys():
    doc = article("Vellmark lost 2 million dollars in 2006 .", "The next year , it lost far more .")
    assert values(doc, ordered=True) == [(0, "2006", "2006"), (1, "The next year", "2007")]
    assert values(doc) == [(0, "2006", "2006"), (1, "The next year", "XXXX")]
    # ahead, or a stretch ahead, it is the year after publication
    assert tags("Vellmark will cut costs over the next year .") == [("the next year", "DATE", "2023")]
    assert tags("Sales will rise the next year .") == [("the next year", "DATE", "2023")]


@pytest.mark.parametrize("text, expected", [
    ("The plant ran in 1990-2005 .", [("1990", "DATE", "1990"), ("2005", "DATE", "2005")]),
    ("Prices rose in 2001\u20132003 .", [("2001", "DATE", "2001"), ("2003", "DATE", "2003")]),
    ("Part 2005-1990 was recalled .", []),  # not a span of years: the second is earlier
    ("The peso traded at 1.1829-1846 .", []),  # a quote's decimals
])
def test_spans_of_years_without_spaces(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a weekday's event named by its possessive is the nearest such day, whatever the main
    # clause's future says; after a preposition that puts it ahead, it stays ahead
    ("Lawyers will appeal Thursday's ruling .", [("Thursday", "DATE", "2022-02-10")]),
    ("They would look for ways around Wednesdays ruling .", [("Wednesday", "DATE", "2022-02-09")]),
    ("Voters are preparing ahead of Sunday's election .", [("Sunday", "DATE", "2022-02-13")]),
    ("The minister will speak at Tuesday's summit .", [("Tuesday", "DATE", "2022-02-15")]),
])
def test_possessive_weekdays_in_future_sentences(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a holiday before a noun of the time around it is the nearest, whatever the tense (round
    # 8: before sales, a season or a period, a stretch of days)
    ("Protesters prayed as Easter week began .", [("Easter", "DATE", "2022-04-17")]),
    ("Protesters prayed at Easter .", [("Easter", "DATE", "2021-04-04")]),
    ("Retailers will count their Christmas sales .", [("Christmas", "DURATION", "PXD")]),
])
def test_holidays_as_modifiers_are_the_nearest(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("For the union , high noon comes on Friday .", [("Friday", "DATE", "2022-02-18")]),
    ("The poster showed a scene from High Noon .", []),
    ("The vote is at noon .", [("noon", "TIME", "2022-02-12T12:00")]),
])
def test_high_noon_is_no_time(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('The minister said on ABC\'s "This Week" that talks would resume .', []),
    ('The minister said on ``This Week With Hale\'\' that talks had failed .', []),
    ('"This week was hard," the minister said .', [("This week", "DATE", "2022-W06")]),
    ("Stocks Fall This Week", [("This Week", "DATE", "2022-W06")]),  # a headline in title case
])
def test_quoted_titles_are_no_periods(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a day between a speech verb and its clause's subject dates the saying, however the
    # parser hangs it: the wire's "said on Monday it would ..."
    ("Vellmark said on Monday it would close its Dayton plant .", [("Monday", "DATE", "2022-02-07")]),
    ("The carmaker said Tuesday it will cut 900 jobs .", [("Tuesday", "DATE", "2022-02-08")]),
    ("The minister said Friday talks will resume .", [("Friday", "DATE", "2022-02-11")]),
    # after "that", or after the clause's subject, the day is the clause's own
    ("Vellmark said that on Monday it would close the plant .", [("Monday", "DATE", "2022-02-14")]),
    ("Vellmark said the plant would close on Monday .", [("Monday", "DATE", "2022-02-14")]),
])
def test_a_day_after_a_speech_verb_dates_the_saying(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an -ing form without auxiliaries has no tense of its own: the verb it hangs from tells it
    ("The plant will be idled for four weeks starting August 3 .",
     [("four weeks", "DURATION", "P4W"), ("August 3", "DATE", "2022-08-03")]),
    ("The plant was idled for two weeks starting November 3 .",
     [("two weeks", "DURATION", "P2W"), ("November 3", "DATE", "2021-11-03")]),
    ("Sales rose 4 percent in the week ending Thursday .",
     [("the week", "DATE", "2022-W06"), ("Thursday", "DATE", "2022-02-10")]),
])
def test_an_ing_form_takes_the_tense_of_its_verb(text, expected):
    assert tags(text) == expected


def test_later_moves_only_from_the_storys_latest_time():
    # the story's latest time is a month: too coarse for two weeks, and the older day is
    # no anchor either
    doc = article("Vellmark filed for bankruptcy on Monday .", "It first warned of a filing in July .",
                  "Two weeks later , it missed a payment .")
    assert values(doc, ordered=True) == [(0, "Monday", "2022-02-07"), (1, "July", "2021-07"),
                                         (2, "Two weeks later", "XXXX-WXX")]
    doc = article("The plant closed on 3 May 2019 .", "Two weeks later , it was sold .")
    assert values(doc, ordered=True) == [(0, "3 May 2019", "2019-05-03"), (1, "Two weeks later", "2019-05-17")]
    # without an anchor "later" is unknown: it never counts from publication
    assert tags("Two years later , the plant closed .") == [("Two years later", "DATE", "XXXX")]
    assert tags("A month later , the union struck .") == [("A month later", "DATE", "XXXX-XX")]
    assert tags("Two years earlier , the plant had closed .") == [("Two years earlier", "DATE", "2020")]


@pytest.mark.parametrize("text, expected", [
    # "September 11" before the attacks' nouns names 2001's attacks
    ("Shares had their worst day since the September 11 attacks .", [("September 11", "DATE", "2001-09-11")]),
    ("Security has been tight since the Sept. 11 terrorist attacks .", [("Sept. 11", "DATE", "2001-09-11")]),
    ("The board will meet on September 11 .", [("September 11", "DATE", "2022-09-11")]),
])
def test_the_september_11_attacks(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quarter or month said to end in a month is the one that holds that month's last day
    ("Vellmark said sales in the quarter ending in September would fall .",
     [("the quarter", "DATE", "2022-Q3"), ("September", "DATE", "2022-09")]),
    # (three months to a month's end are named by their middle, as a fiscal quarter is:
    # May to July is the second)
    ("Output will be cut in the quarter ending in July .",
     [("the quarter", "DATE", "2022-Q2"), ("July", "DATE", "2022-07")]),
    ("Vellmark lost money in the quarter that ended in December .",
     [("the quarter", "DATE", "2021-Q4"), ("December", "DATE", "2021-12")]),
    ("Sales fell in the month ended in January .",
     [("the month", "DATE", "2022-01"), ("January", "DATE", "2022-01")]),
])
def test_a_quarter_ending_in_a_month(text, expected):
    assert tags(text) == expected


# --- round 8: more possessives whose apostrophe a crawl stripped; "preceding" -----------

@pytest.mark.parametrize("text, expected", [
    # a day part, a weekday's part, a year, "March", a quarter and "the previous day" before
    # a noun are possessives ("last night's"); before a verb or after a set word, plurals
    ("The deal was struck at last nights meeting.", [("last night", "TIME", "2022-02-11TNI")]),
    ("This mornings blast shut the port.", [("This morning", "TIME", "2022-02-12TMO")]),
    ("Sunday nights raid was repelled.", [("Sunday night", "TIME", "2022-02-06TNI")]),
    ("The ferry sails on Sunday nights.", [("Sunday nights", "SET", "XXXX-WXX-7TNI")]),
    ("Sunday nights are quiet in Vellmark.", [("Sunday nights", "SET", "XXXX-WXX-7TNI")]),
    ("She spent the last nights of the siege in a cellar.", [("the last nights", "DURATION", "PXD")]),
    ("The 2019s floods ruined the harvest.", [("2019", "DATE", "2019")]),
    ("Rents rose in the 2010s.", [("the 2010s", "DATE", "201")]),
    ("Marchs figures were revised down.", [("March", "DATE", "2022-03")]),
    ("The second quarters results were weak.", [("The second quarter", "DATE", "2021-Q2")]),
    ("Sales are strongest in the second and fourth quarters.", [("fourth quarters", "SET", "XXXX-Q4")]),
    ("In the following days protests spread.", [("the following days", "DURATION", "PXD")]),
])
def test_more_stripped_possessives(text, expected):
    assert tags(text) == expected


def test_the_previous_days_as_a_stripped_possessive_is_the_day_before():
    doc = article("Riot police moved in on Thursday.", "The previous days clashes left ten hurt.")
    assert values(doc, ordered=True) == [(0, "Thursday", "2022-02-10"), (1, "The previous day", "2022-02-09")]


@pytest.mark.parametrize("text, expected", [
    ("Freight volumes fell 4 percent from the preceding year.", [("the preceding year", "DATE", "2021")]),
    ("Margins narrowed from the preceding quarter.", [("the preceding quarter", "DATE", "2021-Q4")]),
    ("The plant had lost money in the preceding three years.", [("the preceding three years", "DURATION", "P3Y")]),
])
def test_the_preceding_period(text, expected):
    assert tags(text) == expected


def test_the_preceding_year_is_told_from_the_storys_year():
    doc = article("Orwin Freight was listed in 2015.", "The preceding year it had bought two rivals.")
    assert values(doc, ordered=True) == [(0, "2015", "2015"), (1, "The preceding year", "2014")]


@pytest.mark.parametrize("text, expected", [
    # in business news "the fall" is more often a decline than the season
    ("The fall in copper prices hurt Orwin Mining.", []),
    ("The fall was mostly due to weaker exports.", []),
    ("Importers were hit by the fall of the krona.", []),
    ("Analysts offered no explanation for the fall.", []),
    ("Deliveries of the new turbines begin in the fall.", [("the fall", "DATE", "2022-FA")]),
    ("Feed demand rises over the fall and winter.", [("the fall", "DATE", "2022-FA")]),
    ("The plant will reopen in the fall of 2023.", [("the fall of 2023", "DATE", "2023-FA")]),
    ("Orders picked up last fall.", [("last fall", "DATE", "2021-FA")]),
])
def test_the_fall_as_a_decline_or_a_season(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one unit as an adjective, without the article or ordinal of its noun
    ("Dockers ended a week-long strike at Orwin harbour.", [("week-long", "DURATION", "P1W")]),
    ("The lenders left their third day-long meeting without a deal.", [("day-long", "DURATION", "P1D")]),
    ("A year-long inquiry cleared the board.", [("year-long", "DURATION", "P1Y")]),
    ("The two-week-long audit found gaps.", [("two-week-long", "DURATION", "P2W")]),
    ("The decades-long feud ended.", [("decades-long", "DURATION", "PXY")]),
])
def test_unit_long_adjectives(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a results table's figure before its next heading is no length
    ("Net 412,700 vs 388,100 Year Net 1,577,900 vs 1,402,300", []),
    ("Some 65,000 years of ice were drilled.", [("Some 65,000 years", "DURATION", "P65000Y")]),
    # "over" before a hyphenated length is a preposition
    ("The bonds yield 45 basis points over six-month Libor.", [("six-month", "DURATION", "P6M")]),
    ("The loan runs for over three years.", [("over three years", "DURATION", "P3Y")]),
])
def test_table_figures_and_over_before_an_adjective(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # crop, marketing and fiscal years written across two years, named by the first
    ("Cocoa output is forecast to rise in 2022/23 from 2021/22.",
     [("2022/23", "DATE", "2022"), ("2021/22", "DATE", "2021")]),
    ("Exports fell in the 2020/21 season.", [("2020/21", "DATE", "2020")]),
    ("The budget for fiscal 2022-23 was approved.", [("fiscal 2022-23", "DATE", "2022")]),
    ("Yields rose in the 1999/00 crop year.", [("1999/00", "DATE", "1999")]),
    ("The 2021/2022 season ended in June.", [("2021/2022", "DATE", "2021"), ("June", "DATE", "2021-06")]),
    # not consecutive years (a span: each year a date, since dates round 11), or a number
    ("Prices rose in 1990-95.", [("1990", "DATE", "1990"), ("95", "DATE", "1995")]),
    ("The war lasted from 1939-1945.", [("1939", "DATE", "1939"), ("1945", "DATE", "1945")]),
    ("Flight 2021/22 was delayed.", []),
])
def test_split_years(text, expected):
    assert tags(text) == expected


def test_a_coarser_date_of_the_sentence_is_its_frame_not_its_anchor():
    # "the previous week" is the week before the one the sentence names, not a week moved
    # from the season around it
    doc = article("Orwin Cocoa bought 1,300 tonnes in the week ended February 10 of the 2021/22 season, "
                  "against 1,900 tonnes the previous week.")
    assert values(doc, D(2022, 3, 1), ordered=True) == [
        (0, "the week", "2022-W06"), (0, "February 10", "2022-02-10"), (0, "2021/22", "2021"),
        (0, "the previous week", "2022-W05")]


def test_a_month_with_a_stripped_possessive_is_dated_by_the_parse():
    # "deadline" is a cue that looks ahead; "passed" tells the past: the parse decides, as
    # for "December's deadline"
    published = D(2012, 3, 15)
    assert tags("Decembers deadline passed without a deal.", published) == [("December", "DATE", "2011-12")]
    assert tags("December's deadline passed without a deal.", published) == [("December", "DATE", "2011-12")]


@pytest.mark.parametrize("text, expected", [
    ("The weekends violence was the worst yet.", [("The weekend", "DATE", "2022-W06-WE")]),
    ("The weeks events shocked the town.", [("The week", "DATE", "2022-W06")]),
    ("In the weeks ahead, talks will resume.", [("the weeks ahead", "DURATION", "PXW")]),
    ("Prices rose over the years.", [("the years", "DURATION", "PXY")]),
    ("The years since have been hard.", []),
    ("At the weekends it has been busy.", []),
])
def test_periods_with_a_stripped_possessive(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "soon" in a story told in the past is soon after then, not ahead of publication
    ("The hostage was soon released.", []),
    ("A trickle of orders soon became a flood.", []),
    ('"As soon as the law passes, workers will be paid," he said.', []),
    ("The budget will soon move into surplus.", [("soon", "DATE", "FUTURE_REF")]),
    ("Officials said the ruling would be issued shortly.", [("shortly", "DATE", "FUTURE_REF")]),
])
def test_soon_told_in_the_past(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the word before an expression is read without an opening quote or bracket
    ('He showed them a still from the film "High Noon."', []),
    ("``As soon as the mill reopens, we will hire,'' she said.", []),
    ('"In May the port will reopen," he said.', [("May", "DATE", "2022-05")]),
])
def test_the_word_before_without_its_opening_quote(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "following" before a weekday's possessive is the preposition "after"
    ("Following Mondays clashes, the envoy left Vellmark.", [("Monday", "DATE", "2022-02-07")]),
    ("Following Thursday's vote, the party split.", [("Thursday", "DATE", "2022-02-10")]),
    # "the future" before a name or a title: who someone was to become
    ("In 1660 she wed the future James II.", [("1660", "DATE", "1660")]),
    ("The future of the mill is uncertain.", [("The future", "DATE", "FUTURE_REF")]),
    ("Some day we will go home.", [("Some day", "DATE", "FUTURE_REF")]),
    ("Some days the market is shut.", [("Some days", "DURATION", "PXD")]),
    # a video's length in brackets beside its title is no clock time
    ("Refugees cross into Vellmark (1:06) Feb. 11 - Video shows families crossing.",
     [("Feb. 11", "DATE", "2022-02-11")]),
    ("Contact was lost at 11:58 (08:58 GMT).",
     [("11:58", "TIME", "2022-02-12T11:58"), ("08:58 GMT", "TIME", "2022-02-12T08:58Z")]),
])
def test_following_the_future_some_day_and_video_lengths(text, expected):
    assert tags(text) == expected


def test_last_month_name_just_ended_is_a_year_back():
    # in March, the February just ended is "last month": "last February" is a year before
    published = D(2022, 3, 10)
    assert tags("Car sales fell from 40,100 last February.", published) == [("last February", "DATE", "2021-02")]
    assert tags("The plant closed last January.", published) == [("last January", "DATE", "2022-01")]
    assert tags("Sales fell last month.", published) == [("last month", "DATE", "2022-02")]


@pytest.mark.parametrize("text, expected", [
    ("The protests soon spread to other towns.", []),
    ("Their chants soon gave way to anger.", []),
    ("The unrest could soon spread to Vellmark.", [("soon", "DATE", "FUTURE_REF")]),
])
def test_soon_before_an_irregular_past(text, expected):
    assert tags(text) == expected


def test_the_year_ago_quarter_with_its_ordinal_keeps_its_quarter():
    # the year comes from the reported quarter, the quarter from the expression itself
    text = "Orwin expects a loss in the second quarter, against a profit in the first quarter and in the year-ago second quarter."
    assert tags(text, D(2022, 5, 10)) == [("the second quarter", "DATE", "2022-Q2"), ("the first quarter", "DATE", "2022-Q1"),
                                          ("the year-ago second quarter", "DATE", "2021-Q2")]


@pytest.mark.parametrize("text, expected", [
    ("Exports totalled 39,700 tonnes, against 36,500 tonnes in the same 2021 period.",
     [("the same 2021 period", "DATE", "2021")]),
    ("Output in January was 6.1 pct above the same 2021 month.",
     [("January", "DATE", "2022-01"), ("the same 2021 month", "DATE", "2021-01")]),
    ("Sales rose from 74.6 mln in the comparable 2021 period.", [("the comparable 2021 period", "DATE", "2021")]),
    ("Retail volume was 1.9 pct below the year ago level.", [("year ago", "DATE", "2021")]),
])
def test_same_year_periods_and_the_year_ago_level(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Fiscal year 2021/22 spending is set at 14.5 pct.", [("Fiscal year 2021/22", "DATE", "2021")]),
    ("The year on year rise for January was 7.9 pct.", [("January", "DATE", "2022-01")]),
])
def test_fiscal_year_split_and_year_on_year(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Investors may want to buy at present levels.", []),
    ("At present prices, the buyback would retire 7 pct of the shares.", []),
    ("Supplies of cocoa are ample at present.", [("present", "DATE", "PRESENT_REF")]),
])
def test_at_present_before_a_measure(text, expected):
    assert tags(text) == expected


def test_the_previous_weekday_is_told_from_the_storys_day():
    # published Monday 14 February 2022; the story's day is Friday 11 February
    doc = article("The index closed at 2,082 on Friday.", "That was down 4.5 pct from the previous Friday.")
    assert values(doc, D(2022, 2, 14), ordered=True) == [(0, "Friday", "2022-02-11"), (1, "the previous Friday", "2022-02-04")]
    # without a day in the story, from publication
    assert tags("Prices were down from the previous Friday.", D(2022, 2, 14)) == [("the previous Friday", "DATE", "2022-02-11")]


def test_following_without_the_before_a_weekday_is_a_preposition():
    assert tags("Three youths were shot in protests following Friday prayers.") == [("Friday", "DATE", "2022-02-11")]


@pytest.mark.parametrize("text, expected", [
    ("Output fell by a fifth in the last quarter of 2021.", [("the last quarter of 2021", "DATE", "2021-Q4")]),
    ("Profit in the last quarter came to 3.1bn crowns.", [("the last quarter", "DATE", "2021-Q4")]),
    # an ordinal before "in": the count is the stretch compared over, not a date ahead
    ("It will be the second $1bn listing in three months.", [("three months", "DURATION", "P3M")]),
    ("The company will expand in three months.", [("three months", "DATE", "2022-05")]),
])
def test_the_last_quarter_of_a_year_and_ordinals_before_in(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the days around a holiday are a stretch of days, not the holiday itself
    ("Toy sellers had a busy Christmas and New Year trading period.", [("Christmas", "DURATION", "PXD")]),
    ("Weak Christmas sales hit the retailer.", [("Christmas", "DURATION", "PXD")]),
    ("The exchange stayed shut for the Christmas holiday.", [("Christmas", "DURATION", "PXD")]),
    # a one-day holiday's "holiday" is the day
    ("Markets will close for the Memorial Day holiday.", [("Memorial Day", "DATE", "2022-05-30")]),
])
def test_the_days_around_a_holiday(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Orwin took a charge of $61m in the October-to-December quarter.", [("the October-to-December quarter", "DATE", "2021-Q4")]),
    ("Factory output grew over the July to September period.", [("the July to September period", "DATE", "2021-Q3")]),
])
def test_quarters_named_by_months_with_to(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "today's world", "the people of tomorrow": these days and the future, not a day
    ("Such a ban is impossible in today's world.", []),
    ("The case is for todays youth what the war was for their parents.", []),
    ("He wanted to choose the managers of tomorrow.", []),
    ("Today's meeting was cancelled.", [("Today", "DATE", "2022-02-12")]),
    ("The lockout ends as of tomorrow.", [("tomorrow", "DATE", "2022-02-13")]),
    # a possessive after "of tomorrow" is a day's: "ahead of tomorrow's hearing"
    ("Lawyers met ahead of tomorrow's hearing.", [("tomorrow", "DATE", "2022-02-13")]),
    ("Fans gathered in the aftermath of tomorrows vote.", [("tomorrow", "DATE", "2022-02-13")]),
])
def test_today_and_tomorrow_as_these_days_and_the_future(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "fiscal" before the year or the ordinal belongs to the quarter
    ("Profit rose in its fiscal 2021 third quarter.", [("fiscal 2021 third quarter", "DATE", "2021-Q3")]),
    ("Orwin reported a profit for the fiscal second-quarter of $3.2 million.", [("fiscal second-quarter", "DATE", "2022-Q2")]),
    ("It earned $4 million for the fiscal-first quarter.", [("the fiscal-first quarter", "DATE", "2022-Q1")]),
    ("The second-quarter loss widened.", [("second-quarter", "DATE", "2022-Q2")]),
])
def test_fiscal_in_a_quarters_extent(text, expected):
    assert tags(text, D(2022, 8, 20)) == expected


MID_MARCH = D(2022, 3, 15)  # past the fourth quarter's results season


@pytest.mark.parametrize("text, expected", [
    # a year straight after a quarter or half, without "of" (the wires' style)
    ("The figures leave out a charge taken in the fourth quarter 2019 .",
     [("the fourth quarter 2019", "DATE", "2019-Q4")]),
    ("Tin output rose in fourth quarter 2021 from the same 2020 period.",
     [("fourth quarter 2021", "DATE", "2021-Q4"), ("the same 2020 period", "DATE", "2020-Q4")]),
    ("The cartel set a ceiling for first half 2022.", [("first half 2022", "DATE", "2022-H1")]),
    ("Start-up is planned for 3rd qtr 2023.", [("3rd qtr 2023", "DATE", "2023-Q3")]),
    # a number far ahead of publication is a count, not the quarter's year
    ("In the fourth quarter 2400 jobs went.", [("the fourth quarter", "DATE", "2021-Q4")]),
    # two coordinated quarters that make a half are that half
    ("Steel demand should firm over the third and fourth quarters of 2022.",
     [("the third and fourth quarters of 2022", "DATE", "2022-H2")]),
    ("Tin sales fell in the first and second quarters.", [("the first and second quarters", "DATE", "2021-H1")]),
    # other pairs and the end of a list stay what happens every year in those quarters
    ("Most auctions are held in the second and fourth quarters.", [("fourth quarters", "SET", "XXXX-Q4")]),
    ("The total is the sum of the first, second, third and fourth quarters.", [("fourth quarters", "SET", "XXXX-Q4")]),
    # quarters that are no time: a fraction, circles of opinion
    ("The lending rate of eleven and three-quarters percent looks high.", []),
    ("The rate is 9 and three quarters percent.", []),
    ("The mill is three-quarters owned by a bank.", []),
    ("The plan drew criticism in some quarters.", []),
    ("Support came from many quarters.", []),
    ("The firm must pass a rolling four-quarter profit test.", [("four-quarter", "DURATION", "P4Q")]),
    ("Output grew for three quarters in a row.", [("three quarters", "DURATION", "P3Q")]),
    ("The mill lost money for several quarters.", [("several quarters", "DURATION", "PXQ")]),
])
def test_quarters_with_a_year_after_them_in_pairs_and_as_no_time(text, expected):
    assert tags(text, MID_MARCH) == expected


@pytest.mark.parametrize("text, expected", [
    # "the quarter" told ahead is the current one, but in results still to be reported the
    # quarter its sentence has just named
    ("Orwin expects to post a loss for the fourth quarter on sales of $7 million for the quarter.",
     [("the fourth quarter", "DATE", "2021-Q4"), ("the quarter", "DATE", "2021-Q4")]),
    ("Orwin expects to break even for the quarter.", [("the quarter", "DATE", "2022-Q1")]),
    ("Sales fell in the third quarter, and Orwin expects a profit for the quarter.",
     [("the third quarter", "DATE", "2021-Q3"), ("the quarter", "DATE", "2022-Q1")]),
])
def test_the_quarter_told_ahead(text, expected):
    assert tags(text, D(2022, 1, 20)) == expected


@pytest.mark.parametrize("text, expected", [
    # a year's end with its year before or after it is that year's
    ("Cash rose to $2 billion at year-end 2021 from $1 billion at year end 2020.",
     [("year-end 2021", "DATE", "2021"), ("year end 2020", "DATE", "2020")]),
    ("Loans to the region at 2021 year end totaled $4 million.", [("2021 year end", "DATE", "2021")]),
    ("Bad loans fell from fiscal 2021 year-end.", [("fiscal 2021 year-end", "DATE", "2021")]),
    # without one, the end just past when told in the past...
    ("Orwin had assets of $3 billion at year-end.", [("year-end", "DATE", "2021")]),
    ("Stocks at month-end were 2,000 tonnes.", [("month-end", "DATE", "2022-02")]),
    # ... but a deadline looks ahead, and so does the future
    ("Orwin said it would sell the unit by year-end.", [("year-end", "DATE", "2022")]),
    ("Rates rose ahead of year-end.", [("year-end", "DATE", "2022")]),
    ("The deal should close before the year end.", [("the year end", "DATE", "2022")]),
])
def test_a_years_end(text, expected):
    assert tags(text, MID_MARCH) == expected


@pytest.mark.parametrize("text, expected", [
    # a year told after a day, a quarter or a month belongs to it: one expression, that year's
    ("Orwin announced on November 9 last year that it would cut jobs.",
     [("November 9 last year", "DATE", "2021-11-09")]),
    ("The pact is open for signature until December 31 this year.", [("December 31 this year", "DATE", "2022-12-31")]),
    ("The plant opens on 5 May next year.", [("5 May next year", "DATE", "2023-05-05")]),
    ("Exports weakened in the third quarter last year.", [("the third quarter last year", "DATE", "2021-Q3")]),
    ("Growth should pick up in the second quarter this year.", [("the second quarter this year", "DATE", "2022-Q2")]),
    ("Orwin lost $2 million in the first quarter fiscal 2021.", [("the first quarter fiscal 2021", "DATE", "2021-Q1")]),
    ("Outlays were higher than in February a year ago.", [("February a year ago", "DATE", "2021-02")]),
    ("For the full year 2021 the deficit was a record.", [("the full year 2021", "DATE", "2021")]),
    ("The figures include a gain in full year 2021.", [("full year 2021", "DATE", "2021")]),
    # a possessive "last year's" is its own expression
    ("On June 3 last years record fell.", [("June 3", "DATE", "2021-06-03"), ("last year", "DATE", "2021")]),
])
def test_a_year_told_after_a_day_a_quarter_or_a_month(text, expected):
    assert tags(text, MID_MARCH) == expected


@pytest.mark.parametrize("text, expected", [
    # the year told with a list's last item is every item's
    ("Unemployment matched the record set in April, August and December last year.",
     [("April", "DATE", "2021-04"), ("August", "DATE", "2021-08"), ("December last year", "DATE", "2021-12")]),
    ("Mill output fell between February and October 2021.",
     [("February", "DATE", "2021-02"), ("October 2021", "DATE", "2021-10")]),
    # without one, each item is nearest the one before it
    ("Reports will come out in October, November, January and April.",
     [("October", "DATE", "2022-10"), ("November", "DATE", "2022-11"), ("January", "DATE", "2023-01"),
      ("April", "DATE", "2023-04")]),
    ("Unemployment in February and January stood at 6 percent.",
     [("February", "DATE", "2022-02"), ("January", "DATE", "2022-01")]),
    ("Holders of record on March 23, May 15 and July 17 get the dividend.",
     [("March 23", "DATE", "2022-03-23"), ("May 15", "DATE", "2022-05-15"), ("July 17", "DATE", "2022-07-17")]),
])
def test_months_and_days_of_a_list_agree_on_their_years(text, expected):
    assert tags(text, MID_MARCH) == expected


@pytest.mark.parametrize("text, expected", [
    # a count before "months ahead" is the length's ("months ahead" is vague only alone)
    ("The plant will open two months ahead of schedule.", [("two months", "DURATION", "P2M")]),
    ("The index shows trends six months ahead.", [("six months", "DURATION", "P6M")]),
    ("Orwin has five days to settle the dispute.", [("five days", "DURATION", "P5D")]),
    ("Growth will slow in the months ahead.", [("the months ahead", "DURATION", "PXM")]),
    # numbered years of a term are no length of time
    ("The note pays 1% in years one and two and 8% in years three, four and five.", []),
    ("Holders may convert in years four-seven.", []),
    ("For years 300 workers have protested.", [("years", "DURATION", "PXY")]),
    ("In recent years 5 mills closed.", [("recent years", "DURATION", "PXY")]),
])
def test_vague_lengths_beside_numbers(text, expected):
    assert tags(text, MID_MARCH) == expected


def test_a_fiscal_years_end_and_the_months_ahead_after_and():
    assert tags("Bookings have lagged since the fiscal year-end in June.", D(2021, 9, 1)) == [
        ("year-end", "DATE", "2021"), ("June", "DATE", "2021-06")]
    assert tags("We expect progress in the weeks and months ahead.", MID_MARCH) == [
        ("months ahead", "DURATION", "PXM")]


@pytest.mark.parametrize("text, expected", [
    # a market report's words: the session, the close and early trading stay untagged, as
    # TempEval-3 leaves them (1 of 89 "trading", 0 of 9 "the close" tagged in its training text)
    ("The index fell 2 percent during the session and ended near its lows at the close .", []),
    ("Shares of the carmaker rose 3 percent in early trading on Thursday .", [("Thursday", "DATE", "2022-03-10")]),
    # a 52-week high is a length; since January, the January just past
    ("Orwin shares hit a 52-week low on Monday .", [("52-week", "DURATION", "P52W"), ("Monday", "DATE", "2022-03-14")]),
    ("The stock has fallen 30 percent since January .", [("January", "DATE", "2022-01")]),
    ("Last month 's sales disappointed investors .", [("Last month", "DATE", "2022-02")]),
    ("The index had gained 3 percent the previous week .", [("the previous week", "DATE", "2022-W10")]),
    ("A year ago the shares traded at $ 40 .", [("A year ago", "DATE", "2021")]),
])
def test_market_report_words(text, expected):
    assert tags(text, MID_MARCH) == expected


@pytest.mark.parametrize("text, expected", [
    # "the same month of <year>": the sentence's month in that year, else the publication's
    ("Insolvencies totalled 900 in January , fewer than in the same month of 2021 .",
     [("January", "DATE", "2022-01"), ("the same month of 2021", "DATE", "2021-01")]),
    ("December sales rose 3 pct from the same month in 2020 .",
     [("December", "DATE", "2021-12"), ("the same month in 2020", "DATE", "2020-12")]),
    ("Insolvencies fell from the same month of 2021 .", [("the same month of 2021", "DATE", "2021-03")]),
])
def test_the_same_month_of_a_year(text, expected):
    assert tags(text, MID_MARCH) == expected


def test_a_split_year_after_a_quarter_and_a_pair_of_quarters_as_no_report_period():
    # "1986/87" is a split year of its own (named by its first year), not the quarter's year
    assert tags("Orwin said first quarter 2021/22 profit fell .", MID_MARCH) == [
        ("first quarter", "DATE", "2022-Q1"), ("2021/22", "DATE", "2021")]
    # two quarters named together are a reference, not the period a results story reports
    found = values(article("Orwin expects to cut the losses of its 2021 first and second quarters .",
                           "Average shares rose to 10 million from 9 million a year earlier ."), MID_MARCH)
    assert found == [(0, "2021 first and second quarters", "2021-H1"), (1, "a year earlier", "2021")]


@pytest.mark.parametrize("text, expected", [
    # "the first two quarters of the year" is a length, as "the first six months" is
    ("Lenders made $4 billion over the first two quarters of the year .",
     [("the first two quarters", "DURATION", "P2Q"), ("the year", "DATE", "2022")]),
    ("Mills sold three-quarters of their output .", []),
    # two quarters of a year are its half, a date, as "the first half of 2023" is
    ("The downturn should run at least through the first two quarters of 2023 .",
     [("the first two quarters of 2023", "DATE", "2023-H1")]),
    ("Profit rose in the last two quarters of 2021 .", [("the last two quarters of 2021", "DATE", "2021-H2")]),
])
def test_the_first_quarters_of_a_year(text, expected):
    assert tags(text, MID_MARCH) == expected
