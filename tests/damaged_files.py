"""A data folder with damaged files, for the catalog's unit tests and the cluster's tests."""

from __future__ import annotations

from pathlib import Path

import duckdb


def damaged_folder(root: Path) -> Path:
    """Tables at ``root``: good/ (two fine files), broken/ (one of its two files cut in half),
    empty.parquet (no bytes), dangling.parquet (a link to nothing), latin1.csv (not UTF-8) and
    tail.parquet (the second half of a file: its footer survived, its data did not)."""
    root.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    for name in ("good", "broken"):
        (root / name).mkdir()
        for part in ("a", "b"):
            con.execute(f"copy (select range as i, 'row ' || range as s from range(1000)) "
                        f"to '{root}/{name}/{part}.parquet'")
    whole = (root / "broken" / "b.parquet").read_bytes()
    (root / "broken" / "b.parquet").write_bytes(whole[: len(whole) // 2])
    (root / "empty.parquet").write_bytes(b"")
    (root / "dangling.parquet").symlink_to(root / "nowhere.parquet")
    (root / "latin1.csv").write_bytes("name\nJos\xe9\n".encode("latin-1"))
    (root / "tail.parquet").write_bytes(whole[len(whole) // 2:])
    return root
