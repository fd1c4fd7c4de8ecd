"""`lcg serve`: the graph's answers as a local web application for people who do not use a terminal.

Every page is one of the CLI's questions, answered by the same library call
(``questions.py``) and shown through autoescaping templates; each has a JSON twin
under ``/api/`` whose rows equal ``lcg ... --format json``. The only writes are
review decisions, made through ``graph.dedup.decisions`` as ``lcg decide`` does.
The web stack (Flask, waitress) is imported here, never by ``cli.py`` at start-up.
"""

from __future__ import annotations

__all__ = ["create_app", "serve"]


def create_app(*args, **kwargs):
    from .app import create_app as make

    return make(*args, **kwargs)


def serve(*args, **kwargs):
    from .server import serve as run

    return run(*args, **kwargs)
