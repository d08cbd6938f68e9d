"""Big inputs: JSONL and WARC framed here and parsed by workers in order, folders of many files
listed in bounded memory, tasks in flight bounded, and peak memory flat as inputs grow.

The corpus writers at the top make small fictional corpora (invented people, places and
outlets) in every input format; tests/test_cluster.py uses them too.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from storyline import executors
from storyline.ingest import ingest
from storyline.readers import _sorted_entries, discover, read_paths
from storyline.records import Article
from storyline.settings import Settings
from storyline.store import open_store

# --- fictional corpora ---------------------------------------------------------------------
PEOPLE = ["Mira Castell", "Tomas Brennick", "Ilse Varga", "Jonah Pereth", "Anika Solberg", "Rafe Dunning"]
PLACES = ["Dunmore", "Kessla", "Port Avel", "Lindqvist Bay", "Orrin Falls"]
ORGS = ["Harrow Mining", "the Avel Port Authority", "Northway Rail", "the Kessla Growers Union"]
TOPICS = ["harbour expansion", "rail strike", "mine closure", "water rights dispute", "ferry contract"]
OUTLETS = ["dunmore-courier.example.com", "kessla-ledger.example.org", "avel-times.example.net", "bay-herald.example.com"]
SENTENCES = [
    "{p1} said {org} would cut {n} jobs in {place} by the end of {month}.",
    "Officials in {place} met on {weekday} to discuss the {topic}.",
    "{p1} accused {p2} of blocking the {topic} talks.",
    "{org} announced on {weekday} that it had signed an agreement with {org2}.",
    "We will not accept this, {p1} told reporters in {place}.",
    "{p2} said talks on the {topic} would resume next week.",
    "Protesters gathered outside the town hall in {place} on {weekday}.",
    "{org} threatened to sue {org2} over the {topic}.",
    "The council in {place} approved a budget of {n} million crowns for the {topic}.",
    "{p2} visited {place} on {weekday} and promised more funding.",
]
FURNITURE = ["Sign up for our morning newsletter.", "Follow the Courier on social media for updates."]
MONTHS = ["March", "April", "May"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def fictional_articles(n: int, seed: int = 11) -> list[dict]:
    """``n`` articles about invented events; every fifth is a lightly edited copy of an
    earlier one on another outlet (syndication), and most carry a furniture line."""
    rng = random.Random(seed)
    out: list[dict] = []
    for i in range(n):
        if i % 5 == 4 and out:
            src = out[rng.randrange(len(out))]
            sentences = [s.replace(" on ", " on ", 1) for s in src["sentences"]][:-1] + ["The report was updated."]
            outlet = OUTLETS[(OUTLETS.index(src["url"].split("/")[2]) + 1) % len(OUTLETS)]
            out.append({"title": src["title"], "date": src["date"], "url": f"https://{outlet}/news/{i}-copy",
                        "sentences": sentences})
            continue
        fill = {"p1": rng.choice(PEOPLE), "p2": rng.choice(PEOPLE), "org": rng.choice(ORGS), "org2": rng.choice(ORGS),
                "place": rng.choice(PLACES), "topic": rng.choice(TOPICS), "n": rng.randrange(20, 900),
                "month": rng.choice(MONTHS), "weekday": rng.choice(WEEKDAYS)}
        sentences = [t.format(**fill) for t in rng.sample(SENTENCES, rng.randrange(3, 7))]
        if rng.random() < 0.7:
            sentences.insert(rng.randrange(len(sentences)), FURNITURE[i % 2])
        day = dt.date(2025, 3, 1) + dt.timedelta(days=i % 20)
        out.append({"title": f"{fill['place']}: {fill['topic']} row deepens ({i})", "date": day.strftime("%Y%m%d"),
                    "url": f"https://{OUTLETS[i % len(OUTLETS)]}/news/{i}", "sentences": sentences})
    return out


def write_lines(folder: Path, articles: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, a in enumerate(articles):
        (folder / f"{i:05d}.txt").write_text("\n".join([a["title"], a["date"], a["url"], *a["sentences"]]) + "\n")


def write_jsonl(path: Path, articles: list[dict], pad: int = 0) -> None:
    """news-please fields; ``pad`` bytes of an ignored field make each line big."""
    with open(path, "w") as fh:
        for a in articles:
            record = {"title": a["title"], "date_publish": f"{a['date'][:4]}-{a['date'][4:6]}-{a['date'][6:]}",
                      "url": a["url"], "maintext": " ".join(a["sentences"])}
            if pad:
                record["raw_html"] = "x" * pad
            fh.write(json.dumps(record) + "\n")


def page_html(a: dict, pad: int = 0) -> str:
    paras = "".join(f"<p>{s}</p>" for s in a["sentences"])
    day = f"{a['date'][:4]}-{a['date'][4:6]}-{a['date'][6:]}"
    return (f'<html><head><title>{a["title"]}</title><link rel="canonical" href="{a["url"]}">'
            f'<meta property="article:published_time" content="{day}T09:00:00Z"></head>'
            f'<body><nav>Home | World</nav><article><h1>{a["title"]}</h1>{paras}</article>'
            f'<!-- {"p" * pad} --><footer>Copyright 2025</footer></body></html>')


def write_warc(path: Path, articles: list[dict], pad: int = 0, images: int = 0) -> None:
    """HTML responses (``pad`` bytes of comment each), each followed by an image record of
    ``images`` bytes that the reader skips."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for a in articles:
            records = [(a["url"], page_html(a, pad).encode(), "text/html; charset=utf-8")]
            if images:
                records.append((a["url"] + "/photo.png", b"\x89PNG" + bytes(images), "image/png"))
            for uri, body, ctype in records:
                headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers,
                    warc_headers_dict={"WARC-Date": "2025-03-21T12:00:00Z"}))


def write_generated_corpus(folder: Path, n: int = 40) -> Path:
    """Line-format files, one JSONL dump and one WARC archive of distinct fictional articles."""
    arts = fictional_articles(n + 24)
    write_lines(folder / "lines", arts[:n])
    for a in arts[n:]:
        a["url"] = a["url"].replace("/news/", "/wire/")
    write_jsonl(folder / "dump.jsonl", arts[n:n + 12])
    write_warc(folder / "crawl.warc.gz", arts[n + 12:], images=300)
    return folder


# --- framing and order ---------------------------------------------------------------------
FRAMED = {"ingest.frame_bytes": 2000, "ingest.task_inputs": 5, "ingest.progress": False}


@pytest.fixture
def generated(tmp_path) -> Path:
    return write_generated_corpus(tmp_path / "corpus", n=30)


def _stored(store) -> list[tuple]:
    return [tuple(r) for r in store.rows("SELECT source, source_line, id FROM articles ORDER BY seq")]


def test_big_jsonl_and_warc_parsed_by_workers_come_back_in_input_order(tmp_path, generated, monkeypatch):
    """Files over ingest.frame_bytes are framed here and parsed in a pool of two processes;
    the stored order is the order of a plain serial read, and one process stores the same."""
    assert (generated / "dump.jsonl").stat().st_size > 2000 and (generated / "crawl.warc.gz").stat().st_size > 2000
    serial = [a for a in read_paths([str(generated)], Settings(FRAMED)) if isinstance(a, Article)]
    assert {a.format for a in serial} == {"lines", "jsonl", "warc"} and len(serial) == 54
    pools = []
    real = executors.local_pool
    monkeypatch.setattr(executors, "local_pool", lambda jobs: pools.append(jobs) or real(jobs))
    for jobs in (2, 1):
        store = open_store(tmp_path / f"s{jobs}.db")
        report = ingest(store, [str(generated)], settings=Settings({**FRAMED, "ingest.jobs": jobs}))
        assert (report.added, report.rejected) == (54, [])
        assert _stored(store) == [(a.source, a.source_line, a.id) for a in serial]
        done = store.rows("SELECT name, articles FROM inputs WHERE name LIKE '%dump.jsonl' OR name LIKE '%warc.gz' ORDER BY name")
        assert [(Path(r[0]).name, r[1]) for r in done] == [("crawl.warc.gz", 12), ("dump.jsonl", 12)]
        store.close()
    assert pools == [2]  # the two-process run really used a pool; the one-process run none


def test_a_big_input_rejected_lines_stay_in_place(tmp_path, monkeypatch):
    arts = fictional_articles(6)
    path = tmp_path / "mixed.jsonl"
    write_jsonl(path, arts)
    lines = path.read_text().splitlines()
    lines[2] = lines[2][:40]  # cut off mid-record
    path.write_text("\n".join(lines) + "\n" + "x" * 3000 + "\n")
    # Threads stand in for processes here (same ordering code, no start-up cost).
    monkeypatch.setattr(executors, "local_pool", lambda jobs: executors.Workers(ThreadPoolExecutor(jobs), jobs, "threads"))
    store = open_store(tmp_path / "s.db")
    report = ingest(store, [str(path)], settings=Settings({**FRAMED, "ingest.task_inputs": 2, "ingest.jobs": 2,
                                                           "ingest.max_record_bytes": 2500}))
    assert [(r.line, r.code) for r in report.rejected] == [(3, "BAD_JSON"), (7, "TOO_LARGE")]
    assert [r[1] for r in _stored(store)] == [1, 2, 4, 5, 6]
    store.close()


# --- folders of many files -----------------------------------------------------------------
def test_a_folder_sorted_in_spilled_runs_lists_names_in_order(tmp_path):
    names = [f"f{i:03d}.txt" for i in range(0, 57, 2)] + ["Zeta.txt", "ä-umlaut.txt", "line\nbreak.txt", "a b.txt"]
    names += [f"f{i:03d}.txt" for i in range(1, 57, 2)]
    for name in names:
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").write_text("x")
    expected = sorted([(n, False) for n in names] + [("sub", True)])
    assert list(_sorted_entries(str(tmp_path), run=7)) == expected
    assert list(_sorted_entries(str(tmp_path))) == expected


def test_discover_order_does_not_depend_on_the_sort_run(tmp_path, monkeypatch):
    for d in ("b", "a", "a/c"):
        (tmp_path / d).mkdir()
    placed: dict[str, list[str]] = {"a": [], "b": [], "a/c": []}
    for i in range(25):
        folder = "a" if i % 3 else "b"
        placed[folder].append(f"{(i * 7) % 25:02d}.txt")
        placed["a/c"].append(f"n{i}.txt")
    for folder, names in placed.items():
        for name in names:
            (tmp_path / folder / name).write_text("x")
    # "c" sorts after "24.txt", so a's sub-folder comes after a's files and before b.
    expected = [f"{folder}/{name}" for folder in ("a", "a/c", "b") for name in sorted(placed[folder])]
    import storyline.readers as readers

    monkeypatch.setattr(readers, "SORT_RUN_ENTRIES", 4)
    assert [os.path.relpath(i.name, tmp_path) for i in discover([str(tmp_path)])] == expected


# --- tasks in flight -------------------------------------------------------------------------
class _RecordingPool:
    """A stand-in executor that runs nothing until a result is asked for, and records how
    many tasks were waiting at most."""

    def __init__(self):
        self.outstanding: list[Future] = []
        self.most = 0

    def submit(self, fn, *args):
        future: Future = Future()
        future.add_done_callback(lambda f: self.outstanding.remove(f))
        original = future.result

        def result(timeout=None):
            if not future.done():
                future.set_result(fn(*args))
            return original(timeout)

        future.result = result  # type: ignore[method-assign]
        self.outstanding.append(future)
        self.most = max(self.most, len(self.outstanding))
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def _double(task, overrides):
    return [2 * x for x in task]


def test_ordered_tasks_bound_what_is_in_flight_and_keep_order(monkeypatch):
    pool = _RecordingPool()
    monkeypatch.setattr(executors, "local_pool", lambda jobs: executors.Workers(pool, jobs, "test"))
    settings = Settings({"cluster.inflight_per_worker": 3})
    with executors.OrderedTasks(_double, settings, 2, start_after=2) as tasks:
        out = list(tasks.map([[i, i + 1] for i in range(0, 40, 2)]))
    assert out == [[2 * i, 2 * i + 2] for i in range(0, 40, 2)]
    assert pool.most == 7  # 3 per worker x 2 workers, plus the one just submitted


def test_too_few_tasks_run_here_without_a_pool(monkeypatch):
    monkeypatch.setattr(executors, "local_pool", lambda jobs: pytest.fail("no pool for one task"))
    with executors.OrderedTasks(_double, Settings(), 2, start_after=2) as tasks:
        assert list(tasks.map([[1, 2]])) == [[2, 4]]


# --- memory ----------------------------------------------------------------------------------
_MEASURE = """
import json, resource, sys
from storyline.ingest import ingest
from storyline.settings import Settings
from storyline.store import open_store
settings = Settings({"ingest.batch_size": 25, "ingest.jobs": 1, "ingest.progress": False})
store = open_store(sys.argv[2], settings=settings)
report = ingest(store, [sys.argv[1]], settings=settings)
print(json.dumps({"added": report.added, "rejected": len(report.rejected),
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _peak(tmp_path: Path, n: int) -> dict:
    folder = tmp_path / f"in{n}"
    folder.mkdir()
    arts = fictional_articles(2 * n, seed=n)
    for i, a in enumerate(arts):
        a["url"] = f"https://bulk.example.com/{n}/{i}"
    # The archive first: HTML extraction's imports come before the JSONL is read, so what the
    # JSONL reading holds shows above them.
    write_warc(folder / "a.warc.gz", arts[n:], pad=60_000, images=40_000)
    write_jsonl(folder / "b.jsonl", arts[:n], pad=80_000)
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(folder), str(tmp_path / f"m{n}.db")],
                         check=True, capture_output=True, text=True, timeout=300)
    result = json.loads(out.stdout)
    # What the reader decompresses: the JSONL file, and per archived page its HTML and image.
    result["payload_mib"] = ((folder / "b.jsonl").stat().st_size + n * 100_000) / 2**20
    return result


@pytest.mark.slow
def test_peak_memory_stays_flat_when_big_inputs_grow(tmp_path):
    """A WARC of 60 KB pages with 40 KB images and a JSONL dump of 80 KB lines, read and
    parsed in one process: five times the records (36 MiB more to read) must not raise the
    peak by more than 12 MiB: it rises by about 1 MiB, and by 16 MiB with a reader that holds
    an input's frames (tried while writing this test)."""
    small, big = _peak(tmp_path, 50), _peak(tmp_path, 250)
    assert (small["added"], small["rejected"], big["added"], big["rejected"]) == (100, 0, 500, 0)
    print(small, big)
    assert big["peak_mib"] - small["peak_mib"] < 12, (small, big)
