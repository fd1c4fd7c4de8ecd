"""One `lcg load` at a time per database: a lock held in the database itself.

Why: two loads at once each read the database, each find a tie absent, and each
CREATE it (the loader creates absent ties rather than MERGE them, for speed), so
the ties were doubled and both loads exited 0. A lock file on one machine does not
stop a colleague loading from another, so the lock is a node, ``LcgLoadLock``,
under a uniqueness constraint: of two loads creating it at once the database
accepts exactly one. It names who holds it and since when and is deleted in
``finally``. A lock left by a killed load on this machine (its process is gone) is
taken over, so rerunning a killed load still finishes it; one left on another
machine is cleared with ``--break-lock``.
"""

from __future__ import annotations

import getpass
import os
import secrets
import socket
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import LcgError
from . import cypher_statements as cypher

if TYPE_CHECKING:
    from .bolt import BoltConfig

__all__ = ["LoadLocked", "take_load_lock", "release_load_lock"]


class LoadLocked(LcgError):
    """Another load holds the database's load lock."""


class StatementWriter(Protocol):
    """What the lock writes through: the load's writer (graph/backends/neo4j_load.py)."""

    def run(self, statement: str, **params: Any) -> None: ...


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"


def _gone(row: dict) -> bool:
    """The lock's load ran on this machine and its process no longer exists."""
    if row.get("host") != socket.gethostname() or not isinstance(row.get("pid"), int):
        return False
    try:
        os.kill(row["pid"], 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by someone else
        return False
    return False


def take_load_lock(writer: StatementWriter, reader: Callable[[str], list[dict[str, Any]]], config: BoltConfig, *,
                   break_lock: bool = False) -> str:
    """Take the lock (its token) or raise LoadLocked; ``writer.run(stmt, **params)`` writes, ``reader(stmt)`` reads.

    The caller releases it with ``release_load_lock`` in ``finally``.
    """
    from .bolt import redact

    writer.run(cypher.lock_constraint())
    if break_lock:
        writer.run(cypher.break_lock())
    for row in reader(cypher.read_lock()):
        if _gone(row):
            writer.run(cypher.release_lock(), token=row.get("token"))  # a killed load's: taken over
    token = secrets.token_hex(8)
    since = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    host = socket.gethostname()
    try:
        writer.run(cypher.take_lock(), token=token, holder=f"{_user()}@{host} (pid {os.getpid()})", host=host,
                   pid=os.getpid(), since=since)
    except LcgError:
        pass  # taken by another load (the constraint refused it): told below from what the database holds
    held = reader(cypher.read_lock())
    if [row.get("token") for row in held] != [token]:
        other: dict[str, Any] = next((row for row in held if row.get("token") != token), {})
        if any(row.get("token") == token for row in held):  # a server without the constraint let both in
            writer.run(cypher.release_lock(), token=token)
        raise LoadLocked(f"another lcg load is writing to {config.where}: {other.get('holder', 'unknown')} since "
                         f"{other.get('since', 'an unknown time')}; wait for it to finish, or if that load was "
                         f"killed, clear its lock: lcg load --neo4j {redact(config.uri)} --break-lock")
    return token


def release_load_lock(writer: StatementWriter, token: str, *, failing: bool = False) -> None:
    """Delete this load's lock; when the load is already failing, its error is the one the user sees."""
    try:
        writer.run(cypher.release_lock(), token=token)
    except LcgError:
        if not failing:
            raise
