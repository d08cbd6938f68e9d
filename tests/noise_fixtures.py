"""A small hand-written crawl for the noise tests: a wire story and five local copies, other
stories of the same sites with their furniture, and an embedded post. All people, places
and sites are fictional; every sentence was written for these tests.

Writes line-format files into two folders, ``first/`` and ``second/``, so a test can ingest
them in two batches or at once.
"""

from __future__ import annotations

from pathlib import Path

WIRE = [
    "Engineers closed the Portlake harbour bridge on Monday after a routine inspection found a cracked bearing.",
    "The bridge carries about 40,000 vehicles a day between the old town and the ferry terminal.",
    "Harbour authority chief Alana Reeves said the closure would last at least three weeks.",
    "We will not reopen the bridge until every bearing has been replaced, Reeves told reporters.",
    "Buses will be diverted through the Kettering Road tunnel, adding up to twenty minutes to journeys.",
    "Ferry operator Blue Gull Lines said its timetable would not change.",
    "The bridge was last refurbished in 2009 at a cost of 12 million crowns.",
    "Local traders warned that the closure would hit footfall during the spring festival.",
    "The council will hold an emergency meeting on Thursday to discuss compensation for businesses.",
    "Inspectors are also checking two smaller bridges built by the same contractor.",
    "The contractor, Halden Steelworks, declined to comment on the findings.",
    "A temporary footbridge could open within ten days, the authority said.",
]
WIRE_TITLE = "Portlake harbour bridge shut after crack found"

SITES = {
    "north": "https://www.northfordgazette.example/news/{}",
    "east": "https://eastvalepost.example/story/{}",
    "mill": "https://www.millbrookherald.example/{}.html",
    "river": "https://riversidetimes.example/local/{}",
    "lake": "https://lakeshorenews.example/articles/{}",
    "observer": "https://portlakeobserver.example/news/{}",
}

# Site furniture that no pattern knows: only the corpus can tell it is furniture.
NORTH_FURNITURE = "The Northford Gazette is part of the Lantern Media group of local titles."
EAST_FURNITURE = "Eastvale Post journalists follow the Lantern editorial code."
COMMENTS = "Comments are moderated: please read our community rules before posting."
NEWSLETTER = "Sign up to our morning newsletter for the headlines that matter to you."
TWEET = "Harbour chief AlanaReeves inspected the cracked bearing this morning. pic.twitter.comZx81bQpLm2"
TWEET_TAIL = "— Portlake Harbour Authority (PortlakeHarbour) March 3, 2025"


def _changed(sentence: str, old: str, new: str) -> str:
    assert old in sentence
    return sentence.replace(old, new)


def articles() -> dict[str, tuple[str, list[tuple[str, str, str, list[str]]]]]:
    """``folder -> [(file name, title, date, url, lines)]`` for the two ingest batches."""
    first = [
        # eastvale: the first six sentences of the wire copy, and its furniture line
        ("east-copy", "Bridge closure to last three weeks", "20250304", SITES["east"].format("bridge-closure"),
         WIRE[:6] + [EAST_FURNITURE]),
        # riverside: the local desk kept the top and part of the middle
        ("river-copy", "Harbour bridge closed", "20250304", SITES["river"].format("harbour-bridge-closed"),
         WIRE[:3] + WIRE[6:10]),
        # northford: the whole story under its own headline, with its furniture
        ("north-copy", "Commuters face weeks of delays as harbour bridge shuts", "20250304",
         SITES["north"].format("commuters-face-delays"), WIRE + [NORTH_FURNITURE, COMMENTS]),
        ("north-2", "Library opening hours extended for exam season", "20250301", SITES["north"].format("library-hours"),
         ["Portlake central library will stay open until ten in the evening during exam season.",
          "The change follows a petition signed by more than 800 students.",
          NORTH_FURNITURE, NEWSLETTER]),
        ("east-2", "New cycle lane planned for Mill Street", "20250302", SITES["east"].format("cycle-lane"),
         ["Councillors approved plans for a protected cycle lane on Mill Street.",
          "Work is due to start in the summer and will take four months.",
          EAST_FURNITURE]),
        ("east-3", "School choir wins regional contest", "20250303", SITES["east"].format("school-choir"),
         ["The choir of Eastvale Primary won the regional contest in Halden on Saturday.",
          "Music teacher Orla Finch said the pupils had rehearsed every lunchtime since January.",
          EAST_FURNITURE]),
    ]
    second = [
        ("wire", WIRE_TITLE, "20250303", "https://wire.example/portlake/bridge-crack", list(WIRE)),
        # millbrook: reordered, a few words changed
        ("mill-copy", "Portlake bridge shut for repairs", "20250305", SITES["mill"].format("bridge-shut"),
         [WIRE[4], WIRE[0], WIRE[2], _changed(WIRE[1], "about 40,000", "roughly 40,000"), WIRE[3],
          WIRE[6], WIRE[5], _changed(WIRE[7], "hit footfall", "hurt footfall"), WIRE[9], WIRE[8], WIRE[11], WIRE[10]]),
        # lakeshore: the whole story with an embedded post split over two lines
        ("lake-copy", "Cracked bearing closes harbour bridge", "20250305", SITES["lake"].format("cracked-bearing"),
         WIRE[:7] + [TWEET] + WIRE[7:] + [TWEET_TAIL, NEWSLETTER]),
        # a different story on the same topic that quotes one wire sentence
        ("observer", "Traders demand help over bridge closure", "20250306", SITES["observer"].format("traders-demand-help"),
         ["Shop owners on Quay Street say takings have fallen by a third since the bridge closed.",
          WIRE[2],
          "The traders association has asked the council for a rates holiday.",
          "Council leader Ivo Brandt said every request would be considered on Thursday."]),
        ("north-3", "Harbour festival fireworks moved to Sunday", "20250306", SITES["north"].format("fireworks"),
         ["The harbour festival fireworks will take place on Sunday instead of Saturday.",
          "Organisers said the forecast for Saturday night was too windy for a safe display.",
          NORTH_FURNITURE]),
    ]
    return {"first": first, "second": second}


def write(root: Path) -> dict[str, Path]:
    """Write the two batches as line-format files under ``root``; returns their folders."""
    out = {}
    for folder, items in articles().items():
        path = root / folder
        path.mkdir(parents=True, exist_ok=True)
        for name, title, day, url, lines in items:
            (path / f"{name}.txt").write_text("\n".join([title, day, url, *lines]) + "\n", encoding="utf-8")
        out[folder] = path
    return out



NOISE_STAGES = ["clean", "dedup"]


def ingest(store, *folders):
    """Ingest ``folders`` in one run and run the noise stages (not the slow enrich stage,
    which has its own tests); returns the ingest report with the stage counts."""
    from storyline import pipeline

    report = pipeline.ingest_and_process(store, [str(f) for f in folders], process=False)
    report.stages = pipeline.run_stages(store, only=NOISE_STAGES)
    return report


def ingested_store(root: Path):
    """Both batches ingested in one run into a store under ``root``."""
    from storyline.store import open_store

    folders = write(root / "crawl")
    store = open_store(str(root / "s.db"))
    ingest(store, folders["first"], folders["second"])
    return store
