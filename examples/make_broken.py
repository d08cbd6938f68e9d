"""Write the broken example files whose bytes cannot be typed in an editor.

Run from the repository root: ``python examples/make_broken.py``. It (re)writes four files in
``examples/corpus/broken/``; the other broken files there are plain text and are edited by
hand. Everything written here is invented for storyline (see ``examples/README.md``).

- ``binary.txt``: a line-format header followed by NUL bytes, as left by an interrupted
  download that was pre-allocated on disk. Expected: ``BINARY_FILE``.
- ``invalid-utf8.txt``: an article saved as Windows-1252 (``Café`` is the single byte 0xE9),
  which is not valid UTF-8. Expected: ``UNDECODABLE`` at line 4.
- ``mojibake.txt``: valid UTF-8 that was decoded as Windows-1252 once and encoded again
  (``Café`` became ``CafÃ©``). Expected: accepted, repaired, flagged ``mojibake_repaired``.
- ``long-line.txt``: an article with an inlined base64 image of 30,000 characters on one
  line. Expected: ``LINE_TOO_LONG`` (the default ``ingest.max_line_chars`` is 20,000).
"""

from __future__ import annotations

import base64
import random
from pathlib import Path

BROKEN = Path(__file__).resolve().parent / "corpus" / "broken"

BINARY_HEADER = (
    "Vellmark crossing reopens to freight after six-hour halt\n"
    "20250309\n"
    "https://www.eskebycourier.example/news/local/vellmark-crossing-reopens-freight-1298321\n"
    "Lorries began moving through the Vellmark crossing again shortly after midday.\n"
)
# 4 KiB of zeros: the size of one disk block, what a pre-allocated, never-written file holds.
BINARY_PADDING = b"\x00" * 4096

INVALID_UTF8 = (
    "Border queues leave Eskeby cafe short of customers\n"
    "20250310\n"
    "https://www.eskebycourier.example/news/local/border-queues-cafe-customers-1298402\n"
    "The owners of Café Nord on the Eskeby road say trade has halved since the queues began.\n"
    "Lorry drivers used to stop for breakfast on their way to Dunmere, the owners said.\n"
    "Now most of them stay in their cabs and wait.\n"
)

MOJIBAKE = (
    "Café owners on the Eskeby road count the cost of the border crisis\n"
    "20250310\n"
    "https://www.eskebycourier.example/news/local/cafe-owners-eskeby-road-count-cost-1298415\n"
    "Business at Café Lumière on the Eskeby road has fallen by half since the queues at the crossing began.\n"
    "Owner Zoë Lindgren said lorry drivers used to stop for breakfast on their way to Dunmere – now they sit in their cabs for hours.\n"
    "We have had the quietest week since we opened in 2016, she said.\n"
    "The bakery next door, run by Jörg Almström, has cut its opening hours to four days a week.\n"
    "Mayor Tom Pryce said the council would ask the government for help for businesses near the crossing.\n"
    "Got a story? Email newsdeskeskebycourier.example or call 01632 960 471.\n"
    "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.\n"
)

LONG_HEADER = (
    "Open Hands appeal raises 400,000 crowns in three days\n"
    "20250311\n"
    "https://lakesideecho.example/news/2025/03/11/open-hands-appeal-raises-400000-crowns.html\n"
    "An appeal for families displaced from the Vellmark border villages has raised 400,000 crowns in three days, the charity Open Hands said.\n"
)
LONG_FOOTER = (
    "The charity said the money would pay for a third convoy later this month.\n"
    "Want more stories like this? Sign up for the Echo morning briefing.\n"
)
# 30,000 characters: half as long again as the 20,000-character default limit, so the file
# stays rejected even if the limit is raised a little. Slashes are stripped as in real crawls.
LONG_LINE_CHARS = 30_000


def long_line() -> str:
    """A flattened inline image (``data:image/png;base64,...`` with ``/`` stripped)."""
    rng = random.Random(20250311)  # fixed seed: the file is the same on every run
    payload = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(LONG_LINE_CHARS))).decode("ascii")
    text = "data:imagepng;base64," + payload.replace("/", "").replace("+", "")
    return text[:LONG_LINE_CHARS]


def main() -> None:
    BROKEN.mkdir(parents=True, exist_ok=True)
    (BROKEN / "binary.txt").write_bytes(BINARY_HEADER.encode("utf-8") + BINARY_PADDING)
    (BROKEN / "invalid-utf8.txt").write_bytes(INVALID_UTF8.encode("cp1252"))
    (BROKEN / "mojibake.txt").write_bytes(MOJIBAKE.encode("utf-8").decode("cp1252").encode("utf-8"))
    (BROKEN / "long-line.txt").write_text(LONG_HEADER + long_line() + "\n" + LONG_FOOTER, encoding="utf-8")


if __name__ == "__main__":
    main()
