"""The worker: an Arrow Flight server owning one DuckDB connection that runs fragments."""
