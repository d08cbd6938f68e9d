"""shown_text.Restorer: stripped apostrophes put back in text shown to readers, where certain."""

from __future__ import annotations

from storyline.shown_text import Restorer

# A small story, written for these tests: names written alone and with a stripped possessive.
STORY = [
    "Protesters gathered outside the palace of President Tomas Valdor on Monday.",
    "Police in Norvale said the crowd was peaceful.",
    "Valdors government called the protest illegal.",
    "The army of Norvale stayed in its barracks, Valdor said.",
    "We dont want violence, one protester said.",
]


def test_possessives_of_the_storys_names_and_contractions_come_back():
    restore = Restorer(STORY)
    assert restore("Valdors government called the protest illegal.") == "Valdor's government called the protest illegal."
    assert restore("In Norvales capital, people said they dont trust him.") == \
        "In Norvale's capital, people said they don't trust him."


def test_text_without_anything_to_restore_is_returned_unchanged():
    restore = Restorer(STORY)
    text = "Police in Norvale said the crowd was peaceful."
    assert restore(text) is text


def test_a_capitalised_common_word_is_no_name():
    # "Was" is written in lower case far more often than with a capital: "Wa" is no name
    # even when a sentence writes it capitalised after its first word.
    texts = STORY + ["The leader, Wa Lin, was there.", "It was late.", "He was tired."]
    assert Restorer(texts)("Was it the plan?") == "Was it the plan?"


def test_a_name_that_ends_in_s_keeps_it():
    # "Kellings said", "Kellings." show the s is the name's: no "Kelling's" anywhere.
    texts = STORY + ["Minister Dana Kellings said the talks would go on.", "The talks were led by Dana Kellings.",
                     "A reporter asked Kelling about it."]
    assert Restorer(texts)("Kellings aides left early.") == "Kellings aides left early."


def test_a_name_written_mostly_in_lower_case_is_no_name():
    texts = ["The president spoke.", "A president must listen.", "Aides of the President left.",
             "The president said no."]
    assert Restorer(texts)("Presidents aides left.") == "Presidents aides left."


def test_the_and_a_name_with_its_s_before_a_name_stays():
    texts = STORY + ["He studied with John Ferro and John Wills."]
    assert Restorer(texts)("He taught at the Johns Bay Institute.") == "He taught at the Johns Bay Institute."
    assert Restorer(texts)("Johns father was a baker.") == "John's father was a baker."


def test_a_fused_handle_is_shown_as_written():
    texts = STORY + ["Voters chose Ana Lorenz.", "Her party, led by Lorenz, won."]
    assert Restorer(texts)("AnaLorenz thanked voters.") == "AnaLorenz thanked voters."


def test_no_texts_still_restores_contractions_only():
    restore = Restorer([])
    assert restore("They cant stay, and Valdors aides know it.") == "They can't stay, and Valdors aides know it."


def test_names_the_caller_knows_count_as_names():
    assert Restorer([])("Valdors aides left.") == "Valdors aides left."
    assert Restorer([], names=["Tomas Valdor"])("Valdors aides left.") == "Valdor's aides left."
