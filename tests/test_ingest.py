"""Ingest into the store: idempotency, versions, rejections kept, and crash recovery."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from storyline.ingest import ingest
from storyline.settings import Settings
from storyline.store import articles as db
from storyline.store import open_store


def article(n: int, *, url: str | None = None, extra: str = "") -> str:
    return (
        f"Headline number {n}\n20250308\n{url or f'https://paper{n % 3}.example.com/news/{n}'}\n"
        f"First sentence of article {n}.{extra}\nSecond sentence of article {n}.\n"
    )


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(6):
        (folder / f"a{n}.txt").write_text(article(n))
    (folder / "bad.txt").write_text("Broken\n20221345\nhttps://x.example.com/b\nText.\n")
    return folder


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "s.db")
    yield s
    s.close()


def test_ingest_adds_articles_and_records_rejections(store, corpus):
    report = ingest(store, [str(corpus)])
    assert (report.inputs, report.articles_read, report.added, report.unchanged) == (7, 6, 6, 0)
    assert [(r.code, r.line) for r in report.rejected] == [("BAD_DATE", 2)]
    assert report.exit_code == 1
    assert db.counts(store) == {"articles": 6, "versions": 6, "sentences": 12, "outlets": 3, "rejections": 1}
    [rej] = db.rejections(store)
    assert (rej["source"].endswith("bad.txt"), rej["line"], rej["code"]) == (True, 2, "BAD_DATE")


def test_ingesting_the_same_input_twice_adds_nothing(store, corpus):
    ingest(store, [str(corpus)])
    again = ingest(store, [str(corpus)])
    assert (again.inputs_skipped, again.added, again.articles_read) == (7, 0, 0)
    # Even when the files are read again (touched), nothing is added twice.
    for path in corpus.iterdir():
        os.utime(path, None)
        path.touch()
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    third = ingest(store, [str(corpus)])
    assert (third.inputs_skipped, third.articles_read, third.added, third.unchanged) == (0, 6, 0, 6)
    assert db.counts(store)["articles"] == 6 and db.counts(store)["rejections"] == 1


def test_same_url_with_changed_text_keeps_the_old_version(store, tmp_path):
    first = tmp_path / "v1.txt"
    first.write_text(article(1, url="https://a.example.com/story"))
    ingest(store, [str(first)])
    second = tmp_path / "v2.txt"
    second.write_text(article(1, url="http://www.a.example.com/story/?utm_campaign=x", extra=" Updated."))
    report = ingest(store, [str(second)])
    assert (report.added, report.new_versions) == (0, 1)
    versions = store.query("SELECT version, is_current FROM articles ORDER BY version")
    assert versions == [{"version": 1, "is_current": 0}, {"version": 2, "is_current": 1}]
    assert db.counts(store)["articles"] == 1 and db.counts(store)["versions"] == 2
    listed = db.list_articles(store)
    assert len(listed) == 1 and listed[0]["version"] == 2


def test_fixed_file_clears_its_old_rejection(store, tmp_path):
    path = tmp_path / "fixme.txt"
    path.write_text("T\n20221345\nhttps://a.example.com/f\nText.\n")
    assert ingest(store, [str(path)]).exit_code == 1
    path.write_text("T\n20221231\nhttps://a.example.com/f\nText.\n")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    report = ingest(store, [str(path)])
    assert (report.exit_code, report.added) == (0, 1)
    assert db.rejections(store) == []


def test_a_failure_mid_ingest_keeps_committed_batches_and_a_rerun_finishes(tmp_path, corpus, monkeypatch):
    settings = Settings({"ingest.batch_size": 2})
    s = open_store(tmp_path / "crash.db", settings=settings)
    import storyline.ingest as ingest_module

    real = ingest_module.read_input
    calls = {"n": 0}

    def failing(inp, settings, stream=None):
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("simulated crash")
        return real(inp, settings, stream=stream)

    monkeypatch.setattr(ingest_module, "read_input", failing)
    with pytest.raises(RuntimeError):
        ingest(s, [str(corpus)], settings=settings)
    committed = db.counts(s)["articles"]
    assert committed == 4  # two full batches of 2 were committed before the crash
    monkeypatch.setattr(ingest_module, "read_input", real)
    report = ingest(s, [str(corpus)], settings=settings)
    # a3 was committed but its done-mark was still pending: it is read again, found unchanged.
    assert (report.added, report.unchanged, report.inputs_skipped) == (2, 1, 3)
    assert db.counts(s)["articles"] == 6
    assert s.scalar("SELECT COUNT(*) FROM (SELECT id FROM articles GROUP BY id HAVING COUNT(*) > 1) d") == 0
    s.close()


@pytest.mark.slow
def test_killed_ingest_is_finished_by_running_it_again(tmp_path):
    """SIGKILL an ingest that is streaming JSONL from stdin after some batches committed."""
    db_path = tmp_path / "killed.db"
    records = [
        json.dumps({"title": f"T{n}", "date": "20250308", "url": f"https://k.example.com/{n}", "text": f"Sentence {n}."})
        for n in range(400)
    ]
    cmd = [sys.executable, "-m", "storyline", "ingest", "-", "--db", str(db_path), "--no-enrich", "-q",
           "--set", "ingest.batch_size=50"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc.stdin.write(("\n".join(records[:220]) + "\n").encode())
    proc.stdin.flush()
    deadline = time.time() + 60
    seen = 0
    while time.time() < deadline:
        if db_path.exists():
            try:
                s = open_store(db_path, readonly=True)
                seen = db.counts(s)["articles"]
                s.close()
            except Exception:
                seen = 0
        if seen >= 200:
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert seen == 200, "four batches of 50 should have been committed before the kill"
    rerun = subprocess.run(cmd, input=("\n".join(records) + "\n").encode(), capture_output=True)
    assert rerun.returncode == 0, rerun.stderr.decode()
    s = open_store(db_path, readonly=True)
    assert db.counts(s)["articles"] == 400
    assert s.scalar("SELECT COUNT(DISTINCT id) FROM articles") == 400
    s.close()
