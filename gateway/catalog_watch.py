"""Looks at the data folder every few seconds, so that tables follow their files.

A file added to a table folder, a new table folder, a removed or rewritten file:
the next look (``--catalog-refresh`` seconds, 2 by default) finds it by the
files' paths, sizes and modification times, and ``Engine.refresh_catalog``
replaces the catalog, re-reading only the tables whose files changed. A query
that meets a file changed since it was planned is planned again at once
(``worker/file_versions.py``), without waiting for the next look.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


class CatalogWatcher:
    """A daemon thread calling ``refresh()`` every ``interval`` seconds until ``stop()``."""

    def __init__(self, refresh, interval: float):
        self.refresh, self.interval = refresh, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="catalog-watch", daemon=True)

    def start(self) -> "CatalogWatcher":
        if self.interval > 0:
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.refresh()
            except Exception as exc:  # a folder gone or unreadable for a moment: look again next time
                log.warning("could not read the data folder again: %s", exc)

    def stop(self) -> None:
        self._stop.set()
