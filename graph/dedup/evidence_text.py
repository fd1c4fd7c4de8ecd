"""A pair's evidence as facts (for JSON) and as sentences (for the table), in the order a coordinator checks.

Recipient first (the same organisation, named), then who pays and how much,
the programme, the exact periods with the overlap or gap in months, the place,
and last the distinctive words both use -- or that the only words in common are
their funders' or programmes' vocabulary.
"""

from __future__ import annotations

__all__ = ["describe"]


def _money(amount, currency: str) -> str:
    try:
        value = float(amount)
    except (TypeError, ValueError):
        return f"{currency} {amount}".strip()
    text = f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return f"{currency} {text}".strip()


def _period(p) -> str:
    if not p.start and not p.end:
        return "dates unknown"
    if not p.end or p.end == p.start:
        return str(p.start or p.end)
    return f"{p.start or '?'} to {p.end}"


def _payers(p, names) -> list[dict]:
    amounts: dict[str, list] = {}
    for payer, amount, currency in p.amounts:
        amounts.setdefault(payer, []).append((amount, currency))
    out = []
    for verb, ids in (("funded", p.funders), ("commissioned", p.commissioners)):
        for i in sorted(ids):
            paid = amounts.get(i) or [(None, "")]
            for amount, currency in paid:
                out.append({"id": i, "name": names.get(i, i), "as": verb, "amount": amount, "currency": currency})
    return out


def _merged(pa: list[dict], pb: list[dict]) -> list[dict]:
    """One payer list for two projects with the same payers: each payer once, both amounts ("GBP 2,000 and GBP 1,500")."""
    out = []
    for x, y in zip(pa, pb):
        money = [_money(p["amount"], p["currency"]) for p in (x, y) if p["amount"] is not None]
        out.append({**x, "money": " and ".join(dict.fromkeys(money)) if len(money) == 2 and money[0] == money[1]
                    else " and ".join(money)})
    return out


def _paid_text(payers: list[dict]) -> str:
    by_verb: dict[str, list[str]] = {}
    for x in payers:
        money = x.get("money") if "money" in x else (_money(x["amount"], x["currency"]) if x["amount"] is not None
                                                     else "")
        by_verb.setdefault(x["as"], []).append(x["name"] + (f" ({money})" if money else ""))
    return "; ".join(f"{verb} by {', '.join(who)}" for verb, who in by_verb.items())


def describe(a, b, ev, names: dict, words) -> tuple[dict, list[str]]:
    """(facts with lists of records, sentences) for the pair ``a``-``b`` and its Evidence ``ev``."""
    def named(ids) -> list[str]:
        return sorted(names.get(i, i) for i in ids)

    pa, pb = _payers(a, names), _payers(b, names)
    facts = {
        "same_recipient": [{"id": i, "name": names.get(i, i)} for i in sorted(ev.same_org)],
        "organisations": {"a": named(a.partners), "b": named(b.partners)},
        "payers": {"a": pa, "b": pb},
        "programmes": {"a": named(a.programmes), "b": named(b.programmes), "shared": named(a.programmes & b.programmes)},
        "periods": {"a": {"start": a.start, "end": a.end}, "b": {"start": b.start, "end": b.end}},
        "timing": {"relation": ev.timing.relation, "months": ev.timing.months},
        "places": {"a": named(a.places), "b": named(b.places), "shared": named(a.places & b.places)},
        "shared_words": list(ev.shared),
        "programme_words": list(ev.programme_shared),
        "text_similarity": ev.text,
        "core_funding": ev.core,
    }
    aside = ev.branches
    if aside:
        facts["branches_set_aside"] = [{"id": i, "name": names.get(i, i), "a": x, "b": y} for i, x, y in aside]
    out = []
    if ev.same_org:
        out.append(f"same {'recipient' if len(ev.same_org) == 1 else 'partners'}: {', '.join(named(ev.same_org))}")
    elif a.partners and b.partners and not aside:
        out.append(f"different organisations ({', '.join(named(a.partners))} / {', '.join(named(b.partners))})")
    for i, x, y in aside:
        out.append(f"one charity number, two branches: {x} / {y}" if x is not None else
                   f"one charity number, branches in different places: {names.get(i, i)}")
    if pa and pb:
        if a.payers == b.payers:
            out.append(f"both {_paid_text(_merged(pa, pb))}")
        else:
            out.append(f"one {_paid_text(pa)}, the other {_paid_text(pb)}")
    elif pa or pb:
        out.append(f"only one has a payer: {_paid_text(pa or pb)}")
    shared_prog = a.programmes & b.programmes
    if shared_prog:
        out.append(f"same programme: {', '.join(named(shared_prog))}")
    elif a.programmes or b.programmes:
        out.append(f"programmes: {', '.join(named(a.programmes)) or 'none'} / {', '.join(named(b.programmes)) or 'none'}")
    periods = f"{_period(a)}; {_period(b)}"
    t = ev.timing
    if t.relation == "overlap":
        out.append(f"periods overlap by {t.months} month{'s' if t.months != 1 else ''} ({periods})")
    elif t.relation == "apart":
        first, second = ("first", "second") if t.first == a.id else ("second", "first")
        out.append(f"the {second} starts {t.months} month{'s' if t.months != 1 else ''} after the {first} ends "
                   f"({periods})")
    elif t.relation == "adjacent":
        first, second = ("first", "second") if t.first == a.id else ("second", "first")
        out.append(f"back to back: the {second} starts within a month of the {first}'s end ({periods})")
    else:
        out.append(f"periods not known for both ({periods})")
    if ev.place == 1.0:
        out.append(f"both in {', '.join(named(a.places & b.places))}")
    elif ev.place:
        out.append(f"places within one area ({', '.join(named(a.places))} / {', '.join(named(b.places))})")
    themes, groups = a.themes & b.themes, a.target_groups & b.target_groups
    if themes or groups:
        out.append("both " + "; ".join(x for x in (f"address {', '.join(named(themes))}" if themes else "",
                                                   f"for {', '.join(sorted(groups))}" if groups else "") if x))
    if ev.core:
        out.append(f"both are core (unrestricted) funding of {', '.join(named(ev.same_org))}")
    if ev.shared:
        out.append(f"both: {', '.join(ev.shared)} (text similarity {ev.text:.2f})")
    if ev.programme_shared:
        what = "only their funders' or programmes' usual words in common" if not ev.shared else \
            "also in common, but usual in their funders' or programmes' grants"
        out.append(f"{what}: {', '.join(ev.programme_shared)}")
    elif not ev.shared:
        out.append("no distinctive words in common")
    return facts, out
