"""A fragment reads the version of each file its query was planned over, or none.

The gateway stamps every split with its file's size and modification time as the
catalog saw them (``Split.size``, ``Split.mtime_ns``). Before a fragment reads
anything, the worker compares them with the files now: a file removed or
rewritten since makes the fragment fail at once (``FileRemoved``, ``FileChanged``),
before any row is sent, and the gateway plans the query again over the folder as
it now is (``engine.Engine._execute``). Without this, a split's row range could be
read from a different file of the same name, or a table read in part.
"""

from __future__ import annotations

import os


class FileRemoved(Exception):
    """A file of the fragment is gone (the gateway answers 58P01)."""


class FileChanged(Exception):
    """A file of the fragment was rewritten since it was catalogued (58030)."""


def check_files(fragment) -> None:
    """Raise FileRemoved or FileChanged for the first stamped split whose file differs."""
    seen = set()
    for scan in fragment.scans:
        for split in scan.splits:
            if split.path in seen or (split.size == 0 and split.mtime_ns == 0) or "://" in split.path:
                continue
            seen.add(split.path)
            try:
                now = os.stat(split.path)
            except FileNotFoundError:
                raise FileRemoved(f'could not open file "{split.path}": it was removed after the query '
                                  f"was planned") from None
            if (now.st_size, now.st_mtime_ns) != (split.size, split.mtime_ns):
                raise FileChanged(f'file "{split.path}" was rewritten after the query was planned')


def blame_changed_files(fragment, error: BaseException) -> BaseException:
    """The FileRemoved or FileChanged that explains ``error`` when a file of the fragment
    changed since the plan (a file rewritten while DuckDB read it fails as damaged data,
    "Invalid data"); ``error`` itself otherwise."""
    if isinstance(error, (FileRemoved, FileChanged)):
        return error
    try:
        check_files(fragment)
    except (FileRemoved, FileChanged) as changed:
        return changed
    return error
