"""A person the question names by the readable start of a roster line the crawl garbled (孜拉吾东 of
孜拉吾东·加拉力?。ㄊ兴贮h…): the line as it stands, and that the notice as crawled does not give the rest."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.loader import holding_fact_id
from knowledge.tools import Tools
from knowledge.turn import Turn

_READABLE = re.compile(r"^[\u4e00-\u9fff]{2,}")  # the characters before the first · or garbled one


def answer(turn: Turn, tools: Tools) -> Answer | None:
    for group in tools.kb.groups.values():
        for holding in group.roles:
            for line in holding.unread:
                start = _READABLE.match(line)
                if start and start.group() in turn.query.text:
                    text = tools.say("garbled_entry", group=group.name, role=holding.label, line=line)
                    parts = [Part(text, (holding_fact_id(group.id, holding),))]
                    return tools.answer(turn.question, parts, turn.entities, 0.6)
    return None
