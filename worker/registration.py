"""A worker's membership in a gateway's pool: register, keep registering, leave.

``duckflight worker --gateway HOST:PORT`` runs a ``Registration`` thread. It
calls the gateway's Registry.Register when the worker starts and again every
interval the gateway asks for, so a restarted gateway learns the worker within
one interval. While the gateway cannot be reached it retries with exponential
backoff (0.5 s doubling up to ``max_backoff``). ``stop`` deregisters, so a
cleanly stopped worker leaves the pool at once instead of turning unhealthy.
"""

from __future__ import annotations

import logging
import os
import threading

import grpc

from duckflight.protos import registry_pb2, registry_pb2_grpc
from duckflight.worker.trust import Trust

log = logging.getLogger(__name__)

CALL_TIMEOUT = 5.0  # seconds; the gateway checks the worker before it answers Register
FIRST_BACKOFF = 0.5


def next_backoff(current: float, limit: float) -> float:
    """The wait after another failed attempt: doubling, capped at ``limit``."""
    return min(limit, current * 2) if current else min(limit, FIRST_BACKOFF)


class Registration:
    """Keeps one worker registered with one gateway until stopped."""

    def __init__(self, gateway: str, address: str, node: str, *, max_backoff: float = 5.0, trust: Trust = Trust()):
        self.gateway = gateway
        self.metadata = trust.grpc_metadata()
        self.request = registry_pb2.RegisterRequest(address=address, node=node, pid=os.getpid())
        self.max_backoff = max_backoff
        self.registered = threading.Event()  # set after the first successful Register
        self._stop = threading.Event()
        self._channel = trust.grpc_channel(gateway, options=[
            ("grpc.initial_reconnect_backoff_ms", 250), ("grpc.max_reconnect_backoff_ms", 2000)])
        self._stub = registry_pb2_grpc.RegistryStub(self._channel)
        self._thread = threading.Thread(target=self._loop, name="registration", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _loop(self) -> None:
        backoff = 0.0
        connected = None  # None: no attempt yet; then whether the last one reached the gateway
        while not self._stop.is_set():
            try:
                reply = self._stub.Register(self.request, timeout=CALL_TIMEOUT, metadata=self.metadata)
            except grpc.RpcError as exc:
                backoff = next_backoff(backoff, self.max_backoff)
                if connected is not False:  # log the loss once, not every retry
                    log.warning("cannot register with gateway %s (%s); retrying with backoff up to %.1fs",
                                self.gateway, _describe(exc), self.max_backoff)
                connected = False
                self._stop.wait(backoff)
                continue
            backoff = 0.0
            if reply.added or connected is not True:
                if reply.state == "unhealthy":  # the gateway cannot reach the address we gave it
                    log.warning("registered %s with gateway %s, which cannot reach it (%s); give the address "
                                "the gateway can dial with --advertise HOST:PORT", self.request.address,
                                self.gateway, reply.message or "no answer")
                else:
                    log.info("registered %s with gateway %s: %s%s", self.request.address, self.gateway,
                             reply.state, f" ({reply.message})" if reply.message else "")
            connected = True
            self.registered.set()
            self._stop.wait(max(0.1, reply.register_interval_seconds))

    def stop(self) -> None:
        """Stop registering and leave the gateway's pool (best effort, bounded)."""
        self._stop.set()
        self._thread.join(timeout=CALL_TIMEOUT + 1)
        try:
            self._stub.Deregister(registry_pb2.DeregisterRequest(address=self.request.address), timeout=2.0,
                                  metadata=self.metadata)
            log.info("deregistered %s from gateway %s", self.request.address, self.gateway)
        except grpc.RpcError as exc:
            log.warning("could not deregister from gateway %s: %s", self.gateway, _describe(exc))
        self._channel.close()


def _describe(exc: grpc.RpcError) -> str:
    code = exc.code() if hasattr(exc, "code") else None
    details = exc.details() if hasattr(exc, "details") else str(exc)
    return f"{code.name if code else 'error'}: {details}"
