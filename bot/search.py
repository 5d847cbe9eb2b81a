"""Search as you type for inline mode: which cards (group, person, unit) a partial query points at.

The rules-bot way: every keystroke is answered from a fixed list of searchable things, ranked without
the engine. A name (or alias) the query starts is best, then one that contains it, then a fuzzy match
(rapidfuzz's partial ratio of the query against the name, at least ``FUZZY_FLOOR``); ties keep the
notice's order. Pure: bot/handlers.py turns the hits into inline results.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.facts import Knowledge

FUZZY_FLOOR = 75.0
_PREFIX, _CONTAINED = 300.0, 200.0  # above any fuzzy score (at most 100)


@dataclass(frozen=True)
class Card:
    """A searchable thing: its title, the names it is found by, and the question that opens it."""

    title: str
    names: tuple[str, ...]
    question: str


def cards(kb: Knowledge, templates: dict[str, str]) -> tuple[Card, ...]:
    """Every group, person and unit of the notice, with the question (``templates`` by kind) opening it."""
    found = [
        Card(g.name, tuple(n for n in (g.name, g.full_name, *g.aliases) if n), templates["group"].format(name=g.name))
        for g in kb.groups.values()
    ]
    found += [Card(p.name, (p.name,), templates["person"].format(name=p.name)) for p in kb.people.values()]
    found += [Card(u.name, (u.name, *u.aliases), templates["unit"].format(name=u.name)) for u in kb.units.values()]
    return tuple(found)


def rank(query: str, candidates: tuple[Card, ...], limit: int) -> list[Card]:
    """The cards ``query`` points at, best first: prefix, then contained, then fuzzy."""
    query = query.strip()
    if not query:
        return []
    scored = []
    for order, card in enumerate(candidates):
        score = max(_score(query, name) for name in card.names)
        if score >= FUZZY_FLOOR:
            scored.append((-score, order, card))
    return [card for _, _, card in sorted(scored, key=lambda s: (s[0], s[1]))[:limit]]


def _score(query: str, name: str) -> float:
    if name.startswith(query):
        return _PREFIX - len(name)  # the shorter name the query starts is the closer one
    if query in name:
        return _CONTAINED - len(name)
    return fuzz.partial_ratio(query, name) if len(query) >= 3 else 0.0  # one or two characters: too many near
