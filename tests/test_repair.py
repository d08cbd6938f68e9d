"""nlp.repair: stripped apostrophes and fused handles restored, offsets kept."""

from __future__ import annotations

import pytest

from storyline.nlp.repair import Repaired, article_names, possessive_base, repair


def test_contractions_restored_with_offsets():
    text = "We dont think they cant win, and isnt that the point?"
    r = repair(text)
    assert r.text == "We don't think they can't win, and isn't that the point?"
    assert r.inserted == (6, 23, 38)
    # The inserted apostrophe maps to the original character after it ("t").
    assert [r.to_original(i) for i in r.inserted] == [6, 22, 36]
    assert text[r.to_original(6)] == "t"
    # Every repaired character that is not inserted maps back to itself.
    for i, ch in enumerate(r.text):
        if i not in r.inserted:
            assert text[r.to_original(i)] == ch
    assert r.to_original(len(r.text)) == len(text)


def test_possessive_of_known_name_restored():
    r = repair("Mr Bidens plan angered Russias allies.", known_names={"Biden", "Russia"})
    assert r.text == "Mr Biden's plan angered Russia's allies."
    assert r.inserted == (8, 30)
    assert r.to_original(8) == 8  # the "s" of "Bidens"
    assert r.to_original(31) == 29


def test_possessive_needs_known_base():
    assert repair("Bidens plan", known_names=set()).text == "Bidens plan"


def test_plurals_and_demonyms_stay():
    known = {"American", "Ukrainian", "Democrat", "Biden"}
    text = "Americans and Ukrainians backed Democrats fears, the Bidens said."
    assert repair(text, known).text == text


def test_possessive_not_before_plural_verb():
    assert repair("Bidens said", {"Biden"}).text == "Bidens said"
    assert repair("Serena Williams plan", {"William"}).text == "Serena Williams plan"


def test_ambiguous_words_only_with_context():
    r = repair("Its a deal, but its army and well, we were told were going home.")
    assert r.text == "It's a deal, but its army and well, we were told we're going home."
    # "were" after its own subject stays; at a clause's start it is "we're"
    assert repair("The troops were not withdrawn, and they were all tired.").text == \
        "The troops were not withdrawn, and they were all tired."
    assert repair("Protesters who were going home said were not leaving.").text == \
        "Protesters who were going home said we're not leaving."
    assert repair("Were going to win. But were not there yet.").text == "We're going to win. But we're not there yet."



def test_a_lower_case_possessive_in_ys_is_restored():
    assert repair("The countrys army and the partys leader met for three days.").text == \
        "The country's army and the party's leader met for three days."
    # a plural's spelling or a verb keeps its s: no consonant before the y, or no noun after it
    assert repair("The keys and the boys stayed; the rallys in May were large.").text == \
        "The keys and the boys stayed; the rallys in May were large."


def test_ive_after_a_name_is_a_surname():
    assert repair("Jony Ive said Ive been busy.").text == "Jony Ive said I've been busy."


def test_fused_parliamentary_handles_split():
    text = "Foreign Secretary JaneHaleMP met BWallaceMP."
    r = repair(text)
    assert r.text == "Foreign Secretary Jane Hale MP met B Wallace MP."
    start = r.text.index("Jane Hale")
    assert text[r.to_original(start): r.to_original(start + len("Jane Hale"))] == "JaneHale"


def test_camel_case_split_only_for_known_parts():
    assert repair("met TomasBerg today", {"Tomas", "Berg"}).text == "met Tomas Berg today"
    assert repair("met TomasBerg today", set()).text == "met TomasBerg today"
    assert repair("at McDonalds and YouTube", {"Mc", "Donalds", "Tube"}).text == \
        "at McDonalds and YouTube"
    # the Arabic article joined to a surname is the name as written; a given name is not
    assert repair("met ElBaradei and AlGore", {"El", "Baradei", "Al", "Gore"}).text == \
        "met ElBaradei and Al Gore"


def test_text_with_apostrophes_unchanged():
    text = "Biden's aides don't say it's over."
    assert repair(text, {"Biden"}).text == text


@pytest.mark.parametrize("odd", ["", " ", "\u200b\u200b", "x" * 100_000, "😀 dont 😀", None, 42])
def test_odd_input_never_raises(odd):
    r = repair(odd)  # type: ignore[arg-type]
    assert isinstance(r, Repaired)
    if isinstance(odd, str):
        assert r.text.replace("'", "") == odd
        assert r.to_original(len(r.text)) == len(odd)


def test_emoji_offsets():
    text = "😀 dont"
    r = repair(text)
    assert r.text == "😀 don't"
    assert r.to_original(r.text.index("'")) == text.index("t")


def test_article_names_skips_sentence_initial_words():
    names = article_names(["Officials met Biden in Kyiv.", "Russia said no. Putin agreed."])
    assert names == {"Biden", "Kyiv"}


def test_possessive_base_by_form_alone():
    assert possessive_base("Bidens") == "Biden"
    assert possessive_base("Northfords") == "Northford"
    for word in ("Americans", "Democrats", "Williams", "Ross", "Xs", "bidens", "", None):
        assert possessive_base(word) is None  # type: ignore[arg-type]


def test_a_plural_name_is_no_stripped_possessive():
    # "Secretary of State" makes "State" a name of the article: "United States" stays.
    texts = ["Secretary of State Hillary Clinton spoke on Monday.", "It differs where the United States was trying."]
    known = article_names(texts)
    assert "State" in known
    assert repair(texts[1], known).text == texts[1]
    assert repair("Philippines officials met.", {"Philippine"}).text == "Philippines officials met."
    assert repair("Mr Bidens plan failed.", {"Biden"}).text == "Mr Biden's plan failed."


def test_possessive_of_a_known_place_never_written_alone():
    # "Kingdom" and "Europe" are never written alone, but they are known places' names
    r = repair("Vellmark will supply the United Kingdoms Royal Navy with ships.")
    assert r.text == "Vellmark will supply the United Kingdom's Royal Navy with ships."
    assert repair("Hong Kongs Legislative Council met.").text == "Hong Kong's Legislative Council met."
    assert repair("Vellmark , Europes biggest shipyard , said").text == "Vellmark , Europe's biggest shipyard , said"
    assert repair("Chinas exports rose.").text == "China's exports rose."
    # a plural before a verb, a one-word base that is no known place, a given name
    assert repair("the Chinas are one").text == "the Chinas are one"
    assert repair("the Kingdoms Royal Navy").text == "the Kingdoms Royal Navy"
    assert repair("Frances Arnholt spoke.").text == "Frances Arnholt spoke."
    assert repair("Chinas Foreign Ministry").text == "Chinas Foreign Ministry"


def test_a_capitalised_ill_before_a_verb_is_i_will():
    assert repair("And Ill say it again.").text == "And I'll say it again."
    assert repair("I think Ill take three questions.").text == "I think I'll take three questions."
    for text in ("Ill health forced him out.", "He lives in Chicago, Ill. now", "She fell ill at home."):
        assert repair(text).text == text
