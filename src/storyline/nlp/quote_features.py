"""What the learned attribution model sees: candidate cues, candidate contents, features.

The quote model (:mod:`.quote_model`) reads a parsed sentence in two steps, and this
module supplies both with their candidates and their features:

1. **Cue.** Every verb (and ``according``, ``reportedly``...) is a candidate cue. Its
   features describe the word and its place in the parse: lemma, tag, dependency relation,
   the relations of its children, what kind of subject it has (a person, a poll, a
   pronoun), the marker of its clausal complement (``that``, ``to``), its neighbours.
   PolNeAR annotates beliefs, wishes, plans, findings and stances besides speech, so the
   cue vocabulary is learned instead of listed. Nouns, adjectives and auxiliaries were
   candidates too at first: on the held-out fold of PolNeAR train they added 8 right and 14
   wrong attributions and doubled the model's time, so they are left to the rules
   (``his claim that...``).
2. **Content.** For an accepted cue, the candidate contents are its complement subtrees
   (``ccomp``, ``xcomp``, the object, a prepositional object...), the clause before it
   (``CONTENT, X said``), the rest of the sentence after it, and the part of its head's
   clause around it (``..., according to X``, ``reportedly``). On PolNeAR train the best of
   these candidates overlaps more than 0.3 of the annotated content for 97.7% of the
   attributions whose cue is in the sentence, and 0.8 for 92%; a ranker picks one.

Features are strings, hashed into buckets by :func:`~.quote_model.bucket` (MurmurHash3, as
scikit-learn's ``HashingVectorizer``), so a trained model stores bucket numbers and weights,
never words of its training text. Names in the subject, object and head slots are replaced
by their entity label, so the model learns "a person said", not "Trump said".

Round 19 tried, one at a time, cue conjunctions the fold's misses suggested; each lowered
who-said-what F1 on the fold (ordered / shuffled, from 0.7065/0.6816): the source as the
quote finder reads it (``source_token``: how and kind, alone and with the lemma)
0.7055/0.6808; lemma x quarter of the sentence 0.7023/0.6771; lemma x the complement's tag
and whether it has a subject 0.7060/0.6807; lemma x whether another verb has a named
subject 0.7040/0.6787; lemma x object word 0.7060/0.6810. The features already pair the
lemma with the subject's kind, the complement's marker and the frame signature.
"""

from __future__ import annotations

import re

CANDIDATE_POS = frozenset({"VERB"})
CANDIDATE_WORDS = frozenset({"according", "reportedly", "allegedly", "apparently", "reported"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SOURCE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "poss", "agent", "expl"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl"})
# Children of a cue whose subtree can be the content (ClearNLP labels).
_SPAN_DEPS = frozenset({
    "ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "advcl", "dative", "parataxis", "pcomp",
    "pobj", "acl", "relcl", "conj", "npadvmod",
})
_WORD = re.compile(r"\w")


def is_candidate(tok) -> bool:
    """Whether a token is scored as a possible cue."""
    return tok.pos_ in CANDIDATE_POS or tok.lower_ in CANDIDATE_WORDS


def norm(tok) -> str:
    """The word a feature uses: names become their entity label, numbers one symbol."""
    if tok.ent_type_ in _NAME_ENTS and tok.pos_ == "PROPN":
        return "@" + tok.ent_type_
    if tok.pos_ == "PRON":
        return tok.lower_
    if tok.like_num:
        return "#"
    return tok.lemma_.lower()


def cue_features(doc, tok) -> list[str]:
    """Features of one candidate cue token."""
    lemma = tok.lemma_.lower()
    head = tok.head
    f = ["bias", "l=" + lemma, "w=" + tok.lower_, "p=" + tok.pos_, "t=" + tok.tag_, "d=" + tok.dep_,
         f"ld={lemma}_{tok.dep_}", f"lt={lemma}_{tok.tag_}", f"hd={tok.dep_}_{norm(head)}", "hp=" + head.pos_]
    deps = _child_features(tok, lemma, f)
    f.append("deps=" + "_".join(sorted(deps & _SIGNATURE - {"neg", "aux"})))
    f.append(f"lsig={lemma}_{'_'.join(sorted(deps & _SIGNATURE))}")
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    f += ["pv=" + prev, "nx=" + nxt, f"lnx={lemma}_{nxt}", f"at{int(4 * tok.i / max(1, len(doc)))}"]
    if nxt == ":":
        f.append("colon")
    if prev == ",":
        f.append("comma_before")
    path, node = [], tok
    while node.head is not node and len(path) < 3:  # 3 links: "said" -> advcl -> conj -> ROOT
        path.append(node.dep_)
        node = node.head
    f.append("path=" + "/".join(path))
    _subject_features(tok, lemma, f)
    anc = head
    for _ in range(3):  # the verb the cue hangs from, within 3 links ("said" above "believes")
        if anc.pos_ == "VERB" or anc.head is anc:
            break
        anc = anc.head
    if anc is not tok:
        f.append("anc=" + anc.lemma_.lower())
    return f


# Relations whose presence, together, says how a verb is used (its "frame signature").
_SIGNATURE = frozenset({"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "prep", "auxpass", "neg", "aux"})


def _child_features(tok, lemma: str, f: list[str]) -> set[str]:
    """Add the features of a cue's children to ``f``; return their relations."""
    deps = set()
    for c in tok.children:
        dep = c.dep_
        deps.add(dep)
        f += ["c=" + dep, f"lc={lemma}_{dep}"]
        if dep in _SOURCE_DEPS:
            f += [f"s={dep}_{norm(c)}", f"sp={dep}_{c.pos_}", "se=" + (c.ent_type_ or "-"), f"ls={lemma}_{c.pos_}"]
        elif dep in _CLAUSE_DEPS:
            marks = [g.lower_ for g in c.children if g.dep_ in ("mark", "aux")]
            f += [f"cm={dep}_{'_'.join(marks[:2])}", f"lcm={lemma}_{dep}_{marks[0] if marks else ''}"]
        elif dep in ("prep", "agent", "prt"):
            f += ["pr=" + c.lower_, f"lpr={lemma}_{c.lower_}"]
        elif dep in ("dobj", "attr", "oprd"):
            f += ["o=" + norm(c), f"lo={lemma}_{c.pos_}"]
        elif dep == "aux" and c.tag_ == "MD":
            f.append("modal=" + c.lower_)
    return deps


def _subject_features(tok, lemma: str, f: list[str]) -> None:
    """Add the kind of the cue's subject, or of the subject it inherits along
    ``and`` / ``, saying`` links (as the rules take it), to ``f``."""
    subj = subject(tok)
    if subj is not None:
        f.append(f"lse={lemma}_{subj.ent_type_ or subj.pos_}")
        return
    node = tok
    for _ in range(4):  # chains longer than 4 links are parse noise (as quote_subjects)
        if node.dep_ not in ("advcl", "conj", "xcomp") or node.head is node:
            return
        node = node.head
        subj = subject(node)
        if subj is not None:
            f += ["is=" + norm(subj), f"lis={lemma}_{subj.pos_}", "ise=" + (subj.ent_type_ or "-")]
            return


def _trim(doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None


def subject(tok):
    """The cue's own subject token, or None."""
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)


def span_candidates(doc, tok) -> list[tuple[str, tuple[int, int]]]:
    """(kind, token range [start, end)) of the possible contents of cue ``tok``, each range
    trimmed of edge punctuation, duplicates removed (the first kind named wins)."""
    out: list[tuple[str, tuple[int, int]]] = []
    for c in tok.children:
        if c.dep_ == "prep" or c.dep_ == "agent":
            out.append(("prep_full", (c.left_edge.i, c.right_edge.i + 1)))
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    out.append(("prep_obj", (g.left_edge.i, g.right_edge.i + 1)))
        elif c.dep_ in _SPAN_DEPS:
            side = "_L" if c.i < tok.i else ""
            out.append((c.dep_ + side, (c.left_edge.i, c.right_edge.i + 1)))
    subj = subject(tok)
    left = subj.left_edge.i if subj is not None and subj.i < tok.i else tok.i
    out.append(("prefix", (0, left)))
    out.append(("suffix", (tok.i + 1, len(doc))))
    head = tok.head
    if head is not tok:
        if tok.left_edge.i > head.left_edge.i:
            out.append(("head_before", (head.left_edge.i, tok.left_edge.i)))
        if tok.right_edge.i + 1 < head.right_edge.i + 1:
            out.append(("head_after", (tok.right_edge.i + 1, head.right_edge.i + 1)))
    seen: set[tuple[int, int]] = set()
    found = []
    for kind, (s, e) in out:
        rng = _trim(doc, s, e)
        if rng is None or rng in seen or not any(_WORD.match(t.text) for t in doc[rng[0]:rng[1]]):
            continue
        seen.add(rng)
        found.append((kind, rng))
    return found


def _length_bin(n: int) -> str:
    # bins by order of magnitude of a content's length in tokens: 1, 2, 3-5, 6-10, 11-20, more
    for limit, name in ((1, "1"), (2, "2"), (5, "5"), (10, "10"), (20, "20")):
        if n <= limit:
            return name
    return "many"


def span_features(doc, tok, kind: str, rng: tuple[int, int]) -> list[str]:
    """Features of one candidate content of cue ``tok``."""
    s, e = rng
    lemma = tok.lemma_.lower()
    first = doc[s]
    size = _length_bin(e - s)
    f = ["k=" + kind, f"lk={lemma}_{kind}", f"dk={tok.dep_}_{kind}", f"pk={tok.pos_}_{kind}",
         f"kn={kind}_{size}", f"kf={kind}_{first.lower_ if not first.ent_type_ else '@'}",
         f"kfp={kind}_{first.pos_}", "len=" + size]
    if s == tok.i + 1 or (s > tok.i and all(t.is_punct for t in doc[tok.i + 1:s])):
        f.append(f"adjacent_{kind}")
    if e == len(doc) or all(t.is_punct for t in doc[e:]):
        f.append(f"to_end_{kind}")
    if s == 0:
        f.append(f"from_start_{kind}")
    if any(t.pos_ in ("VERB", "AUX") for t in doc[s:e]):
        f.append(f"verb_{kind}")
    if s <= tok.i < e:
        f.append(f"covers_cue_{kind}")
    if e < len(doc) and doc[e].text == ",":
        f.append(f"comma_after_{kind}")
    return f
