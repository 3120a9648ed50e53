"""A standalone Spark cluster and a packed presslens environment, for the cluster test and benchmark.

``standalone_cluster`` starts a master and one worker from the installed
pyspark (``spark-class``), bound to 127.0.0.1 on free ports, and stops both on
exit. ``pack_environment`` builds the environment the README tells cluster
users to ship: a fresh venv with presslens installed from this checkout (not
editable), packed by venv-pack.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["SPARK_LOOPBACK_ENV", "ClusterError", "pack_environment", "standalone_cluster"]

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 180.0
# the driver binds where the executors can reach it: the loopback, like the cluster
SPARK_LOOPBACK_ENV = {"SPARK_LOCAL_IP": "127.0.0.1"}


class ClusterError(RuntimeError):
    """The cluster did not start, or the environment could not be built; says why, with the log's tail."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(log: Path, line: str, process: subprocess.Popen) -> None:
    """Until `line` shows in `log`; raises with the log's tail when the process dies or time runs out."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if line in text:
            return
        if process.poll() is not None:
            break
        time.sleep(0.5)
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
    raise ClusterError(f"Spark did not log {line!r} (exit status {process.poll()}):\n{tail}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def standalone_cluster(base: Path, *, cores: int = 2, memory: str = "4g") -> Iterator[tuple[str, Path]]:
    """A master and one worker of `cores` cores; yields the master URL and the worker's work folder."""
    import pyspark

    home = Path(pyspark.__file__).parent
    env = {
        **os.environ,
        **SPARK_LOOPBACK_ENV,
        "SPARK_HOME": str(home),
        # the REST submission server would take a fixed port (6066)
        "SPARK_MASTER_OPTS": "-Dspark.master.rest.enabled=false",
    }
    spark_class = str(home / "bin" / "spark-class")
    port = _free_port()
    url = f"spark://127.0.0.1:{port}"
    work = base / "work"
    base.mkdir(parents=True, exist_ok=True)
    commands = {
        "master": [
            spark_class,
            "org.apache.spark.deploy.master.Master",
            *("--host", "127.0.0.1", "--port", str(port), "--webui-port", str(_free_port())),
        ],
        "worker": [
            spark_class,
            "org.apache.spark.deploy.worker.Worker",
            *("--host", "127.0.0.1", "--port", str(_free_port()), "--webui-port", str(_free_port())),
            *("--cores", str(cores), "--memory", memory, "--work-dir", str(work), url),
        ],
    }
    ready = {"master": "I have been elected leader", "worker": "Successfully registered with master"}
    processes: list[subprocess.Popen] = []
    try:
        for name, command in commands.items():
            log = base / f"{name}.log"
            with log.open("wb") as out:
                process = subprocess.Popen(
                    command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=base, start_new_session=True
                )
            processes.append(process)
            _wait_for(log, ready[name], process)
        yield url, work
    finally:
        for process in reversed(processes):
            _stop(process)


def pack_environment(base: Path) -> Path:
    """The README's cluster environment as ``base/pl-env.tar.gz``; the unpacked venv is removed."""
    env_dir = base / "pl-env"
    archive = base / "pl-env.tar.gz"
    steps = [
        [sys.executable, "-m", "venv", str(env_dir)],
        [str(env_dir / "bin" / "pip"), "install", "-q", str(REPO), "venv-pack"],
        [str(env_dir / "bin" / "venv-pack"), "-q", "-p", str(env_dir), "-o", str(archive)],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, timeout=900, check=False)
        if done.returncode != 0:
            raise ClusterError(f"{' '.join(step)} failed:\n{done.stderr[-3000:]}")
    shutil.rmtree(env_dir)  # executors must get it from the archive, not from this folder
    return archive
