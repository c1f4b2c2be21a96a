"""The processes of integration tests: `duckflight up` as a user runs it, and the process
tree below it (read from /proc), so a test can check that nothing is left running.

Imported by name (`from processes import UpProcess`): this folder is on sys.path when
pytest runs its tests, and a module of its own cannot be shadowed as `conftest` can.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

START_TIMEOUT = 60  # seconds until a started cluster must accept connections
STOP_TIMEOUT = 15  # seconds until every process of a stopped cluster must be gone


def dsn(port: int) -> str:
    return f"postgresql://duckflight@127.0.0.1:{port}/duckflight"


def duckflight_executable() -> str:
    """The console script of the installed package: next to this interpreter, else on PATH."""
    beside = Path(sys.executable).parent / "duckflight"
    found = str(beside) if beside.is_file() else shutil.which("duckflight")
    if found is None:
        pytest.fail("the `duckflight` console script is not installed (pip install -e '.[test]')")
    return found


def _proc_table() -> list[tuple[int, str, int, int]]:
    """(pid, state, ppid, pgid) of every process, read from /proc."""
    rows = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue  # exited while we looked
        # The command name may contain spaces and parentheses: fields start after the last ')'.
        fields = stat[stat.rindex(")") + 2 :].split()
        rows.append((int(name), fields[0], int(fields[1]), int(fields[2])))
    return rows


def descendants(pid: int) -> set[int]:
    """Every live process below pid (children, grandchildren, ...)."""
    children: dict[int, list[int]] = {}
    for p, state, ppid, _ in _proc_table():
        if state != "Z":
            children.setdefault(ppid, []).append(p)
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pids: set[int], pgid: int) -> set[int]:
    """Which of pids, or of the members of process group pgid, are still running.

    Zombies count as gone: they have exited and only wait to be reaped by their parent
    (or by init, for orphans), which is not the stopped program's doing.
    """
    return {p for p, state, _, pg in _proc_table() if state != "Z" and (p in pids or pg == pgid)}


def describe(pids: set[int]) -> str:
    lines = []
    for p in sorted(pids):
        try:
            cmd = Path(f"/proc/{p}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            cmd = "?"
        lines.append(f"  pid {p}: {cmd}")
    return "\n".join(lines)


class UpProcess:
    """One `duckflight up ...` process tree, output captured to a log file."""

    def __init__(self, args: list[str], log_path: Path, env: dict[str, str] | None = None,
                 executable: str | None = None, cwd: Path | None = None, shell: str | None = None):
        """Starts `duckflight up ARGS`, or the bash command line ``shell`` (e.g. a README block)."""
        self.args = ["bash", "-c", shell] if shell else [executable or duckflight_executable(), "up", *args]
        self.log_path = log_path
        # Only what the test sets: a developer's DUCKFLIGHT_* settings would change what runs.
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("DUCKFLIGHT_")}
        full_env = {**inherited, **(env or {})}
        with open(log_path, "wb") as log:
            self.proc = subprocess.Popen(
                self.args, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env=full_env, start_new_session=True,  # own session => own process group
                cwd=cwd,
            )
        self.pgid = self.proc.pid
        self.stopped = False

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def fail(self, message: str) -> None:
        pytest.fail(f"{message}\ncommand: {' '.join(self.args)}\n--- output ---\n{self.output()[-6000:]}")

    def wait_for_output(self, pattern: str, timeout: float = START_TIMEOUT) -> re.Match:
        """Wait until the combined stdout/stderr matches the regex pattern."""
        deadline = time.monotonic() + timeout
        while True:
            if m := re.search(pattern, self.output()):
                return m
            if self.proc.poll() is not None:
                self.fail(f"duckflight up exited with code {self.proc.returncode} before printing {pattern!r}")
            if time.monotonic() > deadline:
                self.fail(f"duckflight up printed no line matching {pattern!r} within {timeout} s")
            time.sleep(0.1)

    def wait_until_accepting(self, url: str, timeout: float = START_TIMEOUT) -> None:
        """Wait until a psycopg connection to url succeeds."""
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                self.fail(f"duckflight up exited with code {self.proc.returncode} before accepting connections")
            try:
                with psycopg.connect(url, connect_timeout=3, autocommit=True):
                    return
            except psycopg.OperationalError as e:
                last = e
            if time.monotonic() > deadline:
                self.fail(f"no connection to {url} within {timeout} s; last error: {last}")
            time.sleep(0.25)

    def stop(self, sig: int, whole_group: bool = False, timeout: float = STOP_TIMEOUT) -> None:
        """Send sig (to the `up` process, or to its whole group as a terminal's Ctrl-C does)
        and fail unless every process of the tree is gone within timeout seconds."""
        tree = descendants(self.proc.pid)  # also catches a child that left the group
        if whole_group:
            os.killpg(self.pgid, sig)
        else:
            self.proc.send_signal(sig)
        deadline = time.monotonic() + timeout
        left: set[int] = set()
        while time.monotonic() < deadline:
            self.proc.poll()  # reap `up` itself so it does not linger as a zombie
            left = alive(tree, self.pgid)
            if not left:
                break
            time.sleep(0.1)
        if not left:  # `up` may have ended between its poll and the look at the tree: reap it
            self.proc.wait(timeout=10)
        self.stopped = True
        if left:
            report = describe(left)
            self.kill()
            for p in left:
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.fail(f"{len(left)} process(es) still running {timeout} s after {signal.Signals(sig).name}:\n{report}")

    def kill(self) -> None:
        """Last-resort cleanup: SIGKILL the whole group and reap the leader."""
        try:
            os.killpg(self.pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
