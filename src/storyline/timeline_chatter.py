"""Lines of a crawl that tell no news: a broadcast's own furniture, and talk without content.

Crawled broadcast transcripts mix the news with the programme's furniture: its sign-on
(``From the newsroom, this is WEEKEND EDITION.``), teasers and breaks (``Coming up, ...``,
``Stay with us.``, ``We'll be right back.``, ``Welcome back.``) and its schedule (``The
interview airs Tuesday at 9 p.m.``), the presenter pointing at the screen or to the next item
(``You're looking at live pictures of ...``, ``Time for our look at ...``), and a page pointing to
a document it carries (``Here is the text of the address``). They name the day they were spoken, so a day's pool takes
them, and as the transcript's own words they sit near its centroid; none tells what happened.
:func:`broadcast_furniture` finds them: a timeline never chooses one.

Talk between presenters also yields lines with no content word beyond deixis and discourse
words (``And tonight there is some movement on that.``, ``Tonight is a night for joy.``):
:func:`without_content` finds a line with no name, no number and at most one content word,
which a timeline scores down (``timeline.empty_penalty``).

Two more kinds of line are no entry though they name a day. Reflective talk counts the days
back from the day it was spoken (``Five weeks ago it was hard to picture this.``, ``It was only a
rumour ten days ago.``): its date is a count, not an event, and it tells what someone felt.
A page's caption of its video or clip is a whole line with a name and a verb of the clip in
the present tense (``The network's Ana Ruiz, host of Morning Desk, discusses the vote.``,
``Our correspondent reports from the harbour.``): it tells what the clip is about, not what
happened. :func:`reflection` and :func:`clip_caption` find them: a timeline never chooses one.

A broadcast's conversation is talk too, even with content: an anchor's or a guest's turn
(``SMITH: Well, no, there were more people out today.``), a turn's caption inside a line that
the crawler ran together (``... across the region. JONES (voice-over): Today, ...``), a
stammer (``I - I have ...``, ``the -- the police``), a discourse opener (``Well, ...``, ``You
know, ...``, ``Look, ...``) and words to the audience (``You see all these people ...``, ``as
you can see``, ``you know``). It tells what someone said on air, where a report of the same
day tells what happened: :func:`broadcast_talk` finds it, and a timeline or a summary scores
it down (``timeline.talk_penalty``, ``summary.talk_penalty``).

Crawls strip apostrophes (``well be right back``, ``dont go away``), so every pattern takes
both spellings.
"""

from __future__ import annotations

import re

from .timeline_text import entry_text

__all__ = ["broadcast_furniture", "without_content", "content_words", "reflection", "clip_caption",
           "speaker_caption", "broadcast_talk"]

# A show's name in capitals after "this is" (at least two words, or a network's initials):
# "this is WEEKEND EDITION", "This is CNN", "this is THE EVENING HOUR".
_NETWORK = r"(?:CNN|HLN|BBC|NPR|PBS|MSNBC|CNBC|ABC|NBC|CBS|FOX|ITV|CBC|RTE|SKY)"
_SHOW = r"(?:THE\s+)?[A-Z0-9][A-Z0-9&'.-]+(?:\s+[A-Z0-9][A-Z0-9&'.-]*)+"
_SIGN_ON = re.compile(r"\b[Tt]his is\s+(?:" + _SHOW + r"|" + _NETWORK + r")\b(?![a-z])")
_TEASER = re.compile(
    r"^(?:(?:And|But|Now|Still|Also|Plus|Well|still|also)[, ]+)*(?:[Cc]oming up|[Uu]p next|[Ww]elcome back|[Aa]head on)\b"
    r"|\b(?:[Ss]tay|[Ss]tick) with us\b"
    r"|\b(?:[Ww]e(?:'|\u2019)?ll|[Ww]e will|I(?:'|\u2019)?ll) be (?:right )?back\b"
    r"|\b[Dd]on(?:'|\u2019)?t go away\b"
    r"|\b(?:after|before) (?:this|the|a) (?:short |quick )?break\b"
    r"|\b(?:airs|will air|tune in)\b[^.]{0,40}?\bat \d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b"
    # the presenter pointing at the screen or to the next item: "You're looking at live
    # pictures of ...", "Time for our look at the other news ..."
    r"|^(?:(?:And|Now|Well)[, ]+)*(?:You(?:'|\u2019)?re|You are) (?:looking at|watching|seeing)\b"
    r"|^(?:(?:And|Now|Well)[, ]+)*(?:It(?:'|\u2019)?s |Its )?[Tt]ime (?:now )?for (?:our|a look|a quick|a check)\b"
    # a page pointing to a document it carries: "Here is the text of the address",
    # "here's a full transcript and video"
    r"|\b[Hh]ere(?: is|(?:'|\u2019)?s| are) (?:the |a )?(?:full |complete |partial )?"
    r"(?:text|transcript|list|timeline)s?\b")


# Words one of the patterns above needs: most lines have none, and only those are matched
# (a substring test costs a fraction of the patterns' scan).
_CUES = ("this is", "coming up", "up next", "welcome back", "ahead on", "with us", "be right back", "be back",
         "go away", " break", "airs ", "will air", "tune in", "looking at", "watching", "seeing", "time for",
         "here is", "here are", "heres", "here's", "here\u2019s")


def broadcast_furniture(text: str) -> bool:
    """Whether a line is a broadcast's sign-on, teaser, break or schedule, the presenter's
    pointer to the screen or the next item, or a page's pointer to a document (see the module)."""
    lower = text.lower()
    if not any(cue in lower for cue in _CUES):
        return False
    return _SIGN_ON.search(text) is not None or _TEASER.search(text) is not None


# Words that carry no content of their own in a news line: time and place deixis, discourse
# words and the most general verbs and nouns ("some movement on that").
_EMPTY = frozenset("""
    today tonight now yesterday tomorrow day days week weeks month year time times moment
    morning afternoon evening night ago later earlier soon here there right just really
    actually certainly course okay ok yes yeah oh well know think thing things lot way kind
    sort going go goes gone come comes coming get got say says said tell told look looks see
    seen let make want like good great big little new old people guys sure
    im youre theyre weve ive dont its thats theres whats lets
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december
""".split())   # "may" is a stop word already
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d")
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"(?<![A-Za-z'\u2019-])[A-Z][A-Za-z'\u2019-]*")


def content_words(text: str) -> list[str]:
    """A line's words that say something: not English stop words (scikit-learn's list, as the
    timeline's vectors use), not deixis or discourse words (``_EMPTY``)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return [w for w in (t.lower().replace("'", "").replace("\u2019", "") for t in _TOKEN.findall(text))
            if w not in ENGLISH_STOP_WORDS and w not in _EMPTY]


def without_content(text: str) -> bool:
    """Whether a line has no name (a capitalised word after its first that is not a day or
    month: those are deixis too), no number and at most one content word: talk, not news."""
    first = _TOKEN.search(text)
    if first is None:
        return True
    if _DIGIT.search(text) is not None or any(
            m.group() != "I" and m.group().lower() not in _EMPTY for m in _CAPITAL.finditer(text, first.end())):
        return False
    return len(content_words(text)) <= 1


# A count of time back from the day a line was spoken: "18 days", "nineteen days", "a few weeks".
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a hundred)")
_COUNT = (r"(?:\d+|" + _NUMBER_WORD + r"(?:[- ]" + _NUMBER_WORD + r")?|a few|a couple of|several)")
_SPAN = _COUNT + r"\s+(?:days?|weeks?|months?|years?|hours?)"
_LEAD = r"^(?:(?:And|But|So|Just|Only|Well)[, ]+)*"
# "N days ago it was ...", "It was ... N days ago" or "It was N days ...": the line is about
# the count itself; "Three days ago police fired on the crowd" tells an event, and "It was the
# second blast in three days" counts events, not days back: both are kept.
_REFLECTION = re.compile(
    _LEAD + r"(?:" + _SPAN + r" ago,?\s+(?:it|this|that)\s+(?:was|seemed|would|had)\b"
    r"|(?:It|This|That)\s+(?:was|seemed)\s+(?:[^.;:]{0,60}?\b" + _SPAN + r" ago\b"
    r"|(?:just |only |barely |exactly )?" + _SPAN + r"\b))", re.IGNORECASE)


# Words the pattern needs ("ago", or "it/this/that was/seemed"): most lines have neither.
_REFLECTION_CUE = re.compile(r"\bago\b|\b(?:it|this|that)\s+(?:was|seemed)\b", re.IGNORECASE)


def reflection(text: str) -> bool:
    """Whether a line is reflective talk about a count of days back (see the module), read
    without the page's furniture (``timeline_text.entry_text``: an update stamp comes first)."""
    return _REFLECTION_CUE.search(text) is not None and _REFLECTION.search(entry_text(text)) is not None


# A clip's caption: names (capitalised words, a possessive such as "CNNs"), an appositive
# between commas ("host of Morning Desk"), then a present-tense verb of the clip.
_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|of|the|de|al|bin|van|von))*"
# ("talks to", "speaks with" are left out: a headline's present tense, "Leader talks to the nation")
_CLIP_VERB = r"(?:discusses|reports (?:on|from)|weighs in on|breaks down|explains|examines|analy[sz]es|looks at)"
_CLIP = re.compile(_NAME + r"(?:,\s[^,.;:]{1,60},)?\s+" + _CLIP_VERB + r"\b")
_CLIP_CUE = re.compile(r"\b" + _CLIP_VERB + r"\b")


def clip_caption(text: str) -> bool:
    """Whether a whole line is a caption of the page's video or clip (see the module): the
    line begins with the name and the verb, read without the page's furniture (an update
    stamp, a dateline: ``timeline_text.entry_text``)."""
    return _CLIP_CUE.search(text) is not None and _CLIP.match(entry_text(text)) is not None


# A broadcast transcript's speaker caption: "WATSON: ...", "COOPER (voice over): ...".
_CAPTION = re.compile(r"^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)(?:, [A-Z][A-Z ,.'-]+)?(?: \([a-z -]+\))? ?:")
# Page labels written the same way, which introduce news, not a speaker.
_PAGE_LABELS = frozenset("UPDATE UPDATED BREAKING WATCH VIDEO PHOTOS LIVE EXCLUSIVE ANALYSIS OPINION "
                         "NEW CORRECTION EDITORS NOTE READ MORE".split())


def speaker_caption(text: str) -> bool:
    """Whether a line begins with a transcript's speaker caption (``BLITZER: ...``), not a
    page label written the same way (``UPDATE: ...``)."""
    caption = _CAPTION.match(text)
    return caption is not None and not set(caption.group(1).split()) <= _PAGE_LABELS


# A turn's caption inside a line that the crawler ran together: a name in capitals of two
# letters or more with its role in brackets ("... region. JONES (voice-over): Today, ..."), or
# after the end of the turn before, a stop or a dash ("... we have - LEE: ..."); not "told
# CNN: ...", which quotes a statement.
_MID_NAME = r"((?:[A-Z][A-Z.'-]*[A-Z.] )*[A-Z][A-Z'-]*[A-Z])"
_MID_CAPTION = re.compile(r"(?<=[\w.,;!?-] )" + _MID_NAME + r" \([a-z -]+\): (?=[A-Z])"
                          r"|(?<=[.!?-] )" + _MID_NAME + r": (?=[A-Z])")
# One word said twice across a dash: "I - I have", "the -- the police".
_STAMMER = re.compile(r"\b(\w+) -{1,2} \1\b", re.IGNORECASE)
# A discourse opener before a comma, after an "And"/"But" at most: "Well, ...", "You know, ...",
# "Of course, ..." (on the Egypt crawl's store 19 of 29,771 lines begin so: talk or comment).
_OPENER = re.compile(r"^(?:(?:And|But|So)[, ]+)?(?:Well|You know|I mean|Look|Listen|Oh|Yeah|Yes|No|Okay|OK|Sure|So|Now|Of course)\s*,")
# Words to the audience: "You see all these ...", "as you can see", "you know", "you'll remember".
_TO_AUDIENCE = re.compile(r"\b[Yy]ou(?:(?:'|\u2019)?ll)? (?:see|can see|could see|know|remember|will remember|may remember"
                          r"|might remember|can imagine|are looking|(?:'|\u2019)?re looking)\b")


def broadcast_talk(text: str) -> bool:
    """Whether a line is a broadcast's conversation (see the module): a speaker caption at
    its start or inside it, a stammer, a discourse opener or words to the audience."""
    if speaker_caption(text) or _STAMMER.search(text) or _OPENER.match(text) or _TO_AUDIENCE.search(text):
        return True
    return any(not set((m.group(1) or m.group(2)).split()) <= _PAGE_LABELS for m in _MID_CAPTION.finditer(text))
