"""Object control: who speaks in an infinitive cue hung on a verb with an object.

In ``The vote prompted the union to warn that strikes would follow`` the union warns, not
the vote. English verbs of causing give their direct object to the infinitive after it as
its subject (object control: ``forced the minister to admit``, ``led the chief to
announce``, ``left residents to wonder``). The speaker readers climb from an infinitive cue
to the verb it hangs on and took that verb's subject; this module gives them the object
instead. A passive (``The minister was forced to admit``) already has the controller for
subject and needs nothing.

Written from English grammar: on the development fold of PolNeAR train the two such cues
the finder kept (after ``lead`` and ``leave``) had the cause for speaker; both now have the
annotated source (who-said-what F1 0.7136 -> 0.7139 in reading order, 0.6867 -> 0.6870
shuffled). Verbs of subject control
(``promised the voters to defend``) and of purpose (``used the speech to attack``, whose
infinitive is the subject's) are not in the list.
"""

from __future__ import annotations

# Lemmas of implicative verbs of causing whose direct object is the subject of the infinitive
# after it: the act happened (``forced the minister to admit``). Verbs of asking, urging,
# requiring and letting (``urged the mayor to explain``, ``requires the council to publish``)
# are left out: like a modal of possibility they tell of words that may never be said.
OBJECT_CONTROL = frozenset("""
lead prompt force leave persuade convince cause drive spur compel move inspire provoke get
induce motivate trigger
""".split())


def controller(verb):
    """The token that is the subject of ``verb``, a ``to`` infinitive hung on an object-control
    verb (``prompted [the union] to warn``), or None: that verb's direct object before the
    infinitive."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head is verb or head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
