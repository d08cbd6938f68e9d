"""The event lexicon: verb and noun classes for PLOVER coding, loaded from ``data/event_lexicon.tsv``.

The table is storyline's own, written from the PLOVER/CAMEO event definitions (see the file's
header for its format). This module parses it into lookup tables, checks it (a typo in a type,
role or condition fails loudly at load time, not silently at coding time), and derives the
word forms :func:`storyline.nlp.events.needs_parse` looks for, so the cheap prefilter and the
coder can never disagree about which words can carry an event.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
GOV_ROLES = (
    "INTENT", "SEEK", "INVITE", "THREAT", "REQUEST", "REFUSE", "DENY", "ACCUSE", "REVERSE",
    "UNDERGO", "HEDGE", "LIGHT", "OCCUR", "CAUSE", "CEASE", "SPEECH", "NAME", "DECLARE",
    "ATTEST",
)
CONDITION_KEYS = ("obj", "subj", "prep", "mod", "pred", "recip", "comp", "xcomp")
TARGET_SOURCES = ("obj", "dat", "subj", "poss", "objmod", "border")


@dataclass(frozen=True)
class Condition:
    """One WHEN condition of a lexicon row: ``key``, optional ``arg`` and ``cls``, negation."""

    key: str
    negated: bool = False
    arg: tuple[str, ...] = ()
    cls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One lexicon row: an event ``type``/``mode`` when every condition holds."""

    type: str
    mode: str
    when: tuple[Condition, ...]
    targets: tuple[str, ...]
    line: int


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The parsed lexicon.

    ``verbs``/``nouns``: key (lemma, or ``lemma_particle``) -> rules in file order.
    ``govs``: key -> roles in file order. ``classes``: class name -> lower-case words and
    ``@LABEL`` entity labels. ``single_forms``: surface forms any one of which lets a
    sentence through the prefilter; ``paired_forms``: (verb forms, object-class forms) pairs
    where both must occur (verbs like *send* are events only with a troops/aid object).
    """

    verbs: dict[str, tuple[Rule, ...]]
    nouns: dict[str, tuple[Rule, ...]]
    govs: dict[str, tuple[str, ...]]
    classes: dict[str, frozenset[str]]
    single_forms: frozenset[str]
    paired_forms: tuple[tuple[frozenset[str], frozenset[str]], ...]

    @functools.cached_property
    def needs_with(self) -> dict[str, tuple[frozenset[str], ...]]:
        """Paired forms by verb form: the word sets one of which must also be present."""
        index: dict[str, list[frozenset[str]]] = {}
        for verbs, needed in self.paired_forms:
            for form in verbs:
                index.setdefault(form, []).append(needed)
        return {form: tuple(sets) for form, sets in index.items()}

    @functools.cached_property
    def verb_heads(self) -> frozenset[str]:
        """The lemma part of every verb key ("go" of ``go_into``): a verb whose lemma and base
        forms are none of these has no row, whatever its particles."""
        return frozenset(key.split("_", 1)[0] for key in self.verbs)

    def in_class(self, word: str, label: str, names: tuple[str, ...], pos: str = "") -> bool:
        """Whether a word (lower-case lemma or text), its entity label or its part of speech
        is in any of the classes."""
        for name in names:
            words = self.classes.get(name)
            if words is None:  # a bare word used as its own class ("obj=ties"), or a label
                if word == name or (label and name == "@" + label) or (pos and name == "#" + pos):
                    return True
            elif (word in words or (label and "@" + label in words)
                  or (pos and "#" + pos in words)):
                return True
        return False


class LexiconError(ValueError):
    """The lexicon file is malformed (a programming error in storyline, caught by the tests)."""


# Irregular verb forms for the prefilter (past, participle); regular forms are generated.
_IRREGULAR = {
    "strike": "struck stricken", "shoot": "shot", "fight": "fought", "meet": "met",
    "speak": "spoke spoken", "send": "sent", "give": "gave given", "hold": "held",
    "seek": "sought", "lend": "lent", "forgive": "forgave forgiven", "beat": "beaten",
    "withdraw": "withdrew withdrawn", "undertake": "undertook undertaken",
    "freeze": "froze frozen", "overrun": "overran", "build": "built", "blow": "blew blown",
    "take": "took taken", "cut": "cut", "put": "put", "quit": "quit", "hit": "hit",
    "break": "broke broken", "lock": "locked", "find": "found", "shut": "shut",
    "come": "came", "rise": "rose risen", "wound": "wounded", "free": "freed",
    "sentence": "sentenced", "test-fire": "test-fired", "catch": "caught",
}
_WORD_RE = re.compile(r"[a-z][a-z-]*")


def inflections(lemma: str, pos: str) -> set[str]:
    """Surface forms of a lemma, generated generously (a form that never occurs costs nothing,
    a wrong common word costs parses: "ban" must not give "band")."""
    forms = {lemma}
    sibilant = lemma.endswith(("s", "x", "z", "ch", "sh"))
    if pos == "noun":
        forms.add(lemma + ("es" if sibilant else "s"))
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ies")
        return forms
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms |= {lemma + ("es" if sibilant or lemma.endswith("o") else "s"), stem + "ed", stem + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    last = lemma[-1]
    if last not in "aeiouwxy" and len(lemma) > 2 and lemma[-2] in "aeiou":
        forms |= {lemma + last + "ed", lemma + last + "ing"}  # ban-banned, expel-expelled
    forms |= set(_IRREGULAR.get(lemma, "").split())
    return forms


def _parse_condition(text: str, classes: dict[str, frozenset[str]], line: int) -> Condition:
    negated = text.startswith("!")
    body = text[1:] if negated else text
    key, _, value = body.partition("=")
    if key not in CONDITION_KEYS:
        raise LexiconError(f"event_lexicon.tsv:{line}: unknown condition {text!r}")
    arg: tuple[str, ...] = ()
    cls: tuple[str, ...] = ()
    if key == "prep" and value:
        words, _, names = value.partition(":")
        arg = tuple(words.split("|"))
        cls = tuple(names.split("|")) if names else ()
    elif value:
        cls = tuple(value.split("|"))
    return Condition(key, negated, arg, tuple(_class_ref(name, classes, line) for name in cls))


def _class_ref(name: str, classes: dict[str, frozenset[str]], line: int) -> str:
    """A condition's word, label or class as the matcher reads it: ``%troops`` names the class
    (which must exist), ``@GPE`` a label, ``#PRON`` a part of speech, a bare word itself. A
    bare word that is also a class name is an error: read as the class, it had silently
    shadowed the word ("invite [disaster]" had matched the class of accidents, not the word)."""
    if name.startswith("%"):
        if name[1:] not in classes:
            raise LexiconError(f"event_lexicon.tsv:{line}: unknown class {name!r}")
        return name[1:]
    if name in classes:
        raise LexiconError(f"event_lexicon.tsv:{line}: {name!r} is a class name: write %{name} for "
                           f"the class, or rename the class to use the word")
    if not re.fullmatch(r"[a-z][a-z_-]*|[@#][A-Z]+", name):
        raise LexiconError(f"event_lexicon.tsv:{line}: bad class {name!r}")
    return name


def _parse_targets(text: str, classes: dict[str, frozenset[str]], line: int) -> tuple[str, ...]:
    if text == "-":
        return ()
    targets = []
    for t in text.split(","):  # "at:%agent|%diplomats": the object of "at" when it is in one of the classes
        if not re.fullmatch(r"[a-z]+(:%?[a-z_]+(\|%?[a-z_]+)*)?", t):
            raise LexiconError(f"event_lexicon.tsv:{line}: bad target source {t!r}")
        prep, colon, names = t.partition(":")
        targets.append(prep + colon + "|".join(_class_ref(n, classes, line) for n in names.split("|")) if colon else t)
    return tuple(targets)


def parse_lexicon(text: str) -> Lexicon:
    """Parse the lexicon table (the contents of ``event_lexicon.tsv``)."""
    classes: dict[str, frozenset[str]] = {}
    rows: list[tuple[int, list[str]]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):  # whole-line comments only: "#PRON" is a class word
            continue
        fields = line.split()
        if fields[0] == "class":
            classes[fields[1]] = frozenset(w if w[0] in "@#" else w.lower() for w in fields[2:])
        else:
            rows.append((number, fields))
    verbs: dict[str, list[Rule]] = {}
    nouns: dict[str, list[Rule]] = {}
    govs: dict[str, list[str]] = {}
    for number, fields in rows:
        kind = fields[0]
        if kind == "gov":
            if len(fields) != 3 or fields[2] not in GOV_ROLES:
                raise LexiconError(f"event_lexicon.tsv:{number}: bad governor row {fields}")
            govs.setdefault(fields[1], []).append(fields[2])
            continue
        if kind not in ("verb", "noun") or len(fields) != 6:
            raise LexiconError(f"event_lexicon.tsv:{number}: bad row {fields}")
        _, key, etype, mode, when, targets = fields
        if etype not in PLOVER_TYPES and etype != "NONE":
            raise LexiconError(f"event_lexicon.tsv:{number}: unknown type {etype!r}")
        conditions = () if when == "-" else tuple(
            _parse_condition(c, classes, number) for c in when.split(","))
        rule = Rule(etype, "" if mode == "-" else mode, conditions,
                    _parse_targets(targets, classes, number), number)
        (verbs if kind == "verb" else nouns).setdefault(key, []).append(rule)
    single, paired = _prefilter_forms(verbs, nouns, classes)
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        govs={k: tuple(v) for k, v in govs.items()},
        classes=classes,
        single_forms=single,
        paired_forms=paired,
    )


# Words that must be present for the NER label to be: an amount of money has a currency word
# or "million"/"billion" ("$10m" aside, which the prefilter misses and the coder would catch).
_LABEL_CUES = {"@MONEY": ("dollar", "euro", "pound", "yen", "yuan", "rupee", "rouble", "ruble",
                          "franc", "million", "billion", "trillion", "cash")}


def _class_forms(names: tuple[str, ...], classes: dict[str, frozenset[str]]) -> set[str] | None:
    """Surface forms of the words of some classes, or None if a class holds a label or part of
    speech that no word list can stand for (then the verb alone must let a sentence through)."""
    forms: set[str] = set()
    for name in names:
        words = classes.get(name, frozenset({name}))
        for w in words:
            if w[0] in "@#":
                if w not in _LABEL_CUES:
                    return None
                for cue in _LABEL_CUES[w]:
                    forms |= inflections(cue, "noun")
            else:
                forms |= inflections(w, "noun")
    return forms


# Bare forms too common in other senses to send a sentence to the parser on their own:
# "March" (the month), "back" (the adverb). Their other forms ("marched", "backed") still count.
_AMBIGUOUS_FORMS = frozenset({"march", "back"})


def _requirement(rule: Rule, particle: str, classes) -> frozenset[str] | None:
    """The words a row also needs besides its own word: a word of the first class a condition
    requires ("send" needs troops, "break up" a crowd or a protest: "the couple broke up" is
    not let through), else its particle ("take" needs "over"), else the preposition a
    condition requires ("suspended X [from] ..." needs "from")."""
    for cond in rule.when:
        if cond.negated or not cond.cls or cond.key not in ("obj", "subj", "pred", "mod", "prep"):
            continue
        forms = _class_forms(cond.cls, classes)
        if forms:
            return frozenset(forms)
    if particle:
        return frozenset({particle})
    return next((frozenset(cond.arg) for cond in rule.when
                 if cond.key == "prep" and not cond.negated and cond.arg), None)


def _prefilter_forms(verbs, nouns, classes):
    """Which surface forms let a sentence through :func:`needs_parse`.

    A row whose conditions need a particle or a word class ("send" + troops, "take over",
    "find ... guilty") lets a sentence through only when that word occurs too; every other
    row lets its own forms through alone."""
    single: set[str] = set()
    pairs: dict[frozenset[str], set[str]] = {}
    for table, pos in ((verbs, "verb"), (nouns, "noun")):
        for key, rules in table.items():
            head, _, particle = key.partition("_")
            forms = inflections(head, pos) - _AMBIGUOUS_FORMS
            for rule in rules:
                if rule.type == "NONE":
                    continue
                needed = _requirement(rule, particle, classes)
                if needed:
                    pairs.setdefault(needed, set()).update(forms)
                else:
                    single |= forms
    paired = tuple((frozenset(v), k) for k, v in pairs.items())
    return frozenset(single), paired


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (parsed once per process)."""
    text = resources.files("storyline").joinpath("data/event_lexicon.tsv").read_text("utf-8")
    return parse_lexicon(text)


def words_of(text: str) -> set[str]:
    """The lower-case word tokens of a text, as the prefilter sees them.

    A hyphenated word counts whole and by its parts ("test-fired", "test", "fired"), as the
    parser's tokenizer splits it."""
    words = set(_WORD_RE.findall(text.lower()))
    for w in [w for w in words if "-" in w]:
        words.update(p for p in w.split("-") if p)
    return words
