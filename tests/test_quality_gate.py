"""The quality gate: benchmark figures may rise, never silently fall.

``benchmarks/quality_gate.json`` pins floors on figures that benchmark scripts write to the
committed ``benchmarks/results/*.json``. This test reads those committed files (never the
shared evaluation data), so it runs from a clean clone: a change that lowers a pinned figure
must either be fixed or lower the floor in the same commit, where a reviewer sees it.

Gate entries: ``{"name", "result", "key", "floor", "why"}`` where ``result`` is a file in
``benchmarks/results/`` and ``key`` the list of keys leading to the number in it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GATE = ROOT / "benchmarks" / "quality_gate.json"
RESULTS = ROOT / "benchmarks" / "results"


def _entries() -> list[dict]:
    return json.loads(GATE.read_text(encoding="utf-8"))["floors"]


def _lookup(data, key: list):
    for part in key:
        data = data[part]
    return data


def test_the_gate_file_is_well_formed():
    entries = _entries()
    assert entries, "the gate pins nothing"
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names)), "gate names must be unique"
    for e in entries:
        assert set(e) >= {"name", "result", "key", "floor", "why"}, e
        assert isinstance(e["key"], list) and e["key"], e["name"]
        assert isinstance(e["floor"], (int, float)) and math.isfinite(e["floor"]), e["name"]
        assert e["why"].strip(), e["name"]
        assert "/" not in e["result"] and e["result"].endswith(".json"), e["name"]


def _problem(entry: dict, results: Path) -> str | None:
    """Why ``entry`` fails the gate against the result files in ``results``, or None."""
    path = results / entry["result"]
    if not path.exists():
        return f"{entry['result']} is not in benchmarks/results/ (results are committed)"
    try:
        value = _lookup(json.loads(path.read_text(encoding="utf-8")), entry["key"])
    except (KeyError, IndexError, TypeError):
        return f"{entry['result']} has no {'/'.join(map(str, entry['key']))}"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{entry['name']}: {value!r} is not a number"
    if not value >= entry["floor"]:
        return (f"{entry['name']} fell to {value:.4f}, below its floor {entry['floor']:.4f} "
                f"({entry['result']}): fix the regression, or lower the floor in quality_gate.json "
                "with the reason in the commit message")
    return None


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["name"])
def test_pinned_figure_is_at_or_above_its_floor(entry):
    problem = _problem(entry, RESULTS)
    assert problem is None, problem


def test_the_gate_catches_a_fall_a_missing_figure_and_a_missing_file(tmp_path):
    entry = {"name": "x", "result": "x.json", "key": ["systems", "a", "F"], "floor": 0.5, "why": "test"}
    assert "is not in benchmarks/results" in _problem(entry, tmp_path)
    for value, expected in ((0.51, None), (0.5, None), (0.49, "below its floor"), (float("nan"), "below its floor"),
                            ("0.9", "is not a number")):
        (tmp_path / "x.json").write_text(json.dumps({"systems": {"a": {"F": value}}}), encoding="utf-8")
        problem = _problem(entry, tmp_path)
        assert (problem is None) if expected is None else (expected in problem), (value, problem)
    (tmp_path / "x.json").write_text(json.dumps({"systems": {}}), encoding="utf-8")
    assert "has no systems/a/F" in _problem(entry, tmp_path)
