"""The enrich and stories stages on a small hand-written corpus, end to end through the store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline import findings, pipeline, story_store, timeline_store
from storyline.cli import cli
from storyline.errors import UsageError
from storyline.ingest import ingest
from storyline.settings import Settings
from storyline.store import open_store

SETTINGS = Settings({"enrich.jobs": 1, "ingest.jobs": 1})

ARTICLES = {
    "a.txt": (
        "Hale threatens sanctions over border troops\n20250304\nhttps://www.gazette.example.com/news/hale-sanctions\n"
        "Foreign Minister Jane Hale said on Tuesday that Northford would impose sanctions on Arnholt.\n"
        "We will not back down, Ms Hale told reporters in Kessling.\n"
        "Arnholt has massed troops near the border since Saturday.\n"
    ),
    "b.txt": (
        "Hale and Berg speak by phone as Arnholt troops stay near border\n20250305\nhttps://post.example.org/world/ministers-speak\n"
        "Hale spoke to Tomas Berg by telephone on Wednesday about the troops massed near the border.\n"
        "The exercises are routine, Berg said.\n"
        "Northford accused Arnholt of provoking a border crisis and threatened sanctions.\n"
    ),
    "c.txt": (
        "Floods hit Lowmere as river bursts its banks\n20250305\nhttps://courier.example.net/local/floods\n"
        "The River Kest burst its banks in Lowmere on Wednesday.\n"
        "Firefighters rescued 14 people from flooded homes, the fire service said.\n"
    ),
}


def build(tmp_path, name: str, batches: list[list[str]], articles: dict[str, str] = ARTICLES,
          target: str | None = None):
    store = open_store(target or tmp_path / f"{name}.db", settings=SETTINGS)
    for i, files in enumerate(batches):
        folder = tmp_path / f"{name}-in{i}"
        folder.mkdir()
        for f in files:
            (folder / f).write_text(articles[f])
        ingest(store, [str(folder)], settings=SETTINGS)
        pipeline.run_stages(store, settings=SETTINGS)
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = build(tmp_path_factory.mktemp("enrich"), "all", [["a.txt", "b.txt", "c.txt"]])
    yield s
    s.close()


def entity(store, name):
    [row] = [e for e in findings.list_entities(store, limit=100) if e["name"] == name]
    return row


def test_people_get_one_canonical_name_with_their_variants(store):
    hale, berg = entity(store, "Jane Hale"), entity(store, "Tomas Berg")
    assert (hale["label"], hale["variants"], hale["articles"]) == ("PERSON", ["Hale", "Jane Hale"], 1)
    assert (berg["label"], berg["variants"]) == ("PERSON", ["Berg", "Tomas Berg"])
    assert [e["name"] for e in findings.list_entities(store, limit=100)].count("Arnholt") == 1


def test_quotes_have_speakers_linked_to_entities(store):
    hale = entity(store, "Jane Hale")["id"]
    got = [(q["text"], q["cue"], q["speaker_as_written"], q["speaker_name"], q["speaker_entity"] == hale, q["lines"])
           for q in findings.list_quotes(store) if q["outlet"] == "gazette.example.com"]
    assert got == [
        ("that Northford would impose sanctions on Arnholt", "said", "Foreign Minister Jane Hale", "Jane Hale", True, [4]),
        ("We will not back down", "told", "Ms Hale", "Jane Hale", True, [5]),
    ]
    assert [q["text"] for q in findings.list_quotes(store, speaker="Tomas Berg")] == ["The exercises are routine"]
    # a name is looked for as whole words: "Hal" is in "Hale" but names no one here
    assert findings.list_quotes(store, speaker="Hal") == []
    assert findings.list_quotes(store, speaker="%") == findings.list_quotes(store, speaker="'.") == []
    hale = findings.list_quotes(store, speaker="hale")
    assert hale and all("hale" in (q["speaker_name"] + " " + q["speaker_as_written"]).lower().split() for q in hale)


@pytest.mark.parametrize("line, written, shown, typed", [
    # a possessive of a name: the speaker is named by the name ("Northford foreign minister")
    ("Northfords foreign minister said the border would stay open all week.", "Northfords foreign minister",
     "Northford foreign minister",
     ["Northford's foreign minister", "northford\u2019s foreign minister", "Northford foreign minister"]),
    # a description: shown as a reader reads it, and found by the name shown or as stored
    ("The countrys ports director said the border would stay open all week.", "The countrys ports director",
     "the country's ports director", ["the country's ports director", "countrys ports director"]),
])
def test_a_speaker_stripped_of_apostrophes_is_shown_and_found_with_them(tmp_path, line, written, shown, typed):
    articles = {"m.txt": "Minister on border\n20250305\nhttps://www.herald.example.com/news/border\n"
                         f"Northford reopened its border on Monday.\n{line}\n"}
    store = build(tmp_path, "apos", [["m.txt"]], articles)
    try:
        [quote] = findings.list_quotes(store)
        assert (quote["speaker_as_written"], quote["speaker_name"], quote["speaker_entity"], quote["text"]) == (
            written, shown, "", "the border would stay open all week")
        assert [q["speaker_name"] for q in findings.distinct_quotes(store)] == [shown]
        for name in typed:
            assert [q["id"] for q in findings.list_quotes(store, speaker=name)] == [quote["id"]], name
        assert findings.list_quotes(store, speaker=typed[0] + "s") == []
    finally:
        store.close()


def test_a_speaker_written_as_a_persons_name_is_shown_by_its_canonical_name(store):
    hale, northford = entity(store, "Jane Hale")["id"], entity(store, "Northford")["id"]
    rows = [{"speaker_name": "Secretary Hale", "speaker_entity": hale},
            {"speaker_name": "Hales officials", "speaker_entity": hale},  # speak for her, are not her
            {"speaker_name": "Northford officials", "speaker_entity": northford},  # a body keeps its description
            {"speaker_name": "north", "speaker_entity": northford, "speaker_as_written": "the Northford"},  # its name
            {"speaker_name": "Northfords", "speaker_entity": northford},  # its name, a stripped possessive
            {"speaker_name": "Northfords officials", "speaker_entity": northford},
            {"speaker_name": "unknown", "speaker_entity": ""}]
    assert [r["speaker_name"] for r in findings.canonical_speakers(store, rows)] == [
        "Jane Hale", "Hales officials", "Northford officials", "Northford", "Northford", "Northfords officials", "unknown"]


def test_an_actor_is_found_by_whole_words(store):
    everything = findings.list_events(store, limit=1000)
    assert findings.list_events(store, actor="North", limit=1000) == []   # not "Northford"
    northford = findings.list_events(store, actor="Northford", limit=1000)
    assert northford and northford == [e for e in everything if e["actor"] == "Northford"
                                       or "northford" in e["actor"].lower().replace("'", " ").split()]


def test_a_country_stands_for_its_people_in_the_event_filters(tmp_path):
    from storyline.peoples import countries_of, peoples_of

    assert {"syrian", "syrians"} <= peoples_of("Syria") and "turkish" in peoples_of("Turkey")
    assert "american" in peoples_of("United States") and "lebanese" in peoples_of("Lebanon")
    assert "syria" in countries_of("Syrians") and "united states" in countries_of("American")
    articles = {"s.txt": ("Syrian troops shell Turkish border post\n20120620\nhttps://wire.example.com/syria-turkey\n"
                          "Syrian troops shelled a border post in Turkey on Wednesday.\n"
                          "Syria accused Turkey of arming the rebels.\n")}
    store = build(tmp_path, "peoples", [["s.txt"]], articles)
    every = {(e["type"], e["actor"], e["target"]) for e in findings.list_events(store)}
    assert every == {("ASSAULT", "Syrian", "Turkey"), ("ACCUSE", "Syria", "Turkey")}
    # the dyad Syria -> Turkey has both; "Syrian" finds its country's events too
    assert {e["type"] for e in findings.list_events(store, actor="Syria", target="Turkey")} == {"ASSAULT", "ACCUSE"}
    assert {e["type"] for e in findings.list_events(store, actor="Syrian", target="Turkey")} == {"ASSAULT", "ACCUSE"}
    assert sum(r["events"] for r in findings.dyad(store, "Syria", "Turkey")) == 2
    store.close()


def test_outlets_that_leave_out_a_party_report_the_same_event(tmp_path):
    articles = {
        "a.txt": ("Northford sends troops to the valley\n20250304\nhttps://gazette.example.com/news/troops\n"
                  "Northford sent two battalions to the Vellmark valley on Monday.\n"),
        "b.txt": ("Troops head for the valley\n20250304\nhttps://post.example.org/world/troops\n"
                  "Two battalions were sent to the Vellmark valley on Monday, officials said.\n"),
        "c.txt": ("Northford on alert\n20250304\nhttps://courier.example.net/local/alert\n"
                  "Northford sent more troops on Monday.\n"),
    }
    store = build(tmp_path, "sightings", [list(articles)], articles)
    every = [(e["type"], e["actor"], e["target"], e["date"], e["reports"], e["independent_outlets"])
             for e in findings.list_events(store)]
    assert every == [("MOBILIZE", "Northford", "Vellmark", "2025-03-03", 3, 3)]
    assert [r["events"] for r in findings.dyad(store, "Northford", "Vellmark")] == [1]
    store.close()


def test_an_event_of_several_parties_shows_them_as_written(tmp_path):
    articles = {"s.txt": ("Sanctions widen\n20120323\nhttps://wire.example.com/sanctions\n"
                          "The Arab League, the African Union and Turkey imposed sanctions on Syria on Friday.\n"
                          "Turkey imposed sanctions on Syria in November.\n")}
    store = build(tmp_path, "parties", [["s.txt"]], articles)
    shown = sorted((e["actor"], e["target"], e["actor_entity"] != "") for e in findings.list_events(store))
    assert shown == [("Arab League, the African Union and Turkey", "Syria", True), ("Turkey", "Syria", True)]
    # a filter for one of the parties finds the event by the words
    assert len(findings.list_events(store, actor="Turkey")) == 2
    store.close()


def test_the_same_words_by_the_same_speaker_are_one_quote_with_their_sources(tmp_path, store_target):
    # a.txt, a copy of it on another site (one syndication group), and a third outlet
    # quoting the same words in its own story: one statement, 3 reports, 2 independent outlets
    articles = {
        "a.txt": ARTICLES["a.txt"],
        "copy.txt": ARTICLES["a.txt"].replace("https://www.gazette.example.com/news/hale-sanctions",
                                              "https://www.herald.example.com/world/hale-sanctions"),
        "own.txt": ("Northford warns Arnholt\n20250305\nhttps://www.clarion.example.com/news/northford-warns\n"
                    "We will not back down, Ms Hale told reporters in Kessling.\n"
                    "Arnholt says its troops are on exercises.\n"),
    }
    store = build(tmp_path, "quoted", [list(articles)], articles, store_target)
    rows = findings.distinct_quotes(store, speaker="Hale")
    said = {r["text"]: (r["reports"], r["independent_outlets"], sorted(s["outlet"] for s in r["sources"]))
            for r in rows}
    assert said["We will not back down"] == (
        3, 2, ["clarion.example.com", "gazette.example.com", "herald.example.com"])
    assert len(findings.list_quotes(store, speaker="Hale")) == sum(r["reports"] for r in rows)
    # paging on the first copy's id gives the rest, nothing twice
    first, *rest = rows
    assert findings.distinct_quotes(store, speaker="Hale", after=first["id"]) == rest
    store.close()
    # the command lists each statement once; --every-copy one row per article
    listed = json.loads(CliRunner().invoke(cli, ["quotes", "--db", str(store_target), "--speaker", "Hale", "--json"]).stdout)
    assert listed == json.loads(json.dumps(rows))
    copies = json.loads(CliRunner().invoke(
        cli, ["quotes", "--db", str(store_target), "--speaker", "Hale", "--every-copy", "--json"]).stdout)
    assert len(copies) == sum(r["reports"] for r in rows)
    # --sort reports: the statement carried by the most articles first; it does not page
    ranked = json.loads(CliRunner().invoke(
        cli, ["quotes", "--db", str(store_target), "--sort", "reports", "--limit", "1", "--json"]).stdout)
    assert [(r["text"], r["reports"]) for r in ranked] == [("We will not back down", 3)]
    paged = CliRunner().invoke(cli, ["quotes", "--db", str(store_target), "--sort", "reports", "--after", "1"])
    assert paged.exit_code != 0 and "does not page" in paged.output


def test_dates_are_normalised_against_the_publication_day(store):
    rows = findings.timexes_for(store, [a["id"] for a in store.query("SELECT id FROM articles ORDER BY published, id")])
    assert sorted((r["text"], r["value"], r["granularity"]) for r in rows) == [
        ("Saturday", "2025-03-01", "day"), ("Tuesday", "2025-03-04", "day"),
        ("Wednesday", "2025-03-05", "day"), ("Wednesday", "2025-03-05", "day"),
    ]


def test_events_link_actors_and_targets_to_entities(store):
    got = {(e["type"], e["actor"], e["target"], e["date"], e["date_source"], e["hedged"])
           for e in findings.list_events(store) if e["actor_entity"] and e["target_entity"]}
    assert got == {
        ("THREATEN", "Northford", "Arnholt", "2025-03-04", "text", True),
        ("ACCUSE", "Northford", "Arnholt", "2025-03-05", "published", False),
        ("CONSULT", "Jane Hale", "Tomas Berg", "2025-03-05", "text", False),
    }
    series = findings.dyad(store, "Northford", "Arnholt", both_directions=False)
    assert [(d["date"], d["events"]) for d in series] == [("2025-03-04", 1), ("2025-03-05", 1)]


def test_stories_keep_the_crisis_apart_from_the_flood(store):
    stories = story_store.list_stories(store)
    members = sorted(sorted(m["outlet"] for m in story_store.get_story(store, s["id"])["members"]) for s in stories)
    assert members == [["courier.example.net"], ["gazette.example.com", "post.example.org"]]


def test_story_timeline_has_dated_entries_with_sources(store):
    crisis = next(s for s in story_store.list_stories(store) if s["articles"] == 2)
    data = timeline_store.timeline_for(store, story=crisis["id"], dates=5, per_date=1)
    days = [e["date"] for e in data["entries"]]
    assert "2025-03-04" in days and "2025-03-05" in days
    for entry in data["entries"]:
        for sentence in entry["sentences"]:
            assert sentence["sources"] and all(src["line"] >= 4 and src["url"].startswith("https://") for src in sentence["sources"])


def test_enriching_in_two_runs_gives_what_one_run_gives(tmp_path, store):
    split = build(tmp_path, "split", [["a.txt", "c.txt"], ["b.txt"]])

    def snapshot(s):
        names = {e["id"]: e["name"] for e in findings.list_entities(s, limit=100)}
        return {
            "mentions": sorted((r["article_id"], r["sentence_idx"], r["text"], names.get(r["entity_id"], ""))
                               for r in s.query("SELECT article_id, sentence_idx, text, entity_id FROM mentions")),
            "quotes": sorted((q["article_id"], q["text"], q["speaker_name"], names.get(q["speaker_entity"], ""))
                             for q in findings.list_quotes(s)),
            "events": sorted((e["type"], e["actor"], e["target"], e["date"]) for e in findings.list_events(s)),
            "dates": sorted(tuple(r.values()) for r in s.query("SELECT article_id, sentence_idx, value FROM timexes")),
            "stories": sorted(len(story_store.story_article_ids(s, x["id"])) for x in story_store.list_stories(s)),
        }

    assert snapshot(split) == snapshot(store)
    split.close()


def test_a_failing_module_costs_one_article_its_findings_not_the_run(tmp_path, monkeypatch):
    import storyline.nlp.analyze as analyze

    real = analyze._findings

    def broken(art, *args, **kwargs):
        if "Lowmere" in " ".join(t for _, t in art.sentences):
            raise ValueError("odd text")
        return real(art, *args, **kwargs)

    monkeypatch.setattr(analyze, "_findings", broken)
    s = build(tmp_path, "broken", [["a.txt", "b.txt", "c.txt"]])
    [error] = s.query("SELECT stage, error FROM stage_errors")
    assert error == {"stage": "enrich", "error": "ValueError: odd text"}
    assert s.scalar("SELECT COUNT(DISTINCT article_id) FROM mentions") == 2
    assert s.scalar("SELECT COUNT(*) FROM article_stages WHERE stage = 'enrich'") == 3
    s.close()


def test_a_new_version_replaces_the_old_versions_findings(tmp_path):
    s = build(tmp_path, "versions", [["a.txt"]])
    old = s.scalar("SELECT id FROM articles")
    folder = tmp_path / "v2"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES["a.txt"].replace("We will not back down", "We will never back down"))
    ingest(s, [str(folder)], settings=SETTINGS)
    pipeline.run_stages(s, settings=SETTINGS)
    assert s.scalar("SELECT COUNT(*) FROM quotes WHERE article_id = ?", (old,)) == 0
    assert [q["text"] for q in findings.list_quotes(s)][-1] == "We will never back down"
    # the old version's mentions are counted no more: each entity's count is its rows'
    assert miscounted(s) == []
    assert entity(s, "Jane Hale")["mentions"] == 2
    s.close()


def miscounted(s) -> list[tuple]:
    """Entities whose listed mention count is not the number of their mention rows."""
    return [r for r in s.rows("SELECT e.name, e.mentions, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) "
                              "FROM entities e") if r[1] != r[2]]


def test_a_line_that_turns_out_to_be_furniture_leaves_earlier_findings(tmp_path):
    """Clean re-marks a line as boilerplate once a third story of the site carries it; the
    earlier articles are enriched again and lose what was found in that line."""
    furniture = "Tell us what you think, our community editor Dana Roe said."
    topics = ["Bridge closes for repairs", "School wins science prize", "Market hall reopens"]
    s = open_store(tmp_path / "furniture.db", settings=SETTINGS)
    for n, topic in enumerate(topics):
        folder = tmp_path / f"f{n}"
        folder.mkdir()
        (folder / "x.txt").write_text(
            f"{topic}\n2025030{n + 1}\nhttps://x.example.com/local/{n}\n"
            f"{topic} in Portlake on Monday, the council said.\n{furniture}\n")
        ingest(s, [str(folder)], settings=SETTINGS)
        pipeline.run_stages(s, settings=SETTINGS)
        roe = [q for q in findings.list_quotes(s) if q["speaker_name"] == "Dana Roe"]
        assert len(roe) == (n + 1 if n < 2 else 0)
        assert miscounted(s) == []
    assert s.scalar("SELECT COUNT(*) FROM sentences WHERE kind = 'boilerplate'") == 3
    # named only in the furniture line: no mention is left, nor the entity
    assert s.rows("SELECT COUNT(*) FROM entities WHERE name = 'Dana Roe'") == [(0,)]
    s.close()


def test_a_speaker_phrase_naming_a_person_and_an_organisation_is_the_person():
    from storyline.entity_links import overlapping
    from storyline.records import Mention, Span

    text = "the head of the Northford Health Protection Agency, Amara Quist"
    def at(name, label):
        start = text.index(name)
        return Mention("a1", Span(3, start, start + len(name), name), label)

    agency, quist = at("Northford Health Protection Agency", "ORG"), at("Amara Quist", "PERSON")
    speaker = Span(3, 0, len(text), text)
    assert overlapping(speaker, [agency, quist], prefer_person=True) is quist
    assert overlapping(speaker, [agency, quist]) is agency  # event roles: the longest name
    assert overlapping(Span(4, 0, len(text), text), [agency, quist], prefer_person=True) is None


@pytest.mark.parametrize("speaker, name, speaks", [
    ("Libyan leader Tomas Berg", "Tomas Berg", True),
    ("Amara Quist, director of the agency", "Amara Quist", True),
    ("the head of the agency, Amara Quist", "Amara Quist", True),
    ("a Kestnet spokesman", "Kestnet", True),
    ("Arnholt border guards", "Arnholt", True),
    ("a spokesman for Arnholt leader Tomas Berg", "Tomas Berg", True),
    ("Berg son", "Berg", False),
    ("the Berg regime", "Berg", False),
    ("loyalists to Arnholt leader Tomas Berg", "Tomas Berg", False),
    ("The mother of a woman who accused Tomas Berg", "Tomas Berg", False),
    ("residents of Eskeby", "Eskeby", False),
    ("The leaders of Northford and Arnholt", "Northford", False),
    ("The leaders of Northford and Arnholt", "Arnholt", False),
])
def test_a_name_in_a_speaker_phrase_is_the_speaker_only_as_its_head_or_voice(speaker, name, speaks):
    from storyline.entity_links import names_the_speaker
    from storyline.records import Mention, Span

    start = 10 + speaker.index(name)
    mention = Mention("a1", Span(2, start, start + len(name), name), "PERSON")
    assert names_the_speaker(Span(2, 10, 10 + len(speaker), speaker), mention) is speaks


def test_a_description_as_written_is_linked_to_no_name_elsewhere():
    from storyline.entity_links import link_speaker
    from storyline.records import Mention, Quote, Span

    class NoIndex:
        def lookup(self, text):
            return ""

    text = "The leaders of Northford and Arnholt"
    arnholt = Mention("a1", Span(5, 0, 7, "Arnholt"), "PERSON", entity_id="e-arnholt")
    lindqvist = Mention("a1", Span(6, 0, 9, "Lindqvist"), "PERSON", entity_id="e-lindqvist")
    def quote(speaker: str, name: str) -> Quote:
        return Quote("a1", (Span(2, 40, 60, "x" * 20),), Span(2, 61, 65, "said"), Span(2, 0, len(speaker), speaker),
                     name)
    assert link_speaker(quote(text, text), [arnholt, lindqvist], NoIndex()).speaker_entity == ""
    assert link_speaker(quote("Lindqvist", "Lindqvist"), [arnholt, lindqvist], NoIndex()).speaker_entity == "e-lindqvist"
    assert link_speaker(quote("she", "Lindqvist"), [arnholt, lindqvist], NoIndex()).speaker_entity == "e-lindqvist"


def test_an_events_pronoun_is_the_one_person_named_before_it_in_the_sentence():
    from storyline.canonical import NameResolver
    from storyline.entity_links import NameIndex, link_event
    from storyline.records import Event, Mention, Span

    def at(text, word, start_from=0):
        start = text.index(word, start_from)
        return Span(0, start, start + len(word), word)

    def person(text, word, entity):
        return Mention("a", at(text, word), "PERSON", entity_id=entity)

    names = NameIndex(NameResolver())
    text = "Police arrested Berg and questioned him."
    police = Mention("a", at(text, "Police"), "ORG", entity_id="police")
    event = Event("a", 0, "COERCE", "", at(text, "Police"), at(text, "him"), at(text, "questioned"))
    linked = link_event(event, [police, person(text, "Berg", "berg")], names)
    assert (linked.actor_entity, linked.target_entity) == ("police", "berg")
    # "Berg met Hale and thanked her": not Berg himself; two candidates: no one
    text = "Berg met Hale and thanked her."
    ms = [person(text, "Berg", "berg"), person(text, "Hale", "hale")]
    event = Event("a", 0, "SUPPORT", "", at(text, "Berg"), at(text, "her"), at(text, "thanked"))
    assert link_event(event, ms, names).target_entity == "hale"
    text = "Berg told Hale and Lund that police had arrested him."
    ms = [person(text, "Berg", "berg"), person(text, "Hale", "hale"), person(text, "Lund", "lund")]
    event = Event("a", 0, "COERCE", "", at(text, "police"), at(text, "him"), at(text, "arrested"))
    assert link_event(event, ms, names).target_entity == ""
    # honorifics decide between a man and a woman
    resolver = NameResolver()
    lund, hale = resolver.add([Mention("a", Span(0, 0, 7, "Mr Lund"), "PERSON"), Mention("a", Span(0, 0, 7, "Ms Hale"), "PERSON")])
    text = "Police questioned Mr Lund and Ms Hale and released her."
    ms = [police, Mention("a", at(text, "Mr Lund"), "PERSON", entity_id=lund), Mention("a", at(text, "Ms Hale"), "PERSON", entity_id=hale)]
    event = Event("a", 0, "RETREAT", "", at(text, "Police"), at(text, "her"), at(text, "released"))
    assert link_event(event, ms, NameIndex(resolver)).target_entity == hale


def test_an_events_actor_who_is_a_named_persons_relation_is_not_that_person():
    from storyline.canonical import NameResolver
    from storyline.entity_links import NameIndex, link_event
    from storyline.records import Event, Mention, Span

    def at(text, word):
        start = text.index(word)
        return Span(0, start, start + len(word), word)

    names = NameIndex(NameResolver())
    text = "Renholms father sent troops into Dunmere in 1982."
    ms = [Mention("a", at(text, "Renholms"), "PERSON", entity_id="renholm"),
          Mention("a", at(text, "Dunmere"), "GPE", entity_id="dunmere")]
    event = Event("a", 0, "MOBILIZE", "", at(text, "Renholms father"), at(text, "Dunmere"), at(text, "sent"))
    assert (link_event(event, ms, names).actor_entity, link_event(event, ms, names).target_entity) == ("", "dunmere")
    text = "The son of Renholm attacked Hale's lawyer."
    ms = [Mention("a", at(text, "Renholm"), "PERSON", entity_id="renholm"),
          Mention("a", at(text, "Hale"), "PERSON", entity_id="hale")]
    event = Event("a", 0, "ASSAULT", "", at(text, "The son of Renholm"), at(text, "Hale's lawyer"), at(text, "attacked"))
    linked = link_event(event, ms, names)
    assert (linked.actor_entity, linked.target_entity) == ("", "")
    # a name that only says where from or who backs them: "the Tarsk-based league"
    text = "The Tarsk-based league and Arnholt-backed rebels attacked Dunmere."
    ms = [Mention("a", at(text, "Tarsk"), "GPE", entity_id="tarsk"),
          Mention("a", at(text, "Arnholt"), "GPE", entity_id="arnholt"),
          Mention("a", at(text, "Dunmere"), "GPE", entity_id="dunmere")]
    for actor in ("The Tarsk-based league", "Arnholt-backed rebels"):
        event = Event("a", 0, "ASSAULT", "", at(text, actor), at(text, "Dunmere"), at(text, "attacked"))
        assert (link_event(event, ms, names).actor_entity, link_event(event, ms, names).target_entity) == ("", "dunmere")
    # a name's agents and its own name in a longer phrase still link
    text = "Renholms forces and President Oskar Renholm shelled Dunmere."
    ms = [Mention("a", at(text, "Renholms"), "PERSON", entity_id="renholm")]
    event = Event("a", 0, "ASSAULT", "", at(text, "Renholms forces"), None, at(text, "shelled"))
    assert link_event(event, ms, names).actor_entity == "renholm"


def test_a_first_person_actor_inside_a_quote_is_its_speaker():
    from storyline.canonical import NameResolver
    from storyline.entity_links import NameIndex, link_event
    from storyline.records import Event, Mention, Quote, Span

    text = "We will impose sanctions on Arnholt, Hale said."
    content = Span(0, 0, text.index(","), text[: text.index(",")])
    hale = Quote("a", (content,), None, None, "Jane Hale", "hale")
    we, arnholt = Span(0, 0, 2, "We"), Span(0, text.index("Arnholt"), text.index("Arnholt") + 7, "Arnholt")
    event = Event("a", 0, "SANCTION", "", we, arnholt, Span(0, 8, 14, "impose"))
    names = NameIndex(NameResolver())
    assert link_event(event, [], names, [hale]).actor_entity == "hale"
    # "US" in capitals is the country, not "us"
    us = Span(0, 0, 2, "US")
    assert link_event(Event("a", 0, "SANCTION", "", us, arnholt, None), [], names, [hale]).actor_entity == ""
    # outside any quote, or in a quote with no known speaker, "we" names no one
    assert link_event(event, [], names, []).actor_entity == ""
    assert link_event(event, [], names, [hale.replace(speaker_entity="", speaker_name="unknown")]).actor_entity == ""
    # "He broke every promise he made to us, said Hale": "us" is not Hale when she is the actor
    event = Event("a", 0, "CONCEDE", "", arnholt, we, Span(0, 8, 14, "impose"))
    assert link_event(event, [], names, [hale]).target_entity == "hale"
    at_hale = Span(0, text.index("Hale"), text.index("Hale") + 4, "Hale")
    event = Event("a", 0, "CONCEDE", "", at_hale, we, Span(0, 8, 14, "impose"))
    hale_named = Mention("a", at_hale, "PERSON", entity_id="hale")
    assert link_event(event, [hale_named], names, [hale]).target_entity == ""


def _sentence_reading(*sentences: str):
    from storyline.event_antecedents import Reading

    return Reading({i: tuple(range(i - 1, max(-1, i - 3), -1)) for i in range(len(sentences))},
                    dict(enumerate(sentences)))


@pytest.mark.parametrize("before, expected", [
    # the subject of the sentence before, or of the one before that
    (["Foreign Minister Tomas Berg arrived in Kessling on Monday."], "berg"),
    (["Tomas Berg arrived in Kessling on Monday.", "The talks lasted four hours."], "berg"),
    (["In Kessling, Mr Berg met the press.", "Reporters waited outside."], "berg"),
    # an inverted speaker is a subject too
    (["The border is calm, said Tomas Berg."], "berg"),
    # two subjects, or a woman for "he": no one
    (["Tomas Berg and Leif Lund arrived in Kessling."], ""),
    (["Ms Hale arrived in Kessling."], ""),
    # an owner, a name in brackets, after a preposition (and its conjuncts): no antecedent
    (["Bergs officials arrived in Kessling."], ""),
    (["The minister (a cousin of Tomas Berg) arrived."], ""),
    (["The minister spoke with Tomas Berg and Leif Lund."], ""),
    # the nearest sentence naming a man decides: here ambiguously
    (["Leif Lund arrived.", "Tomas Berg met Oskar Dahl."], ""),
    (["Leif Lund arrived.", "He told Tomas Berg nothing."], ""),  # "He" is that sentence's topic
    # too far back
    (["Tomas Berg arrived.", "Talks began.", "They lasted hours."], ""),
])
def test_an_events_pronoun_with_no_one_before_it_is_the_subject_of_the_sentences_before(before, expected):
    from storyline.canonical import NameResolver
    from storyline.entity_links import NameIndex, link_event
    from storyline.records import Event, Mention, Span

    resolver = NameResolver()
    names = {"Tomas Berg": "berg", "Mr Berg": "berg", "Berg": "berg",
             "Leif Lund": "lund", "Oskar Dahl": "dahl", "Ms Hale": "hale"}
    [hale] = resolver.add([Mention("a", Span(0, 0, 7, "Ms Hale"), "PERSON")])
    mentions = []
    for i, text in enumerate(before):
        for written, entity in names.items():
            at = text.find(written)
            if at >= 0 and not any(m.span.sentence_index == i and m.span.start <= at < m.span.end for m in mentions):
                mentions.append(Mention("a", Span(i, at, at + len(written), written), "PERSON",
                                        entity_id=hale if entity == "hale" else entity))
    last = "He blamed Arnholt for the crisis."
    i = len(before)
    event = Event("a", i, "ACCUSE", "", Span(i, 0, 2, "He"), Span(i, 10, 17, "Arnholt"), Span(i, 3, 9, "blamed"))
    reading = _sentence_reading(*before, last)
    assert link_event(event, mentions, NameIndex(resolver), [], reading).actor_entity == expected
    # read out of order (shuffled lines), the sentences before say nothing
    assert link_event(event, mentions, NameIndex(resolver), [], None).actor_entity == ""


def test_an_events_pronoun_is_resolved_across_sentences_only_in_articles_read_in_order(tmp_path):
    text = ("Berg orders troops home\n20250306\nhttps://www.gazette.example.com/news/berg-troops\n"
            "Foreign Minister Tomas Berg arrived in Kessling on Thursday.\n"
            "He accused Northford of provoking a border crisis.\n")
    record = {"title": "Berg orders troops home", "date": "2025-03-06", "url": "https://post.example.org/berg",
              "text": "Foreign Minister Tomas Berg arrived in Kessling on Thursday. "
                      "He accused Northford of provoking a border crisis."}

    def accusers(name, files):
        store = build(tmp_path, name, [list(files)], files)
        try:
            return [(e["actor"], e["actor_entity"] != "") for e in findings.list_events(store) if e["type"] == "ACCUSE"]
        finally:
            store.close()

    assert accusers("jsonl", {"a.jsonl": json.dumps(record) + "\n"}) == [("Tomas Berg", True)]
    # line-format crawls are shuffled (enrich.lines_in_order): the line before need not be
    assert accusers("lines", {"a.txt": text}) == [("He", False)]


def test_an_event_links_no_entity_as_its_own_target(tmp_path):
    from storyline.canonical import NameResolver
    from storyline.entity_links import NameIndex, link_event
    from storyline.enrich import _remap_merged, _write_events
    from storyline.records import Event, Mention, Span

    text = "Turkey backed Turkeys decision."
    turkey = Mention("a", Span(0, 0, 6, "Turkey"), "GPE", entity_id="turkey")
    turkeys = Mention("a", Span(0, 14, 20, "Turkey"), "GPE", entity_id="turkey")
    event = Event("a", 0, "SUPPORT", "", Span(0, 0, 6, "Turkey"), Span(0, 14, 30, text[14:30]), Span(0, 7, 13, "backed"))
    linked = link_event(event, [turkey, turkeys], NameIndex(NameResolver()))
    assert (linked.actor_entity, linked.target_entity) == ("turkey", "")
    # two entities merged later into one: the stored event loses its target link too
    store = open_store(tmp_path / "merge.db", settings=SETTINGS)
    with store.transaction():
        _write_events(store, [event.replace(actor_entity="berg", target_entity="mr-berg"),
                              event.replace(actor_entity="berg", target_entity="lund")])

    class Merged:
        def canonical_id(self, entity_id):
            return "berg" if entity_id == "mr-berg" else entity_id

    with store.transaction():
        _remap_merged(store, Merged(), ["mr-berg"])
    assert sorted(tuple(r.values()) for r in store.query("SELECT actor_entity, target_entity FROM events")) == [
        ("berg", ""), ("berg", "lund")]
    store.close()


def test_an_event_dated_to_a_year_is_listed_so_and_left_out_of_the_daily_dyad(tmp_path):
    text = ("Northford widens sanctions on Arnholt\n20250305\nhttps://www.gazette.example.com/news/sanctions-widened\n"
            "Northford imposed sanctions on Arnholt in 2024.\n"
            "Northford imposed new sanctions on Arnholt on Tuesday.\n")
    store = build(tmp_path, "years", [["d.txt"]], {"d.txt": text})
    try:
        got = [(e["date"], e["date_granularity"], e["date_source"], e["text"])
               for e in findings.list_events(store, actor="Northford", type="SANCTION")]
        assert got == [("2024-01-01", "year", "text", "Northford imposed sanctions on Arnholt in 2024."),
                       ("2025-03-04", "day", "text", "Northford imposed new sanctions on Arnholt on Tuesday.")]
        assert [(d["date"], d["events"]) for d in findings.dyad(store, "Northford", "Arnholt", both_directions=False)] == [
            ("2025-03-04", 1)]
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "years.db"), "--type", "SANCTION"])
    assert [line.split()[0] for line in result.output.splitlines()[1:]] == ["2024", "2025-03-04"]
    # a spreadsheet gets the first day with its granularity, and what the table leaves out
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "years.db"), "--type", "SANCTION", "--csv"])
    lines = result.output.splitlines()
    assert lines[0] == ("date,date_granularity,date_source,type,mode,actor,actor_entity,target,target_entity,quad,"
                        "score,negated,hedged,reports,independent_outlets,key,text")
    assert [line.split(",")[:4] for line in lines[1:]] == [["2024-01-01", "year", "text", "SANCTION"],
                                                          ["2025-03-04", "day", "text", "SANCTION"]]


def test_listed_events_and_quotes_show_the_apostrophes_a_crawl_stripped(tmp_path):
    text = ("Northford warns Arnholt\n20250305\nhttps://www.gazette.example.com/news/warning\n"
            "KESSLING (Reuters) - Northfords government imposed sanctions on Arnholt on Tuesday.\n"
            "We dont want a war, Ms Hale told reporters in Kessling.\n"
            "Arnholt and Northford share a long border.\n")
    store = build(tmp_path, "shown", [["s.txt"]], {"s.txt": text})
    try:
        assert [e["text"] for e in findings.list_events(store, type="SANCTION")] == [
            "Northford's government imposed sanctions on Arnholt on Tuesday."]   # the dateline cut, too
        assert [q["text"] for q in findings.distinct_quotes(store)] == ["We don't want a war"]
        assert [q["text"] for q in findings.list_quotes(store)] == ["We don't want a war"]
    finally:
        store.close()


def test_quotes_are_listed_by_kind(tmp_path):
    text = ("Valley farmers wary of water deal\n20250305\nhttps://www.gazette.example.com/news/water-deal\n"
            "Farmers in the valley remain skeptical of the new water deal.\n"
            "We will not sign the deal, Ms Hale told reporters in Kessling.\n")
    store = build(tmp_path, "kinds", [["w.txt"]], {"w.txt": text})
    try:
        every = {(q["kind"], q["speaker_name"]) for q in findings.distinct_quotes(store)}
        assert every == {("stance", "farmers in the valley"), ("direct", "Hale")}
        said = findings.distinct_quotes(store, kinds=findings.quote_kinds("direct, indirect"))
        assert [(q["kind"], q["speaker_name"]) for q in said] == [("direct", "Hale")]
        with pytest.raises(UsageError, match="unknown quote kind 'spoken'; kinds are direct, indirect, mixed, embed, stance"):
            findings.quote_kinds("direct,spoken")
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["quotes", "--db", str(tmp_path / "kinds.db"), "--kind", "stance", "--json"])
    assert [q["speaker_name"] for q in json.loads(result.output)] == ["farmers in the valley"]


@pytest.mark.parametrize("pronoun, before, expected", [
    # the one organisation or country that opens the sentence before, as its subject would
    ("It", ["Arnholt shelled Kessling on Monday."], "arnholt"),
    ("It", ["In a statement on Monday, the Northford Party rejected the plan."], "party"),
    ("They", ["The Kurds rejected the plan on Monday."], "kurds"),
    # two that agree, one named as an object or after a preposition, a modifier of a noun or
    # a title, a byline, a person, a people for "it", a country for "they": no one
    ("It", ["Arnholt and Vellmark traded fire on Monday."], ""),
    ("It", ["Rebels told Northford Radio that the town had fallen."], ""),
    ("It", ["Arnholt troops shelled Kessling on Monday."], ""),
    ("It", ["Jim Muir Northford Radio, Kessling The talks failed."], ""),
    ("It", ["Tomas Berg arrived in Kessling."], ""),
    ("It", ["The Kurds rejected the plan on Monday."], ""),
    ("They", ["Arnholt shelled Kessling on Monday."], ""),
    # only the sentence right before, and not when its own "it" comes first
    ("It", ["Arnholt shelled Kessling on Monday.", "The talks failed."], ""),
    ("It", ["It said Arnholt would reply."], ""),
])
def test_an_events_it_or_they_is_the_group_the_sentence_before_opens_with(pronoun, before, expected):
    from storyline.canonical import NameResolver
    from storyline.entity_links import NameIndex, link_event
    from storyline.records import Event, Mention, Span

    names = {"Arnholt": ("arnholt", "GPE"), "Vellmark": ("vellmark", "GPE"), "Kessling": ("kessling", "GPE"),
             "Northford Party": ("party", "ORG"), "Northford Radio": ("radio", "ORG"), "Kurds": ("kurds", "NORP"),
             "Tomas Berg": ("berg", "PERSON"), "Jim Muir": ("muir", "PERSON")}
    mentions = []
    for i, text in enumerate(before):
        for written, (entity, label) in names.items():
            at = text.find(written)
            if at >= 0:
                mentions.append(Mention("a", Span(i, at, at + len(written), written), label, entity_id=entity))
    last = f"{pronoun} accused Torvik of arming the rebels."
    i, n = len(before), len(pronoun)
    event = Event("a", i, "ACCUSE", "allege", Span(i, 0, n, pronoun), Span(i, n + 9, n + 15, "Torvik"),
                  Span(i, n + 1, n + 8, "accused"))
    names_index = NameIndex(NameResolver())
    assert link_event(event, mentions, names_index, [], _sentence_reading(*before, last)).actor_entity == expected
    # read out of order (shuffled lines), the sentence before says nothing
    assert link_event(event, mentions, names_index, [], None).actor_entity == ""


def test_an_events_it_is_not_resolved_across_sentences_when_its_own_sentence_names_a_subject():
    from storyline.canonical import NameResolver
    from storyline.entity_links import NameIndex, link_event
    from storyline.records import Event, Mention, Span

    before, last = "Arnholt shelled Kessling on Monday.", "Vellmark said it had accused Torvik."
    mentions = [Mention("a", Span(0, 0, 7, "Arnholt"), "GPE", entity_id="arnholt"),
                Mention("a", Span(1, 0, 8, "Vellmark"), "GPE", entity_id="vellmark")]
    at = last.index("it ")
    event = Event("a", 1, "ACCUSE", "allege", Span(1, at, at + 2, "it"), None, Span(1, at + 7, at + 15, "accused"))
    reading = _sentence_reading(before, last)
    assert link_event(event, mentions, NameIndex(NameResolver()), [], reading).actor_entity == ""


def test_an_events_it_is_not_resolved_across_sentences_when_its_sentence_opens_with_another_pronoun():
    from storyline.canonical import NameResolver
    from storyline.entity_links import NameIndex, link_event
    from storyline.records import Event, Mention, Span

    before, last = "Arnholt shelled Kessling on Monday.", "They said it had accused Torvik."
    mentions = [Mention("a", Span(0, 0, 7, "Arnholt"), "GPE", entity_id="arnholt")]
    at = last.index("it ")
    event = Event("a", 1, "ACCUSE", "allege", Span(1, at, at + 2, "it"), None, Span(1, at + 7, at + 15, "accused"))
    names = NameIndex(NameResolver())
    assert link_event(event, mentions, names, [], _sentence_reading(before, last)).actor_entity == ""
    # the opening pronoun itself is read from the sentence before
    last = "It said it had accused Torvik."
    opening = event.replace(actor=Span(1, 0, 2, "It"))
    assert link_event(opening, mentions, names, [], _sentence_reading(before, last)).actor_entity == "arnholt"


ASKED = "Asked about the talks with Arnholt, Jane Hale said the crossing at Eskeby would stay open all week.\n"


def test_a_speaker_is_recovered_only_from_the_same_quote_in_a_copy(tmp_path):
    # two outlets carry the sentence; its "Asked about" quote has no speaker in either, and
    # the "said" beside it, whose speaker is named, does not lend her to it
    articles = {
        "p.txt": "Border talks\n20250305\nhttps://p.example.com/talks\n" + ASKED,
        "q.txt": "Talks at the border\n20250305\nhttps://q.example.org/border\n" + ASKED,
    }
    store = build(tmp_path, "asked", [["p.txt", "q.txt"]], articles)
    got = sorted((q["cue"], q["speaker_name"], q["recovered_from"] is None) for q in findings.list_quotes(store))
    store.close()
    assert got == [("Asked", "unknown", True), ("Asked", "unknown", True),
                   ("said", "Jane Hale", True), ("said", "Jane Hale", True)]


def _outputs(store) -> dict[str, list]:
    """Everything the stages wrote that a user reads, in a stable order."""
    return {
        "kinds": store.rows("SELECT article_id, idx, kind FROM sentences ORDER BY article_id, idx"),
        "quotes": sorted((q["article_id"], q["text"], q["speaker_name"]) for q in findings.list_quotes(store)),
        "events": sorted((e["type"], e["actor"], e["target"], e["date"]) for e in findings.list_events(store)),
        "mentions": store.rows("SELECT article_id, sentence_idx, start_char, end_char, entity_id FROM mentions "
                               "ORDER BY article_id, sentence_idx, start_char"),
        "stories": store.rows("SELECT story_id, article_id FROM story_members ORDER BY story_id, article_id"),
        "entities": store.rows("SELECT id, name, label, mentions FROM entities WHERE mentions > 0 ORDER BY id"),
        "timexes": store.rows("SELECT article_id, sentence_idx, start_char, value FROM timexes "
                              "ORDER BY article_id, sentence_idx, start_char"),
    }


def test_redo_runs_a_stage_and_the_stages_after_it_again_on_every_article(tmp_path):
    store = build(tmp_path, "redo", [["a.txt", "b.txt", "c.txt"]])
    db = str(tmp_path / "redo.db")
    try:
        before = _outputs(store)
        # what an older version left: a line it took for furniture, and no quotes at all
        with store.transaction():
            store.execute("UPDATE sentences SET kind = 'boilerplate' WHERE text LIKE 'We will not back down%'")
            store.execute("DELETE FROM quotes")
        stale = _outputs(store)
        assert stale["quotes"] == [] and stale["kinds"] != before["kinds"]
    finally:
        store.close()
    # enrich alone has nothing pending: the stale results stay
    assert CliRunner().invoke(cli, ["enrich", "--db", db, "-q"]).exit_code == 0
    store = open_store(db, settings=SETTINGS)
    try:
        assert _outputs(store) == stale
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["enrich", "--db", db, "--redo", "clean", "--set", "enrich.jobs=1"])
    assert result.exit_code == 0, result.output
    assert "every article goes through clean, dedup, enrich, stories again" in result.output
    store = open_store(db, settings=SETTINGS)
    try:
        assert _outputs(store) == before     # the same results as a first run, nothing twice
    finally:
        store.close()
    bad = CliRunner().invoke(cli, ["enrich", "--db", db, "--redo", "parse"])
    assert bad.exit_code == 2 and "unknown stage 'parse'; stages are clean, dedup, enrich, stories" in bad.output
    both = CliRunner().invoke(cli, ["enrich", "--db", db, "--redo", "enrich", "--stage", "enrich"])
    assert both.exit_code == 2 and "leave out --stage" in both.output


def test_redo_of_enrich_resolves_every_name_again(tmp_path):
    # An older version had seen "Jane Halle" often for Jane Hale's entity (its resolver keeps
    # the forms it has seen as history, and names the entity by them); a redo of enrich
    # names every entity as a first run does.
    store = build(tmp_path, "names", [["a.txt", "b.txt", "c.txt"]])
    try:
        before = _outputs(store)
        hale = entity(store, "Jane Hale")["id"]
        with store.transaction():
            [(raw,)] = store.rows("SELECT v FROM name_index WHERE kind = 'clusters' AND k = ?", (json.dumps(hale),))
            cluster = json.loads(raw)
            cluster["forms"]["Jane Halle"] = 100
            store.execute("UPDATE name_index SET v = ? WHERE kind = 'clusters' AND k = ?",
                          (json.dumps(cluster), json.dumps(hale)))
            store.execute("UPDATE entities SET name = 'Jane Halle' WHERE id = ?", (hale,))
    finally:
        store.close()
    db = str(tmp_path / "names.db")
    result = CliRunner().invoke(cli, ["enrich", "--db", db, "--redo", "enrich", "--set", "enrich.jobs=1"])
    assert result.exit_code == 0, result.output
    store = open_store(db, settings=SETTINGS)
    try:
        assert _outputs(store) == before
        assert entity(store, "Jane Hale")["variants"] == ["Hale", "Jane Hale"]
    finally:
        store.close()


def test_redo_of_stories_clusters_every_article_again(tmp_path):
    # An older run placed every article in a story of its own (a threshold no pair passes);
    # a redo with today's settings groups them as a first run does, instead of leaving each
    # article where the clusterer had put it.
    apart = Settings({**SETTINGS.changed(), "stories.threshold": 0.999})
    store = open_store(tmp_path / "apart.db", settings=apart)
    folder = tmp_path / "in"
    folder.mkdir()
    for f in ("a.txt", "b.txt", "c.txt"):
        (folder / f).write_text(ARTICLES[f])
    try:
        ingest(store, [str(folder)], settings=apart)
        pipeline.run_stages(store, settings=apart)
        assert store.scalar("SELECT COUNT(*) FROM stories") == 3
    finally:
        store.close()
    first = build(tmp_path, "first", [["a.txt", "b.txt", "c.txt"]])
    try:
        wanted = (_outputs(first)["stories"], first.rows("SELECT id, label, articles FROM stories ORDER BY id"))
    finally:
        first.close()
    assert len(wanted[1]) < 3  # the articles do share a story
    result = CliRunner().invoke(cli, ["enrich", "--db", str(tmp_path / "apart.db"), "--redo", "stories",
                                      "--set", "enrich.jobs=1"])
    assert result.exit_code == 0, result.output
    store = open_store(tmp_path / "apart.db", settings=SETTINGS)
    try:
        assert (_outputs(store)["stories"], store.rows("SELECT id, label, articles FROM stories ORDER BY id")) == wanted
    finally:
        store.close()


def test_most_reported_quotes_put_talk_without_content_after_statements_carried_as_often(tmp_path):
    articles = {
        f"{n}.txt": (f"Bridge to reopen, says Hale\n2025030{n}\nhttps://www.site{n}.example.com/news/bridge\n"
                     "Welcome back, Ms Lund told viewers.\n"
                     "The Kessling bridge will reopen to traffic on Monday, Ms Hale told reporters.\n")
        for n in (4, 5)
    }
    store = build(tmp_path, "talk", [["4.txt", "5.txt"]], articles)
    try:
        found = [(q["text"], q["reports"]) for q in findings.distinct_quotes(store)]
        assert found == [("Welcome back", 2), ("The Kessling bridge will reopen to traffic on Monday", 2)]
        ranked = [(q["text"], q["reports"]) for q in findings.distinct_quotes(store, most_reported=True)]
        assert ranked == [("The Kessling bridge will reopen to traffic on Monday", 2), ("Welcome back", 2)]
        assert len(findings.distinct_quotes(store, most_reported=True, limit=1)) == 1
    finally:
        store.close()
