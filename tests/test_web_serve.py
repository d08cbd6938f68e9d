"""`storyline serve`: a real server process (two uvicorn workers) on a free loopback port,
read-only unless given a token; a missing store fails before the server starts."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from test_web_api import UPLOAD, build

STORYLINE = [sys.executable, "-m", "storyline"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: str, *extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([*STORYLINE, "serve", "--db", db, "--port", str(port), "-q", *extra],
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60  # worker start-up took up to ~15 s on the busy shared machine
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited {proc.returncode}: {proc.stderr.read().decode()}")
        try:
            if httpx.get(base + "/api", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("serve did not answer within 60 s")


def stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


def test_serve_with_two_workers_is_read_only(tmp_path):
    db = build(tmp_path / "in", tmp_path / "s.db", {"a.txt": UPLOAD.decode()}, enrich=False)
    proc, base = start(db, "--workers", "2", env={"STORYLINE_TOKEN": ""})
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
        assert stop(proc) == 0


def test_serve_with_a_token_accepts_uploads_that_carry_it(tmp_path):
    db = build(tmp_path / "in", tmp_path / "s.db", {"a.txt": UPLOAD.decode()}, enrich=False)
    other = UPLOAD.replace(b"ferry-resumes", b"second").replace(b"Tarrow ferry service resumes", b"Tarrow pier reopens")
    proc, base = start(db, env={"STORYLINE_TOKEN": "t0ken"})
    try:
        assert httpx.post(base + "/api/ingest", content=other).status_code == 401
        r = httpx.post(base + "/api/ingest", content=other, headers={"Authorization": "Bearer t0ken"}, timeout=60)
        assert r.status_code == 200 and r.json()["added"] == 1
        assert httpx.get(base + "/api").json()["counts"]["articles"] == 2
    finally:
        assert stop(proc) == 0


def test_serve_on_a_missing_store_says_what_to_do(tmp_path):
    missing = str(Path(tmp_path) / "none.db")
    done = subprocess.run([*STORYLINE, "serve", "--db", missing, "--port", str(free_port())],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "NOT_FOUND" in done.stderr and "storyline ingest" in done.stderr
