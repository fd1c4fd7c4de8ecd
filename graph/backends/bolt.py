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
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from ..errors import BackendError

__all__ = ["BoltConfig", "bolt_config", "check_uri", "redact", "shown", "connect", "translate_errors",
           "SCHEMES", "URI_FORM"]

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


URI_FORM = "expected bolt://host:port or neo4j://host:port (+s/+ssc)"
_HOST = re.compile(r"^(?:[\w.-]+|\[[0-9A-Fa-f:.]+\])$")


def shown(uri: str) -> str:
    """Any URI, even a malformed one, as it may be printed: no user, password, query or fragment.

    ``redact`` needs a URI ``urlsplit`` understands; this works on the text, so that
    ``neo4j:secret@host`` (``//`` forgotten) or a bad port never put a password on screen.
    """
    text = str(uri).split("?", 1)[0].split("#", 1)[0]
    if "@" in text:
        head, sep, _rest = text.partition("://")
        text = head + sep + text.rpartition("@")[2] if sep else text.rpartition("@")[2]
    return text


def _bad_uri(uri: str, problem: str) -> BackendError:
    return BackendError(f"bad Neo4j URI {shown(uri)}: {problem}; {URI_FORM}")


def check_uri(uri: str):
    """The URI split into parts, or a BackendError saying what is wrong with it before any connection.

    The driver would otherwise fail late and misleadingly: a bad port as a ValueError
    traceback ("Failed to DNS resolve"), ``bolt://`` as "connection refused" on localhost.
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        raise _bad_uri(uri, "it cannot be parsed") from None
    if parts.scheme not in SCHEMES or "://" not in uri:
        what = f"unknown scheme {parts.scheme!r}" if parts.scheme and "://" in uri else "no scheme"
        raise _bad_uri(uri, f"{what} (the scheme must be one of {', '.join(SCHEMES)})")
    hostport = parts.netloc.rpartition("@")[2]
    host, port = hostport, None
    if hostport.startswith("["):
        host, _, rest = hostport.partition("]")
        host += "]"
        if rest:
            if not rest.startswith(":"):
                raise _bad_uri(uri, "the host is not valid")
            port = rest[1:]
    elif ":" in hostport:
        host, _, port = hostport.rpartition(":")
    if not host:
        raise _bad_uri(uri, "no host")
    if not _HOST.match(host):
        raise _bad_uri(uri, f"the host {host!r} is not a host name or address")
    if port is not None and not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        raise _bad_uri(uri, f"the port {port!r} is not a number from 1 to 65535")
    if parts.path not in ("", "/"):
        raise _bad_uri(uri, "a Bolt URI has no path (the database comes from NEO4J_DATABASE)")
    if parts.fragment:
        raise _bad_uri(uri, "a Bolt URI has no '#' part")
    if parts.query and parts.scheme.startswith("bolt"):
        raise _bad_uri(uri, "query parameters (a routing context) go only with the neo4j:// schemes")
    return parts


def bolt_config(uri: str | None = None, *, user: str | None = None, database: str | None = None,
                prompt: bool = True) -> BoltConfig:
    """Settings from the arguments and the NEO4J_* environment; asks for the password on a terminal."""
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise BackendError("no Neo4j URI: give one (bolt://HOST:7687) or set NEO4J_URI")
    parts = check_uri(uri)
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
        # the driver's text may end with "Given URI: '...'", query and all: keep it off the screen
        raise BackendError(f"cannot use Neo4j URI {where}: {_first_line(e).split(' Given URI:')[0]}") from None
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
            try:
                driver.verify_connectivity()
            except ValueError:  # an address the resolver refuses, past check_uri: never a traceback
                raise BackendError(f"bad Neo4j URI {config.where}: the driver cannot resolve its host and port; "
                                   f"{URI_FORM}") from None
            # verify_connectivity checks the login but not that the database exists.
            driver.execute_query(cypher.ping(), database_=config.database,
                                 routing_=neo4j.RoutingControl.READ)
        except BaseException:
            driver.close()
            raise
    return driver
