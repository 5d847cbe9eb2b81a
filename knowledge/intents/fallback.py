"""The last row: a facet asked of no group asks which group; a piece of work no group has is said so,
with the clauses that share its words offered; anything else is declined with suggestions."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Aspect
from knowledge.lexicon import Cue
from knowledge.tools import Tools
from knowledge.turn import Turn
from knowledge.understand import Query

_OFFER_SCORE = 0.3  # a clause covering this share of the question's weight is worth offering, not answering
_OFFER_CHARS = 24


def answer(turn: Turn, tools: Tools) -> Answer:
    question, query, entities = turn.question, turn.query, turn.entities
    facet = _facet_template(tools, query)
    if facet and not entities:
        offers = tuple(tools.offer(facet, g) for g in tools.kb.groups.values())
        top = tools.kb.groups.get(tools.kb.top or "")
        if top is not None and not query.has(Cue.DUTY, Cue.PRONOUN, Cue.DESCRIBED_GROUP):  # (这些组的组长: of what?)
            # 组长? / 副组长一共几个人: the group the notice sets up, named as such, and the others offered
            part = tools.group_answer(query, top)
            others = tuple(o for o, g in zip(offers, tools.kb.groups.values(), strict=True) if g.id != top.id)
            shown = tools.answer(question, [part, Part(tools.say("other_groups_too", top=top.name))], (), 0.6)
            return replace(shown, suggestions=others[: tools.config.max_suggestions] or shown.suggestions)
        text = tools.say("which_group")
        return tools.decline(question, text + "\n" + "\n".join(f"· {o}" for o in offers[:3]), offers=offers)
    if query.has(Cue.WHICH_GROUP) and not entities and (query.unknown or query.content):
        # 营商环竟归哪个组管: a piece of work the notice gives to no group, said so; clauses that share
        # enough of its words are offered (您问的是不是…), never answered
        offers = _near_clauses(tools, query)
        if offers:
            text = tools.say("did_you_mean") + "\n" + "\n".join(f"· {o}" for o in offers)
            return tools.decline(question, text, offers=offers)
        return tools.decline(question, tools.say("no_group_for") + tools.say("you_may_ask"))
    return tools.decline(question, tools.say("no_answer"), entities)


def _near_clauses(tools: Tools, query: Query) -> tuple[str, ...]:
    """Questions about the groups' clauses that share two or more of the question's words of the notice."""
    if len({w for w in query.content if w in tools.index.idf}) < 2:
        return ()
    hits = tools.index.search(list(query.content), limit=3)
    offers = []
    for hit in [h for h in hits if h.score >= _OFFER_SCORE and h.clause.subject in tools.kb.groups][:2]:
        body = hit.clause.text
        for aspect in Aspect:
            body = body.removeprefix(f"{aspect.value}方面，")
        pieces = [piece.strip("，;；。") for piece in body.split("，") if piece.strip("，;；。")]
        piece = max(pieces, key=lambda text: sum(w in text for w in query.content))  # the part it shares
        offers.append(tools.say("who_does", work=piece[:_OFFER_CHARS]))
    return tuple(dict.fromkeys(offers))


def _facet_template(tools: Tools, query: Query) -> str | None:
    related = tools.lexicon.related
    if query.has(Cue.DEPUTY):
        return related.deputies
    if query.has(Cue.LEADER) and not query.content:
        return related.leader
    if query.has(Cue.MEMBERS) and not query.content:  # 成员单位有哪些, of a 指挥部 with 工作组 under it
        return related.members
    if query.has(Cue.DUTY) and not query.content:
        return related.duty
    return None
