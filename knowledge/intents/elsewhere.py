"""Other governments, districts and levels: the notice is about the city's group only."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn

_OTHER_LEVEL = re.compile(r"(?:区县|区|县|乡镇|街道|省|国家|全国)级?的?$")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query = turn.question, turn.query
    below = any(_OTHER_LEVEL.search(query.text[: m.start]) for m in query.mentions if m.entity.kind is EntityKind.GROUP)
    if not (query.has(Cue.ELSEWHERE) or below):  # 各区县的放管服协调小组: not the city's group
        return None
    text = tools.say("elsewhere", group="、".join(g.full_name or g.name for g in tools.notice_groups()))
    return tools.decline(question, text, prefix_only=True)
