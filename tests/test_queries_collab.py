"""Who-works-with-whom queries on tests/fixtures/collab, every answer worked out by hand.

The fixture, in short (ids shortened: alpha = alpha-university, ...):

  digital-skills-project 2018-2020: alpha (lead partner), beta (partner), eta (funder and delivery
                                    partner: two ties, one shared item), ann (works on);
                                    member of town-learning-partnership
  health-project 2021-:             beta (lead partner), gamma (partner)
  learning-festival 2019-06:        organisers gamma (host), delta (co-lead); participant hometown
  learning-cities-summit 2022-03:   participants hometown, far-city, dan (attendee and speaker: two
                                    ties of one kind); no organiser
  town-learning-partnership:        partners alpha, beta
  global-learning-cities:           members hometown, far-city
  dormant-forum: member zeta;       far-city-forum: member far-city
  employment: ann -> alpha (from 2017), cat -> alpha (2015-2018), bob -> gamma; dan has no employer

Weights (graph/queries/strength.py WEIGHTS): joint project 4, co-organised event 3,
employer 3, same event 2, colleagues 1, same network 1.

The collaboration network (projection) this gives, pair by pair:
  alpha-ann 4 (project) + 3 (employer) = 7     alpha-beta 4 + 1 (network) = 5
  alpha-eta 4, ann-beta 4, ann-eta 4, beta-eta 4 (project)
  alpha-cat 3 (employer), ann-cat 1 (colleagues at alpha)
  beta-gamma 4 (health project), bob-gamma 3 (employer)
  gamma-delta 3 (co-organised festival), gamma-hometown 2, delta-hometown 2 (festival)
  hometown-far 2 (summit) + 1 (global network) = 3, hometown-dan 2, far-dan 2 (summit)
  zeta: nothing (alone in its network)           total weight m = 53
"""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES

DATA = FIXTURES / "collab"


@pytest.fixture(scope="module")
def backend():
    from graph.backends.embedded import EmbeddedBackend
    from graph.dataset import load_dataset

    return EmbeddedBackend.from_dataset(load_dataset(DATA))


def strengths(rows):
    return [(r["id"], r["strength"]) for r in rows]


# --- collaborators ------------------------------------------------------------------

def test_collaborators_of_an_organisation_sum_weights_per_shared_item(backend):
    from graph.queries.collaborators import collaborator_rows

    rows = collaborator_rows(backend, "alpha-university")
    # ann: project 4 + employer 3 = 7; beta: project 4 + partnership 1 = 5; eta: project 4;
    # cat: employer 3. Strongest first.
    assert strengths(rows) == [("ann-archer", 7), ("beta-council", 5), ("eta-fund", 4), ("cat-cole", 3)]
    beta = rows[1]
    assert beta["via"] == ["project", "network"]
    assert beta["evidence"] == [
        "project Digital Skills Project (digital-skills-project): lead partner / partner",
        "network Town Learning Partnership (town-learning-partnership): partner / partner"]
    # the project ran 2018-2020; the partnership is undated
    assert (beta["first_year"], beta["last_year"]) == (2018, 2020)
    assert rows[3]["evidence"] == ["employment: employs Cat Cole"]


def test_event_ties_weigh_organising_above_attending(backend):
    from graph.queries.collaborators import collaborator_rows

    rows = collaborator_rows(backend, "gamma-college")
    # beta: health project 4; bob: employer 3; delta: co-organised the festival 3;
    # hometown: only took part in the festival gamma hosted, 2. Ties (3) broken by id.
    assert strengths(rows) == [("beta-council", 4), ("bob-baker", 3), ("delta-charity", 3), ("hometown", 2)]
    assert rows[2]["evidence"] == ["event Learning Festival (learning-festival): host / co-lead"]
    assert (rows[2]["first_year"], rows[2]["last_year"]) == (2019, 2019)
    assert strengths(collaborator_rows(backend, "gamma-college", via="event")) == [
        ("delta-charity", 3), ("hometown", 2)]
    assert strengths(collaborator_rows(backend, "gamma-college", kind="Person")) == [("bob-baker", 3)]


def test_a_place_collaborates_through_events_and_networks(backend):
    from graph.queries.collaborators import collaborator_rows

    rows = collaborator_rows(backend, "Hometown")
    # far-city: summit 2 + global network 1 = 3; dan: summit 2; delta and gamma: festival 2 each
    assert strengths(rows) == [("far-city", 3), ("dan-dale", 2), ("delta-charity", 2), ("gamma-college", 2)]
    assert rows[0]["via"] == ["event", "network"]
    assert (rows[0]["first_year"], rows[0]["last_year"]) == (2022, 2022)
    # dan's two roles at one event: one item, weight 2, both roles in the evidence
    assert rows[1]["evidence"] == [
        "event Learning Cities Summit (learning-cities-summit): participant / attendee, speaker"]


def test_a_person_has_employer_and_colleagues(backend):
    from graph.queries.collaborators import collaborator_rows

    rows = collaborator_rows(backend, "ann-archer")
    # alpha: project 4 + employer 3 = 7; beta, eta: project 4; cat: colleague at alpha 1
    assert strengths(rows) == [("alpha-university", 7), ("beta-council", 4), ("eta-fund", 4), ("cat-cole", 1)]
    assert rows[0]["evidence"] == [
        "project Digital Skills Project (digital-skills-project): works on it / lead partner",
        "employment: works for Alpha University (researcher)"]
    # colleagues while both were there: ann from 2017, cat 2015-2018 -> 2017-2018
    assert (rows[3]["first_year"], rows[3]["last_year"]) == (2017, 2018)
    assert strengths(collaborator_rows(backend, "ann-archer", via="employment")) == [
        ("alpha-university", 3), ("cat-cole", 1)]


@pytest.mark.parametrize("node, as_of, expected", [
    # 2019: the project (2018-2020) and ann's job (from 2017) are active; cat left in 2018
    ("ann-archer", "2019", [("alpha-university", 7), ("beta-council", 4), ("eta-fund", 4)]),
    # 2017: no project yet; ann's job and cat's (2015-2018) overlap
    ("ann-archer", "2017-05", [("alpha-university", 3), ("cat-cole", 1)]),
    # 2016: only cat works there; the undated partnership counts as always active
    ("alpha-university", "2016", [("cat-cole", 3), ("beta-council", 1)]),
    # June 2019: the festival (2019-06) and the undated global network, not the 2022 summit
    ("hometown", "2019-06-20", [("delta-charity", 2), ("gamma-college", 2), ("far-city", 1)]),
    ("hometown", "2019-07", [("far-city", 1)]),
])
def test_as_of_keeps_only_ties_active_on_that_date(backend, node, as_of, expected):
    from graph.queries.collaborators import collaborator_rows

    assert strengths(collaborator_rows(backend, node, as_of=as_of)) == expected


def test_since_drops_work_that_ended_before(backend):
    from graph.queries.collaborators import collaborator_rows

    # since 2021: the project ended 2020, cat left 2018; ann's job and the partnership are open
    assert strengths(collaborator_rows(backend, "alpha-university", since=2021)) == [
        ("ann-archer", 3), ("beta-council", 1)]
    assert strengths(collaborator_rows(backend, "alpha-university", limit=2)) == [
        ("ann-archer", 7), ("beta-council", 5)]


def test_open_ended_work_has_no_last_year(backend):
    from graph.queries.collaborators import collaborator_rows

    # gamma and beta share the health project, 2021 with no end: still running, not "2021-2021"
    beta = collaborator_rows(backend, "gamma-college")[0]
    assert (beta["id"], beta["first_year"], beta["last_year"]) == ("beta-council", 2021, None)
    # ann works for alpha from 2017, no end; the project (2018-2020) ended, the job did not
    ann = collaborator_rows(backend, "alpha-university")[0]
    assert (ann["id"], ann["first_year"], ann["last_year"]) == ("ann-archer", 2017, None)
    # still so on a date when the tie is active
    ann = collaborator_rows(backend, "alpha-university", as_of="2024")[0]
    assert (ann["id"], ann["first_year"], ann["last_year"]) == ("ann-archer", 2017, None)
    # work that ended keeps its last year; wholly undated work gives no years at all
    hometown = {r["id"]: r for r in collaborator_rows(backend, "hometown", as_of="2019-07")}
    assert (hometown["far-city"]["first_year"], hometown["far-city"]["last_year"]) == (None, None)


def test_since_takes_a_month_or_a_day(backend, lcg):
    from graph.queries.collaborators import collaborator_rows

    # gamma: the festival (2019-06) still ran in June 2019, not in July; the health project (2021-) and
    # bob's undated job run on
    june = [("beta-council", 4), ("bob-baker", 3), ("delta-charity", 3), ("hometown", 2)]
    assert strengths(collaborator_rows(backend, "gamma-college", since="2019-06")) == june
    assert strengths(collaborator_rows(backend, "gamma-college", since="2019-06-30")) == june
    assert strengths(collaborator_rows(backend, "gamma-college", since="2019-07")) == [
        ("beta-council", 4), ("bob-baker", 3)]
    assert collaborator_rows(backend, "gamma-college", since=2019) == collaborator_rows(
        backend, "gamma-college", since="2019")
    r = lcg("collaborators", "gamma-college", "--since", "2019-07", "--data", DATA, "--format", "csv")
    assert r.exit_code == 0, r.output
    assert [line.split(",")[0] for line in r.stdout.splitlines()[1:]] == ["beta-council", "bob-baker"]
    r = lcg("collaborators", "gamma-college", "--since", "2019-13", "--data", DATA)
    assert r.exit_code == 2 and r.stderr.strip().count("\n") == 0 and "--since" in r.stderr


def test_a_cut_list_says_how_many_there_are(lcg):
    r = lcg("collaborators", "gamma-college", "--limit", "2", "--data", DATA, "--format", "csv")
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 3
    assert "Showing 2 of 4 collaborators; --limit 0 shows all" in r.stderr
    for limit in ("4", "0"):
        r = lcg("collaborators", "gamma-college", "--limit", limit, "--data", DATA, "--format", "csv")
        assert r.exit_code == 0 and len(r.stdout.splitlines()) == 5 and "Showing" not in r.stderr

def test_collaborator_strengths_equal_the_projection_weights(backend):
    """Two code paths (neighbourhood walk, whole-graph projection), one definition."""
    from graph.queries.strength import collaboration_network
    from graph.queries.collaborators import collaborator_rows

    proj = collaboration_network(backend)
    weights = {(a, b): w for a, b, w in proj.edges}
    assert sum(weights.values()) == 53  # the m of the module docstring
    for actor in proj.actors:
        for r in collaborator_rows(backend, actor):
            assert weights[tuple(sorted((actor, r["id"])))] == r["strength"], (actor, r["id"])
    assert sum(len(collaborator_rows(backend, a)) for a in proj.actors) == 2 * len(weights)
    # the item-by-item records behind the rows: one per shared item (or employer tie)
    from graph.queries.collaborators import shared_with

    for actor in proj.actors:
        node = backend.node(actor)
        assert len(shared_with(backend, node)) == sum(r["shared"] for r in collaborator_rows(backend, actor))


def test_collaborators_cli(lcg):
    r = lcg("collaborators", "Gamma College", "--data", DATA, "--format", "json")
    assert r.exit_code == 0, r.output
    assert [row["id"] for row in json.loads(r.stdout)] == ["beta-council", "bob-baker", "delta-charity", "hometown"]
    r = lcg("collaborators", "gamma-college", "--data", DATA, "--format", "csv", "--via", "event")
    assert r.stdout.splitlines()[0] == "id,name,kind,strength,shared,via,first_year,last_year,evidence"
    assert len(r.stdout.splitlines()) == 3
    r = lcg("collaborators", "digital-skills-project", "--data", DATA)
    assert r.exit_code == 1 and "is a Project" in r.stderr
    r = lcg("collaborators", "gamma-college", "--as-of", "2019-13-45", "--data", DATA)
    assert r.exit_code == 2 and "--as-of" in r.stderr and len(r.stderr.splitlines()) == 1
    r = lcg("collaborators", "gamma-college", "--since", "2999", "--data", DATA)
    assert r.exit_code == 2 and "'2999' is in the future" in r.stderr
    r = lcg("collaborators", "Gamma Colege", "--data", DATA)
    assert r.exit_code == 1 and "gamma-college" in r.stderr  # closest id suggested


def test_ambiguous_name_lists_candidates(lcg):
    # "digital" starts the names of a project and two themes equally well
    r = lcg("collaborators", "Digital", "--data", DATA)
    assert r.exit_code == 1
    assert "digital-inclusion" in r.stderr and "digital-skills" in r.stderr


# --- path ---------------------------------------------------------------------------

def test_all_shortest_paths_with_names_and_directions(backend):
    from graph.queries.path import path_rows

    rows, total = path_rows(backend, "hometown", "far-city")
    # two 2-hop routes: the global network both belong to, the summit both attended
    assert total == 2
    assert [r["path"] for r in rows] == [
        "Hometown -MEMBER_OF-> Global Network of Learning Cities <-MEMBER_OF- Far City",
        "Hometown -PARTICIPATED_IN(participant)-> Learning Cities Summit <-PARTICIPATED_IN(participant)- Far City"]
    assert rows[0]["ids"] == ["hometown", "global-learning-cities", "far-city"]


def test_themes_are_a_connection_only_when_asked(backend):
    from graph.queries.path import path_rows

    rows, _ = path_rows(backend, "gamma-college", "alpha-university")
    # without themes the only 3-hop route: festival <- hometown <- alpha located there
    # (gamma -> health-project -> beta -> digital project -> alpha is 4 hops)
    assert [r["ids"] for r in rows] == [
        ["gamma-college", "learning-festival", "hometown", "alpha-university"]]
    rows, _ = path_rows(backend, "gamma-college", "alpha-university", themes=True)
    # plus: the festival and alpha both address digital inclusion (also 3 hops)
    assert [r["ids"] for r in rows] == [
        ["gamma-college", "learning-festival", "digital-inclusion", "alpha-university"],
        ["gamma-college", "learning-festival", "hometown", "alpha-university"]]


def test_path_through_a_node(backend):
    from graph.queries.path import path_rows

    rows, _ = path_rows(backend, "dan-dale", "alpha-university", through="far-city")
    # dan -> summit <- far-city (2), far-city -> global network <- hometown <- alpha (3);
    # dan has two ties to the summit (attendee, speaker): two chains over the same nodes
    assert [r["hops"] for r in rows] == [5, 5]
    assert [r["path"].split(" Learning Cities Summit")[0] for r in rows] == [
        "Dan Dale -PARTICIPATED_IN(attendee)->", "Dan Dale -PARTICIPATED_IN(speaker)->"]
    assert rows[0]["ids"] == rows[1]["ids"] == ["dan-dale", "learning-cities-summit", "far-city", "global-learning-cities",
                              "hometown", "alpha-university"]


def test_no_connection_is_said_and_exits_zero(lcg):
    # dan -> summit <- hometown <- alpha is 3 hops
    r = lcg("path", "dan-dale", "alpha-university", "--max-hops", "2", "--data", DATA)
    assert r.exit_code == 0
    assert "No connection between dan-dale and alpha-university within 2 hops" in r.stdout
    r = lcg("path", "dan-dale", "alpha-university", "--max-hops", "2", "--data", DATA, "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == [] and "No connection" in r.stderr
    r = lcg("path", "dan-dale", "alpha-university", "--data", DATA, "--format", "json")
    assert json.loads(r.stdout)[0]["path"] == ("Dan Dale -PARTICIPATED_IN(attendee)-> Learning Cities Summit "
                                               "<-PARTICIPATED_IN(participant)- Hometown <-LOCATED_IN- Alpha University")
    r = lcg("path", "zeta-lonely", "zeta-lonely", "--data", DATA)
    assert r.exit_code == 1


def test_no_connection_to_a_theme_suggests_themes(lcg):
    # only the summit's ADDRESSES tie reaches green skills: without --themes it stands alone
    r = lcg("path", "zeta-lonely", "green-skills", "--data", DATA)
    assert r.exit_code == 0
    assert "No connection between zeta-lonely and green-skills" in r.stdout
    assert "green-skills is a theme; add --themes" in r.stdout
    r = lcg("path", "zeta-lonely", "green-skills", "--data", DATA, "--themes")
    assert r.exit_code == 0 and "--themes" not in r.output
    r = lcg("path", "dan-dale", "alpha-university", "--max-hops", "2", "--data", DATA)
    assert "theme" not in r.stdout  # two actors: nothing to suggest

# --- brokers and clusters -------------------------------------------------------------

def test_betweenness_order_worked_by_hand(backend):
    """Tie length is 1/weight. Within each dense group every direct tie is the shortest route
    (e.g. ann-beta 1/4 = 0.25 < ann-alpha-beta 1/7 + 1/5 = 0.34), except cat: cat-ann direct 1
    > cat-alpha-ann 1/3 + 1/7 = 0.48, so all of cat's routes go through alpha. The rest is a
    chain of cut points:  {alpha, ann, cat, eta} - beta - gamma(- bob) - {delta} - hometown - {far, dan}

    Routes (unordered pairs) through each:
      gamma: G - gamma splits {bob} 1, {delta, hometown, far, dan} 4, {beta, alpha, ann, cat, eta} 5
             -> 1*4 + 1*5 + 4*5 = 29
      beta:  {alpha, ann, cat, eta} 4 x {gamma, bob, delta, hometown, far, dan} 6 = 24
      hometown: {far, dan} 2 x the other 8 = 16
      alpha: cat with each of the other 9 = 9
      everyone else 0 (delta: gamma-hometown 1/2 direct < 1/3 + 1/2 via delta)
    Normalised by the pairs of other actors among n = 12 (zeta included): 11 * 10 / 2 = 55.
    """
    from graph.queries.brokers import broker_rows

    rows, info = broker_rows(backend)
    assert info["sampled"] is None and info["actors"] == 12
    assert [(r["id"], r["betweenness"]) for r in rows[:4]] == [
        ("gamma-college", round(29 / 55, 6)), ("beta-council", round(24 / 55, 6)),
        ("hometown", round(16 / 55, 6)), ("alpha-university", round(9 / 55, 6))]
    # the zeros by id; zeta (no ties) is not listed
    assert [r["id"] for r in rows[4:]] == ["ann-archer", "bob-baker", "cat-cole", "dan-dale", "delta-charity",
                                           "eta-fund", "far-city"]
    assert all(r["betweenness"] == 0 for r in rows[4:])
    by_id = {r["id"]: r for r in rows}
    # degree and strength (weighted degree): gamma - beta 4, bob 3, delta 3, hometown 2
    assert (by_id["gamma-college"]["degree"], by_id["gamma-college"]["strength"]) == (4, 12)
    # alpha - ann 7, beta 5, eta 4, cat 3
    assert (by_id["alpha-university"]["degree"], by_id["alpha-university"]["strength"]) == (4, 19)
    # clusters touched (see the clusters test): gamma and beta bridge the two clusters
    assert {i: r["clusters"] for i, r in by_id.items() if r["clusters"] > 1} == {"gamma-college": 2, "beta-council": 2}
    assert [r["rank"] for r in rows] == list(range(1, 12))


def test_sampled_betweenness_is_seeded_and_says_so(backend):
    from graph.queries.brokers import broker_rows

    a, info = broker_rows(backend, sample=6, exact_up_to=5, seed=3)
    b, _ = broker_rows(backend, sample=6, exact_up_to=5, seed=3)
    assert info["sampled"] == 6 and a == b
    exact, _ = broker_rows(backend)
    assert a != exact  # 6 of 12 sources estimate, they do not reproduce


def test_clusters_worked_by_hand(backend):
    """Modularity Q = sum over clusters of (internal weight / m - (strength sum / 2m)^2), m = 53.
    Strengths: alpha 19, ann 16, cat 4, beta 17, eta 12, gamma 12, bob 3, delta 5, hometown 9, far 5, dan 4.
      A = {alpha, ann, cat, beta, eta}: internal 7+3+1+5+4+4+4+4 = 32, strengths 68
      B = {gamma, bob, delta}: internal 6, strengths 20;  C = {hometown, far, dan}: internal 7, strengths 18
      A | B | C:       45/53 - (68^2 + 20^2 + 18^2)/106^2 = 0.3731
      A | B+C:         B+C internal 6 + 7 + gamma-hometown 2 + delta-hometown 2 = 17, strengths 38
                       49/53 - (68^2 + 38^2)/106^2 = 0.384478   <- the best; Louvain merges B and C
      A+gamma | rest:  45/53 - (80^2 + 26^2)/106^2 = 0.2193
    Themes: cluster of A: digital inclusion (digital project, alpha's own theme) 2, digital skills 1 and
    health 1 (the health project, shared with gamma); the other: festival (digital inclusion), health
    project (health, digital skills), summit (green skills), all 1, the first three by id.
    """
    from graph.queries.clusters import cluster_rows

    rows, info = cluster_rows(backend)
    assert info["modularity"] == round(49 / 53 - (68 ** 2 + 38 ** 2) / 106 ** 2, 6)
    assert [(r["cluster"], r["member_ids"]) for r in rows] == [
        (1, ["bob-baker", "dan-dale", "delta-charity", "far-city", "gamma-college", "hometown"]),
        (2, ["alpha-university", "ann-archer", "beta-council", "cat-cole", "eta-fund"])]
    assert rows[1]["themes"] == ["Digital inclusion (2)", "Digital skills (1)", "Health and well-being (1)"]
    assert rows[0]["themes"] == ["Digital inclusion (1)", "Digital skills (1)", "Green skills (1)"]
    assert cluster_rows(backend, seed=7)[0] == rows  # a clear optimum does not depend on the seed


def test_brokers_and_clusters_cli(lcg):
    r = lcg("brokers", "--data", DATA, "--kind", "person", "--format", "csv")
    assert r.exit_code == 0
    assert [line.split(",")[1] for line in r.stdout.splitlines()[1:]] == ["ann-archer", "bob-baker", "cat-cole",
                                                                          "dan-dale"]
    assert "exact over 12 actors" in r.stderr
    r = lcg("clusters", "--data", DATA)
    assert r.exit_code == 0 and "modularity 0.384478" in r.stderr
    assert "Bob Baker; Dan Dale" in r.stdout


# --- gaps ---------------------------------------------------------------------------

def test_gaps_each_with_its_reason(backend):
    from graph.queries.gaps import gap_rows

    rows = gap_rows(backend)
    assert [(r["gap"], r["id"], r["why"]) for r in rows] == [
        # digital inclusion has 2 projects counting its sub-theme digital skills: not a gap
        ("theme", "digital-skills", "only 1 project addresses this theme: Health Project"),
        ("theme", "green-skills", "no project addresses this priority"),  # only the summit
        ("theme", "health-wellbeing", "only 1 project addresses this priority: Health Project"),
        ("organisation", "zeta-lonely", "no collaborator: shares no project, event, network or staff with "
                                        "anyone; its ties: -LOCATED_IN-> Hometown, -MEMBER_OF-> Dormant Forum"),
        # town-learning-partnership has the digital project: not a gap
        ("network", "dormant-forum", "no project or event is tied to this network"),
        ("network", "far-city-forum", "no project or event is tied to this network"),
        ("network", "global-learning-cities", "no project or event is tied to this network"),
        ("person", "dan-dale", "no affiliation: works for no organisation"),
    ]
    assert [r["id"] for r in gap_rows(backend, few=0, only="theme")] == ["green-skills"]


def test_network_gaps_for_one_city(backend, lcg):
    from graph.queries.gaps import gap_rows

    # hometown is a member of the global network; zeta, located there, of the dormant forum;
    # alpha's partnership has a project; far-city-forum is not hometown's
    rows = gap_rows(backend, city="hometown", only="network")
    assert [(r["id"], r["why"]) for r in rows] == [
        ("dormant-forum", "no project or event is tied to this network; Zeta Lonely Ltd (Hometown) is a member"),
        ("global-learning-cities", "no project or event is tied to this network; Hometown is a member")]
    r = lcg("gaps", "--city", "alpha-university", "--data", DATA)
    assert r.exit_code == 1 and "give a place" in r.stderr


# --- timeline -------------------------------------------------------------------------

def test_timeline_in_date_order_and_window(backend, lcg):
    from graph.errors import BadRange, LcgError
    from graph.queries.timeline import timeline_rows

    rows, undated = timeline_rows(backend)
    assert undated == 0
    assert [(r["start"], r["id"]) for r in rows] == [
        ("2018", "digital-skills-project"), ("2019-06", "learning-festival"),
        ("2021", "health-project"), ("2022-03", "learning-cities-summit")]
    # 2020-2021: the project ending 2020 and the one starting 2021 (no end: still running)
    rows, _ = timeline_rows(backend, date_from="2020", date_to="2021")
    assert [r["id"] for r in rows] == ["digital-skills-project", "health-project"]
    rows, _ = timeline_rows(backend, date_from="2022-04")
    assert [r["id"] for r in rows] == ["health-project"]
    # June 2019: the festival, and the project running 2018-2020 (sorted by start)
    with pytest.raises(BadRange, match="date_from='2021' is after date_to='2019'"):
        timeline_rows(backend, date_from="2021", date_to="2019")
    assert timeline_rows(backend, date_from="2019-06", date_to="2019")[0]  # within one year: not backwards
    r = lcg("timeline", "--from", "2021", "--to", "2019", "--data", DATA)
    assert r.exit_code == 2 and "--from 2021 is after --to 2019" in r.stderr
    r = lcg("timeline", "--from", "2019-06", "--to", "2019-06", "--data", DATA, "--format", "csv")
    assert r.stdout.splitlines() == ["start,end,kind,type,id,name",
                                     "2018,2020,Project,,digital-skills-project,Digital Skills Project",
                                     "2019-06,,Event,festival,learning-festival,Learning Festival"]


def test_every_command_has_an_example_in_help(lcg):
    for cmd in ("collaborators", "path", "brokers", "clusters", "gaps", "timeline"):
        r = lcg(cmd, "--help")
        assert r.exit_code == 0 and "Example:" in r.stdout and "--format" in r.stdout, cmd


def test_docs_state_the_weights_the_code_uses():
    """docs/queries.md promises the weights; a change in one place must show in the other."""
    import re

    from conftest import ROOT
    from graph.queries.strength import WEIGHTS

    text = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    documented = {m.group(1): int(m.group(2)) for m in re.finditer(r"^\| ([a-z -]+) \| (\d+) \|", text, re.M)}
    assert documented == WEIGHTS


class FreshRecordsBackend:
    """The embedded backend, but every call returns new, equal records, as a server-backed one does
    (rows from Bolt are decoded afresh): no query may rely on two rows sharing one object."""

    def __init__(self, inner):
        self.inner = inner

    @staticmethod
    def _n(n):
        from graph.backends.base import NodeRecord

        return NodeRecord(n.id, n.kind, dict(n.props))

    @staticmethod
    def _t(t):
        from graph.backends.base import Tie

        return Tie(t.kind, t.start, t.end, dict(t.props))

    def node(self, node_id):
        n = self.inner.node(node_id)
        return self._n(n) if n else None

    def nodes(self, kinds=None):
        return [self._n(n) for n in self.inner.nodes(kinds)]

    def relationships(self, kinds=None):
        return [self._t(t) for t in self.inner.relationships(kinds)]

    def incident(self, node_ids, **kw):
        return [(i, self._t(t), self._n(n)) for i, t, n in self.inner.incident(node_ids, **kw)]

    def co_participation_strengths(self, node_id, weights, **kw):
        return self.inner.co_participation_strengths(node_id, weights, **kw)

    def counts(self):
        return self.inner.counts()


def test_rows_do_not_depend_on_record_identity(backend):
    from graph.queries.brokers import broker_rows
    from graph.queries.clusters import cluster_rows
    from graph.queries.collaborators import collaborator_rows
    from graph.queries.gaps import gap_rows

    fresh = FreshRecordsBackend(backend)
    # eta holds two ties at the digital project: its pairs there must merge into one item
    eta = collaborator_rows(fresh, "eta-fund")
    assert strengths(eta) == [("alpha-university", 4), ("ann-archer", 4), ("beta-council", 4)]
    assert eta[0]["evidence"] == [
        "project Digital Skills Project (digital-skills-project): delivery partner, funder / lead partner"]
    for actor in [n.id for n in backend.nodes(["Organisation", "Person", "Place"])]:
        for as_of in (None, "2019"):
            assert collaborator_rows(fresh, actor, as_of=as_of) == collaborator_rows(backend, actor, as_of=as_of)
    assert broker_rows(fresh) == broker_rows(backend)
    assert cluster_rows(fresh) == cluster_rows(backend)
    assert gap_rows(fresh, city="hometown") == gap_rows(backend, city="hometown")


def test_an_organisation_whose_only_tie_is_its_own_contact_is_a_gap(tmp_path):
    """A partner list's contact works for one organisation: staff shared with no one is no collaboration (a
    trial's gaps listed 5 of 40 organisations, the rest having each its own contact); a person who works for
    two organisations ties them."""
    from graph.backends.embedded import EmbeddedBackend
    from graph.dataset import load_dataset
    from graph.queries.gaps import gap_rows

    (tmp_path / "organisations.yaml").write_text(
        "- {id: alpha, name: Alpha Trust, people: [jo]}\n- {id: beta, name: Beta Hub, people: [raj]}\n"
        "- {id: gamma, name: Gamma Club, people: [raj]}\n")
    (tmp_path / "people.yaml").write_text("- {id: jo, name: Jo Bloggs}\n- {id: raj, name: Raj Patel}\n")
    rows = gap_rows(EmbeddedBackend.from_dataset(load_dataset(tmp_path)), only="organisation")
    assert [r["id"] for r in rows] == ["alpha"] and "its ties: <-WORKS_FOR- Jo Bloggs" in rows[0]["why"], rows
