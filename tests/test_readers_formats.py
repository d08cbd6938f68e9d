"""JSONL, saved HTML, WARC and stdin/type detection."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json

from storyline.readers import InputFile, read_input, read_paths
from storyline.records import Article, Rejection
from storyline.settings import Settings

S = Settings()


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


# --- JSONL -----------------------------------------------------------------------------
def test_news_please_fields(tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text(jsonl({
        "title": "Talks resume", "date_publish": "2025-03-09 14:38:00",
        "url": "https://ardenpost.example/world/talks-resume",
        "maintext": "Talks resumed on Sunday. Mr. Hale said progress was slow.\nA second round is planned.",
    }))
    [art] = read_paths([str(path)], S)
    assert isinstance(art, Article)
    assert (art.title, art.published, art.outlet, art.format) == ("Talks resume", dt.date(2025, 3, 9), "ardenpost.example", "jsonl")
    assert [s.text for s in art.sentences] == [
        "Talks resumed on Sunday.", "Mr. Hale said progress was slow.", "A second round is planned.",
    ]
    text = "Talks resumed on Sunday. Mr. Hale said progress was slow.\nA second round is planned."
    assert all(text[s.start:s.end] == s.text and s.line == 1 for s in art.sentences)


def test_fundus_body_and_sentences_list_and_date_field(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_text(jsonl(
        {"title": "A", "publishing_date": "2025-03-10T08:00:00+00:00", "url": "https://a.example.com/1",
         "body": {"summary": ["Lead paragraph here."], "sections": [{"headline": [], "paragraphs": ["First body paragraph."]}]}},
        {"title": "B", "date": "20250311", "url": "https://a.example.com/2", "sentences": ["One.", "Two."]},
    ))
    a, b = read_paths([str(path)], S)
    assert [s.text for s in a.sentences] == ["Lead paragraph here.", "First body paragraph."]
    assert a.published == dt.date(2025, 3, 10)
    assert [(s.text, s.line) for s in b.sentences] == [("One.", 2), ("Two.", 2)]


def test_bad_lines_are_rejected_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = {"title": "Good", "date": "20250311", "url": "https://a.example.com/g", "text": "Fine text."}
    path.write_text(jsonl(
        good,
        '{"title": "Cut off", "date": "2025031',
        "[1, 2, 3]",
        {"title": "No url", "date": "20250311", "text": "x"},
        {"title": "Bad date", "date": "20251345", "url": "https://a.example.com/b", "text": "x"},
        {"title": "Empty", "date": "20250311", "url": "https://a.example.com/e", "text": ""},
        dict(good, url="https://a.example.com/g2"),
        "[" * 100_000,  # nests deeper than Python's JSON decoder recurses
        dict(good, url="https://a.example.com/g3"),
    ))
    results = list(read_paths([str(path)], S))
    summary = [(r.line, r.code) if isinstance(r, Rejection) else (r.source_line, "ok") for r in results]
    assert summary == [(1, "ok"), (2, "BAD_JSON"), (3, "BAD_RECORD"), (4, "MISSING_URL"), (5, "BAD_DATE"), (6, "EMPTY_ARTICLE"), (7, "ok"),
                       (8, "BAD_JSON"), (9, "ok")]
    assert "truncated" in results[1].message and "too deeply" in results[7].message


def test_a_record_without_a_title_names_the_field_it_needs(tmp_path):
    path = tmp_path / "untitled.jsonl"
    path.write_text(jsonl({"articles": [{"title": "Nested"}]}))
    (rejection,) = list(read_paths([str(path)], S))
    assert (rejection.line, rejection.code) == (1, "MISSING_TITLE")
    assert "needs a 'title' (or 'headline') field" in rejection.message


def test_jsonl_line_over_the_size_limit_is_skipped_with_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    big = {"title": "Big", "date": "20250311", "url": "https://a.example.com/big", "text": "word " * 3000}
    small = {"title": "Small", "date": "20250311", "url": "https://a.example.com/s", "text": "Short."}
    path.write_text(jsonl(big, small))
    results = list(read_paths([str(path)], Settings({"ingest.max_record_bytes": 1000})))
    assert [(getattr(r, "code", "ok"), getattr(r, "line", None) or r.source_line) for r in results] == [("TOO_LARGE", 1), ("ok", 2)]


def test_an_article_with_too_many_sentences_is_rejected_with_what_to_do(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Long day\n20250311\nhttps://a.example.com/long\n" + "".join(f"Line {i}.\n" for i in range(12)))
    (rejected,) = list(read_paths([str(path)], Settings({"ingest.max_sentences": 10})))
    assert (rejected.code, rejected.message) == (
        "TOO_LARGE", "12 sentences is more than ingest.max_sentences=10; "
                     "if it is one article, ingest it again with --set ingest.max_sentences=12")


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl({"title": "Z", "date": "20250311", "url": "https://z.example.com/1", "text": "Zipped."}).encode()))
    [art] = read_paths([str(path)], S)
    assert art.sentences[0].text == "Zipped."


def test_jsonl_content_in_a_txt_file_is_detected(tmp_path):
    path = tmp_path / "actually.txt"
    path.write_text(jsonl({"title": "Z", "date": "20250311", "url": "https://z.example.com/1", "text": "Detected."}))
    [art] = read_paths([str(path)], S)
    assert art.format == "jsonl"


# --- HTML -------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html><head><title>Talks stall | Gazette</title>
<link rel="canonical" href="https://www.gazette.example.com/news/1-talks-stall/">
<meta property="article:published_time" content="2025-03-08T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Talks stall in Vellmark</h1>
<p>Arnholt has recalled half of its consular staff from Northford, a spokeswoman told a briefing on Monday. Mr. Hale said the talks would resume.</p>
<p>Officials expect a decision by Wednesday, according to a senior diplomat who asked not to be named because the talks are private.</p>
</article><footer>Copyright 2025 Gazette Media</footer></body></html>"""


def test_saved_html_page_gives_title_date_canonical_url_and_sentences(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    [art] = read_paths([str(path)], S)
    assert isinstance(art, Article)
    assert art.title == "Talks stall in Vellmark"
    assert art.published == dt.date(2025, 3, 8)
    assert art.url == "https://www.gazette.example.com/news/1-talks-stall/"
    assert art.format == "html"
    texts = [s.text for s in art.sentences]
    assert texts == [
        "Arnholt has recalled half of its consular staff from Northford, a spokeswoman told a briefing on Monday.",
        "Mr. Hale said the talks would resume.",
        "Officials expect a decision by Wednesday, according to a senior diplomat who asked not to be named because the talks are private.",
    ]
    assert not any("Copyright" in t or "Home" in t for t in texts)


def test_html_without_canonical_uses_browser_saved_from_mark(tmp_path):
    page = PAGE.replace('<link rel="canonical" href="https://www.gazette.example.com/news/1-talks-stall/">', "")
    path = tmp_path / "saved.htm"
    path.write_text("<!-- saved from url=(0040)https://gazette.example.com/news/saved -->\n" + page)
    [art] = read_paths([str(path)], S)
    assert art.url == "https://gazette.example.com/news/saved"


def test_html_without_any_url_or_text_is_rejected(tmp_path):
    no_url = tmp_path / "nourl.html"
    no_url.write_text(PAGE.replace('<link rel="canonical" href="https://www.gazette.example.com/news/1-talks-stall/">', ""))
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body></body></html>")
    codes = [r.code for r in read_paths([str(no_url), str(empty)], S)]
    assert codes == ["MISSING_URL", "NO_TEXT"]


# --- WARC -------------------------------------------------------------------------------
def _warc(tmp_path, pages, *, damage: bool = False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": "2025-03-09T12:00:00Z"})
            writer.write_record(rec)
    if damage:
        with open(path, "ab") as fh:
            fh.write(b"\x1f\x8b\x08\x00garbage-not-a-gzip-member")
    return path


def test_warc_html_responses_become_articles_and_other_records_are_skipped(tmp_path):
    no_date = PAGE.replace('<meta property="article:published_time" content="2025-03-08T10:00:00Z">', "").replace(
        '<link rel="canonical" href="https://www.gazette.example.com/news/1-talks-stall/">', "")
    path = _warc(tmp_path, [
        ("https://www.gazette.example.com/news/1-talks-stall/", PAGE, "text/html; charset=utf-8"),
        ("https://www.gazette.example.com/logo.png", "PNGDATA", "image/png"),
        ("https://other.example.org/story", no_date, "text/html"),
    ])
    results = list(read_paths([str(path)], S))
    assert [type(r).__name__ for r in results] == ["Article", "Article"]
    first, second = results
    assert first.format == "warc" and first.published == dt.date(2025, 3, 8)
    assert second.url == "https://other.example.org/story"
    assert second.published == dt.date(2025, 3, 9) and "date_from_crawl" in second.flags


def test_damaged_warc_keeps_what_was_read_and_reports_the_damage(tmp_path):
    path = _warc(tmp_path, [("https://www.gazette.example.com/news/1-talks-stall/", PAGE, "text/html")], damage=True)
    results = list(read_paths([str(path)], S))
    assert [type(r).__name__ for r in results] == ["Article", "Rejection"]
    assert results[1].code == "BAD_WARC"


# --- stdin and detection ----------------------------------------------------------------
def test_stdin_line_format_and_jsonl():
    stdin = io.BufferedReader(io.BytesIO(b"T\n20250308\nhttps://a.example.com/x\nFrom stdin.\n"))
    [art] = read_input(InputFile("-", None), S, stream=stdin)
    assert art.source == "-" and art.sentences[0].text == "From stdin."
    stdin = io.BufferedReader(io.BytesIO(jsonl({"title": "J", "date": "20250308", "url": "https://a.example.com/j", "text": "Json."}).encode()))
    [art] = read_input(InputFile("-", None), S, stream=stdin)
    assert art.format == "jsonl"


def test_unsupported_files_name_what_is_supported(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0JFIF")
    (tmp_path / "sheet.csv").write_text("a,b\n1,2\n")
    results = list(read_paths([str(tmp_path)], S))
    assert [(r.code, r.source.rsplit("/", 1)[1]) for r in results] == [("UNSUPPORTED_TYPE", "photo.jpg"), ("UNSUPPORTED_TYPE", "sheet.csv")]
    assert "JPEG" in results[0].message and ".jsonl" in results[1].message


def test_sentence_split_keeps_opening_quotes_with_their_sentence(tmp_path):
    path = tmp_path / "q.jsonl"
    text = "“Our patience is not unlimited,” Hale told parliament. “If troops stay, sanctions follow.” He left. (More) Done."
    path.write_text(jsonl({"title": "Q", "date": "20250311", "url": "https://q.example.com/1", "text": text}))
    [art] = read_paths([str(path)], S)
    assert [s.text for s in art.sentences] == [
        "“Our patience is not unlimited,” Hale told parliament.",
        "“If troops stay, sanctions follow.”",
        "He left.",
        "(More) Done.",
    ]
    assert all(text[s.start:s.end] == s.text for s in art.sentences)


def test_warc_record_without_target_uri_is_damage_not_a_crash(tmp_path):
    # warcio's header parser raises AttributeError on a response record with no
    # WARC-Target-URI; the archive is damaged, and the run goes on.
    path = tmp_path / "cut.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nshort")
    [rejection] = list(read_paths([str(path)], S))
    assert rejection.code == "BAD_WARC" and rejection.line == 1
    assert "records before it were read" in rejection.message


def test_utf16_text_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes("Talks resume\n20250308\nhttps://a.example.com/t\nThe talks résumé.\n".encode("utf-16"))
    [art] = list(read_paths([str(path)], S))
    assert art.title == "Talks resume" and art.sentences[0].text == "The talks résumé."
    path.write_bytes(codecs.BOM_UTF16_LE + "T\n2025".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    [rejection] = list(read_paths([str(path)], S))
    assert rejection.code == "UNDECODABLE" and "save it as UTF-8" in rejection.message
