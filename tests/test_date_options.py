"""Every date option of every command goes through the one date type (cli.DateParam over graph/dates.py) and
refuses an impossible date with the same message; found by walking the command tree, so a new date option
that bypasses the type fails here."""

from __future__ import annotations

import re

import click
import pytest

from cli import DateParam, main


def _date_options(group=main, path=()):
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield from _date_options(cmd, path + (name,))
            continue
        for p in cmd.params:
            if isinstance(p, click.Option) and not isinstance(p.type, click.Choice) and (isinstance(p.type, DateParam) or re.search(
                    r"since|as.of|from|until|date|^to$", p.name or "")):
                yield path + (name,), p


OPTIONS = list(_date_options())


def test_the_date_options_are_found():
    names = {(" ".join(path), p.opts[0]) for path, p in OPTIONS}
    assert {("collaborators", "--since"), ("collaborators", "--as-of"), ("overlaps", "--since"),
            ("map", "--since"), ("export", "--since"), ("timeline", "--from"), ("timeline", "--to")} <= names


@pytest.mark.parametrize("path,option", OPTIONS, ids=[f"{' '.join(p)} {o.opts[0]}" for p, o in OPTIONS])
def test_each_date_option_refuses_an_impossible_date_with_the_one_message(lcg, path, option):
    assert isinstance(option.type, DateParam), f"{' '.join(path)} {option.opts[0]} is not a DATE option"
    result = lcg(*path, option.opts[0], "2019-13")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: Invalid value for '{option.opts[0]}': '2019-13' is not a date (expected "
                             f"YYYY, YYYY-MM or YYYY-MM-DD) (see `lcg {' '.join(path)} --help`)\n")
