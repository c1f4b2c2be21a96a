"""Regenerate the *_pb2.py modules from the .proto files in this folder.

Run ``python -m duckflight.protos.generate`` (or ``python protos/generate.py``)
after editing a .proto; ``tests/unit/test_protos.py`` fails while they are stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def generate(out_dir: Path = HERE) -> list[Path]:
    """Compile every .proto here into ``out_dir``; return the files written."""
    from grpc_tools import protoc  # only needed by developers, not at run time

    protos = sorted(p.name for p in HERE.glob("*.proto"))
    code = protoc.main(["protoc", f"-I{HERE}", f"--python_out={out_dir}", *protos])
    if code != 0:
        raise RuntimeError(f"protoc failed with exit code {code}")
    return sorted(out_dir.glob("*_pb2.py"))


if __name__ == "__main__":
    for path in generate():
        print(path)
    sys.exit(0)
