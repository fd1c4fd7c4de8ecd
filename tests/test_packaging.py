"""What a user's ``pip install`` carries: the library and the CLI, no developer tools.

A module in graph/ or visualise/ that imports a test-only dependency (Playwright for screenshots)
or is only run by developers belongs in tools/ (not installed). The check reads the imports of
every installed module and allows only the standard library, the package itself and the runtime
dependencies pyproject names.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib

from conftest import ROOT

#: Distribution names whose import name differs (or that are imported by no module: an accelerator).
IMPORT_NAMES = {"pyyaml": "yaml", "scikit-learn": "sklearn", "neo4j-rust-ext": None}


def _installed_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    tops = sorted({name.split(".")[0] for name in include})
    files = [ROOT / f"{m}.py" for m in config["tool"]["setuptools"]["py-modules"]]
    for top in tops:
        files += sorted((ROOT / top).rglob("*.py"))
    return config, tops, files


def _top_level_imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_installed_modules_import_only_runtime_dependencies():
    config, tops, files = _installed_files()
    runtime = set()
    for requirement in config["project"]["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group().lower()
        runtime.add(IMPORT_NAMES.get(name, name.replace("-", "_")))
    allowed = set(sys.stdlib_module_names) | set(tops) | {m for m in config["tool"]["setuptools"]["py-modules"]} \
        | runtime
    wrong = sorted(f"{p.relative_to(ROOT)} imports {m}" for p in files for m in set(_top_level_imports(p))
                   if m not in allowed)
    assert not wrong, f"installed modules importing what a user's install lacks (move them to tools/): {wrong}"
    assert "tools" not in tops


def test_developer_tools_live_outside_the_package():
    _, _, files = _installed_files()
    installed = {p.stem for p in files}
    for tool in ("format_doc", "map_screenshot", "browser", "serve_screenshots"):
        assert (ROOT / "tools" / f"{tool}.py").is_file()
        assert tool not in installed
