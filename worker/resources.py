"""How much memory and disk one DuckDB of duckflight may use: a gateway's or a worker's.

Left alone, every DuckDB takes 80% of the machine's memory and spills into ``.tmp``
under the current folder, up to 90% of the free disk; a machine running a gateway and
two workers would promise 240% of its memory, and the kernel's OOM killer settles it.
Each process instead gets a memory limit (``--memory-limit``; default a share of the
machine's memory, ``DEFAULT_SHARE``), a spill folder of its own (``--temp-dir``) and a
cap on what it spills (``--max-temp-size``). A query that needs more fails alone with
SQLSTATE 53200; the limit is shared by the queries running at once in that process
(a worker runs at most ``--max-fragments`` of them).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Share of the machine's memory a process takes when it runs alone on it.
DEFAULT_SHARE = {"gateway": 0.4, "worker": 0.6}
# Share of the machine's memory `duckflight up` divides between its gateway and workers.
UP_SHARE = 0.7
DEFAULT_MAX_TEMP_SIZE = 16 << 30


def machine_memory() -> int:
    """Bytes of memory this process may use: the cgroup's limit when set, else physical memory."""
    physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
    except OSError:
        return physical
    return min(physical, int(limit)) if limit.isdigit() else physical


def memory_limit(value: str | int | None, role: str) -> int:
    """Bytes from ``--memory-limit``: a size, a percentage of the machine (``"50%"``), or
    None for the role's default share."""
    if value is None:
        return int(machine_memory() * DEFAULT_SHARE[role])
    if isinstance(value, str) and value.strip().endswith("%"):
        return int(machine_memory() * float(value.strip()[:-1]) / 100)
    return int(value)


@dataclass
class Resources:
    """The limits of one DuckDB: memory and spill in bytes, threads (None: all cores)."""

    role: str  # "gateway" or "worker"
    memory_limit: int
    temp_dir: str | None = None  # None: a folder of this process under the system's temp folder
    max_temp_size: int = DEFAULT_MAX_TEMP_SIZE
    threads: int | None = None

    def duckdb_config(self) -> dict[str, str | int]:
        """The settings for ``duckdb.connect(config=...)``."""
        folder = self.temp_dir or tempfile.gettempdir()
        config: dict[str, str | int] = {
            "memory_limit": f"{self.memory_limit}B",
            "temp_directory": os.path.join(folder, f"duckflight-{self.role}-{os.getpid()}"),
            "max_temp_directory_size": f"{self.max_temp_size}B",
        }
        if self.threads:
            config["threads"] = self.threads
        return config
