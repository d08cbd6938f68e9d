"""Run ``storyline serve`` as a child process and wait until it answers: for tests,
benchmarks and scripts that need a real server (several uvicorn workers, real sockets)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping

__all__ = ["free_port", "start_serve", "stop_serve"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(db: str, *args: str, env: Mapping[str, str] | None = None, probe: str = "/api",
                timeout_s: float = 60.0) -> tuple[subprocess.Popen, str]:
    """Start ``storyline serve --db DB --port PORT -q ARGS...`` on a free loopback port and
    return (process, base URL) once ``probe`` answers 200. Raises RuntimeError, with the
    server's error output, if it exits first or does not answer within ``timeout_s``."""
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", db, "--port", str(port), "-q", *args],
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"storyline serve exited {proc.returncode}: {proc.stderr.read().decode()}")
        try:
            if httpx.get(base + probe, timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"storyline serve did not answer {probe} within {timeout_s:g} s")


def stop_serve(proc: subprocess.Popen, timeout_s: float = 15.0) -> int:
    """Stop it as Ctrl-C would; kill it if it does not exit in ``timeout_s``. Returns its exit code."""
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()
