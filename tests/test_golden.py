"""What storyline makes of the example corpus, frozen in tests/golden/ (stories, the largest
story and its timeline, quotes, entities, events). A change in behaviour shows up here as a
diff to review: after an intended change run scripts/regenerate-golden and commit the diff
with the change. (The syndication groups have their own test in test_syndication.py.)"""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NAMES = ["example_stories.json", "example_story.json", "example_timeline.json",
         "example_quotes.json", "example_entities.json", "example_events.json"]


@pytest.fixture(scope="module")
def built():
    script = runpy.run_path(str(REPO / "scripts" / "regenerate-golden"))
    return script["build"](NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_example_corpus_output_matches_the_golden_file(built, name):
    expected = (REPO / "tests" / "golden" / name).read_text(encoding="utf-8")
    assert built[name] == expected, f"tests/golden/{name} differs: run scripts/regenerate-golden and review the diff"


def test_the_golden_story_is_the_crisis_with_its_wire_copies_counted_once(built):
    # The answer key (examples/README.md): the crisis story is the largest, and the wire
    # story's copies on local sites make one independent outlet, so a day with five
    # copies of it has fewer independent sources than articles.
    stories = json.loads(built["example_stories.json"])
    largest = stories[0]
    assert largest["articles"] == max(s["articles"] for s in stories)
    assert largest["independent_outlets"] < largest["articles"]
    assert any(day["sources"] < day["articles"] for day in largest["coverage"])
    timeline = json.loads(built["example_timeline.json"])
    assert timeline["story"] == largest["id"]
    assert timeline["entries"], "the largest story has a timeline"
    for entry in timeline["entries"]:
        for sentence in entry["sentences"]:
            assert sentence["sources"] and sentence["independent_outlets"] >= 1
            assert sentence["independent_outlets"] <= len({s["outlet"] for s in sentence["sources"]})
