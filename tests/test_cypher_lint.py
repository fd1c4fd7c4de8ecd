"""Every Cypher statement lcg can send passes Neo4j's own front end.

The statements run on ArcadeDB in the tests; linting each with
``@neo4j-cypher/language-support`` (tools/cypher-lint, installed by
``make lint-deps``) shows they are also valid Neo4j 5 Cypher, use no deprecated
function and only the schema's labels, types and property keys. The only
diagnostic allowed is "parameter not defined": values are parameters by design.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from graph import schema
from graph.backends import cypher_statements as cypher

from conftest import ROOT

LINT_DIR = ROOT / "tools" / "cypher-lint"
PARAM_NOT_DEFINED = re.compile(r"^Parameter \$\w+ is not defined\.$")


def _cannot_run(reason: str):
    """Skip with the reason; under CI=true a skip would hide a broken set-up, so fail."""
    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        pytest.fail(f"Cypher lint cannot run in CI: {reason}")
    pytest.skip(reason)


def _lint(statements: list[str]) -> list[list[dict]]:
    node = shutil.which("node")
    if not node:
        _cannot_run("node not found: install Node.js and npm, then `make lint-deps`")
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").exists():
        _cannot_run("Cypher linter not installed: run `make lint-deps` (npm ci --prefix tools/cypher-lint)")
    # the data's fields, lcg's bookkeeping, and the keys of the UNWIND $rows maps
    keys = {"id", *cypher.BOOKKEEPING, "start", "end", "key", "props",
            "fingerprint", "of_dataset", "nodes", "relationships",  # and the LcgLoad manifest's
            "token", "holder", "host", "pid", "since"}  # and the LcgLoadLock's
    for k in schema.NODE_KINDS.values():
        keys.update(k.field_names)
    for r in schema.REL_KINDS.values():
        keys.update(r.field_names)
    payload = {"statements": statements,
               "schema": {"labels": [*schema.NODE_KINDS, cypher.MANIFEST, cypher.LOAD_LOCK], "relationshipTypes": list(schema.REL_KINDS),
                          "propertyKeys": sorted(keys)}}
    done = subprocess.run([node, str(LINT_DIR / "lint.mjs")], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=300, check=True)
    return [r["diagnostics"] for r in json.loads(done.stdout)]


def test_every_statement_passes_neo4j_front_end():
    statements = cypher.all_statements()
    assert len(statements) == len(set(statements))
    # every schema label and relationship type appears in some statement
    text = "\n".join(statements)
    assert all(f":{k} " in text or f":{k})" in text for k in schema.NODE_KINDS)
    assert all(f":{r} " in text for r in schema.REL_KINDS)
    problems = []
    for statement, diagnostics in zip(statements, _lint(statements)):
        bad = [d["message"] for d in diagnostics if not PARAM_NOT_DEFINED.match(d["message"])]
        if bad:
            problems.append(f"{statement}\n    -> {bad}")
    assert not problems, "\n".join(problems)


def test_linter_catches_errors_and_neo4j_specific_problems():
    """The lint can fail: a typo, a deprecated function and an unknown label are each reported."""
    found = _lint(["MATC (n) RETURN n", "MATCH (n:Organisation) RETURN id(n) AS x",
                   "MATCH (n:Organisaton) RETURN n.id AS id", "MATCH (n:Organisation {id: $id}) RETURN n.id AS id"])
    assert found[0] and found[1] and found[2]
    assert all(PARAM_NOT_DEFINED.match(d["message"]) for d in found[3])


def test_labels_and_types_only_from_the_schema():
    with pytest.raises(ValueError):
        cypher.merge_nodes("Organisation) DETACH DELETE (x")
    with pytest.raises(ValueError):
        cypher.merge_rels("FUNDS]->() DELETE r //", "Organisation", "Project")
    with pytest.raises(ValueError):
        cypher.incident("Organisation", "sideways")
