"""`storyline serve`: a real server process (two uvicorn workers) on a free loopback port,
read-only unless given a token; a missing store fails before the server starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from storyline.web.launch import free_port, start_serve, stop_serve
from test_web_api import UPLOAD, build

STORYLINE = [sys.executable, "-m", "storyline"]


def test_serve_with_two_workers_is_read_only(tmp_path):
    db = build(tmp_path / "in", tmp_path / "s.db", {"a.txt": UPLOAD.decode()}, enrich=False)
    proc, base = start_serve(db, "--workers", "2", env={"STORYLINE_TOKEN": ""})
    try:
        index = httpx.get(base + "/api").json()
        assert index["counts"]["articles"] == 1 and index["writable"] is False
        # Several requests, so both workers answer some.
        for _ in range(20):
            assert httpx.get(base + "/api/search", params={"q": "harbour"}).json()["items"]
        assert httpx.get(base + "/").headers["content-security-policy"].startswith("default-src 'none'")
        r = httpx.post(base + "/api/ingest", content=UPLOAD)
        assert (r.status_code, r.json()["error"]["code"]) == (403, "READ_ONLY")
    finally:
        assert stop_serve(proc) == 0


def test_serve_with_a_token_accepts_uploads_that_carry_it(tmp_path):
    db = build(tmp_path / "in", tmp_path / "s.db", {"a.txt": UPLOAD.decode()}, enrich=False)
    other = UPLOAD.replace(b"ferry-resumes", b"second").replace(b"Tarrow ferry service resumes", b"Tarrow pier reopens")
    proc, base = start_serve(db, env={"STORYLINE_TOKEN": "t0ken"})
    try:
        assert httpx.post(base + "/api/ingest", content=other).status_code == 401
        r = httpx.post(base + "/api/ingest", content=other, headers={"Authorization": "Bearer t0ken"}, timeout=60)
        assert r.status_code == 200 and r.json()["added"] == 1
        assert httpx.get(base + "/api").json()["counts"]["articles"] == 2
    finally:
        assert stop_serve(proc) == 0


def test_serve_on_a_missing_store_says_what_to_do(tmp_path):
    missing = str(Path(tmp_path) / "none.db")
    done = subprocess.run([*STORYLINE, "serve", "--db", missing, "--port", str(free_port())],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "NOT_FOUND" in done.stderr and "storyline ingest" in done.stderr
