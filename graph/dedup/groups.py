"""Groups from pairs: overlapping projects as small stars (``overlap_groups``), duplicate records as
merge groups whose members agree with each other (``merge_groups``).

Overlap groups stay small: each group is a star around one project.

Connected components of overlap pairs chain: a-b, b-c, c-d, ... joins projects
that have nothing in common, and on generated data 635 of 643 pairs fell into
one "group". Here a group is a centre project and the projects that overlap it
directly, so every member of a group overlaps the centre (two members are at
most two steps apart). Centres are chosen greedily: the project with the most
pairs not yet in a group (then the higher sum of their scores, then the smaller
id) takes all its remaining pairs and the remaining pairs among its members.
A project may therefore appear in more than one group; each pair is in exactly
one. The result depends only on the set of pairs, not their order.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

__all__ = ["overlap_groups", "merge_groups", "groups_of"]


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def overlap_groups(pairs) -> dict[tuple[str, str], int]:
    """{(a, b) with a < b: group number from 1}, groups numbered in the order their centres were chosen.

    ``pairs`` are (a, b, score) tuples or objects with ``a``, ``b`` and ``score``.
    """
    score: dict[tuple[str, str], float] = {}
    for p in pairs:
        a, b, s = (p.a, p.b, p.score) if hasattr(p, "a") else p
        if a != b:
            k = _key(a, b)
            score[k] = max(s, score.get(k, s))
    open_: dict[str, set[str]] = defaultdict(set)  # project -> partners whose pair has no group yet
    wsum: dict[str, float] = defaultdict(float)  # project -> sum of the scores of those pairs
    for (a, b), s in score.items():
        open_[a].add(b)
        open_[b].add(a)
        wsum[a] += s
        wsum[b] += s

    def weight(x: str) -> tuple[int, float]:
        return len(open_[x]), round(wsum[x], 9)  # rounded: the sum's last bits depend on the order of adding

    heap = [(-d, -w, x) for x in open_ for d, w in [weight(x)]]
    heapq.heapify(heap)
    group_of: dict[tuple[str, str], int] = {}
    n = 0
    while heap:
        d, w, centre = heapq.heappop(heap)
        current = weight(centre)
        if current[0] == 0:
            continue
        if (-d, -w) != current:  # stale entry: the centre lost pairs to an earlier group
            heapq.heappush(heap, (-current[0], -current[1], centre))
            continue
        n += 1
        members = {centre, *open_[centre]}
        touched = set()
        for m in members:
            for other in open_[m] & members:
                k = _key(m, other)
                if k not in group_of:
                    group_of[k] = n
                    wsum[m] -= score[k]
                    wsum[other] -= score[k]
            open_[m] -= members
            touched.add(m)
        for x in sorted(touched - {centre}):
            if open_[x]:
                dx, wx = weight(x)
                heapq.heappush(heap, (-dx, -wx, x))
    return group_of


def merge_groups(pairs, *, min_linked: float | None = None) -> list[list[str]]:
    """Groups of ids safe to merge: connected groups whose members are each paired with most of the others.

    Merging is transitive, so a plain connected group chains: a~b and b~c merge a
    and c though nothing says they are one. Here, while some member of a group is
    paired with fewer than ``min_linked`` of the other members (of at most
    ``GROUP_LINKS_CHECKED`` of them: each name is only compared with its nearest
    names, so a large true group is never fully paired), the group's weakest
    pair is cut and the group split again; a pair cut is still listed, for review.
    Each group sorted, largest first.
    """
    from . import weights as W

    min_linked = W.GROUP_MIN_LINKED if min_linked is None else min_linked
    raw = [(p.a, p.b, p.score) if hasattr(p, "a") else (*p[:2], p[2] if len(p) > 2 else 1.0) for p in pairs]
    # exact pairs (same normalised name, same identifier) join into one atom first, named by its first id
    atom_of = {x: g[0] for g in groups_of([(p.a, p.b) for p in pairs if getattr(p, "exact", False)]) for x in g}

    def atom(x: str) -> str:
        return atom_of.setdefault(x, x)

    for a, b, _ in raw:
        atom(a), atom(b)
    members: dict[str, list[str]] = defaultdict(list)
    for x, at in atom_of.items():
        members[at].append(x)
    score: dict[tuple[str, str], float] = {}
    for a, b, s in raw:
        a, b = atom(a), atom(b)
        if a != b:
            score[_key(a, b)] = max(s, score.get(_key(a, b), s))
    adj: dict[str, set[str]] = defaultdict(set)
    for a in members:
        adj[a]  # every atom, linked or not
    for a, b in score:
        adj[a].add(b)
        adj[b].add(a)
    done, seen = [], set()
    for start in sorted(adj):
        if start in seen:
            continue
        todo = [_component(adj, start)]
        seen |= todo[0]
        while todo:
            group = todo.pop()
            size = sum(len(members[x]) for x in group)  # records, not atoms: a link to an atom reaches all of it

            def linked(x: str) -> bool:
                reached = sum(len(members[y]) for y in adj[x] & group)
                return reached >= min_linked * min(size - len(members[x]), W.GROUP_LINKS_CHECKED)

            if len(group) <= 2 or all(linked(x) for x in group):
                ids = sorted(y for x in group for y in members[x])
                if len(ids) > 1:
                    done.append(ids)
                continue
            edges = [(score[_key(a, b)], _key(a, b)) for a in group for b in adj[a] & group if a < b]
            cut = max(1, len(edges) // 20)  # cut the weakest few at a time: big chains split in few rounds
            for _, (a, b) in sorted(edges)[:cut]:
                adj[a].discard(b)
                adj[b].discard(a)
            left = set(group)
            while left:
                part = _component(adj, next(iter(left)), within=group)
                left -= part
                todo.append(part)
    return sorted(done, key=lambda g: (-len(g), g[0]))


def _component(adj, start: str, within=None) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for y in adj[todo.pop()]:
            if y not in seen and (within is None or y in within):
                seen.add(y)
                todo.append(y)
    return seen


def groups_of(pairs) -> list[list[str]]:
    """Connected groups of ids from pairs (union-find), each sorted, largest first."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        a, b = (p.a, p.b) if hasattr(p, "a") else p
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = defaultdict(list)
    for x in parent:
        groups[root(x)].append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))
