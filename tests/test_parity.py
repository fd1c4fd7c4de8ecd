"""Every query command gives the same output on the embedded graph and on a Bolt server.

For each dataset (the tiny fixture, the seed data, a generated dataset) the data
is loaded with `lcg load` into the session's Bolt server (ArcadeDB started by the
suite, or NEO4J_URI's), then each command in COMMANDS runs twice, once on the
embedded graph and once with --neo4j, and the outputs must be identical, byte for
byte, in JSON and as a table.

To cover a new command, add its arguments to COMMANDS; ``{org}``, ``{org2}``,
``{person}``, ``{project}``, ``{theme}``, ``{word}`` are filled per dataset with the
best-connected node of that kind (and a word of its name).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, SEED
from support.bolt_db import wipe

COMMANDS: list[list[str]] = [
    ["stats"],
    ["show", "{org}"],
    ["show", "{project}"],
    ["show", "{person}"],
    ["search", "{word}"],
    ["search", "{word}", "--kind", "Organisation", "--limit", "5"],
    ["overlaps"],
    ["overlaps", "--min-score", "0.2"],
    ["overlaps", "--project", "{project}", "--min-score", "0.1"],
    ["overlaps", "--related", "--min-score", "0.3"],
    ["overlaps", "--kind", "double-funding"],
    ["duplicates"],
    ["duplicates", "--kind", "Person"],
    ["duplicates", "--min-score", "0.4"],  # weak pairs too: contact evidence, cut links, merge advice
    ["collaborators", "{org}"],
    ["collaborators", "{person}", "--limit", "0"],
    ["collaborators", "{org2}", "--via", "project"],
    ["collaborators", "{org}", "--as-of", "2019-06-01", "--kind", "organisation"],
    ["collaborators", "{org}", "--since", "2018", "--via", "event"],
    ["collaborators", "{org}", "--since", "2018-06-01"],
    ["path", "{org}", "{org2}"],
    ["path", "{person}", "{project}", "--themes"],
    ["path", "{person}", "{theme}", "--themes", "--max-hops", "3"],
    ["brokers", "--sample", "50"],
    ["brokers", "--kind", "person", "--sample", "50"],
    ["clusters"],
    ["gaps"],
    ["timeline"],
    ["timeline", "--from", "2019", "--to", "2022"],
]

FORMATS = ["json", "table"]


def _generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("parity") / "generated"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", "2000", "-o", str(out),
                    "--seed", "1"], check=True, capture_output=True)
    return out


DATASETS = ["tiny", "seed", "generated"]


@pytest.fixture(scope="module")
def dataset_dirs(tmp_path_factory):
    return {"tiny": FIXTURES / "tiny", "seed": SEED if (SEED / "organisations.yaml").exists() else None,
            "generated": _generated(tmp_path_factory)}


@pytest.fixture(scope="module")
def loaded(request, dataset_dirs, bolt_server, tmp_path_factory):
    """The dataset's folder and the fill-ins for COMMANDS, with the dataset loaded in the Bolt server.

    Module-scoped with the dataset as its parameter, so pytest runs every command
    of one dataset before loading the next.
    """
    from click.testing import CliRunner

    from cli import main

    data = dataset_dirs[request.param]
    if data is None:
        pytest.fail("seed_data/ is missing")
    wipe(bolt_server)
    result = CliRunner().invoke(main, ["load", "--data", str(data)], env=bolt_server.env())
    assert result.exit_code == 0, result.output
    # The server run gets a folder with no graph data (only the reviewed decisions, which
    # overlaps and duplicates read from the folder, and the source titles `show` reads):
    # any answer it gives came from the server.
    decisions_only = tmp_path_factory.mktemp("decisions-only") / data.name
    decisions_only.mkdir()
    for side_file in ("decisions.yaml", "sources.yaml"):
        if (data / side_file).exists():
            shutil.copy(data / side_file, decisions_only / side_file)
    return data, decisions_only, _fill_ins(data)


def _fill_ins(data) -> dict:
    from graph.backends.embedded import EmbeddedBackend
    from graph.loading import open_dataset

    backend = EmbeddedBackend.from_dataset(open_dataset(data, use_cache=False))
    degree: dict[str, int] = {}
    for t in backend.relationships():
        degree[t.start] = degree.get(t.start, 0) + 1
        degree[t.end] = degree.get(t.end, 0) + 1

    def best(kind, n=0):
        ranked = sorted(backend.nodes([kind]), key=lambda x: (-degree.get(x.id, 0), x.id))
        return ranked[min(n, len(ranked) - 1)] if ranked else None

    org, org2, person, project, theme = best("Organisation"), best("Organisation", 1), best("Person"), \
        best("Project"), best("Theme")
    word = max(org.name.split(), key=len)
    return {"org": org.id, "org2": org2.id, "person": person.id if person else org.id,
            "project": project.id, "theme": theme.id if theme else project.id, "word": word}


@pytest.mark.parametrize("loaded", DATASETS, indirect=True)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c).replace("{", "").replace("}", ""))
def test_same_output_on_both_backends(command, fmt, loaded, bolt_server, lcg):
    data, decisions_only, fill = loaded
    args = [a.format(**fill) for a in command] + ["--format", fmt]
    embedded = lcg(*args, "--data", data)
    server = lcg(*args, "--data", decisions_only, "--neo4j", bolt_server.uri,
                 env={k: v for k, v in bolt_server.env().items() if k != "NEO4J_URI"})
    assert embedded.exit_code == 0, embedded.output
    assert server.exit_code == embedded.exit_code, server.output
    assert server.stdout == embedded.stdout
    assert server.stdout.strip()


def test_every_query_command_is_covered():
    """A query command added to cli.py (one taking --neo4j) must be added to COMMANDS."""
    from cli import main

    query_commands = {name for name, cmd in main.commands.items()
                      if any(p.name == "neo4j_uri" for p in cmd.params) and name not in ("load", "cypher")}
    covered = {c[0] for c in COMMANDS}
    exempt = {"map", "export"}  # files, not rows: visualise's own tests cover them on the server
    exempt.add("serve")  # a web app: tests/test_web_browser.py runs its journeys with --neo4j
    assert query_commands - exempt <= covered, sorted(query_commands - exempt - covered)
