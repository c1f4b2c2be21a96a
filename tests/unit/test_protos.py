"""The generated protobuf modules match the .proto files they were made from."""

from pathlib import Path

from google.protobuf import descriptor_pb2
from grpc_tools import protoc

from duckflight.protos import control_pb2, fragment_pb2

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
    for module, name in [(fragment_pb2, "fragment.proto"), (control_pb2, "control.proto")]:
        committed = descriptor_pb2.FileDescriptorProto.FromString(module.DESCRIPTOR.serialized_pb)
        assert committed == _compiled(name, tmp_path), (
            f"protos/{name} changed: run `python protos/generate.py` and commit the result"
        )


def test_every_proto_has_a_generated_module():
    for proto in PROTOS.glob("*.proto"):
        assert (PROTOS / f"{proto.stem}_pb2.py").exists(), proto.name


def test_fragment_round_trips_through_ticket_bytes():
    frag = fragment_pb2.Fragment(query_id="q1", stage_id=1, fragment_id=2, sql="select 1")
    frag.scans.add(name="t", format="parquet").splits.add(path="/data/t/a.parquet")
    again = fragment_pb2.Fragment.FromString(frag.SerializeToString())
    assert again.scans[0].splits[0].path == "/data/t/a.parquet"
    assert again == frag
