"""Regenerate the *_pb2.py (and, for services, *_pb2_grpc.py) modules here.

Run ``python -m duckflight.protos.generate`` (or ``python protos/generate.py``)
after editing a .proto; ``tests/unit/test_protos.py`` fails while they are stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def generate(out_dir: Path = HERE) -> list[Path]:
    """Compile every .proto here into ``out_dir``; return the files written."""
    from grpc_tools import protoc  # only needed by developers, not at run time

    protos = sorted(p.name for p in HERE.glob("*.proto"))
    _protoc(protoc, f"--python_out={out_dir}", protos)
    services = [p for p in protos if has_service(HERE / p)]
    if services:
        _protoc(protoc, f"--grpc_python_out={out_dir}", services)
        for name in services:
            _package_imports(out_dir / f"{Path(name).stem}_pb2_grpc.py")
    return sorted([*out_dir.glob("*_pb2.py"), *out_dir.glob("*_pb2_grpc.py")])


def has_service(proto: Path) -> bool:
    return re.search(r"^service\s", proto.read_text(), re.M) is not None


def _protoc(protoc, out_flag: str, protos: list[str]) -> None:
    code = protoc.main(["protoc", f"-I{HERE}", out_flag, *protos])
    if code != 0:
        raise RuntimeError(f"protoc failed with exit code {code}")


def _package_imports(path: Path) -> None:
    # grpc_tools writes `import x_pb2 as x__pb2`, a top-level module that does not
    # exist once installed: import it from this package instead.
    text = re.sub(r"^import (\w+_pb2) as ", r"from duckflight.protos import \1 as ", path.read_text(), flags=re.M)
    path.write_text(text)


if __name__ == "__main__":
    for path in generate():
        print(path)
    sys.exit(0)
