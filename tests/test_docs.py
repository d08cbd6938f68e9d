"""The command and settings references are generated from the code and kept in step."""

from __future__ import annotations

import runpy
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_reference_docs_match_the_code():
    script = runpy.run_path(str(REPO / "scripts" / "regenerate-docs"))
    for name, build in script["DOCS"].items():
        committed = (REPO / "docs" / name).read_text(encoding="utf-8")
        assert committed == build(), f"docs/{name} is out of date: run scripts/regenerate-docs and commit it"


def test_readme_names_every_command():
    import click

    from storyline.cli import cli

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [c for c in cli.list_commands(click.Context(cli)) if f"storyline {c}" not in readme]
    assert missing == [], f"README.md does not mention: {', '.join(missing)}"
