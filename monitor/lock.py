"""One run at a time: an flock on a file in the state folder. The kernel drops the lock
when its process dies, so a killed run never blocks the next one."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from .errors import Busy, StoreError


@contextmanager
def run_lock(state_dir: Path):
    path = state_dir / "monitor.lock"
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:  # a read-only or full state folder, no permission
        raise StoreError(f"{path}: cannot create the lock file ({exc.strerror}); make the state folder "
                         "writable by the user running the monitor") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "another process"
            raise Busy(f"another run is in progress (pid {holder}, lock {path})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)
