"""A proposal: one project entry, not yet in the graph, read from a YAML file for ``lcg overlaps --proposal``."""

from __future__ import annotations

__all__ = ["read_proposal"]


def read_proposal(path) -> dict:
    """One project entry from a YAML file (a mapping, or a list holding one)."""
    import yaml

    from ..errors import BadProposal
    from ..validate import Validator
    from ..yaml_files import safe_load

    try:
        with open(path, encoding="utf-8") as fh:
            value = safe_load(fh.read())
    except UnicodeDecodeError:
        raise BadProposal(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise BadProposal(f"{path}{f' line {mark.line + 1}' if mark else ''}: not valid YAML "
                       "(expected one project entry as in projects.yaml)") from None
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, dict) or not value.get("name"):
        raise BadProposal(f"{path}: expected one project entry with at least a name (as in projects.yaml)")
    checker = Validator()
    checker.read_file(str(path), "Project", [{"id": "proposal", **value}])
    if checker.problems:
        first = checker.problems[0]
        more = f" (and {len(checker.problems) - 1} more)" if len(checker.problems) > 1 else ""
        raise BadProposal(f"{path}: {first.message}{more}")
    return value
