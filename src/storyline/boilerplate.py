"""The clean stage: decide for every line whether it is editorial text, site furniture or a
social embed, and mark it (``sentences.kind``); never delete a line.

Two kinds of evidence decide furniture:

- **Patterns** (:data:`PATTERNS`) for the furniture every site has: comment policies,
  newsletter and subscription prompts, share buttons, "read more" links, copyright and
  cookie notices, photo credits. They are anchored to how furniture is phrased, so an
  article *about* cookies or copyright keeps its sentences.
- **The corpus**: a line that recurs in ``clean.furniture_min_stories`` different stories
  (distinct headlines) of one site is that site's furniture. Counting is per site, so a wire
  story's lines carried by dozens of sites (syndicated text) are never furniture.

Decisions are monotone and depend only on the corpus, not on ingest order: when a line
becomes furniture, the earlier articles that carry it are re-marked and sent back through
dedup, so the store is always as if the corpus had been processed at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from . import embeds as embed_mod
from . import stock_titles
from .settings import DEFAULTS, Settings
from .shingles import key64, line_key, normalize
from .store import Store
from .store import articles as db

STAGE = "clean"

# Written for this project from the furniture of news sites; each is anchored (start of
# line, or a phrase only furniture uses) so editorial sentences on the topic do not match.
PATTERNS: tuple[tuple[str, str], ...] = (
    ("comments", r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$|comments are (?:moderated|closed|disabled|open)"
                 r"|(?:read|see) our (?:community|house|comment(?:ing)?) (?:rules|guidelines|standards|policy)"
                 r"|^(?:join|start) the (?:conversation|debate|discussion)|^(?:leave|post|add|view|show) (?:a |your )?comments?\b"
                 r"|we want our comments to be|^have your say\b|comments? (?:have|has) been (?:closed|disabled)"
                 r"|^reply$|^(?:report abuse|report comment)$"),
    ("subscribe", r"\b(?:sign up|subscribe|register) (?:to|for) (?:our|the|my)\b.{0,40}\b(?:newsletters?|emails?|alerts?|updates|bulletins?)\b"
                  r"|^(?:subscribe|sign up|register)(?: now| today| here| for free)?\b|newsletters? (?:straight|direct(?:ly)?|delivered) to your inbox"
                  r"|to your inbox (?:every|each)|already a (?:subscriber|member)\b|^support (?:our|independent|quality) journalism"
                  r"|^become a (?:subscriber|member|supporter)\b|become a (?:subscriber|member|supporter) today"
                  r"|^get (?:the|our) .{0,30}newsletter|^(?:log ?in|sign in) to\b"
                  r"|^(?:this|the) (?:article|story|content) is (?:for|available to) subscribers"),
    ("share", r"^share(?: this| on| via| the)?(?: article| story| page| post)?(?: on)?\s*(?:facebook|twitter|x|whatsapp|email|linkedin|pinterest|messenger)?\s*$"
              r"|^(?:click to )?share (?:this|on)\b.{0,40}$|^follow us on\b|^like us on facebook|^(?:email|send) (?:this|to a friend)"
              r"|^(?:facebook|twitter|whatsapp|email|linkedin|pinterest|messenger|copy link)(?:\s+(?:facebook|twitter|whatsapp|email|linkedin|pinterest|messenger|copy link))+$"),
    ("more", r"^(?:read|see) (?:more|also|next|the full story)\b|^related(?: articles?| stories| content| topics)?\s*:"
             r"|^more (?:on this story|from|stories|news)\b|^most (?:read|popular|viewed)(?: in \w+)?$|^(?:trending|recommended|top stories|latest news)(?: now)?\s*:?$"
             r"|^click here\b|^(?:watch|listen|video|gallery|live)\s*:\s*\S|^this (?:article|story) is part of\b"
             r"|^(?:story|article) continues (?:below|after)|^continue reading\b|^(?:advertisement|advert|sponsored(?: content)?|promoted)$"
             r"|^skip (?:to|past) (?:content|main content|advert|ad)\b"
             r"|^you(?:'?ve| have) selected the [\w. ]{1,30} edition\b|^(?:change|choose|select|switch) (?:your )?edition\b"),
    ("copyright", r"copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)|©|^\(c\)\s*\d{4}|all rights reserved"
                  r"|may not be (?:published|broadcast|rewritten|redistributed|reproduced)"),
    ("cookie", r"\bwe use cookies\b|\bcookie (?:policy|settings|preferences|notice|consent)\b|^(?:accept|reject|manage) (?:all )?cookies\b"
               r"|by (?:continuing to )?(?:use|using|browse|browsing) (?:this|our) (?:site|website)|^privacy (?:policy|notice|settings)\b"
               r"|^terms (?:of|and) (?:use|service|conditions)\b|\b(?:ad ?block(?:er)?|adblock) (?:is )?(?:detected|enabled|on)\b"
               r"|please (?:enable|turn on) javascript|your browser (?:does not|doesnt) support"),
    ("credit", r"^(?:photo|photograph|picture|pic|image|video|graphic|illustration)s?(?: credit| courtesy)?\s*(?::|by\b|courtesy\b)"
               r"|^\(?(?:image|photo|picture)s?\s*:\s*[^)]{1,60}\)?$|^(?:image|media) (?:caption|copyright|source)\b"
               r"|^(?:credit|source)\s*:\s*\S.{0,60}$|^editor'?s'? note\s*:|^\((?:additional )?(?:reporting|writing|editing) by\b|^additional reporting by\b"
               r"|^(?:reporting|writing) by [^;.]{1,80}; (?:editing|writing) by\b"
               r"|^this (?:story|article|report) (?:was|is) (?:supplied|provided|syndicated) by\b|^this is a syndicated (?:story|article)\b|^(?:getty images|shutterstock|alamy|pa (?:wire|media)|afp(?: via getty images)?|ap photo)(?:\s.{0,40})?$"),
    ("account", r"\bby (?:clicking|registering|signing up|subscribing|creating an account|continuing)\b.{0,80}\byou"
                r" (?:agree|consent|accept|are (?:agreeing|consenting|accepting))\b"
                r"|\byou (?:are )?consent(?:ing)? to (?:the|this|our) collection\b|\b(?:link|code) to reset your password\b"
                r"|^enter your (?:e-?mail(?: address)?|user ?name|password)\b|^(?:forgot|forgotten|reset) (?:your )?password\b"
                r"|^(?:create|make) (?:an|your|a free) account\b|^already have an account\b|^(?:not a member|new here)\?"),
    ("contact", r"^got a (?:story|news tip|tip)\b|^(?:contact|email|call) (?:our|the) (?:newsdesk|news desk|newsroom)\b"
                r"|^do you have a (?:story|news tip)\b"),
)


def _branches(rx: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if rx[i + 1:i + 2] == "^" else 0  # "[^]...]": a leading ] is literal
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(rx[start:i])
            start = i + 1
        i += 1
    return [*out, rx[start:]]


def _combined(anchored: bool) -> re.Pattern[str]:
    """All branches that start with ``^`` (tried once, at the start of the line) or all the
    others (searched anywhere), as one alternation with a named group per pattern."""
    parts = []
    for name, rx in PATTERNS:
        chosen = [b[1:] if anchored else b for b in _branches(rx) if b.startswith("^") == anchored]
        if chosen:
            parts.append(f"(?P<{name}>{'|'.join(chosen)})")
    return re.compile("|".join(parts), re.I)


_AT_START = _combined(anchored=True)
_ANYWHERE = _combined(anchored=False)
# Every unanchored branch contains one of these; a line without any skips that search (most
# editorial lines), which made clean 3x faster on the benchmark corpus.
_KEYWORDS = ("comment", "community", "house", "guidelines", "newsletter", "subscri", "member", "sign up",
             "register", "inbox", "copyright", "©", "(c)", "rights reserved", "may not be", "cookie",
             "continuing", "using", "use this", "use our", "brows", "block", "javascript",
             "clicking", "registering", "signing up", "creating an account", "consent", "password")
# A furniture pattern only decides lines up to this length: a long sentence that mentions
# "subscribe to our newsletter" inside editorial text stays text (furniture lines in the
# shared example and our own furniture catalogue are all under 300 characters).
_PATTERN_MAX_CHARS = 300


# A reader's comment as crawled: its time stamp and a bar, then the reader's words ("April 3,
# 2012 at 9:15 pm | Reply Well that is ..."). Any length: a comment is not editorial text.
# A stamp followed by "| Reply" or "| Report abuse" marks a comment wherever it stands
# (comments run together on one line: "... the bridge April 14, 2012 at 2:07 am | Reply ...").
_STAMP = (r"(?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4}),? (?:at )?\d{1,2}[:.]\d{2}"
          r"(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?\s*\|")
_COMMENT_STAMP = re.compile("^" + _STAMP, re.I)
_COMMENT_REPLY = re.compile(r"\b" + _STAMP + r"\s*(?:reply|report abuse)\b", re.I)
# ... or the comment form's label for the e-mail field, which a crawl runs into the last
# comment ("... a great read (required, but will not be displayed) The Post welcomes ...").
_COMMENT_FORM = re.compile(r"\(required,? but (?:will|won.?t) not be (?:displayed|published|shown)\)", re.I)
# ... or a reader's name after a stamp ("At 07:12 am on 14 Aug 2010, quaysidejo wrote:").
_COMMENT_WROTE = re.compile(
    r"\bat \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?,?(?: on)? \d{1,2}(?:st|nd|rd|th)? [a-z]{3,9}\.?,? \d{4},? "
    r"[^\s,]{1,40} wrote\s*:", re.I)


# A news widget's list of headlines, each with its age and source ("Mayor: Ferry firm to pay
# - 2 hrs ago Harbour Post Ferry Fares Jump Again - 3 hrs ago Kest Daily ..."): the
# spaced dash and the age are how such lists are set, not how a sentence says when. Any length:
# the lists run on for several hundred characters.
_HEADLINE_AGE = re.compile(r"\s[-\u2013\u2014]\s\d{1,3}\s(?:hrs?|hours?|mins?|minutes?|days?)\sago\b", re.I)
# A video widget's teaser: a clip's title, its stamp and its blurb ("Troops leave the capital
# updated: Sun Jun 02 2024 16:05:00 A look at ..."), one or several run together. The stamp's
# form (weekday, month, day, year, clock with seconds after "updated:") is the widget's, not
# how an article says when it was updated. Any length.
_CLIP_STAMP = re.compile(r"\bupdated:\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{4}\s+\d{1,2}:\d{2}:\d{2}\b")


def pattern_reason(text: str) -> str | None:
    """The furniture pattern a line matches (``"cookie"``, ``"share"``...), or None."""
    if not normalize(text):
        return "no-words"
    if (_COMMENT_STAMP.match(text) or ("|" in text and _COMMENT_REPLY.search(text))
            or ("wrote" in text and _COMMENT_WROTE.search(text))
            or ("required" in text and _COMMENT_FORM.search(text))):
        return "comments"
    if (" ago" in text and _HEADLINE_AGE.search(text)) or ("updated:" in text and _CLIP_STAMP.search(text)):
        return "more"
    if len(text) > _PATTERN_MAX_CHARS:
        return None
    m = _AT_START.match(text)
    if m is None:
        lower = text.lower()
        if any(k in lower for k in _KEYWORDS):
            m = _ANYWHERE.search(text)
    return m.lastgroup if m else None


def title_key(title: str) -> int:
    """Key of the story an article tells, for counting distinct stories of a site."""
    return key64(normalize(title))


# --- the stage ------------------------------------------------------------------------------
def run(store: Store, settings: Settings = DEFAULTS, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Pipeline stage ``clean``: classify the lines of every pending article."""
    from .pipeline import run_batched

    totals = {"articles": 0, "boilerplate": 0, "embeds": 0, "remarked": 0}
    remarked = judge_pending_titles(store, settings)
    totals.update(run_batched(store, STAGE, settings["clean.batch_size"],
                              lambda st, seqs: clean_batch(st, seqs, settings), progress))
    totals["remarked"] += remarked
    return totals


def judge_pending_titles(store: Store, settings: Settings = DEFAULTS, chunk: int = 500) -> int:
    """Judge the headlines queued in ``stock_titles_pending`` (a store made before stock
    titles: migration m0014) and re-mark the lines their verdicts change; returns how many
    earlier articles were re-marked. A chunk of headlines is one transaction that also
    empties its queue rows, so an interrupted run goes on where it stopped."""
    remarked = 0
    while True:
        rows = store.rows("SELECT outlet, title_key FROM stock_titles_pending ORDER BY outlet, title_key "
                          f"LIMIT {int(chunk)}")
        if not rows:
            return remarked
        titles: dict[str, set[int]] = defaultdict(set)
        for outlet, key in rows:
            titles[outlet].add(key)
        with store.transaction():
            regrouped = stock_titles.judge(store, titles, settings["clean.furniture_min_stories"],
                                           settings["clean.stock_title_overlap"])
            remarked += _refresh(store, {}, regrouped, settings["clean.furniture_min_stories"], set()).remarked
            store.executemany("DELETE FROM stock_titles_pending WHERE outlet = ? AND title_key = ?", rows)


def clean_batch(store: Store, seqs: Sequence[int], settings: Settings) -> dict[str, int]:
    """Classify the lines of these articles and update what their evidence changes."""
    articles = db.load_articles(store, seqs)
    removed, lost_titles = _forget(store, [a.id for a in articles] + superseded_versions(store, seqs))
    added: dict[str, set[int]] = defaultdict(set)
    titles: dict[str, set[int]] = defaultdict(set)
    sightings, found_embeds, fixed = [], [], {}
    for art in articles:
        tkey = title_key(art.title)
        titles[art.outlet].add(tkey)
        texts = [s.text for s in art.sentences]
        art_embeds = {e.sentence_index: e for e in embed_mod.detect_all(art.id, texts)}
        found_embeds.extend(art_embeds.values())
        for s in art.sentences:
            reason = pattern_reason(s.text)
            if reason is None and s.index in art_embeds:
                reason = "embed"
            if reason is None:
                key = line_key(s.text)
                sightings.append((art.id, s.index, art.outlet, key, tkey))
                added[art.outlet].add(key)
            else:
                fixed[(art.id, s.index)] = reason
    store.executemany(
        "INSERT INTO furniture_sightings (article_id, idx, outlet, line_key, title_key) VALUES (?,?,?,?,?)", sightings
    )
    embed_mod.save(store, found_embeds)
    store.executemany("INSERT INTO line_reasons (article_id, idx, reason) VALUES (?,?,?)",
                      [(a, i, r) for (a, i), r in fixed.items()])
    for outlet, keys in lost_titles.items():
        titles[outlet] |= keys
    # Pages under a headline that is (or stopped being) stock count as stories differently:
    # their lines are counted again with the rest.
    regrouped = stock_titles.judge(store, titles, settings["clean.furniture_min_stories"],
                                   settings["clean.stock_title_overlap"])
    for outlet, keys in regrouped.items():
        removed[outlet] |= keys
    furniture = _refresh(store, added, removed, settings["clean.furniture_min_stories"], set(seqs))
    # Kinds of this batch's lines; earlier articles were re-marked by _refresh.
    updates = []
    boiler = 0
    for art in articles:
        for s in art.sentences:
            reason = fixed.get((art.id, s.index))
            if reason is None and (art.outlet, line_key(s.text)) in furniture:
                reason = "furniture"
            kind = "text" if reason is None else ("embed" if reason == "embed" else "boilerplate")
            boiler += kind == "boilerplate"
            if kind != s.kind:
                updates.append((kind, art.id, s.index))
    store.executemany("UPDATE sentences SET kind = ? WHERE article_id = ? AND idx = ?", updates)
    return {"articles": len(articles), "boilerplate": boiler, "embeds": len(found_embeds),
            "remarked": furniture.remarked}


class _Furniture(set):
    remarked = 0


def _refresh(store: Store, added: dict[str, set[int]], removed: dict[str, set[int]], min_stories: int,
             batch: set[int]) -> _Furniture:
    """Re-judge the (outlet, line) pairs that gained or lost sightings; re-mark earlier
    articles (not in ``batch``) whose lines changed status. Returns the (outlet, line_key)
    pairs of these lines that are furniture now.

    A line that is furniture stays furniture while it only gains sightings, so it is not
    counted again: the cost of a batch does not grow with how often a site repeats a line.
    """
    now = _Furniture()
    changed: list[tuple[str, int, bool]] = []
    for outlet in sorted(set(added) | set(removed)):
        gone = {k for k in removed.get(outlet, ()) if k}
        keys_list = sorted(({k for k in added.get(outlet, ()) if k}) | gone)
        known: set[int] = set()
        for marks, chunk in store.in_chunks(keys_list):
            known.update(r[0] for r in store.rows(
                f"SELECT line_key FROM furniture WHERE outlet = ? AND line_key IN ({marks})", [outlet, *chunk]))
        to_count = [k for k in keys_list if k not in known or k in gone]
        stories: dict[int, int] = {}
        for marks, chunk in store.in_chunks(to_count):
            stories.update(store.rows(
                f"SELECT f.line_key, {stock_titles.STORY_COUNT_SQL} FROM furniture_sightings f {stock_titles.STORY_JOIN} "
                f"WHERE f.outlet = ? AND f.line_key IN ({marks}) GROUP BY f.line_key", [outlet, *chunk]))
        upserts = []
        for key in keys_list:
            if key in known and key not in gone:
                now.add((outlet, key))
                continue
            is_furniture = stories.get(key, 0) >= min_stories
            if is_furniture:
                now.add((outlet, key))
                # The count once it reached the threshold: the same in any ingest order.
                upserts.append((outlet, key, min_stories))
            if is_furniture != (key in known):
                changed.append((outlet, key, is_furniture))
        store.executemany(
            "INSERT INTO furniture (outlet, line_key, stories) VALUES (?,?,?) "
            "ON CONFLICT (outlet, line_key) DO UPDATE SET stories = excluded.stories", upserts)
    for outlet, key, is_furniture in changed:
        if not is_furniture:
            store.execute("DELETE FROM furniture WHERE outlet = ? AND line_key = ?", (outlet, key))
        rows = store.rows(
            "SELECT f.article_id, f.idx, a.seq FROM furniture_sightings f JOIN articles a ON a.id = f.article_id "
            "WHERE f.outlet = ? AND f.line_key = ?", (outlet, key))
        kind = "boilerplate" if is_furniture else "text"
        store.executemany("UPDATE sentences SET kind = ? WHERE article_id = ? AND idx = ? AND kind <> ?",
                          [(kind, aid, idx, kind) for aid, idx, _ in rows])
        seqs = sorted({seq for _, _, seq in rows} - batch)
        now.remarked += len(seqs)
        # Their text changed: every later stage (dedup, enrich, stories) must see them again.
        from .pipeline import invalidate_after

        invalidate_after(store, "clean", seqs)
    return now


def superseded_versions(store: Store, seqs: Sequence[int]) -> list[str]:
    """Ids of superseded versions of these articles' URLs (they no longer count)."""
    keys = []
    for marks, chunk in store.in_chunks(list(seqs)):
        keys += [r[0] for r in store.rows(f"SELECT url_key FROM articles WHERE seq IN ({marks}) AND version > 1", chunk)]
    out = []
    for marks, chunk in store.in_chunks(sorted(set(keys))):
        out += [r[0] for r in store.rows(f"SELECT id FROM articles WHERE url_key IN ({marks}) AND is_current = 0", chunk)]
    return out


def _forget(store: Store, article_ids: Sequence[str]) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """Drop what clean stored for these articles; returns the (outlet -> line keys) whose
    evidence shrank and must be re-judged, and the (outlet -> title keys) that lost pages."""
    touched: dict[str, set[int]] = defaultdict(set)
    titles: dict[str, set[int]] = defaultdict(set)
    for marks, chunk in store.in_chunks(list(article_ids)):
        for outlet, key, tkey in store.rows(
            f"SELECT outlet, line_key, title_key FROM furniture_sightings WHERE article_id IN ({marks})", chunk
        ):
            touched[outlet].add(key)
            titles[outlet].add(tkey)
        for table in ("furniture_sightings", "embeds", "line_reasons"):
            store.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", chunk)
    return touched, titles


# --- reading --------------------------------------------------------------------------------
def reasons_for(store: Store, article_id: str) -> dict[int, str]:
    """Why each non-text line of an article is not text: a pattern name, ``embed``, or
    ``furniture`` (recurring on its site)."""
    out = {idx: reason for idx, reason in store.rows(
        "SELECT idx, reason FROM line_reasons WHERE article_id = ?", (article_id,))}
    for (idx,) in store.rows(
        "SELECT f.idx FROM furniture_sightings f JOIN furniture u ON u.outlet = f.outlet AND u.line_key = f.line_key "
        "WHERE f.article_id = ?", (article_id,),
    ):
        out[idx] = "furniture"
    return out
