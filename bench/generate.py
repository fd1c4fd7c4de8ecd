"""Write a realistic synthetic learning-city dataset in the project's YAML format.

Benchmarks and scale tests need data shaped like a real partnership at sizes no
real one has yet: many city regions, each with a council, a university,
colleges, charities and companies; people working for them; projects with
partners, funders (a few national funders are hubs that fund thousands),
people, themes and places; events with organisers and participants; networks
with members; reports. Deterministic by seed, so runs compare.

    python bench/generate.py --relationships 100000 -o bench/out/r100k
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

FIRST = ("Amara Ben Chloe Dev Elena Farah George Hana Idris Jade Kofi Laura Mateo Nadia Owen Priya Quinn Rosa Sam "
         "Tariq Uma Victor Wen Yusuf Zoe Aisha Bruno Carys Dmitri Esme Femi Gwen Hugo Ines Jonah Kiran Leila Marek "
         "Niamh Oscar").split()
LAST = ("Ahmed Baker Clarke Davies Evans Fischer Green Hughes Iqbal Jones Khan Lewis Morgan Nowak Okafor Patel "
        "Quinn Roberts Singh Taylor Umar Vaughan Walsh Xu Young Zielinski Bennett Chowdhury Doyle Ellis Foster "
        "Gordon Hall Ibrahim Jackson Kelly Lopez Murphy Novak O'Brien").split()
CITY_A = "Ash Bran Cal Dun Elm Fair Glen Hart Ivy Kings Lang Mar Nor Oak Pen Red Stan Thorn Wey Wick".split()
CITY_B = "ford bury ton wick field ley minster mouth stead bridge port ham dale by worth".split()
THEMES = ("Digital inclusion|Adult literacy|Health and well-being|Employability and skills|Early years|Family learning|"
          "Active citizenship|Environmental sustainability|Older people's learning|Mental health|Community cohesion|"
          "Numeracy|English for speakers of other languages|Apprenticeships|Social prescribing|Arts and culture|"
          "Youth engagement|Refugee integration|Financial capability|Green skills|Learning festivals|SDG 4 Quality education|"
          "SDG 11 Sustainable cities|Lifelong learning|Digital skills|Careers guidance|Volunteering|Food poverty|"
          "Loneliness|Higher education access").split("|")
GROUPS = ("adults with no qualifications|older people|young people not in education or work|families|refugees|"
          "carers|people with disabilities|job seekers|school pupils|care leavers|small businesses|volunteers").split("|")
VERBS = ("train|support|connect|engage|mentor|equip|reach|involve").split("|")
ACTIVITY = ("weekly workshops|one-to-one coaching|community drop-in sessions|an online course|peer mentoring|"
            "outreach in libraries|a learning festival|a device loan scheme|informal learning clubs").split("|")
ORG_FORMS = ("{c} City Council|University of {c}|{c} College|{c} Community Trust|{c} Learning Partnership|"
             "{c} Voluntary Action|{a} {n} CIC|{a} {n} Ltd|The {a} {n} Foundation|{c} Library Service|{c} Housing Association|"
             "{c} Chamber of Commerce|{a} {n} Charity").split("|")
ADJ = "Bright Open Common Green Northern Civic Future Shared Rising Kind Bold Local".split()
NOUN = "Horizons Pathways Futures Roots Steps Bridges Voices Minds Lights Routes".split()
NATIONAL_FUNDERS = ("National Lottery Community Fund|Education Endowment Trust|Digital Skills Foundation|"
                    "Health Learning Fund|Arts Council|Skills Investment Agency|Community Renewal Fund|"
                    "European Social Fund|Research Council for Learning|Civic Futures Trust").split("|")


def q(s) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(str(s), ensure_ascii=False)


class Writer:
    def __init__(self, out: Path):
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.files = {}
        self.rels = 0

    def entry(self, file: str, lines: list[str]) -> None:
        fh = self.files.get(file)
        if fh is None:
            fh = self.files[file] = open(self.out / file, "w", encoding="utf-8")
        fh.write("- " + "\n  ".join(lines) + "\n")

    def slot(self, key: str, items: list[str]) -> str:
        self.rels += len(items)
        return f"{key}: [{', '.join(items)}]"

    def close(self):
        for fh in self.files.values():
            fh.close()


def slug(*parts) -> str:
    text = "-".join(str(p).lower().replace("'", "").replace(" ", "-") for p in parts)
    return "-".join(w for w in text.split("-") if w)


def generate(out: Path, relationships: int, seed: int = 1) -> dict:
    rnd = random.Random(seed)
    w = Writer(out)
    scale = relationships / 1_000_000 * 1.135  # the mix below writes about 0.88 ties per unit
    n_cities = max(3, int(2000 * scale))
    src = "[\"generated\"]"

    themes = [slug("theme", i, t[:30]) for i, t in enumerate(THEMES)]
    for tid, name in zip(themes, THEMES):
        w.entry("themes.yaml", [f"id: {tid}", f"name: {q(name)}", "type: topic", f"sources: {src}"])

    regions = [slug("region", i) for i in range(max(1, n_cities // 40))]
    for i, r in enumerate(regions):
        w.entry("places.yaml", [f"id: {r}", f"name: {q(f'Region {i + 1}')}", "type: region", f"sources: {src}"])
    cities = []
    for i in range(n_cities):
        name = rnd.choice(CITY_A) + rnd.choice(CITY_B) + ("" if i < 300 else f" {i}")
        cid = slug("city", i, name.split()[0])
        cities.append((cid, name))
        w.entry("places.yaml", [f"id: {cid}", f"name: {q(name)}", "type: city",
                                w.slot("located_in", [regions[i % len(regions)]]), f"sources: {src}"])

    networks = [slug("network", i) for i in range(max(4, n_cities // 25))]
    for i, nid in enumerate(networks):
        lines = [f"id: {nid}", f"name: {q(f'Learning Cities Network {i + 1}')}", "type: network",
                 w.slot("themes", [rnd.choice(themes)]), f"sources: {src}"]
        if i > 0 and i % 5:
            lines.insert(3, w.slot("part_of", [networks[0]]))
        w.entry("networks.yaml", lines)

    funders = []
    for i, name in enumerate(NATIONAL_FUNDERS):
        fid = slug("funder", i, name[:20])
        funders.append(fid)
        w.entry("organisations.yaml", [f"id: {fid}", f"name: {q(name)}", "type: funder",
                                       f"identifiers: [\"GB-CHC-{1000000 + i}\"]", f"sources: {src}"])
    orgs_by_city: list[list[str]] = []
    all_orgs: list[str] = []
    per_city = max(5, int(40_000 * scale) // n_cities)
    for ci, (cid, cname) in enumerate(cities):
        local = []
        for j in range(per_city):
            form = ORG_FORMS[j % len(ORG_FORMS)]
            name = form.format(c=cname, a=rnd.choice(ADJ), n=rnd.choice(NOUN))
            oid = slug("org", ci, j)
            local.append(oid)
            lines = [f"id: {oid}", f"name: {q(name)}", w.slot("located_in", [cid]), f"sources: {src}"]
            if rnd.random() < 0.5:
                lines.insert(2, w.slot("member_of", [rnd.choice(networks)]))
            if rnd.random() < 0.3:
                lines.insert(2, f"identifiers: [\"GB-CHC-{2000000 + ci * 1000 + j}\"]")
            w.entry("organisations.yaml", lines)
        orgs_by_city.append(local)
        all_orgs.extend(local)

    people_by_city: list[list[str]] = []
    n_people_city = max(3, int(80_000 * scale) // n_cities)
    for ci in range(n_cities):
        local = []
        for j in range(n_people_city):
            pid = slug("person", ci, j)
            local.append(pid)
            name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
            w.entry("people.yaml", [f"id: {pid}", f"name: {q(name)}",
                                    w.slot("works_for", [rnd.choice(orgs_by_city[ci])]), f"sources: {src}"])
        people_by_city.append(local)

    funder_weights = [1 / (i + 1) for i in range(len(funders))]
    n_projects = int(70_000 * scale) or 10
    for p in range(n_projects):
        ci = rnd.randrange(n_cities)
        cname = cities[ci][1]
        theme_ix = rnd.sample(range(len(THEMES)), rnd.randint(1, 3))
        group = rnd.choice(GROUPS)
        title = f"{THEMES[theme_ix[0]]} for {group} in {cname}"
        desc = (f"A project to {rnd.choice(VERBS)} {group} in {cname} through {rnd.choice(ACTIVITY)}, "
                f"focusing on {THEMES[theme_ix[0]].lower()}.")
        start = rnd.randint(2012, 2024)
        partners = rnd.sample(orgs_by_city[ci], min(len(orgs_by_city[ci]), rnd.randint(1, 4)))
        if rnd.random() < 0.15:  # cross-city partnership
            partners.append(rnd.choice(all_orgs))
        partner_items = [f"{{id: {o}, role: {'lead' if k == 0 else 'partner'}}}" for k, o in enumerate(dict.fromkeys(partners))]
        fund = rnd.choices(funders, funder_weights)[0] if rnd.random() < 0.7 else rnd.choice(orgs_by_city[ci])
        funder_items = [f"{{id: {fund}, amount: {rnd.randint(2, 200) * 500}, currency: GBP}}"]
        people = rnd.sample(people_by_city[ci], min(len(people_by_city[ci]), rnd.randint(1, 2)))
        w.entry("projects.yaml", [
            f"id: {slug('project', p)}", f"name: {q(title)}", "type: project", f"description: {q(desc)}",
            f"start: \"{start}\"", f"end: \"{start + rnd.randint(0, 3)}\"", f"target_groups: [{q(group)}]",
            w.slot("partners", partner_items), w.slot("funders", funder_items), w.slot("people", people),
            w.slot("themes", [themes[t] for t in theme_ix]), w.slot("located_in", [cities[ci][0]]),
            f"sources: {src}"])

    n_events = int(20_000 * scale) or 5
    for e in range(n_events):
        ci = rnd.randrange(n_cities)
        year = rnd.randint(2012, 2025)
        org_items = [f"{{id: {o}, role: {'host' if k == 0 else 'co-lead'}}}"
                     for k, o in enumerate(rnd.sample(orgs_by_city[ci], min(2, len(orgs_by_city[ci]))))]
        part = rnd.sample(people_by_city[ci], min(len(people_by_city[ci]), rnd.randint(2, 5)))
        part_items = [f"{{id: {x}, role: {'speaker' if k == 0 else 'attendee'}}}" for k, x in enumerate(part)]
        w.entry("events.yaml", [
            f"id: {slug('event', e)}", f"name: {q(f'{cities[ci][1]} Learning Festival {year}')}", "type: festival",
            f"date: \"{year}-{rnd.randint(1, 12):02d}\"", w.slot("organisers", org_items),
            w.slot("participants", part_items), w.slot("located_in", [cities[ci][0]]),
            w.slot("themes", [rnd.choice(themes)]), f"sources: {src}"])

    n_reports = int(5_000 * scale) or 2
    for r in range(n_reports):
        ci = rnd.randrange(n_cities)
        w.entry("reports.yaml", [
            f"id: {slug('report', r)}", f"name: {q(f'Evaluation of learning in {cities[ci][1]}')}", "type: evaluation",
            f"date: \"{rnd.randint(2012, 2025)}\"", w.slot("authors", rnd.sample(people_by_city[ci], 1)),
            w.slot("commissioned_by", [rnd.choice(orgs_by_city[ci])]), w.slot("themes", [rnd.choice(themes)]),
            f"sources: {src}"])
    w.close()
    return {"relationships": w.rels, "cities": n_cities, "organisations": len(all_orgs) + len(funders),
            "projects": n_projects, "events": n_events}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--relationships", type=int, default=100_000, help="about how many relationships to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--out", type=Path, required=True, help="folder to write (created)")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    info = generate(args.out, args.relationships, args.seed)
    print(json.dumps({**info, "seconds": round(time.perf_counter() - t, 2), "out": str(args.out)}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
