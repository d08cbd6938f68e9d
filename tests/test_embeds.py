"""Social embeds: flattened posts recognised and attributed to their account."""

from __future__ import annotations

import datetime as dt

import pytest
from noise_fixtures import TWEET, TWEET_TAIL, ingested_store

from storyline import embeds


def test_a_post_with_its_tail_names_account_name_and_date():
    found = embeds.detect("Great day at the regatta pic.twitter.comAb12Cd34 — Orla Finch (orlafinch_pl) 8 March 2025", "a", 3)
    assert found == embeds.Embed("a", 3, "twitter", "orlafinch_pl", "Orla Finch", dt.date(2025, 3, 8), (), False)


def test_a_tail_on_its_own_line():
    assert embeds.detect(TWEET_TAIL) == embeds.Embed("", 0, "twitter", "PortlakeHarbour", "Portlake Harbour Authority",
                                                     dt.date(2025, 3, 3), (), False)


def test_a_post_body_without_tail_keeps_its_fused_handles_as_mentions():
    found = embeds.detect(TWEET)
    assert (found.platform, found.account, found.mentions) == ("twitter", "", ("AlanaReeves",))


@pytest.mark.parametrize(("line", "platform", "account"), [
    ("Read the thread at twitter.comPortlakeHarbourstatus1897654321098765432", "twitter", "PortlakeHarbour"),
    ("A post shared by Blue Gull Lines (bluegull.lines) on Mar 2, 2025 at 9:14am PST", "instagram", "bluegull.lines"),
    ("View this post on Instagram", "instagram", ""),
    ("Watch the lift go up https:t.coQw3rTy12", "twitter", ""),
    ("Our crew at work tiktok.combluegulllines", "tiktok", "bluegulllines"),
])
def test_other_traces_of_embeds(line, platform, account):
    found = embeds.detect(line)
    assert (found.platform, found.account) == (platform, account)


@pytest.mark.parametrize("line", [
    "The harbour authority said on Twitter that the bridge would stay shut.",
    "McDonald and DeSantis met in the town hall — a first for Portlake.",
    "Reeves - who took over in 2021 (after a vote) - said March 3, 2025 was a hard day.",
    "",
    "🙂",
    "x" * 10_000,
])
def test_editorial_lines_are_not_embeds(line):
    assert embeds.detect(line) is None


def test_an_article_with_one_account_lends_it_to_its_body_line():
    found = embeds.detect_all("a", ["Some text.", TWEET, TWEET_TAIL])
    assert [(e.sentence_index, e.account, e.inferred) for e in found] == [
        (1, "PortlakeHarbour", True), (2, "PortlakeHarbour", False)]


def test_two_accounts_lend_nothing():
    other = "— Blue Gull Lines (BlueGullLines) March 3, 2025"
    found = embeds.detect_all("a", [TWEET, TWEET_TAIL, other])
    assert [(e.account, e.inferred) for e in found] == [("", False), ("PortlakeHarbour", False), ("BlueGullLines", False)]


def test_embeds_are_stored_by_account_for_the_quotes_layer(tmp_path):
    store = ingested_store(tmp_path)
    lake = store.scalar("SELECT id FROM articles WHERE url LIKE '%lakeshorenews%'")
    stored = embeds.embeds_for(store, [lake])
    assert [(e.sentence_index, e.account, e.inferred) for e in stored] == [(7, "PortlakeHarbour", True),
                                                                         (13, "PortlakeHarbour", False)]
    assert embeds.by_account(store, "@portlakeharbour") == stored
    assert embeds.Embed.from_dict(stored[1].to_dict()) == stored[1]
