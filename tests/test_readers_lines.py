"""The line-format reader: good articles, real-crawl quirks, and every bad-input code."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.readers import read_paths
from storyline.readers.lines import read_lines_bytes
from storyline.records import Article, Rejection
from storyline.settings import Settings

S = Settings()

GOOD = (
    "Border talks stall in Vellmark\n"
    "20250308\n"
    "https://www.northfordgazette.co.uk/news/2417733.border-talks/?utm_source=twitter\n"
    "Arnholt has recalled half of its consular staff, a spokeswoman said.\n"
    "\n"
    "Comments are moderated: please read our community rules.\n"
    "Foreign Secretary JaneHaleMP today met TomasBerg  for talks. pic.twitter.comq7XkR2bPzt\n"
    "We cant rule anything out, Ms Lindqvist said.\n"
)


def read_one(text: str | bytes, settings: Settings = S) -> Article | Rejection:
    data = text.encode("utf-8") if isinstance(text, str) else text
    results = list(read_lines_bytes("in.txt", data, settings))
    assert len(results) == 1
    return results[0]


def test_reads_title_date_url_and_every_sentence_with_its_line_number():
    art = read_one(GOOD)
    assert isinstance(art, Article)
    assert art.title == "Border talks stall in Vellmark"
    assert art.published == dt.date(2025, 3, 8)
    assert art.url == "https://www.northfordgazette.co.uk/news/2417733.border-talks/?utm_source=twitter"
    assert art.url_key == "northfordgazette.co.uk/news/2417733.border-talks"
    assert art.outlet == "northfordgazette.co.uk"
    assert art.format == "lines"
    assert [(s.index, s.line) for s in art.sentences] == [(0, 4), (1, 6), (2, 7), (3, 8)]
    assert all(s.article_id == art.id and s.kind == "text" for s in art.sentences)


def test_keeps_lines_exactly_as_written_including_double_spaces_and_fused_handles():
    art = read_one(GOOD)
    assert art.sentences[2].text == "Foreign Secretary JaneHaleMP today met TomasBerg  for talks. pic.twitter.comq7XkR2bPzt"
    assert art.sentences[2].start == 0 and art.sentences[2].end == len(art.sentences[2].text)


def test_id_is_stable_and_derived_from_url_and_content():
    a, b = read_one(GOOD), read_one(GOOD)
    assert a.id == b.id and len(a.id) == 16
    changed = read_one(GOOD.replace("half of its", "all of its"))
    assert changed.id != a.id and changed.url_key == a.url_key


def test_same_article_under_tracking_params_or_http_has_same_url_key():
    other = read_one(GOOD.replace("https://www.", "http://").replace("?utm_source=twitter", "#comments"))
    assert other.url_key == read_one(GOOD).url_key


def test_leading_whitespace_is_trimmed_and_offsets_follow():
    art = read_one("T\n20250308\nhttps://a.example.com/x\n   Indented sentence.  \n")
    assert art.sentences[0].text == "Indented sentence."
    assert (art.sentences[0].start, art.sentences[0].end) == (3, 21)


def test_a_live_pages_clock_column_is_cut_off_its_entries():
    live = ("Quake live\n20100115\nhttps://news.example/live\n1541 Mayor Tomas Berg says aid is arriving.\n"
            "2156 Aid agencies report delays at the port.\n0935 The airport reopens.\n"
            "1707 Arnholt sends two ships.\nRescue teams worked through the night.\n2010 Was a hard year\n")
    art = read_one(live)
    assert [(s.text, s.start) for s in art.sentences] == [
        ("Mayor Tomas Berg says aid is arriving.", 5), ("Aid agencies report delays at the port.", 5),
        ("The airport reopens.", 5), ("Arnholt sends two ships.", 5), ("Rescue teams worked through the night.", 0),
        ("Was a hard year", 5)]
    assert art.id == read_one(live, Settings({"ingest.clock_column": 0})).id  # the id is the text's as written
    # a chronology's years stay: none of them is impossible as a year in a 2010 article
    years = ("Vellmark history\n20100115\nhttps://news.example/history\n1804 Vellmark declares independence.\n"
             "1915 Arnholt occupies the port.\n1934 The occupation ends.\n1957 Elections are held.\n")
    assert read_one(years).sentences[0].text == "1804 Vellmark declares independence."
    # three stamps are not yet a column
    three = live.replace("1707 Arnholt", "Arnholt").replace("2010 Was", "Was")
    assert read_one(three).sentences[0].text == "1541 Mayor Tomas Berg says aid is arriving."


def test_bom_and_crlf_line_endings_are_accepted():
    art = read_one(("\ufeff" + GOOD).replace("\n", "\r\n"))
    assert art.title == "Border talks stall in Vellmark"
    assert len(art.sentences) == 4


def test_iso_date_is_accepted_too():
    art = read_one(GOOD.replace("20250308", "2025-03-08"))
    assert art.published == dt.date(2025, 3, 8)


@pytest.mark.parametrize(
    "text, line, code",
    [
        ("Title\n20221345\nhttps://a.example.com/x\nText.\n", 2, "BAD_DATE"),
        ("Title\n20230229\nhttps://a.example.com/x\nText.\n", 2, "BAD_DATE"),
        ("Title\nyesterday\nhttps://a.example.com/x\nText.\n", 2, "BAD_DATE"),
        ("Title\n18500101\nhttps://a.example.com/x\nText.\n", 2, "BAD_DATE"),
        ("Title\n29991231\nhttps://a.example.com/x\nText.\n", 2, "BAD_DATE"),
        ("Title\n\nhttps://a.example.com/x\nText.\n", 2, "MISSING_DATE"),
        ("Title\n20250308\n\nText.\n", 3, "MISSING_URL"),
        ("Title\n20250308\n", 3, "MISSING_URL"),
        ("Title\n20250308\nnot a url\nText.\n", 3, "BAD_URL"),
        ("Title\n20250308\nftp://a.example.com/x\nText.\n", 3, "BAD_URL"),
        ("Title\n20250308\nhttps://a.example.com/x\n", 1, "EMPTY_ARTICLE"),
        ("Title\n20250308\nhttps://a.example.com/x\n  \n\n", 1, "EMPTY_ARTICLE"),
        ("\n20250308\nhttps://a.example.com/x\nText.\n", 1, "MISSING_TITLE"),
        ("", 1, "EMPTY_ARTICLE"),
        ("\n \n\n", 1, "EMPTY_ARTICLE"),
    ],
)
def test_bad_header_or_body_is_rejected_with_line_and_code(text, line, code):
    rej = read_one(text)
    assert isinstance(rej, Rejection)
    assert (rej.source, rej.line, rej.code) == ("in.txt", line, code)
    assert str(rej).startswith(f"in.txt:{line}: {code} ")


def test_an_empty_file_is_named_empty():
    rej = read_one("\ufeff\n")
    assert (rej.code, rej.message.split(";")[0]) == ("EMPTY_ARTICLE", "the file is empty")


def test_line_longer_than_the_limit_is_rejected_at_that_line():
    text = "Title\n20250308\nhttps://a.example.com/x\nFine.\n" + "x" * 20001 + "\n"
    rej = read_one(text)
    assert (rej.line, rej.code) == (5, "LINE_TOO_LONG")
    assert "ingest.max_line_chars=20,000" in rej.message
    ok = read_one(text, Settings({"ingest.max_line_chars": 30000}))
    assert isinstance(ok, Article)


def test_binary_file_is_rejected():
    rej = read_one(b"Title\n20250308\nhttps://a.example.com/x\n\x00\x01\x02")
    assert rej.code == "BINARY_FILE"


def test_undecodable_bytes_are_rejected_at_their_line_with_advice():
    rej = read_one(b"Title\n20250308\nhttps://a.example.com/x\nGood line.\nCaf\xe9 line.\n")
    assert (rej.line, rej.code) == (5, "UNDECODABLE")
    assert "ingest.encoding=cp1252" in rej.message
    art = read_one(b"Title\n20250308\nhttps://a.example.com/x\nCaf\xe9 line.\n", Settings({"ingest.encoding": "cp1252"}))
    assert art.sentences[0].text == "Café line."


def test_mojibake_is_repaired_and_flagged_not_rejected():
    mojibake = "Café talks".encode("utf-8").decode("latin-1")  # 'CafÃ© talks'
    art = read_one(f"Title\n20250308\nhttps://a.example.com/x\nThe {mojibake} resumed.\n")
    assert isinstance(art, Article)
    assert art.sentences[0].text == "The Café talks resumed."
    assert art.flags == ("mojibake_repaired",)


def test_control_characters_become_spaces_and_offsets_stay():
    # An ESC sequence in a crawled title would recolour the terminal of whoever lists it.
    art = read_one("Talks \x1b[31mstall\x07\n20250308\nhttps://a.example.com/x\nThe talks\x0b resumed\x7f.\n")
    assert isinstance(art, Article)
    assert art.title == "Talks  [31mstall"
    [s] = art.sentences
    assert s.text == "The talks  resumed ." and (s.start, s.end) == (0, 20)


def test_directory_trees_are_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b" / "deep" / "c.txt").write_text(GOOD.replace("2417733", "1"))
    (tmp_path / ".hidden.txt").write_text("ignored")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 ...")
    results = list(read_paths([str(tmp_path)], S))
    kinds = [(type(r).__name__, r.source.replace(str(tmp_path), "")) for r in results]
    assert kinds == [
        ("Article", "/a.txt"),
        ("Article", "/b/deep/c.txt"),
        ("Rejection", "/notes.pdf"),
    ]
    assert results[2].code == "UNSUPPORTED_TYPE"


def test_missing_path_is_a_rejection_not_a_crash(tmp_path):
    results = list(read_paths([str(tmp_path / "nope")], S))
    assert [(r.code, r.line) for r in results] == [("NOT_FOUND", 0)]
