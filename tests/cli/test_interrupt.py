"""Ctrl-C and a busy store as a user meets them: a real `presslens` process, a real signal, a real lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presslens.errors import StoreError
from presslens.store import Store

PRESSLENS = Path(sys.executable).with_name("presslens")
CROSS_JOIN = "SELECT count(*) FROM range(100000000) a, range(100000000) b"
HOLD = "import sys, time, duckdb; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(60)"


def _children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if parent == pid:
                found.add(int(entry.name))
    return found


@pytest.fixture
def store_file(tmp_path) -> Path:
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    return path


@pytest.mark.skipif(not PRESSLENS.exists(), reason="the presslens command is not installed here")
def test_ctrl_c_ends_a_query_with_one_line_and_status_130(store_file) -> None:
    command = subprocess.Popen(
        [str(PRESSLENS), "query", CROSS_JOIN, "--store", str(store_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PRESSLENS_DEBUG": ""},
    )
    deadline = time.monotonic() + 30
    while not _children_of(command.pid):  # the query's own process has started
        assert time.monotonic() < deadline and command.poll() is None, command.communicate()
        time.sleep(0.05)
    child = next(iter(_children_of(command.pid)))
    command.send_signal(signal.SIGINT)
    _, err = command.communicate(timeout=30)
    assert command.returncode == 130
    assert err.decode().strip() == "presslens: error: interrupted"
    time.sleep(0.2)
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]


def test_a_store_held_by_another_process_says_what_to_do(store_file) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(store_file)],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"held"
        with pytest.raises(StoreError, match=r"in use by another process.*presslens serve"):
            Store.open(store_file, read_only=True)
    finally:
        holder.kill()
        holder.wait()
