"""Where the shipped data lives: inside an installed wheel, templates/, snapshots/ and
sources/ are the packages monitor._templates, monitor._snapshots and monitor._sources; in a
source checkout (or an editable install) they are the folders beside monitor/."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SOURCE_TREE = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """templates, snapshots or sources."""
    try:
        found = Path(str(resources.files(f"monitor._{name}")))
    except ModuleNotFoundError:
        found = SOURCE_TREE / name
    return found
