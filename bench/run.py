"""Benchmark whole monitor runs against the bare limits on the same pages (issue 6).

    .venv/bin/python bench/run.py /path/to/corpus [--runs 5]

The corpus folder holds `pages/`, `make_feeds.py` and `serve.py` (it is third-party text
and is never committed). Its server is started on 127.0.0.1 with 20 generated feeds, and
the monitor runs with a topic that admits every item, so every page goes through fetch,
extraction, claims, comparison, store and digest. Every figure is the median of --runs
runs, next to a bare limit measured in the same run:

- cold run (fresh state, whole process) vs a plain sequential requests + feedparser loop
  over the feeds and pages plus a plain trafilatura.extract loop over the same pages;
- warm run (nothing changed, every feed answers 304) vs a bare process making the 20
  conditional GETs;
- warm re-check run (nothing changed; every feed and every page read answers 304: all of
  them are due and the re-check budget covers them) vs a bare process making one
  conditional GET per page;
- peak memory: the largest total RSS of the monitor and its extraction workers, sampled;
- history scale: cost per article of compare + repeat lookup + store with 1k, 10k and
  100k earlier findings in the database;
- start-up: `monitor --help`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONITOR = str(Path(sys.executable).with_name("monitor"))
N_FEEDS = 20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss_mb(pid: int) -> float:
    """RSS of a process and its children, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except (OSError, StopIteration):
            pass
    return total / 1024


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak tree RSS MB, its output) of a whole process."""
    peak = [0.0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_mb(proc.pid))
            time.sleep(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return wall, peak[0], out.decode()


BARE_FETCH = """
import sys, time, requests, feedparser
base, n = sys.argv[1], int(sys.argv[2])
s = requests.Session()
start = time.perf_counter()
links = []
for i in range(1, n + 1):
    r = s.get(f"{base}/feeds/feed{i:02d}.xml", timeout=10)
    links += [e.link for e in feedparser.parse(r.content).entries]
pages = [s.get(link, timeout=10).content for link in links]
fetch = time.perf_counter() - start
import trafilatura
start = time.perf_counter()
for page in pages:
    trafilatura.extract(page, include_comments=False)
print(fetch, time.perf_counter() - start, len(pages))
"""

BARE_304 = """
import sys, requests
base, n = sys.argv[1], int(sys.argv[2])
s = requests.Session()
for i in range(1, n + 1):
    url = f"{base}/feeds/feed{i:02d}.xml"
    r = s.get(url, timeout=10, headers={"If-None-Match": sys.argv[3 + i - 1]})
    assert r.status_code == 304, r.status_code
"""

BARE_PAGES_304 = """
import sys, requests
s = requests.Session()
args = sys.argv[1:]
for url, etag in zip(args[::2], args[1::2]):
    r = s.get(url, timeout=10, headers={"If-None-Match": etag})
    assert r.status_code == 304, r.status_code
"""
RECHECK_ALL = '[recheck]\nschedule = ["0s"]\nbudget = 100000\n'  # every page read before is due, all in budget


def write_config(path: Path, state: Path, base: str, extra: str = "") -> Path:
    feeds = "".join(f'[[feeds]]\nname = "feed{i:02d}"\nurl = "{base}/feeds/feed{i:02d}.xml"\n'
                    for i in range(1, N_FEEDS + 1))
    path.write_text(f'[monitor]\nstate_dir = "{state}"\n[topic]\nitem_terms = []\nanchors = []\ncontext = []\n'
                    f'min_score = 0.0\n[fetch]\nallow_hosts = ["127.0.0.1"]\n{extra}{feeds}')  # the shipped defaults otherwise
    return path


def history_scale(runs: int) -> dict[int, float]:
    """Seconds per article for compare + repeat lookup + store, by earlier findings held."""
    sys.path.insert(0, str(ROOT))
    from monitor import config, snapshots
    from monitor.articles import from_text
    from monitor.compare import Baseline, compare_article
    from monitor.models import FeedItem
    from monitor.repeats import check
    from monitor.store import Store

    texts = [from_text(p.read_text(), str(p)) for p in sorted((ROOT / "tests/fixtures/devset").glob("*.txt"))]
    topic = {"anchors": [], "context": [], "min_score": 0.0}
    baseline = Baseline(snapshots.load(None), config.load().topic)
    words = "leak artist access sora openai tester video letter credential preview hour model".split()
    out = {}
    for size in (1_000, 10_000, 100_000):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "h.db")
            run_id = store.start_run()
            with store.tx() as db:  # synthesised history: articles, findings and their keys
                db.executemany("INSERT INTO articles(id, url, run_id) VALUES (?,?,?)",
                               [(i, f"https://h/{i}", run_id) for i in range(1, size // 10 + 1)])
                db.executemany("INSERT INTO findings(id, article_id, run_id, status, claim, digest_id) "
                               "VALUES (?,?,?,?,?,NULL)",
                               [(i, i // 10 + 1 if i // 10 + 1 <= size // 10 else 1, run_id, "new",
                                 f"Claim {i} about {words[i % 12]} and {words[(i * 7) % 12]}") for i in range(size)])
                db.executemany("INSERT INTO finding_keys(key, finding_id) VALUES (?,?)",
                               [(f"new:{words[i % 12]}:{words[(i * 7) % 12]}", i) for i in range(size)]
                               + [(f"new:w{i}:x{i % 997}", i) for i in range(size)])
            times = []
            for r in range(runs):
                start = time.perf_counter()
                for n, art in enumerate(texts):
                    res = compare_article(art, baseline, topic)
                    reps = check(res.findings, baseline, store.earlier)
                    item = FeedItem(key=f"bench-{size}-{r}-{n}", feed_url="f", link=f"https://b/{r}/{n}", title="t")
                    store.record_article(item, art, res.relevance, True, res.findings, run_id, None, reps)
                times.append((time.perf_counter() - start) / len(texts))
            store.close()
            out[size] = statistics.median(times)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    work = Path(tempfile.mkdtemp(prefix="monitor-bench-"))
    www = work / "www"
    www.mkdir()
    (www / "pages").symlink_to(corpus / "pages")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    subprocess.run([sys.executable, str(corpus / "make_feeds.py"), "--pages", str(corpus / "pages"), "--feeds",
                    str(N_FEEDS), "--base-url", base, "--out", str(www / "feeds")], check=True,
                   stdout=subprocess.DEVNULL)
    server = subprocess.Popen([sys.executable, str(corpus / "serve.py"), "--dir", str(www), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        cold, warm, bare_fetch, bare_extract, bare_304, helps = [], [], [], [], [], []
        rechecks, bare_pages, n_rechecked = [], [], 0
        for r in range(args.runs):
            out = subprocess.run([sys.executable, "-c", BARE_FETCH, base, str(N_FEEDS)], capture_output=True,
                                 text=True, check=True)
            f, e, n_pages = out.stdout.split()
            bare_fetch.append(float(f))
            bare_extract.append(float(e))
            state = work / f"state-{r}"
            cfg = write_config(work / f"bench-{r}.toml", state, base)
            cold.append(timed([MONITOR, "--config", str(cfg), "run"], env))
            warm.append(timed([MONITOR, "--config", str(cfg), "run"], env))
            import sqlite3

            db = sqlite3.connect(state / "monitor.sqlite3")
            etags = [db.execute("SELECT etag FROM feeds WHERE url=?", (f"{base}/feeds/feed{i:02d}.xml",)).fetchone()[0]
                     for i in range(1, N_FEEDS + 1)]
            db.close()
            bare_304.append(timed([sys.executable, "-c", BARE_304, base, str(N_FEEDS), *etags])[0])
            every = write_config(work / f"recheck-{r}.toml", state, base, RECHECK_ALL)
            rechecks.append(timed([MONITOR, "--config", str(every), "run"], env))
            db = sqlite3.connect(state / "monitor.sqlite3")
            pages = [v for row in db.execute("SELECT url, etag FROM rechecks") for v in row]
            db.close()
            n_rechecked = len(pages) // 2
            assert f"re-checked {n_rechecked} (0 revised)" in rechecks[-1][2], rechecks[-1][2]
            bare_pages.append(timed([sys.executable, "-c", BARE_PAGES_304, *pages])[0])
            helps.append(timed([MONITOR, "--help"], env)[0])
            shutil.rmtree(state)
    finally:
        server.kill()
    history = history_scale(args.runs)
    shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    bare_cold = med(bare_fetch) + med(bare_extract)
    cold_s, cold_mb = med(c[0] for c in cold), med(c[1] for c in cold)
    warm_s, warm_mb = med(w[0] for w in warm), med(w[1] for w in warm)
    rows = [
        ("cold run, whole process (s)", cold_s, bare_cold, "<= 0.8x"),
        ("warm run, whole process (s)", warm_s, med(bare_304), "<= 3x and <= 0.35 s"),
        (f"warm run re-checking {n_rechecked} pages (s)", med(w[0] for w in rechecks), med(bare_pages), "<= 2x"),
        ("peak memory, cold run (MB)", cold_mb, None, "<= 200"),
        ("peak memory, warm run (MB)", warm_mb, None, "<= 80"),
        ("per article, 1k earlier findings (ms)", history[1_000] * 1000, None, ""),
        ("per article, 10k earlier findings (ms)", history[10_000] * 1000, history[1_000] * 1000, ""),
        ("per article, 100k earlier findings (ms)", history[100_000] * 1000, history[1_000] * 1000, "<= 1.5x"),
        ("monitor --help (s)", med(helps), None, "<= 0.25"),
    ]
    print(f"corpus: {n_pages} pages in {N_FEEDS} feeds; median of {args.runs} runs; bare fetch loop "
          f"{med(bare_fetch):.2f} s, bare extract loop {med(bare_extract):.2f} s")
    print(f"{'measure':42} {'value':>9} {'baseline':>9} {'ratio':>6}  target")
    for name, value, basis, target in rows:
        ratio = f"{value / basis:6.2f}" if basis else "     -"
        basis_s = f"{basis:9.3f}" if basis else "        -"
        print(f"{name:42} {value:9.3f} {basis_s} {ratio}  {target}")


if __name__ == "__main__":
    main()
