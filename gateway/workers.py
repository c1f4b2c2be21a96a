"""The workers the gateway may send fragments to.

Workers come from static configuration (``--worker HOST:PORT``); each has one
shared Flight client. ``schedulable()`` is the list the planner spreads
fragments over.
"""

from __future__ import annotations

import logging

from duckflight.worker.client import WorkerClient

log = logging.getLogger(__name__)


class WorkerPool:
    """Every known worker, by address."""

    def __init__(self, addresses: list[str]):
        self.clients: dict[str, WorkerClient] = {a: WorkerClient(a) for a in dict.fromkeys(addresses)}

    def schedulable(self) -> list[str]:
        """Addresses that may get fragments, in a stable order."""
        return list(self.clients)

    def client(self, address: str) -> WorkerClient:
        return self.clients[address]

    def close(self) -> None:
        for client in self.clients.values():
            client.close()
