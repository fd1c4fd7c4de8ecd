"""Writes ``docs/data-format.md`` from the schema, so the doc cannot drift from it.

The reference tables come straight from ``graph.schema``; the worked example is
a complete data folder (one file per kind) that a test validates with the real
loader and checks uses every node kind. Regenerate after a schema change:

    .venv/bin/python -m tools.format_doc > docs/data-format.md

``tests/test_data_format_doc.py`` fails when the committed file differs. A developer
tool: it lives in ``tools/`` so the installed package does not carry it.
"""

from __future__ import annotations

import sys

from graph import schema

__all__ = ["EXAMPLE", "render"]

#: A complete, valid data folder: file name -> YAML text. Fictional names.
EXAMPLE: dict[str, str] = {
    "networks.yaml": """\
# Networks, partnerships, clusters and programmes.
- id: example-learning-region
  name: Example Learning Region
  type: partnership
  aliases: [ELR]
  description: A partnership of the city's learning providers.
  start: "2017"
  partners:                      # core partners: Organisation -PARTNER_IN-> this network
    - {id: example-city-council, role: lead}
    - {id: university-of-example, role: partner}
  members:                       # wider partnership: X -MEMBER_OF-> this network
    - {id: example-college, since: "2018"}
  member_of:
    - {id: global-learning-cities, since: "2018"}
  funders:
    - {id: research-council, period: 2017-2020}
  people:
    - {id: ben-example, role: coordinator}
  coordinators: [example-city-council]   # X -COORDINATES-> this network
  themes: [digital-inclusion]
  located_in: [example-city]
  sources: [about.txt]
- id: global-learning-cities
  name: Global Network of Learning Cities
  type: network
  website: https://example.org/gnlc
  sources: [about.txt]
- id: health-cluster
  name: Health and well-being cluster
  type: cluster
  part_of: [global-learning-cities]
  themes: [health-and-well-being]
  sources: [about.txt]
""",
    "organisations.yaml": """\
# Partner organisations, funders, and units of them.
- id: university-of-example
  name: University of Example
  type: university
  aliases: [UoE, Univ. of Example]
  website: https://www.example.ac.uk
  identifiers: [GB-CHC-1164883]
  located_in: [example-city]
  sources: [about.txt]
- id: centre-for-lifelong-learning
  name: Centre for Lifelong Learning
  type: unit
  part_of: [university-of-example]
  contributes_to: [example-learning-region]   # its training is used in the initiative
  advises: [example-city-council]
  sources: [resources.txt]
- id: example-city-council
  name: Example City Council
  type: council
  member_of:
    - {id: health-cluster, since: "2020", sources: [about.txt]}
  reports_to: [research-council]
  sources: [about.txt]
- id: example-college
  name: Example College
  type: college
  themes: [digital-inclusion]
  people: [ben-example]          # a partner list's contact: ben-example -WORKS_FOR-> this
  awards:                        # this -RECOGNISED_BY-> the body giving the award
    - {id: research-council, award: Innovation Award, outcome: won, date: "2019"}
  sources: [about.txt]
- id: research-council
  name: Example Research Council
  type: funder
  identifiers: [GB-COH-01234567]
  sources: [resources.txt]
""",
    "people.yaml": """\
# People named in the sources, with their employers and units.
- id: ada-example
  name: Ada Example
  title: Professor of Lifelong Learning
  works_for:
    - {id: centre-for-lifelong-learning, role: director, from: "2015"}
  member_of: [example-learning-region]
  located_in: [example-city]
  advises: [global-learning-cities]
  sources: [resources.txt]
- id: ben-example
  name: Ben Example
  title: Learning city officer
  works_for:
    - {id: example-city-council, role: officer}
  sources: [about.txt]
""",
    "projects.yaml": """\
# Funded work, studies and initiatives; each lists who takes part.
- id: digital-skills-study
  name: Digital Skills Study
  type: study
  description: Adults' digital skills and access to devices in the city.
  start: "2019"
  end: 2020-03
  target_groups: [adults, older people]
  identifiers: [360G-example-1]
  partners:
    - {id: university-of-example, role: lead}
    - {id: example-college, role: delivery, from: 2019-09, to: "2020"}
  funders:
    - {id: research-council, amount: 25000, currency: GBP, period: 2019-2020}
  commissioned_by: [example-city-council]
  people:
    - {id: ada-example, role: principal investigator}
  participants:
    - {id: example-city, role: participant}
  themes: [digital-inclusion, sdg-4]
  located_in: [example-city]
  member_of: [example-learning-region]
  evaluated_by: [centre-for-lifelong-learning]
  informs: [example-learning-region]
  sources: [resources.txt]
- id: device-lending
  name: Device lending strand
  type: project
  part_of: [digital-skills-study]
  sources: [resources.txt]
""",
    "events.yaml": """\
# Launches, festivals, summits; who organised them and who took part.
- id: learning-festival-2019
  name: Example Learning Festival
  type: festival
  date: 2019-06
  end: 2019-06-30
  website: https://example.org/festival
  organisers:
    - {id: example-learning-region, role: host}
    - {id: university-of-example, role: co-lead}
  participants:
    - {id: ada-example, role: speaker}
    - {id: example-college, role: attendee}
  partners: [example-college]
  funders: [research-council]
  commissioned_by: [example-city-council]
  people: [ada-example]
  themes: [health-and-well-being]
  located_in: [example-city]
  part_of: [digital-skills-study]
  about: [example-country]       # its subject, as its title states
  sources: [resources.txt]
""",
    "places.yaml": """\
# Cities, regions and countries.
- id: example-city
  name: Example City
  type: city
  member_of:
    - {id: global-learning-cities, since: "2018"}
  located_in: [example-country]
  part_of: [example-city-council]
  awards:
    - {id: research-council, award: Learning City Award 2019, outcome: shortlisted, date: "2019"}
  sources: [about.txt]
- id: example-country
  name: Exampleland
  type: country
  sources: [about.txt]
""",
    "themes.yaml": """\
# Priorities, Sustainable Development Goals and topics.
- id: digital-inclusion
  name: Digital inclusion
  type: topic
  sources: [about.txt]
- id: health-and-well-being
  name: Health and well-being
  type: priority
  sources: [about.txt]
- id: sdg-4
  name: SDG 4 Quality education
  type: sdg
  aliases: [Quality education]
  sources: [about.txt]
- id: adult-digital-skills
  name: Adult digital skills
  type: topic
  part_of: [digital-inclusion]
  sources: [about.txt]
""",
    "reports.yaml": """\
# Reports, evaluations and toolkits: who wrote, commissioned and funded them.
- id: digital-skills-report
  name: Digital Skills in Example City
  type: report
  aliases: [Digital Skills Report]
  date: "2020"
  website: https://example.org/report.pdf
  authors: [ada-example, centre-for-lifelong-learning]
  commissioned_by: [example-city-council]
  funders: [research-council]
  people: [ben-example]
  themes: [digital-inclusion]
  about: [digital-skills-study]
  publishers: [university-of-example]
  part_of: [digital-skills-study]
  informs: [example-learning-region]
  sources: [resources.txt]
""",
    "sources.yaml": """\
# The documents `sources` fields cite, by key (not a kind file).
- key: about.txt
  title: About the Example Learning Region
  publisher: Example City Council
  kind: web page
  date: 2020-05
  url: https://example.org/about
  file: about.txt
- key: resources.txt
  title: Resources
  kind: web page
  file: resources.txt
  note: Saved 2021; the page gives no date.
""",
}

_TYPE_WORDS = {
    "str": "text (one line)",
    "text": "text (may span lines)",
    "url": "URL (http or https)",
    "date": "date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
    "amount": "number >= 0",
    "currency": "ISO 4217 code, e.g. `GBP`",
    "list": "list of texts",
    "orgid": "list of org-ids, e.g. `GB-CHC-1164883`",
    "enum": "one of the listed values",
}


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _field_rows(fields) -> list[str]:
    rows = ["| field | type | required | meaning |", "| --- | --- | --- | --- |"]
    for f in fields:
        kind = _TYPE_WORDS[f.type]
        if f.choices:
            kind = "one of " + ", ".join(f"`{c}`" for c in f.choices)
        rows.append(f"| `{f.name}` | {_cell(kind)} | {'yes' if f.required else ''} | {_cell(f.doc)} |")
    return rows


def render() -> str:
    """The whole of docs/data-format.md."""
    out = [
        "# Data format",
        "",
        "<!-- Generated by `python -m tools.format_doc > docs/data-format.md` from graph/schema.py;",
        "     tests/test_data_format_doc.py fails when this file and the schema disagree. Do not edit by hand. -->",
        "",
        "A data folder (default `./seed_data`, or `--data DIR`, or env `LCG_DATA`) holds one YAML file per kind of",
        "thing. Each file is a list of entries. An entry has its kind's **fields** and **relationship slots**: the",
        "relationships it naturally owns, written where a partnership officer would look for them (a project lists",
        "its partners, funders, people and themes; an event its organisers and participants; an organisation its",
        "memberships). Files that are missing are simply empty.",
        "",
        "A folder can grow: any number of files per kind, anywhere under it (a subfolder per source, such as",
        "`imports/360giving-wolfson/`). A YAML file (`.yaml` or `.yml`, any case) takes its kind from its name",
        "(`organisations.yaml`, `Organisations-2024.yml`: the kind's file name, then `-`, `_` or `.` and anything)",
        "or, named otherwise, from a first line `# lcg: organisations`. Any other YAML file, and a file that cannot",
        "be read (a folder named `*.yaml`, a broken link, a FIFO), is a validation error with its path: nothing is",
        "skipped in silence. Not data: non-YAML files, hidden files and folders, and at the top `dataset.yaml`,",
        "`sources.yaml` and `decisions.yaml` (reviewed duplicate and overlap pairs, written by `lcg decide`), and a",
        "YAML file whose first line is `# lcg: ignore`; a temp file an interrupted write left",
        "(`.<name>.<random>.tmp`) is ignored and reported by `lcg validate`.",
        "Imports (`lcg import 360giving`, `lcg import sheet`) write only their own files under `imports/`, one entry",
        "per line as a JSON-style flow mapping (`- {\"id\": \"oxfam\", \"name\": \"Oxfam\"}`): plain YAML, one record per",
        "line in a diff, and read back fast; an edited line is read as any YAML is (importing again rewrites them).",
        "",
        "Rules:",
        "",
        "- `id` is a readable slug (lower-case letters, digits and hyphens), unique across **all** files.",
        "- A slot holds a list. Each item is either an id (`- example-college`) or a mapping with `id` and the",
        "  relationship's own fields (`- {id: example-college, role: delivery, from: 2019-09}`).",
        "- `sources` (keys of `sources.yaml`, or URLs) may be given on an entry and on a slot item; a relationship",
        "  written without its own `sources` takes its entry's.",
        "- `sources.yaml` (optional) lists the documents the data cites, one entry each: `key` (what `sources`",
        "  fields cite, e.g. the saved file's name) and `title` (required), `publisher`, `kind`, `date`, `url`,",
        "  `file` (the file it was saved as), `licence`, `note`. When it is present, every `sources` value must",
        "  be one of its keys or a URL; `lcg show`, maps and exports then show the titles.",
        "- Relationships may carry `from` and `to` dates, so questions can be asked as of a date (`--as-of`).",
        "- A tie may be written on both of its ends (an organisation's `member_of` and a network's `members`):",
        "  identical ties are merged; contradicting fields are an error.",
        "- Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; quote a bare year (`\"2019\"`) or write it as a number.",
        "- Only plain YAML is read (a safe loader): tags such as `!!python/object` are refused.",
        "- `lcg validate` reports every problem at once as `file:line: id: what is wrong (expected ...)`.",
        "",
        "## Files",
        "",
        "| file | kind | what it holds |",
        "| --- | --- | --- |",
    ]
    for k in schema.NODE_KINDS.values():
        out.append(f"| `{k.file}` | {k.name} | {_cell(k.doc)} |")
    for k in schema.NODE_KINDS.values():
        out += ["", f"## {k.name} (`{k.file}`)", "", k.doc, "", "Fields:", ""]
        out += _field_rows(k.fields)
        slots = schema.slots_of(k.name)
        if slots:
            out += ["", "Relationship slots:", "", "| slot | relationship | each item is | meaning |",
                    "| --- | --- | --- | --- |"]
            for s in slots.values():
                arrow = (f"this `-{s.rel}->` item" if s.outgoing else f"item `-{s.rel}->` this")
                out.append(f"| `{s.key}` | {arrow} | {', '.join(s.other_kinds)} | {_cell(s.doc)} |")
    out += ["", "## Relationships", "",
            "Every relationship kind, the kinds allowed at its start and end, and its fields (written on a slot item).",
            ""]
    for r in schema.REL_KINDS.values():
        out += [f"### {r.name}", "", f"{r.doc} Start: {', '.join(r.starts)}. End: {', '.join(r.ends)}.", ""]
        if r.key_field:
            out += [f"Two ties of this kind between the same ends are told apart by `{r.key_field}`.", ""]
        out += _field_rows(r.fields)
        out.append("")
    out += ["## A complete example", "",
            "A whole data folder, valid as it stands (`lcg validate` is clean on it). Copy a file's entries to start.",
            ""]
    for name, text in EXAMPLE.items():
        out += [f"`{name}`:", "", "```yaml", text.rstrip("\n"), "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render())
