"""The gateway's control service: workers register and deregister themselves.

A gRPC server (``protos/registry.proto``) on the control port, on the gateway's
``--host``; it runs only calls carrying the cluster secret when one is set, and
serves TLS with the gateway's ``--tls-cert`` (worker/trust.py). Register
adds the worker to the ``WorkerPool`` and checks it at once, so the reply tells
a worker whose advertised address the gateway cannot reach; List answers what
``duckflight.workers`` shows, optionally for one node.
"""

from __future__ import annotations

import logging
import sys
from concurrent import futures

import grpc

from duckflight.gateway.health import HEALTHY, check
from duckflight.gateway.workers import WorkerPool
from duckflight.protos import registry_pb2, registry_pb2_grpc
from duckflight.worker.trust import Trust, grpc_interceptor

log = logging.getLogger(__name__)


class Registry(registry_pb2_grpc.RegistryServicer):
    """Registry RPCs over one WorkerPool."""

    def __init__(self, pool: WorkerPool, register_interval: float, check_timeout: float):
        self.pool = pool
        self.register_interval = register_interval
        self.check_timeout = check_timeout

    def Register(self, request, context):
        if not _valid_address(request.address):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"address must be HOST:PORT, got {request.address!r}")
        added = self.pool.add(request.address, node=request.node, static=False)  # logs the addition
        state = self.pool.state(request.address)
        if added or state != HEALTHY:
            check(self.pool, request.address, self.check_timeout)
        state, message = self._status(request.address)
        return registry_pb2.RegisterReply(added=added, state=state, message=message,
                                          register_interval_seconds=self.register_interval)

    def Deregister(self, request, context):
        removed = self.pool.remove(request.address)  # logs the removal
        return registry_pb2.DeregisterReply(removed=removed)

    def List(self, request, context):
        return registry_pb2.ListReply(workers=statuses(self.pool, request.node))

    def _status(self, address: str) -> tuple[str, str]:
        for row in self.pool.status_table().to_pylist():
            if row["address"] == address:
                return row["state"], row["last_error"] or ""
        return "unhealthy", "deregistered meanwhile"


def statuses(pool: WorkerPool, node: str = "") -> list[registry_pb2.WorkerStatus]:
    """The pool's status rows as protobuf, only those of ``node`` when given."""
    static = pool.static_addresses()
    out = []
    for row in pool.status_table().to_pylist():
        if node and row["node"] != node:
            continue
        out.append(registry_pb2.WorkerStatus(
            address=row["address"], node=row["node"], state=row["state"],
            consecutive_failures=row["consecutive_failures"], last_check_micros=_micros(row["last_check"]),
            last_error=row["last_error"] or "", running_fragments=row["running_fragments"],
            registered_at_micros=_micros(row["registered_at"]), static=row["address"] in static,
        ))
    return out


def print_workers(gateway: str, node: str = "", trust: Trust = Trust()) -> int:
    """``duckflight workers``: the gateway's List answer as a table on stdout."""
    with trust.grpc_channel(gateway) as channel:
        try:
            reply = registry_pb2_grpc.RegistryStub(channel).List(registry_pb2.ListRequest(node=node), timeout=5.0,
                                                                 metadata=trust.grpc_metadata())
        except grpc.RpcError as exc:
            what = "refused by" if exc.code() == grpc.StatusCode.UNAUTHENTICATED else "cannot reach"
            hint = ("" if what == "refused by" or trust.tls_ca is not None else
                    " (if the control service serves TLS, give --tls-ca with the CA of its certificate)")
            print(f"duckflight workers: {what} the control service at {gateway}: {exc.details()}{hint}",
                  file=sys.stderr)
            return 1
    rows = [("address", "node", "state", "failures", "running", "source", "last error")]
    rows += [(w.address, w.node, w.state, str(w.consecutive_failures), str(w.running_fragments),
              "static" if w.static else "registered", w.last_error) for w in reply.workers]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)) + "  " + row[-1])
    return 0


def _micros(moment) -> int:
    return int(moment.timestamp() * 1_000_000) if moment is not None else 0


def _valid_address(address: str) -> bool:
    host, _, port = address.rpartition(":")
    return bool(host) and port.isdigit()


def serve(pool: WorkerPool, host: str, port: int, *, register_interval: float,
          check_timeout: float, trust: Trust = Trust()) -> tuple[grpc.Server, int]:
    """Start the control service on host:port (0: any free port); return it and its port.
    With ``trust``'s secret every call must carry it; with its certificate it serves TLS."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="control"),
                         interceptors=[grpc_interceptor(trust)])
    registry_pb2_grpc.add_RegistryServicer_to_server(Registry(pool, register_interval, check_timeout), server)
    try:
        bound = trust.grpc_listen(server, f"{host}:{port}")
    except RuntimeError as exc:  # grpc says only "Failed to bind"
        raise OSError(f"cannot listen on {host}:{port} for the control service: {exc}") from exc
    server.start()
    log.info("control service listening on %s:%d%s", host, bound, " (TLS)" if trust.serves_tls else "")
    return server, bound
