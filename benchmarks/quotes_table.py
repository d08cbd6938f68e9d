"""Print the quotes table of BENCHMARKS.md from a ``quotes_polnear.py`` result file.

The table in the "Quotes and speakers" section is this script's output for
``benchmarks/results/quotes_polnear.json``, so the figures in the text are the measured ones::

    .venv/bin/python benchmarks/quotes_table.py [benchmarks/results/quotes_polnear.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RESULT = Path(__file__).resolve().parent / "results" / "quotes_polnear.json"
CONDITIONS = (("ordered_with_quotes", "quote marks kept"), ("ordered", "stripped"),
              ("shuffled", "stripped + shuffled"))
SYSTEMS = (("baseline_regex", "baseline regex"),
           ("rules_only_full_parse", "rules only (round 1 + later rules), full"),
           ("storyline_full_parse", "storyline, full"),
           ("storyline_selective_parse", "storyline, selective"),
           ("storyline_enrich_parse", "storyline, enrich gate"))
HEADER = ("| {split}, P / R / F1 | preds | quotes o>0.3 | F1 o≥0.8 | F1 exact | speaker acc (named) "
          "| who-said-what o>0.3 | wsw F1 o≥0.8 |")


def rows(result: dict) -> list[str]:
    """The markdown lines: a header, then per condition a bold row and one row per system
    (systems the run did not score are left out). The full-parse F1s are in bold."""
    out = [HEADER.format(split=result.get("split", "dev")), "|---|---|---|---|---|---|---|---|"]
    for key, title in CONDITIONS:
        systems = result["conditions"].get(key)
        if not systems:
            continue
        out.append(f"| **{title}** | | | | | | | |")
        for name, label in SYSTEMS:
            r = systems.get(name)
            if not r:
                continue
            bold = "**" if name == "storyline_full_parse" else ""
            out.append(
                f"| {label} | {r['predictions']:,} "
                f"| {r['quotes_loose_P']:.3f} / {r['quotes_loose_R']:.3f} / {bold}{r['quotes_loose_F1']:.3f}{bold} "
                f"| {r['quotes_strict_F1']:.3f} | {r['quotes_exact_F1']:.3f} | {r['speaker_named_acc_loose']:.3f} "
                f"| {r['wsw_loose_P']:.3f} / {r['wsw_loose_R']:.3f} / {bold}{r['wsw_loose_F1']:.3f}{bold} "
                f"| {r['wsw_strict_F1']:.3f} |")
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else RESULT
    try:
        result = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"cannot read {path}: {exc}; give the JSON that benchmarks/quotes_polnear.py --out wrote",
              file=sys.stderr)
        return 2
    print("\n".join(rows(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
