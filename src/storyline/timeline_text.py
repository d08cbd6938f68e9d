"""What a timeline entry shows of a sentence: the sentence without the page's furniture.

Crawled lines carry the page's furniture with the sentence: a wire dateline before a lead
(``CAIRO (Reuters) -``, ``WASHINGTON, Feb 3 (AP) --``, ``LONDON -``), a live blog's update
stamp (``(Update 3:09 a.m. ET)``, ``UPDATE 2-``), a photo credit before or after a caption
(``(AP Photo/Dave Martin)``, ``Photograph: Gerald Herbert/AP``), an agency tag or a credit
line at the end (``(Reuters)``, ``(Reporting by ...; Editing by ...)``), a newspaper's page
stamp inside a fused first line (``Tuesday 11 May 2010 14.05 BST``), a list bullet and a
chronology's date label (``* April 29 -``: the entry shows its date already).
:func:`entry_text` removes them; the entry keeps its provenance (article, line) to the full
line. Attributions (``, he said``) are never cut: they say who claims what. A dateline with its
agency inside a line (``... Crews search the rubble Larkspur, Maine (CNN) -- A fire ...``) ends
the page's headline and highlights that the crawler fused into the lead's line: the entry
starts after it.

A line that begins in lower case mid-sentence (``in the main square as the speech ended.``)
was cut by the crawler or the sentence splitter, or is a reader's comment: it reads as a
fragment, so :func:`cut_off` finds it and neither a timeline nor a summary chooses it. A
word whose capital comes later (``iPhone``, ``eBay``) is a name, not a cut.

Brackets come plain or as Penn Treebank tokens (``-LRB-``/``-RRB-``, as in tokenised
corpora such as Timeline17), so every pattern accepts both.
"""

from __future__ import annotations

import re

__all__ = ["entry_text", "cut_off"]

_OPEN = r"(?:\(|\[|-LRB-|-LSB-)"
_CLOSE = r"(?:\)|\]|-RRB-|-RSB-)"
_DASH = r"(?:-{1,2}|\u2013|\u2014)"
# One word inside brackets: no space, no bracket, no PTB bracket token.
_TOKEN = r"(?:(?!-[LR][RS]B-)[^\s()\[\]])+"
_AGENCY = r"(?:Reuters|AP|AFP|CNN|Bloomberg|dpa|UPI|EPA|PA|Xinhua|IANS|ANI|BBC)"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A photographer's or agency's credit inside brackets: a few words naming a photo or an
# agency ("AP Photo/Dave Martin", "Dave Martin - AP", "By X -- Getty Images"); at most eight
# words, so a bracketed sentence ("(Of 569 people on duty, 221 were contractors.)") stays.
_CREDIT_WORDS = r"(?:Photo|Photos|Photograph|Picture|Image|Images|Getty|" + _AGENCY + r")"
_BRACKETED_CREDIT = (_OPEN + r"\s*(?=(?:" + _TOKEN + r"\s+){0,7}?(?:" + _TOKEN + r")?\b" + _CREDIT_WORDS + r"\b)"
                     r"(?:" + _TOKEN + r"\s*){1,8}?" + _CLOSE)
# A credit line that names its agency last ("Photograph: Gerald Herbert/AP").
_CREDIT_LINE = (r"(?:Photograph|Photo|Picture)\s*:\s*(?:\S+\s+){0,4}?\S*?"
                r"(?:" + _AGENCY + r"|Getty Images|Corbis|Rex Features|Rex|Alamy|guardian)\b"
                r"(?:\\?/[A-Z][\w-]*(?: Images)?)*")   # "HO/AFP/Getty Images"
_LEADING = [
    # list bullets
    re.compile(r"^(?:\\?\*|\u2022|\u00b7|>)\s*"),
    re.compile(r"^" + _DASH + r"\s+"),
    # a page's toolbar of short links, "This Story: Read + | Watch + | Talk + |"
    re.compile(r"^(?:''\s*)?(?:[^|]{0,25}\|\s*){3,}"),   # three links at least
    # a wire page's place-and-time header, "LARKSPUR | Wed Jun 3, 2009 4:18 pm BST", with
    # what the page put before it on the same line: "Full Article <headline>", a byline
    re.compile(r"^(?:.{0,200}?\s)??[A-Z][A-Z.'/-]+(?: [A-Z][A-Z.'/-]+){0,3}\s*\|\s*[A-Z][a-z]{2}\w*\s+" + _MONTH
               + r"\s+\d{1,2}\s*,\s*\d{4}\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{2,4}\s+"),
    # a live blog's bracketed update stamp, "(Update 3:09 a.m. Cairo, 8:09 p.m. ET)"
    # ... with one bracketed group inside it, "(Updated 5:45 p.m. (0045 in Cairo))"
    re.compile(r"^" + _OPEN + r"\s*(?:UPDATE|Update|Updated|UPDATED)\b(?:[^()]|\([^()]{0,30}\)){0,80}?" + _CLOSE + r"\s*"),
    # a wire slug, "UPDATE 2-", "REFILE-"
    re.compile(r"^(?:UPDATE|REFILE|CORRECTED|RPT)(?:\s*\d+)?\s*-\s*"),
    re.compile(r"^" + _BRACKETED_CREDIT + r"\s*"),
    re.compile(r"^(?:" + _CREDIT_LINE + r"|AP Photo\\?/[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)\s*"),
    # a caption's bare credit before the caption or lead: "AP", "Coast Guard via AP"
    re.compile(r"^(?:(?:[A-Z][\w.'-]*\s+){1,3}via\s+" + _AGENCY + r"|AP|AFP)\s+(?=[A-Z0-9])"),
    # a closing bracket left over from a nested stamp, "(Updated 5:31 p.m. (0031 in Egypt))",
    # or with the stamp's time zone when the sentence splitter cut the stamp after "p.m.":
    # "ET) Crowds gathered ..."
    re.compile(r"^(?:ET|EST|EDT|GMT|UTC|BST|CET|CEST|PT|PST|PDT|CT|CST|local time)?\s*" + _CLOSE + r"\s*"),
    # a Reuters cross-reference code, "(nN07171381)"
    re.compile(r"^" + _OPEN + r"\s*(?:ID\s*:\s*)?n[A-Z0-9]{8,12}\s*" + _CLOSE + r"\s*"),
    # a wire dateline: a place in capitals, maybe a region and a date, maybe an agency in
    # brackets (after a place in capitals any one-word agency: "(CPA)"), then a dash:
    # "HOUSTON, April 29 (Reuters) --", "CAIRO, Egypt (CNN) --"
    re.compile(r"^[A-Z][A-Z.'/-]{2,}(?: [A-Z][A-Z.'/-]+){0,3}"   # "FRANKFURT/PARIS (Reuters) -"
               r"(?:\s*,\s*[A-Z][a-z.]+(?: [A-Z][a-z.]+)?)?"
               r"(?:\s*,\s*" + _MONTH + r"\s+\d{1,2})?"
               r"(?:\s*" + _OPEN + r"\s*(?:" + _AGENCY + r"|[A-Z][A-Za-z]{1,11})\s*" + _CLOSE + r")?\s*" + _DASH + r"\s+"),
    # a dateline in any case when an agency follows: "Cairo, Egypt (CNN) --"
    re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?:\s*,\s*[A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
               r"(?:\s*,\s*" + _MONTH + r"\s+\d{1,2})?\s*" + _OPEN + r"\s*" + _AGENCY + r"\s*" + _CLOSE
               + r"\s*" + _DASH + r"\s+"),
    # a photographer's credit naming the paper or agency: "(By Ann Vale -- Associated Press)"
    re.compile(r"^" + _OPEN + r"\s*(?:By\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*" + _DASH
               + r"\s*(?:The\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*" + _CLOSE + r"\s*"),
    # a chronology's date label, "April 29 -", "29 April:"
    re.compile(r"^(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:\s*,\s*\d{4})?\s*(?:" + _DASH + r"|:)\s+"),
]
_TRAILING = [
    # "(Reporting by X; Editing by Y)"
    re.compile(r"\s*" + _OPEN + r"\s*(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)\s+by\b[^()]*?" + _CLOSE + r"\s*$"),
    # an agency tag, "(Reuters)", before the final full stop or at the end
    re.compile(r"\s*" + _OPEN + r"\s*" + _AGENCY + r"\s*" + _CLOSE + r"(?=\s*\.?\s*$)"),
    re.compile(r"\s*" + _BRACKETED_CREDIT + r"(?=\s*\.?\s*$)"),
    re.compile(r"\s*" + _CREDIT_LINE + r"\s*\.?\s*$"),
]
# A wire dateline with its agency inside a line, after the page's headline and highlights
# that the crawler fused into the lead's line ("... Rebels say they hold the port Larkspur,
# Maine (CNN) -- Crews ..."): the lead starts after it, and what comes before is the page's.
# At least 20 characters before it (one at the start is _LEADING's); a capital or digit after.
_MID_DATELINE = re.compile(r"^.{20,}?\s(?:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?:\s*,\s*[A-Z][\w.]+(?: [A-Z][\w.]+)?)?\s*)?"
                           + _OPEN + r"\s*" + _AGENCY + r"\s*" + _CLOSE + r"\s*" + _DASH + r"\s+(?=[\"'A-Z0-9])")
# A newspaper's page stamp inside a fused headline-standfirst-lead line:
# "Tuesday 11 May 2010 14.05 BST".
_STAMP = re.compile(r"\s*\b" + _WEEKDAY + r"\s+\d{1,2}\s+" + _MONTH + r"\s+\d{4}\s+\d{1,2}[.:]\d{2}\s*"
                    r"(?:BST|GMT|CET|CEST|EST|EDT|UTC|ET)\b\s*")


def entry_text(text: str) -> str:
    """The sentence as a timeline entry shows it: without datelines, update stamps, photo
    credits, agency tags, credit lines, page stamps, bullets and a leading date label.
    Never empty: if removing furniture would leave no word, the text is returned as is."""
    out = _MID_DATELINE.sub("", " ".join(text.split()), count=1)
    for _ in range(4):   # furniture comes stacked ("(AP Photo/X) (X - AP) ..."); four rounds cover it
        before = out
        for pattern in _LEADING:
            out = pattern.sub("", out, count=1)
        if out == before:
            break
    for pattern in _TRAILING:
        out = pattern.sub("", out, count=1)
    out = _STAMP.sub(" ", out).strip()
    return out if re.search(r"\w", out) else " ".join(text.split())


# A first word in lower case that is not a name with a later capital or digit ("iPhone").
_LOWER_START = re.compile(r"[a-z]+(?![\w'\u2019-]*[A-Z0-9])\b")


def cut_off(text: str) -> bool:
    """Whether a line begins in lower case mid-sentence, read without the page's furniture
    (see the module): a fragment, not a sentence to show."""
    return _LOWER_START.match(entry_text(text).lstrip("\"'\u201c\u2018`(")) is not None
