"""What lcg actually sends to the server is among the statements the lint test checks.

A spy (not a mock: every call still goes to the real server) records each
statement while loading, replacing and running every primitive; each must be one
of ``cypher_statements.all_statements()``, the list tests/test_cypher_lint.py lints.
"""

from __future__ import annotations

import shutil

import neo4j
import yaml

from conftest import FIXTURES
from support.bolt_db import empty_db  # noqa: F401 (a fixture)


def test_every_statement_sent_is_enumerated(lcg, empty_db, tmp_path, monkeypatch):
    from graph.backends import cypher_statements as cypher
    from graph.backends.bolt import BoltConfig
    from graph.backends.neo4j_backend import open_neo4j_backend

    sent: list[str] = []
    real = neo4j.Driver.execute_query

    def spy(self, query, *args, **kwargs):
        sent.append(query)
        return real(self, query, *args, **kwargs)

    monkeypatch.setattr(neo4j.Driver, "execute_query", spy)
    data = tmp_path / "tiny"
    shutil.copytree(FIXTURES / "tiny", data)
    env = empty_db.env()
    assert lcg("load", "--data", data, env=env).exit_code == 0
    people = yaml.safe_load((data / "people.yaml").read_text())
    (data / "people.yaml").write_text(yaml.safe_dump([{**p, "works_for": []} for p in people]))
    projects = yaml.safe_load((data / "projects.yaml").read_text())
    (data / "projects.yaml").write_text(yaml.safe_dump(projects[1:]))
    assert lcg("load", "--data", data, "--replace", env=env).exit_code == 0

    from graph.queries.path import shortest_paths
    from graph.queries.walks import co_participation

    s = empty_db
    with open_neo4j_backend(config=BoltConfig(s.uri, s.user, s.password, s.database)) as b:
        ids = [n.id for n in b.nodes()]
        b.relationships()
        b.relationships(["PARTNER_IN"])
        b.node(ids[0])
        b.incident([ids[0]], direction="in")
        b.incident(ids[:2], rel_kinds=["MEMBER_OF"])
        co_participation(b, ids[0])
        shortest_paths(b, ids[0], ids[-1])
        b.subgraph(ids)
        b.counts()
    assert sent
    unknown = sorted(set(sent) - set(cypher.all_statements()))
    assert not unknown, unknown
    kinds_sent = {q.split(":")[1].split(" ")[0] for q in sent if q.startswith("UNWIND $rows AS row MERGE (n:")}
    assert kinds_sent  # the spy saw the loader's batches
