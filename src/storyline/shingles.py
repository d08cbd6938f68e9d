"""Text fingerprints shared by the noise stages: normalised lines, line keys, word shingles,
figures, exact fingerprints for the copy decision, MinHash signatures and LSH band keys.

Crawled text arrives with apostrophes, quote marks and other punctuation stripped in some
copies and kept in others, so every comparison works on :func:`normalize`d text: lower-case
words joined by single spaces. Keys are signed 64-bit integers (a BIGINT column in both
back-ends), derived with BLAKE2b so they are the same on every machine and run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet

import numpy as np

from .records import Article

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")
# datasketch's default seed; any fixed value works, but it must never change once
# signatures are stored, or old and new articles stop matching.
_SEED = 1


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters and digits; punctuation, ``_`` and emoji dropped)."""
    return _WORD.findall(text.casefold())


def normalize(text: str) -> str:
    """The comparison form of a line: its words, lower-case, single-spaced."""
    return " ".join(words(text))


def key64(text: str) -> int:
    """A stable signed 64-bit key of ``text`` (fits SQL BIGINT on every back-end)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def line_key(text: str) -> int:
    """Key of a line after normalisation; lines that differ only in case or punctuation
    share it. Lines without words get key 0."""
    norm = normalize(text)
    return key64(norm) if norm else 0


def sentence_shingles(tokens: Sequence[str], n: int) -> list[str]:
    """Word n-grams of one sentence; a sentence shorter than ``n`` is one shingle."""
    if not tokens:
        return []
    if len(tokens) <= n:
        return [" ".join(tokens)]
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def shingle_set(sentences: Iterable[str], n: int) -> set[bytes]:
    """The shingles of an article's sentences, never spanning two sentences (copies on
    local sites reorder them)."""
    return shingles_and_figures(sentences, n)[0]


def shingles_and_figures(sentences: Iterable[str], n: int) -> tuple[set[bytes], frozenset[str]]:
    """:func:`shingle_set` and :func:`figures` of the same sentences, tokenised once."""
    out: set[bytes] = set()
    found: set[str] = set()
    for text in sentences:
        tokens = words(text)
        out.update(s.encode("utf-8", "surrogatepass") for s in sentence_shingles(tokens, n))
        if _DIGIT.search(text):
            found.update(w for w in tokens if not w.isalpha() and _DIGIT.search(w))
    return out, frozenset(found)


@functools.lru_cache(maxsize=8)
def _permutations(num_perm: int) -> np.ndarray:
    from datasketch import MinHash  # here: it imports scipy (half a second of every command's start)

    return MinHash(num_perm=num_perm, seed=_SEED, scheme="affine32").permutations


def signature(shingles: Iterable[bytes], num_perm: int) -> np.ndarray | None:
    """MinHash signature (``num_perm`` uint32 values) of a shingle set, or None if empty.

    datasketch's affine32 scheme over CRC-32 shingle hashes: CRC-32 is ~10x faster than the
    default SHA-1 and, followed by datasketch's mixing and affine permutations, as good for
    MinHash; 32-bit collisions between a few hundred shingles are negligible.
    """
    from datasketch import MinHash

    items = list(shingles)
    if not items:
        return None
    mh = MinHash(num_perm=num_perm, seed=_SEED, hashfunc=zlib.crc32,
                 permutations=_permutations(num_perm), scheme="affine32")
    mh.update_batch(items)
    return np.asarray(mh.hashvalues, dtype=np.uint32)


def signature_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<u4")


# Odd 64-bit multipliers for the band hash (the golden-ratio constant and mixing constants
# of splitmix64, xxHash and wyhash): bucket key = sum(value_i * M_i) + band * M_rows, mod
# 2^64. They must never change once band keys are stored.
_BAND_MULT = np.array([
    0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
    0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3,
], dtype=np.uint64)


def band_keys(sig: np.ndarray, bands: int, rows: int) -> list[int]:
    """One bucket key per LSH band: a hash of the band number and its ``rows`` values."""
    if rows + 1 > len(_BAND_MULT):
        raise ValueError(f"at most {len(_BAND_MULT) - 1} rows per band")
    n = min(bands, len(sig) // rows)
    values = np.asarray(sig[: n * rows], dtype=np.uint64).reshape(n, rows)
    with np.errstate(over="ignore"):
        keys = (values * _BAND_MULT[:rows]).sum(axis=1, dtype=np.uint64)
        keys += np.arange(n, dtype=np.uint64) * _BAND_MULT[rows]
    return keys.view(np.int64).tolist()


def figures(sentences: Iterable[str]) -> frozenset[str]:
    """The figures of a text: its word tokens (:func:`words`) that contain a digit
    (``40,000`` gives ``40`` and ``000``, ``6.5pct`` gives ``6`` and ``5pct``). Copies keep a
    story's figures; reports built from one template (dividend notices, weekly statistics)
    differ in them."""
    return shingles_and_figures(sentences, 1)[1]


@dataclasses.dataclass(frozen=True)
class Fingerprint:
    """What the copy decision (:func:`storyline.syndication.copy_evidence`) reads of one
    article: its exact shingle set, its figures and its publication date."""

    shingles: AbstractSet[bytes]
    figures: frozenset[str]
    published: dt.date

    @classmethod
    def of(cls, article: Article, shingle_words: int) -> Fingerprint:
        """The fingerprint of an article's sentences (pass it with ``text`` lines only)."""
        found, figures = shingles_and_figures((s.text for s in article.sentences), shingle_words)
        return cls(found, figures, article.published)


def overlap(a: AbstractSet[bytes], b: AbstractSet[bytes]) -> tuple[float, float]:
    """Exact Jaccard similarity of two shingle sets and the share of the smaller one found
    in the other (its containment)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def estimate_overlap(sig: np.ndarray, others: np.ndarray, n: int, n_others: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Estimated Jaccard similarity and containment of ``sig`` against each row of ``others``.

    Containment is the share of the *smaller* set that is in the other: with exact set sizes
    and the Jaccard estimate J, ``|A & B| = J (|A| + |B|) / (1 + J)``.
    """
    jaccard = (others == sig[None, :]).mean(axis=1)
    inter = jaccard * (n + n_others) / (1.0 + jaccard)
    smaller = np.minimum(n, n_others).astype(float)
    containment = np.minimum(1.0, inter / np.maximum(smaller, 1.0))
    return jaccard, containment
