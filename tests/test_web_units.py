"""The web app's small parts without a store: cursors, highlight segments, chart geometry."""

from __future__ import annotations

import pytest

from storyline.errors import UsageError
from storyline.web import charts, paging
from storyline.web.highlight import segments


def test_cursor_round_trip_and_refusals():
    cursor = paging.encode("articles", 1234)
    assert paging.decode(cursor, "articles") == 1234
    assert paging.decode(None, "articles") is None and paging.decode("", "articles") is None
    for bad, listing in [(cursor, "stories"), ("%%%", "articles"), ("x" * 201, "articles"),
                         (paging.encode("articles", 0)[:-3], "articles")]:
        with pytest.raises(UsageError) as err:
            paging.decode(bad, listing)
        assert err.value.code == "BAD_CURSOR"


def test_page_has_next_only_when_there_is_more():
    assert paging.page([1, 2, 3], 3, "x", 3) == {"items": [1, 2, 3], "next": None}
    page = paging.page([1, 2, 3, 4], 3, "x", 3)
    assert page["items"] == [1, 2, 3] and paging.decode(page["next"], "x") == 3


def test_segments_split_overlapping_marks_and_keep_text_intact():
    text = "Mayor Zora Blint said on Monday <b>no</b>."
    marks = [
        {"kind": "quote", "start": 22, "end": 41, "title": "said by Zora Blint"},
        {"kind": "entity", "start": 6, "end": 16, "entity_id": "e1", "title": "Zora Blint"},
        {"kind": "date", "start": 25, "end": 31, "title": "2025-03-03"},
        {"kind": "entity", "start": 90, "end": 95, "title": "outside"},  # past the end: ignored
        {"kind": "date", "start": 5, "end": 2, "title": "backwards"},    # empty: ignored
    ]
    parts = segments(text, marks)
    assert "".join(p["text"] for p in parts) == text
    assert [(p["text"], p["kinds"], p["entity_id"]) for p in parts] == [
        ("Mayor ", [], None), ("Zora Blint", ["entity"], "e1"), (" said ", [], None), ("on ", ["quote"], None),
        ("Monday", ["date", "quote"], None), (" <b>no</b>", ["quote"], None), (".", [], None)]
    assert segments("", marks) == []


def test_sparkline_bins_long_spans_without_walking_every_day():
    short = charts.sparkline([{"day": "2025-03-02", "articles": 2}, {"day": "2025-03-04", "articles": 1}])
    assert short["bars"] == [{"x": 0, "y": 1.0, "w": 11.5, "h": 27.0}, {"x": 24, "y": 14.5, "w": 11.5, "h": 13.5}]
    assert short["title"] == "2025-03-02 to 2025-03-04: 3 articles, most on 2025-03-02 (2)"
    long = charts.sparkline([{"day": "1987-03-02", "articles": 5}, {"day": "1991-03-04", "articles": 1}])
    assert len(long["bars"]) == 2 and long["bars"][-1]["x"] <= 180
    assert long["title"] == "1987-03-02 to 1991-03-04: 6 articles, most in the 17 days from 1987-03-02 (5)"
    assert charts.sparkline([])["bars"] == [] and charts.sparkline([{"day": "not a day", "articles": 3}])["bars"] == []


def test_coverage_grid_bins_days_into_columns():
    coverage = {"days": ["2025-03-02", "2025-03-04"], "outlets": ["a.example", "b.example"],
                "counts": {"a.example": {"2025-03-02": 2}, "b.example": {"2025-03-04": 1}}}
    grid = charts.coverage_grid(coverage)
    assert [c["label"] for c in grid["columns"]] == ["03-02", "03-03", "03-04"]
    assert [(c["x"], c["y"], c["n"], c["title"]) for c in grid["cells"]] == [
        (190, 70, 2, "a.example, 03-02: 2 articles"), (226, 88, 1, "b.example, 03-04: 1 article")]
    years = {"days": ["1987-03-02", "1991-03-04"], "outlets": ["a"], "counts": {"a": {"1987-03-02": 1, "1991-03-04": 1}}}
    wide = charts.coverage_grid(years)
    assert len(wide["columns"]) <= charts.MAX_COLUMNS and wide["columns"][0]["label"] == "1987-03-02"
    assert [c["n"] for c in wide["cells"]] == [1, 1]
    named = charts.grid(["Northern Indiana Public Service Company"], ["x"], {(0, 0): 1})
    assert named["rows"][0]["label"] == "Northern Indiana Public Ser\u2026"


def test_escalation_bars_go_up_for_cooperation_and_down_for_conflict_on_a_shared_axis():
    days = [{"date": "2025-03-02", "events": 1, "mean_score": -2.0},
            {"date": "2025-03-04", "events": 2, "mean_score": 5.0}]
    chart = charts.escalation(days, axis=["2025-03-01", "2025-03-05"], height=100)
    # five days on the axis: 24 px each (the widest bar); the middle line at 50
    assert (chart["width"], chart["mid"]) == (120, 50.0)
    assert [(b["x"], b["y"], b["h"], b["kind"]) for b in chart["bars"]] == [
        (24, 50.0, 9.8, "conflict"), (72, 25.5, 24.5, "cooperation")]
    assert chart["bars"][1]["title"] == "2025-03-04: 2 events, mean score +5.0"
    assert (chart["start"], chart["end"]) == ("2025-03-01", "2025-03-05")  # the axis, not the bars
    assert charts.escalation([])["bars"] == []
