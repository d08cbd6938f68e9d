"""Sightings of one event that leave out a party are shown as that event (event_sightings)."""

from __future__ import annotations

from storyline.event_sightings import merge_partial


def row(actor: str, target: str, *, type: str = "MOBILIZE", date: str | None = "2025-03-03",
        granularity: str = "day", source: str = "text", negated: int = 0, article: str = "a") -> dict:
    return {"type": type, "date": date, "date_granularity": granularity, "date_source": source, "negated": negated,
            "actor_entity": actor, "actor_text": "", "target_entity": "", "target_text": target,
            "article_id": article}


def shown(grouped: dict) -> dict:
    return {k: [r["article_id"] for r in rows] for k, rows in merge_partial(grouped).items()}


def test_a_sighting_without_its_target_or_actor_is_the_one_fuller_event():
    grouped = {"full": [row("e-north", "the valley", article="a")],
               "no-target": [row("e-north", "", article="b")],
               "no-one": [row("", "", article="c")],
               "no-actor": [row("", "the valley", article="d")]}
    assert shown(grouped) == {"full": ["a", "b", "c", "d"]}


def test_a_sighting_that_fits_two_events_stays_on_its_own():
    grouped = {"north": [row("e-north", "the valley", article="a")],
               "arn": [row("e-arn", "the valley", article="b")],
               "no-actor": [row("", "the valley", article="c")],
               "north-only": [row("e-north", "", article="d")]}
    assert shown(grouped) == {"north": ["a", "d"], "arn": ["b"], "no-actor": ["c"]}


def test_only_the_same_type_written_day_and_negation_merge():
    grouped = {"full": [row("e-north", "the valley", article="a")],
               "other-type": [row("e-north", "", type="THREATEN", article="b")],
               "other-day": [row("e-north", "", date="2025-03-04", article="c")],
               "denied": [row("e-north", "", negated=1, article="d")],
               "week": [row("e-north", "", granularity="week", article="e")],
               "dated-by-its-page": [row("e-north", "", source="published", article="h")],
               "undated": [row("", "", date=None, article="f")],
               "other-target": [row("e-north", "the border", article="g")]}
    assert shown(grouped) == {k: [v[0]["article_id"]] for k, v in grouped.items()}
