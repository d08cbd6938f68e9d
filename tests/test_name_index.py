"""The entity resolver's state in the store (canonical_index): the same ids as in memory,
nothing held between batches, old JSON states moved in, rolled-back batches forgotten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import enrich, pipeline
from storyline.canonical import NameResolver
from storyline.canonical_index import StoredMap, set_codec
from storyline.ingest import ingest
from storyline.nlp.analyze import analyze
from storyline.records import Mention, Span
from storyline.settings import Settings
from storyline.store import articles as db

REPO = Path(__file__).resolve().parents[1]
SETTINGS = Settings({"enrich.jobs": 1, "ingest.jobs": 1})
UNCACHED = Settings({"entities.index_cache": 0})


def M(text: str, label: str = "PERSON", article: str = "a1") -> Mention:
    return Mention(article, Span(0, 0, len(text), text), label)


def held(resolver: NameResolver) -> int:
    return sum(len(m._held) for m in resolver._maps())


def test_a_surname_seen_first_joins_the_full_name_of_a_later_batch(store):
    r = NameResolver(UNCACHED, store)
    with store.transaction():
        [short] = r.add([M("Mr Biden")], "s1")
        r.flush()
    assert held(r) == 0
    with store.transaction():
        [full] = r.add([M("Joe Biden")], "s1")
        assert r.take_merged() == [short]
        r.flush()
    assert r.canonical_id(short) == full
    again = NameResolver(store=store)  # a new process on the same store continues
    assert again.add([M("Biden")], "s1") == [full]
    assert again.named("Joe Biden") == full and again.named("Biden") == full
    assert [(e.name, e.mentions) for e in again.entities()] == [("Joe Biden", 3)]


def test_a_bare_given_name_joins_a_recurring_person_with_the_store_too(store):
    # the rule reads how many stories a person was seen in: rows of name_groups here
    r = NameResolver(UNCACHED, store)
    with store.transaction():
        before = r.add([M("Tarik", article="a0")], "s0")[0]
        full = r.add([M("Tarik Sollani", article="a1")] * 2, "s1")[0]
        r.flush()
    with store.transaction():
        r.add([M("Tarik Sollani", article="a2")], "s2")
        after = r.add([M("Tarik", article="a3")], "s3")[0]
        r.flush()
    assert after == full != "" and r.canonical_id(before) == full


def test_a_shared_form_names_no_one(store):
    r = NameResolver(store=store)
    with store.transaction():
        a, b = r.add([M("Anna Berg"), M("Tomas Berg")], "s1")
        r.flush()
    assert r.named("Anna Berg") == a and r.named("Tomas Berg") == b
    assert r.named("Berg") == ""  # neither form is "Berg"
    memory = NameResolver()
    memory.add([M("Anna Berg"), M("Tomas Berg")], "s1")
    assert memory.named("Berg") == "" and memory.named("Anna Berg") == a


def test_a_rolled_back_batch_is_forgotten(store):
    r = NameResolver(store=store)
    with store.transaction():
        r.add([M("Jane Hale")], "s1")
        r.flush()
    with pytest.raises(RuntimeError), store.transaction():
        r.add([M("Tomas Berg")], "s1")
        raise RuntimeError("the batch fails")
    r.forget()
    assert [e.name for e in NameResolver(store=store).entities()] == ["Jane Hale"]
    assert store.scalar("SELECT COUNT(*) FROM name_groups") == 1


def test_an_old_json_state_moves_into_the_index_once(store):
    old = NameResolver()
    old.add([M("Mr Biden"), M("Joe Biden"), M("Nato", "ORG"), M("Tomas Berg")], "s1")
    with store.transaction():
        store.execute("INSERT INTO stage_state (name, state, updated_at) VALUES (?, ?, ?)",
                      (enrich.RESOLVER_STATE, json.dumps(old.to_state()), "2025-01-01T00:00:00Z"))
    moved = enrich.load_resolver(store, SETTINGS)
    assert store.scalar("SELECT COUNT(*) FROM stage_state WHERE name = ?", (enrich.RESOLVER_STATE,)) == 0
    assert moved.entities() == old.entities()
    assert moved.to_state() == old.to_state()
    assert moved.add([M("Biden")], "s1") == old.add([M("Biden")], "s1")


@pytest.fixture(scope="module")
def example_findings(tmp_path_factory):
    """Every example-corpus article's findings, as enrich would resolve them, in order."""
    from storyline.store import open_store

    s = open_store(tmp_path_factory.mktemp("names") / "x.db", settings=SETTINGS)
    ingest(s, [str(REPO / "examples" / "corpus")], settings=SETTINGS)
    pipeline.run_stages(s, settings=SETTINGS, only=["clean", "dedup"])
    articles = db.load_articles(s, db.pending(s, enrich.STAGE))
    texts = [enrich.article_text(s, a, SETTINGS) for a in articles]
    groups = enrich._group_of(s, [a.id for a in articles])
    s.close()
    return [(f, groups[f.article_id]) for f in analyze(texts, SETTINGS)]


@pytest.mark.parametrize("cache", [0, 5, 5000])
def test_the_store_backed_resolver_gives_the_ids_memory_gives(store, example_findings, cache):
    settings = Settings({"entities.index_cache": cache})
    memory, stored = NameResolver(settings), NameResolver(settings, store)
    assert len(example_findings) > 20
    for start in range(0, len(example_findings), 7):  # batches of 7 articles
        with store.transaction():
            stored.begin()
            stored.prefetch((f.mentions, g) for f, g in example_findings[start:start + 7])  # PostgreSQL only
            for found, group in example_findings[start:start + 7]:
                assert stored.add(found.mentions, group) == memory.add(found.mentions, group), found.article_id
            stored.flush()
        assert all(len(m._held) <= cache for m in stored._maps())
    assert stored.entities() == memory.entities()
    forms = {v for e in memory.entities() for v in (e.name, *e.variants)}
    assert len(forms) > 50
    assert {f: stored.named(f) for f in forms} == {f: memory.named(f) for f in forms}
    assert stored.to_state() == memory.to_state()


def test_two_writers_taking_turns_see_each_others_batches(store, example_findings):
    # Two processes enriching one store in turn (a second storyline run beside a watch):
    # each notices the other's flush and reads afresh, so together they give what one gives.
    memory = NameResolver(SETTINGS)
    writers = [NameResolver(SETTINGS, store), NameResolver(SETTINGS, store)]
    for n, start in enumerate(range(0, len(example_findings), 5)):
        r = writers[n % 2]
        with store.transaction():
            r.begin()
            for found, group in example_findings[start:start + 5]:
                assert r.add(found.mentions, group) == memory.add(found.mentions, group), found.article_id
            r.flush()
    assert NameResolver(SETTINGS, store).entities() == memory.entities()


def test_prefetch_reads_in_one_go_what_lookups_would_read(store, monkeypatch):
    with store.transaction():
        first = StoredMap(store, "t", set_codec())
        first["a"] = {"x"}
        first[("per", "b", "")] = {"y", "z"}
        first.flush()
    m = StoredMap(store, "t", set_codec())
    m.prefetch(["a", ("per", "b", ""), "missing"])
    monkeypatch.setattr(store, "scalar", lambda *a, **k: pytest.fail("a lookup went to the store"))
    assert m.get("a") == {"x"} and m[("per", "b", "")] == {"y", "z"}
    assert "missing" not in m and m.get("missing", "default") == "default"


def test_a_misspelled_place_joins_with_the_store_and_leaves_no_absent_spellings_held(store):
    # the ~450 one-edit spellings are probed in a few queries; the absent ones are not kept
    r = NameResolver(UNCACHED, store)
    with store.transaction():
        for i in range(20):
            r.add([M("Kestavia", "GPE", f"a{i}")], f"s{i}")
        r.flush()
    with store.transaction():
        [slip] = r.add([M("Kestavja", "GPE", "b1")], "s30")
        assert held(r) < 50
        r.flush()
    again = NameResolver(store=store)
    assert [(e.name, e.mentions) for e in again.entities()] == [("Kestavia", 21)]
    assert again.named("Kestavia") == slip
