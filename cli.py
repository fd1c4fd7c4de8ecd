"""The `lcg` command line: parse, call the library, format. No logic lives here.

Every command takes ``--data DIR`` (env ``LCG_DATA``); commands that print rows
take ``--format table|json|csv``. Library errors (``graph.errors.LcgError``)
become one ``Error: ...`` line on stderr and exit status 1.
Heavy libraries are imported inside commands so that ``lcg --help`` stays fast.
"""

from __future__ import annotations

import functools
import sys

import click

from graph import __version__
from graph.errors import LcgError

FORMATS = ("table", "json", "csv")


class LcgGroup(click.Group):
    """Turns library errors into one line and exit 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except LcgError as e:
            raise click.ClickException(str(e)) from None
        except BrokenPipeError:  # `lcg ... | head`
            sys.stderr.close()
            sys.exit(0)
        except OSError as e:
            where = f" ({e.filename})" if getattr(e, "filename", None) else ""
            raise click.ClickException(f"{e.strerror or e}{where}") from None


def data_option(f):
    return click.option("--data", "data_dir", default="seed_data", envvar="LCG_DATA", show_default=True,
                        type=click.Path(file_okay=False), help="Data folder (YAML files); env LCG_DATA.")(f)


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output format.")(f)


def emit(rows, fmt: str, columns=None) -> None:
    """Print rows to stdout in the chosen format."""
    from graph.output import render

    click.echo(render(rows, fmt, columns), nl=False)


def backend_for(data_dir, neo4j_uri=None):
    from graph.backends.open import open_backend

    return open_backend(data_dir, neo4j_uri=neo4j_uri)


def query_command(f):
    """The options every row-printing query over the graph shares."""

    @data_option
    @format_option
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


@click.group(cls=LcgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lcg")
def main():
    """lcg: who works with whom in a learning city region.

    A knowledge graph of partners, projects, people, networks, events, places,
    themes and reports, each fact with its source. Runs on an embedded graph with
    no set-up; see README.md for Neo4j.

    \b
    Example:
      lcg stats
      lcg show university-of-wolverhampton
    """


@main.command()
@data_option
def validate(data_dir):
    """Check the data folder and list every problem as file:line: id: message.

    Exit status 0 when clean, 1 when there are problems; nothing is loaded
    anywhere either way.

    \b
    Example:
      lcg validate --data seed_data
    """
    from graph.dataset import check_dataset

    dataset, problems = check_dataset(data_dir)
    for p in problems:
        click.echo(f"{data_dir.rstrip('/')}/{p}")
    if problems:
        raise click.ClickException(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {data_dir}")
    nodes, rels = dataset.counts()
    click.echo(f"OK: {sum(nodes.values())} nodes and {sum(rels.values())} relationships in {data_dir}", err=True)


@main.command()
@query_command
def stats(data_dir, fmt):
    """Count nodes by kind and relationships by kind.

    \b
    Example:
      lcg stats --format json
    """
    from graph.describe import stats_rows

    emit(stats_rows(backend_for(data_dir)), fmt, ["type", "kind", "count"])


@main.command()
@click.argument("node")
@query_command
def show(node, data_dir, fmt):
    """Show one node (by id or name): its fields, relationships in and out, and sources.

    \b
    Example:
      lcg show university-of-wolverhampton
      lcg show "University of Wolverhampton" --format json
    """
    from graph.describe import TIE_COLUMNS, show_node

    info = show_node(backend_for(data_dir), node)
    if fmt == "json":
        import json

        click.echo(json.dumps(info, indent=2, ensure_ascii=False, default=list))
        return
    if fmt == "csv":
        emit(info["relationships"], "csv", TIE_COLUMNS)
        return
    click.echo(f"{info['fields'].get('name', info['id'])}  [{info['kind']}]  id: {info['id']}")
    for key, value in info["fields"].items():
        if key != "name":
            click.echo(f"  {key}: {'; '.join(map(str, value)) if isinstance(value, (list, tuple)) else value}")
    click.echo(f"  sources: {'; '.join(info['sources']) or '(none)'}")
    click.echo(f"\nRelationships ({len(info['relationships'])}):")
    emit(info["relationships"], "table", ["direction", "relationship", "other_name", "other_id", "role", "since",
                                            "from", "to", "sources"])


@main.command()
@click.argument("text")
@click.option("--kind", "kinds", multiple=True, help="Only nodes of this kind (repeatable), e.g. Organisation.")
@click.option("--limit", default=20, show_default=True, help="At most this many results.")
@query_command
def search(text, kinds, limit, data_dir, fmt):
    """Find nodes by name or alias, ignoring case and accents; best match first.

    \b
    Example:
      lcg search wolverhampton --kind Organisation
    """
    from graph.search import search as find

    matches = find(backend_for(data_dir), text, kinds=_kinds(kinds), limit=limit)
    emit([{"id": m.node.id, "kind": m.node.kind, "name": m.node.name, "matched": m.matched,
           "score": m.score} for m in matches], fmt, ["id", "kind", "name", "matched", "score"])


def _kinds(kinds):
    """Node kinds typed on the command line, in the schema's spelling (case-insensitive)."""
    if not kinds:
        return None
    from graph import schema

    by_lower = {k.lower(): k for k in schema.NODE_KINDS}
    out = []
    for k in kinds:
        if k.lower() not in by_lower:
            raise click.BadParameter(f"unknown kind {k!r} (expected one of: {', '.join(schema.NODE_KINDS)})",
                                     param_hint="--kind")
        out.append(by_lower[k.lower()])
    return out


if __name__ == "__main__":
    main()
