"""The last row: a facet asked of no group asks which group; anything else is declined with suggestions."""

from __future__ import annotations

from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.tools import Tools
from knowledge.turn import Turn
from knowledge.understand import Query


def answer(turn: Turn, tools: Tools) -> Answer:
    question, query, entities = turn.question, turn.query, turn.entities
    facet = _facet_template(tools, query)
    if facet and not entities:
        offers = tuple(facet.format(name=g.name, aspect="") for g in tools.kb.groups.values())
        text = tools.say("which_group")
        return tools.decline(question, text + "\n" + "\n".join(f"· {o}" for o in offers[:3]), offers=offers)
    if query.has(Cue.WHICH_GROUP) and not entities and (query.unknown or query.content):
        # 营商环竟归哪个组管: a piece of work the notice does not give to any group, said so
        topic = "".join(query.unknown or query.content)
        return tools.decline(question, tools.say("no_group_for", topic=topic) + tools.say("you_may_ask"))
    return tools.decline(question, tools.say("no_answer"), entities)


def _facet_template(tools: Tools, query: Query) -> str | None:
    related = tools.lexicon.related
    if query.has(Cue.DEPUTY):
        return related.deputies
    if query.has(Cue.LEADER) and not query.content:
        return related.leader
    if query.has(Cue.DUTY) and not query.content:
        return related.duty
    return None
