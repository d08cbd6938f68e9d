"""Rules for references to the present, the past and the future: PRESENT_REF, PAST_REF,
FUTURE_REF.

``now``, ``currently``, ``these days``, ``at present``; ``recently``, ``the past``, ``long
ago``; ``the future``, ``in future``, ``soon``, ``shortly``, ``the long term``, ``a later
date``, ``someday``. Most of these words also have other uses (``present`` the verb, ``the
future king``, ``soon`` in a story told in the past, ``the long-term outlook``), which the
readers here rule out.
"""

from __future__ import annotations

import re

from . import temporal_lexicon as lex
from .temporal_grammar import Context, rule, words
from .temporal_relative import B, E, _norm

# After "the future", a name or a title makes it an adjective: who someone was to become.
_FUTURE_TITLE = re.compile(r"\s+(?:[A-Z][a-z]|(?:king|queen|prince|princess|emperor|empress|president|prime\s+minister"
                           r"|chancellor|wife|husband|bride|leader|pope|heir|owner|champion)\b)")


# "soon" between "was"/"were" and a participle, or before a verb in the past: soon after a
# moment of the story, not ahead of publication (12 and 16 characters: the words around it).
_TOLD_IN_THE_PAST = re.compile(r"\b(?:was|were)\s+(?:soon|shortly)\b|(?<!\bto\s)(?<!will\s)(?<!would\s)(?<!could\s)"
                               r"(?<!might\s)(?<!\bmay\s)(?<!\bcan\s)(?<!should\s)(?<!\bmust\s)"
                               r"\b(?:soon|shortly)\s+(?:became|began|came|went|fell|rose|found|left|spread|grew|gave|took"
                               r"|made|saw|lost|won|led|broke|fled|[a-z]{3,}ed)\b", re.IGNORECASE)


# Only the unambiguous words: on the TimeBank development documents the adjectives
# "current", "recent" and "future" and the adverbs "previously"/"formerly" were left
# untagged by the annotators more often than tagged.
@rule("present_ref", needs=words("now", "currently", "nowadays", "days", "present"), pattern=B + r"(?:(?:just|until|for)\s+)?(?P<tx>(?:right\s+)?now|currently|nowadays|these\s+days"
      r"|the\s+present(?:\s+day)?|present)" + E)
def _present_ref(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if _norm(m["tx"]) == "now" and _NOW_AND_THEN.match(ctx.text, m.end()) and (
            ctx.word_before(m.start()) == "every" or _NOW_AND_THEN_ENDS.match(ctx.text, m.end())):
        # "every now and again", "we see them now and then.": from time to time, not the
        # present ("is here now and then he will leave" keeps its now)
        return None
    if _norm(m["tx"]) == "present" and ctx.word_before(m.start("tx")) != "at":
        return None  # "present" is mostly the verb or "present at the meeting"
    if _norm(m["tx"]) == "present" and _MEASURE_AFTER.match(ctx.text, m.end()):
        return None  # "at present levels the dollar is fair": the adjective of a measure
    return "DATE", "PRESENT_REF"


_NOW_AND_THEN = re.compile(r"\s+and\s+(?:then|again)\b", re.IGNORECASE)
_NOW_AND_THEN_ENDS = re.compile(r"\s+and\s+(?:then|again)\s*(?:[,.;:!?)]|$)", re.IGNORECASE)
# Measures after "at present" that make "present" their adjective ("at present levels").
_MEASURE_AFTER = re.compile(r"\s+(?:levels?|rates?|prices?|values?|trends?|conditions|exchange|output|production|volumes?"
                            r"|yields?|speeds?|staffing|strength)\b", re.IGNORECASE)


@rule("past_ref", needs=words("recently", "lately", "past", "ago"), pattern=B + r"(?P<tx>(?:more\s+|most\s+|until\s+)?recently|lately|the\s+(?:recent\s+|distant\s+)?past"
      r"|(?:a\s+)?long\s+(?:time\s+)?ago)" + E)
def _past_ref(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if _norm(m["tx"]).startswith("the") and _COUNTED.match(ctx.text, m.end()):
        return None  # "the past five sessions": "past" modifies a count of something else
    return "DATE", "PAST_REF"


# A number after "the past" makes "past" an adjective of the counted noun ("the past five
# sessions", "the past 20 trading days"); a count of time units is a duration rule's.
_COUNTED = re.compile(r"\s+(?:" + lex.RE_NUMBER + r")\b", re.IGNORECASE)


# A lower-case word after "the long term" that is no function word makes it an adjective.
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|but|as|for|is|was|will|would|to|in|of|than|that|because|if|while|when|at"
                         r"|with|by|from|on|the|it|we|they|he|she)\b)[a-z]")


@rule("future_ref", needs=words("future", "soon", "shortly", "term", "date", "possible", "someday", "day"), pattern=B + r"(?P<tx>the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|future\s+"
      + lex.RE_UNIT_PLURAL + r"|future|soon|shortly|the\s+(?P<term>near|nearer|short|shorter|medium|long|longer)[\s-]+term|a\s+later\s+date"
      r"|as\s+soon\s+as\s+possible|someday|some\s+day)" + E)
def _future_ref(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    word = _norm(m["tx"])
    if word == "future" and ctx.word_before(m.start()) != "in":
        return None  # the adjective ("future earnings") is not a date; "in future" is
    if word == "the future" and _FUTURE_TITLE.match(ctx.text, m.end()):
        return None  # "wed the future James II", "the future king": who someone was to become
    if word == "soon" and ctx.word_before(m.start()) == "as":
        return None  # "as soon as trading opened" is a conjunction
    if word in ("soon", "shortly") and _TOLD_IN_THE_PAST.search(ctx.text, max(0, m.start() - 12), m.end() + 16):
        return None  # "he was soon released", "a trickle that soon became a flood": soon after then
    if word in ("soon", "shortly") and re.match(r"\s+(?:before|after)\b", ctx.text[m.end():], re.I):
        return None  # "shortly before the merger" is anchored to an event, not to today
    if m["term"] and (_NOUN_AFTER.match(ctx.text, m.end()) or m["tx"].endswith("Term")):
        return None  # "the long-term outlook", "the Long-Term Growth Fund": an adjective or a name
    return "DATE", "FUTURE_REF"
