"""Where DuckDB spills when a query outgrows memory, and how much it may.

Left alone, an in-memory DuckDB spills into ``.tmp`` under the current folder
and may fill 90% of the free disk. Gateway and workers spill into a folder of
their own under the system's temporary folder instead, at most
``DUCKFLIGHT_SPILL_LIMIT`` (default 16GB): past that a query fails with an
out-of-memory error rather than filling the disk under everything else.
"""

from __future__ import annotations

import os
import tempfile


def spill_config(role: str) -> dict[str, str]:
    folder = os.path.join(tempfile.gettempdir(), f"duckflight-{role}-{os.getpid()}")
    return {"temp_directory": folder, "max_temp_directory_size": os.environ.get("DUCKFLIGHT_SPILL_LIMIT", "16GB")}
