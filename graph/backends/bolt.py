"""Connecting to a Bolt server (Neo4j, Aura, ArcadeDB) and turning its failures into one line.

Settings use the names Neo4j's own tools use: the URI from ``--neo4j`` or
``NEO4J_URI``, then ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.
The password comes only from the environment or an interactive prompt: never
from the command line (other users can read argv) and never in a message.
Every failure becomes a ``BackendError`` naming the URI without credentials and
what to check; reads and writes go through managed transactions, which retry
transient errors.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from ..errors import BackendError

__all__ = ["BoltConfig", "bolt_config", "redact", "connect", "translate_errors", "SCHEMES"]

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
CONNECT_TIMEOUT = 15.0
RETRY_TIME = 15.0


def redact(uri: str) -> str:
    """The URI without user, password or query: safe to print."""
    try:
        parts = urlsplit(uri)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, "", ""))
    except ValueError:
        return "(unparseable URI)"


@dataclass(frozen=True)
class BoltConfig:
    """Where to connect and as whom; ``repr`` never shows the password."""

    uri: str
    user: str
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    timeout: float = CONNECT_TIMEOUT

    @property
    def where(self) -> str:
        return redact(self.uri) + (f" (database {self.database!r})" if self.database else "")


def bolt_config(uri: str | None = None, *, user: str | None = None, database: str | None = None,
                prompt: bool = True) -> BoltConfig:
    """Settings from the arguments and the NEO4J_* environment; asks for the password on a terminal."""
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise BackendError("no Neo4j URI: pass --neo4j bolt://HOST:7687 or set NEO4J_URI")
    try:
        parts = urlsplit(uri)
    except ValueError:
        raise BackendError("bad Neo4j URI: expected e.g. bolt://localhost:7687") from None
    if parts.scheme not in SCHEMES:
        raise BackendError(f"bad Neo4j URI {redact(uri)}: the scheme must be one of {', '.join(SCHEMES)}")
    if parts.password is not None:
        raise BackendError(f"the Neo4j URI {redact(uri)} carries a password: put it in NEO4J_PASSWORD "
                           "instead, where other users cannot read it")
    user = user or parts.username or os.environ.get("NEO4J_USERNAME") or "neo4j"
    database = database or os.environ.get("NEO4J_DATABASE") or None
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None and prompt and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"Neo4j password for {user} at {redact(uri)}: ")
    clean = urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, parts.query, ""))
    return BoltConfig(clean, user, password, database)


@contextmanager
def translate_errors(config: BoltConfig, doing: str = "talking to"):
    """Turn the driver's exceptions into one BackendError line naming the server and what to check."""
    from neo4j import exceptions as x

    where = config.where
    try:
        yield
    except BackendError:
        raise
    except x.AuthError:
        raise BackendError(f"Neo4j at {where} refused the login of user {config.user!r}: "
                           "check NEO4J_USERNAME and NEO4J_PASSWORD") from None
    except x.ConfigurationError as e:
        raise BackendError(f"cannot use Neo4j URI {where}: {_first_line(e)}") from None
    except (x.ServiceUnavailable, x.SessionExpired, ConnectionError, TimeoutError) as e:
        text = str(e).lower()
        if "deadline" in text or "timed out" in text or "timeout" in text:
            raise BackendError(f"Neo4j at {where} did not answer within {config.timeout:g}s while {doing} it: "
                               "check that the port is the server's Bolt port (usually 7687) and that the "
                               "server is not overloaded") from None
        reason = "connection refused" if "refused" in text else "unreachable"
        tls = (" (the +s and +ssc schemes need TLS on the server; a local server without it takes bolt:// "
               "or neo4j://)") if "+s" in urlsplit(config.uri).scheme else ""
        raise BackendError(f"cannot reach Neo4j at {where} while {doing} it ({reason}): check that the server is "
                           f"running and the URI's scheme, host and port{tls}") from None
    except x.Neo4jError as e:
        code = e.code or ""
        if "DatabaseNotFound" in code:
            raise BackendError(f"Neo4j at {where} has no database {config.database!r}: check NEO4J_DATABASE") from None
        if "Timeout" in code or "TimedOut" in code:
            raise BackendError(f"Neo4j at {where} timed out while {doing} it: check the server's load, "
                               "or try again") from None
        raise BackendError(f"Neo4j at {where} refused a request ({code}): {_first_line(e.message or e)}") from None
    except x.DriverError as e:
        raise BackendError(f"Neo4j driver error for {where}: {_first_line(e)}") from None


def _first_line(e) -> str:
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


def connect(config: BoltConfig):
    """A verified driver: the server answered and accepted the login, or a BackendError."""
    import logging

    import neo4j

    from . import cypher_statements as cypher

    # The driver logs each retried transient error at WARNING; with no logging set up Python would
    # print those multi-line records on stderr. Failures still surface as one BackendError line.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    auth = (config.user, config.password) if config.password is not None else None
    with translate_errors(config, "connecting to"):
        driver = neo4j.GraphDatabase.driver(config.uri, auth=auth, connection_timeout=config.timeout,
                                            connection_acquisition_timeout=config.timeout,
                                            max_transaction_retry_time=min(RETRY_TIME, config.timeout),
                                            user_agent="lcg")
        try:
            driver.verify_connectivity()
            # verify_connectivity checks the login but not that the database exists.
            driver.execute_query(cypher.ping(), database_=config.database,
                                 routing_=neo4j.RoutingControl.READ)
        except BaseException:
            driver.close()
            raise
    return driver
