"""The worker: an Arrow Flight server owning one DuckDB connection that runs fragments."""

import os

# Arrow buffers received over Flight are not 64-byte aligned; when DuckDB scans
# them through Arrow's Acero (gateway: gathered stages; worker: broadcast
# inputs) it warns once per batch. x86-64 reads unaligned buffers at full
# speed, so the warning, or a copy to realign, buys nothing. Both processes
# import this package, so this is the one place it is set.
os.environ.setdefault("ACERO_ALIGNMENT_HANDLING", "ignore")
