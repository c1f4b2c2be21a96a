"""Demo data: a small TPC-H data set for `duckflight up` without `--data`, and for tests.

`ensure_tpch` returns a folder with one subfolder of Parquet files per TPC-H table
(lineitem/, orders/, ..., region/), generated once with the `tpchgen-cli` executable and
then reused from a cache folder. Each subfolder is a table to the gateway's catalog.

Generation writes into a temporary folder beside the target and renames it into place,
so a reader never sees a half-written data set and two processes that race both end up
with the same complete folder (the loser throws its copy away).

    >>> from duckflight.gateway.demo import ensure_tpch
    >>> ensure_tpch(0.01)                                   # doctest: +SKIP
    PosixPath('/root/.cache/duckflight/tpch-sf0.01')

Run as a program it prints the folder: `python -m duckflight.gateway.demo --scale 0.1`.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

TPCH_TABLES = ("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier")


def default_root() -> Path:
    """The cache folder for demo data sets: $DUCKFLIGHT_DATA_HOME, else the XDG cache."""
    if home := os.environ.get("DUCKFLIGHT_DATA_HOME"):
        return Path(home)
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "duckflight"


def ensure_tpch(scale: float = 0.1, root: Path | None = None, parts: int = 4) -> Path:
    """Return `root/tpch-sf{scale}`, generating it with tpchgen-cli if it is not there yet."""
    root = Path(root) if root is not None else default_root()
    sf = f"{scale:g}"  # 0.1 -> "0.1", 1.0 -> "1": one folder name per scale factor
    target = root / f"tpch-sf{sf}"
    if target.exists():
        _check_complete(target)
        log.debug("TPC-H sf%s already at %s", sf, target)
        return target

    root.mkdir(parents=True, exist_ok=True)
    # Same file system as the target, so the final rename is atomic.
    tmp = Path(tempfile.mkdtemp(prefix=f".tpch-sf{sf}.", suffix=".tmp", dir=root))
    try:
        log.info("generating TPC-H sf%s (%d parts per table) into %s", sf, parts, target)
        _run_tpchgen(sf, parts, tmp)
        _check_complete(tmp)
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; workers may run as another user
        try:
            os.rename(tmp, target)
        except OSError:
            if not target.exists():
                raise
            # Another process finished first: keep its copy, which is just as good.
            log.info("TPC-H sf%s was generated concurrently; keeping %s", sf, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _check_complete(target)
    return target


def tpchgen_executable() -> str:
    """tpchgen-cli next to this interpreter (a venv's bin/), else the one on PATH."""
    beside = Path(sys.executable).parent / "tpchgen-cli"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("tpchgen-cli")
    if found is None:
        raise RuntimeError("tpchgen-cli not found next to %s nor on PATH; pip install tpchgen-cli" % sys.executable)
    return found


def _run_tpchgen(sf: str, parts: int, out: Path) -> None:
    cmd = [tpchgen_executable(), "parquet", "-s", sf, "--parts", str(parts), "--output-dir", str(out)]
    log.debug("running %s", cmd)
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed with exit code {proc.returncode}:\n{proc.stderr.strip()}")


def _check_complete(folder: Path) -> None:
    """Every TPC-H table must be a subfolder holding at least one Parquet file."""
    missing = [t for t in TPCH_TABLES if not any((folder / t).glob("*.parquet"))]
    if missing:
        raise RuntimeError(f"{folder} is not a complete TPC-H data set (no Parquet files for {', '.join(missing)}); delete it to regenerate")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m duckflight.gateway.demo", description="Generate (once) and print the TPC-H demo data folder.")
    parser.add_argument("--scale", type=float, default=0.1, help="TPC-H scale factor (default 0.1)")
    parser.add_argument("--root", type=Path, default=None, help="cache folder (default $DUCKFLIGHT_DATA_HOME or ~/.cache/duckflight)")
    parser.add_argument("--parts", type=int, default=4, help="Parquet files per table (default 4)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    print(ensure_tpch(args.scale, args.root, args.parts))


if __name__ == "__main__":
    main()
