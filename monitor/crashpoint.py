"""Named points where the crash-safety tests kill the process (SIGKILL, no cleanup).

Set MONITOR_CRASH_AT to a point's name; unset, each call is one dictionary lookup."""

from __future__ import annotations

import os
import signal

POINTS = ("after-fetch", "mid-store", "after-store", "after-digest-assigned", "after-render",
          "after-smtp-accepted")
RECHECK_POINTS = ("after-recheck-fetch", "mid-version")  # reached only in a run that re-checks a page


def crash_point(name: str) -> None:
    if os.environ.get("MONITOR_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
