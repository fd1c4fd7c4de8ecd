"""Running the app: waitress on the chosen address, the address printed first.

Why waitress: a pure-Python, well-kept, multi-threaded WSGI server with no C
parts, meant for serving (Flask's own server says it is for development); the
app's answers are CPU-bound library calls, so a handful of threads keep a slow
question from holding up the others.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from contextlib import contextmanager

from graph.errors import BadOption

__all__ = ["serve", "make_server", "in_background", "is_loopback", "THREADS"]

THREADS = 8


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_server(app, host: str, port: int):
    """A waitress server bound to host:port (port 0: a free one; see ``.effective_port``)."""
    import logging

    from waitress.server import create_server

    # "Task queue depth is N" for every request that waits for a thread: noise on a coordinator's terminal
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)

    try:
        return create_server(app, host=host, port=port, threads=THREADS, ident="lcg")
    except (socket.gaierror, ValueError):  # the name does not resolve (waitress says so as a ValueError)
        raise BadOption("host", host, "is not an address to listen on; give one such as 127.0.0.1") from None
    except OSError as e:
        raise BadOption("port", port, f"cannot be listened on at {host} ({e.strerror or e}); "
                                      "give another, or 0 for any free one") from None


def serve(app, host: str, port: int, *, announce=print) -> None:
    """Serve until interrupted; ``announce`` gets the address line as soon as the socket is bound."""
    server = make_server(app, host, port)
    shown = f"[{host}]" if ":" in host else host
    announce(f"http://{shown}:{server.effective_port}/")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@contextmanager
def in_background(app, host: str = "127.0.0.1", port: int = 0):
    """Serve ``app`` from a thread for the block; yields the base address (for tests, benchmarks, screenshots).

    The loop runs in short steps and stops between them, so closing never pulls a socket out from under
    a running ``select`` (waitress's own ``run`` has no stop).
    """
    server = make_server(app, host, port)
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.effective_port}"
    finally:
        stop.set()
        thread.join(10)
        server.close()
        server.task_dispatcher.shutdown()
