"""Where the shipped data lives: inside an installed wheel, templates/, snapshots/ and
sources/ are the packages monitor._templates, monitor._snapshots and monitor._sources; in
a source checkout (or an editable install) they are the folders beside monitor/."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SOURCE_TREE = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """templates, snapshots or sources."""
    try:
        spec = importlib.util.find_spec(f"monitor._{name}")
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return SOURCE_TREE / name
