"""The control service in-process: a worker registers, is listed, and leaves."""

from __future__ import annotations

import threading
import time

import grpc
import pytest

from duckflight.gateway import registry
from duckflight.gateway.up import free_port
from duckflight.gateway.workers import WorkerPool
from duckflight.protos import registry_pb2, registry_pb2_grpc
from duckflight.worker.registration import Registration
from duckflight.worker.server import WorkerServer


@pytest.fixture
def control():
    pool = WorkerPool()
    server, port = registry.serve(pool, "127.0.0.1", 0, register_interval=0.2, check_timeout=1.0)
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    yield pool, port, registry_pb2_grpc.RegistryStub(channel)
    channel.close()
    server.stop(grace=None)
    pool.close()


@pytest.fixture
def worker():
    server = WorkerServer("127.0.0.1", 0, data=[], node="n1", threads=1)
    threading.Thread(target=server.serve, daemon=True).start()
    yield server
    server.shutdown()


def test_a_worker_registers_is_checked_listed_and_deregisters(control, worker):
    pool, port, stub = control
    registration = Registration(f"127.0.0.1:{port}", worker.address, worker.node)
    registration.start()
    try:
        assert registration.registered.wait(10)
        assert pool.schedulable() == [worker.address]  # checked before Register answered
        listed = stub.List(registry_pb2.ListRequest(), timeout=2).workers
        assert [(w.address, w.node, w.state, w.static) for w in listed] == [(worker.address, "n1", "healthy", False)]
        assert stub.List(registry_pb2.ListRequest(node="n2"), timeout=2).workers == []
    finally:
        registration.stop()
    assert pool.addresses() == []


def test_register_answers_when_the_gateway_cannot_reach_the_worker(control):
    pool, _, stub = control
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    reply = stub.Register(registry_pb2.RegisterRequest(address=address, node="n9"), timeout=5)
    assert reply.added and reply.state == "unhealthy" and reply.message
    assert reply.register_interval_seconds == pytest.approx(0.2)
    assert pool.schedulable() == []
    again = stub.Register(registry_pb2.RegisterRequest(address=address, node="n9"), timeout=5)
    assert not again.added


def test_register_refuses_a_malformed_address(control):
    _, _, stub = control
    with pytest.raises(grpc.RpcError) as error:
        stub.Register(registry_pb2.RegisterRequest(address="no-port"), timeout=5)
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_registration_retries_until_the_gateway_appears(worker):
    port = free_port()
    registration = Registration(f"127.0.0.1:{port}", worker.address, worker.node, max_backoff=0.2)
    registration.start()
    pool = WorkerPool()
    server = None
    try:
        time.sleep(0.5)  # a few failed attempts with no gateway listening
        assert not registration.registered.is_set()
        server, _ = registry.serve(pool, "127.0.0.1", port, register_interval=0.2, check_timeout=1.0)
        assert registration.registered.wait(10)
        assert pool.schedulable() == [worker.address]
    finally:
        registration.stop()
        if server is not None:
            server.stop(grace=None)
        pool.close()
