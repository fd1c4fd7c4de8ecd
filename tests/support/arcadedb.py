"""Start a throw-away ArcadeDB server speaking Bolt, for tests and benchmarks.

The Cypher backend and the loader must be tried against a real Bolt server, not
a mock: ArcadeDB from PyPI (``arcadedb-embedded``) bundles the server jars, its
Bolt plugin and a JRE, so the suite can start one with nothing else installed.
Every listener binds to 127.0.0.1 on a free port, its files live in a temp dir,
and the ``lcg`` database is created at start.

    with ArcadeDBServer() as server:
        server.settings  # {"uri": "bolt://127.0.0.1:PORT", "user": "root", ...}
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ArcadeDBServer", "BoltSettings", "free_port"]

READY_LINE = "Neo4j-Bolt plugin started"
#: Bolt listens before the default database exists; this line comes after both.
STARTED_LINE = "ArcadeDB Server started in"
DATABASE = "lcg"


@dataclass(frozen=True)
class BoltSettings:
    """Where a Bolt server listens and how to log in (what NEO4J_* env vars carry)."""

    uri: str
    user: str
    password: str
    database: str

    def env(self) -> dict[str, str]:
        return {"NEO4J_URI": self.uri, "NEO4J_USERNAME": self.user, "NEO4J_PASSWORD": self.password,
                "NEO4J_DATABASE": self.database}

    @classmethod
    def from_env(cls) -> "BoltSettings | None":
        uri = os.environ.get("NEO4J_URI")
        if not uri:
            return None
        return cls(uri, os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""),
                   os.environ.get("NEO4J_DATABASE", "neo4j"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: have Linux stop the server if the test run dies without cleaning up (kill -9)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: stop() at session end still applies
        pass


def _package_dir() -> Path:
    import arcadedb_embedded

    return Path(arcadedb_embedded.__file__).resolve().parent


class ArcadeDBServer:
    """One ArcadeDB server process with the Bolt plugin; ``start()``/``stop()`` or a ``with`` block."""

    def __init__(self, *, heap: str = "1g", startup_timeout: float = 120.0):
        self.heap = heap
        self.startup_timeout = startup_timeout
        self.password = secrets.token_urlsafe(16)
        self.bolt_port = free_port()
        self.http_port = free_port()
        self.root: Path | None = None
        self.process: subprocess.Popen | None = None
        self.log_path: Path | None = None

    @property
    def settings(self) -> BoltSettings:
        return BoltSettings(f"bolt://127.0.0.1:{self.bolt_port}", "root", self.password, DATABASE)

    def command(self) -> list[str]:
        pkg = _package_dir()
        java = pkg / "jre" / "bin" / "java"
        if not java.exists():  # pragma: no cover - wheels without the bundled JRE
            java = Path(shutil.which("java") or "java")
        props = {
            "arcadedb.server.plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "arcadedb.bolt.port": self.bolt_port,
            "arcadedb.bolt.host": "127.0.0.1",
            "arcadedb.server.httpIncomingHost": "127.0.0.1",
            "arcadedb.server.httpIncomingPort": self.http_port,
            "arcadedb.server.httpsIncomingPort": free_port(),
            "arcadedb.server.rootPath": self.root,
            "arcadedb.server.rootPassword": self.password,
            "arcadedb.server.defaultDatabases": f"{DATABASE}[root]",
            "arcadedb.server.mode": "development",
        }
        return [str(java), f"-Xmx{self.heap}", *(f"-D{k}={v}" for k, v in props.items()),
                "-cp", str(pkg / "jars" / "*"), "com.arcadedb.server.ArcadeDBServer"]

    def start(self) -> "ArcadeDBServer":
        self.root = Path(tempfile.mkdtemp(prefix="lcg-arcadedb-"))
        self.log_path = self.root / "server.log"
        log = open(self.log_path, "wb")
        # The password is a -D property on the server's own command line, visible
        # only to this user on this machine, for a throw-away test database.
        self.process = subprocess.Popen(self.command(), cwd=self.root, stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True,
                                        preexec_fn=_die_with_parent)
        log.close()
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ArcadeDB exited with {self.process.returncode}:\n{self.log_tail()}")
            log_text = self.log_path.read_text(errors="replace")
            if READY_LINE in log_text and STARTED_LINE in log_text:
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"ArcadeDB did not start within {self.startup_timeout}s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> "ArcadeDBServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
