"""The generated protobuf modules match the .proto files they were made from."""

import importlib
import re
from pathlib import Path

from google.protobuf import descriptor_pb2
from grpc_tools import protoc

from duckflight.protos import fragment_pb2
from duckflight.protos.generate import generate, has_service

PROTOS = Path(__file__).resolve().parents[2] / "protos"


def _compiled(name: str, tmp_path: Path) -> descriptor_pb2.FileDescriptorProto:
    out = tmp_path / f"{name}.pb"
    assert protoc.main(["protoc", f"-I{PROTOS}", f"--descriptor_set_out={out}", name]) == 0
    compiled = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes()).file[0]
    # protoc adds json_name to a descriptor set; the generated module leaves it out.
    for message in compiled.message_type:
        _clear_json_names(message)
    return compiled


def _clear_json_names(message: descriptor_pb2.DescriptorProto) -> None:
    for field in message.field:
        field.ClearField("json_name")
    for nested in message.nested_type:
        _clear_json_names(nested)


def test_generated_modules_are_fresh(tmp_path):
    for proto in sorted(PROTOS.glob("*.proto")):
        module, name = importlib.import_module(f"duckflight.protos.{proto.stem}_pb2"), proto.name
        committed = descriptor_pb2.FileDescriptorProto.FromString(module.DESCRIPTOR.serialized_pb)
        assert committed == _compiled(name, tmp_path), (
            f"protos/{name} changed: run `python protos/generate.py` and commit the result"
        )


def test_every_proto_has_a_generated_module():
    for proto in PROTOS.glob("*.proto"):
        assert (PROTOS / f"{proto.stem}_pb2.py").exists(), proto.name
        assert (PROTOS / f"{proto.stem}_pb2_grpc.py").exists() == has_service(proto), proto.name


def _without_version(text: str) -> str:
    # The grpcio-tools version that generated a module is not part of its contract.
    return re.sub(r"GRPC_GENERATED_VERSION = '[^']*'", "", text)


def test_generated_grpc_modules_are_fresh(tmp_path):
    generate(tmp_path)
    for fresh in sorted(tmp_path.glob("*_pb2_grpc.py")):
        committed = PROTOS / fresh.name
        assert committed.exists() and _without_version(committed.read_text()) == _without_version(fresh.read_text()), (
            f"protos/{fresh.name} is stale: run `python protos/generate.py` and commit the result"
        )
        # Importable as installed: the package path, not a top-level `x_pb2` module.
        importlib.import_module(f"duckflight.protos.{fresh.stem}")


def test_fragment_round_trips_through_ticket_bytes():
    frag = fragment_pb2.Fragment(query_id="q1", stage_id=1, fragment_id=2, sql="select 1")
    frag.scans.add(name="t", format="parquet").splits.add(path="/data/t/a.parquet")
    again = fragment_pb2.Fragment.FromString(frag.SerializeToString())
    assert again.scans[0].splits[0].path == "/data/t/a.parquet"
    assert again == frag
