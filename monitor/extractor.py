"""Page extraction, comparison and repeat keys in worker processes: every core busy, and
a page that makes trafilatura run away is stopped.

trafilatura and lxml cannot be interrupted from Python (4.4 MB of unclosed tags took 20 s
and 875 MB), so each extraction runs in a worker process that is killed and replaced when
it passes the time limit, and whose address space is capped so that a memory blow-up ends
as an error in the worker instead of in the monitor."""

from __future__ import annotations

import ctypes
import os
import queue
import resource
import socket
import subprocess
import sys
from dataclasses import replace
from multiprocessing.connection import Connection

from .errors import ExtractError, MonitorError
from .models import Article, ArticleResult, FeedItem


BIG_PAGE = 256 * 1024  # after a page this size, the heap its tree took goes back to the system


def _release_memory() -> None:
    """glibc keeps a freed heap for reuse, so each worker would stay at its largest page's
    size. Trimming after every page cost 15% more extraction time (the heap grows back)
    for 8 MB; after big pages only, 2% for most of the same."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is only kept for reuse
        pass


def _serve(conn: Connection, memory_bytes: int) -> None:
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    from . import articles
    from .compare import Baseline, compare_article
    from .repeats import keys

    articles.load_extractor()  # pay the import once, while the first pages are still being fetched
    try:
        snaps, topic, fallbacks = conn.recv()
    except (EOFError, OSError):
        return
    baseline = Baseline(snaps, topic)
    while True:
        try:
            body, url, item = conn.recv()
        except (EOFError, OSError):
            return
        try:
            article = articles.extract(body, url, item, fallbacks)
            result = compare_article(article, baseline, topic)
            conn.send(("ok", (article, replace(result, keys=tuple(keys(f, baseline) for f in result.findings)))))
        except MonitorError as exc:
            conn.send(("error", str(exc)))
        except MemoryError:
            conn.send(("error", f"{url}: extraction ran out of memory (cap {memory_bytes // 2**20} MB)"))
        if len(body) >= BIG_PAGE:
            _release_memory()


class _Worker:
    """`python -m monitor.extractor FD MEMORY`: a fresh interpreter (no fork of a threaded
    process, no re-import of the caller's __main__) talking over a socket pair."""

    def __init__(self, memory_bytes: int, setup: tuple):
        ours, theirs = socket.socketpair()
        self.proc = subprocess.Popen([sys.executable, "-m", "monitor.extractor", str(theirs.fileno()),
                                      str(memory_bytes)], pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        theirs.close()
        self.conn = Connection(ours.detach())
        self.conn.send(setup)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(5)
        self.conn.close()


class ExtractPool:
    """extract(body, url, item) -> (Article, ArticleResult), callable from many threads at once.
    The workers compare too, against the baseline built from `snapshots`."""

    def __init__(self, workers: int, timeout: float, memory_mb: int, snapshots: list[dict] = (),
                 topic: dict | None = None, fallbacks: bool = False):
        self.timeout, self.memory_bytes = timeout, memory_mb * 2**20
        self.setup = (list(snapshots), topic or {}, fallbacks)
        self.idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(max(1, workers)):
            self.idle.put(_Worker(self.memory_bytes, self.setup))

    def extract(self, body: bytes, url: str, item: FeedItem | None = None) -> tuple[Article, ArticleResult]:
        worker = self.idle.get()
        try:
            worker.conn.send((body, url, item))
            if not worker.conn.poll(self.timeout):
                worker = self._replace(worker)
                raise ExtractError(f"{url}: extraction took longer than {self.timeout:g} s, stopped")
            status, value = worker.conn.recv()
        except (EOFError, OSError) as exc:
            worker = self._replace(worker)
            raise ExtractError(f"{url}: the extraction process died ({type(exc).__name__})") from None
        finally:
            self.idle.put(worker)
        if status == "error":
            raise ExtractError(value)
        return value

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        return _Worker(self.memory_bytes, self.setup)

    def close(self) -> None:
        workers = []
        while not self.idle.empty():
            workers.append(self.idle.get_nowait())
        for worker in workers:
            worker.conn.close()  # each worker sees EOF and exits, all at once
        for worker in workers:
            try:
                worker.proc.wait(5)
            except subprocess.TimeoutExpired:
                worker.kill()


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])), int(sys.argv[2]))
    os._exit(0)  # nothing to flush: skip tearing down trafilatura's modules and caches
