"""The `lcg` command line: parse, call the library, format. No logic lives here.

Every command takes ``--data DIR`` (env ``LCG_DATA``); commands that print rows
take ``--format table|json|csv``. Library errors (``graph.errors.LcgError``)
become one ``Error: ...`` line on stderr and exit status 1.
Heavy libraries are imported inside commands so that ``lcg --help`` stays fast.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import sys

import click

from graph import __version__
from graph.dedup.kinds import KINDS as OVERLAP_KINDS
from graph.errors import LcgError

FORMATS = ("table", "json", "csv")
#: Library argument names whose flag is not ``--`` + the name with dashes.
FLAGS = {"kinds": "--kind", "exclude_kinds": "--exclude-kind", "date_from": "--from", "date_to": "--to"}


def _flag(option: str) -> str:
    return FLAGS.get(option, "--" + option.replace("_", "-"))


class DateParam(click.ParamType):
    """A date option, checked by the one date rule (graph.dates); the flag is named here, at the edge."""

    name = "DATE"

    def __init__(self, *, not_after_today: bool = False):
        self.not_after_today = not_after_today

    def convert(self, value, param, ctx):
        from graph.dates import BadDate, parse

        try:
            return parse(value, not_after_today=self.not_after_today)
        except BadDate as e:
            self.fail(str(e), param, ctx)


DATE = DateParam()
PAST_DATE = DateParam(not_after_today=True)


class LcgGroup(click.Group):
    """Turns library errors into one line and exit 1, never a traceback; usage errors into one line and exit 2."""

    def main(self, *args, **kwargs):
        kwargs["prog_name"] = "lcg"  # hints name the command people type (also under CliRunner, python -m)
        if kwargs.get("standalone_mode", True) is False:
            return super().main(*args, **kwargs)
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as e:
            command = e.ctx.command_path if e.ctx is not None else "lcg"
            click.echo(f"Error: {e.format_message()} (see `{command} --help`)", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)

    def invoke(self, ctx):
        from graph.errors import BadOption, BadRange

        try:
            return super().invoke(ctx)
        except (BadOption, BadRange) as e:  # the library names its arguments; the user typed flags
            name = ctx.invoked_subcommand
            sub = self.get_command(ctx, name) if name else None
            at = click.Context(sub, info_name=name, parent=ctx) if sub is not None else ctx
            if isinstance(e, BadRange):
                raise click.UsageError(f"{_flag(e.low_option)} {e.low} is after {_flag(e.high_option)} {e.high}",
                                       ctx=at) from None
            raise click.BadParameter(f"{e.value!r} {e.why}", ctx=at, param_hint=f"'{_flag(e.option)}'") from None
        except LcgError as e:
            hint = f" (try `{command_line(e.hint, ctx)}`)" if e.hint else ""
            raise click.ClickException(f"{e}{hint}") from None
        except BrokenPipeError:  # `lcg ... | head`
            sys.stderr.close()
            sys.exit(0)
        except OSError as e:
            where = f" ({e.filename})" if getattr(e, "filename", None) else ""
            raise click.ClickException(f"{e.strerror or e}{where}") from None


def _remember_given(ctx, param, value):
    """Keep an option the user typed (not a default, not from the environment) for the hints we print."""
    from click.core import ParameterSource

    if value is not None and ctx.get_parameter_source(param.name) is ParameterSource.COMMANDLINE:
        ctx.meta.setdefault("lcg.given", {})[param.opts[0]] = value
    return value


def command_line(args, ctx=None) -> str:
    """``lcg ARGS`` as a shell command that works when pasted: quoted, with the user's own --data/--neo4j."""
    import shlex

    given = ctx.meta.get("lcg.given", {}) if ctx is not None else {}
    words = ["lcg", *map(str, args)]
    for opt in ("--data", "--neo4j"):
        if opt in given and opt not in words:
            words += [opt, str(given[opt])]
    return shlex.join(words)


class DefaultFrom(click.Option):
    """An option whose default is a library constant: its value is shown in --help, imported only then."""

    def __init__(self, *args, default_from: str, **kwargs):
        self.default_from = default_from
        super().__init__(*args, **kwargs)

    def get_help_record(self, ctx):
        import importlib

        module, _, name = self.default_from.rpartition(".")
        names, text = super().get_help_record(ctx)
        return names, f"{text}  [default: {getattr(importlib.import_module(module), name)}]"


def data_option(f):
    return click.option("--data", "data_dir", default="seed_data", envvar="LCG_DATA", show_default=True,
                        callback=_remember_given, type=click.Path(file_okay=False),
                        help="Data folder (YAML files); env LCG_DATA.")(f)


def _remember_wide(ctx, _param, value):
    ctx.meta["lcg.wide"] = value


def force_option(f):
    return click.option("--force", is_flag=True, help="Replace the output file(s) if they exist.")(f)


def format_option(f):
    f = click.option("--wide", is_flag=True, expose_value=False, callback=_remember_wide,
                     help="In a terminal, show every cell in full instead of fitting the table to its width.")(f)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output format.")(f)


def table_width() -> int | None:
    """The width a table is fitted to: the terminal's (COLUMNS honoured) when stdout is one, else None (no cuts)."""
    ctx = click.get_current_context(silent=True)
    if (ctx is not None and ctx.meta.get("lcg.wide")) or not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def emit(rows, fmt: str, columns=None, priority=None, whole=None, as_record=None) -> None:
    """Print rows to stdout in the chosen format (a table fitted to the terminal, see graph/output.py).

    ``priority``: the columns a narrow terminal should cut last, most important first; ``whole``: columns
    that say in sentences why a row is there: when a terminal's table would cut them, rows become records
    (``as_record(row, width)``'s lines, when given).
    """
    from graph.output import render

    click.echo(render(rows, fmt, columns, width=table_width() if fmt == "table" else None, priority=priority,
                      terminal=sys.stdout.isatty(), whole=whole, as_record=as_record), nl=False)


def emit_result(result, fmt: str, columns=None, priority=None) -> None:
    """Print a query's ``QueryResult``: its rows on stdout, then its notes and, when cut, how many there were."""
    emit(result.rows, fmt, columns, priority)
    for note in result.notes:
        click.echo(note, err=True)
    if result.total > len(result.rows):
        click.echo(f"Showing {len(result.rows)} of {result.total}; --limit 0 shows all.", err=True)


_NEO4J_SETTINGS = ("User, password and database from NEO4J_USERNAME, NEO4J_PASSWORD (or a prompt), "
                   "NEO4J_DATABASE.")


def neo4j_option(f=None, *, required: bool = False):
    """The one ``--neo4j URI`` option (env NEO4J_URI); ``required`` for commands that only run on a server."""
    if required:
        text = f"The Neo4j (Bolt) server, e.g. bolt://localhost:7687; env NEO4J_URI. {_NEO4J_SETTINGS}"
    else:
        text = ("Run on this Neo4j (Bolt) server instead of the embedded graph, e.g. bolt://localhost:7687; "
                f"env NEO4J_URI, which a --data given on the command line overrides. {_NEO4J_SETTINGS}")
    option = click.option("--neo4j", "neo4j_uri", envvar="NEO4J_URI", metavar="URI", required=required,
                          callback=_remember_given, help=text)
    return option(f) if f is not None else option


def chosen_server(ctx, neo4j_uri):
    """The server a command runs on, or None for the data folder.

    An explicit choice beats the environment: ``--neo4j`` on the command line
    always means the server (``--data`` then only names the folder decisions are
    read from); ``NEO4J_URI`` from the environment gives way to a ``--data`` typed
    on the command line, so ``lcg stats --data seed_data`` reads the folder it names
    even with NEO4J_URI exported for ``lcg load``.
    """
    from click.core import ParameterSource

    if not neo4j_uri or ctx is None:
        return neo4j_uri or None
    explicit = (ParameterSource.COMMANDLINE, ParameterSource.PROMPT)
    if ctx.get_parameter_source("neo4j_uri") in explicit:
        return neo4j_uri
    if ctx.get_parameter_source("data_dir") in explicit:
        return None
    return neo4j_uri


def backend_for(data_dir, neo4j_uri=None):
    """The graph a command runs on, built once per command (kept in the group's ``ctx.obj``) and closed
    when it ends: the embedded graph of ``data_dir``, or the Neo4j server (named on stderr)."""
    from graph.backends.open import open_backend

    ctx = click.get_current_context(silent=True)
    if neo4j_uri is None and ctx is not None:
        neo4j_uri = ctx.meta.get("lcg.neo4j_uri")
    neo4j_uri = chosen_server(ctx, neo4j_uri)
    if ctx is None:
        return open_backend(data_dir, neo4j_uri=neo4j_uri)
    root = ctx.find_root()
    built = root.obj if isinstance(root.obj, dict) else root.ensure_object(dict)
    key = ("neo4j", neo4j_uri) if neo4j_uri else ("data", str(data_dir))
    backend = built.get(key)
    if backend is None:
        backend = built[key] = open_backend(data_dir, neo4j_uri=neo4j_uri)
        root.call_on_close(backend.close)
        where = backend.describe()
        if where:
            click.echo(f"Graph: Neo4j at {where}", err=True)
    return backend


def query_command(f):
    """The options every row-printing query over the graph shares (--data, --format, --neo4j)."""

    @data_option
    @format_option
    @neo4j_option
    @functools.wraps(f)
    def wrapper(*args, neo4j_uri=None, **kwargs):
        click.get_current_context().meta["lcg.neo4j_uri"] = neo4j_uri
        return f(*args, **kwargs)

    return wrapper


@click.group(cls=LcgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lcg")
@click.pass_context
def main(ctx):
    """lcg: who works with whom in a learning city region.

    A knowledge graph of partners, projects, people, networks, events, places,
    themes and reports, each fact with its source. Runs on an embedded graph with
    no set-up; see README.md for Neo4j.

    \b
    Example:
      lcg stats
      lcg show university-of-wolverhampton
    """
    ctx.ensure_object(dict)  # the graph each command opens (backend_for), closed when the command ends


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
    from graph.dedup.decisions import load_decisions
    from graph.dataset_info import check_dataset_info
    from graph.validate import causes_first
    from graph.yaml_files import data_files

    files = data_files(data_dir)
    dataset, problems = check_dataset(data_dir, files)
    problems = check_dataset_info(data_dir) + problems
    folder = data_dir.rstrip("/")
    for p, followers in causes_first(problems):
        click.echo(f"{folder}/{p}")
        if followers:
            where = ", ".join(f"{f.file}:{f.line}" for f in followers[:3])
            more = f" +{len(followers) - 3} more" if len(followers) > 3 else ""
            click.echo(f"  ...and {len(followers)} unknown-id problem{'s' if len(followers) != 1 else ''} that "
                       f"follow from it and go away when it is fixed ({where}{more})")
    _list_folder_files(data_dir, files)
    try:
        load_decisions(data_dir)
    except LcgError as e:
        click.echo(str(e))
        problems = [*problems, e]
    if problems or dataset is None:
        knock_on = sum(1 for p in problems if getattr(p, "cause", None) is not None)
        n = len(problems) - knock_on
        also = f" (and {knock_on} that follow from {'it' if n == 1 else 'them'})" if knock_on else ""
        raise click.ClickException(f"{n} problem{'s' if n != 1 else ''} in {data_dir}{also}")
    nodes, rels = dataset.counts()
    click.echo(f"OK: {sum(nodes.values())} nodes and {sum(rels.values())} relationships in {data_dir}", err=True)


def _list_folder_files(data_dir, files):
    """Files beyond the one-per-kind layout, and temp files an interrupted write left (ignored when loading)."""
    from graph import schema

    extra = [f for f in files if f.kind in schema.NODE_KINDS and f.name != schema.NODE_KINDS[f.kind].file]
    by_folder: dict[str, list] = {}
    for f in extra:
        by_folder.setdefault(os.path.dirname(f.name), []).append(f)
    # a folder of several (an import's: one file per kind) is said once, or three imports make a paragraph
    said = [f"{folder}/ ({len(fs)} files)" if folder and len(fs) > 2 else ", ".join(f"{f.name} ({f.kind})" for f in fs)
            for folder, fs in by_folder.items()]
    if said:
        click.echo(f"Also read: {', '.join(said)}", err=True)
    for name in files.leftovers:
        click.echo(f"Warning: {data_dir.rstrip('/')}/{name}: temp file left by an interrupted write, ignored; "
                   f"delete it (rm {shlex.quote(os.path.join(data_dir, name))})", err=True)


@main.command()
@query_command
def stats(data_dir, fmt):
    """Count nodes by kind and relationships by kind.

    \b
    Example:
      lcg stats --format json
    """
    from graph.describe import stats_rows

    backend = backend_for(data_dir)
    if not click.get_current_context().meta.get("lcg.neo4j_uri"):
        from pathlib import Path

        from graph.dataset_info import DATASET_FILE, dataset_info

        info = dataset_info(data_dir)
        if (Path(data_dir) / DATASET_FILE).is_file():
            click.echo(f"{info.name}{': ' + info.description if info.description else ''}", err=True)
        else:  # (the folder's name alone on a line read as a stray word: a skills trial's "DATA")
            click.echo(f"data folder {info.name} (no {DATASET_FILE} names the dataset)", err=True)
    emit(stats_rows(backend), fmt, ["type", "kind", "count"])


@main.command()
@click.argument("node")
@click.option("--limit", type=click.IntRange(0), default=None,
              help="A page: at most this many relationships of each kind, with each kind's total (0: all).")
@click.option("--offset", type=click.IntRange(0), default=0, help="With --limit: skip this many of each kind.")
@click.option("--relationship", default=None, help="Only relationships of this kind, e.g. FUNDS.")
@query_command
def show(node, limit, offset, relationship, data_dir, fmt):
    """Show one node (by id or name): its fields, relationships in and out, and sources.

    JSON gives everything; CSV gives the relationships, one per row. A hub has
    thousands of relationships: --limit pages them per kind (as `lcg serve` does).

    \b
    Example:
      lcg show university-of-wolverhampton
      lcg show "University of Wolverhampton" --format json
      lcg show university-of-wolverhampton --limit 5 --relationship PARTNER_IN
    """
    from graph.describe import TIE_COLUMNS, show_node
    from graph.sources import read_sources, source_info

    known = read_sources(data_dir)
    if offset and limit is None:
        limit = 0  # an offset pages: every kind from there on
    info = show_node(backend_for(data_dir), node, known, limit=limit, offset=offset, relationship=relationship)
    if fmt == "json":
        from graph.output import render_json

        click.echo(render_json(info, terminal=sys.stdout.isatty(), default=list), nl=False)
        return
    if fmt == "csv":
        emit(info["relationships"], "csv", TIE_COLUMNS)
        return
    from graph.output import render_record

    # sources by their titles (a URL beside the title), for people; JSON keeps the keys and gives source_titles
    info["sources"] = [s["title"] + (f" <{s['url']}>" if s["url"] and s["url"] != s["title"] else "")
                       for s in info["source_titles"]]
    for row in info["relationships"]:
        row["sources"] = [source_info(k, known)["title"] for k in row["sources"]]
    click.echo(render_record(info, width=table_width()), nl=False)
    for g in info.get("relationship_groups", ()):
        if g["offset"] + g["count"] < g["total"]:
            click.echo(f"{g['relationship']}: {g['offset'] + 1}-{g['offset'] + g['count']} of {g['total']} shown; "
                       f"--offset {g['offset'] + g['count']} for more", err=True)


@main.command()
@click.argument("text")
@click.option("--kind", "kinds", multiple=True, help="Only nodes of this kind (repeatable), e.g. Organisation.")
@click.option("--limit", type=click.IntRange(0), default=20, show_default=True, help="At most this many (0: all).")
@query_command
def search(text, kinds, limit, data_dir, fmt):
    """Find nodes by name or alias, ignoring case and accents; best match first.

    \b
    Example:
      lcg search wolverhampton --kind Organisation
    """
    from graph.search import search as find, where_is

    matches = find(backend_for(data_dir), text, kinds=_kinds(kinds), limit=limit + 1 if limit else limit)
    more = bool(limit) and len(matches) > limit
    matches = matches[:limit] if more else matches
    rows = [{"id": m.node.id, "kind": m.node.kind, "name": m.node.name, "matched": m.matched, "score": m.score,
             "where": where_is(m.node)} for m in matches]
    # the id (what `show` and `decide` are given), the name and where each is when a record says, whole: the town
    # and postcode tell records of one name apart (a trial's 80 columns showed "Wolverh…" for each of five "Somali
    # Community" records), and a table too narrow for all three gives a record per match instead (another's showed
    # "Univers…" beside ids cut short for seven University of Wolverhampton records)
    where = ["where"] if any(r["where"] for r in rows) else []
    emit(rows, fmt, ["id", "name", *where, "kind", "matched", "score"], priority=["id", "name", *where],
         whole=["id", "name", *where])
    if more:  # (a trial's 20 of 34 showed no sign of the rest)
        click.echo(f"the first {limit} matches shown; more match: --limit 0 for all, or a longer query", err=True)


def _kinds(kinds, option: str = "--kind"):
    """Node kinds typed on the command line (``option``), in the schema's spelling (case-insensitive)."""
    if not kinds:
        return None
    from graph import schema

    by_lower = {k.lower(): k for k in schema.NODE_KINDS}
    out = []
    for k in kinds:
        if k.lower() not in by_lower:
            raise click.BadParameter(f"unknown kind {k!r} (expected one of: {', '.join(schema.NODE_KINDS)})",
                                     param_hint=option)
        out.append(by_lower[k.lower()])
    return out


def _weights(pairs):
    out = {}
    for p in pairs:
        name, _, value = p.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise click.BadParameter(f"expected NAME=NUMBER such as text=0.5, got {p!r}", param_hint="--weight")
    return out


@main.command()
@click.option("--min-score", type=click.FloatRange(0, 1), default=None, help="Only pairs scoring at least this "
              "(graph/dedup/weights.py).", cls=DefaultFrom, default_from="graph.dedup.weights.OVERLAP_MIN_SCORE")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(OVERLAP_KINDS),
              help="Only this kind of overlap (repeatable).")
@click.option("--project", help="Only what overlaps this project (id or name).")
@click.option("--theme", help="Only projects addressing this theme (id or name).")
@click.option("--place", help="Only projects in this place or a place within it (id or name).")
@click.option("--since", type=PAST_DATE, help="Only projects running on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--proposal", type=click.Path(dir_okay=False, exists=True),
              help="Check a project not yet in the graph (YAML, one entry as in projects.yaml).")
@click.option("--weight", "weight_pairs", multiple=True, metavar="NAME=NUMBER",
              help="Override one scoring weight for this run (text, themes, partners, funders, dates, place).")
@click.option("--include-decided", is_flag=True, help="Also show pairs already decided in decisions.yaml.")
@click.option("--related", is_flag=True, help="Also list related work below the score: projects sharing two or more "
              "themes and paid for by different bodies (kind 'related').")
@query_command
def overlaps(min_score, kinds, project, theme, place, since, proposal, weight_pairs, include_decided, related,
             data_dir, fmt):
    """Projects that may duplicate funding or effort: pairs of a kind, grouped, best first, with the evidence.

    Kinds: double-funding (the same work of one organisation paid for in
    overlapping periods), continuation (paid for again afterwards),
    parallel-work (different organisations doing the same thing in the same
    place at the same time), related (shared themes, different payers; with
    --related). Only words specific to the two projects count: their funders'
    and programmes' template text and the recipients' names do not. The score
    ranks pairs; weights are in graph/dedup/weights.py. Pairs marked in
    DATA/decisions.yaml are left out. A summary line counts each kind.

    \b
    Example:
      lcg overlaps --kind double-funding
      lcg overlaps --project learning-digital-skills-study --min-score 0.1
      lcg overlaps --proposal my-new-project.yaml
      lcg overlaps --related --theme digital-inclusion
    """
    from graph.dedup import weights as W
    from graph.dedup.decisions import load_decisions
    from graph.queries.overlaps import COLUMNS, kind_counts, overlap_rows, read_proposal, with_signal_columns

    rows = overlap_rows(backend_for(data_dir), decisions=load_decisions(data_dir),
                        min_score=W.OVERLAP_MIN_SCORE if min_score is None else min_score, project=project,
                        theme=theme, place=place, since=since, proposal=read_proposal(proposal) if proposal else None,
                        weights=_weights(weight_pairs), include_decided=include_decided, related=related,
                        kinds=kinds or None)
    columns = COLUMNS + (["decision"] if include_decided else []) + (["evidence", "signals"] if fmt == "json" else [])
    if fmt == "csv":
        rows, signal_columns = with_signal_columns(rows)
        columns += signal_columns
    emit(rows, fmt, columns, whole=["reasons"])
    if not rows:
        click.echo("No overlapping projects at this score.", err=True)
    counts = kind_counts(rows)
    click.echo(f"{len(rows)} pair{'s' if len(rows) != 1 else ''}: "
               + ", ".join(f"{n} {k}" for k, n in counts.items() if n or k != "related"), err=True)


@main.command()
@click.option("--kind", type=click.Choice(["Organisation", "Person"], case_sensitive=False), default="Organisation",
              show_default=True, help="Which records to compare.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=None, cls=DefaultFrom,
              default_from="graph.dedup.weights.DUPLICATE_MIN_SCORE",
              help="Only pairs scoring at least this (1 is certain; a lower score lists more pairs, less alike, "
                   "for review; they join groups too, so a merge group they make inconsistent turns to review).")
@click.option("--include-decided", is_flag=True, help="Also show pairs already decided in decisions.yaml.")
@click.option("--action", "only", type=click.Choice(["merge", "review", "decided"]),
              help="Only the pairs advised to merge, only those to review, or only those decided apart (the "
                   "count line still counts all).")
@click.option("--edits", type=click.Choice(["merges", "all", "none"]), default="merges", show_default=True,
              help="Under the table, the YAML edit of each pair advised to merge, of every pair (those for review "
                   "too: the edit to make if they are one), or none. JSON and CSV carry every edit.")
@query_command
def duplicates(kind, min_score, include_decided, only, data_dir, fmt, edits):
    """Records that are probably one organisation (or person), with reasons and the merge to make.

    Compares names ignoring legal forms (Ltd, CIC, N.V.), "The", case, accents and
    punctuation, spelling out abbreviations and initials ("Univ.", "UoW"); and
    identifiers (charity and company numbers, ROR ids), websites, addresses, postcodes,
    phone numbers and the people attached. Branches in different towns, bodies that
    share a site (a church and its food bank, a school and its nursery) and namesakes
    in different countries stay apart. A record merged into a group's kept record
    through another member says so ("through X, ..."): the evidence shown is of that pair.
    Pairs decided apart in DATA/decisions.yaml are left out (decided the same: still listed).

    \b
    Example:
      lcg duplicates
      lcg duplicates --action merge
      lcg duplicates --kind Person --format json
    """
    from graph.dedup import weights as W
    from graph.dedup.decisions import load_decisions
    from graph.queries.duplicates import COLUMNS, duplicate_rows

    kind = "Person" if kind.lower() == "person" else "Organisation"
    include_decided = include_decided or only == "decided"  # the pairs asked for are the decided ones
    from graph.entry_files import EntryFiles

    rows = duplicate_rows(backend_for(data_dir), load_decisions(data_dir) if data_dir else {}, kind=kind, include_decided=include_decided,
                          min_score=W.DUPLICATE_MIN_SCORE if min_score is None else min_score,
                          where=EntryFiles(data_dir) if data_dir else None)
    every = rows
    rows = [r for r in rows if only is None or r["action"] == only]
    if fmt == "table":  # read by a person: the merges first (a large group, numbered among them, is for review)
        rows.sort(key=lambda r: r["action"] != "merge")
    decided = include_decided or any(r.get("decision") for r in rows)  # a pair decided the same is listed too
    own = [*(["--kind", "person"] if kind == "Person" else []),  # the user's own options, for the commands said
           *(["--min-score", min_score] if min_score is not None else []),
           *(["--include-decided"] if include_decided else [])]
    if fmt == "table" and table_width() and len(rows) > 10:  # a long list in a terminal: what it comes to, first
        merging = any(r["action"] == "merge" for r in every)
        click.echo(_fitted(_plan_counts(every, W.GROUP_REVIEW_SIZE) + ("" if only or not merging else
                                                                       "; merges first."), table_width()), err=True)
        if not only and merging:  # the command on a line of its own, so that it pastes
            merges = command_line(["duplicates", "--action", "merge", *own], click.get_current_context())
            click.echo(f"The merges alone: {merges}", err=True)
    emit(rows, fmt, COLUMNS + (["decision"] if decided else []) + (["change"] if fmt != "table" else []),
         whole=["reasons"], as_record=_pair_record)
    held = 0  # the edits of pairs for review left out: new users' trials read 1,900 to 5,200 lines in an 80-column
    # terminal, most of them the edits of pairs nobody had yet said were one body
    if fmt == "table" and edits != "none":
        width = table_width()
        for r in rows:
            if not r["change"]:  # decided apart: nothing to do
                continue
            if edits == "merges" and r["action"] != "merge":
                held += 1
                continue
            # a pair for review is no advice to merge: its edit is there for a reviewer who finds them one
            one = "person" if kind == "Person" else "body"
            lead = f"for review: if they are one {one}, merge" if r["action"] == "review" else "merge"
            click.echo(_comments_fitted(f"\n# {lead} {r['merge']} into {r['keep']} (score {r['score']}):\n"
                                        f"{r['change']}", width))
    # no pair: a lower score lists less alike ones, all for review (the user's other options kept)
    lower = round(min(W.DUPLICATE_MIN_SCORE, min_score if min_score is not None else 1.0) - 0.2, 2)
    again = ["duplicates", "--min-score", lower, *(["--kind", kind] if kind == "Person" else []),
             *(["--include-decided"] if include_decided and only != "decided" else []),
             *(["--action", "review"] if only in ("merge", "review") else [])]
    wider = (f"; `{command_line(again, click.get_current_context())}` lists less alike pairs, for review"
             if not rows and lower > 0 and only != "decided" else "")
    if held:  # the command on a line of its own, so that it pastes
        again_all = command_line(["duplicates", *own, *(["--action", only] if only else []), "--edits", "all"],
                                 click.get_current_context())
        click.echo(_fitted(f"The edits of the {held} pairs for review, to make if they are one, come with:",
                           table_width() if fmt == "table" else None), err=True)
        click.echo(again_all, err=True)
    if not every:
        click.echo(f"No likely duplicates at this score{wider}.", err=True)
    else:
        shown = f"; shown: the {len(rows)} {'decided' if only == 'decided' else 'to ' + only}" if only else ""
        click.echo(_fitted(_plan_counts(every, W.GROUP_REVIEW_SIZE) + shown + wider, table_width()
                           if fmt == "table" else None), err=True)


def _pair_record(r: dict, width: int) -> list[str]:
    """A duplicates row in a terminal too narrow for its table: its group, action and score on one line, the two
    records (name, then id and where) and the reasons wrapped under it. Four lines or so a pair: a food trial's 80
    columns gave thirteen, one field a line, 1,755 lines for 135 pairs before the edits."""
    from graph.output import wrapped

    head = f"group {r['group']}, {r['action']}, score {r['score']}"
    if r.get("group_size") and r["group_size"] > 2:
        head += f", one of {r['group_size']} records"
    if r.get("decision"):
        head += f", decided {r['decision']}"
    link = "into" if r["action"] == "merge" else "and"
    lines = ["", *wrapped(head, width)]
    lines += wrapped(f"{r['merge_name']} ({'; '.join(x for x in (r['merge'], r['merge_where']) if x)})", width, "  ",
                     "      ")
    lines += wrapped(f"{link} {r['keep_name']} ({'; '.join(x for x in (r['keep'], r['keep_where']) if x)})", width,
                     "  ", "      ")
    lines += wrapped(f"why: {r['reasons']}", width, "  ", "       ")
    if r.get("weakest_link") and (r.get("group_size") or 0) > 2:  # (of a pair, the pair itself: said above)
        lines += wrapped(f"weakest link: {' / '.join(r['weakest_link'])} ({r['weakest_score']})", width, "  ",
                         "      ")
    return lines


def _fitted(line: str, width: int | None) -> str:
    """A message line wrapped to a terminal's ``width`` between words; as it is without one, or with a command in
    it (a command broken over two lines no longer pastes)."""
    if not width or "`" in line:
        return line
    import textwrap

    return textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)


def _comments_fitted(text: str, width: int | None) -> str:
    """``text`` with its comment lines ("# ...") wrapped to a terminal's ``width``, the YAML lines as they are
    (a line of YAML wrapped would no longer paste)."""
    if not width:
        return text
    import textwrap

    return "\n".join(textwrap.fill(line, width, subsequent_indent="#   ", break_long_words=False,
                                    break_on_hyphens=False) if line.startswith("# ") and len(line) > width else line
                     for line in text.split("\n"))


def _plan_counts(rows, review_size: int) -> str:
    """One line of what the duplicates advice comes to: a long list is read from its end first."""
    def n(count, word):
        return f"{count} {word}{'s' if count != 1 else ''}"

    merges = [r for r in rows if r["action"] == "merge"]
    big = [r for r in rows if r["action"] == "review" and r["group_size"] > review_size]
    decided = sum(1 for r in rows if r["action"] == "decided")
    line = (f"{n(len(rows), 'pair')}: {len(merges)} to merge in {n(len({r['group'] for r in merges}), 'group')}, "
            f"{len(rows) - len(merges) - decided} to review")
    if big:
        line += (f" ({len(big)} of them in {n(len({r['group'] for r in big}), 'group')} of more than {review_size} "
                 "records, pair by pair, weakest link first)")
    return line + (f", {decided} decided" if decided else "")


@main.command()
@click.argument("a")
@click.argument("b")
@click.argument("decision", type=click.Choice(["same", "distinct", "accepted-overlap"]))
@click.option("--note", help="Why (kept in the file).")
@data_option
def decide(a, b, decision, note, data_dir):
    """Record a reviewed pair in DATA/decisions.yaml so overlaps and duplicates stop raising it.

    A and B are ids or names (as for `lcg show`); their ids are written.

    \b
    Example:
      lcg decide study-a study-b accepted-overlap --note "different cohorts"
      lcg decide "Sarah Hayes" "Stuart Connor" distinct
    """
    from graph.dedup.decisions import record_decision

    entry = record_decision(data_dir, a, b, decision.replace("-", " "), note, backend=backend_for(data_dir))
    click.echo(f"Recorded {entry['pair'][0]} / {entry['pair'][1]}: {entry['decision']}", err=True)
    if entry["decision"] == "same":  # a decision merges nothing: the edit that does is still to be made
        where = ["--data", data_dir] if data_dir else []
        click.echo("note: they are still two records; the edit that merges them is listed by "
                   f"{command_line(['duplicates', *where])}", err=True)


# --- maps and exports (visualise/) -------------------------------------------------

def focus_options(f):
    """The options that choose which part of the graph `lcg map` and `lcg export` show."""
    for opt in reversed((
        click.option("--around", metavar="ID", help="Only what lies near this node (id or name)."),
        click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
                     help="With --around: how many ties away."),
        click.option("--kind", "kinds", multiple=True, help="Only nodes of this kind (repeatable)."),
        click.option("--exclude-kind", "exclude_kinds", multiple=True,
                     help="Leave out nodes of this kind (repeatable), e.g. Person for maps shared outside."),
        click.option("--theme", metavar="ID", help="Only the work on this theme and who is tied to it."),
        click.option("--network", "network_", metavar="ID", help="Only this network, its clusters and their ties."),
        click.option("--since", type=PAST_DATE, help="Leave out ties and work that ended before this date."),
    )):
        f = opt(f)
    return f


def _focused_graph(backend, data_dir, neo4j_uri, around, depth, kinds, exclude_kinds, theme, network_, since):
    """(the focused networkx graph, the Focus, where the data came from: a folder or a server, no credentials)."""
    from urllib.parse import urlsplit

    from visualise.focus import Focus, select

    focus = Focus(around=around, depth=depth, kinds=tuple(_kinds(kinds) or ()),
                  exclude_kinds=tuple(_kinds(exclude_kinds, "--exclude-kind") or ()), theme=theme, network=network_,
                  since=since)
    g = select(backend, focus)
    if neo4j_uri:
        u = urlsplit(neo4j_uri)
        source = f"Neo4j at {u.scheme}://{u.hostname or ''}{f':{u.port}' if u.port else ''}"
    else:
        source = str(data_dir)
    if not neo4j_uri:
        from graph.dataset_info import dataset_info

        info = dataset_info(data_dir)
        g.graph["name"], g.graph["description"] = info.name, info.description
    elif not g.graph.get("name"):
        g.graph["name"] = "neo4j"
    return g, focus, source


@main.command("map")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--title", help="Title shown on the map [default: Partnership map: NAME, the name in DATA/dataset.yaml "
              "or the folder's].")
@click.option("--seed", default=1, show_default=True, help="Layout seed: the same data and seed give the same map.")
@click.option("--size-by", type=click.Choice(["ties", "brokers"]), default="ties", show_default=True,
              help="Node size: number of ties, or broker score (betweenness, as lcg brokers).")
@focus_options
@data_option
@neo4j_option
@force_option
def map_(output, title, seed, size_by, data_dir, neo4j_uri, force, **focus):
    """Write an interactive map as one self-contained HTML file that works offline.

    Nodes are coloured and shaped by kind and sized by their number of ties;
    hover or click for details and sources; find a node by name; hide kinds.
    Maps above 1,000 nodes use a precomputed layout with physics off.

    \b
    Example:
      lcg map -o map.html
      lcg map --around university-of-wolverhampton --depth 2 -o uow.html
      lcg map --exclude-kind Person --since 2020 -o partners.html
    """
    from visualise.html_map import LARGE, write_map
    from visualise.output_files import check_output

    check_output(output, force=force, data_dir=data_dir)  # before loading and laying out the graph
    neo4j_uri = chosen_server(click.get_current_context(), neo4j_uri)
    backend = backend_for(data_dir, neo4j_uri)
    g, f, source = _focused_graph(backend, data_dir, neo4j_uri, **focus)
    scores = None
    if size_by == "brokers":
        from graph.queries.brokers import broker_rows

        scores = {r["id"]: r["betweenness"] for r in broker_rows(backend).rows}
    from graph.sources import read_sources

    write_map(g, output, title=title, focus_text=f.describe(), source=source, seed=seed, scores=scores,
              sources=read_sources(data_dir))
    n = g.number_of_nodes()
    click.echo(f"Wrote {output}: {n:,} nodes, {g.number_of_edges():,} relationships ({f.describe()}).", err=True)
    if n == 0:
        click.echo("Note: no node matches this focus; the map is empty.", err=True)
    if n > LARGE:
        click.echo(f"Note: over {LARGE:,} nodes, the layout is precomputed and ties hide while moving; "
                   "--around ID --depth 2 or --kind makes a readable map.", err=True)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv", "cypher", "xlsx"]), required=True,
              help="graphml/gexf (Gephi, networkx), json (node-link), csv (a folder: Neo4j admin import and "
                   "Gephi tables), cypher (a MERGE script for cypher-shell), xlsx (Elements and Connections "
                   "sheets that `lcg import sheet` reads back).")
@click.option("-o", "--output", required=True, type=click.Path(),
              help="File to write; for csv a folder, or a file-name prefix ending in - or _.")
@focus_options
@data_option
@neo4j_option
@force_option
@click.option("--csv-raw", is_flag=True, envvar="LCG_CSV_RAW",
              help="CSV cells exactly as the data has them, for programs: no ' before a cell that starts "
                   "like a spreadsheet formula (=, +, -, @); env LCG_CSV_RAW also applies to --format csv.")
def export_(fmt, output, data_dir, neo4j_uri, force, csv_raw, **focus):
    """Write the graph (or a focus of it) for Gephi, Neo4j, networkx or a spreadsheet.

    \b
    Example:
      lcg export --format graphml -o partnership.graphml
      lcg export --format csv --exclude-kind Person -o export/
      lcg export --format cypher -o graph.cypher && cypher-shell -f graph.cypher
    """
    from visualise.exports import csv_files, export
    from visualise.output_files import check_output

    # a typo in -o, or a file that would be replaced, fails before loading the graph
    for target in (csv_files(output) if fmt == "csv" else [output]):
        check_output(target, force=force, data_dir=data_dir, folder_ok=fmt == "csv")
    neo4j_uri = chosen_server(click.get_current_context(), neo4j_uri)
    g, f, _source = _focused_graph(backend_for(data_dir, neo4j_uri), data_dir, neo4j_uri, **focus)
    from graph.sources import read_sources

    files = export(g, fmt, output, csv_raw=csv_raw, sources=read_sources(data_dir))
    click.echo(f"Wrote {', '.join(map(str, files))}: {g.number_of_nodes():,} nodes, "
               f"{g.number_of_edges():,} relationships ({f.describe()}).", err=True)


@main.command()
@data_option
@neo4j_option(required=True)
@click.option("--replace", is_flag=True,
              help="Also remove what earlier lcg loads wrote that the data no longer has (nothing else).")
@click.option("--batch-size", type=click.IntRange(1), default=None, cls=DefaultFrom,
              default_from="graph.backends.neo4j_load.DEFAULT_BATCH_SIZE", help="Rows per write transaction.")
@click.option("--break-lock", is_flag=True,
              help="Clear the load lock a killed load left in the database, then load (only when no other "
                   "load is running).")
def load(data_dir, neo4j_uri, replace, batch_size, break_lock):
    """Load the data folder into Neo4j: validated first, then merged in batches; safe to rerun.

    Creates an id uniqueness constraint and a name index per node kind, then
    writes only new or changed nodes and relationships, each marked with a
    `dataset` property. Loading twice changes nothing; a load that was cut off
    is completed by running it again. Invalid data writes nothing. One load at a
    time: a second load is refused while the first holds the database's lock.

    \b
    Example:
      NEO4J_PASSWORD=... lcg load --neo4j bolt://localhost:7687 --data seed_data
      lcg load --neo4j neo4j+s://xxxx.databases.neo4j.io --replace
    """
    from graph.backends.bolt import bolt_config
    from graph.backends.neo4j_load import DEFAULT_BATCH_SIZE, load_into_neo4j
    from graph.loading import open_dataset

    dataset = open_dataset(data_dir)  # validation first: invalid data writes nothing
    config = bolt_config(neo4j_uri)
    with _Progress("Loading") as progress:
        result = load_into_neo4j(dataset, config, replace=replace, batch_size=batch_size or DEFAULT_BATCH_SIZE,
                                 progress=progress, break_lock=break_lock)
    nodes, rels = result.counts
    click.echo(f"Loaded {data_dir} into {config.where} in {result.seconds:.1f}s: wrote {result.nodes_written} "
               f"nodes and {result.rels_written} relationships ({result.nodes_unchanged} and "
               f"{result.rels_unchanged} unchanged), removed {result.nodes_deleted} and {result.rels_deleted}; "
               f"the database now holds {sum(nodes.values())} nodes and {sum(rels.values())} relationships "
               "written by lcg." + (" (Same data as the last load: compared by fingerprint and counts; "
                                    "--replace compares every record.)" if result.up_to_date else ""), err=True)


class _Progress:
    """A progress bar on stderr, shown only for big loads."""

    MIN_ROWS = 10_000

    def __init__(self, label):
        self.label, self.bar, self.shown = label, None, 0

    def __enter__(self):
        return self

    def __call__(self, done, total):
        if self.bar is None and total >= self.MIN_ROWS:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done - self.shown)
            self.shown = done

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


@main.command()
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter ($NAME), repeatable; VALUE as JSON when it parses (42, true, [1,2]), "
                   "else as text.")
@neo4j_option(required=True)
@format_option
def cypher(query, params, neo4j_uri, fmt):
    """Run a read-only Cypher query on the Neo4j server and print its rows.

    Only read queries are sent: a query with a write, schema or administration
    clause, LOAD CSV, a procedure other than db.labels-style reads, or more than
    one statement is refused before it reaches the server; it then runs in a read
    transaction, and one the server reports as a write is rolled back.

    \b
    Example:
      lcg cypher "MATCH (o:Organisation)-[:FUNDS]->(p:Project) RETURN o.name AS funder, count(p) AS projects ORDER BY projects DESC"
      lcg cypher 'MATCH (n:Organisation {id: $id}) RETURN n.name AS name' --param id=university-of-wolverhampton
    """
    from graph.backends.bolt import bolt_config
    from graph.backends.cypher_read import parse_params, run_read_only

    rows, columns = run_read_only(bolt_config(neo4j_uri), query, parse_params(params))
    emit(rows, fmt, columns)


@main.group("import")
def import_():
    """Bring data in from other formats as YAML in the project's data format.

    \b
    Example:
      lcg import 360giving grants.json -o data
      lcg import sheet partners.xlsx -o data
    """


@import_.command("360giving")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--data", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Data folder to add to (created if missing); the import writes its own files under "
                   "imports/360giving-<publisher>/.")
@click.option("--skip-invalid", is_flag=True, help="Import the valid grants even if some rows are malformed.")
@click.option("--dates", type=click.Choice(["dmy", "mdy"]),
              help="How to read dd/mm/yyyy-style dates when no date in the file settles it (dmy: 05/06/2014 is "
                   "5 June).")
@click.option("--source", "source_name", help="Name of the import's folder (default: the funder's name, or the "
                                              "file's name for a multi-funder file).")
@click.option("--currency", metavar="CODE", help="The ISO 4217 code (GBP) of the grants whose currency is blank, "
                                                "for a file with no Currency column; never guessed.")
def import_360giving(file, out_dir, skip_invalid, dates, source_name, currency):
    """Import 360Giving grants (JSON, CSV or .xlsx): funders, recipients, grants as projects, places.

    Grant and org identifiers are kept; entries already in the folder (same
    org-id, grant id or place) are reused, not added again, and the import
    writes only its own files, so importing again rewrites those and adds
    nothing. Safe repairs (a space inside an id, an end before the start) are
    made and listed as warnings with their row; malformed rows are listed and
    nothing is written, unless --skip-invalid. The folder is validated with the
    import in place before anything is written. Spreadsheets are read by the
    standard's column titles (Recipient Org:Identifier, Beneficiary
    Location:1:Name), JSON paths or GrantNav's columns; a CSV must be UTF-8;
    an .ods file is to be saved as .xlsx first.

    \b
    Example:
      lcg import 360giving grants.json -o data
      lcg validate --data data
    """
    from graph.importers.giving360 import ImportFailed, import_360giving as run
    from graph.importers.yaml_out import ImportInvalid

    try:
        with _progress_bar("Reading grants") as progress:
            result = run(file, out_dir, skip_invalid=skip_invalid, dates=dates, source_name=source_name,
                         progress=progress, currency=currency)
    except ImportFailed as e:
        for p in e.problems:
            click.echo(f"{file}: {p}", err=True)
        raise
    except ImportInvalid as e:
        raise _import_refused(e, file, out_dir) from None
    for note in result.notes:
        click.echo(f"{file}: note: {note}", err=True)
    for p in result.skipped:
        click.echo(f"{file}: {p} (skipped)", err=True)
    for p in result.warnings:
        click.echo(f"{file}: warning: {p}", err=True)
    added = ", ".join(_kind_count(kind, n) for kind, n in result.added.items())
    totals = ", ".join(f"{c} {v:,.2f}" for c, v in sorted(result.total_amount.items()))
    where = _where_written(result)
    _say_kept(result.kept)
    click.echo(f"Imported {result.grants} grants ({totals}) into {out_dir}: added {added}; "
               f"{result.already} grants were already in other files; {where}.", err=True)


def _where_written(result) -> str:
    """Where an import wrote: its files in its own folder, and each file outside it by its path (the data folder's
    ``sources.yaml``, where the file imported is registered). A trial's "wrote 2 files in .../imports/sheet-list4"
    was one file there and the top-level sources.yaml."""
    from pathlib import Path

    if not result.written:
        return f"{result.folder} was already up to date"
    inside = [p for p in result.written if Path(p).parent == Path(result.folder)]
    said = [f"wrote {len(inside)} file{'s' if len(inside) != 1 else ''} in {result.folder}"] if inside else []
    said += [f"updated {p}" for p in result.written if p not in inside]
    return " and ".join(said)


def _kind_count(kind: str, n: int) -> str:
    """"1 network", "3 organisations", "2 people": the plural is the kind's file name."""
    from graph import schema

    return f"{n} {kind.lower() if n == 1 else schema.NODE_KINDS[kind].file.rsplit('.', 1)[0]}"


def _say_kept(kept: list) -> None:
    """Name the entries an import wrote again only because the folder's other files name them."""
    if kept:
        shown = ", ".join(kept[:5]) + (f" and {len(kept) - 5} more" if len(kept) > 5 else "")
        click.echo(f"note: kept {len(kept)} entr{'y' if len(kept) == 1 else 'ies'} of the previous import that "
                   f"other files name, though this import no longer needs them: {shown}", err=True)


def _say_held(result, out_dir) -> None:
    """Name the rows a sheet import left out because the folder's own files hold their entry now (a merge
    moved it there: the entry has the row's id and name), and the connections stored on them, which the import
    cannot write into the user's file."""
    def first(items: list) -> str:
        return ", ".join(items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")

    n = len(result.held) + len(result.merged)
    if n:
        parts = [f"{len(result.held)} under their own id ({first(result.held)})"] if result.held else []
        if result.merged:
            parts.append(f"{len(result.merged)} merged into an entry there "
                         f"({first([f'{a} -> {b}' for a, b in result.merged.items()])})")
        click.echo(f"note: left out {n} row{'s' if n != 1 else ''} the folder's own files hold now (a merge moved "
                   f"them there): {'; '.join(parts)}", err=True)
    if result.differs:
        d = len(result.differs)
        said = [f"{i} {name}: the sheet says {value!r}, your entry {mine!r}" if mine is not None else
                f"{i} {name}: the sheet says {value!r}, your entry has none" for i, name, value, mine in result.differs]
        shown = "; ".join(said[:5]) + (f"; and {d - 5} more" if d > 5 else "")
        from graph import schema
        from graph.entry_files import EntryFiles

        where = EntryFiles(out_dir)

        def file_of(entry_id: str) -> str | None:
            return next(filter(None, (where(entry_id, k) for k in schema.NODE_KINDS)), None)

        files = sorted(set(filter(None, map(file_of, {x[0] for x in result.differs}))))
        click.echo(f"note: {d} value{'s' if d != 1 else ''} in the sheet differ{'s' if d == 1 else ''} from the "
                   "entries your files hold, "
                   f"which were left as they are: {shown}; edit the entries in "
                   f"{', '.join(os.path.join(str(out_dir), f) for f in files) or out_dir} if the sheet is right",
                   err=True)
    if result.ties_left_out:
        k = len(result.ties_left_out)
        click.echo(f"note: left out {k} connection{'s' if k != 1 else ''} stored on those rows, which an import "
                   f"does not write into your files ({first([f'{s}:{r}' for s, r in result.ties_left_out])}); "
                   f"add {'them' if k != 1 else 'it'} to the entry in {out_dir} by hand if still wanted", err=True)


@import_.command("sheet")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--data", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Data folder to add to (created if missing); the import writes its own files under "
                   "imports/sheet-<name>/.")
@click.option("--map", "mapping", type=click.Path(dir_okay=False, exists=True),
              help="YAML file mapping your column names and types: columns: {Org name: Label}, "
                   "types: {Org: Organisation}.")
@click.option("--name", help="Name of the import's folder (default: the first file's name).")
@click.option("--type", "kind", metavar="KIND",
              help="Kind of every row with no Type column or cell, e.g. organisation for a plain list of names.")
def import_sheet(files, out_dir, mapping, name, kind):
    """Import elements and connections from a spreadsheet (.xlsx, or .csv files), Kumu's layout.

    Elements: Label, Type (the kind), Category, Description, Tags, ID, and any
    field as a column. Connections: From, To (ID or label), Type (e.g.
    PARTNER_IN), and tie fields (role, amount, From date...). Every problem is
    listed as sheet:row and nothing is written; importing an edited sheet again
    updates its entries by id and adds no duplicates.

    \b
    Example:
      lcg export --format xlsx -o partners.xlsx --data seed_data
      lcg import sheet partners.xlsx -o data
      lcg import sheet organisations.csv --type organisation --map columns.yaml -o data
    """
    from graph.importers.sheet import SheetProblems, import_sheet as run, yaml_key
    from graph.importers.yaml_out import ImportInvalid

    try:
        result = run(files, out_dir, mapping=mapping, name=name, kind=kind)
    except SheetProblems as e:
        for p in e.problems:
            click.echo(p, err=True)
        raise
    except ImportInvalid as e:
        raise _import_refused(e, files[0], out_dir) from None
    from graph import schema

    counts = {kind: _kind_count(kind, n) for kind, n in result.added.items()}
    if result.units:  # "University of Wolverhampton - Law School": the unit column joined to the organisations' names,
        k = len(result.units)  # said beside their count, not after the last kind's ("7 people (7 named ...)")
        of_rows = f", {result.units_of_rows} of them units of the row of that organisation" \
            if result.units_of_rows else ""
        note = (f" ({k} named 'Organisation - {result.unit_column}' from column {result.unit_column!r}, such as "
                f"{result.units[0][2]!r}{of_rows})")
        counts["Organisation"] = counts.get("Organisation", _kind_count("Organisation", 0)) + note
    added = ", ".join(c for kind, c in counts.items()
                      if result.added[kind] or kind == "Organisation" and result.units) or "nothing new"
    # a re-import: what it wrote again, changed or not, and what it no longer writes (rows deleted from the sheet,
    # or written under new ids, their names having changed: removed, and added again)
    if result.updated:
        added += f"; updated {', '.join(_kind_count(kind, n) for kind, n in result.updated.items())}"
    if result.unchanged:
        added += f"; {', '.join(_kind_count(kind, n) for kind, n in result.unchanged.items())} unchanged"
    if result.removed:  # rows deleted from the sheet since the last import: their entries are gone too
        added += f"; removed {', '.join(_kind_count(kind, n) for kind, n in result.removed.items())}"
        if any(result.added.get(kind) for kind in result.removed):
            added += " (a row whose name changed is written under a new id: added under it, removed under its old)"
    where = _where_written(result)
    _say_kept(result.kept)
    _say_held(result, out_dir)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    if result.linked:
        shown = ", ".join(f"{name!r} ({column}) as {org}" for column, name, org in result.linked[:3])
        more = f" and {len(result.linked) - 3} more" if len(result.linked) > 3 else ""
        click.echo(f"note: {len(result.linked)} {'name' if len(result.linked) == 1 else 'names'} that no row of the "
                   f"sheet has, each the name of one organisation of the folder's other files (case, accents, "
                   f"punctuation and a leading 'The' aside), linked to it rather than written again: {shown}{more}",
                   err=True)
    if result.renamed:
        shown = ", ".join(f"{new} ({old} is another entry's)" for _, old, new in result.renamed[:3])
        more = (f" and {len(result.renamed) - 3} more ({', '.join(new for _, _, new in result.renamed[3:])})"
                if len(result.renamed) > 3 else "")  # (every id: "and 6 more" said which to no one, a hold-out found)
        kinds = sorted({kind for kind, _, _ in result.renamed})
        pair = " or ".join(f"`lcg duplicates{' --kind person' if k == 'Person' else ''} --data "
                           f"{shlex.quote(str(out_dir))}`" for k in kinds if k in ("Organisation", "Person"))
        click.echo(f"note: {len(result.renamed)} {'entry' if len(result.renamed) == 1 else 'entries'} of the sheet "
                   f"had an id another file of the folder holds, written as {shown}{more}"
                   + (f": if they are one, {pair} pairs them" if pair else ""), err=True)
    if result.repeated:  # at the earlier row's place: paired; at another: a body's sites, kept apart by design
        data = shlex.quote(str(out_dir))
        here = [r for r in result.repeated if not r[6]]
        apart = [r for r in result.repeated if r[6]]
        k = len(result.repeated)

        def shown(rows) -> str:
            said = ", ".join(f"{sheet}:{n} {name!r} as {node_id} ({at}: {first})"
                             for sheet, n, name, node_id, at, first, _ in rows[:5])
            return said + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")

        said = [f"{len(here)} at the earlier row's address or postcode, or with none apart, which `lcg duplicates "
                f"--data {data}` pairs: {shown(here)}"] if here else []
        # what is true of them: two records, which the list alone cannot say are sites of one body or bodies of
        # one name (a trial's two "Central Library" rows were two councils' libraries), and which `lcg duplicates`
        # does not list (postcodes apart): the command shown is one that lists them
        names = list(dict.fromkeys(r[2] for r in apart)) or [""]
        listed = "them" if len(names) == 1 else "the first name's records (and so for the others)"
        said += [f"{len(apart)} at another address or postcode, kept as separate records, which may be sites of one "
                 f"body or bodies of one name (`lcg search {shlex.quote(names[0])} --data {data}` lists "
                 f"{listed} with their towns and postcodes): {shown(apart)}"] if apart else []
        if apart and result.venue_columns:  # a classes list's venues: where its courses are, the provider's one body
            # (five hold-outs' providers, one record per venue, reviewed as "two sites of one body")
            cols = ", ".join(map(repr, result.venue_columns))
            said += [f"their addresses come from column {cols}: if it says where each row's course or event is, "
                     f"not where the body is, map it to note (under columns: in the mapping file, "
                     f"{', '.join(f'{yaml_key(c)}: note' for c in result.venue_columns)}) and import again: `lcg "
                     "duplicates` then pairs rows of one name as one body, unless their other cells set them apart"]
        click.echo(f"note: {k} row{'s repeat' if k != 1 else ' repeats'} the name of an earlier row, each an entry "
                   f"of its own: {'; '.join(said)}", err=True)
    click.echo(f"Imported {result.nodes} element{'s' if result.nodes != 1 else ''} and {result.relationships} "
               f"connection{'s' if result.relationships != 1 else ''} into {out_dir}: "
               f"added {added}; {where}.", err=True)


def _import_refused(e, file, out_dir) -> LcgError:
    """List what the folder would have wrong with the import in place; the one-line error to raise.

    One problem on many entries ("website: bad URL 'No'" on 209 rows of a list whose Website column says
    Yes or No) is listed once, with the number of other rows (the first few named) or entries that have it; so is
    one problem of a column's cells each with its own value, each on one row ("identifiers: bad identifier
    '00vtgdb53'" on 44 rows of a research trial's "ROR ID" column, each said on a line of its own): the first said,
    the others counted. A value on several rows ("No", "Yes") is said of its own.
    A problem on an entry read from a sheet's row is said at that row and column (RowProblem): the import's
    own files are not written, so a line of theirs would point nowhere.
    """
    from graph.importers.yaml_out import RowProblem

    seen: dict[tuple, list] = {}
    for p in e.errors:
        key = (p.sheet, p.column, p.message) if isinstance(p, RowProblem) else \
            (getattr(p, "file", ""), getattr(p, "message", str(p)))
        seen.setdefault(key, []).append(p)
    by_shape: dict[tuple, list] = {}  # a column's values each on one row, refused alike: one problem
    for key, same in seen.items():
        if isinstance(p := same[0], RowProblem) and len(same) == 1:
            by_shape.setdefault((p.sheet, p.column, re.sub(r"'[^']*'", "''", p.message)), []).append(key)
    for keys in by_shape.values():
        if len(keys) > 1:
            seen[keys[0]] = [p for k in keys for p in seen.pop(k)]
    for same in seen.values():
        first = same[0]
        if isinstance(first, RowProblem):
            rows = sorted({p.row for p in same} - {first.row})
            shown = ", ".join(map(str, rows[:5])) + ("..." if len(rows) > 5 else "")
            alike = "" if all(p.message == first.message for p in same) else ", each with its own value"
            more = f" (and {len(rows)} more row{'s' if len(rows) != 1 else ''}: {shown}{alike})" if rows else ""
            click.echo(f"{first.sheet}:{first.row}{first.at}{more}: {first.message}", err=True)
            continue
        n = len(same)
        more = f" (and {n - 1} more entr{'y' if n == 2 else 'ies'})" if n > 1 else ""
        click.echo(f"{out_dir.rstrip('/')}/{first}{more}", err=True)
    n = len(e.errors)
    return LcgError(f"importing {file} would leave {out_dir} with {n} validation problem{'s' if n != 1 else ''} "
                    "(listed above); nothing was written")


class _progress_bar:
    """A progress bar on stderr while a long import runs, only when stderr is a terminal (never in a pipe or log)."""

    def __init__(self, label):
        self.label, self.bar = label, None

    def __enter__(self):
        return self.update if sys.stderr.isatty() else None

    def update(self, done, total):
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False


# --- who works with whom (graph/queries: collaborators, path, brokers, clusters, gaps, timeline) ----------------

@main.command()
@click.argument("node")
@click.option("--via", type=click.Choice(["project", "event", "network", "employment"]),
              help="Only ties through this kind of shared item.")
@click.option("--kind", type=click.Choice(["organisation", "person", "place"], case_sensitive=False),
              help="Only collaborators of this kind.")
@click.option("--since", type=PAST_DATE, help="Only shared work still running on or after DATE (YYYY, YYYY-MM or "
                                               "YYYY-MM-DD).")
@click.option("--as-of", "as_of", type=PAST_DATE, help="Only ties active on DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="At most this many (0: all).")
@query_command
def collaborators(node, via, kind, since, as_of, limit, data_dir, fmt):
    """Who shares a project, event, network or employer with NODE (id or name), strongest first.

    Strength adds up the shared items weighted by how close the tie is: joint
    project 4, co-organised event 3, employer 3, same event 2, colleagues 1,
    same network 1 (graph/queries/strength.py, docs/queries.md). Evidence
    lists each shared item with both sides' roles; years span the shared work.

    \b
    Example:
      lcg collaborators university-of-wolverhampton
      lcg collaborators "City of Wolverhampton Council" --via project --as-of 2019
    """
    from graph.queries.collaborators import COLUMNS, collaborator_page
    rows, total = collaborator_page(backend_for(data_dir), node, via=via, kind=kind.capitalize() if kind else None,
                                    since=since, as_of=as_of, limit=limit or None)
    emit(rows, fmt, COLUMNS, priority=["name", "strength", "shared", "via", "first_year", "last_year", "kind", "evidence"])
    if not rows:
        click.echo("No collaborators found with these filters.", err=True)
    elif total > len(rows):
        click.echo(f"Showing {len(rows)} of {total} collaborators; --limit 0 shows all.", err=True)


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", type=click.IntRange(1, 10), default=4, show_default=True,
              help="Longest connection to look for.")
@click.option("--themes", is_flag=True, help="Also connect through shared themes (ADDRESSES).")
@click.option("--through", metavar="ID", help="Instead: the connections passing through this node (id or name).")
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="At most this many (0: all).")
@query_command
def path(a, b, max_hops, themes, through, limit, data_dir, fmt):
    """All shortest connections between A and B (ids or names), each as a chain of relationships.

    Each tie points the way it is recorded: A -PARTNER_IN(lead)-> X <-FUNDS- B.
    Shared themes do not count as a connection unless --themes.

    \b
    Example:
      lcg path wolverhampton cork
      lcg path wolverhampton cork --through building-a-learning-region
      lcg path "University of Wolverhampton" "Cork Learning City" --max-hops 3
    """
    from graph.queries.path import COLUMNS, path_rows, theme_ends

    backend = backend_for(data_dir)
    rows, total = path_rows(backend, a, b, max_hops=max_hops, themes=themes, through=through, limit=limit or None)
    if not rows:
        where = f" through {through}" if through else ""
        if fmt != "table":  # machine formats stay parseable: no rows, and the message on stderr
            emit([], fmt, COLUMNS)
        themed = [] if themes else theme_ends(backend, a, b, through)
        hint = (f" {', '.join(themed)} {'is a theme' if len(themed) == 1 else 'are themes'}; add --themes to "
                f"connect through what addresses {'it' if len(themed) == 1 else 'them'}." if themed else "")
        click.echo(f"No connection between {a} and {b}{where} within {max_hops} hop{'s' if max_hops != 1 else ''}.{hint}", err=fmt != "table")
        return
    emit(rows, fmt, COLUMNS, priority=["path"])
    if total > len(rows):
        click.echo(f"Showing {len(rows)} of {total} shortest connections (--limit 0 for all).", err=True)


def _actor_kinds_option(what: str):
    return click.option("--kind", "kinds", multiple=True, type=click.Choice(["organisation", "person", "place"],
                                                                             case_sensitive=False),
                        help=f"{what} of this kind (repeatable) [default: organisation and person: a place is on "
                             "the network but does not broker a partnership; give --kind place to see places].")


def _ranked_kinds(kinds):
    from graph.queries.brokers import RANKED_KINDS

    return tuple(k.capitalize() for k in kinds) if kinds else RANKED_KINDS


@main.command()
@_actor_kinds_option("Only brokers")
@click.option("--sample", type=click.IntRange(1), default=500, show_default=True,
              help="Source actors sampled when the network is large (over 2,000 actors).")
@click.option("--seed", default=1, show_default=True, help="Sampling and clustering seed.")
@click.option("--limit", type=click.IntRange(0), default=20, show_default=True, help="At most this many (0: all).")
@query_command
def brokers(kinds, sample, seed, limit, data_dir, fmt):
    """Organisations and people (and places, with --kind place) that hold the partnership together (betweenness).

    Betweenness on the weighted collaboration network (tie length 1/strength),
    with degree (distinct collaborators), strength (weighted degree) and the
    number of clusters (lcg clusters) each one touches. Above 2,000 actors it
    is estimated from --sample source actors (fixed seed); the sample is printed.

    \b
    Example:
      lcg brokers --limit 10
      lcg brokers --kind person --format csv
    """
    from graph.queries.brokers import COLUMNS, broker_rows

    emit_result(broker_rows(backend_for(data_dir), sample=sample, seed=seed, kinds=_ranked_kinds(kinds),
                            limit=limit or None), fmt, COLUMNS, priority=["rank", "name"])


@main.command()
@click.option("--min-size", type=click.IntRange(2), default=2, show_default=True, help="Smallest cluster shown.")
@_actor_kinds_option("List members")
@click.option("--seed", default=1, show_default=True, help="Louvain seed: same data and seed, same clusters.")
@click.option("--limit", type=click.IntRange(0), default=20, show_default=True, help="At most this many (0: all).")
@query_command
def clusters(min_size, kinds, seed, limit, data_dir, fmt):
    """Communities of the collaboration network (Louvain), each with its members and main themes.

    \b
    Example:
      lcg clusters
      lcg clusters --format json --limit 0
    """
    from graph.queries.clusters import COLUMNS, cluster_rows

    result = cluster_rows(backend_for(data_dir), seed=seed, min_size=min_size, limit=limit or None,
                          kinds=_ranked_kinds(kinds))
    emit_result(result, fmt, [c for c in COLUMNS if c != "member_ids"] if fmt == "table" else COLUMNS)


@main.command()
@click.option("--only", type=click.Choice(["theme", "organisation", "network", "person"]), help="One kind of gap.")
@click.option("--few", type=click.IntRange(0), default=1, show_default=True,
              help="A theme with at most this many projects is a gap.")
@click.option("--city", metavar="PLACE", help="Networks this place (or its organisations) belongs to; default all.")
@query_command
def gaps(only, few, city, data_dir, fmt):
    """Themes with few projects, organisations with no collaborators, idle networks, unaffiliated people.

    \b
    Example:
      lcg gaps
      lcg gaps --only network --city wolverhampton
    """
    from graph.queries.gaps import COLUMNS, gap_rows

    rows = gap_rows(backend_for(data_dir), few=few, city=city, only=only)
    emit(rows, fmt, COLUMNS, priority=["gap", "name", "why"])
    if not rows:
        click.echo("No gaps found.", err=True)


@main.command()
@click.option("--from", "date_from", type=DATE, help="Only what runs on or after DATE.")
@click.option("--to", "date_to", type=DATE, help="Only what runs on or before DATE.")
@query_command
def timeline(date_from, date_to, data_dir, fmt):
    """Events and project spans in date order.

    \b
    Example:
      lcg timeline --from 2019 --to 2021
    """
    from graph.queries.timeline import COLUMNS, timeline_rows

    rows, undated = timeline_rows(backend_for(data_dir),
                                  date_from=date_from, date_to=date_to)
    emit(rows, fmt, COLUMNS, priority=["start", "end", "name"])
    if undated:
        click.echo(f"{undated} events or projects have no date and are not shown.", err=True)


@main.command()
@data_option
@neo4j_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any other than loopback needs --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: a free one).")
@click.option("--token", envvar="LCG_SERVE_TOKEN", help="Secret every request must carry (open the printed address "
              "once, with ?token=...); required off loopback; env LCG_SERVE_TOKEN.")
def serve(data_dir, neo4j_uri, host, port, token):
    """Open the graph in a browser: search, pages, connections, review queue, map, exports.

    A local web application over the same answers as the commands (every page has
    a JSON twin under /api/). Edits to the data folder show without a restart;
    review decisions are written to DATA/decisions.yaml as `lcg decide` writes them.
    With --neo4j, --data is where decisions.yaml is kept.

    \b
    Example:
      lcg serve --data seed_data
      lcg serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"
    """
    from visualise.web import create_app, serve as run
    from visualise.web.server import is_loopback

    if not is_loopback(host) and not token:
        raise click.BadParameter(f"listening on {host} lets other machines in: give --token SECRET as well",
                                 param_hint="--host")
    app = create_app(data_dir, neo4j_uri=neo4j_uri, token=token)

    def announce(url):
        shown = f"{url}?token={token}" if token else url
        click.echo(f"Serving {app.extensions['lcg.graph'].where} at {shown} (Ctrl+C to stop)", err=True)

    run(app, host, port, announce=announce)


if __name__ == "__main__":
    main()
