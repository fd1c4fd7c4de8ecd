"""Developer tools: doc generators, screenshot takers, the browser harness the tests share.

Not installed: pyproject's package list names ``graph`` and ``visualise`` only, so a user's
``pip install`` carries none of this. Run from the repository root, e.g.
``.venv/bin/python -m tools.format_doc > docs/data-format.md``; the tests import it from there
(``pythonpath`` in pyproject's pytest section).
"""
