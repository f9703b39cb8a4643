"""What `monitor run` and the scheduler both call: lock, open the store, one pass."""

from __future__ import annotations

import logging
import sqlite3
import sys

from . import delivery
from .config import Settings, require_feeds
from .errors import StoreError
from .http import Fetcher
from .lock import run_lock
from .models import RunReport
from .pipeline import run_once
from .store import Store

logger = logging.getLogger(__name__)


def progress_printer():
    """Progress lines on a terminal; nothing under cron or a pipe."""
    if sys.stderr.isatty():
        return lambda msg: print(f"\r\033[K{msg}", end="", file=sys.stderr, flush=True)
    return lambda msg: None


def run_pass(settings: Settings) -> tuple[RunReport, Settings]:
    with run_lock(settings.state_dir):
        require_feeds(settings)
        store = Store(settings.db_path)
        fetcher = Fetcher(settings.fetch)
        show = progress_printer()
        try:
            report = run_once(settings, fetch=fetcher, store=store, send=delivery.send, progress=show)
        except sqlite3.DatabaseError as exc:  # a read of a page that went bad after the open's check
            raise StoreError(store.explain(exc, "cannot read the state database")) from None
        finally:
            if sys.stderr.isatty():
                print("\r\033[K", end="", file=sys.stderr, flush=True)
            fetcher.close()
            store.close()
    logger.debug("run %d done: %s", report.run_id, report)
    return report, settings
